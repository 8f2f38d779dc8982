"""文件 › 新建, 打开, 保存, 另存为 and the recent files, as in any desktop program.

`load_file` and `save_to` do the work without dialogs (tests and build_window call them); the other
actions may ask the user (file dialogs, 保存修改?) and show a failure in a message box as well as in
the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from model.reading.signatures import REPORT_SUFFIXES
from model.report.preamble import generate_preamble
from model.report.report import Report, new_report
from model.report.storage import ReportFileError, save
from ui import appdata
from ui.document import ReportDocument
from ui.status_line import StatusLine


def patterns(suffixes: tuple[str, ...]) -> str:
    return " ".join(f"*{s}" for s in suffixes)


FILE_FILTER = f"年度报告文件 ({patterns(REPORT_SUFFIXES)});;所有文件 (*)"
SAVE_FILTER = "年度报告文件 (*.json)"
UNNAMED = "未命名报告"


def fresh_report() -> Report:
    """A new report: nothing in the tables filled, the usual defaults for the basic information."""
    report = new_report()
    report.meta = {"agency_kind": "department", "year": date.today().year - 1}
    report.sections["preamble"] = generate_preamble(report.meta, report.template)
    return report


class FileActions:
    """The report's file: which one, whether it is saved, and the recent ones."""

    def __init__(self, parent: QWidget, doc: ReportDocument, status: StatusLine,
                 show_first_page: Callable[[], None]) -> None:
        self.parent = parent
        self.doc = doc
        self.status = status
        self.show_first_page = show_first_page
        self.recent_menu = QMenu("最近打开的文件(&R)", parent)
        self.fill_recent()

    # -- without dialogs -----------------------------------------------------------------------------

    def load_file(self, path: Path) -> bool:
        """Open a report file; on failure the current work stays as it is and the reason is shown."""
        from model.reading.documents import read_document  # the readers: when a file is read, not at start-up

        try:
            document = read_document(Path(path))
        except ReportFileError as exc:
            self.status.show(f"无法打开：{exc}")
            return False
        report, notices = document.report, document.messages
        is_report_file = document.kind == "report"
        # Anything but our report file (a workbook, a published page, a PDF) is read, never written over:
        # saving asks for a .json name.
        self.doc.replace(report, Path(path) if is_report_file else None)
        if not is_report_file:
            self.doc.set_modified(True)
        self._remember(Path(path))
        extra = "；".join(notices)
        self.status.show(f"已打开 {path}" + (f"。注意：{extra}" if extra else ""))
        return True

    def save_to(self, path: Path) -> bool:
        try:
            save(self.doc.report, path)
        except ReportFileError as exc:
            self.status.show(f"保存失败：{exc}")
            return False
        self.doc.path = Path(path)
        self.doc.set_read_only(False)  # a report file of its own: now it may be edited
        self.doc.set_modified(False)
        self.doc.path_changed.emit()
        self._remember(Path(path))
        self.status.show(f"已保存到 {path}")
        return True

    def _remember(self, path: Path) -> None:
        appdata.add_recent(path)
        appdata.remember_folder(path)
        self.fill_recent()

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        items = appdata.recent_files()
        for p in items:
            act = self.recent_menu.addAction(p)
            act.triggered.connect(lambda _=False, p=p: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(items))

    def folder(self) -> Path:
        """Where a file dialog starts: the report's folder, else the last one used, else home."""
        if self.doc.path:
            return self.doc.path.parent
        last = appdata.last_folder()
        if last is not None:
            return last
        recent = appdata.recent_files()
        return Path(recent[0]).parent if recent else Path.home()

    # -- with dialogs --------------------------------------------------------------------------------

    def warn(self, title: str) -> None:
        """The status bar's message about a failure, in a message box too (an action the user chose)."""
        QMessageBox.warning(self.parent, title, self.status.text())

    def confirm_discard(self) -> bool:
        """Before the report is replaced: ask to save unsaved changes; False when the user cancels."""
        if not self.doc.modified:
            return True
        name = self.doc.path.name if self.doc.path else UNNAMED
        # the buttons read 保存 / 不保存 / 取消, as in WPS (ui.qt_chinese words Discard)
        answer = QMessageBox.question(
            self.parent, "保存修改", f"“{name}”有尚未保存的修改，是否保存？",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_file(self) -> None:
        if self.confirm_discard():
            self.doc.replace(fresh_report(), None)
            self.show_first_page()

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self.parent, "打开报告", str(self.folder()), FILE_FILTER)
        if path:
            self.open_path(Path(path), confirmed=True)

    def open_path(self, path: Path, confirmed: bool = False) -> None:
        """Open `path`; unless the caller already asked (`confirmed`), ask to save unsaved changes first."""
        if not confirmed and not self.confirm_discard():
            return
        if not self.load_file(path):
            self.warn("无法打开")

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        ok = self.save_to(self.doc.path)
        if not ok:
            self.warn("保存失败")
        return ok

    def save_as(self) -> bool:
        report = self.doc.report
        agency = str(report.meta.get("agency") or "")
        suggested = self.folder() / f"{agency}{report.year or ''}{report.template.report_title_suffix}.json"
        path, _ = QFileDialog.getSaveFileName(self.parent, "另存为", str(suggested), SAVE_FILTER)
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        ok = self.save_to(Path(path))
        if not ok:
            self.warn("保存失败")
        return ok
