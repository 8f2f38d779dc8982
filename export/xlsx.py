"""The Excel workbook of a report (openpyxl; no Qt): the writer only.

The workbook has one sheet per table, drawn from the grid of the report's own format (report.template:
spans, borders on every merged cell, A4, fit to width, repeated header rows, page numbers), the basic
information, the texts, the findings, and a very hidden sheet that carries the whole report file
(model.report.storage.dumps) so that the program reads its own workbook back exactly. Where everything
sits is model.reading.workbook_layout, shared with the reader (model.reading.workbook_reader).

Every number is the figure Report.figures() decides for every output. A total is an Excel formula, =SUM of
the cells the format says it adds up (`Cell.sum_of`), which evaluates to that figure and follows when a
superior corrects a part in WPS or Excel; the reader takes such a total as the sum of its parts and never
needs the value a spreadsheet program cached. Every string goes into a cell through
export.cell_text.put_text, which stores it as text, never as a formula (a user's `=SUM(A1)` stays
those nine characters), and keeps it within Excel's limits. Whether the workbook is a 草稿 is the
caller's verdict (model.checks.verdict, model.many_reports.aggregate): the writer never decides it.
"""

from __future__ import annotations

import math
import os
import unicodedata
from copy import copy
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from export.cell_text import put_text
from export.errors import ExportError
from export.layout import DRAFT_WORD as DRAFT
from model.checks.rules import Finding, evaluate
from model.files.atomic import atomic_path
from model.files.text_clean import clean_text
from model.reading.workbook_layout import (
    DATA_MARKER,
    DATA_SHEET,
    DATA_VERSION,
    FINDINGS_SHEET,
    GRID_COL,
    GRID_ROW,
    META_FIRST,
    META_SHEET,
    TEXT_FIRST,
    TEXT_SHEET,
    TITLE_ROW,
    code_positions,
    data_chunks,
    data_digest,
    data_text,
    grid_pos,
    meta_rows,
    sheet_cell,
    sheet_title,
    text_rows,
    visible,
)
from model.report.report import Report
from model.template.template import Template
from model.template.types import GridCell, Role, Table

__all__ = ["ExportError", "build_workbook", "mark_draft", "sheet_cell", "sheet_title", "write_workbook"]

# ---------------------------------------------------------------------------------------------------
# Page and cell styles

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


# ---------------------------------------------------------------------------------------------------
# Values in cells: text never a formula, numbers with the places typed


def _put_value(cell: XlCell, value: Any) -> None:
    """A cell value as a number: counts as int, amounts with the places that were typed (1.2500 stays)."""
    if value is None:
        cell.value = None
    elif isinstance(value, bool) or not isinstance(value, (int, Decimal)) or isinstance(value, Decimal) and (
            not value.is_finite()):
        put_text(cell, str(value))  # not a valid value; shown as it is (the rules report it)
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


def sum_formula(code: str, template: Template) -> str:
    """The formula of a total on its sheet: =SUM of the parts the format names, as ranges where they are
    adjacent (表三: =SUM(D5:I5) across a row, =SUM(D7:D27) down a column), as a person would write it."""
    pos = code_positions(template)
    parts = template.cells[code].sum_of
    places = sorted((pos[part][1], pos[part][2]) for part in parts)
    assert all(pos[part][0] is pos[code][0] for part in parts)
    runs: list[list[tuple[int, int]]] = []
    for row, col in places:
        if runs:
            (r0, c0), (r1, c1) = runs[-1][0], runs[-1][-1]
            if (r0 == r1 == row and col == c1 + 1) or (c0 == c1 == col and row == r1 + 1):
                runs[-1].append((row, col))
                continue
        runs.append([(row, col)])
    refs = [f"{get_column_letter(run[0][1])}{run[0][0]}"
            + (f":{get_column_letter(run[-1][1])}{run[-1][0]}" if len(run) > 1 else "") for run in runs]
    return f"=SUM({','.join(refs)})"


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
    return clean_text(text).replace("&", "&&").replace("\n", " ")


def mark_draft(ws: Worksheet) -> None:
    """The 草稿 mark in the header of every printed page of `ws`, large and red at the right."""
    ws.oddHeader.right.text = DRAFT
    ws.oddHeader.right.size = 14
    ws.oddHeader.right.color = "C00000"


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
        mark_draft(ws)
    ws.oddFooter.center.text = _FOOTER
    ws.oddFooter.center.size = 10


def _title(ws: Worksheet, text: str, n_cols: int, draft: bool, font: Font = _TITLE_FONT) -> None:
    cell = ws.cell(TITLE_ROW, 1)
    put_text(cell, f"{text}（{DRAFT}）" if draft else text)
    cell.font = _DRAFT_FONT if draft else font
    cell.alignment = _CENTER
    if n_cols > 1:
        ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=n_cols)
    ws.row_dimensions[TITLE_ROW].height = 32


# ---------------------------------------------------------------------------------------------------
# The table sheets, drawn from the grid of the report's format


class _CellStyles:
    """The styles of one sheet's table cells by what they are made of (the constants above, and BORDER on
    every cell). openpyxl hashes every part of a style on each assignment, a third of the workbook's time;
    a cell whose combination was seen before takes that cell's style ready-made. Keys are the identities
    of module-level style objects, which live as long as the program."""

    def __init__(self) -> None:
        self._made: dict[tuple[int, int, int, str], Any] = {}

    def apply(self, cell: XlCell, font: Font | None, alignment: Alignment | None, fill: PatternFill | None) -> None:
        key = (id(font), id(alignment), id(fill), cell.number_format)
        made = self._made.get(key)
        if made is not None:
            cell._style = copy(made)
            return
        if font is not None:
            cell.font = font
        if alignment is not None:
            cell.alignment = alignment
        if fill is not None:
            cell.fill = fill
        cell.border = BORDER
        self._made[key] = copy(cell._style)


def _column_widths(table: Table) -> list[float]:
    landscape = _landscape(table)
    total = LANDSCAPE_UNITS if landscape else PORTRAIT_UNITS
    rel = sum(table.col_widths)
    return [round(w / rel * total, 2) for w in table.col_widths]


def _landscape(table: Table) -> bool:
    return table.n_cols > 12


def _table_row_heights(table: Table, widths: list[float]) -> list[float]:
    """Lines per grid row so that every wrapped label shows; spanning labels share out their lines."""
    need = [1] * table.n_rows
    spanning: list[tuple[GridCell, int]] = []
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


def _write_table(wb: Workbook, table: Table, figures: dict[str, Any], template: Template, header: str,
                 draft: bool) -> None:
    """One table sheet. Every number is the figure Report.figures() decided, inputs as values; a total is
    written as the =SUM formula of its parts, which a spreadsheet program evaluates to that same figure
    (the inputs it sums are those figures), and which follows when a superior corrects a part."""
    ws = wb.create_sheet(sheet_title(table))
    widths = _column_widths(table)
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(GRID_COL + i)].width = w
    _title(ws, table.title, table.n_cols, draft)

    styles = _CellStyles()
    for gc in table.grid:
        row, col = grid_pos(gc)
        cell = ws.cell(row, col)
        if gc.role is Role.VALUE:
            assert gc.code is not None
            derived = template.cells[gc.code].derived
            if derived:
                cell.value = sum_formula(gc.code, template)
                cell.number_format = "0"
            else:
                _put_value(cell, figures.get(gc.code))
            font, alignment = (_TOTAL_FONT if derived else _BODY_FONT), _CENTER
            fill = _TOTAL_FILL if derived else None
        else:
            put_text(cell, gc.text)
            if gc.role is Role.LABEL:
                font, alignment, fill = _BODY_FONT, (_CENTER if gc.rowspan > 1 else _LEFT), _LABEL_FILL
            else:
                font, alignment = _HEADER_FONT, _CENTER
                fill = _CAPTION_FILL if gc.role is Role.CAPTION else _HEADER_FILL
        end_row, end_col = row + gc.rowspan - 1, col + gc.colspan - 1
        if gc.rowspan > 1 or gc.colspan > 1:  # before any border: merging copies borders to the edges
            ws.merge_cells(start_row=row, start_column=col, end_row=end_row, end_column=end_col)
        styles.apply(cell, font, alignment, fill)
        # openpyxl draws a merged range's border from its top-left cell only: set it on every cell.
        for r in range(row, end_row + 1):
            for c in range(col, end_col + 1):
                if (r, c) != (row, col):
                    styles.apply(ws.cell(r, c), None, None, fill)

    for r, height in enumerate(_table_row_heights(table, widths)):
        ws.row_dimensions[GRID_ROW + r].height = height
    last_row = GRID_ROW + table.n_rows - 1
    title_rows = (GRID_ROW, GRID_ROW + table.header_rows - 1) if table.header_rows else None
    if table.header_rows:
        ws.freeze_panes = ws.cell(GRID_ROW + table.header_rows, 1)
    _setup_page(ws, last_row, GRID_COL + table.n_cols - 1, header, draft, _landscape(table), title_rows)


# ---------------------------------------------------------------------------------------------------
# Basic information, texts, findings


def _write_meta(wb: Workbook, report: Report, header: str, draft: bool) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 64
    _title(ws, META_SHEET, 2, draft)
    for col, text in ((1, "项目"), (2, "内容")):
        cell = ws.cell(2, col)
        put_text(cell, text)
        cell.font, cell.alignment, cell.fill, cell.border = _HEADER_FONT, _CENTER, _HEADER_FILL, BORDER
    rows = meta_rows(report)
    for i, (label, value) in enumerate(rows):
        r = META_FIRST + i
        a, b = ws.cell(r, 1), ws.cell(r, 2)
        put_text(a, label)
        if isinstance(value, int) and not isinstance(value, bool):
            b.value = value
            b.number_format = "0"
        else:
            put_text(b, value)
        a.font, a.alignment, a.fill, a.border = _BODY_FONT, _LEFT, _LABEL_FILL, BORDER
        b.font, b.alignment, b.border = _BODY_FONT, _LEFT, BORDER
        ws.row_dimensions[r].height = _row_height(_lines(str(value or ""), 64))
    _setup_page(ws, META_FIRST + len(rows) - 1, 2, header, draft)


_TEXT_WIDTH = 80.0


def _write_texts(wb: Workbook, report: Report, header: str, draft: bool) -> None:
    ws = wb.create_sheet(TEXT_SHEET)
    ws.column_dimensions["A"].width = _TEXT_WIDTH
    _title(ws, report.title, 1, draft, Font(name="黑体", size=16))
    ws.row_dimensions[TITLE_ROW].height = _row_height(_lines(report.title, _TEXT_WIDTH), 22)
    rows = text_rows(report)
    for i, row in enumerate(rows):
        r = TEXT_FIRST + i
        cell = ws.cell(r, 1)
        put_text(cell, row.text)
        cell.alignment = _TOP_LEFT
        if row.kind == "heading":
            cell.font = Font(name="黑体", size=12)
            ws.row_dimensions[r].height = 24
            continue
        cell.font = _NOTE_FONT if row.kind in ("empty", "ref") else _BODY_FONT
        if row.link:
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{row.link}'!A1")
        ws.row_dimensions[r].height = _row_height(_lines(row.text, _TEXT_WIDTH))
    _setup_page(ws, TEXT_FIRST + len(rows) - 1, 1, header, draft)


#: No rule codes: a superior reads what is wrong and where, in words (the codes stay in `check --json`).
_FINDING_COLUMNS = (("级别", 8), ("问题", 16), ("内容", 50), ("位置", 36), ("说明", 30))
#: Cells named in one finding's row; more are counted (a blank table would name a hundred cells).
_CELLS_NAMED = 8


def _where(f: Finding, tpl: Template) -> str:
    """Where a finding points, in words: its cells as the rules' messages name them (表三“…”行“自然人”列),
    else the part of the text or the item of the basic information."""
    names = [tpl.cells[code].name for code in f.cells if code in tpl.cells]
    if names:
        more = f"等 {len(names)} 个单元格" if len(names) > _CELLS_NAMED else ""
        return "；".join(names[:_CELLS_NAMED]) + more
    section = f.location.section
    if section == "preamble":
        return tpl.preamble_label
    if section:
        return next((sec.heading for sec in tpl.sections if sec.key == section), "")
    field = f.location.field
    return next((m.label for m in tpl.meta_fields if m.key == field), "") if field else ""


def _write_findings(wb: Workbook, report: Report, findings: list[Finding], header: str, draft: bool) -> None:
    ws = wb.create_sheet(FINDINGS_SHEET)
    tpl = report.template
    positions = code_positions(tpl)
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
        put_text(cell, label)
        cell.font, cell.alignment, cell.fill, cell.border = _HEADER_FONT, _CENTER, _HEADER_FILL, BORDER
    if not findings:
        cell = ws.cell(3, 1)
        put_text(cell, "未发现问题。")
        cell.font, cell.alignment = _BODY_FONT, _LEFT
        ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=n_cols)
    for i, f in enumerate(findings):
        r = 3 + i
        texts = (f.severity.label, f.title, f.message, _where(f, tpl), f.explanation)
        lines = 1
        for c, (text, (_, width)) in enumerate(zip(texts, _FINDING_COLUMNS, strict=True), start=1):
            cell = ws.cell(r, c)
            put_text(cell, text)
            cell.font, cell.border = _BODY_FONT, BORDER
            cell.alignment = _CENTER if c <= 2 else _LEFT
            lines = max(lines, _lines(visible(text), width))
        if f.cells and f.cells[0] in positions:
            title, coord = sheet_cell(f.cells[0], tpl)
            link_cell = ws.cell(r, 4)
            link_cell.hyperlink = Hyperlink(ref=link_cell.coordinate, location=f"'{title}'!{coord}")
        ws.row_dimensions[r].height = _row_height(lines)
    last = max(3, 2 + len(findings))
    _setup_page(ws, last, n_cols, header, draft, landscape=True, title_rows=(2, 2))


# ---------------------------------------------------------------------------------------------------
# The hidden sheet: the whole report file


def _write_data(wb: Workbook, report: Report) -> None:
    ws = wb.create_sheet(DATA_SHEET)
    text = data_text(report)
    chunks = data_chunks(text)
    put_text(ws.cell(1, 1), DATA_MARKER)
    ws.cell(1, 2).value = DATA_VERSION
    ws.cell(1, 3).value = len(chunks)
    put_text(ws.cell(1, 4), data_digest(text))
    for i, chunk in enumerate(chunks):
        put_text(ws.cell(2 + i, 1), chunk)  # data_text left nothing put_text would change
    ws.sheet_state = "veryHidden"


# ---------------------------------------------------------------------------------------------------
# Writing


def build_workbook(report: Report, findings: list[Finding] | None, *, draft: bool) -> Workbook:
    """The workbook for `report`, in memory (write_workbook saves it); `draft` is the caller's verdict."""
    if findings is None:
        findings = evaluate(report)
    header = _page_header(report)
    wb = Workbook()
    wb.remove(wb.active)
    figures = report.figures()  # the one decision of what every cell shows
    for table in report.template.tables:
        _write_table(wb, table, figures, report.template, header, draft)
    _write_meta(wb, report, header, draft)
    _write_texts(wb, report, header, draft)
    _write_findings(wb, report, findings, header, draft)
    _write_data(wb, report)
    wb.active = 0
    props = wb.properties
    props.title = clean_text(report.title)[:255]
    props.creator = "政务公开年报助手"
    props.lastModifiedBy = "政务公开年报助手"
    return wb


def write_workbook(report: Report, path: str | os.PathLike[str], findings: list[Finding] | None = None, *,
                   draft: bool) -> None:
    """Write the workbook of `report` to `path` atomically; raise ExportError with a Chinese message.

    `findings` default to evaluate(report); `draft` (model.checks.verdict's answer, given by the caller) marks
    every visible sheet as 草稿.
    """
    wb = build_workbook(report, findings, draft=draft)
    with atomic_path(path, "工作簿", ExportError) as tmp:
        wb.save(tmp)
