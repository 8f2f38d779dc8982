"""G6's claims: what the numbers of a sentence state about the tables — the keyword each number belongs
to, and for that keyword the table, the cells and every reading (a word may mean more than one cell)."""

from __future__ import annotations

import re
from decimal import Decimal

from model.checks.text_figures.negations import NegationReader
from model.checks.text_figures.numbers import APP_AFTER, DOC_AFTER, MONEY_UNITS, Num, Number
from model.checks.text_figures.patterns import (
    COMPARE,
    EACH,
    GAP,
    GAP_MAX,
    INHERIT,
    QUALIFIER,
    REVIEW_BODY,
    T2_NOT_DECISIONS,
    TOTALIZER,
)
from model.checks.text_figures.readings import Reading, Rows
from model.checks.text_figures.sentence import At, Claim
from model.checks.text_figures.vocabulary import (
    ADOPTS,
    APP_RESULTS,
    APP_VERBS,
    APPLICANTS,
    BARE,
    CARRIED_OUT,
    DOC_OBJECTS,
    DOC_VERBS,
    DONE,
    FEES,
    HANDLE,
    NEW,
    NORMATIVE,
    NOUN,
    RECV,
    REGULATION,
    REPEAL,
    REPLY,
    SUMMABLE,
    T2_DECISIONS,
    T4_CASES,
    T4_KINDS,
    T4_RESULTS,
    Kind,
)
from model.report.values import format_value


class ClaimReader(NegationReader):
    """A sentence read for its claims: `claims()` yields what it states about the tables."""

    def claims(self) -> list[Claim]:
        out: list[Claim] = []
        used_kw: set[int] = set()
        for n in self.nums:
            found = self._attach(n, used_kw)
            if found is None:
                continue
            idx, inherited = found
            used_kw.add(idx)
            if n.usable and not self._other_year_or_comparison(n):
                out.extend(self._claims_of(n, idx, inherited))
        out.extend(self.negations())
        return out

    def _other_year_or_comparison(self, n: Num) -> bool:
        """A number of another year, or of a comparison with one (较上年增长3件): no figure of the tables."""
        cs = self.clause_of(n.start)
        return self.other_year_at(n.start) or bool(COMPARE.search(self.norm, cs, self.clause_end(n.start)))

    def _claims_of(self, n: Num, idx: int, inherited: bool) -> list[Claim]:
        """What number n attached to keyword idx states; keywords joined to it (行政复议、行政诉讼) share it."""
        members = [idx]
        if not inherited:
            j = idx
            while self.coordinated(j):
                j -= 1
                members.insert(0, j)
            if len(members) > 1 and not EACH.search(self.norm[self.kws[idx].end:n.start]):
                claim = self._sum_claim(members, n)  # 予以公开及部分公开258件: the sum of their rows
                return [claim] if claim is not None else []
        found = (self._claim(m, n, single=len(members) == 1) for m in members)
        return [c for c in found if c is not None]

    def _attach(self, n: Num, used: set[int]) -> tuple[int, bool] | None:
        """The keyword a number belongs to: the nearest before it in the clause, with filler between."""
        cs = self.clause_of(n.start)
        best = None
        for i in range(len(self.kws) - 1, -1, -1):
            k = self.kws[i]
            if k.end <= n.start:
                best = i
                break
        if best is not None and self.kws[best].start >= cs and not self.number_between(self.kws[best].end, n.start):
            gap = self.norm[self.kws[best].end:n.start]
            if len(gap) <= GAP_MAX and GAP.fullmatch(gap):
                return best, False
            return None
        # 收到政府信息公开申请，共计45件: a clause of filler takes the keyword that ended the clause before.
        if cs == self.a or not INHERIT.fullmatch(self.norm[cs:n.start]):
            return None
        if best is None or best in used or self.number_between(self.kws[best].end, n.start):
            return None
        prev_cs = self.clause_of(cs - 1)
        k = self.kws[best]
        if k.start < prev_cs or self.norm[k.end:cs - 1].strip():
            return None
        return best, True

    def _claim(self, i: int, n: Num, single: bool) -> Claim | None:
        """What the number n attached to keyword i states: the keyword (or the verb it takes its meaning
        from) decides the table; each table's reader below says whether and how it is a figure."""
        adopted = False
        if self.kws[i].kind in ADOPTS and single:
            p = self.adopter(i)
            if p is not None:
                i, adopted = p, True
        at = At(i, self.kws[i], adopted, self.clause_of(self.kws[i].start))
        if self.in_breakdown(at.kw.start):
            return None
        kind = at.kw.kind
        if kind == FEES:
            return self._fee_claim(at, n)
        if n.unit in MONEY_UNITS or not n.unit and n.value != 0:
            return None
        if kind in T4_KINDS:
            return self._t4_claim(at, n)
        if kind in T2_DECISIONS or kind in DOC_VERBS:
            return self._t2_claim(at, n)
        return self._t3_claim(at, n)

    def _fee_claim(self, at: At, n: Num) -> Claim | None:
        """行政事业性收费12.5万元 (or in 元): table 二's amount, in 万元."""
        if n.unit not in MONEY_UNITS:
            return None
        stated: Number = Decimal(n.value) / 10000 if n.unit == "元" else Decimal(n.value)
        return Claim(at.kw.start, n.end, stated, f"{self.r.phrase[FEES]}{format_value(n.value)}{n.unit}",
                      (self.r.t2[FEES],), "万元")

    def _t4_claim(self, at: At, n: Num) -> Claim | None:
        """行政复议案件1起, 结果纠正2件: table 四, only where the cases are about disclosure."""
        kind = at.kw.kind
        if REVIEW_BODY.search(self.norm, at.cs, at.kw.start) or not self.about_disclosure():
            return None
        unit = n.unit if n.unit in ("件", "起", "宗") else "件"  # 行政复议案件1起: said in its own unit
        return Claim(at.kw.start, n.end, n.value, f"{self.r.phrase[kind]}{n.value}{unit}", self._t4_readings(at.i, kind),
                      unit)

    def _t2_claim(self, at: At, n: Num) -> Claim | None:
        """行政处罚决定35起, 制发规范性文件5件: table 二's decisions and documents."""
        kind, start = at.kw.kind, at.kw.start
        if kind in T2_DECISIONS:
            if n.unit not in ("件", "起", "宗") or T2_NOT_DECISIONS.search(self.norm, at.cs, start):
                return None
            phrase = f"{self.r.phrase[kind]}{'决定' if at.adopted else ''}{n.value}件"
            return Claim(start, n.end, n.value, phrase, (self.r.t2[kind],))
        obj = self._doc_object(at.i, n, at.adopted)
        if obj is None or kind == REPEAL and "失效" in self.norm[self.a:self.b]:
            return None  # 废止8件，宣布失效3件: the table may count both as 废止
        reading = self.r.doc_reading(obj, kind)
        return Claim(start, n.end, n.value, f"{self.word(at.kw)}{self.r.phrase[obj]}{n.value}件", (reading,))

    def _t3_claim(self, at: At, n: Num) -> Claim | None:
        """Applications (收到/办结 …), results (予以公开 …) and applicants (自然人申请 …): table 三."""
        kind, start, word = at.kw.kind, at.kw.start, self.word(at.kw)
        number = f"{n.value}件"
        end, phrase = n.end, f"{word}{number}"
        colsets: tuple[Rows, ...] = (self.r.t3_all,)
        if kind in APP_VERBS:
            found = self._app_verb(at, n)
            if found is None:
                return None
            end, phrase = found
            rowsets = self.r.rowsets[kind]
        elif kind == NOUN:
            if QUALIFIER.search(self.norm, at.cs, start) or self.after_qizhong(start):
                return None
            rowsets, phrase = self.r.rowsets[NOUN], f"政府信息公开申请{number}"
        elif kind in APP_RESULTS:
            year = re.search(r"\d{4}", word) if kind == CARRIED_OUT else None
            if year and self.year is not None and int(year.group()) != self.year + 1:
                return None  # 结转至2022年 in the 2022 report: carried in, not out
            rowsets = self.r.rowsets[kind]
        elif kind in APPLICANTS:
            topic = self.app_topic(at.i)
            if not topic or n.unit not in ("件", "条", "宗", "份", ""):
                return None  # 涉及社会组织3个: organisations, not applications
            rowsets, colsets, phrase = topic, self.r.app_cols[kind], f"{word}申请{number}"
        else:
            return None  # a sink, a bare 申请/决定/规范性文件 without a verb: no table figure
        readings = tuple(self.r.t3_reading(rows, cols) for cols in colsets for rows in rowsets)
        return Claim(start, end, n.value, phrase, readings)

    def _app_verb(self, at: At, n: Num) -> tuple[int, str] | None:
        """收到/新收/办理/答复/办结 + a number: whether it counts disclosure applications of the report,
        and (end of the phrase, the phrase in words) if so."""
        i, kind, start, word = at.i, at.kw.kind, at.kw.start, self.word(at.kw)
        number = f"{n.value}件"
        phrase = f"{word.lstrip('共本年作出')}政府信息公开申请{number}"
        before = self.norm[at.cs:start]
        if QUALIFIER.search(before) or kind != NEW and self.after_qizhong(start):
            return None  # a part: 延期办结4件, 其中网上收到30件
        after = APP_AFTER.match(self.norm, n.end, self.b)
        bare = self.kws[i + 1].kind == BARE if at.adopted else bool(after) and "公开" not in after.group()
        if bare and kind != NEW and not self.app_context(i):
            return None  # 政务服务大厅受理申请23140件: 申请 alone is not a disclosure application
        if at.adopted or after:
            return (after.end() if after and not at.adopted else n.end), phrase
        if kind == DONE:
            return (n.end, f"{word}{number}") if self.app_topic(i) else None
        if kind in (HANDLE, REPLY):
            totalled = TOTALIZER.search(before) or "共" in self.norm[at.kw.end:n.start]
            return (n.end, phrase) if totalled else None
        if kind == RECV:
            return (n.end, phrase) if self.app_context(i) else None
        return (n.end, phrase) if self.app_topic(i) else None

    def _sum_claim(self, members: list[int], n: Num) -> Claim | None:
        """予以公开及部分公开258件: results of table 三 joined by 及/和/、 and one number are the sum of their
        rows; any other joined words (行政复议、行政诉讼共5件) say nothing."""
        kinds = [self.kws[m].kind for m in members]
        first = self.kws[members[0]]
        if not all(k in SUMMABLE for k in kinds) or len(set(kinds)) < len(kinds) or n.unit not in ("件", "条"):
            return None
        if self.in_breakdown(first.start) or self.after_qizhong(first.start) or not self.app_topic(members[0]) \
                and not self.app_context(members[0]):
            return None
        rows = tuple(r for k in kinds for r in self.r.rowsets[k][0])
        return Claim(first.start, n.end, n.value, self.norm[first.start:n.end], (self.r.t3_reading(rows, self.r.t3_all),))
    def _t4_readings(self, i: int, kind: Kind) -> tuple[Reading, ...]:
        """A result (结果维持/纠正) belongs to the case word before it in the sentence (行政复议…结果维持1件):
        then only that group's cell is read; with none or several, every reading is tried."""
        if kind not in T4_RESULTS:
            return self.r.t4[kind]
        cases = {k.kind for k in self.kws[:i] if k.kind in T4_CASES}
        if len(cases) != 1:  # none, or 复议…诉讼…其中结果纠正2件: the result may be of any of them
            return self.r.t4[kind]
        return (self.r.t4_reading(self.r.t4_groups_of[cases.pop()], self.r.t4_result_col[kind]),)

    def _doc_object(self, i: int, n: Num, adopted: bool) -> Kind | None:
        """规范性文件 or 规章: the noun the verb took, the noun after the number, or the sentence's only one."""
        if adopted:
            return self.kws[i + 1].kind if i + 1 < len(self.kws) and self.kws[i + 1].kind in DOC_OBJECTS else None
        after = DOC_AFTER.match(self.norm, n.end, self.b)
        if after:
            return NORMATIVE if "规范性文件" in after.group("obj") else REGULATION
        objects = {k.kind for k in self.kws if k.kind in DOC_OBJECTS}
        return objects.pop() if len(objects) == 1 else None
