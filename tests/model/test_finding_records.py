"""Findings are records (issue 18 point 4): rule, variant, parameters, severity, location; the Chinese
message and title are made from the record in one place (the rules' message table)."""

from __future__ import annotations

import dataclasses

import pytest
from support import full_report

from model.checks import rules as R
from model.checks.rules import Finding, Stage, evaluate
from model.report.report import new_report

_JSON_KEYS = {"rule", "severity", "cells", "message", "section", "span", "quote", "field", "explanation"}


def _broken_report():
    report = full_report()
    report.values["t2.normative.in_force"] = 2  # S2-1
    report.values["t3.new.natural"] += 1  # T3-1
    report.stated["t3.total.legal"] = 99  # T3-3
    del report.values["t4.review.upheld"]  # T4-4
    report.sections["s1"] = report.sections["s1"] + "\n本年度共收到政府信息公开申请999件。"  # G6
    report.sections["s6"] = "无。"  # G5
    return report


def test_every_finding_is_made_again_from_its_record():
    found = evaluate(_broken_report(), stage=Stage.HANDIN)
    assert {f.rule for f in found} >= {"S2-1", "T3-1", "T3-3", "T4-4", "G6", "G5"}
    for f in found:
        record = Finding(f.rule, f.severity, f.cells, variant=f.variant, location=f.location, params=f.params)
        assert (record.message, record.title) == (f.message, f.title), f.rule
        assert record.section == f.section


def test_a_record_of_progress_is_rendered_as_progress():
    (f,) = [f for f in evaluate(new_report(), stage=Stage.EDITING) if f.rule == "T3-4"]
    assert (f.variant, f.params["filled"], f.params["blank"]) == ("progress", 0, f.params["n"])
    assert f.message == R.message_of("T3-4", "progress", f.params)


def test_json_output_keeps_its_keys():
    for f in evaluate(_broken_report(), stage=Stage.HANDIN):
        out = f.as_dict()
        assert set(out) <= _JSON_KEYS and "params" not in out
        assert out["message"] == f.message


def test_g6_record_carries_the_figures():
    (f,) = [f for f in evaluate(_broken_report(), stage=Stage.HANDIN) if f.rule == "G6"]
    assert (f.params["stated"], f.params["said"]) == (999, "共收到政府信息公开申请999件")
    assert f.params["table"] != 999


def test_a_failed_t4_rule_names_its_group_in_the_reports_format(monkeypatch: pytest.MonkeyPatch):
    def broken(ctx: R.Context):
        raise RuntimeError("defect")
        yield

    rule = dataclasses.replace(R.RULES_BY_ID["T4-2"], check=broken)
    monkeypatch.setattr(R, "RULES", tuple(rule if r.id == "T4-2" else r for r in R.RULES))
    (f,) = [f for f in evaluate(full_report()) if f.rule == "T4-2"]
    label = full_report().template.t4.groups[1][1]
    assert f.variant == R.FAILED and f.params == {"summary": f"表四“{label}”总计等于各项结果之和"}
    assert label in f.message


def test_a_finding_with_its_own_text_keeps_it():
    f = Finding("G3", R.Severity.ERROR, (), "年度不一致")
    assert (f.message, f.title) == ("年度不一致", "")
