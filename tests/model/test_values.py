"""model.report.values: what a count or an amount may be, with the Chinese message naming the cell."""

from __future__ import annotations

from decimal import Decimal

import pytest

from model.report.values import (
    ValueError_,
    check_number,
    format_value,
    parse_text,
    read_number,
    valid_or_none,
)
from model.template import CURRENT

COUNT = CURRENT.cells["t3.new.natural"]
COUNT_NAME = "表三“一、本年新收政府信息公开申请数量”行“自然人”列"
FEE = CURRENT.cells["t2.fees.amount"]
FEE_NAME = "表二“行政事业性收费”行“本年收费金额（单位：万元）”列"


@pytest.mark.parametrize(("text", "expected"), [
    ("12", 12),
    ("０１２", 12),
    ("23,140", 23140),
    ("２３，１４０", 23140),
    (" 7 ", 7),
    ("0", 0),
    ("1000000000", 10**9),
    ("1,234,567", 1234567),
])
def test_parse_count(text, expected):
    value = parse_text(COUNT, text)
    assert type(value) is int
    assert value == expected


@pytest.mark.parametrize("text", ["", "   ", "　"])
def test_parse_blank_is_none_not_zero(text):
    assert parse_text(COUNT, text) is None
    assert parse_text(FEE, text) is None


@pytest.mark.parametrize(("code", "text", "name", "words"), [
    (COUNT, "abc", COUNT_NAME, "只能填写数字，“abc”不是数字"),
    (COUNT, "-1", COUNT_NAME, "不能为负数（填写的是 -1）"),
    (COUNT, "1.5", COUNT_NAME, "是件数，应为整数，不能填写 1.5"),
    (COUNT, "1e12", COUNT_NAME, "1e12 过大"),
    (COUNT, "1000000001", COUNT_NAME, "过大（超过 10 亿）"),
    (COUNT, "NaN", COUNT_NAME, "不是数字"),
    (COUNT, "Infinity", COUNT_NAME, "不是数字"),
    (FEE, "0.1234567", FEE_NAME, "最多保留 6 位小数"),
    (FEE, "1,5", FEE_NAME, "逗号只能用作千位分隔符"),
    (COUNT, "1,2,3", COUNT_NAME, "逗号只能用作千位分隔符"),
    (COUNT, "23,14", COUNT_NAME, "逗号只能用作千位分隔符"),
    (COUNT, "1 5", COUNT_NAME, "不能有空格"),
    (COUNT, "9" * 4400, COUNT_NAME, "过长"),
    (FEE, "-0.5", FEE_NAME, "不能为负数"),
    (FEE, "十二", FEE_NAME, "不是数字"),
    (CURRENT.cells["t4.review.upheld"], "1.5", "表四“行政复议”行“结果维持”列", "应为整数"),
])
def test_parse_refusals_name_the_cell(code, text, name, words):
    with pytest.raises(ValueError_) as info:
        parse_text(code, text)
    message = str(info.value)
    assert message.startswith(name)
    assert words in message


def test_fee_kept_exactly_as_typed():
    value = parse_text(FEE, "12.5000")
    assert isinstance(value, Decimal)
    assert str(value) == "12.5000"
    assert format_value(value) == "12.5000"
    assert str(parse_text(FEE, "０．０００１")) == "0.0001"
    assert str(parse_text(FEE, "3")) == "3"
    # trailing zeros beyond 4 places do not change the amount, so they are not an error
    assert parse_text(FEE, "0.123400") == Decimal("0.1234")


def test_check_number_counts():
    assert check_number(COUNT, 5) == 5
    assert check_number(COUNT, Decimal("7")) == 7 and type(check_number(COUNT, Decimal("7"))) is int
    assert check_number(COUNT, 3.0) == 3 and type(check_number(COUNT, 3.0)) is int
    assert check_number(COUNT, 10**9) == 10**9


@pytest.mark.parametrize(("value", "words"), [
    (True, "应为数字，不能是“True”"),
    (False, "应为数字，不能是“False”"),
    (1.5, "是件数，应为整数，不能填写 1.5"),
    (Decimal("2.5"), "应为整数"),
    (10**9 + 1, "1000000001 过大"),
    (10**30, "过大"),
    (float("inf"), "不是数字"),
    (-3, "不能为负数（填写的是 -3）"),
    ("5", "应为数字，不能是“5”"),
    ([1], "应为数字"),
    (None, "应为数字"),
])
def test_check_number_refusals(value, words):
    with pytest.raises(ValueError_) as info:
        check_number(COUNT, value)
    assert str(info.value).startswith(COUNT_NAME)
    assert words in str(info.value)


def test_check_number_amounts():
    assert check_number(FEE, Decimal("0.0001")) == Decimal("0.0001")
    assert check_number(FEE, 2) == Decimal(2)
    assert check_number(FEE, 0.25) == Decimal("0.25")
    assert check_number(FEE, Decimal("18734.205917")) == Decimal("18734.205917")
    with pytest.raises(ValueError_, match="最多保留 6 位小数"):
        check_number(FEE, Decimal("0.0000001"))
    assert str(check_number(FEE, Decimal("-0.0"))) == "0.0"
    with pytest.raises(ValueError_, match="过大"):
        check_number(FEE, Decimal("1000000000.0001"))


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("sNaN"), float("nan")])
def test_check_number_nan_refused_with_message(value):
    with pytest.raises(ValueError_, match="表三"):
        check_number(COUNT, value)


def test_valid_or_none():
    assert valid_or_none(COUNT, 4) == 4
    assert valid_or_none(COUNT, -1) is None
    assert valid_or_none(COUNT, 10**9 + 1) is None
    assert valid_or_none(COUNT, True) is None
    assert valid_or_none(COUNT, "3") is None
    assert valid_or_none(FEE, Decimal("1.5")) == Decimal("1.5")
    assert valid_or_none(COUNT, 0) == 0
    assert valid_or_none(COUNT, None) is None
    assert valid_or_none(COUNT, 1.5) is None


def test_format_value():
    assert format_value(None) == ""
    assert format_value(23140) == "23140"
    assert format_value(Decimal("1E+1")) == "10"
    assert format_value(Decimal("0.5000")) == "0.5000"


# -- numbers read from a file: kept as written when they are numbers at all ------------------------


@pytest.mark.parametrize(("code", "raw", "expected"), [
    (COUNT, 5, 5),
    (COUNT, -3, -3),
    (COUNT, Decimal("5.0"), 5),
    (COUNT, Decimal("1.5"), Decimal("1.5")),
    (COUNT, Decimal("1E+12"), 10**12),
    (COUNT, Decimal("-0.0"), 0),
    (FEE, "18734.205917", Decimal("18734.205917")),
    (FEE, "0.12345678", Decimal("0.12345678")),
    (FEE, "-2", Decimal(-2)),
    (FEE, 3, Decimal(3)),
    (FEE, Decimal("-0.0"), Decimal("0.0")),
    (FEE, "23,140.5", Decimal("23140.5")),
])
def test_read_number_keeps_what_is_written(code, raw, expected):
    value = read_number(code, raw)
    assert value == expected
    assert type(value) is type(expected)
    assert not (value == 0 and isinstance(value, Decimal) and value.is_signed())


@pytest.mark.parametrize(("code", "raw", "words"), [
    (COUNT, "abc", "不是数字"),
    (COUNT, True, "应为数字，不能是“true”"),
    (COUNT, [1], "应为数字"),
    (COUNT, float("nan"), "不是数字"),
    (COUNT, Decimal("Infinity"), "不是数字"),
    (COUNT, Decimal("1e999999999"), "过大"),
    (COUNT, Decimal("1e30"), "过大"),
    (COUNT, 10**4000, "过大"),
    (FEE, "1,5", "千位分隔符"),
    (FEE, "0." + "0" * 20 + "1", "小数位数过多"),
])
def test_read_number_refuses_what_is_no_number(code, raw, words):
    with pytest.raises(ValueError_) as info:
        read_number(code, raw)
    assert str(info.value).startswith(code.name)
    assert words in str(info.value)


def test_out_of_limit_numbers_read_then_flagged():
    """What a file may hold and what a cell may hold differ: the second gate names the problem."""
    for code, raw, words in [(COUNT, -3, "负数"), (COUNT, Decimal("1.5"), "整数"), (COUNT, 2 * 10**9, "过大"),
                             (FEE, "0.1234567", "6 位小数")]:
        value = read_number(code, raw)
        with pytest.raises(ValueError_, match=words):
            check_number(code, value)
