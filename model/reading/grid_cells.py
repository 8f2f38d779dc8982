"""Where the locator's figures go: each cell's text through the value gate into the reading (inputs as
values, totals as stated), and at the end what the tables left unsaid — rows not found, cells left
blank, cells read as 0 from a none-mark."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from model.reading.grid_keys import T2, T3, T4, FormatKeys
from model.reading.grid_rows import shown
from model.reading.labels import MARK, TEXT, cell_kind, number_text
from model.reading.notices import Notice, remark, unplaced
from model.report.values import Value, ValueError_, read_number
from model.template.types import ValueKind


@dataclass
class TableReading:
    """What the locator read: input values, stated totals, and what the user must be told."""

    values: dict[str, Value] = field(default_factory=dict)
    stated: dict[str, Value] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    found: set[str] = field(default_factory=set)  # keys of the tables seen (t2, t3, t4)

    def unplaced(self) -> list[Notice]:
        return [n for n in self.notices if n.unplaced]


@dataclass
class Cells:
    """The figures read so far, and which rows of each table were seen."""

    keys: FormatKeys
    out: TableReading = field(default_factory=TableReading)
    rows_seen: dict[str, set[str]] = field(default_factory=lambda: {T2: set(), T3: set(), T4: set()})
    unread: set[str] = field(default_factory=set)  # cells of rows seen but not read (not placed, not blank)
    marks: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # table → (code, mark)

    def put(self, table: str, code: str, text: str) -> None:
        """A cell's printed text into `code`: a figure, a none-mark read as 0, or told as no number."""
        cell = self.keys.template.cells[code]
        kind = cell_kind(text)
        if kind == TEXT:
            self.out.notices.append(unplaced("cell-not-a-number", [code], cell=cell.name, text=shown(text)))
            return
        if kind == MARK:
            value: Value = Decimal(0) if cell.kind is ValueKind.AMOUNT else 0
            self.marks.setdefault(table, []).append((code, text))
        else:
            try:
                value = read_number(cell, number_text(text))
            except ValueError_ as exc:
                self.out.notices.append(unplaced("cell-bad-number", [code], reason=str(exc), text=shown(text)))
                return
        self.store(code, value)

    def store(self, code: str, value: Value) -> None:
        """Keep the first figure read for a cell; a second, different one is told."""
        cell = self.keys.template.cells[code]
        target = self.out.stated if cell.derived else self.out.values
        before = target.get(code)
        if before is not None and before != value:
            self.out.notices.append(unplaced("cell-read-twice", [code], cell=cell.name, first=str(before),
                                             second=str(value)))
            return
        target[code] = value

    def tell_gaps(self, table: str) -> None:
        """Rows of `table` not found, cells left blank, cells read as 0 from a none-mark."""
        template = self.keys.template
        numeral = template.table_numerals[table]
        inputs = template.table(table).input_codes
        row_of, seen = self.keys.row_of, self.rows_seen[table]
        missing = [(code, label) for code, label in self.keys.official_rows[table] if code not in seen]
        if missing:
            gone = {code for code, _ in missing}
            self.out.notices.append(remark("rows-missing", [c for c in inputs if row_of[c] in gone],
                                           table=numeral, rows=[label for _, label in missing]))
        blanks = [c for c in inputs if c not in self.out.values and row_of[c] in seen and c not in self.unread]
        if blanks:
            self.out.notices.append(remark("cells-blank", blanks, table=numeral, count=len(blanks),
                                           names=self._names(blanks)))
        marks = self.marks.get(table, [])
        if marks:
            codes = [c for c, _ in marks]
            self.out.notices.append(remark("cells-marked", codes, table=numeral, count=len(marks),
                                           marks=list(dict.fromkeys(m for _, m in marks)),
                                           names=self._names(codes)))

    def _names(self, codes: list[str]) -> list[str]:
        """The names of the first three cells (messages count the rest)."""
        return [self.keys.template.cells[c].name for c in codes[:3]]
