"""Generated members for 汇总 tests and benchmarks: consistent reports of many units of one county.

Each member is `full_report()` with its counts scaled by a factor of its own (the 勾稽关系 keeps
holding) and a 收费金额 with six decimal places, so the sums are easy to state exactly.
"""

from __future__ import annotations

from decimal import Decimal

from support import full_report

from model.report.report import Report
from model.template import CURRENT as T
from model.template.types import ValueKind

COUNTY = "某某县"
YEAR = 2024


def member(i: int, year: int = YEAR) -> Report:
    report = full_report()
    factor = 1 + i % 5
    for code in T.input_codes:
        v = report.values[code]
        if T.cells[code].kind is ValueKind.AMOUNT:
            report.values[code] = Decimal(i) + Decimal("0.000001") * (i + 1)
        else:
            report.values[code] = v * factor
    report.meta.update(agency=f"{COUNTY}第{i:03d}局", agency_kind="department", year=year,
                       admin_level="county", published_on=f"{year + 1}-01-20")
    for key, text in report.sections.items():  # the texts speak of the member's own year (G3)
        report.sections[key] = text.replace(str(full_report().meta["year"]), str(year))
    return report


def expected_sum(indices: list[int]) -> dict[str, object]:
    """Every input cell of the sum of the members `indices`, computed independently of model.many_reports.aggregate."""
    out: dict[str, object] = {}
    for i in indices:
        for code, v in member(i).values.items():
            out[code] = out.get(code, 0) + v
    return out


def write_handmade(report: Report, path, title: bool = True) -> None:
    """`report` as an office fills in the circulated template by hand: the three official tables on one
    sheet, away from A1, some numbers stored as text, totals typed as formulas without cached values,
    and no hidden sheet. Built from this program's own table layout so that the labels are the real ones."""
    import tempfile
    from pathlib import Path

    import openpyxl

    from export.xlsx import write_workbook
    from model.reading.workbook_layout import sheet_cell, sheet_title

    with tempfile.TemporaryDirectory() as tmp:
        ours = Path(tmp) / "ours.xlsx"
        write_workbook(report, ours, draft=False)
        src = openpyxl.load_workbook(ours)
        figures = report.figures()
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Sheet1"
        if title:
            ws.cell(1, 2, report.title)
        row = 3
        for key in ("t2", "t3", "t4"):
            sheet = src[sheet_title(report.template.table(key))]
            codes = {sheet_cell(code, report.template)[1]: code for code in T.table(key).derived_codes}
            for cells in sheet.iter_rows(min_row=2, max_row=sheet.max_row):
                for c in cells:
                    value = c.value
                    if value is None:
                        continue
                    if isinstance(value, str) and value.startswith("=SUM("):  # our total: typed as its figure
                        value = figures[codes[c.coordinate]]
                    if isinstance(value, int) and (c.row + c.column) % 4 == 0:
                        value = str(value)  # a number stored as text
                    ws.cell(row + c.row, 2 + c.column).value = value
            if key == "t4":  # totals typed as formulas: saved by openpyxl without a cached value
                for group, _ in T.t4.groups:
                    total = sheet[sheet_cell(T.t4_code(group, "total"), report.template)[1]]
                    first = sheet[sheet_cell(T.t4_code(group, "upheld"), report.template)[1]]
                    target = ws.cell(row + total.row, 2 + total.column)
                    left = ws.cell(row + first.row, 2 + first.column).coordinate
                    right = ws.cell(row + first.row, 2 + total.column - 1).coordinate
                    target.value = f"=SUM({left}:{right})"
            row += sheet.max_row + 2
        wb.save(path)
