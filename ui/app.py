"""Start the wizard: the Qt application, Chinese translations and fonts, the window, recovery."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from model.files.oserror_text import os_error_reason
from resources import SAMPLE_REPORT
from ui.appdata import APP_NAME
from ui.autosave import Recovery, orphaned_recoveries
from ui.fonts import ensure_chinese_font
from ui.input_method import chinese_input
from ui.main_window import MainWindow
from ui.qt_chinese import install_translator

SAMPLE = SAMPLE_REPORT


def application() -> QApplication:
    """The QApplication (made here unless a host such as pytest-qt made it), set up once for Chinese."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        with chinese_input():  # fcitx5 desktops: Qt's ibus plugin through fcitx5's IBus frontend
            app = QApplication(sys.argv[:1])
    if not app.property("gov-report-ready"):
        _set_up(app)
        app.setProperty("gov-report-ready", True)
    return app


def _set_up(app: QApplication) -> None:
    """Qt's own Chinese translation (standard buttons and dialogs) and a font that has Chinese."""
    app.setApplicationName(APP_NAME)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN",):
        translator = QTranslator(app)
        if translator.load(name, translations):
            app.installTranslator(translator)
    install_translator(app)  # what qtbase_zh_CN leaves in English (file dialogs), 不保存
    ensure_chinese_font(app)


def build_window(path: str | Path | None = None, *, lazy: bool = False) -> MainWindow:
    """The whole main window with the report at `path` (or a new one); shows no modal dialog.

    A file that cannot be opened leaves a new report in the window and the reason in its status bar.
    `lazy` (the program's start): each table editor is built when its page is first shown, so the first
    page appears sooner; without it every page is built here, as a test of the whole window expects.
    """
    application()
    window = MainWindow(lazy=lazy)
    if path is not None:
        window.load_file(Path(path))
    return window


def _offer_recovery(window: MainWindow) -> None:
    """Offer each recovery file left by a crash; one that cannot be restored is moved aside, not re-offered."""
    for rec in orphaned_recoveries():
        where = f"（原文件：{rec.source}）" if rec.source else "（尚未保存的新报告）"
        answer = QMessageBox.question(
            window, "恢复未保存的报告",
            f"上次程序没有正常退出，发现一份自动保存的报告{where}。是否恢复？\n"
            "选择“否”将删除这份自动保存的内容。",
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                report = rec.load()
            except Exception as exc:  # noqa: BLE001 - a damaged recovery file must not stop the program
                window.show_message(_unrestorable(rec, exc))
                QMessageBox.warning(window, "无法恢复", window.status_label.text())
                continue
            window.doc.replace(report, rec.source)
            window.doc.set_modified(True)
            window.autosaver.save_now()
            rec.discard()
            window.show_message("已恢复自动保存的内容，请及时保存。")
            return
        rec.discard()


def _unrestorable(rec: Recovery, exc: Exception) -> str:
    """Move a recovery file that failed to load out of the way and say where it went (or why not)."""
    try:
        moved = rec.move_aside()
    except OSError as move_exc:
        return (f"无法恢复自动保存的内容：{exc}这份恢复文件“{rec.report_file}”也无法移走"
                f"（{os_error_reason(move_exc)}），下次启动时还会提示。")
    return f"无法恢复自动保存的内容：{exc}这份恢复文件已移到“{moved}”，以后不再提示。"


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py", description="政务公开年报助手：打开填报向导。")
    parser.add_argument("file", nargs="?", metavar="FILE", help="要打开的报告文件")
    parser.add_argument("--sample", action="store_true", help="打开示例报告（金乡县行政审批服务局 2022 年）")
    args = parser.parse_args(argv)
    app = application()
    path = SAMPLE if args.sample else args.file
    window = build_window(path, lazy=True)
    window.show_on_screen()
    QTimer.singleShot(0, gc.enable)  # main.py turned it off for the start
    if os.environ.get("GOV_REPORT_QUIT_AFTER_SHOW"):  # benchmarks/bench_ui.py: time to the first page
        def shown() -> None:  # the event loop has run once: the first page is on the screen
            print(f"first page shown at {time.time():.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, shown)
        return app.exec()
    if path is not None and window.doc.path is None:
        QMessageBox.warning(window, "无法打开", window.status_label.text())
    _offer_recovery(window)
    return app.exec()
