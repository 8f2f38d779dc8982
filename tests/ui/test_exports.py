"""Exports from the 校验与导出 page: names, drafts, refusals and the locked-file case.

Interactive exports run in a worker thread: tests wait for `window.exports.busy` to clear.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from support import SAMPLE

from ui.exporting import export_to, file_stem, snapshot


def test_export_buttons_exist(make_window):
    window = make_window(SAMPLE)
    page = window.wizard.review_page
    names = {b.objectName(): b.text() for b in page.findChildren(QPushButton)}
    assert names["export-xlsx"] == "导出 Excel" and names["export-pdf"] == "导出 PDF"
    assert names["export-all"] == "全部导出" and names["open-folder"] == "打开所在文件夹"
    assert names["export-blank"] == "导出空表"  # it writes a PDF; printing is 文件 › 打印


def test_export_all_into_one_folder(make_window, cn_dir):
    window = make_window(SAMPLE)
    result = export_to(snapshot(window.doc), cn_dir)
    assert sorted(p.name for p in result.written) == [
        "金乡县行政审批服务局2022年政府信息公开工作年度报告.docx",
        "金乡县行政审批服务局2022年政府信息公开工作年度报告.pdf",
        "金乡县行政审批服务局2022年政府信息公开工作年度报告.xlsx",
    ]
    assert all(p.exists() for p in result.written)
    assert result.missing_chars == set()


def test_errors_refuse_the_final_export_and_offer_a_draft(make_window, cn_dir, monkeypatch, qtbot):
    window = make_window(SAMPLE)
    t3 = window.wizard.table_pages["t3"]
    t3.model.setData(t3.model.index_of("t3.new.natural"), "3", Qt.ItemDataRole.EditRole)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(cn_dir))
    window.exports.export_all()
    qtbot.waitUntil(lambda: not window.exports.busy, timeout=30000)
    assert "1 项错误" in asked[0] and "草稿" in asked[0]
    names = sorted(p.name for p in cn_dir.iterdir())
    assert names == [
        "金乡县行政审批服务局2022年政府信息公开工作年度报告（草稿）.docx",
        "金乡县行政审批服务局2022年政府信息公开工作年度报告（草稿）.pdf",
        "金乡县行政审批服务局2022年政府信息公开工作年度报告（草稿）.xlsx",
    ]
    text = subprocess.run(["pdftotext", str(cn_dir / names[1]), "-"], capture_output=True, text=True).stdout
    assert "草稿" in text
    assert "已导出" in window.status_label.text()


def test_cancelling_the_draft_writes_nothing(make_window, cn_dir, monkeypatch):
    window = make_window(SAMPLE)
    t3 = window.wizard.table_pages["t3"]
    t3.model.setData(t3.model.index_of("t3.new.natural"), "3", Qt.ItemDataRole.EditRole)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    window.exports.export_pdf()  # the file dialog would fail the test if it were opened
    assert list(cn_dir.iterdir()) == []


def test_locked_output_gives_a_message_and_keeps_the_report(make_window, cn_dir, monkeypatch, qtbot):
    window = make_window(SAMPLE)
    before = dict(window.doc.report.values)
    real_replace = os.replace

    def locked(src, dst):
        if str(dst).endswith(".xlsx"):
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(cn_dir / "统计表.xlsx"), ""))
    window.exports.export_xlsx()
    qtbot.waitUntil(lambda: not window.exports.busy, timeout=30000)
    assert warned and "统计表.xlsx" in warned[0]
    assert "导出失败" in window.status_label.text()
    assert window.doc.report.values == before
    assert list(cn_dir.iterdir()) == []  # nothing half-written left behind


def test_open_an_exported_workbook(make_window, cn_dir):
    window = make_window(SAMPLE)
    xlsx = export_to(snapshot(window.doc), cn_dir, pdf=False).written[0]
    other = make_window()
    assert other.load_file(xlsx)
    assert other.doc.report.values == window.doc.report.values
    assert other.doc.report.sections == window.doc.report.sections
    assert other.doc.path is None  # a workbook is imported; saving asks for a .json name


@pytest.mark.parametrize(("agency", "expected"), [("某县/局", "某县_局"), ("", "未命名机关")])
def test_file_names_are_safe(make_window, agency, expected):
    window = make_window(SAMPLE)
    window.doc.report.meta["agency"] = agency
    assert file_stem(window.doc.report).startswith(expected + "2022年")
    assert file_stem(window.doc.report, blank=True).endswith("统计表（空表）")


def test_word_export_from_the_wizard(make_window, cn_dir, monkeypatch, qtbot):
    """Issue 10: the wizard's exports include the editable Word document."""
    from docx import Document

    window = make_window(SAMPLE)
    target = cn_dir / "报告.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "open", lambda *a, **k: None, raising=False)
    window.exports.export_docx()
    qtbot.waitUntil(lambda: not window.exports.busy and target.exists(), timeout=30000)
    doc = Document(str(target))
    assert any("金乡县行政审批服务局" in p.text for p in doc.paragraphs[:3])
    assert len(doc.tables) == 3
