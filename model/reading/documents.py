"""The one registry of readers: any file a user gives the program becomes a report and notices.

What a file is, is decided by its content: a zip holding word/document.xml is a Word document, any other
zip a workbook (ours, edited, or made by hand), `{` starts the report file, %PDF a PDF, anything else is
text or a saved web page. An old binary Office file is refused with what to do (另存为 .docx/.xlsx).
Every door — 打开, drag and drop, 导入, check, export, new --from, --prior, 汇总 — calls read_document,
so the same file gives the same report and the same notices everywhere. Importing this module is cheap:
each reader is imported only when its kind of file is read.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from model.reading.notices import LABEL_RULE, WARNING, Notice, findings_of
from model.report.report import Report
from model.report.storage import ReportFileError, load, read_bytes

__all__ = ["Document", "ReportFileError", "foreign_message", "open_report", "read_document"]

ZIP_MAGIC = b"PK\x03\x04"  # .xlsx, .docx, .ods and every other zip archive
_EMPTY_ZIP = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc, .et, .wps, and encrypted .xlsx/.docx
_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
#: Files a user may give the program as a report: our report file and workbooks …
REPORT_SUFFIXES = (".json", ".xlsx", ".xlsm")
#: … and published reports. Every kind is read by read_document; the suffixes only filter file dialogs.
PUBLISHED_SUFFIXES = (".docx", ".html", ".htm", ".txt", ".md", ".pdf")
_WORD_SUFFIXES = (".doc", ".docx", ".wps", ".rtf")
#: Other office files that are no report file: a name like this with content that is no zip
#: (often a web page saved as .xls by a reporting system) is not read as JSON.
_OTHER_KINDS = {".xls": "Excel 工作簿（.xls）", ".et": "WPS 表格（.et）", ".ods": "OpenDocument 表格（.ods）",
                ".doc": "Word 文档（.doc）", ".docx": "Word 文档（.docx）", ".wps": "WPS 文字（.wps）",
                ".pdf": "PDF 文件"}
_WHAT_WE_READ = ("本程序可以读取报告文件（.json）、Excel 工作簿（.xlsx）、网页（.html）、文字（.txt、.md）、"
                 "Word 文档（.docx）和有文字的 PDF。")
#: Bytes looked at to decide what a file is.
_SNIFF = 4096
#: Kinds of document (Document.kind).
KINDS = {"report": "报告文件", "workbook": "本程序导出的工作簿", "edited-workbook": "改动过结构的本程序工作簿",
         "handmade": "手工制作的工作簿", "html": "网页", "text": "文字", "docx": "Word 文档", "pdf": "PDF"}


@dataclass
class Document:
    """A report read from a file by whichever reader its content calls for, and what the reader said."""

    report: Report
    kind: str  # a key of KINDS
    notices: list[Notice] = field(default_factory=list)

    @property
    def messages(self) -> list[str]:
        return [n.message for n in self.notices]

    def findings(self) -> list:  # type: ignore[type-arg]
        """The notices as findings (rule G2/R1, info or warning), for check, the wizard and 汇总."""
        return findings_of(self.notices)


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read any readable kind of file into a report: the one registry for every door of the program.

    The reader is chosen by the content (a report file, one of our workbooks, a workbook made by hand, a
    Word document, a PDF, a web page, copied text), never by the extension alone. A workbook that is not
    ours (NotOwnWorkbook) or one of ours whose tables were moved (WorkbookLayoutChanged) is read by the
    label locator instead. ReportFileError with a Chinese message if the file holds no report.
    """
    from model.reading.importer import MAX_DOCX_BYTES  # the largest kind read: a .docx with pictures

    path = Path(path)
    data = read_bytes(path, MAX_DOCX_BYTES, "年度报告")  # regular files only: never a FIFO or a device
    head = data[:_SNIFF]
    if head.startswith((ZIP_MAGIC, _EMPTY_ZIP)):
        return _zip_document(path, data)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return Document(load(path), "report")
    if head.startswith(OLE2_MAGIC):
        from model.reading.importer import old_office_message

        raise ReportFileError(old_office_message(path.name))
    suffix = path.suffix.lower()
    if not head.startswith(b"%PDF") and (suffix in _WORKBOOK_SUFFIXES or suffix in _OTHER_KINDS):
        raise ReportFileError(foreign_message(path.name, head[:8]) or f"“{path.name}”无法读取。")
    if not head.strip():
        raise ReportFileError(f"“{path.name}”是空文件。")
    from model.reading.importer import import_bytes  # text, web page or PDF

    result = import_bytes(data, path.name)
    return Document(result.report, result.kind, result.records())


def open_report(path: str | os.PathLike[str]) -> tuple[Report, list[str]]:
    """read_document for callers that show the notices as plain lines: (report, notices in Chinese)."""
    document = read_document(path)
    return document.report, document.messages


def _zip_document(path: Path, data: bytes) -> Document:
    from model.reading.workbook_reader import NotOwnWorkbook, WorkbookLayoutChanged, read_workbook

    if _zip_has(data, path.name, "word/document.xml"):
        from model.reading.importer import import_bytes

        result = import_bytes(data, path.name)
        return Document(result.report, "docx", result.records())
    try:
        report, notices = read_workbook(path)
        return Document(report, "workbook", [Notice(m, severity=WARNING) for m in notices])
    except NotOwnWorkbook:
        from model.reading.workbook_source import read_handmade

        result = read_handmade(path)
        return Document(result.report, "handmade", result.records())
    except WorkbookLayoutChanged as exc:
        from model.reading.workbook_source import read_handmade

        result = read_handmade(path, own=True)
        report = exc.saved.copy()
        report.values, report.stated = result.report.values, result.report.stated
        told = Notice(f"{exc.what}，已按行列标题逐格读取各表中的数字（基本信息和报告正文以导出时保存的为准），请核对。",
                      severity=WARNING)
        tables = [n for n in result.records() if n.cells or n.rule == LABEL_RULE]
        return Document(report, "edited-workbook", [told, *tables])


def _zip_has(data: bytes, name: str, member: str) -> bool:
    import zipfile

    from model.reading.workbook_reader import check_zip_directory

    try:
        check_zip_directory(data, name)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return member in archive.namelist()
    except (ReportFileError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False  # the workbook reader says what is wrong with it


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
