"""The 年报质量检查 window (issue 19): opened from the 文件 menu, a folder dropped onto it, the check run in
the worker thread with progress, the ranked and sortable units table, the findings of the selected unit,
a double-click that opens the report in the wizard at the finding, 取消 and 导出结果."""

from __future__ import annotations

import threading
from pathlib import Path

import audit_folder as A
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

import model.many_reports.audit
from ui.audit_window import UNIT_COLUMNS, AuditWindow
from ui.main_window import MainWindow


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("window") / "报告 文件夹"
    A.build(root)
    return root


def open_from_menu(window: MainWindow) -> AuditWindow:
    (action,) = [a for a in window.findChildren(QAction) if a.text().startswith("年报质量检查")]
    assert action in window.menuBar().actions()[0].menu().actions()  # in the 文件 menu
    action.trigger()
    audit = window.findChild(QDialog, "audit-window")
    assert isinstance(audit, AuditWindow) and audit.isVisible()
    return audit


def drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)


def run_to_end(qtbot, audit: AuditWindow) -> None:
    with qtbot.waitSignal(audit.worker.finished, timeout=60000):
        assert audit.run()


def column(audit: AuditWindow, header: str) -> list[str]:
    c = UNIT_COLUMNS.index(header)
    return [audit.proxy.index(r, c).data() for r in range(audit.proxy.rowCount())]


def test_folder_dropped_checked_off_the_ui_thread_and_ranked(qtbot, make_window, reports, monkeypatch):
    window = make_window()
    audit = open_from_menu(window)
    drop(audit, [reports])
    assert audit.sources == [reports]
    audit.expected.setPlainText("\n".join([*A.REAL, A.PAIRED, A.MISSING]))
    threads: list[threading.Thread] = []
    real = model.many_reports.audit.run_audit

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr("ui.audit_window.run_audit", spy)
    progress: list[tuple[int, int]] = []
    audit.worker.progress.connect(lambda d, n, _name: progress.append((d, n)))
    run_to_end(qtbot, audit)
    assert threads and threads[0] is not threading.main_thread()
    assert progress[-1] == (7, 7) and len(progress) >= 7  # per document
    errors = [int(e) for e in column(audit, "错误")]
    assert errors == sorted(errors, reverse=True) and errors[0] > 0
    assert set(column(audit, "单位")) == {*A.REAL, A.PAIRED}
    summary = audit.summary.text()
    assert A.MISSING in summary and A.UNREADABLE in summary and A.DUPLICATE in summary


def test_sort_select_findings_and_open_at_the_finding(qtbot, make_window, reports):
    window = make_window()
    audit = open_from_menu(window)
    audit.add_sources([reports])
    run_to_end(qtbot, audit)
    audit.table.sortByColumn(UNIT_COLUMNS.index("单位"), Qt.SortOrder.AscendingOrder)
    names = column(audit, "单位")
    assert names == sorted(names)
    audit.table.sortByColumn(UNIT_COLUMNS.index("公开率"), Qt.SortOrder.DescendingOrder)
    rates = [float(r.rstrip("%")) for r in column(audit, "公开率") if r]
    assert rates == sorted(rates, reverse=True)  # as numbers, not as text
    row = column(audit, "单位").index("邹城市生态环境局")
    audit.table.selectRow(row)
    items = [audit.findings.item(i) for i in range(audit.findings.count())]
    texts = [i.text() for i in items]
    assert any(t.startswith("【错误】") for t in texts)
    g6 = next(i for i in items if "正文数字与表格不符" in i.text())
    assert "原文：" in g6.text() and "新收政府信息公开申请 10 件" in g6.text()
    finding = g6.data(Qt.ItemDataRole.UserRole)
    audit.findings.scrollToItem(g6)
    rect = audit.findings.visualItemRect(g6)
    QTest.mouseClick(audit.findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(audit.findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.doc.report.meta["agency"] == "邹城市生态环境局"
    assert window.doc.path is None and window.doc.modified  # as imported: saving asks for a new file
    editor = window.wizard.section_pages[finding.location.section].editor
    start, end = finding.location.span
    assert editor.textCursor().selectedText() == editor.toPlainText()[start:end]  # at the finding


def test_double_click_on_a_unit_opens_it_at_its_first_finding(qtbot, make_window, reports):
    window = make_window()
    audit = open_from_menu(window)
    audit.add_sources([reports / "各单位 2023"])
    run_to_end(qtbot, audit)
    row = column(audit, "单位").index(A.PAIRED)
    rect = audit.table.visualRect(audit.proxy.index(row, 1))
    QTest.mouseClick(audit.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert audit.selected_unit().agency == A.PAIRED
    QTest.mouseDClick(audit.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.doc.report.meta["agency"] == A.PAIRED and window.doc.path is None
    QTest.keyClick(audit.table.viewport(), Qt.Key.Key_Down)  # the keyboard moves the selection and the list
    assert audit.selected_unit().agency == column(audit, "单位")[row + 1]
    assert audit.findings_title.text().startswith(column(audit, "单位")[row + 1])


def test_cancel_stops_and_marks_the_result(qtbot, make_window, reports, monkeypatch):
    window = make_window()
    audit = open_from_menu(window)
    audit.add_sources([reports])
    real = model.many_reports.audit.read_one

    def slow(path):
        audit._stop.set()  # the user presses 取消 while the first file is read
        return real(path)

    monkeypatch.setattr(model.many_reports.audit, "read_one", slow)
    run_to_end(qtbot, audit)
    assert audit.result.cancelled and "取消" in audit.summary.text()
    assert not audit.export_button.isEnabled()


def test_export_writes_workbook_and_notice(qtbot, make_window, reports, tmp_path):
    window = make_window()
    audit = open_from_menu(window)
    audit.add_sources([reports])
    run_to_end(qtbot, audit)
    target = tmp_path / "结果 文件" / "检查结果.xlsx"
    target.parent.mkdir()
    audit.exports._offer_to_open = lambda _result: None  # no 导出完成 box in the test
    with qtbot.waitSignal(audit.exports.worker.finished, timeout=60000):
        assert audit.export_to(target)
    assert load_workbook(target).sheetnames == ["总览", "问题清单", "各单位数据"]
    assert target.with_suffix(".pdf").stat().st_size > 1000


def test_a_report_opened_from_the_check_is_read_only_until_saved_elsewhere(qtbot, make_window, reports, tmp_path):
    """Issue 19: double-click opens the report as published, read-only, until it is saved as a file of its own."""
    window = make_window()
    audit = open_from_menu(window)
    audit.add_sources([reports / "各单位 2023"])
    run_to_end(qtbot, audit)
    audit.table.selectRow(column(audit, "单位").index(A.PAIRED))
    assert audit.open_unit()
    doc = window.doc
    assert doc.read_only and "只读" in window.windowTitle()
    before = doc.report.copy()
    page = window.wizard.table_pages["t3"]
    window.wizard.go_to(next(i for i in window.wizard.pageIds() if window.wizard.page(i) is page))
    index = page.model.index_of("t3.new.natural")
    page.view.setCurrentIndex(index)
    page.view.setFocus()
    QTest.keyClicks(page.view, "99")
    QTest.keyClick(page.view, Qt.Key.Key_Return)
    assert not page.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert doc.report.values == before.values  # real keys changed nothing
    editor = window.wizard.section_pages["s1"].editor
    assert editor.isReadOnly()
    doc.set_text("s1", "改写")
    assert doc.report.sections == before.sections
    assert window.save_to(tmp_path / "另存 报告.json")
    assert not doc.read_only and not editor.isReadOnly() and "只读" not in window.windowTitle()
    assert page.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    doc.set_text("s1", "改写")
    assert doc.report.sections["s1"] == "改写"
