"""Importing a published report: text copied from a page or from Word/WPS, a saved page, a .docx.

Each source reader turns its file into paragraphs and tables (blocks.py); from there everything is
done once, here, whatever the source: the title gives 机关名称 and 年度, the text between the title and
一、总体情况 is the preamble, the six sections are found by their headings in any usual numbering, and
the rows of the tables go to the one locator of the official tables (grid.py). Page furniture —
发布时间 and 来源 lines, 索引号 tables, 【打印本页】, 字号：大 中 小, links, footers — is recognised and left
out; text before the title and after the end of the report is not imported, and the user is told.
Nothing in the report is dropped silently: what could not be placed is listed by name.

A file is bounded before it is trusted (size, archive checks, element counts in each reader).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from model.reading.blocks import Block, Paragraph, TableBlock, decode_text
from model.reading.grid import TableReading, read_tables, rows_from_lines
from model.reading.labels import HEADING_MAX_CHARS, heading_match, key, section_heading
from model.reading.notices import LABEL_RULE, Notice, remark
from model.reading.signatures import ARCHIVE, OLE2_MAGIC, PDF, WHAT_WE_IMPORT, old_office_message, sniff
from model.reading.text_source import text_blocks
from model.report.report import Report, new_report
from model.report.storage import MAX_FILE_BYTES, ReportFileError, read_bytes
from model.template.template import Template

__all__ = ["ImportResult", "import_bytes", "import_published", "import_text", "old_office_message"]

#: Text and web pages above this are no report (a report page is 50–500 KB, the sample text 10 KB).
MAX_TEXT_BYTES = MAX_FILE_BYTES
#: A .docx may carry pictures (seals, screenshots); its parts are bounded by the archive checks.
MAX_DOCX_BYTES = 50 * 1024 * 1024
#: Characters of pasted text accepted (the wizard's paste box).
MAX_TEXT_CHARS = MAX_FILE_BYTES // 2
#: Lines and tables of one document: a report has a few hundred, a saved page a few thousand.
MAX_ITEMS = 50_000
_HTML_SUFFIXES = (".htm", ".html", ".shtml", ".xhtml", ".asp", ".aspx", ".jsp", ".php")
_HTML_START = re.compile(r"<(?:!doctype|html|head|body|meta|div|table|p|title)\b", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]{2,20})", re.I)


@dataclass
class ImportResult:
    """The report read from a published document, and what the user must be told about it (records)."""

    report: Report
    kind: str = "text"  # what it was read from: text, html, docx, pdf, handmade (model.reading.documents.KINDS)
    told: list[Notice] = field(default_factory=list)

    def records(self) -> list[Notice]:
        """Every notice as a record (rule, severity, location): G2 for labels printed otherwise, then R1
        warnings for what could not be placed, then R1 info for what was left out or read with a remark."""
        return self._labels() + self._unplaced() + self._remarks()

    def _labels(self) -> list[Notice]:
        return [n for n in self.told if n.rule == LABEL_RULE]

    def _unplaced(self) -> list[Notice]:
        return [n for n in self.told if n.unplaced]

    def _remarks(self) -> list[Notice]:
        return [n for n in self.told if n.rule != LABEL_RULE and not n.unplaced]

    @property
    def notices(self) -> list[str]:
        """The remarks' texts: what was read with a remark or left out on purpose."""
        return [n.message for n in self._remarks()]

    @property
    def aliases(self) -> list[str]:
        """The texts of the labels printed otherwise than the format's (G2)."""
        return [n.message for n in self._labels()]

    @property
    def unplaced(self) -> list[str]:
        """The texts of what could not be placed, by name."""
        return [n.message for n in self._unplaced()]

    def messages(self) -> list[str]:
        """The notices as the user reads them in a list: remarks, labels, then what was not placed."""
        return self.notices + self.aliases + [f"未能识别：{u}" for u in self.unplaced]


def import_published(path: str | Path, template: Template | None = None) -> ImportResult:
    """Read a published report (.txt, .md, .html, .docx, .pdf) into a report of `template` (the current
    format where no report tells: an import makes a new report); ReportFileError with a Chinese message
    if it is none."""
    path = Path(path)
    return import_bytes(read_bytes(path, MAX_DOCX_BYTES, "发布的年度报告"), path.name, _format(template))


def import_bytes(data: bytes, name: str, template: Template) -> ImportResult:
    """Read a published report from a file's bytes; the kind is decided by the content (signatures.sniff)."""
    suffix = Path(name).suffix.lower()
    kind = sniff(data, name)
    if kind == ARCHIVE:
        from model.reading.docx_source import docx_blocks  # python-docx only for a .docx

        return assemble(docx_blocks(data, name), name, template, kind="docx")
    if kind == PDF:
        from model.reading.pdf_source import pdf_blocks  # pdfplumber only for a PDF

        pdf = pdf_blocks(data, name)
        result = assemble(pdf.blocks, name, template, kind="pdf")
        result.told[:0] = pdf.notices
        return result
    _refuse_foreign(data, name)
    if len(data) > MAX_TEXT_BYTES:
        raise ReportFileError(f"“{name}”过大（{len(data) // 1024 // 1024} MB），不是发布的年度报告。")
    declared = _META_CHARSET.search(data[:4096])
    text = decode_text(data, name, declared.group(1).decode("ascii") if declared else None)
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and (_HTML_START.search(head) or suffix in _HTML_SUFFIXES):
        from model.reading.html_source import html_blocks

        blocks, page_title = html_blocks(text, name)
        return assemble(blocks, name, template, page_title, kind="html")
    return assemble(_text_blocks(text, name), name, template)


def import_text(text: str, source_name: str = "粘贴的文字", template: Template | None = None) -> ImportResult:
    """Read a published report from copied text (the wizard's paste box) into a report of `template`
    (the current format where no report tells: the paste box makes a new report)."""
    if len(text) > MAX_TEXT_CHARS:
        raise ReportFileError(f"“{source_name}”过长（{len(text)} 个字符），不是一份年度报告。")
    return assemble(_text_blocks(text, source_name), source_name, _format(template))


def _format(template: Template | None) -> Template:
    """The format a new report is read into: the one given, else the current one."""
    from model.template import CURRENT

    return template or CURRENT


def _text_blocks(text: str, name: str) -> list[Block]:
    lines = text.count("\n") + 1
    if lines > MAX_ITEMS:
        raise _too_many(name, lines)
    return text_blocks(text)


def _too_many(name: str, n: int) -> ReportFileError:
    return ReportFileError(f"“{name}”的内容过多（{n} 行），不是一份年度报告。为防止程序长时间无响应，未读取。")


def _refuse_foreign(data: bytes, name: str) -> None:
    """Refuse, with what they are, the files that are no published report in a form we read."""
    if data.startswith(OLE2_MAGIC):
        raise ReportFileError(old_office_message(name))
    head = data[:2048].lower()
    if head.startswith((b"mime-version", b"from:")) or b"multipart/related" in head:
        raise ReportFileError(f"“{name}”是“单个文件网页”（.mht），无法直接导入。请在浏览器中打开，另存为“网页，仅 HTML”"
                              f"（.html），或全选复制文字粘贴导入。")
    if data.startswith(b"{\\rtf"):
        raise ReportFileError(f"“{name}”是 RTF 文档，请用 Word 或 WPS 另存为 Word 文档（.docx）后导入。")
    if data.lstrip()[:1] == b"{" and b"gov-info-disclosure-annual-report" in data[:4096]:
        raise ReportFileError(f"“{name}”已经是本程序的报告文件，请直接打开，不必导入。")


# ---------------------------------------------------------------------------------------------------
# Recognising page furniture

#: A line of page information (发布时间：…, 来源：…, 索引号：…), never report text.
_INFO_LINE = re.compile(
    r"^[【\[]?\s*(?:发布时间|发布日期|发文日期|成文日期|更新时间|时间|日期|来源|信息来源|文章来源|索引号|发布机构|"
    r"发文机关|发文字号|文号|浏览次数|浏览量|访问量|访问次数|点击数|点击量|点击率|阅读次数|阅读量|作者|编辑|责任编辑|"
    r"字号|字体|主题分类|体裁分类|组配分类|服务对象|主题词|有效性|生效日期|失效日期|公开方式|公开范围|公开时限|"
    r"信息类别|分享到?|当前位置|您当前的位置|您的位置|所在位置)\s*[:：]")
#: Buttons and small words of a page (【打印本页】 【关闭窗口】 大 中 小 …): a line of nothing else is furniture.
_CHROME = re.compile(
    r"[【\[（(]?\s*(?:打印本页|打印此页|打印正文|打印文章|我要打印|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|"
    r"收藏本页|加入收藏|收藏|保存本页|保存|我要纠错|纠错|视力保护色|默认|分享到|扫一扫在手机打开当前页|扫一扫|"
    r"大|中|小|A\+|A-|A)\s*[】\]）)]?")
_CHROME_REST = re.compile(r"[\s:：|/·•>＞»-]")
#: The page after the article: a line starting so ends the report.
_END_LINE = re.compile(r"^[【\[]?\s*(?:上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|相关信息|相关文件|"
                       r"相关稿件|版权所有|主办单位|主办：|承办单位|承办：|维护单位|网站标识码|网站地图|联系我们|"
                       r"Copyright|©)", re.I)
_END_ANYWHERE = re.compile(r"ICP备|版权所有|网站标识码|Copyright ©", re.I)
#: Lines of a page or of an official document's colophon that belong to no section wherever they stand:
#: 相关链接/友情链接 captions, 扫一扫/分享到 widgets, 抄送/印发 lines of the 版记.
_FURNITURE = re.compile(r"^[【\[]?\s*(?:相关链接|友情链接|相关附件|扫一扫|分享到|抄送\s*[:：]|主送\s*[:：])|"
                        r"^.{0,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$|^打印本页|^关闭窗口")
_NOISE_MAX = 160  # a longer line is text, whatever it starts with

_DATE = r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
_PUBLISHED = re.compile(r"(?:发布时间|发布日期|公开日期|发文日期|成文日期|日期|时间)\s*[:：]?\s*" + _DATE)
_META_TABLE_WORDS = ("索引号", "发布机构", "发布日期", "发布时间", "成文日期", "主题分类", "发文字号", "文号")


_PAGE_NUMBER = re.compile(r"^[-—－–]+\s*\d{1,3}\s*[-—－–]+$")  # — 3 — of a copy out of a PDF


def _is_chrome(s: str) -> bool:
    """A line of nothing but a page's buttons and small words (【打印本页】【关闭窗口】, 大 中 小)."""
    return not _CHROME_REST.sub("", _CHROME.sub("", s))


def _is_noise(line: str) -> bool:
    """Page information, buttons or a page number: never report text."""
    s = line.strip()
    return len(s) <= _NOISE_MAX and bool(_INFO_LINE.match(s) or _is_chrome(s) or _PAGE_NUMBER.match(s)
                                         or _FURNITURE.match(s))


def _ends_report(line: str) -> bool:
    """The page after the article: footer, 上一篇, buttons."""
    s = line.strip()
    return len(s) <= _NOISE_MAX and bool(_END_LINE.match(s) or _END_ANYWHERE.search(s) or _is_chrome(s)
                                         or _FURNITURE.match(s))


def _is_meta_table(table: TableBlock) -> bool:
    text = "".join("".join(row) for row in table.rows[:12])
    return sum(word in text for word in _META_TABLE_WORDS) >= 2


def _table_text(table: TableBlock) -> list[str]:
    return ["  ".join(c.strip() for c in row if c.strip()) for row in table.rows if any(c.strip() for c in row)]


# ---------------------------------------------------------------------------------------------------
# Title, basic information


_YEAR_CN = str.maketrans("〇零一二三四五六七八九", "00123456789")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2}|[二][〇零][一二三四五六七八九〇零]{2})年度?")
_TITLE_END = re.compile(r"(?:年度报告|年报)[)）]?$")  # a sentence ending in 。 is never the title


def _title_parts(line: str) -> tuple[str, int] | None:
    """(机关名称, 年度) if `line` is a report's title, e.g. 金乡县行政审批服务局2022年政府信息公开工作年度报告;
    the name is "" when the line does not carry it (2022年政府信息公开工作年度报告, under a line with the name)."""
    if len(line) > 200:
        return None
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", line))
    if not 6 <= len(s) <= 90 or "公开" not in s:
        return None
    bracket = re.search(r"\(([^()]*)\)$", s)  # 政府信息公开工作年度报告（2022年度）
    if bracket and _TITLE_YEAR.search(bracket.group(1)):
        year_match = _TITLE_YEAR.search(bracket.group(1))
        s = s[:bracket.start()]
        before = s[:max(s.find("政府信息公开"), s.find("政务公开"), 0)]
    else:
        year_match = _TITLE_YEAR.search(s)
        before = s[:year_match.start()] if year_match else ""
    if year_match is None or not _TITLE_END.search(s):
        return None
    year = int(year_match.group(1).translate(_YEAR_CN))
    agency = re.sub(r"(?:关于|的)+$", "", before)
    if not agency and not bracket:  # 2022年金乡县××局政府信息公开工作年度报告
        after = s[year_match.end():]
        cut = max(after.find("政府信息公开"), after.find("政务公开"))
        agency = after[:cut] if cut > 0 else ""
    if agency.endswith("人民"):
        agency += "政府"
    return (agency if 2 <= len(agency) <= 60 else ""), year


#: A line that is only an agency's name: the first line of a title written on two lines.
_AGENCY_LINE = re.compile(r"^[\u4e00-\u9fff()·]{2,40}(?:局|委员会|委|办公室|办|政府|厅|院|会|中心|处|所|站|队|部|署|馆|"
                          r"社|办事处|管委会|室|公司)$")


_GOVERNMENT = re.compile(r"(?:省|市|县|区|旗|州|盟|乡|镇)(?:人民)?政府(?:办公室|办公厅)?$")
_TOWNSHIP = re.compile(r"[县区市旗].*?(?:乡|镇|街道)(?:人民政府|办事处)?$|(?:乡|镇)人民政府$|街道办事处$")
_COUNTY = re.compile(r"县|旗|(?<![自治社小地园校景])区")
_WEBSITE = re.compile(r"(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:gov\.cn|cn|com|net|org)(?:/[\w./?=&%-]*)?")
_ADDRESS = re.compile(r"(?:联系)?地址\s*[:：]\s*([^，,；;。）)\n]{4,60})")
_PHONE = re.compile(r"(?:联系)?电话\s*[:：]?\s*((?:\d{3,4}[-－—]?)?\d{7,8}(?:[-－—]\d{1,5})?)")
_AGENCY_IN_PREAMBLE = re.compile(r"本报告(?:是)?由(.{2,40}?)(?:按照|根据|依据|依照|遵照)")
_PERIOD_YEAR = re.compile(r"(\d{4})\s*年\s*1\s*月\s*1\s*日")


#: A body that governs an area without being a people's government: the 管理委员会 of a 综合实验区,
#: 新区, 开发区 … reports for its area as a government does (平潭综合实验区管理委员会).
_AREA_BODY = re.compile(r"(?:实验区|试验区|示范区|新区|开发区|高新区|园区|合作区|保税区|自贸区|片区)(?:管理委员会|管委会)"
                        r"(?:办公室|党政办公室)?$")


def agency_kind(agency: str) -> str:
    """government for a people's government (or its 办公室) of a 县/市/区 …, or the 管理委员会 of an area
    (its report covers the area); department otherwise. The whole name decides, not its last word."""
    name = re.sub(r"\s+", "", agency)
    return "government" if _GOVERNMENT.search(name) or _AREA_BODY.search(name) or name.endswith("人民政府") \
        else "department"


def _admin_level(agency: str) -> str | None:
    """The level where the name leaves no doubt (a 县/区 body, a 乡/镇/街道); else None (a 市 may be
    a county-level city)."""
    if _TOWNSHIP.search(agency):
        return "township"
    if _COUNTY.search(agency):
        return "county"
    return None


# ---------------------------------------------------------------------------------------------------
# Text sections

#: A line ending in a Chinese character, a comma or an opening bracket, followed by a line that starts
#: no new item, was broken by the copy (or by the PDF the page was made from) in mid-sentence.
_MID_SENTENCE = re.compile(r"[\u4e00-\u9fff，、,（(“《]$")
_NEW_ITEM = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．是要]|\d{1,2}[.．、]|"
                       r"第[一二三四五六七八九十]|[①-⑳])")
_BROKEN_MIN = 15  # characters: a shorter line is a heading or a signature, not a wrapped line
_SIGNATURE_DATE = re.compile(r"^\s*(?:\d{4}|[二][〇零一二三四五六七八九]{3})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*$")


def _join_broken(template: Template, lines: list[str]) -> tuple[list[str], int]:
    paragraphs: list[list[str]] = []
    joined = 0
    for line in lines:
        if paragraphs and _broken(template, paragraphs[-1], line):
            paragraphs[-1].append(line)
            joined += 1
        else:
            paragraphs.append([line])
    return ["".join(p) for p in paragraphs], joined


def _broken(template: Template, paragraph: list[str], line: str) -> bool:
    prev = paragraph[-1]
    return (len(prev) >= _BROKEN_MIN and _MID_SENTENCE.search(prev) is not None
            and not (len(paragraph) == 1 and _NEW_ITEM.match(prev))
            and not _NEW_ITEM.match(line) and section_heading(template, line) is None)


# ---------------------------------------------------------------------------------------------------
# Assembling the report


#: Markdown marks of a copied text: `# 标题`, `**加粗**`, `> 引用`.
_MARKDOWN = re.compile(r"^#{1,6}\s+|^>\s+|\*\*")


@dataclass
class _Item:
    """A line of text, or a table, in document order."""

    line: str | None = None
    table: TableBlock | None = None


def _items(blocks: list[Block]) -> list[_Item]:
    items: list[_Item] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            for line in block.text.split("\n"):
                line = _MARKDOWN.sub("", line.replace("\t", " ").strip().strip("\u3000\xa0\ufeff").strip()).strip()
                if line:
                    items.append(_Item(line=line))
        elif block.rows:
            items.append(_Item(table=block))
    return items


class _Assembler:
    def __init__(self, blocks: list[Block], name: str, template: Template, page_title: str = "") -> None:
        self.name = name
        self.template = template
        self.items = _items(blocks)
        if len(self.items) > MAX_ITEMS:
            raise _too_many(name, len(self.items))
        self.page_title = page_title
        self.result = ImportResult(new_report(template))
        self.headless: set[str] = set()  # sections found without their heading (their text starts at heads[sec])

    def _note(self, kind: str, **params: Any) -> None:
        """Tell the user something read with a remark or left out (notices.remark: kind, cells, section,
        field and the parameters of its text)."""
        self.result.told.append(remark(kind, **params))

    def run(self) -> ImportResult:
        items = self.items
        heads = self._headings()
        first_head = min(heads.values(), default=None)
        title_at = self._title(first_head if first_head is not None else self._first_table())
        start = title_at + 1 if title_at is not None else 0
        end = self._end(max(heads.values(), default=start - 1) + 1)
        if title_at is not None and title_at > 0:
            two_lines = self._title_text(title_at)[0] != items[title_at].line
            head = items[:title_at - 1 if two_lines else title_at]
            skipped = sum(1 for it in head if it.line is not None and not _is_noise(it.line))
            if skipped:
                self._note("before-title-left-out", field="title", count=skipped)
        if end < len(items):
            skipped = sum(1 for it in items[end:] if it.line is not None)
            other = items[end].line if items[end].line and _title_parts(items[end].line) else None
            if other:
                self._note("second-report-left-out", section="s6", title=other.strip())
            elif skipped:
                self._note("after-end-left-out", section="s6", count=skipped)
        self._published(items[:first_head if first_head is not None else end])

        order = sorted(heads.items(), key=lambda kv: kv[1])
        bounds = {sec: (at + (0 if sec in self.headless else 1), order[i + 1][1] if i + 1 < len(order) else end)
                  for i, (sec, at) in enumerate(order)}
        table_sections = [sec.key for sec in self.template.sections if sec.table and sec.key in bounds]
        reading = read_tables(self._table_rows(bounds, table_sections, start, end), self.template)
        sections = self.result.report.sections
        sections["preamble"] = self._text("preamble", items[start:first_head if first_head is not None else end],
                                          table_sections)
        for sec in self.template.text_section_keys:
            if sec in bounds:  # the preamble has no heading: it is the text before the first one
                a, b = bounds[sec]
                sections[sec] = self._text(sec, items[a:b], table_sections)

        if not heads and not reading.found:
            raise ReportFileError(
                f"“{self.name}”中没有找到政府信息公开工作年度报告：既没有“{self.template.sections[0].heading}”"
                "等各部分的标题，"
                f"也没有年报的统计表。{WHAT_WE_IMPORT}")
        self._meta(title_at)
        self._finish(heads, reading)
        return self.result

    # -- where things are ---------------------------------------------------------------------------

    def _headings(self) -> dict[str, int]:
        """Section key → item index of its heading; headings are taken in the format's order only."""
        heads: dict[str, int] = {}
        last = -1
        keys = [sec.key for sec in self.template.sections]
        for i, item in enumerate(self.items):
            if item.line is None or len(item.line) > HEADING_MAX_CHARS:
                continue
            found = heading_match(self.template, item.line)
            if found is not None and keys.index(found[0]) > last:
                sec, exact = found
                heads[sec] = i
                last = keys.index(sec)
                if not exact:
                    official = self.template.section(sec).heading
                    self._note("heading-reworded", section=self._text_section(sec),
                               numeral=official.split("、", 1)[0], written=item.line.strip(), official=official)
        self._headless_s5(heads)
        return heads

    def _headless_s5(self, heads: dict[str, int]) -> None:
        """Section 五 printed without its heading: the text after table 四 and before 六 is section 五."""
        if "s5" in heads or "s4" not in heads or "s6" not in heads:
            return
        last_table = max((i for i in range(heads["s4"] + 1, heads["s6"]) if self.items[i].table is not None),
                         default=None)
        if last_table is None:
            return
        start = next((i for i in range(last_table + 1, heads["s6"])
                      if self.items[i].line is not None and not _is_noise(self.items[i].line or "")), None)
        if start is None:
            return
        heads["s5"] = start
        self.headless.add("s5")
        self._note("s5-without-heading", section="s5", official=self.template.section("s5").heading)

    def _first_table(self) -> int:
        return next((i for i, it in enumerate(self.items) if it.table is not None and not _is_meta_table(it.table)),
                    len(self.items))

    def _title(self, before: int) -> int | None:
        """The report's title: the last title line before the report's first section (the page's menus
        and lists of other years' reports come earlier)."""
        for i in range(before - 1, -1, -1):
            line = self.items[i].line
            if line is not None and _title_parts(line):
                return i
        return None

    def _title_text(self, at: int) -> tuple[str, str, int]:
        """(title, 机关名称, 年度) of the title line at `at`, with the line above it when the name stands
        there (a title on two lines: 金乡县行政审批服务局 / 2022年政府信息公开工作年度报告)."""
        line = self.items[at].line or ""
        agency, year = _title_parts(line) or ("", 0)
        above = self.items[at - 1].line if at > 0 else None
        if not agency and above and _AGENCY_LINE.match(key(above)):
            return above + line, above.strip(), year
        return line, agency, year

    def _end(self, after: int) -> int:
        """Where the report ends: the first line of page footer, buttons or another report's title after
        its last section heading."""
        for i in range(max(after, 0), len(self.items)):
            line = self.items[i].line
            if line is not None and (_ends_report(line) or _title_parts(line)):
                return i
        return len(self.items)

    def _published(self, items: list[_Item]) -> None:
        """meta.published_on from the page's information (发布时间：…, or the 索引号 table), if it shows it."""
        found: str | None = None
        for item in items:
            if item.line is not None:
                texts = [item.line] if _INFO_LINE.match(item.line) else []
            else:
                texts = ["".join(row) for row in item.table.rows] if _is_meta_table(item.table) else []  # type: ignore[union-attr, arg-type]
            for text in texts:
                match = _PUBLISHED.search(text)
                if match is None:
                    continue
                try:
                    found = date(*map(int, match.groups())).isoformat()
                except ValueError:
                    continue
                if "发布" in text[:match.end()] or "公开" in text[:match.end()]:
                    self.result.report.meta["published_on"] = found
                    return
        if found is not None:
            self.result.report.meta["published_on"] = found

    def _table_rows(self, bounds: dict[str, tuple[int, int]], table_sections: list[str], start: int,
                    end: int) -> Iterator[list[str]]:
        """The rows for the locator: the table sections' tables and lines (a table copied one cell per
        line is folded into rows); with no table section found, every table of the report."""
        if not table_sections:
            for item in self.items[start:end]:
                if item.table is not None and not _is_meta_table(item.table):
                    yield from item.table.rows
            return
        for sec in table_sections:
            a, b = bounds[sec]
            yield [self.items[a - 1].line or ""]
            lines: list[str] = []
            for item in self.items[a:b]:
                if item.line is not None:
                    if not _PAGE_NUMBER.match(item.line):  # a page number between a table's pages
                        lines.append(item.line)
                    continue
                yield from rows_from_lines(lines, self.template)
                lines = []
                yield from item.table.rows  # type: ignore[union-attr]
            yield from rows_from_lines(lines, self.template)

    def _text(self, sec: str, items: list[_Item], table_sections: list[str]) -> str:
        lines: list[str] = []
        for item in items:
            if item.line is not None:
                if not _is_noise(item.line) and not (sec == "preamble" and _title_parts(item.line)):
                    lines.append(item.line)
            elif item.table is not None and table_sections and not _is_meta_table(item.table):
                lines.extend(_table_text(item.table))  # a table inside the text is part of the text
        if sec == "s6":
            lines = self._signature(lines)
        lines, joined = _join_broken(self.template, lines)
        if joined:
            label = self.template.preamble_label if sec == "preamble" else self.template.section(sec).heading
            self._note("paragraphs-joined", section=sec, label=label, count=joined)
        return "\n".join(lines)

    def _signature(self, lines: list[str]) -> list[str]:
        """Take the signature (机关名称 and date) off the end of section 六; it is no item of it."""
        taken: list[str] = []
        agency = self.result.report.meta.get("agency") or self._agency_guess()
        while lines and len(taken) < 2 and (_SIGNATURE_DATE.match(lines[-1])
                                            or agency and key(lines[-1]) == key(agency)):
            taken.insert(0, lines.pop())
        if taken:
            # A 落款 is part of every proper report: a remark that it was recognised, not something unplaced.
            self._note("signature-left-out", section="s6", signature=" ".join(taken))
        return lines

    def _agency_guess(self) -> str:
        at = next((i for i, item in enumerate(self.items) if item.line and _title_parts(item.line)), None)
        return self._title_text(at)[1] if at is not None else ""

    # -- basic information --------------------------------------------------------------------------

    def _meta(self, title_at: int | None) -> None:
        meta = self.result.report.meta
        title, agency, year = self._title_text(title_at) if title_at is not None else (None, "", None)
        if title is None and self.page_title:
            # a page title often carries the site's name: 金乡县…年度报告_金乡县人民政府
            candidate = re.split(r"[_|｜]| - ", self.page_title)[0].strip()
            if parts := _title_parts(candidate):
                title, (agency, year) = candidate, parts
                self._note("title-from-page", field="title", title=candidate)
        preamble = self.result.report.sections.get("preamble", "")
        if title:
            meta["title"] = title
        else:
            self._note("title-missing", field="title")
        if not agency and (m := _AGENCY_IN_PREAMBLE.search(preamble)):
            agency = m.group(1)
            self._note("agency-from-preamble", field="agency", agency=agency)
        if year is None and (m := _PERIOD_YEAR.search(preamble)):
            year = int(m.group(1))
            self._note("year-from-preamble", field="year", year=year)
        if agency:
            meta["agency"] = agency
            meta["agency_kind"] = agency_kind(agency)
            level = _admin_level(agency)
            if level:
                meta["admin_level"] = level
            t = self.template
            self._note("agency-kind-guessed", field="agency_kind", body=dict(t.agency_kinds)[meta["agency_kind"]],
                       level=dict(t.admin_levels)[level] if level else "")
        else:
            self._note("agency-missing", field="agency")
        if year is not None and self.template.year_min <= year <= self.template.year_max:
            meta["year"] = year
        elif year is not None:
            self._note("year-out-of-range", field="year", year=year, first=self.template.year_min,
                       last=self.template.year_max)
        else:
            self._note("year-missing", field="year")
        if m := _WEBSITE.search(preamble):
            meta["website"] = m.group(0)
        if m := _ADDRESS.search(preamble):
            meta["address"] = m.group(1).strip()
        if m := _PHONE.search(preamble):
            meta["phone"] = m.group(1)

    def _finish(self, heads: dict[str, int], reading: TableReading) -> None:
        report = self.result.report
        report.values, report.stated = reading.values, reading.stated
        told = self.result.told
        for sec in self.template.sections:
            if sec.key not in heads:
                self._note("heading-missing", section=self._text_section(sec.key), heading=sec.heading)
            if sec.table and sec.table not in reading.found:
                self._note("table-missing", cells=self.template.table(sec.table).input_codes,
                           table=self.template.table_numerals[sec.table], title=sec.heading.split("、", 1)[1])
        told.extend(reading.notices)

    def _text_section(self, key: str) -> str | None:
        """The section a notice about `key` points at: text sections only (a table's is found by cells)."""
        return key if key in self.template.text_section_keys else None


def assemble(blocks: list[Block], name: str, template: Template, page_title: str = "",
             kind: str = "text") -> ImportResult:
    """The report of `template` in a document's blocks, whatever the source (also hand-made workbooks)."""
    result = _Assembler(blocks, name, template, page_title).run()
    result.kind = kind
    return result
