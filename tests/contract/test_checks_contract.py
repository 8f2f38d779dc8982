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


def _relabelled():  # type: ignore[no-untyped-def]
    """A copy of the 2021 format whose labels the rules name are worded differently."""
    import dataclasses

    from model.template import t2021

    blocks = tuple(dataclasses.replace(b, headers=tuple(
        (code, "现行有效的件数（测试）" if code == "in_force" else label) for code, label in b.headers))
        for b in t2021.T2_BLOCKS)
    t3 = dataclasses.replace(t2021.T3, tail_row=(t2021.T3.tail_row[0], "四、转入下一年度办理（测试）"))
    sections = tuple(dataclasses.replace(s, heading="五、问题与改进（测试）") if s.key == "s5" else s
                     for s in t2021.SECTIONS)
    template = t2021.build(template_id="2021-test-relabelled", t2_blocks=blocks, t3=t3)
    return dataclasses.replace(template, sections=sections)


def test_the_rules_name_the_labels_of_the_reports_format():
    """A rule's message, title and summary take the labels it names from the report's format: renamed
    there, they are renamed in every finding (they were written in the rules, and kept the 2021 words)."""
    from model.checks.rules import RULES_BY_ID
    from model.report.report import new_report

    template = _relabelled()
    assert template.rule_words["in_force_col"] == "现行有效的件数（测试）"  # the copy is what the test thinks
    report = new_report(template)
    for code in template.input_codes:
        report.values[code] = 0
    report.values["t2.normative.issued"] = 5  # 现行有效 0 < 5 − 0: S2-1
    report.values["t3.carried_out.natural"] = 2  # more than 本年新收 (0): S3-1; T3-1 is off by 2 too
    report.values["t4.review.corrected"] = 1  # a 结果纠正 not mentioned in section 五: S4-1
    report.values["t4.review.total"] = 1
    found = {f.rule: f for f in evaluate(report, stage=Stage.HANDIN)}
    s2_1, s3_1, s4_1 = found["S2-1"], found["S3-1"], found["S4-1"]
    assert "现行有效的件数（测试）（0）小于" in s2_1.message and "现行有效件数" not in s2_1.message
    assert s2_1.title == "现行有效的件数（测试）偏少"
    assert "转入下一年度办理（测试）数（2）" in s3_1.message and "结转下年度" not in s3_1.message
    assert "第五部分“问题与改进（测试）”" in s4_1.message
    assert RULES_BY_ID["S2-1"].summary_in(template) == "现行有效的件数（测试）不小于本年制发件数减本年废止件数"
    explained = new_report(template)
    explained.explanations["S2-2@t2.normative.in_force"] = "口径调整。"
    assert explanation_lines(explained) == ["关于现行有效的件数（测试）与上年不衔接，表二“行政规范性文件”行“现行有效的件数（测试）”列：口径调整。"]
