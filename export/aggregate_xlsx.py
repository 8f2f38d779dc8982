"""The 汇总 workbook: the summed official tables (the program's own workbook of the sum, so it reopens
as a report), a sheet on the members (what was counted, what was not and why), and a sheet comparing
the members side by side on the key figures."""

from __future__ import annotations

import os
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from export.errors import ExportError
from export.xlsx import build_workbook
from model.aggregate import KEY_FIGURES, Aggregation
from model.atomic import atomic_path
from model.rules import Stage, evaluate
from model.workbook_layout import clean

MEMBERS_SHEET = "汇总单位情况"
COMPARE_SHEET = "各单位对比"
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD = Font(name="宋体", size=10.5, bold=True)
_BODY = Font(name="宋体", size=10.5)
_HEAD_FILL = PatternFill("solid", fgColor="E7E6E6")
_WRAP = Alignment(vertical="center", wrap_text=True)


def member_rows(result: Aggregation) -> list[list[Any]]:
    """One row per member: 单位, 文件, 年度, 是否计入, 错误, 未说明, key figures, 说明."""
    rows = []
    for m in result.members:
        figures = [m.figure(code) if m.counted else None for _, code in KEY_FIGURES]
        note = m.problem or "；".join(m.notices[:3])
        rows.append([m.agency or "（未知）", m.path.name, m.year, "计入" if m.counted else "未计入",
                     m.errors if m.report else None, m.unexplained if m.report else None, *figures, note])
    return rows


MEMBER_HEADERS = ["单位", "文件", "年度", "汇总", "错误", "需说明未说明",
                  *[label for label, _ in KEY_FIGURES], "说明"]


def _sheet(wb: Any, title: str, headers: list[str], rows: list[list[Any]], widths: list[float]) -> None:
    ws = wb.create_sheet(title)
    for c, text in enumerate(headers, start=1):
        cell = ws.cell(1, c, text)
        cell.font, cell.fill, cell.border, cell.alignment = _HEAD, _HEAD_FILL, _BORDER, _WRAP
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c)
            if isinstance(value, str):
                cell.value = clean(value)
                cell.data_type = "s"  # text that starts with = is text, never a formula
            else:
                cell.value = value
            cell.font, cell.border, cell.alignment = _BODY, _BORDER, _WRAP
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "B2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def write_aggregation_workbook(result: Aggregation, path: str | os.PathLike[str]) -> None:
    """Write the workbook of a 汇总 atomically; ExportError with a Chinese message when it cannot."""
    findings = evaluate(result.report, stage=Stage.HANDIN) + result.findings()
    wb = build_workbook(result.report, findings)
    widths = [28, 24, 8, 8, 6, 8] + [10] * len(KEY_FIGURES) + [50]
    _sheet(wb, MEMBERS_SHEET, MEMBER_HEADERS, member_rows(result), widths)
    counted = result.counted
    compare = [[label, *[m.figure(code) for m in counted], result.report.figures().get(code)]
               for label, code in KEY_FIGURES]
    _sheet(wb, COMPARE_SHEET, ["项目", *[m.agency for m in counted], "合计"], compare,
           [18] + [14] * (len(counted) + 1))
    with atomic_path(path, "汇总工作簿", ExportError) as tmp:
        wb.save(tmp)
