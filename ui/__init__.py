"""The Qt user interface. `build_window(path=None)` builds the whole main window (a test hook)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def build_window(path: str | Path | None = None) -> MainWindow:
    from ui.app import build_window as _build

    return _build(path)


__all__ = ["build_window"]
