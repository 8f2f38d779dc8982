"""A QTableView that behaves like a spreadsheet over a ReportTableModel.

Type to overwrite, Enter moves down and Tab right, arrows move, Delete clears, Ctrl+C copies and
Ctrl+V pastes a tab-separated block from Excel/WPS. Spans and column widths come from the schema.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from ui.table_model import ReportTableModel


class _CellDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option, index):  # type: ignore[no-untyped-def]
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
            editor.setFrame(False)
        return editor


class SpreadsheetView(QTableView):
    def __init__(self, model: ReportTableModel, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setModel(model)
        self.setItemDelegate(_CellDelegate(self))
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for g in model.table.grid:
            if g.rowspan > 1 or g.colspan > 1:
                self.setSpan(g.row, g.col, g.rowspan, g.colspan)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.apply_widths()
        first = next((g for g in model.table.grid if g.code and model.is_input(g.code)), None)
        if first is not None:
            self.setCurrentIndex(model.index(first.row, first.col))

    @property
    def report_model(self) -> ReportTableModel:
        model = self.model()
        assert isinstance(model, ReportTableModel)
        return model

    def apply_widths(self) -> None:
        """Column widths in the schema's proportions, filling the view but never narrower than the font needs."""
        widths = self.report_model.table.col_widths
        min_unit = self.fontMetrics().horizontalAdvance("国") * 4
        fill_unit = (self.viewport().width() - 2) / sum(widths)
        unit = max(min_unit, fill_unit)
        for i, w in enumerate(widths):
            self.setColumnWidth(i, int(w * unit))
        self.resizeRowsToContents()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # row heights depend on widths only
            self.apply_widths()

    # -- focus ---------------------------------------------------------------------------------------
    # Qt repaints the whole viewport when the view loses or regains focus. Focus moving to the view's own
    # cell editor and back changes nothing visible, and repainting table 三 twice per typed number would
    # cost more than a frame, so those two transitions skip it.

    _focus_in_editor = False

    def focusOutEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        focus = QApplication.focusWidget()
        if focus is not None and focus is not self and self.isAncestorOf(focus):
            self._focus_in_editor = True
            return
        super().focusOutEvent(event)

    def focusInEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._focus_in_editor and self.currentIndex().isValid():
            self._focus_in_editor = False
            editable = bool(self.currentIndex().flags() & Qt.ItemFlag.ItemIsEditable)
            self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, editable)
            return
        self._focus_in_editor = False
        super().focusInEvent(event)

    # -- keyboard ------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.report_model.copy_text(self.selectedIndexes()))
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.report_model.clear(self.selectedIndexes())
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self.move_down()
            return
        super().keyPressEvent(event)

    def paste_clipboard(self) -> bool:
        current = self.currentIndex()
        if not current.isValid():
            return False
        return self.report_model.paste(current.row(), current.column(), QGuiApplication.clipboard().text())

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Enter commits and, as in a spreadsheet, goes to the cell below.
        moved_down = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if moved_down else hint)
        if moved_down:
            self.move_down()

    def move_down(self) -> None:
        index = self.moveCursor(QAbstractItemView.CursorAction.MoveDown, Qt.KeyboardModifier.NoModifier)
        if index.isValid():
            self.select_index(index)

    def select_index(self, index: QModelIndex) -> None:
        self.setCurrentIndex(index)
        self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
