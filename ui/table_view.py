"""A QTableView that behaves like a spreadsheet over a ReportTableModel, as Excel/WPS users expect.

Type to overwrite; Enter and Down go to the next input cell below, through merged cells, captions and
headers (ui.table_nav), Enter on past the bottom of a column to the next column; Tab goes right; all
skip computed totals. Ctrl+Down/Up jump to the end of the filled run. While a cell is being edited
Left/Right (like Up/Down) commit it and move; Delete clears; Ctrl+X/C/V cut, copy and paste a
tab-separated block (placed by the shape of the row, see ReportTableModel.paste); a right-click menu
offers the same and, on a total stated otherwise than its sum, 采用各项之和. Typing on a total says that
it is computed and from what. Spans and column widths come from the report's format.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from model.template.types import GridCell, Role
from ui.table_model import ReportTableModel
from ui.table_nav import GridNavigator

_ARROWS = {Qt.Key.Key_Left: QAbstractItemView.CursorAction.MoveLeft,
           Qt.Key.Key_Right: QAbstractItemView.CursorAction.MoveRight}


class _CellDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option, index):  # type: ignore[no-untyped-def]
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
            editor.setFrame(False)
        return editor

    def eventFilter(self, editor, event) -> bool:  # type: ignore[no-untyped-def]
        # Left/Right in a cell being typed commit it and move, as in Excel/WPS (Up/Down already do).
        if event.type() == QEvent.Type.KeyPress:
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            shift_enter = (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                           and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                           == Qt.KeyboardModifier.ShiftModifier)
            if (event.key() in _ARROWS and plain) or shift_enter:
                view = self.parent()
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                if isinstance(view, SpreadsheetView):
                    if shift_enter:  # Shift+Enter commits and goes the other way (up), as in Excel
                        view.enter(backwards=True)
                    else:
                        view.move(_ARROWS[event.key()])
                return True
        return super().eventFilter(editor, event)


class SpreadsheetView(QTableView):
    def __init__(self, model: ReportTableModel, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nav: GridNavigator = model.nav
        self._column = 0  # the grid column Up/Down/Enter keep while passing merged cells, as Excel does
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
        if self.nav.inputs:
            first = self.nav.inputs[0]
            self.setCurrentIndex(model.index(first.row, first.col))

    @property
    def report_model(self) -> ReportTableModel:
        model = self.model()
        assert isinstance(model, ReportTableModel)
        return model

    def apply_widths(self) -> None:
        """Column widths in the format's proportions, filling the view when it is wide enough.

        A unit is at least three characters, so that table 三 shows all seven columns in about 700
        pixels (a 1024×768 screen); a value column is never narrower than its header's words of up to
        four characters (结果维持, 商业企业), so that Qt does not break inside a word.
        """
        widths = self.report_model.table.col_widths
        min_unit = self.fontMetrics().horizontalAdvance("国") * 3 + 4
        floor = self._header_floor()
        available = self.viewport().width() - 2
        pinned: set[int] = set()  # columns held at their header's width; the rest share what is left
        unit = max(min_unit, available / sum(widths))
        for _ in range(len(widths)):
            newly = {i for i, w in enumerate(widths) if i not in pinned and w * unit < floor.get(i, 0)}
            if not newly:
                break
            pinned |= newly
            free = sum(w for i, w in enumerate(widths) if i not in pinned)
            left = available - sum(floor[i] for i in pinned)
            unit = max(min_unit, left / free) if free else unit
        for i, w in enumerate(widths):
            self.setColumnWidth(i, max(int(w * unit), floor.get(i, 0)))
        self.resizeRowsToContents()

    def _header_floor(self) -> dict[int, int]:
        metrics = self.fontMetrics()
        floor: dict[int, int] = {}
        for g in self.report_model.table.grid:
            if g.role is Role.HEADER and g.colspan == 1 and g.text:
                word = g.text[:4]
                floor[g.col] = max(floor.get(g.col, 0), metrics.horizontalAdvance(word) + 14)
        return floor

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

    _OWN_KEYS = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut, QKeySequence.StandardKey.Paste,
                 QKeySequence.StandardKey.SelectAll)

    def event(self, event: QEvent) -> bool:
        # The 编辑 menu has the same shortcuts; in the table the keys stay the table's own.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                any(event.matches(k) for k in self._OWN_KEYS)
                or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Cut):
            self.cut_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
            return
        code = self.report_model.code_at(self.currentIndex().row(), self.currentIndex().column())
        if (code and not self.report_model.is_input(code) and event.text().strip()
                and self.state() != self.State.EditingState
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
            self.report_model.refuse_computed(code)  # typing on a total: say it is computed, and from what
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.clear_selection()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self.enter(backwards=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        super().keyPressEvent(event)

    def copy_selection(self) -> None:
        QGuiApplication.clipboard().setText(self.report_model.copy_text(self.selectedIndexes()))

    def cut_selection(self) -> None:
        """剪切: copy, then clear the input cells of the selection (one undo step)."""
        self.copy_selection()
        self.clear_selection()

    def clear_selection(self) -> None:
        self.report_model.clear(self.selectedIndexes())

    def paste_clipboard(self) -> bool:
        current = self.currentIndex()
        if not current.isValid():
            return False
        model = self.report_model
        ok = model.paste(current.row(), current.column(), QGuiApplication.clipboard().text())
        if not ok and model.refused_code:  # show the cell that stopped the paste
            self.select_index(model.index_of(model.refused_code))
        return ok

    def contextMenuEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.context_menu().exec(event.globalPos())

    def context_menu(self) -> QMenu:
        """The right-click menu for the current cell and selection."""
        menu = QMenu(self)
        menu.setObjectName("table-menu")
        selected = bool(self.selectedIndexes())
        code = self.report_model.code_at(self.currentIndex().row(), self.currentIndex().column())
        claimed = code is not None and self.report_model.doc.claim(code) is not None
        for text, slot, enabled in (
            ("剪切", self.cut_selection, selected),
            ("复制", self.copy_selection, selected),
            ("粘贴", self.paste_clipboard, bool(QGuiApplication.clipboard().text())),
            ("清除", self.clear_selection, selected),
            (None, None, False),
            ("本表空白填 0", self.report_model.fill_blank_with_zero, True),
        ) + ((("采用各项之和", self.accept_sum, True),) if claimed else ()):
            if text is None:
                menu.addSeparator()
                continue
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
        return menu

    def accept_sum(self) -> bool:
        """采用各项之和 on the current total: its stated figure gives way to the computed sum."""
        code = self.report_model.code_at(self.currentIndex().row(), self.currentIndex().column())
        if code is None or not self.report_model.doc.accept_sum(code):
            return False
        self.report_model.notice.emit(f"{self.report_model.cells[code].name}已采用各项之和（可撤销）。")
        return True

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Enter commits and, as in a spreadsheet, goes to the next input cell down.
        # Tab commits and moves right without opening the next cell for editing, as Excel/WPS do:
        # typing there then replaces its content.
        sideways = {QAbstractItemDelegate.EndEditHint.EditNextItem: QAbstractItemView.CursorAction.MoveNext,
                    QAbstractItemDelegate.EndEditHint.EditPreviousItem: QAbstractItemView.CursorAction.MovePrevious}
        moved_down = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        plain = moved_down or hint in sideways
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if plain else hint)
        if moved_down:
            self.enter()
        elif hint in sideways:
            self.move(sideways[hint])

    def enter(self, backwards: bool = False) -> None:
        """Enter: the next input cell down (totals, labels and merged rows passed); past the bottom of a
        column, the top of the next one. Shift+Enter goes the other way."""
        cell = self._cursor_cell()
        if cell is None:
            return
        found = self.nav.enter(cell, self._column, backwards)
        if found is not None:
            target, self._column = found
            self.select_index(self.report_model.index(target.row, target.col))

    def move(self, action: QAbstractItemView.CursorAction) -> None:
        index = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if index.isValid():
            self.select_index(index)

    def _cursor_cell(self) -> GridCell | None:
        current = self.currentIndex()
        return self.nav.cell_at(current.row(), current.column()) if current.isValid() else None

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        cell = self.nav.cell_at(current.row(), current.column()) if current.isValid() else None
        if cell is not None and not cell.col <= self._column < cell.col + cell.colspan:
            self._column = current.column()

    def moveCursor(self, action, modifiers):  # type: ignore[no-untyped-def]
        """Up/Down go from input cell to input cell through merged cells, captions and headers (Ctrl: to
        the end of the filled run); Tab and Shift+Tab go through the input cells row by row."""
        A = QAbstractItemView.CursorAction
        cell = self._cursor_cell()
        if cell is None or action not in (A.MoveDown, A.MoveUp, A.MoveNext, A.MovePrevious):
            return super().moveCursor(action, modifiers)
        if action in (A.MoveDown, A.MoveUp) and not self.nav.column(self._column):
            return super().moveCursor(action, modifiers)  # a column of totals: read it cell by cell
        if action in (A.MoveNext, A.MovePrevious):
            target = self.nav.tab(cell, backwards=action == A.MovePrevious)
        elif modifiers & Qt.KeyboardModifier.ControlModifier:
            report = self.report_model.doc.report
            target = self.nav.jump(cell, self._column, lambda code: report.value(code) is not None,
                                   backwards=action == A.MoveUp)
        elif action == A.MoveDown:
            target = self.nav.down(cell, self._column)
        else:
            target = self.nav.up(cell, self._column)
        if target is None:  # the edge of the table: stay
            return self.currentIndex()
        return self.report_model.index(target.row, target.col)

    def select_index(self, index: QModelIndex) -> None:
        self.setCurrentIndex(index)
        self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
