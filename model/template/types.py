"""The building blocks of a report format: sections, basic-information fields, tables and their cells.

A `Template` is one national format as a value. Every module takes the format from the report it works
on (`report.template`), so a report of an older format stays readable and checkable when a newer one is
added, and a test can hand the whole program a changed copy of a format (tests/test_template_contract.py).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import Enum


class ValueKind(Enum):
    """What a cell holds: a count of cases/documents or an amount of money in 万元."""

    COUNT = "count"
    AMOUNT = "amount"


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


@dataclass(frozen=True)
class MetaField:
    key: str
    label: str
    required: bool
    kind: str = "text"  # text | year | date | choice
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, Chinese label)
    hint: str = ""


@dataclass(frozen=True)
class Cell:
    """One number of the report, addressed everywhere by its code."""

    code: str
    table: str
    row_label: str  # for messages: the row's label (with its group where it has one)
    col_label: str  # for messages: the column's label
    kind: ValueKind = ValueKind.COUNT
    sum_of: tuple[str, ...] = ()  # non-empty ⇔ derived: the codes it is the sum of
    table_name: str = ""  # 表二, 表三, 表四
    max_value: int = 0  # the largest figure any real office could report (set by the template)
    places: int = 0  # decimal places allowed: 0 for counts, more for 万元 amounts

    @property
    def derived(self) -> bool:
        return bool(self.sum_of)

    @property
    def name(self) -> str:
        """Human name of the cell, e.g. 表三“一、本年新收政府信息公开申请数量”行“自然人”列."""
        return f"{self.table_name}“{self.row_label}”行“{self.col_label}”列"


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
    numeral: str = ""  # 表二 …

    @property
    def input_codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.cells if not c.derived)

    @property
    def derived_codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.cells if c.derived)


@dataclass(frozen=True)
class T2Block:
    """A block of table 二: its caption, its column headers and its rows."""

    caption: str
    headers: tuple[tuple[str, str], ...]  # (column code, label); one header spans all value columns
    rows: tuple[tuple[str, str], ...]  # (row code, label)
    kind: ValueKind = ValueKind.COUNT


@dataclass(frozen=True)
class T3Group:
    """A result group of table 三; a group with one row has its label spanning both label columns."""

    label: str
    rows: tuple[tuple[str, str], ...]  # (row code, sub-item label); sub-item label "" for single rows

    @property
    def word(self) -> str:
        """The group's name without its number: 不予公开 for （三）不予公开."""
        return self.label.split("）", 1)[1].split("（", 1)[0]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.rows)


@dataclass(frozen=True)
class T3Layout:
    """Table 三's rows and columns, and the roles the rules give them (勾稽关系: head = results + tail)."""

    corner: str
    applicant: str  # 申请人情况
    legal_persons: str  # 法人或其他组织: the header over every column but the first
    columns: tuple[tuple[str, str], ...]  # the input (applicant) columns
    total_col: tuple[str, str]
    head_rows: tuple[tuple[str, str], ...]  # 一、新收 and 二、上年结转
    results_label: str
    result_groups: tuple[T3Group, ...]
    total_row: tuple[str, str]  # （七）总计: the sum of the result rows
    tail_row: tuple[str, str]  # 四、结转下年度继续办理

    @property
    def input_cols(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.columns)

    @property
    def result_rows(self) -> tuple[str, ...]:
        return tuple(code for g in self.result_groups for code, _ in g.rows)

    @property
    def rows(self) -> tuple[str, ...]:
        """Every data row in printed order."""
        return (tuple(c for c, _ in self.head_rows) + self.result_rows
                + (self.total_row[0], self.tail_row[0]))

    @functools.cached_property
    def row_labels(self) -> dict[str, str]:
        labels = dict(self.head_rows)
        for g in self.result_groups:
            for code, sub in g.rows:
                labels[code] = f"{g.label}·{sub}" if sub else g.label
        labels[self.total_row[0]] = self.total_row[1]
        labels[self.tail_row[0]] = self.tail_row[1]
        return labels

    @property
    def col_labels(self) -> dict[str, str]:
        return dict(self.columns + (self.total_col,))

    def group(self, word: str) -> T3Group:
        """The result group named `word` (不予公开 for （三）不予公开)."""
        return next(g for g in self.result_groups if g.word == word)


@dataclass(frozen=True)
class T4Layout:
    """Table 四: 行政复议 and the two kinds of 行政诉讼, each with the same result columns and a total."""

    review_label: str
    suit_label: str
    groups: tuple[tuple[str, str], ...]  # (group code, label); the first is 行政复议, the rest 行政诉讼
    columns: tuple[tuple[str, str], ...]
    total_col: tuple[str, str]

    @property
    def review_group(self) -> str:
        return self.groups[0][0]

    @property
    def suit_groups(self) -> tuple[str, ...]:
        return tuple(g for g, _ in self.groups[1:])
