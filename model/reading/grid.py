"""The one reader of the official tables: finds tables 二, 三 and 四 by their labels in a grid of cells.

Every source — text copied from a web page or from Word/WPS, a saved web page, a Word document, a
hand-made workbook — is turned by its reader into rows of cell texts; this module does the rest. A
merged cell's text stands in its first (top-left) position and the positions it covers are blank, as a
spreadsheet stores it; a source that repeats the text in each position reads the same. Rows may be
ragged, shifted or broken by blank lines, as copies are; several tables may follow one another.

Nothing is read by position alone. A row is known by its label (aliases and spelling variants
included, see labels.key), a column by its header. Where a row's cells line up under the headers they
are read there; where the copy has shifted them (a merged label cell dropped or added), the cells after
the row's label are read in the order of the headers, and a row one cell short is completed from the
table's own sums when they leave one answer only. Whatever cannot be placed is reported by name; a
blank cell stays blank (not 0); a cell that says /, — or 无 is read as 0 and reported.

The parts: grid_keys (the format's labels as keys, from the report's template), grid_rows (a row's
cells), grid_headers (the column headers seen), grid_cells (a figure into its cell, and the gaps told at
the end), grid_sums (rows one cell short). Here: which row of which table a grid row is, and which of
its cells go to which of the row's codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from model.reading.grid_cells import Cells, TableReading
from model.reading.grid_headers import Headers
from model.reading.grid_keys import T2, T3, T4, T4_ROW, FormatKeys, format_keys, k
from model.reading.grid_rows import Row, ShortCells, Span, aligned, region, shown
from model.reading.grid_rows import rows_from_lines as _rows_from_lines
from model.reading.grid_sums import Short, solve
from model.reading.labels import (
    BLANK,
    core,
    fix_aliases,
    paren_free,
    section_heading,
)
from model.reading.notices import LABEL_RULE, Notice, label_notice, remark, unplaced
from model.template.template import Template

__all__ = ["ALIAS_RULE", "TableReading", "read_tables", "rows_from_lines"]

#: The rule that alias notices belong to (spec §6 G2).
ALIAS_RULE = LABEL_RULE
#: Rows read at most: the three tables have 44; a document with thousands of table rows holds other
#: tables, and reading further would only cost time.
MAX_ROWS = 5_000
#: Items of what was not placed listed one by one; the rest are counted (a file of junk need not print
#: thousands).
MAX_LISTED = 200
#: Characters a shortened row label must keep to be taken for the one label it ends (规范性文件: 5).
_SHORTEST_LABEL = 4

Rows = Iterable[Sequence[str]]


def read_tables(rows: Rows, template: Template) -> TableReading:
    """Locate the official tables of `template` in `rows` (lists of cell texts) and read every cell by
    its labels."""
    locator = _Locator(format_keys(template))
    for n, cells in enumerate(rows):
        if n == MAX_ROWS:
            locator.out.notices.append(unplaced("too-many-table-rows", max_rows=MAX_ROWS))
            break
        locator.feed(cells)
    return locator.finish()


def rows_from_lines(lines: Iterable[str], template: Template) -> list[list[str]]:
    """Rows from lines that hold a table one cell per line (see grid_rows.rows_from_lines)."""
    return _rows_from_lines(format_keys(template), lines)


# ---------------------------------------------------------------------------------------------------
# The locator


class _Locator:
    def __init__(self, keys: FormatKeys) -> None:
        self.keys = keys
        self.template = keys.template
        self.cells = Cells(keys)
        self.out = self.cells.out
        self.rows_seen = self.cells.rows_seen
        self.table: str | None = None  # the table the rows belong to, as far as known
        self.headers = Headers(keys)
        self.shorts: list[Short] = []
        self.alias_seen: set[tuple[str, str]] = set()
        self.remarks_made: set[tuple[str, str]] = set()

    # -- which row a row of the grid is ---------------------------------------------------------------

    def feed(self, cells: Sequence[str]) -> None:
        row = Row.of(cells)
        if row.empty or self._section_heading(row) or self._t2_caption(row):
            return
        if not row.has_numbers and self._header(row):
            return
        self._data_row(row)

    def _section_heading(self, row: Row) -> bool:
        texts = [row.texts[i] for i in row.label_cells()]
        if len(texts) != 1 or row.has_numbers:
            return False
        table = self.keys.table_of_section.get(section_heading(self.template, texts[0]) or "")
        if table is None:
            return False
        self._enter(table)
        return True

    def _data_row(self, row: Row) -> None:
        label = row.label()
        fixed, replaced = fix_aliases(self.template, label)
        t3 = self.keys.t3_row_of(fixed) if label else None
        t2 = self._t2_row_of(row)
        if self.table == T4 and row.has_numbers and t2 is None and (t3 is None or core(label) in self.keys.t3_ambiguous):
            self._t4_row(row)
        elif t2 is not None:
            self._t2_row(row, *t2)
        elif t3 is not None:
            self._t3_row(row, t3[0], t3[1], replaced)
        elif (merged := self._merged_group(row, label)) is not None:
            self._t3_merged(row, merged)
        elif not row.has_numbers and self.keys.is_group_context(label):
            self._enter(T3)
        else:
            self._unplaced_row(row)

    def _t2_row_of(self, row: Row) -> tuple[int, str] | None:
        """The block and row of table 二 that a row's label names, a shortened label (规范性文件) too."""
        rows = self.keys.t2_rows
        for i in row.label_cells():
            if core(row.keys[i]) in rows:
                return rows[core(row.keys[i])]
        for i in row.label_cells():
            short = core(row.keys[i])
            fixed, replaced = fix_aliases(self.template, short)
            if not replaced:  # a label shortened in front (规范性文件): the one row whose label ends so
                ends = [k for k in rows if k.endswith(short) and len(short) >= _SHORTEST_LABEL]
                fixed, replaced = (ends[0], [(short, ends[0])]) if len(ends) == 1 else (short, [])
            if replaced and fixed in rows:
                block_index, code = rows[fixed]
                block = self.template.t2_blocks[block_index]
                self._alias(T2, row.texts[i], replaced, "row", dict(block.rows)[code],
                            [self.template.t2_code(code, col) for col, _ in block.headers])
                return block_index, code
        return None

    def _merged_group(self, row: Row, label: str) -> str | None:
        """The first row of a group of table 三 printed as one row with figures (（六）其他处理 with one set
        of numbers for its three items), else None."""
        labels = row.label_cells()
        width = len(row.texts) - (labels[-1] + 1 if labels else 0)
        if not row.has_numbers and width < len(self.keys.t3_order):  # a label on its own: the group's caption
            return None
        c = core(label)
        group = next((g for g in self.template.t3.result_groups if len(g.rows) > 1 and k(g.label) == c),
                     None)
        first = group.rows[0][0] if group is not None else None
        return first if first in self.template.reading.merged_first_rows else None

    def _enter(self, table: str) -> None:
        if table != self.table:
            self.table = table
            self.headers.left()

    # -- headers ------------------------------------------------------------------------------------

    def _t2_caption(self, row: Row) -> bool:
        if not any(k in self.keys.t2_captions for k in row.keys):
            return False
        self._enter(T2)
        self.out.found.add(T2)
        return True

    def _header(self, row: Row) -> bool:
        """Take a row of column headers of any of the three tables; False if it is none."""
        table = self.headers.table_of(row, self.table)
        if table is None:
            return False
        self._enter(table)
        self.out.found.add(table)
        t3 = self.template.t3
        for alias in self.headers.take(row, table):
            self._alias(T3, row.texts[alias.index], alias.replaced, "column", t3.col_labels[alias.col],
                        [self.template.t3_code(r, alias.col) for r in t3.rows])
        return True

    def _t3_spans(self) -> list[Span] | None:
        positions, missing = self.headers.t3_columns()
        if missing:
            labels = self.template.t3.col_labels
            self._remark_once(remark("t3-columns-missing", table=self.template.table_numerals[T3], columns=[labels[c] for c in missing]))
        return None if positions is None else [(p, p) for p in positions]

    def _remark_once(self, notice: Notice) -> None:
        said = (notice.kind, notice.message)
        if said not in self.remarks_made:
            self.remarks_made.add(said)
            self.out.notices.append(notice)

    # -- data rows ----------------------------------------------------------------------------------

    def _t2_row(self, row: Row, block_index: int, row_code: str) -> None:
        self._enter(T2)
        self.out.found.add(T2)
        block = self.template.t2_blocks[block_index]
        codes = [self.template.t2_code(row_code, col) for col, _ in block.headers]
        spans = [self.headers.t2_head.get(paren_free(k(label))) for _, label in block.headers]
        name = f"{self.template.table_numerals[T2]}“{dict(block.rows)[row_code]}”行"
        if None in spans and self.headers.t2_other_heads and row.has_numbers:
            # headed by columns the format does not have (table 二 of the 2019 format: 本年新制作数量 …):
            # its figures mean other things, and are never read into the 2021 cells by position
            self.rows_seen[T2].add(row_code)
            self.cells.unread.update(codes)
            self.out.notices.append(unplaced("t2-other-columns", codes, row=name,
                                             headers=[shown(t) for t in self.headers.t2_other_heads],
                                             source=row.shown()))
            return
        self._take(T2, row_code, codes, row, None if None in spans else spans, name)  # type: ignore[arg-type]

    def _t3_row(self, row: Row, row_code: str, exact: bool, replaced: list[tuple[str, str]]) -> None:
        self._enter(T3)
        self.out.found.add(T3)
        self.headers.t3_in_header = False
        official = self.template.t3.row_labels[row_code]
        written = " ".join(row.texts[i] for i in row.label_cells())
        codes = [self.template.t3_code(row_code, c) for c in self.keys.t3_order]
        if replaced:
            self._alias(T3, written, replaced, "row", official, codes)
        elif not exact:
            self._remark_once(remark("t3-row-label-near", codes, table=self.template.table_numerals[T3], written=shown(written), official=official))
        name = f"{self.template.table_numerals[T3]}“{official}”行"
        self._take(T3, row_code, codes, row, self._t3_spans(), name)

    def _t3_merged(self, row: Row, first: str) -> None:
        """A group printed as one merged row: its figures go to the group's first item, the others stay
        not filled, and the user is told (format-2021.md §9)."""
        group = next(g for g in self.template.t3.result_groups if g.rows[0][0] == first)
        others = [code for code, _ in group.rows[1:]]
        self.rows_seen[T3].update(others)  # seen as printed: not "missing", and their blanks are told here
        self._t3_row(row, first, True, [])
        self.out.notices.append(remark(
            "t3-group-merged", [self.template.t3_code(code, c) for code in others for c in self.keys.t3_order],
            table=self.template.table_numerals[T3], group=group.label, items=len(group.rows), first=group.rows[0][1], others=len(others)))

    def _t4_row(self, row: Row) -> None:
        self.out.found.add(T4)
        self.headers.t4_in_header = False
        positions = self.headers.t4_columns()
        order = self.keys.t4_order
        if positions is None:
            codes, spans = list(order), None
        else:
            codes = sorted(order, key=positions.__getitem__)
            spans = [(positions[c], positions[c]) for c in codes]
        self._take(T4, T4_ROW, codes, row, spans, f"{self.template.table_numerals[T4]}的数据行")

    # -- placing a row's figures ----------------------------------------------------------------------

    def _take(self, table: str, row_code: str, codes: list[str], row: Row, spans: list[Span] | None,
              name: str) -> None:
        """Read one data row into `codes`: under the headers where the cells line up, else in order."""
        if row_code in self.rows_seen[table] and not row.has_numbers:
            return  # the label again (e.g. a merged label repeated by the source): nothing new
        self.rows_seen[table].add(row_code)
        ordered = codes
        if spans is not None:  # for cells not under the headers: the order of the headers
            ordered = [codes[i] for i in sorted(range(len(codes)), key=lambda i: spans[i][0])]
        cells = region(row, len(codes), min(first for first, _ in spans) if spans is not None else 0)
        if spans is not None and aligned(self.keys, row, spans):
            self._take_under_headers(table, codes, ordered, row, spans, cells, name)
        elif isinstance(cells, ShortCells):
            self.shorts.append(Short(table, ordered, list(cells), row, name))
        elif cells is not None:
            for code, i in zip(ordered, cells, strict=True):
                if i is not None:
                    self.cells.put(table, code, row.texts[i])
        else:
            self.out.notices.append(unplaced("row-figures-mismatch", ordered, row=name, figures=row.figures(),
                                             columns=len(ordered), source=row.shown()))

    def _take_under_headers(self, table: str, codes: list[str], ordered: list[str], row: Row,
                            spans: list[Span], cells: list[int | None] | ShortCells | None, name: str) -> None:
        """A row whose cells stand under the headers: each figure from its header's columns."""
        in_place: dict[str, int | None] = {}
        for code, (first, last) in zip(codes, spans, strict=True):
            filled = [i for i in range(first, min(last, len(row.kinds) - 1) + 1) if row.kinds[i] != BLANK]
            in_place[code] = filled[0] if filled else None
            for extra in filled[1:]:
                if row.keys[extra] != row.keys[filled[0]]:
                    self.out.notices.append(unplaced("merged-cell-extra", cell=self.template.cells[code].name,
                                                     text=shown(row.texts[extra])))
        ends_early = len(row.kinds) <= max(first for first, _ in spans)
        if ends_early and isinstance(cells, ShortCells):
            # Blank at its end, or a cell lost inside it and the rest shifted? The sums decide.
            self.shorts.append(Short(table, ordered, list(cells), row, name, in_place))
            return
        for code, i in in_place.items():
            if i is not None:
                self.cells.put(table, code, row.texts[i])

    def _unplaced_row(self, row: Row) -> None:
        where = self.template.table_numerals.get(self.table or "", "统计表部分")
        if row.has_numbers:
            self.out.notices.append(unplaced("row-not-placed", table=where, source=row.shown()))
        else:
            self.out.notices.append(unplaced("text-not-placed", table=where, source=row.shown()))

    def _alias(self, table: str, text: str, replaced: list[tuple[str, str]], part: str, label: str,
               codes: Sequence[str] = ()) -> None:
        """Tell once per table and wrong word that a label was printed with a known error (G2)."""
        for wrong, right in replaced:
            if (table, wrong) in self.alias_seen:
                continue
            self.alias_seen.add((table, wrong))
            self.out.notices.append(label_notice("label-alias", codes, table=self.template.table_numerals[table],
                                                 part=part, label=label, written=shown(text), wrong=wrong,
                                                 right=right))

    # -- the end ------------------------------------------------------------------------------------

    def finish(self) -> TableReading:
        self._complete_short_rows()
        for table in (T2, T3, T4):
            if table in self.out.found:
                self.cells.tell_gaps(table)
        return self.out

    def _complete_short_rows(self) -> None:
        """Place each row that is one cell short where the table's sums allow one reading only."""
        pending = list(self.shorts)
        for _ in range(len(pending) + 1):
            progress = False
            for short in list(pending):
                if self._solve(short, final=False) is not None:
                    pending.remove(short)
                    progress = True
            if not progress:
                break
        for short in pending:
            self._solve(short, final=True)
        told = [n for n in self.out.notices if n.unplaced]
        if len(told) > MAX_LISTED:
            dropped = {id(n) for n in told[MAX_LISTED:]}
            self.out.notices = [n for n in self.out.notices if id(n) not in dropped]
            self.out.notices.append(unplaced("more-not-placed", count=len(dropped)))

    def _solve(self, short: Short, final: bool) -> bool | None:
        solution = solve(self.keys, short, {**self.out.values, **self.out.stated}, final)
        if solution is None:
            return None
        for code, value in solution.figures.items():
            self.cells.store(code, value)
        if solution.notice is not None:
            self.out.notices.append(solution.notice)
        return solution.placed
