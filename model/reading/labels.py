"""How the readers compare what a document says with the format's wording.

Published reports spell the same label many ways: full- or half-width parentheses and digits, stray
spaces, straight or curly quotes, （一） or (一) or 一、 in front. Every comparison goes through `key`,
which removes those differences and nothing else, so that a label either is the official one (or a
known alias of the template) or is not. Section headings and numbers in cells are recognised
here too, once for every source.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from model.report.values import is_none_mark
from model.template.template import Template

_SPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_QUOTES = re.compile(r"[“”\"'‘’「」『』]")
#: One leading enumerator, after `key`: 一、 二. (一) (1) 1. 1、 1,
_ENUM = re.compile(r"^(?:第?[一二三四五六七八九十]+[、.,:]|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、,](?!\d))")
_TRAILING_PAREN = re.compile(r"\([^()]*\)$")


def key(text: str) -> str:
    """The text as compared: NFKC (full-width → half-width), no whitespace, no quotation marks."""
    return _QUOTES.sub("", _SPACE.sub("", unicodedata.normalize("NFKC", text)))


def core(k: str) -> str:
    """A key without its leading enumerator: (三)不予公开 → 不予公开, 1.属于国家秘密 → 属于国家秘密."""
    return _ENUM.sub("", k, count=1)


def paren_free(k: str) -> str:
    """A key without a trailing parenthesis: 本年收费金额(单位:万元) → 本年收费金额."""
    return _TRAILING_PAREN.sub("", k)


def fix_aliases(template: Template, text: str) -> tuple[str, list[tuple[str, str]]]:
    """The template's canonical_label on a key: the label with known errors corrected, and what was replaced."""
    return template.canonical_label(text)


# ---------------------------------------------------------------------------------------------------
# Cells


BLANK, NUMBER, MARK, TEXT = "blank", "number", "mark", "text"

#: A figure as printed: digits with thousands separators and a decimal point (after `key`). "1." and
#: "1、" are enumerators, not numbers.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)")
#: Something meant as a figure but written oddly (1,5  1.2.3): read as a number, so that the value
#: gate names the cell and says what is wrong, instead of mistaking it for a label.
_NUMBER_LIKE = re.compile(r"[+-]?\d[\d,.]*\d|[+-]?\d")


def cell_kind(text: str) -> str:
    """What a cell holds: BLANK, NUMBER, MARK (/, —, 无: “none”, read as 0) or TEXT (a label or other)."""
    k = key(text)
    if not k:
        return BLANK
    if _NUMBER.fullmatch(k) or _NUMBER_LIKE.fullmatch(k):
        return NUMBER
    if is_none_mark(text) or is_none_mark(k):
        return MARK
    return TEXT


def number_text(text: str) -> str:
    """The text of a NUMBER cell as the value gate reads it (full-width digits and spaces removed)."""
    return key(text)


# ---------------------------------------------------------------------------------------------------
# Section headings

#: Leading numbering of a section heading: 一、 一. 一． 一， 第一部分 一 (after NFKC, ． is .).
_HEAD_NUMBER = re.compile(r"^第?([一二三四五六])(?:部分)?\s*(?:[、.,:]\s*|\s+)")
_HEAD_NOISE = re.compile(r"[\s、,.:;()“”\"'和及与的]")
_NUMERALS = "一二三四五六"
#: Longest line that can be a heading; longer lines are paragraphs.
HEADING_MAX_CHARS = 60


def _head_core(text: str) -> str:
    return _HEAD_NOISE.sub("", text)


@functools.lru_cache(maxsize=8)
def _section_cores(template: Template) -> dict[str, str]:
    return {sec.key: _head_core(unicodedata.normalize("NFKC", sec.heading).split("、", 1)[1])
            for sec in template.sections}


def section_heading(template: Template, text: str) -> str | None:
    """The section key (s1 … s6) if `text` is that section's heading in any usual numbering, else None.

    The numeral must be the section's own and the words its heading's (和/及/、 and spacing aside), or
    near them (see heading_match), so that 三、本年度办理结果 (a row of table 三) or 二、上年结转… are
    never taken for headings.
    """
    found = heading_match(template, text)
    return found[0] if found else None


#: Share of the characters a reworded heading must have in common with the format's (Dice over the
#: sets of characters): 存在的主要问题及改进措施 0.9, 需要说明的其他事项与附表 0.67, while the table rows
#: with a section numeral stay below 0.5 (二、上年结转政府信息公开申请数量 0.48) and are excluded anyway.
_NEAR = 0.6


@functools.lru_cache(maxsize=8)
def _table_row_cores(template: Template) -> frozenset[str]:
    t3 = template.t3
    labels = [label for _, label in t3.head_rows + (t3.total_row, t3.tail_row)]
    labels += [g.label for g in t3.result_groups] + [t3.results_label]
    return frozenset(_head_core(unicodedata.normalize("NFKC", label).split("、", 1)[-1]) for label in labels)


def heading_match(template: Template, text: str) -> tuple[str, bool] | None:
    """(section key, exact) if `text` is a section heading: exact when its words are the format's (a
    few words added at the end allowed), else the nearest by its words — a reworded or mistyped
    heading (五、存在的主要问题及改进措施, 四、政府信息公开行政法复议、行政诉讼情况). None otherwise."""
    if len(text) > HEADING_MAX_CHARS:
        return None
    norm = unicodedata.normalize("NFKC", text).strip()
    match = _HEAD_NUMBER.match(norm)
    if match is None:
        return None
    sec = template.sections[_NUMERALS.index(match.group(1))]
    rest = _head_core(norm[match.end():])
    official = _section_cores(template)[sec.key]
    if rest == official or (rest.startswith(official) and len(rest) - len(official) <= 8):
        return sec.key, True
    row_cores = _table_row_cores(template)
    if len(rest) < 4 or rest in row_cores or any(rest.endswith(c) for c in row_cores if c):
        return None
    a, b = set(rest), set(official)
    if 2 * len(a & b) / (len(a) + len(b)) >= _NEAR:
        return sec.key, False
    return None
