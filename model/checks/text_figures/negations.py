"""G6's negations: words that state a figure of 0 without a number (未收到政府信息公开申请, 未发生行政复议,
申请均已办结)."""

from __future__ import annotations

from model.checks.text_figures.patterns import (
    ALL_DONE,
    ALL_DONE_EXCLUDE,
    CAUSE,
    GENERIC_CAUSE,
    NEG_APPS,
    NEG_EXCLUDE,
    NEG_WORD,
)
from model.checks.text_figures.sentence import Claim, Sentence
from model.checks.text_figures.vocabulary import RECV, T4_CASES


class NegationReader(Sentence):
    """A sentence read for the figures of 0 its words imply."""

    def negations(self) -> list[Claim]:
        """未收到政府信息公开申请 / 未发生行政复议、行政诉讼 / 已全部办结: figures of 0."""
        return self._no_applications() + self._no_cases() + self._all_done()

    def _no_applications(self) -> list[Claim]:
        out: list[Claim] = []
        r = self.r
        for m in NEG_APPS.finditer(self.norm, self.a, self.b):
            if self.other_year_at(m.start()) or self.in_breakdown(m.start()):
                continue
            out.append(Claim(m.start(), m.end(), 0, "未收到政府信息公开申请",
                             tuple(r.t3_reading(rows, r.t3_all) for rows in r.rowsets[RECV]), implied=True))
        return out

    def _no_cases(self) -> list[Claim]:
        """未发生行政复议、行政诉讼: each case word of the clause is 0."""
        out: list[Claim] = []
        norm = self.norm
        for m in NEG_WORD.finditer(norm, self.a, self.b):
            ce = self.clause_end(m.start())
            if not self._says_no_cases(m.start(), m.end(), ce):
                continue
            word = norm[m.start():m.end()]
            out.extend(Claim(m.start(), k.end, 0, f"{word}{self.r.phrase[k.kind]}", self.r.t4[k.kind], implied=True)
                       for k in self.kws if m.end() <= k.start < ce and k.kind in T4_CASES)
        return out

    def _says_no_cases(self, start: int, end: int, ce: int) -> bool:
        """Whether the negation at start:end denies 复议/诉讼 about disclosure as such, this year, of the report."""
        norm, cs = self.norm, self.clause_of(start)
        if self.number_between(cs, ce) or NEG_EXCLUDE.search(norm, cs, ce) or not self.about_disclosure():
            return False
        if self.other_year_at(start) or self.in_breakdown(start):
            return False
        cause = CAUSE.search(norm, end, ce)
        # 未发生因答复不规范引起的行政复议: there may be reviews for other reasons
        return not (cause and not GENERIC_CAUSE.fullmatch(cause.group("x")))

    def _all_done(self) -> list[Claim]:
        out: list[Claim] = []
        norm, r = self.norm, self.r
        for m in ALL_DONE.finditer(norm, self.a, self.b):
            ce = self.clause_end(m.start())
            if ALL_DONE_EXCLUDE.search(norm, self.a, self.b) or self.number_between(m.end(), ce):
                continue
            topic = self.topic_at(m.start())
            if topic is None or self.other_year_at(m.start()) or self.in_breakdown(m.start()):
                continue
            out.append(Claim(m.start(), m.end(), 0, "申请已全部办结", (r.t3_reading(r.carried_out, r.t3_all),),
                             implied=True))
        return out
