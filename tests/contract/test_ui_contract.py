"""The window takes the format from the report it shows (issue 18 point 1).

A report of the extended format (one more 不予公开 reason, tests/extended_template.py) opened in the
window shows the new row in 表三 with its label, its figure and the totals that include it, and the
keyboard (Enter, Tab: real key events) reaches its cells. A window that still builds its tables from
the 2021 format shows 28 rows and no new label, and fails here.
"""

from __future__ import annotations

import pytest
from extended_template import EXTENDED, EXTRA_LABEL, EXTRA_ROW, deny_report, registered
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView
from support import show_window, table_view

from model.report.storage import save
from model.template import t2021

T3 = EXTENDED.t3
FIRST_COL, LAST_COL = T3.input_cols[0], T3.input_cols[-1]
NEW_CELL = EXTENDED.t3_code(EXTRA_ROW, FIRST_COL)
ROW_BEFORE = T3.group("不予公开").codes[-2]  # the last reason of the 2021 format
ROW_AFTER = T3.result_rows[T3.result_rows.index(EXTRA_ROW) + 1]


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GOV_REPORT_DATA_DIR", str(tmp_path / "数据"))


@pytest.fixture
def opened(qtbot, tmp_path):
    """A window that opened a report file of the extended format (the format read from the file)."""
    import ui

    path = tmp_path / "扩展 格式.json"
    with registered():
        save(deny_report(), path)
        window = ui.build_window()
        assert window.load_file(path), window.status_label.text()
    show_window(window, qtbot)
    table_view(window, "t3")
    yield window
    window.doc.set_modified(False)
    window.autosaver.timer.stop()
    window.close()
    window.deleteLater()


def _shown(model, code):
    return model.data(model.index_of(code), Qt.ItemDataRole.DisplayRole)


def test_table_three_shows_the_new_row_with_its_figure_and_totals(opened):
    assert opened.doc.report.template is EXTENDED
    model = opened.wizard.table_pages["t3"].model
    assert model.rowCount() == t2021.TEMPLATE.table("t3").n_rows + 1
    labels = {model.data(model.index(r, c)) for r in range(model.rowCount()) for c in range(model.columnCount())}
    assert EXTRA_LABEL in labels
    assert _shown(model, NEW_CELL) == "2"
    assert _shown(model, EXTENDED.t3_code(EXTRA_ROW, T3.total_col[0])) == "2"
    # （七）总计 of the column adds the new reason: 2 + 1, not 1
    assert _shown(model, EXTENDED.t3_code(T3.total_row[0], FIRST_COL)) == "3"
    assert model.data(model.index_of(NEW_CELL), Qt.ItemDataRole.StatusTipRole) == EXTENDED.cells[NEW_CELL].name


def test_enter_and_tab_reach_the_new_row(opened, qtbot):
    page = opened.wizard.table_pages["t3"]
    view, model = page.view, page.model
    view.select_index(model.index_of(EXTENDED.t3_code(ROW_BEFORE, FIRST_COL)))
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert model.code_at(view.currentIndex().row(), view.currentIndex().column()) == NEW_CELL
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert model.code_at(view.currentIndex().row(), view.currentIndex().column()) == EXTENDED.t3_code(ROW_AFTER, FIRST_COL)

    view.select_index(model.index_of(EXTENDED.t3_code(ROW_BEFORE, LAST_COL)))
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert model.code_at(view.currentIndex().row(), view.currentIndex().column()) == NEW_CELL

    # typing there fills the new cell, and the total follows
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_5)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on Return through a queued call
    assert opened.doc.report.value(NEW_CELL) == 5
    assert _shown(model, EXTENDED.t3_code(T3.total_row[0], FIRST_COL)) == "6"


def test_a_new_report_of_the_2021_format_again_drops_the_row(opened):
    """Opening another format rebuilds the table: the row goes with the format that has it."""
    from ui.main_window import fresh_report

    opened.doc.replace(fresh_report(), None)
    model = opened.wizard.table_pages["t3"].model
    assert model.rowCount() == t2021.TEMPLATE.table("t3").n_rows
    assert EXTRA_LABEL not in {model.data(model.index(r, 2)) for r in range(model.rowCount())}
    assert opened.findChild(QTableView, "table-t3") is opened.wizard.table_pages["t3"].view
