"""Issue 8: typing a report as people really do, driven with real key events.

Running totals and the 勾稽关系 appear while the table is only partly filled; unfinished work is
progress (`todo`), never an error, until hand-in; spreadsheet habits of Excel/WPS users work.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QListView
from support import show_window, table_view

from model.template import CURRENT as T

SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 1
RULE_CODE = re.compile(r"\b[TSGA]\d(-\d)?\b")


def _type(qtbot, view, code, text, finish=Qt.Key.Key_Return):
    """Select the cell, type the characters as key events to whatever has focus, then finish."""
    view.select_index(view.model().index_of(code))
    view.setFocus()
    for ch in text:
        qtbot.keyClick(QApplication.focusWidget(), ch)
    qtbot.keyClick(QApplication.focusWidget(), finish)
    QApplication.processEvents()  # the delegate commits on Return through a queued call


def _rows(window, name="findings"):
    model = window.findChild(QListView, name).model()
    return [(model.index(r).data(Qt.ItemDataRole.UserRole), model.index(r).data(SEVERITY_ROLE),
             model.index(r).data()) for r in range(model.rowCount())]


def _shown(view, code):
    return view.model().index_of(code).data()


def test_new_report_opens_without_red(make_window, qtbot):
    window = make_window()
    show_window(window, qtbot)
    rows = _rows(window)
    assert rows and all(sev == "todo" for _, sev, _ in rows)
    assert not [text for _, _, text in rows if RULE_CODE.search(text)]
    t3 = next(text for rule, _, text in rows if rule == "T3-4")
    assert "已填 0/144" in t3


def test_partly_filled_column_shows_totals_and_balance_as_progress(make_window, qtbot):
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t3")
    for row, text in (("new", "10"), ("carried_in", "2"), ("open", "6"), ("partial", "1"), ("carried_out", "3")):
        _type(qtbot, view, T.t3_code(row, "natural"), text)
    assert _shown(view, "t3.new.total") == "10"
    assert _shown(view, "t3.total.natural") == "7" and _shown(view, "t3.total.total") == "7"
    rows = _rows(window)
    assert not [r for r in rows if r[1] == "error"]
    balance = [text for rule, sev, text in rows if rule == "T3-1" and sev == "todo"]
    assert len(balance) == 1 and "自然人" in balance[0] and "尚差 2" in balance[0]
    assert not [text for _, _, text in rows if RULE_CODE.search(text)]
    # at hand-in the blanks are errors, as before
    assert window.doc.verdict.draft
    # once the column is complete, the imbalance is an error
    codes = [T.t3_code(r, "natural") for r in T.t3.result_rows if window.doc.report.value(T.t3_code(r, "natural")) is None]
    window.doc.set_cells(dict.fromkeys(codes, 0))
    errors = [(rule, text) for rule, sev, text in _rows(window) if sev == "error"]
    assert [rule for rule, _ in errors] == ["T3-1"] and "相差 2" in errors[0][1]


def test_left_and_right_commit_and_move(make_window, qtbot):
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t3")
    _type(qtbot, view, "t3.new.business", "4", finish=Qt.Key.Key_Left)
    assert window.doc.report.value("t3.new.business") == 4
    assert view.currentIndex() == view.model().index_of("t3.new.natural")
    _type(qtbot, view, "t3.new.natural", "5", finish=Qt.Key.Key_Right)
    assert window.doc.report.value("t3.new.natural") == 5
    assert view.currentIndex() == view.model().index_of("t3.new.business")


def test_tab_and_enter_skip_computed_cells(make_window, qtbot):
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t3")
    _type(qtbot, view, "t3.new.other", "1", finish=Qt.Key.Key_Tab)
    assert view.currentIndex() == view.model().index_of("t3.carried_in.natural")  # 总计 skipped
    _type(qtbot, view, "t3.other_3.natural", "1")  # Enter: （七）总计 skipped
    assert view.currentIndex() == view.model().index_of("t3.carried_out.natural")


def test_typing_on_a_total_says_what_it_is(make_window, qtbot):
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t3")
    view.select_index(view.model().index_of("t3.new.total"))
    qtbot.keyClick(view, "5")
    message = window.wizard.table_pages["t3"].message_label
    assert "自动计算" in message.text() and "自然人" in message.text() and message.property("error")


def test_paste_reads_dashes_as_zero_and_points_at_a_bad_cell(make_window, qtbot):
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t3")
    view.select_index(view.model().index_of("t3.new.natural"))
    QGuiApplication.clipboard().setText("3\t—\t/\t无\t-\t2\n")
    assert view.paste_clipboard()
    report = window.doc.report
    assert [report.value(T.t3_code("new", c)) for c in T.t3.input_cols] == [3, 0, 0, 0, 0, 2]
    message = window.wizard.table_pages["t3"].message_label
    assert "4 格" in message.text() and not message.property("error")
    view.select_index(view.model().index_of("t3.open.natural"))
    QGuiApplication.clipboard().setText("1\t2\tabc\n")
    assert not view.paste_clipboard()
    assert view.currentIndex() == view.model().index_of("t3.open.research")
    assert message.property("error") and "科研机构" in message.text()
    assert report.value("t3.open.natural") is None  # nothing of a refused block is pasted


def test_tab_moves_without_opening_the_next_cell(make_window, qtbot):
    """As in Excel/WPS: after Tab the next cell is selected, not being edited; typing replaces it."""
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t3")
    _type(qtbot, view, "t3.new.natural", "4", finish=Qt.Key.Key_Tab)
    assert view.currentIndex() == view.model().index_of("t3.new.business")
    assert view.state() != view.State.EditingState
    _type(qtbot, view, "t3.new.business", "7")
    assert window.doc.report.value("t3.new.business") == 7
