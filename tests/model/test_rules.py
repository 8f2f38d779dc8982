"""model.checks.rules: every rule breaks on a report made to break it and stays silent on a consistent one."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support import FULL_T3, full_report

from model.checks.rules import RULES, RULES_BY_ID, Severity, Stage, evaluate
from model.checks.verdict import judge, verdict_of
from model.report.report import Report, new_report
from model.template.t2021 import TEMPLATE as T

ALL_RULE_IDS = ["T2-1", "T2-2", "S2-1", "S2-2", "S2-3", "S2-4", "T3-1", "T3-2", "T3-3", "T3-4", "T3-5",
                "S3-1", "S3-2", "T4-1", "T4-2", "T4-3", "T4-4", "S4-1", "G1", "G3", "G4", "G5", "G6", "G7"]


def run(report: Report, prior: Report | None = None, rule: str | None = None):
    found = evaluate(report, prior)
    return [f for f in found if f.rule == rule] if rule else found


def rules_of(report: Report, prior: Report | None = None) -> list[str]:
    return [f.rule for f in evaluate(report, prior)]


def prior_report() -> Report:
    """Last year's report matching full_report(): no cross-year rule fires."""
    prior = full_report()
    prior.meta["year"] = 2021
    prior.values["t2.normative.in_force"] = 37  # 37 + 5 − 2 = 40
    prior.values["t2.fees.amount"] = Decimal("1")
    for col in T.t3.input_cols:
        prior.values[T.t3_code("carried_out", col)] = FULL_T3[col].get("carried_in", 0)
    return prior


# ---------------------------------------------------------------------------------------------------
# The rule table itself


def test_rule_ids_are_those_of_the_spec_in_order():
    assert [r.id for r in RULES] == ALL_RULE_IDS
    assert set(RULES_BY_ID) == set(ALL_RULE_IDS)


def test_rule_severities_as_spec():
    expected = {"S2-1": Severity.WARNING, "S2-2": Severity.CONFIRM, "S2-3": Severity.WARNING,
                "S2-4": Severity.WARNING, "T3-5": Severity.CONFIRM, "S3-1": Severity.WARNING,
                "S3-2": Severity.CONFIRM, "S4-1": Severity.WARNING, "G4": Severity.WARNING,
                "G5": Severity.CONFIRM, "G6": Severity.CONFIRM, "G7": Severity.WARNING}
    for rule in RULES:
        assert rule.severity is expected.get(rule.id, Severity.ERROR), rule.id
    assert [r.id for r in RULES if r.needs_prior] == ["S2-2", "T3-5", "G7"]


def test_full_report_and_sample_have_no_findings(sample_report):
    assert evaluate(full_report()) == []
    assert evaluate(full_report(), prior_report()) == []
    assert evaluate(sample_report) == []
    # the sample as its own last year's report: word for word the same text and tables (内容雷同)
    assert {f.rule for f in evaluate(sample_report, sample_report)} == {"G7"}


def test_new_report_blank_cells_one_finding_per_table():
    found = evaluate(new_report())
    by_rule = {}
    for f in found:
        by_rule.setdefault(f.rule, []).append(f)
    assert len(by_rule["T2-1"]) == 1 and len(by_rule["T3-4"]) == 1 and len(by_rule["T4-4"]) == 1
    t2, t3, t4 = by_rule["T2-1"][0], by_rule["T3-4"][0], by_rule["T4-4"][0]
    assert t2.cells == T.table("t2").input_codes and len(t2.cells) == 10
    assert t3.cells == T.table("t3").input_codes and len(t3.cells) == 144
    assert t4.cells == T.table("t4").input_codes and len(t4.cells) == 12
    assert "144 个单元格未填写" in t3.message
    assert "等 144 个单元格" in t3.message
    assert t3.message.startswith("表三")
    assert "表三“一、本年新收政府信息公开申请数量”行“自然人”列" in t3.message
    assert "10 个单元格未填写" in t2.message and "12 个单元格未填写" in t4.message
    assert all(f.severity is Severity.ERROR for f in (t2, t3, t4))
    # nothing else fires on the blank tables: no T3-1, no T2-2 …
    assert sorted(by_rule) == ["G1", "G3", "T2-1", "T3-4", "T4-4"]
    assert [f.message for f in by_rule["G1"]] == [
        "尚未填写机关名称。",
        "“一、总体情况”部分尚未填写内容。",
        "“五、存在的主要问题及改进情况”部分尚未填写内容。",
        "“六、其他需要报告的事项”部分尚未填写内容。",
    ]
    assert [f.message for f in by_rule["G3"]] == ["尚未填写报告年度。"]
    # each points at what to fill in: the meta field or the text section
    assert [(f.location.field, f.location.section) for f in by_rule["G1"]] == [
        ("agency", None), (None, "s1"), (None, "s5"), (None, "s6")]
    assert by_rule["G3"][0].location.field == "year"


def test_new_report_while_editing_shows_progress_not_errors():
    """Issue 8: a new report opens with no error, only what is left to do, one line per table."""
    found = evaluate(new_report(), stage=Stage.EDITING)
    assert {f.severity for f in found} == {Severity.TODO}
    todo = {f.rule: f for f in found if f.severity is Severity.TODO}
    assert sorted(todo) == ["G1", "G3", "T2-1", "T3-4", "T4-4"]
    assert todo["T3-4"].message.startswith("表三已填 0/144")
    assert not [f for f in found if f.rule in ("T2-1", "T3-4", "T4-4") and f.severity is not Severity.TODO]


def test_agency_missing_is_an_error_located_at_the_field(sample_report):
    sample_report.meta["agency"] = "  "
    (f,) = evaluate(sample_report)
    assert (f.rule, f.severity, f.location.field) == ("G1", Severity.ERROR, "agency")
    assert f.as_dict()["field"] == "agency"


# ---------------------------------------------------------------------------------------------------
# Table 二


def test_t2_1_blank_cell():
    report = full_report()
    del report.values["t2.penalty.decisions"]
    (f,) = run(report, rule="T2-1")
    assert f.severity is Severity.ERROR
    assert f.cells == ("t2.penalty.decisions",)
    assert "1 个单元格未填写：表二“行政处罚”行“本年处理决定数量”列。" in f.message
    assert "应填写 0" in f.message
    assert rules_of(report) == ["T2-1"]


def test_t2_1_zero_is_filled():
    report = full_report()
    report.values["t2.penalty.decisions"] = 0
    assert run(report, rule="T2-1") == []


@pytest.mark.parametrize(("code", "value", "message"), [
    ("t2.license.decisions", -5, "表二“行政许可”行“本年处理决定数量”列不能为负数（填写的是 -5）。"),
    ("t2.normative.issued", 2.5, "表二“行政规范性文件”行“本年制发件数”列是件数，应为整数，不能填写 2.5。"),
    ("t2.penalty.decisions", 10**9 + 7, "表二“行政处罚”行“本年处理决定数量”列的数值 1000000007 过大（超过 10 亿），请核对。"),
    ("t2.fees.amount", Decimal("0.1234567"), "表二“行政事业性收费”行“本年收费金额（单位：万元）”列以万元为单位，"
                                              "最多保留 6 位小数（0.000001 万元即 1 分），不能填写 0.1234567。"),
])
def test_t2_2_invalid_value(code, value, message):
    report = full_report()
    report.values[code] = value
    (f,) = run(report, rule="T2-2")
    assert (f.severity, f.cells, f.message) == (Severity.ERROR, (code,), message)
    assert run(report, rule="T2-1") == []


def test_t2_2_valid_values_do_not_fire():
    report = full_report()
    report.values["t2.fees.amount"] = Decimal("9999.9999")
    report.values["t2.license.decisions"] = 10**9
    assert run(report, rule="T2-2") == []


def test_s2_1_in_force_below_net_issued():
    report = full_report()
    report.values["t2.normative.in_force"] = 2
    (f,) = run(report, rule="S2-1")
    assert f.severity is Severity.WARNING
    assert f.cells == ("t2.normative.in_force", "t2.normative.issued", "t2.normative.repealed")
    # the record names the format's labels it speaks of (Template.rule_words), so its text can be made again
    labels = {"in_force_col": "现行有效件数", "issued_col": "本年制发件数", "repealed_col": "本年废止件数"}
    assert (f.variant, f.params) == ("", {**labels, "row": "行政规范性文件", "current": 2, "made": 5, "revoked": 2,
                                          "net": 3})
    assert f.message == "“行政规范性文件”现行有效件数（2）小于本年制发件数减本年废止件数（5－2＝3），请核对。"
    assert verdict_of(evaluate(report)).ready


def test_s2_1_boundary_and_blank_operand():
    report = full_report()
    report.values["t2.normative.in_force"] = 3  # == 5 − 2
    assert run(report, rule="S2-1") == []
    del report.values["t2.normative.in_force"]
    report.values["t2.normative.issued"] = 50
    assert run(report, rule="S2-1") == []  # blank operand: T2-1 reports it instead
    assert run(report, rule="T2-1")[0].cells == ("t2.normative.in_force",)


def test_s2_2_stock_does_not_carry_over():
    prior = prior_report()
    prior.values["t2.normative.in_force"] = 30
    (f,) = run(full_report(), prior, rule="S2-2")
    assert f.severity is Severity.CONFIRM
    assert f.cells == ("t2.normative.in_force", "t2.normative.issued", "t2.normative.repealed")
    labels = {"in_force_col": "现行有效件数", "issued_col": "本年制发件数", "repealed_col": "本年废止件数"}
    assert f.params == {**labels, "row": "行政规范性文件", "now": 40, "before": 30, "made": 5, "revoked": 2,
                        "expected": 33}
    assert f.message == ("“行政规范性文件”现行有效件数（40）不等于上年现行有效件数加本年制发件数减本年废止件数"
                         "（30＋5－2＝33），请说明原因。")
    assert f.title == "现行有效件数与上年不衔接"


def test_s2_2_quiet_when_consistent_or_without_prior():
    assert run(full_report(), prior_report(), rule="S2-2") == []
    prior = prior_report()
    prior.values["t2.normative.in_force"] = 30
    assert run(full_report(), rule="S2-2") == []  # needs last year's report
    del prior.values["t2.normative.in_force"]
    assert run(full_report(), prior, rule="S2-2") == []  # blank operand last year


def test_s2_3_yuan_typed_as_wan_yuan():
    report = full_report()
    report.values["t2.fees.amount"] = Decimal("12000")
    (f,) = run(report, rule="S2-3")
    assert (f.severity, f.cells) == (Severity.WARNING, ("t2.fees.amount",))
    assert f.message == ("行政事业性收费金额填写为 12000 万元（即 120000000 元），"
                         "是否误将以“元”为单位的金额填入了以“万元”为单位的单元格？")
    report.values["t2.fees.amount"] = Decimal("9999.9999")
    assert run(report, rule="S2-3") == []


def test_s2_3_hundredfold_of_last_year():
    prior = prior_report()
    prior.values["t2.fees.amount"] = Decimal("0.5")
    report = full_report()
    report.values["t2.fees.amount"] = Decimal("50")
    (f,) = run(report, prior, rule="S2-3")
    assert f.message == "行政事业性收费金额（50 万元）达到上年（0.5 万元）的 100 倍以上，是否误将“元”当作“万元”填写？"
    assert run(report, rule="S2-3") == []  # without last year's report there is nothing to compare
    report.values["t2.fees.amount"] = Decimal("49.9999")
    assert run(report, prior, rule="S2-3") == []


@pytest.mark.parametrize(("kind", "level", "fires"), [
    ("government", "county", True),
    ("government", "township", True),
    ("department", "provincial", True),  # 省直部门 make no 规章
    ("department", "county", True),
    ("government", "prefectural", False),
    ("government", "provincial", False),
    ("department", "national", False),
])
def test_s2_4_with_admin_level(kind, level, fires):
    report = full_report()
    report.meta.update(agency="某机关", agency_kind=kind, admin_level=level)
    report.values["t2.regulation.issued"] = 2
    report.values["t2.regulation.in_force"] = 2
    found = run(report, rule="S2-4")
    if fires:
        (f,) = found
        assert f.severity is Severity.WARNING
        assert f.cells == ("t2.regulation.issued", "t2.regulation.in_force")
        assert "本机关填写了规章件数" in f.message and "行政规范性文件" in f.message
    else:
        assert found == []


@pytest.mark.parametrize(("agency", "kind", "fires"), [
    ("金乡县行政审批服务局", "department", True),
    ("济宁市生态环境局", "department", True),
    ("山东省发展和改革委员会", "department", True),
    ("国家发展和改革委员会", "department", False),
    ("公安部", "department", False),
    ("某某县人民政府", "government", False),  # a government without level: unknown, no warning
])
def test_s2_4_without_admin_level_uses_the_name(agency, kind, fires):
    report = full_report()
    report.meta = {"agency": agency, "agency_kind": kind, "year": 2022}
    report.values["t2.regulation.repealed"] = 1
    report.values["t2.regulation.in_force"] = 3
    found = run(report, rule="S2-4")
    assert [f.cells for f in found] == ([("t2.regulation.repealed", "t2.regulation.in_force")] if fires else [])


def test_s2_4_national_department_with_market_in_name():
    report = full_report()
    report.meta = {"agency": "国家市场监督管理总局", "agency_kind": "department", "year": 2022}
    report.values["t2.regulation.issued"] = 5
    report.values["t2.regulation.in_force"] = 5
    assert run(report, rule="S2-4") == []


def test_s2_4_quiet_without_regulations():
    report = full_report()
    report.meta.update(agency_kind="government", admin_level="township")
    assert run(report, rule="S2-4") == []


# ---------------------------------------------------------------------------------------------------
# Table 三


def test_t3_1_column_balance_message():
    report = full_report()
    report.values["t3.open.natural"] = 4  # 11 + 1 = 12, but (4+2+1+2+1) + 1 = 11
    (f,) = run(report, rule="T3-1")
    assert f.severity is Severity.ERROR
    assert f.message == "第一项加第二项之和（12）不等于第三项加第四项之和（11），“自然人”列相差 1。"
    assert f.cells == ("t3.new.natural", "t3.carried_in.natural", "t3.total.natural", "t3.carried_out.natural")
    assert rules_of(report) == ["T3-1"]  # the 总计 column follows from it and is not reported again


def test_t3_1_two_columns_each_reported():
    report = full_report()
    report.values["t3.new.legal"] = 9  # 9 + 1 = 10 vs 2 + 1 = 3
    report.values["t3.carried_out.research"] = 0
    report.values["t3.carried_in.research"] = 4  # 1 + 4 = 5 vs 1 + 0 = 1
    found = run(report, rule="T3-1")
    assert [f.message for f in found] == [
        "第一项加第二项之和（5）不等于第三项加第四项之和（1），“科研机构”列相差 4。",
        "第一项加第二项之和（10）不等于第三项加第四项之和（3），“法律服务机构”列相差 7。",
    ]


def test_t3_1_total_column_with_stated_total():
    report = full_report()
    report.stated["t3.new.total"] = 22  # computed 21
    found = run(report, rule="T3-1")
    assert [f.message for f in found] == ["第一项加第二项之和（24）不等于第三项加第四项之和（23），“总计”列相差 1。"]
    assert found[0].cells == ("t3.new.total", "t3.carried_in.total", "t3.total.total", "t3.carried_out.total")


def test_t3_1_blank_operand_read_as_zero_at_handin():
    """Blank means nothing happened when judging: at hand-in the balance is judged with the blank as 0,
    and the finding says so; while editing the unfinished column is progress."""
    report = full_report()
    report.values["t3.open.natural"] = 4
    del report.values["t3.carried_out.natural"]
    (f,) = run(report, rule="T3-1")
    assert (f.severity, f.variant) == (Severity.ERROR, "blanks_as_zero")
    assert f.message == ("第一项加第二项之和（12）不等于第三项加第四项之和（10），“自然人”列相差 2"
                         "（本列有空白单元格，空白按 0 计）。")
    (blank,) = run(report, rule="T3-4")
    assert blank.cells == ("t3.carried_out.natural",)
    editing = [f for f in evaluate(report, stage=Stage.EDITING) if f.rule == "T3-1"]
    assert [(f.severity, f.variant) for f in editing] == [(Severity.TODO, "progress")]


def test_t3_1_blank_that_is_nothing_keeps_the_column_balanced():
    report = full_report()
    del report.values["t3.deny_2.natural"]  # 0 left blank: the column still balances
    assert run(report, rule="T3-1") == []
    assert [f.rule for f in run(report)] == ["T3-4"]


def test_merged_other_row_with_a_break_in_carried_out_is_reported():
    """其他处理 printed as one merged row (2 and 3 blank) with the printed (七)总计: an error in 结转 and a
    (七)总计 that is not its items are reported, not hidden behind the blanks (issue 17 point 2)."""
    report = full_report()
    computed = report.computed()
    for col in T.t3.input_cols:
        for row in ("other_2", "other_3"):
            del report.values[T.t3_code(row, col)]
        report.stated[T.t3_code("total", col)] = computed[T.t3_code("total", col)]  # printed, as the import keeps it
    report.values["t3.carried_out.natural"] = 3  # 12 received, 11 handled: 1 carried out is right
    report.stated["t3.total.other"] += 1  # a printed (七)总计 one more than its items
    t31 = run(report, rule="T3-1")
    # 自然人: 12 received, 11 handled, 3 carried out; 其他: its printed (七)总计 is one more than its items
    assert [(f.cells[0], f.variant) for f in t31] == [("t3.new.natural", "blanks_as_zero"), ("t3.new.other", "")]
    (t33,) = run(report, rule="T3-3")
    assert t33.cells[0] == "t3.total.other" and "空白按 0 计" in t33.message
    assert t33.message.startswith("表三“（七）总计”行“其他”列填写的合计数（4）与各项之和（3，空白按 0 计）不符")
    editing = [f for f in evaluate(report, stage=Stage.EDITING) if f.rule in ("T3-1", "T3-3")]
    # while editing the unfinished 自然人 column is progress; the printed claim of 其他 stays an error
    assert [(f.rule, f.cells[0], f.severity) for f in editing] == [
        ("T3-1", "t3.new.other", Severity.ERROR), ("T3-1", "t3.new.natural", Severity.TODO)]


def test_t3_2_stated_row_total():
    report = full_report()
    report.stated["t3.open.total"] = 99  # 5+2+1+0+1+2 = 11
    (f,) = run(report, rule="T3-2")
    assert f.severity is Severity.ERROR
    assert f.message == "表三“（一）予以公开”行“总计”列填写的合计数（99）与各项之和（11）不符，相差 88。"
    assert f.cells == ("t3.open.total",) + tuple(T.t3_code("open", c) for c in T.t3.input_cols)
    assert rules_of(report) == ["T3-2"]


def test_t3_2_stated_total_equal_or_blank_operand():
    report = full_report()
    report.stated["t3.open.total"] = 11
    report.stated["t3.new.total"] = 21
    assert evaluate(report) == []
    report.stated["t3.open.total"] = 99
    del report.values["t3.open.legal"]
    assert run(report, rule="T3-2") == []


def test_t3_3_stated_column_total_and_t3_1_uses_stated_figures():
    report = full_report()
    report.stated["t3.total.natural"] = 10  # the 21 result rows sum to 11
    (f,) = run(report, rule="T3-3")
    assert f.message == "表三“（七）总计”行“自然人”列填写的合计数（10）与各项之和（11）不符，相差 1。"
    assert f.cells == ("t3.total.natural",) + tuple(T.t3_code(r, "natural") for r in T.t3.result_rows)
    assert len(f.cells) == 22
    (balance,) = run(report, rule="T3-1")
    assert balance.message == "第一项加第二项之和（12）不等于第三项加第四项之和（11），“自然人”列相差 1。"
    assert run(report, rule="T3-2") == []


def test_t3_3_quiet_when_stated_equal():
    report = full_report()
    report.stated.update({f"t3.total.{c}": v for c, v in zip(T.t3.input_cols, [11, 3, 1, 0, 2, 3], strict=True)})
    report.stated["t3.total.total"] = 20
    assert evaluate(report) == []


def test_t3_4_invalid_value():
    report = full_report()
    report.values["t3.open.business"] = 1.5
    (f,) = run(report, rule="T3-4")
    assert (f.severity, f.cells) == (Severity.ERROR, ("t3.open.business",))
    assert f.message == "表三“（一）予以公开”行“商业企业”列是件数，应为整数，不能填写 1.5。"
    assert run(report, rule="T3-1") == []  # an invalid operand is like a blank one


def test_t3_4_blank_and_invalid_together():
    report = full_report()
    del report.values["t3.deny_3.other"]
    del report.values["t3.carried_in.legal"]
    report.values["t3.unable_2.research"] = -1
    found = run(report, rule="T3-4")
    assert [f.cells for f in found] == [("t3.carried_in.legal", "t3.deny_3.other"), ("t3.unable_2.research",)]
    assert "2 个单元格未填写" in found[0].message
    assert "表三“二、上年结转政府信息公开申请数量”行“法律服务机构”列" in found[0].message
    assert "表三“（三）不予公开·3.危及“三安全一稳定””行“其他”列" in found[0].message
    assert found[1].message == "表三“（四）无法提供·2.没有现成信息需要另行制作”行“科研机构”列不能为负数（填写的是 -1）。"


def test_t3_5_carried_in_differs_from_last_years_carried_out():
    prior = prior_report()
    prior.values["t3.carried_out.legal"] = 2
    (f,) = run(full_report(), prior, rule="T3-5")
    assert (f.severity, f.cells) == (Severity.CONFIRM, ("t3.carried_in.legal",))
    assert f.message == ("“法律服务机构”列上年结转政府信息公开申请数量（1）与上年报告的结转下年度继续办理数（2）"
                         "不一致，请说明原因。")
    assert run(full_report(), rule="T3-5") == []  # needs last year's report
    del prior.values["t3.carried_out.legal"]
    assert run(full_report(), prior, rule="T3-5") == []  # blank last year


def test_s3_1_carried_out_more_than_new():
    report = full_report()
    report.values["t3.carried_in.business"] = 5
    report.values["t3.carried_out.business"] = 5  # 3 + 5 = 3 + 5: balanced, but 5 > 3 new
    (f,) = run(report, rule="S3-1")
    assert (f.severity, f.cells) == (Severity.WARNING, ("t3.carried_out.business", "t3.new.business"))
    assert f.message == "“商业企业”列结转下年度继续办理数（5）大于本年新收申请数（3），请核对。"
    assert rules_of(report) == ["S3-1"]
    report.values["t3.carried_in.business"] = 3
    report.values["t3.carried_out.business"] = 3  # equal is fine
    assert run(report, rule="S3-1") == []


# ---------------------------------------------------------------------------------------------------
# Table 四


@pytest.mark.parametrize(("rule", "group", "label", "stated", "total"), [
    ("T4-1", "review", "行政复议", 5, 3),
    ("T4-2", "suit_direct", "未经复议直接起诉", 0, 1),
    ("T4-3", "suit_after_review", "复议后起诉", 4, 1),
])
def test_t4_stated_group_total(rule, group, label, stated, total):
    report = full_report()
    report.stated[f"t4.{group}.total"] = stated
    (f,) = run(report, rule=rule)
    assert f.severity is Severity.ERROR
    assert f.cells == (f"t4.{group}.total",) + tuple(f"t4.{group}.{c}" for c, _ in T.t4.columns)
    assert f.message == (f"表四“{label}”行“总计”列填写的合计数（{stated}）与各项之和（{total}）不符，"
                         f"相差 {abs(stated - total)}。")
    assert rules_of(report) == [rule]
    report.stated[f"t4.{group}.total"] = total
    assert evaluate(report) == []
    report.stated[f"t4.{group}.total"] = stated
    del report.values[f"t4.{group}.pending"]
    assert run(report, rule=rule) == []  # blank operand


def test_t4_4_blank_and_invalid():
    report = full_report()
    del report.values["t4.review.pending"]
    (f,) = run(report, rule="T4-4")
    assert (f.severity, f.cells) == (Severity.ERROR, ("t4.review.pending",))
    assert "1 个单元格未填写：表四“行政复议”行“尚未审结”列。" in f.message
    report.values["t4.review.pending"] = 0
    report.values["t4.suit_direct.other"] = -2
    (f,) = run(report, rule="T4-4")
    assert f.message == "表四“未经复议直接起诉”行“其他结果”列不能为负数（填写的是 -2）。"
    report.values["t4.suit_direct.other"] = 0
    assert run(report, rule="T4-4") == []


# ---------------------------------------------------------------------------------------------------
# Whole report


def test_g1_empty_section():
    report = full_report()
    report.sections["s5"] = "  \n　 "
    (f,) = run(report, rule="G1")
    assert (f.severity, f.cells, f.message) == (Severity.ERROR, (), "“五、存在的主要问题及改进情况”部分尚未填写内容。")
    del report.sections["s6"]
    assert [f.message for f in run(report, rule="G1")] == [
        "“五、存在的主要问题及改进情况”部分尚未填写内容。", "“六、其他需要报告的事项”部分尚未填写内容。"]


def test_g3_years_disagree():
    report = full_report()
    report.sections["preamble"] = "本报告所列数据的统计期限自 2021 年 1 月 1 日起至 2021 年 12 月 31 日止。"
    report.sections["s1"] = "2023 年，我局深入推进政务公开。\n（一）主动公开"
    found = run(report, rule="G3")
    assert all(f.severity is Severity.ERROR and f.cells == () for f in found)
    assert [f.message for f in found] == [
        "前言所述统计期限中的年度（2021年）与报告年度（2022年）不一致。",
        "“总体情况”开头中的年度（2023年）与报告年度（2022年）不一致。",
    ]


def test_g3_title_and_missing_year():
    report = full_report()
    report.meta["title"] = "某某县人民政府2021年政府信息公开工作年度报告"
    assert [f.message for f in run(report, rule="G3")] == ["标题中的年度（2021年）与报告年度（2022年）不一致。"]
    report.meta["title"] = "某某县人民政府 2022 年度政府信息公开工作年度报告"
    assert run(report, rule="G3") == []
    del report.meta["year"]
    assert [f.message for f in run(report, rule="G3")] == ["尚未填写报告年度。"]
    report.meta["year"] = True  # not a year
    assert [f.message for f in run(report, rule="G3")] == ["尚未填写报告年度。"]


def test_g3_year_not_at_the_start_is_not_read():
    report = full_report()
    report.sections["s1"] = "本年度，我局延续 2021 年的做法。"
    assert run(report, rule="G3") == []


# ---------------------------------------------------------------------------------------------------
# Stated totals, explanations, ordering


def test_set_value_keeps_claims_and_lets_own_totals_follow():
    """Issue 15 point 3: a stated total that differs from its sum is a claim and survives edits of its
    parts; one equal to its sum (the program's own figure in a file) follows the parts."""
    report = full_report()
    report.stated = {"t3.open.total": 99, "t3.total.natural": 10, "t3.total.total": 20, "t3.new.total": 21,
                     "t4.review.total": 5}
    report.set_value("t3.open.natural", 6)
    assert report.stated == {"t3.open.total": 99, "t3.total.natural": 10, "t3.new.total": 21,
                             "t4.review.total": 5}
    assert report.value("t3.open.natural") == 6
    (f,) = run(report, rule="T3-2")
    assert "（99）" in f.message and "（12）" in f.message
    (f,) = run(report, rule="T3-3")
    assert "（10）" in f.message and "（12）" in f.message
    report.set_value("t4.review.upheld", None)
    assert "t4.review.upheld" not in report.values
    assert report.stated["t4.review.total"] == 5
    report.set_value("t3.open.natural", 5)  # back to the row's 11: still not the claimed 99
    report.set_value("t3.deny_1.natural", 0)  # unchanged figure
    assert report.stated["t3.open.total"] == 99
    with pytest.raises(KeyError):
        report.set_value("t3.open.total", 1)


def test_explanations_attach_by_rule_id_and_by_cell():
    prior = prior_report()
    prior.values["t3.carried_out.legal"] = 2
    prior.values["t3.carried_out.natural"] = 0
    report = full_report()
    report.explanations = {"T3-5": "上年报告结转数统计有误，已更正。", "T3-5@t3.carried_in.legal": "一件申请撤回。"}
    found = run(report, prior, rule="T3-5")
    assert [(f.cells, f.key, f.explanation) for f in found] == [
        (("t3.carried_in.natural",), "T3-5@t3.carried_in.natural", "上年报告结转数统计有误，已更正。"),
        (("t3.carried_in.legal",), "T3-5@t3.carried_in.legal", "一件申请撤回。"),
    ]
    assert found[1].as_dict() == {
        "rule": "T3-5", "severity": "confirm", "cells": ["t3.carried_in.legal"],
        "message": found[1].message, "explanation": "一件申请撤回。",
    }
    report.explanations = {"T3-5@t3.carried_in.legal": "一件申请撤回。"}
    assert [f.explanation for f in run(report, prior, rule="T3-5")] == ["", "一件申请撤回。"]
    assert "explanation" not in run(report, prior, rule="T3-5")[0].as_dict()


def test_explanation_for_s2_2_by_rule_id():
    prior = prior_report()
    prior.values["t2.normative.in_force"] = 30
    report = full_report()
    report.explanations["S2-2"] = "清理规范性文件时重新核定了现行有效件数。"
    (f,) = run(report, prior, rule="S2-2")
    assert f.explanation == "清理规范性文件时重新核定了现行有效件数。"
    assert f.key == "S2-2@t2.normative.in_force"


def test_rules_needing_prior_do_not_run_without_prior():
    prior = prior_report()
    prior.values["t2.normative.in_force"] = 1
    prior.values["t3.carried_out.natural"] = 9
    assert sorted(rules_of(full_report(), prior)) == ["S2-2", "T3-5"]
    assert rules_of(full_report()) == []


def test_findings_in_severity_order():
    report = full_report()
    report.values["t3.carried_in.business"] = 5
    report.values["t3.carried_out.business"] = 5  # S3-1 warning
    report.values["t3.open.natural"] = 4  # T3-1 error
    prior = prior_report()
    prior.values["t3.carried_out.business"] = 5
    prior.values["t3.carried_out.legal"] = 0  # T3-5 confirm
    found = evaluate(report, prior)
    assert [(f.rule, f.severity) for f in found] == [
        ("T3-1", Severity.ERROR), ("T3-5", Severity.CONFIRM), ("S3-1", Severity.WARNING)]
    assert verdict_of(found).draft is True
    assert verdict_of(found[1:]).ready is True
    assert verdict_of(found[1:]).unexplained == 1


def test_one_verdict_agency_missing_is_a_draft(sample_report):
    """Issue 7: a report without 机关名称 had no error finding, yet the review page said draft."""
    del sample_report.meta["agency"]
    verdict, findings = judge(sample_report)
    assert verdict.draft and verdict.errors == 1
    assert "1 项错误" in verdict.conclusion
    assert [f.rule for f in findings] == ["G1"]


def test_t3_3_on_the_total_column():
    """Issue 7 / spec T3-3: 总计 column says （一）予以公开 6 but （七）总计 0 → T3-3 as well as T3-2."""
    report = full_report()
    for c in T.t3.input_cols:  # an imported table whose applicant columns say nothing was opened
        report.values[T.t3_code("open", c)] = 0
    report.stated.update({T.t3_code(r, "total"): report.figures()[T.t3_code(r, "total")] for r in T.t3.rows})
    report.stated[T.t3_code("open", "total")] = 6
    report.stated[T.t3_code("total", "total")] = 0
    found = evaluate(report)
    rules = sorted({f.rule for f in found})
    assert "T3-3" in rules and "T3-2" in rules
    (t33,) = [f for f in found if f.rule == "T3-3"]
    assert t33.cells[0] == "t3.total.total"
    assert "“（七）总计”行“总计”列填写的合计数（0）" in t33.message
    t32 = {f.cells[0] for f in found if f.rule == "T3-2"}
    assert "t3.open.total" in t32


# ---------------------------------------------------------------------------------------------------
# The rules never crash


_codes = st.one_of(st.sampled_from(sorted(T.cells)), st.text(max_size=12))
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-3, max_value=30),
    st.integers(min_value=10**9 - 2, max_value=10**9 + 2),
    st.decimals(allow_nan=False, allow_infinity=True), st.floats(allow_nan=False),
    st.text(max_size=8),
)
_objects = st.one_of(_scalars, st.lists(_scalars, max_size=3))
_meta_keys = st.one_of(st.sampled_from([f.key for f in T.meta_fields] + ["title"]), st.text(max_size=6))
_meta_values = st.one_of(
    _scalars, st.sampled_from(["department", "government", "national", "provincial", "prefectural", "county"]),
    st.integers(min_value=2019, max_value=2025),
    st.sampled_from(["国家市场监督管理总局", "某县人民政府", "2021年政府信息公开工作年度报告"]),
)
_texts = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "2022 年，", "２０２１年，", "统计期限自 2020 年 1 月 1 日起至 2022 年 12 月 31 日止",
                     "  \n"]),
)
_sections = st.dictionaries(st.one_of(st.sampled_from(T.text_section_keys), st.text(max_size=4)), _texts, max_size=6)
_explanations = st.dictionaries(st.one_of(st.sampled_from(["T3-5", "S2-2", "G1", "T3-1@t3.new.natural"]),
                                          st.text(max_size=6)), st.text(max_size=10), max_size=3)


def _build(values, stated, meta, sections, explanations) -> Report:
    return Report(meta=meta, sections=sections, values=values, stated=stated, explanations=explanations)


def _report_strategy(objects, meta_values):
    return st.builds(
        _build,
        st.dictionaries(_codes, objects, max_size=40),
        st.dictionaries(st.sampled_from(sorted(T.derived_codes)), objects, max_size=8),
        st.dictionaries(_meta_keys, meta_values, max_size=6),
        _sections,
        _explanations,
    )


def _check_never_raises(report: Report, use_prior: bool) -> None:
    found = evaluate(report, report.copy() if use_prior else None)
    for f in found:
        assert f.rule in RULES_BY_ID
        assert isinstance(f.message, str) and f.message
        assert all(c in T.cells for c in f.cells)
    assert [f.severity.rank for f in found] == sorted(f.severity.rank for f in found)


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(_report_strategy(_objects, _meta_values), st.booleans())
def test_evaluate_never_raises(report, use_prior):
    _check_never_raises(report, use_prior)


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.builds(_build, st.dictionaries(_codes, _objects, max_size=40),
                 st.dictionaries(st.sampled_from(sorted(T.derived_codes)), _objects, max_size=8),
                 st.dictionaries(_meta_keys, _meta_values, max_size=6), _sections, _explanations),
       st.booleans())
def test_evaluate_never_raises_on_full_reports_with_noise(report, use_prior):
    """The same on top of a complete report, so that the rules comparing numbers actually run."""
    base = full_report()
    base.values.update(report.values)
    base.stated.update(report.stated)
    base.meta.update(report.meta)
    base.explanations.update(report.explanations)
    _check_never_raises(base, use_prior)


_all_objects = st.one_of(_objects, st.decimals(), st.floats(), st.lists(st.decimals(), max_size=2))
_all_meta_values = st.one_of(_meta_values, st.lists(_scalars, max_size=2),
                             st.dictionaries(st.text(max_size=3), _scalars, max_size=2))


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@example(report=Report(values={"t3.new.natural": Decimal("NaN")}), use_prior=False)
@example(report=Report(meta={"agency_kind": ["department"], "admin_level": "county"},
                       values={"t2.regulation.issued": 1}), use_prior=False)
@given(_report_strategy(_all_objects, _all_meta_values), st.booleans())
def test_evaluate_never_raises_any_object(report, use_prior):
    _check_never_raises(report, use_prior)


@pytest.mark.parametrize("nan", [Decimal("NaN"), Decimal("sNaN"), float("nan")])
def test_evaluate_nan_value_is_an_invalid_cell(nan):
    report = full_report()
    report.values["t3.open.natural"] = nan
    (f,) = run(report, rule="T3-4")
    assert f.cells == ("t3.open.natural",)


def test_evaluate_unhashable_meta_kind():
    report = full_report()
    report.meta["agency_kind"] = ["government"]
    report.values["t2.regulation.issued"] = 1
    report.values["t2.regulation.in_force"] = 1
    assert isinstance(evaluate(report), list)
