"""Exports from the wizard's 校验与导出 page and the 文件 menu: Excel, PDF, both, the blank form, printing.

打印 writes the report's PDF in the worker and shows its pages in Qt's print preview (ui/print_preview.py),
from which the print dialog prints them: no PDF viewer or other program is needed.

`export_to` and `export_file` do the work without dialogs and without Qt (tests call them); they read a
`Snapshot`, a copy of the report taken on the UI thread, because `ExportActions` runs them in a worker
thread: a report with a long section takes many seconds to lay out, and the window must stay usable
meanwhile. The export modules (openpyxl, reportlab) are imported on first use only, so the program
starts quickly.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressBar, QProgressDialog, QWidget

from model.checks.rules import Finding
from model.report.report import Report
from ui.appdata import APP_DIR_NAME, last_folder, remember_folder
from ui.document import ReportDocument
from ui.worker import Worker

_UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]')
#: How long an export may run before the progress dialog appears (a quick one shows none).
PROGRESS_DELAY_MS = 400


def file_stem(report: Report, *, draft: bool = False, blank: bool = False) -> str:
    """A Chinese file name for the exports, e.g. 金乡县行政审批服务局2022年政府信息公开工作年度报告（草稿）."""
    agency = _UNSAFE.sub("_", str(report.meta.get("agency") or "未命名机关")).strip() or "未命名机关"
    stem = f"{agency}{report.year or ''}{report.template.report_title_suffix}"
    if blank:
        return stem + "统计表（空表）"
    return stem + ("（草稿）" if draft else "")


@dataclass(frozen=True)
class Snapshot:
    """What an export reads: a copy of the report and its hand-in findings, so typing cannot race it."""

    report: Report
    findings: tuple[Finding, ...]


def snapshot(doc: ReportDocument) -> Snapshot:
    """Copy the document's report on the UI thread, before a worker reads it (its findings up to date)."""
    doc.check_now()
    return Snapshot(doc.report.copy(), tuple(doc.handin_findings))


@dataclass
class ExportResult:
    written: list[Path] = field(default_factory=list)
    missing_chars: set[str] = field(default_factory=set)
    draft: bool = False


def export_to(snap: Snapshot, folder: Path, *, xlsx: bool = True, pdf: bool = True, docx: bool = True,
              draft: bool = False, blank: bool = False) -> ExportResult:
    """Write the chosen files into `folder` with the standard names; raises ExportError."""
    result = ExportResult(draft=draft)
    stem = file_stem(snap.report, draft=draft, blank=blank)
    if xlsx and not blank:
        result.written.append(write_xlsx(snap, folder / f"{stem}.xlsx", draft))
    if docx and not blank:
        result.written.append(write_docx(snap, folder / f"{stem}.docx", draft))
    if pdf:
        path, missing = write_pdf(snap, folder / f"{stem}.pdf", draft, blank)
        result.written.append(path)
        result.missing_chars |= missing
    return result


def export_file(snap: Snapshot, path: Path, draft: bool, blank: bool = False) -> ExportResult:
    """One file, the kind chosen by its suffix (.xlsx, .docx or .pdf)."""
    if path.suffix.lower() == ".xlsx":
        return ExportResult([write_xlsx(snap, path, draft)], draft=draft)
    if path.suffix.lower() == ".docx":
        return ExportResult([write_docx(snap, path, draft)], draft=draft)
    written, missing = write_pdf(snap, path, draft, blank)
    return ExportResult([written], missing, draft)


def write_xlsx(snap: Snapshot, path: Path, draft: bool) -> Path:
    from export.xlsx import write_workbook

    write_workbook(snap.report, path, findings=list(snap.findings), draft=draft)
    return path


def write_docx(snap: Snapshot, path: Path, draft: bool) -> Path:
    from export.docx import write_docx as _write

    _write(snap.report, path, draft=draft)
    return path


def write_pdf(snap: Snapshot, path: Path, draft: bool, blank: bool = False) -> tuple[Path, set[str]]:
    from export.pdf import write_pdf as _write

    result = _write(snap.report, path, draft=draft, blank=blank)
    return path, set(result.missing_chars)


def print_folder() -> Path:
    """A temporary folder for the PDF that 打印 previews and prints; emptied on each use.

    A file still in use (locked on Windows) stays until the next time.
    """
    folder = Path(tempfile.gettempdir()) / f"{APP_DIR_NAME}-print"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        with contextlib.suppress(OSError):
            old.unlink()
    return folder


def open_path(path: Path) -> bool:
    """Open a file or folder with the system's program for it (the PDF viewer, WPS, the file manager)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportActions(QObject):
    """The interactive side of exporting, for the main window: dialogs, the worker, the results.

    One export at a time: while one runs, `busy_changed(True)` disables the export actions and a
    second request is refused with a message.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget, doc: ReportDocument, show_message: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.doc = doc
        self.show_message = show_message
        self.last_folder: Path | None = None
        self.busy = False
        self.worker = Worker(self, "导出时发生意外错误（{kind}：{exc}），请重试或改用其他文件夹。")
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self._on_done: Callable[[ExportResult], None] = self._offer_to_open
        self.progress_bar = QProgressBar()  # in the status bar, while an export runs
        self.progress_bar.setObjectName("export-progress")
        self.progress_bar.setRange(0, 0)  # busy: the time an export takes is not known in advance
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setVisible(False)
        self.progress_dialog: QProgressDialog | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.timeout.connect(self._show_progress)
        self._progress_text = ""
        self.done_box: QMessageBox | None = None  # the 导出完成 message while it is shown (a test hook)
        self.preview_dialog: QDialog | None = None  # the print preview while it is shown

    # -- the worker ----------------------------------------------------------------------------------

    def start(self, what: str, job: Callable[[], ExportResult],
              on_done: Callable[[ExportResult], None] | None = None) -> bool:
        """Run `job` in the worker thread; `on_done` gets its result on the UI thread. False when busy.

        `job` must read only a Snapshot, never the document, which the user may be changing meanwhile.
        """
        if self.busy:
            self.show_message("正在导出，请在当前导出完成后再试。")
            return False
        self._on_done = on_done or self._offer_to_open
        self._set_busy(True, what)
        from export.errors import ExportError

        self.worker.start(lambda _progress: job(), (ExportError,))
        return True

    def wait(self) -> None:
        """Let a running export finish (the program is closing): never leave a file half-written."""
        self.worker.wait()

    def _set_busy(self, busy: bool, what: str = "") -> None:
        self.busy = busy
        self.progress_bar.setVisible(busy)
        if busy:
            self.show_message(f"正在{what}，可以继续填写，完成后会提示……")
            self._progress_text = f"正在{what}……\n\n导出在后台进行，可以继续填写报告，完成后会提示。"
            self._progress_timer.start(PROGRESS_DELAY_MS)
        else:
            self._progress_timer.stop()
            if self.progress_dialog is not None:
                self.progress_dialog.hide()
        self.busy_changed.emit(busy)

    def _show_progress(self) -> None:
        """A busy indicator that does not block the window; 隐藏 leaves the one in the status bar."""
        if not self.busy:
            return
        if self.progress_dialog is None:
            dialog = QProgressDialog(self.parent_widget)
            dialog.setObjectName("export-progress-dialog")
            dialog.setWindowTitle("导出")
            dialog.setCancelButtonText("隐藏")
            dialog.setRange(0, 0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(0)
            dialog.setWindowModality(Qt.WindowModality.NonModal)
            dialog.canceled.connect(dialog.hide)
            self.progress_dialog = dialog
        self.progress_dialog.setLabelText(self._progress_text)
        self.progress_dialog.show()

    @Slot(object)
    def _finished(self, result: ExportResult) -> None:
        self._set_busy(False)
        if result.written:
            self.last_folder = result.written[0].parent
            remember_folder(self.last_folder)
        self._on_done(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.show_message(f"导出失败：{message}")
        QMessageBox.warning(self.parent_widget, "导出失败", message)

    # -- results -------------------------------------------------------------------------------------

    def _offer_to_open(self, result: ExportResult) -> None:
        """Say what was written and where, and offer to open it: a message people do not overlook."""
        if not result.written:
            return
        folder = result.written[0].parent
        names = "、".join(p.name for p in result.written)
        self.show_message(f"已导出：{names}（位于 {folder}）")
        box = QMessageBox(QMessageBox.Icon.Information, "导出完成", "", QMessageBox.StandardButton.NoButton,
                          self.parent_widget)
        box.setObjectName("export-done")
        lines = "\n".join(p.name for p in result.written)
        box.setText(f"已导出{'草稿' if result.draft else ''}：\n{lines}\n\n位于：{folder}")
        if result.draft:
            box.setInformativeText("草稿每页标有“草稿”，仅供内部核对，不能报送或公开。")
        if result.missing_chars:
            from export.pdf import missing_chars_message

            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText((box.informativeText() + "\n\n" if box.informativeText() else "")
                                   + missing_chars_message(result.missing_chars)
                                   + "请改用常用字，或安装含有这些字符的字体后重新导出。")
        targets: dict[object, Path] = {}
        if len(result.written) == 1:
            targets[box.addButton("打开文件", QMessageBox.ButtonRole.AcceptRole)] = result.written[0]
        else:
            for path in result.written:
                label = {".xlsx": "打开 Excel 统计表", ".docx": "打开 Word 文档"}.get(path.suffix.lower(), "打开 PDF")
                targets[box.addButton(label, QMessageBox.ButtonRole.AcceptRole)] = path
        targets[box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)] = folder
        box.setDefaultButton(box.addButton("关闭", QMessageBox.ButtonRole.RejectRole))

        def clicked(button: object) -> None:
            target = targets.get(button)
            if target is not None and not open_path(target):
                self.show_message(f"无法打开“{target}”，请在文件管理器中找到它后打开。")

        box.buttonClicked.connect(clicked)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _=0: setattr(self, "done_box", None))
        self.done_box = box
        box.open()  # modal to the window only while it is shown; the event loop keeps running

    def _print_ready(self, result: ExportResult) -> None:
        """Show the pages in the print preview; its 打印 opens the print dialog (printer, pages, copies)."""
        from ui.print_preview import PrintPreview

        def failed(message: str) -> None:
            self.show_message(f"打印失败：{message}")
            QMessageBox.warning(self.parent_widget, "打印失败", message)

        dialog = PrintPreview(result.written[0], self.parent_widget, failed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _=0: setattr(self, "preview_dialog", None))
        self.preview_dialog = dialog
        self.show_message("打印预览已打开：核对页面后点击“打印”，选择打印机、页码和份数。")
        dialog.open()  # modal to the window; the event loop keeps running

    # -- the actions ---------------------------------------------------------------------------------

    def _draft_or_cancel(self, verb: str = "导出") -> bool | None:
        """False: a final export; True: the user accepted a draft; None: cancelled."""
        self.doc.check_now()  # what was typed a moment ago counts
        n = self.doc.verdict.errors
        if not n:
            return False
        marks = "，文件名中也注明“草稿”" if verb == "导出" else ""  # a printout has no file name
        answer = QMessageBox.question(
            self.parent_widget, "报告尚有错误",
            f"报告中还有 {n} 项错误（见“校验结果”），不能{verb}正式报告。\n\n"
            f"可以先{verb}草稿：每页标有“草稿”{marks}，仅供内部核对，不能报送或公开。\n\n"
            f"是否{verb}草稿？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
        )
        return True if answer == QMessageBox.StandardButton.Yes else None

    def _folder(self) -> Path:
        if self.last_folder:
            return self.last_folder
        if self.doc.path:
            return self.doc.path.parent
        return last_folder() or Path.home()

    def _ask_file(self, title: str, name: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, title, str(self._folder() / name), pattern)
        return Path(path) if path else None

    def _refuse_if_busy(self) -> bool:
        if self.busy:
            self.show_message("正在导出，请在当前导出完成后再试。")
        return self.busy

    def _export_one(self, suffix: str, title: str, pattern: str) -> None:
        """One file (.xlsx, .pdf or .docx): the draft question if needed, then where to write it."""
        if self._refuse_if_busy():
            return
        draft = self._draft_or_cancel()
        if draft is None:
            return
        path = self._ask_file(title, file_stem(self.doc.report, draft=draft) + suffix, pattern)
        if path is None:
            return
        path = path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
        snap = snapshot(self.doc)
        self.start(f"导出“{path.name}”", lambda: export_file(snap, path, draft))

    def export_xlsx(self) -> None:
        self._export_one(".xlsx", "导出 Excel 统计表", "Excel 工作簿 (*.xlsx)")

    def export_pdf(self) -> None:
        self._export_one(".pdf", "导出 PDF", "PDF 文件 (*.pdf)")

    def export_docx(self) -> None:
        self._export_one(".docx", "导出 Word 文档", "Word 文档 (*.docx)")

    def export_all(self) -> None:
        if self._refuse_if_busy():
            return
        draft = self._draft_or_cancel()
        if draft is None:
            return
        folder = QFileDialog.getExistingDirectory(self.parent_widget, "选择导出文件夹", str(self._folder()))
        if folder:
            snap = snapshot(self.doc)
            self.start("导出 Excel 统计表、PDF 和 Word 文档", lambda: export_to(snap, Path(folder), draft=draft))

    def export_blank(self) -> None:
        """The three tables without figures, for filling in by hand (a PDF; printing is the user's)."""
        if self._refuse_if_busy():
            return
        path = self._ask_file("导出空表（PDF）", file_stem(self.doc.report, blank=True) + ".pdf", "PDF 文件 (*.pdf)")
        if path is None:
            return
        path = path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")
        snap = snapshot(self.doc)
        self.start(f"导出“{path.name}”", lambda: export_file(snap, path, False, blank=True))

    def print_report(self) -> None:
        """Print: the report as PDF in a temporary folder (worker), then its pages in the print preview."""
        if self._refuse_if_busy():
            return
        draft = self._draft_or_cancel("打印")
        if draft is None:
            return
        snap = snapshot(self.doc)
        path = print_folder() / (file_stem(snap.report, draft=draft) + ".pdf")
        self.start("生成打印用的 PDF", lambda: export_file(snap, path, draft), self._print_ready)

    def open_folder(self) -> None:
        folder = self._folder()
        if not open_path(folder):
            self.show_message(f"无法打开文件夹 {folder}")


