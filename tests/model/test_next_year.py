"""Next year's report from last year's: what carries over, and nothing else."""

from __future__ import annotations

import pytest
from support import full_report

from model.checks.rules import Severity, Stage, evaluate
from model.report.next_year import NextYearError, next_year_report
from model.template.t2021 import TEMPLATE as T


def test_carries_basic_information_year_and_carried_over_exactly():
    prior = full_report()
    prior.meta = {"agency": "某县某局", "agency_kind": "department", "year": 2024, "phone": "0537-1",
                  "published_on": "2025-01-20", "title": "某县某局2024年政府信息公开工作年度报告"}
    report = next_year_report(prior)
    assert report.meta == {"agency": "某县某局", "agency_kind": "department", "year": 2025, "phone": "0537-1"}
    figures = prior.figures()
    for col in T.t3.input_cols:
        assert report.values[T.t3_code("carried_in", col)] == figures[T.t3_code("carried_out", col)]
    assert set(report.values) == {T.t3_code("carried_in", c) for c in T.t3.input_cols}
    assert report.computed()[T.t3_code("carried_in", "total")] == figures[T.t3_code("carried_out", "total")]
    assert "2025年1月1日" in report.sections["preamble"] and not report.sections["s1"]
    assert not report.explanations and not report.stated
    # a fresh start: no error while filling in
    assert not [f for f in evaluate(report, stage=Stage.EDITING) if f.severity is Severity.ERROR]


def test_blank_carried_out_stays_blank():
    prior = full_report()
    prior.meta["year"] = 2023
    del prior.values[T.t3_code("carried_out", "legal")]
    report = next_year_report(prior)
    assert T.t3_code("carried_in", "legal") not in report.values


def test_prior_without_year_is_refused():
    prior = full_report()
    del prior.meta["year"]
    with pytest.raises(NextYearError, match="没有填写报告年度"):
        next_year_report(prior)


def test_texts_start_from_last_years_only_when_asked():
    """Issue 15 point 9: an option, off by default; the tables still start not filled."""
    prior = full_report()
    prior.meta["year"] = 2023
    plain = next_year_report(prior)
    assert all(not plain.text(k) for k in ("s1", "s5", "s6"))
    report = next_year_report(prior, texts=True)
    for key in ("s1", "s5", "s6"):
        assert report.text(key) == prior.text(key) and report.text(key)
    assert "2024" in report.text("preamble")  # generated for the new year, not copied
    assert set(report.values) == set(plain.values)
    # the note names G7 (tests/test_cli_new.py shows G7 flagging the sample's copied texts)
    from model.checks.rules import title_of
    from model.report.next_year import texts_note

    assert title_of("G7", "") in texts_note()
