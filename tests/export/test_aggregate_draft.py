"""Issue 18 point 3 (the 草稿 verdict, decided once): the 汇总 workbook carries 草稿 when its PDF does,
and no writer decides a draft on its own — the caller passes model.checks.verdict's or model.many_reports.aggregate's."""

from __future__ import annotations

import inspect
import shutil
import subprocess

import openpyxl
import pytest
from aggregate_members import YEAR, member

import main
from export.aggregate_xlsx import COMPARE_SHEET, MEMBERS_SHEET, write_aggregation_workbook
from export.docx import DocxResult, write_docx
from export.docx import build_document as build_docx
from export.layout import DRAFT_WORD
from export.pdf import PdfResult, write_pdf
from export.pdf import build_document as build_pdf
from export.xlsx import build_workbook, write_workbook
from model.reading.workbook_layout import DATA_SHEET
from model.report.storage import save


@pytest.mark.parametrize("writer", [write_workbook, build_workbook, write_pdf, build_pdf, write_docx, build_docx,
                                    write_aggregation_workbook])
def test_writers_take_the_draft_verdict_from_the_caller(writer):
    draft = inspect.signature(writer).parameters["draft"]
    assert draft.default is inspect.Parameter.empty and draft.kind is inspect.Parameter.KEYWORD_ONLY


@pytest.mark.parametrize("result", [PdfResult, DocxResult])
def test_what_a_writer_did_reports_the_verdict_it_was_given_never_a_default(result):
    draft = inspect.signature(result).parameters["draft"]
    assert draft.default is inspect.Parameter.empty


def test_the_quality_check_outputs_carry_the_checks_own_verdict(tmp_path):
    """年报质量检查: its 通报 and workbook are a 草稿 only when the check stopped before reading every file
    (Audit.draft), the same answer for both; the writers never decide it."""
    from export.audit_pdf import write_audit_pdf
    from export.audit_xlsx import build_audit_workbook
    from model.many_reports.audit import run_audit

    folder = tmp_path / "报告"
    folder.mkdir()
    save(member(0), folder / "00.json", backup=False)
    done = run_audit([folder], workers=1)
    stopped = run_audit([folder], workers=1, cancelled=lambda: True)
    assert (done.draft, stopped.draft) == (False, True)
    for result in (done, stopped):
        pdf = tmp_path / f"{result.draft}.pdf"
        assert write_audit_pdf(result, pdf).draft is result.draft
        assert (DRAFT_WORD in _pdf_text(pdf)) is result.draft
        marks = {ws.oddHeader.right.text == DRAFT_WORD for ws in build_audit_workbook(result).worksheets}
        assert marks == {result.draft}


@pytest.fixture
def members(cn_dir):
    folder = cn_dir / "各单位"
    folder.mkdir()
    for i in range(3):
        report = member(i)
        if i == 1:
            report.values["t3.new.natural"] += 1  # table 三 out of balance: the sum carries it
        save(report, folder / f"{i:02d} 单位.json", backup=False)
    return folder


def _aggregate(members, cn_dir, *extra: str):
    paths = [cn_dir / "汇总.json", cn_dir / "汇总 表.xlsx", cn_dir / "汇总 表.pdf"]
    code = main.main(["aggregate", str(members), "--year", str(YEAR), "--out", str(paths[0]),
                      "--xlsx", str(paths[1]), "--pdf", str(paths[2]), *extra])
    assert code in (0, 1)
    return openpyxl.load_workbook(paths[1]), paths[2]


def _pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_a_draft_sum_marks_every_sheet_of_its_workbook_as_its_pdf(members, cn_dir):
    wb, pdf = _aggregate(members, cn_dir)
    assert DRAFT_WORD in _pdf_text(pdf)
    visible = [ws for ws in wb if ws.title != DATA_SHEET]
    assert {MEMBERS_SHEET, COMPARE_SHEET} <= {ws.title for ws in visible}
    for ws in visible:
        assert ws.oddHeader.right.text == DRAFT_WORD, ws.title  # on every printed page
        if ws.title not in (MEMBERS_SHEET, COMPARE_SHEET):  # the report's sheets: in the title too
            assert DRAFT_WORD in ws["A1"].value, ws.title


def test_a_sum_without_errors_is_marked_nowhere(members, cn_dir):
    wb, pdf = _aggregate(members, cn_dir, "--exclude-errors")
    assert DRAFT_WORD not in _pdf_text(pdf)
    for ws in wb:
        assert not ws.oddHeader.right.text, ws.title
        assert DRAFT_WORD not in str(ws["A1"].value or ""), ws.title
