"""The main window's status bar: the last message, and the warning that autosave cannot write.

Messages are shown in the window itself, never in a modal dialog (build_window opens none); the autosave
warning stays beside them while it holds, so the user sees that recovery is off.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar


class StatusLine:
    def __init__(self, bar: QStatusBar) -> None:
        self.label = QLabel()
        self.label.setObjectName("status-message")
        bar.addWidget(self.label, 1)
        self.autosave_warning = QLabel()
        self.autosave_warning.setObjectName("autosave-warning")
        self.autosave_warning.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.autosave_warning.setWordWrap(True)  # a long folder path wraps instead of hiding the messages
        bar.addPermanentWidget(self.autosave_warning, 2)

    def show(self, text: str) -> None:
        self.label.setText(text)

    def clear(self) -> None:
        self.label.clear()

    def text(self) -> str:
        return self.label.text()

    def show_autosave_problem(self, problem: str) -> None:
        """Keep the warning that autosave is off visible beside the status messages ("" hides it)."""
        self.autosave_warning.setText(problem)
        self.autosave_warning.setToolTip(problem)
        self.autosave_warning.setVisible(bool(problem))
