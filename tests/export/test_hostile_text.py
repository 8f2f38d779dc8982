"""Issue 18 point 5: outside text in every text field of every kind of output — the report workbook,
the 汇总 workbook (member names), the 年报质量检查 workbook, Word and PDF — stays text (never a formula,
in openpyxl's reading and in LibreOffice's) and no control character stops a writer."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from aggregate_members import YEAR, member
from support import full_report

from export.aggregate_xlsx import COMPARE_SHEET, write_aggregation_workbook
from export.audit_xlsx import FIGURES_SHEET, write_audit_workbook
from export.cell_text import looks_like_formula
from export.docx import write_docx
from export.pdf import write_pdf
from export.xlsx import write_workbook
from model.checks.verdict import judge
from model.files.text_clean import clean_text
from model.many_reports.aggregate import aggregate
from model.many_reports.audit import run_audit
from model.reading.workbook_layout import META_SHEET
from model.report.storage import save
from model.template import CURRENT as T

#: What an outside audit typed into 机关名称 and the texts (issue 18), and a Word line break and a bell.
HOSTILE = ["=cmd|'/c calc'!A1", '=HYPERLINK("http://example.com","点击")', "\t=1+1", "+1", "-1+2", "@SUM(1)",
           "甲\x0b乙", "丙\x07丁"]
META_KEYS = ("agency", "address", "website", "phone")
CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def hostile_report():
    """Every text field of a report holds hostile text: the meta texts, every section, an explanation."""
    report = full_report()
    for i, key in enumerate(META_KEYS):
        report.meta[key] = HOSTILE[i] + "\x0b" + HOSTILE[i + 4]
    for key in ["preamble", *(sec.key for sec in T.sections if sec.table is None)]:  # every text section
        report.sections[key] = "\n".join(HOSTILE)
    report.explanations["T3-5@t3.carried_in.natural"] = "\x07=1+1" + HOSTILE[0]
    return report


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("hostile") / "难写 的文字"
    members = out / "各单位"
    members.mkdir(parents=True)
    for i, name in enumerate(HOSTILE):
        report = member(i)
        report.meta["agency"] = name
        save(report, members / f"{i:02d} 单位.json", backup=False)
    report = hostile_report()
    paths = {kind: out / f"报告.{kind}" for kind in ("xlsx", "docx", "pdf")}
    draft = judge(report)[0].draft
    write_workbook(report, paths["xlsx"], draft=draft)
    write_docx(report, paths["docx"], draft=draft)
    write_pdf(report, paths["pdf"], draft=draft)
    result = aggregate([members], year=YEAR)
    assert len(result.counted) == len(HOSTILE)
    paths["aggregate"] = out / "汇总.xlsx"
    write_aggregation_workbook(result, paths["aggregate"], draft=result.draft)
    save(report, members / "本单位.json", backup=False)
    paths["audit"] = out / "质量检查.xlsx"
    write_audit_workbook(run_audit([members]), paths["audit"])
    return paths


def _text_cells(path: Path):
    wb = openpyxl.load_workbook(path)  # not data_only: a formula would read as data_type "f"
    return [(ws.title, c) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]


@pytest.mark.parametrize("kind", ["xlsx", "aggregate", "audit"])
def test_no_text_in_any_workbook_is_a_formula(outputs, kind):
    cells = _text_cells(outputs[kind])
    formulas = [(t, c.coordinate, c.value) for t, c in cells if c.data_type == "f"]
    assert all(v.startswith("=SUM(") for _, _, v in formulas), formulas  # only the tables' own totals
    texts = [c for _, c in cells if c.data_type == "s"]
    shown = {c.value for c in texts}
    for c in texts:  # the quote prefix keeps a formula-like text text when the cell is edited
        assert not looks_like_formula(c.value) or c.quotePrefix, (c.coordinate, c.value)
    for name in HOSTILE[:2] + HOSTILE[3:6]:
        assert any(name in v for v in shown), (kind, name)
    assert not any(re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", v) for v in shown)


def test_the_meta_texts_are_in_the_report_workbook_cleaned(outputs):
    rows = {r[0].value: r[1].value for r in openpyxl.load_workbook(outputs["xlsx"])[META_SHEET].iter_rows(min_row=3)}
    report = hostile_report()
    for key in META_KEYS:
        label = next(f.label for f in T.meta_fields if f.key == key)
        assert rows[label] == clean_text(report.meta[key]), key


def test_word_and_pdf_clean_the_same_way(outputs):
    """A Word line break is a line break in both documents (the PDF used to join 甲乙), a bell is gone,
    and formula-like text prints literally."""
    paras = [p.text for p in docx.Document(str(outputs["docx"])).paragraphs]
    assert "甲" in paras and "乙" in paras and not any("\x07" in p or "甲乙" in p for p in paras)
    assert "丙丁" in paras and "=cmd|'/c calc'!A1" in paras
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(outputs["pdf"]), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [line.strip() for line in text.splitlines()]
    assert "甲" in lines and "乙" in lines and "丙丁" in lines and "甲乙" not in text
    flat = "".join(text.split())
    for literal in HOSTILE[:2]:
        assert "".join(literal.split()) in flat, literal


@pytest.fixture(scope="module")
def csv_folder(outputs, tmp_path_factory) -> Path:
    soffice = shutil.which("soffice")
    if soffice is None and not os.environ.get("CI"):
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path_factory.mktemp("csv")
    profile = tmp_path_factory.mktemp(f"lo-profile-{os.getpid()}")
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    CSV_ALL_SHEETS, "--outdir", str(out), *(str(outputs[k]) for k in ("xlsx", "aggregate", "audit"))],
                   capture_output=True, timeout=300, check=True)
    return out


def _first_column(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [row[0] for row in csv.reader(fh) if row]


def test_libreoffice_shows_member_names_literally(outputs, csv_folder):
    names = [clean_text(n).strip() for n in HOSTILE]  # a member's name is read stripped (model.many_reports.aggregate)
    compare = _first_column(csv_folder / f"{outputs['aggregate'].stem}-{COMPARE_SHEET}.csv")
    assert compare[1:-1] == names and compare[-1] == "合计"  # never 2, 1, #NAME? or a link
    audit = _first_column(csv_folder / f"{outputs['audit'].stem}-{FIGURES_SHEET}.csv")
    assert set(names) <= set(audit), audit


def test_libreoffice_shows_the_report_texts_literally(outputs, csv_folder):
    with open(csv_folder / f"{outputs['xlsx'].stem}-{META_SHEET}.csv", encoding="utf-8", newline="") as fh:
        meta = {row[0]: row[1] for row in csv.reader(fh) if len(row) >= 2}
    report = hostile_report()
    for key in META_KEYS:
        label = next(f.label for f in T.meta_fields if f.key == key)
        assert meta[label] == clean_text(report.meta[key]), key


def test_a_line_break_in_a_name_makes_its_row_taller(outputs):
    """The row is sized by what the cell holds: "甲\\x0b乙" is two lines, as LibreOffice prints it."""
    for kind, sheet in (("aggregate", COMPARE_SHEET), ("audit", FIGURES_SHEET)):
        ws = openpyxl.load_workbook(outputs[kind])[sheet]
        heights = {ws.cell(r, 1).value: ws.row_dimensions[r].height for r in range(2, ws.max_row + 1)}
        assert heights["甲\n乙"] > heights["+1"], (kind, heights)
