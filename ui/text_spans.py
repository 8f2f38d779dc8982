"""Spans of a finding in a text editor: Python counts code points, Qt counts UTF-16 units."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 units each (rare CJK extension characters)


def utf16_offsets(text: str, offsets: Iterable[int]) -> dict[int, int]:
    """Qt's position of each Python offset into `text`, in one pass over the text however many offsets."""
    wanted = sorted(set(offsets))
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    out: dict[int, int] = {}
    i = 0
    for offset in wanted:
        while i < len(astral) and astral[i] < offset:
            i += 1
        out[offset] = offset + i
    return out


def span_cursor(editor: QPlainTextEdit, span: tuple[int, int], text: str | None = None) -> QTextCursor:
    """A cursor selecting characters [start, end) of the editor's text (Python offsets); `text` is that
    text when the caller has it already (copying a long text out of the editor takes a while)."""
    units = utf16_offsets(editor.toPlainText() if text is None else text, span)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(units[span[0]])
    cursor.setPosition(units[span[1]], QTextCursor.MoveMode.KeepAnchor)
    return cursor
