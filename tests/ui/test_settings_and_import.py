"""Issue 10 (import in the wizard) and issue 12 (settings that stay, drag and drop)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from support import SAMPLE, SAMPLE_TXT

from model.checks.rules import Severity


def test_import_a_published_report_from_the_menu(make_window, monkeypatch, tmp_path):
    window = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(SAMPLE_TXT), ""))
    monkeypatch.setattr(QMessageBox, "open", lambda *a, **k: None)
    window.imports.import_dialog()
    report = window.doc.report
    assert report.meta["agency"] == "金乡县行政审批服务局" and report.year == 2022
    assert report.values["t2.license.decisions"] == 23140
    assert window.doc.path is None and window.doc.modified  # a new report, to be saved as a file
    assert "已导入" in window.status_label.text()


def test_paste_box_imports_copied_text(make_window, monkeypatch, tmp_path):
    from ui.import_dialog import PasteDialog

    window = make_window()
    text = SAMPLE_TXT.read_text("utf-8")
    monkeypatch.setattr(PasteDialog, "exec", lambda self: (self.text.setPlainText(text), 1)[1])
    monkeypatch.setattr(QMessageBox, "open", lambda *a, **k: None)
    window.imports.paste_import_dialog()
    assert window.doc.report.values["t3.open.natural"] == 2


def test_import_of_no_report_says_why(make_window, monkeypatch, tmp_path):
    window = make_window()
    junk = tmp_path / "通知.txt"
    junk.write_text("关于召开会议的通知\n请各单位准时参加。", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not window.imports.import_path(junk, confirmed=True)
    assert shown and "通知.txt" in shown[0]


def test_window_layout_and_last_folder_are_remembered(make_window, tmp_path):
    from ui import appdata

    window = make_window(SAMPLE)
    window.show()
    window.resize(700, 500)  # within the offscreen screen (800×600): restoreGeometry keeps it on screen
    QApplication.processEvents()
    window.sections_dock.hide()
    size = (window.width(), window.height())  # the height Qt allows for this content
    window.placement.remember()
    saved = tmp_path / "另一处" / "报告.json"
    saved.parent.mkdir()
    assert window.save_to(saved)
    assert appdata.last_folder() == saved.parent.resolve()
    again = make_window()
    again.show_on_screen()
    assert (again.width(), again.height()) == size and size[0] == 700
    assert not again.sections_dock.isVisible()
    assert again.files.folder() == saved.parent.resolve()


def test_deadline_setting_reaches_the_rules(make_window, monkeypatch):
    from ui.settings_dialog import DeadlinesDialog

    window = make_window(SAMPLE)  # a department, published 2023-01-20
    window.doc.set_meta("published_on", "2023-02-10")
    assert [f.rule for f in window.doc.findings if f.rule == "G4"] == ["G4"]

    def choose(dialog):
        dialog.edits["department"].setDate(dialog.edits["department"].date().addDays(28))  # 2月28日
        return 1

    monkeypatch.setattr(DeadlinesDialog, "exec", choose)
    window.deadlines_dialog()
    assert not [f for f in window.doc.findings if f.rule == "G4"]
    assert make_window().doc.deadlines["department"] == (2, 28)  # remembered for the next start
    assert all(f.severity is not Severity.ERROR for f in window.doc.findings if f.rule == "G4")


def test_dropping_a_report_file_opens_it(make_window, monkeypatch):
    window = make_window()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(SAMPLE))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.doc.path == SAMPLE
