"""The 汇总 window (issue 11): opened from the 文件 menu and the start page, a folder of units' reports
read in the worker thread, the member table, the summary line, 取消, opening a member or the sum in the
main window, and the files written from it."""

from __future__ import annotations

import dataclasses
import subprocess
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
from aggregate_members import COUNTY, YEAR, expected_sum, member
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QMessageBox, QPushButton

import model.many_reports.aggregate
from export.aggregate_xlsx import MEMBER_HEADERS, MEMBERS_SHEET
from model.checks.rules import Severity
from model.many_reports.aggregate import Member
from model.report.storage import load, save
from ui import colors
from ui.aggregate_window import AggregateWindow, guess_agency, summary_text
from ui.main_window import MainWindow

UNITS = 6
BAD = "坏 文件.json"
NEW_COL = MEMBER_HEADERS.index("新收申请")


def unit(i: int) -> str:
    return f"{COUNTY}第{i:03d}局"


def write_members(folder: Path, n: int = UNITS, bad: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        save(member(i), folder / f"{i:03d} {unit(i)}.json", backup=False)
    if bad:
        (folder / BAD).write_text("{ 这不是报告", encoding="utf-8")
    return folder


@pytest.fixture
def members_dir(cn_dir: Path) -> Path:
    return write_members(cn_dir / "各单位 报告")


def open_from_menu(window: MainWindow) -> AggregateWindow:
    (action,) = [a for a in window.findChildren(QAction) if a.text().startswith("汇总多个单位的报告")]
    assert action in window.menuBar().actions()[0].menu().actions()  # in the 文件 menu
    action.trigger()
    agg = window.findChild(QDialog, "aggregate-window")
    assert isinstance(agg, AggregateWindow) and agg.isVisible()
    return agg


def button(agg: AggregateWindow, name: str) -> QPushButton:
    found = agg.findChild(QPushButton, name)
    assert found is not None, name
    return found


def add_folder(agg: AggregateWindow, folder: Path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    button(agg, "aggregate-add-folder").click()


def run(agg: AggregateWindow, qtbot) -> None:
    button(agg, "aggregate-run").click()
    assert agg.running
    qtbot.waitUntil(lambda: not agg.running, timeout=60000)
    assert agg.result is not None


def column(agg: AggregateWindow, col: int) -> list[str]:
    """The texts of a column as shown, top to bottom (after sorting)."""
    proxy = agg.table.model()
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


@pytest.fixture
def finished(make_window, members_dir, monkeypatch, qtbot):
    """A main window and its 汇总 window after a run over six units and one corrupt file."""
    window = make_window()
    agg = open_from_menu(window)
    add_folder(agg, members_dir, monkeypatch)
    run(agg, qtbot)
    return window, agg


def test_the_start_page_button_opens_the_same_window(make_window):
    window = make_window()
    start = window.wizard.info_page.findChild(QPushButton, "open-aggregate")
    start.click()
    agg = window.side.aggregate
    assert agg is not None and agg.isVisible() and agg.objectName() == "aggregate-window"
    agg.close()
    assert open_from_menu(window) is agg  # one window, kept between uses


def test_the_table_shows_every_file_and_why_one_is_not_counted(finished):
    _window, agg = finished
    proxy = agg.table.model()
    assert agg.table.objectName() == "aggregate-members"
    assert [proxy.headerData(c, Qt.Orientation.Horizontal).replace("\n", "")
            for c in range(proxy.columnCount())] == MEMBER_HEADERS  # shown in two lines where long
    assert proxy.rowCount() == UNITS + 1
    files = column(agg, MEMBER_HEADERS.index("文件"))
    status = column(agg, MEMBER_HEADERS.index("汇总"))
    bad = proxy.index(files.index(BAD), 0)
    assert status[bad.row()] == "未计入" and status.count("计入") == UNITS
    reason = proxy.index(bad.row(), len(MEMBER_HEADERS) - 1).data()
    assert reason and reason == agg.result.refused[0].problem
    assert bad.data(Qt.ItemDataRole.ToolTipRole) == f"未计入：{reason}"
    assert bad.data(Qt.ItemDataRole.BackgroundRole) == colors.SEVERITY_BG[Severity.ERROR]
    good = proxy.index(files.index(f"000 {unit(0)}.json"), 0)
    assert good.data(Qt.ItemDataRole.BackgroundRole) is None
    assert good.data() == unit(0) and proxy.index(good.row(), NEW_COL).data() == str(member(0).figures()["t3.new.total"])
    summary = agg.summary.text()
    assert f"汇总年度 {YEAR} 年" in summary and f"计入 {UNITS} 个单位、未计入 1 个" in summary
    assert agg.result.report.values == expected_sum(list(range(UNITS)))


def test_numeric_columns_sort_as_numbers(finished, qtbot):
    _window, agg = finished
    header = agg.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(NEW_COL) + 5, header.height() // 2))
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:  # a click on a new column may start either way
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(NEW_COL) + 5, header.height() // 2))
    assert header.sortIndicatorSection() == NEW_COL and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    shown = column(agg, NEW_COL)
    assert shown[0] == ""  # the corrupt file has no figures: blanks first
    numbers = [int(v) for v in shown[1:]]
    assert numbers == sorted(numbers)
    assert [str(v) for v in numbers] != sorted(str(v) for v in numbers)  # 105 after 84, not before 21
    agg.table.sortByColumn(NEW_COL, Qt.SortOrder.DescendingOrder)
    assert [int(v) for v in column(agg, NEW_COL)[:-1]] == sorted(numbers, reverse=True)


def test_the_summary_names_the_units_missing_from_a_pasted_list(make_window, members_dir, monkeypatch, qtbot):
    window = make_window()
    agg = open_from_menu(window)
    add_folder(agg, members_dir, monkeypatch)
    agg.expected.setPlainText("\n".join([unit(i) for i in range(UNITS)] + ["", f"  {COUNTY}第099局 ", "某某县财政局"]))
    run(agg, qtbot)
    assert agg.result.missing == [f"{COUNTY}第099局", "某某县财政局"]
    assert f"缺报：{COUNTY}第099局、某某县财政局" in agg.summary.text()
    agg.expected.setPlainText("\n".join(unit(i) for i in range(UNITS)))
    run(agg, qtbot)
    assert "缺报" not in agg.summary.text() and "应报单位均已报送" in agg.summary.text()


def test_cancel_stops_between_files_and_the_window_keeps_working(make_window, cn_dir, monkeypatch, qtbot):
    folder = write_members(cn_dir / "慢", n=20, bad=False)
    read = model.many_reports.aggregate.read_member
    threads = set()

    def slow(path):
        threads.add(threading.current_thread())
        time.sleep(0.15)
        return read(path)

    monkeypatch.setattr(model.many_reports.aggregate, "read_member", slow)
    window = make_window()
    agg = open_from_menu(window)
    add_folder(agg, folder, monkeypatch)
    button(agg, "aggregate-run").click()
    qtbot.waitUntil(lambda: agg.progress_bar.value() >= 2, timeout=20000)  # progress arrives while it runs
    assert "正在读取" in agg.current_file.text() and agg.progress_bar.maximum() == 20
    assert not agg.run() and "正在汇总" in agg.message.text()  # a second run is refused
    assert not button(agg, "aggregate-run").isEnabled()
    window.doc.set_meta("agency", "仍可填写")  # the main window is not blocked meanwhile
    button(agg, "aggregate-cancel").click()
    qtbot.waitUntil(lambda: not agg.running, timeout=20000)
    assert agg.result.cancelled and 2 <= len(agg.result.members) < 20
    assert threading.main_thread() not in threads  # read in the worker
    assert "已取消" in agg.summary.text()
    assert not button(agg, "aggregate-open-sum").isEnabled()  # an incomplete sum is not offered
    assert button(agg, "aggregate-run").isEnabled()


def test_double_click_opens_the_member_after_asking_about_unsaved_changes(finished, monkeypatch, qtbot):
    window, agg = finished
    window.doc.set_meta("agency", "未保存的修改")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answers.pop(0))
    files = column(agg, MEMBER_HEADERS.index("文件"))
    index = agg.table.model().index(files.index(f"003 {unit(3)}.json"), 0)

    def double_click() -> None:
        agg.table.scrollTo(index)
        where = agg.table.visualRect(index).center()
        # as the system delivers a double click: press, release, then the double click itself
        qtbot.mouseClick(agg.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(agg.table.viewport(), Qt.MouseButton.LeftButton, pos=where)

    double_click()
    assert len(asked) == 1 and "尚未保存" in asked[0]
    assert window.doc.report.meta["agency"] == "未保存的修改"  # cancelled: nothing replaced
    double_click()
    assert window.doc.path is not None and window.doc.path.name == f"003 {unit(3)}.json"
    assert window.doc.report.meta["agency"] == unit(3) and not window.doc.modified
    bad = agg.table.model().index(files.index(BAD), 0)
    agg._open_member_at(bad)  # a file that could not be read says why and opens nothing
    assert "无法打开" in agg.message.text() and window.doc.path.name == f"003 {unit(3)}.json"


def test_a_member_the_window_cannot_open_comes_from_what_was_read(finished, cn_dir):
    window, agg = finished
    published = cn_dir / "第002局 已发布.txt"  # as if read from a published report (a text file)
    published.write_text("某某县第002局2024年政府信息公开工作年度报告", encoding="utf-8")
    assert agg.open_member(Member(published, report=member(2)))
    assert window.doc.report.values == member(2).values and window.doc.report.meta["agency"] == unit(2)
    assert window.doc.path is None and window.doc.modified  # saved only as the user chooses
    assert "已打开从“第002局 已发布.txt”读取的报告" in window.status_label.text()


def test_the_summary_line_names_at_most_thirty_units(finished):
    _window, agg = finished
    result = dataclasses.replace(agg.result, missing=[f"单位{i}" for i in range(40)])
    assert "单位29 等 40 个" in summary_text(result, True) and "单位30" not in summary_text(result, True)
    assert "单位39" in summary_text(result, True, None)


def test_open_sum_puts_the_sum_into_the_main_window(finished):
    window, agg = finished
    assert agg.agency.text() == f"{COUNTY}人民政府"  # guessed from the units' names, for the user to check
    agg.agency.setText("某某县人民政府（汇总）")
    button(agg, "aggregate-open-sum").click()
    report = window.doc.report
    assert report.values == expected_sum(list(range(UNITS)))
    assert isinstance(report.values["t2.fees.amount"], Decimal)
    assert report.meta["agency"] == "某某县人民政府（汇总）" and report.meta["agency_kind"] == "government"
    assert report.year == YEAR and "某某县人民政府（汇总）" in report.sections["preamble"]
    assert window.doc.path is None and window.doc.modified
    assert window.wizard.info_page.widgets["agency"].text() == "某某县人民政府（汇总）"
    assert agg.result.report.meta["agency"] == ""  # the run's own result is not changed


def test_workbook_export_writes_the_members_sheet(finished, cn_dir, monkeypatch, qtbot):
    _window, agg = finished
    out = cn_dir / "输出 目录"
    out.mkdir()
    suggested = []

    def ask(*args, **kwargs):
        suggested.append(args[2])
        return str(out / "汇总 工作簿"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    button(agg, "aggregate-xlsx").click()
    qtbot.waitUntil(lambda: agg.exports.done_box is not None and agg.exports.done_box.isVisible(), timeout=60000)
    agg.exports.done_box.close()
    assert Path(suggested[0]).name == f"{COUNTY}人民政府{YEAR}年政府信息公开工作年度报告（汇总）.xlsx"
    path = out / "汇总 工作簿.xlsx"
    ws = load_workbook(path)[MEMBERS_SHEET]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == MEMBER_HEADERS and len(rows) == UNITS + 2
    assert sum(1 for r in rows[1:] if r[MEMBER_HEADERS.index("汇总")] == "未计入") == 1


def test_save_and_pdf(finished, cn_dir, monkeypatch, qtbot):
    _window, agg = finished
    out = cn_dir / "输出"
    out.mkdir()
    names = iter(["汇总报告", "统计表"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out / next(names)), ""))
    button(agg, "aggregate-save").click()
    qtbot.waitUntil(lambda: not agg.exports.busy, timeout=60000)
    assert "已保存汇总报告" in agg.message.text()
    assert load(out / "汇总报告.json").values == expected_sum(list(range(UNITS)))
    button(agg, "aggregate-pdf").click()
    qtbot.waitUntil(lambda: agg.exports.done_box is not None and agg.exports.done_box.isVisible(), timeout=60000)
    agg.exports.done_box.close()
    text = subprocess.run(["pdftotext", str(out / "统计表.pdf"), "-"], capture_output=True, text=True).stdout
    assert f"{COUNTY}人民政府" in text and "草稿" not in text
    assert "二、主动公开政府信息情况" in text and "五、存在的主要问题" not in text  # the tables only


def test_a_file_that_cannot_be_written_is_explained(finished, cn_dir, monkeypatch, qtbot):
    _window, agg = finished
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(cn_dir / "没有这个目录" / "汇总.json"), ""))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    button(agg, "aggregate-save").click()
    qtbot.waitUntil(lambda: bool(warned), timeout=20000)
    assert "意外" not in warned[0] and "汇总.json" in warned[0]
    assert "导出失败" in agg.message.text()


def test_dropped_files_and_folders_are_added(make_window, members_dir):
    window = make_window()
    agg = open_from_menu(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(members_dir)), QUrl.fromLocalFile(str(members_dir / BAD)),
                  QUrl("https://example.org/x.json")])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    agg.dropEvent(event)
    assert agg.sources == [members_dir, members_dir / BAD]
    assert agg.source_list.count() == 2 and "1 个文件夹、1 个文件" in agg.message.text()


def test_nothing_chosen_is_said_not_run(make_window):
    agg = open_from_menu(make_window())
    assert not agg.run() and "请先添加" in agg.message.text()
    assert not button(agg, "aggregate-save").isEnabled()


def test_guess_agency():
    assert guess_agency([unit(i) for i in range(12)]) == f"{COUNTY}人民政府"
    assert guess_agency(["济宁市金乡县教育局", "济宁市金乡县财政局"]) == "济宁市金乡县人民政府"
    assert guess_agency(["金乡县行政审批服务局"]) == "金乡县人民政府"
    assert guess_agency(["教育局", "财政局"]) == ""
    assert guess_agency([]) == ""


def _unbalanced_members(folder: Path) -> Path:
    write_members(folder, n=4, bad=False)
    broken = member(2)
    broken.values["t3.new.natural"] += 1
    save(broken, folder / f"002 {unit(2)}.json", backup=False)
    return folder


def test_sum_errors_name_their_members_and_members_with_errors_may_be_left_out(
        make_window, cn_dir, monkeypatch, qtbot):
    """Issue 15 point 7: the window lists the sum's errors with the member causing each, and, when
    asked, leaves that member out (未计入, the reason in 说明), saying so in the summary line."""
    folder = _unbalanced_members(cn_dir / "有错")
    window = make_window()
    agg = open_from_menu(window)
    add_folder(agg, folder, monkeypatch)
    run(agg, qtbot)
    assert agg.sum_findings.isVisibleTo(agg) and agg.sum_findings.count() == 1
    assert f"{unit(2)}（002 {unit(2)}.json）" in agg.sum_findings.item(0).text()
    assert agg.result.draft
    box = agg.findChild(QCheckBox, "aggregate-exclude-errors")
    assert not box.isChecked()  # off by default
    box.click()
    run(agg, qtbot)
    assert not agg.result.draft and not agg.sum_findings.isVisibleTo(agg)
    assert agg.result.report.values == expected_sum([0, 1, 3])
    status = column(agg, MEMBER_HEADERS.index("汇总"))
    notes = column(agg, MEMBER_HEADERS.index("说明"))
    (row,) = [r for r, s in enumerate(status) if s == "未计入"]
    assert "统计表有 1 项错误" in notes[row]
    assert f"统计表有错误、按选择未计入：{unit(2)}" in agg.summary.text()
    agg.agency.setText("某某县人民政府")
    assert agg.open_sum()  # the main window says the sum leaves the unit out
    assert f"未计入统计表有错误的 1 个单位：{unit(2)}" in window.status_label.text()


def test_a_long_note_wraps_in_its_column(make_window, cn_dir, monkeypatch, qtbot):
    """Issue 15 point 8: 说明 is read without scrolling: it wraps, and its row grows to show it all."""
    folder = _unbalanced_members(cn_dir / "说明")
    window = make_window()
    agg = open_from_menu(window)
    agg.resize(agg.starting_size())  # the size it opens with on a screen wider than this test's 800 px
    agg.findChild(QCheckBox, "aggregate-exclude-errors").setChecked(True)
    add_folder(agg, folder, monkeypatch)
    run(agg, qtbot)
    table = agg.table
    assert table.wordWrap()
    status = column(agg, MEMBER_HEADERS.index("汇总"))
    row = status.index("未计入")
    note = agg.table.model().index(row, MEMBER_HEADERS.index("说明"))
    rect = table.visualRect(note)
    assert rect.right() <= table.viewport().width()  # the column ends inside the window
    needed = table.fontMetrics().boundingRect(0, 0, rect.width() - 8, 10000, Qt.TextFlag.TextWordWrap,
                                              note.data()).height()
    assert needed > table.fontMetrics().height() * 1.5  # the note does take several lines
    assert table.rowHeight(row) >= needed  # and the row shows them all


def test_a_draft_sum_exports_its_workbook_as_a_draft(make_window, cn_dir, monkeypatch, qtbot):
    """Issue 18: the window's 汇总 workbook carries 草稿 when the sum is a draft, as its PDF does."""
    folder = _unbalanced_members(cn_dir / "有错 工作簿")
    agg = open_from_menu(make_window())
    add_folder(agg, folder, monkeypatch)
    run(agg, qtbot)
    assert agg.result.draft
    path = cn_dir / "汇总 草稿.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    button(agg, "aggregate-xlsx").click()
    qtbot.waitUntil(lambda: agg.exports.done_box is not None and agg.exports.done_box.isVisible(), timeout=60000)
    agg.exports.done_box.close()
    wb = load_workbook(path)
    assert all(wb[name].oddHeader.right.text == "草稿" for name in wb.sheetnames if name != "_report")


@pytest.mark.parametrize("show", ["show_aggregate", "show_audit"])
def test_the_tool_windows_fit_a_small_screen(make_window, qtbot, show):
    """Found in a trial at 1024×768: 汇总 and 年报质量检查 opened 1200 px wide, 关闭 off the screen."""
    window = make_window()
    getattr(window.side, show)()
    tool = window.side.aggregate if show == "show_aggregate" else window.side.audit
    qtbot.waitExposed(tool)
    avail = tool.screen().availableGeometry()
    assert avail.width() < 1200  # the offscreen screen is smaller than the window's starting size
    assert avail.contains(tool.frameGeometry()) and tool.width() >= avail.width() - 20
