"""Every writer prints every row of the report's format (issue 18 point 2).

With the extended format (one more 不予公开 reason, tests/extended_template.py) the new row must appear,
with its label and its figure, in the workbook (read with openpyxl), the PDF (pdftotext), the Word document
(python-docx), the 汇总 workbook and PDF of two such members, and where 年报质量检查 names a cell. A writer
that still reads the rows of the 2021 format misses it, and these tests fail.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from extended_template import EXTENDED, EXTRA_LABEL, EXTRA_ROW, deny_report, registered

from export.aggregate_xlsx import write_aggregation_workbook
from export.docx import build_document
from export.pdf import write_pdf
from export.xlsx import write_workbook
from model.checks.rules import Finding, Severity
from model.many_reports.aggregate import aggregate
from model.many_reports.audit import place_of
from model.reading.workbook_layout import sheet_cell, sheet_title
from model.report.storage import save

NEW_CELL = f"t3.{EXTRA_ROW}.natural"
TOTAL_ROW_NATURAL = EXTENDED.t3_code(EXTENDED.t3.total_row[0], EXTENDED.t3.input_cols[0])

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")


def _pdf_text(path: Path) -> str:
    """The PDF's text with every space and line break taken out: a label wrapped in its cell reads whole."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def _row_of(ws, code: str) -> tuple[int, int]:
    _, coord = sheet_cell(code, EXTENDED)
    cell = ws[coord]
    return cell.row, cell.column


def _check_table_sheet(path: Path, figure: int) -> None:
    """The 表三 sheet has the new row's label in the row of its cell, its figure there, and the （七）总计 formula
    adds that row up."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet_title(EXTENDED.table("t3"))]
    row, col = _row_of(ws, NEW_CELL)
    labels = [ws.cell(row, c).value for c in range(1, col)]
    assert any(isinstance(v, str) and EXTRA_LABEL in v for v in labels), labels
    assert ws.cell(row, col).value == figure
    _, total = sheet_cell(TOTAL_ROW_NATURAL, EXTENDED)
    formula = ws[total].value
    first, last = re.fullmatch(r"=SUM\([A-Z]+(\d+):[A-Z]+(\d+)\)", formula).groups()
    assert int(first) <= row <= int(last), formula


def test_the_workbook_prints_the_new_row(tmp_path):
    path = tmp_path / "报告.xlsx"
    write_workbook(deny_report(), path, draft=False)
    _check_table_sheet(path, 2)


@needs_pdftotext
def test_the_pdf_prints_the_new_row(tmp_path):
    path = tmp_path / "报告.pdf"
    write_pdf(deny_report(), path, draft=False)
    text = _pdf_text(path)
    assert EXTRA_LABEL in text


def test_the_word_document_prints_the_new_row():
    doc = build_document(deny_report(), draft=False)
    rows = [[c.text for c in row.cells] for table in doc.tables for row in table.rows]
    natural = EXTENDED.t3.input_cols.index("natural")

    def figure(label: str) -> str:
        (row,) = [r for r in rows if label in r]
        return row[len(row) - 1 - row[::-1].index(label) + 1 + natural]  # first figure right of the label

    assert figure(EXTRA_LABEL) == "2"
    assert figure(EXTENDED.t3.total_row[1]) == "3"


@pytest.fixture
def two_members(tmp_path):
    with registered():
        for name in ("甲局", "乙局"):
            report = deny_report()
            report.meta["agency"] = f"某某县{name}"
            save(report, tmp_path / f"{name}.json")
        yield aggregate([tmp_path], agency="某某县人民政府", year=2023)


def test_the_sum_is_in_the_members_format_with_the_new_row(two_members):
    result = two_members
    assert [m.problem for m in result.members] == ["", ""]
    assert result.report.template is EXTENDED
    assert result.report.values[NEW_CELL] == 4
    assert result.report.figures()[TOTAL_ROW_NATURAL] == 6
    assert result.notices() == []


def test_the_sum_workbook_prints_the_new_row(two_members, tmp_path):
    path = tmp_path / "汇总.xlsx"
    write_aggregation_workbook(two_members, path, draft=two_members.draft)
    _check_table_sheet(path, 4)


@needs_pdftotext
def test_the_sum_pdf_prints_the_new_row(two_members, tmp_path):
    path = tmp_path / "汇总.pdf"
    write_pdf(two_members.report, path, draft=two_members.draft, tables_only=True)
    assert EXTRA_LABEL in _pdf_text(path)


def test_the_quality_check_names_a_cell_of_the_new_row():
    finding = Finding("T3-4", Severity.ERROR, (NEW_CELL,), "", variant="invalid", params={"reason": "负数"})
    assert EXTRA_LABEL in place_of(finding, deny_report())
