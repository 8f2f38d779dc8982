"""The rules, G6 and the report helpers reach every row of the report's format (issue 18 point 2).

`deny_report()` is in a copy of the 2021 format with one more 不予公开 reason: 3 are 不予公开, 2 of them
under the new row. A consumer that still spells the 2021 rows (or reads a global format) sees 1, or fails
on the new cells. Checked against the code before issue 18's checks part (commit 12f3d17): every test
here fails there (G6 flagged "不予公开3件" with 表三“（三）不予公开”各项总计为1件, and stayed silent on
"不予公开1件"; the rules failed on the new cells with KeyError, each turned into a 本项检查未能完成 finding).
"""

from __future__ import annotations

import json

from extended_template import EXTENDED, EXTRA_LABEL, EXTRA_ROW, deny_report, registered

from model.checks.rules import FAILED, Stage, evaluate
from model.checks.text_figures import g6_findings
from model.report.json_place import describe_place
from model.report.next_year import next_year_report
from model.report.printed import explanation_lines
from model.report.storage import dumps

NEW_NATURAL = f"t3.{EXTRA_ROW}.natural"


def _findings(report, rule: str | None = None):
    found = evaluate(report, stage=Stage.HANDIN)
    assert not [f for f in found if f.variant == FAILED], [f.message for f in found if f.variant == FAILED]
    return [f for f in found if rule is None or f.rule == rule]


def test_g6_reads_the_new_row_as_part_of_buhe_gongkai():
    report = deny_report()
    assert g6_findings(report) == []
    assert _findings(report, "G6") == []


def test_g6_flags_a_figure_that_leaves_out_the_new_row():
    report = deny_report()
    report.sections["s1"] = "本年度共收到政府信息公开申请3件，其中不予公开1件。"
    (found,) = g6_findings(report)
    assert (found.stated, found.table) == (1, 3)
    assert f"t3.{EXTRA_ROW}.total" in found.cells
    (finding,) = _findings(report, "G6")
    assert finding.params["stated"] == 1 and finding.params["table"] == 3


def test_the_column_total_sums_the_new_row():
    report = deny_report()
    assert [f.rule for f in _findings(report) if f.rule.startswith("T3")] == []
    report.stated["t3.total.natural"] = 1  # a printed total that leaves the new row out
    (finding,) = _findings(report, "T3-3")
    assert NEW_NATURAL in finding.cells
    assert (finding.params["stated"], finding.params["sum"]) == ("1", "3")


def test_the_row_total_of_the_new_row_is_checked():
    report = deny_report()
    report.stated[f"t3.{EXTRA_ROW}.total"] = 5  # printed 5, its applicants add up to 2
    found = _findings(report, "T3-2")
    assert [f.cells[0] for f in found] == [f"t3.{EXTRA_ROW}.total"]
    assert EXTRA_LABEL in found[0].message


def test_a_blank_cell_of_the_new_row_is_named():
    report = deny_report()
    del report.values[f"t3.{EXTRA_ROW}.research"]
    (finding,) = _findings(report, "T3-4")
    assert (finding.variant, finding.cells, finding.params["n"]) == ("blank", (f"t3.{EXTRA_ROW}.research",), 1)
    assert finding.section == "s3"


def test_next_years_report_is_in_last_years_format():
    prior = deny_report()
    prior.values[f"t3.{EXTRA_ROW}.natural"] = 0
    prior.values["t3.carried_out.natural"] = 2
    report = next_year_report(prior)
    assert report.template is EXTENDED
    assert report.values["t3.carried_in.natural"] == 2
    assert EXTENDED.format_doc in report.sections["preamble"]


def test_an_explanation_of_a_new_cell_names_it():
    report = deny_report()
    report.explanations[f"T3-2@t3.{EXTRA_ROW}.total"] = "按原始登记填写。"
    (line,) = explanation_lines(report)
    assert EXTRA_LABEL in line


def test_a_json_error_in_a_new_cell_is_named_by_the_files_format():
    text = dumps(deny_report())
    pos = text.index(f'"t3.{EXTRA_ROW}.natural"') + len(f'"t3.{EXTRA_ROW}.natural": ')
    broken = text[:pos] + "x" + text[pos + 1:]
    try:
        json.loads(broken)
    except json.JSONDecodeError as exc:
        with registered():
            place = describe_place(broken, exc.pos)
    assert EXTRA_LABEL in place
