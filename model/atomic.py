"""Atomic file writing, one way for every file the program writes (report, backup, workbook, PDF).

The content goes to a temporary file in the target folder, is flushed to disk and then renamed over
the target: a crash, a full disk or a file locked by WPS/Excel leaves the old file as it was and no
half-written or temporary file behind. Failures become one exception type chosen by the caller, with a
Chinese message that says what to do.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], what: str, error: type[Exception]) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces `path`.

    `what` names the file for messages (e.g. "工作簿"); OSError raised while writing or renaming becomes
    `error(message)`. Exceptions of other kinds pass through unchanged, after the temporary file is removed.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise error(f"无法保存{what}到“{path}”：这是一个文件夹，请输入文件名。")
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
        tmp = Path(name)
        with contextlib.suppress(OSError):
            os.chmod(tmp, _file_mode(path))  # mkstemp makes 0600; these are ordinary documents
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
    except PermissionError:
        raise error(f"无法保存{what}到“{path}”：没有写入权限，或文件正在其他程序（如 WPS、Excel、PDF 阅读器）中打开。"
                    "请在该程序中关闭这个文件，或另选一个文件夹后重试。") from None
    except FileNotFoundError:
        raise error(f"无法保存{what}到“{path}”：文件夹不存在（{folder}）。") from None
    except OSError as exc:
        raise error(f"无法保存{what}到“{path}”：{exc.strerror or exc}。") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


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
