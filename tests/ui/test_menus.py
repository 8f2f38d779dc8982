"""The 文件, 视图 and 帮助 menus (issue 8): exports in a worker thread, the message after an export,
printing, next year's report from last year's, the year of the prior report, the guide, 关于, and the
layout on 1024×768 and 1366×768 screens."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QDockWidget, QFileDialog, QMessageBox, QPushButton, QTextBrowser
from support import ROOT, SAMPLE

from model.checks.rules import SEVERITY_LABELS
from model.report.storage import load, save
from model.template import CURRENT as T
from resources import USER_GUIDE
from ui import appdata
from ui.exporting import export_to, snapshot
from ui.version import __version__

LONG_TEXT = "本机关坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。" * 4000  # ~150 000 字


def menu_actions(window, title: str) -> dict[str, QAction]:
    """The actions of the menu whose title starts with `title`, by their text without the accelerator."""
    for act in window.menuBar().actions():
        if act.text().startswith(title):
            return {a.text().split("(&")[0].rstrip("…"): a for a in act.menu().actions() if a.text()}
    raise AssertionError(f"no menu {title}")


@pytest.fixture
def opened(monkeypatch):
    """QDesktopServices.openUrl patched: the local paths the program asked the system to open."""
    paths: list[Path] = []

    def fake(url: QUrl) -> bool:
        paths.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake)
    return paths


def done_box(window, qtbot) -> QMessageBox:
    qtbot.waitUntil(lambda: window.exports.done_box is not None and window.exports.done_box.isVisible(),
                    timeout=60000)
    return window.exports.done_box


# -- 1. export in a worker thread --------------------------------------------------------------------


def test_export_runs_off_the_ui_thread_and_the_window_keeps_working(make_window, cn_dir, monkeypatch, qtbot, opened):
    window = make_window(SAMPLE)
    window.doc.set_text("s1", LONG_TEXT)
    target = cn_dir / "报告.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    ticks: list[bool] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(window.exports.busy))
    timer.start(10)

    window.exports.export_pdf()
    assert not target.exists()  # the call returned before the file was written
    assert window.exports.busy and window.exports.progress_bar.isVisibleTo(window)
    window.doc.set_text("s1", "导出期间改写的文字。")  # typing meanwhile: the export has its own copy
    qtbot.waitUntil(target.exists, timeout=60000)
    timer.stop()
    assert any(ticks), "the event loop stood still during the export"

    box = done_box(window, qtbot)
    assert not window.exports.busy and not window.exports.progress_bar.isVisibleTo(window)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "本机关坚持以公开为常态" in text and "导出期间改写" not in text
    assert "已导出" in window.status_label.text()
    assert "报告.pdf" in box.text()


def test_one_export_at_a_time(make_window, cn_dir, monkeypatch, qtbot, opened):
    window = make_window(SAMPLE)
    window.doc.set_text("s1", LONG_TEXT)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(cn_dir / "报告.pdf"), ""))
    window.exports.export_pdf()
    assert window.exports.busy
    file_menu = menu_actions(window, "文件")
    assert not file_menu["导出 Excel 统计表"].isEnabled() and not file_menu["打印"].isEnabled()
    buttons = {b.objectName(): b for b in window.wizard.review_page.findChildren(QPushButton)}
    assert not buttons["export-xlsx"].isEnabled() and buttons["open-folder"].isEnabled()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(cn_dir / "统计表.xlsx"), ""))
    window.exports.export_xlsx()  # refused: no dialog, no second job
    assert "正在导出" in window.status_label.text()
    done_box(window, qtbot)
    assert sorted(p.name for p in cn_dir.iterdir()) == ["报告.pdf"]
    assert file_menu["导出 Excel 统计表"].isEnabled() and buttons["export-xlsx"].isEnabled()


def test_closing_the_window_lets_a_running_export_finish(make_window, cn_dir, monkeypatch):
    window = make_window(SAMPLE)
    window.doc.set_text("s1", LONG_TEXT)
    window.doc.set_modified(False)
    target = cn_dir / "报告.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.exports.export_pdf()
    assert not target.exists()
    window.close()
    assert target.exists()  # never a half-written file when the program exits


# -- 2. the message after an export -------------------------------------------------------------------


def test_after_an_export_the_file_or_its_folder_can_be_opened(make_window, cn_dir, monkeypatch, qtbot, opened):
    window = make_window(SAMPLE)
    target = cn_dir / "统计表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.exports.export_xlsx()
    box = done_box(window, qtbot)
    labels = [b.text() for b in box.buttons()]
    assert sorted(labels) == sorted(["打开文件", "打开所在文件夹", "关闭"])
    next(b for b in box.buttons() if b.text() == "打开文件").click()
    assert opened == [target]

    window.exports.export_xlsx()
    box = done_box(window, qtbot)
    next(b for b in box.buttons() if b.text() == "打开所在文件夹").click()
    assert opened[-1] == cn_dir

    window.exports.export_xlsx()
    box = done_box(window, qtbot)
    next(b for b in box.buttons() if b.text() == "关闭").click()
    assert len(opened) == 2


def test_export_all_offers_each_file(make_window, cn_dir, monkeypatch, qtbot, opened):
    window = make_window(SAMPLE)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(cn_dir))
    menu_actions(window, "文件")["全部导出"].trigger()
    box = done_box(window, qtbot)
    next(b for b in box.buttons() if b.text() == "打开 PDF").click()
    assert opened and opened[0].suffix == ".pdf" and opened[0].parent == cn_dir and opened[0].exists()


# -- 3. exports and printing in the 文件 menu ----------------------------------------------------------


def test_file_menu_exports_and_prints(make_window):
    window = make_window(SAMPLE)
    names = list(menu_actions(window, "文件"))
    for name in ("以上年度报告为基础新建", "导出 Excel 统计表", "导出 PDF", "全部导出", "导出空表（PDF）", "打印",
                 "载入上年度报告（跨年度核对）"):
        assert name in names
    assert names.index("导出 Excel 统计表") < names.index("打印") < names.index("退出")


def test_blank_form_from_the_menu(make_window, cn_dir, monkeypatch, qtbot, opened):
    window = make_window(SAMPLE)
    target = cn_dir / "空表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    menu_actions(window, "文件")["导出空表（PDF）"].trigger()
    done_box(window, qtbot)
    assert target.exists()


def test_print_shows_the_pages_in_the_print_preview(make_window, tmp_path, monkeypatch, qtbot, opened):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    window = make_window(SAMPLE)
    menu_actions(window, "文件")["打印"].trigger()
    qtbot.waitUntil(lambda: window.exports.preview_dialog is not None, timeout=60000)
    pdf = window.exports.preview_dialog.pdf
    assert pdf.suffix == ".pdf" and pdf.exists() and pdf.parent.parent == tmp_path
    assert opened == []  # no PDF viewer or other program: Qt's preview and print dialog
    assert window.exports.done_box is None  # printing is no export: no 导出完成 message
    window.exports.preview_dialog.close()


# -- 4. the guide and 关于 ------------------------------------------------------------------------------


def test_the_guide_covers_what_people_ask():
    text = USER_GUIDE.read_text(encoding="utf-8")
    for label in SEVERITY_LABELS.values():
        assert label in text
    for words in ("红色", "橙色", "黄色", "蓝色", "灰色", "六部分第（五）项", "载入上年度报告", "以上年度报告为基础新建",
                  "草稿", appdata.APP_DIR_NAME, "Enter", "Tab", "Delete", "Ctrl+C", "右键", "“—”"):
        assert words in text, words


def test_f1_opens_the_guide_beside_the_report(make_window, qtbot):
    from PySide6.QtCore import Qt

    window = make_window(SAMPLE)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    browser = window.findChild(QTextBrowser, "help-guide")
    assert browser is not None and browser.isVisible()
    assert not browser.window().isModal()
    assert "需说明" in browser.toPlainText() and "六部分第（五）项" in browser.toPlainText()
    menu_actions(window, "帮助")["使用说明"].trigger()  # the same window again, not a second one
    assert len(window.findChildren(QTextBrowser, "help-guide")) == 1


def test_about_names_the_version_and_the_font_licences(make_window):
    window = make_window()
    menu_actions(window, "帮助")["关于"].trigger()  # no modal dialog: conftest would fail the test
    text = window.findChild(QTextBrowser, "about-text").toPlainText()
    assert appdata.APP_NAME in text and __version__ in text
    assert "Apache License" in text and "ARPHIC PUBLIC LICENSE" in text


def test_version_agrees_with_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert __version__ == project["version"]


# -- 5. 视图 and small screens ---------------------------------------------------------------------------


def test_view_menu_hides_and_shows_the_panels(make_window, qtbot):
    window = make_window(SAMPLE)
    window.show()
    qtbot.waitExposed(window)
    view = menu_actions(window, "视图")
    for name, dock in (("显示报告目录", window.sections_dock), ("显示校验结果", window.findings_dock)):
        assert view[name].isChecked() and dock.isVisible()
        view[name].trigger()
        assert not dock.isVisible() and not view[name].isChecked()
        view[name].trigger()
        assert dock.isVisible()


def narrowest_table_three(make_window) -> int:
    """The width ui.table_view gives table 三's columns at its narrowest (a window never shown)."""
    probe = make_window()
    view = probe.wizard.table_pages["t3"].view
    view.resize(10, view.height())
    view.apply_widths()
    return view.horizontalHeader().length()


@pytest.mark.parametrize("width", [1024, 1366])
def test_small_screens_keep_room_for_table_three(make_window, qtbot, width):
    needed = narrowest_table_three(make_window)
    window = make_window(SAMPLE)
    window.resize(width, 768)
    window.placement.fit_docks()
    window.show()
    qtbot.waitExposed(window)
    window.wizard.go_to(window.wizard.page_of_table("t3"))
    qtbot.wait(50)
    view = window.wizard.table_pages["t3"].view
    sections, findings = (window.findChild(QDockWidget, n) for n in ("dock-sections", "dock-findings"))
    assert sections.isVisible() and findings.isVisible()
    assert view.viewport().width() >= needed  # all seven data columns fit beside the labels
    em = window.fontMetrics().horizontalAdvance("国")
    assert findings.width() >= 12 * em
    heights = {window.sections.visualItemRect(window.sections.item(i)).height()
               for i in range(window.sections.count())}
    if width == 1366:
        assert len(heights) == 1, "a title of the section list wraps at 1366 px"


def test_the_window_fits_the_screen_it_starts_on(make_window, qtbot):
    window = make_window(SAMPLE)
    window.show_on_screen()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()


# -- 6. next year's report from last year's ---------------------------------------------------------------


def prior_file(folder: Path, year: int | None = 2022) -> Path:
    prior = load(SAMPLE)
    if year is None:
        prior.meta.pop("year", None)
    else:
        prior.meta["year"] = year
    for i, col in enumerate(T.t3.input_cols):
        prior.values[T.t3_code("carried_out", col)] = i + 1
    path = folder / f"上年 报告{year}.json"
    save(prior, path)
    return path


def test_new_report_from_last_years(make_window, cn_dir, monkeypatch):
    window = make_window()
    window.doc.set_meta("agency", "某县人民政府办公室")  # unsaved work: the program asks first
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Discard)
    path = prior_file(cn_dir)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr("ui.new_from_prior.ask_texts", lambda *a: False)  # the option, left off
    menu_actions(window, "文件")["以上年度报告为基础新建"].trigger()
    assert asked and "尚未保存" in asked[0]
    report = window.doc.report
    assert report.year == 2023 and report.meta["agency"] == "金乡县行政审批服务局"
    assert [report.value(T.t3_code("carried_in", c)) for c in T.t3.input_cols] == list(range(1, len(T.t3.input_cols) + 1))
    assert report.value(T.t3_code("new", "natural")) is None  # this year's own figures start blank
    assert window.doc.path is None and window.doc.modified
    assert window.doc.prior is not None and window.doc.prior.year == 2022  # cross-year checks at once
    assert "未命名报告" in window.windowTitle()
    assert "2023" in window.status_label.text()


def test_new_report_from_a_report_without_a_year_is_refused(make_window, cn_dir, monkeypatch):
    window = make_window(SAMPLE)
    path = prior_file(cn_dir, year=None)
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    window.last_year.new_from_prior_dialog()
    assert warned and "报告年度" in warned[0]
    assert window.doc.report.year == 2022 and window.doc.path is not None  # the open report is untouched


def test_new_report_from_last_years_workbook(make_window, cn_dir):
    source = make_window(SAMPLE)
    xlsx = export_to(snapshot(source.doc), cn_dir, pdf=False).written[0]
    window = make_window()
    assert window.last_year.new_from_prior(xlsx)
    assert window.doc.report.year == 2023 and window.doc.prior is not None


# -- 7. the year of last year's report -------------------------------------------------------------------


def test_a_prior_report_of_another_year_is_loaded_only_when_confirmed(make_window, cn_dir, monkeypatch):
    window = make_window(SAMPLE)
    window.doc.set_meta("year", 2025)  # a 2025 report, and last year's chosen by mistake from 2022
    path = prior_file(cn_dir, year=2022)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    window.last_year.prior_dialog()  # declined: no warning dialog either (conftest would fail the test)
    assert len(asked) == 1 and "2022 年度" in asked[0] and "2025 年度" in asked[0] and "2024 年度" in asked[0]
    assert window.doc.prior is None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.last_year.prior_dialog()
    assert window.doc.prior is not None and window.doc.prior.year == 2022


def test_last_years_report_is_loaded_without_a_question(make_window, cn_dir, monkeypatch):
    window = make_window(SAMPLE)
    window.doc.set_meta("year", 2023)
    path = prior_file(cn_dir, year=2022)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.last_year.prior_dialog()  # QMessageBox.question would fail the test
    assert window.doc.prior is not None and "已载入上年度报告" in window.status_label.text()
