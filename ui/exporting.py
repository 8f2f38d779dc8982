"""Exports from the wizard's 校验与导出 page: Excel, PDF, both, the blank form, the folder.

`export_to` does the work without dialogs (tests call it); the `*_dialog` functions ask the user where
to write and, for a report with errors, explain why only a draft can be exported. The export modules
(openpyxl, reportlab) are imported on first use only, so the program starts quickly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from model.report import Report
from model.rules import Severity
from model.schema import REPORT_TITLE_SUFFIX
from ui.document import ReportDocument

_UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]')


def file_stem(report: Report, *, draft: bool = False, blank: bool = False) -> str:
    """A Chinese file name for the exports, e.g. 金乡县行政审批服务局2022年政府信息公开工作年度报告（草稿）."""
    agency = _UNSAFE.sub("_", str(report.meta.get("agency") or "未命名机关")).strip() or "未命名机关"
    stem = f"{agency}{report.year or ''}{REPORT_TITLE_SUFFIX}"
    if blank:
        return stem + "统计表（空表）"
    return stem + ("（草稿）" if draft else "")


@dataclass
class ExportResult:
    written: list[Path] = field(default_factory=list)
    missing_chars: set[str] = field(default_factory=set)


def export_to(doc: ReportDocument, folder: Path, *, xlsx: bool = True, pdf: bool = True,
              draft: bool = False, blank: bool = False) -> ExportResult:
    """Write the chosen files into `folder` with the standard names; raises ExportError."""
    result = ExportResult()
    stem = file_stem(doc.report, draft=draft, blank=blank)
    if xlsx and not blank:
        result.written.append(write_xlsx(doc, folder / f"{stem}.xlsx", draft))
    if pdf:
        path, missing = write_pdf(doc, folder / f"{stem}.pdf", draft, blank)
        result.written.append(path)
        result.missing_chars |= missing
    return result


def export_file(doc: ReportDocument, path: Path, draft: bool, blank: bool = False) -> ExportResult:
    """One file, the kind chosen by its suffix (.xlsx or .pdf)."""
    if path.suffix.lower() == ".xlsx":
        return ExportResult([write_xlsx(doc, path, draft)])
    written, missing = write_pdf(doc, path, draft, blank)
    return ExportResult([written], missing)


def write_xlsx(doc: ReportDocument, path: Path, draft: bool) -> Path:
    from export.xlsx import write_workbook

    write_workbook(doc.report, path, findings=doc.findings, draft=draft)
    return path


def write_pdf(doc: ReportDocument, path: Path, draft: bool, blank: bool = False) -> tuple[Path, set[str]]:
    from export.pdf import write_pdf as _write

    result = _write(doc.report, path, draft=draft, blank=blank)
    return path, set(result.missing_chars)


class ExportActions:
    """The interactive side of exporting, for the main window."""

    def __init__(self, parent: QWidget, doc: ReportDocument, show_message) -> None:  # type: ignore[no-untyped-def]
        self.parent = parent
        self.doc = doc
        self.show_message = show_message
        self.last_folder: Path | None = None

    def _errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.doc.findings)

    def _draft_or_cancel(self) -> bool | None:
        """False: a final export; True: the user accepted a draft; None: cancelled."""
        n = self._errors()
        if not n:
            return False
        answer = QMessageBox.question(
            self.parent, "报告尚有错误",
            f"报告中还有 {n} 项错误（见“校验结果”），不能导出正式报告。\n\n"
            "可以先导出草稿：每页标有“草稿”，文件名中也注明“草稿”，仅供内部核对，不能报送或公开。\n\n是否导出草稿？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
        )
        return True if answer == QMessageBox.StandardButton.Yes else None

    def _folder(self) -> Path:
        if self.last_folder:
            return self.last_folder
        return self.doc.path.parent if self.doc.path else Path.home()

    def _done(self, result: ExportResult) -> None:
        if not result.written:
            return
        self.last_folder = result.written[0].parent
        names = "、".join(p.name for p in result.written)
        self.show_message(f"已导出：{names}（位于 {self.last_folder}）")
        if result.missing_chars:
            from export.pdf import missing_chars_message

            QMessageBox.warning(self.parent, "个别字符无法显示", missing_chars_message(result.missing_chars)
                                + "\n\n请改用常用字，或安装含有这些字符的字体后重新导出。")

    def _run(self, job) -> None:  # type: ignore[no-untyped-def]
        from export.errors import ExportError

        try:
            self._done(job())
        except ExportError as exc:
            self.show_message(f"导出失败：{exc}")
            QMessageBox.warning(self.parent, "导出失败", str(exc))

    def _ask_file(self, title: str, name: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, str(self._folder() / name), pattern)
        return Path(path) if path else None

    def _export_one(self, suffix: str, title: str, pattern: str) -> None:
        """One file (.xlsx or .pdf): the draft question if needed, then where to write it."""
        draft = self._draft_or_cancel()
        if draft is None:
            return
        path = self._ask_file(title, file_stem(self.doc.report, draft=draft) + suffix, pattern)
        if path is None:
            return
        path = path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
        self._run(lambda: export_file(self.doc, path, draft))

    def export_xlsx(self) -> None:
        self._export_one(".xlsx", "导出 Excel 统计表", "Excel 工作簿 (*.xlsx)")

    def export_pdf(self) -> None:
        self._export_one(".pdf", "导出 PDF", "PDF 文件 (*.pdf)")

    def export_all(self) -> None:
        draft = self._draft_or_cancel()
        if draft is None:
            return
        folder = QFileDialog.getExistingDirectory(self.parent, "选择导出文件夹", str(self._folder()))
        if folder:
            self._run(lambda: export_to(self.doc, Path(folder), draft=draft))

    def print_blank(self) -> None:
        path = self._ask_file("打印空表（PDF）", file_stem(self.doc.report, blank=True) + ".pdf", "PDF 文件 (*.pdf)")
        if path is not None:
            self._run(lambda: export_file(self.doc, path, False, blank=True))

    def open_folder(self) -> None:
        folder = self._folder()
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.show_message(f"无法打开文件夹 {folder}")
