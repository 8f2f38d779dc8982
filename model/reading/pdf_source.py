"""A PDF with a text layer (our own export, one saved from Word/WPS/LibreOffice, a portal's download).

pdfplumber is used because it reads the tables: it finds a table by its ruling lines and gives each
cell's text in its grid position, a merged cell's text in its first position and the positions it covers
empty — exactly what the label locator expects (grid.py). pypdf and pypdfium2 give the text only, in
which a blank cell of a table is lost. Text outside the tables comes as lines, in reading order with the
tables. A PDF without text (a scan) is refused with what to do instead.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

from model.reading.blocks import Block, Paragraph, TableBlock
from model.reading.notices import Notice, remark
from model.report.storage import ReportFileError

#: A report is 5–30 pages; a longer PDF is read up to here (bounded time), with a notice.
MAX_PAGES = 60
#: Characters on a page beyond which it is no report page (a report page holds about 1 000).
MAX_PAGE_CHARS = 20_000
_WHAT_TO_DO = ("请用 WPS 或 Word 打开原文件另存为 Word 文档（.docx）后导入，或从网站保存网页（.html），"
               "也可以在 PDF 阅读器中全选复制文字粘贴导入。")


_PAGE_NUMBER = re.compile(r"^[-—－–]\s*\d{1,3}\s*[-—－–]$|^第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?$|^\d{1,3}$")


@dataclass
class _Line:
    """A line of text outside the tables, with where it stands on its page."""

    text: str
    x0: float
    x1: float
    size: float  # the line's height: about one character's width in Chinese text
    full: bool = False  # reaches the page's right text edge: the paragraph goes on in the next line


class PdfReading:
    """The blocks of a PDF and what the user must be told about reading it."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.notices: list[Notice] = []


def pdf_blocks(data: bytes, name: str) -> PdfReading:
    """The paragraphs and tables of a PDF, in reading order; ReportFileError if it has no text layer."""
    import pdfplumber  # only when a PDF is read
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # a damaged font is no concern of the user
    out = PdfReading()
    chars = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf.pages
            if len(pages) > MAX_PAGES:
                out.notices.append(remark("pdf-pages-cut", name=name, pages=len(pages), read=MAX_PAGES))
            placed: list[_Line | TableBlock] = []
            for page in pages[:MAX_PAGES]:
                if len(page.chars) > MAX_PAGE_CHARS:
                    raise ReportFileError(f"“{name}”第 {page.page_number} 页的文字过多（{len(page.chars)} 个字符），"
                                          "不是年度报告的页面。为防止程序长时间无响应，未读取。")
                chars += len(page.chars)
                placed.extend(_page_items(page))
            out.blocks = _paragraphs(placed)
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise ReportFileError(f"“{name}”是加密的 PDF，无法读取。请取消密码后再导入，或{_WHAT_TO_DO}") from None
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        if isinstance(exc, ReportFileError):
            raise
        raise ReportFileError(f"“{name}”不是有效的 PDF 文件（可能已损坏），无法读取。{_WHAT_TO_DO}") from None
    if chars == 0:
        raise ReportFileError(f"“{name}”是扫描件或图片形式的 PDF（其中没有文字），本程序无法从中读取报告。{_WHAT_TO_DO}")
    return out


def _page_items(page) -> list[_Line | TableBlock]:  # type: ignore[no-untyped-def]  # a pdfplumber Page
    """One page: its tables (cells by position) and the lines of text outside them, top to bottom;
    page numbers left out."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:  # type: ignore[no-untyped-def]
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    placed: list[tuple[float, _Line | TableBlock]] = []
    lines: list[_Line] = []
    for found in page.filter(outside).extract_text_lines(layout=False, strip=True, return_chars=False):
        text = found["text"].strip()
        if text and not _PAGE_NUMBER.match(text):
            line = _Line(text, found["x0"], found["x1"], found["bottom"] - found["top"])
            lines.append(line)
            placed.append((found["top"], line))
    if lines:
        right = max(line.x1 for line in lines)
        for line in lines:
            line.full = line.x1 >= right - 1.5 * line.size
    for table in tables:
        rows = [[_cell(c) for c in row] for row in table.extract()]
        placed.append((table.bbox[1], TableBlock(rows)))
    placed.sort(key=lambda item: item[0])
    return [item for _, item in placed]


def _paragraphs(items: list[_Line | TableBlock]) -> list[Block]:
    """Lines joined into paragraphs: a line that fills the text width goes on in the next line when that
    one starts at the left edge (a new paragraph is indented by two characters), across pages too."""
    left = min((i.x0 for i in items if isinstance(i, _Line)), default=0.0)
    blocks: list[Block] = []
    prev: _Line | None = None
    for item in items:
        if isinstance(item, TableBlock):
            blocks.append(item)
            prev = None
            continue
        if prev is not None and _goes_on(prev, item, left) and isinstance(blocks[-1], Paragraph):
            blocks[-1].text += item.text
        else:
            blocks.append(Paragraph(item.text))
        prev = item
    return blocks


#: A line that starts something new is never the rest of the line above: a section heading, a sub-head
#: （一）, an item 一是 / 1. (web pages printed to PDF do not indent their paragraphs).
_NEW_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．是]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))")
_SENTENCE_END = re.compile(r"[。！？；：:]$")


def _goes_on(prev: _Line, line: _Line, left: float) -> bool:
    """Whether `line` continues the paragraph of `prev`: `prev` fills the text width without ending a
    sentence, and `line` starts at the left edge with nothing that opens a new heading or item."""
    return (prev.full and line.x0 <= left + 0.5 * line.size and not _SENTENCE_END.search(prev.text)
            and not _NEW_START.match(line.text))


def _cell(text: str | None) -> str:
    """A cell's text: a label wrapped over several lines joined again (Chinese has no spaces)."""
    if not text:
        return ""
    return "".join(part.strip() for part in text.split("\n"))
