"""Text copied from a web page or from Word/WPS: paragraphs, and tables in the forms copies give.

A table row comes tab-separated (browsers, Word, WPS) or as `| a | b |` (markdown-like copies, some
editors and chat tools). Rows stay one table across blank lines, as copies insert them. Tables copied
with one cell per line have no mark to recognise them by; they are paragraphs here and the importer
folds them into rows where the tables stand (grid.rows_from_lines).
"""

from __future__ import annotations

import re

from model.reading.blocks import Block, Paragraph, TableBlock

_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def text_blocks(text: str) -> list[Block]:
    """The paragraphs (one per line) and tables of copied text, in order."""
    blocks: list[Block] = []
    table: TableBlock | None = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cells = _cells(line)
        if cells is None:
            if line.strip():  # a blank line does not end a table: copies put them between rows
                table = None
                blocks.append(Paragraph(line))
            continue
        if cells:
            if table is None:
                table = TableBlock()
                blocks.append(table)
            table.rows.append(cells)
    return blocks


def _cells(line: str) -> list[str] | None:
    """The cells of a table row ([] for a markdown rule line), or None for a line of text."""
    if "\t" in line:
        return line.split("\t")
    if _PIPE_ROW.match(line) and line.count("|") >= 3:
        if _PIPE_RULE.match(line):
            return []
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return None
