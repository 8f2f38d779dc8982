"""Written explanations reach the printed report in 六（五）, unless the user wrote that item."""

from __future__ import annotations

from support import full_report

from model.report.printed import printed_text
from model.template.t2021 import TEMPLATE as T

WHY = "上年结转的 1 件申请人已于年初撤回。"


def _report(s6: str):
    report = full_report()
    report.sections["s6"] = s6
    report.explanations["T3-5@t3.carried_in.natural"] = WHY
    return report


def test_explanation_fills_an_empty_item_five():
    s6 = "\n".join(f"{h}\n无" for h in T.s6_items)
    text = printed_text(_report(s6), "s6")
    lines = text.split("\n")
    i = lines.index(T.s6_items[4])
    assert WHY in lines[i + 1] and "上年结转" in lines[i + 1] and "自然人" in lines[i + 1]
    assert lines[i + 2] == T.s6_items[5]
    assert text.count(WHY) == 1


def test_users_own_item_five_is_kept():
    s6 = "\n".join(f"{h}\n{'本年数据无特殊情况。' if i == 4 else '无'}" for i, h in enumerate(T.s6_items))
    assert printed_text(_report(s6), "s6") == s6


def test_item_five_added_before_item_six_when_missing():
    s6 = "（一）政府信息公开申请收费情况\n未收取信息处理费。\n（六）本行政机关认为需要报告的其他事项\n无"
    lines = printed_text(_report(s6), "s6").split("\n")
    assert lines[2] == T.s6_items[4] and WHY in lines[3] and lines[4].startswith("（六）")


def test_no_explanations_no_change():
    report = full_report()
    assert printed_text(report, "s6") == report.sections["s6"]
    assert printed_text(_report("x"), "s1") == full_report().sections["s1"]


def test_explanation_of_a_quoted_sentence_names_its_cell():
    """Keys of findings that quote a sentence carry it (rule@cell《sentence》); the printed line still
    says which cell the explanation is about."""
    report = full_report()
    report.sections["s6"] = "\n".join(f"{h}\n无" for h in T.s6_items)
    report.explanations["G6@t3.new.total《全年共收到申请5件。》"] = "其中 1 件为重复申请。"
    text = printed_text(report, "s6")
    assert "表三“一、本年新收政府信息公开申请数量”行“总计”列：其中 1 件为重复申请。" in text
