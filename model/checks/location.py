"""Where a finding points: cells, a text section with the span of a sentence, or a meta field.

Decided once, by the rule that made the finding; the wizard jumps there, `check --json` prints it
(report-file.md: `section`, `span`, `quote`), and the text checks quote the sentence they read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Where a sentence ends in Chinese report text: 。！？； and line breaks.
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")


@dataclass(frozen=True)
class Location:
    section: str | None = None  # a key of Report.sections
    span: tuple[int, int] | None = None  # character offsets into that section's text, end exclusive
    quote: str = ""  # the sentence the span lies in
    field: str | None = None  # a key of Report.meta (e.g. "agency") when the finding is about one


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from after the previous sentence end to its own end mark."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    m = _SENTENCE_END.search(text, max(end, start))
    stop = m.end() if m and m.group() != "\n" else (m.start() if m else len(text))
    while begin < stop and text[begin].isspace():
        begin += 1
    return begin, stop


def text_location(section: str, text: str, start: int, end: int) -> Location:
    """A location in a text section: the span found and the whole sentence it lies in as the quote."""
    a, b = sentence_bounds(text, start, end)
    return Location(section=section, span=(start, end), quote=text[a:b])
