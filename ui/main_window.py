"""The main window: the wizard in the middle, the section list on the left, findings on the right.

Files work as in any desktop program: 新建, 打开, 保存 (Ctrl+S), 另存为, recent files, the file name and
a modified mark in the title, a question before closing with unsaved changes, autosave for recovery.
The 文件 menu also exports and prints, starts next year's report from last year's and opens 汇总; 视图 hides the
side panels (a 1024×768 screen needs the room); 帮助 shows the user's guide (F1) and 关于.
No method used by `build_window` opens a modal dialog: problems are reported in the window itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from model.checks.rules import Finding
from model.reading.documents import (  # readers load lazily
    PUBLISHED_SUFFIXES,
    REPORT_SUFFIXES,
    Document,
    open_report,
    read_document,
)
from model.report.next_year import NextYearError, next_year_report, texts_note
from model.report.preamble import generate_preamble
from model.report.report import Report, new_report
from model.report.storage import ReportFileError, save
from ui import appdata, edit_commands
from ui.autosave import Autosaver
from ui.document import ReportDocument
from ui.exporting import ExportActions
from ui.findings_panel import FindingsPanel
from ui.help import AboutWindow, GuideWindow
from ui.pages import TextEditor
from ui.qt_chinese import watch_file_dialogs
from ui.table_view import SpreadsheetView
from ui.text_spans import span_cursor
from ui.wizard import ReportWizard

if TYPE_CHECKING:
    from ui.aggregate_window import AggregateWindow
    from ui.audit_window import AuditWindow

def _patterns(suffixes: tuple[str, ...]) -> str:
    return " ".join(f"*{s}" for s in suffixes)


FILE_FILTER = f"年度报告文件 ({_patterns(REPORT_SUFFIXES)});;所有文件 (*)"
PUBLISHED_FILTER = f"已发布的年度报告 ({_patterns(PUBLISHED_SUFFIXES)});;所有文件 (*)"
SAVE_FILTER = "年度报告文件 (*.json)"
#: The window's size on a screen that has room for it; a smaller screen gets the window maximized.
DEFAULT_SIZE = (1400, 900)
#: Room the wizard needs, in widths of “国”: table 三 with its labels and all seven data columns at the
#: narrowest width ui.table_view allows (about 58 国), its scroll bar and the page's margins (5 国).
CENTRAL_MIN_EM = 63


def fresh_report() -> Report:
    """A new report: nothing in the tables filled, the usual defaults for the basic information."""
    report = new_report()
    report.meta = {"agency_kind": "department", "year": date.today().year - 1}
    report.sections["preamble"] = generate_preamble(report.meta)
    return report


def select_span(editor: QPlainTextEdit, span: tuple[int, int]) -> None:
    """Select characters [start, end) of the editor's text and scroll there."""
    editor.setTextCursor(span_cursor(editor, span))
    editor.ensureCursorVisible()


#: Files a user may drop onto the window: our report file and workbook, and published reports to import.
DROP_SUFFIXES = REPORT_SUFFIXES + PUBLISHED_SUFFIXES


class MainWindow(QMainWindow):
    def __init__(self, doc: ReportDocument | None = None) -> None:
        super().__init__()
        self.doc = doc or ReportDocument(fresh_report())
        self.doc.set_deadlines(appdata.deadlines())
        self.setAcceptDrops(True)
        self.setObjectName("main-window")
        watch_file_dialogs(self)  # Qt's file dialogs opened from here: sizes in KB, not KiB
        self.resize(*DEFAULT_SIZE)
        self.wizard = ReportWizard(self.doc, self)
        self.wizard.setWindowFlags(Qt.WindowType.Widget)  # a QDialog, embedded as the central widget
        self.setCentralWidget(self.wizard)

        self.sections = QListWidget()
        self.sections.setObjectName("section-list")
        self.sections.addItems(self.wizard.page_titles())
        self.sections.setWordWrap(True)  # a narrow list (small screens) wraps a title instead of cutting it
        self.sections.currentRowChanged.connect(self._section_chosen)
        self.wizard.page_shown.connect(self._page_shown)
        self.sections_dock = self._dock(self.sections, "报告目录", Qt.DockWidgetArea.LeftDockWidgetArea,
                                        "dock-sections")

        self.findings = FindingsPanel(self.doc)
        self.findings.go_to.connect(self.go_to_finding)
        self.wizard.review_page.details.go_to.connect(self.go_to_finding)
        self.findings_dock = self._dock(self.findings, "校验结果", Qt.DockWidgetArea.RightDockWidgetArea,
                                        "dock-findings")
        self.fit_docks()

        self.status_label = QLabel()
        self.status_label.setObjectName("status-message")
        self.statusBar().addWidget(self.status_label, 1)
        for page in self.wizard.table_pages.values():
            page.message.connect(self.show_message)
        for editor in self.findChildren(TextEditor):
            editor.refused.connect(self.show_message)  # a paste the report file could not hold
        self.wizard.finish_requested.connect(self.save)

        self.autosaver = Autosaver(self.doc)
        # Autosave that cannot write must say so where the user looks; it never stops the program.
        self.autosave_warning = QLabel()
        self.autosave_warning.setObjectName("autosave-warning")
        self.autosave_warning.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.autosave_warning.setWordWrap(True)  # a long folder path wraps instead of hiding the messages
        self.statusBar().addPermanentWidget(self.autosave_warning, 2)
        self.autosaver.problem_changed.connect(self._show_autosave_problem)
        self._show_autosave_problem(self.autosaver.problem)
        self.exports = ExportActions(self, self.doc, self.show_message)
        self.statusBar().addPermanentWidget(self.exports.progress_bar)
        self.wizard.review_page.add_export_buttons(self.exports)
        self.guide_window: GuideWindow | None = None
        self.about_window: AboutWindow | None = None
        self.aggregate_window: AggregateWindow | None = None
        self.audit_window: AuditWindow | None = None
        self.import_done: QDialog | None = None  # 导入完成, beside the imported report
        self.wizard.info_page.aggregate_requested.connect(self.show_aggregate)
        self._build_actions()
        self.doc.modified_changed.connect(self.setWindowModified)
        self.doc.path_changed.connect(self._update_title)
        self.doc.read_only_changed.connect(self._follow_read_only)
        self._update_title()
        self._page_shown(self.wizard.currentId())
        self.show_message(appdata.settings_notice())  # a damaged settings file: what fell back to defaults

    def show_on_screen(self) -> None:
        """Show the window (program start): as the user left it last time, else the default size where it
        fits, else the whole screen (1024×768, 1366×768), with the side panels fitted to the width it gets."""
        geometry, state = appdata.setting("window_geometry"), appdata.setting("window_state")
        if isinstance(geometry, str) and isinstance(state, str):
            restored = self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
            if restored and self.restoreState(QByteArray.fromBase64(state.encode("ascii"))):
                self.show()
                return
        screen = self.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen is not None else None
        width, height = DEFAULT_SIZE
        if avail is None or (avail.width() >= width and avail.height() >= height):
            self.show()
            return
        self.resize(min(width, avail.width()), min(height, avail.height()))
        self.fit_docks(avail.width())
        self.showMaximized()

    def fit_docks(self, width: int | None = None) -> None:
        """Starting widths of the side panels for a window `width` pixels wide (default: its width now).

        The wizard keeps the room table 三 needs; the section list gets its longest title when there is
        room (1366 px and wider), otherwise the panels share what is left, the list wrapping its titles.
        The user may drag the panels or hide them (视图) afterwards; this is only the start.
        """
        width = self.width() if width is None else width
        em = self.fontMetrics().horizontalAdvance("国")
        titles = max(self.sections.fontMetrics().horizontalAdvance(t) for t in self.wizard.page_titles())
        left_full, right_full = titles + em * 2, em * 26
        spare = width - CENTRAL_MIN_EM * em - em  # the separators between the panels take about one 国
        if spare >= left_full + right_full:
            left, right = left_full, right_full
        else:
            left = max(em * 7, min(left_full, int(spare * 0.4)))
            right = max(em * 12, spare - left)
        self.resizeDocks([self.sections_dock, self.findings_dock], [left, right], Qt.Orientation.Horizontal)

    def _dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        # Closable: 视图 hides and shows the panel (its toggle action works only for a closable dock).
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
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
        menu.addAction(self._action("以上年度报告为基础新建(&B)…", self.new_from_prior_dialog))
        menu.addAction(self._action("打开(&O)…", self.open_dialog, QKeySequence.StandardKey.Open))
        menu.addAction(self._action("导入已发布的年报(&I)…", self.import_dialog))
        menu.addAction(self._action("粘贴导入已发布的年报(&P)…", self.paste_import_dialog))
        self.recent_menu = menu.addMenu("最近打开的文件(&R)")
        menu.addSeparator()
        menu.addAction(self._action("保存(&S)", self.save, QKeySequence.StandardKey.Save))
        menu.addAction(self._action("另存为(&A)…", self.save_as, "Ctrl+Shift+S"))
        menu.addSeparator()
        self.export_actions = [
            self._action("导出 Excel 统计表(&E)…", self.exports.export_xlsx),
            self._action("导出 PDF(&D)…", self.exports.export_pdf),
            self._action("导出 Word 文档(&W)…", self.exports.export_docx),
            self._action("全部导出(&L)…", self.exports.export_all),
            self._action("导出空表（PDF）(&K)…", self.exports.export_blank),
            self._action("打印(&T)…", self.exports.print_report, QKeySequence.StandardKey.Print),
        ]
        for act in self.export_actions:
            menu.addAction(act)
            self.exports.busy_changed.connect(lambda busy, a=act: a.setEnabled(not busy))  # one at a time
        menu.addSeparator()
        menu.addAction(self._action("载入上年度报告（跨年度核对）(&P)…", self.prior_dialog))
        menu.addAction(self._action("汇总多个单位的报告(&U)…", self.show_aggregate))
        menu.addAction(self._action("年报质量检查(&Q)…", self.show_audit))
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
        edit.addSeparator()
        self.edit_actions: dict[str, QAction] = {}
        for text, name, key in edit_commands.COMMANDS:
            act = self._action(text, lambda _=False, n=name: edit_commands.run(n, self._page_table()), key)
            edit.addAction(act)
            self.edit_actions[name] = act
        view = self.menuBar().addMenu("视图(&V)")
        for dock in (self.sections_dock, self.findings_dock):
            toggle = dock.toggleViewAction()  # checked while the panel is shown
            toggle.setText(f"显示{dock.windowTitle()}")
            view.addAction(toggle)
        settings = self.menuBar().addMenu("设置(&S)")
        settings.addAction(self._action("发布期限(&D)…", self.deadlines_dialog))
        help_menu = self.menuBar().addMenu("帮助(&H)")
        help_menu.addAction(self._action("使用说明(&G)", self.show_guide, "F1"))
        help_menu.addAction(self._action("关于(&A)", self.show_about))
        self._fill_recent()

    def _page_table(self) -> SpreadsheetView | None:
        """The table of the page shown, for the 编辑 menu while the focus is on that page (a button) or
        nowhere; never while it is in another panel (the findings list)."""
        page = self.wizard.currentPage()
        view = getattr(page, "view", None)
        focus = QApplication.focusWidget()
        on_page = focus is None or (page is not None and page.isAncestorOf(focus))
        return view if isinstance(view, SpreadsheetView) and on_page else None

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = appdata.recent_files()
        for p in items:
            self.recent_menu.addAction(self._action(p, lambda _=False, p=p: self.open_path(Path(p))))
        self.recent_menu.setEnabled(bool(items))

    def show_guide(self) -> None:
        """使用说明 in its own window beside the report (F1), so the user can read while filling in."""
        if self.guide_window is None:
            self.guide_window = GuideWindow(self)
        self.guide_window.present()

    def show_aggregate(self) -> None:
        """汇总 in its own window beside the report; kept between uses, so a finished run stays there."""
        if self.aggregate_window is None:
            from ui.aggregate_window import AggregateWindow  # imports openpyxl: only when 汇总 is used

            self.aggregate_window = AggregateWindow(self)
        self.aggregate_window.present()

    def show_audit(self) -> None:
        """年报质量检查 in its own window, kept between uses like 汇总."""
        if self.audit_window is None:
            from ui.audit_window import AuditWindow  # imports the audit model: only when it is used

            self.audit_window = AuditWindow(self)
        self.audit_window.present()

    def show_about(self) -> None:
        if self.about_window is None:
            self.about_window = AboutWindow(self)
        self.about_window.present()

    # -- navigation ----------------------------------------------------------------------------------

    def _section_chosen(self, row: int) -> None:
        ids = self.wizard.pageIds()
        if 0 <= row < len(ids):
            self.wizard.go_to(ids[row])

    def _page_shown(self, page_id: int) -> None:
        self.status_label.clear()  # a message about the page left behind would mislead on this one
        ids = self.wizard.pageIds()
        if page_id in ids:
            self.sections.blockSignals(True)
            self.sections.setCurrentRow(ids.index(page_id))
            self.sections.blockSignals(False)

    def go_to_finding(self, finding: Finding) -> None:
        """Show what a finding points at (model.checks.location decides): its first cell, the sentence it quotes
        in a text page (selected), or the basic-information field (focused)."""
        if finding.cells and finding.location.span is None:  # a quoted sentence wins over its cells
            code = finding.cells[0]
            table_key = self.doc.template.cells[code].table
            self.wizard.go_to(self.wizard.page_of_table(table_key))
            page = self.wizard.table_pages[table_key]
            page.view.select_index(page.model.index_of(code))
            page.view.setFocus()
            return
        loc = finding.location
        info = self.wizard.info_page
        if loc.section in self.wizard.section_pages:
            self.wizard.go_to(self.wizard.page_of_section(loc.section))
            editor = self.wizard.section_pages[loc.section].editor
        elif loc.section == "preamble" or loc.field:
            self.wizard.go_to(self.wizard.pageIds()[0])
            field = info.findChild(QWidget, f"meta-{loc.field}") if loc.field else None
            editor = field if field is not None else info.preamble
        else:
            self.wizard.go_to(self.wizard.pageIds()[0])
            return
        if loc.span is not None and isinstance(editor, QPlainTextEdit):
            select_span(editor, loc.span)
        editor.setFocus()
        QTimer.singleShot(0, editor.setFocus)  # after the page change has settled its own focus

    def show_message(self, text: str) -> None:
        self.status_label.setText(text)

    def _show_autosave_problem(self, problem: str) -> None:
        """Keep the warning that autosave is off visible beside the status messages ("" hides it)."""
        self.autosave_warning.setText(problem)
        self.autosave_warning.setToolTip(problem)
        self.autosave_warning.setVisible(bool(problem))

    # -- files ---------------------------------------------------------------------------------------

    def _update_title(self) -> None:
        name = self.doc.path.name if self.doc.path else "未命名报告"
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

    def load_file(self, path: Path) -> bool:
        """Open a report file; on failure the current work stays as it is and the reason is shown."""
        try:
            document = read_document(Path(path))
        except ReportFileError as exc:
            self.show_message(f"无法打开：{exc}")
            return False
        report, notices = document.report, document.messages
        is_report_file = document.kind == "report"
        # Anything but our report file (a workbook, a published page, a PDF) is read, never written over:
        # saving asks for a .json name.
        self.doc.replace(report, Path(path) if is_report_file else None)
        if not is_report_file:
            self.doc.set_modified(True)
        appdata.add_recent(Path(path))
        appdata.remember_folder(Path(path))
        self._fill_recent()
        extra = "；".join(notices)
        self.show_message(f"已打开 {path}" + (f"。注意：{extra}" if extra else ""))
        return True

    def load_prior(self, path: Path, confirm: Callable[[str], bool] | None = None) -> bool:
        """Use last year's report for the cross-year checks; the current report is not changed.

        A report of another year than the one before is loaded only if `confirm(reason)` agrees (without
        `confirm` it is loaded, and the status bar says what is odd about it).
        """
        try:
            prior = open_report(Path(path))[0]
        except ReportFileError as exc:
            self.show_message(f"无法载入上年度报告：{exc}")
            return False
        problem = self.prior_year_problem(prior)
        if problem and confirm is not None and not confirm(problem):
            self.show_message(f"未载入“{Path(path).name}”：{problem}")
            return False
        self.doc.set_prior(prior)
        self.show_message(f"已载入上年度报告 {Path(path).name}，跨年度核对结果见校验结果。"
                          + (f"注意：{problem}" if problem else ""))
        return True

    def prior_year_problem(self, prior: Report) -> str:
        """Why `prior` may not be last year's report ("" when its year is this report's year − 1)."""
        year = self.doc.report.year
        if year is None:
            return ""  # the year is not filled in yet: nothing to compare with
        if prior.year is None:
            return f"所选报告没有填写报告年度，无法确认它是 {year - 1} 年度的报告。"
        if prior.year != year - 1:
            return (f"所选报告是 {prior.year} 年度的报告，本报告是 {year} 年度的报告，"
                    f"跨年度核对应当使用 {year - 1} 年度的报告。")
        return ""

    def new_from_prior(self, path: Path, texts: bool = False,
                       ask: Callable[[Report], bool | None] | None = None) -> bool:
        """Start next year's report from last year's (model.report.next_year), which also becomes the prior.

        The new report is unsaved and has no file; the current one is replaced (ask first: the dialog).
        `texts`: start the texts from last year's; `ask(prior)` decides it instead (None: cancelled).
        """
        try:
            prior, notices = open_report(Path(path))
        except ReportFileError as exc:
            self.show_message(f"无法读取上年度报告：{exc}")
            return False
        if ask is not None and prior.year is not None:
            answer = ask(prior)
            if answer is None:
                self.show_message("已取消新建。")
                return True  # nothing went wrong: the user changed their mind
            texts = answer
        try:
            report = next_year_report(prior, texts=texts)
        except NextYearError as exc:
            self.show_message(f"无法以“{Path(path).name}”为基础新建报告：{exc}")
            return False
        self.doc.replace(report, None)
        self.doc.set_prior(prior)
        self.doc.set_modified(True)
        self.wizard.go_to(self.wizard.pageIds()[0])
        extra = "；".join(notices)
        self.show_message(
            f"已以 {prior.year} 年度报告“{Path(path).name}”为基础新建 {report.year} 年度报告：基本信息和上年结转已带入，"
            "其余内容请逐项填写；该报告同时作为上年度报告用于跨年度核对。"
            + (f"{texts_note()}" if texts else "") + (f"注意：{extra}" if extra else ""))
        return True

    def save_to(self, path: Path) -> bool:
        try:
            save(self.doc.report, path)
        except ReportFileError as exc:
            self.show_message(f"保存失败：{exc}")
            return False
        self.doc.path = Path(path)
        self.doc.set_read_only(False)  # a report file of its own: now it may be edited
        self.doc.set_modified(False)
        self.doc.path_changed.emit()
        appdata.add_recent(Path(path))
        appdata.remember_folder(Path(path))
        self._fill_recent()
        self.show_message(f"已保存到 {path}")
        return True

    # The interactive actions below may ask the user (dialogs); tests call load_file/save_to instead.

    def confirm_discard(self) -> bool:
        """Before the report is replaced: ask to save unsaved changes; False when the user cancels."""
        if not self.doc.modified:
            return True
        name = self.doc.path.name if self.doc.path else "未命名报告"
        # the buttons read 保存 / 不保存 / 取消, as in WPS (ui.qt_chinese words Discard)
        answer = QMessageBox.question(
            self, "保存修改", f"“{name}”有尚未保存的修改，是否保存？",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_file(self) -> None:
        if self.confirm_discard():
            self.doc.replace(fresh_report(), None)
            self.wizard.go_to(self.wizard.pageIds()[0])

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self, "打开报告", str(self._folder()), FILE_FILTER)
        if path:
            self.open_path(Path(path), confirmed=True)

    def prior_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "载入上年度报告", str(self._folder()), FILE_FILTER)
        declined: list[str] = []

        def confirm(problem: str) -> bool:
            answer = QMessageBox.question(
                self, "上年度报告的年度不符", f"{problem}\n\n仍要载入这份报告用于跨年度核对吗？",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                declined.append(problem)
            return not declined

        if path and not self.load_prior(Path(path), confirm) and not declined:
            QMessageBox.warning(self, "无法载入", self.status_label.text())

    def new_from_prior_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self, "选择上年度报告", str(self._folder()), FILE_FILTER)

        def ask(prior: Report) -> bool | None:
            from ui.new_from_prior import ask_texts

            return ask_texts(prior, Path(path), self)

        if path and not self.new_from_prior(Path(path), ask=ask):
            QMessageBox.warning(self, "无法新建", self.status_label.text())

    def open_path(self, path: Path, confirmed: bool = False) -> None:
        """Open `path`; unless the caller already asked (`confirmed`), ask to save unsaved changes first."""
        if not confirmed and not self.confirm_discard():
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
        report = self.doc.report
        agency = str(report.meta.get("agency") or "")
        suggested = self._folder() / f"{agency}{report.year or ''}{report.template.report_title_suffix}.json"
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
        last = appdata.last_folder()
        if last is not None:
            return last
        recent = appdata.recent_files()
        return Path(recent[0]).parent if recent else Path.home()

    def remember_layout(self) -> None:
        """Window size and position, and which panels are shown where, for the next start."""
        appdata.set_setting("window_geometry", bytes(self.saveGeometry().toBase64()).decode("ascii"))
        appdata.set_setting("window_state", bytes(self.saveState().toBase64()).decode("ascii"))

    def deadlines_dialog(self) -> None:
        """设置 › 发布期限: the dates G4 checks the publication date against (local rules may differ)."""
        from ui.settings_dialog import DeadlinesDialog

        dialog = DeadlinesDialog(appdata.deadlines(), self.doc.template.agency_kinds, self)
        if dialog.exec():
            chosen = dialog.deadlines()
            appdata.set_setting("deadlines", {k: list(v) for k, v in chosen.items()})
            self.doc.set_deadlines(chosen)
            self.show_message("已保存发布期限设置。")

    # -- importing a published report ----------------------------------------------------------------

    def import_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, "导入已发布的年度报告", str(self._folder()),
            PUBLISHED_FILTER)
        if path:
            self.import_path(Path(path), confirmed=True)

    def paste_import_dialog(self) -> None:
        from ui.import_dialog import PasteDialog

        if not self.confirm_discard():
            return
        dialog = PasteDialog(self)
        if dialog.exec() and dialog.text.toPlainText().strip():
            self.import_text(dialog.text.toPlainText())

    def import_path(self, path: Path, confirmed: bool = False) -> bool:
        """Import a published report from a file (.docx, .html, .txt, .pdf) as a new, unsaved report.
        Read by the one registry (read_document), as 打开, check and 汇总 read it."""
        if not confirmed and not self.confirm_discard():
            return False
        return self._imported(lambda: read_document(path), path.name)

    def import_text(self, text: str) -> bool:
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
            self.show_message(f"无法导入：{exc}")
            QMessageBox.warning(self, "无法导入", str(exc))
            return False
        self.doc.replace(document.report, None)
        self.doc.set_modified(True)
        labels = [n.message for n in document.notices if n.rule == LABEL_RULE]
        unplaced = [n.message for n in document.notices if n.rule != LABEL_RULE and n.severity == WARNING]
        remarks = [n.message for n in document.notices if n.rule != LABEL_RULE and n.severity != WARNING]
        told = summary(remarks, labels, unplaced)
        self.show_message(f"已导入 {source}，请核对后保存为报告文件。" + ("详见导入说明。" if told else ""))
        if told:
            from ui.import_dialog import ImportDoneDialog

            if self.import_done is not None:
                self.import_done.close()
            self.import_done = ImportDoneDialog(source, told, self)
            self.import_done.show()
        return True

    # -- drag and drop -------------------------------------------------------------------------------

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
            self.open_path(path)
        else:
            self.import_path(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_discard():
            self.remember_layout()
            self.exports.wait()  # an export still running finishes its file first
            self.doc.stop_checks()
            if self.aggregate_window is not None:
                self.aggregate_window.stop()
            if self.audit_window is not None:
                self.audit_window.stop()
            self.autosaver.clear()
            event.accept()
        else:
            event.ignore()
