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
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from model import schema as S
from model.reading.labels import (
    BLANK,
    MARK,
    NUMBER,
    TEXT,
    cell_kind,
    core,
    fix_aliases,
    key,
    number_text,
    paren_free,
    section_heading,
)
from model.report.values import Value, ValueError_, read_number

__all__ = ["ALIAS_RULE", "TableReading", "read_tables", "rows_from_lines"]

#: The rule that alias notices belong to (spec §6 G2); each alias notice starts with it.
ALIAS_RULE = "G2"
#: Cells of one row beyond this are not looked at (no table of the format has more than 15 columns).
MAX_ROW_CELLS = 200
#: Rows read at most: the three tables have 44; a document with thousands of table rows holds other
#: tables, and reading further would only cost time.
MAX_ROWS = 5_000
#: Items of `unplaced` listed one by one; the rest are counted (a file of junk need not print thousands).
MAX_LISTED = 200
_SHOWN = 40  # characters of a source text quoted in a message

Rows = Iterable[Sequence[str]]


@dataclass
class TableReading:
    """What the locator read: input values, stated totals, and what the user must be told."""

    values: dict[str, Value] = field(default_factory=dict)
    stated: dict[str, Value] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # each starts with ALIAS_RULE
    unplaced: list[str] = field(default_factory=list)
    found: set[str] = field(default_factory=set)  # keys of the tables seen (t2, t3, t4)
    cells_of: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a message → the cells it is about

    def note(self, target: list[str], message: str, codes: Sequence[str] = ()) -> None:
        """Add `message` to `target` (notices, aliases or unplaced), remembering the cells it concerns."""
        target.append(message)
        if codes:
            self.cells_of[message] = tuple(codes)


def read_tables(rows: Rows) -> TableReading:
    """Locate the official tables in `rows` (lists of cell texts) and read every cell by its labels."""
    locator = _Locator()
    for n, cells in enumerate(rows):
        if n == MAX_ROWS:
            locator.out.unplaced.append(f"统计表部分超过 {MAX_ROWS} 行，其后的内容未读取。")
            break
        locator.feed(cells)
    return locator.finish()


def rows_from_lines(lines: Iterable[str]) -> list[list[str]]:
    """Rows from lines that hold a table one cell per line (or one row per line, cells spaced apart).

    A label starts a row and the figures after it belong to it, so `规章 / 0 / 0 / 0` is one row. A line
    `1. 属于国家秘密 0 0 0 0 0 0 0` (as a PDF copy gives it) is split into its label and its figures, and a
    line of headers separated by spaces (`结果维持 结果纠正 …`) into its headers. Blank lines carry no
    cell here: a copy in this form cannot show a blank cell, so a row that lost one is one short.
    """
    rows: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if cell_kind(text) in (NUMBER, MARK):
            if current is None:
                current = []
                rows.append(current)
            current.append(text)
            continue
        label, figures = _split_figures(text)
        if figures:
            current = ([label] if label else []) + figures
            rows.append(current)
            continue
        words = text.split()
        if len(words) > 1 and all(_is_header_word(core(key(w))) for w in words):
            rows.extend([w] for w in words)
            current = None
            continue
        current = [text]
        rows.append(current)
    return rows


def _split_figures(text: str) -> tuple[str, list[str]]:
    """A line's leading label and its trailing figures, where it ends in figures separated by spaces."""
    words = text.split()
    figures: list[str] = []
    while words and cell_kind(words[-1]) in (NUMBER, MARK) and (len(words) > 1 or figures):
        figures.insert(0, words.pop())
    return " ".join(words), figures


# ---------------------------------------------------------------------------------------------------
# The format's labels as keys


def _k(text: str) -> str:
    return core(key(text))


_T2_CAPTIONS = {key(b.caption): i for i, b in enumerate(S.T2_BLOCKS)}
_T2_ROWS = {_k(label): (i, code) for i, b in enumerate(S.T2_BLOCKS) for code, label in b.rows}
_T2_HEADERS = {paren_free(_k(label)) for b in S.T2_BLOCKS for _, label in b.headers} | {_k(S.T2_INFO_HEADER)}

_T3_ORDER = tuple(c for c, _ in S.T3_COLUMNS) + (S.T3_TOTAL_COL[0],)
_T3_LEAVES = {_k(label): code for code, label in S.T3_COLUMNS + (S.T3_TOTAL_COL,)}
_T3_AMBIGUOUS = {_k(S.T3_TOTAL_COL[1]), _k(dict(S.T3_COLUMNS)["other"])}  # 总计, 其他: also rows' or table 四's
_T3_HEAD_ONLY = {_k(S.T3_APPLICANT), _k(S.T3_LEGAL_PERSONS)}
_T3_DISTINCT = (set(_T3_LEAVES) - _T3_AMBIGUOUS) | _T3_HEAD_ONLY
_T3_CORNER_WORD = "勾稽关系"  # of S.T3_CORNER, however the rest of that long text is copied


def _t3_suffixes() -> list[tuple[str, str]]:
    """(label key, row code), longest first: a row is the one whose label its label text ends with."""
    out = [(_k(label), code) for code, label in S.T3_HEAD_ROWS + (S.T3_TOTAL_ROW, S.T3_TAIL_ROW)]
    for group in S.T3_RESULT_GROUPS:
        for code, sub in group.rows:
            label = _k(sub or group.label)
            out.append((label, code))
            if paren_free(label) != label:
                out.append((paren_free(label), code))  # 部分公开 without its parenthesis
    return sorted(out, key=lambda item: -len(item[0]))


_T3_SUFFIXES = _t3_suffixes()
_T3_GROUPS = {_k(g.label) for g in S.T3_RESULT_GROUPS if len(g.rows) > 1} | {_k(S.T3_RESULTS_LABEL)}

_T4_GROUPS = {_k(label): code for code, label in S.T4_GROUPS}
_T4_TOP = {_k(S.T4_SUIT_LABEL)}
_T4_LEAVES = {_k(label): code for code, label in S.T4_COLUMNS + (S.T4_TOTAL_COL,)}
_T4_DISTINCT = set(_T4_GROUPS) | _T4_TOP | (set(_T4_LEAVES) - _T3_AMBIGUOUS)
_T4_ORDER = tuple(f"t4.{g}.{c}" for g, _ in S.T4_GROUPS for c, _ in S.T4_COLUMNS + (S.T4_TOTAL_COL,))

#: Characters a shortened row label must keep to be taken for the one label it ends (规范性文件: 5).
_SHORTEST_LABEL = 4
#: The first row of the group of table 三 that reports print as one merged row: （六）其他处理.
_MERGEABLE_FIRST = "other_1"

_TABLE_OF_SECTION = {sec.key: sec.table for sec in S.SECTIONS if sec.table}

#: For each cell, the sums it takes part in: (derived cell, its operands).
_EQUATIONS: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _code in S.DERIVED_CODES:
    _eq = (_code, S.CELLS[_code].sum_of)
    for _c in (_code, *_eq[1]):
        _EQUATIONS.setdefault(_c, []).append(_eq)


def _t3_row_of(label: str) -> tuple[str, bool] | None:
    """The row of table 三 whose label `label` (a row's label cells, joined) ends with; (code, exact)."""
    for suffix, code in _T3_SUFFIXES:
        if label.endswith(suffix):
            return code, True
    bare = paren_free(label)
    if bare != label:
        for suffix, code in _T3_SUFFIXES:
            if bare.endswith(suffix):
                return code, False
    return None


def _is_label(k: str) -> bool:
    """Whether a cell's key is any label of the three tables (so it cannot be a value)."""
    c = core(k)
    return (c in _T2_ROWS or c in _T3_LEAVES or c in _T3_GROUPS or c in _T4_LEAVES or c in _T4_GROUPS
            or _t3_row_of(fix_aliases(k)[0]) is not None)


def _is_header_word(k: str) -> bool:
    """Whether a word is a column header (or a block caption) of one of the tables."""
    return (paren_free(k) in _T2_HEADERS or k in _T3_LEAVES or k in _T3_HEAD_ONLY or k in _T4_LEAVES
            or k in _T4_GROUPS or k in _T4_TOP or fix_aliases(k)[0] in _T3_LEAVES)


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


# ---------------------------------------------------------------------------------------------------
# Rows


@dataclass
class _Row:
    texts: list[str]
    keys: list[str]
    kinds: list[str]

    @classmethod
    def of(cls, cells: Sequence[str]) -> _Row:
        texts = [("" if c is None else str(c)).strip() for c in list(cells)[:MAX_ROW_CELLS]]
        return cls(texts, [key(t) for t in texts], [cell_kind(t) for t in texts])

    @property
    def empty(self) -> bool:
        return all(k == BLANK for k in self.kinds)

    @property
    def has_numbers(self) -> bool:
        return any(k in (NUMBER, MARK) for k in self.kinds)

    def label_cells(self) -> list[int]:
        """The text cells before the row's first figure (text after it is a value that is no number)."""
        first = next((i for i, k in enumerate(self.kinds) if k in (NUMBER, MARK)), len(self.kinds))
        return [i for i in range(first) if self.kinds[i] == TEXT]

    def label(self) -> str:
        """The row's label cells as one key (a label repeated by a merged cell counted once)."""
        parts: list[str] = []
        for i in self.label_cells():
            if not parts or parts[-1] != self.keys[i]:
                parts.append(self.keys[i])
        return "".join(parts)

    def shown(self) -> str:
        return _shown(" ".join(t for t in self.texts if t))


@dataclass
class _Short:
    """A row one cell short: its cells (indices) and where it goes, completed once the table is read."""

    table: str
    codes: list[str]
    cells: list[int]
    row: _Row
    name: str
    in_place: dict[str, int | None] | None = None  # the reading under the headers, the row's end blank


Span = tuple[int, int]  # first and last grid column of a header (a merged header covers several)


# ---------------------------------------------------------------------------------------------------
# The locator


class _Locator:
    def __init__(self) -> None:
        self.out = TableReading()
        self.table: str | None = None  # the table the rows belong to, as far as known
        self.t2_head: dict[str, Span] = {}
        self.t2_other_heads: list[str] = []
        self.unread: set[str] = set()  # cells of rows seen but not read (told as not placed, not as blank)  # headers of table 二's current block that are not the format's
        self.t3_head: list[tuple[int, str]] = []  # (grid column, column code) of each header found
        self.t3_in_header = False
        self.t4_head: list[_Row] = []
        self.t4_in_header = False
        self.rows_seen: dict[str, set[str]] = {"t2": set(), "t3": set(), "t4": set()}
        self.shorts: list[_Short] = []
        self.marks: dict[str, list[tuple[str, str]]] = {}  # table → (code, mark)
        self.alias_seen: set[tuple[str, str]] = set()
        self.header_notes: set[str] = set()

    # -- feeding ------------------------------------------------------------------------------------

    def feed(self, cells: Sequence[str]) -> None:
        row = _Row.of(cells)
        if row.empty:
            return
        texts = [row.texts[i] for i in row.label_cells()]
        if len(texts) == 1 and not row.has_numbers:
            sec = section_heading(texts[0])
            if sec in _TABLE_OF_SECTION:
                self._enter(_TABLE_OF_SECTION[sec])
                return
        if self._t2_caption(row):
            return
        if not row.has_numbers and self._header(row):
            return
        label = row.label()
        fixed, replaced = fix_aliases(label)
        t3 = _t3_row_of(fixed) if label else None
        t2 = self._t2_row_of(row)
        if self.table == "t4" and row.has_numbers and t2 is None and (t3 is None or core(label) in _T3_AMBIGUOUS):
            self._t4_row(row)
        elif t2 is not None:
            self._t2_row(row, *t2)
        elif t3 is not None:
            self._t3_row(row, t3[0], t3[1], replaced)
        elif (merged := self._merged_group(row, label)) is not None:
            self._t3_merged(row, merged)
        elif not row.has_numbers and _is_group_context(label):
            self._enter("t3")
        else:
            self._unplaced_row(row)

    def _t2_row_of(self, row: _Row) -> tuple[int, str] | None:
        """The block and row of table 二 that a row's label names, a shortened label (规范性文件) too."""
        for i in row.label_cells():
            if core(row.keys[i]) in _T2_ROWS:
                return _T2_ROWS[core(row.keys[i])]
        for i in row.label_cells():
            short = core(row.keys[i])
            fixed, replaced = fix_aliases(short)
            if not replaced:  # a label shortened in front (规范性文件): the one row whose label ends so
                ends = [k for k in _T2_ROWS if k.endswith(short) and len(short) >= _SHORTEST_LABEL]
                fixed, replaced = (ends[0], [(short, ends[0])]) if len(ends) == 1 else (short, [])
            if replaced and fixed in _T2_ROWS:
                block, code = _T2_ROWS[fixed]
                label = dict(S.T2_BLOCKS[block].rows)[code]
                self._alias("t2", row.texts[i], replaced, f"行标题“{label}”",
                            [f"t2.{code}.{col}" for col, _ in S.T2_BLOCKS[block].headers])
                return block, code
        return None

    def _merged_group(self, row: _Row, label: str) -> str | None:
        """The first row of a group of table 三 printed as one row with figures (（六）其他处理 with one set
        of numbers for its three items), else None."""
        labels = row.label_cells()
        width = len(row.texts) - (labels[-1] + 1 if labels else 0)
        if not row.has_numbers and width < len(_T3_ORDER):  # a label on its own: the group's caption
            return None
        c = core(label)
        group = next((g for g in S.T3_RESULT_GROUPS if len(g.rows) > 1 and _k(g.label) == c), None)
        return group.rows[0][0] if group is not None and group.rows[0][0] == _MERGEABLE_FIRST else None

    def _enter(self, table: str) -> None:
        if table != self.table:
            self.table = table
            self.t3_in_header = self.t4_in_header = False

    # -- headers ------------------------------------------------------------------------------------

    def _t2_caption(self, row: _Row) -> bool:
        if not any(k in _T2_CAPTIONS for k in row.keys):
            return False
        self._enter("t2")
        self.out.found.add("t2")
        return True

    def _header(self, row: _Row) -> bool:
        """Take a row of column headers of any of the three tables; False if it is none."""
        keys = [core(fix_aliases(k)[0]) for k in row.keys]
        texts = [k for k, kind in zip(keys, row.kinds, strict=True) if kind == TEXT]
        if any(paren_free(k) in _T2_HEADERS for k in texts):
            self._enter("t2")
            self.out.found.add("t2")
            self.t2_head = {}
            self.t2_other_heads = [row.texts[i] for i, k in enumerate(keys)
                                   if row.kinds[i] == TEXT and paren_free(k) not in _T2_HEADERS]
            for i, k in enumerate(keys):
                if paren_free(k) in _T2_HEADERS:
                    end = i
                    while end + 1 < len(keys) and row.kinds[end + 1] == BLANK:
                        end += 1
                    self.t2_head[paren_free(k)] = (i, end)
            return True
        t3_header = any(k in _T3_DISTINCT or _T3_CORNER_WORD in k for k in texts) or (
            self.table == "t3" and self.t3_in_header and all(k in _T3_LEAVES for k in texts))
        if t3_header and not any(k in _T4_DISTINCT for k in texts):
            if not self.t3_in_header:
                self.t3_head = []
            self._enter("t3")
            self.out.found.add("t3")
            self.t3_in_header = True
            for i, (raw, k) in enumerate(zip(row.keys, keys, strict=True)):
                if k in _T3_LEAVES:
                    self.t3_head.append((i, _T3_LEAVES[k]))
                    col = _T3_LEAVES[k]
                    self._alias("t3", row.texts[i], fix_aliases(raw)[1], f"列标题“{S.T3_COL_LABELS[col]}”",
                                [S.t3(r, col) for r in S.T3_ROWS])
            return True
        t4_header = any(k in _T4_DISTINCT for k in texts) or (
            self.table == "t4" and self.t4_in_header and all(k in _T4_LEAVES for k in texts))
        if t4_header:
            if not self.t4_in_header:
                self.t4_head = []
            self._enter("t4")
            self.out.found.add("t4")
            self.t4_in_header = True
            self.t4_head.append(_Row(row.texts, keys, row.kinds))
            return True
        return False

    def _t3_columns(self) -> list[int] | None:
        """The grid column of each of table 三's seven columns, in the official order, if the headers
        give them all, each once; None where they do not (one cell per line, or a header missing)."""
        cols: dict[str, set[int]] = {}
        for c, code in self.t3_head:
            cols.setdefault(code, set()).add(c)
        stacked = len({c for c, _ in self.t3_head}) <= 1  # every header in one column: one per line
        missing = [S.T3_COL_LABELS[c] for c in _T3_ORDER if c not in cols]
        if missing and not stacked and self.t3_head:
            self._header_note(f"表三的表头中没有找到{'、'.join(f'“{m}”' for m in missing)}列，"
                              "各行的数字按官方格式的列序读取，请核对。")
        if missing or any(len(v) > 1 for v in cols.values()):
            return None
        positions = [next(iter(cols[c])) for c in _T3_ORDER]
        return positions if len(set(positions)) == len(positions) else None

    def _t4_columns(self) -> dict[str, int] | None:
        """The grid column of each of table 四's fifteen cells, found under its group and its header."""
        found: dict[str, set[int]] = {}
        for ri, row in enumerate(self.t4_head):
            for c, k in enumerate(row.keys):
                leaf = _T4_LEAVES.get(k)
                if leaf is None:
                    continue
                group = None
                for above in reversed(self.t4_head[:ri]):
                    g = _T4_GROUPS.get(_filled_left(above.keys, c))
                    if g:
                        group = g
                        break
                if group:
                    found.setdefault(f"t4.{group}.{leaf}", set()).add(c)
        if set(found) != set(_T4_ORDER) or any(len(v) > 1 for v in found.values()):
            return None
        positions = {code: next(iter(cols)) for code, cols in found.items()}
        return positions if len(set(positions.values())) == len(positions) else None

    def _header_note(self, text: str, codes: Sequence[str] = ()) -> None:
        if text not in self.header_notes:
            self.header_notes.add(text)
            self.out.note(self.out.notices, text, codes)

    # -- data rows ----------------------------------------------------------------------------------

    def _t2_row(self, row: _Row, block_index: int, row_code: str) -> None:
        self._enter("t2")
        self.out.found.add("t2")
        block = S.T2_BLOCKS[block_index]
        codes = [f"t2.{row_code}.{col}" for col, _ in block.headers]
        spans = [self.t2_head.get(paren_free(_k(label))) for _, label in block.headers]
        label = dict(block.rows)[row_code]
        if None in spans and self.t2_other_heads and row.has_numbers:
            # headed by columns the format does not have (table 二 of the 2019 format: 本年新制作数量 …):
            # its figures mean other things, and are never read into the 2021 cells by position
            self.rows_seen["t2"].add(row_code)
            self.unread.update(codes)
            heads = "、".join(f"“{_shown(t)}”" for t in self.t2_other_heads)
            self.out.note(self.out.unplaced, f"表二“{label}”行所在的表格列标题为{heads}，不是格式规定的列"
                                             f"（可能是 2019 年版的表格），这一行的数字未读取。原文：{row.shown()}", codes)
            return
        self._take("t2", row_code, codes, row, None if None in spans else spans, f"表二“{label}”行")

    def _t3_row(self, row: _Row, row_code: str, exact: bool, replaced: list[tuple[str, str]]) -> None:
        self._enter("t3")
        self.out.found.add("t3")
        self.t3_in_header = False
        official = S.T3_ROW_LABELS[row_code]
        name = f"表三“{official}”行"
        written = " ".join(row.texts[i] for i in row.label_cells())
        codes = [S.t3(row_code, c) for c in _T3_ORDER]
        if replaced:
            self._alias("t3", written, replaced, f"行标题“{official}”", codes)
        elif not exact:
            self._header_note(f"表三的行标题“{_shown(written)}”与格式的“{official}”不完全一致，已按“{official}”读取。", codes)
        positions = self._t3_columns()
        spans = None if positions is None else [(p, p) for p in positions]
        self._take("t3", row_code, codes, row, spans, name)

    def _t3_merged(self, row: _Row, first: str) -> None:
        """A group printed as one merged row: its figures go to the group's first item, the others stay
        not filled, and the user is told (format-2021.md §9)."""
        group = next(g for g in S.T3_RESULT_GROUPS if g.rows[0][0] == first)
        others = [code for code, _ in group.rows[1:]]
        self.rows_seen["t3"].update(others)  # seen as printed: not "missing", and their blanks are told here
        self._t3_row(row, first, True, [])
        self.out.note(self.out.notices,
                      f"表三的“{group.label}”印作一行（没有分列 {len(group.rows)} 项），其数字已读入第 1 项"
                      f"“{group.rows[0][1]}”，其余 {len(others)} 项未填写，请按原报告核对。",
                      [S.t3(code, c) for code in others for c in _T3_ORDER])

    def _t4_row(self, row: _Row) -> None:
        self.out.found.add("t4")
        self.t4_in_header = False
        positions = self._t4_columns()
        if positions is None:
            codes, spans = list(_T4_ORDER), None
        else:
            codes = sorted(_T4_ORDER, key=positions.__getitem__)
            spans = [(positions[c], positions[c]) for c in codes]
        self._take("t4", "data", codes, row, spans, "表四的数据行")

    def _take(self, table: str, row_code: str, codes: list[str], row: _Row, spans: list[Span] | None,
              name: str) -> None:
        """Read one data row into `codes`: under the headers where the cells line up, else in order."""
        if row_code in self.rows_seen[table] and not row.has_numbers:
            return  # the label again (e.g. a merged label repeated by the source): nothing new
        self.rows_seen[table].add(row_code)
        ordered = codes
        if spans is not None:  # for cells not under the headers: the order of the headers
            ordered = [codes[i] for i in sorted(range(len(codes)), key=lambda i: spans[i][0])]
        region = _region(row, len(codes), min(first for first, _ in spans) if spans is not None else 0)
        if spans is not None and _aligned(row, spans):
            in_place: dict[str, int | None] = {}
            for code, (first, last) in zip(codes, spans, strict=True):
                cells = [i for i in range(first, min(last, len(row.kinds) - 1) + 1) if row.kinds[i] != BLANK]
                in_place[code] = cells[0] if cells else None
                for extra in cells[1:]:
                    if row.keys[extra] != row.keys[cells[0]]:
                        self.out.unplaced.append(f"{S.CELLS[code].name}所在的合并单元格中另有“{_shown(row.texts[extra])}”，未读取。")
            ends_early = len(row.kinds) <= max(first for first, _ in spans)
            if ends_early and isinstance(region, _ShortCells):
                # Blank at its end, or a cell lost inside it and the rest shifted? The sums decide.
                self.shorts.append(_Short(table, ordered, list(region), row, name, in_place))
                return
            for code, i in in_place.items():
                if i is not None:
                    self._put(table, code, row.texts[i])
            return
        codes = ordered
        if isinstance(region, _ShortCells):
            self.shorts.append(_Short(table, codes, list(region), row, name))
        elif region is not None:
            for code, i in zip(codes, region, strict=True):
                if i is not None:
                    self._put(table, code, row.texts[i])
        else:
            cells = [row.texts[i] for i in range(len(row.texts)) if row.kinds[i] in (NUMBER, MARK)]
            self.out.note(self.out.unplaced,
                          f"{name}：这一行的数字（{'、'.join(cells) or '无'}）与表头的 {len(codes)} 列对不上，未读取。"
                          f"原文：{row.shown()}", codes)

    def _put(self, table: str, code: str, text: str) -> None:
        kind = cell_kind(text)
        if kind == TEXT:
            self.out.note(self.out.unplaced, f"{S.CELLS[code].name}：“{_shown(text)}”不是数字，未读取。", [code])
            return
        if kind == MARK:
            value: Value = Decimal(0) if S.CELLS[code].kind is S.ValueKind.AMOUNT else 0
            self.marks.setdefault(table, []).append((code, text))
        else:
            try:
                value = read_number(S.CELLS[code], number_text(text))
            except ValueError_ as exc:
                self.out.note(self.out.unplaced, f"{exc}（原文“{_shown(text)}”，未读取）", [code])
                return
        self._store(code, value)

    def _store(self, code: str, value: Value) -> None:
        target = self.out.stated if S.CELLS[code].derived else self.out.values
        before = target.get(code)
        if before is not None and before != value:
            self.out.note(self.out.unplaced, f"{S.CELLS[code].name}出现了两次且数字不同（先读到 {before}，又读到 {value}），"
                                             f"已按先读到的 {before} 填写。", [code])
            return
        target[code] = value

    def _unplaced_row(self, row: _Row) -> None:
        where = {"t2": "表二", "t3": "表三", "t4": "表四"}.get(self.table or "", "统计表部分")
        if row.has_numbers:
            self.out.unplaced.append(f"{where}中的一行未能对应到表格的任何一行，其中的数字未读取：{row.shown()}")
        else:
            self.out.unplaced.append(f"{where}中的文字未能放入报告：“{row.shown()}”")

    def _alias(self, table: str, text: str, replaced: list[tuple[str, str]], where: str,
               codes: Sequence[str] = ()) -> None:
        for wrong, right in replaced:
            if (table, wrong) in self.alias_seen:
                continue
            self.alias_seen.add((table, wrong))
            self.out.note(self.out.aliases, f"{ALIAS_RULE} {S.TABLE_NUMERALS[table]}的{where}写作“{_shown(text)}”，"
                                            f"其中“{wrong}”应为“{right}”（格式规定的标签），已按“{right}”读取。", codes)

    # -- the end ------------------------------------------------------------------------------------

    def finish(self) -> TableReading:
        self._complete_short_rows()
        out = self.out
        for table in ("t2", "t3", "t4"):
            if table not in out.found:
                continue
            numeral = S.TABLE_NUMERALS[table]
            missing_rows = [(code, label) for code, label in _official_rows(table) if code not in self.rows_seen[table]]
            missing = [label for _, label in missing_rows]
            if missing:
                shown = "、".join(f"“{m}”" for m in missing[:5]) + (f"等 {len(missing)} 行" if len(missing) > 5 else "")
                gone = {code for code, _ in missing_rows}
                out.note(out.notices, f"{numeral}中没有找到{shown}，{'这些行' if len(missing) > 1 else '该行'}未填写。",
                         [c for c in S.TABLES_BY_KEY[table].input_codes if _row_code(c) in gone])
            blanks = [c for c in S.TABLES_BY_KEY[table].input_codes
                      if c not in out.values and _row_code(c) in self.rows_seen[table] and c not in self.unread]
            if blanks:
                out.note(out.notices, f"{numeral}有 {len(blanks)} 个单元格是空白的，未填写（空白不等于 0，"
                                      f"报告须填写数字）：{_names(blanks)}", blanks)
            marks = self.marks.get(table, [])
            if marks:
                shown_marks = "、".join(f"“{m}”" for m in dict.fromkeys(m for _, m in marks))
                out.note(out.notices, f"{numeral}有 {len(marks)} 个单元格填写的是{shown_marks}，已按 0 读取："
                                      f"{_names([c for c, _ in marks])}", [c for c, _ in marks])
        return out

    def _complete_short_rows(self) -> None:
        """Place each row that is one cell short where the table's sums allow one reading only."""
        pending = list(self.shorts)
        for _ in range(len(pending) + 1):
            progress = False
            for short in list(pending):
                outcome = self._solve(short, final=False)
                if outcome is not None:
                    pending.remove(short)
                    progress = True
            if not progress:
                break
        for short in pending:
            self._solve(short, final=True)
        if len(self.out.unplaced) > MAX_LISTED:
            more = len(self.out.unplaced) - MAX_LISTED
            del self.out.unplaced[MAX_LISTED:]
            self.out.unplaced.append(f"统计表部分另有 {more} 项内容未能放入报告（同上，不再逐项列出）。")

    def _solve(self, short: _Short, final: bool) -> bool | None:
        """Try each cell of the row as the missing one, completing it from the sums (and, for a row that
        ends early under its headers, its end as blank); place the row if all readings the sums allow
        agree. None: not decidable yet (other short rows may still be completed and help)."""
        values: list[Value] = []
        for i in short.cells:
            if short.row.kinds[i] == MARK:
                values.append(0)
                continue
            try:
                values.append(read_number(S.CELLS[short.codes[0]], number_text(short.row.texts[i])))
            except ValueError_:
                self.out.unplaced.append(f"{short.name}：“{_shown(short.row.texts[i])}”不是数字，这一行未读取。"
                                         f"原文：{short.row.shown()}")
                return False
        known: dict[str, Value] = {**self.out.values, **self.out.stated}
        readings: list[dict[str, Value]] = []
        undecided = False
        for missing in range(len(short.codes)):
            others = short.codes[:missing] + short.codes[missing + 1:]
            env = {**known, **dict(zip(others, values, strict=True))}
            x = _solve_cell(short.codes[missing], env)
            if x is None:
                undecided = True
                continue
            if x is False or x < 0 or x != int(x):
                continue
            env[short.codes[missing]] = int(x)
            if all(_holds(eq, env) for c in short.codes for eq in _EQUATIONS.get(c, ())):
                readings.append({c: env[c] for c in short.codes})
        in_place = None
        if short.in_place is not None:
            by_cell = dict(zip(short.cells, values, strict=True))
            in_place = {c: by_cell[i] for c, i in short.in_place.items() if i in by_cell}
            if all(_holds(eq, {**known, **in_place}) for c in short.codes for eq in _EQUATIONS.get(c, ())):
                readings.append(in_place)
        if undecided and not final:
            return None
        inputs = {tuple(r.get(c) for c in short.codes if not S.CELLS[c].derived) for r in readings}
        cells = "、".join(short.row.texts[i] for i in short.cells)
        if len(inputs) == 1 and not undecided:
            for code in short.codes:
                found = {r.get(code) for r in readings}
                if len(found) == 1 and None not in found:
                    self._store(code, found.pop())
            if in_place is not None and in_place in readings:
                return True  # as it stands under the headers: its end was blank
            shown = "、".join(str(readings[0][c]) for c in short.codes)
            self.out.note(self.out.notices,
                f"{short.name}只有 {len(short.cells)} 个数字（{cells}），应有 {len(short.codes)} 个：复制时丢了一个单元格。"
                f"按本行的总计和各列的总计推算，只有一种可能，已读作 {shown}（依次为各列），请与原报告核对。", short.codes)
            return True
        self.out.note(
            self.out.unplaced,
            f"{short.name}只有 {len(short.cells)} 个数字（{cells}），应有 {len(short.codes)} 个：复制时丢了一个单元格，"
            "无法确定是哪一列，这一行未读取，请对照原报告填写。", short.codes)
        return False


def _solve_cell(code: str, env: dict[str, Value]) -> Value | bool | None:
    """The value of `code` implied by the sums it takes part in: a number, False (they disagree) or
    None (no sum has all its other terms)."""
    found: set[Value] = set()
    for total, operands in _EQUATIONS.get(code, ()):
        if code == total:
            if all(o in env for o in operands):
                found.add(sum(env[o] for o in operands))
        elif total in env and all(o in env for o in operands if o != code):
            found.add(env[total] - sum(env[o] for o in operands if o != code))
    if not found:
        return None
    return found.pop() if len(found) == 1 else False


def _holds(equation: tuple[str, tuple[str, ...]], env: dict[str, Value]) -> bool:
    total, operands = equation
    if total not in env or any(o not in env for o in operands):
        return True
    return env[total] == sum(env[o] for o in operands)


def _aligned(row: _Row, spans: list[Span]) -> bool:
    """Whether the row's cells stand under the headers: labels left of the values, every value in a
    header's columns, no label where a value should be (a copy that dropped or added a cell fails)."""
    first = min(s for s, _ in spans)
    last = max(e for _, e in spans)
    inside = {c for s, e in spans for c in range(s, e + 1)}
    for i, kind in enumerate(row.kinds):
        if kind == BLANK:
            continue
        if i < first:
            if kind == NUMBER:
                return False
            continue
        if i > last or i not in inside:
            return False
        if kind == TEXT and _is_label(row.keys[i]):
            return False
    return True


def _region(row: _Row, n: int, first: int = 0) -> list[int | None] | _ShortCells | None:
    """The cells after the row's last label (and from grid column `first` on, where the headers' first
    column is known: the blanks a merged label leaves are no cells of the row), for `n` columns in order:
    a list of n cell indices (None for a blank), a _Short list of n-1 indices, or None when they cannot
    be matched to the columns."""
    labels = row.label_cells()
    start = max(labels[-1] + 1 if labels else 0, first)
    idx = list(range(start, len(row.kinds)))
    while idx and row.kinds[idx[-1]] == BLANK:
        idx.pop()
    while len(idx) > n and row.kinds[idx[0]] == BLANK:
        idx.pop(0)
    if len(idx) == n:
        return [i if row.kinds[i] != BLANK else None for i in idx]
    if len(idx) == n - 1 and n > 1 and all(row.kinds[i] != BLANK for i in idx):
        return _ShortCells(idx)
    return None


class _ShortCells(list):
    """The cells of a row one short (see _region)."""


def _filled_left(keys: list[str], col: int) -> str:
    """The header over `col` in one header row: the cell there, or the nearest one left of it when the
    cells between are blank (a merged header written once in its first column)."""
    for c in range(min(col, len(keys) - 1), -1, -1):
        if keys[c]:
            return core(keys[c])
    return ""


def _is_group_context(label: str) -> bool:
    """A row that only carries a group label of table 三 (三、本年度办理结果, （三）不予公开) on its own."""
    return core(label).startswith(tuple(_T3_GROUPS))


def _official_rows(table: str) -> list[tuple[str, str]]:
    if table == "t2":
        return [(code, label) for b in S.T2_BLOCKS for code, label in b.rows]
    if table == "t3":
        return [(code, S.T3_ROW_LABELS[code]) for code in S.T3_ROWS]
    return [("data", "数据行")]


def _row_code(code: str) -> str:
    return "data" if code.startswith("t4.") else code.split(".")[1]


def _names(codes: list[str]) -> str:
    names = [S.CELLS[c].name for c in codes[:3]]
    return "；".join(names) + (f" 等 {len(codes)} 个" if len(codes) > 3 else "")
