"""Hand-made workbooks (汇总's third source): the template offices circulate, filled in by hand.

Nothing of such a workbook is trusted by position: its sheets are read as rows of cell texts (numbers
as Excel shows them, numbers stored as text as they are, a total typed as a formula without a cached
value as blank) and handed to the one locator of the official tables, which finds them by their labels
anywhere in any sheet. The archive is checked and streamed by model.reading.workbook_reader, so a zip bomb or
an absurd sheet is refused in bounded time and memory.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from model.reading import workbook_layout as L
from model.reading.blocks import Paragraph, TableBlock
from model.reading.importer import ImportResult
from model.reading.notices import remark
from model.reading.signatures import ZIP_MAGIC, foreign_message
from model.reading.workbook_reader import MAX_READ_BYTES, StreamedWorkbook
from model.report.storage import ReportFileError, read_bytes
from model.template.template import Template


def _text(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    return str(value).strip()


#: Lines of a filled-in form that are about the form, not the report: who filled it in, when, a phone.
_FORM_FURNITURE = re.compile(r"^(?:填表人|填报人|制表人|审核人|审核|单位负责人|负责人|联系人|联系电话|电话|填报日期|填表日期|"
                             r"报出日期|日期|单位盖章|盖章)\s*[:：]?")
_FILED_BY = re.compile(r"(?:填报单位|报送单位|单位名称)\s*[:：]\s*(\S[^\s　]{1,40})")


class WorkbookBlocks(list):  # type: ignore[type-arg]
    """The blocks of a workbook, and the 填报单位 written in a sheet's heading, if any."""

    filed_by: str = ""
    furniture: int = 0  # lines of the form itself left out (填表人, 联系电话, 填报日期 …)


def workbook_blocks(data: bytes, name: str, skip: frozenset[str] = frozenset()) -> WorkbookBlocks:
    """Every sheet (but those in `skip`) as blocks: a title line before its first table row as a
    paragraph, the rest as a table whose rows all span the sheet's used columns — a blank cell stays a
    blank in its column, so a row whose zeros were left blank keeps its other figures where they are."""
    book = StreamedWorkbook(data, name)
    blocks = WorkbookBlocks()
    try:
        for title in book.sheets:
            if title in skip:
                continue
            rows: dict[int, dict[int, str]] = {}
            for r, c, value in book.cells(title):
                text = _text(value)
                if text:
                    rows.setdefault(r, {})[c] = text
            width = max((max(cells) for cells in rows.values()), default=0)
            table = TableBlock()
            for r in sorted(rows):
                cells = rows[r]
                joined = " ".join(cells[c] for c in sorted(cells))
                if filed := _FILED_BY.search(joined):
                    blocks.filed_by = blocks.filed_by or filed.group(1)
                    blocks.furniture += 1
                    continue
                if _FORM_FURNITURE.match(joined):
                    blocks.furniture += 1
                    continue
                if len(cells) == 1 and not table.rows and len(next(iter(cells.values()))) > 8:
                    blocks.append(Paragraph(next(iter(cells.values()))))  # a title above the tables
                    continue
                table.rows.append([cells.get(c, "") for c in range(1, width + 1)])
            if table.rows:
                blocks.append(table)
    finally:
        book.close()
    return blocks


def read_handmade(path: str | os.PathLike[str], template: Template, own: bool = False) -> ImportResult:
    """A workbook's tables of `template` found by their labels in any sheet. `own`: one of this program's
    workbooks whose tables were edited out of place; only its table sheets (under any name) are read."""
    from model.reading.importer import agency_kind, assemble

    path = Path(path)
    data = read_bytes(path, MAX_READ_BYTES, "Excel 工作簿")
    if not data.startswith(ZIP_MAGIC):
        raise ReportFileError(foreign_message(path.name, data[:8]) or f"“{path.name}”不是 Excel 工作簿（.xlsx），无法读取。")
    skip = frozenset({L.DATA_SHEET, L.META_SHEET, L.TEXT_SHEET, L.FINDINGS_SHEET}) if own else frozenset()
    blocks = workbook_blocks(data, path.name, skip)
    result = assemble(blocks, path.name, template, kind="handmade")
    report = result.report
    if blocks.furniture:
        result.told.append(remark("form-lines-left-out", count=blocks.furniture))
    if not report.meta.get("agency") and blocks.filed_by and not own:
        report.meta["agency"] = blocks.filed_by
        report.meta["agency_kind"] = agency_kind(blocks.filed_by)
        result.told.append(remark("agency-from-form", field="agency", agency=blocks.filed_by))
    if not report.meta.get("agency") and not own:
        agency = _agency_from_name(path.stem)
        if agency:
            report.meta["agency"] = agency
            result.told.append(remark("agency-from-file-name", field="agency", agency=agency))
    return result


def _agency_from_name(stem: str) -> str:
    """A unit's name from a file name such as “03 某某县教育局 2024年报表”: numbering and words about
    the document removed."""
    name = re.sub(r"^[\d\s._、-]+", "", stem)
    name = re.sub(r"\s*(?:\d{4}\s*年度?)?\s*(?:政府信息公开)?(?:工作)?(?:年度)?(?:报告|年报|统计表|报表|汇总表)?"
                  r"(?:[（(].*[)）])?\s*$", "", name)
    return name.strip()
