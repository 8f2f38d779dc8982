"""The 2021 annual-report format (国办公开办函〔2021〕30号) as data.

This module is the single source of truth for every label, heading, cell code, header span and derived
cell. The UI table editors, the rules, the workbook, the PDF and aggregation are all generated from it,
so adding a row to the format is a change here alone. See ../shared/spec/format-2021.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

TEMPLATE = "2021"
FORMAT_TITLE = "中华人民共和国政府信息公开工作年度报告格式"
FORMAT_DOC = "国办公开办函〔2021〕30号"
REPORT_TITLE_SUFFIX = "年政府信息公开工作年度报告"


class ValueKind(Enum):
    """What a cell holds: a count of cases/documents or an amount of money in 万元."""

    COUNT = "count"
    AMOUNT = "amount"


#: Largest number any real office could report; anything above is a typing mistake.
MAX_VALUE = 10**9
#: 收费金额 is in 万元 with at most 6 decimal places (0.000001 万元 = 1 分; real reports publish 18734.205917).
AMOUNT_PLACES = 6


# ---------------------------------------------------------------------------------------------------
# Sections


@dataclass(frozen=True)
class ChecklistItem:
    """One thing a narrative section should cover; ticked when the text mentions any keyword."""

    label: str
    keywords: tuple[str, ...]
    kinds: tuple[str, ...] = ()  # the kinds of body (meta.agency_kind) it applies to; () = every kind


@dataclass(frozen=True)
class Section:
    key: str  # "s1" … "s6"; narrative sections store their text under this key
    heading: str
    table: str | None  # the table key for sections 二、三、四
    guidance: str = ""
    checklist: tuple[ChecklistItem, ...] = ()


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

#: The section that holds each table, for placing a finding about its cells.
SECTION_OF_TABLE: dict[str, str] = {sec.table: sec.key for sec in SECTIONS if sec.table}

#: Sections whose content is text (the others are tables); "preamble" precedes section 一.
TEXT_SECTION_KEYS: tuple[str, ...] = ("preamble", "s1", "s5", "s6")
PREAMBLE_LABEL = "报告前言"

#: A sub-head line of a narrative section (report-file.md: lines that start with （一）, （二）, …).
SUBHEAD_PATTERN = r"^[（(][一二三四五六七八九十]+[）)]"

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


@dataclass(frozen=True)
class MetaField:
    key: str
    label: str
    required: bool
    kind: str = "text"  # text | year | date | choice
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, Chinese label)
    hint: str = ""


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


#: The earliest and latest report year the program accepts (the 2021 format applies from 2021 on).
YEAR_MIN, YEAR_MAX = 2021, 2100


# ---------------------------------------------------------------------------------------------------
# Tables: cells and their layout


@dataclass(frozen=True)
class Cell:
    """One number of the report, addressed everywhere by its code."""

    code: str
    table: str
    row_label: str  # for messages: the row's label (with its group where it has one)
    col_label: str  # for messages: the column's label
    kind: ValueKind = ValueKind.COUNT
    sum_of: tuple[str, ...] = ()  # non-empty ⇔ derived: the codes it is the sum of

    @property
    def derived(self) -> bool:
        return bool(self.sum_of)

    @property
    def name(self) -> str:
        """Human name of the cell, e.g. 表三“一、本年新收政府信息公开申请数量”行“自然人”列."""
        return f"{TABLE_NUMERALS[self.table]}“{self.row_label}”行“{self.col_label}”列"


class Role(Enum):
    CAPTION = "caption"  # a block caption spanning the table (table 二)
    HEADER = "header"  # column headers
    LABEL = "label"  # row labels
    VALUE = "value"  # a number cell (input or derived)


@dataclass(frozen=True)
class GridCell:
    """A rectangle of the official printed table; the editors, workbook and PDF draw these."""

    row: int
    col: int
    role: Role
    text: str = ""
    code: str | None = None
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Table:
    key: str  # t2 | t3 | t4
    title: str  # the section heading it belongs to
    n_rows: int
    n_cols: int
    grid: tuple[GridCell, ...]
    col_widths: tuple[float, ...]  # relative widths of the grid columns, for drawing
    header_rows: int  # leading grid rows that repeat on each printed page
    cells: tuple[Cell, ...] = field(default=())
    short_title: str = ""  # for sheet names and lists, e.g. 依申请公开

    @property
    def input_codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.cells if not c.derived)

    @property
    def derived_codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.cells if c.derived)


TABLE_NUMERALS = {"t2": "表二", "t3": "表三", "t4": "表四"}


# --- Table 二 -------------------------------------------------------------------------------------

T2_INFO_HEADER = "信息内容"


@dataclass(frozen=True)
class T2Block:
    caption: str
    headers: tuple[tuple[str, str], ...]  # (column code, label); one header spans all value columns
    rows: tuple[tuple[str, str], ...]  # (row code, label)
    kind: ValueKind = ValueKind.COUNT


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
T2_VALUE_COLS = 3


def _build_t2() -> Table:
    grid: list[GridCell] = []
    cells: list[Cell] = []
    r = 0
    for block in T2_BLOCKS:
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
                cells.append(Cell(code, "t2", row_label, col_label, block.kind))
            r += 1
    return Table("t2", "二、主动公开政府信息情况", r, 1 + T2_VALUE_COLS, tuple(grid),
                 (3.0, 2.0, 2.0, 2.0), 0, tuple(cells), "主动公开")


# --- Table 三 -------------------------------------------------------------------------------------

T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANT = "申请人情况"
T3_LEGAL_PERSONS = "法人或其他组织"

#: The six applicant columns (input) and the 总计 column (derived).
T3_COLUMNS: tuple[tuple[str, str], ...] = (
    ("natural", "自然人"),
    ("business", "商业企业"),
    ("research", "科研机构"),
    ("nonprofit", "社会公益组织"),
    ("legal", "法律服务机构"),
    ("other", "其他"),
)
T3_TOTAL_COL = ("total", "总计")
T3_INPUT_COLS = tuple(c for c, _ in T3_COLUMNS)

T3_RESULTS_LABEL = "三、本年度办理结果"


@dataclass(frozen=True)
class T3Group:
    """A result group of table 三; a group with one row has its label spanning both label columns."""

    label: str
    rows: tuple[tuple[str, str], ...]  # (row code, sub-item label); sub-item label "" for single rows


T3_RESULT_GROUPS: tuple[T3Group, ...] = (
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
)
T3_TOTAL_ROW = ("total", "（七）总计")
T3_HEAD_ROWS = (("new", "一、本年新收政府信息公开申请数量"), ("carried_in", "二、上年结转政府信息公开申请数量"))
T3_TAIL_ROW = ("carried_out", "四、结转下年度继续办理")

#: The 21 result rows whose sum is （七）总计.
T3_RESULT_ROWS: tuple[str, ...] = tuple(code for g in T3_RESULT_GROUPS for code, _ in g.rows)
#: Every data row of table 三 in printed order (25 rows).
T3_ROWS: tuple[str, ...] = (
    tuple(c for c, _ in T3_HEAD_ROWS) + T3_RESULT_ROWS + (T3_TOTAL_ROW[0], T3_TAIL_ROW[0])
)


def _t3_row_labels() -> dict[str, str]:
    labels = dict(T3_HEAD_ROWS)
    for g in T3_RESULT_GROUPS:
        for code, sub in g.rows:
            labels[code] = f"{g.label}·{sub}" if sub else g.label
    labels[T3_TOTAL_ROW[0]] = T3_TOTAL_ROW[1]
    labels[T3_TAIL_ROW[0]] = T3_TAIL_ROW[1]
    return labels


T3_ROW_LABELS = _t3_row_labels()
T3_COL_LABELS = dict(T3_COLUMNS + (T3_TOTAL_COL,))


def _build_t3() -> Table:
    label_cols, header_rows = 3, 3
    all_cols = T3_COLUMNS + (T3_TOTAL_COL,)
    grid: list[GridCell] = [
        GridCell(0, 0, Role.HEADER, T3_CORNER, rowspan=header_rows, colspan=label_cols),
        GridCell(0, label_cols, Role.HEADER, T3_APPLICANT, colspan=len(all_cols)),
        GridCell(1, label_cols, Role.HEADER, T3_COLUMNS[0][1], rowspan=2),
        GridCell(1, label_cols + 1, Role.HEADER, T3_LEGAL_PERSONS, colspan=len(T3_COLUMNS) - 1),
        GridCell(1, label_cols + len(T3_COLUMNS), Role.HEADER, T3_TOTAL_COL[1], rowspan=2),
    ]
    for i, (_, label) in enumerate(T3_COLUMNS[1:]):
        grid.append(GridCell(2, label_cols + 1 + i, Role.HEADER, label))

    cells: list[Cell] = []

    def value_row(r: int, row_code: str) -> None:
        for i, (col_code, col_label) in enumerate(all_cols):
            code = f"t3.{row_code}.{col_code}"
            grid.append(GridCell(r, label_cols + i, Role.VALUE, code=code))
            if col_code == T3_TOTAL_COL[0]:
                sum_of = tuple(f"t3.{row_code}.{c}" for c in T3_INPUT_COLS)
            elif row_code == T3_TOTAL_ROW[0]:
                sum_of = tuple(f"t3.{r_}.{col_code}" for r_ in T3_RESULT_ROWS)
            else:
                sum_of = ()
            cells.append(Cell(code, "t3", T3_ROW_LABELS[row_code], col_label, sum_of=sum_of))

    r = header_rows
    for row_code, label in T3_HEAD_ROWS:
        grid.append(GridCell(r, 0, Role.LABEL, label, colspan=label_cols))
        value_row(r, row_code)
        r += 1
    n_result_rows = len(T3_RESULT_ROWS) + 1
    grid.append(GridCell(r, 0, Role.LABEL, T3_RESULTS_LABEL, rowspan=n_result_rows))
    for g in T3_RESULT_GROUPS:
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
    grid.append(GridCell(r, 1, Role.LABEL, T3_TOTAL_ROW[1], colspan=2))
    value_row(r, T3_TOTAL_ROW[0])
    r += 1
    grid.append(GridCell(r, 0, Role.LABEL, T3_TAIL_ROW[1], colspan=label_cols))
    value_row(r, T3_TAIL_ROW[0])
    r += 1
    widths = (1.2, 1.6, 4.2) + (1.0,) * len(all_cols)
    return Table("t3", "三、收到和处理政府信息公开申请情况", r, label_cols + len(all_cols),
                 tuple(grid), widths, header_rows, tuple(cells), "依申请公开")


# --- Table 四 -------------------------------------------------------------------------------------

T4_REVIEW_LABEL = "行政复议"
T4_SUIT_LABEL = "行政诉讼"
T4_GROUPS: tuple[tuple[str, str], ...] = (
    ("review", "行政复议"),
    ("suit_direct", "未经复议直接起诉"),
    ("suit_after_review", "复议后起诉"),
)
T4_COLUMNS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
)
T4_TOTAL_COL = ("total", "总计")


def _build_t4() -> Table:
    cols = T4_COLUMNS + (T4_TOTAL_COL,)
    n = len(cols)
    grid: list[GridCell] = [
        GridCell(0, 0, Role.HEADER, T4_REVIEW_LABEL, colspan=n),
        GridCell(0, n, Role.HEADER, T4_SUIT_LABEL, colspan=2 * n),
    ]
    cells: list[Cell] = []
    for g, (group, group_label) in enumerate(T4_GROUPS):
        c0 = g * n
        if group == "review":
            for i, (_, label) in enumerate(cols):
                grid.append(GridCell(1, c0 + i, Role.HEADER, label, rowspan=2))
        else:
            grid.append(GridCell(1, c0, Role.HEADER, group_label, colspan=n))
            for i, (_, label) in enumerate(cols):
                grid.append(GridCell(2, c0 + i, Role.HEADER, label))
        for i, (col, label) in enumerate(cols):
            code = f"t4.{group}.{col}"
            grid.append(GridCell(3, c0 + i, Role.VALUE, code=code))
            sum_of = tuple(f"t4.{group}.{c}" for c, _ in T4_COLUMNS) if col == T4_TOTAL_COL[0] else ()
            cells.append(Cell(code, "t4", group_label, label, sum_of=sum_of))
    return Table("t4", "四、政府信息公开行政复议、行政诉讼情况", 4, 3 * n, tuple(grid),
                 (1.0,) * (3 * n), 3, tuple(cells), "复议诉讼")


TABLES: tuple[Table, ...] = (_build_t2(), _build_t3(), _build_t4())
TABLES_BY_KEY: dict[str, Table] = {t.key: t for t in TABLES}
CELLS: dict[str, Cell] = {c.code: c for t in TABLES for c in t.cells}
INPUT_CODES: tuple[str, ...] = tuple(c.code for c in CELLS.values() if not c.derived)
DERIVED_CODES: tuple[str, ...] = tuple(c.code for c in CELLS.values() if c.derived)


def _derived_order() -> tuple[str, ...]:
    """Derived codes ordered so that every operand is computed before the cell that sums it."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(code: str) -> None:
        if code in seen:
            return
        seen.add(code)
        for dep in CELLS[code].sum_of:
            if CELLS[dep].derived:
                visit(dep)
        order.append(code)

    for code in DERIVED_CODES:
        visit(code)
    return tuple(order)


DERIVED_ORDER = _derived_order()


def table(key: str) -> Table:
    return TABLES_BY_KEY[key]


def t3(row: str, col: str) -> str:
    return f"t3.{row}.{col}"


def t4(group: str, col: str) -> str:
    return f"t4.{group}.{col}"


# ---------------------------------------------------------------------------------------------------
# Label aliases (spec §4): wrong labels seen in published reports, accepted on import with a notice.

LABEL_ALIASES: dict[str, str] = {
    "社会组织": "社会公益组织",
    "其他法律法规禁止公开": "其他法律行政法规禁止公开",
    "只计这一情况": "只计这一情形",
    "三类内容事务信息": "三类内部事务信息",
}


def canonical_label(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Return the label with known errors corrected, and the (wrong, right) pairs that were replaced."""
    replaced = []
    for wrong, right in LABEL_ALIASES.items():
        if wrong in text and right not in text:
            text = text.replace(wrong, right)
            replaced.append((wrong, right))
    return text, replaced


def report_title(agency: str, year: int | None) -> str:
    """The report's title, `<机关名称><年度>年政府信息公开工作年度报告`."""
    return f"{agency}{year if year is not None else '____'}{REPORT_TITLE_SUFFIX}"
