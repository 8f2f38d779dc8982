"""Autosave to a recovery file a few seconds after each change, and restore after a crash.

Each running program writes `recovery-<pid>.json` (a normal report file) plus `recovery-<pid>.src`
(the path of the file being edited, if any) in the data folder. A clean exit removes them. On start, a
recovery file whose process no longer runs is from a crash or `kill -9`: the program offers to restore it.
One that cannot be read is moved aside as `damaged-recovery-….json` after the first try, so that it is
not offered at every start. When recovery files cannot be written the user is told at once
(`problem_changed`): work believed safe must not be lost in silence.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from model.files.atomic import pid_alive
from model.files.oserror_text import os_error_reason
from model.report.report import Report
from model.report.storage import ReportFileError, atomic_write, encode, load
from ui.appdata import data_dir, data_dir_problem
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

    def move_aside(self) -> Path:
        """Rename a recovery file that cannot be restored to `damaged-recovery-<time>-<pid>.json`.

        Kept rather than deleted (someone may still rescue the text in it), but no longer offered.
        Raises OSError when the folder does not allow it.
        """
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self.mtime or time.time()))
        pid = self.report_file.stem.split("-", 1)[-1]
        target = self.report_file.with_name(f"damaged-recovery-{stamp}-{pid}.json")
        os.replace(self.report_file, target)
        try:
            self.report_file.with_suffix(".src").unlink()
        except OSError:
            pass
        return target


def orphaned_recoveries() -> list[Recovery]:
    """Recovery files left by programs that did not exit cleanly, newest first."""
    found = []
    try:
        candidates = list(data_dir().glob("recovery-*.json"))
    except OSError:
        return []  # no usable data folder: nothing was saved there
    for f in candidates:
        try:
            pid = int(f.stem.split("-", 1)[1])
        except ValueError:
            continue
        if pid_alive(pid):
            continue
        src_file = f.with_suffix(".src")
        source = None
        try:
            text = _path_text(src_file.read_bytes()).strip()
            source = Path(text) if text else None
        except OSError:
            pass
        try:
            found.append(Recovery(f, source, f.stat().st_mtime))
        except OSError:
            continue
    return sorted(found, key=lambda r: r.mtime, reverse=True)


class Autosaver(QObject):
    """Writes the document to this process's recovery file shortly after every change.

    `problem` is "" while recovery files can be written, else a Chinese sentence that autosave is off
    and why; `problem_changed` carries each change so the window can show it.
    """

    problem_changed = Signal(str)

    def __init__(self, doc: ReportDocument, delay_ms: int = AUTOSAVE_DELAY_MS) -> None:
        super().__init__()
        self.doc = doc
        self.path = data_dir() / f"recovery-{os.getpid()}.json"
        reason = data_dir_problem()
        self.problem = _off(reason) if reason else ""
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
        """Write the recovery file; a failure (or the end of one) is announced, never raised."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)  # the folder may have come back
            # The source path first: a kill between the two writes must not leave a recovery file
            # that has lost which file it belongs to.
            src = str(self.doc.path) if self.doc.path else ""
            atomic_write(self.path.with_suffix(".src"), _path_bytes(src))
            atomic_write(self.path, encode(self.doc.report))
            self.last_error = ""
        except ReportFileError as exc:
            self.last_error = str(exc)
        except OSError as exc:
            self.last_error = f"无法使用数据文件夹“{self.path.parent}”（{os_error_reason(exc)}）"
        self._set_problem(_off(self.last_error) if self.last_error else "")

    def _set_problem(self, problem: str) -> None:
        if problem != self.problem:
            self.problem = problem
            self.problem_changed.emit(problem)

    def clear(self) -> None:
        Recovery(self.path, None, 0).discard()


def _path_bytes(path: str) -> bytes:
    """A path as UTF-8, keeping what is not: a name in GBK bytes (from a Windows zip) reads as escapes in
    Python and is written back as those very bytes."""
    try:
        return path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate (Windows allows it in a name): kept as it is
        return path.encode("utf-8", "surrogatepass")


def _path_text(data: bytes) -> str:
    """The path `_path_bytes` wrote; any bytes at all give a path, so a damaged .src never stops the start."""
    return data.decode("utf-8", "surrogateescape")


def _off(reason: str) -> str:
    """The one sentence the user sees while recovery files cannot be written."""
    return f"自动保存已关闭：{reason.rstrip('。')}。程序异常退出时未保存的修改将无法恢复，请及时保存。"
