"""Opening a report document by its content: the report file (JSON) or a workbook this program exported.

Importing this module is cheap: openpyxl is imported only when a workbook is actually opened.
"""

from __future__ import annotations

import os
from pathlib import Path

from model.report import Report
from model.storage import ReportFileError, load

__all__ = ["ReportFileError", "open_report"]

_ZIP_MAGIC = b"PK\x03\x04"


def open_report(path: str | os.PathLike[str]) -> tuple[Report, list[str]]:
    """Read a report from `path`, whatever its name: (report, notices in Chinese for the user).

    A workbook (a zip archive) goes to export.xlsx.read_workbook, which reports numbers changed in the
    visible tables as notices; anything else is read as the report file. A file that cannot be read
    raises ReportFileError with a Chinese message.
    """
    path = Path(path)
    head = b""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_ZIP_MAGIC))
    except OSError:
        pass  # load() below says in Chinese what is wrong (missing, a folder, no permission)
    if head == _ZIP_MAGIC:
        from export.xlsx import read_workbook  # openpyxl only when a workbook is opened

        return read_workbook(path)
    return load(path), []
