"""Last year's texts (issue 15 point 9): 以上年度报告为基础新建 may start the texts from last year's (an
option, off by default, with the G7 note), and each text page shows last year's text beside the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit
from support import SAMPLE

from model.checks.rules import title_of
from model.report.storage import load, save


def _prior(folder):
    prior = load(SAMPLE)
    path = folder / "上年 报告.json"
    save(prior, path)
    return prior, path


def _answer_dialog(qtbot, tick: bool, seen: dict) -> None:
    """When the dialog is up: note what it shows, tick the option (by a real click) or not, press 新建."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "new-from-prior":
            QTimer.singleShot(20, act)
            return
        box = dialog.findChild(QCheckBox, "new-from-prior-texts")
        seen["default"] = box.isChecked()
        seen["note"] = dialog.findChild(QLabel, "new-from-prior-note").text()
        if tick:
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
        buttons = dialog.findChild(QDialogButtonBox)
        (new,) = [b for b in buttons.buttons() if b.text() == "新建"]
        qtbot.mouseClick(new, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


def test_texts_from_last_year_when_ticked(make_window, cn_dir, monkeypatch, qtbot):
    prior, path = _prior(cn_dir)
    window = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: dict = {}
    _answer_dialog(qtbot, True, seen)
    window.last_year.new_from_prior_dialog()
    assert seen["default"] is False and title_of("G7", "") in seen["note"]
    report = window.doc.report
    assert report.year == prior.year + 1
    for key in ("s1", "s5", "s6"):
        assert report.text(key) == prior.text(key)
    assert title_of("G7", "") in window.status_label.text()


def test_texts_stay_empty_by_default(make_window, cn_dir, monkeypatch, qtbot):
    _prior_report, path = _prior(cn_dir)
    window = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: dict = {}
    _answer_dialog(qtbot, False, seen)
    window.last_year.new_from_prior_dialog()
    assert window.doc.report.year == 2023 and not window.doc.report.text("s1")


def test_each_text_page_shows_last_years_text_read_only(make_window, cn_dir):
    prior, path = _prior(cn_dir)
    window = make_window()
    window.show()
    page = window.wizard.section_pages["s5"]
    pane = page.findChild(QPlainTextEdit, "prior-text-s5")
    assert pane is not None and not pane.isVisibleTo(window)  # no last year's report: nothing shown
    assert window.last_year.load_prior(path)
    window.wizard.go_to(window.wizard.page_of_section("s5"))
    assert pane.isVisible() and pane.isReadOnly()
    assert pane.toPlainText() == prior.text("s5") and pane.toPlainText()
    s1 = window.wizard.section_pages["s1"].findChild(QPlainTextEdit, "prior-text-s1")
    assert s1.toPlainText() == prior.text("s1")
    # beside the editor, on the same row
    editor = page.editor
    assert abs(pane.mapTo(window, pane.rect().topLeft()).y() - editor.mapTo(window, editor.rect().topLeft()).y()) < 60
    assert pane.mapTo(window, pane.rect().topLeft()).x() > editor.mapTo(window, editor.rect().topRight()).x()
    window.doc.set_prior(None)
    assert not pane.isVisibleTo(window)


def test_no_empty_last_year_pane_on_a_text_page_without_last_years_report(make_window, qtbot):
    """Found in a trial: a new report's text page showed an empty grey box between editor and guidance."""
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.wizard.go_to(window.wizard.page_of_section("s1"))
    page = window.wizard.section_pages["s1"]
    assert page.editor.isVisible()
    assert not page.prior_pane.isVisible()
