"""The main window's menu bar: 文件, 编辑, 视图, 设置, 帮助, each action wired to the part that does it.

The menus only connect; what an action does lives in the part named in it (ui.file_actions,
ui.last_year, ui.import_actions, ui.exporting, ui.side_windows, ui.edit_commands).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWizard

from ui import edit_commands
from ui.document import ReportDocument
from ui.exporting import ExportActions
from ui.file_actions import FileActions
from ui.import_actions import ImportActions
from ui.last_year import LastYearActions
from ui.side_windows import SideWindows

if TYPE_CHECKING:
    from ui.table_view import SpreadsheetView
from ui.pages import TablePage


@dataclass
class Menus:
    export_actions: list[QAction] = field(default_factory=list)
    edit_actions: dict[str, QAction] = field(default_factory=dict)
    undo_action: QAction | None = None
    redo_action: QAction | None = None


def action(window: QMainWindow, text: str, slot: Callable[..., object],
           shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
    act = QAction(text, window)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    act.triggered.connect(slot)
    return act


def page_table(wizard: QWizard) -> SpreadsheetView | None:
    """The table of the page shown, for the 编辑 menu while the focus is on that page (a button) or
    nowhere; never while it is in another panel (the findings list)."""
    page = wizard.currentPage()
    focus = QApplication.focusWidget()
    on_page = focus is None or (page is not None and page.isAncestorOf(focus))
    return page.view if isinstance(page, TablePage) and on_page else None


def build_menus(window: QMainWindow, *, doc: ReportDocument, wizard: QWizard, files: FileActions,
                last_year: LastYearActions, imports: ImportActions, exports: ExportActions, side: SideWindows,
                docks: tuple[QDockWidget, ...], deadlines: Callable[[], None]) -> Menus:
    menus = Menus()

    def add(menu, text, slot, shortcut=None):  # type: ignore[no-untyped-def]
        act = action(window, text, slot, shortcut)
        menu.addAction(act)
        return act

    menu = window.menuBar().addMenu("文件(&F)")
    add(menu, "新建(&N)", files.new_file, QKeySequence.StandardKey.New)
    add(menu, "以上年度报告为基础新建(&B)…", last_year.new_from_prior_dialog)
    add(menu, "打开(&O)…", files.open_dialog, QKeySequence.StandardKey.Open)
    add(menu, "导入已发布的年报(&I)…", imports.import_dialog)
    add(menu, "粘贴导入已发布的年报(&P)…", imports.paste_import_dialog)
    menu.addMenu(files.recent_menu)
    menu.addSeparator()
    add(menu, "保存(&S)", files.save, QKeySequence.StandardKey.Save)
    add(menu, "另存为(&A)…", files.save_as, "Ctrl+Shift+S")
    menu.addSeparator()
    for text, slot, key in (
        ("导出 Excel 统计表(&E)…", exports.export_xlsx, None),
        ("导出 PDF(&D)…", exports.export_pdf, None),
        ("导出 Word 文档(&W)…", exports.export_docx, None),
        ("全部导出(&L)…", exports.export_all, None),
        ("导出空表（PDF）(&K)…", exports.export_blank, None),
        ("打印(&T)…", exports.print_report, QKeySequence.StandardKey.Print),
    ):
        act = add(menu, text, slot, key)
        exports.busy_changed.connect(lambda busy, a=act: a.setEnabled(not busy))  # one at a time
        menus.export_actions.append(act)
    menu.addSeparator()
    add(menu, "载入上年度报告（跨年度核对）(&P)…", last_year.prior_dialog)
    add(menu, "汇总多个单位的报告(&U)…", side.show_aggregate)
    add(menu, "年报质量检查(&Q)…", side.show_audit)
    menu.addSeparator()
    add(menu, "退出(&X)", window.close, "Ctrl+Q")

    edit = window.menuBar().addMenu("编辑(&E)")
    undo = doc.undo_stack.createUndoAction(window, "撤销")
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = doc.undo_stack.createRedoAction(window, "重做")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(QKeySequence.StandardKey.Redo)])
    edit.addAction(undo)
    edit.addAction(redo)
    menus.undo_action, menus.redo_action = undo, redo
    edit.addSeparator()
    for text, name, key in edit_commands.COMMANDS:
        menus.edit_actions[name] = add(edit, text, lambda _=False, n=name: edit_commands.run(n, page_table(wizard)),
                                       key)

    view = window.menuBar().addMenu("视图(&V)")
    for dock in docks:
        toggle = dock.toggleViewAction()  # checked while the panel is shown
        toggle.setText(f"显示{dock.windowTitle()}")
        view.addAction(toggle)
    settings = window.menuBar().addMenu("设置(&S)")
    add(settings, "发布期限(&D)…", deadlines)
    help_menu = window.menuBar().addMenu("帮助(&H)")
    add(help_menu, "使用说明(&G)", side.show_guide, "F1")
    add(help_menu, "关于(&A)", side.show_about)
    return menus
