"""Issue 7: one figure per cell and one verdict per report, whichever output shows it.

A report from outside states a total that differs from the sum of its items (stated 99, sum 2). The
editor, the workbook, the PDF and `check` must all show the computed sum, and the stated figure must
appear in the finding; the saved file keeps the stated figure as the claim it is (issue 15 point 3), so
that it reads back with the same finding. A report without 机关名称 must be a draft everywhere.
"""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
from PySide6.QtWidgets import QTableView
from support import MAIN, SAMPLE, sample_dict

CODE = "t3.new.total"  # 一、本年新收 … 总计: the sample's applicant columns add up to 2


def _run(*args, cwd):
    return subprocess.run([sys.executable, str(MAIN), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def _pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_stated_total_every_output_shows_the_sum(cn_dir, make_window):
    doc = sample_dict()
    doc["values"][CODE] = 99
    src = cn_dir / "外来 报告.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    # check: the stated figure is in the finding, with the sum
    checked = _run("check", src, "--json", cwd=cn_dir)
    assert checked.returncode == 1
    (t32,) = [f for f in json.loads(checked.stdout) if f["rule"] == "T3-2"]
    assert t32["cells"][0] == CODE and "（99）" in t32["message"] and "（2）" in t32["message"]

    # workbook and PDF, through the command line
    xlsx, pdf = cn_dir / "导出.xlsx", cn_dir / "导出.pdf"
    out = _run("export", src, "--xlsx", xlsx, "--pdf", pdf, cwd=cn_dir)
    assert out.returncode == 0, out.stderr
    from model.reading.workbook_layout import sheet_cell
    from model.report.storage import load

    sheet, ref = sheet_cell(CODE, load(SAMPLE).template)
    assert openpyxl.load_workbook(xlsx)[sheet][ref].value == "=SUM(D5:I5)"  # the sum of its parts (2), not 99
    plain = cn_dir / "样例.pdf"
    assert _run("export", SAMPLE, "--pdf", plain, cwd=cn_dir).returncode == 0
    text, sample_text = _pdf_text(pdf), _pdf_text(plain)
    assert "草稿" in text and "草稿" not in sample_text  # the T3-2 error makes it a draft, in one verdict
    row = next(line for line in text.splitlines() if "本年新收政府信息公开申请数量" in line)
    sample_row = next(line for line in sample_text.splitlines() if "本年新收政府信息公开申请数量" in line)
    assert row.split() == sample_row.split() and "99" not in row  # the PDF prints the sum, not 99

    # the editor shows the sum; saving keeps the claim, so the file reads back with its finding
    window = make_window(src)
    view = window.findChild(QTableView, "table-t3")
    assert view.model().index_of(CODE).data() == "2"
    assert window.doc.verdict.draft
    saved = cn_dir / "另存.json"
    assert window.save_to(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["values"][CODE] == 99
    again = _run("check", saved, "--json", cwd=cn_dir)
    assert [f["message"] for f in json.loads(again.stdout) if f["rule"] == "T3-2"] == [t32["message"]]


def test_no_agency_is_a_draft_everywhere(cn_dir, make_window):
    doc = sample_dict()
    del doc["meta"]["agency"]
    src = cn_dir / "无名.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    checked = _run("check", src, "--json", cwd=cn_dir)
    assert checked.returncode == 1
    assert [(f["rule"], f["severity"], f.get("field")) for f in json.loads(checked.stdout)] == [
        ("G1", "error", "agency")]
    pdf = cn_dir / "无名.pdf"
    out = _run("export", src, "--pdf", pdf, cwd=cn_dir)
    assert out.returncode == 0 and "草稿" in out.stderr
    assert "草稿" in _pdf_text(pdf)
    window = make_window(src)
    assert window.doc.verdict.draft
    review = window.wizard.review_page
    review.refresh()
    assert "尚不能报送" in review.status.text()
