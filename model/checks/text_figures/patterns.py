"""G6's context words: where sentences and clauses end, years, comparisons, filler between a keyword and
its number, members' shares, and the negations that state a 0 (未收到申请, 未发生行政复议)."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[。！？；!?;\n]")
CLAUSE_END = re.compile(r"[，,；;：:（）()【】\[\]]")
PHRASE_END = re.compile(r"[，,；;：:]")
PAREN = re.compile(r"[（()）]")
SUBHEAD = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])")
APP_SUBHEAD = re.compile(r"依申请|受理|收到")
#: Sentences about something else that has numbers in 件: 人大代表建议、政协提案.
SKIP_SENTENCE = re.compile(r"提案|(?<!复)议案|代表建议|人大建议")  # not the 议案 of 行政复议案件
#: Year words: an explicit year, this year, another year. Years inside keywords (结转至2023年) do not count.
YEAR_WORD = re.compile(
    r"(?P<range>(?<!\d)\d{4}\s*年?\s*(?:—|－|-|~|～|至|到)\s*\d{4}\s*年)|(?P<y>(?<!\d)\d{4})\s*年"
    r"|(?P<this>本年度|本年|今年|全年|年内|当年)"
    r"|(?P<other>上一年度|上年度|上年|去年|前一年|往年|历年|近年|以往|此前|明年|来年|下一年度|下年度"
    r"|近[两三四五六七八九十\d]+年)"
)
#: A comparison with another year in the clause: its numbers are no figures of this year.
COMPARE = re.compile(r"同比|环比|较上年|比上年|较去年|比去年|上年同期|较\d{4}年|比\d{4}年|增长|增加|减少|下降"
                      r"|上升|持平|增幅|降幅|增至|降至|减至|翻")
#: A year word right after these is part of a comparison (较上年, 比2021年), handled by COMPARE.
COMPARE_BEFORE = frozenset("较比与同")
#: Between a keyword and its number: filler only.
GAP = re.compile(r"(?:\s|共计|合计|总计|累计|共有|共|计|总数|总量|数量|件数|案件|措施|金额|为|是|达到|达|了|的|有|均|各|都|皆)*")
GAP_MAX = 12
#: Between a verb and the noun that takes its meaning.
ADOPT_GAP = re.compile(r"(?:\s|的|了|共|并|新|本年度?|至本年度?|至本年|继续办理的?|办理的|提出的?|相关|政府信息公开"
                        r"|行政|作出|案件|[省市县区镇乡]?(?:人民)?政府|本级|本机关|本单位)*")
#: A clause that starts with filler only takes the keyword of the clause before (申请，共计45件).
INHERIT = re.compile(r"\s*(?:共计|合计|总计|共|计|数量为|总数为|为|达)?\s*")
CONNECT = re.compile(r"\s*(?:、|和|及|与|或|以及|/)\s*")
EACH = re.compile(r"均|各|都|皆")
#: Before 行政复议 / 行政诉讼: the agency is the review body or court side, not a party (司法局 办理行政复议案件).
REVIEW_BODY = re.compile(r"(?:办理|处理|审理|受理|审结|办结|承办|复议机关)[^被，]{0,10}$")
#: Table 四 counts only cases about information disclosure: the sentence must say so.
DISCLOSURE = re.compile(r"公开")
#: Before 行政许可 etc.: counts of applications, items or published records, not of decisions.
T2_NOT_DECISIONS = re.compile(r"(?:受理|公开|公示|发布|梳理|编制|清理|公布|申请|录入|上报|报送|办理|查处|立案|办结|审查)"
                               r"[^，]{0,4}$")
#: An organisation named after 其中: the figures that follow are a member's share, not the report's.
ORG = re.compile(r"(?<![我本该全\s，,、（(：:])(?:局|委员会|办公室|中心|政府|镇|乡|街道|办事处|本级|部门|单位|机关|公司|医院|学校"
                  r"|站|队|厅|院)(?!信息|公开|规章|网站|门户|工作|领导|政务)")
SUBUNIT = re.compile(r"本级|乡镇|街道|县直|市直|区直|部门|下属|所属|二级单位|各县|各区|各市|各乡|各镇|各单位|县区|区县|县市区")
#: Before 办结/答复/收到: a part of the cases (按期办结40件，延期办结4件; 网上收到30件).
QUALIFIER = re.compile(r"(?:延期|逾期|按期|按时|当场|当日|即时|提前|超期|限期|到期|如期|正常|书面|电子|网上|线上|线下|口头|部分"
                        r"|网络|在线|当面|现场|信函|邮寄|传真|邮件|电话|平台|窗口|通过)\s*$")
#: Before a bare 办理/处理/答复: only a total (共办理25件) is the table's figure.
TOTALIZER = re.compile(r"(?:共|合计|总计|累计|共计|共需)\s*$")
WHOLE_AREA = re.compile(r"全[县区市省州盟旗乡镇]|全系统")

#: Negations: no applications; no review or suit; all handled.
NEG_APPS = re.compile(
    r"(?:未|没有|尚未)(?:收到|受理|接到|接收到?|新收)(?:过|到)?(?:任何)?"
    r"(?:公民、?法人(?:或|和|及)其他组织|群众|社会公众|申请人|公众)?(?:提出|提交|报送)?的?"
    r"(?:(?:政府信息公开|信息公开|依申请公开)的?(?:申请|事项)|申请)(?![人书表])"
    r"|(?:无|没有)(?:政府信息公开|依申请公开|信息公开)(?:申请|事项)"
)
NEG_WORD = re.compile(r"未发生|未出现|未产生|未涉及|未收到|未被|未有|未曾|未因|没有|不存在|无(?![法论需须关])")
#: 未发生因X引起的行政复议: only a cause that is disclosure as such makes it "no review at all".
CAUSE = re.compile(r"因(?P<x>[^，。；]*?)(?:而)?(?:引起|导致|引发|产生|被|提起)")
GENERIC_CAUSE = re.compile(r"(?:政府)?信息公开(?:工作|申请|事项)?|依申请公开(?:工作|事项)?|政务公开(?:工作)?")
NEG_EXCLUDE = re.compile(r"纠错|纠正|败诉|撤销|不当|违法|确认|维持|被告|以外|之外|除|审结|其中|决定书")
ALL_DONE = re.compile(
    r"(?:均|全部|皆|都|悉数|全数)(?:已经?)?(?:在法定(?:期限|时限)内|按期|按时|依法|及时|如期|依法依规)?(?:予以)?"
    r"(?:办结|办理完毕|答复完毕|办理完结)(?!率)"
)
ALL_DONE_EXCLUDE = re.compile(r"结转|其余|剩余|余下|其他|延期|尚在|正在")
