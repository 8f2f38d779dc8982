"""The 汇总 workbook: the summed official tables (the program's own workbook of the sum, so it reopens
as a report), a sheet on the members (what was counted, what was not and why), and a sheet comparing
the counted members side by side on the key figures.

Both added sheets are printed as well as read: A4 landscape, one page wide, the header row repeated,
headers wrapping inside their cells and every row as high as its longest text (openpyxl cannot measure
text, and neither WPS nor Excel grows a row on opening, so the heights are estimated here). Every text,
a member's name included, goes through the one cell writer (export.cell_text.put_text); a sum that is
a draft (the caller passes Aggregation.draft) carries 草稿 on every sheet, as its PDF does."""

from __future__ import annotations

import math
import os
import unicodedata
from typing import Any

from openpyxl.utils import get_column_letter

from export.cell_text import put_text
from export.errors import ExportError
from export.sheet_style import BODY, BORDER, CENTER, HEAD, HEAD_FILL, WRAP, print_landscape
from export.xlsx import build_workbook, mark_draft
from model.files.atomic import atomic_path
from model.many_reports.aggregate import Aggregation
from model.report.key_figures import SUM_KEY_FIGURE_LABELS, sum_key_figures

MEMBERS_SHEET = "汇总单位情况"
COMPARE_SHEET = "各单位对比"
#: Points per line of 10.5 pt text, with the fonts LibreOffice and WPS substitute for 宋体, and the
#: cell's own top and bottom margin.
LINE_PT, MARGIN_PT = 15.0, 4.0
#: Column widths (in widths of "0"): the members sheet fits A4 landscape at about 95 %.
MEMBER_WIDTHS = [20.0, 18.0, 6.0, 6.0, 6.0, 7.0] + [8.0] * len(SUM_KEY_FIGURE_LABELS) + [40.0]


def member_rows(result: Aggregation) -> list[list[Any]]:
    """One row per member: 单位, 文件, 年度, 是否计入, 错误, 未说明, key figures, 说明."""
    rows = []
    key = sum_key_figures(result.report.template)
    for m in result.members:
        figures = [m.figure(code) if m.counted else None for _, code in key]
        note = m.problem or "；".join(m.notices[:3])
        rows.append([m.agency or "（未知）", m.path.name, m.year, "计入" if m.counted else "未计入",
                     m.errors if m.report else None, m.unexplained if m.report else None, *figures, note])
    return rows


MEMBER_HEADERS = ["单位", "文件", "年度", "汇总", "错误", "需说明未说明",
                  *SUM_KEY_FIGURE_LABELS, "说明"]


def text_width(text: str) -> int:
    """Width of `text` in widths of "0": a Chinese character or full-width sign takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def lines_needed(value: Any, width: float) -> int:
    """How many lines `value` takes in a wrapping cell `width` wide (one cell margin left free)."""
    if value is None:
        return 1
    room = max(width - 1.0, 1.0)
    return sum(max(1, math.ceil(text_width(line) / room)) for line in str(value).split("\n"))


def row_height(values: list[Any], widths: list[float]) -> float:
    """The height, in points, of a row whose cells wrap: its tallest cell."""
    lines = max((lines_needed(v, w) for v, w in zip(values, widths, strict=False)), default=1)
    return lines * LINE_PT + MARGIN_PT


def _sheet(wb: Any, title: str, headers: list[str], rows: list[list[Any]], widths: list[float],
           note: str, draft: bool) -> None:
    ws = wb.create_sheet(title)
    for c, text in enumerate(headers, start=1):
        cell = ws.cell(1, c)
        put_text(cell, text)
        cell.font, cell.fill, cell.border, cell.alignment = HEAD, HEAD_FILL, BORDER, CENTER
    ws.row_dimensions[1].height = row_height(list(headers), widths)
    for r, row in enumerate(rows, start=2):
        stored = []  # what the cells hold: a Word line break in a name is a line of its own
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c)
            if isinstance(value, str):
                stored.append(put_text(cell, value))
            else:
                cell.value = value
                stored.append(value)
            cell.font, cell.border, cell.alignment = BODY, BORDER, WRAP
        ws.row_dimensions[r].height = row_height(stored, widths)
    if note:  # below the table, across its width: what the reader of the printout must know
        r = len(rows) + 3
        put_text(ws.cell(r, 1), note)
        ws.cell(r, 1).font, ws.cell(r, 1).alignment = BODY, WRAP
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(headers))
        ws.row_dimensions[r].height = row_height([note], [sum(widths)])
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    print_landscape(ws, freeze="B2")
    if draft:
        mark_draft(ws)


def write_aggregation_workbook(result: Aggregation, path: str | os.PathLike[str], *, draft: bool) -> None:
    """Write the workbook of a 汇总 atomically; ExportError with a Chinese message when it cannot.

    `draft` is the caller's verdict on the sum (Aggregation.draft, as for its PDF)."""
    wb = build_workbook(result.report, result.sum_findings(), draft=draft)
    _sheet(wb, MEMBERS_SHEET, MEMBER_HEADERS, member_rows(result), MEMBER_WIDTHS, result.excluded_note(), draft)
    figures = result.report.figures()
    key = sum_key_figures(result.report.template)
    compare = [[m.agency, *[m.figure(code) for _, code in key]] for m in result.counted]
    compare.append(["合计", *[figures.get(code) for _, code in key]])
    _sheet(wb, COMPARE_SHEET, ["单位", *SUM_KEY_FIGURE_LABELS], compare,
           [28.0] + [11.0] * len(key), result.excluded_note(), draft)
    for cell in wb[COMPARE_SHEET][len(compare) + 1]:
        cell.font = HEAD  # the 合计 row
    with atomic_path(path, "汇总工作簿", ExportError) as tmp:
        wb.save(tmp)
