"""Issue 15 points 1–4: keys and paste in the table editors, driven with real key events.

1. Enter/Down go to the next input cell below through merged, caption and header rows (表二's
   行政许可 row under the 行政规范性文件 row); every input cell is reached in Enter and in Tab order.
2. A pasted block is placed by its shape: as wide as the row's input cells, or as the printed row.
3. A pasted 总计 that differs from its parts is a claim: kept, reported, saved, until settled.
4. Ctrl+Down/Up jump as in Excel; the 编辑 menu has 剪切、复制、粘贴、清除、全选.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QTableView
from support import SAMPLE, show_window, table_view

from model.report.storage import load
from model.template import CURRENT as T

CODE = Qt.ItemDataRole.UserRole






def _current(view):
    return view.currentIndex().data(CODE)


def _keys(qtbot, text, finish=Qt.Key.Key_Return):
    """Type `text` as key events to whatever has the focus (the table, then its cell editor), then finish."""
    for ch in text:
        qtbot.keyClick(QApplication.focusWidget(), ch)
    qtbot.keyClick(QApplication.focusWidget(), finish)
    QApplication.processEvents()  # the delegate commits on Return through a queued call


def _message(window, key):
    return window.wizard.table_pages[key].message_label.text()


# -- 1. Enter and Down ---------------------------------------------------------------------------------


def test_the_clerk_types_down_table_two(make_window, qtbot):
    """15 ⏎ 1560 ⏎ 320 ⏎ 12 ⏎ from 行政规范性文件·现行有效件数 fills 许可、处罚、强制 (before: one cell, four times)."""
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t2")
    view.select_index(view.model().index_of("t2.normative.in_force"))
    for number in ("15", "1560", "320", "12"):
        _keys(qtbot, number)
    report = window.doc.report
    assert [report.value(c) for c in ("t2.normative.in_force", "t2.license.decisions", "t2.penalty.decisions",
                                      "t2.enforcement.decisions")] == [15, 1560, 320, 12]
    assert _current(view) == "t2.fees.amount"


def test_down_and_up_pass_merged_rows_and_keep_the_column(make_window, qtbot):
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t2")
    view.select_index(view.model().index_of("t2.normative.repealed"))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert _current(view) == "t2.license.decisions"
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert _current(view) == "t2.penalty.decisions"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)  # back up through the merged row: the column it came down
    assert _current(view) == "t2.normative.repealed"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)  # the top: stays
    assert _current(view) == "t2.regulation.repealed"
    # in a column of totals (表三 总计) the arrows still read it cell by cell
    t3 = table_view(window, "t3")
    t3.select_index(t3.model().index_of("t3.new.total"))
    qtbot.keyClick(t3, Qt.Key.Key_Down)
    assert _current(t3) == "t3.carried_in.total"
    qtbot.keyClick(t3, Qt.Key.Key_Return)  # Enter there: on to the next input row
    assert _current(t3) == "t3.open.natural"
    view = table_view(window, "t2")
    # Down while typing commits and moves the same way
    view.select_index(view.model().index_of("t2.normative.in_force"))
    _keys(qtbot, "7", finish=Qt.Key.Key_Down)
    assert window.doc.report.value("t2.normative.in_force") == 7
    assert _current(view) == "t2.license.decisions"
    # Shift+Enter goes back up
    _keys(qtbot, "9", finish=Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert _current(view) == "t2.license.decisions"
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, "5")  # typing opens the editor; Shift+Enter there commits and goes up
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    assert window.doc.report.value("t2.penalty.decisions") == 5 and _current(view) == "t2.license.decisions"


def _input_cells(key):
    return list(T.table(key).input_codes)


def _columns_covered(key):
    """How many grid columns each input cell spans (a merged 表二 row is passed once per column)."""
    return {g.code: g.colspan for g in T.table(key).grid if g.code in set(_input_cells(key))}


@pytest.mark.parametrize("key", ["t2", "t3", "t4"])
def test_tab_order_types_every_input_cell_once(make_window, qtbot, key):
    """Typing a different number into each cell and pressing Tab fills every input cell exactly once."""
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, key)
    codes = _input_cells(key)
    view.select_index(view.model().index_of(codes[0]))
    visited = []
    for n in range(len(codes)):
        visited.append(_current(view))
        _keys(qtbot, str(n + 1), finish=Qt.Key.Key_Tab)
    assert Counter(visited) == Counter(codes)  # each input cell once, no total, no label
    assert _current(view) == codes[0]  # and round to the first
    typed = {code: n + 1 for n, code in enumerate(visited)}
    assert {c: window.doc.report.value(c) for c in codes} == typed  # nothing overwritten


@pytest.mark.parametrize("key", ["t2", "t3", "t4"])
def test_enter_order_reaches_every_input_cell(make_window, qtbot, key):
    """Enter goes down each column to its end and on to the next column's top, round to the start.

    Every input cell is reached once per column it covers (once in 表三 and 表四; 表二's merged rows
    once in each of the three columns they span), and each press moves. A number typed at each first
    visit stays: nothing is overwritten."""
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, key)
    codes = _input_cells(key)
    view.select_index(view.model().index_of(codes[0]))
    visited, typed = [], {}
    for _ in range(sum(_columns_covered(key).values())):
        code = _current(view)
        visited.append(code)
        if code in typed:
            qtbot.keyClick(view, Qt.Key.Key_Return)
        else:
            typed[code] = len(typed) + 1
            _keys(qtbot, str(typed[code]))
        assert _current(view) != code
    assert Counter(visited) == Counter(_columns_covered(key))
    assert _current(view) == codes[0]
    assert {c: window.doc.report.value(c) for c in codes} == typed
    if key == "t3":  # column by column, as Excel's Enter in a selection
        assert visited[:24] == [T.t3_code(r, "natural") for r in T.t3.rows if r != "total"]


def test_ctrl_down_and_up_jump_to_the_end_of_the_filled_run(make_window, qtbot):
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t3")
    window.doc.set_cells({T.t3_code(r, "natural"): 1 for r in ("new", "carried_in", "open", "partial", "deny_1")}
                         | {T.t3_code("unable_2", "natural"): 4})
    view.select_index(view.model().index_of("t3.new.natural"))
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(view, Qt.Key.Key_Down, ctrl)
    assert _current(view) == "t3.deny_1.natural"  # the last filled cell of the run
    qtbot.keyClick(view, Qt.Key.Key_Down, ctrl)
    assert _current(view) == "t3.unable_2.natural"  # the next filled cell
    qtbot.keyClick(view, Qt.Key.Key_Down, ctrl)
    assert _current(view) == "t3.carried_out.natural"  # none below: the column's last input cell
    qtbot.keyClick(view, Qt.Key.Key_Up, ctrl)
    assert _current(view) == "t3.unable_2.natural"
    qtbot.keyClick(view, Qt.Key.Key_Up, ctrl)
    assert _current(view) == "t3.deny_1.natural"
    qtbot.keyClick(view, Qt.Key.Key_Up, ctrl)
    assert _current(view) == "t3.new.natural"


# -- 2. Paste by the shape of the row -------------------------------------------------------------------

T4_INPUTS = [T.t4_code(g, c) for g, _ in T.t4.groups for c, _ in T.t4.columns]


def _paste(qtbot, view, code, text):
    view.select_index(view.model().index_of(code))
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_a_row_of_input_cells_fills_the_input_cells(make_window, qtbot):
    """表四: 12 numbers copied without the 总计 columns fill the 12 input cells (before: shifted, two lost)."""
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t4")
    _paste(qtbot, view, "t4.review.upheld", "\t".join(str(n) for n in range(1, 13)) + "\n")
    assert [window.doc.report.value(c) for c in T4_INPUTS] == list(range(1, 13))
    assert not window.doc.report.stated
    message = _message(window, "t4")
    assert message.startswith("已粘贴 12 格：表四“行政复议”行“结果维持”列至“复议后起诉”行“尚未审结”列。")
    assert "合计数由程序计算，已跳过" in message
    window.doc.undo_stack.undo()
    assert all(window.doc.report.value(c) is None for c in T4_INPUTS)


def test_a_printed_row_puts_each_number_in_its_column(make_window, qtbot):
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t4")
    printed = [1, 2, 3, 4, 10, 5, 6, 7, 8, 26, 9, 10, 11, 12, 42]
    _paste(qtbot, view, "t4.review.upheld", "\t".join(map(str, printed)))
    assert [window.doc.report.value(c) for c in T4_INPUTS] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    assert window.doc.report.stated == {}  # every printed total equals its sum: nothing to keep
    assert "已粘贴 12 格" in _message(window, "t4")


def test_any_other_width_is_refused_naming_the_widths_that_fit(make_window, qtbot):
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t4")
    _paste(qtbot, view, "t4.review.upheld", "\t".join(["1"] * 10))
    assert all(window.doc.report.value(c) is None for c in T4_INPUTS)
    message = _message(window, "t4")
    assert "每行 10 个" in message and "未粘贴" in message
    assert "12 个（各填报单元格，跳过合计列）" in message and "15 个（按表中各列，含合计列）" in message
    assert "不超过 4 个" in message
    # a number alone on a total is not pasted: totals are computed
    _paste(qtbot, view, "t4.review.total", "7")
    assert "t4.review.total" not in window.doc.report.stated and "未粘贴" in _message(window, "t4")
    view = table_view(window, "t3")
    _paste(qtbot, view, "t3.new.total", "7")  # as wide as what is left of the printed row, yet no input
    assert "t3.new.total" not in window.doc.report.stated and "自动计算" in _message(window, "t3")
    view = table_view(window, "t4")
    # a narrower block that meets no total goes where it lands, as before
    _paste(qtbot, view, "t4.review.upheld", "1\t2\t3")
    assert [window.doc.report.value(c) for c in T4_INPUTS[:4]] == [1, 2, 3, None]


def test_a_column_for_table_two_follows_the_input_rows(make_window, qtbot):
    """A column of 4 numbers at 行政规范性文件·现行有效件数 fills it and 许可、处罚、强制, as Enter goes."""
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t2")
    _paste(qtbot, view, "t2.normative.in_force", "15\n1560\n320\n12\n")
    report = window.doc.report
    assert [report.value(c) for c in ("t2.normative.in_force", "t2.license.decisions", "t2.penalty.decisions",
                                      "t2.enforcement.decisions")] == [15, 1560, 320, 12]
    message = _message(window, "t2")
    assert "已粘贴 4 格" in message and "“行政许可”行本年处理决定数量" in message and "“行政强制”行" in message


# -- 3. A pasted total is a claim ---------------------------------------------------------------------


def test_a_pasted_total_that_differs_is_kept_reported_and_saved(make_window, qtbot, tmp_path):
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t4")
    printed = [1, 2, 1, 1, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]  # 行政复议 总计 printed as 6, its parts add to 5
    _paste(qtbot, view, "t4.review.upheld", "\t".join(map(str, printed)))
    doc = window.doc
    assert doc.claim("t4.review.total") == 6
    assert "与各项之和不符" in _message(window, "t4")
    model = view.model()
    assert model.index_of("t4.review.total").data() == "5"  # the cell shows the sum
    tip = model.index_of("t4.review.total").data(Qt.ItemDataRole.ToolTipRole)

    def t4_1():
        return [f.message for f in doc.findings if f.rule == "T4-1"]

    assert t4_1() == ["表四“行政复议”行“总计”列填写的合计数（6）与各项之和（5）不符，相差 1。"]
    # the tooltip tells the claim in the rule's own words (one message table), not in its own
    (claim,) = [f for f in doc.cell_findings["t4.review.total"] if f.rule == "T4-1"]
    assert f"【{claim.severity.label}】{claim.message}" in tip
    assert "采用各项之和" in tip
    # correcting another part keeps the claim; it still differs
    view.select_index(model.index_of("t4.review.other"))
    _keys(qtbot, "0")
    assert doc.claim("t4.review.total") == 6 and "各项之和（4）" in t4_1()[0]
    # saved as stated, read back with its finding
    path = tmp_path / "含 合计.json"
    assert window.save_to(path)
    assert json.loads(path.read_text(encoding="utf-8"))["values"]["t4.review.total"] == 6
    assert load(path).claims() == {"t4.review.total": 6}
    # the parts reach the printed total: the claim is settled
    view.select_index(model.index_of("t4.review.pending"))
    _keys(qtbot, "3")
    assert doc.claim("t4.review.total") is None and t4_1() == []
    doc.undo_stack.undo()  # undo brings the claim back with the part
    assert doc.claim("t4.review.total") == 6 and t4_1()


def test_accepting_the_sum_from_the_right_click_menu(make_window, qtbot):
    window = make_window()
    show_window(window, qtbot)
    view = table_view(window, "t3")
    _paste(qtbot, view, "t3.new.natural", "1\t1\t0\t0\t0\t0\t5")  # 总计 printed 5, the parts add to 2
    doc = window.doc
    assert doc.claim("t3.new.total") == 5
    assert any(f.rule == "T3-2" for f in doc.findings)
    view.select_index(view.model().index_of("t3.new.natural"))
    assert "采用各项之和" not in [a.text() for a in view.context_menu().actions()]  # not on an input cell
    view.select_index(view.model().index_of("t3.new.total"))
    menu = view.context_menu()
    (accept,) = [a for a in menu.actions() if a.text() == "采用各项之和"]
    accept.trigger()
    assert doc.claim("t3.new.total") is None and "t3.new.total" not in doc.report.stated
    assert not any(f.rule == "T3-2" for f in doc.findings)
    assert "已采用各项之和" in _message(window, "t3")
    doc.undo_stack.undo()
    assert doc.claim("t3.new.total") == 5


def test_an_imported_claim_survives_editing_a_part(make_window, qtbot, tmp_path):
    """The file states 总计 2 for a row whose parts now add up to 3 (as a published report might)."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["values"]["t3.new.natural"] = 3
    path = tmp_path / "已发布.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    window = make_window(path)
    show_window(window, qtbot)
    view = table_view(window, "t3")
    assert window.doc.claim("t3.new.total") == 2
    view.select_index(view.model().index_of("t3.new.business"))
    _keys(qtbot, "1")  # before: any edit of a part dropped the stated total and its finding
    assert window.doc.claim("t3.new.total") == 2
    (message,) = [f.message for f in window.doc.findings if f.rule == "T3-2"]
    assert "（2）" in message and "（4）" in message


# -- 4. The 编辑 menu ---------------------------------------------------------------------------------


def test_edit_menu_has_the_commands_beside_undo(make_window):
    window = make_window()
    (edit,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "编辑(&E)"]
    texts = [a.text().split("(")[0] for a in edit.actions() if not a.isSeparator()]
    assert texts == ["撤销", "重做", "剪切", "复制", "粘贴", "清除", "全选"]


def test_edit_menu_works_on_the_table(make_window, qtbot):
    window = make_window(SAMPLE)
    show_window(window, qtbot)
    view = table_view(window, "t3")
    acts = window.edit_actions
    a, b = view.model().index_of("t3.new.natural"), view.model().index_of("t3.carried_in.business")
    view.selectionModel().select(QItemSelection(a, b), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    acts["cut"].trigger()
    assert QGuiApplication.clipboard().text() == "2\t0\n0\t0"
    assert window.doc.report.value("t3.new.natural") is None
    view.select_index(view.model().index_of("t3.open.natural"))
    acts["paste"].trigger()
    assert window.doc.report.value("t3.open.natural") == 2
    acts["clear"].trigger()
    assert window.doc.report.value("t3.open.natural") is None
    acts["select_all"].trigger()
    selected = {i.data(CODE) for i in view.selectedIndexes()}
    assert {c.code for c in T.table("t3").cells} <= selected
    acts["copy"].trigger()
    assert len(QGuiApplication.clipboard().text().splitlines()) == 25
    # the keys in the table are the table's own, and do the same
    view.select_index(view.model().index_of("t3.carried_out.natural"))
    qtbot.keyClick(view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "0" and window.doc.report.value("t3.carried_out.natural") is None
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(view.selectedIndexes()) > 150


def test_edit_menu_works_in_a_text_page(make_window, qtbot):
    window = make_window(SAMPLE)
    show_window(window, qtbot)
    window.wizard.go_to(1)  # 一、总体情况
    editor = window.wizard.currentPage().findChild(QPlainTextEdit)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    text = editor.toPlainText()
    window.edit_actions["select_all"].trigger()
    window.edit_actions["copy"].trigger()
    assert QGuiApplication.clipboard().text().replace("\u2029", "\n") == text
    window.edit_actions["clear"].trigger()
    assert editor.toPlainText() == ""
    window.edit_actions["paste"].trigger()
    assert editor.toPlainText() == text


@pytest.mark.parametrize("key", ["t2", "t3", "t4"])
def test_a_whole_table_with_labels_and_totals_pastes_back(make_window, qtbot, key):
    """A table copied whole (labels, totals, the empty parts of merged cells) pastes into every input cell."""
    source = make_window(SAMPLE)
    view = source.findChild(QTableView, f"table-{key}")
    model = view.model()
    text = model.copy_text([model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())])
    target = make_window()
    assert target.findChild(QTableView, f"table-{key}").model().paste(0, 0, text)
    for code in T.table(key).input_codes:
        assert target.doc.report.value(code) == source.doc.report.value(code), code
    assert target.doc.report.stated == {}  # the totals agree with their parts: no claim
