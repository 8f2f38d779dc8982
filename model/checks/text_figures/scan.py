"""G6's scan of a report: each text section sentence by sentence, its claims judged against the tables."""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from model.checks.location import text_location
from model.checks.text_figures.claims import ClaimReader
from model.checks.text_figures.messages import Alternative, TextMismatch
from model.checks.text_figures.numbers import Number, halfwidth
from model.checks.text_figures.patterns import APP_SUBHEAD, SENTENCE_END, SKIP_SENTENCE, SUBHEAD
from model.checks.text_figures.readings import Reading, Readings, readings_for
from model.checks.text_figures.sentence import Claim, Para
from model.checks.text_figures.vocabulary import T4_KINDS
from model.report.report import Report
from model.report.values import format_value
from model.template.template import Template


def guess_year(report: Report) -> int | None:
    """The report year when the basic information lacks it: the year the texts name most often."""
    years: Counter[int] = Counter()
    for key in report.template.text_section_keys:
        years.update(int(y) for y in re.findall(r"(?<!\d)(\d{4})\s*年", report.text(key)))
    return years.most_common(1)[0][0] if years else None


def scan(section: str, text: str, figures: dict[str, Any], year: int | None,
         template: Template) -> list[TextMismatch]:
    """One section: its claims (parsed once per text, see `claims_of`) judged against the tables."""
    readings = readings_for(template)
    out: list[TextMismatch] = []
    seen: set[tuple[int, str, Number]] = set()
    for sentence, claim in claims_of(text, year, template):
        out.extend(judge(section, text, sentence, claim, figures, seen, readings))
    return out


#: The longest sentence read as one (real ones stay under 200 characters). Reading a sentence takes time
#: that grows faster than its length, so a run without 。 (pasted without punctuation) is cut at a clause.
MAX_SENTENCE = 600


def _sentences(norm: str) -> Any:
    """(start, end, end mark) of each sentence; a run without 。 is cut at a clause."""
    a, n = 0, len(norm)
    while a < n:
        m = SENTENCE_END.search(norm, a, a + MAX_SENTENCE)
        b = m.end() if m else min(n, a + MAX_SENTENCE)
        end_mark = m.group() if m else "\n" if b == n else ""
        if not m and b < n:  # no sentence is this long: a run without 。 is read a clause at a time
            b = max(norm.rfind(mark, a, b) for mark in "，,：:、") + 1 or b
        yield a, b, end_mark
        a = b


@functools.lru_cache(maxsize=32)
def claims_of(text: str, year: int | None, template: Template) -> tuple[tuple[tuple[int, int], Claim], ...]:
    """Every figure the text states, sentence by sentence; a sub-head line opens a subsection, a line
    break a paragraph. Cached: while the user types in a table the texts do not change, and the rules
    run twice per change (while editing and as at hand-in)."""
    readings = readings_for(template)
    norm = halfwidth(text)
    out: list[tuple[tuple[int, int], Claim]] = []
    para = Para()
    for a, b, end_mark in _sentences(norm):
        line_start = a == 0 or norm[a - 1] == "\n"
        if line_start and SUBHEAD.match(norm, a) and len(norm[a:b].strip()) <= 40 and end_mark == "\n":
            para = Para(app_subsection=bool(APP_SUBHEAD.search(norm, a, b)) and "收费" not in norm[a:b])
            continue
        if norm[a:b].strip() and not SKIP_SENTENCE.search(norm, a, b):
            sent = ClaimReader(norm, a, b, para, year, readings)
            out.extend(((a, b), claim) for claim in sent.claims())
            para.topic = sent.carry_topic
            para.disclosure_cases = sent.about_disclosure() and any(k.kind in T4_KINDS for k in sent.kws)
            if sent.years:
                para.other_year = sent.years[-1][1]
        if end_mark == "\n":
            para = Para(app_subsection=para.app_subsection)
    return tuple(out)


def judge(section: str, text: str, sentence: tuple[int, int], claim: Claim, figures: dict[str, Any],
          seen: set[tuple[int, str, Number]], readings: Readings) -> list[TextMismatch]:
    """The finding for a claim that no reading of the table agrees with (none if any does or still may).

    A reading with blank cells may still come to agree, unless what is filled already exceeds the text
    (counts are never negative): “共收到申请3件” while 新收 already adds up to 14 is certain at once.
    """
    found = [readings.value(r, figures) for r in claim.readings]
    sums = [s for s in found if s is not None]
    if not found or len(sums) < len(found):  # no reading (nothing to compare) or an invalid figure
        return []
    if any(v == claim.stated if done else v <= claim.stated for v, done in sums):
        return []
    first = claim.readings[0]
    key = (claim.start, first.cells[0], claim.stated)
    if key in seen:
        return []
    seen.add(key)
    said = " ".join(text[claim.start:claim.end].split()) or claim.phrase  # the words as written, not rephrased
    in_digits = format_value(claim.stated) in said.replace(",", "")  # else say the figure in digits too
    others = tuple(Alternative(_alternative(first, r, readings), v, done)
                   for r, (v, done) in zip(claim.readings[1:], sums[1:], strict=True) if (v, done) != sums[0])
    cells = tuple(dict.fromkeys(c for r in claim.readings for c in r.cells))
    # The sentence alone is handed over: the same quote, without rescanning the text before it.
    a, b = sentence
    loc = text_location(section, text[a:b], claim.start - a, claim.end - a)
    return [TextMismatch(section, (claim.start, claim.end), loc.quote, cells, claim.stated, sums[0][0],
                         said=said, reading=first.label, unit=claim.unit,
                         spell_out=claim.implied or not in_digits, done=sums[0][1], others=others,
                         complete=all(done for _, done in sums))]


def _alternative(first: Reading, other: Reading, readings: Readings) -> str:
    """Another reading, short where it adds rows to the first: 加上“二、上年结转政府信息公开申请数量”."""
    if first.rows and other.cols == first.cols and other.rows[:len(first.rows)] == first.rows:
        extra = other.rows[len(first.rows):]
        return "加上" + "、".join(f"“{readings.row_label(r)}”" for r in extra)
    return f"按{other.label}计"


def g6_findings(report: Report) -> list[TextMismatch]:
    """Every figure of the preamble and sections 一、五、六 that no reading of the tables agrees with."""
    figures = report.figures()
    year = report.year or guess_year(report)
    out: list[TextMismatch] = []
    for key in report.template.text_section_keys:
        text = report.text(key)
        if text:
            out.extend(scan(key, text, figures, year, report.template))
    return out
