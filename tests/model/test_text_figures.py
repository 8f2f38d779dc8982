"""model.checks.text_figures (rule G6): the corpus of passages, the sample report, and the finding's fields.

Every passage of tests/model/text_corpus.py runs as its own test, so a failure names the passage; the
summary test prints false alarms and misses over the whole corpus (pytest -s shows it).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from text_corpus import CORRECT, PASSAGES, WRONG, Passage

from model.checks.location import sentence_bounds
from model.checks.text_figures import TextMismatch, g6_findings, parse_chinese_numeral
from model.report.report import Report
from model.template.t2021 import TEMPLATE as T
from model.template.types import ValueKind


def figures_of(passage: Passage) -> dict[str, Any]:
    """The corpus's compact figures as input cells; a table with any figure has its other inputs 0."""
    values: dict[str, Any] = {}
    tables = {key.split(".")[0] for key in passage.figures}
    for code in T.input_codes:
        if code[:2] in tables:
            values[code] = Decimal("0") if T.cells[code].kind is ValueKind.AMOUNT else 0
    for key, v in passage.figures.items():
        parts = key.split(".")
        if len(parts) == 2 and parts[0] == "t3":
            row = (v,) + (0,) * 5 if isinstance(v, int) else v
            values.update({T.t3_code(parts[1], c): n for c, n in zip(T.t3.input_cols, row, strict=True)})
        elif len(parts) == 2 and parts[0] == "t4":
            values.update({T.t4_code(parts[1], c): n for (c, _), n in zip(T.t4.columns, v, strict=True)})
        else:
            values[key] = v
    return values


def report_of(passage: Passage) -> Report:
    return Report(meta={"agency": "某某局", "agency_kind": passage.kind, "year": passage.year},
                  sections={passage.section: passage.text}, values=figures_of(passage))


def found(passage: Passage) -> tuple[list[tuple[str, Any]], list[TextMismatch]]:
    findings = g6_findings(report_of(passage))
    return sorted((f.cells[0], f.stated) for f in findings), findings


def describe(findings: list[TextMismatch]) -> str:
    return "\n".join(f"  {f.cells[0]} stated {f.stated} table {f.table}: {f.message} | {f.quote}" for f in findings)


# ---------------------------------------------------------------------------------------------------
# The corpus


def test_corpus_size_and_shape():
    assert len(PASSAGES) >= 30
    assert len(CORRECT) >= 30 and len(WRONG) >= 30
    assert len({p.name for p in PASSAGES}) == len(PASSAGES)
    for p in PASSAGES:
        assert p.section in T.text_section_keys, p.name
        assert all(cell in T.cells for cell, _ in p.expected), p.name


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p.name)
def test_corpus_tables_balance(passage: Passage):
    """The figures of every passage are a real table: 第一项加第二项之和等于第三项加第四项之和, column by column."""
    values = figures_of(passage)
    if "t3.new.natural" not in values:
        return
    for col in T.t3.input_cols:
        left = values[T.t3_code("new", col)] + values[T.t3_code("carried_in", col)]
        right = sum(values[T.t3_code(r, col)] for r in T.t3.result_rows) + values[T.t3_code("carried_out", col)]
        assert left == right, (passage.name, col, left, right)


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p.name)
def test_corpus_passage(passage: Passage):
    got, findings = found(passage)
    expected = sorted(passage.expected)
    assert got == expected, f"{passage.name}: expected {expected}, got\n{describe(findings)}"


def test_corpus_summary(capsys):
    """No false alarm on a correct passage, every wrong figure caught; prints the tally per passage."""
    false_alarms, misses, lines = 0, 0, []
    for p in PASSAGES:
        got, findings = found(p)
        extra = [g for g in got if g not in p.expected]
        missing = [e for e in p.expected if e not in got]
        false_alarms += len(extra)
        misses += len(missing)
        status = "ok" if not extra and not missing else f"FALSE ALARM {extra} MISSED {missing}"
        lines.append(f"{'wrong' if p.expected else 'right'}  {p.name:<60} {status}")
    with capsys.disabled():
        print(f"\nG6 corpus: {len(CORRECT)} correct, {len(WRONG)} wrong passages; "
              f"false alarms {false_alarms}, misses {misses}")
        print("\n".join(lines))
    assert (false_alarms, misses) == (0, 0)


# ---------------------------------------------------------------------------------------------------
# The finding's fields


@pytest.mark.parametrize("passage", WRONG, ids=lambda p: p.name)
def test_finding_points_at_its_sentence(passage: Passage):
    for f in g6_findings(report_of(passage)):
        text = passage.text
        a, b = f.span
        assert 0 <= a < b <= len(text)
        s0, s1 = sentence_bounds(text, a, b)
        assert f.quote == text[s0:s1] and s0 <= a and b <= max(s1, b)
        assert f.section == passage.section
        assert f.message.startswith("正文称“") and f.message.endswith("。")
        assert str(f.stated) in f.message.replace(",", "") or isinstance(f.stated, Decimal)
        assert f.table != f.stated
        assert "t3." not in f.message and "t4." not in f.message and "t2." not in f.message


def test_message_names_the_cell_in_words():
    passage = next(p for p in WRONG if p.name.startswith("jinxiang_s1/"))
    (f,) = g6_findings(report_of(passage))
    assert f.message.startswith("正文称“收到 3 条政府信息公开申请”，表三“一、本年新收政府信息公开申请数量”总计为2件")
    assert (f.stated, f.table) == (3, 2)
    assert f.cells[0] == "t3.new.total"


# ---------------------------------------------------------------------------------------------------
# The sample report (done-when of issue 9)


def test_sample_has_no_g6(sample_report):
    assert g6_findings(sample_report) == []


def test_sample_with_three_applications_gets_one_finding(sample_report):
    text = sample_report.sections["s1"]
    old = "我局收到 2 条政府信息公开申请"
    assert text.count(old) == 1
    sample_report.sections["s1"] = text.replace(old, "我局收到 3 条政府信息公开申请")
    (f,) = g6_findings(sample_report)
    s1 = sample_report.sections["s1"]
    assert f.section == "s1"
    assert f.quote == "2022 年，我局收到 3 条政府信息公开申请，均按要求进行答复。"
    a, b = f.span
    assert "收到 3 条" in s1[a:b] and f.quote in s1 and s1.index(f.quote) <= a < b <= s1.index(f.quote) + len(f.quote)
    assert (f.cells[0], f.stated, f.table) == ("t3.new.total", 3, 2)


# ---------------------------------------------------------------------------------------------------
# Details


def test_blank_cells_say_nothing():
    """A reading that needs a blank cell keeps the phrase silent (the blank is T3-4's business)."""
    passage = next(p for p in WRONG if p.name.startswith("jinxiang_s1/"))
    report = report_of(passage)
    report.set_value("t3.carried_in.other", None)
    assert g6_findings(report) == []
    report = report_of(passage)
    report.values = {}
    assert g6_findings(report) == []


def test_year_missing_is_guessed_from_the_texts():
    passage = next(p for p in WRONG if p.name.startswith("other_year/"))
    report = report_of(passage)
    report.meta.pop("year")
    assert [(f.cells[0], f.stated) for f in g6_findings(report)] == passage.expected


def test_another_report_year_silences_this_years_sentences():
    passage = next(p for p in WRONG if p.name.startswith("dept_short/"))
    report = report_of(passage)
    report.sections["s1"] = report.sections["s1"].replace("2022年", "2021年")
    assert g6_findings(report) == []


@pytest.mark.parametrize("text, value", [
    ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("两千三百", 2300), ("两万三千一百四十", 23140),
    ("一百一十", 110), ("三千零五", 3005), ("一二", None), ("万", None),
])
def test_chinese_numerals(text: str, value: int | None):
    assert parse_chinese_numeral(text) == value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="收到受理政府信息公开申请予以部分不无法提供处理行政复议诉讼件条个项元万年月日，。；、（）0123456789"
                        "１２３一二两十百千零其中自然人法人组织结转上下度均已全部办结未发生同比约余,. \n",
               max_size=200))
def test_never_fails_on_any_text(text: str):
    passage = next(p for p in CORRECT if p.name == "gov_county")
    report = report_of(passage)
    report.sections = {"s1": text, "s5": text, "s6": text, "preamble": text}
    for f in g6_findings(report):
        assert 0 <= f.span[0] < f.span[1] <= len(text)
        assert f.quote and f.quote in text


def test_real_passages_name_their_source():
    """The corpus holds real published passages, each with where it was published; at least one real
    published mismatch is found and at least one real correct passage stays silent."""
    from text_corpus import REAL

    assert all(p.source and p.name.startswith("real/") for p in REAL)
    assert any(p.expected for p in REAL) and sum(p.correct for p in REAL) >= 5
    assert all(p in PASSAGES for p in REAL)
