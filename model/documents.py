"""Opening a report document: the report file (JSON) or a workbook this program exported.

What a file is, is decided by its content and its name together: a workbook with the wrong extension
is still read as a workbook, and a file that is neither (an old .xls, an encrypted workbook, a .docx,
a PDF, a damaged .xlsx) is refused with a message that says what it is, never with a JSON parse error.
Importing this module is cheap: the workbook reader is imported only when a workbook is opened.
"""

from __future__ import annotations

import os
from pathlib import Path

from model.report import Report
from model.storage import ReportFileError, load

__all__ = ["ReportFileError", "foreign_message", "open_report"]

ZIP_MAGIC = b"PK\x03\x04"  # .xlsx, .docx, .ods and every other zip archive
_EMPTY_ZIP = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc, .et, .wps, and encrypted .xlsx/.docx
_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
#: Files a user may give the program as a report: our report file and workbooks (open_report) …
REPORT_SUFFIXES = (".json", ".xlsx", ".xlsm")
#: … and published reports, which are imported (model.reading.importer).
PUBLISHED_SUFFIXES = (".docx", ".html", ".htm", ".txt")
_WORD_SUFFIXES = (".doc", ".docx", ".wps", ".rtf")
#: Other office files that are no report file: a name like this with content that is no zip
#: (often a web page saved as .xls by a reporting system) is not read as JSON.
_OTHER_KINDS = {".xls": "Excel 工作簿（.xls）", ".et": "WPS 表格（.et）", ".ods": "OpenDocument 表格（.ods）",
                ".doc": "Word 文档（.doc）", ".docx": "Word 文档（.docx）", ".wps": "WPS 文字（.wps）",
                ".pdf": "PDF 文件"}
_WHAT_WE_READ = "本程序可以打开报告文件（.json）和本程序导出的 Excel 工作簿（.xlsx）。"


def open_report(path: str | os.PathLike[str]) -> tuple[Report, list[str]]:
    """Read a report from `path`: (report, notices in Chinese for the user).

    A zip archive goes to model.workbook_reader.read_workbook, which reports numbers changed in the
    visible tables as notices; a file whose content or name says it is some other document is refused;
    anything else is read as the report file. Failures raise ReportFileError with a Chinese message.
    """
    path = Path(path)
    head = b""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(OLE2_MAGIC))
    except OSError:
        pass  # load() below says in Chinese what is wrong (missing, a folder, no permission)
    if head.startswith((ZIP_MAGIC, _EMPTY_ZIP)):
        from model.workbook_reader import read_workbook  # only when a workbook is opened

        return read_workbook(path)
    message = foreign_message(path.name, head) if path.is_file() else None
    if message:
        raise ReportFileError(message)
    return load(path), []


def foreign_message(name: str, head: bytes) -> str | None:
    """Why a file that is no zip archive is no report, when its first bytes or its name tell; else None.

    `head` is the file's first eight bytes (or fewer).
    """
    suffix = Path(name).suffix.lower()
    if head.startswith(OLE2_MAGIC):
        if suffix in _WORD_SUFFIXES:
            return f"“{name}”是旧版 Word 文档（.doc）或加密的文件，不是报告文件，本程序无法读取。{_WHAT_WE_READ}"
        return (f"“{name}”是旧版 Excel（.xls）、Word（.doc）文件或加密的文件，本程序无法直接读取。"
                "如是本程序导出的工作簿，请用 WPS 或 Excel 打开（有密码的先取消加密），另存为 Excel 工作簿（.xlsx）后再打开。")
    if head.startswith(b"%PDF"):
        return f"“{name}”是 PDF 文件，本程序不能从 PDF 读取报告。{_WHAT_WE_READ}"
    if suffix in _WORKBOOK_SUFFIXES:
        return f"“{name}”不是有效的 Excel 工作簿（{suffix}）文件，可能已损坏或只是改了扩展名。"
    if suffix in _OTHER_KINDS:
        return f"“{name}”的内容不是{_OTHER_KINDS[suffix]}（可能只是改了扩展名），本程序无法读取。{_WHAT_WE_READ}"
    return None
