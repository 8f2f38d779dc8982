"""Where everything sits in the program's workbook: the facts the writer and the reader share.

The writer (export/xlsx.py) puts the report into these places and the reader (model/reading/workbook_reader.py)
reads it back from them, so each fact is written once, here: the sheet names, the grid position of
every cell code, the rows of the basic information and of the texts, the hidden sheet's marker and
chunks, and what a text looks like once it is in a cell. No openpyxl here: the reader does not need it.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from model.files.text_clean import CHANGED, clean_text
from model.report.printed import printed_text
from model.report.report import Report
from model.report.storage import FORMAT_ID
from model.report.storage import dumps as dump_report
from model.template.template import Template
from model.template.types import GridCell, Table

# ---------------------------------------------------------------------------------------------------
# Sheets and positions

#: Sheet names besides the tables (表二/表三/表四, see sheet_title).
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

TITLE_ROW = 1
GRID_ROW = 2  # sheet row of grid row 0
GRID_COL = 1  # sheet column of grid column 0
META_FIRST = 3  # first row of the basic information; row 2 holds the column headers
TEXT_FIRST = 2  # first row of the texts, under the title


def sheet_title(table: Table) -> str:
    """The sheet of a table, e.g. 表三 依申请公开 (≤ 31 characters, as Excel requires)."""
    short = table.short_title or table.title.split("、", 1)[-1]
    return f"{table.numeral} {short}"[:31]


def grid_pos(gc: GridCell) -> tuple[int, int]:
    """(row, column) of a grid cell on its sheet, 1-based."""
    return GRID_ROW + gc.row, GRID_COL + gc.col


def table_extent(table: Table) -> tuple[int, int]:
    """The last (row, column) of a table's grid on its sheet: nothing below or right of it is read."""
    return GRID_ROW + table.n_rows - 1, GRID_COL + table.n_cols - 1


@functools.cache
def code_positions(template: Template) -> dict[str, tuple[Table, int, int]]:
    """Where each cell of a format sits: code → (its table, row, column). One per format (a Template
    hashes by identity), computed once."""
    return {gc.code: (t, *grid_pos(gc)) for t in template.tables for gc in t.grid if gc.code is not None}


def column_letter(col: int) -> str:
    """Excel's name of a 1-based column: 1 → A, 27 → AA."""
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def coordinate(row: int, col: int) -> str:
    """A1-style coordinate of a 1-based cell."""
    return f"{column_letter(col)}{row}"


def sheet_cell(code: str, template: Template) -> tuple[str, str]:
    """Where a cell code of `template` sits in the workbook: (sheet title, coordinate such as D5)."""
    table, row, col = code_positions(template)[code]
    return sheet_title(table), coordinate(row, col)


# ---------------------------------------------------------------------------------------------------
# Text in cells

#: `_x0041_` in a cell means "A" to Excel; a literal one is written `_x005F_x0041_` (OOXML escaping).
_OOXML_ESCAPE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
_OOXML_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")
#: What the hidden sheet's JSON escapes: `_` and every character clean_text would change.
_DATA_ESCAPED = re.compile(f"_|{CHANGED.pattern}")


def utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def cut_utf16(text: str, limit: int) -> str:
    """The longest prefix of `text` with at most `limit` UTF-16 units."""
    end = min(len(text), limit)
    while utf16_len(text[:end]) > limit:
        end -= max(1, (utf16_len(text[:end]) - limit) // 2)
    return text[:end]


def split_utf16(text: str, limit: int) -> list[str]:
    pieces = []
    while text:
        piece = cut_utf16(text, limit)
        pieces.append(piece)
        text = text[len(piece):]
    return pieces


def shown(text: str) -> str:
    """What a visible cell shows of `text`: cleaned, and at most CELL_LIMIT units (with a note saying
    that the whole text is kept in the report data). The reader compares cells with this."""
    text = clean_text(text)
    if utf16_len(text) > CELL_LIMIT:
        note = f"……（内容过长，共 {len(text)} 字，此处只显示开头部分；完整内容保存在本工作簿的报告数据中）"
        # the escaped form must fit as well: each `_x` escape adds six characters
        escapes = 6 * len(_OOXML_ESCAPE.findall(text))
        text = cut_utf16(text, CELL_LIMIT - utf16_len(note) - escapes) + note
    return text


def escape(text: str) -> str:
    """Text as stored in a cell: a literal `_xHHHH_` escaped so that Excel does not read it as a character."""
    return _OOXML_ESCAPE.sub("_x005F_", text) if "_x" in text else text


def unescape(text: str) -> str:
    """A cell's stored text as the user sees it: `_xHHHH_` is the character HHHH (`_x005F_` is `_`)."""
    if "_x" not in text:
        return text
    return _OOXML_ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def visible(text: str) -> str:
    """Text exactly as it goes into a visible cell: shown(), then escaped."""
    return escape(shown(text))


# ---------------------------------------------------------------------------------------------------
# Rows of the basic information and of the texts


def meta_rows(report: Report) -> list[tuple[str, Any]]:
    """(label, value) rows of the 基本信息 sheet; labels and choice names come from the report's format."""
    tpl = report.template
    rows: list[tuple[str, Any]] = [("报告标题", report.title)]
    for f in tpl.meta_fields:
        value = report.meta.get(f.key)
        if f.kind == "choice" and isinstance(value, str):
            value = dict(f.choices).get(value, value)
        elif isinstance(value, bool) or value is not None and not isinstance(value, (int, str)):
            value = str(value)
        rows.append((f.label, value))
    rows.append(("报告格式", f"《{tpl.format_title}》（{tpl.format_doc}）"))
    return rows


@dataclass(frozen=True)
class TextRow:
    kind: str  # heading | para | ref | empty
    text: str
    link: str = ""  # a sheet to link to (kind "ref")


def text_rows(report: Report) -> list[TextRow]:
    """The rows of the 报告正文 sheet: the preamble and the six sections in order, one paragraph a row."""
    rows: list[TextRow] = []

    def paragraphs(key: str) -> None:
        text = clean_text(printed_text(report, key))
        paras = [p for p in text.split("\n") if p.strip()]
        if not paras:
            rows.append(TextRow("empty", "（未填写）"))
        for p in paras:
            rows.extend(TextRow("para", piece) for piece in split_utf16(p, PARAGRAPH_PIECE))

    tpl = report.template
    rows.append(TextRow("heading", tpl.preamble_label))
    paragraphs("preamble")
    for sec in tpl.sections:
        rows.append(TextRow("heading", sec.heading))
        if sec.table is not None:
            title = sheet_title(tpl.table(sec.table))
            rows.append(TextRow("ref", f"（见工作表“{title}”）", title))
        else:
            paragraphs(sec.key)
    return rows


# ---------------------------------------------------------------------------------------------------
# The hidden sheet: the whole report file


def data_text(report: Report) -> str:
    """The report file as stored in the hidden sheet.

    Inside JSON strings a character and its \\u escape are the same, so every character the cell writer
    would clean (model.files.text_clean) is escaped, and so is `_`: Excel reads `_x0041_` in a cell as an
    escape and openpyxl drops `x005F_`, and neither may change the stored report. The chunks then pass
    through the one cell writer (export.cell_text.put_text) unchanged.
    """
    text = dump_report(report)
    return _DATA_ESCAPED.sub(lambda m: "".join(f"\\u{ord(ch):04x}" for ch in m.group()), text)


def data_chunks(text: str) -> list[str]:
    """The hidden sheet's text cut into the cells A2, A3, …"""
    return split_utf16(text, CHUNK)


def data_digest(text: str) -> str:
    """D1 of the hidden sheet: tells a complete, unchanged report from a cut or edited one."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
