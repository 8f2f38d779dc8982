"""Reading back the workbook this program exported: the report, and what was changed in it since.

The hidden sheet gives the report exactly (model.report.storage.loads); numbers typed into the visible tables
afterwards win over it. The totals are written as formulas (=SUM of their parts): a total that still holds
a formula is the sum of its parts, whatever value a spreadsheet program cached for it (openpyxl caches
none); a number typed over it is a stated total for the rules, as a printed total is. The basic
information and the texts are not read back, only compared, to say they were edited.

No file is trusted. Before anything is parsed the archive's directory is checked: how many parts, how
large each unpacks, how much it is compressed (a 600 KB file must not unpack to 280 MB of cells). Then
each part is streamed (defusedxml, no entities): only the cells the file holds are visited, each one
is dropped once read, a table sheet is read no further than the table, and no part may hold more
than MAX_ELEMENTS XML elements. Time and memory are so bounded by the file's real content, whatever
its declared dimensions or stray cells. openpyxl is not used: it would build every row in memory.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Container, Iterator
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from model.reading import workbook_layout as L
from model.reading.notices import Notice, changed
from model.reading.signatures import ZIP_MAGIC, foreign_message
from model.report.report import Report
from model.report.storage import MAX_FILE_BYTES, ReportFileError, loads, read_bytes
from model.report.values import Value, ValueError_, format_value, read_number
from model.template.types import Table

__all__ = ["read_workbook"]

#: Bounds on what is read, derived from the one bound on a report (model.report.storage.MAX_FILE_BYTES), so
#: that the workbook of any report the program can save reads back: its hidden sheet holds the report
#: file, in which no character takes more than 5 bytes once written as XML (“&” is “&amp;”, a Chinese
#: character “&#20449;”), and the sheet 报告正文 holds its texts once more. Memory stays flat whatever
#: the size (every part is streamed). No bound on the compression ratio: deflate packs a section of one
#: phrase repeated (“无。” …) up to about 1000 times, as it may any text the user wrote.
MAX_PART_BYTES = 5 * MAX_FILE_BYTES + 1024 * 1024
MAX_UNZIPPED_BYTES = 2 * MAX_PART_BYTES + 10 * 1024 * 1024
MAX_READ_BYTES = MAX_UNZIPPED_BYTES // 4
MAX_MEMBERS = 1000
#: The same checks for archives from outside (a Word document to import), which are read whole: there a
#: part larger than RATIO_FLOOR that unpacks to more than MAX_RATIO times its packed size is a bomb.
ARCHIVE_PART_BYTES = MAX_FILE_BYTES
ARCHIVE_UNZIPPED_BYTES = 5 * MAX_FILE_BYTES
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
#: XML elements read from one part. The program's sheets hold a few thousand; at about 2 µs each the
#: worst case stays well under a second per part. The sheet 报告正文 holds a row per paragraph of the
#: report read from the hidden sheet (itself within MAX_FILE_BYTES): it may hold that many more.
MAX_ELEMENTS = 100_000
ELEMENTS_PER_TEXT_ROW = 8
MAX_CHUNKS = MAX_PART_BYTES // L.CHUNK + 1
_MB = 1024 * 1024
_MAX_ROW, _MAX_COL = 1_048_576, 16_384  # Excel's sheet size
_REF = re.compile(r"([A-Za-z]{1,3})(\d{1,7})")
_INT = re.compile(r"[+-]?\d{1,18}")
_EXCEL_DIGITS = Context(prec=15)  # Excel keeps 15 significant digits; the rest is noise of the double


class NotOwnWorkbook(ReportFileError):
    """A valid workbook without this program's saved report: one made by hand, for the label locator."""


class WorkbookLayoutChanged(ReportFileError):
    """One of this program's workbooks whose tables were edited out of their places (a row inserted, a
    sheet renamed): its numbers cannot be read by position, but the label locator can read them.
    `saved` is the report saved in the workbook (basic information and texts still hold)."""

    def __init__(self, what: str, saved: Report) -> None:
        super().__init__(f"{what}，无法按位置读取其中的数字。请恢复原来的行列，或在本程序中修改数字。")
        self.what = what  # what was changed, e.g. 工作表“表三 依申请公开”的表格结构已被改动（A6 …）
        self.saved = saved


def read_workbook(path: str | os.PathLike[str]) -> tuple[Report, list[Notice]]:
    """Read a workbook this program exported: the report (in the format it was saved in), and notices
    about what was changed.

    Anything that is not such a workbook, or that would take unbounded time or memory to read, raises
    ReportFileError with a Chinese message naming the file.
    """
    path = Path(path)
    name = path.name
    data = read_bytes(path, MAX_READ_BYTES, "本程序导出的工作簿")
    if not data.startswith(ZIP_MAGIC):
        raise ReportFileError(foreign_message(name, data[:8]) or f"“{name}”不是 Excel 工作簿（.xlsx），无法读取。")
    book = StreamedWorkbook(data, name)
    try:
        report = _read_data(book)
        notices: list[Notice] = []
        _read_tables(book, report, notices)
        _compare_texts(book, report, notices)
    finally:
        book.close()
    return report, notices


# ---------------------------------------------------------------------------------------------------
# The archive


def _too_large(name: str, why: str) -> ReportFileError:
    return ReportFileError(f"“{name}”{why}，不是本程序导出的工作簿。为防止程序长时间无响应或内存不足，未读取。")


def _damaged(name: str, where: str = "") -> ReportFileError:
    return ReportFileError(f"“{name}”{where}已损坏或不是有效的 Excel 工作簿，无法读取。")


def check_zip_directory(data: bytes, name: str) -> None:
    """Count the parts from the archive's end record before zipfile builds an object for each."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        raise ReportFileError(f"“{name}”已损坏或不完整，无法作为 Excel 工作簿打开。")
    (entries,) = struct.unpack_from("<H", data, end + 10)
    if entries > MAX_MEMBERS:
        raise _too_large(name, f"中的部件过多（{entries} 个）")


def check_zip_sizes(infos: list[zipfile.ZipInfo], name: str, max_part: int = ARCHIVE_PART_BYTES,
                    max_total: int = ARCHIVE_UNZIPPED_BYTES, max_ratio: int | None = MAX_RATIO) -> None:
    """Refuse, before unpacking anything, an archive that would unpack to an absurd size (a zip bomb)."""
    total = sum(info.file_size for info in infos)
    if total > max_total:
        raise _too_large(name, f"解压后过大（共 {total // _MB} MB，本程序最多读取 {max_total // _MB} MB）")
    for info in infos:
        if info.file_size > max_part:
            raise _too_large(name, f"解压后过大（其中一个部件达 {info.file_size // _MB} MB，"
                                   f"本程序每个部件最多读取 {max_part // _MB} MB）")
        if max_ratio and info.file_size > RATIO_FLOOR and info.file_size > max_ratio * max(1, info.compress_size):
            raise _too_large(name, f"的压缩比异常（其中一个部件解压后是压缩时的 "
                                   f"{info.file_size // max(1, info.compress_size)} 倍），可能是恶意构造的文件")
        if info.flag_bits & 0x1:
            raise ReportFileError(f"“{name}”已加密，本程序无法读取。请在 WPS 或 Excel 中取消加密后另存，再打开。")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged(name)


def _local(tag: str) -> str:
    """An element's name without its namespace (transitional and strict OOXML use different ones)."""
    return tag.rpartition("}")[2]


def _text(el: Element) -> str:
    """The text of a string item (<si> or <is>): plain text and rich-text runs, without phonetic guides."""
    parts: list[str] = []
    for child in el:
        kind = _local(child.tag)
        if kind == "t":
            parts.append(child.text or "")
        elif kind == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return L.unescape("".join(parts))


def _number(text: str) -> Any:
    """A number cell's stored text as int or Decimal; text that spells no number is returned as it is,
    so that the caller refuses it naming the cell."""
    s = text.strip()
    if _INT.fullmatch(s):
        return int(s)
    if len(s) > 64:
        return text
    try:
        number = Decimal(s)
    except InvalidOperation:
        return text
    if number.is_finite() and len(number.as_tuple().digits) > 15:
        number = _EXCEL_DIGITS.plus(number).normalize()  # 0.30000000000000004 is the 0.3 Excel shows
    return number


@dataclass(frozen=True)
class Formula:
    """A cell that holds a formula, as `cells(…, formulas=True)` yields it; `cached` is the value the
    spreadsheet program that saved the file computed (None when none was stored, as openpyxl writes)."""

    cached: Any


class StreamedWorkbook:
    """The parts of an OOXML workbook, read on demand and streamed."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        check_zip_directory(data, name)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error):
            raise ReportFileError(f"“{name}”已损坏或不完整，无法作为 Excel 工作簿打开。") from None
        # Streamed, and within bounds derived from the one bound on a report: no ratio (see MAX_PART_BYTES).
        check_zip_sizes(infos, name, MAX_PART_BYTES, MAX_UNZIPPED_BYTES, None)
        self.parts = {info.filename: info for info in infos}
        workbook = self._workbook_part()
        self.sheets = self._sheets(workbook)
        strings = self._related(workbook, "sharedStrings")
        self.strings = self._shared_strings(strings) if strings else []

    def close(self) -> None:
        self.zip.close()

    # -- structure -------------------------------------------------------------------------------

    def _workbook_part(self) -> str:
        names = self.parts
        if "word/document.xml" in names:
            raise ReportFileError(f"“{self.name}”是 Word 文档（.docx），不是本程序导出的工作簿，无法读取。")
        if "ppt/presentation.xml" in names:
            raise ReportFileError(f"“{self.name}”是 PowerPoint 演示文稿，不是本程序导出的工作簿，无法读取。")
        if "mimetype" in names and names["mimetype"].file_size < 100:
            mimetype = self.zip.read("mimetype")
            if mimetype.startswith(b"application/vnd.oasis.opendocument"):
                kind = "OpenDocument 表格（.ods）" if b"spreadsheet" in mimetype else "OpenDocument 文件"
                raise ReportFileError(f"“{self.name}”是{kind}，本程序无法读取。如是本程序导出的工作簿，"
                                      "请用 WPS 或 Excel 打开后另存为 Excel 工作簿（.xlsx），再打开。")
        target = self._related("", "officeDocument")
        if target is None and "xl/workbook.xml" in names:
            target = "xl/workbook.xml"
        if target is None:
            raise ReportFileError(f"“{self.name}”是压缩文件，不是 Excel 工作簿（.xlsx），无法读取。")
        return target

    def _relations(self, part: str) -> Iterator[tuple[str, str, str]]:
        """(id, type, target part) of each internal relationship of `part` ("" is the package)."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{base}.rels")
        if rels not in self.parts:
            return
        for _, el in self._events(rels, "工作簿结构", {"Relationship"}):
            target = el.get("Target") or ""
            if el.get("TargetMode") == "External" or not target:
                continue
            resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            yield el.get("Id") or "", el.get("Type") or "", resolved

    def _related(self, part: str, kind: str) -> str | None:
        """The part that `part` refers to with a relationship of `kind` (e.g. sharedStrings), if present."""
        return next((target for _, rel_type, target in self._relations(part)
                     if rel_type.rpartition("/")[2] == kind and target in self.parts), None)

    def _sheets(self, workbook: str) -> dict[str, str]:
        """Sheet title → part."""
        if workbook not in self.parts:
            raise _damaged(self.name)
        targets = {rid: target for rid, _, target in self._relations(workbook)}
        sheets: dict[str, str] = {}
        for _, el in self._events(workbook, "工作簿结构", {"sheet"}):
            rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
            title = el.get("name")
            if title and rid in targets and targets[rid] in self.parts:
                sheets.setdefault(title, targets[rid])
        return sheets

    def _shared_strings(self, part: str) -> list[str]:
        return [_text(el) for _, el in self._events(part, "共享字符串", {"si"})]

    # -- streaming -------------------------------------------------------------------------------

    def _events(self, part: str, what: str, ends: Container[str], starts: Container[str] = (),
                limit: int = MAX_ELEMENTS) -> Iterator[tuple[str, Element]]:
        """Stream `part`: ("start", el) at the start of elements named in `starts`, ("end", el) at the end
        of those named in `ends`, read whole. Every other element is dropped from its parent once it
        has ended, so memory stays flat however large the part; at most `limit` elements are read."""
        stack: list[Element] = []
        inside = 0  # depth within an element of `ends`, which is kept whole until it ends
        count = 0
        try:
            with self.zip.open(self.parts[part]) as source:
                for event, el in iterparse(source, events=("start", "end")):
                    name = _local(el.tag)
                    if event == "start":
                        count += 1
                        if count > limit:
                            raise _too_large(self.name, f"中{what}的内容过多（超过 {limit} 项）")
                        stack.append(el)
                        if name in ends:
                            inside += 1
                        elif name in starts and not inside:
                            yield "start", el
                        continue
                    stack.pop()
                    if name in ends:
                        inside -= 1
                        if not inside:
                            yield "end", el
                    if not inside and stack:
                        stack[-1].remove(el)  # its siblings are gone already: this is quick
        except (ParseError, DefusedXmlException, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            raise _damaged(self.name, f"中{what}") from None

    def cells(self, title: str, last_row: int | None = None, limit: int = MAX_ELEMENTS, *,
              formulas: bool = False) -> Iterator[tuple[int, int, Any]]:
        """(row, column, value) of each cell the sheet `title` holds, in the file's order; rows after
        `last_row` are not read, nor more than `limit` XML elements. Values as Excel shows them: str,
        int, Decimal, bool or None; with `formulas`, a cell holding a formula is a Formula around that value."""
        what = f"工作表“{title}”"
        row = col = 0
        for event, el in self._events(self.sheets[title], what, {"c"}, {"row"}, limit):
            if event == "start":
                ref = el.get("r")
                row = int(ref) if ref and ref.isdigit() else row + 1
                col = 0
                if last_row is not None and row > last_row:
                    return
                continue
            ref = el.get("r")
            if ref:
                match = _REF.fullmatch(ref)
                if match is None:
                    raise _damaged(self.name, f"中{what}")
                letters, digits = match.groups()
                col = 0
                for ch in letters.upper():
                    col = col * 26 + ord(ch) - 64
                cell_row = int(digits)
            else:
                col += 1
                cell_row = row
            if not (0 < cell_row <= _MAX_ROW and 0 < col <= _MAX_COL):
                raise _damaged(self.name, f"中{what}")
            if last_row is not None and cell_row > last_row:
                continue
            yield cell_row, col, self._value(el, what, cell_row, col, formulas)

    def box(self, title: str, last_row: int, last_col: int, *, formulas: bool = False) -> dict[tuple[int, int], Any]:
        """The cells of `title` within A1 to (last_row, last_col) that hold something (with `formulas`,
        every formula, cached value or not)."""
        return {(r, c): v for r, c, v in self.cells(title, last_row, formulas=formulas)
                if c <= last_col and v is not None}

    def _value(self, el: Element, what: str, row: int, col: int, formulas: bool = False) -> Any:
        children = {_local(child.tag): child for child in el}
        if formulas and "f" in children:
            return Formula(self._value(el, what, row, col))
        kind = el.get("t", "n")
        if kind == "inlineStr":
            item = children.get("is")
            return None if item is None else _text(item)
        v = children.get("v")
        if v is None or v.text is None:
            return None
        text = v.text
        if kind == "s":
            try:
                return self.strings[int(text)]
            except (ValueError, IndexError):
                raise _damaged(self.name, f"中{what}的 {L.coordinate(row, col)} 单元格") from None
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind in ("str", "e", "d"):
            return L.unescape(text)  # a formula's text, an error such as #N/A, a date as text
        return _number(text)


# ---------------------------------------------------------------------------------------------------
# The hidden sheet


def _whole(value: Any) -> int | None:
    """An integer as a spreadsheet program may have saved it (2 or 2.0), else None."""
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _read_data(book: StreamedWorkbook) -> Report:
    name = book.name
    not_ours = NotOwnWorkbook(f"“{name}”不是本程序导出的工作簿（其中没有本程序保存的报告数据），无法读取。"
                               "请在本程序中新建报告，再把数字填入或粘贴到表格中。")
    if L.DATA_SHEET not in book.sheets:
        raise not_ours
    head = book.box(L.DATA_SHEET, 1, 4)
    if head.get((1, 1)) != L.DATA_MARKER:
        raise not_ours
    version, n_chunks = _whole(head.get((1, 2))), _whole(head.get((1, 3)))
    if version is None or version < 1:
        raise ReportFileError(f"“{name}”中保存的报告数据已损坏，无法读取。")
    if version > L.DATA_VERSION:
        raise ReportFileError(f"“{name}”由更新版本的程序导出（工作簿版本 {version}），请升级本程序后再打开。")
    if n_chunks is None or not 0 < n_chunks <= MAX_CHUNKS:
        raise ReportFileError(f"“{name}”中保存的报告数据已损坏，无法读取。")
    cells = book.box(L.DATA_SHEET, 1 + n_chunks, 1)
    chunks = [cells.get((2 + i, 1)) for i in range(n_chunks)]
    if not all(isinstance(c, str) for c in chunks):
        raise ReportFileError(f"“{name}”中保存的报告数据不完整，无法读取。")
    text = "".join(chunks)
    if head.get((1, 4)) != L.data_digest(text):
        raise ReportFileError(f"“{name}”中保存的报告数据不完整或已被改动，无法读取。")
    return loads(text, name)


# ---------------------------------------------------------------------------------------------------
# The visible tables


def _visible_number(report: Report, code: str, raw: Any, where: str) -> Value | None:
    """A visible cell's number as written (None when blank); the rules judge its limits. Only what is
    no number at all is refused, naming the cell and where it is."""
    if raw is None or isinstance(raw, str) and not raw.strip():
        return None
    try:
        return read_number(report.template.cells[code], raw)
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


def _read_tables(book: StreamedWorkbook, report: Report, notices: list[Notice]) -> None:
    """The figures of the visible tables, where they differ from the saved report (they win)."""
    exported = report.computed()  # what the visible totals showed when the workbook was written
    visible_totals: dict[str, Any] = {}
    tables = report.template.tables
    ours = {L.sheet_title(t) for t in tables} | {L.META_SHEET, L.TEXT_SHEET, L.FINDINGS_SHEET, L.DATA_SHEET}
    renamed = [t for t in book.sheets if t not in ours]
    for table in tables:
        title = L.sheet_title(table)
        if title not in book.sheets and renamed:
            raise WorkbookLayoutChanged(f"工作簿中没有工作表“{title}”，另有工作表“{'、'.join(renamed)}”（可能是改了名）", report)
        if title not in book.sheets:
            notices.append(changed("sheet-missing", sheet=title, table=report.template.table_numerals[table.key]))
            continue
        grid = book.box(title, *L.table_extent(table), formulas=True)
        _check_labels(grid, table, title, report)
        visible_totals.update(_read_table(book, report, table, title, grid, notices))
    for code, value in visible_totals.items():
        if value is None:
            report.stated.pop(code, None)
        else:
            report.stated[code] = value
        before = exported.get(code)
        if not _same(value, before):
            notices.append(changed("total-edited", cell=report.template.cells[code].name, before=_shown(before),
                                   now=_shown(value)))


def _read_table(book: StreamedWorkbook, report: Report, table: Table, title: str,
                grid: dict[tuple[int, int], Any], notices: list[Notice]) -> dict[str, Any]:
    """Take the input figures of one table sheet into `report`; the totals it shows (stated or None)."""
    visible_totals: dict[str, Any] = {}
    for gc in table.grid:
        if gc.code is None:
            continue
        pos = L.grid_pos(gc)
        where = f"“{book.name}”工作表“{title}”的 {L.coordinate(*pos)} 单元格"
        raw = grid.get(pos)
        cell = report.template.cells[gc.code]
        if isinstance(raw, Formula):
            if cell.derived:
                continue  # the sum of its parts: nothing stated, whatever was cached
            raw = raw.cached  # a formula typed into an input cell: the figure it showed when saved
        value = _visible_number(report, gc.code, raw, where)
        if cell.derived:
            visible_totals[gc.code] = value
            continue
        before = report.values.get(gc.code)
        if not _same(value, before):
            report.set_value(gc.code, value)
            notices.append(changed("cell-edited", cell=cell.name, before=_shown(before), now=_shown(value)))
    return visible_totals


def _check_labels(grid: dict[tuple[int, int], Any], table: Table, title: str, saved: Report) -> None:
    """Refuse a table whose rows or columns were moved: its numbers cannot be read by position."""
    for gc in table.grid:
        if not gc.text:
            continue
        pos = L.grid_pos(gc)
        value = grid.get(pos)
        if not (isinstance(value, str) and value.strip() == L.shown(gc.text).strip()):
            raise WorkbookLayoutChanged(
                f"工作表“{title}”的表格结构已被改动（{L.coordinate(*pos)} 单元格应为“{gc.text}”）", saved)


# ---------------------------------------------------------------------------------------------------
# The basic information and the texts: compared, not read


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return format_value(value)


def _expected_texts(report: Report) -> dict[str, dict[tuple[int, int], str]]:
    """What the basic information and the texts sheets showed when the workbook was written."""
    meta: dict[tuple[int, int], str] = {}
    for i, (label, value) in enumerate(L.meta_rows(report)):
        meta[(L.META_FIRST + i, 1)] = L.shown(label)
        meta[(L.META_FIRST + i, 2)] = L.shown(value) if isinstance(value, str) else _as_text(value)
    texts = {(L.TEXT_FIRST + i, 1): L.shown(row.text) for i, row in enumerate(L.text_rows(report))}
    return {L.META_SHEET: meta, L.TEXT_SHEET: texts}


def _compare_texts(book: StreamedWorkbook, report: Report, notices: list[Notice]) -> None:
    """Say so when the basic information or the texts were edited in the workbook: they are not read back.

    One pass over the cells the sheet holds: those at the written positions are compared, and the
    first one with content below the last written row ends the pass.
    """
    for title, expected in _expected_texts(report).items():
        if title not in book.sheets:
            continue
        last = max((r for r, _ in expected), default=0)
        found: dict[tuple[int, int], Any] = {}
        beyond: int | None = None
        # As many elements as the rows this report's texts take (a row per paragraph), and the usual more.
        for r, c, value in book.cells(title, limit=MAX_ELEMENTS + ELEMENTS_PER_TEXT_ROW * last):
            if (r, c) in expected:
                found[(r, c)] = value
            elif r > last and _as_text(value) != "":
                beyond = r
                break
        first_changed = min((r for (r, c), text in expected.items() if _as_text(found.get((r, c))) != text),
                            default=beyond)
        if first_changed is not None:
            notices.append(changed("texts-edited", sheet=title, row=first_changed,
                                   what="基本信息" if title == L.META_SHEET else "报告文字"))
