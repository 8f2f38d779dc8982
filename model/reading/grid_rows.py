"""One row of a grid as the locator sees it: each cell's text, key and kind, and which of its cells hold
the row's figures (under the headers where they line up, else the cells after its label)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from model.reading.grid_keys import FormatKeys
from model.reading.labels import BLANK, MARK, NUMBER, TEXT, cell_kind, core, key

#: Cells of one row beyond this are not looked at (no table of the format has more than 15 columns).
MAX_ROW_CELLS = 200
_SHOWN = 40  # characters of a source text quoted in a message

Span = tuple[int, int]  # first and last grid column of a header (a merged header covers several)


def shown(text: str) -> str:
    """A source text as quoted in a message: spaces folded, cut at _SHOWN characters."""
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


@dataclass
class Row:
    texts: list[str]
    keys: list[str]
    kinds: list[str]

    @classmethod
    def of(cls, cells: Sequence[str]) -> Row:
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

    def figures(self) -> list[str]:
        """The texts of the cells that hold a figure or a none-mark."""
        return [self.texts[i] for i in range(len(self.texts)) if self.kinds[i] in (NUMBER, MARK)]

    def shown(self) -> str:
        return shown(" ".join(t for t in self.texts if t))


class ShortCells(list):  # type: ignore[type-arg]
    """The cells of a row one short (see region)."""


def region(row: Row, n: int, first: int = 0) -> list[int | None] | ShortCells | None:
    """The cells after the row's last label (and from grid column `first` on, where the headers' first
    column is known: the blanks a merged label leaves are no cells of the row), for `n` columns in order:
    a list of n cell indices (None for a blank), a ShortCells list of n-1 indices, or None when they
    cannot be matched to the columns."""
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
        return ShortCells(idx)
    return None


def aligned(keys: FormatKeys, row: Row, spans: list[Span]) -> bool:
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
        if kind == TEXT and keys.is_label(row.keys[i]):
            return False
    return True


def filled_left(keys: list[str], col: int) -> str:
    """The header over `col` in one header row: the cell there, or the nearest one left of it when the
    cells between are blank (a merged header written once in its first column)."""
    for c in range(min(col, len(keys) - 1), -1, -1):
        if keys[c]:
            return core(keys[c])
    return ""


def rows_from_lines(keys: FormatKeys, lines: Iterable[str]) -> list[list[str]]:
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
        if len(words) > 1 and all(keys.is_header_word(core(key(w))) for w in words):
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
