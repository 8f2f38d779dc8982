"""The 汇总 workbook's own sheets as printed (issue 15 point 8): headers wrap inside their cells, rows
grow with their text, one page wide; checked in our numbers and in LibreOffice's PDF of them."""

from __future__ import annotations

import re
import shutil
import subprocess

import openpyxl
import pytest
from aggregate_members import COUNTY, YEAR, member

from export.aggregate_xlsx import (
    COMPARE_SHEET,
    LINE_PT,
    MEMBER_HEADERS,
    MEMBERS_SHEET,
    lines_needed,
    write_aggregation_workbook,
)
from model.many_reports.aggregate import aggregate
from model.report.storage import save


@pytest.fixture
def book(cn_dir):
    folder = cn_dir / "各单位"
    folder.mkdir()
    for i in range(4):
        report = member(i)
        if i == 2:
            report.values["t3.new.natural"] += 1
        save(report, folder / f"{i:02d} {COUNTY}第{i:03d}局{YEAR}年政府信息公开工作年度报告.json", backup=False)
    result = aggregate([folder], year=YEAR, exclude_errors=True)
    path = cn_dir / "汇总.xlsx"
    write_aggregation_workbook(result, path, draft=result.draft)
    return path


def test_lines_needed_counts_chinese_as_two():
    assert lines_needed("12345", 10) == 1
    assert lines_needed("国" * 9, 10) == 2  # 18 wide in a cell of 9 usable
    assert lines_needed("一\n二", 10) == 2 and lines_needed(None, 5) == 1


def test_rows_grow_with_their_text_and_headers_wrap(book):
    wb = openpyxl.load_workbook(book)
    ws = wb[MEMBERS_SHEET]
    note_col = MEMBER_HEADERS.index("说明") + 1
    heights = {r: ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)}
    assert all(h for r, h in heights.items() if ws.cell(r, 1).value)  # every row sized, none left to chance
    (excluded,) = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 4).value == "未计入"]
    width = ws.column_dimensions[openpyxl.utils.get_column_letter(note_col)].width
    assert heights[excluded] >= lines_needed(ws.cell(excluded, note_col).value, width) * LINE_PT
    assert lines_needed(ws.cell(excluded, note_col).value, width) >= 3
    for c in range(1, ws.max_column + 1):
        head = ws.cell(1, c)
        assert head.alignment.wrap_text
    assert heights[1] >= 2 * LINE_PT  # 需说明未说明 and 行政诉讼（未经复议） take two lines
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$1"
    compare = wb[COMPARE_SHEET]
    assert [c.value for c in compare[1]][0] == "单位"  # one row per unit: the list grows downwards
    assert compare.cell(compare.max_row - 2, 1).value == "合计" or any(
        compare.cell(r, 1).value == "合计" for r in range(2, compare.max_row + 1))
    notes = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("说明：")]
    assert notes and "未计入" in notes[0] and f"{COUNTY}第002局" in notes[0]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by setup.sh --dev")
def test_libreoffice_prints_the_members_sheet_one_page_wide(book, cn_dir):
    wb = openpyxl.load_workbook(book)
    for name in wb.sheetnames:
        if name != MEMBERS_SHEET:
            del wb[name]
    one = cn_dir / "members.xlsx"
    wb.save(one)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(cn_dir), str(one)],
                   check=True, capture_output=True, timeout=180)
    pdf = cn_dir / "members.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info  # every column on one page (and all rows, for four units)
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    w, h = (float(x) for x in size.split(":")[1].split("pts")[0].split("x"))
    assert w > h  # landscape
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    # the whole 说明 of the member left out, wrapped over three lines, its last line too
    assert "按“不计入统计表有错误的单位”未计入汇总" in flat and "请督促该单位更正后重新汇总。" in flat
    assert "未经复议）" in flat and "复议后）" in flat  # headers wrapped inside their cells
