"""`Template`: one national report format as a value, with everything derived from it computed once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from model.template.checks import CheckRoles
from model.template.reading import ReadingHints
from model.template.types import (
    Cell,
    ChecklistItem,
    MetaField,
    Section,
    T2Block,
    T3Layout,
    T4Layout,
    Table,
)

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．])")


def unnumbered(label: str) -> str:
    """A label without its number (一、 （一） 1.), as a sentence names the row or section."""
    return _NUMBERING.sub("", label, count=1)


@dataclass(frozen=True, eq=False)
class Template:
    """Everything one format says. Compared and hashed by identity: one object per format."""

    id: str  # the report file's `template`
    format_title: str
    format_doc: str
    report_title_suffix: str
    sections: tuple[Section, ...]
    text_section_keys: tuple[str, ...]  # sections whose content is text; "preamble" precedes 一
    preamble_label: str
    subhead_pattern: str  # a sub-head line of a narrative section: （一）, （二）, …
    s6_items: tuple[str, ...]  # the sub-heads of section 六
    meta_fields: tuple[MetaField, ...]
    agency_kinds: tuple[tuple[str, str], ...]
    admin_levels: tuple[tuple[str, str], ...]
    year_min: int
    year_max: int
    max_value: int  # the largest figure any real office could report
    amount_places: int  # decimal places of 万元 amounts
    t2_info_header: str
    t2_blocks: tuple[T2Block, ...]
    t3: T3Layout
    t4: T4Layout
    tables: tuple[Table, ...]
    label_aliases: tuple[tuple[str, str], ...]  # (wrong, right): wrong labels seen in published reports
    reading: ReadingHints  # how printed copies show the tables, for the locator
    check_roles: CheckRoles  # the rows, columns and cells the rules and G6 give a role

    # -- derived -------------------------------------------------------------------------------------

    @functools.cached_property
    def tables_by_key(self) -> dict[str, Table]:
        return {t.key: t for t in self.tables}

    @functools.cached_property
    def cells(self) -> dict[str, Cell]:
        return {c.code: c for t in self.tables for c in t.cells}

    @functools.cached_property
    def input_codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.cells.values() if not c.derived)

    @functools.cached_property
    def derived_codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.cells.values() if c.derived)

    @functools.cached_property
    def derived_order(self) -> tuple[str, ...]:
        """Derived codes ordered so that every operand is computed before the cell that sums it."""
        order: list[str] = []
        seen: set[str] = set()

        def visit(code: str) -> None:
            if code in seen:
                return
            seen.add(code)
            for dep in self.cells[code].sum_of:
                if self.cells[dep].derived:
                    visit(dep)
            order.append(code)

        for code in self.derived_codes:
            visit(code)
        return tuple(order)

    @functools.cached_property
    def dependents(self) -> dict[str, tuple[str, ...]]:
        """For each input cell, the derived cells that (transitively) sum it."""
        direct: dict[str, list[str]] = {}
        for code in self.derived_order:
            for dep in self.cells[code].sum_of:
                direct.setdefault(dep, []).append(code)

        def closure(code: str) -> list[str]:
            out: list[str] = []
            for d in direct.get(code, ()):
                out.append(d)
                out.extend(closure(d))
            return out

        return {code: tuple(dict.fromkeys(closure(code))) for code in self.input_codes}

    @functools.cached_property
    def operands(self) -> dict[str, tuple[str, ...]]:
        """For each derived cell, the input cells it (transitively) adds up."""
        out: dict[str, tuple[str, ...]] = {code: () for code in self.derived_codes}
        for code, dependents in self.dependents.items():
            for d in dependents:
                out[d] += (code,)
        return out

    @functools.cached_property
    def section_of_table(self) -> dict[str, str]:
        """The section that holds each table, for placing a finding about its cells."""
        return {sec.table: sec.key for sec in self.sections if sec.table}

    @functools.cached_property
    def rule_words(self) -> dict[str, str]:
        """The format's names that the rules' messages and summaries use (model.checks.rules): its labels
        without their numbering, so that a message follows a changed label. Keys end in what they name."""
        roles, cells, t3 = self.check_roles, self.cells, self.t3

        def t2_col(col: str) -> str:
            return cells[self.t2_code(roles.t2_regulation, col)].col_label

        unpaid = next(sub for g in t3.result_groups for code, sub in g.rows if code == roles.t3_unpaid_fee)
        words = {
            "in_force_col": t2_col(roles.t2_in_force),
            "issued_col": t2_col(roles.t2_issued),
            "repealed_col": t2_col(roles.t2_repealed),
            "normative_row": cells[self.t2_code(roles.t2_normative, roles.t2_issued)].row_label,
            "fees_row": cells[roles.t2_fees].row_label,
            "carried_in_row": unnumbered(t3.row_labels[roles.t3_carried_in]),
            "carried_out_row": unnumbered(t3.row_labels[roles.t3_carried_out]),
            "unpaid_fee_row": unnumbered(unpaid),
        }
        words.update({f"{s.key}_heading": unnumbered(s.heading) for s in self.sections})
        return words

    @functools.cached_property
    def table_numerals(self) -> dict[str, str]:
        return {t.key: t.numeral for t in self.tables}

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def checklist(self, key: str) -> tuple[ChecklistItem, ...]:
        return self.section(key).checklist

    def table(self, key: str) -> Table:
        return self.tables_by_key[key]

    def t2_code(self, row: str, col: str) -> str:
        return f"t2.{row}.{col}"

    def t3_code(self, row: str, col: str) -> str:
        return f"t3.{row}.{col}"

    def t4_code(self, group: str, col: str) -> str:
        return f"t4.{group}.{col}"

    def canonical_label(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """The label with known errors corrected, and the (wrong, right) pairs that were replaced."""
        replaced = []
        for wrong, right in self.label_aliases:
            if wrong in text and right not in text:
                text = text.replace(wrong, right)
                replaced.append((wrong, right))
        return text, replaced

    def report_title(self, agency: str, year: int | None) -> str:
        """The report's title, `<机关名称><年度>年政府信息公开工作年度报告`."""
        return f"{agency}{year if year is not None else '____'}{self.report_title_suffix}"
