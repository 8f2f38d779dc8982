"""The rules of spec §6 as data, and the engine that evaluates them into findings.

A rule is an id from the spec, a severity, message templates in Chinese and a small check that yields
hits (the cells concerned and the numbers for the message). The UI, the command line, the workbook and
the PDF all show the same findings. A rule whose operands are not all filled does not fire: the blank
cells are reported once per table by T2-1, T3-4 and T4-4 instead.
"""

from __future__ import annotations

import copy
import functools
import logging
import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from model.checks.location import Location, text_location
from model.report.report import Report
from model.report.values import Value, ValueError_, check_number, format_value, valid_or_none
from model.template.template import Template


class Severity(Enum):
    ERROR = "error"
    CONFIRM = "confirm"
    WARNING = "warning"
    INFO = "info"
    TODO = "todo"  # progress while the report is being filled in: never at hand-in

    @property
    def label(self) -> str:
        return SEVERITY_LABELS[self]

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


SEVERITY_LABELS = {
    Severity.ERROR: "错误",
    Severity.CONFIRM: "需说明",
    Severity.WARNING: "提醒",
    Severity.INFO: "提示",
    Severity.TODO: "待填",
}


class Stage(Enum):
    """When the rules run: while the user fills the report in, or at hand-in (review page, check, export).

    While editing, blank cells and the imbalance of a column that still has blanks are progress (`todo`);
    at hand-in they are errors, because the format requires 0 to be written.
    """

    EDITING = "editing"
    HANDIN = "handin"


#: The variant of a rule's finding when its check failed on this report (DESIGN: a rule never stops the program).
FAILED = "failed"


@dataclass(frozen=True)
class Hit:
    """What a check found: the cells concerned, the numbers for the message and which message."""

    cells: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)
    variant: str = ""
    severity: Severity | None = None  # overrides the rule's severity (progress while editing)
    location: Location = Location()


@dataclass(frozen=True)
class Finding:
    """A finding as a record: rule, variant, parameters, severity, location. Its `message` and `title` are
    made from the record by `message_of`/`title_of` (the rules' message table) unless a caller outside the
    rules (a reader's notice, 汇总) hands its own text."""

    rule: str
    severity: Severity
    cells: tuple[str, ...]
    message: str = ""
    explanation: str = ""
    variant: str = ""  # which message of the rule, e.g. "blank" for not-filled cells
    location: Location = Location()
    title: str = ""  # a short heading a 科员 understands, without the rule's code
    params: dict[str, Any] = field(default_factory=dict, hash=False)  # what the message says, as data
    table_section: str | None = field(default=None, compare=False)  # the section of its cells' table

    def __post_init__(self) -> None:
        if self.message or self.rule not in RULES_BY_ID:
            return  # a text handed by its maker (a reader's notice, 汇总) is kept as it is
        object.__setattr__(self, "message", message_of(self.rule, self.variant, self.params))
        if not self.title:
            object.__setattr__(self, "title", title_of(self.rule, self.variant, self.params))

    @property
    def text(self) -> str:
        """Title and message, as the findings list shows them (the rule code only in tooltips)."""
        return f"{self.title}：{self.message}" if self.title else self.message

    @property
    def section(self) -> str | None:
        """The report section the finding belongs to: its text section, else its cells' table's section."""
        if self.location.section:
            return self.location.section
        if self.location.field:
            return "meta"
        if self.table_section:
            return self.table_section
        if self.cells:  # a finding made outside the rules: the format that has the cell tells its table
            return _section_of_cell(self.cells[0])
        return None

    @property
    def key(self) -> str:
        """Where its explanation is stored (report-file.md: `id@cell`, or the bare rule id)."""
        return explanation_key(self.rule, self.cells, self.location)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "cells": list(self.cells),
            "message": self.message,
        }
        loc = self.location
        if loc.section:
            out["section"] = loc.section
        if loc.span is not None:
            out["span"] = list(loc.span)
        if loc.quote:
            out["quote"] = loc.quote
        if loc.field:
            out["field"] = loc.field
        if self.explanation:
            out["explanation"] = self.explanation
        return out


def _section_of_cell(code: str) -> str | None:
    from model import template as templates

    for template in map(templates.by_id, templates.known_ids()):
        if code in template.cells:
            return template.section_of_table[template.cells[code].table]
    return None


#: Publication deadlines (《条例》第四十九条): (month, day) of the year after the report year, by kind of body.
#: A setting: offices whose local rules differ change it (the wizard's settings, evaluate(deadlines=…)).
DEADLINES: dict[str, tuple[int, int]] = {"department": (1, 31), "government": (3, 31)}


def explanation_key(rule: str, cells: tuple[str, ...], location: Location) -> str:
    """Where the explanation of a finding is stored: `id@first-cell`, or the bare rule id; a finding that
    quotes a sentence adds it (`G6@t3.new.total《…》`), so that two sentences about one cell are each
    explained, and an explanation does not carry over to a sentence the user has since rewritten."""
    key = f"{rule}@{cells[0]}" if cells else rule
    return f"{key}《{location.quote}》" if location.quote else key


@dataclass
class Context:
    """What checks read: the report, its table as stated (computed once), last year's report, the stage."""

    report: Report
    prior: Report | None = None
    stage: Stage = Stage.HANDIN
    deadlines: dict[str, tuple[int, int]] = field(default_factory=lambda: dict(DEADLINES))

    def __post_init__(self) -> None:
        self.template: Template = self.report.template
        self.cells = self.template.cells
        self.roles = self.template.check_roles
        self.computed = self.report.computed()
        self.figures = self.report.stated_figures(self.computed)
        self.prior_figures = self.prior.as_last_year() if self.prior is not None else {}
        self.stage_asked = False  # set when a check asks the stage: its hits may differ between stages

    @property
    def editing(self) -> bool:
        """Checks ask the stage here only, so that `evaluate_stages` knows which checks to run twice."""
        self.stage_asked = True
        return self.stage is Stage.EDITING

    def complete(self, code: str) -> bool:
        """Whether a cell's figure is final: an input that is filled, a total of filled cells, or a total an
        outside source stated differently from the running sum (a claim of its own, e.g. a published table).

        A stated total equal to the running sum is the program's own figure written to the file while cells
        were still blank: it stays unfinished, so a half-filled report reads back as it was left.
        """
        operands = (code,) if not self.cells[code].derived else self.report.operands(code)
        values = self.report.values
        if all(valid_or_none(self.cells[c], values.get(c)) is not None for c in operands):
            return True
        stated = self.report.stated.get(code)
        return stated is not None and stated != self.computed.get(code)

    def num(self, code: str) -> Any:
        """A cell's figure if it is a valid number, else None (blank or invalid)."""
        return self._valid(code, self.figures.get(code))

    def prior_num(self, code: str) -> Any:
        return self._valid(code, self.prior_figures.get(code))

    def _valid(self, code: str, value: object) -> Value | None:
        return valid_or_none(self.cells[code], value)

    def names(self, codes: Iterable[str], limit: int = 6) -> str:
        """The cells in words (表三“…”行“…”列), at most `limit` of them and how many there are."""
        codes = list(codes)
        shown = "、".join(self.cells[c].name for c in codes[:limit])
        return shown + (f"等 {len(codes)} 个单元格" if len(codes) > limit else "")

    def t3(self, row: str, col: str) -> str:
        return self.template.t3_code(row, col)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str  # one line: what the rule asks
    messages: dict[str, str]  # variant → template (str.format with the hit's params)
    check: Callable[[Context], Iterable[Hit]]
    needs_prior: bool = False
    t4_group: int | None = None  # the index of the group of table 四 the rule is about (T4-1 … T4-3)

    def summary_in(self, template: Template) -> str:
        """What the rule asks, in the words of the report's format (its labels, the places of 万元)."""
        group = template.t4.groups[self.t4_group][1] if self.t4_group is not None else ""
        return self.summary.format(t4_group=group, amount_places=template.amount_places, **template.rule_words)

    def words(self, variant: str, template: Template) -> dict[str, str]:
        """The format's names (`Template.rule_words`) that the message and title of `variant` use."""
        texts = (self.messages.get(variant, ""), TITLES.get(variant) or TITLES.get(self.id, ""))
        return {name: template.rule_words[name] for text in texts for name in _fields(text)
                if name in template.rule_words}


@functools.cache
def _fields(message: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(message) if name)


def _fmt(value: Any) -> str:
    return format_value(value)


# ---------------------------------------------------------------------------------------------------
# Checks shared by tables: blank cells, invalid values, stated totals


def _blank_and_invalid(table_key: str) -> Callable[[Context], Iterator[Hit]]:
    def check(ctx: Context) -> Iterator[Hit]:
        codes = ctx.template.table(table_key).input_codes
        values = ctx.report.values
        blank = [c for c in codes if values.get(c) is None]
        if blank and ctx.editing:
            yield Hit(tuple(blank), {"filled": len(codes) - len(blank), "n": len(codes), "blank": len(blank)},
                      "progress", Severity.TODO)
        elif blank:
            yield Hit(tuple(blank), {"n": len(blank), "cells": ctx.names(blank, limit=3)}, "blank")
        for c in codes:
            v = values.get(c)
            if v is None or type(v) is int and 0 <= v <= ctx.cells[c].max_value:
                continue
            try:
                check_number(ctx.cells[c], v)
            except ValueError_ as exc:
                yield Hit((c,), {"reason": str(exc)}, "invalid")

    return check


_BLANK_MSG = "{n} 个单元格未填写：{cells}。没有发生的事项应填写 0，不能留空。"
_PROGRESS_MSG = "已填 {filled}/{n}，尚有 {blank} 格未填写（没有发生的事项填 0）。"
_INVALID_MSG = "{reason}"


Sums = Callable[[Template], Iterable[tuple[str, tuple[str, ...]]]]


def _stated_totals(sums: Sums, blanks_as_zero: bool = False) -> Callable[[Context], Iterator[Hit]]:
    """Compare each total with the sum of its items, both as the source printed them.

    Inside the program totals are computed and always agree; data from outside (an imported file, a
    published report) can state totals, and a stated total, or a stated item, that does not add up is
    reported with both numbers. `sums` gives, for the report's format, each total's code with the codes of
    the items it adds up.
    With `blanks_as_zero`, at hand-in blank items count as 0 and the finding says so (a printed column
    with a blank is read as "nothing"; a real break must not hide behind it); while editing they wait.
    """
    def check(ctx: Context) -> Iterator[Hit]:
        stated = ctx.report.stated
        for code, items in sums(ctx.template):
            if code not in stated:
                continue  # a computed total agrees with its items by construction
            total = ctx.num(code)
            if total is None:
                continue
            values = ctx.report.values
            parts = [ctx.num(i) for i in items]
            if any(p is None and values.get(i) is not None for p, i in zip(parts, items, strict=True)):
                continue  # an invalid item is named by T2-2/T3-4/T4-4
            blank = not all(p is not None and ctx.complete(i) for p, i in zip(parts, items, strict=True))
            if blank and not (blanks_as_zero and not ctx.editing):
                continue  # a blank item is reported as blank (and, while editing, still to be filled)
            added = sum(p or 0 for p in parts)
            if total == added:
                continue
            yield Hit((code,) + items, {
                "cell": ctx.cells[code].name, "stated": _fmt(total), "sum": _fmt(added),
                "diff": _fmt(abs(total - added)),
            }, BLANKS_AS_ZERO if blank else "")

    return check


#: The variant of a balance judged at hand-in with blank cells read as 0.
BLANKS_AS_ZERO = "blanks_as_zero"
_STATED_MSG = "{cell}填写的合计数（{stated}）与各项之和（{sum}）不符，相差 {diff}。"
_STATED_BLANK_MSG = "{cell}填写的合计数（{stated}）与各项之和（{sum}，空白按 0 计）不符，相差 {diff}。"


# ---------------------------------------------------------------------------------------------------
# Table 二


def _document_cells(ctx: Context) -> Iterator[tuple[str, tuple[str, str, str]]]:
    """Each document row of table 二 (规章, 规范性文件) in words, with its (现行有效, 制发, 废止) cells."""
    roles = ctx.roles
    for row in roles.t2_documents:
        codes = tuple(ctx.template.t2_code(row, c) for c in (roles.t2_in_force, roles.t2_issued, roles.t2_repealed))
        yield ctx.cells[codes[0]].row_label, codes  # type: ignore[misc]


def _s2_1(ctx: Context) -> Iterator[Hit]:
    for label, codes in _document_cells(ctx):
        in_force, issued, repealed = (ctx.num(c) for c in codes)
        if issued is None or repealed is None or in_force is None:
            continue
        if in_force < issued - repealed:
            yield Hit(codes, {
                "row": label, "current": in_force, "made": issued, "revoked": repealed,
                "net": issued - repealed,
            })


def _s2_2(ctx: Context) -> Iterator[Hit]:
    for label, codes in _document_cells(ctx):
        now, issued, repealed = (ctx.num(c) for c in codes)
        before = ctx.prior_num(codes[0])
        if None in (now, issued, repealed, before):
            continue
        expected = before + issued - repealed
        if now != expected:
            yield Hit(tuple(codes), {
                "row": label, "now": now, "before": before, "made": issued, "revoked": repealed,
                "expected": expected,
            })


FEES_SUSPICIOUS = Decimal(10000)


def _s2_3(ctx: Context) -> Iterator[Hit]:
    fees = ctx.roles.t2_fees
    amount = ctx.num(fees)
    if amount is None:
        return
    if amount >= FEES_SUSPICIOUS:
        yield Hit((fees,), {"amount": _fmt(amount), "yuan": _fmt(amount * 10000)}, "large")
        return
    before = ctx.prior_num(fees)
    if before is not None and before > 0 and amount >= 100 * before:
        yield Hit((fees,), {"amount": _fmt(amount), "before": _fmt(before)}, "jump")


#: Bodies that may make 规章 (《立法法》): 国务院部门, and the governments of provinces, 设区的市, 自治州.
_REGULATION_MAKERS = {("department", "national"), ("government", "provincial"), ("government", "prefectural")}
# Place words of local bodies (not the 市 of 市场, nor the 区 of 社区/小区).
_LOCAL_NAME = re.compile(r"省|自治区|市(?!场)|自治州|地区|盟|县|旗|(?<![社小])区|乡|镇|街道")
_NATIONAL_NAME = re.compile(r"^(国务院|国家|中华人民共和国|中国)")


def _may_make_regulations(meta: dict[str, Any]) -> bool | None:
    """Whether the body may make 规章; None when the basic information does not tell."""
    kind, level = meta.get("agency_kind"), meta.get("admin_level")
    kind = kind if isinstance(kind, str) else None
    level = level if isinstance(level, str) else None
    if level:
        return (kind, level) in _REGULATION_MAKERS
    if kind == "department":
        # Without a level, judge by the name: 国家税务总局金乡县税务局 is local, 国家市场监督管理总局 is not.
        name = str(meta.get("agency", ""))
        if _LOCAL_NAME.search(name):
            return False
        if _NATIONAL_NAME.match(name):
            return True
    return None


def _s2_4(ctx: Context) -> Iterator[Hit]:
    codes = [ctx.template.t2_code(ctx.roles.t2_regulation, c) for c in ctx.roles.t2_document_cols]
    if not any((ctx.num(c) or 0) > 0 for c in codes):
        return
    if _may_make_regulations(ctx.report.meta) is False:
        yield Hit(tuple(c for c in codes if (ctx.num(c) or 0) > 0))


# ---------------------------------------------------------------------------------------------------
# Table 三


def _t3_1(ctx: Context) -> Iterator[Hit]:
    """第一项 + 第二项 = 第三项 + 第四项 per column, blanks as 0; while editing an unfinished column is progress."""
    fired = False
    t3, roles = ctx.template.t3, ctx.roles
    rows = (roles.t3_new, roles.t3_carried_in, t3.total_row[0], roles.t3_carried_out)
    for col in t3.input_cols + (t3.total_col[0],):
        if col == t3.total_col[0] and fired:
            break  # the 总计 column is then off as a consequence; one finding per cause
        codes = [ctx.t3(r, col) for r in rows]
        raw = [ctx.figures.get(c) for c in codes]
        if all(v is None for v in raw):
            continue  # nothing in this column yet
        nums = [ctx.num(c) for c in codes]
        if any(n is None and v is not None for n, v in zip(nums, raw, strict=True)):
            continue  # an invalid figure: named by T3-4
        new, carried_in, total, carried_out = (n or 0 for n in nums)
        left, right = new + carried_in, total + carried_out
        if left == right:
            continue
        fired = True
        params = {"left": left, "right": right, "col": t3.col_labels[col], "diff": abs(left - right)}
        if all(ctx.complete(c) for c in codes):
            yield Hit(tuple(codes), params)
        elif ctx.editing:  # the column is not filled in yet: show how far off it is, as progress
            yield Hit(tuple(codes), params, "progress", Severity.TODO)
        elif not _invalid_operand(ctx, codes):
            # at hand-in a blank is read as nothing happened (0), as everyone reads a printed table
            yield Hit(tuple(codes), params, BLANKS_AS_ZERO)


def _invalid_operand(ctx: Context, codes: Iterable[str]) -> bool:
    """Whether a cell, or an item a computed total adds up, holds an invalid figure (named by T3-4)."""
    values = ctx.report.values
    for code in codes:
        operands = ctx.report.operands(code) if ctx.cells[code].derived and code not in ctx.report.stated else (code,)
        if any(values.get(c) is not None and ctx.num(c) is None for c in operands):
            return True
    return False



def _t3_5(ctx: Context) -> Iterator[Hit]:
    t3, roles = ctx.template.t3, ctx.roles
    for col in t3.input_cols:
        code = ctx.t3(roles.t3_carried_in, col)
        now, before = ctx.num(code), ctx.prior_num(ctx.t3(roles.t3_carried_out, col))
        if now is None or before is None or now == before:
            continue
        yield Hit((code,), {"col": t3.col_labels[col], "now": now, "before": before})


def _s3_1(ctx: Context) -> Iterator[Hit]:
    t3, roles = ctx.template.t3, ctx.roles
    for col in t3.input_cols:
        codes = (ctx.t3(roles.t3_carried_out, col), ctx.t3(roles.t3_new, col))
        out, new = (ctx.num(c) for c in codes)
        if out is not None and new is not None and out > new:
            yield Hit(codes, {"col": t3.col_labels[col], "out": out, "new": new})


# ---------------------------------------------------------------------------------------------------
# Whole report


def _g1(ctx: Context) -> Iterator[Hit]:
    todo = Severity.TODO if ctx.editing else None  # not written yet: what is left to do, until hand-in
    agency = ctx.report.meta.get("agency")
    if not (isinstance(agency, str) and agency.strip()):
        yield Hit((), {}, "agency", todo, Location(field="agency"))
    for sec in ctx.template.sections:
        if sec.table is None and not ctx.report.text(sec.key).strip():
            yield Hit((), {"heading": sec.heading, "key": sec.key}, "", todo, Location(section=sec.key))


_PERIOD = re.compile(r"(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*至\s*(\d{4})\s*年\s*12\s*月\s*31\s*日")
_LEADING_YEAR = re.compile(r"^\s*(\d{4})\s*年")
_TITLE_YEAR = re.compile(r"(\d{4})\s*年(?:度)?\s*政府信息公开")


def _g3(ctx: Context) -> Iterator[Hit]:
    meta = ctx.report.meta
    year = ctx.report.year
    if year is None:
        yield Hit((), {}, "missing", Severity.TODO if ctx.editing else None, Location(field="year"))
        return
    found: list[tuple[str, int, Location]] = []
    title = meta.get("title")
    if isinstance(title, str):
        found += [("标题", int(y), Location(field="title")) for y in _TITLE_YEAR.findall(title)]
    preamble = ctx.report.text("preamble")
    for m in _PERIOD.finditer(preamble):
        loc = text_location("preamble", preamble, m.start(), m.end())
        found += [("前言所述统计期限", int(m.group(1)), loc), ("前言所述统计期限", int(m.group(2)), loc)]
    s1 = ctx.report.text("s1")
    first = _LEADING_YEAR.match(s1)
    if first and "\n" not in s1[:first.end()].strip():
        found.append(("“总体情况”开头", int(first.group(1)), text_location("s1", s1, first.start(1), first.end())))
    seen: set[tuple[str, int]] = set()
    for where, y, loc in found:
        if y != year and (where, y) not in seen:
            seen.add((where, y))
            yield Hit((), {"where": where, "found": y, "year": year}, "mismatch", location=loc)


# ---------------------------------------------------------------------------------------------------
# The texts: what each section must say, and last year's report (issue 9)

#: Words by which section 六 states the 信息处理费 situation (G5), and a statement that none was charged
#: or no fee notice was sent (S3-2).
_FEE_WORDS = re.compile(r"信息处理费|收费情况|收取.{0,6}费|缴费|收费通知")
_NO_FEE = re.compile(r"(未|没有|不|无)(发出|发送|送达|收取|收费|产生|涉及|开具)?[^。；\n]{0,12}(信息处理费|收费通知|缴费通知|费用)"
                     r"|(信息处理费|收费)[^。；\n]{0,6}(为|是)?\s*[0０零]\s*元")
#: Words by which section 五 speaks of 复议/诉讼 results being corrected (S4-1).
_CORRECTED_WORDS = re.compile(r"纠正|复议|诉讼|败诉|撤销|确认违法")


def _first_match(text: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    return pattern.search(text) if text else None


def _g5(ctx: Context) -> Iterator[Hit]:
    text = ctx.report.text("s6")
    if text.strip() and not _FEE_WORDS.search(text):
        yield Hit((), {}, location=Location(section="s6"))


def _s3_2(ctx: Context) -> Iterator[Hit]:
    code = ctx.t3(ctx.roles.t3_unpaid_fee, ctx.template.t3.total_col[0])
    n = ctx.num(code)
    if not n:
        return
    text = ctx.report.text("s6")
    cells = (code,)
    denial = _first_match(text, _NO_FEE)
    if denial:
        yield Hit(cells, {"n": n}, "denied", location=text_location("s6", text, denial.start(), denial.end()))
    elif not _FEE_WORDS.search(text):
        yield Hit(cells, {"n": n}, "silent", location=Location(section="s6"))


def _s4_1(ctx: Context) -> Iterator[Hit]:
    codes = tuple(ctx.template.t4_code(g, ctx.roles.t4_corrected) for g, _ in ctx.template.t4.groups)
    corrected = [c for c in codes if (ctx.num(c) or 0) > 0]
    if not corrected or _CORRECTED_WORDS.search(ctx.report.text("s5")):
        return
    yield Hit(tuple(corrected), {"n": sum(ctx.num(c) for c in corrected)}, location=Location(section="s5"))


def publication_delay(report: Report, deadlines: dict[str, tuple[int, int]] | None = None) -> tuple[Any, Any] | None:
    """(published, due) dates of a report whose publication date and year are known, else None.

    The one reading of the deadline (《条例》第四十九条, by kind of body): G4 and 年报质量检查's days late.
    """
    from datetime import date

    deadlines = deadlines or DEADLINES
    published, year = report.meta.get("published_on"), report.year
    kind = report.meta.get("agency_kind")
    deadline = deadlines.get(kind if isinstance(kind, str) else "", deadlines.get("department"))
    if not isinstance(published, str) or year is None or deadline is None:
        return None
    try:
        return date.fromisoformat(published), date(year + 1, *deadline)
    except (ValueError, OverflowError):  # a year or date no calendar has: G3 and the reader speak of it
        return None


def _g4(ctx: Context) -> Iterator[Hit]:
    dates = publication_delay(ctx.report, ctx.deadlines)
    if dates is None:
        return
    day, due = dates
    if day > due:
        yield Hit((), {"published": f"{day.year}年{day.month}月{day.day}日",
                       "due": f"{due.year}年{due.month}月{due.day}日", "days": (day - due).days},
                  location=Location(field="published_on"))


#: G7: a section this much copied from last year's, or tables this identical, is worth a warning.
SAME_TEXT_SHARE = 0.8
SAME_TABLE_NONZERO = 3


def _g7(ctx: Context) -> Iterator[Hit]:
    from model.checks.similarity import compare

    assert ctx.prior is not None
    for sec in ctx.template.sections:
        if sec.table is not None:
            continue
        text = ctx.report.text(sec.key)
        result = compare(text, ctx.prior.text(sec.key))
        if result.substantive < 2 or result.share < SAME_TEXT_SHARE:
            continue
        first = result.paragraphs[0]
        numbers = [_paragraph_number(text, p.start) for p in result.paragraphs]
        shown = "、".join(str(n) for n in numbers[:8]) + ("等" if len(numbers) > 8 else "")
        yield Hit((), {"heading": sec.heading, "share": round(result.share * 100), "paragraphs": shown},
                  location=text_location(sec.key, text, first.start, first.end))
    now = {c: ctx.num(c) for c in ctx.template.input_codes}
    before = {c: ctx.prior_num(c) for c in ctx.template.input_codes}
    nonzero = [c for c, v in now.items() if v]
    if None not in now.values() and now == before and len(nonzero) >= SAME_TABLE_NONZERO:
        yield Hit(tuple(nonzero), {"n": len(nonzero)}, "tables")


def _paragraph_number(text: str, start: int) -> int:
    """The 1-based number of the paragraph starting at `start`, counting non-empty lines."""
    return sum(1 for line in text[:start].split("\n") if line.strip()) + 1


def _g6(ctx: Context) -> Iterator[Hit]:
    from model.checks.text_figures import g6_findings

    for m in g6_findings(ctx.report):
        # A figure the half-filled table already exceeds is progress while editing (the stage is asked only
        # then); once its cells are filled, or at hand-in, it is to be explained.
        todo = Severity.TODO if not m.complete and ctx.editing else None
        yield Hit(m.cells, {"detail": m.message, "said": m.said, "stated": m.stated, "table": m.table}, severity=todo,
                  location=Location(section=m.section, span=m.span, quote=m.quote))


# ---------------------------------------------------------------------------------------------------
# The rules, in the order of spec §6

def _t4_group_sums(index: int) -> Sums:
    """The total of table 四's group `index` (0: 行政复议) and its result columns."""
    def sums(t: Template) -> Iterator[tuple[str, tuple[str, ...]]]:
        group = t.t4.groups[index][0]
        yield t.t4_code(group, t.t4.total_col[0]), tuple(t.t4_code(group, c) for c, _ in t.t4.columns)

    return sums


def _t3_row_sums(t: Template) -> Iterator[tuple[str, tuple[str, ...]]]:
    total = t.t3.total_col[0]
    for r in t.t3.rows:
        yield t.t3_code(r, total), tuple(t.t3_code(r, c) for c in t.t3.input_cols)


def _t3_col_sums(t: Template) -> Iterator[tuple[str, tuple[str, ...]]]:
    total = t.t3.total_row[0]
    for c in t.t3.input_cols + (t.t3.total_col[0],):
        yield t.t3_code(total, c), tuple(t.t3_code(r, c) for r in t.t3.result_rows)


#: One rule per group of table 四 (spec §6: T4-1 行政复议, T4-2 and T4-3 the two kinds of 行政诉讼).
_T4_GROUP_RULES = tuple(
    Rule(f"T4-{i + 1}", Severity.ERROR, "表四“{t4_group}”总计等于各项结果之和",
         {"": _STATED_MSG}, _stated_totals(_t4_group_sums(i)), t4_group=i)
    for i in range(3)
)

RULES: tuple[Rule, ...] = (
    Rule("T2-1", Severity.ERROR, "表二每个单元格都已填写（没有的填 0，不留空）",
         {"blank": "表二有 " + _BLANK_MSG, "progress": "表二" + _PROGRESS_MSG},
         lambda ctx: (h for h in _blank_and_invalid("t2")(ctx) if h.variant != "invalid")),
    Rule("T2-2", Severity.ERROR,
         "表二件数为不小于 0 的整数，收费金额为不小于 0、最多 {amount_places} 位小数的数",
         {"invalid": _INVALID_MSG},
         lambda ctx: (h for h in _blank_and_invalid("t2")(ctx) if h.variant == "invalid")),
    Rule("S2-1", Severity.WARNING, "{in_force_col}不小于{issued_col}减{repealed_col}",
         {"": "“{row}”{in_force_col}（{current}）小于{issued_col}减{repealed_col}（{made}－{revoked}＝{net}），请核对。"},
         _s2_1),
    Rule("S2-2", Severity.CONFIRM, "{in_force_col}等于上年{in_force_col}加{issued_col}减{repealed_col}",
         {"": "“{row}”{in_force_col}（{now}）不等于上年{in_force_col}加{issued_col}减{repealed_col}"
              "（{before}＋{made}－{revoked}＝{expected}），请说明原因。"},
         _s2_2, needs_prior=True),
    Rule("S2-3", Severity.WARNING, "收费金额以万元为单位",
         {"large": "{fees_row}金额填写为 {amount} 万元（即 {yuan} 元），是否误将以“元”为单位的金额填入了以“万元”为单位的单元格？",
          "jump": "{fees_row}金额（{amount} 万元）达到上年（{before} 万元）的 100 倍以上，是否误将“元”当作“万元”填写？"},
         _s2_3),
    Rule("S2-4", Severity.WARNING, "只有国务院部门和省、设区的市、自治州人民政府可以制定规章",
         {"": "本机关填写了规章件数，但只有国务院部门和省、自治区、直辖市、设区的市、自治州人民政府可以制定规章，"
              "请核对是否应填入“{normative_row}”一行。"},
         _s2_4),
    Rule("T3-1", Severity.ERROR, "每列第一项加第二项之和等于第三项加第四项之和",
         {"": "第一项加第二项之和（{left}）不等于第三项加第四项之和（{right}），“{col}”列相差 {diff}。",
          BLANKS_AS_ZERO: "第一项加第二项之和（{left}）不等于第三项加第四项之和（{right}），“{col}”列相差 {diff}"
                          "（本列有空白单元格，空白按 0 计）。",
          "progress": "“{col}”列：尚差 {diff}（第一项加第二项之和 {left}，第三项加第四项之和 {right}；本列尚未填完）。"},
         _t3_1),
    Rule("T3-2", Severity.ERROR, "每行总计等于各类申请人之和",
         {"": _STATED_MSG},
         _stated_totals(_t3_row_sums)),
    Rule("T3-3", Severity.ERROR, "每列（七）总计等于各项办理结果之和（总计列在内）",
         {"": _STATED_MSG, BLANKS_AS_ZERO: _STATED_BLANK_MSG},
         _stated_totals(_t3_col_sums, blanks_as_zero=True)),
    Rule("T3-4", Severity.ERROR, "表三每个单元格都已填写，且为不小于 0 的整数",
         {"blank": "表三有 " + _BLANK_MSG, "progress": "表三" + _PROGRESS_MSG, "invalid": _INVALID_MSG},
         _blank_and_invalid("t3")),
    Rule("T3-5", Severity.CONFIRM, "上年结转数等于上年报告的{carried_out_row}数",
         {"": "“{col}”列{carried_in_row}（{now}）与上年报告的{carried_out_row}数（{before}）不一致，请说明原因。"},
         _t3_5, needs_prior=True),
    Rule("S3-1", Severity.WARNING, "{carried_out_row}数一般不大于本年新收申请数",
         {"": "“{col}”列{carried_out_row}数（{out}）大于本年新收申请数（{new}），请核对。"},
         _s3_1),
    Rule("S3-2", Severity.CONFIRM, "“其他处理”中逾期未缴费的，第六部分应说明发出收费通知的情况",
         {"denied": "表三“{unpaid_fee_row}”共 {n} 件，但第六部分称未收取信息处理费或未发出收费通知，请核对或说明。",
          "silent": "表三“{unpaid_fee_row}”共 {n} 件，但第六部分没有说明信息处理费和收费通知的情况，请补充说明。"},
         _s3_2),
    *_T4_GROUP_RULES,
    Rule("T4-4", Severity.ERROR, "表四每个单元格都已填写，且为不小于 0 的整数",
         {"blank": "表四有 " + _BLANK_MSG, "progress": "表四" + _PROGRESS_MSG, "invalid": _INVALID_MSG},
         _blank_and_invalid("t4")),
    Rule("S4-1", Severity.WARNING, "行政复议、行政诉讼有结果纠正的，第五部分应有相应说明",
         {"": "表四有 {n} 件结果纠正，但第五部分“{s5_heading}”没有提到被纠正的情况和改进措施，请核对。"},
         _s4_1),
    Rule("G1", Severity.ERROR, "机关名称已填写，六个部分齐全、不为空，标题与格式一致",
         {"": "“{heading}”部分尚未填写内容。", "agency": "尚未填写机关名称。"}, _g1),
    Rule("G3", Severity.ERROR, "标题、前言和正文中的报告年度一致",
         {"missing": "尚未填写报告年度。",
          "mismatch": "{where}中的年度（{found}年）与报告年度（{year}年）不一致。"},
         _g3),
    Rule("G4", Severity.WARNING, "按时发布（部门 1月31日前，人民政府 3月31日前）",
         {"": "发布日期（{published}）晚于规定的发布期限（{due}），迟了 {days} 天。"}, _g4),
    Rule("G5", Severity.CONFIRM, "第六部分说明信息处理费的收取情况（未收取的也应写明）",
         {"": "第六部分没有说明政府信息公开信息处理费的收取情况。依据《政府信息公开信息处理费管理办法》，未收取的也应写明。"},
         _g5),
    Rule("G6", Severity.CONFIRM, "正文中的数字与统计表一致", {"": "{detail}"}, _g6),
    Rule("G7", Severity.WARNING, "各部分内容不与上年度报告雷同",
         {"": "“{heading}”与上年度报告基本相同（约 {share}% 的文字未改动，第 {paragraphs} 段几乎照搬），"
              "请按本年度的实际情况更新，避免内容雷同。",
          "tables": "表二、表三、表四的全部数字（其中 {n} 个不为 0）与上年度报告完全相同，请核对是否误用了上年度的数据。"},
         _g7, needs_prior=True),
)

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

#: Short titles of the findings (rule id → title; a variant's own title wins), for people, not auditors.
TITLES: dict[str, str] = {
    "T2-1": "表二未填写", "T2-2": "表二数值有误", "S2-1": "{in_force_col}偏少", "S2-2": "{in_force_col}与上年不衔接",
    "S2-3": "收费金额单位", "S2-4": "规章件数", "T3-1": "勾稽关系不平衡", "T3-2": "行合计不符",
    "T3-3": "列合计不符", "T3-4": "表三未填写", "T3-5": "上年结转与上年报告不一致", "S3-1": "结转数偏大",
    "T4-1": "合计不符", "T4-2": "合计不符", "T4-3": "合计不符", "T4-4": "表四未填写",
    "G1": "内容未填写", "G3": "年度不一致", "G4": "发布时间", "G5": "信息处理费", "G6": "正文数字与表格不符",
    "G7": "内容与上年雷同", "S3-2": "收费通知", "S4-1": "结果纠正未说明", "tables": "数字与上年相同",
    "A1": "汇总数与各单位之和不符", "A2": "应报单位",
    "progress": "填写进度", FAILED: "本项检查未能完成", "invalid": "数值有误", "agency": "基本信息未填写",
    "missing": "基本信息未填写",
}


def title_of(rule_id: str, variant: str, words: Mapping[str, Any] | None = None) -> str:
    """The short title of a finding; one that names a label of the format takes it from `words` (a finding's
    params, or `Template.rule_words`), and fails loudly without them."""
    return (TITLES.get(variant) or TITLES.get(rule_id, "")).format_map(words or {})


_FAILED_MSG = "“{summary}”这项检查在本报告上未能完成，请人工核对相关内容。"


def render(rule: Rule, variant: str, params: dict[str, Any]) -> str:
    """The one place a finding's Chinese message is made: the rule's message for the variant, filled in."""
    return (_FAILED_MSG if variant == FAILED else rule.messages[variant]).format(**params)


def message_of(rule_id: str, variant: str, params: dict[str, Any]) -> str:
    """The message of a finding record of one of the rules (`Finding` makes its text here)."""
    return render(RULES_BY_ID[rule_id], variant, params)


#: The checks that read the whole of a text (parse every sentence, compare every paragraph): they take
#: milliseconds per thousand characters, so the wizard runs them after typing pauses, off the keystroke.
TEXT_RULES: frozenset[str] = frozenset({"G6", "G7"})
_RULE_ORDER: dict[str, int] = {r.id: i for i, r in enumerate(RULES)}


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in severity order, then in the order of the rules (a stable sort keeps each rule's own order)."""
    return sorted(findings, key=lambda f: (f.severity.rank, _RULE_ORDER.get(f.rule, len(_RULE_ORDER))))


_log = logging.getLogger(__name__)


def _findings(rule: Rule, hits: Iterable[Hit], ctx: Context) -> Iterator[Finding]:
    explanations = ctx.report.explanations
    sections = ctx.template.section_of_table
    for hit in hits:
        key = explanation_key(rule.id, hit.cells, hit.location)
        explanation = explanations.get(key) or explanations.get(rule.id) or ""
        table_section = sections[ctx.cells[hit.cells[0]].table] if hit.cells else None
        params = {**rule.words(hit.variant, ctx.template), **hit.params}  # the labels it names, as data too
        yield Finding(rule.id, hit.severity or rule.severity, hit.cells, render(rule, hit.variant, params),
                      explanation, hit.variant, hit.location, title_of(rule.id, hit.variant, params), params,
                      table_section)


def _guarded(rule: Rule, ctx: Context) -> tuple[list[Hit], list[Finding]]:
    """Run one check and make its findings; a check that fails on this input gives one `info` finding
    instead (its own findings made before the failure are kept), and the other rules go on."""
    hits: list[Hit] = []
    try:
        for hit in rule.check(ctx):
            hits.append(hit)
        return hits, list(_findings(rule, hits, ctx))
    except Exception:  # noqa: BLE001 - any defect of one check: reported as a finding, never a traceback
        _log.debug("rule %s failed", rule.id, exc_info=True)
        kept: list[Finding] = []
        for hit in hits:
            try:
                kept.extend(_findings(rule, (hit,), ctx))
            except Exception:  # noqa: BLE001,S112 - a hit whose message cannot be made is dropped
                continue
        failed = Hit((), {"summary": rule.summary_in(ctx.template)}, FAILED, Severity.INFO)
        return hits + [failed], kept + list(_findings(rule, (failed,), ctx))


def evaluate(report: Report, prior: Report | None = None, stage: Stage = Stage.HANDIN,
             deadlines: dict[str, tuple[int, int]] | None = None) -> list[Finding]:
    """Run every rule; rules that need last year's report run only when it is given.

    Findings come in severity order, then in the order of the rules and of the cells. At hand-in (the
    default: the review page, `check`, export) no finding is `todo`. A rule that fails is an `info` finding.
    """
    ctx = Context(report, prior, stage, dict(deadlines or DEADLINES))
    findings: list[Finding] = []
    for rule in RULES:
        if rule.needs_prior and prior is None:
            continue
        findings.extend(_guarded(rule, ctx)[1])
    return ordered(findings)


def evaluate_stages(report: Report, prior: Report | None = None,
                    deadlines: dict[str, tuple[int, int]] | None = None,
                    skip: frozenset[str] = frozenset()) -> tuple[list[Finding], list[Finding]]:
    """The findings while editing and as at hand-in, in one pass (the wizard needs both after every change).

    Each check runs once; only a check that asked the stage (blanks, unfinished columns) runs again as at
    hand-in. Rules in `skip` are left out (the wizard keeps their last findings while a text is typed).
    """
    editing = Context(report, prior, Stage.EDITING, dict(deadlines or DEADLINES))
    handin = copy.copy(editing)  # the same tables, computed once
    handin.stage = Stage.HANDIN
    both: tuple[list[Finding], list[Finding]] = ([], [])
    for rule in RULES:
        if rule.needs_prior and prior is None or rule.id in skip:
            continue
        editing.stage_asked = False
        _, found = _guarded(rule, editing)
        both[0].extend(found)
        both[1].extend(_guarded(rule, handin)[1] if editing.stage_asked else found)
    return ordered(both[0]), ordered(both[1])
