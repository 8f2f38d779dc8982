"""Issue 15, point 16: the wizard's findings while editing and as at hand-in come from one pass."""

from __future__ import annotations

import pytest
from support import full_report

from model.checks.rules import Rule, Stage, evaluate, evaluate_stages
from model.report.report import new_report
from model.template.t2021 import TEMPLATE as T


def _half_filled(report):
    for code in T.table("t3").input_codes[::3]:
        report.set_value(code, None)
    report.set_value(T.t3_code("new", "natural"), 40)  # the text's 2 applications are exceeded already (G6 progress)
    return report


@pytest.mark.parametrize("make", [
    lambda s: s, lambda s: new_report(), lambda s: _half_filled(s), lambda s: full_report(),
], ids=["sample", "new", "half-filled", "full"])
def test_one_pass_gives_what_two_evaluations_give(sample_report, make):
    report = make(sample_report)
    for prior in (None, sample_report.copy()):
        assert evaluate_stages(report, prior) == (evaluate(report, prior, Stage.EDITING),
                                                  evaluate(report, prior, Stage.HANDIN))


def test_a_check_that_does_not_ask_the_stage_runs_once(sample_report, monkeypatch):
    """The text checks (G6 parses every sentence) run once for both stages; the blanks' check twice."""
    calls: dict[str, int] = {}
    import model.checks.rules as R

    def counting(rule: Rule) -> Rule:
        def check(ctx):
            calls[rule.id] = calls.get(rule.id, 0) + 1
            return rule.check(ctx)
        return Rule(rule.id, rule.severity, rule.summary, rule.messages, check, rule.needs_prior)

    monkeypatch.setattr(R, "RULES", tuple(counting(r) for r in R.RULES))
    sample_report.set_value(T.t3_code("open", "natural"), None)
    evaluate_stages(sample_report)
    assert calls["G6"] == 1 and calls["G5"] == 1
    assert calls["T3-4"] == 2  # blanks are progress while editing, errors at hand-in


def test_skipped_rules_are_left_out(sample_report):
    sample_report.sections["s1"] = sample_report.sections["s1"].replace("收到 2 条", "收到 3 条")
    editing, handin = evaluate_stages(sample_report, skip=frozenset({"G6"}))
    assert not [f for f in editing + handin if f.rule == "G6"]
    assert [f.rule for f in evaluate_stages(sample_report)[0]] == ["G6"]
