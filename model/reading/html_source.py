"""A saved web page: the report inside a portal page full of menus, scripts and link lists.

Read with the standard library's tolerant HTML parser into a small tree, then walked in document order
into paragraphs and tables. What is no content is left out here: scripts, styles, forms' controls,
hidden elements, navigation, and every line that is mostly links (menus, breadcrumbs, 上一篇/下一篇,
the list of other years' reports). Tables that hold tables, or long text, are page layout and are read
as text; the others are data tables, read into a grid with rowspan and colspan honoured (a merged
cell's text in its first position). The rest of the noise (发布时间, 【打印本页】 …) is recognised in
the text by the importer, the same for every source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from model.reading.blocks import Block, Paragraph, TableBlock
from model.report.storage import ReportFileError

#: Elements whose content is never report text.
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                   "select", "option", "textarea", "button", "nav", "head", "canvas", "audio", "video", "map"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr", "keygen"})
#: Elements that begin a new line of text.
_BLOCK = frozenset({"address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div",
                    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
                    "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "ul",
                    "caption", "tr", "td", "th", "tbody", "thead", "tfoot", "table", "body", "html"})
#: A <p> ends where one of these begins (HTML's implied end tags).
_CLOSES_P = _BLOCK - {"td", "th", "tr", "tbody", "thead", "tfoot", "caption", "body", "html"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WS = re.compile(r"[ \t\n\r\f]+")
#: Bounds on what is built: far above any report page (a few thousand elements), far below harm.
MAX_NODES = 300_000
#: Elements nested deeper than this are read as if they were not nested (the tree is walked recursively).
MAX_DEPTH = 120
MAX_SPAN = 50  # rowspan/colspan beyond this are clamped (the format's widest table has 15 columns)
MAX_TABLE_CELLS = 20_000
#: A cell with more text than this is page layout (an article in a table), not a table's cell.
MAX_DATA_CELL_CHARS = 300
#: A line whose text is at least this share of link text is navigation, not report text.
LINK_SHARE = 0.6


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """A forgiving tree builder: implied end tags for p, li, td, th, tr; stray end tags ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack: list[_Node] = [self.root]
        self.skip_depth = 0
        self.skip_tag = ""
        self.title_parts: list[str] = []
        self.in_title = False
        self.count = 0
        self.too_deep = 0  # elements opened beyond MAX_DEPTH, not put on the stack

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        attributes = {k: v or "" for k, v in attrs}
        hidden = "hidden" in attributes or _HIDDEN_STYLE.search(attributes.get("style", ""))
        if tag in _SKIP or hidden:
            if tag not in _VOID:
                self.skip_depth, self.skip_tag = 1, tag
            return
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge
        self._close_implied(tag)
        if len(self.stack) > MAX_DEPTH:
            if tag not in _VOID:
                self.too_deep += 1
            if tag != "br":
                return
        node = _Node(tag, attributes)
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """<div/>: whatever its start opened (a skipped element, an element too deep, a node) is closed."""
        before = (self.skip_depth, self.too_deep, len(self.stack), self.stack[-1])
        self.handle_starttag(tag, attrs)
        if tag in _VOID:
            return
        if self.skip_depth > before[0]:
            self.skip_depth -= 1
        elif self.too_deep > before[1]:
            self.too_deep -= 1
        elif self.stack[-1] is not before[3] and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth -= 1
            return
        if self.too_deep:
            self.too_deep -= 1
            return
        for i in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[i].tag
            if open_tag == tag:
                del self.stack[i:]
                return
            if open_tag == "table" and tag != "table":
                return  # an end tag never closes across a table it is not in

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if not self.skip_depth:
            self.stack[-1].children.append(data)

    def _close_implied(self, tag: str) -> None:
        def close_to(names: set[str], stop: set[str]) -> None:
            for i in range(len(self.stack) - 1, 0, -1):
                t = self.stack[i].tag
                if t in stop:
                    return
                if t in names:
                    del self.stack[i:]
                    return

        if tag in _CLOSES_P:
            close_to({"p"}, {"table", "td", "th", "li", "div", "body"})
        if tag == "li":
            close_to({"li"}, {"ul", "ol", "table"})
        elif tag in ("td", "th"):
            close_to({"td", "th"}, {"tr", "table"})
        elif tag == "tr":
            close_to({"tr"}, {"table"})
        elif tag in ("tbody", "thead", "tfoot"):
            close_to({"tbody", "thead", "tfoot"}, {"table"})


class _TooLarge(Exception):
    pass


def html_blocks(text: str, name: str) -> tuple[list[Block], str]:
    """The paragraphs and tables of a web page in document order, and the page's <title>."""
    builder = _TreeBuilder()
    try:
        builder.feed(text)
        builder.close()
    except _TooLarge:
        raise ReportFileError(f"“{name}”中的网页元素过多（超过 {MAX_NODES} 个），不是正常的网页，"
                              "为防止程序长时间无响应，未读取。") from None
    walker = _Walker()
    walker.flow(builder.root)
    walker.flush()
    return walker.blocks, _WS.sub(" ", "".join(builder.title_parts)).strip()


class _Walker:
    """Turns the tree into blocks: lines of text (without link-heavy ones) and data tables."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0

    def flush(self) -> None:
        text = _WS.sub(" ", "".join(self.parts)).replace("\xa0", " ").strip()
        total = len(text.replace(" ", ""))
        if total and self.link_chars < LINK_SHARE * total:
            self.blocks.append(Paragraph(text))
        self.parts, self.link_chars = [], 0

    def flow(self, node: _Node, in_link: bool = False) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.parts.append(child)
                if in_link:
                    self.link_chars += len(_WS.sub("", child))
                continue
            tag = child.tag
            if tag == "br":
                self.flush()
            elif tag == "table":
                self.flush()
                grid = _data_table(child)
                if grid is None:
                    self.flow(child)
                    self.flush()
                else:
                    self.blocks.append(TableBlock(grid))
            elif tag in _BLOCK:
                self.flush()
                self.flow(child, in_link)
                self.flush()
            else:
                self.flow(child, in_link or tag == "a")


def _cell_text(node: _Node) -> str:
    parts: list[str] = []

    def walk(n: _Node) -> None:
        for child in n.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append(" ")
            else:
                walk(child)

    walk(node)
    return _WS.sub(" ", "".join(parts)).replace("\xa0", " ").strip()


def _rows_of(table: _Node) -> list[_Node]:
    rows: list[_Node] = []
    for child in table.children:
        if isinstance(child, str):
            continue
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("tbody", "thead", "tfoot"):
            rows.extend(c for c in child.children if isinstance(c, _Node) and c.tag == "tr")
    return rows


def _has_table(node: _Node) -> bool:
    return any(isinstance(c, _Node) and (c.tag == "table" or _has_table(c)) for c in node.children)


def _span(value: str | None) -> int:
    try:
        return min(MAX_SPAN, max(1, int((value or "1").strip() or 1)))
    except ValueError:
        return 1


def _data_table(table: _Node) -> list[list[str]] | None:
    """The grid of a data table (merged cells: text in the first position, blank in the rest; each row
    as long as its cells reach), or None
    if the table is page layout: it holds tables or long texts, or is a single row or column."""
    if _has_table(table):
        return None
    occupied: dict[tuple[int, int], str] = {}
    rows = _rows_of(table)
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.children:
            if not isinstance(cell, _Node) or cell.tag not in ("td", "th"):
                continue
            while (r, c) in occupied:
                c += 1
            text = _cell_text(cell)
            if len(text) > MAX_DATA_CELL_CHARS:
                return None
            rowspan, colspan = _span(cell.attrs.get("rowspan")), _span(cell.attrs.get("colspan"))
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied[(r + dr, c + dc)] = text if dr == dc == 0 else ""
            if len(occupied) > MAX_TABLE_CELLS:
                return None
            c += colspan
            width = max(width, c)
    height = len(rows)
    if height < 2 or width < 2:
        return None
    # A row is as long as its own cells reach (spans from rows above included), never padded to the
    # table's width: a row that lost a <td> then ends early, and the locator sees it is one short instead
    # of reading its cells shifted under the wrong headers (the 总计 under 其他).
    ends: dict[int, int] = {}
    for r, c in occupied:
        ends[r] = max(ends.get(r, 0), c + 1)
    return [[occupied.get((r, c), "") for c in range(ends.get(r, 0))] for r in range(height)]
