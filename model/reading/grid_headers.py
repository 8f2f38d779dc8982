"""The column headers the locator has seen: which table a row of headers belongs to, and the grid
column under which each of that table's figures stands."""

from __future__ import annotations

from dataclasses import dataclass, field

from model.reading.grid_keys import T2, T3, T4, FormatKeys
from model.reading.grid_rows import Row, Span, filled_left
from model.reading.labels import BLANK, TEXT, core, fix_aliases, paren_free


@dataclass
class HeaderAlias:
    """A column header of table 三 printed with a known error: where, as written, and what it replaced."""

    index: int
    col: str
    replaced: list[tuple[str, str]]


@dataclass
class Headers:
    """The headers of the table being read (those of the last block for table 二)."""

    keys: FormatKeys
    t2_head: dict[str, Span] = field(default_factory=dict)
    t2_other_heads: list[str] = field(default_factory=list)  # headers of table 二's block not the format's
    t3_head: list[tuple[int, str]] = field(default_factory=list)  # (grid column, column code) found
    t3_in_header: bool = False
    t4_head: list[Row] = field(default_factory=list)
    t4_in_header: bool = False

    def left(self) -> None:
        """The locator went on to another table, or to the data rows."""
        self.t3_in_header = self.t4_in_header = False

    def table_of(self, row: Row, table: str | None) -> str | None:
        """The table whose column headers `row` holds (`table`: the one being read), or None."""
        keys = self._keys(row)
        texts = [k for k, kind in zip(keys, row.kinds, strict=True) if kind == TEXT]
        fk = self.keys
        if any(paren_free(k) in fk.t2_headers for k in texts):
            return T2
        t3_header = any(k in fk.t3_distinct or fk.template.reading.corner_word in k for k in texts) or (
            table == T3 and self.t3_in_header and all(k in fk.t3_leaves for k in texts))
        if t3_header and not any(k in fk.t4_distinct for k in texts):
            return T3
        t4_header = any(k in fk.t4_distinct for k in texts) or (
            table == T4 and self.t4_in_header and all(k in fk.t4_leaves for k in texts))
        return T4 if t4_header else None

    def take(self, row: Row, table: str) -> list[HeaderAlias]:
        """Remember the headers of `row` (of `table`, see table_of); the aliases among table 三's."""
        keys = self._keys(row)
        if table == T2:
            self._take_t2(row, keys)
            return []
        if table == T3:
            return self._take_t3(row, keys)
        if not self.t4_in_header:
            self.t4_head = []
        self.t4_in_header = True
        self.t4_head.append(Row(row.texts, keys, row.kinds))
        return []

    def _keys(self, row: Row) -> list[str]:
        return [core(fix_aliases(self.keys.template, k)[0]) for k in row.keys]

    def _take_t2(self, row: Row, keys: list[str]) -> None:
        headers = self.keys.t2_headers
        self.t2_head = {}
        self.t2_other_heads = [row.texts[i] for i, k in enumerate(keys)
                               if row.kinds[i] == TEXT and paren_free(k) not in headers]
        for i, k in enumerate(keys):
            if paren_free(k) in headers:
                end = i
                while end + 1 < len(keys) and row.kinds[end + 1] == BLANK:
                    end += 1
                self.t2_head[paren_free(k)] = (i, end)

    def _take_t3(self, row: Row, keys: list[str]) -> list[HeaderAlias]:
        if not self.t3_in_header:
            self.t3_head = []
        self.t3_in_header = True
        aliases = []
        for i, (raw, k) in enumerate(zip(row.keys, keys, strict=True)):
            if k in self.keys.t3_leaves:
                col = self.keys.t3_leaves[k]
                self.t3_head.append((i, col))
                aliases.append(HeaderAlias(i, col, fix_aliases(self.keys.template, raw)[1]))
        return aliases

    # -- where each figure stands ---------------------------------------------------------------------

    def t3_columns(self) -> tuple[list[int] | None, list[str]]:
        """The grid column of each of table 三's seven columns, in the official order, if the headers
        give them all, each once (None where they do not: one cell per line, or a header missing); and
        the codes of the columns missing from headers that were printed side by side."""
        cols: dict[str, set[int]] = {}
        for c, code in self.t3_head:
            cols.setdefault(code, set()).add(c)
        stacked = len({c for c, _ in self.t3_head}) <= 1  # every header in one column: one per line
        missing = [c for c in self.keys.t3_order if c not in cols]
        told = missing if missing and not stacked and self.t3_head else []
        if missing or any(len(v) > 1 for v in cols.values()):
            return None, told
        positions = [next(iter(cols[c])) for c in self.keys.t3_order]
        return (positions if len(set(positions)) == len(positions) else None), told

    def t4_columns(self) -> dict[str, int] | None:
        """The grid column of each of table 四's fifteen cells, found under its group and its header."""
        fk = self.keys
        found: dict[str, set[int]] = {}
        for ri, row in enumerate(self.t4_head):
            for c, k in enumerate(row.keys):
                leaf = fk.t4_leaves.get(k)
                if leaf is None:
                    continue
                group = next((g for above in reversed(self.t4_head[:ri])
                              if (g := fk.t4_groups.get(filled_left(above.keys, c)))), None)
                if group:
                    found.setdefault(fk.template.t4_code(group, leaf), set()).add(c)
        if set(found) != set(fk.t4_order) or any(len(v) > 1 for v in found.values()):
            return None
        positions = {code: next(iter(cols)) for code, cols in found.items()}
        return positions if len(set(positions.values())) == len(positions) else None
