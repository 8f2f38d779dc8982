"""文件 › 导入已发布的年报: a published report (a file, or text pasted) becomes a new, unsaved report.

Files are read by the one registry (read_document), as 打开, check and 汇总 read them; what the reader
noticed (labels corrected, content it could not place) is listed in 导入说明 beside the report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from model.reading.signatures import PUBLISHED_SUFFIXES
from model.report.storage import ReportFileError
from ui.file_actions import FileActions, patterns

if TYPE_CHECKING:
    from model.reading.documents import Document

PUBLISHED_FILTER = f"已发布的年度报告 ({patterns(PUBLISHED_SUFFIXES)});;所有文件 (*)"


class ImportActions:
    def __init__(self, files: FileActions) -> None:
        self.files = files
        self.doc = files.doc
        self.status = files.status
        self.import_done: QDialog | None = None  # 导入完成, beside the imported report

    def import_dialog(self) -> None:
        if not self.files.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self.files.parent, "导入已发布的年度报告", str(self.files.folder()),
                                              PUBLISHED_FILTER)
        if path:
            self.import_path(Path(path), confirmed=True)

    def paste_import_dialog(self) -> None:
        from ui.import_dialog import PasteDialog

        if not self.files.confirm_discard():
            return
        dialog = PasteDialog(self.files.parent)
        if dialog.exec() and dialog.text.toPlainText().strip():
            self.import_text(dialog.text.toPlainText())

    def import_path(self, path: Path, confirmed: bool = False) -> bool:
        """Import a published report from a file (.docx, .html, .txt, .pdf) as a new, unsaved report."""
        if not confirmed and not self.files.confirm_discard():
            return False
        from model.reading.documents import read_document  # the readers: when a file is read, not at start-up

        return self._imported(lambda: read_document(path), path.name)

    def import_text(self, text: str) -> bool:
        from model.reading.documents import Document
        from model.reading.importer import import_text

        def read() -> Document:
            result = import_text(text)
            return Document(result.report, result.kind, result.records())

        return self._imported(read, "粘贴的文字")

    def _imported(self, read: Callable[[], Document], source: str) -> bool:
        from model.reading.notices import LABEL_RULE, WARNING
        from ui.import_dialog import summary

        try:
            document = read()
        except ReportFileError as exc:
            self.status.show(f"无法导入：{exc}")
            QMessageBox.warning(self.files.parent, "无法导入", str(exc))
            return False
        self.doc.replace(document.report, None)
        self.doc.set_modified(True)
        labels = [n.message for n in document.notices if n.rule == LABEL_RULE]
        unplaced = [n.message for n in document.notices if n.rule != LABEL_RULE and n.severity == WARNING]
        remarks = [n.message for n in document.notices if n.rule != LABEL_RULE and n.severity != WARNING]
        told = summary(remarks, labels, unplaced)
        self.status.show(f"已导入 {source}，请核对后保存为报告文件。" + ("详见导入说明。" if told else ""))
        if told:
            from ui.import_dialog import ImportDoneDialog

            if self.import_done is not None:
                self.import_done.close()
            self.import_done = ImportDoneDialog(source, told, self.files.parent)
            self.import_done.show()
        return True
