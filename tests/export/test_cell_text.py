"""The one writer of a workbook cell (export.cell_text.put_text): text never becomes a formula, and
no control character stops openpyxl."""

from __future__ import annotations

import csv
import shutil
import subprocess

import openpyxl
import pytest

from export.cell_text import looks_like_formula, put_text

HOSTILE = ["=1+1", "+1+1", "-1+1", "@SUM(A1:A2)", "  =1+1", "\u3000=1+1", "\t=1+1",
           "=cmd|'/c calc'!A1", '=HYPERLINK("http://example.com","点击")']


def test_formula_starts_are_recognised():
    assert all(looks_like_formula(t) for t in HOSTILE)
    assert not any(looks_like_formula(t) for t in ["共收到申请 1+1 件", "（一）=", "1-2", "＝全角"])


def test_put_text_stores_text_with_the_quote_prefix(tmp_path):
    wb = openpyxl.Workbook()
    for r, text in enumerate(HOSTILE, start=1):
        put_text(wb.active.cell(r, 1), text)
    put_text(wb.active.cell(1, 2), "机关\x0b名称\x07")  # openpyxl alone raises IllegalCharacterError
    put_text(wb.active.cell(2, 2), "")
    path = tmp_path / "公式 文本.xlsx"
    wb.save(path)
    back = openpyxl.load_workbook(path).active
    for r, text in enumerate(HOSTILE, start=1):
        cell = back.cell(r, 1)
        assert cell.data_type == "s" and cell.value == text and cell.quotePrefix
    assert back.cell(1, 2).value == "机关\n名称" and not back.cell(1, 2).quotePrefix
    assert back.cell(2, 2).value is None


def test_one_writer_and_one_cleaning_in_the_writers():
    """No writer stores a cell's text or cleans control characters on its own: they call the one
    function each (model.files.text_clean.clean_text, put_text); a second escaper drifts from the first, as
    the 汇总 workbook's and the PDF's did."""
    from pathlib import Path

    export = Path(__file__).resolve().parents[2] / "export"
    owners = {"data_type": {"cell_text.py"}, "quotePrefix": {"cell_text.py"}, "\\x0b": set(), "\\x00-": set()}
    for needle, allowed in owners.items():
        found = {p.name for p in export.rglob("*.py") if needle in p.read_text(encoding="utf-8")}
        assert found == allowed, (needle, found)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by setup.sh --dev")
def test_libreoffice_reads_them_as_text(tmp_path):
    wb = openpyxl.Workbook()
    for r, text in enumerate(HOSTILE, start=1):
        put_text(wb.active.cell(r, 1), text)
    path = tmp_path / "hostile.xlsx"
    wb.save(path)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    with open(tmp_path / "hostile.csv", encoding="utf-8") as fh:
        shown = [row[0] for row in csv.reader(fh)]
    assert shown == HOSTILE  # never 2, #NAME? or a link
