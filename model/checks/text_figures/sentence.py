"""G6's sentence: its keywords and numbers, and the context a figure is read in — clauses, years, what
the sentence is about (its topic), which noun takes its meaning from which verb, members' shares."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from model.checks.text_figures.numbers import Number, numbers
from model.checks.text_figures.patterns import (
    ADOPT_GAP,
    CLAUSE_END,
    COMPARE_BEFORE,
    CONNECT,
    DISCLOSURE,
    ORG,
    PAREN,
    PHRASE_END,
    SUBUNIT,
    WHOLE_AREA,
    YEAR_WORD,
)
from model.checks.text_figures.readings import Reading, Readings, Rows
from model.checks.text_figures.vocabulary import (
    ADOPTS,
    APP_RESULTS,
    APP_VERBS,
    BARE,
    CARRIED_IN,
    CARRIED_OUT,
    DONE,
    HANDLE,
    NOUN,
    RECV,
    REPLY,
    SINK,
    TOPICAL,
    Kind,
)


@dataclass(frozen=True)
class Kw:
    start: int
    end: int
    kind: Kind


@dataclass(frozen=True)
class At:
    """A keyword a number is attached to, as _claim resolved it: its index, the keyword that gives the
    meaning (a verb a noun took its meaning from), whether it was so adopted, and its clause's start."""

    i: int
    kw: Kw
    adopted: bool
    cs: int


@dataclass(frozen=True)
class Claim:
    """One figure the text states: what, where, and what it may mean."""

    start: int
    end: int
    stated: Number
    phrase: str
    readings: tuple[Reading, ...]
    unit: str = "件"
    implied: bool = False  # a figure the words imply (未收到 = 0), not one written as a number


Topic = tuple[Kind | str, tuple[Rows, ...]]  # (kind, row sets of table 三); str: INHERITED or OTHER_VERB
INHERITED = "inherited"  # the application rows the sentence before spoke of
OTHER_VERB = "other_verb"  # 受理/办理/办结 of something other than disclosure applications
#: Verbs that speak of disclosure applications only where the context says so.
_GENERIC_VERBS = frozenset({RECV, HANDLE, REPLY, DONE})


@dataclass
class Para:
    """What carries from sentence to sentence within a paragraph, and from a sub-head to its paragraphs."""

    topic: Topic | None = None
    other_year: bool = False
    app_subsection: bool = False
    disclosure_cases: bool = False  # the sentence before spoke of 复议/诉讼 about disclosure (…公开行政复议1宗；诉讼1宗)


def app_rowsets(topic: Topic | None) -> tuple[Rows, ...] | None:
    """The row sets of table 三 a topic speaks of, if it is about disclosure applications."""
    if topic and (topic[0] in APP_VERBS or topic[0] in APP_RESULTS or topic[0] in (NOUN, INHERITED)):
        return topic[1]
    return None


def inside(parens: list[tuple[int, bool]], pos: int) -> bool:
    """Whether pos lies inside a bracket, given the (position, opening) of each bracket of the sentence."""
    depth = 0
    for p, opening in parens:
        if p >= pos:
            break
        depth = depth + 1 if opening else max(0, depth - 1)
    return depth > 0


class Sentence:
    """One sentence with its tokens and their context, read in one format (`readings`)."""

    def __init__(self, norm: str, a: int, b: int, para: Para, year: int | None, readings: Readings) -> None:
        self.norm, self.a, self.b, self.para, self.year, self.r = norm, a, b, para, year, readings
        kw = readings.keywords
        self.kws = [Kw(m.start(), m.end(), kw.kind_of(m.group())) for m in kw.pattern.finditer(norm, a, b)]
        self.nums = numbers(norm, a, b)
        self.num_starts = [n.start for n in self.nums]
        self.clause_starts = [a] + [m.end() for m in CLAUSE_END.finditer(norm, a, b)]
        self.phrase_starts = [a] + [m.end() for m in PHRASE_END.finditer(norm, a, b)]
        self.years = self._year_marks()
        self.topics = self._topics()
        self.breakdown_from: int | None = None

    # -- context ---------------------------------------------------------------------------------

    def _year_marks(self) -> list[tuple[int, bool]]:
        """(position, is another year) for each year word outside keywords."""
        marks = []
        spans = [(k.start, k.end) for k in self.kws if k.kind in (CARRIED_IN, CARRIED_OUT)]
        for m in YEAR_WORD.finditer(self.norm, self.a, self.b):
            if any(s <= m.start() < e for s, e in spans) or self.norm[m.start() - 1:m.start()] in COMPARE_BEFORE:
                continue  # 较上年增长: the clause is skipped by COMPARE; the sentence stays this year's
            if m.group("y"):
                other = self.year is not None and int(m.group("y")) != self.year
            else:
                other = bool(m.group("other") or m.group("range"))
            marks.append((m.start(), other))
        return marks

    def other_year_at(self, pos: int) -> bool:
        other = self.para.other_year
        for p, o in self.years:
            if p >= pos:
                break
            other = o
        return other

    def clause_of(self, pos: int) -> int:
        return self.clause_starts[bisect_right(self.clause_starts, pos) - 1]

    def clause_end(self, pos: int) -> int:
        i = bisect_right(self.clause_starts, pos)
        return self.clause_starts[i] if i < len(self.clause_starts) else self.b

    def number_between(self, start: int, end: int) -> bool:
        i = bisect_right(self.num_starts, start - 1)
        return i < len(self.nums) and self.nums[i].start < end

    def _topics(self) -> list[Topic | None]:
        """The topic in force just before each keyword; a bracket (含上年结转3件) sets none."""
        self.parens = parens = [(m.start(), m.group() in "（(") for m in PAREN.finditer(self.norm, self.a, self.b)]
        out = []
        topic = self.para.topic
        union: list[tuple[str, ...]] = []
        noun_seen = False
        for i, k in enumerate(self.kws):
            out.append(topic)
            if k.kind == SINK and not inside(parens, k.start):
                topic = (OTHER_VERB, ())  # 收到申请3件。政务服务中心共办结2000件: the subject has changed
                continue
            if k.kind not in TOPICAL or inside(parens, k.start):
                continue
            if k.kind == NOUN:
                noun_seen = True
                if self.adopter(i) is not None:
                    continue
            if k.kind in _GENERIC_VERBS and (self._other_object(i) or not (
                    app_rowsets(topic) or noun_seen or self.para.app_subsection and topic is None
                    or i + 1 < len(self.kws) and self.kws[i + 1].kind == NOUN and self.adopter(i + 1) == i)):
                topic = (OTHER_VERB, ())  # 政务服务大厅受理申请…办结…: not about disclosure applications
                continue
            topic = (k.kind, self.r.rowsets.get(k.kind, ()))
            union.extend(r for r in topic[1] if r not in union)
        self.end_topic = topic
        # The next sentence (其中，自然人…) may mean any application row this one spoke of.
        # A sentence that names no application row of its own (其中自然人申请8件) passes on the rows it inherited.
        rows = app_rowsets(topic)
        self.carry_topic = (INHERITED, tuple(union) or rows) if rows else topic
        return out

    def _other_object(self, i: int) -> bool:
        """受理各类审批申请: the verb's object is an application of another kind (申请 not taking the verb)."""
        if i + 1 >= len(self.kws):
            return False
        nxt = self.kws[i + 1]
        return (nxt.kind == BARE and nxt.start < self.clause_end(self.kws[i].start)
                and not self.number_between(self.kws[i].end, nxt.start) and self.adopter(i + 1) != i)

    def adopter(self, i: int) -> int | None:
        """The keyword right before keyword i that gives it its meaning (收到 before 政府信息公开申请)."""
        k = self.kws[i]
        allowed = ADOPTS.get(k.kind)
        if not allowed or i == 0:
            return None
        p = self.kws[i - 1]
        if p.kind not in allowed or p.start < self.clause_of(k.start) or self.number_between(p.end, k.start):
            return None
        gap = self.norm[p.end:k.start]
        if len(gap) > 8 or not ADOPT_GAP.fullmatch(gap):
            return None
        if self.coordinated(i - 1):
            return None  # 公民、法人或其他组织提出的政府信息公开申请: the noun is everyone's
        return i - 1

    def coordinated(self, i: int) -> bool:
        """Whether keyword i follows another one joined by 、/和/及 (行政复议、行政诉讼)."""
        if i == 0:
            return False
        p, k = self.kws[i - 1], self.kws[i]
        return p.start >= self.clause_of(k.start) and bool(CONNECT.fullmatch(self.norm[p.end:k.start]))

    def app_topic(self, i: int) -> tuple[Rows, ...] | None:
        """The row sets of table 三 the sentence is about just before keyword i, if it is about applications."""
        return app_rowsets(self.topics[i] if i < len(self.kws) else self.end_topic)

    def topic_at(self, pos: int) -> tuple[Rows, ...] | None:
        i = next((j for j, k in enumerate(self.kws) if k.start >= pos), len(self.kws))
        return self.app_topic(i)

    def app_context(self, i: int) -> bool:
        """Whether keyword i stands among disclosure applications: the topic, a noun before it, the sub-head."""
        return bool(self.app_topic(i) or any(k.kind == NOUN for k in self.kws[:i])
                    or self.para.app_subsection and self.topics[i] is None)

    def after_qizhong(self, pos: int) -> bool:
        """Whether a 其中 before pos still speaks: to the end of the sentence, or of its bracket."""
        q = self.norm.rfind("其中", self.a, pos)
        if q < 0:
            return False
        if not inside(self.parens, q):
            return True
        return inside(self.parens, pos) and not any(q < p < pos and not opening for p, opening in self.parens)

    def in_breakdown(self, kw_start: int) -> bool:
        """A member's share (其中县政府办公室收到12件; 县本级收到30件), not the report's own figure."""
        if self.breakdown_from is not None and kw_start >= self.breakdown_from:
            return True
        start = self.phrase_starts[bisect_right(self.phrase_starts, kw_start) - 1]
        prefix = self.norm[start:kw_start]
        if self.after_qizhong(kw_start) and ORG.search(prefix.replace("其中", "")):
            self.breakdown_from = start
            return True
        return bool(SUBUNIT.search(prefix)) and not WHOLE_AREA.search(prefix)

    def word(self, k: Kw) -> str:
        return self.norm[k.start:k.end]
    def about_disclosure(self) -> bool:
        """Table 四 counts only cases about information disclosure: the sentence, or the one before it in
        the paragraph that spoke of such cases, must say so."""
        return bool(DISCLOSURE.search(self.norm, self.a, self.b)) or self.para.disclosure_cases

