"""Write one output in a child process while this process writes the others (`main.py export --xlsx --pdf`).

The workbook (openpyxl) and the PDF (reportlab) share nothing but the report, and each library takes a
third of a second to import: a forked child that imports and writes the PDF while the parent imports and
writes the workbook halves the wait on any machine with two cores (issue 18 point 7). Where a process
cannot be forked safely — Windows, or a process that runs other threads (a fork copies their locks, not
the threads) — `start` returns None and the caller writes the output itself, one after the other as before.

The child sends back what the job returned (plain data), or the Chinese message of the ExportError it met;
any other failure comes back as an error naming it, never as a hang or a second copy of the program.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from export.errors import ExportError


class Pending:
    """A job running in a child process; `send()` gives it what it waits for, `result()` waits for it."""

    def __init__(self, pid: int, read_fd: int, send_fd: int | None = None) -> None:
        self._pid = pid
        self._fd = read_fd
        self._send_fd = send_fd

    def send(self, value: Any) -> None:
        """Hand the child the value its job's `receive()` waits for (plain data); once."""
        assert self._send_fd is not None, "the job was started without an inbox"
        with os.fdopen(self._send_fd, "wb") as pipe:
            pipe.write(pickle.dumps(value))
        self._send_fd = None

    def result(self) -> Any:
        """What the job returned; raises ExportError (the child's message) when it could not write."""
        if self._send_fd is not None:  # never sent: the child's receive() ends with an error, not a hang
            os.close(self._send_fd)
            self._send_fd = None
        chunks = []
        with os.fdopen(self._fd, "rb") as pipe:
            while chunk := pipe.read(65536):
                chunks.append(chunk)
        os.waitpid(self._pid, 0)
        try:
            kind, value = pickle.loads(b"".join(chunks))
        except Exception:  # noqa: BLE001 - the child died before it could answer
            raise RuntimeError("the child process writing the output ended without an answer") from None
        if kind == "ok":
            return value
        if kind == "export-error":
            raise ExportError(value)
        raise RuntimeError(f"the child process writing the output failed:\n{value}")


def _os_threads() -> int:
    """Threads of this process as the system counts them (a library's own threads included, which the
    threading module does not see); the threading module's count where /proc is not there."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def can_fork() -> bool:
    """A fork is safe here: the platform has it and no other thread runs (their locks would be copied)."""
    return hasattr(os, "fork") and threading.active_count() == 1 and _os_threads() == 1


def _receiver(fd: int) -> Callable[[], Any]:
    def receive() -> Any:
        with os.fdopen(fd, "rb") as pipe:
            data = pipe.read()
        if not data:
            raise RuntimeError("the parent process sent nothing")
        return pickle.loads(data)

    return receive


def start(job: Callable[..., Any], *, inbox: bool = False) -> Pending | None:
    """Run `job` in a forked child and return at once; None where forking is not safe (see above).

    With `inbox`, `job(receive)` is called: it may start on what needs nothing from this process (import its
    library) and then wait in `receive()` for what this process decides meanwhile (`Pending.send`)."""
    if not can_fork():
        return None
    sys.stdout.flush()
    sys.stderr.flush()
    read_fd, write_fd = os.pipe()
    in_read, in_write = os.pipe() if inbox else (None, None)
    pid = os.fork()
    if pid:
        os.close(write_fd)
        if in_read is not None:
            os.close(in_read)
        return Pending(pid, read_fd, in_write)
    # the child: run the job, answer, and leave without running anything of the parent's (atexit, buffers)
    code = 0
    try:
        os.close(read_fd)
        if in_write is not None:
            os.close(in_write)
        try:
            result = job(_receiver(in_read)) if in_read is not None else job()
            answer: tuple[str, Any] = ("ok", result)
        except ExportError as exc:
            answer = ("export-error", str(exc))
        except BaseException:  # noqa: BLE001 - reported to the parent, which decides
            answer = ("failed", traceback.format_exc())
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(pickle.dumps(answer))
    except BaseException:  # noqa: BLE001 - nothing may escape a forked child
        code = 1
    finally:
        os._exit(code)
