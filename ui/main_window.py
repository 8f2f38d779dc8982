"""The main window: the wizard in the middle, the section list on the left, findings on the right.

Files work as in any desktop program: 新建, 打开, 保存 (Ctrl+S), 另存为, recent files, the file name and
a modified mark in the title, a question before closing with unsaved changes, autosave for recovery.
No method used by `build_window` opens a modal dialog: problems are reported in the window itself.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from export.documents import open_report  # JSON, or a workbook we exported (openpyxl loaded lazily)
from model.preamble import generate_preamble
from model.report import Report, new_report
from model.rules import Finding
from model.schema import CELLS
from model.storage import ReportFileError, save
from ui import appdata
from ui.autosave import Autosaver
from ui.document import ReportDocument
from ui.exporting import ExportActions
from ui.findings_panel import FindingsPanel
from ui.wizard import ReportWizard

FILE_FILTER = "年度报告文件 (*.json *.xlsx);;所有文件 (*)"
SAVE_FILTER = "年度报告文件 (*.json)"


def fresh_report() -> Report:
    """A new report: nothing in the tables filled, the usual defaults for the basic information."""
    report = new_report()
    report.meta = {"agency_kind": "department", "year": date.today().year - 1}
    report.sections["preamble"] = generate_preamble(report.meta)
    return report


class MainWindow(QMainWindow):
    def __init__(self, doc: ReportDocument | None = None) -> None:
        super().__init__()
        self.doc = doc or ReportDocument(fresh_report())
        self.setObjectName("main-window")
        self.resize(1400, 900)
        self.wizard = ReportWizard(self.doc, self)
        self.wizard.setWindowFlags(Qt.WindowType.Widget)  # a QDialog, embedded as the central widget
        self.setCentralWidget(self.wizard)

        self.sections = QListWidget()
        self.sections.setObjectName("section-list")
        self.sections.addItems(self.wizard.page_titles())
        self.sections.currentRowChanged.connect(self._section_chosen)
        self.wizard.page_shown.connect(self._page_shown)
        left = self._dock(self.sections, "报告目录", Qt.DockWidgetArea.LeftDockWidgetArea, "dock-sections")

        self.findings = FindingsPanel(self.doc)
        self.findings.go_to.connect(self.go_to_finding)
        right = self._dock(self.findings, "校验结果", Qt.DockWidgetArea.RightDockWidgetArea, "dock-findings")
        em = self.fontMetrics().horizontalAdvance("国")
        self.resizeDocks([left, right], [em * 21, em * 26], Qt.Orientation.Horizontal)

        self.status_label = QLabel()
        self.status_label.setObjectName("status-message")
        self.statusBar().addWidget(self.status_label, 1)
        for page in self.wizard.table_pages.values():
            page.message.connect(self.show_message)
        self.wizard.finish_requested.connect(self.save)

        self.autosaver = Autosaver(self.doc)
        self.exports = ExportActions(self, self.doc, self.show_message)
        self.wizard.review_page.add_export_buttons(self.exports)
        self._build_actions()
        self.doc.modified_changed.connect(self.setWindowModified)
        self.doc.path_changed.connect(self._update_title)
        self._update_title()
        self._page_shown(self.wizard.currentId())

    def _dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(area, dock)
        return dock

    # -- menus ---------------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:  # type: ignore[no-untyped-def]
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        return act

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu("文件(&F)")
        menu.addAction(self._action("新建(&N)", self.new_file, QKeySequence.StandardKey.New))
        menu.addAction(self._action("打开(&O)…", self.open_dialog, QKeySequence.StandardKey.Open))
        self.recent_menu = menu.addMenu("最近打开的文件(&R)")
        menu.addSeparator()
        menu.addAction(self._action("保存(&S)", self.save, QKeySequence.StandardKey.Save))
        menu.addAction(self._action("另存为(&A)…", self.save_as, "Ctrl+Shift+S"))
        menu.addSeparator()
        menu.addAction(self._action("载入上年度报告（跨年度核对）(&P)…", self.prior_dialog))
        menu.addSeparator()
        menu.addAction(self._action("退出(&X)", self.close, "Ctrl+Q"))
        edit = self.menuBar().addMenu("编辑(&E)")
        undo = self.doc.undo_stack.createUndoAction(self, "撤销")
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.doc.undo_stack.createRedoAction(self, "重做")
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(QKeySequence.StandardKey.Redo)])
        edit.addAction(undo)
        edit.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        help_menu = self.menuBar().addMenu("帮助(&H)")
        help_menu.addAction(self._action("关于(&A)", self._about))
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = appdata.recent_files()
        for p in items:
            self.recent_menu.addAction(self._action(p, lambda _=False, p=p: self.open_path(Path(p))))
        self.recent_menu.setEnabled(bool(items))

    def _about(self) -> None:
        QMessageBox.about(self, "关于", "<b>政务公开年报助手</b><br>按国办公开办函〔2021〕30号格式编制政府信息公开工作年度报告。")

    # -- navigation ----------------------------------------------------------------------------------

    def _section_chosen(self, row: int) -> None:
        ids = self.wizard.pageIds()
        if 0 <= row < len(ids):
            self.wizard.go_to(ids[row])

    def _page_shown(self, page_id: int) -> None:
        ids = self.wizard.pageIds()
        if page_id in ids:
            self.sections.blockSignals(True)
            self.sections.setCurrentRow(ids.index(page_id))
            self.sections.blockSignals(False)

    def go_to_finding(self, finding: Finding) -> None:
        """Show the page of a finding and select its first cell (or focus the section's text)."""
        if finding.cells:
            code = finding.cells[0]
            table_key = CELLS[code].table
            self.wizard.go_to(self.wizard.page_of_table(table_key))
            page = self.wizard.table_pages[table_key]
            page.view.select_index(page.model.index_of(code))
            page.view.setFocus()
            return
        for key, page in self.wizard.section_pages.items():  # G1 names the empty section by its heading
            if page.section.heading in finding.message:
                self.wizard.go_to(self.wizard.page_of_section(key))
                return
        self.wizard.go_to(self.wizard.pageIds()[0])

    def show_message(self, text: str) -> None:
        self.status_label.setText(text)

    # -- files ---------------------------------------------------------------------------------------

    def _update_title(self) -> None:
        name = self.doc.path.name if self.doc.path else "未命名报告"
        self.setWindowTitle(f"{name}[*] — {appdata.APP_NAME}")
        self.setWindowModified(self.doc.modified)

    def load_file(self, path: Path) -> bool:
        """Open a report file; on failure the current work stays as it is and the reason is shown."""
        try:
            report, notices = open_report(Path(path))
        except ReportFileError as exc:
            self.show_message(f"无法打开：{exc}")
            return False
        is_json = Path(path).suffix.lower() != ".xlsx"
        # A workbook is read, not edited in place: saving asks for a .json name.
        self.doc.replace(report, Path(path) if is_json else None)
        if not is_json:
            self.doc.set_modified(True)
        appdata.add_recent(Path(path))
        self._fill_recent()
        extra = "；".join(notices)
        self.show_message(f"已打开 {path}" + (f"。注意：{extra}" if extra else ""))
        return True

    def load_prior(self, path: Path) -> bool:
        """Use last year's report for the cross-year checks; the current report is not changed."""
        try:
            prior = open_report(Path(path))[0]
        except ReportFileError as exc:
            self.show_message(f"无法载入上年度报告：{exc}")
            return False
        self.doc.set_prior(prior)
        self.show_message(f"已载入上年度报告 {Path(path).name}，跨年度核对结果见校验结果。")
        return True

    def save_to(self, path: Path) -> bool:
        try:
            save(self.doc.report, path)
        except ReportFileError as exc:
            self.show_message(f"保存失败：{exc}")
            return False
        self.doc.path = Path(path)
        self.doc.set_modified(False)
        self.doc.path_changed.emit()
        appdata.add_recent(Path(path))
        self._fill_recent()
        self.show_message(f"已保存到 {path}")
        return True

    # The interactive actions below may ask the user (dialogs); tests call load_file/save_to instead.

    def _confirm_discard(self) -> bool:
        if not self.doc.modified:
            return True
        answer = QMessageBox.question(
            self, "保存修改", "当前报告有尚未保存的修改，是否保存？",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_file(self) -> None:
        if self._confirm_discard():
            self.doc.replace(fresh_report(), None)
            self.wizard.go_to(self.wizard.pageIds()[0])

    def open_dialog(self) -> None:
        if not self._confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self, "打开报告", str(self._folder()), FILE_FILTER)
        if path:
            self.open_path(Path(path))

    def prior_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "载入上年度报告", str(self._folder()), FILE_FILTER)
        if path and not self.load_prior(Path(path)):
            QMessageBox.warning(self, "无法载入", self.status_label.text())

    def open_path(self, path: Path) -> None:
        if self.doc.modified and not self._confirm_discard():
            return
        if not self.load_file(path):
            QMessageBox.warning(self, "无法打开", self.status_label.text())

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        ok = self.save_to(self.doc.path)
        if not ok:
            QMessageBox.warning(self, "保存失败", self.status_label.text())
        return ok

    def save_as(self) -> bool:
        agency = str(self.doc.report.meta.get("agency") or "")
        suggested = self._folder() / f"{agency}{self.doc.report.year or ''}年政府信息公开工作年度报告.json"
        path, _ = QFileDialog.getSaveFileName(self, "另存为", str(suggested), SAVE_FILTER)
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        ok = self.save_to(Path(path))
        if not ok:
            QMessageBox.warning(self, "保存失败", self.status_label.text())
        return ok

    def _folder(self) -> Path:
        if self.doc.path:
            return self.doc.path.parent
        recent = appdata.recent_files()
        return Path(recent[0]).parent if recent else Path.home()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._confirm_discard():
            self.autosaver.clear()
            event.accept()
        else:
            event.ignore()
