"""A rule never stops the program (issue 17 point 6): a check that fails on some input becomes an `info`
finding naming the rule, and `check`, the wizard's evaluation and 汇总 go on with every other rule."""

from __future__ import annotations

import dataclasses
import json

import pytest
from support import full_report

import main
from model.checks import rules as R
from model.checks.rules import Severity, Stage, evaluate, evaluate_stages
from model.checks.text_figures import g6_findings
from model.report.report import Report
from model.report.storage import save


def _broken(ctx: R.Context):  # a check with a defect: it fails on every report
    raise ZeroDivisionError("injected")


def _partly_broken(ctx: R.Context):  # a check that finds something, then fails
    yield R.Hit(("t3.new.natural",), {"detail": "之前找到的一项"})
    raise IndexError("injected")


@pytest.fixture
def failing_s2_1(monkeypatch: pytest.MonkeyPatch) -> R.Rule:
    rule = dataclasses.replace(R.RULES_BY_ID["S2-1"], check=_broken)
    monkeypatch.setattr(R, "RULES", tuple(rule if r.id == "S2-1" else r for r in R.RULES))
    return rule


def _failed(findings: list[R.Finding]) -> list[R.Finding]:
    return [f for f in findings if f.variant == R.FAILED]


def test_a_failing_rule_is_an_info_finding_and_the_others_still_run(failing_s2_1: R.Rule):
    report = full_report()
    report.values["t3.new.natural"] += 1  # T3-1 breaks: the rules after the failing one still judge
    found = evaluate(report)
    failed = _failed(found)
    assert [(f.rule, f.severity) for f in failed] == [("S2-1", Severity.INFO)]
    assert failed[0].title == "本项检查未能完成"
    # the rule in words, with the format's labels filled in; its id in the record
    assert failing_s2_1.summary_in(report.template) in failed[0].message
    assert "现行有效件数不小于本年制发件数减本年废止件数" in failed[0].message
    assert "T3-1" in [f.rule for f in found]


def test_the_wizards_evaluation_goes_on(failing_s2_1: R.Rule):
    editing, handin = evaluate_stages(full_report())
    assert [f.rule for f in _failed(editing)] == ["S2-1"]
    assert [f.rule for f in _failed(handin)] == ["S2-1"]


def test_hits_found_before_the_failure_are_kept(monkeypatch: pytest.MonkeyPatch):
    rule = dataclasses.replace(R.RULES_BY_ID["G6"], check=_partly_broken)
    monkeypatch.setattr(R, "RULES", tuple(rule if r.id == "G6" else r for r in R.RULES))
    g6 = [f for f in evaluate(full_report()) if f.rule == "G6"]
    assert sorted(f.variant for f in g6) == ["", R.FAILED]
    assert next(f for f in g6 if not f.variant).message == "之前找到的一项"


def test_check_goes_on_and_prints_the_info(failing_s2_1: R.Rule, tmp_path, capsys):
    path = tmp_path / "报告 一.json"
    save(full_report(), path)
    code = main.main(["check", str(path), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0  # an info finding does not make a report a draft
    failed = [f for f in out if f["rule"] == "S2-1"]
    assert [f["severity"] for f in failed] == ["info"]
    assert "未能完成" in failed[0]["message"]


def test_aggregate_goes_on(failing_s2_1: R.Rule, tmp_path):
    from model.many_reports.aggregate import aggregate

    for name in ("甲局", "乙局"):
        report = full_report()
        report.meta["agency"] = name
        save(report, tmp_path / f"{name}.json")
    result = aggregate([tmp_path], agency="某某县人民政府")
    assert len(result.counted) == 2
    assert [f.rule for f in _failed(result.sum_findings())] == ["S2-1"]
    assert all([f.rule for f in _failed(m.findings)] == ["S2-1"] for m in result.members)


# ---------------------------------------------------------------------------------------------------
# The crash of issue 17: a figure of an applicant in a sentence that names no application row of its own

#: In the style of the county report that crashed `check`: the split by applicant in sentences of their own.
SPLIT_SENTENCES = ("2022年，本县共收到政府信息公开申请10件。其中自然人申请8件。法人或其他组织申请2件。"
                   "申请人主要关注征地拆迁等方面的信息。其中自然人申请8件。")


def _split_report(natural: int, legal: int) -> Report:
    report = full_report()
    report.meta["year"] = 2022
    for col in ("natural", "business", "research", "nonprofit", "legal", "other"):
        for row in ("new", "carried_in", "open", "carried_out"):
            report.values[f"t3.{row}.{col}"] = 0
    for row in report.values:
        if row.startswith("t3."):
            report.values[row] = 0
    report.values["t3.new.natural"] = report.values["t3.open.natural"] = natural
    report.values["t3.new.business"] = report.values["t3.open.business"] = legal
    report.sections["s1"] = SPLIT_SENTENCES
    return report


def test_split_in_sentences_of_their_own_is_read_not_a_crash():
    assert g6_findings(_split_report(8, 2)) == []  # before: IndexError in _judge (claim.readings[0])
    wrong = g6_findings(_split_report(8, 3))  # 法人或其他组织 3 in the table, the text says 2
    # the sum of the split (11) is not the 10 received, and the 法人或其他组织 part is not 3
    assert sorted((f.cells[0], f.stated) for f in wrong) == [("t3.new.business", 2), ("t3.new.total", 10)]
    assert all(f.rule != "G6" or f.variant != R.FAILED for f in evaluate(_split_report(8, 2), stage=Stage.HANDIN))
