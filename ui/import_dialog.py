"""文件 › 导入已发布的年报: a published report (web page, Word, copied text) read into the window.

The reading is the model's (model.reading.importer); this module only asks for the file or the pasted
text and says what could not be placed. The result opens like any report: unsaved, to be checked, used
as last year's report, or as the start of this year's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from model.reading.grid import ALIAS_RULE  # light: no python-docx


class PasteDialog(QDialog):
    """A big box to paste a report copied from a web page or from Word/WPS (tables included)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("粘贴已发布的年度报告")
        self.setObjectName("paste-import")
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        hint = QLabel("在网页或 Word/WPS 中全选（Ctrl+A）并复制（Ctrl+C）整篇年度报告，粘贴到下面（Ctrl+V），"
                      "然后点“导入”。标题、各部分文字和三张统计表会按标题和表格标签自动识别。")
        hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("paste-import-text")
        self.text.setPlaceholderText("在此粘贴报告全文……")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("导入")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


def summary(notices: list[str], aliases: list[str], unplaced: list[str]) -> str:
    """What the user must know after an import: what could not be placed first, then the notices."""
    parts = []
    if unplaced:
        parts.append(f"以下 {len(unplaced)} 项未能识别，没有导入，请核对原文后手工填写：\n" + "\n".join(f"· {u}" for u in unplaced))
    if aliases:  # each starts with its rule's code (G2), for the command line; people read the words
        parts.append("以下表格标签与格式规定的不同，已按规定的标签读取：\n"
                     + "\n".join(f"· {a.removeprefix(ALIAS_RULE).strip()}" for a in aliases))
    if notices:
        parts.append("请注意：\n" + "\n".join(f"· {n}" for n in notices))
    return "\n\n".join(parts)


class ImportDoneDialog(QDialog):
    """导入完成: what could not be placed and what to check, in a window big enough to read it and
    resizable (a message box's details were a box of about 170×95 px); it does not block the report."""

    def __init__(self, source: str, told: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-done")
        self.setWindowTitle("导入完成")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setSizeGripEnabled(True)
        head = QLabel(f"已导入 {source}。导入结果已在窗口中打开，请对照以下说明逐项核对：")
        head.setWordWrap(True)
        self.details = QPlainTextEdit(told)
        self.details.setObjectName("import-done-details")
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox()
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("国")
        self.resize(em * 50, em * 32)
