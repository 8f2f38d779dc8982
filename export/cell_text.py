"""The one writer of text into a workbook cell: the report workbook, the 汇总 workbook and the
年报质量检查 workbook put every text through `put_text`.

Published reports and member files are outside text: a quote or a unit's name may start with "=",
"+", "-" or "@" (or with spaces or a tab and then one), which Excel, WPS and LibreOffice would take for
a formula (`=cmd|'/c calc'!A1`, `=HYPERLINK(…)`) when the cell is typed into or the sheet is saved as
CSV; it may hold a control character (a Word line break in 机关名称) that openpyxl refuses with
IllegalCharacterError. `put_text` stores what a visible cell shows (model.reading.workbook_layout.visible: the
one cleaning of model.files.text_clean, cut to Excel's limit, `_xHHHH_` escaped) as a string, never a
formula, and marks formula-like text with Excel's quote prefix so that editing the cell keeps it text.
"""

from __future__ import annotations

from typing import Any

from model.reading.workbook_layout import visible

#: What makes a spreadsheet read a typed text as a formula.
FORMULA_START = ("=", "+", "-", "@")
#: What a spreadsheet skips before it looks for a formula's first character.
_LEADING = " \t\n\u3000\u00a0"


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would take `text` for a formula: a leading =, +, -, @, or spaces then one."""
    return text.lstrip(_LEADING).startswith(FORMULA_START)


def put_text(cell: Any, text: str | None) -> str:
    """Write `text` into an openpyxl cell as text that can never become a formula ("" or None: blank);
    return what the cell holds, for sizing its row."""
    value = visible(text) if text else ""
    if not value:
        cell.value = None
        return ""
    cell.value = value
    cell.data_type = "s"  # openpyxl's setter made "=…" a formula
    if looks_like_formula(value):
        cell.quotePrefix = True
    return value
