"""What the windows beside the report (汇总, 年报质量检查) ask of the main window, as an interface.

They show a report in the main window and say where it came from; naming this protocol instead of the
main window's class keeps them free of it (no import circle between the main window and its tools).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from model.checks.rules import Finding
from ui.document import ReportDocument


class ReportHost(Protocol):
    """The main window as the tool windows see it."""

    doc: ReportDocument

    def confirm_discard(self) -> bool:
        """Ask to save unsaved changes before the report is replaced; False when the user cancels."""
        ...

    def load_file(self, path: Path) -> bool:
        """Open a report file in the window; False (and the reason in the status bar) when it cannot."""
        ...

    def show_message(self, text: str) -> None: ...

    def go_to_finding(self, finding: Finding) -> None: ...

    def show_first_page(self) -> None:
        """Show 基本信息, where a report just put into the window starts."""
        ...

    def bring_to_front(self) -> None: ...
