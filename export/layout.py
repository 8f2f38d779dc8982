"""What the printed documents (PDF, Word) share, written once: the draft note, the size of table
text, and how a section's text becomes paragraphs. No reportlab or python-docx here, so either writer
can import it without loading the other's library."""

from __future__ import annotations

import re
from dataclasses import dataclass

from model import schema as S

DRAFT_WORD = "草稿"
DRAFT_NOTE = "草稿（校验发现错误，仅供核对，不能作为正式报告发布）"

#: Table font sizes tried, largest first (小四, 五号, 小五); the narrowest column must hold this many characters.
TABLE_SIZES = (12.0, 10.5, 9.0)
TABLE_MIN_CHARS = 3

_SUBHEAD = re.compile(S.SUBHEAD_PATTERN)
#: Spaces a typed indent or a copy from a web page leaves at the ends of a paragraph.
EDGE_SPACES = " \t\u3000\u00a0"


def table_font_size(table: S.Table, width_pt: float, padding_pt: float) -> float:
    """The largest table font size whose narrowest column (of `width_pt`, less padding) holds
    TABLE_MIN_CHARS characters."""
    narrowest = min(table.col_widths) / sum(table.col_widths) * width_pt - 2 * padding_pt
    return next((size for size in TABLE_SIZES if narrowest >= TABLE_MIN_CHARS * size), TABLE_SIZES[-1])


@dataclass(frozen=True)
class Block:
    """One paragraph of a section: a sub-head (（一）…, 楷体), body text (仿宋), or a sub-head that runs
    on into body text on the same line (（一）主动公开。全年…: 楷体 up to the first 。)."""

    head: str  # the sub-head part ("" for a body paragraph)
    body: str  # the body part ("" for a sub-head alone)


def text_blocks(text: str) -> list[Block]:
    """A section's (already cleaned) text as paragraphs: one per line, empty lines and edge spaces dropped."""
    out: list[Block] = []
    for raw in text.replace("\u2028", "\n").replace("\u2029", "\n").split("\n"):
        line = raw.strip(EDGE_SPACES)
        if not line:
            continue
        if not _SUBHEAD.match(line):
            out.append(Block("", line))
            continue
        stop = line.find("。")
        if 0 <= stop < len(line) - 1:
            out.append(Block(line[:stop + 1], line[stop + 1:]))
        else:
            out.append(Block(line, ""))
    return out
