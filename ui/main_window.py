"""The main window: the wizard in the middle, the section list on the left, findings on the right.

It puts the parts together, each doing one job: the report's file (ui.file_actions), last year's
report (ui.last_year), importing published reports (ui.import_actions), exports (ui.exporting), getting
around (ui.page_navigation), the status bar (ui.status_line), the menus (ui.menus), the windows beside
it (ui.side_windows), its place on the screen (ui.window_layout) and autosave (ui.autosave). Itself it
keeps the title, read-only state, drag and drop and closing.
No method used by `build_window` opens a modal dialog: problems are reported in the window itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
)

from model.checks.rules import Finding
from model.reading.signatures import PUBLISHED_SUFFIXES, REPORT_SUFFIXES
from ui import appdata
from ui.autosave import Autosaver
from ui.document import ReportDocument
from ui.exporting import ExportActions
from ui.file_actions import UNNAMED, FileActions, fresh_report
from ui.findings_panel import FindingsPanel
from ui.import_actions import ImportActions
from ui.last_year import LastYearActions
from ui.menus import build_menus
from ui.page_navigation import PageNavigation
from ui.qt_chinese import watch_file_dialogs
from ui.side_windows import SideWindows
from ui.status_line import StatusLine
from ui.window_layout import DEFAULT_SIZE, WindowLayout, add_dock
from ui.wizard import ReportWizard

__all__ = ["MainWindow", "fresh_report"]

#: Files a user may drop onto the window: our report file and workbook, and published reports to import.
DROP_SUFFIXES = REPORT_SUFFIXES + PUBLISHED_SUFFIXES


class MainWindow(QMainWindow):
    def __init__(self, doc: ReportDocument | None = None, *, lazy: bool = False) -> None:
        """`lazy` (the program's start): build each page after the first when it is first shown, and show the
        first page before the text checks (they follow in the background, as after typing)."""
        super().__init__()
        self.doc = doc or ReportDocument(fresh_report(), texts_later=lazy)
        self.doc.set_deadlines(appdata.deadlines())
        self.setAcceptDrops(True)
        self.setObjectName("main-window")
        watch_file_dialogs(self)  # Qt's file dialogs opened from here: sizes in KB, not KiB
        self.resize(*DEFAULT_SIZE)
        self.wizard = ReportWizard(self.doc, self, lazy=lazy)
        self.wizard.setWindowFlags(Qt.WindowType.Widget)  # a QDialog, embedded as the central widget
        self.setCentralWidget(self.wizard)

        self.status = StatusLine(self.statusBar())
        self.status_label = self.status.label
        self.autosave_warning = self.status.autosave_warning
        self.navigation = PageNavigation(self.wizard, self.doc, self.status)
        self.sections = self.navigation.sections
        self.sections_dock = add_dock(self, self.sections, "报告目录", Qt.DockWidgetArea.LeftDockWidgetArea,
                                      "dock-sections")
        self.findings = FindingsPanel(self.doc)
        self.findings.go_to.connect(self.go_to_finding)
        self.wizard.review_page.go_to.connect(self.go_to_finding)
        self.findings_dock = add_dock(self, self.findings, "校验结果", Qt.DockWidgetArea.RightDockWidgetArea,
                                      "dock-findings")
        self.placement = WindowLayout(self, self.sections, self.wizard.page_titles(), self.sections_dock,
                                    self.findings_dock)
        self.placement.fit_docks()

        self.files = FileActions(self, self.doc, self.status, self.navigation.show_first_page)
        self.last_year = LastYearActions(self.files)
        self.imports = ImportActions(self.files)
        self.side = SideWindows(self, self)
        for message in self.wizard.page_messages():  # e.g. a paste the report file could not hold
            message.connect(self.show_message)
        self.wizard.finish_requested.connect(self.save)
        self.wizard.info_page.aggregate_requested.connect(self.side.show_aggregate)

        self.autosaver = Autosaver(self.doc)
        # Autosave that cannot write must say so where the user looks; it never stops the program.
        self.autosaver.problem_changed.connect(self.status.show_autosave_problem)
        self.status.show_autosave_problem(self.autosaver.problem)
        self.exports = ExportActions(self, self.doc, self.show_message)
        self.statusBar().addPermanentWidget(self.exports.progress_bar)
        self.wizard.review_page.add_export_buttons(self.exports)

        menus = build_menus(self, doc=self.doc, wizard=self.wizard, files=self.files, last_year=self.last_year,
                            imports=self.imports, exports=self.exports, side=self.side,
                            docks=(self.sections_dock, self.findings_dock), deadlines=self.deadlines_dialog)
        self.export_actions, self.edit_actions = menus.export_actions, menus.edit_actions
        self.undo_action, self.redo_action = menus.undo_action, menus.redo_action
        self.recent_menu = self.files.recent_menu
        self.doc.modified_changed.connect(self.setWindowModified)
        self.doc.path_changed.connect(self._update_title)
        self.doc.read_only_changed.connect(self._follow_read_only)
        self._update_title()
        self.navigation.follow_current_page()
        self.show_message(appdata.settings_notice())  # a damaged settings file: what fell back to defaults

    # -- what the tool windows (ui.host.ReportHost), the wizard and the start ask of the window -------

    def show_message(self, text: str) -> None:
        self.status.show(text)

    def go_to_finding(self, finding: Finding) -> None:
        self.navigation.go_to_finding(finding)

    def show_first_page(self) -> None:
        self.navigation.show_first_page()

    def bring_to_front(self) -> None:
        self.raise_()
        self.activateWindow()

    def show_on_screen(self) -> None:
        self.placement.show_on_screen()

    def load_file(self, path: Path) -> bool:
        return self.files.load_file(path)

    def save_to(self, path: Path) -> bool:
        return self.files.save_to(path)

    def save(self) -> bool:
        return self.files.save()

    def confirm_discard(self) -> bool:
        return self.files.confirm_discard()

    def deadlines_dialog(self) -> None:
        """设置 › 发布期限: the dates G4 checks the publication date against (local rules may differ)."""
        from ui.settings_dialog import DeadlinesDialog

        dialog = DeadlinesDialog(appdata.deadlines(), self.doc.template.agency_kinds, self)
        if dialog.exec():
            chosen = dialog.deadlines()
            appdata.set_setting("deadlines", {k: list(v) for k, v in chosen.items()})
            self.doc.set_deadlines(chosen)
            self.show_message("已保存发布期限设置。")

    # -- title and read-only -------------------------------------------------------------------------

    def _update_title(self) -> None:
        name = self.doc.path.name if self.doc.path else UNNAMED
        mark = "（只读，另存为后可修改）" if self.doc.read_only else ""
        self.setWindowTitle(f"{name}{mark}[*] — {appdata.APP_NAME}")

    def _follow_read_only(self, read_only: bool) -> None:
        """Every editor of the report follows the document's read-only state; those read-only by design
        (last year's text) stay so."""
        editors = [w for area in (self.wizard, self.findings)  # not the 汇总/质量检查 windows' own fields
                   for kind in (QLineEdit, QPlainTextEdit, QAbstractSpinBox) for w in area.findChildren(kind)]
        for w in editors:
            if read_only and w.property("read_only_by_design") is None:
                w.setProperty("read_only_by_design", w.isReadOnly())
            w.setReadOnly(read_only or bool(w.property("read_only_by_design")))
        for combo in self.wizard.findChildren(QComboBox):
            combo.setEnabled(not read_only)
        self._update_title()
        self.setWindowModified(self.doc.modified)

    # -- drag and drop, closing ----------------------------------------------------------------------

    def _dropped_file(self, event) -> Path | None:  # type: ignore[no-untyped-def]
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        if len(paths) == 1 and paths[0].suffix.lower() in DROP_SUFFIXES and paths[0].is_file():
            return paths[0]
        return None

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """A report file dropped onto the window opens like 打开 (a published report is imported)."""
        path = self._dropped_file(event)
        if path is None:
            return
        event.acceptProposedAction()
        if path.suffix.lower() in REPORT_SUFFIXES:
            self.files.open_path(path)
        else:
            self.imports.import_path(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_discard():
            self.placement.remember()
            self.exports.wait()  # an export still running finishes its file first
            self.doc.stop_checks()
            self.side.stop()
            self.autosaver.clear()
            event.accept()
        else:
            event.ignore()
