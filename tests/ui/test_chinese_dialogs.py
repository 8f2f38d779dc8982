"""No English in the dialogs people meet (issue 15 point 13): the close question reads 保存 / 不保存 /
取消 as in WPS, Qt's file dialog shows 文件夹 and KB, not "Folder" and "KiB"."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTreeView

from ui.qt_chinese import data_size

REAL_QUESTION = QMessageBox.question  # before the fixtures patch them away
REAL_OPEN = QFileDialog.getOpenFileName


def test_closing_with_changes_asks_save_dont_save_cancel(make_window, monkeypatch, qtbot):
    monkeypatch.setattr(QMessageBox, "question", REAL_QUESTION)
    window = make_window()
    window.show()
    window.doc.set_meta("agency", "未保存的修改")
    seen: dict = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        seen["text"] = box.text()
        cancel = box.button(QMessageBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    window.close()
    assert seen["buttons"] == sorted(["保存", "不保存", "取消"])
    assert "未命名报告" in seen["text"] and "是否保存" in seen["text"]
    assert window.isVisible()  # 取消 keeps the window open


def test_data_size_in_kb_and_mb():
    assert data_size(500) == "500 字节"
    assert data_size(12345) == "12 KB"
    assert data_size(5 * 1024 * 1024 + 300_000) == "5.3 MB"


def test_the_file_dialog_has_no_english(make_window, cn_dir, monkeypatch, qtbot):
    (cn_dir / "子文件夹").mkdir()
    (cn_dir / "报告.json").write_bytes(b"{}" + b" " * 20000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", REAL_OPEN)
    window = make_window()
    window.show()
    shown: dict = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        tree = dialog.findChild(QTreeView, "treeView")
        model = tree.model()
        root = tree.rootIndex()
        if model.rowCount(root) < 2:
            QTimer.singleShot(50, look)  # the folder is read in the background
            return
        rows = [[model.index(r, c, root).data() for c in range(4)] for r in range(model.rowCount(root))]
        shown["rows"] = rows
        shown["headers"] = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
        dialog.reject()

    QTimer.singleShot(0, look)
    QFileDialog.getOpenFileName(window, "打开报告", str(cn_dir), "所有文件 (*)",
                                options=QFileDialog.Option.DontUseNativeDialog)
    by_name = {r[0]: r for r in shown["rows"]}
    assert by_name["子文件夹"][2] == "文件夹"
    assert by_name["报告.json"][1] == "20 KB"  # its type is the system's own name (JSON 文档 here)
    text = " ".join(str(v) for r in shown["rows"] for v in r) + " ".join(map(str, shown["headers"]))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", by_name["报告.json"][3])  # not "7 Dec 2026"
    for english in ("Folder", "File", "KiB", "bytes", "Size", "Dec"):
        assert english not in text, text


def test_about_is_in_chinese_and_names_every_licence(make_window):
    from PySide6.QtWidgets import QTextBrowser

    from ui.help import COMPONENTS, LICENCE_TEXTS_HEADING

    window = make_window()
    window.side.show_about()
    text = window.findChild(QTextBrowser, "about-text").toPlainText()
    ours = text[:text.index(LICENCE_TEXTS_HEADING)]  # what the program says, before the licences' own texts
    for english in ("License", "Public", "or ", "with "):
        assert english not in ours, english
    for name in ("PySide6", "openpyxl", "ReportLab", "python-docx", "Python 3.11"):
        assert name in ours
    assert all("许可" in licence or "授权" in licence for _name, licence in COMPONENTS)
    assert "LGPL" in ours and "文鼎公众授权书" in ours
    assert "Apache License" in text[text.index(LICENCE_TEXTS_HEADING):]  # the texts themselves, as written


def test_import_details_are_readable_in_a_resizable_window(make_window, qtbot):

    from PySide6.QtWidgets import QDialog, QPlainTextEdit
    from support import SAMPLE_TXT

    text = SAMPLE_TXT.read_text(encoding="utf-8").replace("自然人", "个人", 1) + "\n附表：另有说明一行无法识别\n"
    window = make_window()
    window.show()
    assert window.imports.import_text(text)
    dialog = window.findChild(QDialog, "import-done")
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    details = dialog.findChild(QPlainTextEdit, "import-done-details")
    assert details.isReadOnly() and details.toPlainText().strip()
    assert details.width() >= 400 and details.height() >= 200  # not a box of 170×95 px
    dialog.resize(dialog.width() + 200, dialog.height() + 100)
    qtbot.waitUntil(lambda: details.width() >= 600)  # it grows with the window


def test_about_names_every_package_the_program_requires(make_window):
    """Found in a trial: pdfplumber and pypdfium2 (PDF reading, 打印) were shipped but not named in 关于."""
    import re
    from pathlib import Path

    from PySide6.QtWidgets import QTextBrowser

    from ui.help import LICENCE_TEXTS_HEADING

    window = make_window()
    window.side.show_about()
    text = window.findChild(QTextBrowser, "about-text").toPlainText()
    ours = text[:text.index(LICENCE_TEXTS_HEADING)].lower()
    requirements = (Path(__file__).parents[2] / "requirements.txt").read_text(encoding="utf-8")
    names = re.findall(r"^([A-Za-z0-9_.-]+)==", requirements, flags=re.MULTILINE)
    assert len(names) >= 8
    for name in names:
        shown = name.lower().removesuffix("-essentials")  # PySide6-Essentials is named as PySide6
        assert shown in ours, name
    for needed in ("pdfminer.six", "pdfium"):  # what pdfplumber and pypdfium2 bring along
        assert needed in ours, needed
