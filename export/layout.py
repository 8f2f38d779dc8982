"""What the printed documents (PDF, Word) share, written once: the draft note, the size of table
text, and how a section's text becomes paragraphs. No reportlab or python-docx here, so either writer
can import it without loading the other's library."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from model.template.types import Table

DRAFT_WORD = "草稿"
DRAFT_NOTE = "草稿（校验发现错误，仅供核对，不能作为正式报告发布）"

#: Table font sizes tried, largest first (小四, 五号, 小五); the narrowest column must hold this many characters.
TABLE_SIZES = (12.0, 10.5, 9.0)
TABLE_MIN_CHARS = 3

#: Spaces a typed indent or a copy from a web page leaves at the ends of a paragraph.
EDGE_SPACES = " \t\u3000\u00a0"


def table_font_size(table: Table, width_pt: float, padding_pt: float) -> float:
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


def text_blocks(text: str, subhead_pattern: str) -> list[Block]:
    """A section's (already cleaned) text as paragraphs: one per line, empty lines and edge spaces dropped;
    a line matching the format's `subhead_pattern` (Template.subhead_pattern) is a sub-head."""
    subhead = re.compile(subhead_pattern)
    out: list[Block] = []
    for raw in text.split("\n"):  # model.files.text_clean made every kind of line break "\n"
        line = raw.strip(EDGE_SPACES)
        if not line:
            continue
        if not subhead.match(line):
            out.append(Block("", line))
            continue
        stop = line.find("。")
        if 0 <= stop < len(line) - 1:
            out.append(Block(line[:stop + 1], line[stop + 1:]))
        else:
            out.append(Block(line, ""))
    return out


# ---------------------------------------------------------------------------------------------------
# 落款: the agency's name and the date at the end, laid out as GB/T 9704-2012 7.3.5.1 has it for a document
# that carries a seal: the date four characters in from the right edge, the name centred over the date,
# and room above them for the seal, which presses down on both with its top within one line of the text.

#: Blank lines between the last line of text and the name: a seal of 42 mm (about four lines of the
#: 22-line grid) centred a little above the name and the date then has its top within one line of the text.
SEAL_LINES = 3
#: 成文日期右空四字.
DATE_RIGHT_CHARS = 4
#: A date as wide as any real one (月、日 of two digits), for placing the name when no date is given.
DATE_SHAPE = "2000年12月31日"


@dataclass(frozen=True)
class Signature:
    """What the 落款 prints: the agency's name, and the date in Arabic numerals ("" leaves its line blank,
    to be written or stamped by hand)."""

    agency: str
    date: str


def signed_date(value: Any) -> str:
    """meta.published_on (2023-01-20) as GB/T 9704 writes a date: 2023年1月20日 (no leading zeros);
    "" when there is none or it is no date of the calendar (the rules speak of that)."""
    if not isinstance(value, str):
        return ""
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


def signature(meta: dict[str, Any]) -> Signature:
    """The 落款 of a report from its basic information (机关名称, 发布日期)."""
    agency = " ".join(str(meta.get("agency", "") or "").split())
    return Signature(agency, signed_date(meta.get("published_on")))
