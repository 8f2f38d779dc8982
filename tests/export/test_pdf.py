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
from model import schema as S
from model.rules import evaluate
from model.storage import load
from model.verdict import verdict_of

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
    return path, write_pdf(load(SAMPLE), path)


# -- the sample report -------------------------------------------------------------------------------


def test_sample_has_title_headings_in_order_numbers_and_page_numbers(sample_pdf):
    path, result = sample_pdf
    assert result.missing_chars == set() and result.draft is False
    layout = pdftotext(path, "-layout")
    flat = squash(layout)
    report = load(SAMPLE)
    assert squash(report.title) in flat  # the generated title, not meta['title']
    assert squash(report.meta["title"]) not in flat
    positions = [flat.find(squash(s.heading)) for s in S.SECTIONS]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    assert "23140" in layout and "0537-8876366" in layout  # unsplit, on one line
    assert "www.jinxiang.gov.cn" in layout
    assert "— 1 —" in layout and "— 2 —" in layout
    assert result.pages == page_count(path) >= 3


def test_sample_has_every_label_of_every_table(sample_pdf):
    path, _ = sample_pdf
    raw = squash(pdftotext(path, "-raw"))
    labels = [cell.text for table in S.TABLES for cell in table.grid if cell.text]
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
    result = write_pdf(report, path)
    assert result.draft is True
    pages = page_count(path)
    assert pages >= 2
    for page in range(1, pages + 1):
        assert "草稿" in pdftotext(path, "-f", str(page), "-l", str(page)), page


def test_clean_report_is_not_a_draft_unless_asked(cn_dir):
    path = cn_dir / "正式.pdf"
    assert write_pdf(full_report(), path).draft is False
    assert "草稿" not in pdftotext(path)
    assert write_pdf(full_report(), path, draft=True).draft is True
    assert "草稿" in pdftotext(path, "-f", "1", "-l", "1")


def test_blank_form_has_labels_but_no_numbers(cn_dir):
    report = load(SAMPLE)
    path = cn_dir / "空表.pdf"
    result = write_pdf(report, path, blank=True)
    assert result.draft is False
    raw = squash(pdftotext(path, "-raw"))
    assert "（统计表空表）" in raw
    rest = raw.replace(squash(report.title), "")
    assert squash(report.text("s1"))[:20] not in raw  # no texts
    for label in sorted((c.text for t in S.TABLES for c in t.grid if c.text), key=len, reverse=True):
        assert squash(label) in rest, label
        rest = rest.replace(squash(label), "", 1)
    for section in S.SECTIONS:
        rest = rest.replace(squash(section.heading), "")
    rest = re.sub(r"—\d+—", "", rest)
    assert not re.search(r"\d", rest), rest


# -- hostile text and fonts -------------------------------------------------------------------------


def test_hostile_text_prints_literally(cn_dir, no_system_fonts):
    report = full_report()
    report.sections["s1"] = HOSTILE + "\n" + LONG
    path = cn_dir / "hostile.pdf"
    result = write_pdf(report, path)
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
    result = write_pdf(report, cn_dir / "系统字体.pdf")
    expected = {c for c in "𠀀😀" if fonts.font_for_char("body", c) is None}
    assert result.missing_chars == expected


def test_characters_beyond_the_bmp_keep_their_text_layer(cn_dir, no_system_fonts):
    # WenQuanYi has U+10400 (Deseret); reportlab's own ToUnicode map would turn it into U+1040
    assert fonts.font_for_char("body", "\U00010400") is not None
    report = full_report()
    report.sections["s5"] = "甲\U00010400乙"
    path = cn_dir / "bmp.pdf"
    assert write_pdf(report, path).missing_chars == set()
    assert "甲\U00010400乙" in pdftotext(path)


def test_missing_chars_message_names_the_characters():
    message = missing_chars_message({"😀", "𠀀"})
    assert "😀" in message and "U+20000" in message and "〓" in message


def test_bundled_fonts_alone_cover_the_sample(cn_dir, no_system_fonts):
    for role in fonts.ROLES:
        assert all(face.bundled for face in fonts.chain(role)), role
    path = cn_dir / "bundled.pdf"
    result = write_pdf(load(SAMPLE), path)
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
    for table in S.TABLES:
        flow = table_flowable(table, None, ctx)
        spans = [cmd for cmd in flow._spanCmds if cmd[0] == "SPAN"]
        expected = [c for c in table.grid if c.rowspan > 1 or c.colspan > 1]
        assert len(spans) == len(expected)
        assert flow.repeatRows == table.header_rows
        assert len(flow._cellvalues) == table.n_rows and len(flow._cellvalues[0]) == table.n_cols


def test_sub_heads_are_kai_and_numbered_items_stay_fangsong():
    ctx = _Context()
    flows = [f for f in text_flowables("（一）主动公开\n1.规章\n（1）细项\n（二）依申请公开。全年收到申请。", ctx)
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
        write_pdf(full_report(), target)
    assert re.search(r"[\u4e00-\u9fff]", str(info.value))
    assert "年报.pdf" in str(info.value)
    assert sorted(p.name for p in cn_dir.iterdir()) == ["年报.pdf"]
    assert target.read_bytes() == b"old"


def test_missing_folder_raises_export_error(tmp_path):
    with pytest.raises(ExportError, match="文件夹不存在"):
        write_pdf(full_report(), tmp_path / "不存在" / "年报.pdf")
