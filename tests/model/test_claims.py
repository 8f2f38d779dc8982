"""Issue 15 point 3: a stated total that differs from its sum is a claim, kept until settled.

Before, `Report.set_value` dropped every stated total that depended on the edited cell, so an imported
or pasted claim vanished (with its finding) as soon as any part was touched.
"""

from __future__ import annotations

from support import full_report

from model.checks.rules import evaluate
from model.report.report import Report


def _t3_2(report: Report) -> list[str]:
    return [f.message for f in evaluate(report) if f.rule == "T3-2"]


def test_a_claim_survives_an_edit_of_a_part():
    report = full_report()
    report.stated["t3.open.total"] = 99  # the row adds up to 11, as printed in a published report
    report.set_value("t3.open.natural", 6)  # a part corrected, the row now adds up to 12
    assert report.claims() == {"t3.open.total": 99}
    (message,) = _t3_2(report)
    assert "（99）" in message and "（12）" in message


def test_a_claim_goes_when_the_parts_reach_it():
    report = full_report()
    report.stated["t3.open.total"] = 12  # one more than the row's 11
    report.set_value("t3.open.natural", 6)  # 5 → 6: the parts now add up to the printed 12
    assert report.claims() == {} and "t3.open.total" not in report.stated
    assert _t3_2(report) == []
    report.set_value("t3.open.natural", 5)  # it does not come back: it was settled
    assert report.claims() == {}


def test_the_programs_own_totals_follow_the_parts():
    """A file writes every total; those equal to their sum are the program's figures, not claims."""
    report = full_report()
    report.stated.update(report.computed())
    report.set_value("t3.open.natural", 6)
    assert report.claims() == {}
    assert _t3_2(report) == []


def test_accepting_the_sum_and_stating_a_total():
    report = full_report()
    report.set_values({"t3.open.total": 30})  # a pasted total
    assert report.claims() == {"t3.open.total": 30}
    report.set_values({"t3.open.total": 11})  # stated as the sum: nothing to keep
    assert "t3.open.total" not in report.stated
    report.set_values({"t3.open.total": 30})
    report.set_values({"t3.open.total": None})  # 采用各项之和
    assert report.claims() == {} and _t3_2(report) == []
