"""What 年报质量检查 and 汇总 share: a window beside the report that takes many units' files.

Both take files and folders (by dialog or dropped onto the window) and an expected-units list, run in a
worker thread with a progress bar and 取消, show their result in a sortable table and export in the
background. The common parts live here once, so that the two windows behave alike; each window keeps
its own texts, objectName prefix and what it does with the files.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.exporting import ExportActions
from ui.host import ReportHost
from ui.qt_chinese import watch_file_dialogs
from ui.screen_fit import fit_on_screen
from ui.worker import Worker


class ToolWindow(QDialog):
    """The shared frame: `prefix` starts every objectName (prefix-window, prefix-sources, …); the
    subclass provides run, cancel, add_files_dialog, add_folder_dialog, _progress, _finished, _failed
    and _update_buttons."""

    _placed = False  # fitted to the screen once, at the first present()
    expected: QPlainTextEdit

    def __init__(self, host: ReportHost, parent: QWidget | None, prefix: str, title: str, unexpected: str) -> None:
        """`host`: the main window, where a report read here is shown; `parent`: the window it stays beside
        (None: the host itself, when it is a window)."""
        super().__init__(parent if parent is not None else host if isinstance(host, QWidget) else None)
        self.host = host
        self.prefix = prefix
        self.setObjectName(f"{prefix}-window")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAcceptDrops(True)
        watch_file_dialogs(self)
        self.sources: list[Path] = []
        self.running = False
        self._stop = threading.Event()
        self.worker = Worker(self, unexpected)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.exports = ExportActions(self, host.doc, self._say)  # the same worker and messages as exports
        self.exports.busy_changed.connect(lambda _busy: self._update_buttons())

    # -- building ------------------------------------------------------------------------------------

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _sources_box(self, title: str, rows: int, hint_text: str, *, remove: bool = False) -> QGroupBox:
        """The list of files and folders with 添加文件/添加文件夹/(移除所选)/清空 and a hint below."""
        box = QGroupBox(title)
        self.source_list = QListWidget()
        self.source_list.setObjectName(f"{self.prefix}-sources")
        self.source_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.source_list.setFixedHeight(self.fontMetrics().height() * rows)
        buttons = QHBoxLayout()
        buttons.addWidget(self._button("添加文件…", f"{self.prefix}-add-files", self.add_files_dialog))
        buttons.addWidget(self._button("添加文件夹…", f"{self.prefix}-add-folder", self.add_folder_dialog))
        if remove:
            buttons.addWidget(self._button("移除所选", f"{self.prefix}-remove", self.remove_selected))
        buttons.addWidget(self._button("清空", f"{self.prefix}-clear", self.clear_sources))
        buttons.addStretch(1)
        hint = QLabel(hint_text)
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#5f6368;")
        col = QVBoxLayout(box)
        col.addWidget(self.source_list, 1)
        col.addLayout(buttons)
        col.addWidget(hint)
        return box

    def _progress_widgets(self) -> None:
        """self.progress_bar (done/in all) and self.current_file (the file being read)."""
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName(f"{self.prefix}-progress")
        self.progress_bar.setFormat("%v/%m")
        self.current_file = QLabel()
        self.current_file.setObjectName(f"{self.prefix}-current")

    def _result_table(self, name: str, proxy: QSortFilterProxyModel, sort_column: int) -> QTableView:
        """The read-only table of results, sortable by any column, whole rows selected."""
        table = QTableView()
        table.setObjectName(f"{self.prefix}-{name}")
        table.setModel(proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    def _summary_label(self, text: str) -> QLabel:
        self.summary = QLabel(text)
        self.summary.setObjectName(f"{self.prefix}-summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return self.summary

    def _message_label(self) -> QLabel:
        self.message = QLabel()
        self.message.setObjectName(f"{self.prefix}-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#1f4e79;")
        return self.message

    def present(self) -> None:
        self.show()
        if not self._placed:
            fit_on_screen(self)  # its first showing: the starting size may be wider than a small screen
            self._placed = True
        self.raise_()
        self.activateWindow()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # -- inputs --------------------------------------------------------------------------------------

    def add_sources(self, paths: Sequence[str | os.PathLike[str]]) -> int:
        """Add files and folders to the list (each once); returns how many were new."""
        added = 0
        for p in map(Path, paths):
            if p in self.sources:
                continue
            self.sources.append(p)
            icon = QStyle.StandardPixmap.SP_DirIcon if p.is_dir() else QStyle.StandardPixmap.SP_FileIcon
            item = QListWidgetItem(self.style().standardIcon(icon), p.name or str(p))
            item.setToolTip(str(p))
            self.source_list.addItem(item)
            added += 1
        return added

    def remove_selected(self) -> None:
        for item in self.source_list.selectedItems():
            row = self.source_list.row(item)
            self.source_list.takeItem(row)
            del self.sources[row]

    def clear_sources(self) -> None:
        self.source_list.clear()
        self.sources.clear()

    def expected_names(self) -> list[str] | None:
        """The pasted or loaded list, one name a line; None when the box is empty (no list)."""
        names = [line.strip() for line in self.expected.toPlainText().splitlines() if line.strip()]
        return names or None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self._dropped(paths)

    def _dropped(self, paths: list[str]) -> None:
        self.add_sources(paths)

    # -- the run -------------------------------------------------------------------------------------

    def stop(self) -> None:
        """The program is closing: cancel a run and let a running export finish its file."""
        self._stop.set()
        self.worker.wait()
        self.exports.wait()

    # provided by each window
    def add_files_dialog(self) -> None:
        raise NotImplementedError

    def add_folder_dialog(self) -> None:
        raise NotImplementedError

    def _progress(self, done: int, total: int, name: str) -> None:
        raise NotImplementedError

    def _finished(self, result: Any) -> None:
        raise NotImplementedError

    def _failed(self, message: str) -> None:
        raise NotImplementedError

    def _update_buttons(self) -> None:
        raise NotImplementedError
