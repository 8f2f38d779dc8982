"""Atomic file writing, one way for every file the program writes (report, backup, workbook, PDF).

The content goes to a temporary file in the target folder, is flushed to disk and then renamed over
the target: a crash, a full disk or a file locked by WPS/Excel leaves the old file as it was and no
half-written file behind. Failures become one exception type chosen by the caller, with a Chinese
message that says what to do.

A symbolic link is written through (the file it points to gets the new content, the link stays), and a
device or other special file (/dev/null, a FIFO) is never replaced. A process killed in the middle of a
save cannot remove its temporary file; the name of each temporary file carries the id of the process
that made it and a suffix of its own, so the next save of the same file (and the program's start, for
its data folder) can tell a leftover of this program from a save in progress and from the user's files.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from model.files.oserror_text import os_error_reason

TEMP_SUFFIX = ".gov-report.tmp"
STALE_TEMP_SECONDS = 10 * 60  # no save takes this long: older temporary files are leftovers
_TEMP_NAME = re.compile(r"\.(?P<target>.+)\.(?P<pid>\d{1,10})\.[a-z0-9_]+" + re.escape(TEMP_SUFFIX), re.DOTALL)
_MAX_STEM_BYTES = 160  # leaves room for the pid, mkstemp's letters and the suffix within 255 bytes


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], what: str, error: type[Exception]) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces `path` (or the file a link points to).

    `what` names the file for messages (e.g. "工作簿"); OSError raised while writing or renaming becomes
    `error(message)`. Exceptions of other kinds pass through unchanged, after the temporary file is removed.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp: Path | None = None
    try:
        target = _link_target(path)
        folder = target.parent if str(target.parent) else Path(".")
        _refuse_non_file(target, path, what, error)
        remove_stale_temp_files(folder, target.name)
        tmp = make_temp_file(folder, target.name)
        with contextlib.suppress(OSError):
            os.chmod(tmp, _file_mode(target))  # mkstemp makes 0600; these are ordinary documents
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        tmp = None
    except PermissionError:
        raise error(f"无法保存{what}到“{path}”：没有写入权限，或文件正在其他程序（如 WPS、Excel、PDF 阅读器）中打开。"
                    "请在该程序中关闭这个文件，或另选一个文件夹后重试。") from None
    except FileNotFoundError:
        raise error(f"无法保存{what}到“{path}”：文件夹不存在（{folder}）。") from None
    except OSError as exc:
        raise error(f"无法保存{what}到“{path}”：{os_error_reason(exc)}。") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _link_target(path: Path) -> Path:
    """The file to replace: `path` itself, or for a symbolic link the file it finally points to.

    Renaming over the link would turn it into a file and leave the file the user means unchanged.
    A link to a missing file gives that file's path (a plain open() would create it); a loop raises ELOOP.
    """
    if not os.path.islink(path):
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(path))


def _refuse_non_file(target: Path, path: Path, what: str, error: type[Exception]) -> None:
    """Only a regular file (or nothing yet) may be replaced: never a folder, a device or a FIFO."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise error(f"无法保存{what}到“{path}”：这是一个文件夹，请输入文件名。")
    if not stat.S_ISREG(mode):
        raise error(f"无法保存{what}到“{path}”：这不是普通文件（而是设备、管道等特殊文件），不能覆盖。"
                    "请另选一个文件名。")


def _temp_stem(name: str) -> str:
    """The target's name as used in its temporary files, shortened so that they stay valid names."""
    data = name.encode("utf-8", "surrogateescape")
    if len(data) <= _MAX_STEM_BYTES:
        return name
    return data[:_MAX_STEM_BYTES].decode("utf-8", "ignore")


def make_temp_file(folder: Path, name: str) -> Path:
    """Create an empty temporary file for `name` in `folder`: `.<name>.<pid>.<random>.gov-report.tmp`."""
    fd, tmp = tempfile.mkstemp(prefix=f".{_temp_stem(name)}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder)
    os.close(fd)
    return Path(tmp)


def remove_stale_temp_files(folder: Path, target_name: str | None = None) -> list[Path]:
    """Delete temporary files of this program left in `folder` by a killed save; return those deleted.

    Only names of our own pattern count (for `target_name` only, if given), and only those whose process
    is gone or that are older than any save takes: a save running in another window is left alone.
    Never raises: a folder that cannot be listed or cleaned is simply left as it is.
    """
    stem = None if target_name is None else _temp_stem(target_name)
    now = time.time()
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None or (stem is not None and match["target"] != stem):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
            pid = int(match["pid"])
            if age > STALE_TEMP_SECONDS or (pid != os.getpid() and not pid_alive(pid)):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (in doubt: yes, so that nothing of it is deleted)."""
    if pid == os.getpid():
        return True
    if not 0 < pid <= 0x7FFFFFFF:
        return False  # no process can have such an id
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


def _file_mode(path: Path) -> int:
    """The permissions a plain open() would give: those of the file replaced, else 0o666 less the umask."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(path.stat().st_mode)
    mask = None
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as fh:
        mask = next((int(line.split()[1], 8) for line in fh if line.startswith("Umask:")), None)
    if mask is None:  # not Linux: read the umask by setting it, and put it back at once
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask
