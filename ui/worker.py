"""One background job at a time, off the UI thread, its outcome delivered on the UI thread.

Exports and 汇总 take seconds on long reports or many files; the window must stay usable meanwhile.
A job is plain Python (no Qt) that reads a copy of what it needs; it may report progress through the
callable it is given. Signals emitted from the worker thread reach their receivers in the UI thread
(queued connections), so the receivers may touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

Progress = Callable[[int, int, str], None]  # done, in all, what is being done


class Worker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a Chinese message for the user

    def __init__(self, parent: QObject, unexpected: str) -> None:
        """`unexpected`: the message for an exception no job expects, with {kind} and {exc} filled in."""
        super().__init__(parent)
        self.unexpected = unexpected
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def start(self, job: Callable[[Progress], object], expected: tuple[type[Exception], ...] = ()) -> None:
        """Run `job(progress)` in the worker thread; `expected` exceptions carry their own message."""
        signals = self  # emitted from the worker thread, received in the UI thread

        def work() -> None:
            try:
                result = job(signals.progress.emit)
            except expected as exc:
                signals.failed.emit(str(exc))
            except Exception as exc:  # noqa: BLE001 - whatever happens in the thread must reach the user
                signals.failed.emit(self.unexpected.format(kind=type(exc).__name__, exc=exc))
            else:
                signals.finished.emit(result)

        self.pool.start(work)

    def wait(self) -> None:
        """Let a running job finish (the program is closing): never leave a file half-written."""
        self.pool.waitForDone()
