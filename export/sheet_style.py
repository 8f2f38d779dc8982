"""The look of the printable sheets that 年报质量检查 and 汇总 add to their workbooks: one style of
header and body cell, and one page set-up (A4 landscape, one page wide, the header row repeated), so
that the two tools' printouts look the same."""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.properties import PageSetupProperties

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD = Font(name="宋体", size=10.5, bold=True)
BODY = Font(name="宋体", size=10.5)
HEAD_FILL = PatternFill("solid", fgColor="E7E6E6")
WRAP = Alignment(vertical="center", wrap_text=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def print_landscape(ws: Any, *, freeze: str, header: str = "") -> None:
    """A4 landscape, one page wide and as many long as needed, row 1 on every page, page numbers below;
    `freeze` is the first cell that scrolls, `header` (when given) is printed above every page."""
    ws.freeze_panes = freeze
    ws.print_title_rows = "1:1"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    if header:
        ws.oddHeader.center.text = header
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
