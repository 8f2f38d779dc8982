"""Text for a workbook cell that stays text: never a formula, never a character a cell cannot hold.

Published reports are outside text: a quote may start with "=", "+", "-" or "@" (or spaces and then
"="), which Excel, WPS and LibreOffice would take for a formula when the cell is typed into or the
sheet is saved as CSV. Every workbook writer puts text through `put_text`: the value is stored as a
string, marked with Excel's quote prefix (the cell shows the text, and editing it keeps it text), and
control characters are replaced by a visible mark.
"""

from __future__ import annotations

import re
from typing import Any

#: Characters no workbook cell can hold (XML 1.0) and other controls; line breaks and tabs are kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"
#: What makes a spreadsheet read a typed text as a formula.
FORMULA_START = ("=", "+", "-", "@")


def safe_text(text: str) -> str:
    """`text` with line breaks normalised and control characters replaced (idempotent)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(REPLACEMENT, text)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would take `text` for a formula: a leading =, +, -, @, or spaces then one."""
    stripped = text.lstrip(" \t\n\u3000\u00a0")
    return stripped.startswith(FORMULA_START) or text.startswith(FORMULA_START)


def put_text(cell: Any, text: str) -> None:
    """Write `text` into an openpyxl cell as text that can never become a formula."""
    value = safe_text(text)
    cell.value = value
    cell.data_type = "s"
    if looks_like_formula(value):
        cell.quotePrefix = True
