"""The inputs 年报质量检查 and 汇总 share: the files named, a file's content hash, the expected units.

Both tools take a pile of units' files and a list of the units that ought to report; the rules for
which files a folder gives, when two files are the same, and when two unit names are the same unit
live here once, so that the two tools can never disagree about them.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from model.report.storage import ReportFileError

#: No unit's file is larger (the readers' own limits are lower still); a larger one is not even hashed.
MAX_INPUT_BYTES = 60 * 1024 * 1024


def unit_key(name: str) -> str:
    """A unit's name as compared: without spaces of any kind."""
    return re.sub(r"\s+", "", name)


def input_files(paths: Iterable[str | os.PathLike[str]], suffixes: tuple[str, ...], *,
                recursive: bool) -> list[Path]:
    """The files named, and the files of `suffixes` inside each folder named (sorted; no hidden or
    Office lock files)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = p.rglob("*") if recursive else p.iterdir()
            out.extend(sorted(f for f in found if f.is_file() and f.suffix.lower() in suffixes
                              and not f.name.startswith((".", "~$"))))
        else:
            out.append(p)
    return out


def file_digest(path: Path) -> str:
    """The file's content hash, read in pieces; a file larger than any report is refused first."""
    h = hashlib.sha256()
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise ReportFileError(f"“{path.name}”过大（{size // 1024 // 1024} MB），不是年度报告，未读取。")
        with open(path, "rb") as fh:
            for piece in iter(lambda: fh.read(1 << 20), b""):
                h.update(piece)
    except OSError as exc:
        from model.files.oserror_text import os_error_reason

        raise ReportFileError(f"无法读取“{path.name}”：{os_error_reason(exc)}。") from None
    return h.hexdigest()


def expected_names(expected: Iterable[str]) -> list[str]:
    """The names of an expected list as given: blank lines and `#` comments dropped, spaces trimmed."""
    return [n.strip() for n in expected if n.strip() and not n.strip().startswith("#")]


def missing_units(names: list[str], have: set[str]) -> list[str]:
    """The expected names (once each, in order) whose unit_key is not among `have`."""
    return [n for n in dict.fromkeys(names) if unit_key(n) not in have]


def read_expected(path: str | os.PathLike[str]) -> list[str]:
    """The expected units: a text file, one name per line (UTF-8 or GBK, as Windows saves it)."""
    from model.report.storage import MAX_FILE_BYTES, read_bytes

    data = read_bytes(Path(path), MAX_FILE_BYTES, "应报单位名单")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ReportFileError(f"“{Path(path).name}”不是文本文件，无法读取应报单位名单。")
    return expected_names(text.splitlines())
