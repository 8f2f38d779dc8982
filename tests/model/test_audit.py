"""年报质量检查 (issue 19): reading a folder of published reports, pairing with last year, ranking."""

from __future__ import annotations

import json
from pathlib import Path

import audit_folder as A
import pytest

from model.checks.rules import Severity
from model.many_reports import audit as audit_mod
from model.many_reports.aggregate import read_expected
from model.many_reports.audit import AuditDocument, key_figures, place_of, run_audit, unit_key
from model.report.storage import load
from model.template import CURRENT as T


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("audit") / "报告 文件夹"
    return root, A.build(root)


@pytest.fixture(scope="module")
def result(folder):
    root, expected = folder
    return run_audit([root], expected=read_expected(expected), workers=1)


def _unit(result, name: str) -> AuditDocument:
    return next(u for u in result.units if u.agency == name)


def _rules(doc: AuditDocument, severity: Severity) -> set[str]:
    return {f.rule for f in doc.findings if f.severity is severity}


def test_every_known_error_is_listed_for_its_unit(result):
    for unit, (_, errors) in A.REAL.items():
        assert _rules(_unit(result, unit), Severity.ERROR) == errors, unit
    paired = _unit(result, A.PAIRED)
    assert {"T3-1"} <= _rules(paired, Severity.ERROR)
    assert "T3-5" in _rules(paired, Severity.CONFIRM)  # 上年结转 against last year's report among the inputs
    assert "G7" in _rules(paired, Severity.WARNING)  # texts copied from last year
    assert paired.prior is not None and paired.prior.path.suffix == ".pdf"


def test_units_with_errors_rank_first(result):
    units = result.units
    assert [u.agency for u in units][:2] == sorted([A.PAIRED, "邹城市生态环境局"], key=lambda n: (
        -_unit(result, n).errors, -_unit(result, n).confirms, -_unit(result, n).warnings, n))
    errors = [u.errors for u in units]
    assert errors == sorted(errors, reverse=True) and errors[-1] == 0
    assert len(units) == 4  # last year's report of the paired unit is its prior, not a unit of its own


def test_unreadable_duplicate_and_missing_are_named(result):
    assert [d.path.name for d in result.unreadable] == [A.UNREADABLE]
    assert result.unreadable[0].reason
    (dup,) = result.duplicates
    assert dup.path.name == A.DUPLICATE and "只计一次" in dup.reason and dup.duplicate_of.name == "jishu-2023.html"
    assert result.missing == [A.MISSING]


def test_json_documents_follow_the_contract(result):
    out = json.loads(json.dumps(result.as_dict(), ensure_ascii=False))
    assert set(out) == {"documents", "missing"}
    keys = {"file", "agency", "year", "kind", "read", "reason", "published_on", "prior", "findings"}
    for d in out["documents"]:
        assert set(d) == keys
        assert d["read"] is (d["reason"] is None)
    zoucheng = next(d for d in out["documents"] if d["file"].endswith("zoucheng-sthj-2022.html"))
    assert zoucheng["published_on"] == "2023-01-16" and zoucheng["kind"] == "html" and zoucheng["year"] == 2022
    g6 = next(f for f in zoucheng["findings"] if f["rule"] == "G6")
    assert g6["severity"] == "confirm" and g6["quote"] and g6["section"] and len(g6["span"]) == 2


def test_prior_dir_adds_the_cross_year_rules(folder, tmp_path):
    root, _ = folder
    this_year = root / "各单位 2023" / "行政审批服务局 2023.docx"
    alone = run_audit([this_year], workers=1)
    assert "T3-5" not in _rules(alone.units[0], Severity.CONFIRM)
    with_prior = run_audit([this_year], prior_dir=root, workers=1)  # last year's PDF is in that folder
    assert "T3-5" in _rules(with_prior.units[0], Severity.CONFIRM)
    assert with_prior.units[0].prior.path.name == "行政审批服务局 2022.pdf"
    assert [d.path for d in with_prior.documents] == [this_year]  # the prior folder's files are not audited


def test_worker_processes_give_the_same_result(folder, result, monkeypatch):
    monkeypatch.setattr(audit_mod, "PROCESS_THRESHOLD", 2)
    root, expected = folder
    seen: list[tuple[int, int]] = []
    parallel = run_audit([root], expected=read_expected(expected), workers=2,
                         progress=lambda done, n, name: seen.append((done, n)))
    assert parallel.as_dict() == result.as_dict()
    assert seen[-1] == (7, 7) and len(seen) >= 6  # progress per document


def test_cancel_stops_the_run(folder, monkeypatch):
    monkeypatch.setattr(audit_mod, "PROCESS_THRESHOLD", 2)
    root, _ = folder
    for workers in (1, 2):
        done: list[int] = []
        out = run_audit([root], workers=workers, progress=lambda d, n, name, seen=done: seen.append(d),
                        cancelled=lambda seen=done: len(seen) > 2)
        assert out.cancelled and max(done) < 7


def test_key_figures_and_days_late():
    report = load(A.SAMPLE)
    report.meta["published_on"] = "2023-02-10"  # a department: due 31 January
    doc = AuditDocument(Path("x.json"), "report", report)
    prior = load(A.SAMPLE)
    prior.set_value(T.t3_code("new", "natural"), (prior.values[T.t3_code("new", "natural")] or 0) + 2)  # its totals follow
    doc.prior = AuditDocument(Path("p.json"), "report", prior)
    kf = key_figures(doc)
    fig = report.figures()
    opened = fig[T.t3_code("open", "total")] + fig[T.t3_code("partial", "total")]
    assert kf.open_rate == pytest.approx(opened / fig[T.t3_code("total", "total")])
    assert kf.carry_rate == pytest.approx(fig[T.t3_code("carried_out", "total")]
                                          / (fig[T.t3_code("new", "total")] + fig[T.t3_code("carried_in", "total")]))
    assert kf.new_before == fig[T.t3_code("new", "total")] + 2
    assert kf.new_change == pytest.approx(-2 / (fig[T.t3_code("new", "total")] + 2))
    assert kf.days_late == 10 and kf.due == "2023-01-31"


def test_places_are_in_words(result):
    unit = _unit(result, "邹城市生态环境局")
    g6 = next(f for f in unit.findings if f.rule == "G6")
    assert place_of(g6, unit.report) == "表三“一、本年新收政府信息公开申请数量”行“总计”列"
    blanks = next(f for f in unit.findings if f.rule == "T4-4")
    assert place_of(blanks, unit.report).startswith("表四“")
    assert unit_key(" 邹城市 生态环境局\u3000") == "邹城市生态环境局"
