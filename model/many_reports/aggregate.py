"""汇总: a people's government adds up its units' reports (spec §7, rules A1 and A2).

Every member is read with the readers of the model (the report file, this program's workbooks,
hand-made workbooks in the official layout, published reports) and checked with every rule. Members
of another year, files that cannot be read, and a unit that comes twice are named and left out of the
sum, never counted twice. Counts are summed as integers and 收费金额 in 万元 as Decimal, so the sum is
exact. Reading is bounded per file by the readers; a bad file never stops the rest.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from model.checks.rules import Finding, Severity, evaluate
from model.checks.verdict import judge
from model.many_reports.inputs import (  # noqa: F401 - read_expected is imported from here too
    MAX_INPUT_BYTES,
    expected_names,
    file_digest,
    input_files,
    missing_units,
    read_expected,
    unit_key,
)
from model.many_reports.sum_notices import SumNotice, caused_by
from model.reading.documents import PUBLISHED_SUFFIXES, REPORT_SUFFIXES
from model.report.preamble import generate_preamble
from model.report.report import Report, new_report
from model.report.storage import ReportFileError
from model.template.template import Template
from model.template.types import ValueKind

#: What a folder given to 汇总 contributes: the kinds of file the readers understand.
MEMBER_SUFFIXES = REPORT_SUFFIXES + PUBLISHED_SUFFIXES
#: The choice to leave out members whose tables have errors, as the window, the CLI and the outputs name it.
EXCLUDE_ERRORS_LABEL = "不计入统计表有错误的单位"


@dataclass
class Member:
    """One file given to 汇总, and what became of it."""

    path: Path
    report: Report | None = None
    notices: list[str] = field(default_factory=list)
    problem: str = ""  # why it is not in the sum ("" when it is)
    excluded: bool = False  # left out because its tables have errors (the user's choice), not unreadable
    errors: int = 0
    unexplained: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def agency(self) -> str:
        return self.report.agency if self.report else ""

    @property
    def year(self) -> int | None:
        return self.report.year if self.report else None

    @property
    def counted(self) -> bool:
        return self.report is not None and not self.problem

    def figure(self, code: str) -> Any:
        return self.report.figures().get(code) if self.report else None

    @property
    def table_errors(self) -> list[Finding]:
        """Its own error-level findings on table cells: what it would carry into the summed tables."""
        return [f for f in self.findings if f.cells and f.severity is Severity.ERROR]

    @property
    def label(self) -> str:
        """How a finding or a message names this member: the unit and its file."""
        return f"{self.agency or '（未知单位）'}（{self.path.name}）"


@dataclass
class Aggregation:
    report: Report  # the sum, a report of the aggregating government
    members: list[Member]
    missing: list[str] = field(default_factory=list)  # expected units with no report
    duplicates: list[str] = field(default_factory=list)  # units (or identical files) given more than once
    unexpected: list[str] = field(default_factory=list)  # units not on the expected list
    cancelled: bool = False
    exclude_errors: bool = False  # members whose tables have errors were left out (the user chose so)

    @property
    def counted(self) -> list[Member]:
        return [m for m in self.members if m.counted]

    @property
    def refused(self) -> list[Member]:
        return [m for m in self.members if not m.counted]

    @property
    def excluded(self) -> list[Member]:
        """Members readable and of this 汇总, left out only because their tables have errors."""
        return [m for m in self.members if m.excluded]

    def excluded_note(self) -> str:
        """What every output of the sum (its workbook sheets, its PDF) says when members with errors were
        left out ("" otherwise)."""
        if not self.excluded:
            return ""
        return (f"说明：本次汇总选择“{EXCLUDE_ERRORS_LABEL}”，以下 {len(self.excluded)} 个单位的报告未计入，"
                "汇总数不含这些单位：" + "、".join(m.label for m in self.excluded) + "。")

    def causes(self, finding: Finding) -> list[Member]:
        """The counted members whose own figures make `finding` of the sum: a sum is linear, so a break
        in the sum (T3-1 in one column, a total that is not its parts) is a break in at least one member,
        found by the same rule on an overlapping cell."""
        cells = set(finding.cells)
        return [m for m in self.counted
                if any(f.rule == finding.rule and cells & set(f.cells) for f in m.table_errors)]

    def notices(self) -> list[SumNotice]:
        """A1 (the sum against its members) and A2 (the expected list), as records."""
        return a1_notices(self.report, self.counted) + a2_notices(self)

    def findings(self) -> list[Finding]:
        """The records of `notices` as findings, for the sum's findings list (text made in sum_notices)."""
        return [n.finding(self.report.template) for n in self.notices()]

    def table_findings(self) -> list[Finding]:
        """What is wrong with the summed tables: the rules that read cells, at hand-in, and A1; each
        error names the members that cause it (see `causes`)."""
        return [self._named(f) for f in evaluate(self.report) + self.findings() if f.cells]

    def sum_findings(self) -> list[Finding]:
        """Every finding of the sum as at hand-in (its texts, still to be written, included), A1, A2,
        the errors naming their members: what the workbook's 校验结果 sheet lists."""
        return [self._named(f) for f in evaluate(self.report) + self.findings()]

    def _named(self, finding: Finding) -> Finding:
        if finding.severity is not Severity.ERROR or not finding.cells or finding.rule == "A1":
            return finding
        members = self.causes(finding)
        if not members:
            return finding
        return replace(finding, message=caused_by(finding.message, [m.label for m in members]))

    @property
    def draft(self) -> bool:
        """Whether the summary tables print as 草稿: an error in the summed tables (a member's unbalanced
        table 三 carries into the sum) or a cell that is not its members' sum. The texts are not judged:
        the office writes them afterwards. One place for the CLI and the 汇总 window."""
        return any(f.severity is Severity.ERROR for f in self.table_findings())


def member_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files named, and those of the kinds 汇总 reads inside each folder named (not recursive)."""
    return input_files(paths, MEMBER_SUFFIXES, recursive=False)


def read_member(path: Path) -> tuple[Report, list[str]]:
    """Any file a unit may send (our report file or workbook, a hand-made workbook, a published report),
    read by the one registry as 打开 and `check` read it: a file 汇总 counts is the report `check` judges."""
    from model.reading.documents import read_document

    document = read_document(path)
    return document.report, document.messages


def aggregate(paths: Iterable[str | os.PathLike[str]], *, agency: str = "", year: int | None = None,
              expected: Iterable[str] | None = None, exclude_errors: bool = False,
              progress: Callable[[int, int, Path], None] | None = None,
              cancelled: Callable[[], bool] | None = None, template: Template | None = None) -> Aggregation:
    """Read, check and sum the members. `year` defaults to the year most members report on, `template` (the
    format of the sum) to the format most members are in; a member in another format is not counted.

    With `exclude_errors`, a member whose own tables have error-level findings is left out (未计入,
    with the reason), so that one unit's broken table 三 does not make the whole sum a draft."""
    files = member_files(paths)
    members: list[Member] = []
    digests: dict[str, Path] = {}  # content hash → the first file with that content
    duplicates: list[str] = []
    stopped = False
    for i, path in enumerate(files):
        if cancelled is not None and cancelled():
            stopped = True
            break
        if progress is not None:
            progress(i, len(files), path)
        member = Member(path)
        try:
            digest = file_digest(path)
        except ReportFileError as exc:
            member.problem = str(exc)
            digest = ""
        if digest in digests:
            first = digests[digest]
            member.problem = f"与“{first.name}”内容完全相同，未重复计入。"
            duplicates.append(f"{path.name}（与 {first.name} 相同）")
            member.report = next((m.report for m in members if m.path == first), None)  # names the unit
        elif digest:
            digests[digest] = path
            _read_and_check(member)
        members.append(member)
    if progress is not None and not stopped:
        progress(len(files), len(files), files[-1] if files else Path())
    readable = [m for m in members if m.report is not None and not m.problem]
    if year is None:
        years = Counter(m.year for m in readable if m.year is not None)
        year = years.most_common(1)[0][0] if years else None
    seen: dict[str, Member] = {}
    for m in readable:
        if m.year is None and year is not None and m.report is not None:
            # a hand-made workbook often says no year: it was sent for this 汇总's year
            m.report.meta["year"] = year
            m.notices.append(f"文件中没有写明报告年度，按汇总年度 {year} 年计入。")
            _check(m)
        if year is not None and m.year != year:
            m.problem = f"报告年度为 {m.year or '未填写'}，不是汇总年度 {year} 年，未计入。"
            continue
        key = unit_key(m.agency)
        if not key:
            m.problem = "报告没有填写机关名称，无法确认是哪个单位，未计入。"
            continue
        if key in seen:
            m.problem = f"“{m.agency}”的报告重复（已计入 {seen[key].path.name}），本文件未计入，不重复计算。"
            duplicates.append(m.agency)
            continue
        seen[key] = m
        if exclude_errors and m.table_errors:
            m.excluded = True
            first = m.table_errors[0]
            m.problem = (f"统计表有 {len(m.table_errors)} 项错误（如：{first.text}），按“{EXCLUDE_ERRORS_LABEL}”"
                         "未计入汇总；请督促该单位更正后重新汇总。")
    tpl = template or sum_template(m.report for m in readable if not m.problem and m.report)
    for m in readable:
        if not m.problem and m.report is not None and m.report.template is not tpl:
            m.problem = other_format_problem(m.report.template, tpl)
            m.excluded = False
    counted = [m for m in members if m.counted]
    result = Aggregation(sum_reports([m.report for m in counted if m.report], agency, year, tpl), members,
                         duplicates=duplicates, cancelled=stopped, exclude_errors=exclude_errors)
    if expected is not None:
        names = expected_names(expected)
        have = {unit_key(m.agency) for m in counted + result.excluded}  # an excluded unit did report
        result.missing = missing_units(names, have)
        listed = {unit_key(n) for n in names}
        result.unexpected = [m.agency for m in counted if unit_key(m.agency) not in listed]
    return result


def _read_and_check(member: Member) -> None:
    """Read one member and run every rule on it; any failure becomes the member's problem."""
    path = member.path
    try:
        member.report, member.notices = read_member(path)
    except ReportFileError as exc:
        member.problem = str(exc)
        return
    except Exception as exc:  # noqa: BLE001 - one unit's odd file must never stop the others
        member.problem = f"“{path.name}”无法读取（{type(exc).__name__}），已跳过。"
        return
    _check(member)


def _check(member: Member) -> None:
    """Every rule on the member, as at hand-in: its errors and unexplained confirms for the status table."""
    assert member.report is not None
    verdict, findings = judge(member.report)
    member.errors, member.unexplained, member.findings = verdict.errors, verdict.unexplained, findings


#: No member file is larger (the readers' own limits are lower still); a larger one is not even hashed.
MAX_MEMBER_BYTES = MAX_INPUT_BYTES


def sum_template(reports: Iterable[Report]) -> Template:
    """The format of a sum: the one most of its members are in (the first of them on a tie); a report
    made from nothing (new_report) tells it when there is no member."""
    counts = Counter(r.template for r in reports)
    return counts.most_common(1)[0][0] if counts else new_report().template


def other_format_problem(member: Template, total: Template) -> str:
    """Why a member in another format is left out: its cells are not the cells of the sum."""
    return (f"报告所用的格式（{member.format_doc}，格式标识“{member.id}”）与本次汇总的格式"
            f"（{total.format_doc}，格式标识“{total.id}”）不同，各项数字无法逐项相加，未计入。")


def sum_reports(reports: Iterable[Report], agency: str = "", year: int | None = None,
                template: Template | None = None) -> Report:
    """The report of a government whose tables are the sum of `reports` (texts left to the office), in
    their format (`template`; by default sum_template of the reports, all of which must be in it).

    A cell is the sum of the members' figures where they are numbers; blank in every member, it stays
    blank. Counts stay integers; 收费金额 sums as Decimal, exactly.
    """
    reports = list(reports)
    tpl = template or sum_template(reports)
    if any(r.template is not tpl for r in reports):
        raise ValueError("reports of another format cannot be summed")
    total = new_report(tpl)
    total.meta = {"agency": agency, "agency_kind": "government"}
    if year is not None:
        total.meta["year"] = year
    sums: dict[str, Any] = {}
    for report in reports:
        for code in tpl.input_codes:
            v = report.values.get(code)
            if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
                continue
            sums[code] = sums.get(code, 0) + v
    for code, v in sums.items():
        total.set_value(code, Decimal(v) if tpl.cells[code].kind is ValueKind.AMOUNT else v)
    total.sections["preamble"] = generate_preamble(total.meta, total.template)
    return total


def a1_notices(total: Report, members: list[Member]) -> list[SumNotice]:
    """A1: every cell of the aggregated report equals the sum over its members (after edits, say)."""
    tpl = total.template
    expected = sum_reports([m.report for m in members if m.report], template=tpl).values
    out = []
    for code in tpl.input_codes:
        have, want = total.values.get(code), expected.get(code)
        if have != want:
            out.append(SumNotice("A1", "cell", (code,), {"have": have, "want": want}))
    return out


def a2_notices(result: Aggregation) -> list[SumNotice]:
    """A2: units expected but missing, units given twice, units left out for errors, units not on the list."""
    lists = (("missing", result.missing), ("duplicates", result.duplicates),
             ("excluded", [m.label for m in result.excluded]), ("unexpected", result.unexpected))
    return [SumNotice("A2", variant, params={"names": tuple(names)}) for variant, names in lists if names]
