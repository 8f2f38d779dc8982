"""G6's readings: what a keyword may mean in the tables of one format, built from its template.

A keyword of a text (不予公开, 复议, 制发…规范性文件) may mean one cell, the sum of a group of rows (every
不予公开 reason the format has), or several cells, each a reading. The row sets, columns, groups and their
names in words come from the report's template (its rows, labels and `CheckRoles`), never spelled here, and
are built once per template (`readings_for`), so a format with one more 不予公开 reason is read right.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from model.checks.text_figures.numbers import Number
from model.checks.text_figures.vocabulary import (
    BUSINESS,
    CARRIED_IN,
    CARRIED_OUT,
    COMPANY,
    CORRECTED,
    DENY,
    DONE,
    ENFORCE,
    FEES,
    HANDLE,
    IGNORE,
    INFORCE,
    ISSUE,
    LEGAL,
    LEGALSVC,
    LICENSE,
    NATURAL,
    NEW,
    NONPROFIT,
    NORMATIVE,
    NOUN,
    OPEN,
    OTHER_H,
    PARTIAL,
    PENALTY,
    RECV,
    REGULATION,
    REPEAL,
    REPLY,
    RESEARCH,
    REVIEW,
    SUIT,
    SUIT_AFTER,
    SUIT_DIRECT,
    UNABLE,
    UPHELD,
    Keywords,
    Kind,
    keywords,
)
from model.report.values import valid_or_none
from model.template.template import Template

Rows = tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    label: str  # names the cell(s) in words, e.g. 表三“一、本年新收政府信息公开申请数量”总计
    operands: tuple[str, ...]  # input cells whose sum is the figure
    cells: tuple[str, ...]  # the cells to point at, the named one first
    rows: tuple[str, ...] = ()  # table 三: the rows summed …
    cols: tuple[str, ...] = ()  # … and the columns


@dataclass
class Readings:
    """Every reading of one format's tables that G6 uses, by keyword kind; made by `readings_for`."""

    template: Template
    keywords: Keywords = field(default_factory=keywords)  # the vocabulary and the format's own names
    phrase: dict[Kind, str] = field(default_factory=dict)  # how a message restates a short word (复议, 诉讼)
    t3_all: Rows = ()  # the applicant columns of table 三 (a figure without an applicant is their sum)
    t3_legal: Rows = ()  # 法人或其他组织: every applicant column but 自然人
    rowsets: dict[Kind, tuple[Rows, ...]] = field(default_factory=dict)  # the first is the one named
    app_cols: dict[Kind, tuple[Rows, ...]] = field(default_factory=dict)  # columns an applicant word may mean
    carried_out: Rows = ()
    t4: dict[Kind, tuple[Reading, ...]] = field(default_factory=dict)
    t4_groups_of: dict[Kind, Rows] = field(default_factory=dict)
    t4_result_col: dict[Kind, str] = field(default_factory=dict)
    t2: dict[Kind, Reading] = field(default_factory=dict)
    doc_row: dict[Kind, str] = field(default_factory=dict)
    doc_col: dict[Kind, str] = field(default_factory=dict)
    _t3_cache: dict[tuple[Rows, Rows], Reading] = field(default_factory=dict)
    _t4_cache: dict[tuple[Rows, str], Reading] = field(default_factory=dict)

    # -- table 三 --------------------------------------------------------------------------------------

    def row_label(self, row: str) -> str:
        """The row's label without the long note of （二）部分公开（区分处理的，…）."""
        return self.template.t3.row_labels[row].split("（区分")[0]

    def t3_reading(self, rows: Rows, cols: Rows) -> Reading:
        key = (rows, cols)
        if key not in self._t3_cache:
            self._t3_cache[key] = self._make_t3_reading(rows, cols)
        return self._t3_cache[key]

    def _make_t3_reading(self, rows: Rows, cols: Rows) -> Reading:
        t = self.template
        t3 = t.t3
        total_row, total_col = t3.total_row[0], t3.total_col[0]
        operands = tuple(t.t3_code(r, c) for r in rows for c in cols)
        if rows == (total_row,) and cols == self.t3_all:
            return Reading(f"表三“{t3.total_row[1]}”", operands, (t.t3_code(total_row, total_col),), rows, cols)
        group = next((g.label for g in t3.result_groups if len(g.rows) > 1 and g.codes == rows), None)
        row_part = f"“{group}”各项" if group else "与".join(f"“{self.row_label(r)}”" for r in rows)
        if cols == self.t3_all:
            col_part = "总计"
            cells = tuple(t.t3_code(r, total_col) for r in rows)
        elif cols == self.t3_legal:
            col_part = f"“{t3.legal_persons}”各列"
            cells = tuple(t.t3_code(r, c) for r in rows for c in cols)
        else:
            col_part = f"“{t3.col_labels[cols[0]]}”列"
            cells = tuple(t.t3_code(r, c) for r in rows for c in cols)
        several = len(rows) > 1 or len(cols) > 1 and cols != self.t3_all
        label = f"表三{row_part}{col_part}" + ("之和" if several else "")
        return Reading(label, operands, cells, rows, cols)

    # -- table 四 --------------------------------------------------------------------------------------

    def t4_reading(self, groups: Rows, col: str) -> Reading:
        """A figure of table 四 in words: one group's cell, or the sum over several groups."""
        key = (groups, col)
        if key not in self._t4_cache:
            self._t4_cache[key] = self._make_t4_reading(groups, col)
        return self._t4_cache[key]

    def _make_t4_reading(self, groups: Rows, col: str) -> Reading:
        t = self.template
        t4 = t.t4
        total = t4.total_col[0]
        group_labels, col_labels = dict(t4.groups), dict(t4.columns + (t4.total_col,))
        cols = [c for c, _ in t4.columns] if col == total else [col]
        if len(groups) == 1:
            label = f"表四“{group_labels[groups[0]]}”{'总计' if col == total else f'“{col_labels[col]}”'}"
        else:
            what = t4.suit_label if t4.review_group not in groups else f"{t4.review_label}与{t4.suit_label}"
            if col == total:
                names = "与".join(f"“{group_labels[g]}”" for g in groups)
                label = f"表四{what}（{names}）总计之和"
            else:
                label = f"表四{what}“{col_labels[col]}”之和"
        return Reading(label, tuple(t.t4_code(g, c) for g in groups for c in cols), tuple(t.t4_code(g, col) for g in groups))

    # -- table 二 --------------------------------------------------------------------------------------

    def t2_reading(self, row: str, col: str) -> Reading:
        cell = self.template.cells[self.template.t2_code(row, col)]
        col_label = cell.col_label.split("（")[0]
        return Reading(f"表二“{cell.row_label}”{col_label}", (cell.code,), (cell.code,))

    def doc_reading(self, obj: Kind, verb: Kind) -> Reading:
        """制发/废止/现行有效 of 规范性文件/规章."""
        return self.t2_reading(self.doc_row[obj], self.doc_col[verb])

    # -- values ----------------------------------------------------------------------------------------

    def value(self, reading: Reading, figures: dict[str, Any]) -> tuple[Number, bool] | None:
        """The reading's running sum and whether every operand is filled; None when a filled operand is no
        valid number (then: say nothing, T2-2/T3-4/T4-4 name it)."""
        total: Number = 0
        complete = True
        cells = self.template.cells
        for code in reading.operands:
            raw = figures.get(code)
            if raw is None:
                complete = False
                continue
            v = valid_or_none(cells[code], raw)
            if v is None:
                return None
            total += v
        return total, complete


def _t3_tables(r: Readings) -> None:
    t3, roles = r.template.t3, r.template.check_roles
    r.t3_all = t3.input_cols
    r.t3_legal = tuple(c for c in t3.input_cols if c != roles.t3_natural)
    new, new_ci, total = (roles.t3_new,), (roles.t3_new, roles.t3_carried_in), (t3.total_row[0],)
    r.carried_out = (roles.t3_carried_out,)
    r.rowsets = {
        RECV: (new, new_ci),
        NEW: (new,),
        NOUN: (new, new_ci, total),
        HANDLE: (new, new_ci, total),
        REPLY: (total, new_ci, new),
        DONE: (total,),
        CARRIED_IN: ((roles.t3_carried_in,),),
        CARRIED_OUT: (r.carried_out,),
        OPEN: ((roles.t3_open,),),
        PARTIAL: ((roles.t3_partial,),),
        DENY: (t3.group(roles.t3_deny_group).codes,),
        UNABLE: (t3.group(roles.t3_unable_group).codes,),
        IGNORE: (t3.group(roles.t3_ignore_group).codes,),
        OTHER_H: (t3.group(roles.t3_other_group).codes,),
    }
    r.app_cols = {
        NATURAL: ((roles.t3_natural,),), LEGAL: (r.t3_legal,), BUSINESS: ((roles.t3_business,),),
        RESEARCH: ((roles.t3_research,),), NONPROFIT: ((roles.t3_nonprofit,),),
        LEGALSVC: ((roles.t3_legal_services,),), COMPANY: ((roles.t3_business,), r.t3_legal),
    }


def _t4_tables(r: Readings) -> None:
    t4, roles = r.template.t4, r.template.check_roles
    review, suits = (t4.review_group,), t4.suit_groups
    r.t4_groups_of = {REVIEW: review, SUIT: suits, SUIT_DIRECT: (roles.t4_suit_direct,),
                      SUIT_AFTER: (roles.t4_suit_after_review,)}
    r.t4_result_col = {CORRECTED: roles.t4_corrected, UPHELD: roles.t4_upheld}
    r.t4 = {kind: (r.t4_reading(groups, t4.total_col[0]),) for kind, groups in r.t4_groups_of.items()}
    # A result without its case word may be the 复议's, all cases', or the 诉讼's: any reading keeps it silent.
    for kind, col in r.t4_result_col.items():
        r.t4[kind] = (r.t4_reading(review, col), r.t4_reading(review + suits, col), r.t4_reading(suits, col))


def _t2_tables(r: Readings) -> None:
    roles = r.template.check_roles
    fees = r.template.cells[roles.t2_fees]
    r.t2 = {
        LICENSE: r.t2_reading(roles.t2_license, roles.t2_decisions),
        PENALTY: r.t2_reading(roles.t2_penalty, roles.t2_decisions),
        ENFORCE: r.t2_reading(roles.t2_enforcement, roles.t2_decisions),
        FEES: Reading(f"表二“{fees.row_label}”{fees.col_label.split('（')[0]}", (fees.code,), (fees.code,)),
    }
    r.doc_row = {NORMATIVE: roles.t2_normative, REGULATION: roles.t2_regulation}
    r.doc_col = {ISSUE: roles.t2_issued, REPEAL: roles.t2_repealed, INFORCE: roles.t2_in_force}


def _words(r: Readings) -> None:
    """The format's own names: keywords of their own (未经复议直接起诉) and the words messages restate."""
    t, roles = r.template, r.template.check_roles
    groups = dict(t.t4.groups)
    t4_names = ((REVIEW, groups[t.t4.review_group]), (SUIT_DIRECT, groups[roles.t4_suit_direct]),
                (SUIT_AFTER, groups[roles.t4_suit_after_review]))
    r.keywords = keywords(tuple((name, kind) for kind, name in t4_names))
    cols = dict(t.t4.columns)
    row_label = {row: t.cells[t.t2_code(row, col)].row_label for row, col in (
        (roles.t2_license, roles.t2_decisions), (roles.t2_penalty, roles.t2_decisions),
        (roles.t2_enforcement, roles.t2_decisions), (roles.t2_normative, roles.t2_issued),
        (roles.t2_regulation, roles.t2_issued))}
    r.phrase = {
        **dict(t4_names), SUIT: t.t4.suit_label,
        CORRECTED: cols[roles.t4_corrected], UPHELD: cols[roles.t4_upheld],
        LICENSE: row_label[roles.t2_license], PENALTY: row_label[roles.t2_penalty],
        ENFORCE: row_label[roles.t2_enforcement], FEES: t.cells[roles.t2_fees].row_label,
        NORMATIVE: row_label[roles.t2_normative], REGULATION: row_label[roles.t2_regulation],
    }


@functools.lru_cache(maxsize=8)
def readings_for(template: Template) -> Readings:
    """The readings of one format, built once (a template is hashed by identity)."""
    r = Readings(template)
    _t3_tables(r)
    _t4_tables(r)
    _t2_tables(r)
    _words(r)
    return r
