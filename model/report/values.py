"""Parsing and validating cell values: one place that decides what a count or an amount may be.

Two gates with different jobs. What a user types or pastes (`parse_text`) is refused at once when it
cannot stand in the cell, so the mistake is fixed where it was made. What a file states (`read_number`)
is kept as written when it is a number at all, so that a real published report with an odd figure
still opens; the rules then flag it with `check_number`'s message. Every message is Chinese and names
the cell.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from model.template.types import Cell, ValueKind

Value = int | Decimal

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋　", "0123456789.,-+ ")
#: Thousands separators only in groups of three (Excel's 23,140); "1,5" is a decimal comma or a typo.
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$")
#: A number in a file beyond these bounds is no figure of any report (1e999, 4300 digits): refused
#: rather than kept, because formatting or summing it could take unbounded time and memory.
READ_LIMIT = Decimal(10) ** 15
READ_MAX_PLACES = 12
READ_MAX_CHARS = 64


#: What real forms put in a cell for "none": read as 0 on paste and import, with a notice to the user.
NONE_MARKS = frozenset({"-", "－", "—", "——", "–", "/", "／", "无"})


def is_none_mark(text: str) -> bool:
    return text.strip() in NONE_MARKS


class ValueError_(ValueError):
    """A value that cannot be a cell's content; str() is the Chinese message for the user."""


def _to_decimal(cell: Cell, text: str, shown: str) -> Decimal:
    """The number a cleaned text spells, or ValueError_ naming the cell."""
    if "," in text:
        if not _GROUPED.match(text):
            raise ValueError_(f"{cell.name}中的“{shown}”无法识别：逗号只能用作千位分隔符（如 23,140），"
                              "小数点请用“.”。")
        text = text.replace(",", "")
    if len(text) > READ_MAX_CHARS:
        raise ValueError_(f"{cell.name}的数值“{shown[:20]}…”过长（{len(text)} 位），不是合理的数字。")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError_(f"{cell.name}只能填写数字，“{shown}”不是数字。") from None
    if not number.is_finite():
        raise ValueError_(f"{cell.name}只能填写数字，“{shown}”不是数字。")
    return number


def parse_text(cell: Cell, text: str) -> Value | None:
    """Parse what a user typed or pasted into `cell`; '' means blank (None), not 0.

    Full-width digits (输入法全角) and thousands separators in groups of three (23,140) are accepted;
    spaces inside a number are not (“1 5” is two numbers or a typo, never 15).
    """
    stripped = text.translate(_FULLWIDTH).strip()
    if stripped == "":
        return None
    shown = text.strip()
    if " " in stripped:
        raise ValueError_(f"{cell.name}中的“{shown}”无法识别：数字中间不能有空格。")
    number = _to_decimal(cell, stripped, shown)
    if number.copy_abs() > READ_LIMIT:
        raise ValueError_(f"{cell.name}的数值 {shown} 过大（超过 10 亿），请核对。")
    return check_number(cell, number, shown)


#: What a JSON value that is no number is, in words (a message must not say "dict").
_KIND_WORDS = {"dict": "对象（键值对）", "list": "列表", "NoneType": "空值"}


def read_number(cell: Cell, raw: object) -> Value:
    """A cell value from a file, kept as written if it is a number at all (the rules flag odd ones).

    Returns an int for whole numbers (also 5.0 in a count cell), else a Decimal (a fraction in a count
    cell stays a fraction, so that T3-4 can name it). Refuses, with a Chinese message naming the cell,
    what is no number (text, true/false, NaN, Infinity) or no plausible figure (beyond 10^15, more
    than 12 decimal places).
    """
    name = cell.name
    if isinstance(raw, bool) or not isinstance(raw, (int, float, Decimal, str)):
        shown = {True: "true", False: "false"}.get(raw) if isinstance(raw, bool) else _KIND_WORDS.get(
            type(raw).__name__, "非数字的内容")
        raise ValueError_(f"{name}应为数字，不能是“{shown}”。")
    if isinstance(raw, int):
        if abs(raw) > READ_LIMIT:
            raise ValueError_(f"{name}的数值过大（超过 10^15），不是合理的数字。")
        return Decimal(raw) if cell.kind is ValueKind.AMOUNT else raw
    if isinstance(raw, str):
        shown = raw.strip()
        number = _to_decimal(cell, shown.translate(_FULLWIDTH).replace(" ", ""), shown)
    elif isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise ValueError_(f"{name}只能填写数字，“{raw}”不是数字。")
        number = Decimal(repr(raw))
    else:
        number = raw
        if not number.is_finite():
            raise ValueError_(f"{name}只能填写数字，“{number}”不是数字。")
    if number.copy_abs() > READ_LIMIT:
        raise ValueError_(f"{name}的数值 {_short(number)} 过大（超过 10^15），不是合理的数字。")
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > READ_MAX_PLACES and number != round(number, READ_MAX_PLACES):
        raise ValueError_(f"{name}的数值小数位数过多（超过 {READ_MAX_PLACES} 位），不是合理的数字。")
    if number == 0:
        number = number.copy_abs()  # -0 and -0.0 are 0
    if cell.kind is ValueKind.AMOUNT:
        return number
    return int(number) if number == number.to_integral_value() else number


def _short(number: Decimal) -> str:
    return f"{number:.3E}" if number.copy_abs() >= Decimal(10) ** 20 else format(number, "f")


def check_number(cell: Cell, number: object, shown: str | None = None) -> Value:
    """Validate a number for `cell`; return it as int (counts) or Decimal (amounts).

    Raises ValueError_ with the message the rules (T2-2, T3-4, T4-4) and the editor show.
    """
    name = cell.name
    kind, places = cell.kind, cell.places
    if isinstance(number, bool) or not isinstance(number, (int, Decimal, float)):
        raise ValueError_(f"{name}应为数字，不能是“{shown if shown is not None else number}”。")
    if isinstance(number, float):
        number = Decimal(repr(number))
    if isinstance(number, Decimal) and not number.is_finite():
        raise ValueError_(f"{name}只能填写数字，“{shown if shown is not None else number}”不是数字。")
    if shown is None:
        shown = _short(number) if isinstance(number, Decimal) else str(number)
    if number < 0:
        raise ValueError_(f"{name}不能为负数（填写的是 {shown}）。")
    if number > cell.max_value:
        raise ValueError_(f"{name}的数值 {shown} 过大（超过 10 亿），请核对。")
    if kind is ValueKind.COUNT:
        if isinstance(number, Decimal):
            if number != number.to_integral_value():
                raise ValueError_(f"{name}是件数，应为整数，不能填写 {shown}。")
            return int(number)
        return number
    dec = number if isinstance(number, Decimal) else Decimal(number)
    exponent = dec.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places and dec != round(dec, places):
        raise ValueError_(f"{name}以万元为单位，最多保留 {places} 位小数（0.000001 万元即 1 分），不能填写 {shown}。")
    if dec == 0:
        dec = dec.copy_abs()  # "-0.0" is 0.0
    return dec


def format_value(value: object) -> str:
    """How a stored value is shown in a cell: integers plainly, amounts exactly as entered."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def valid_or_none(cell: Cell, value: object) -> Value | None:
    """The value if it may stand in `cell`, else None; fast for the common case of a count."""
    if type(value) is int:
        return value if 0 <= value <= cell.max_value else None
    if value is None:
        return None
    try:
        return check_number(cell, value)
    except ValueError_:
        return None
