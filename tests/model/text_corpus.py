"""Passages for rule G6 (figures in the text against the tables), written in the style of real reports,
and real passages of published reports (REAL, at the end: each with its source).

Each passage comes with the table figures it describes and the findings expected: [] for a correct
passage (a false alarm there is a defect), or the (first cell, stated figure) pairs for a wrong one.
Most wrong passages are a correct one with one figure changed (`wrong`), so a pair shows that the
check hears exactly the figure that differs; some change the table instead of the text.

Figures are given compactly: `"t3.<row>": (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他)` or
an int for 自然人 alone; `"t4.<group>": (结果维持, 结果纠正, 其他结果, 尚未审结)`; table 二 cells by code.
A table that has any figure given has every other input cell 0; a table with none is left blank.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

Stated = int | Decimal


@dataclass(frozen=True)
class Passage:
    name: str
    section: str  # preamble | s1 | s5 | s6
    text: str
    figures: dict[str, Any]
    expected: list[tuple[str, Stated]] = field(default_factory=list)
    year: int = 2022
    kind: str = "department"  # agency_kind
    source: str = ""  # for a real published passage: where it was published (and how its table was known)

    @property
    def correct(self) -> bool:
        return not self.expected


def wrong(base: Passage, old: str, new: str, expected: list[tuple[str, Stated]], name: str = "") -> Passage:
    """`base` with one phrase of its text changed; the change must happen exactly once."""
    assert base.text.count(old) == 1, (base.name, old)
    return replace(base, name=name or f"{base.name}/{new}", text=base.text.replace(old, new), expected=expected)


def wrong_table(base: Passage, figures: dict[str, Any], expected: list[tuple[str, Stated]], name: str) -> Passage:
    """`base` with its text unchanged and some table figures changed."""
    return replace(base, name=name, figures={**base.figures, **figures}, expected=expected)


# ---------------------------------------------------------------------------------------------------
# Correct passages

JINXIANG_S1 = Passage(
    "jinxiang_s1",
    "s1",
    "2022 年，在县委、县政府的坚强领导下，县行政审批服务局深入贯彻落实中央和省、市、县关于全面推进政务公开的安排部署，"
    "不断完善制度规范，扩大公众参与，加强解读回应，拓展公开渠道，不断提升政府信息公开质量。\n"
    "（一）多渠道做好信息主动公开工作\n"
    "2022 年度，我局坚持主动公开相关政府信息，围绕行政审批领域做好信息公开工作，方便群众了解信息。通过金乡县政府门户网站、"
    "“金乡政务服务”微信公众号、“金乡县行政审批服务局”官方微博累计发布 657 条信息。在国家、省、市、县各类媒体发布新闻宣传稿件 "
    "340 篇，进一步提升了部门宣传力度和社会影响力。\n"
    "（二）依申请公开情况\n"
    "2022 年，我局收到 2 条政府信息公开申请，均按要求进行答复。\n"
    "（三）强化政府信息管理力度\n"
    "一是严格信息公开管理流程。加强政府信息公开工作全流程管理，确保了信息发布的质量。二是严格做好公开信息保密审查。\n"
    "2022年，我局未发生政府信息公开泄密事件。通过山东省政策服务“中央厨房”、局门户网站等渠道共解读20篇政策文件。\n"
    "（五）完善监督保障机制\n"
    "制定年度培训计划，于6月和11月，分别就政务公开、信息报送、网站和新媒体管理、政策解读编写等方面，组织两次政务公开培训会议；"
    "明确专人专岗负责，其中负责受理信息公开申请的工作人员 2 人，负责网站新闻发布、新媒体日常内容保障的工作人员 1 人。",
    {"t3.new": 2, "t3.open": 2, "t2.license.decisions": 23140},
)

DEPT_SHORT = Passage(
    "dept_short",
    "s1",
    "（二）依申请公开\n"
    "2022年，我局共收到政府信息公开申请5件，其中自然人4件、法人或其他组织1件。予以公开3件，部分公开1件，"
    "无法提供1件（本机关不掌握相关政府信息），已全部办结。",
    {"t3.new": (4, 1, 0, 0, 0, 0), "t3.open": 3, "t3.partial": 1, "t3.unable_1": (0, 1, 0, 0, 0, 0)},
)

GOV_COUNTY = Passage(
    "gov_county",
    "s1",
    "（二）依申请公开\n"
    "2022年，全县共受理政府信息公开申请320件，其中本年度新收301件，上年结转19件。从申请人类型看，自然人提出申请276件，"
    "法人或其他组织提出申请25件。办理结果方面，予以公开198件，部分公开41件，不予公开12件，无法提供45件，不予处理6件，"
    "其他处理3件，结转下年度继续办理15件。\n"
    "（五）监督保障\n"
    "本年度因政府信息公开被申请行政复议8件，被提起行政诉讼5件，其中结果纠正2件。全县组织政务公开专题培训3次，"
    "对12个单位开展政务公开工作考核，未发生因政务公开工作不力被责任追究的情况。",
    {
        "t3.new": (276, 20, 1, 2, 2, 0),
        "t3.carried_in": (17, 2, 0, 0, 0, 0),
        "t3.open": (180, 16, 1, 1, 0, 0),
        "t3.partial": (37, 3, 0, 0, 1, 0),
        "t3.deny_4": (8, 1, 0, 0, 0, 0),
        "t3.deny_6": (3, 0, 0, 0, 0, 0),
        "t3.unable_1": (42, 1, 0, 1, 1, 0),
        "t3.ignore_1": (5, 0, 0, 0, 0, 0),
        "t3.ignore_2": (1, 0, 0, 0, 0, 0),
        "t3.other_1": (3, 0, 0, 0, 0, 0),
        "t3.carried_out": (14, 1, 0, 0, 0, 0),
        "t4.review": (5, 1, 0, 2),
        "t4.suit_direct": (3, 1, 0, 0),
        "t4.suit_after_review": (1, 0, 0, 0),
    },
    kind="government",
)

DONE_44 = Passage(
    "done_44",
    "s1",
    "2022年，我委共收到政府信息公开申请45件，截至12月31日，办结44件，1件结转至2023年继续办理。",
    {"t3.new": (40, 5, 0, 0, 0, 0), "t3.open": (30, 4, 0, 0, 0, 0), "t3.unable_1": (10, 0, 0, 0, 0, 0),
     "t3.carried_out": (0, 1, 0, 0, 0, 0)},
)

NONE_AT_ALL = Passage(
    "none_at_all",
    "s1",
    "（二）依申请公开\n2022年，本单位未收到政府信息公开申请，未发生因政府信息公开引起的行政复议、行政诉讼。",
    {"t3.new": 0, "t4.review": (0, 0, 0, 0)},
)

APPROX_MORE = Passage(
    "approx_more",
    "s1",
    "全年共收到政府信息公开申请二十余件，均已依法答复。各乡镇（街道）收到申请近百件，约40件涉及征地拆迁，"
    "20多件属于信访举报投诉类申请。",
    {"t3.new": (21, 2, 0, 0, 0, 0), "t3.open": (15, 2, 0, 0, 0, 0), "t3.unable_1": (6, 0, 0, 0, 0, 0)},
)

PREAMBLE_GOV = Passage(
    "preamble_gov",
    "preamble",
    "本报告由济宁市人民政府办公室根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室"
    "关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。\n"
    "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。本报告电子版可在济宁市人民政府门户网站（www.jining.gov.cn）查阅或下载。"
    "如对本报告有疑问，请与济宁市人民政府办公室联系（地址：济宁市任城区太白楼中路6号，邮编：272000，电话：0537-2967126）。",
    {"t3.new": (6, 0, 0, 0, 0, 0), "t3.open": 6, "t4.review": (1, 0, 0, 0)},
    kind="government",
)

PROACTIVE_8260 = Passage(
    "proactive_8260",
    "s1",
    "（一）主动公开\n"
    "全年主动公开政府信息8260条，其中通过政府网站发布信息6120条，政务新媒体发布2140条；发布政策解读材料126篇，"
    "其中图解、视频等多元化解读63篇；组织政务公开培训3次，培训人员260人次。及时回应社会关切12件，主动予以公开各类信息1,200条。",
    {"t3.new": (7, 1, 0, 0, 0, 0), "t3.open": (7, 1, 0, 0, 0, 0)},
)

OTHER_YEAR = Passage(
    "other_year",
    "s1",
    "2022年，共收到政府信息公开申请45件，较2021年的38件增加7件，同比增长18.4%。上一年度结转的申请3件均已在本年度办结。",
    {"t3.new": (40, 5, 0, 0, 0, 0), "t3.carried_in": 3, "t3.open": (43, 5, 0, 0, 0, 0)},
)

CHINESE_NUMERALS = Passage(
    "chinese_numerals",
    "s1",
    "本年度共收到政府信息公开申请十二件，其中自然人十件、法人或其他组织两件；予以公开八件，部分公开两件，不予处理两件。",
    {"t3.new": (10, 2, 0, 0, 0, 0), "t3.open": (7, 1, 0, 0, 0, 0), "t3.partial": (1, 1, 0, 0, 0, 0),
     "t3.ignore_2": (2, 0, 0, 0, 0, 0)},
)

FULLWIDTH = Passage(
    "fullwidth",
    "s1",
    "全年收到政府信息公开申请２３件，予以公开１５件，部分公开３件，无法提供５件。",
    {"t3.new": (23, 0, 0, 0, 0, 0), "t3.open": 15, "t3.partial": 3, "t3.unable_1": 5},
)

THOUSANDS = Passage(
    "thousands",
    "s1",
    "2022年，全省各级行政机关共收到政府信息公开申请1,234件，办结1,198件，结转下年度36件。",
    {"t3.new": (1100, 120, 4, 5, 5, 0), "t3.open": (700, 80, 2, 3, 3, 0), "t3.unable_1": (375, 30, 1, 2, 2, 0),
     "t3.carried_out": (25, 10, 1, 0, 0, 0)},
    kind="government",
)

FEES_S6 = Passage(
    "fees_s6",
    "s6",
    "（一）政府信息公开申请收费情况\n"
    "本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），2022年共收取信息处理费200元，"
    "未发生申请人逾期未缴费的情况。\n"
    "（三）本行政机关人大代表建议和政协提案办理结果公开情况\n"
    "2022年，我局共承办人大代表建议12件、政协提案9件，已全部办结，办理结果均已公开。",
    {"t2.fees.amount": Decimal("0"), "t3.new": 3, "t3.open": 2, "t3.carried_out": 1},
)

T2_DOCS = Passage(
    "t2_docs",
    "s1",
    "（三）政府信息管理\n"
    "2022年，我局制发行政规范性文件5件，废止2件，现行有效行政规范性文件40件；作出行政许可决定1,520件、行政处罚决定36件，"
    "实施行政强制措施4件，均已按规定在门户网站公开。",
    {"t2.normative.issued": 5, "t2.normative.repealed": 2, "t2.normative.in_force": 40,
     "t2.license.decisions": 1520, "t2.penalty.decisions": 36, "t2.enforcement.decisions": 4},
)

CITY_RULES = Passage(
    "city_rules",
    "s1",
    "本年度制定政府规章2件、行政规范性文件8件，废止规章1件，对现行有效的政策文件300件开展了全面清理。",
    {"t2.regulation.issued": 2, "t2.regulation.repealed": 1, "t2.regulation.in_force": 31,
     "t2.normative.issued": 8, "t2.normative.repealed": 3, "t2.normative.in_force": 260},
    kind="government",
)

LICENSE_RECEIVED = Passage(
    "license_received",
    "s1",
    "全年受理行政许可申请25,000件，办结24,860件，作出行政许可决定24,860件，公示行政处罚信息120条。"
    "依申请公开方面，受理政府信息公开申请3件，均已按期答复。",
    {"t2.license.decisions": 24860, "t2.penalty.decisions": 118, "t3.new": 3, "t3.open": 3},
)

JUSTICE_BUREAU = Passage(
    "justice_bureau",
    "s1",
    "2022年，我局共办理行政复议案件85件，其中政府信息公开类案件3件，均在网站公开行政复议决定书。"
    "市政府作为行政复议机关，全年办理政府信息公开类行政复议案件45件。",
    {"t4.review": (0, 0, 0, 0), "t3.new": 4, "t3.open": 4},
)

GOV_BREAKDOWN = Passage(
    "gov_breakdown",
    "s1",
    "2022年，全区共收到政府信息公开申请156件，其中区政府办公室收到38件，区自然资源局收到52件，各街道办事处收到66件。"
    "全区各级行政机关共收到政府信息公开申请156件。区本级收到90件，街道（乡镇）收到66件。",
    {"t3.new": (140, 16, 0, 0, 0, 0), "t3.open": (100, 10, 0, 0, 0, 0), "t3.unable_1": (40, 6, 0, 0, 0, 0)},
    kind="government",
)

RECEIVED_BEFORE_NOUN = Passage(
    "received_before_noun",
    "s1",
    "2022年，我局共收到45件政府信息公开申请，已办结44件，另有1件因需征求第三方意见，结转至2023年继续办理。",
    {"t3.new": (45, 0, 0, 0, 0, 0), "t3.open": 44, "t3.carried_out": 1},
)

APPLICANTS_NEXT_SENTENCE = Passage(
    "applicants_next_sentence",
    "s1",
    "本年度共新收政府信息公开申请62件。其中，自然人申请58件，商业企业申请3件，法律服务机构申请1件。",
    {"t3.new": (58, 3, 0, 0, 1, 0), "t3.open": (58, 3, 0, 0, 1, 0)},
)

S5_LAST_YEAR = Passage(
    "s5_last_year",
    "s5",
    "（一）上年度问题整改情况\n"
    "针对上年度报告中指出的依申请公开答复不够规范的问题，我局修订了依申请公开工作流程，2021年收到的政府信息公开申请12件已全部办结。\n"
    "（二）存在的主要问题\n"
    "一是依申请公开答复文书的规范性有待提高；二是政策解读形式较为单一。\n"
    "（三）改进措施\n"
    "2023年，我局将组织依申请公开业务培训不少于2次，力争全年办理政府信息公开申请零差错。",
    {"t3.new": 20, "t3.carried_in": 0, "t3.open": 18, "t3.carried_out": 2},
)

REVIEW_QI = Passage(
    "review_qi",
    "s1",
    "本年度，因政府信息公开工作被申请行政复议2起（结果维持1起、尚未审结1起），被提起行政诉讼1起（结果纠正1起）。",
    {"t4.review": (1, 0, 0, 1), "t4.suit_direct": (0, 1, 0, 0)},
)

EACH_ONE = Passage(
    "each_one",
    "s1",
    "全年发生政府信息公开行政复议、行政诉讼案件各1件，均未被纠错。",
    {"t4.review": (1, 0, 0, 0), "t4.suit_after_review": (1, 0, 0, 0)},
)

OFFICE_WITH_CARRIED = Passage(
    "office_with_carried",
    "s1",
    "2022年，县政府办公室受理政府信息公开申请41件（含上年结转3件），已办结39件，2件结转下年度办理。",
    {"t3.new": (36, 2, 0, 0, 0, 0), "t3.carried_in": (3, 0, 0, 0, 0, 0), "t3.open": (30, 2, 0, 0, 0, 0),
     "t3.unable_1": (7, 0, 0, 0, 0, 0), "t3.carried_out": (2, 0, 0, 0, 0, 0)},
)

RESULT_DETAILS = Passage(
    "result_details",
    "s1",
    "在办理结果中，予以公开16件，部分公开3件，不予公开2件（其中属于国家秘密1件、属于四类过程性信息1件），"
    "无法提供5件（均为本机关不掌握相关政府信息），不予处理1件（重复申请），其他处理1件。",
    {"t3.new": (25, 3, 0, 0, 0, 0), "t3.open": (14, 2, 0, 0, 0, 0), "t3.partial": (3, 0, 0, 0, 0, 0),
     "t3.deny_1": 1, "t3.deny_6": 1, "t3.unable_1": (4, 1, 0, 0, 0, 0), "t3.ignore_2": 1, "t3.other_1": 1},
)

APPLICANTS_WITH_CARRIED = Passage(
    "applicants_with_carried",
    "s1",
    "共收到政府信息公开申请27件（含上年结转2件），其中自然人申请25件，法人或其他组织申请2件。",
    {"t3.new": (23, 2, 0, 0, 0, 0), "t3.carried_in": (2, 0, 0, 0, 0, 0), "t3.open": (25, 2, 0, 0, 0, 0)},
)

LEGAL_FIVE_COLUMNS = Passage(
    "legal_five_columns",
    "s1",
    "2022年新收政府信息公开申请40件，其中自然人提出申请27件，法人或其他组织提出申请13件。",
    {"t3.new": (27, 8, 1, 2, 1, 1), "t3.open": (27, 8, 1, 2, 1, 1)},
)

ALL_DONE = Passage(
    "all_done",
    "s1",
    "2022年，我局共收到政府信息公开申请8件，均已按时办结。",
    {"t3.new": 8, "t3.open": 8},
)

NO_FEE_APPLICATIONS = Passage(
    "no_fee_applications",
    "s6",
    "（一）政府信息公开申请收费情况\n本年度未收到需要收取信息处理费的政府信息公开申请，未收取信息处理费。",
    {"t3.new": 5, "t3.open": 5},
)

NOT_COUNTS = Passage(
    "not_counts",
    "s1",
    "聚焦“高效办成一件事”，全年办理政府信息公开申请的平均时长为8个工作日，较法定时限缩短12个工作日。"
    "依申请公开受理电话：0531-86101234，受理时间为工作日9:00—17:00，全年通过该电话受理咨询326个。"
    "依据《条例》第三十六条第（三）项，对3件申请告知申请人不予公开。依申请公开按时办结率100%。",
    {"t3.new": 9, "t3.open": 6, "t3.deny_4": 3},
)

DATES_IN_SENTENCE = Passage(
    "dates_in_sentence",
    "s1",
    "2022年1月1日至12月31日，我局收到政府信息公开申请6件，截至2023年1月10日已全部答复。",
    {"t3.new": 6, "t3.open": 6},
)

ZEROS = Passage(
    "zeros",
    "s1",
    "全年收到政府信息公开申请0件，行政复议0件，行政诉讼0件。",
    {"t3.new": 0, "t4.review": (0, 0, 0, 0)},
)

ZERO_NO_UNIT = Passage(
    "zero_no_unit",
    "s1",
    "本年度政府信息公开行政复议、行政诉讼数量均为0。",
    {"t4.review": (0, 0, 0, 0)},
)

DEPT_SUBJECT_TOPIC = Passage(
    "dept_subject_topic",
    "s1",
    "（二）依申请公开\n依申请公开方面，全年共受理12件，均在法定期限内答复。",
    {"t3.new": (11, 1, 0, 0, 0, 0), "t3.open": (11, 1, 0, 0, 0, 0)},
)

SUM_OF_TWO = Passage(
    "sum_of_two",
    "s1",
    "全年收到政府信息公开申请35件，予以公开和部分公开共计35件。",
    {"t3.new": 35, "t3.open": 30, "t3.partial": 5},
)

DATA_NOTE_S6 = Passage(
    "data_note_s6",
    "s6",
    "（五）本行政机关政府信息公开工作年度报告数据统计需要说明的事项\n"
    "表三中“上年结转政府信息公开申请数量”为3件，系2021年12月下旬收到、2022年办结的申请。",
    {"t3.new": 10, "t3.carried_in": 3, "t3.open": 13},
)

CHINESE_NOUN_FIRST = Passage(
    "chinese_noun_first",
    "s1",
    "2022年全年共收到依申请公开申请三十一件，同意公开二十六件，不予公开一件，无法提供四件。",
    {"t3.new": (30, 1, 0, 0, 0, 0), "t3.open": (25, 1, 0, 0, 0, 0), "t3.deny_3": 1, "t3.unable_1": 4},
)

GOV_CITY_LONG = Passage(
    "gov_city_long",
    "s1",
    "2022年，市政府深入贯彻落实《条例》和国务院办公厅、省政府办公厅关于政务公开工作的部署要求，以公开促落实、强监管、优服务，"
    "全市政务公开工作取得新成效。\n"
    "（一）主动公开\n"
    "一是做好政策文件公开。全年制发市政府行政规范性文件14件，废止5件，截至年底现行有效市政府行政规范性文件216件，"
    "均已在“政策文件库”集中公开。二是强化政策解读。围绕稳经济、促发展等重点，发布政策解读182篇，组织新闻发布会36场。"
    "三是做好“双公开”工作。作出行政许可决定45,216件、行政处罚决定3,108件、行政强制决定87件。\n"
    "（二）依申请公开\n"
    "全市各级行政机关共收到政府信息公开申请2,845件，较上年增长9.6%，其中自然人申请2,516件、法人或其他组织申请329件；"
    "加上上年结转的申请112件，共计需办理2,957件。办结2,831件，其中予以公开1,362件、部分公开418件、不予公开96件、"
    "无法提供702件、不予处理185件、其他处理68件；结转下年度继续办理126件。\n"
    "（三）政府信息管理\n"
    "严格落实公文类信息公开属性源头认定制度，对2019年以来制发的1,860件文件开展公开属性复核。\n"
    "（四）平台建设\n"
    "整合优化政府网站集约化平台，全年网站访问量达2,360万人次，办理网民留言1,024件。\n"
    "（五）监督保障\n"
    "将政务公开纳入全市高质量发展综合绩效考核，开展第三方评估1次。全年因政府信息公开被申请行政复议63件，"
    "被提起行政诉讼41件，行政复议、行政诉讼结果纠正合计9件。",
    {
        "t2.normative.issued": 14, "t2.normative.repealed": 5, "t2.normative.in_force": 216,
        "t2.license.decisions": 45216, "t2.penalty.decisions": 3108, "t2.enforcement.decisions": 87,
        "t3.new": (2516, 290, 4, 12, 18, 5),
        "t3.carried_in": (100, 12, 0, 0, 0, 0),
        "t3.open": (1212, 140, 2, 3, 4, 1),
        "t3.partial": (370, 40, 0, 2, 6, 0),
        "t3.deny_4": (60, 10, 0, 0, 0, 0),
        "t3.deny_6": (20, 6, 0, 0, 0, 0),
        "t3.unable_1": (600, 80, 1, 5, 5, 2),
        "t3.unable_3": (8, 1, 0, 0, 0, 0),
        "t3.ignore_1": (150, 10, 0, 0, 0, 0),
        "t3.ignore_2": (24, 1, 0, 0, 0, 0),
        "t3.other_1": (60, 6, 0, 0, 0, 2),
        "t3.carried_out": (112, 8, 1, 2, 3, 0),
        "t4.review": (40, 5, 10, 8),
        "t4.suit_direct": (25, 3, 5, 5),
        "t4.suit_after_review": (2, 1, 0, 0),
    },
    kind="government",
)

TOWN_SHORT = Passage(
    "town_short",
    "s1",
    "2022年，镇政府坚持“公开为常态、不公开为例外”原则，全年未收到政府信息公开申请，也无行政复议和行政诉讼案件。",
    {"t3.new": 0, "t4.review": (0, 0, 0, 0)},
    kind="government",
)

S6_OTHER = Passage(
    "s6_other",
    "s6",
    "（四）本行政机关年度政务公开工作创新情况\n"
    "打造“政务公开+政务服务”融合专区，设置查阅点12个，全年接待群众查阅咨询1,580人次，收到意见建议36条。\n"
    "（六）本行政机关认为需要报告的其他事项\n无",
    {"t3.new": 4, "t3.open": 4},
)

REVIEW_CORRECTED = Passage(
    "review_corrected",
    "s5",
    "（一）存在的主要问题\n"
    "本年度因政府信息公开被申请行政复议3件，其中结果纠正1件，暴露出个别答复说理不充分的问题。",
    {"t4.review": (2, 1, 0, 0)},
)

FEES_T2 = Passage(
    "fees_t2",
    "s1",
    "（一）主动公开\n"
    "严格落实收费公示制度，全年行政事业性收费金额为12.5万元，收费项目、标准及依据均在门户网站公开。"
    "依申请公开中共收取信息处理费300元。",
    {"t2.fees.amount": Decimal("12.5"), "t3.new": 4, "t3.open": 3, "t3.other_2": 1},
)

PARTS_NOT_TOTALS = Passage(
    "parts_not_totals",
    "s1",
    "全年共办理行政处罚案件236件，罚没款金额1,250万元。全年共清理规范性文件56件，其中废止8件，宣布失效3件，继续有效45件。"
    "共收到政府信息公开申请14件，其中网上收到12件，按期办结12件，延期办结2件；按期答复12件，延期答复2件。",
    {"t2.penalty.decisions": 230, "t2.normative.repealed": 11, "t2.normative.issued": 4, "t2.normative.in_force": 90,
     "t3.new": 14, "t3.open": 12, "t3.unable_1": 2},
)

NOT_PROCESSED = Passage(
    "not_processed",
    "s1",
    "全年共收到政府信息公开申请5件，予以公开4件，因申请人逾期未补正不再处理1件。",
    {"t3.new": 5, "t3.open": 4, "t3.other_1": 1},
)

COUNTIES_BREAKDOWN = Passage(
    "counties_breakdown",
    "s1",
    "市本级共收到政府信息公开申请120件，各县区共收到300件，全市合计420件。2020—2022年累计收到政府信息公开申请1,095件。",
    {"t3.new": (400, 20, 0, 0, 0, 0), "t3.open": (300, 15, 0, 0, 0, 0), "t3.unable_1": (100, 5, 0, 0, 0, 0)},
    kind="government",
)

REVIEW_BODY_GOV = Passage(
    "review_body_gov",
    "s1",
    "全年共处理行政复议案件12件，行政诉讼案件6件。本机关全年受理行政复议申请56件，审结52件。未收到行政复议决定书送达。",
    {"t4.review": (1, 0, 0, 0), "t4.suit_direct": (0, 0, 0, 0)},
    kind="government",
)

CARRIED_OUT_YEAR = Passage(
    "carried_out_year",
    "s1",
    "2022年度，我局办理政府信息公开申请共计7件（其中上年度结转1件），已办结6件，结转至2023年1件。"
    "2021年度结转至2022年度办理的申请1件已全部办结。",
    {"t3.new": 6, "t3.carried_in": 1, "t3.open": 6, "t3.carried_out": 1},
)

SERVICE_HALL = Passage(
    "service_hall",
    "s1",
    "（四）政府信息公开平台建设\n"
    "全年共收到政府信息公开申请2件，均已答复。全年共受理各类审批申请23,140件，办结23,102件。"
    "依托政务服务大厅，全年共受理申请23,140件，办结23,102件，其中网上受理18,560件。"
    "本年度未收到申请人缴纳信息处理费的情况。依申请公开答复规范，未发生因答复不规范引起的行政复议。",
    {"t3.new": 2, "t3.open": 2, "t4.review": (2, 0, 0, 0), "t2.license.decisions": 23140},
)

OFFICE_FEN = Passage(
    "office_fen",
    "s1",
    "2022年，区政府办公室共收到8份政府信息公开申请，均为自然人申请。其中，予以公开2件，部分公开2件，"
    "属于四类过程性信息1件，本办不掌握相关政府信息2件，其他1件（申请人自主撤销）。无下年度结转。",
    {"t3.new": 8, "t3.open": 2, "t3.partial": 2, "t3.deny_6": 1, "t3.unable_1": 2, "t3.other_3": 1},
    kind="government",
)

NO_REQUEST_MATTERS = Passage(
    "no_request_matters",
    "s1",
    "（二）依申请公开情况\n2022年，未收到依申请公开事项。",
    {"t3.new": 0, "t3.carried_in": 0},
)

DISTRICT_PERCENT = Passage(
    "district_percent",
    "s1",
    "2、依申请公开情况。2022年，全区共收到政府信息公开申请130件，申请量同比增长103%。"
    "为提升答复群众满意率，我区进一步规范政府信息公开申请答复流程，办复率100%，其中予以公开或部分公开59件、占45.3%；"
    "不予公开32件、占24.6%；无法提供26件、占20%；不予处理1件、占0.7%；其他处理12件、占9.2%。",
    {"t3.new": (120, 10, 0, 0, 0, 0), "t3.open": (40, 4, 0, 0, 0, 0), "t3.partial": (14, 1, 0, 0, 0, 0),
     "t3.deny_4": (20, 2, 0, 0, 0, 0), "t3.deny_6": (10, 0, 0, 0, 0, 0), "t3.unable_1": (23, 3, 0, 0, 0, 0),
     "t3.ignore_2": 1, "t3.other_1": 12},
    kind="government",
)

COMPANY_LOOSE = Passage(
    "company_loose",
    "s1",
    "本年度共收到政府信息公开申请20件，其中企业申请5件，其余为自然人申请。",
    {"t3.new": (15, 3, 0, 0, 0, 2), "t3.open": (15, 3, 0, 0, 0, 2)},
)

CITY_REGULATIONS_PUBLIC = Passage(
    "city_regulations_public",
    "s1",
    "2022年，在市人民政府网站、《市人民政府公报》主动公开市政府规章13件（含新制定5件，修改4件，废止4件），"
    "主动公开市政府和市政府办公厅行政规范性文件42件，人事任免文件106件，其他文件113件。",
    {"t2.regulation.issued": 9, "t2.regulation.repealed": 4, "t2.regulation.in_force": 220,
     "t2.normative.issued": 42, "t2.normative.repealed": 10, "t2.normative.in_force": 300},
    kind="government",
)

CORRECT: tuple[Passage, ...] = (
    JINXIANG_S1, DEPT_SHORT, GOV_COUNTY, DONE_44, NONE_AT_ALL, APPROX_MORE, PREAMBLE_GOV, PROACTIVE_8260,
    OTHER_YEAR, CHINESE_NUMERALS, FULLWIDTH, THOUSANDS, FEES_S6, T2_DOCS, CITY_RULES, LICENSE_RECEIVED,
    JUSTICE_BUREAU, GOV_BREAKDOWN, RECEIVED_BEFORE_NOUN, APPLICANTS_NEXT_SENTENCE, S5_LAST_YEAR, REVIEW_QI,
    EACH_ONE, OFFICE_WITH_CARRIED, RESULT_DETAILS, APPLICANTS_WITH_CARRIED, LEGAL_FIVE_COLUMNS, ALL_DONE,
    NO_FEE_APPLICATIONS, NOT_COUNTS, DATES_IN_SENTENCE, ZEROS, ZERO_NO_UNIT, DEPT_SUBJECT_TOPIC, SUM_OF_TWO,
    DATA_NOTE_S6, CHINESE_NOUN_FIRST, GOV_CITY_LONG, TOWN_SHORT, S6_OTHER, REVIEW_CORRECTED, FEES_T2,
    PARTS_NOT_TOTALS, NOT_PROCESSED, COUNTIES_BREAKDOWN, REVIEW_BODY_GOV, CARRIED_OUT_YEAR, SERVICE_HALL,
    OFFICE_FEN, NO_REQUEST_MATTERS, DISTRICT_PERCENT, COMPANY_LOOSE, CITY_REGULATIONS_PUBLIC,
)

# ---------------------------------------------------------------------------------------------------
# Wrong passages: one figure changed

WRONG: tuple[Passage, ...] = (
    wrong(JINXIANG_S1, "我局收到 2 条", "我局收到 3 条", [("t3.new.total", 3)]),
    wrong(DEPT_SHORT, "其中自然人4件", "其中自然人5件", [("t3.new.natural", 5)]),
    wrong(DEPT_SHORT, "法人或其他组织1件", "法人或其他组织2件", [("t3.new.business", 2)]),
    wrong(DEPT_SHORT, "予以公开3件", "予以公开4件", [("t3.open.total", 4)]),
    wrong_table(DEPT_SHORT, {"t3.unable_1": 0, "t3.carried_out": (0, 1, 0, 0, 0, 0)},
                [("t3.unable_1.total", 1), ("t3.carried_out.total", 0)], "dept_short/table:carried_out"),
    wrong(GOV_COUNTY, "受理政府信息公开申请320件", "受理政府信息公开申请321件", [("t3.new.total", 321)]),
    wrong(GOV_COUNTY, "上年结转19件", "上年结转18件", [("t3.carried_in.total", 18)]),
    wrong(GOV_COUNTY, "不予公开12件", "不予公开13件", [("t3.deny_1.total", 13)]),
    wrong(GOV_COUNTY, "被提起行政诉讼5件", "被提起行政诉讼6件", [("t4.suit_direct.total", 6)]),
    wrong(GOV_COUNTY, "自然人提出申请276件", "自然人提出申请267件", [("t3.new.natural", 267)]),
    wrong(GOV_COUNTY, "结转下年度继续办理15件", "结转下年度继续办理16件", [("t3.carried_out.total", 16)]),
    wrong(GOV_COUNTY, "其中结果纠正2件", "其中结果纠正3件", [("t4.review.corrected", 3)]),
    wrong(DONE_44, "办结44件", "办结43件", [("t3.total.total", 43)]),
    wrong_table(NONE_AT_ALL, {"t3.new": 1, "t3.open": 1}, [("t3.new.total", 0)], "none_at_all/table:new"),
    wrong_table(NONE_AT_ALL, {"t4.review": (1, 0, 0, 0)}, [("t4.review.total", 0)], "none_at_all/table:review"),
    wrong(OTHER_YEAR, "共收到政府信息公开申请45件", "共收到政府信息公开申请46件", [("t3.new.total", 46)]),
    wrong(CHINESE_NUMERALS, "予以公开八件", "予以公开九件", [("t3.open.total", 9)]),
    wrong(CHINESE_NUMERALS, "收到政府信息公开申请十二件", "收到政府信息公开申请一百零五件", [("t3.new.total", 105)]),
    wrong(FULLWIDTH, "予以公开１５件", "予以公开１６件", [("t3.open.total", 16)]),
    wrong(THOUSANDS, "申请1,234件", "申请1,243件", [("t3.new.total", 1243)]),
    wrong(THOUSANDS, "结转下年度36件", "结转下年度63件", [("t3.carried_out.total", 63)]),
    wrong(T2_DOCS, "行政处罚决定36件", "行政处罚决定37件", [("t2.penalty.decisions", 37)]),
    wrong(T2_DOCS, "现行有效行政规范性文件40件", "现行有效行政规范性文件41件", [("t2.normative.in_force", 41)]),
    wrong(T2_DOCS, "废止2件", "废止3件", [("t2.normative.repealed", 3)]),
    wrong(T2_DOCS, "制发行政规范性文件5件", "制发行政规范性文件6件", [("t2.normative.issued", 6)]),
    wrong(CITY_RULES, "制定政府规章2件", "制定政府规章3件", [("t2.regulation.issued", 3)]),
    wrong(LICENSE_RECEIVED, "作出行政许可决定24,860件", "作出行政许可决定24,680件", [("t2.license.decisions", 24680)]),
    wrong(LICENSE_RECEIVED, "受理政府信息公开申请3件", "受理政府信息公开申请4件", [("t3.new.total", 4)]),
    wrong(GOV_BREAKDOWN, "全区共收到政府信息公开申请156件", "全区共收到政府信息公开申请158件", [("t3.new.total", 158)]),
    wrong(RECEIVED_BEFORE_NOUN, "共收到45件", "共收到46件", [("t3.new.total", 46)]),
    wrong(APPLICANTS_NEXT_SENTENCE, "商业企业申请3件", "商业企业申请4件", [("t3.new.business", 4)]),
    wrong(REVIEW_QI, "被申请行政复议2起", "被申请行政复议3起", [("t4.review.total", 3)]),
    wrong(EACH_ONE, "案件各1件", "案件各2件", [("t4.review.total", 2), ("t4.suit_direct.total", 2)]),
    wrong(OFFICE_WITH_CARRIED, "含上年结转3件", "含上年结转4件", [("t3.carried_in.total", 4)]),
    wrong(OFFICE_WITH_CARRIED, "已办结39件", "已办结38件", [("t3.total.total", 38)]),
    wrong(RESULT_DETAILS, "无法提供5件", "无法提供6件", [("t3.unable_1.total", 6)]),
    wrong(RESULT_DETAILS, "不予处理1件", "不予处理2件", [("t3.ignore_1.total", 2)]),
    wrong(APPLICANTS_WITH_CARRIED, "自然人申请25件", "自然人申请26件", [("t3.new.natural", 26)]),
    wrong(LEGAL_FIVE_COLUMNS, "法人或其他组织提出申请13件", "法人或其他组织提出申请14件", [("t3.new.business", 14)]),
    wrong_table(ALL_DONE, {"t3.open": 6, "t3.carried_out": 2}, [("t3.carried_out.total", 0)], "all_done/table:carried_out"),
    wrong(DATES_IN_SENTENCE, "申请6件", "申请7件", [("t3.new.total", 7)]),
    wrong_table(ZEROS, {"t4.review": (1, 0, 0, 0)}, [("t4.review.total", 0)], "zeros/table:review"),
    wrong_table(ZERO_NO_UNIT, {"t4.suit_direct": (1, 0, 0, 0)}, [("t4.suit_direct.total", 0)], "zero_no_unit/table:suit"),
    wrong(DEPT_SUBJECT_TOPIC, "共受理12件", "共受理13件", [("t3.new.total", 13)]),
    wrong(CHINESE_NOUN_FIRST, "无法提供四件", "无法提供三件", [("t3.unable_1.total", 3)]),
    wrong(GOV_CITY_LONG, "办结2,831件", "办结2,813件", [("t3.total.total", 2813)]),
    wrong(GOV_CITY_LONG, "法人或其他组织申请329件", "法人或其他组织申请392件", [("t3.new.business", 392)]),
    wrong(GOV_CITY_LONG, "行政强制决定87件", "行政强制决定78件", [("t2.enforcement.decisions", 78)]),
    wrong(GOV_CITY_LONG, "被申请行政复议63件", "被申请行政复议36件", [("t4.review.total", 36)]),
    wrong(GOV_CITY_LONG, "上年结转的申请112件", "上年结转的申请121件", [("t3.carried_in.total", 121)]),
    wrong_table(TOWN_SHORT, {"t4.suit_direct": (0, 0, 0, 1)}, [("t4.suit_direct.total", 0)], "town_short/table:suit"),
    wrong(REVIEW_CORRECTED, "其中结果纠正1件", "其中结果纠正2件", [("t4.review.corrected", 2)]),
    wrong(FEES_T2, "12.5万元", "125万元", [("t2.fees.amount", Decimal("125"))]),
    wrong(FEES_T2, "全年行政事业性收费金额为12.5万元", "全年行政事业性收费金额为12,500元",
          [("t2.fees.amount", Decimal("1.25"))]),
    wrong(NOT_PROCESSED, "不再处理1件", "不再处理2件", [("t3.other_1.total", 2)]),
    wrong(COUNTIES_BREAKDOWN, "全市合计420件", "全市合计420件；全市共收到政府信息公开申请430件",
          [("t3.new.total", 430)], "counties_breakdown/全市共收到430件"),
    wrong(CARRIED_OUT_YEAR, "结转至2023年1件", "结转至2023年2件", [("t3.carried_out.total", 2)]),
    wrong(CARRIED_OUT_YEAR, "共计7件", "共计8件", [("t3.new.total", 8)]),
    wrong(OFFICE_FEN, "共收到8份", "共收到9份", [("t3.new.total", 9)]),
    wrong(OFFICE_FEN, "部分公开2件", "部分公开3件", [("t3.partial.total", 3)]),
    wrong_table(NO_REQUEST_MATTERS, {"t3.new": 1, "t3.open": 1}, [("t3.new.total", 0)], "no_request_matters/table:new"),
    wrong(DISTRICT_PERCENT, "不予公开32件", "不予公开23件", [("t3.deny_1.total", 23)]),
    wrong(DISTRICT_PERCENT, "其他处理12件", "其他处理21件", [("t3.other_1.total", 21)]),
    wrong(COMPANY_LOOSE, "企业申请5件", "企业申请6件", [("t3.new.business", 6)]),
)

# ---------------------------------------------------------------------------------------------------
# G6 on every table (issue 17 point 7): table 四 in 起/宗 with its results, the split by applicant in
# sentences of its own, table 二 decisions in 起, and results joined by 及 (their sum)

T4_QI_CASES = Passage(
    "t4_qi_cases", "s1", "2022年，发生政府信息公开行政复议案件1起，行政诉讼案件1起。",
    {"t4.review": (1, 0, 0, 0), "t4.suit_direct": (0, 0, 1, 0), "t4.suit_after_review": (0, 0, 0, 0)},
)
T4_RESULTS = Passage(
    "t4_results", "s1",
    "2022年，本机关政府信息公开行政复议案件1宗，结果维持1宗；行政诉讼案件1宗，结果纠正1宗。",
    {"t4.review": (1, 0, 0, 0), "t4.suit_direct": (0, 1, 0, 0), "t4.suit_after_review": (0, 0, 0, 0)},
)
SPLIT_SENTENCES = Passage(
    "split_sentences", "s1",
    "2022年，本局共收到政府信息公开申请2件。其中自然人申请1件。法人或其他组织申请1件。",
    {"t3.new": (1, 1, 0, 0, 0, 0), "t3.open": (1, 1, 0, 0, 0, 0)},
)
T2_QI = Passage(
    "t2_qi", "s1", "2022年，本局作出行政许可决定120件，行政处罚决定35起，行政强制决定3起。",
    {"t2.license.decisions": 120, "t2.penalty.decisions": 35, "t2.enforcement.decisions": 3},
)
OPEN_AND_PARTIAL = Passage(
    "open_and_partial", "s1",
    "2022年共收到政府信息公开申请5件，予以公开及部分公开5件。",
    {"t3.new": 5, "t3.open": 3, "t3.partial": 2},
)

EVERY_TABLE: tuple[Passage, ...] = (T4_QI_CASES, T4_RESULTS, SPLIT_SENTENCES, T2_QI, OPEN_AND_PARTIAL)
EVERY_TABLE_WRONG: tuple[Passage, ...] = (
    wrong(T4_QI_CASES, "行政复议案件1起", "行政复议案件2起", [("t4.review.total", 2)]),
    wrong(T4_QI_CASES, "行政诉讼案件1起", "行政诉讼案件3起", [("t4.suit_direct.total", 3)]),
    wrong(T4_RESULTS, "结果维持1宗", "结果维持2宗", [("t4.review.upheld", 2)]),
    wrong(T4_RESULTS, "结果纠正1宗", "结果纠正2宗", [("t4.suit_direct.corrected", 2)]),
    wrong(SPLIT_SENTENCES, "法人或其他组织申请1件", "法人或其他组织申请2件",
          [("t3.new.business", 2)]),
    wrong(T2_QI, "行政处罚决定35起", "行政处罚决定53起", [("t2.penalty.decisions", 53)]),
    wrong(T2_QI, "行政强制决定3起", "行政强制决定4起", [("t2.enforcement.decisions", 4)]),
    wrong(OPEN_AND_PARTIAL, "予以公开及部分公开5件", "予以公开及部分公开3件", [("t3.open.total", 3)]),
)

# ---------------------------------------------------------------------------------------------------
# Real published passages, as published (quoted sentences, not rewritten), with the source of each. A
# passage whose table was published with it carries that table; where only the text was at hand, the
# table holds the figures the text itself states (no false alarm on real wording is what it proves).

_SH2019_T3 = {
    "t3.new": (821, 35, 0, 0, 2, 1), "t3.carried_in": 18, "t3.open": (258, 12, 0, 0, 1, 1), "t3.partial": 3,
    "t3.deny_1": 14, "t3.deny_5": 5, "t3.deny_6": (3, 1, 0, 0, 0, 0), "t3.deny_8": (10, 2, 0, 0, 0, 0),
    "t3.unable_1": (252, 12, 0, 0, 1, 0), "t3.unable_2": (44, 3, 0, 0, 0, 0), "t3.unable_3": 25,
    "t3.ignore_1": (148, 1, 0, 0, 0, 0), "t3.ignore_2": (5, 4, 0, 0, 0, 0), "t3.carried_out": 72,
    "t4.review": (5, 0, 0, 2), "t4.suit_direct": (8, 0, 0, 1), "t4.suit_after_review": (0, 0, 0, 0),
}
_SH2019_SOURCE = ("上海市人民政府办公厅《2019年上海市人民政府办公厅政府信息公开工作年度报告》（发布日期 2020-01-31，"
                  "www.shanghai.gov.cn），正文“（二）依申请公开方面”与同页表三、表四（空白单元格按 0 计）；"
                  "页面全文见一个公开 GitHub 仓库中保存该网站页面数据的 JS 文件（find_string id 18090078150）")

#: Published with two figures that its own table does not bear out: 予以公开及部分公开 is 258+…=275 in
#: table 三 (258 is 予以公开 of 自然人 alone), and 无法提供 adds up to 337 (265 is 本机关不掌握 alone).
REAL_SH2019 = Passage(
    "real/shanghai_2019_applications",
    "s1",
    "（二）依申请公开方面\n"
    "市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开申请805件"
    "（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。"
    "予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；因本机关不掌握等原因无法提供265件，占32.9%；"
    "不予处理158件，占19.6%；其他处理0件。信息公开类行政复议7件，诉讼9件，均获维持，继续保持了省级政府零败诉的记录，"
    "维护了市政府依法行政、公开透明的良好形象。",
    _SH2019_T3,
    [("t3.open.total", 258), ("t3.unable_1.total", 265)],
    year=2019, kind="government", source=_SH2019_SOURCE,
)
#: The same paragraph without the two clauses the table contradicts: every other figure agrees.
REAL_SH2019_AGREEING = replace(
    REAL_SH2019, name="real/shanghai_2019_agreeing", expected=[],
    text=REAL_SH2019.text.replace("予以公开及部分公开258件，占33.9%；", "").replace(
        "因本机关不掌握等原因无法提供265件，占32.9%；", ""))

#: Published with 受理 2 while its table 三 has 3 new applications and none carried over.
REAL_CHANGCHUN_2023 = Passage(
    "real/changchun_bureau_2023",
    "s1",
    "（二）依申请公开工作情况。我局高度重视依申请公开事项的答复，严格依法依规做好政府信息依申请公开答复，"
    "由专人负责协调有关处室研究答复意见，并按照规定程序，在规定时限内答复申请人。本年度，共受理政府信息公开申请2件，"
    "都在法定期限内予以答复。",
    {"t3.new": 3, "t3.open": 3},
    [("t3.new.total", 2)],
    year=2023,
    source=("http://js.changchun.gov.cn/zcbm/styjrswj/ndbg/202401/t20240115_3271106.html（2023年报；表三“本年新收”"
            "自然人 3、总计 3，上年结转 0；办理结果各行不在所见部分，按 3 件予以公开补齐以使表平衡）"),
)

REAL_ZHANJIANG_2023 = Passage(
    "real/zhanjiang_gazetteer_office_2023",
    "s1",
    "2023年，我办坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入贯彻中央、省、市政务公开部署要求，"
    "严格依据《中华人民共和国政府信息公开条例》做好信息公开工作，管理好、维护好我办频道网站。2023年，我办全年未收到行政许可申请；"
    "全年未接到信息公开申请；各栏目共刊发文稿、通知、公告、公示等44篇。",
    {"t3.new": 0, "t2.license.decisions": 0},
    year=2023,
    source=("https://www.zhanjiang.gov.cn/zjsfw/bmdh/dfz/zwgk/xxgkndbg/content/post_1871569.html"
            "（湛江市人民政府地方志办公室2023年报，表二、表三全为 0）"),
)

REAL_TONGZI_2022 = Passage(
    "real/tongzi_county_2022",
    "s1",
    "（二）依申请公开情况\n"
    "2022年，我县共收到政府信息公开申请21件，均在规定时间内按要求回复。2022年度发生行政复议案件1件，为其他结果；"
    "行政诉讼案件1件，为其他结果。",
    {"t3.new": 21, "t3.open": 21, "t4.review": (0, 0, 1, 0), "t4.suit_direct": (0, 0, 1, 0)},
    kind="government",
    source=("http://www.gztongzi.gov.cn/zwgk/zfxxgk/zfxxgknb/2022n/202302/t20230218_78246924.html"
            "（桐梓县2022年报；表取正文所述数字，复议、诉讼按正文“其他结果”）"),
)

REAL_HEJIANG_2022 = Passage(
    "real/hejiang_county_2022",
    "s1",
    "（二）依申请公开情况。2022年，新受理政府信息公开申请17件，办结17件，上年转结政府信息公开申请0件，转下一年办理0件。",
    {"t3.new": 17, "t3.open": 17},
    kind="government",
    source=("https://www.hejiang.gov.cn/gk/zfxxgknb/xxgkndbg1/content_184762（合江县2022年报；表取正文所述数字）"),
)

REAL_FUGU_2022 = Passage(
    "real/fugu_county_office_2022",
    "s1",
    "（二）依申请公开\n"
    "主动公开“依申请公开”的受理机构、受理程序、申请条件及流程说明，公布申请联系咨询电话，申请渠道畅通，规范依申请公开工作流程，"
    "严格落实信息发布“三审”制度。2022年，收到申请公开21条，办结21条。",
    {"t3.new": 21, "t3.open": 21},
    source="http://fg.gov.cn/info/1648/47211.htm（府谷县政府办2022年报；表取正文所述数字）",
)

REAL_ZHONGJIANG_2022 = Passage(
    "real/zhongjiang_county_2022",
    "s1",
    "（二）依申请公开方面。进一步完善政府信息依申请公开工作制度，细化公开接收、审核、办理、答复、归档等标准和要求，"
    "将责任落细落准落实，确保公开申请依法依规及时有效回复。2022年，全县共收到政府信息公开申请42件，上年结转0件，"
    "全年依法办结41件。",
    {"t3.new": 42, "t3.open": 41, "t3.carried_out": 1},
    kind="government",
    source="中江县人民政府办公室《2022年政府信息公开工作年度报告》（表取正文所述数字，结转 1 件）",
)

REAL: tuple[Passage, ...] = (
    REAL_SH2019, REAL_SH2019_AGREEING, REAL_CHANGCHUN_2023, REAL_ZHANJIANG_2023, REAL_TONGZI_2022,
    REAL_HEJIANG_2022, REAL_FUGU_2022, REAL_ZHONGJIANG_2022,
)

CORRECT = CORRECT + EVERY_TABLE + tuple(p for p in REAL if p.correct)
WRONG = WRONG + EVERY_TABLE_WRONG + tuple(p for p in REAL if not p.correct)
PASSAGES: tuple[Passage, ...] = CORRECT + WRONG
