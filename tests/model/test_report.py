"""model.report.report: the decisions the report makes once for every consumer."""

from __future__ import annotations

from support import full_report


def test_last_years_figure_is_what_last_year_printed():
    """上年度 means the printed table, stated totals included, for the rules and the editor alike."""
    prior = full_report()
    computed = prior.computed()["t3.carried_out.total"]
    prior.stated["t3.carried_out.total"] = computed + 5  # last year's published table said otherwise
    assert prior.as_last_year()["t3.carried_out.total"] == computed + 5
    assert prior.figures()["t3.carried_out.total"] == computed  # what this year's outputs of it show
