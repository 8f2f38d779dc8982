"""Chinese line breaking (export/linebreak.py): 禁则, numbers kept whole, property tests."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from export.linebreak import CLOSE, OPEN, SPACES, break_lines, legal_break


def em(text: str) -> float:
    """Width in em: CJK and full-width marks 1, everything else ½ (additive, like our fonts)."""
    return sum(1.0 if ord(c) >= 0x2000 else 0.5 for c in text)


def test_short_text_is_one_line():
    assert break_lines("本年度未收取信息处理费。", em, 28) == ["本年度未收取信息处理费。"]
    assert break_lines("", em, 10) == []
    assert break_lines("   ", em, 10) == []


def test_closing_punctuation_never_starts_a_line():
    text = "一二三四五，六七八九十。甲乙丙丁戊）己庚辛壬癸、子丑寅卯辰》"
    for width in range(2, 12):
        lines = break_lines(text, em, width)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in CLOSE, (width, lines)
        assert all(em(line) <= width for line in lines), (width, lines)


def test_opening_punctuation_never_ends_a_line():
    text = "一二三四（五六七八《九十甲乙“丙丁戊己【庚辛"
    for width in range(2, 12):
        lines = break_lines(text, em, width)
        assert "".join(lines) == text
        for line in lines[:-1]:
            assert line[-1] not in OPEN, (width, lines)


def test_push_not_hang():
    # 五 characters fit; the comma may not start the next line, so 五 moves down with it (no hanging)
    assert break_lines("一二三四五，六七", em, 5) == ["一二三四", "五，六七"]


def test_numbers_phone_numbers_dates_and_urls_stay_whole():
    text = "行政许可23140件，联系电话：0537-8876366，发布于2022-01-20，增长12.5%，网址www.jinxiang.gov.cn。"
    wholes = ("23140", "0537-8876366", "2022-01-20", "12.5%", "www.jinxiang.gov.cn")
    for width in range(11, 40):
        lines = break_lines(text, em, width)
        assert "".join(lines) == text
        for whole in wholes:
            assert any(whole in line for line in lines), (width, whole, lines)


def test_spaces_are_break_opportunities_and_dropped_at_line_edges():
    lines = break_lines("统计期限自 2022 年 1 月 1 日起至 2022 年 12 月 31 日止", em, 8)
    assert all(line == line.strip() for line in lines)
    assert "".join(lines).replace(" ", "") == "统计期限自2022年1月1日起至2022年12月31日止"
    assert "2022" in lines[1] or lines[0].endswith("2022")


def test_a_run_wider_than_the_line_is_split_between_characters():
    lines = break_lines("网址" + "a" * 40 + "。", em, 6)
    assert "".join(lines) == "网址" + "a" * 40 + "。"
    assert all(em(line) <= 6 for line in lines)
    assert lines[-1].endswith("a。")  # the full stop stays with the last letter


def test_first_line_width():
    lines = break_lines("本报告由金乡县行政审批服务局按照条例要求编制", em, 10, first_width=8)
    assert em(lines[0]) <= 8 and all(em(line) <= 10 for line in lines[1:])
    assert len(lines[0]) == 8


def test_unbreakable_punctuation_overflows_rather_than_breaking_the_rules():
    lines = break_lines("我" + "）" * 10, em, 3)
    assert lines == ["我" + "）" * 10]


# -- property tests --------------------------------------------------------------------------------

ALPHABET = (
    "政府信息公开工作年度报告本机关数量"  # CJK
    + "0123456789" * 2 + "abcXYZ" + "-.:/"  # runs and their separators
    + "".join(sorted(CLOSE)) + "".join(sorted(OPEN))
    + "  \u3000=<>&"
)
WORD = re.compile(r"[A-Za-z0-9]+(?:[-./:]+[A-Za-z0-9]+)*")


def _glue_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a run over the marks and spaces that may be glued to it."""
    while start > 0 and (text[start - 1] in OPEN or text[start - 1] in SPACES or text[start - 1] in CLOSE):
        start -= 1
    while end < len(text) and (text[end] in CLOSE or text[end] in SPACES or text[end] in OPEN):
        end += 1
    return start, end


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=ALPHABET, min_size=0, max_size=120), width=st.integers(min_value=3, max_value=20))
def test_line_breaking_properties(text, width):
    lines = break_lines(text, em, width)
    squeeze = str.maketrans("", "", "".join(SPACES))
    # nothing lost or duplicated (only spaces at the breaks are dropped)
    assert "".join(lines).translate(squeeze) == text.translate(squeeze)
    for i, line in enumerate(lines):
        assert line and line == line.strip("".join(SPACES))
        if i > 0:
            assert line[0] not in CLOSE, lines
        if i < len(lines) - 1:
            assert line[-1] not in OPEN, lines
        # a line is wider than allowed only when it has no legal break with a prefix that fits
        if em(line) > width:
            assert not any(legal_break(line, k) and em(line[:k].rstrip()) <= width for k in range(1, len(line))), lines
    # a letter/digit run (with whatever is glued to it) that fits a line is never split
    for m in WORD.finditer(text):
        a, b = _glue_extent(text, m.start(), m.end())
        if em(text[a:b].strip()) <= width:
            assert any(m.group() in line for line in lines), (m.group(), lines)
