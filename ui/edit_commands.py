"""The 编辑 menu's 剪切、复制、粘贴、清除、全选: done on whatever the user is working in.

A text field (a section's text, a cell being typed, 机关名称) gets its own text operations; a table
gets the spreadsheet ones (ui.table_view); with the focus elsewhere on a table page (a button), that
page's table. The table and text widgets keep their keys (Ctrl+C … in the widget itself); the menu
gives mouse users the same commands and shows the keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

if TYPE_CHECKING:  # imported when a command runs: the first page has no table
    from ui.table_view import SpreadsheetView


#: (menu text, command, key). 清除 only shows Del: every widget handles Delete itself, and a window-wide
#: Delete would clear a table while the user is in the findings list.
COMMANDS: tuple[tuple[str, str, QKeySequence.StandardKey | None], ...] = (
    ("剪切(&T)", "cut", QKeySequence.StandardKey.Cut),
    ("复制(&C)", "copy", QKeySequence.StandardKey.Copy),
    ("粘贴(&P)", "paste", QKeySequence.StandardKey.Paste),
    ("清除(&L)\tDel", "clear", None),
    ("全选(&A)", "select_all", QKeySequence.StandardKey.SelectAll),
)


def _text_command(widget: QWidget, name: str) -> Callable[[], object] | None:
    if isinstance(widget, QAbstractSpinBox):
        widget = widget.lineEdit() if hasattr(widget, "lineEdit") else widget  # type: ignore[attr-defined]
    if isinstance(widget, QLineEdit):
        clear = widget.del_
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        def clear() -> None:
            widget.textCursor().removeSelectedText()  # type: ignore[union-attr]
    else:
        return None
    return {"cut": widget.cut, "copy": widget.copy, "paste": widget.paste, "clear": clear,
            "select_all": widget.selectAll}[name]


def _table_command(view: SpreadsheetView, name: str) -> Callable[[], object]:
    return {"cut": view.cut_selection, "copy": view.copy_selection, "paste": view.paste_clipboard,
            "clear": view.clear_selection, "select_all": view.selectAll}[name]


def run(name: str, fallback: SpreadsheetView | None = None) -> bool:
    """Do command `name` on the focused text field or table, else on `fallback` (the page's table)."""
    from ui.table_view import SpreadsheetView

    widget = QApplication.focusWidget()
    if widget is not None:
        command = _text_command(widget, name)
        if command is not None:
            command()
            return True
    while widget is not None and not isinstance(widget, SpreadsheetView):
        widget = widget.parentWidget()
    view = widget if isinstance(widget, SpreadsheetView) else fallback
    if view is None:
        return False
    _table_command(view, name)()
    return True
