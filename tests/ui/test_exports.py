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


# -- 打印 (issue 15, point 11): the real pages in Qt's preview and print dialog, no other program -------


def _printed_image(pdf, page: int, folder) -> bytes:
    """The picture printed on sheet `page` of a PDF print file, as 8-bit gray pixels (poppler's pdfimages
    takes it out as stored: lossless)."""
    from PIL import Image

    subprocess.run(["pdfimages", "-f", str(page), "-l", str(page), "-png", str(pdf), str(folder / f"p{page}")],
                   check=True)
    (found,) = folder.glob(f"p{page}-*.png")
    with Image.open(found) as image:
        assert image.size == (2481, 3508)  # A4 at 300 dpi: the whole sheet
        return image.convert("L").tobytes()


def _page_pixels(pdf, page: int) -> bytes:
    """Page `page` of the report's PDF as PDFium draws it at 300 dpi in gray."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return doc[page - 1].render(scale=300 / 72, grayscale=True).to_pil().tobytes()
    finally:
        doc.close()


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def no_viewer(monkeypatch):
    """Printing must not need another program: opening anything with the system fails the test."""
    import ui.exporting

    def refuse(path):
        raise AssertionError(f"an outside program was asked to open {path}")

    monkeypatch.setattr(ui.exporting, "open_path", refuse)


def test_ctrl_p_shows_the_real_pages_in_a_print_preview(make_window, qtbot, no_viewer):
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = make_window(SAMPLE)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.exports.preview_dialog is not None, timeout=30000)
    dialog = window.exports.preview_dialog
    assert isinstance(dialog, QPrintPreviewDialog) and dialog.objectName() == "print-preview"
    pdf = dialog.pdf
    assert pdf.name == "金乡县行政审批服务局2022年政府信息公开工作年度报告.pdf"
    qtbot.waitUntil(lambda: dialog.preview.pageCount() == _pages(pdf) == 8, timeout=30000)
    assert "打印预览" in window.status_label.text()
    dialog.close()
    qtbot.waitUntil(lambda: window.exports.preview_dialog is None)


def test_the_print_dialog_prints_the_pages_and_copies_chosen(make_window, qtbot, cn_dir, no_viewer):
    """打印 in the preview opens the print dialog (printer, pages, copies); pages 2–3, two copies collated,
    come out as the report's own pages 2 3 2 3 (here into a file: this machine has no printer)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QRadioButton, QSpinBox, QToolBar

    window = make_window(SAMPLE)
    window.exports.print_report()
    qtbot.waitUntil(lambda: window.exports.preview_dialog is not None, timeout=30000)
    dialog = window.exports.preview_dialog
    qtbot.waitUntil(lambda: dialog.preview.pageCount() == 8, timeout=30000)
    out = cn_dir / "打印 结果.pdf"
    seen = {}

    def fill_in() -> None:
        box = QApplication.activeModalWidget()
        seen["dialog"] = box
        if not isinstance(box, QPrintDialog):
            return
        seen["widgets"] = {w.objectName() for w in box.findChildren(QSpinBox) + box.findChildren(QLineEdit)}
        box.findChild(QLineEdit, "filename").setText(str(out))
        box.findChild(QRadioButton, "printRange").setChecked(True)
        box.findChild(QSpinBox, "to").setValue(3)
        box.findChild(QSpinBox, "from").setValue(2)
        box.findChild(QSpinBox, "copies").setValue(2)
        box.findChild(QCheckBox, "collate").setChecked(True)
        box.accept()

    QTimer.singleShot(300, fill_in)
    toolbar = dialog.findChild(QToolBar)
    toolbar.actions()[-1].trigger()  # the preview's 打印 button: the print dialog, modal until filled in
    assert isinstance(seen["dialog"], QPrintDialog)
    assert {"copies", "from", "to", "pagesLineEdit"} <= seen["widgets"]  # pages and copies to choose
    assert out.exists() and _pages(out) == 4
    pages = {page: _page_pixels(dialog.pdf, page) for page in (2, 3)}
    assert pages[2] != pages[3]
    for sheet, page in zip((1, 2, 3, 4), (2, 3, 2, 3), strict=True):
        assert _printed_image(out, sheet, cn_dir) == pages[page], (sheet, page)  # the report's page, exactly
    dialog.close()


def test_pages_and_copies_as_the_printer_asks(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from ui.print_preview import page_order, selected_pages

    printer = QPrinter()
    assert selected_pages(printer, 5) == [0, 1, 2, 3, 4]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 9)
    assert selected_pages(printer, 5) == [1, 2, 3, 4]
    assert page_order([0, 1], 2, collate=True) == [0, 1, 0, 1]
    assert page_order([0, 1], 2, collate=False) == [0, 0, 1, 1]


def test_a_page_keeps_its_proportions_on_any_sheet(qtbot):
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from ui.print_preview import fitted, new_printer

    printer = new_printer()
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    a4 = fitted(printer, 2481, 3508)  # A4 at 300 dpi on an A4 sheet: the whole sheet
    assert abs(a4.width() - paper.width()) < 2 and abs(a4.height() - paper.height()) < paper.height() / 1000
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    turned = fitted(printer, 2481, 3508)
    assert abs(turned.height() - paper.height()) < 2 and turned.width() < paper.width() * 0.6
    assert abs(turned.width() / turned.height() - 2481 / 3508) < 0.001  # not stretched
    assert abs(turned.center().x() - paper.width() / 2) < 1  # centred
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    letter = fitted(printer, 2481, 3508)
    assert abs(letter.width() / letter.height() - 2481 / 3508) < 0.001


def test_a_pdf_that_cannot_be_read_gives_a_message_not_a_crash(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from ui.print_preview import PrintError, new_printer, paint_pdf

    bad = tmp_path / "坏的 打印稿.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    with pytest.raises(PrintError, match="坏的 打印稿.pdf"):
        paint_pdf(printer, bad)


def test_the_draft_question_speaks_of_file_names_only_when_a_file_is_written(make_window, monkeypatch):
    """Found in a trial: 打印 with errors said the draft's file name is marked 草稿 — printing names no file."""
    asked: list[str] = []

    def answer(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    window = make_window()  # a new report: errors at hand-in (nothing filled)
    window.exports.print_report()
    window.exports.export_pdf()
    printing, exporting = asked
    assert "打印草稿" in printing and "文件名" not in printing
    assert "导出草稿" in exporting and "文件名中也注明“草稿”" in exporting
