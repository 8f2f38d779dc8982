"""Fit a tool window (汇总, 年报质量检查) into the screen it opens on.

Their starting sizes leave room for wide columns; on a 1024×768 or 1366×768 screen that is wider than
the screen, and neither Windows nor most window managers shrink a new window: the 关闭 button and the
说明 column were off the screen. Only the size the program chose is changed, never one the user set.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_on_screen(window: QWidget) -> None:
    """Shrink a shown `window` (with its frame, where known) to its screen's available area, and move it
    inside, if it does not fit."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    avail = screen.availableGeometry()
    frame, inner = window.frameGeometry(), window.geometry()
    extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()  # title bar, borders
    width = min(inner.width(), avail.width() - extra_w)
    height = min(inner.height(), avail.height() - extra_h)
    if (width, height) != (inner.width(), inner.height()):
        window.resize(width, height)
    x = min(max(frame.x(), avail.left()), avail.right() + 1 - width - extra_w)
    y = min(max(frame.y(), avail.top()), avail.bottom() + 1 - height - extra_h)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)  # a top-level window's position is that of its frame
