"""The PDF export (export/pdf.py), read back with real clients: pdftotext, pdffonts, pdfinfo (poppler).

Wrapped table labels are checked in `pdftotext -raw` output (content order): `-layout` puts the lines of
neighbouring cells side by side, so a label that wraps inside its cell is not contiguous there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from support import SAMPLE, full_report

from export import fonts
from export.errors import ExportError
from export.pdf import (
    CJKParagraph,
    PdfResult,
    TextStyle,
    _Context,
    missing_chars_message,
    table_flowable,
    text_flowables,
    write_pdf,
)
from model.checks.rules import evaluate
from model.checks.verdict import judge, verdict_of
from model.report.storage import load
from model.template import CURRENT as T

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils not installed (bash setup.sh --dev)")

HOSTILE = "<b>粗体</b> &amp; =SUM(A1) 𠀀 😀"
LONG = "测试文字，" * 4000  # a 20 000-character paragraph


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def running_text(text: str) -> str:
    """pdftotext output without whitespace and page numbers, so that paragraphs read across pages."""
    return re.sub(r"—\d+—", "", squash(text))


def pdftotext(path: Path, *args: str) -> str:
    proc = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, check=True)
    return proc.stdout.decode("utf-8")


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode("utf-8")
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout.decode("utf-8")
    lines = out.splitlines()
    assert lines[1].startswith("---")
    rows = []
    for line in lines[2:]:
        # name, type (may contain spaces), encoding, emb, sub, uni, object, id
        m = re.match(r"(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        assert m, line
        rows.append({"name": m[1], "type": m[2], "emb": m[4]})
    return rows


@pytest.fixture
def no_system_fonts(monkeypatch):
    """Simulate CI's fresh machine: no Chinese system font, only the bundled ones."""
    monkeypatch.setenv(fonts.NO_SYSTEM_FONTS_ENV, "1")
    fonts.clear_caches()
    yield
    monkeypatch.delenv(fonts.NO_SYSTEM_FONTS_ENV)
    fonts.clear_caches()


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> tuple[Path, PdfResult]:
    folder = tmp_path_factory.mktemp("pdf") / "导出 目录"
    folder.mkdir()
    path = folder / "金乡县 2022 年报.pdf"
    return path, write_pdf(load(SAMPLE), path, draft=False)


# -- the sample report -------------------------------------------------------------------------------


def test_sample_has_title_headings_in_order_numbers_and_page_numbers(sample_pdf):
    path, result = sample_pdf
    assert result.missing_chars == set() and result.draft is False
    layout = pdftotext(path, "-layout")
    flat = squash(layout)
    report = load(SAMPLE)
    assert squash(report.title) in flat  # the generated title, not meta['title']
    assert squash(report.meta["title"]) not in flat
    positions = [flat.find(squash(s.heading)) for s in T.sections]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    assert "23140" in layout and "0537-8876366" in layout  # unsplit, on one line
    assert "www.jinxiang.gov.cn" in layout
    assert "— 1 —" in layout and "— 2 —" in layout
    assert result.pages == page_count(path) >= 3


def test_sample_has_every_label_of_every_table(sample_pdf):
    path, _ = sample_pdf
    raw = squash(pdftotext(path, "-raw"))
    labels = [cell.text for table in T.tables for cell in table.grid if cell.text]
    assert len(labels) > 60
    missing = [label for label in labels if squash(label) not in raw]
    assert not missing


def test_sample_texts_are_printed_and_no_line_starts_with_closing_punctuation(sample_pdf):
    path, _ = sample_pdf
    layout = pdftotext(path, "-layout")
    flat = running_text(layout)
    report = load(SAMPLE)
    for key in ("preamble", "s1", "s5", "s6"):
        for line in report.text(key).splitlines():
            assert squash(line) in flat, line
    for line in layout.splitlines():
        stripped = line.strip()
        if stripped:
            assert stripped[0] not in "，。、；：！？）》”’」』】〕…", line


def test_fonts_are_embedded_truetype_only(sample_pdf):
    path, _ = sample_pdf
    rows = pdf_fonts(path)
    assert rows
    for row in rows:
        assert row["emb"] == "yes", row
        assert row["type"] in ("TrueType", "CID TrueType", "TrueType (CID)"), row


def test_metadata_title_and_author(sample_pdf):
    path, _ = sample_pdf
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode("utf-8")
    report = load(SAMPLE)
    assert re.search(r"^Title:\s+" + re.escape(report.title) + "$", info, re.M)
    assert re.search(r"^Author:\s+" + re.escape(report.meta["agency"]) + "$", info, re.M)


def test_page_numbers_alternate_right_and_left(sample_pdf):
    path, _ = sample_pdf
    html = pdftotext(path, "-bbox")
    pages = re.findall(r'<page width="([\d.]+)".*?</page>', html, re.S)
    bodies = re.findall(r"<page .*?</page>", html, re.S)
    assert len(bodies) >= 2
    for n, (width, body) in enumerate(zip(pages, bodies, strict=True), start=1):
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', body)
        number = [(float(x0), float(x1)) for x0, y0, x1, w in words if w == str(n) and float(y0) > 700]
        assert number, f"page {n}: no page number"
        x0, x1 = number[-1]
        if n % 2:
            assert x0 > float(width) / 2  # odd pages: right
        else:
            assert x1 < float(width) / 2  # even pages: left


# -- draft, blank form ------------------------------------------------------------------------------


def test_report_with_an_error_is_a_draft_on_every_page(cn_dir):
    report = full_report()
    report.values["t3.new.natural"] += 1  # breaks T3-1 (第一项加第二项之和等于第三项加第四项之和)
    assert verdict_of(evaluate(report)).draft and any(f.rule == "T3-1" for f in evaluate(report))
    path = cn_dir / "草稿 报告.pdf"
    result = write_pdf(report, path, draft=judge(report)[0].draft)  # the caller's verdict, as main.py gives it
    assert result.draft is True
    pages = page_count(path)
    assert pages >= 2
    for page in range(1, pages + 1):
        assert "草稿" in pdftotext(path, "-f", str(page), "-l", str(page)), page


def test_clean_report_is_not_a_draft_unless_asked(cn_dir):
    path = cn_dir / "正式.pdf"
    assert write_pdf(full_report(), path, draft=False).draft is False
    assert "草稿" not in pdftotext(path)
    assert write_pdf(full_report(), path, draft=True).draft is True
    assert "草稿" in pdftotext(path, "-f", "1", "-l", "1")


def test_blank_form_has_labels_but_no_numbers(cn_dir):
    report = load(SAMPLE)
    path = cn_dir / "空表.pdf"
    result = write_pdf(report, path, blank=True, draft=False)
    assert result.draft is False
    raw = squash(pdftotext(path, "-raw"))
    assert "（统计表空表）" in raw
    rest = raw.replace(squash(report.title), "")
    assert squash(report.text("s1"))[:20] not in raw  # no texts
    for label in sorted((c.text for t in T.tables for c in t.grid if c.text), key=len, reverse=True):
        assert squash(label) in rest, label
        rest = rest.replace(squash(label), "", 1)
    for section in T.sections:
        rest = rest.replace(squash(section.heading), "")
    rest = re.sub(r"—\d+—", "", rest)
    assert not re.search(r"\d", rest), rest


# -- hostile text and fonts -------------------------------------------------------------------------


def test_hostile_text_prints_literally(cn_dir, no_system_fonts):
    report = full_report()
    report.sections["s1"] = HOSTILE + "\n" + LONG
    path = cn_dir / "hostile.pdf"
    result = write_pdf(report, path, draft=False)
    # WenQuanYi and AR PL SungtiL have neither U+20000 nor emoji: both are reported and drawn as 〓
    assert fonts.font_for_char("body", "𠀀") is None
    assert result.missing_chars == {"𠀀", "😀"}
    text = pdftotext(path, "-layout")
    flat = running_text(text)
    for literal in ("<b>粗体</b>", "&amp;", "=SUM(A1)", "〓"):
        assert literal in flat, literal
    assert flat.count("测试文字，") == 4000
    assert result.pages > 30
    # the 28 × 22 grid: a full page of the long paragraph has 22 lines of 27–28 characters
    page = [line.strip() for line in pdftotext(path, "-layout", "-f", "3", "-l", "3").splitlines()]
    body = [line for line in page if line and not line.startswith("—")]
    assert len(body) == 22
    assert all(27 <= len(line) <= 28 for line in body), body


def test_missing_chars_follow_the_font_chains_with_system_fonts(cn_dir):
    fonts.clear_caches()
    report = full_report()
    report.sections["s5"] = HOSTILE
    result = write_pdf(report, cn_dir / "系统字体.pdf", draft=False)
    expected = {c for c in "𠀀😀" if fonts.font_for_char("body", c) is None}
    assert result.missing_chars == expected


def test_characters_beyond_the_bmp_keep_their_text_layer(cn_dir, no_system_fonts):
    # WenQuanYi has U+10400 (Deseret); reportlab's own ToUnicode map would turn it into U+1040
    assert fonts.font_for_char("body", "\U00010400") is not None
    report = full_report()
    report.sections["s5"] = "甲\U00010400乙"
    path = cn_dir / "bmp.pdf"
    assert write_pdf(report, path, draft=False).missing_chars == set()
    assert "甲\U00010400乙" in pdftotext(path)


def test_missing_chars_message_names_the_characters():
    message = missing_chars_message({"😀", "𠀀"})
    assert "😀" in message and "U+20000" in message and "〓" in message


def test_bundled_fonts_alone_cover_the_sample(cn_dir, no_system_fonts):
    for role in fonts.ROLES:
        assert all(face.bundled for face in fonts.chain(role)), role
    path = cn_dir / "bundled.pdf"
    result = write_pdf(load(SAMPLE), path, draft=False)
    assert result.missing_chars == set()
    rows = pdf_fonts(path)
    assert {re.sub(r"^[A-Z]{6}\+", "", row["name"]) for row in rows} <= {"BousungEG-Light-GB", "WenQuanYiMicroHei-0"}
    assert all(row["emb"] == "yes" for row in rows)
    assert "23140" in pdftotext(path, "-layout")


def test_font_for_char_walks_the_chain(no_system_fonts):
    song, sans = fonts.chain("body")
    assert song.path.endswith("gbsn00lp.ttf") and sans.path.endswith("wqy-microhei.ttc")
    assert fonts.font_for_char("body", "政") is song
    assert fonts.font_for_char("body", "•") is sans  # not in GB 2312
    assert fonts.font_for_char("heading1", "政").path.endswith("wqy-microhei.ttc")
    missing: set[str] = set()
    runs = fonts.runs("body", "政•😀", missing)
    assert [(face, text) for face, text in runs] == [(song, "政"), (sans, "•"), (song, fonts.REPLACEMENT)]
    assert missing == {"😀"}


def test_unusable_font_files_are_skipped(tmp_path):
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"OTTO" + b"\0" * 64)  # a CFF-flavoured OpenType header: reportlab refuses these
    assert fonts.load_face(bad) is None
    assert os.path.abspath(bad) in {path for path, _ in fonts.load_errors()}


# -- structure --------------------------------------------------------------------------------------


def test_tables_are_built_from_the_schema_grid():
    ctx = _Context()
    for table in T.tables:
        flow = table_flowable(table, None, ctx)
        spans = [cmd for cmd in flow._spanCmds if cmd[0] == "SPAN"]
        expected = [c for c in table.grid if c.rowspan > 1 or c.colspan > 1]
        assert len(spans) == len(expected)
        assert flow.repeatRows == table.header_rows
        assert len(flow._cellvalues) == table.n_rows and len(flow._cellvalues[0]) == table.n_cols


def test_sub_heads_are_kai_and_numbered_items_stay_fangsong():
    ctx = _Context()
    flows = [f for f in text_flowables("（一）主动公开\n1.规章\n（1）细项\n（二）依申请公开。全年收到申请。", ctx,
                                               load(SAMPLE).template.subhead_pattern)
             if isinstance(f, CJKParagraph)]
    assert [f.parts for f in flows] == [
        [("heading2", "（一）主动公开")],
        [("body", "1.规章")],
        [("body", "（1）细项")],
        [("heading2", "（二）依申请公开。"), ("body", "全年收到申请。")],
    ]


def test_paragraph_splits_across_pages():
    ctx = _Context()
    para = CJKParagraph([("body", LONG)], TextStyle(size=16, leading=29, tracking=-0.2), ctx)
    width, height = para.wrap(442, 600)
    assert height > 600
    first, rest = para.split(442, 600)
    assert first.wrap(442, 600)[1] <= 600
    assert first.text + rest.text == LONG


def test_no_lone_character_on_the_last_line():
    ctx = _Context()
    style = TextStyle(size=10, leading=14)
    text = "一二三四五六七八九十" + "甲"  # ten characters per line: 甲 alone on line two
    para = CJKParagraph([("body", text)], style, ctx)
    para.wrap(10 * ctx.char("body", "一")[2] * 10 + 0.01, 100)
    lines = [para.text[s:e] for s, e in para._lines]
    assert lines == ["一二三四五六七八九", "十甲"]


# -- writing ----------------------------------------------------------------------------------------


def test_locked_output_raises_export_error_and_leaves_no_temp_file(cn_dir, monkeypatch):
    target = cn_dir / "年报.pdf"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as info:
        write_pdf(full_report(), target, draft=False)
    assert re.search(r"[\u4e00-\u9fff]", str(info.value))
    assert "年报.pdf" in str(info.value)
    assert sorted(p.name for p in cn_dir.iterdir()) == ["年报.pdf"]
    assert target.read_bytes() == b"old"


def test_missing_folder_raises_export_error(tmp_path):
    with pytest.raises(ExportError, match="文件夹不存在"):
        write_pdf(full_report(), tmp_path / "不存在" / "年报.pdf", draft=False)


# -- 落款 (issue 15, point 10) ---------------------------------------------------------------------------

MM = 72 / 25.4
GRID_CHAR = (210 - 28 - 26) * MM / 28  # one character of the 28-character grid
LEADING = 225 * MM / 22  # one line of the 22-line grid


def _words(path: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, text) of the words of one page, page number left out, in reading order."""
    html = pdftotext(path, "-bbox", "-f", str(page), "-l", str(page))
    words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]
    return [w for w in words if w[1] < 780 and w[4] not in ("—", str(page))]


def _signature_of(path: Path) -> tuple[list, list]:
    """The words of the last page: (those above the 落款, the 落款's lines as (x0, y0, x1, y1, text))."""
    words = _words(path, page_count(path))
    lines: dict[float, list] = {}
    for w in words:
        lines.setdefault(round(w[1]), []).append(w)
    ordered = [sorted(ws) for _, ws in sorted(lines.items())]
    return ordered, [(ws[0][0], ws[0][1], ws[-1][2], ws[0][3], "".join(w[4] for w in ws)) for ws in ordered]


def test_the_report_ends_with_the_agency_and_the_date_laid_out_for_a_seal(sample_pdf):
    path, _ = sample_pdf
    _, lines = _signature_of(path)
    *text, (nx0, ny0, nx1, ny1, name), (dx0, dy0, dx1, dy1, date) = lines
    assert (name, date) == ("金乡县行政审批服务局", "2023年1月20日")  # 发布日期 2023-01-20, Arabic numerals
    right_edge = (210 - 26) * MM
    assert abs(dx1 - (right_edge - 4 * GRID_CHAR)) < 3  # 成文日期右空四字
    assert abs((nx0 + nx1) / 2 - (dx0 + dx1) / 2) < 2  # the name centred over the date
    assert abs((dy0 - ny0) - LEADING) < 1  # the date on the line under the name
    assert text, "the 落款 never stands alone on a page"
    last_text_bottom = max(line[3] for line in text)
    assert ny0 - last_text_bottom > 3 * LEADING - 2  # three blank lines: room for the seal
    assert ny0 - last_text_bottom < 4 * LEADING + 2


def test_without_a_date_its_line_stays_blank_and_a_long_name_stays_inside(cn_dir):
    report = load(SAMPLE)
    del report.meta["published_on"]
    path = cn_dir / "无日期.pdf"
    write_pdf(report, path, draft=False)
    _, lines = _signature_of(path)
    nx0, _, nx1, _, name = lines[-1]
    assert name == "金乡县行政审批服务局"  # nothing printed under it: a blank line for the date
    assert not re.search(r"\d+年\d+月\d+日", pdftotext(path, "-f", str(page_count(path))))
    date_box = (210 - 26) * MM - 4 * GRID_CHAR - 6.5 * GRID_CHAR / 2  # centre of a date such as 2000年12月31日
    assert abs((nx0 + nx1) / 2 - date_box) < GRID_CHAR
    report.meta["agency"] = "某某省某某市某某县人民政府办公室政务公开科"  # too long to centre over the date
    write_pdf(report, path, draft=False)
    _, lines = _signature_of(path)
    nx0, _, nx1, _, name = lines[-1]
    assert name == report.meta["agency"] and nx1 <= (210 - 26) * MM - 2 * GRID_CHAR + 1  # 右空二字 at most


def test_the_signature_is_kept_with_the_last_line_of_text_wherever_the_page_ends(cn_dir):
    """However much text precedes it, the 落款 shares its page with text (GB/T 9704: no page of 落款 alone)."""
    report = full_report()
    report.meta["published_on"] = "2024-01-26"
    seen_pages = set()
    for n in range(0, 23, 2):
        report.sections["s6"] = "\n".join([f"第{i + 1}项情况说明。" for i in range(n)])
        path = cn_dir / f"落款 {n}.pdf"
        write_pdf(report, path, draft=False)
        above, lines = _signature_of(path)
        assert [line[4] for line in lines[-2:]] == [report.meta["agency"], "2024年1月26日"], n
        assert len(lines) >= 3, n  # a line of text above the 落款 on its page
        seen_pages.add(page_count(path))
    assert len(seen_pages) >= 2  # the text did push the 落款 over a page end


def test_blank_form_and_tables_have_no_signature(cn_dir):
    path = cn_dir / "空表 落款.pdf"
    write_pdf(load(SAMPLE), path, blank=True, draft=False)
    assert "2023年1月20日" not in pdftotext(path)
