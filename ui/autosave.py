"""Autosave to a recovery file a few seconds after each change, and restore after a crash.

Each running program writes `recovery-<pid>.json` (a normal report file) plus `recovery-<pid>.src`
(the path of the file being edited, if any) in the data folder. A clean exit removes them. On start, a
recovery file whose process no longer runs is from a crash or `kill -9`: the program offers to restore it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from model.report import Report
from model.storage import ReportFileError, atomic_write, dumps, load
from ui.appdata import data_dir
from ui.document import ReportDocument

AUTOSAVE_DELAY_MS = 2000


@dataclass
class Recovery:
    report_file: Path
    source: Path | None  # the file the user was editing, None for an unsaved new report
    mtime: float

    def load(self) -> Report:
        return load(self.report_file)

    def discard(self) -> None:
        for p in (self.report_file, self.report_file.with_suffix(".src")):
            try:
                p.unlink()
            except OSError:
                pass


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)
            return True
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def orphaned_recoveries() -> list[Recovery]:
    """Recovery files left by programs that did not exit cleanly, newest first."""
    found = []
    for f in data_dir().glob("recovery-*.json"):
        try:
            pid = int(f.stem.split("-", 1)[1])
        except ValueError:
            continue
        if _pid_alive(pid):
            continue
        src_file = f.with_suffix(".src")
        source = None
        try:
            text = src_file.read_text(encoding="utf-8").strip()
            source = Path(text) if text else None
        except OSError:
            pass
        found.append(Recovery(f, source, f.stat().st_mtime))
    return sorted(found, key=lambda r: r.mtime, reverse=True)


class Autosaver(QObject):
    """Writes the document to this process's recovery file shortly after every change."""

    def __init__(self, doc: ReportDocument, delay_ms: int = AUTOSAVE_DELAY_MS) -> None:
        super().__init__()
        self.doc = doc
        self.path = data_dir() / f"recovery-{os.getpid()}.json"
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.save_now)
        doc.changed.connect(self._changed)
        doc.modified_changed.connect(self._modified_changed)
        self.last_error = ""

    def _changed(self) -> None:
        # Not restarted by further changes: continuous typing is still saved every few seconds.
        if self.doc.modified and not self.timer.isActive():
            self.timer.start()

    def _modified_changed(self, modified: bool) -> None:
        if not modified:  # saved, or a fresh document: nothing to recover
            self.timer.stop()
            self.clear()

    def save_now(self) -> None:
        try:
            atomic_write(self.path, dumps(self.doc.report).encode("utf-8"))
            src = str(self.doc.path) if self.doc.path else ""
            atomic_write(self.path.with_suffix(".src"), src.encode("utf-8"))
            self.last_error = ""
        except (ReportFileError, OSError) as exc:
            self.last_error = str(exc)

    def clear(self) -> None:
        Recovery(self.path, None, 0).discard()
