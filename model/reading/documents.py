"""The one registry of readers: any file a user gives the program becomes a report and notices.

What a file is, is decided by its content (signatures.sniff): a zip holding word/document.xml is a Word
document, any other zip a workbook (ours, edited, or made by hand), `{` starts the report file, %PDF a
PDF, anything else is text or a saved web page. An old binary Office file is refused with what to do
(另存为 .docx/.xlsx). Every door — 打开, drag and drop, 导入, check, export, new --from, --prior, 汇总 —
calls read_document, so the same file gives the same report and the same notices everywhere. Where a
reader must hand a file on to another (a workbook that is not ours, or ours with its tables moved), it
says so with a typed exception (NotOwnWorkbook, WorkbookLayoutChanged), never in words to be searched.
Importing this module is cheap: each reader is imported only when its kind of file is read.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from model.reading.notices import LABEL_RULE, Notice, changed, findings_of
from model.reading.signatures import (
    ARCHIVE,
    EMPTY,
    MISNAMED,
    OLD_OFFICE,
    PDF,
    PUBLISHED_SUFFIXES,
    REPORT_FILE,
    REPORT_SUFFIXES,
    TEXT,
    foreign_message,
    old_office_message,
    sniff,
)
from model.report.report import Report
from model.report.storage import ReportFileError, load, read_bytes
from model.template.template import Template

if TYPE_CHECKING:
    from model.reading.workbook_reader import WorkbookLayoutChanged

__all__ = ["PUBLISHED_SUFFIXES", "REPORT_SUFFIXES", "Document", "ReportFileError", "foreign_message", "open_report",
           "read_document"]

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


def read_document(path: str | os.PathLike[str], template: Template | None = None) -> Document:
    """Read any readable kind of file into a report: the one registry for every door of the program.

    The reader is chosen by the content (a report file, one of our workbooks, a workbook made by hand, a
    Word document, a PDF, a web page, copied text), never by the extension alone. A report file and our
    own workbook carry their format; anything else is read into a new report of `template` (the current
    format by default: these doors make a new report). ReportFileError with a Chinese message if the file
    holds no report.
    """
    from model.reading.importer import MAX_DOCX_BYTES  # the largest kind read: a .docx with pictures

    path = Path(path)
    data = read_bytes(path, MAX_DOCX_BYTES, "年度报告")  # regular files only: never a FIFO or a device
    return _READERS[sniff(data, path.name)](path, data, template or _current())


def open_report(path: str | os.PathLike[str]) -> tuple[Report, list[str]]:
    """read_document for callers that show the notices as plain lines: (report, notices in Chinese)."""
    document = read_document(path)
    return document.report, document.messages


def _current() -> Template:
    """The format a new report is read into when no caller says (the doors make new reports)."""
    from model.template import CURRENT

    return CURRENT


# ---------------------------------------------------------------------------------------------------
# The readers, by what sniff says a file is


def _report_file(path: Path, data: bytes, template: Template) -> Document:
    return Document(load(path), "report")  # the file names its own format


def _old_office(path: Path, data: bytes, template: Template) -> Document:
    raise ReportFileError(old_office_message(path.name))


def _misnamed(path: Path, data: bytes, template: Template) -> Document:
    raise ReportFileError(foreign_message(path.name, data[:8]) or f"“{path.name}”无法读取。")


def _empty(path: Path, data: bytes, template: Template) -> Document:
    raise ReportFileError(f"“{path.name}”是空文件。")


def _published(path: Path, data: bytes, template: Template) -> Document:
    """A Word document, a PDF, a web page or text: the importer of published reports."""
    from model.reading.importer import import_bytes

    result = import_bytes(data, path.name, template)
    return Document(result.report, result.kind, result.records())


def _archive(path: Path, data: bytes, template: Template) -> Document:
    """A zip: a Word document, or a workbook — ours, ours with its tables moved, or made by hand."""
    from model.reading.workbook_reader import NotOwnWorkbook, WorkbookLayoutChanged, read_workbook

    if _zip_has(data, path.name, "word/document.xml"):
        return _published(path, data, template)
    try:
        report, notices = read_workbook(path)
        return Document(report, "workbook", notices)
    except NotOwnWorkbook:
        from model.reading.workbook_source import read_handmade

        result = read_handmade(path, template)
        return Document(result.report, "handmade", result.records())
    except WorkbookLayoutChanged as exc:
        return _edited_workbook(path, exc)


def _edited_workbook(path: Path, exc: WorkbookLayoutChanged) -> Document:
    """One of our workbooks whose tables were moved: its figures by their labels, the rest as saved."""
    from model.reading.workbook_source import read_handmade

    result = read_handmade(path, exc.saved.template, own=True)
    report = exc.saved.copy()
    report.values, report.stated = result.report.values, result.report.stated
    told = changed("workbook-layout-changed", what=exc.what)
    tables = [n for n in result.records() if n.cells or n.rule == LABEL_RULE]
    return Document(report, "edited-workbook", [told, *tables])


_READERS: dict[str, Callable[[Path, bytes, Template], Document]] = {
    ARCHIVE: _archive, REPORT_FILE: _report_file, OLD_OFFICE: _old_office, MISNAMED: _misnamed,
    EMPTY: _empty, PDF: _published, TEXT: _published,
}


def _zip_has(data: bytes, name: str, member: str) -> bool:
    import zipfile

    from model.reading.workbook_reader import check_zip_directory

    try:
        check_zip_directory(data, name)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return member in archive.namelist()
    except (ReportFileError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False  # the workbook reader says what is wrong with it
