"""The report as an editable Word document laid out after GB/T 9704-2012 (spec §8), with python-docx; no Qt.

    result = write_docx(report, "报告.docx", draft=verdict.draft)   # 草稿: the caller's verdict (model.checks.verdict)
    result.draft

Offices finish and publish the report in Word or WPS, so the document is built for editing: paragraph
styles instead of per-run formatting wherever possible (body 正文文本, headings 标题 1/标题 2 with outline
levels so the navigation pane lists them, 表格文字 for table cells), fonts named the way Chinese offices
have them installed (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体, 宋体) with both the ASCII and the East Asian
slot set, and each name given a fallback in the font table (仿宋_GB2312 → 仿宋 …) for machines that lack it.

Layout: A4; margins top 37 mm, left 28 mm, right 26 mm, bottom 35 mm; 22 lines × 28 characters (a line grid
and exact line spacing of 28.95 pt, 3号 characters condensed by 0.25 pt so that 28 fill the line); body 3号
仿宋 justified with a first-line indent of two characters; 一、 headings 黑体, （一） headings 楷体, 1. and （1）
stay 仿宋; title 2号 小标宋 centred; page numbers 4号 宋体 `— 1 —` in the footer, odd pages right and even
pages left one character in (different odd and even footers). The three tables come from the grid of the
report's own format (report.template.tables): spans merged with python-docx's cell.merge, a border on every cell, header rows
repeated on each page, rows never split, text in 小四/五号/小五 so that table 三 fits the width.

Numbers are `report.figures()` (blank cells stay empty) and texts `printed_text`, like every output. Word
has no markup to escape; control characters are cleaned by model.files.text_clean, as for every writer.
python-docx is imported inside the functions: the wizard may import this module at start-up.
"""

from __future__ import annotations

import math
import os
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from export.errors import ExportError
from export.layout import (
    DATE_RIGHT_CHARS,
    DATE_SHAPE,
    DRAFT_NOTE,
    SEAL_LINES,
    TABLE_SIZES,
    Signature,
    signature,
    table_font_size,
    text_blocks,
)
from model.files.atomic import atomic_path
from model.files.text_clean import clean_text
from model.report.printed import printed_text
from model.report.report import Report
from model.report.values import format_value
from model.template.types import Role
from model.template.types import Table as FormatTable

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table as DocxTable

# -- page (twentieths of a point, "twips", as the file stores them) -------------------------------------

TWIPS_PER_MM = 1440 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4 as Word writes it
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = (round(mm * TWIPS_PER_MM) for mm in (37, 35, 28, 26))
TYPE_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
TYPE_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 225 mm
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
#: 22 lines on 225 mm: 28.95 pt, rounded down so that the 22nd line never moves to the next page.
LINE_PITCH = TYPE_HEIGHT // LINES_PER_PAGE
BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
PAGE_NUMBER_SIZE = 14.0  # 4号
DRAFT_HEADER_SIZE = 12.0  # 小四
#: 28 characters on 156 mm: 3号 characters condensed by this much (twips), the PDF's tracking. Word's
#: character grid (w:docGrid linesAndChars) would do the same in Word, but LibreOffice puts each 16 pt
#: character into two 15.8 pt grid cells and prints 14 characters a line.
BODY_TRACKING = math.floor(TYPE_WIDTH / CHARS_PER_LINE - BODY_SIZE * 20)
FIRST_LINE_INDENT = round(2 * BODY_SIZE * 20)  # two characters
TITLE_LINE = round(1.5 * TITLE_SIZE * 20)
#: The footer's distance from the page edge puts the dashes of `— 1 —` about 7 mm below the type area.
FOOTER_DISTANCE = round(25 * TWIPS_PER_MM)
HEADER_DISTANCE = round(20 * TWIPS_PER_MM)

# -- fonts ----------------------------------------------------------------------------------------------

FONT_BODY = "仿宋_GB2312"
FONT_HEADING1 = "黑体"
FONT_HEADING2 = "楷体_GB2312"
FONT_TITLE = "方正小标宋简体"
FONT_NUMBER = "宋体"
#: Word takes w:altName when a font is missing (Windows has 仿宋 and 楷体, not the GB2312 versions).
FONT_FALLBACKS = {FONT_BODY: "仿宋", FONT_HEADING2: "楷体", FONT_TITLE: "宋体"}

# -- tables ---------------------------------------------------------------------------------------------

CELL_PAD_X, CELL_PAD_Y = 40, 30  # 2 pt and 1.5 pt
BORDER_INNER, BORDER_OUTER = 4, 6  # eighths of a point: 0.5 pt lines, a 0.75 pt frame

# -- styles (built-in ids where Word has one, so that Chinese Word shows its own names) --------------------

STYLE_BODY = "Body Text"  # 正文文本
STYLE_HEADING1 = "Heading 1"  # 标题 1
STYLE_HEADING2 = "Heading 2"  # 标题 2
STYLE_TITLE = "Title"  # 标题
STYLE_TABLE = "表格文字"

DRAFT_COLOR = "C00000"



@dataclass
class DocxResult:
    """What write_docx did: whether the document carries the 草稿 mark."""

    draft: bool  # the caller's verdict, as given: never defaulted here


# ---------------------------------------------------------------------------------------------------
# Low-level XML helpers


#: Schema order of the children this module writes (Word refuses a file whose elements are out of order).
_ORDER: dict[str, tuple[str, ...]] = {
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"),
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
            "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
            "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"),
    "sectPr": ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
               "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
               "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"),
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
              "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
              "tblCaption", "tblDescription"),
    "trPr": ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
             "tblHeader", "tblCellSpacing", "jc", "hidden"),
    "tcPr": ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
             "textDirection", "tcFitText", "vAlign", "hideMark"),
    "tcBorders": ("top", "left", "bottom", "right"),
    "tblBorders": ("top", "left", "bottom", "right", "insideH", "insideV"),
    "tblCellMar": ("top", "left", "bottom", "right"),
}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _set(parent: BaseOxmlElement, tag: str, **attrs: str | int) -> BaseOxmlElement:
    """The child `tag` ("w:name") of `parent`, created in its schema position if missing, with `attrs` set."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        order = _ORDER[_local(parent.tag)]
        rank = order.index(_local(child.tag))
        later = next((el for el in parent if _local(el.tag) in order and order.index(_local(el.tag)) > rank), None)
        if later is None:
            parent.append(child)
        else:
            later.addprevious(child)
    for key, value in attrs.items():
        child.set(qn("w:" + key), str(value))
    return child


def _fonts(rpr: BaseOxmlElement, name: str) -> None:
    """Name the font in every slot (ASCII, other Latin, East Asian, complex); drop theme fonts, which win."""
    from docx.oxml.ns import qn

    rfonts = rpr.get_or_add_rFonts()
    for slot in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn("w:" + slot), None)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn("w:" + slot), name)


def _run_format(rpr: BaseOxmlElement, font: str | None = None, size: float | None = None,
                color: str | None = None, tracking: int | None = None) -> None:
    if font is not None:
        _fonts(rpr, font)
    if color is not None:
        _set(rpr, "w:color", val=color)
    if tracking is not None:
        _set(rpr, "w:spacing", val=tracking)
    if size is not None:
        _set(rpr, "w:sz", val=round(size * 2))
        _set(rpr, "w:szCs", val=round(size * 2))


def _para_format(ppr: BaseOxmlElement, *, line: int | None = None, exact: bool = True, before: int = 0,
                 after: int = 0, indent_chars: int = 0, align: str | None = None, grid: bool = True,
                 keep_next: bool = False, outline: int | None = None) -> None:
    """Paragraph properties in one call; indent_chars in hundredths of a character (200 = two)."""
    from docx.oxml.ns import qn

    if keep_next:
        _set(ppr, "w:keepNext")
    _set(ppr, "w:widowControl", val=0)  # the 22-line grid: no page ends a line early
    # 1 is Word's default (a closing mark may hang in the margin). LibreOffice 7.4 reads it the other way
    # round: with 1 it moves a character down, as the PDF does; without it, it hangs a full stop past a full
    # 28-character line and does not draw it at all
    _set(ppr, "w:overflowPunct", val=1)
    if not grid:
        _set(ppr, "w:snapToGrid", val=0)  # off the 22-line grid: the title and table text keep their own lines
    spacing = _set(ppr, "w:spacing", before=before, after=after)
    if line is not None:
        spacing.set(qn("w:line"), str(line))
        spacing.set(qn("w:lineRule"), "exact" if exact else "auto")
    _set(ppr, "w:ind", firstLineChars=indent_chars, firstLine=FIRST_LINE_INDENT * indent_chars // 200,
         left=0, right=0)
    if align is not None:
        _set(ppr, "w:jc", val=align)
    if outline is not None:
        _set(ppr, "w:outlineLvl", val=outline)


def _reset_style(style: Any) -> tuple[BaseOxmlElement, BaseOxmlElement]:
    """Empty the paragraph and run properties of a style (the template's colours, theme fonts, borders)."""
    el = style.element
    for tag in ("pPr", "rPr"):
        old = getattr(el, tag)
        if old is not None:
            el.remove(old)
    return el.get_or_add_pPr(), el.get_or_add_rPr()


# ---------------------------------------------------------------------------------------------------
# Document set-up: defaults, styles, page, fonts, properties


def _setup_styles(doc: DocxDocument) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _run_format(rpr, FONT_BODY, BODY_SIZE)
    _set(rpr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _set(ppr, "w:spacing", before=0, after=0, line=240, lineRule="auto")

    def style(name: str) -> Any:
        try:
            return styles[name]
        except KeyError:
            return styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)

    normal = style("Normal")
    ppr, rpr = _reset_style(normal)
    _para_format(ppr, line=LINE_PITCH, align="both")
    _run_format(rpr, FONT_BODY, BODY_SIZE)

    for name, font, outline in ((STYLE_BODY, None, None), (STYLE_HEADING1, FONT_HEADING1, 0),
                                (STYLE_HEADING2, FONT_HEADING2, 1)):
        st = style(name)
        st.base_style = normal
        st.next_paragraph_style = style(STYLE_BODY)
        ppr, rpr = _reset_style(st)
        _para_format(ppr, line=LINE_PITCH, indent_chars=200, align="both", keep_next=outline is not None,
                     outline=outline)
        _run_format(rpr, font, tracking=BODY_TRACKING)

    title = style(STYLE_TITLE)
    title.base_style = normal
    title.next_paragraph_style = style(STYLE_BODY)
    ppr, rpr = _reset_style(title)
    _para_format(ppr, line=TITLE_LINE, after=LINE_PITCH, align="center", grid=False, keep_next=True)
    _run_format(rpr, FONT_TITLE, TITLE_SIZE)

    table = style(STYLE_TABLE)
    table.style_id = "TableText"  # python-docx would take the Chinese name as the id
    table.base_style = normal
    ppr, rpr = _reset_style(table)
    _para_format(ppr, line=round(TABLE_SIZES[1] * 1.3 * 20), align="center", grid=False)
    _run_format(rpr, FONT_BODY, TABLE_SIZES[1])

    for name, font, size in (("Header", FONT_HEADING1, DRAFT_HEADER_SIZE), ("Footer", FONT_NUMBER, PAGE_NUMBER_SIZE)):
        st = style(name)
        ppr, rpr = _reset_style(st)
        _para_format(ppr, line=240, exact=False, grid=False)
        _run_format(rpr, font, size)


def _setup_page(doc: DocxDocument) -> None:
    from docx.oxml.ns import qn

    section = doc.sections[0]
    sect = section._sectPr
    _set(sect, "w:pgSz", w=PAGE_WIDTH, h=PAGE_HEIGHT).attrib.pop(qn("w:orient"), None)
    _set(sect, "w:pgMar", top=MARGIN_TOP, bottom=MARGIN_BOTTOM, left=MARGIN_LEFT, right=MARGIN_RIGHT,
         header=HEADER_DISTANCE, footer=FOOTER_DISTANCE, gutter=0)
    _set(sect, "w:docGrid", type="lines", linePitch=LINE_PITCH).attrib.pop(qn("w:charSpace"), None)
    doc.settings.odd_and_even_pages_header_footer = True
    _set(doc.settings.element, "w:themeFontLang", val="en-US", eastAsia="zh-CN")


def _setup_font_table(doc: DocxDocument) -> None:
    """Declare the fonts with a Chinese character set and a fallback Word uses where the font is missing."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from lxml import etree

    part = next((p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None:
        return
    root = parse_xml(part.blob)
    for name in (FONT_BODY, FONT_HEADING1, FONT_HEADING2, FONT_TITLE, FONT_NUMBER):
        alt = FONT_FALLBACKS.get(name)
        alt_xml = f'<w:altName w:val="{alt}"/>' if alt else ""
        root.append(parse_xml(
            f'<w:font {nsdecls("w")} w:name="{name}">{alt_xml}<w:charset w:val="86"/>'
            '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)  # a plain Part


def _setup_properties(doc: DocxDocument, report: Report) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    props = doc.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    props.title = clean_text(report.title)
    props.author = clean_text(str(report.meta.get("agency", "") or ""))
    tpl = report.template
    props.subject = tpl.format_title
    props.comments = f"按《{tpl.format_title}》（{tpl.format_doc}）编制"
    props.last_modified_by = "政务公开年报助手"
    props.language = "zh-CN"
    props.created = props.modified = now
    props.revision = 1
    rels = doc.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # python-docx's template carries a picture of some other document
            rels.pop(rid)


# ---------------------------------------------------------------------------------------------------
# Headers and footers: 草稿 and page numbers


def _page_number(paragraph: Any) -> None:
    """`— N —` with N a PAGE field (Word and WPS fill it in on every page)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph.add_run("— ")
    for xml in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                '<w:fldChar w:fldCharType="separate"/>', "<w:t>1</w:t>", '<w:fldChar w:fldCharType="end"/>'):
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{xml}</w:r>"))
    paragraph.add_run(" —")


def _setup_header_footer(doc: DocxDocument, draft: bool) -> None:
    section = doc.sections[0]
    one_char = round(PAGE_NUMBER_SIZE * 20)  # 单页码居右空一字，双页码居左空一字
    for footer, align, side in ((section.footer, "right", "right"), (section.even_page_footer, "left", "left")):
        footer.is_linked_to_previous = False
        para = footer.paragraphs[0]
        ppr = para._p.get_or_add_pPr()
        _set(ppr, "w:jc", val=align)
        _set(ppr, "w:ind", **{side: one_char})
        _page_number(para)
    if draft:
        for header in (section.header, section.even_page_header):
            header.is_linked_to_previous = False
            para = header.paragraphs[0]
            _set(para._p.get_or_add_pPr(), "w:jc", val="center")
            run = para.add_run(DRAFT_NOTE)
            _run_format(run._r.get_or_add_rPr(), color=DRAFT_COLOR)


# ---------------------------------------------------------------------------------------------------
# Text


def _paragraph(doc: DocxDocument, style: str, text: str = "") -> Any:
    """A new paragraph in `style` (python-docx's own style argument lists every style on each call)."""
    para = doc.add_paragraph(text)
    _set(para._p.get_or_add_pPr(), "w:pStyle", val=doc.styles[style].style_id)
    return para


def _add_text(doc: DocxDocument, text: str, subheads: str) -> None:
    """A narrative section (export.layout.text_blocks): （一）… lines are 楷体 sub-heads (标题 2), the rest
    仿宋 body paragraphs; a sub-head running on into text on the same line is a body paragraph whose
    part up to the first 。 is 楷体, as in the PDF."""
    for block in text_blocks(clean_text(text), subheads):
        if block.head and block.body:
            para = _paragraph(doc, STYLE_BODY)
            _run_format(para.add_run(block.head)._r.get_or_add_rPr(), FONT_HEADING2)
            para.add_run(block.body)
        elif block.head:
            _paragraph(doc, STYLE_HEADING2, block.head)
        else:
            _paragraph(doc, STYLE_BODY, block.body)


def _em_width(text: str) -> float:
    """Width of `text` in ems: Chinese characters one, Latin letters and digits half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def _add_title(doc: DocxDocument, report: Report) -> None:
    """The title, broken after the agency's name when it is too long for one line (the usual two-line form)."""
    agency = clean_text(str(report.meta.get("agency", "") or "")).replace("\n", " ")
    title = clean_text(report.title).replace("\n", " ")
    para = _paragraph(doc, STYLE_TITLE)
    fits = TYPE_WIDTH / 20 / TITLE_SIZE
    rest = title[len(agency):] if agency and title.startswith(agency) else ""
    if _em_width(title) > fits and rest and _em_width(agency) <= fits and _em_width(rest) <= fits:
        para.add_run(agency).add_break()
        para.add_run(rest)
    else:
        para.add_run(title)


def _add_signature(doc: DocxDocument, sign: Signature) -> None:
    """The 落款 (export.layout): SEAL_LINES empty lines for the seal, the agency's name centred over the
    date, the date four characters in from the right edge (an empty line when there is no date), all
    kept on one page with the last line of the text (keep with next)."""
    em = BODY_SIZE * 20 + BODY_TRACKING  # one character of the 28-character grid, in twips
    if doc.paragraphs:
        _set(doc.paragraphs[-1]._p.get_or_add_pPr(), "w:keepNext")
    for _ in range(SEAL_LINES):
        _set(_paragraph(doc, STYLE_BODY)._p.get_or_add_pPr(), "w:keepNext")
    date_right = DATE_RIGHT_CHARS * em
    date_width = _em_width(sign.date or DATE_SHAPE) * em
    name = clean_text(sign.agency)
    name_right = max(2 * em, date_right + (date_width - _em_width(name) * em) / 2)  # at least 右空二字
    for text, right, keep in ((name, name_right, True), (clean_text(sign.date), date_right, False)):
        para = _paragraph(doc, STYLE_BODY, text)
        ppr = para._p.get_or_add_pPr()
        if keep:
            _set(ppr, "w:keepNext")
        _set(ppr, "w:autoSpaceDE", val=0)  # no extra space between 年/月/日 and the digits: the width
        _set(ppr, "w:autoSpaceDN", val=0)  # that centres the name is the date's own
        _set(ppr, "w:ind", firstLineChars=0, firstLine=0, left=0, right=round(right))
        _set(ppr, "w:jc", val="right")


# ---------------------------------------------------------------------------------------------------
# Tables


def _table_size(table: FormatTable) -> float:
    return table_font_size(table, TYPE_WIDTH / 20, CELL_PAD_X / 20)


def _col_widths(table: FormatTable) -> list[int]:
    total = sum(table.col_widths)
    widths = [round(w / total * TYPE_WIDTH) for w in table.col_widths]
    widths[-1] += TYPE_WIDTH - sum(widths)
    return widths


def _borders(tcpr: BaseOxmlElement, *, top: bool, left: bool, bottom: bool, right: bool) -> None:
    """A line on each side of the cell; the sides on the table's edge a little heavier."""
    borders = _set(tcpr, "w:tcBorders")
    for edge, outer in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        _set(borders, "w:" + edge, val="single", sz=BORDER_OUTER if outer else BORDER_INNER, space=0, color="000000")


def _origins(out: DocxTable) -> dict[tuple[int, int], Any]:
    """The cell that starts at each (row, column) of the grid, in one pass (Table.cell walks the whole table)."""
    from docx.table import _Cell

    found = {}
    for r, tr in enumerate(out._tbl.tr_lst):
        c = 0
        for tc in tr.tc_lst:
            if tc.vMerge != "continue":
                found[r, c] = _Cell(tc, out)
            c += tc.grid_span
    return found


def _add_table(doc: DocxDocument, table: FormatTable, figures: dict[str, Any]) -> None:
    """One table of the report's format: its rectangles merged, every cell bordered, header rows repeated, rows kept whole."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Twips

    size = _table_size(table)
    line = round(size * 1.3 * 20)
    widths = _col_widths(table)
    out = doc.add_table(rows=table.n_rows, cols=table.n_cols)
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    out.autofit = False
    tblpr = out._tbl.tblPr
    _set(tblpr, "w:tblW", w=TYPE_WIDTH, type="dxa")
    borders = _set(tblpr, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        outer = not edge.startswith("inside")
        _set(borders, "w:" + edge, val="single", sz=BORDER_OUTER if outer else BORDER_INNER, space=0, color="000000")
    margins = _set(tblpr, "w:tblCellMar")
    for edge, pad in (("top", CELL_PAD_Y), ("left", CELL_PAD_X), ("bottom", CELL_PAD_Y), ("right", CELL_PAD_X)):
        _set(margins, "w:" + edge, w=pad, type="dxa")
    for col, width in zip(out.columns, widths, strict=True):
        col.width = Twips(width)

    before = _origins(out)  # every cell, while there are no spans yet; merging keeps the corners' elements
    for gc in table.grid:
        if gc.rowspan > 1 or gc.colspan > 1:
            before[gc.row, gc.col].merge(before[gc.row + gc.rowspan - 1, gc.col + gc.colspan - 1])
    # every cell element, the continuations of vertical merges included: Word sizes rows by their paragraphs too
    style_id = doc.styles[STYLE_TABLE].style_id
    last_row = table.n_rows - 1
    for r, tr in enumerate(out._tbl.tr_lst):
        trpr = tr.get_or_add_trPr()
        _set(trpr, "w:cantSplit")
        if r < table.header_rows:
            _set(trpr, "w:tblHeader")  # repeated at the top of each page
        c = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Twips(sum(widths[c:c + span]))
            tcpr = tc.get_or_add_tcPr()
            _borders(tcpr, top=r == 0, left=c == 0, bottom=r == last_row, right=c + span == table.n_cols)
            _set(tcpr, "w:vAlign", val="center")
            for p in tc.p_lst:
                ppr = p.get_or_add_pPr()
                _set(ppr, "w:pStyle", val=style_id)
                if r < last_row:  # the table stays with its heading and in one piece, as in the PDF (Word)
                    _set(ppr, "w:keepNext")
                _set(ppr, "w:spacing", line=line, lineRule="exact")
            c += span

    origins = _origins(out)
    for gc in table.grid:
        if gc.role is Role.VALUE:
            text = format_value(figures.get(gc.code)) if gc.code else ""
            align = "center"
        else:
            text = clean_text(gc.text)
            align = "left" if gc.role is Role.LABEL and gc.rowspan == 1 else "center"
        para = origins[gc.row, gc.col].paragraphs[0]
        _set(para._p.get_or_add_pPr(), "w:jc", val=align)
        if text:
            _run_format(para.add_run(text)._r.get_or_add_rPr(), size=size)


# ---------------------------------------------------------------------------------------------------
# The document


def build_document(report: Report, *, draft: bool) -> DocxDocument:
    """The whole report as a python-docx Document (not yet saved)."""
    import docx

    doc = docx.Document()
    _setup_styles(doc)
    _setup_page(doc)
    _setup_font_table(doc)
    _setup_properties(doc, report)
    _setup_header_footer(doc, draft)

    _add_title(doc, report)
    if draft:
        para = doc.add_paragraph()
        _para_format(para._p.get_or_add_pPr(), line=LINE_PITCH, after=LINE_PITCH // 2, align="center")
        _run_format(para.add_run(DRAFT_NOTE)._r.get_or_add_rPr(), FONT_HEADING1, color=DRAFT_COLOR)
    tpl = report.template
    _add_text(doc, printed_text(report, "preamble"), tpl.subhead_pattern)
    figures = report.figures()
    after_table = False
    for section in tpl.sections:
        heading = _paragraph(doc, STYLE_HEADING1, section.heading)
        if after_table:
            _set(heading._p.get_or_add_pPr(), "w:spacing", before=LINE_PITCH // 2)
        if section.table:
            _set(heading._p.get_or_add_pPr(), "w:spacing", after=LINE_PITCH // 4)
            _add_table(doc, tpl.table(section.table), figures)
        else:
            _add_text(doc, printed_text(report, section.key), tpl.subhead_pattern)
        after_table = section.table is not None
    _add_signature(doc, signature(report.meta))
    return doc


def write_docx(report: Report, path: str | os.PathLike[str], *, draft: bool) -> DocxResult:
    """Write the report to `path` as a Word document (.docx).

    `draft` is the caller's verdict (model.checks.verdict.judge, as for the PDF): the document then carries 草稿.
    Raises ExportError (Chinese message) when the file cannot be written; no temporary file is left behind.
    """
    doc = build_document(report, draft=draft)
    with atomic_path(path, " Word 文档", ExportError) as tmp:
        doc.save(str(tmp))
    return DocxResult(draft=draft)
