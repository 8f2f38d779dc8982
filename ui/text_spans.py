"""Spans of a finding in a text editor: Python counts code points, Qt counts UTF-16 units."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit


def span_cursor(editor: QPlainTextEdit, span: tuple[int, int]) -> QTextCursor:
    """A cursor selecting characters [start, end) of the editor's text (Python offsets)."""
    text = editor.toPlainText()

    def units(offset: int) -> int:
        return len(text[:offset].encode("utf-16-le")) // 2

    cursor = QTextCursor(editor.document())
    cursor.setPosition(units(span[0]))
    cursor.setPosition(units(span[1]), QTextCursor.MoveMode.KeepAnchor)
    return cursor
