"""文件 › 以上年度报告为基础新建: what carries over, and whether the texts start from last year's.

Starting the texts from last year's saves typing but invites handing in last year's words again, so
it is an option, off by default, with the note that G7 flags a section left as it was (the note is
model.report.next_year's, the same words `main.py new --texts` prints).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from model.report.next_year import carry_over_sentence, texts_note
from model.report.report import Report


class NewFromPriorDialog(QDialog):
    """The one question before next year's report is made: texts from last year's, or not."""

    def __init__(self, prior: Report, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new-from-prior")
        self.setWindowTitle("以上年度报告为基础新建")
        year = f"{prior.year} 年度" if prior.year else "年度不详的"
        next_year = f" {prior.year + 1} 年度" if prior.year else ""
        what = QLabel(f"以{year}报告“{path.name}”为基础新建{next_year}报告：带入基本信息，"
                      f"{carry_over_sentence(prior.template)}，本年度的其他数字均需填写。")
        what.setWordWrap(True)
        self.texts = QCheckBox("各部分文字以上年度报告为起点（再逐段改写）")
        self.texts.setObjectName("new-from-prior-texts")
        self.texts.setChecked(False)
        note = QLabel(texts_note())
        note.setObjectName("new-from-prior-note")
        note.setWordWrap(True)
        note.setStyleSheet("color:#5f6368;")
        buttons = QDialogButtonBox()
        buttons.addButton("新建", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(self.texts)
        layout.addWidget(note)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("国")
        self.setMinimumWidth(em * 36)


def ask_texts(prior: Report, path: Path, parent: QWidget | None) -> bool | None:
    """Whether the texts start from last year's; None when the user cancels."""
    dialog = NewFromPriorDialog(prior, path, parent)
    if not dialog.exec():
        return None
    return dialog.texts.isChecked()
