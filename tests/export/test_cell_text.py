"""Text written to a workbook cell never becomes a formula; control characters are replaced."""

from __future__ import annotations

import csv
import shutil
import subprocess

import openpyxl
import pytest

from export.cell_text import REPLACEMENT, looks_like_formula, put_text, safe_text

HOSTILE = ["=1+1", "+1+1", "-1+1", "@SUM(A1:A2)", "  =1+1", "\u3000=1+1", "\t=1+1"]


def test_formula_starts_are_recognised():
    assert all(looks_like_formula(t) for t in HOSTILE)
    assert not any(looks_like_formula(t) for t in ["共收到申请 1+1 件", "（一）=", "1-2"])


def test_control_characters_are_replaced():
    assert safe_text("甲\x00乙\x07丙\x1b丁\r\n戊\ud800") == f"甲{REPLACEMENT}乙{REPLACEMENT}丙{REPLACEMENT}丁\n戊{REPLACEMENT}"
    assert safe_text("换行\n制表\t保留") == "换行\n制表\t保留"
    assert safe_text(safe_text("a\x01")) == safe_text("a\x01")


def test_put_text_stores_text_with_the_quote_prefix(tmp_path):
    wb = openpyxl.Workbook()
    for r, text in enumerate(HOSTILE, start=1):
        put_text(wb.active.cell(r, 1), text)
    path = tmp_path / "公式 文本.xlsx"
    wb.save(path)
    back = openpyxl.load_workbook(path).active
    for r, text in enumerate(HOSTILE, start=1):
        cell = back.cell(r, 1)
        assert cell.data_type == "s" and cell.value == text and cell.quotePrefix


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by setup.sh --dev")
def test_libreoffice_reads_them_as_text(tmp_path):
    wb = openpyxl.Workbook()
    for r, text in enumerate(HOSTILE, start=1):
        put_text(wb.active.cell(r, 1), text)
    path = tmp_path / "hostile.xlsx"
    wb.save(path)
    subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    with open(tmp_path / "hostile.csv", encoding="utf-8") as fh:
        shown = [row[0] for row in csv.reader(fh)]
    assert shown == HOSTILE  # never 2 or #NAME?
