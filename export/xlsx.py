"""The Excel workbook: export of a report, and reading it back (openpyxl; no Qt).

The workbook has one sheet per table, drawn from the schema grid (spans, borders on every merged cell,
A4, fit to width, repeated header rows, page numbers), the basic information, the texts, the findings,
and a very hidden sheet that carries the whole report file (model.storage.dumps) so that the program
reads its own workbook back exactly. If someone changes numbers in the visible tables afterwards (in
WPS or Excel), the visible tables win: `read_workbook` takes their numbers and says what changed.

Every string goes into a cell through `_put_text`, which stores it as text, never as a formula (a user's
`=SUM(A1)` stays those nine characters), and keeps it within Excel's limits.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from export.errors import ExportError
from model import schema as S
from model.atomic import atomic_path
from model.report import Report
from model.rules import Finding, evaluate
from model.storage import FORMAT_ID, ReportFileError, loads, read_bytes
from model.storage import dumps as dump_report
from model.values import ValueError_, check_number, format_value, parse_text

__all__ = ["ExportError", "read_workbook", "sheet_cell", "sheet_title", "write_workbook"]

# ---------------------------------------------------------------------------------------------------
# Layout constants

#: Sheet names of the tables: 表二/表三/表四 (from the schema) and a short name of the section.
META_SHEET = "基本信息"
TEXT_SHEET = "报告正文"
FINDINGS_SHEET = "校验结果"
DATA_SHEET = "_report"
#: A1 of the hidden sheet; B1 the layout version, C1 the number of chunks, D1 the SHA-256 of the JSON.
DATA_MARKER = f"{FORMAT_ID}/xlsx"
DATA_VERSION = 1
#: Characters per chunk of the report file in the hidden sheet, counted in UTF-16 units as Excel does.
#: Excel takes 32767 in a cell, but LibreOffice breaks a line longer than about 16 000 units when it
#: saves the workbook again, and a JSON string (a whole section) is one line.
CHUNK = 15000
#: Excel's limit for the text of one cell (UTF-16 units).
CELL_LIMIT = 32767
#: A paragraph of the texts is cut into rows of at most this many characters so that every row fits
#: Excel's largest row height (409 pt) and prints whole.
PARAGRAPH_PIECE = 900
MAX_READ_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
DRAFT = "草稿"

TITLE_ROW = 1
GRID_ROW = 2  # sheet row of grid row 0
GRID_COL = 1  # sheet column of grid column 0
#: Total column width (Excel character units) of a table sheet, within the printable width of A4 with
#: the margins below (about 98 units portrait, 142 landscape, counting the padding of each column) so
#: that neither Excel nor LibreOffice needs to scale; fit-to-width is set as well, for other printers.
PORTRAIT_UNITS, LANDSCAPE_UNITS = 92.0, 130.0
LINE_PT = 15.0  # height of one line of 10.5 pt text (宋体 in Excel; CJK fonts of LibreOffice need a little more)
MAX_ROW_PT = 409.0

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = "宋体"
_TITLE_FONT = Font(name="黑体", size=14)
_HEADER_FONT = Font(name=_FONT, size=10.5, bold=True)
_BODY_FONT = Font(name=_FONT, size=10.5)
_TOTAL_FONT = Font(name=_FONT, size=10.5, bold=True)
_NOTE_FONT = Font(name=_FONT, size=10.5, color="808080")
_DRAFT_FONT = Font(name="黑体", size=14, color="C00000")
_HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
_CAPTION_FILL = PatternFill("solid", fgColor="D9D9D9")
_LABEL_FILL = PatternFill("solid", fgColor="F5F5F5")
_TOTAL_FILL = PatternFill("solid", fgColor="EDEDED")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
_MARGINS = PageMargins(left=0.5, right=0.5, top=0.9, bottom=0.8, header=0.4, footer=0.4)
_FOOTER = "第 &P 页，共 &N 页"


def sheet_title(table_key: str) -> str:
    """The sheet of a table, e.g. 表三 依申请公开 (≤ 31 characters, as Excel requires)."""
    numeral = S.TABLE_NUMERALS[table_key]
    short = S.table(table_key).short_title or S.table(table_key).title.split("、", 1)[-1]
    return f"{numeral} {short}"[:31]


def _grid_pos(gc: S.GridCell) -> tuple[int, int]:
    return GRID_ROW + gc.row, GRID_COL + gc.col


_CODE_POS: dict[str, tuple[str, int, int]] = {
    gc.code: (t.key, *_grid_pos(gc)) for t in S.TABLES for gc in t.grid if gc.code is not None
}


def sheet_cell(code: str) -> tuple[str, str]:
    """Where a cell code sits in the workbook: (sheet title, coordinate such as D5)."""
    table_key, row, col = _CODE_POS[code]
    return sheet_title(table_key), f"{get_column_letter(col)}{row}"


# ---------------------------------------------------------------------------------------------------
# Text in cells: never a formula, always within Excel's limits

#: Characters XML 1.0 (and so a workbook) cannot hold; lone surrogates cannot even be encoded.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


#: `_x0041_` in a cell means "A" to Excel; a literal one is written `_x005F_x0041_` (OOXML escaping).
_OOXML_ESCAPE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
_OOXML_ESCAPED = re.compile("_x005F_(?=x[0-9A-Fa-f]{4}_)")


def _clean(text: str) -> str:
    """Line breaks normalised and characters a workbook cannot hold replaced (idempotent)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _XML_ILLEGAL.search(text):
        text = _XML_ILLEGAL.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "\ufffd" if m.group() >= "\ud800"
                                else "", text)
    return text


def _visible(text: str) -> str:
    """Text exactly as it goes into a visible cell: cleaned, `_xHHHH_` escaped, and at most CELL_LIMIT
    characters (with a note saying that the whole text is kept in the report data)."""
    text = _clean(text)
    if "_x" in text:
        text = _OOXML_ESCAPE.sub("_x005F_", text)
    if _utf16_len(text) > CELL_LIMIT:
        note = f"……（内容过长，共 {len(text)} 字，此处只显示开头部分；完整内容保存在本工作簿的报告数据中）"
        text = _cut_utf16(text, CELL_LIMIT - _utf16_len(note)) + note
    return text


def _cut_utf16(text: str, limit: int) -> str:
    """The longest prefix of `text` with at most `limit` UTF-16 units."""
    end = min(len(text), limit)
    while _utf16_len(text[:end]) > limit:
        end -= max(1, (_utf16_len(text[:end]) - limit) // 2)
    return text[:end]


def _split_utf16(text: str, limit: int) -> list[str]:
    pieces = []
    while text:
        piece = _cut_utf16(text, limit)
        pieces.append(piece)
        text = text[len(piece):]
    return pieces


def _put_text(cell: XlCell, text: str | None) -> None:
    """Store `text` as a string: openpyxl would otherwise turn `=…` into a formula and `#N/A` into an error."""
    text = _visible(text) if text else ""
    if not text:
        cell.value = None
        return
    cell.value = text
    cell.data_type = "s"


def _put_value(cell: XlCell, value: Any) -> None:
    """A cell value as a number: counts as int, amounts with the places that were typed (1.2500 stays)."""
    if value is None:
        cell.value = None
    elif isinstance(value, bool) or not isinstance(value, (int, Decimal)) or isinstance(value, Decimal) and (
            not value.is_finite()):
        _put_text(cell, str(value))  # not a valid value; shown as it is (the rules report it)
    elif isinstance(value, int):
        cell.value = value
        cell.number_format = "0"
    else:
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        if places == 0:
            cell.value = int(value)
            cell.number_format = "0"
        else:
            cell.value = float(value)
            cell.number_format = "0." + "0" * min(places, 10)


def _display_width(text: str) -> int:
    """Width in Excel character units: a Chinese character is about two digits wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _lines(text: str, width_units: float) -> int:
    """How many lines `text` takes in a wrapped cell `width_units` wide."""
    avail = max(2.0, width_units * 0.97 - 1.0)
    return sum(max(1, math.ceil(_display_width(line) / avail)) for line in text.split("\n"))


def _row_height(lines: int, line_pt: float = LINE_PT) -> float:
    return min(MAX_ROW_PT, max(20.0, lines * line_pt + 6.0))


# ---------------------------------------------------------------------------------------------------
# Page setup shared by every visible sheet


def _page_header(report: Report) -> str:
    agency = str(report.meta.get("agency") or "").strip()
    year = report.year
    parts = [agency[:60]] if agency else []
    if year is not None:
        parts.append(f"{year} 年度")
    text = " ".join(parts)
    return _clean(text).replace("&", "&&").replace("\n", " ")


def _setup_page(ws: Worksheet, last_row: int, last_col: int, header: str, draft: bool,
                landscape: bool = False, title_rows: tuple[int, int] | None = None) -> None:
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins = _MARGINS
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    if title_rows is not None:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    if header:
        ws.oddHeader.center.text = header
        ws.oddHeader.center.size = 10
    if draft:
        ws.oddHeader.right.text = DRAFT
        ws.oddHeader.right.size = 14
        ws.oddHeader.right.color = "C00000"
    ws.oddFooter.center.text = _FOOTER
    ws.oddFooter.center.size = 10


def _title(ws: Worksheet, text: str, n_cols: int, draft: bool, font: Font = _TITLE_FONT) -> None:
    cell = ws.cell(TITLE_ROW, 1)
    _put_text(cell, f"{text}（{DRAFT}）" if draft else text)
    cell.font = _DRAFT_FONT if draft else font
    cell.alignment = _CENTER
    if n_cols > 1:
        ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=n_cols)
    ws.row_dimensions[TITLE_ROW].height = 32


# ---------------------------------------------------------------------------------------------------
# The table sheets, drawn from the schema grid


def _column_widths(table: S.Table) -> list[float]:
    landscape = _landscape(table)
    total = LANDSCAPE_UNITS if landscape else PORTRAIT_UNITS
    rel = sum(table.col_widths)
    return [round(w / rel * total, 2) for w in table.col_widths]


def _landscape(table: S.Table) -> bool:
    return table.n_cols > 12


def _table_row_heights(table: S.Table, widths: list[float]) -> list[float]:
    """Lines per grid row so that every wrapped label shows; spanning labels share out their lines."""
    need = [1] * table.n_rows
    spanning: list[tuple[S.GridCell, int]] = []
    for gc in table.grid:
        if not gc.text:
            continue
        lines = _lines(gc.text, sum(widths[gc.col:gc.col + gc.colspan]))
        if gc.rowspan == 1:
            need[gc.row] = max(need[gc.row], lines)
        else:
            spanning.append((gc, lines))
    for gc, lines in spanning:
        rows = range(gc.row, gc.row + gc.rowspan)
        have = sum(need[r] for r in rows)
        extra = lines - have
        for i, r in enumerate(rows):
            if extra <= 0:
                break
            add = math.ceil(extra / (len(rows) - i))
            need[r] += add
            extra -= add
    return [_row_height(n) for n in need]


def _write_table(wb: Workbook, table: S.Table, report: Report, computed: dict[str, Any], header: str,
                 draft: bool) -> None:
    ws = wb.create_sheet(sheet_title(table.key))
    widths = _column_widths(table)
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(GRID_COL + i)].width = w
    _title(ws, table.title, table.n_cols, draft)

    for gc in table.grid:
        row, col = _grid_pos(gc)
        cell = ws.cell(row, col)
        fill: PatternFill | None = None
        if gc.role is S.Role.VALUE:
            assert gc.code is not None
            derived = S.CELLS[gc.code].derived
            _put_value(cell, computed.get(gc.code) if derived else report.values.get(gc.code))
            cell.font = _TOTAL_FONT if derived else _BODY_FONT
            cell.alignment = _CENTER
            fill = _TOTAL_FILL if derived else None
        else:
            _put_text(cell, gc.text)
            if gc.role is S.Role.LABEL:
                cell.font = _BODY_FONT
                cell.alignment = _CENTER if gc.rowspan > 1 else _LEFT
                fill = _LABEL_FILL
            else:
                cell.font = _HEADER_FONT
                cell.alignment = _CENTER
                fill = _CAPTION_FILL if gc.role is S.Role.CAPTION else _HEADER_FILL
        end_row, end_col = row + gc.rowspan - 1, col + gc.colspan - 1
        if gc.rowspan > 1 or gc.colspan > 1:
            ws.merge_cells(start_row=row, start_column=col, end_row=end_row, end_column=end_col)
        # openpyxl draws a merged range's border from its top-left cell only: set it on every cell.
        for r in range(row, end_row + 1):
            for c in range(col, end_col + 1):
                part = ws.cell(r, c)
                part.border = BORDER
                if fill is not None:
                    part.fill = fill

    for r, height in enumerate(_table_row_heights(table, widths)):
        ws.row_dimensions[GRID_ROW + r].height = height
    last_row = GRID_ROW + table.n_rows - 1
    title_rows = (GRID_ROW, GRID_ROW + table.header_rows - 1) if table.header_rows else None
    if table.header_rows:
        ws.freeze_panes = ws.cell(GRID_ROW + table.header_rows, 1)
    _setup_page(ws, last_row, GRID_COL + table.n_cols - 1, header, draft, _landscape(table), title_rows)


# ---------------------------------------------------------------------------------------------------
# Basic information, texts, findings


def _meta_rows(report: Report) -> list[tuple[str, Any]]:
    """(label, value) rows of the 基本信息 sheet; labels and choice names come from the schema."""
    rows: list[tuple[str, Any]] = [("报告标题", report.title)]
    for f in S.META_FIELDS:
        value = report.meta.get(f.key)
        if f.kind == "choice" and isinstance(value, str):
            value = dict(f.choices).get(value, value)
        elif isinstance(value, bool) or value is not None and not isinstance(value, (int, str)):
            value = str(value)
        rows.append((f.label, value))
    rows.append(("报告格式", f"《{S.FORMAT_TITLE}》（{S.FORMAT_DOC}）"))
    return rows


_META_FIRST = 3  # row 2 holds the column headers


def _write_meta(wb: Workbook, report: Report, header: str, draft: bool) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 64
    _title(ws, META_SHEET, 2, draft)
    for col, text in ((1, "项目"), (2, "内容")):
        cell = ws.cell(2, col)
        _put_text(cell, text)
        cell.font, cell.alignment, cell.fill, cell.border = _HEADER_FONT, _CENTER, _HEADER_FILL, BORDER
    rows = _meta_rows(report)
    for i, (label, value) in enumerate(rows):
        r = _META_FIRST + i
        a, b = ws.cell(r, 1), ws.cell(r, 2)
        _put_text(a, label)
        if isinstance(value, int) and not isinstance(value, bool):
            b.value = value
            b.number_format = "0"
        else:
            _put_text(b, value)
        a.font, a.alignment, a.fill, a.border = _BODY_FONT, _LEFT, _LABEL_FILL, BORDER
        b.font, b.alignment, b.border = _BODY_FONT, _LEFT, BORDER
        ws.row_dimensions[r].height = _row_height(_lines(str(value or ""), 64))
    _setup_page(ws, _META_FIRST + len(rows) - 1, 2, header, draft)


@dataclass(frozen=True)
class _TextRow:
    kind: str  # heading | para | ref | empty
    text: str
    link: str = ""  # a sheet to link to (kind "ref")


def _text_rows(report: Report) -> list[_TextRow]:
    """The rows of the 报告正文 sheet: the preamble and the six sections in order, one paragraph a row."""
    rows: list[_TextRow] = []

    def paragraphs(key: str) -> None:
        text = _clean(report.text(key))
        paras = [p for p in text.split("\n") if p.strip()]
        if not paras:
            rows.append(_TextRow("empty", "（未填写）"))
        for p in paras:
            rows.extend(_TextRow("para", piece) for piece in _split_utf16(p, PARAGRAPH_PIECE))

    rows.append(_TextRow("heading", S.PREAMBLE_LABEL))
    paragraphs("preamble")
    for sec in S.SECTIONS:
        rows.append(_TextRow("heading", sec.heading))
        if sec.table is not None:
            title = sheet_title(sec.table)
            rows.append(_TextRow("ref", f"（见工作表“{title}”）", title))
        else:
            paragraphs(sec.key)
    return rows


_TEXT_FIRST = 2
_TEXT_WIDTH = 80.0


def _write_texts(wb: Workbook, report: Report, header: str, draft: bool) -> None:
    ws = wb.create_sheet(TEXT_SHEET)
    ws.column_dimensions["A"].width = _TEXT_WIDTH
    _title(ws, report.title, 1, draft, Font(name="黑体", size=16))
    ws.row_dimensions[TITLE_ROW].height = _row_height(_lines(report.title, _TEXT_WIDTH), 22)
    rows = _text_rows(report)
    for i, row in enumerate(rows):
        r = _TEXT_FIRST + i
        cell = ws.cell(r, 1)
        _put_text(cell, row.text)
        cell.alignment = _TOP_LEFT
        if row.kind == "heading":
            cell.font = Font(name="黑体", size=12)
            ws.row_dimensions[r].height = 24
            continue
        cell.font = _NOTE_FONT if row.kind in ("empty", "ref") else _BODY_FONT
        if row.link:
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{row.link}'!A1")
        ws.row_dimensions[r].height = _row_height(_lines(row.text, _TEXT_WIDTH))
    _setup_page(ws, _TEXT_FIRST + len(rows) - 1, 1, header, draft)


_FINDING_COLUMNS = (("级别", 8), ("规则", 8), ("内容", 54), ("涉及单元格", 28), ("说明", 36))


def _cells_text(codes: Iterable[str]) -> str:
    """Where the cells of a finding are, grouped by sheet: 表三 依申请公开：D5、E5."""
    by_sheet: dict[str, list[str]] = {}
    for code in codes:
        if code in _CODE_POS:
            title, coord = sheet_cell(code)
            by_sheet.setdefault(title, []).append(coord)
    return "；".join(f"{title}：{'、'.join(coords)}" for title, coords in by_sheet.items())


def _write_findings(wb: Workbook, report: Report, findings: list[Finding], header: str, draft: bool) -> None:
    ws = wb.create_sheet(FINDINGS_SHEET)
    n_cols = len(_FINDING_COLUMNS)
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.severity.label] = counts.get(f.severity.label, 0) + 1
    summary = "、".join(f"{label} {n} 条" for label, n in counts.items())
    _title(ws, f"{FINDINGS_SHEET}（共 {len(findings)} 条：{summary}）" if findings else FINDINGS_SHEET,
           n_cols, draft)
    for i, (label, width) in enumerate(_FINDING_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        cell = ws.cell(2, i)
        _put_text(cell, label)
        cell.font, cell.alignment, cell.fill, cell.border = _HEADER_FONT, _CENTER, _HEADER_FILL, BORDER
    if not findings:
        cell = ws.cell(3, 1)
        _put_text(cell, "未发现问题。")
        cell.font, cell.alignment = _BODY_FONT, _LEFT
        ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=n_cols)
    for i, f in enumerate(findings):
        r = 3 + i
        texts = (f.severity.label, f.rule, f.message, _cells_text(f.cells), f.explanation)
        lines = 1
        for c, (text, (_, width)) in enumerate(zip(texts, _FINDING_COLUMNS, strict=True), start=1):
            cell = ws.cell(r, c)
            _put_text(cell, text)
            cell.font, cell.border = _BODY_FONT, BORDER
            cell.alignment = _CENTER if c <= 2 else _LEFT
            lines = max(lines, _lines(_visible(text), width))
        if f.cells and f.cells[0] in _CODE_POS:
            title, coord = sheet_cell(f.cells[0])
            link_cell = ws.cell(r, 4)
            link_cell.hyperlink = Hyperlink(ref=link_cell.coordinate, location=f"'{title}'!{coord}")
        ws.row_dimensions[r].height = _row_height(lines)
    last = max(3, 2 + len(findings))
    _setup_page(ws, last, n_cols, header, draft, landscape=True, title_rows=(2, 2))


# ---------------------------------------------------------------------------------------------------
# The hidden sheet: the whole report file


def _data_text(report: Report) -> str:
    """The report file as stored in the hidden sheet.

    Inside JSON strings a character and its \\u escape are the same, so characters a workbook cannot hold
    are escaped, and so is `_`: Excel reads `_x0041_` in a cell as an escape and openpyxl drops `x005F_`,
    and neither may change the stored report.
    """
    text = dump_report(report)
    return re.sub("[_\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]",
                  lambda m: f"\\u{ord(m.group()):04x}", text)


def _write_data(wb: Workbook, report: Report) -> None:
    ws = wb.create_sheet(DATA_SHEET)
    text = _data_text(report)
    chunks = _split_utf16(text, CHUNK)
    _put_text(ws.cell(1, 1), DATA_MARKER)
    ws.cell(1, 2).value = DATA_VERSION
    ws.cell(1, 3).value = len(chunks)
    _put_text(ws.cell(1, 4), hashlib.sha256(text.encode("utf-8")).hexdigest())
    for i, chunk in enumerate(chunks):
        cell = ws.cell(2 + i, 1)
        cell.value = chunk  # already free of characters a cell cannot hold
        cell.data_type = "s"
    ws.sheet_state = "veryHidden"


# ---------------------------------------------------------------------------------------------------
# Writing


def build_workbook(report: Report, findings: list[Finding] | None = None, draft: bool = False) -> Workbook:
    """The workbook for `report`, in memory (write_workbook saves it)."""
    if findings is None:
        findings = evaluate(report)
    computed = report.computed()
    header = _page_header(report)
    wb = Workbook()
    wb.remove(wb.active)
    for table in S.TABLES:
        _write_table(wb, table, report, computed, header, draft)
    _write_meta(wb, report, header, draft)
    _write_texts(wb, report, header, draft)
    _write_findings(wb, report, findings, header, draft)
    _write_data(wb, report)
    wb.active = 0
    props = wb.properties
    props.title = _clean(report.title)[:255]
    props.creator = "政务公开年报助手"
    props.lastModifiedBy = "政务公开年报助手"
    return wb


def write_workbook(report: Report, path: str | os.PathLike[str], findings: list[Finding] | None = None,
                   draft: bool = False) -> None:
    """Write the workbook of `report` to `path` atomically; raise ExportError with a Chinese message.

    `findings` default to evaluate(report); `draft` marks every visible sheet as 草稿.
    """
    wb = build_workbook(report, findings, draft)
    with atomic_path(path, "工作簿", ExportError) as tmp:
        wb.save(tmp)


# ---------------------------------------------------------------------------------------------------
# Reading


def read_workbook(path: str | os.PathLike[str]) -> tuple[Report, list[str]]:
    """Read a workbook this program exported: the report, and notices (Chinese) about what was changed.

    The hidden sheet gives the report exactly; numbers typed into the visible tables afterwards win over
    it, and visible totals that differ from the sums become stated totals for the rules to check.
    Anything that is not such a workbook raises ReportFileError with a Chinese message.
    """
    path = Path(path)
    name = path.name
    data = read_bytes(path, MAX_READ_BYTES, "本程序导出的工作簿")
    if not data.startswith(b"PK\x03\x04"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise ReportFileError(f"“{name}”是旧版 Excel（.xls）或加密的文件，不是本程序导出的工作簿（.xlsx）。")
        raise ReportFileError(f"“{name}”不是 Excel 工作簿（.xlsx）。")
    _check_zip(data, name)
    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # any failure of the parser is a bad file, never a traceback for the user
        raise ReportFileError(f"“{name}”已损坏或不是有效的 Excel 工作簿，无法读取（{type(exc).__name__}）。") from None
    report = _read_data(wb, name)
    notices: list[str] = []
    _read_tables(wb, report, notices)
    _compare_texts(wb, report, notices)
    return report, notices


def _check_zip(data: bytes, name: str) -> None:
    """Refuse a damaged archive, and one that would unpack to an absurd size (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ReportFileError(f"“{name}”已损坏或不完整，无法作为 Excel 工作簿打开。") from None
    if total > MAX_UNZIPPED_BYTES:
        raise ReportFileError(f"“{name}”解压后过大，不是本程序导出的工作簿。")


def _read_data(wb: Workbook, name: str) -> Report:
    not_ours = (f"“{name}”不是本程序导出的工作簿（其中没有本程序保存的报告数据），无法读取。"
                "请在本程序中新建报告，再把数字填入或粘贴到表格中。")
    if DATA_SHEET not in wb.sheetnames:
        raise ReportFileError(not_ours)
    ws = wb[DATA_SHEET]
    if ws.cell(1, 1).value != DATA_MARKER:
        raise ReportFileError(not_ours)
    version, n_chunks = _whole(ws.cell(1, 2).value), _whole(ws.cell(1, 3).value)
    digest = ws.cell(1, 4).value
    if version is None or version < 1:
        raise ReportFileError(f"“{name}”中保存的报告数据已损坏，无法读取。")
    if version > DATA_VERSION:
        raise ReportFileError(f"“{name}”由更新版本的程序导出（工作簿版本 {version}），请升级本程序后再打开。")
    if n_chunks is None or not 0 < n_chunks <= ws.max_row:
        raise ReportFileError(f"“{name}”中保存的报告数据已损坏，无法读取。")
    chunks = [ws.cell(2 + i, 1).value for i in range(n_chunks)]
    if not all(isinstance(c, str) for c in chunks):
        raise ReportFileError(f"“{name}”中保存的报告数据不完整，无法读取。")
    text = "".join(chunks)
    if digest != hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest():
        raise ReportFileError(f"“{name}”中保存的报告数据不完整或已被改动，无法读取。")
    return loads(text, name)


def _whole(value: Any) -> int | None:
    """An integer as a spreadsheet program may have saved it (2 or 2.0), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) else None


def _parse_cell(code: str, raw: Any, where: str) -> Any:
    """A visible cell's content as a value for `code` (None when blank); ReportFileError if not a number."""
    try:
        if raw is None:
            return None
        if isinstance(raw, str):
            return parse_text(code, raw)
        return check_number(code, raw)
    except ValueError_ as exc:
        raise ReportFileError(f"{exc}（位置：{where}）") from None


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return bool(a == b)
    except TypeError:
        return False


def _shown(value: Any) -> str:
    return "空白" if value is None else format_value(value)


def _read_tables(wb: Workbook, report: Report, notices: list[str]) -> None:
    exported = report.computed()  # what the visible totals showed when the workbook was written
    visible_totals: dict[str, Any] = {}
    for table in S.TABLES:
        title = sheet_title(table.key)
        if title not in wb.sheetnames:
            notices.append(f"工作簿中没有工作表“{title}”（已被删除或改名），{S.TABLE_NUMERALS[table.key]}的数字以导出时保存的数据为准。")
            continue
        ws = wb[title]
        _check_labels(ws, table, title)
        for gc in table.grid:
            if gc.code is None:
                continue
            row, col = _grid_pos(gc)
            cell = ws.cell(row, col)
            where = f"工作表“{title}”的 {cell.coordinate} 单元格"
            value = _parse_cell(gc.code, cell.value, where)
            if S.CELLS[gc.code].derived:
                visible_totals[gc.code] = value
                continue
            before = report.values.get(gc.code)
            if not _same(value, before):
                report.set_value(gc.code, value)
                notices.append(f"{S.CELLS[gc.code].name}：导出时为 {_shown(before)}，现为 {_shown(value)}，以表格中的数字为准。")
    for code, value in visible_totals.items():
        if value is None:
            report.stated.pop(code, None)
        else:
            report.stated[code] = value
        before = exported.get(code)
        if not _same(value, before):
            notices.append(f"{S.CELLS[code].name}：导出时为 {_shown(before)}，现为 {_shown(value)}，"
                           "以表格中的数字为准（校验时与各项之和核对）。")


def _check_labels(ws: Worksheet, table: S.Table, title: str) -> None:
    """Refuse a table whose rows or columns were moved: its numbers cannot be read by position."""
    for gc in table.grid:
        if not gc.text:
            continue
        row, col = _grid_pos(gc)
        cell = ws.cell(row, col)
        value = cell.value
        if not (isinstance(value, str) and value.strip() == _visible(gc.text).strip()):
            raise ReportFileError(
                f"工作表“{title}”的表格结构已被改动（{cell.coordinate} 单元格应为“{gc.text}”），无法按位置读取其中的数字。"
                "请恢复原来的行列，或在本程序中修改数字。")


def _cell_text(value: Any) -> str:
    """A cell's content for comparing with what was written. openpyxl leaves `_x005F_` in inline strings
    but deletes every `x005F_` from shared strings (those of a workbook saved by Excel, WPS, LibreOffice),
    so both are compared without it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _OOXML_ESCAPED.sub("_", value).replace("x005F_", "")
    return repr(value) if isinstance(value, float) else format_value(value)


def _compare_texts(wb: Workbook, report: Report, notices: list[str]) -> None:
    """Say so when the basic information or the texts were edited in the workbook: they are not read back."""
    expected: dict[str, list[tuple[int, int, str | None]]] = {
        META_SHEET: [(_META_FIRST + i, c, v if isinstance(v, str) or v is None else _cell_text(v))
                     for i, row in enumerate(_meta_rows(report)) for c, v in enumerate(row, start=1)],
        TEXT_SHEET: [(_TEXT_FIRST + i, 1, row.text) for i, row in enumerate(_text_rows(report))],
    }
    for title, cells in expected.items():
        if title not in wb.sheetnames:
            continue
        ws = wb[title]
        changed = next((r for r, c, text in cells
                        if _cell_text(ws.cell(r, c).value) != _cell_text(_visible(text) if text else None)), None)
        last = cells[-1][0] if cells else 0
        if changed is None and ws.max_row > last and any(
                ws.cell(r, c).value not in (None, "") for r in range(last + 1, ws.max_row + 1)
                for c in range(1, ws.max_column + 1)):
            changed = last + 1
        if changed is not None:
            notices.append(f"工作表“{title}”中的内容在导出后被修改过（第 {changed} 行起）。本程序只读回表格中的数字，"
                           f"{'基本信息' if title == META_SHEET else '报告文字'}仍以导出时保存的内容为准；如需修改，请在本程序中修改。")
