"""The format's labels as the locator compares them: every row, column and caption of tables 二, 三 and
四 as keys (labels.key without its enumerator), taken from the template of the report being read.

Built once per template (a template is compared by identity), so reading a second page costs nothing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from model.reading.labels import core, fix_aliases, key, paren_free
from model.template.template import Template

#: The locator's names for the three tables it knows: the blocks table, the applications table, the
#: reviews-and-suits table (their keys in the template).
T2, T3, T4 = "t2", "t3", "t4"
#: Table 四 is one data row: its row name in `row_of` and in messages about missing rows.
T4_ROW = "data"

Equation = tuple[str, tuple[str, ...]]  # a derived cell and the cells it is the sum of


def k(text: str) -> str:
    """A label as compared: key without its leading enumerator."""
    return core(key(text))


@dataclass(frozen=True)
class FormatKeys:
    """The keys of one template's tables, and the facts derived from them that the locator asks."""

    template: Template
    t2_captions: dict[str, int]  # caption key → block index
    t2_rows: dict[str, tuple[int, str]]  # row label key → (block index, row code)
    t2_headers: set[str]
    t3_order: tuple[str, ...]  # table 三's column codes in printed order, the total last
    t3_leaves: dict[str, str]  # column header key → column code
    t3_ambiguous: set[str]  # column headers that are also other labels (总计, 其他)
    t3_head_only: set[str]  # headers over the columns (申请人情况, 法人或其他组织)
    t3_suffixes: list[tuple[str, str]]  # (row label key, row code), longest first
    t3_groups: set[str]  # labels of table 三 that only carry a group (（三）不予公开, 三、本年度办理结果)
    t4_groups: dict[str, str]  # group label key → group code
    t4_top: set[str]
    t4_leaves: dict[str, str]  # column header key → column code
    t4_order: tuple[str, ...]  # table 四's cell codes in printed order
    table_of_section: dict[str, str]
    equations: dict[str, list[Equation]]  # for each cell, the sums it takes part in
    row_of: dict[str, str]  # cell code → its row code (T4_ROW for table 四)
    official_rows: dict[str, list[tuple[str, str]]]  # table → (row code, label) in printed order

    @property
    def t3_distinct(self) -> set[str]:
        return (set(self.t3_leaves) - self.t3_ambiguous) | self.t3_head_only

    @property
    def t4_distinct(self) -> set[str]:
        return set(self.t4_groups) | self.t4_top | (set(self.t4_leaves) - self.t3_ambiguous)

    def t3_row_of(self, label: str) -> tuple[str, bool] | None:
        """The row of table 三 whose label `label` (a row's label cells, joined) ends with; (code, exact)."""
        for suffix, code in self.t3_suffixes:
            if label.endswith(suffix):
                return code, True
        bare = paren_free(label)
        if bare != label:
            for suffix, code in self.t3_suffixes:
                if bare.endswith(suffix):
                    return code, False
        return None

    def is_label(self, text_key: str) -> bool:
        """Whether a cell's key is any label of the three tables (so it cannot be a value)."""
        c = core(text_key)
        return (c in self.t2_rows or c in self.t3_leaves or c in self.t3_groups or c in self.t4_leaves
                or c in self.t4_groups or self.t3_row_of(fix_aliases(self.template, text_key)[0]) is not None)

    def is_header_word(self, word_key: str) -> bool:
        """Whether a word is a column header (or a block caption) of one of the tables."""
        return (paren_free(word_key) in self.t2_headers or word_key in self.t3_leaves
                or word_key in self.t3_head_only or word_key in self.t4_leaves or word_key in self.t4_groups
                or word_key in self.t4_top or fix_aliases(self.template, word_key)[0] in self.t3_leaves)

    def is_group_context(self, label: str) -> bool:
        """A row that only carries a group label of table 三 (三、本年度办理结果, （三）不予公开) on its own."""
        return core(label).startswith(tuple(self.t3_groups))


@functools.lru_cache(maxsize=8)
def format_keys(template: Template) -> FormatKeys:
    t3, t4 = template.t3, template.t4
    t3_leaves = {k(label): code for code, label in t3.columns + (t3.total_col,)}
    t4_leaves = {k(label): code for code, label in t4.columns + (t4.total_col,)}
    sub_labels = {k(sub) for g in t3.result_groups for _, sub in g.rows if sub}
    return FormatKeys(
        template=template,
        t2_captions={key(b.caption): i for i, b in enumerate(template.t2_blocks)},
        t2_rows={k(label): (i, code) for i, b in enumerate(template.t2_blocks) for code, label in b.rows},
        t2_headers={paren_free(k(label)) for b in template.t2_blocks for _, label in b.headers}
        | {k(template.t2_info_header)},
        t3_order=t3.input_cols + (t3.total_col[0],),
        t3_leaves=t3_leaves,
        t3_ambiguous={leaf for leaf in t3_leaves if leaf in t4_leaves or leaf in sub_labels},
        t3_head_only={k(t3.applicant), k(t3.legal_persons)},
        t3_suffixes=_t3_suffixes(template),
        t3_groups={k(g.label) for g in t3.result_groups if len(g.rows) > 1} | {k(t3.results_label)},
        t4_groups={k(label): code for code, label in t4.groups},
        t4_top={k(t4.suit_label)},
        t4_leaves=t4_leaves,
        t4_order=tuple(template.t4_code(g, c) for g, _ in t4.groups for c, _ in t4.columns + (t4.total_col,)),
        table_of_section={sec.key: sec.table for sec in template.sections if sec.table},
        equations=_equations(template),
        row_of=_row_of(template),
        official_rows={
            T2: [(code, label) for b in template.t2_blocks for code, label in b.rows],
            T3: [(code, t3.row_labels[code]) for code in t3.rows],
            T4: [(T4_ROW, "数据行")],
        },
    )


def _t3_suffixes(template: Template) -> list[tuple[str, str]]:
    """(label key, row code), longest first: a row is the one whose label its label text ends with."""
    t3 = template.t3
    out = [(k(label), code) for code, label in t3.head_rows + (t3.total_row, t3.tail_row)]
    for group in t3.result_groups:
        for code, sub in group.rows:
            label = k(sub or group.label)
            out.append((label, code))
            if paren_free(label) != label:
                out.append((paren_free(label), code))  # 部分公开 without its parenthesis
    return sorted(out, key=lambda item: -len(item[0]))


def _equations(template: Template) -> dict[str, list[Equation]]:
    out: dict[str, list[Equation]] = {}
    for code in template.derived_codes:
        equation = (code, template.cells[code].sum_of)
        for c in (code, *equation[1]):
            out.setdefault(c, []).append(equation)
    return out


def _row_of(template: Template) -> dict[str, str]:
    out: dict[str, str] = {}
    for block in template.t2_blocks:
        for row, _ in block.rows:
            for col, _ in block.headers:
                out[template.t2_code(row, col)] = row
    t3 = template.t3
    for row in t3.rows:
        for col, _ in t3.columns + (t3.total_col,):
            out[template.t3_code(row, col)] = row
    for group, _ in template.t4.groups:
        for col, _ in template.t4.columns + (template.t4.total_col,):
            out[template.t4_code(group, col)] = T4_ROW
    return out
