"""The 2021 annual-report format (国办公开办函〔2021〕30号) as data: see ../shared/spec/format-2021.md.

Every label, heading, cell code, header span and derived cell of the format is written here once; the
editors, the rules, the readers, the workbook, the PDF and aggregation all read it from the `Template`
this module builds. `build()` takes the parts a test may change (tests/test_template_contract.py hands
the whole program a copy with one more 不予公开 reason).
"""

from __future__ import annotations

from model.template.checks import CheckRoles
from model.template.reading import ReadingHints
from model.template.template import Template
from model.template.types import (
    Cell,
    ChecklistItem,
    GridCell,
    MetaField,
    Role,
    Section,
    T2Block,
    T3Group,
    T3Layout,
    T4Layout,
    Table,
    ValueKind,
)

ID = "2021"
MAX_VALUE = 10**9  # the largest figure any real office could report; anything above is a typing mistake
AMOUNT_PLACES = 6  # 0.000001 万元 = 1 分; real reports publish 18734.205917


def _limits(kind: ValueKind) -> dict[str, int]:
    return {"max_value": MAX_VALUE, "places": AMOUNT_PLACES if kind is ValueKind.AMOUNT else 0}

# ---------------------------------------------------------------------------------------------------
# Sections

SECTIONS: tuple[Section, ...] = (
    Section(
        "s1",
        "一、总体情况",
        None,
        guidance=(
            "按照《条例》第五十条和年度报告格式要求，概述本年度政府信息公开工作总体情况，"
            "应当涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面。"
            "人民政府的年度报告，监督保障部分应当包括工作考核、社会评议和责任追究结果情况。"
            "惯常的小标题为：（一）主动公开（二）依申请公开（三）政府信息管理"
            "（四）政府信息公开平台建设（五）监督保障。"
        ),
        checklist=(
            ChecklistItem("主动公开", ("主动公开",)),
            ChecklistItem("依申请公开", ("依申请公开", "公开申请")),
            ChecklistItem("政府信息管理", ("信息管理",)),
            ChecklistItem("政府信息公开平台建设", ("平台建设", "平台")),
            ChecklistItem("监督保障", ("监督保障", "考核", "培训")),
            ChecklistItem("监督保障：工作考核", ("考核",), ("government",)),
            ChecklistItem("监督保障：社会评议", ("社会评议", "评议"), ("government",)),
            ChecklistItem("监督保障：责任追究", ("责任追究", "追责", "问责"), ("government",)),
        ),
    ),
    Section("s2", "二、主动公开政府信息情况", "t2"),
    Section("s3", "三、收到和处理政府信息公开申请情况", "t3"),
    Section("s4", "四、政府信息公开行政复议、行政诉讼情况", "t4"),
    Section(
        "s5",
        "五、存在的主要问题及改进情况",
        None,
        guidance=(
            "如实说明本年度政府信息公开工作存在的主要问题，以及针对问题的改进措施；"
            "可同时说明上一年度报告所列问题的整改落实情况。避免与往年报告内容雷同、敷衍塞责。"
        ),
        checklist=(
            ChecklistItem("存在的主要问题", ("问题", "不足")),
            ChecklistItem("改进情况（改进措施）", ("改进", "措施", "整改")),
        ),
    ),
    Section(
        "s6",
        "六、其他需要报告的事项",
        None,
        guidance=(
            "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）说明信息处理费收取情况，"
            "未收取的也应写明；并逐项说明以下事项，没有的写“无”。"
            "需要说明的统计数据（包括校验中“需说明”的事项）可写入第（五）项。"
        ),
        checklist=(
            ChecklistItem("（一）政府信息公开申请收费情况", ("收费", "信息处理费")),
            ChecklistItem("（二）落实上级年度政务公开工作要点情况", ("工作要点",)),
            ChecklistItem("（三）人大代表建议和政协提案办理结果公开情况", ("建议", "提案")),
            ChecklistItem("（四）年度政务公开工作创新情况", ("创新",)),
            ChecklistItem("（五）年度报告数据统计需要说明的事项", ("数据统计", "需要说明")),
            ChecklistItem("（六）本行政机关认为需要报告的其他事项", ("认为需要报告",)),
            ChecklistItem("（七）其他有关文件专门要求报告的事项", ("专门要求",)),
        ),
    ),
)

#: Sections whose content is text (the others are tables); "preamble" precedes section 一.
TEXT_SECTION_KEYS: tuple[str, ...] = ("preamble", "s1", "s5", "s6")

#: Sub-heads of section 六 (wording from practice, spec §1 ⚠).
S6_ITEMS: tuple[str, ...] = (
    "（一）政府信息公开申请收费情况",
    "（二）本行政机关落实上级年度政务公开工作要点情况",
    "（三）本行政机关人大代表建议和政协提案办理结果公开情况",
    "（四）本行政机关年度政务公开工作创新情况",
    "（五）本行政机关政府信息公开工作年度报告数据统计需要说明的事项",
    "（六）本行政机关认为需要报告的其他事项",
    "（七）其他有关文件专门要求通过政府信息公开工作年度报告予以报告的事项",
)


# ---------------------------------------------------------------------------------------------------
# Basic information (meta)

AGENCY_KINDS: tuple[tuple[str, str], ...] = (
    ("department", "政府部门或其他机关单位"),
    ("government", "人民政府（报告覆盖本行政区域）"),
)

#: Administrative level; decides e.g. whether the body may make 规章 (rule S2-4). Optional.
ADMIN_LEVELS: tuple[tuple[str, str], ...] = (
    ("national", "国务院部门（中央）"),
    ("provincial", "省级（省、自治区、直辖市）"),
    ("prefectural", "市级（设区的市、自治州）"),
    ("county", "县级（县、不设区的市、市辖区）"),
    ("township", "乡级（乡、镇、街道）"),
)

META_FIELDS: tuple[MetaField, ...] = (
    MetaField("agency", "机关名称", True, hint="如：金乡县行政审批服务局"),
    MetaField("agency_kind", "机关类型", True, "choice", AGENCY_KINDS),
    MetaField("admin_level", "行政层级", False, "choice", ADMIN_LEVELS),
    MetaField("year", "报告年度", True, "year"),
    MetaField("website", "报告发布网站", False, hint="如：www.jinxiang.gov.cn"),
    MetaField("address", "联系地址", False),
    MetaField("phone", "联系电话", False, hint="如：0537-8876366"),
    MetaField("published_on", "发布日期", False, "date", hint="格式：2023-01-20"),
)


# ---------------------------------------------------------------------------------------------------
# Table 二

T2_BLOCKS: tuple[T2Block, ...] = (
    T2Block(
        "第二十条第（一）项",
        (("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")),
        (("regulation", "规章"), ("normative", "行政规范性文件")),
    ),
    T2Block("第二十条第（五）项", (("decisions", "本年处理决定数量"),), (("license", "行政许可"),)),
    T2Block(
        "第二十条第（六）项",
        (("decisions", "本年处理决定数量"),),
        (("penalty", "行政处罚"), ("enforcement", "行政强制")),
    ),
    T2Block(
        "第二十条第（八）项",
        (("amount", "本年收费金额（单位：万元）"),),
        (("fees", "行政事业性收费"),),
        ValueKind.AMOUNT,
    ),
)
T2_INFO_HEADER = "信息内容"
T2_VALUE_COLS = 3


def _build_t2(blocks: tuple[T2Block, ...]) -> Table:
    grid: list[GridCell] = []
    cells: list[Cell] = []
    r = 0
    for block in blocks:
        grid.append(GridCell(r, 0, Role.CAPTION, block.caption, colspan=1 + T2_VALUE_COLS))
        r += 1
        grid.append(GridCell(r, 0, Role.HEADER, T2_INFO_HEADER))
        span = T2_VALUE_COLS // len(block.headers)
        for i, (_, label) in enumerate(block.headers):
            grid.append(GridCell(r, 1 + i * span, Role.HEADER, label, colspan=span))
        r += 1
        for row_code, row_label in block.rows:
            grid.append(GridCell(r, 0, Role.LABEL, row_label))
            for i, (col_code, col_label) in enumerate(block.headers):
                code = f"t2.{row_code}.{col_code}"
                grid.append(GridCell(r, 1 + i * span, Role.VALUE, code=code, colspan=span))
                cells.append(Cell(code, "t2", row_label, col_label, block.kind, table_name="表二",
                                  **_limits(block.kind)))
            r += 1
    return Table("t2", "二、主动公开政府信息情况", r, 1 + T2_VALUE_COLS, tuple(grid),
                 (3.0, 2.0, 2.0, 2.0), 0, tuple(cells), "主动公开", "表二")


# ---------------------------------------------------------------------------------------------------
# Table 三

T3 = T3Layout(
    corner="（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    applicant="申请人情况",
    legal_persons="法人或其他组织",
    columns=(
        ("natural", "自然人"),
        ("business", "商业企业"),
        ("research", "科研机构"),
        ("nonprofit", "社会公益组织"),
        ("legal", "法律服务机构"),
        ("other", "其他"),
    ),
    total_col=("total", "总计"),
    head_rows=(("new", "一、本年新收政府信息公开申请数量"), ("carried_in", "二、上年结转政府信息公开申请数量")),
    results_label="三、本年度办理结果",
    result_groups=(
        T3Group("（一）予以公开", (("open", ""),)),
        T3Group("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (("partial", ""),)),
        T3Group(
            "（三）不予公开",
            (
                ("deny_1", "1.属于国家秘密"),
                ("deny_2", "2.其他法律行政法规禁止公开"),
                ("deny_3", "3.危及“三安全一稳定”"),
                ("deny_4", "4.保护第三方合法权益"),
                ("deny_5", "5.属于三类内部事务信息"),
                ("deny_6", "6.属于四类过程性信息"),
                ("deny_7", "7.属于行政执法案卷"),
                ("deny_8", "8.属于行政查询事项"),
            ),
        ),
        T3Group(
            "（四）无法提供",
            (
                ("unable_1", "1.本机关不掌握相关政府信息"),
                ("unable_2", "2.没有现成信息需要另行制作"),
                ("unable_3", "3.补正后申请内容仍不明确"),
            ),
        ),
        T3Group(
            "（五）不予处理",
            (
                ("ignore_1", "1.信访举报投诉类申请"),
                ("ignore_2", "2.重复申请"),
                ("ignore_3", "3.要求提供公开出版物"),
                ("ignore_4", "4.无正当理由大量反复申请"),
                ("ignore_5", "5.要求行政机关确认或重新出具已获取信息"),
            ),
        ),
        T3Group(
            "（六）其他处理",
            (
                ("other_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                ("other_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                ("other_3", "3.其他"),
            ),
        ),
    ),
    total_row=("total", "（七）总计"),
    tail_row=("carried_out", "四、结转下年度继续办理"),
)


def _build_t3(t3: T3Layout) -> Table:
    label_cols, header_rows = 3, 3
    all_cols = t3.columns + (t3.total_col,)
    grid: list[GridCell] = [
        GridCell(0, 0, Role.HEADER, t3.corner, rowspan=header_rows, colspan=label_cols),
        GridCell(0, label_cols, Role.HEADER, t3.applicant, colspan=len(all_cols)),
        GridCell(1, label_cols, Role.HEADER, t3.columns[0][1], rowspan=2),
        GridCell(1, label_cols + 1, Role.HEADER, t3.legal_persons, colspan=len(t3.columns) - 1),
        GridCell(1, label_cols + len(t3.columns), Role.HEADER, t3.total_col[1], rowspan=2),
    ]
    for i, (_, label) in enumerate(t3.columns[1:]):
        grid.append(GridCell(2, label_cols + 1 + i, Role.HEADER, label))

    cells: list[Cell] = []
    result_rows = t3.result_rows

    def value_row(r: int, row_code: str) -> None:
        for i, (col_code, col_label) in enumerate(all_cols):
            code = f"t3.{row_code}.{col_code}"
            grid.append(GridCell(r, label_cols + i, Role.VALUE, code=code))
            if col_code == t3.total_col[0]:
                sum_of = tuple(f"t3.{row_code}.{c}" for c in t3.input_cols)
            elif row_code == t3.total_row[0]:
                sum_of = tuple(f"t3.{r_}.{col_code}" for r_ in result_rows)
            else:
                sum_of = ()
            cells.append(Cell(code, "t3", t3.row_labels[row_code], col_label, sum_of=sum_of, table_name="表三",
                              **_limits(ValueKind.COUNT)))

    r = header_rows
    for row_code, label in t3.head_rows:
        grid.append(GridCell(r, 0, Role.LABEL, label, colspan=label_cols))
        value_row(r, row_code)
        r += 1
    grid.append(GridCell(r, 0, Role.LABEL, t3.results_label, rowspan=len(result_rows) + 1))
    for g in t3.result_groups:
        if len(g.rows) == 1 and not g.rows[0][1]:
            grid.append(GridCell(r, 1, Role.LABEL, g.label, colspan=2))
            value_row(r, g.rows[0][0])
            r += 1
            continue
        grid.append(GridCell(r, 1, Role.LABEL, g.label, rowspan=len(g.rows)))
        for row_code, sub in g.rows:
            grid.append(GridCell(r, 2, Role.LABEL, sub))
            value_row(r, row_code)
            r += 1
    grid.append(GridCell(r, 1, Role.LABEL, t3.total_row[1], colspan=2))
    value_row(r, t3.total_row[0])
    r += 1
    grid.append(GridCell(r, 0, Role.LABEL, t3.tail_row[1], colspan=label_cols))
    value_row(r, t3.tail_row[0])
    r += 1
    widths = (1.2, 1.6, 4.2) + (1.0,) * len(all_cols)
    return Table("t3", "三、收到和处理政府信息公开申请情况", r, label_cols + len(all_cols),
                 tuple(grid), widths, header_rows, tuple(cells), "依申请公开", "表三")


# ---------------------------------------------------------------------------------------------------
# Table 四

T4 = T4Layout(
    review_label="行政复议",
    suit_label="行政诉讼",
    groups=(("review", "行政复议"), ("suit_direct", "未经复议直接起诉"), ("suit_after_review", "复议后起诉")),
    columns=(("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结")),
    total_col=("total", "总计"),
)


def _build_t4(t4: T4Layout) -> Table:
    cols = t4.columns + (t4.total_col,)
    n = len(cols)
    grid: list[GridCell] = [
        GridCell(0, 0, Role.HEADER, t4.review_label, colspan=n),
        GridCell(0, n, Role.HEADER, t4.suit_label, colspan=(len(t4.groups) - 1) * n),
    ]
    cells: list[Cell] = []
    for g, (group, group_label) in enumerate(t4.groups):
        c0 = g * n
        if group == t4.review_group:
            for i, (_, label) in enumerate(cols):
                grid.append(GridCell(1, c0 + i, Role.HEADER, label, rowspan=2))
        else:
            grid.append(GridCell(1, c0, Role.HEADER, group_label, colspan=n))
            for i, (_, label) in enumerate(cols):
                grid.append(GridCell(2, c0 + i, Role.HEADER, label))
        for i, (col, label) in enumerate(cols):
            code = f"t4.{group}.{col}"
            grid.append(GridCell(3, c0 + i, Role.VALUE, code=code))
            sum_of = tuple(f"t4.{group}.{c}" for c, _ in t4.columns) if col == t4.total_col[0] else ()
            cells.append(Cell(code, "t4", group_label, label, sum_of=sum_of, table_name="表四",
                              **_limits(ValueKind.COUNT)))
    return Table("t4", "四、政府信息公开行政复议、行政诉讼情况", 4, len(t4.groups) * n, tuple(grid),
                 (1.0,) * (len(t4.groups) * n), 3, tuple(cells), "复议诉讼", "表四")


# ---------------------------------------------------------------------------------------------------
# Label aliases (spec §4): wrong labels seen in published reports, accepted on import with a notice.

LABEL_ALIASES: tuple[tuple[str, str], ...] = (
    ("社会组织", "社会公益组织"),
    ("其他法律法规禁止公开", "其他法律行政法规禁止公开"),
    ("只计这一情况", "只计这一情形"),
    ("三类内容事务信息", "三类内部事务信息"),
)

#: How published copies print the tables (spec §9: （六）其他处理 often printed as one merged row).
READING_HINTS = ReadingHints(corner_word="勾稽关系", merged_first_rows=("other_1",))


CHECK_ROLES = CheckRoles(
    t3_new="new", t3_carried_in="carried_in", t3_carried_out="carried_out",
    t3_open="open", t3_partial="partial",
    t3_deny_group="不予公开", t3_unable_group="无法提供", t3_ignore_group="不予处理", t3_other_group="其他处理",
    t3_unpaid_fee="other_2",
    t3_natural="natural", t3_business="business", t3_research="research", t3_nonprofit="nonprofit",
    t3_legal_services="legal",
    t2_regulation="regulation", t2_normative="normative",
    t2_issued="issued", t2_repealed="repealed", t2_in_force="in_force",
    t2_license="license", t2_penalty="penalty", t2_enforcement="enforcement", t2_decisions="decisions",
    t2_fees="t2.fees.amount",
    t4_suit_direct="suit_direct", t4_suit_after_review="suit_after_review",
    t4_upheld="upheld", t4_corrected="corrected",
    s6_explanations_item=4,  # （五）本行政机关政府信息公开工作年度报告数据统计需要说明的事项
)


def build(*, template_id: str = ID, t2_blocks: tuple[T2Block, ...] = T2_BLOCKS, t3: T3Layout = T3,
          t4: T4Layout = T4) -> Template:
    """The 2021 format; a test may pass changed tables (and its own id) to see every consumer follow."""
    return Template(
        id=template_id,
        format_title="中华人民共和国政府信息公开工作年度报告格式",
        format_doc="国办公开办函〔2021〕30号",
        report_title_suffix="年政府信息公开工作年度报告",
        sections=SECTIONS,
        text_section_keys=TEXT_SECTION_KEYS,
        preamble_label="报告前言",
        subhead_pattern=r"^[（(][一二三四五六七八九十]+[）)]",
        s6_items=S6_ITEMS,
        meta_fields=META_FIELDS,
        agency_kinds=AGENCY_KINDS,
        admin_levels=ADMIN_LEVELS,
        year_min=2021,  # the 2021 format applies from 2021 on
        year_max=2100,
        max_value=MAX_VALUE,
        amount_places=AMOUNT_PLACES,
        t2_info_header=T2_INFO_HEADER,
        t2_blocks=t2_blocks,
        t3=t3,
        t4=t4,
        tables=(_build_t2(t2_blocks), _build_t3(t3), _build_t4(t4)),
        label_aliases=LABEL_ALIASES,
        reading=READING_HINTS,
        check_roles=CHECK_ROLES,
    )


TEMPLATE = build()
