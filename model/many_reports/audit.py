"""年报质量检查: a superior checks every unit's published report in one run (issue 19).

Every document among the inputs (files or folders, recursively) is read by the one registry
(model.reading.documents.read_document) and checked with every rule at hand-in; last year's report of the same
unit, found in the prior folder or among the inputs, adds the cross-year rules. A file given twice is
read once and named; a second report of the same unit and year is named and not ranked again; a file
that cannot be read is listed with its reason and never stops the run. The units are ranked worst
first. Reading is the slow part (PDF, Word): with many files it runs in worker processes.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from model.checks.rules import Finding, Severity, _paragraph_number, publication_delay
from model.many_reports.inputs import (
    MAX_INPUT_BYTES,
    expected_names,
    file_digest,
    input_files,
    missing_units,
    unit_key,
)
from model.report.key_figures import key_figures as key_figure_cells
from model.report.report import Report, new_report
from model.report.storage import ReportFileError
from model.template.template import Template

#: The kinds of file a folder contributes (every kind the registry reads).
AUDIT_SUFFIXES = (".json", ".xlsx", ".xlsm", ".docx", ".html", ".htm", ".txt", ".md", ".pdf")
#: No report is larger; a larger file is not even hashed (the readers' own limits are lower still).
MAX_AUDIT_BYTES = MAX_INPUT_BYTES
#: From this many files on, reading runs in worker processes (starting them costs about a second).
PROCESS_THRESHOLD = 12

Progress = Callable[[int, int, str], None]  # done, in all, the file being read


@dataclass
class AuditDocument:
    """One file given to the check, and what became of it."""

    path: Path
    kind: str | None = None  # a key of model.reading.documents.KINDS when read
    report: Report | None = None
    findings: list[Finding] = field(default_factory=list)  # the rules' findings and the reader's notices
    reason: str | None = None  # why it was not read or not counted (Chinese); None when it was
    prior: AuditDocument | None = None  # last year's report of the same unit
    duplicate_of: Path | None = None
    digest: str = ""
    checked: list[Finding] | None = field(default=None, repr=False)  # the rules' findings without last year

    @property
    def read(self) -> bool:
        return self.report is not None and self.reason is None

    @property
    def agency(self) -> str:
        return self.report.agency if self.report else ""

    @property
    def year(self) -> int | None:
        return self.report.year if self.report else None

    def count(self, severity: Severity) -> int:
        return sum(f.severity is severity for f in self.findings)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def confirms(self) -> int:
        """需说明 findings without a written explanation (a published report has none)."""
        return sum(f.severity is Severity.CONFIRM and not f.explanation.strip() for f in self.findings)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def rank_key(self) -> tuple[int, int, int, str]:
        """Worst first: errors, then 需说明, then warnings; then by name."""
        return (-self.errors, -self.confirms, -self.warnings, self.agency)

    def as_dict(self) -> dict[str, Any]:
        """The document as `audit --json` prints it (report-file.md)."""
        meta = self.report.meta if self.report else {}
        published = meta.get("published_on")
        return {
            "file": str(self.path),
            "agency": self.agency or None,
            "year": self.year,
            "kind": self.kind,
            "read": self.read,
            "reason": self.reason,
            "published_on": published if isinstance(published, str) else None,
            "prior": str(self.prior.path) if self.prior is not None else None,
            "findings": [f.as_dict() for f in self.findings] if self.read else [],
        }


@dataclass
class Audit:
    documents: list[AuditDocument]  # every file given, in the order found
    missing: list[str] = field(default_factory=list)  # expected units without a report
    cancelled: bool = False

    @property
    def units(self) -> list[AuditDocument]:
        """One document per unit — its latest year's report — ranked worst first."""
        latest: dict[str, AuditDocument] = {}
        for d in self.documents:
            if not d.read:
                continue
            key = unit_key(d.agency) or str(d.path)
            have = latest.get(key)
            if have is None or (d.year or 0) > (have.year or 0):
                latest[key] = d
        return sorted(latest.values(), key=lambda d: d.rank_key)

    @property
    def unreadable(self) -> list[AuditDocument]:
        return [d for d in self.documents if not d.read and d.duplicate_of is None]

    @property
    def duplicates(self) -> list[AuditDocument]:
        return [d for d in self.documents if d.duplicate_of is not None]

    @property
    def draft(self) -> bool:
        """Whether its outputs (the 通报 and the workbook) are a 草稿: only when the check stopped before it
        read every file given. Decided here once for every writer of the 年报质量检查."""
        return self.cancelled

    @property
    def has_errors(self) -> bool:
        return any(d.errors for d in self.units)

    def as_dict(self) -> dict[str, Any]:
        return {"documents": [d.as_dict() for d in self.documents], "missing": list(self.missing)}


def audit_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files named, and every readable file inside each folder named (recursively, sorted)."""
    return input_files(paths, AUDIT_SUFFIXES, recursive=True)


# ---------------------------------------------------------------------------------------------------
# Reading one file: a plain function of a path, so that worker processes can run it


@dataclass
class _Read:
    kind: str | None = None
    report: Report | None = None
    notices: list[Finding] = field(default_factory=list)
    reason: str | None = None
    findings: list[Finding] | None = None  # every rule without last year's report, checked where it was read


def read_one(path: Path) -> _Read:
    """Read one file through the registry and check it; any failure becomes the reason, never an exception.

    The rules run here too (in the worker), so that only a report paired with last year's afterwards is
    checked again in the main process."""
    from model.checks.verdict import judge
    from model.reading.documents import read_document

    try:
        document = read_document(path)
    except ReportFileError as exc:
        return _Read(reason=str(exc))
    except Exception as exc:  # noqa: BLE001 - one unit's odd file must never stop the others
        return _Read(reason=f"“{path.name}”无法读取（{type(exc).__name__}），已跳过。")
    return _Read(document.kind, document.report, document.findings(), findings=judge(document.report)[1])


def _read_all(docs: list[AuditDocument], progress: Progress | None, cancelled: Callable[[], bool] | None,
              workers: int | None) -> bool:
    """Read every document (in worker processes when there are many); False when cancelled."""
    todo = [d for d in docs if d.reason is None and d.duplicate_of is None]
    todo.sort(key=_cost, reverse=True)  # the slowest first, so that no worker is left with a PDF at the end
    n = len(docs)
    done = n - len(todo)
    if progress is not None:
        progress(done, n, "")
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(todo) < PROCESS_THRESHOLD:
        for d in todo:
            if cancelled is not None and cancelled():
                return False
            _take(d, read_one(d.path))
            done += 1
            if progress is not None:
                progress(done, n, d.path.name)
        return True
    import multiprocessing

    # spawn: safe in a program whose other threads (Qt's) hold locks; the workers import the model only
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: dict[Future[_Read], AuditDocument] = {}
        queue: Iterator[AuditDocument] = iter(todo)
        for d in queue:  # a few per worker in flight: memory stays bounded and 取消 takes effect soon
            pending[pool.submit(read_one, d.path)] = d
            if len(pending) >= 2 * workers:
                break
        while pending:
            finished, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            if cancelled is not None and cancelled():
                for future in pending:
                    future.cancel()
                pool.shutdown(wait=True, cancel_futures=True)
                return False
            for future in finished:
                d = pending.pop(future)
                try:
                    _take(d, future.result())
                except Exception as exc:  # noqa: BLE001 - a worker that died (memory) names its file
                    d.reason = f"“{d.path.name}”无法读取（{type(exc).__name__}），已跳过。"
                done += 1
                if progress is not None:
                    progress(done, n, d.path.name)
                nxt = next(queue, None)
                if nxt is not None:
                    pending[pool.submit(read_one, nxt.path)] = nxt
    return True


#: How long a kind of file takes to read, relative to a web page (pdfplumber parses every PDF page).
_COST = {".pdf": 10.0, ".docx": 2.0, ".xlsx": 2.0, ".xlsm": 2.0}


def _cost(doc: AuditDocument) -> float:
    try:
        size = doc.path.stat().st_size
    except OSError:
        size = 0
    return _COST.get(doc.path.suffix.lower(), 1.0) * (1 + size / 1e6)


def _take(doc: AuditDocument, result: _Read) -> None:
    doc.kind, doc.report, doc.reason = result.kind, result.report, result.reason
    doc.findings = list(result.notices)
    doc.checked = result.findings


# ---------------------------------------------------------------------------------------------------
# The whole run


def run_audit(inputs: Iterable[str | os.PathLike[str]], *, prior_dir: str | os.PathLike[str] | None = None,
              expected: Iterable[str] | None = None, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None, workers: int | None = None) -> Audit:
    """Read, pair with last year, check and rank. `workers`: processes for reading (default: the cores)."""
    files = audit_files(inputs)
    prior_files = audit_files([prior_dir]) if prior_dir else []
    docs = _distinct([AuditDocument(p) for p in files])
    priors = _distinct([AuditDocument(p) for p in prior_files])
    if not _read_all(docs + priors, progress, cancelled, workers):
        return Audit(docs, cancelled=True)
    _same_unit_twice(docs)
    _pair_with_last_year(docs, priors)
    for d in docs:
        if d.read:
            _check(d)
    result = Audit(docs)
    if expected is not None:
        result.missing = missing_units(expected_names(expected), {unit_key(d.agency) for d in docs if d.read})
    return result


def _distinct(docs: list[AuditDocument]) -> list[AuditDocument]:
    """Mark a file whose content is that of an earlier one as its duplicate (read once, named)."""
    first: dict[str, AuditDocument] = {}
    for d in docs:
        try:
            d.digest = file_digest(d.path)
        except ReportFileError as exc:
            d.reason = str(exc)
            continue
        if d.digest in first:
            d.duplicate_of = first[d.digest].path
            d.reason = f"与“{d.duplicate_of.name}”内容完全相同，只计一次。"
        else:
            first[d.digest] = d
    return docs


def _same_unit_twice(docs: list[AuditDocument]) -> None:
    """A second report of the same unit and year (the same report as web page and PDF, say) is named and
    counted once: the first file found stands for the unit."""
    seen: dict[tuple[str, int | None], AuditDocument] = {}
    for d in docs:
        if not d.read or not d.agency:
            continue
        key = (unit_key(d.agency), d.year)
        if key in seen:
            d.duplicate_of = seen[key].path
            d.reason = f"与“{seen[key].path.name}”是同一单位同一年度的报告，只计一次。"
        else:
            seen[key] = d


def _pair_with_last_year(docs: list[AuditDocument], priors: list[AuditDocument]) -> None:
    """Last year's report of each unit: from the prior folder first, else among the inputs."""
    by_unit: dict[tuple[str, int], AuditDocument] = {}
    for d in [*docs, *priors][::-1]:  # the prior folder wins over the inputs, an earlier file over a later
        if d.read and d.agency and d.year is not None:
            by_unit[(unit_key(d.agency), d.year)] = d
    for d in docs:
        if d.read and d.agency and d.year is not None:
            d.prior = by_unit.get((unit_key(d.agency), d.year - 1))


def _check(doc: AuditDocument) -> None:
    """Every rule at hand-in (with last year's report where there is one), after the reader's notices."""
    from model.checks.verdict import judge

    assert doc.report is not None
    notices = doc.findings
    if doc.prior is None and doc.checked is not None:
        findings = doc.checked  # checked where it was read
    else:
        _, findings = judge(doc.report, doc.prior.report if doc.prior is not None else None)
    doc.checked = None
    doc.findings = sorted(findings + notices, key=lambda f: f.severity.rank)


# ---------------------------------------------------------------------------------------------------
# Key figures and findings in words, for the workbook, the PDF and the window


def kind_label(report: Report) -> str:
    """机关类型 in words, as the report's format names the kind ("" when not filled)."""
    return dict(report.template.agency_kinds).get(report.meta.get("agency_kind", ""), "")


def _headings(template: Template) -> dict[str, str]:
    return {sec.key: sec.heading for sec in template.sections}


def _field_labels(template: Template) -> dict[str, str]:
    return {"title": "报告标题", **{f.key: f.label for f in template.meta_fields}}


def _format_of(report: Report | None) -> Template:
    """The format a finding is in: its report's. Transitional: a caller without the report (the 年报质量检查
    window's list, ui/audit_window.py) gets the format new reports are made in, until it passes the report."""
    return report.template if report is not None else new_report().template


def _ratio(part: Any, whole: Any) -> float | None:
    try:
        return float(part) / float(whole) if whole else None
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class KeyFigures:
    figures: dict[str, Any]  # label → figure (None when not filled)
    open_rate: float | None  # (予以公开 + 部分公开) / 办理结果总计
    carry_rate: float | None  # 结转下年度 / (新收 + 上年结转)
    new_before: Any  # 新收 in last year's report
    new_change: float | None  # (新收 − 上年新收) / 上年新收
    days_late: int | None  # days after the deadline (0 on time; None when the date is not printed)
    due: str | None  # the deadline, ISO


def key_figures(doc: AuditDocument) -> KeyFigures:
    """The figures a superior compares across units (decided here once for the workbook, PDF, window)."""
    assert doc.report is not None
    figures = doc.report.figures()
    cells = key_figure_cells(doc.report.template)
    f = {label: figures.get(code) for label, code in cells}
    opened = (f["予以公开"] or 0) + (f["部分公开"] or 0) if f["予以公开"] is not None else None
    new_code = dict(cells)["新收申请"]
    before = doc.prior.report.as_last_year().get(new_code) if doc.prior and doc.prior.report else None
    new = f["新收申请"]
    change = _ratio((new or 0) - before, before) if new is not None and before else None
    dates = publication_delay(doc.report)
    late = max(0, (dates[0] - dates[1]).days) if dates else None
    return KeyFigures(f, _ratio(opened, f["办理结果总计"]),
                      _ratio(f["结转下年度"], (new or 0) + (f["上年结转"] or 0)) if f["结转下年度"] is not None else None,
                      before, change, late, dates[1].isoformat() if dates else None)


def part_of(finding: Finding, report: Report | None = None) -> str:
    """The part of `report` a finding is about, in words (基本信息, 一、总体情况, 表三 …)."""
    section = finding.section
    if section == "meta":
        return "基本信息"
    if section is None:
        return "报告整体"
    return _headings(_format_of(report)).get(section, section)


def place_of(finding: Finding, report: Report | None = None) -> str:
    """Where a finding points, in words: the cells by name, the paragraph, or the field."""
    loc = finding.location
    tpl = _format_of(report)
    if finding.cells:
        names = [tpl.cells[c].name for c in finding.cells if c in tpl.cells]
        return "、".join(names[:3]) + (f"等 {len(names)} 个单元格" if len(names) > 3 else "")
    if loc.field:
        return _field_labels(tpl).get(loc.field, loc.field)
    if loc.section and loc.span is not None and report is not None:
        paragraph = _paragraph_number(report.text(loc.section), loc.span[0])
        return f"{_headings(tpl).get(loc.section, '')}第 {paragraph} 段"
    if loc.section:
        return _headings(tpl).get(loc.section, "")
    return ""


def problem_of(finding: Finding) -> str:
    """What is wrong, as a reader of the 通报 sees it: title and message, never the rule's code."""
    return finding.text


def counts_by_problem(units: Iterable[AuditDocument]) -> list[tuple[str, Severity, int, int]]:
    """(problem title, worst severity, findings, units) for every kind of problem, most units first."""
    findings: Counter[str] = Counter()
    units_of: dict[str, set[str]] = {}
    worst: dict[str, Severity] = {}
    for d in units:
        for f in d.findings:
            title = f.title or "其他"
            findings[title] += 1
            units_of.setdefault(title, set()).add(str(d.path))
            if title not in worst or f.severity.rank < worst[title].rank:
                worst[title] = f.severity
    rows = [(t, worst[t], findings[t], len(units_of[t])) for t in findings]
    return sorted(rows, key=lambda r: (r[1].rank, -r[3], -r[2], r[0]))


def summary_lines(result: Audit) -> list[str]:
    """What `audit` prints without --json: the count, then each unit worst first, then what was not read."""
    units = result.units
    with_errors = [u for u in units if u.errors]
    lines = [f"共 {len(result.documents)} 个文件，检查 {len(units)} 个单位的报告，其中 {len(with_errors)} 个有错误。"]
    for u in units:
        lines.append(f"{u.agency or u.path.name}（{u.path.name}）：错误 {u.errors} 项，需说明 {u.confirms} 项，"
                     f"提醒 {u.warnings} 项")
    for d in result.duplicates:
        lines.append(f"重复：{d.path.name}：{d.reason}")
    for d in result.unreadable:
        lines.append(f"未能读取：{d.path.name}：{d.reason}")
    if result.missing:
        lines.append(f"未报送（应报单位名单中没有报告的单位）：{'、'.join(result.missing)}")
    return lines
