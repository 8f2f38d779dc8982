"""设置 › 发布期限: the deadlines rule G4 checks the publication date against.

《条例》第四十九条 sets 1月31日 for departments and 3月31日 for a people's government's own report;
townships and some provinces follow local rules, so offices may change them here. Remembered in the
program's settings, not in the report.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QWidget

from model.checks.rules import DEADLINES


class DeadlinesDialog(QDialog):
    def __init__(self, deadlines: dict[str, tuple[int, int]], kinds: tuple[tuple[str, str], ...],
                 parent: QWidget | None = None) -> None:
        """`kinds`: the kinds of body of the report's format, (stored value, Chinese label)."""
        super().__init__(parent)
        self.setWindowTitle("发布期限")
        self.setObjectName("deadlines-dialog")
        form = QFormLayout(self)
        form.addRow(QLabel("年度报告应在报告年度的次年以下日期前发布（发布日期晚于该日期时给出提醒）："))
        self.edits: dict[str, QDateEdit] = {}
        for kind, label in kinds:
            edit = QDateEdit()
            edit.setObjectName(f"deadline-{kind}")
            edit.setDisplayFormat("M月d日")
            month, day = deadlines.get(kind, DEADLINES.get(kind, (1, 31)))
            edit.setDate(QDate(2001, month, day))  # a year without 29 February: a deadline is a day of any year
            self.edits[kind] = edit
            form.addRow(label, edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        reset = QPushButton("恢复《条例》规定")
        reset.clicked.connect(self.reset)
        buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def reset(self) -> None:
        for kind, (month, day) in DEADLINES.items():
            if kind in self.edits:
                self.edits[kind].setDate(QDate(2001, month, day))

    def deadlines(self) -> dict[str, tuple[int, int]]:
        return {kind: (edit.date().month(), edit.date().day()) for kind, edit in self.edits.items()}
