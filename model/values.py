"""Parsing and validating cell values: one place that decides what a count or an amount may be.

Every entry point (the wizard's cells, pasted blocks, the report file, an imported workbook) goes through
here, so a letter, a negative number, a fraction in a count or an absurd number is refused the same way,
with a Chinese message that names the cell.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from model.schema import AMOUNT_PLACES, CELLS, MAX_VALUE, ValueKind

Value = int | Decimal

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋　", "0123456789.,-+ ")


class ValueError_(ValueError):
    """A value that cannot be a cell's content; str() is the Chinese message for the user."""


def _cell_name(code: str) -> str:
    cell = CELLS.get(code)
    return cell.name if cell else f"单元格 {code}"


def parse_text(code: str, text: str) -> Value | None:
    """Parse what a user typed or pasted into cell `code`; '' means blank (None), not 0.

    Full-width digits (输入法全角) and thousands separators (Excel's 23,140) are accepted.
    """
    cleaned = text.translate(_FULLWIDTH).strip().replace(",", "").replace(" ", "")
    if cleaned == "":
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError_(f"{_cell_name(code)}只能填写数字，“{text.strip()}”不是数字。") from None
    if not number.is_finite():
        raise ValueError_(f"{_cell_name(code)}只能填写数字，“{text.strip()}”不是数字。")
    return check_number(code, number, text.strip())


def check_number(code: str, number: object, shown: str | None = None) -> Value:
    """Validate a number for cell `code`; return it as int (counts) or Decimal (amounts)."""
    name = _cell_name(code)
    shown = shown if shown is not None else str(number)
    cell = CELLS.get(code)
    kind = cell.kind if cell else ValueKind.COUNT
    if isinstance(number, bool) or not isinstance(number, (int, Decimal, float)):
        raise ValueError_(f"{name}应为数字，不能是“{shown}”。")
    if isinstance(number, float):
        number = Decimal(repr(number))
    if isinstance(number, Decimal) and number.is_nan():
        raise ValueError_(f"{name}只能填写数字，“{shown}”不是数字。")
    if number < 0:
        raise ValueError_(f"{name}不能为负数（填写的是 {shown}）。")
    if number > MAX_VALUE:
        raise ValueError_(f"{name}的数值 {shown} 过大（超过 10 亿），请核对。")
    if kind is ValueKind.COUNT:
        if isinstance(number, Decimal):
            if number != number.to_integral_value():
                raise ValueError_(f"{name}是件数，应为整数，不能填写 {shown}。")
            return int(number)
        return number
    dec = number if isinstance(number, Decimal) else Decimal(number)
    exponent = dec.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > AMOUNT_PLACES and dec != dec.quantize(Decimal(1).scaleb(-AMOUNT_PLACES)):
        raise ValueError_(f"{name}以万元为单位，最多保留 {AMOUNT_PLACES} 位小数（0.0001 万元即 1 元），不能填写 {shown}。")
    return dec


def format_value(value: object) -> str:
    """How a stored value is shown in a cell: integers plainly, amounts exactly as entered."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def valid_or_none(code: str, value: object) -> Value | None:
    """The value if it may stand in cell `code`, else None; fast for the common case of a count."""
    if type(value) is int:
        return value if 0 <= value <= MAX_VALUE else None
    if value is None:
        return None
    try:
        return check_number(code, value)
    except ValueError_:
        return None

