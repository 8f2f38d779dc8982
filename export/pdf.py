"""The report as a PDF laid out after GB/T 9704-2012 (spec §8), drawn with reportlab; no Qt.

    result = write_pdf(report, "报告.pdf", draft=verdict.draft)  # 草稿: the caller's verdict (model.checks.verdict)
    result = write_pdf(report, "空表.pdf", draft=False, blank=True)  # 打印空表: the tables without figures
    result.missing_chars                               # characters no font has (printed as 〓)

Layout: A4; margins top 37 mm, left 28 mm, right 26 mm, bottom 35 mm (type area 156 × 225 mm); title 22 pt
小标宋 centred; body 16 pt 仿宋 on a grid of 22 lines × 28 characters, first lines indented two
characters, justified; 一、 headings 黑体; （一） headings 楷体 (1. and （1） stay 仿宋); page numbers 14 pt
宋体 `— 1 —` 7 mm below the type area, odd pages right and even pages left, one character in.

Every piece of text goes through `CJKParagraph`, a flowable that breaks lines with export/linebreak.py
(no line starts with ，。 etc., numbers stay whole) and draws each character with the first font that has
it (export/fonts.py). Text is drawn with canvas text operators, never through reportlab's Paragraph, so
`<b>` and `&amp;` print literally. The tables are built generically from the grid of the
report's own format (report.template.tables): spans, lines, values from the report; nothing here names a row or a column.

The file is written atomically (temporary file in the target folder, then os.replace); a locked or
read-only target raises ExportError with a Chinese message and leaves no temporary file behind.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from export import fonts
from export.errors import ExportError
from export.layout import (
    DATE_RIGHT_CHARS,
    DATE_SHAPE,
    DRAFT_NOTE,
    DRAFT_WORD,
    SEAL_LINES,
    Signature,
    signature,
    table_font_size,
    text_blocks,
)
from export.linebreak import CLOSE, atoms, break_ranges, legal_break
from model.files.atomic import atomic_path
from model.files.text_clean import clean_text
from model.report.printed import printed_text
from model.report.report import Report
from model.report.values import format_value
from model.template.types import Role
from model.template.types import Table as FormatTable

MM = 72.0 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 37 * MM, 35 * MM, 28 * MM, 26 * MM
TYPE_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
TYPE_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 225 mm
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28

TITLE_SIZE = 22.0  # 2号
BODY_SIZE = 16.0  # 3号
PAGE_NUMBER_SIZE = 14.0  # 4号
PAGE_NUMBER_GAP = 7 * MM  # below the type area
BODY_LEADING = TYPE_HEIGHT / LINES_PER_PAGE  # 22 lines per page
#: The 28-character grid: 16 pt characters advance 156 mm / 28 = 15.79 pt (as Word's 文档网格 does).
BODY_TRACKING = TYPE_WIDTH / CHARS_PER_LINE - BODY_SIZE
TITLE_LEADING = 1.5 * TITLE_SIZE
TABLE_PADDING = 2.0

BLANK_SUBTITLE = "（统计表空表）"

#: Characters that are in a text but have nothing to draw (zero-width spaces and joiners, the byte order
#: mark, variation selectors): no font has a glyph for them, and they would print as 〓.
_NOTHING_TO_DRAW = re.compile(r"[\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f]|[\U000e0100-\U000e01ef]")


@dataclass
class PdfResult:
    """What write_pdf did: characters no font has (printed as 〓), whether it carries the 草稿 mark."""

    draft: bool  # the caller's verdict, as given: never defaulted here
    missing_chars: set[str] = field(default_factory=set)
    pages: int = 0


# ---------------------------------------------------------------------------------------------------
# Text


@dataclass(frozen=True)
class TextStyle:
    size: float = BODY_SIZE
    leading: float = BODY_LEADING
    indent: float = 0.0  # first-line indent in points
    align: str = "justify"  # justify | left | center | right
    tracking: float = 0.0  # added to every character's advance (negative: the 28-character grid)
    balance: bool = False  # several lines of about equal length instead of a full line and a short one


BODY = TextStyle(indent=2 * (BODY_SIZE + BODY_TRACKING), tracking=BODY_TRACKING)


class _Context:
    """Per-export state: the characters no font has, and cached per-character metrics."""

    def __init__(self) -> None:
        self.missing: set[str] = set()
        self.bold_roles = frozenset(r for r in ("title", "heading2") if not fonts.is_native(r))
        self._chars: dict[tuple[str, str], tuple[fonts.Face, str, float]] = {}

    def char(self, role: str, ch: str) -> tuple[fonts.Face, str, float]:
        """(font, character drawn, advance per point of size) for `ch` in `role`."""
        key = (role, ch)
        info = self._chars.get(key)
        if info is None:
            face = fonts.font_for_char(role, ch)
            drawn = ch
            if face is None:
                self.missing.add(ch)
                drawn = fonts.REPLACEMENT
                face = fonts.font_for_char(role, drawn) or fonts.primary(role)
            info = self._chars[key] = (face, drawn, face.width(drawn, 1.0))
        return info


def drawable(text: str) -> str:
    """A user's text as the PDF draws it: the one cleaning of every writer (model.files.text_clean), then a
    tab as a space and the characters with nothing to draw left out."""
    return _NOTHING_TO_DRAW.sub("", clean_text(text).replace("\t", " "))


class CJKParagraph(Flowable):
    """A paragraph of Chinese text: our own line breaking, per-character fonts, justified, splittable.

    `parts` are (font role, text) pieces drawn in sequence (e.g. a 楷体 heading followed by 仿宋 text).
    """

    def __init__(self, parts: Sequence[tuple[str, str]], style: TextStyle, ctx: _Context, *,
                 first: bool = True, last: bool = True) -> None:
        super().__init__()
        self.parts = [(role, text) for role, text in parts if text]
        self.text = "".join(text for _, text in self.parts)
        self.style = style
        self.ctx = ctx
        self.first = first  # this piece starts the paragraph (gets the indent)
        self.last = last  # this piece ends the paragraph (its last line is not justified)
        self._roles: list[str] = []
        for role, text in self.parts:
            self._roles.extend([role] * len(text))
        self._role_set = sorted({role for role, _ in self.parts})
        self._lines: list[tuple[int, int]] = []
        self._width: float | None = None

    # -- layout ------------------------------------------------------------------------------------

    def _measure(self, ch: str) -> float:
        size, tracking = self.style.size, self.style.tracking
        return max(self.ctx.char(role, ch)[2] for role in self._role_set) * size + tracking

    def _break(self, width: float) -> None:
        if self._width == width:
            return
        indent = self.style.indent if self.first else 0.0
        lines = break_ranges(self.text, self._measure, width, width - indent) if self.text else []
        if self.style.balance and len(lines) > 1:
            lo, hi = width / len(lines), width  # the narrowest width that needs no more lines
            for _ in range(16):
                mid = (lo + hi) / 2
                if len(break_ranges(self.text, self._measure, mid, mid - indent)) <= len(lines):
                    hi = mid
                else:
                    lo = mid
            lines = break_ranges(self.text, self._measure, hi, hi - indent)
        elif self.style.align == "justify" and len(lines) > 1:
            lines = self._no_lone_character(lines, width, indent)
        self._lines = lines
        self._width = width

    def _no_lone_character(self, lines: list[tuple[int, int]], width: float, indent: float) -> list[tuple[int, int]]:
        """Avoid a last line of one character (孤字): bring the previous line's last character down with it.

        The shortened line stays justified. Nothing changes when the move would break a rule of
        linebreak.py (the line would start with a closing mark, a run would be split) or not fit.
        """
        (s1, e1), (s2, e2) = lines[-2], lines[-1]
        last = self.text[s2:e2].rstrip("".join(CLOSE))
        if len(last) != 1 or e1 - s1 < 4:
            return lines
        line_width = width - indent if len(lines) == 2 else width
        for k in range(e1 - 1, s1 + 1, -1):
            if legal_break(self.text, k) and not _inside_run(self.text, s1, e1, k):
                if sum(map(self._measure, self.text[k:e2])) <= width + 1e-6:
                    end = k
                    while end > s1 and self.text[end - 1] in " \u3000":
                        end -= 1
                    if sum(map(self._measure, self.text[s1:end])) <= line_width + 1e-6:
                        return lines[:-2] + [(s1, end), (k, e2)]
                break
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._break(availWidth)
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._break(availWidth)
        n = int((availHeight + 1e-6) // self.style.leading)
        if n <= 0:
            return []
        if n >= len(self._lines):
            return [self]
        return [self._piece(0, n, self.first, False), self._piece(n, len(self._lines), False, self.last)]

    def _piece(self, a: int, b: int, first: bool, last: bool) -> CJKParagraph:
        """Lines a..b as a paragraph of their own, already broken (the next frame has the same width)."""
        start, end = self._lines[a][0], self._lines[b - 1][1]
        parts: list[tuple[str, str]] = []
        pos = 0
        for role, text in self.parts:
            s, e = max(start, pos), min(end, pos + len(text))
            if s < e:
                parts.append((role, self.text[s:e]))
            pos += len(text)
        piece = CJKParagraph(parts, self.style, self.ctx, first=first, last=last)
        piece._lines = [(s - start, e - start) for s, e in self._lines[a:b]]
        piece._width = self._width
        return piece

    # -- drawing -----------------------------------------------------------------------------------

    def draw(self) -> None:
        canv = self.canv
        style = self.style
        size, leading = style.size, style.leading
        width = self._width if self._width is not None else self.width
        n = len(self._lines)
        for i, (s, e) in enumerate(self._lines):
            top = self.height - i * leading
            baseline = top - leading / 2 - 0.38 * size
            indent = style.indent if (self.first and i == 0) else 0.0
            is_last = self.last and i == n - 1
            self._draw_line(canv, s, e, indent, width - indent, baseline, is_last)

    def _draw_line(self, canv: Any, s: int, e: int, x0: float, avail: float, y: float, is_last: bool) -> None:
        style = self.style
        size, tracking = style.size, style.tracking
        text, roles = self.text, self._roles
        # atoms: a letter/digit run is one atom (never spread); every other character is its own atom
        items: list[tuple[int, int, str]] = []  # (start, end, kind)
        for a, b, kind in atoms(text[s:e]):
            if kind in ("word", "space"):
                items.append((s + a, s + b, kind))
            else:
                items.extend((s + k, s + k + 1, kind) for k in range(a, b))
        glyphs: list[tuple[fonts.Face, str, float, str]] = []  # per character: font, drawn char, advance, role
        for k in range(s, e):
            face, drawn, adv = self.ctx.char(roles[k], text[k])
            glyphs.append((face, drawn, adv * size + tracking, roles[k]))
        natural = sum(g[2] for g in glyphs)
        slack = avail - natural
        gaps = sum(1 for a, b, kind in items[1:] if kind != "space")
        extra = 0.0
        if style.align == "justify" and not is_last and gaps > 0 and 1e-3 < slack <= gaps * size:
            extra = slack / gaps
        if style.align == "center":
            x0 += max(0.0, slack) / 2
        elif style.align == "right":
            x0 += max(0.0, slack)
        # groups drawn with one text-show each: consecutive single characters of one font and role share
        # the justified character spacing; a run is drawn on its own with the plain tracking
        x = x0
        groups: list[list[Any]] = []  # [x, char space, role, [[font, text], …]]
        mergeable = False
        for a, b, kind in items:
            w = sum(glyphs[k - s][2] for k in range(a, b))
            if kind == "space":
                x += w
                mergeable = False
                continue
            role = roles[a]
            if kind == "word":
                pieces: list[list[Any]] = []
                for k in range(a, b):
                    face, drawn = glyphs[k - s][0], glyphs[k - s][1]
                    if pieces and pieces[-1][0] is face:
                        pieces[-1][1] += drawn
                    else:
                        pieces.append([face, drawn])
                groups.append([x, tracking, role, pieces])
                mergeable = False
            else:
                face, drawn = glyphs[a - s][0], glyphs[a - s][1]
                if mergeable and groups[-1][2] == role:
                    pieces = groups[-1][3]
                    if pieces[-1][0] is face:
                        pieces[-1][1] += drawn
                    else:
                        pieces.append([face, drawn])
                else:
                    groups.append([x, tracking + extra, role, [[face, drawn]]])
                mergeable = True
            x += w + extra
        bold = self.ctx.bold_roles
        for gx, cs, role, pieces in groups:
            if not pieces:
                continue
            t = canv.beginText()
            t.setTextOrigin(gx, y)
            t.setCharSpace(cs)
            if role in bold:
                t.setTextRenderMode(2)
            for face, chunk in pieces:
                t.setFont(face.name, size)
                t.textOut(chunk)
            if role in bold:
                canv.saveState()
                canv.setLineWidth(size * 0.03)
                canv.drawText(t)
                canv.restoreState()
            else:
                canv.drawText(t)


def _inside_run(text: str, start: int, end: int, k: int) -> bool:
    """Is position k (start < k < end) inside a letter/digit run of text[start:end]?"""
    return any(start + a < k < start + b for a, b, kind in atoms(text[start:end]) if kind == "word")


def _paragraph(parts: Sequence[tuple[str, str]], ctx: _Context, style: TextStyle = BODY) -> CJKParagraph:
    return CJKParagraph(parts, style, ctx)


def _keep_with_next(heading: CJKParagraph, lines: int = 2) -> list[Flowable]:
    """A heading preceded by a conditional page break: it never ends a page without `lines` lines after it.

    (reportlab's keepWithNext would keep the heading with the whole next paragraph and leave half pages
    empty before long paragraphs.)
    """
    height = heading.wrap(TYPE_WIDTH, TYPE_HEIGHT)[1]
    return [CondPageBreak(height + lines * BODY_LEADING + 0.01), heading]


def text_flowables(text: str, ctx: _Context, subheads: str) -> list[Flowable]:
    """A narrative section: one paragraph per line; sub-head lines (the format's `subheads` pattern, （一）…)
    are 楷体, the rest 仿宋.

    A sub-head followed by text on the same line (（一）主动公开。全年…) has only the part up to the
    first 。 in 楷体.
    """
    out: list[Flowable] = []
    for block in text_blocks(drawable(text), subheads):
        if block.head and block.body:
            out.append(_paragraph([("heading2", block.head), ("body", block.body)], ctx))
        elif block.head:
            out += _keep_with_next(_paragraph([("heading2", block.head)], ctx))
        else:
            out.append(_paragraph([("body", block.body)], ctx))
    return out


def title_lines(title: str, agency: str, measure: Any, width: float) -> list[str]:
    """The title in one line if it fits, else agency / rest (the usual two-line form), else balanced."""
    if sum(measure(c) for c in title) <= width:
        return [title]
    rest = title[len(agency):] if agency and title.startswith(agency) else ""
    if rest and sum(map(measure, agency)) <= width and sum(map(measure, rest)) <= width:
        return [agency, rest]
    lines = break_ranges(title, measure, width)
    lo, hi = width / 2, width  # narrowest width that keeps the same number of lines: even lengths
    for _ in range(20):
        mid = (lo + hi) / 2
        if len(break_ranges(title, measure, mid)) <= len(lines):
            hi = mid
        else:
            lo = mid
    return [title[s:e] for s, e in break_ranges(title, measure, hi)]


# ---------------------------------------------------------------------------------------------------
# 落款


#: One character of the 28-character grid: 成文日期右空四字 counts these.
GRID_CHAR = BODY_SIZE + BODY_TRACKING


class SignatureBlock(Flowable):
    """The 落款 (export.layout): SEAL_LINES blank lines for the seal, the agency's name centred over the
    date, the date four characters in from the right edge; with no date its line stays blank.

    A name too long to be centred over the date ends two characters in from the edge (as GB/T 9704 has
    it for a document without a seal); one longer than a line is broken like text, each line so placed.
    """

    def __init__(self, sign: Signature, ctx: _Context) -> None:
        super().__init__()
        self.sign = sign
        self.ctx = ctx
        self._name_lines: list[str] = []

    def _width(self, text: str) -> float:
        return sum(self.ctx.char("body", ch)[2] * BODY_SIZE + BODY_TRACKING for ch in text)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        name = drawable(self.sign.agency).replace("\n", " ")
        limit = availWidth - 2 * GRID_CHAR
        self._name_lines = [name[a:b] for a, b in break_ranges(name, self._width, limit)] if name else []
        self.width = availWidth
        self.height = (SEAL_LINES + max(1, len(self._name_lines)) + 1) * BODY_LEADING
        return self.width, self.height

    def placements(self, width: float) -> list[tuple[str, float]]:
        """(text, x of its left edge) of each line below the seal's room: the name's lines, then the date."""
        date = self.sign.date
        date_right = width - DATE_RIGHT_CHARS * GRID_CHAR
        date_width = self._width(date or DATE_SHAPE)
        centre = date_right - date_width / 2
        out = []
        for line in self._name_lines:
            w = self._width(line)
            out.append((line, min(centre - w / 2, width - 2 * GRID_CHAR - w)))
        if not self._name_lines:
            out.append(("", 0.0))
        out.append((date, date_right - self._width(date)))
        return out

    def draw(self) -> None:
        for i, (text, x) in enumerate(self.placements(self.width)):
            top = self.height - (SEAL_LINES + i) * BODY_LEADING
            baseline = top - BODY_LEADING / 2 - 0.38 * BODY_SIZE
            t = self.canv.beginText()
            t.setTextOrigin(x, baseline)
            t.setCharSpace(BODY_TRACKING)
            for ch in text:
                face, drawn, _ = self.ctx.char("body", ch)
                t.setFont(face.name, BODY_SIZE)
                t.textOut(drawn)
            self.canv.drawText(t)


def _signed(story: list[Flowable], block: SignatureBlock) -> list[Flowable]:
    """The story with the 落款 at its end, kept on one page with at least the last line of the text
    (GB/T 9704: no page with the 落款 alone)."""
    last = story[-1] if story else None
    if not isinstance(last, CJKParagraph):
        return [*story, block]
    last.wrap(TYPE_WIDTH, TYPE_HEIGHT)
    n = len(last._lines)
    if n <= 1:
        return [*story[:-1], KeepTogether([last, block])]
    head, tail = last._piece(0, n - 1, last.first, False), last._piece(n - 1, n, False, last.last)
    return [*story[:-1], head, KeepTogether([tail, block])]


# ---------------------------------------------------------------------------------------------------
# Tables


def table_flowable(table: FormatTable, figures: dict[str, Any] | None, ctx: _Context, width: float = TYPE_WIDTH) -> Table:
    """One table of the report's format as a reportlab Table: the grid's rectangles, spans and lines; figures or blanks."""
    size = table_font_size(table, width, TABLE_PADDING)
    total = sum(table.col_widths)
    col_widths = [w / total * width for w in table.col_widths]
    data: list[list[Any]] = [["" for _ in range(table.n_cols)] for _ in range(table.n_rows)]
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.primary("table").name),  # keeps Helvetica out of the file
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), TABLE_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), TABLE_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), TABLE_PADDING + 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), TABLE_PADDING + 1),
    ]
    for cell in table.grid:
        if cell.role is Role.VALUE:
            text = format_value(figures.get(cell.code)) if figures is not None and cell.code else ""
            align = "center"
        else:
            text = cell.text
            align = "left" if cell.role is Role.LABEL and cell.rowspan == 1 else "center"
        if text:
            style = TextStyle(size=size, leading=round(size * 1.3, 2), align=align, balance=align == "center")
            data[cell.row][cell.col] = CJKParagraph([("table", drawable(text))], style, ctx)
        if cell.rowspan > 1 or cell.colspan > 1:
            commands.append(("SPAN", (cell.col, cell.row),
                             (cell.col + cell.colspan - 1, cell.row + cell.rowspan - 1)))
    return Table(data, colWidths=col_widths, style=TableStyle(commands), repeatRows=table.header_rows or 0,
                 hAlign="CENTER")


# ---------------------------------------------------------------------------------------------------
# Pages


def _draw_runs(canv: Any, ctx: _Context, role: str, text: str, size: float, x: float, y: float,
               anchor: str = "left") -> float:
    """Draw a short single-line text (page number, marks) with per-character fonts; return its width."""
    chars = [ctx.char(role, ch) for ch in text]
    width = sum(adv for _, _, adv in chars) * size
    if anchor == "center":
        x -= width / 2
    elif anchor == "right":
        x -= width
    t = canv.beginText()
    t.setTextOrigin(x, y)
    for face, drawn, _ in chars:
        t.setFont(face.name, size)
        t.textOut(drawn)
    canv.drawText(t)
    return width


def _page_decorator(ctx: _Context, draft: bool):
    def on_page(canv: Any, doc: Any) -> None:
        page = canv.getPageNumber()
        canv.saveState()
        if draft:
            canv.setFillGray(0.86)
            canv.saveState()
            canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canv.rotate(52)
            _draw_runs(canv, ctx, "heading1", DRAFT_WORD, 160, 0, -56, "center")
            canv.restoreState()
            canv.setFillGray(0.25)
            _draw_runs(canv, ctx, "heading1", DRAFT_NOTE, 12, PAGE_WIDTH / 2, PAGE_HEIGHT - 20 * MM, "center")
        canv.setFillGray(0)
        # 一字线上距版心下边缘 7 mm: the dash sits about 0.35 em above the baseline
        y = MARGIN_BOTTOM - PAGE_NUMBER_GAP - 0.35 * PAGE_NUMBER_SIZE
        text = f"— {page} —"
        if page % 2:
            _draw_runs(canv, ctx, "number", text, PAGE_NUMBER_SIZE,
                       MARGIN_LEFT + TYPE_WIDTH - PAGE_NUMBER_SIZE, y, "right")
        else:
            _draw_runs(canv, ctx, "number", text, PAGE_NUMBER_SIZE, MARGIN_LEFT + PAGE_NUMBER_SIZE, y, "left")
        canv.restoreState()

    return on_page


def build_story(report: Report, ctx: _Context, *, blank: bool = False, tables_only: bool = False,
                note: str = "") -> list[Flowable]:
    """The flowables of the whole report (or of the blank form, or of the tables alone, as 汇总 prints,
    with its `note` under the title: which units the sum leaves out)."""
    agency = drawable(str(report.meta.get("agency", "") or "")).replace("\n", " ")
    tpl = report.template
    title = tpl.report_title(agency, report.year)
    story: list[Flowable] = []

    def measure_title(ch: str) -> float:
        return ctx.char("title", ch)[2] * TITLE_SIZE

    title_style = TextStyle(size=TITLE_SIZE, leading=TITLE_LEADING, align="center", balance=True)
    for line in title_lines(drawable(title).replace("\n", " "), agency, measure_title, TYPE_WIDTH):
        story.append(CJKParagraph([("title", line)], title_style, ctx))
    if blank:
        story.append(CJKParagraph([("heading2", BLANK_SUBTITLE)], replace(BODY, indent=0, align="center"), ctx))
    story.append(Spacer(TYPE_WIDTH, BODY_LEADING))
    if note:
        story += text_flowables(note, ctx, tpl.subhead_pattern)
    if not blank and not tables_only:
        story += text_flowables(report.text("preamble"), ctx, tpl.subhead_pattern)
    figures = None if blank else report.figures()
    for section in tpl.sections:
        heading = CJKParagraph([("heading1", section.heading)], BODY, ctx)
        if section.table:
            grid = table_flowable(tpl.table(section.table), figures, ctx)
            story.append(KeepTogether([heading, Spacer(TYPE_WIDTH, BODY_LEADING / 4), grid]))
            story.append(Spacer(TYPE_WIDTH, BODY_LEADING / 2))
        elif not blank and not tables_only:
            story += _keep_with_next(heading)
            story += text_flowables(printed_text(report, section.key), ctx, tpl.subhead_pattern)
    if not blank and not tables_only:
        story = _signed(story, SignatureBlock(signature(report.meta), ctx))
    return story


def build_document(story: list[Flowable], path: str | os.PathLike[str], ctx: _Context, *, draft: bool,
                   title: str, author: str = "", subject: str = "") -> int:
    """Lay `story` out on GB/T 9704 pages (A4, the type area, page numbers, 草稿 when `draft`) and write it
    to `path` atomically; the number of pages. Every PDF the program writes goes through here."""
    with atomic_path(path, " PDF ", ExportError) as tmp:
        doc = BaseDocTemplate(
            str(tmp), pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=title, author=author, subject=subject,
            creator="政务公开年报助手", lang="zh-CN", initialFontName=fonts.primary("body").name,
        )
        # a hair taller than 22 lines so that rounding never pushes the 22nd line to the next page
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM - 0.01, TYPE_WIDTH, TYPE_HEIGHT + 0.02, leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        doc.addPageTemplates([PageTemplate("page", [frame], onPage=_page_decorator(ctx, draft))])
        doc.build(story)
        return doc.page


def write_pdf(report: Report, path: str | os.PathLike[str], *, draft: bool,
              blank: bool = False, tables_only: bool = False, note: str = "") -> PdfResult:
    """Write the report (or, with blank=True, the 打印空表 form) to `path` as PDF.

    `draft` is the caller's verdict (model.checks.verdict.judge for a report, Aggregation.draft for a sum; False
    for the blank form): every page then carries 草稿. Raises ExportError (Chinese message) when the file
    cannot be written.
    """
    ctx = _Context()
    story = build_story(report, ctx, blank=blank, tables_only=tables_only, note=note)
    agency = drawable(str(report.meta.get("agency", "") or "")).replace("\n", " ")
    title = report.template.report_title(agency, report.year) + (BLANK_SUBTITLE if blank else "")
    pages = build_document(story, path, ctx, draft=draft, title=title, author=agency,
                           subject=report.template.format_title)
    return PdfResult(missing_chars=set(ctx.missing), draft=draft, pages=pages)


def missing_chars_message(chars: set[str]) -> str:
    """A Chinese notice for the user about characters printed as 〓."""
    shown = "、".join(f"“{c}”(U+{ord(c):04X} {unicodedata.name(c, '')})".replace(" )", ")")
                     for c in sorted(chars)[:10])
    more = f"等 {len(chars)} 个字符" if len(chars) > 10 else ""
    return f"以下字符在可用字体中没有字形，PDF 中以“{fonts.REPLACEMENT}”代替：{shown}{more}。"
