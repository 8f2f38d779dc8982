"""The workbook of 年报质量检查, the office's working copy of a 通报: 总览 (one row per unit, worst first,
with a link to its rows), 问题清单 (one row per finding, filterable, printable), 各单位数据 (the key figures
side by side). Every text goes through export.cell_text.put_text, so no quote from a published report
can become a formula. Rule codes stay out of what a reader sees."""

from __future__ import annotations

import os
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from export.aggregate_xlsx import row_height
from export.cell_text import put_text
from export.errors import ExportError
from export.sheet_style import BODY, BORDER, CENTER, HEAD, HEAD_FILL, WRAP, print_landscape
from export.xlsx import mark_draft
from model.checks.rules import Severity
from model.files.atomic import atomic_path
from model.many_reports.audit import (
    Audit,
    AuditDocument,
    key_figures,
    kind_label,
    part_of,
    place_of,
    problem_of,
)
from model.report.key_figures import KEY_FIGURE_LABELS

OVERVIEW_SHEET, FINDINGS_SHEET, FIGURES_SHEET = "总览", "问题清单", "各单位数据"
_LINK = Font(name="宋体", size=10.5, color="0563C1", underline="single")
_ERROR = Font(name="宋体", size=10.5, bold=True, color="C00000")
PERCENT = "0.0%"

OVERVIEW_COLUMNS: tuple[tuple[str, float], ...] = (
    ("排名", 5.0), ("单位", 22.0), ("机关类型", 10.0), ("年度", 6.0), ("错误", 5.0), ("需说明", 6.0),
    ("提醒", 5.0), ("公开率", 7.0), ("结转率", 7.0), ("本年新收", 7.0), ("上年新收", 7.0), ("新收增减", 7.0),
    ("发布日期", 10.0), ("逾期天数", 6.0), ("问题", 7.0), ("文件", 18.0), ("说明", 26.0),
)
FINDING_COLUMNS: tuple[tuple[str, float], ...] = (
    ("单位", 18.0), ("部分", 14.0), ("问题", 44.0), ("原文引用", 34.0), ("位置", 26.0), ("严重程度", 7.0),
)
FIGURE_COLUMNS: tuple[tuple[str, float], ...] = (
    ("单位", 22.0), ("年度", 6.0), *[(label, 8.0) for label in KEY_FIGURE_LABELS], ("公开率", 7.0), ("结转率", 7.0),
)


def _header(ws: Any, columns: tuple[tuple[str, float], ...]) -> None:
    for c, (label, width) in enumerate(columns, start=1):
        cell = ws.cell(1, c)
        put_text(cell, label)
        cell.font, cell.fill, cell.border, cell.alignment = HEAD, HEAD_FILL, BORDER, CENTER
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[1].height = row_height([label for label, _ in columns], [w for _, w in columns])


def _row(ws: Any, r: int, values: list[Any], columns: tuple[tuple[str, float], ...],
         percent: tuple[int, ...] = ()) -> None:
    shown: list[Any] = []  # what the cells show, for the row's height
    for c, value in enumerate(values, start=1):
        cell = ws.cell(r, c)
        if isinstance(value, str):
            shown.append(put_text(cell, value))
        else:
            cell.value = value
            shown.append(f"{value:.1%}" if isinstance(value, float) else value)
        if c in percent:
            cell.number_format = PERCENT
        cell.font, cell.border = BODY, BORDER
        cell.alignment = WRAP if isinstance(value, str) and len(value) > 4 else CENTER
    ws.row_dimensions[r].height = row_height(shown, [w for _, w in columns])



def _overview(wb: Workbook, result: Audit, first_rows: dict[int, int]) -> None:
    ws = wb.create_sheet(OVERVIEW_SHEET)
    _header(ws, OVERVIEW_COLUMNS)
    r = 2
    for rank, u in enumerate(result.units, start=1):
        kf = key_figures(u)
        meta = u.report.meta if u.report else {}
        kind = kind_label(u.report) if u.report else ""
        n = len(u.findings)
        note = f"上年报告：{u.prior.path.name}" if u.prior is not None else ""
        _row(ws, r, [rank, u.agency or "（未写明单位）", kind.split("（")[0], u.year, u.errors, u.confirms,
                     u.warnings, kf.open_rate, kf.carry_rate, kf.figures["新收申请"], kf.new_before, kf.new_change,
                     meta.get("published_on") if isinstance(meta.get("published_on"), str) else "未印明",
                     kf.days_late, f"{n} 条" if n else "无", u.path.name, note],
             OVERVIEW_COLUMNS, percent=(8, 9, 12))
        if u.errors:
            ws.cell(r, 5).font = _ERROR
        if n:
            link = ws.cell(r, 15)
            link.hyperlink = f"#'{FINDINGS_SHEET}'!A{first_rows[id(u)]}"
            link.font = _LINK
        r += 1
    others = ([("未报送", name, "应报单位名单中有此单位，但没有收到其报告。") for name in result.missing]
              + [("未能读取", d.path.name, d.reason or "") for d in result.unreadable]
              + [("重复", d.path.name, d.reason or "") for d in result.duplicates])
    for what, name, why in others:
        values: list[Any] = [what, name if what == "未报送" else ""] + [None] * 13
        values += [name if what != "未报送" else "", why]
        _row(ws, r, values, OVERVIEW_COLUMNS)
        r += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(OVERVIEW_COLUMNS))}{max(r - 1, 1)}"
    print_landscape(ws, freeze="A2", header="年度报告质量检查总览")


def _findings(wb: Workbook, units: list[AuditDocument]) -> dict[int, int]:
    """The 问题清单 sheet; returns each unit's first row (by id) for the links of 总览."""
    ws = wb.create_sheet(FINDINGS_SHEET)
    _header(ws, FINDING_COLUMNS)
    first: dict[int, int] = {}
    r = 2
    for u in units:
        for f in u.findings:
            first.setdefault(id(u), r)
            _row(ws, r, [u.agency or u.path.name, part_of(f, u.report), problem_of(f), f.location.quote,
                         place_of(f, u.report), f.severity.label], FINDING_COLUMNS)
            if f.severity is Severity.ERROR:
                ws.cell(r, 6).font = _ERROR
            r += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(FINDING_COLUMNS))}{max(r - 1, 1)}"
    print_landscape(ws, freeze="A2", header="年度报告质量检查问题清单")
    return first


def _figures(wb: Workbook, units: list[AuditDocument]) -> None:
    ws = wb.create_sheet(FIGURES_SHEET)
    _header(ws, FIGURE_COLUMNS)
    for r, u in enumerate(units, start=2):
        kf = key_figures(u)
        _row(ws, r, [u.agency or u.path.name, u.year, *kf.figures.values(), kf.open_rate, kf.carry_rate],
             FIGURE_COLUMNS, percent=(len(FIGURE_COLUMNS) - 1, len(FIGURE_COLUMNS)))
    ws.auto_filter.ref = f"A1:{get_column_letter(len(FIGURE_COLUMNS))}{max(len(units) + 1, 1)}"
    print_landscape(ws, freeze="A2", header="各单位主要数据")


def build_audit_workbook(result: Audit) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    units = result.units
    wb.create_sheet(OVERVIEW_SHEET)  # first in the workbook; filled once the rows of 问题清单 are known
    first_rows = _findings(wb, units)
    del wb[OVERVIEW_SHEET]
    _overview(wb, result, first_rows)
    wb.move_sheet(OVERVIEW_SHEET, offset=-(len(wb.sheetnames) - 1))
    wb.active = 0
    _figures(wb, units)
    if result.draft:  # the check's own verdict (Audit.draft), as its 通报 carries it
        for ws in wb.worksheets:
            mark_draft(ws)
    return wb


def write_audit_workbook(result: Audit, path: str | os.PathLike[str]) -> None:
    """Write the workbook atomically; ExportError with a Chinese message when it cannot."""
    wb = build_audit_workbook(result)
    with atomic_path(path, "检查结果工作簿", ExportError) as tmp:
        wb.save(tmp)
