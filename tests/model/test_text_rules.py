"""Issue 9: what each section must say (G5, S3-2, S4-1), the deadline (G4), last year's report (G7)."""

from __future__ import annotations

import pytest
from support import full_report

from model.checks.rules import Severity, evaluate
from model.template.t2021 import TEMPLATE as T


def _found(report, rule, prior=None, **kw):
    return [f for f in evaluate(report, prior, **kw) if f.rule == rule]


# -- G4: published on time ------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "published", "late"), [
    ("department", "2023-01-31", False),
    ("department", "2023-02-01", True),
    ("government", "2023-03-31", False),
    ("government", "2023-04-02", True),
])
def test_g4_deadline_by_kind(kind, published, late):
    report = full_report()
    report.meta.update(agency_kind=kind, year=2022, published_on=published)
    found = _found(report, "G4")
    assert bool(found) is late
    if late:
        (f,) = found
        assert f.severity is Severity.WARNING and f.location.field == "published_on"
        assert "晚于规定的发布期限" in f.message


def test_g4_deadline_is_a_setting():
    report = full_report()
    report.meta.update(agency_kind="department", year=2022, published_on="2023-02-15")
    assert _found(report, "G4")
    assert not _found(report, "G4", deadlines={"department": (2, 28), "government": (3, 31)})


# -- G5, S3-2: the fee statement of section 六 -----------------------------------------------------


def test_g5_section_six_without_fee_statement(sample_report):
    assert not _found(sample_report, "G5")
    sample_report.sections["s6"] = "（二）本行政机关落实上级年度政务公开工作要点情况\n已落实。"
    (f,) = _found(sample_report, "G5")
    assert f.severity is Severity.CONFIRM and f.location.section == "s6"


def test_s3_2_fee_notice_denied_or_silent():
    report = full_report()
    report.values["t3.other_2.natural"] = 1
    report.values["t3.carried_out.natural"] -= 1  # keep the 勾稽关系
    report.sections["s6"] = "（一）政府信息公开申请收费情况\n本年度未收取信息处理费。"
    (f,) = _found(report, "S3-2")
    assert f.variant == "denied" and f.cells == ("t3.other_2.total",)
    assert f.location.quote == "本年度未收取信息处理费。"
    assert report.sections["s6"][slice(*f.location.span)] in f.location.quote
    report.sections["s6"] = "（二）工作要点落实情况\n已落实。"
    (f,) = _found(report, "S3-2")
    assert f.variant == "silent"
    report.sections["s6"] = "（一）政府信息公开申请收费情况\n本年度向 1 名申请人发出收费通知，申请人逾期未缴纳，依法不再处理。"
    assert not _found(report, "S3-2")


# -- S4-1: 结果纠正 and section 五 --------------------------------------------------------------------


def test_s4_1_corrected_without_a_word_in_section_five():
    report = full_report()
    report.values["t4.review.corrected"] = 1
    report.sections["s5"] = "（一）存在的主要问题\n公开质量有待提高。\n（二）改进措施\n加强培训。"
    (f,) = _found(report, "S4-1")
    assert f.severity is Severity.WARNING and f.cells == ("t4.review.corrected",) and f.location.section == "s5"
    report.sections["s5"] += "\n针对行政复议被纠正的 1 件案件，已逐条整改。"
    assert not _found(report, "S4-1")


# -- G7: 内容雷同 -------------------------------------------------------------------------------------


def _next_year(report):
    new = report.copy()
    new.meta = dict(report.meta, year=report.meta["year"] + 1)
    return new


def test_g7_copied_section_names_the_paragraphs(sample_report):
    now = _next_year(sample_report)
    now.sections["s1"] = now.sections["s1"].replace("2022", "2023").replace("657", "702")
    found = _found(now, "G7", prior=sample_report)
    s1 = [f for f in found if f.location.section == "s1"]
    assert len(s1) == 1 and s1[0].severity is Severity.WARNING
    assert "一、总体情况" in s1[0].message and "%" in s1[0].message and "第 1、" in s1[0].message
    start, end = s1[0].location.span
    assert now.sections["s1"][start:end] in s1[0].location.quote or s1[0].location.quote in now.sections["s1"]


def test_g7_rewritten_sections_and_changed_tables_are_quiet(sample_report):
    now = _next_year(sample_report)
    for key in ("s1", "s5", "s6"):
        now.sections[key] = "今年重新撰写的内容，" + "围绕新的重点任务推进政务公开标准化规范化建设，" * 3 + key
    now.values["t2.license.decisions"] = 24001
    assert not _found(now, "G7", prior=sample_report)


def test_g7_tables_identical_to_last_year():
    prior = full_report()
    now = _next_year(prior)
    for key in ("s1", "s5", "s6"):
        now.sections[key] = f"全新撰写的{key}部分，内容与上年完全不同，" * 2
    (f,) = _found(now, "G7", prior=prior)
    assert f.variant == "tables" and "完全相同" in f.message and len(f.cells) >= 3
    now.values[T.t3_code("new", "natural")] += 1
    now.values[T.t3_code("open", "natural")] += 1
    assert not _found(now, "G7", prior=prior)


def test_an_explanation_belongs_to_its_sentence(sample_report):
    """Two sentences about one cell are two findings; explaining one leaves the other to explain."""
    from model.checks.verdict import judge

    s1 = sample_report.sections["s1"].replace("我局收到 2 条政府信息公开申请", "我局收到 3 条政府信息公开申请")
    sample_report.sections["s1"] = s1 + "\n全年共收到政府信息公开申请5件。"
    first, second = [f for f in evaluate(sample_report) if f.rule == "G6"]
    assert first.key != second.key and first.cells[0] == second.cells[0]
    sample_report.explanations[first.key] = "3 件中有 1 件为重复申请，表中按 2 件统计。"
    verdict, findings = judge(sample_report)
    explained = [bool(f.explanation) for f in findings if f.rule == "G6"]
    assert explained == [True, False] and verdict.unexplained == 1


# -- G6 while the table is half filled (issue 15, point 5) -----------------------------------------


def test_g6_text_figure_the_running_total_already_exceeds_is_progress_then_to_explain(sample_report):
    """“收到3件” while 新收 already adds up to 14: certain at once, shown as 待填 naming both figures, and 需说明
    once the rows it may mean (新收, 上年结转) are filled."""
    from model.checks.rules import Stage

    s1 = sample_report.sections["s1"]
    sample_report.sections["s1"] = s1.replace("我局收到 2 条政府信息公开申请", "我局收到 3 条政府信息公开申请")
    for code in T.table("t3").input_codes:
        sample_report.set_value(code, None)
    sample_report.set_value(T.t3_code("new", "natural"), 14)
    (f,) = _found(sample_report, "G6", stage=Stage.EDITING)
    assert f.severity is Severity.TODO
    assert "收到 3 条" in f.message and "已达14件" in f.message and "尚未填完" in f.message
    assert f.cells[0] == "t3.new.total" and "收到 3 条" in f.location.quote
    sample_report.set_value(T.t3_code("new", "natural"), 3)  # what is filled may still come to agree: silent
    assert not _found(sample_report, "G6", stage=Stage.EDITING)
    for col in T.t3.input_cols:
        sample_report.set_value(T.t3_code("new", col), 14 if col == "natural" else 0)
        sample_report.set_value(T.t3_code("carried_in", col), 0)
    (f,) = _found(sample_report, "G6", stage=Stage.EDITING)
    assert f.severity is Severity.CONFIRM and "为14件" in f.message and "尚未填完" not in f.message
