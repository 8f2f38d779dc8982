"""What a file is, told by its first bytes: the one decision the registry (documents.read_document) and
the readers share, and the words for files that are no report.

It imports no reader, so every reader may use it without a circle: the registry imports the readers,
never the other way round.
"""

from __future__ import annotations

from pathlib import Path

ZIP_MAGIC = b"PK\x03\x04"  # .xlsx, .docx, .ods and every other zip archive
EMPTY_ZIP = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc, .et, .wps, and encrypted .xlsx/.docx
PDF_MAGIC = b"%PDF"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
#: Files a user may give the program as a report: our report file and workbooks …
REPORT_SUFFIXES = (".json", ".xlsx", ".xlsm")
#: … and published reports. Every kind is read by read_document; the suffixes only filter file dialogs.
PUBLISHED_SUFFIXES = (".docx", ".html", ".htm", ".txt", ".md", ".pdf")
_WORD_SUFFIXES = (".doc", ".docx", ".wps", ".rtf")
#: Other office files that are no report file: a name like this with content that is no zip
#: (often a web page saved as .xls by a reporting system) is not read as JSON.
OTHER_KINDS = {".xls": "Excel 工作簿（.xls）", ".et": "WPS 表格（.et）", ".ods": "OpenDocument 表格（.ods）",
               ".doc": "Word 文档（.doc）", ".docx": "Word 文档（.docx）", ".wps": "WPS 文字（.wps）",
               ".pdf": "PDF 文件"}
_WHAT_WE_READ = ("本程序可以读取报告文件（.json）、Excel 工作簿（.xlsx）、网页（.html）、文字（.txt、.md）、"
                 "Word 文档（.docx）和有文字的 PDF。")
WHAT_WE_IMPORT = ("可以读取的是：从网页或 Word/WPS 复制的报告文字（.txt、.md）、保存的网页（.html）、Word 文档（.docx）、"
                  "有文字的 PDF。")
#: Bytes looked at to decide what a file is.
SNIFF = 4096

# What `sniff` says a file is.
ARCHIVE, REPORT_FILE, OLD_OFFICE, PDF, MISNAMED, EMPTY, TEXT = (
    "archive", "report-file", "old-office", "pdf", "misnamed", "empty", "text")


def sniff(data: bytes, name: str) -> str:
    """What the file is, by its content (its name only where the content cannot tell: a text file named
    .xlsx is a misnamed file, not a page): ARCHIVE (a zip: Word document or workbook), REPORT_FILE,
    OLD_OFFICE, PDF, MISNAMED, EMPTY or TEXT (text or a saved web page)."""
    head = data[:SNIFF]
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP)):
        return ARCHIVE
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return REPORT_FILE
    if head.startswith(OLE2_MAGIC):
        return OLD_OFFICE
    if head.startswith(PDF_MAGIC):
        return PDF
    suffix = Path(name).suffix.lower()
    if suffix in WORKBOOK_SUFFIXES or suffix in OTHER_KINDS:
        return MISNAMED
    if not head.strip():
        return EMPTY
    return PDF if is_pdf(data) else TEXT


def is_pdf(data: bytes) -> bool:
    """A PDF starts with %PDF, after a little junk at most (some servers prepend a line)."""
    return data.startswith(PDF_MAGIC) or data[:1024].lstrip().startswith(PDF_MAGIC)


def old_office_message(name: str) -> str:
    """What to do with an old binary Office file (.doc, .wps, .xls, .et) or an encrypted one."""
    suffix = Path(name).suffix.lower()
    if suffix in (".xls", ".et"):
        return (f"“{name}”是旧版表格文件（{suffix}）或加密的文件，本程序无法直接读取。"
                "请用 WPS 表格或 Excel 打开（有密码的先取消加密），另存为 Excel 工作簿（.xlsx）后再读取。")
    return (f"“{name}”是旧版文字文档（.doc、.wps）、旧版表格（.xls、.et）或加密的文件，本程序无法直接读取。"
            "请用 WPS 或 Word 打开（有密码的先取消加密），文档另存为 Word 文档（.docx）、表格另存为 Excel 工作簿（.xlsx）后再读取，"
            f"或全选复制文字粘贴导入。{WHAT_WE_IMPORT}")


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
    if head.startswith(PDF_MAGIC):
        return f"“{name}”是 PDF 文件，本程序不能从 PDF 读取报告。{_WHAT_WE_READ}"
    if suffix in WORKBOOK_SUFFIXES:
        return f"“{name}”不是有效的 Excel 工作簿（{suffix}）文件，可能已损坏或只是改了扩展名。"
    if suffix in OTHER_KINDS:
        return f"“{name}”的内容不是{OTHER_KINDS[suffix]}（可能只是改了扩展名），本程序无法读取。{_WHAT_WE_READ}"
    return None
