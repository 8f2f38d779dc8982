"""A Word document (.docx), as offices finish and publish their reports, read with python-docx.

The archive is checked before python-docx sees it, with the same checks as the workbook reader (how
many parts, how large each unpacks, how much it is compressed): a docx is a zip like an xlsx. Body
paragraphs and tables are read in order, content controls included. python-docx repeats a merged
cell in every grid position it covers (`row.cells`); here its text stands in the first position only
and the others are blank, as the locator expects. python-docx is imported only here, when a .docx is
imported, so that it costs nothing at start-up.
"""

from __future__ import annotations

import io
import zipfile

from model.reading.blocks import Block, Paragraph, TableBlock
from model.report.storage import ReportFileError

#: Rows of one table beyond this are not read (the format's largest table has 28; python-docx finds a
#: vertically merged cell's origin row by row, so a huge merged table would take quadratic time).
MAX_TABLE_ROWS = 400
MAX_TABLE_COLS = 64
#: A picture (a seal, a scanned page) may be large; it is kept by python-docx but never parsed by us.
MAX_MEDIA_BYTES = 60 * 1024 * 1024
MAX_DOCX_UNZIPPED = 160 * 1024 * 1024
_MB = 1024 * 1024


def docx_blocks(data: bytes, name: str) -> list[Block]:
    """The paragraphs and tables of a .docx in document order; ReportFileError if it is none or unsafe."""
    from model.reading.workbook_reader import check_zip_directory, check_zip_sizes  # one set of zip checks

    try:
        check_zip_directory(data, name)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_media(infos, name)
            check_zip_sizes([i for i in infos if not _is_media(i.filename)], name)
            names = {info.filename for info in infos}
    except _MediaTooLarge as exc:
        raise ReportFileError(str(exc)) from None
    except ReportFileError:  # its words are about workbooks: say it of a Word document
        raise ReportFileError(f"“{name}”不是可以读取的 Word 文档：部件过多、文字部分解压后过大或压缩比异常"
                              "（可能是恶意构造的文件），或已加密、已损坏。为防止程序长时间无响应或内存不足，未读取。") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ReportFileError(f"“{name}”已损坏或不完整，无法作为 Word 文档（.docx）读取。") from None
    if "word/document.xml" not in names:
        if "xl/workbook.xml" in names:
            raise ReportFileError(f"“{name}”是 Excel 工作簿，不是发布的年度报告。本程序导出的工作簿请直接打开；"
                                  "手工填写的统计表请用“汇总”读取。")
        if "content.xml" in names and "mimetype" in names:
            raise ReportFileError(f"“{name}”是 OpenDocument 文档（.odt 等），请用 WPS 或 Word 另存为 Word 文档（.docx）后导入。")
        raise ReportFileError(f"“{name}”是压缩文件，不是 Word 文档（.docx），无法导入。")

    import docx  # python-docx: only when a .docx is imported
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx and lxml raise many kinds for a damaged package
        raise ReportFileError(f"“{name}”已损坏或不是有效的 Word 文档（.docx），无法读取。") from None

    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    blocks: list[Block] = []
    p_tag, tbl_tag, sdt_tag, content_tag = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")

    def walk(parent: object, element: object) -> None:
        for child in element.iterchildren():  # type: ignore[attr-defined]
            if child.tag == p_tag:
                text = DocxParagraph(child, parent).text  # type: ignore[arg-type]
                blocks.extend(Paragraph(line) for line in text.split("\n"))
            elif child.tag == tbl_tag:
                blocks.append(_table(Table(child, parent), name))  # type: ignore[arg-type]
            elif child.tag == sdt_tag:
                for content in child.iterchildren(content_tag):
                    walk(parent, content)

    body = document.element.body
    _bound_spans(body)
    walk(document._body, body)  # noqa: SLF001 - the body's parent object for python-docx's proxies
    return blocks


def _table(table: object, name: str) -> TableBlock:
    rows = table.rows  # type: ignore[attr-defined]
    if len(rows) > MAX_TABLE_ROWS:
        return TableBlock([[f"（“{name}”中有一个 {len(rows)} 行的表格，过大，未读取）"]])
    grid: list[list[str]] = []
    seen: set[object] = set()  # the cells' XML elements, kept alive so that identity stays meaningful
    for row in rows:
        try:
            row_cells = row.cells[:MAX_TABLE_COLS]
            before = getattr(row, "grid_cols_before", 0)
        except (ValueError, IndexError, TypeError):  # spans that do not fit the table's grid
            grid.append([_tc_text(tc) for tc in row._tr.tc_lst[:MAX_TABLE_COLS]])  # noqa: SLF001
            continue
        cells: list[str] = [""] * before
        for cell in row_cells:
            tc = cell._tc  # noqa: SLF001 - the cell's XML element: the same for every merged position
            if tc in seen:
                cells.append("")
                continue
            seen.add(tc)
            cells.append("".join(cell.text.split("\n")).strip())
        grid.append(cells)
    return TableBlock(grid)


class _MediaTooLarge(ReportFileError):
    """A picture too large to keep in memory: said as what it is, not as a malicious file."""


def _is_media(part: str) -> bool:
    return part.startswith(("word/media/", "word/embeddings/")) or not part.endswith((".xml", ".rels"))


def _check_media(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Pictures and embedded files: bounded in size (they are held in memory), never parsed."""
    total = sum(i.file_size for i in infos)
    if total > MAX_DOCX_UNZIPPED:
        raise _MediaTooLarge(f"“{name}”解压后共 {total // _MB} MB（多为图片），超过本程序读取的上限 "
                             f"{MAX_DOCX_UNZIPPED // _MB} MB，未读取。请删去或压缩文档中的图片后另存再导入。")
    for info in infos:
        if not _is_media(info.filename):
            continue
        if info.file_size > MAX_MEDIA_BYTES or (info.file_size > MAX_MEDIA_BYTES // 4
                                                and info.file_size > 200 * max(1, info.compress_size)):
            raise _MediaTooLarge(f"“{name}”中的图片或附件“{info.filename}”解压后有 {info.file_size // _MB} MB，"
                                 f"超过本程序读取的上限，未读取。请删去或压缩这张图片后另存再导入。")


def _bound_spans(body: object) -> None:
    """Clamp w:gridSpan, w:gridBefore and w:gridAfter to the table's real width (its w:gridCol count):
    python-docx lays out one position per spanned column, so a span of 10^9 would take gigabytes."""
    from docx.oxml.ns import qn

    val = qn("w:val")
    for tbl in body.iter(qn("w:tbl")):  # type: ignore[attr-defined]
        grid = tbl.find(qn("w:tblGrid"))
        width = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
        rows = tbl.findall(qn("w:tr"))
        if not width:
            width = max((len(tr.findall(qn("w:tc"))) for tr in rows), default=1)
        width = max(1, min(width, MAX_TABLE_COLS))
        for tag in ("w:gridSpan", "w:gridBefore", "w:gridAfter"):
            for el in tbl.iter(qn(tag)):
                raw = el.get(val) or ""
                n = int(raw) if raw.isdigit() and len(raw) <= 6 else width + 1
                if n > width or n < 0:
                    el.set(val, str(width))


def _tc_text(tc: object) -> str:
    """A cell's text straight from its XML, for a row whose spans python-docx cannot lay out."""
    from docx.oxml.ns import qn

    t = qn("w:t")
    return "".join(el.text or "" for el in tc.iter(t)).strip()  # type: ignore[attr-defined]
