"""The table pages: the hooks outside checks use, live totals and findings, spreadsheet behaviour."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QListView, QPushButton, QTableView
from support import SAMPLE

from model.report.values import format_value
from model.template import CURRENT as T

EDIT = Qt.ItemDataRole.EditRole
CODE = Qt.ItemDataRole.UserRole


def table_model(window, key):
    view = window.findChild(QTableView, f"table-{key}")
    assert view is not None, f"no table-{key}"
    return view, view.model()


def finding_rules(window):
    view = window.findChild(QListView, "findings")
    model = view.model()
    return [model.index(r, 0).data(CODE) for r in range(model.rowCount())]


def sample_values():
    return json.loads(SAMPLE.read_text(encoding="utf-8"))["values"]


@pytest.mark.parametrize("key", ["t2", "t3", "t4"])
def test_every_value_cell_answers_its_code(make_window, key):
    window = make_window()
    _, model = table_model(window, key)
    table = T.table(key)
    found = set()
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            code = model.index(r, c).data(CODE)
            if code is not None:
                found.add(code)
    assert found == {c.code for c in table.cells}


def test_labels_and_spans_follow_the_schema(make_window):
    window = make_window()
    view, model = table_model(window, "t3")
    for g in T.table("t3").grid:
        assert view.rowSpan(g.row, g.col) == g.rowspan and view.columnSpan(g.row, g.col) == g.colspan
        if g.text:
            assert model.index(g.row, g.col).data() == g.text


def test_enter_the_sample_through_the_models(make_window):
    """Type every input number of the sample; every total then equals the published one."""
    window = make_window()
    values = sample_values()
    for key in ("t2", "t3", "t4"):
        _, model = table_model(window, key)
        for code in T.table(key).input_codes:
            assert model.setData(model.index_of(code), str(values[code]), EDIT), code
    for key in ("t2", "t3", "t4"):
        _, model = table_model(window, key)
        for code in T.table(key).derived_codes:
            assert model.index_of(code).data() == str(values[code]), code
    assert not any(r.startswith(("T2", "T3", "T4")) for r in finding_rules(window))


def test_totals_and_findings_follow_every_change(make_window):
    window = make_window(SAMPLE)
    _, model = table_model(window, "t3")
    assert finding_rules(window) == []
    assert model.setData(model.index_of("t3.new.business"), "4", EDIT)
    assert model.index_of("t3.new.total").data() == "6"
    assert finding_rules(window) == ["G6", "T3-1"]  # G6: the text says 2 applications were received
    rows = [f for f in window.findings.model.findings if f.rule == "T3-1"]
    assert rows[0].message == "第一项加第二项之和（4）不等于第三项加第四项之和（0），“商业企业”列相差 4。"
    # the cells of the break are coloured as errors, with the message as tooltip
    tip = model.index_of("t3.new.business").data(Qt.ItemDataRole.ToolTipRole)
    assert "相差 4" in tip
    assert model.index_of("t3.new.business").data(Qt.ItemDataRole.BackgroundRole) is not None
    # fixing it: the results add up again
    assert model.setData(model.index_of("t3.open.business"), "4", EDIT)
    assert model.index_of("t3.total.business").data() == "4"
    assert finding_rules(window) == ["G6"]  # the table adds up; section 一 still says 2 applications
    assert model.index_of("t3.new.business").data(Qt.ItemDataRole.BackgroundRole) is None


def test_bad_entries_are_refused_in_the_window(make_window):
    window = make_window(SAMPLE)
    _, model = table_model(window, "t3")
    index = model.index_of("t3.new.natural")
    for bad, words in (("abc", "不是数字"), ("-1", "负数"), ("1.5", "整数"), ("2000000000", "过大")):
        assert model.setData(index, bad, EDIT) is False
        assert index.data() == "2"
        assert words in window.status_label.text()
        assert "自然人" in window.status_label.text()
    page = window.wizard.table_pages["t3"]
    assert "自然人" in page.message_label.text()
    _, t2 = table_model(window, "t2")
    fee = t2.index_of("t2.fees.amount")
    assert t2.setData(fee, "0.1234567", EDIT) is False
    assert "6 位小数" in window.status_label.text()
    assert t2.setData(fee, "12.5000", EDIT) and fee.data() == "12.5000"


def test_totals_are_read_only(make_window):
    window = make_window(SAMPLE)
    _, model = table_model(window, "t3")
    index = model.index_of("t3.total.total")
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, "9", EDIT) is False
    assert index.data() == "2"
    assert "自动计算" in window.status_label.text()


def test_full_width_digits_and_thousands_separators(make_window):
    window = make_window(SAMPLE)
    _, model = table_model(window, "t2")
    assert model.setData(model.index_of("t2.license.decisions"), "２３，１４１", EDIT)
    assert window.doc.report.value("t2.license.decisions") == 23141


def test_paste_block_and_undo_as_one_step(make_window):
    window = make_window(SAMPLE)
    view, model = table_model(window, "t3")
    start = model.index_of("t3.deny_1.natural")
    view.setCurrentIndex(start)
    QGuiApplication.clipboard().setText("1\t2\t3\r\n4\t5\t6\r\n")
    assert view.paste_clipboard()
    assert model.index_of("t3.deny_1.research").data() == "3"
    assert model.index_of("t3.deny_2.natural").data() == "4"
    assert model.index_of("t3.total.natural").data() == "7"  # 2 + 1 + 4
    assert "T3-1" in finding_rules(window)
    window.doc.undo_stack.undo()
    assert [model.index_of(f"t3.deny_{r}.{c}").data() for r in (1, 2) for c in ("natural", "business")] == ["0"] * 4
    assert finding_rules(window) == []
    window.doc.undo_stack.redo()
    assert model.index_of("t3.deny_2.legal").data() == "0"  # the block was 3 wide: legal untouched
    assert model.index_of("t3.deny_2.research").data() == "6"


def test_paste_with_a_non_number_is_refused_whole(make_window):
    window = make_window(SAMPLE)
    view, model = table_model(window, "t3")
    assert model.paste(*_pos(model, "t3.deny_1.natural"), "1\t2\n3\tx\n") is False
    assert model.index_of("t3.deny_1.natural").data() == "0"
    assert "不是数字" in window.status_label.text()
    assert "（三）不予公开·2.其他法律行政法规禁止公开" in window.status_label.text()


def test_paste_whole_table_with_labels(make_window):
    """A table copied with its labels (as from the exported workbook) pastes into the value cells."""
    source = make_window(SAMPLE)
    view, model = table_model(source, "t3")
    everything = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    text = model.copy_text(everything)
    target = make_window()
    _, new_model = table_model(target, "t3")
    assert new_model.paste(0, 0, text)
    for code in T.table("t3").input_codes:
        assert target.doc.report.value(code) == source.doc.report.value(code), code


def test_paste_outside_the_table_is_refused(make_window):
    window = make_window(SAMPLE)
    _, model = table_model(window, "t4")
    r, c = _pos(model, "t4.suit_after_review.pending")
    assert model.paste(r, c, "1\t2\t3") is False
    assert "超出" in window.status_label.text()


def _pos(model, code):
    index = model.index_of(code)
    return index.row(), index.column()


def test_keyboard_type_enter_delete_undo(make_window, qtbot):
    window = make_window(SAMPLE)
    window.show()
    window.activateWindow()
    window.wizard.go_to(window.wizard.page_of_table("t3"))
    view, model = table_model(window, "t3")
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(model.index_of("t3.carried_in.natural"))
    qtbot.keyClicks(view, "5")  # typing starts the editor with the typed digit
    qtbot.waitUntil(lambda: view.state() == view.State.EditingState)
    editor = QApplication.focusWidget()
    assert editor is not view
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.report.value("t3.carried_in.natural") == 5)
    # Enter moved to the cell below, as in a spreadsheet
    assert view.currentIndex().data(CODE) == "t3.open.natural"
    assert "T3-1" in finding_rules(window)
    view.setCurrentIndex(model.index_of("t3.carried_in.natural"))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.doc.report.value("t3.carried_in.natural") is None
    assert "T3-4" in finding_rules(window)
    window.undo_action.trigger()
    assert window.doc.report.value("t3.carried_in.natural") == 5
    window.undo_action.trigger()
    assert window.doc.report.value("t3.carried_in.natural") == 0
    window.redo_action.trigger()
    assert window.doc.report.value("t3.carried_in.natural") == 5
    # Tab moves right
    view.setCurrentIndex(model.index_of("t3.new.natural"))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex().data(CODE) == "t3.new.business"


def test_copy_gives_tab_separated_rows(make_window, qtbot):
    window = make_window(SAMPLE)
    view, model = table_model(window, "t3")
    a, b = model.index_of("t3.new.natural"), model.index_of("t3.carried_in.business")
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    view.selectionModel().select(QItemSelection(a, b), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "2\t0\n0\t0"


def test_fill_blank_with_zero(make_window):
    window = make_window()
    assert "T3-4" in finding_rules(window)
    page = window.wizard.table_pages["t3"]
    page.findChild(QPushButton, "zero-t3").click()
    assert "T3-4" not in finding_rules(window)
    assert "144 个空白单元格" in page.message_label.text()
    assert all(window.doc.report.value(c) == 0 for c in T.table("t3").input_codes)
    window.doc.undo_stack.undo()
    assert "T3-4" in finding_rules(window)


def test_blank_is_not_zero(make_window):
    window = make_window()
    _, model = table_model(window, "t2")
    index = model.index_of("t2.penalty.decisions")
    assert index.data() == ""
    assert model.setData(index, "0", EDIT)
    assert index.data() == "0" and window.doc.report.value("t2.penalty.decisions") == 0
    assert model.setData(index, "", EDIT)
    assert window.doc.report.value("t2.penalty.decisions") is None
    assert format_value(None) == ""


def test_undo_back_to_the_saved_state_is_unmodified(make_window):
    """Issue 7 case 11: undoing every change since the last save leaves nothing to save."""
    window = make_window(SAMPLE)
    _, model = table_model(window, "t3")
    assert not window.doc.modified
    assert model.setData(model.index_of("t3.new.natural"), "5", EDIT)
    assert window.doc.modified and window.isWindowModified()
    window.doc.undo_stack.undo()
    assert not window.doc.modified and not window.isWindowModified()
    window.doc.undo_stack.redo()
    assert window.doc.modified
