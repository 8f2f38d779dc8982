"""How much of a section was carried over from last year's report unchanged (G7 内容雷同).

Offices copy last year's text and forget to update it. Years and figures are removed before comparing,
so a paragraph that only changed "2022" to "2023" and one number still counts as copied. Paragraphs are
compared by character trigrams (Jaccard), which is fast enough for sections of tens of thousands of
characters and robust to small edits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Years, figures (Arabic, full-width, Chinese numerals with a unit) and punctuation/space: not content.
_NOISE = re.compile(r"[0-9０-９]+(?:[.,，][0-9]+)*|[零一二两三四五六七八九十百千万]+(?=[件条次篇项个人])|[\s，。、；：！？“”‘’（）()《》〔〕【】,.;:!?\"'·—\-]+")
#: A paragraph at least this similar to one of last year's counts as carried over unchanged.
PARAGRAPH_SAME = 0.85
#: Paragraphs shorter than this (sub-heads, "无") say nothing about copying.
MIN_PARAGRAPH = 20


def normalize(text: str) -> str:
    return _NOISE.sub("", text)


def _trigrams(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 3] for i in range(max(len(text) - 2, 1)))


@dataclass(frozen=True)
class Paragraph:
    start: int  # offset of the paragraph in the section's text
    end: int
    similarity: float  # to the most similar paragraph of last year's section


@dataclass(frozen=True)
class Comparison:
    share: float  # of this year's substantive text (characters) that is carried over unchanged
    paragraphs: tuple[Paragraph, ...]  # the paragraphs carried over, in order
    substantive: int  # number of substantive paragraphs this year


def _paragraphs(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        norm = normalize(line)
        if len(norm) >= MIN_PARAGRAPH:
            out.append((pos, pos + len(line), norm))
        pos += len(line) + 1
    return out


def compare(current: str, previous: str) -> Comparison:
    """Which paragraphs of `current` are (nearly) last year's `previous`, and what share of the text."""
    now = _paragraphs(current)
    before = [_trigrams(norm) for _, _, norm in _paragraphs(previous)]
    exact = {normalize(line) for line in previous.split("\n")}
    same: list[Paragraph] = []
    total = copied = 0
    for start, end, norm in now:
        total += len(norm)
        if norm in exact:
            best = 1.0
        else:
            grams = _trigrams(norm)
            best = 0.0
            for other in before:
                union = len(grams | other)
                if union and len(grams & other) / union > best:
                    best = len(grams & other) / union
        if best >= PARAGRAPH_SAME:
            same.append(Paragraph(start, end, best))
            copied += len(norm)
    return Comparison(copied / total if total else 0.0, tuple(same), len(now))
