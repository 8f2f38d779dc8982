"""Issue 8: a typed explanation reaches the printed report (六（五）) in the PDF and in the workbook."""

from __future__ import annotations

import subprocess

import openpyxl
from support import full_report

from export.pdf import write_pdf
from export.xlsx import write_workbook
from model.reading.workbook_layout import TEXT_SHEET
from model.reading.workbook_reader import read_workbook
from model.template import CURRENT as T

WHY = "上年结转的一件申请已由申请人撤回"


def _report():
    report = full_report()
    report.sections["s6"] = "\n".join(f"{h}\n无" for h in T.s6_items)
    report.explanations["T3-5@t3.carried_in.natural"] = WHY + "。"
    return report


def test_pdf_prints_the_explanation_in_item_five(cn_dir):
    path = cn_dir / "说明.pdf"
    write_pdf(_report(), path, draft=False)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert WHY in flat
    assert flat.index("（五）本行政机关政府信息公开工作年度报告数据统计需要说明的事项") < flat.index(WHY)


def test_workbook_prints_the_explanation_and_reads_back_without_notices(cn_dir):
    path = cn_dir / "说明.xlsx"
    report = _report()
    write_workbook(report, path, draft=False)
    cells = [c.value for row in openpyxl.load_workbook(path)[TEXT_SHEET].iter_rows() for c in row]
    assert any(isinstance(v, str) and WHY in v for v in cells)
    back, notices = read_workbook(path)
    assert notices == [] and back.explanations == report.explanations
    assert back.sections["s6"] == report.sections["s6"]  # printed, not written into the user's text
