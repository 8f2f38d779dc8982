"""The Word export (export/docx.py), read back with real clients: python-docx, and LibreOffice Writer
converting it to PDF (read with pdftotext, rendered with pdftoppm).

LibreOffice lacks the office fonts (仿宋_GB2312 …) and substitutes WenQuanYi; what it shows is the
structure: the page, the tables with their merged cells, the headers and footers, the page numbers.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import docx  # noqa: E402 - python-docx, a dependency of the program (requirements.txt)
import pytest
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402
from support import MAIN, ROOT, SAMPLE, full_report, sample_dict

from export.docx import DRAFT_NOTE, write_docx
from export.errors import ExportError
from model.checks.rules import evaluate
from model.checks.verdict import judge, verdict_of
from model.report.printed import printed_text
from model.report.report import Report
from model.report.storage import load
from model.report.values import format_value
from model.template import CURRENT as T
from model.template.types import Role

SOFFICE = shutil.which("soffice")
#: Without LibreOffice a developer's run skips these; CI installs it (setup.sh --dev) and never skips them.
_NO_LO = (SOFFICE is None or shutil.which("pdftotext") is None) and not os.environ.get("CI")
needs_lo = pytest.mark.skipif(_NO_LO, reason="LibreOffice Writer / poppler-utils not installed (bash setup.sh --dev)")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def text_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def error_report() -> Report:
    report = full_report()
    report.values["t3.new.natural"] += 1  # breaks T3-1 (第一项加第二项之和等于第三项加第四项之和)
    assert verdict_of(evaluate(report)).draft
    return report


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "导出 目录"
    path.mkdir()
    return path


@pytest.fixture(scope="module")
def documents(folder) -> dict[str, Path]:
    """The sample, the full report (figures differ by column) and a report with an error, as .docx."""
    paths = {"sample": folder / "金乡县 2022 年报.docx", "full": folder / "full.docx", "draft": folder / "草稿 报告.docx"}
    assert write_docx(load(SAMPLE), paths["sample"], draft=False).draft is False
    assert write_docx(full_report(), paths["full"], draft=False).draft is False
    assert write_docx(error_report(), paths["draft"], draft=judge(error_report())[0].draft).draft is True
    return paths


@pytest.fixture(scope="module")
def converted(documents, folder, tmp_path_factory) -> dict[str, Path]:
    """LibreOffice's PDFs of the three documents (one soffice run, a fresh profile of its own)."""
    if _NO_LO:
        pytest.skip("LibreOffice Writer / poppler-utils not installed")
    out = tmp_path_factory.mktemp("lo-pdf")
    profile = (tmp_path_factory.mktemp("lo-profile")).as_uri()
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(out), *map(str, documents.values())], capture_output=True, timeout=300)
    pdfs = {key: out / (path.stem + ".pdf") for key, path in documents.items()}
    missing = [key for key, pdf in pdfs.items() if not pdf.exists()]
    assert not missing, (missing, proc.stdout, proc.stderr)
    return pdfs


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, check=True).stdout.decode()


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


# -- reading the document with python-docx ------------------------------------------------------------


def style_chain(doc, style_id: str | None):
    """The paragraph style and the styles it is based on, nearest first, then the document defaults."""
    styles = doc.styles.element
    chain = []
    while style_id:
        el = styles.get_by_id(style_id)
        chain.append(el)
        based = el.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None
    chain.append(styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")))
    return chain


def effective(doc, paragraph, run, tag: str, attr: str) -> str | None:
    """A run property as Word resolves it: the run, then its paragraph's style chain, then the defaults."""
    for el in [run._r, *style_chain(doc, paragraph.style.style_id)]:
        rpr = el.find(qn("w:rPr"))
        node = rpr.find(qn(tag)) if rpr is not None else None
        if node is not None and node.get(qn(attr)) is not None:
            return node.get(qn(attr))
    return None


def paragraph_property(doc, paragraph, tag: str, attr: str) -> str | None:
    """A paragraph property as Word resolves it: the paragraph, then its style chain."""
    ppr = paragraph._p.pPr
    node = ppr.find(qn(tag)) if ppr is not None else None
    if node is not None and node.get(qn(attr)) is not None:
        return node.get(qn(attr))
    for el in style_chain(doc, paragraph.style.style_id)[:-1]:
        p = el.find(qn("w:pPr"))
        node = p.find(qn(tag)) if p is not None else None
        if node is not None and node.get(qn(attr)) is not None:
            return node.get(qn(attr))
    return None


def rectangles(tbl) -> dict[tuple[int, int], tuple[int, int, str]]:
    """(row, col) of each merged rectangle's origin → (rowspan, colspan, text), read from gridSpan/vMerge."""
    origin_at: dict[tuple[int, int], tuple[int, int]] = {}
    found: dict[tuple[int, int], list] = {}
    for r, tr in enumerate(tbl.tr_lst):
        c = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            if tc.vMerge == "continue":
                origin = origin_at[r - 1, c]
                found[origin][0] += 1
            else:
                origin = (r, c)
                text = "\n".join("".join(t.text for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))
                found[origin] = [1, span, text]
            for k in range(span):
                origin_at[r, c + k] = origin
            c += span
    return {pos: tuple(v) for pos, v in found.items()}


def test_title_headings_and_texts_in_order(documents):
    doc = docx.Document(str(documents["sample"]))
    report = load(SAMPLE)
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    title = paragraphs[0]
    assert title.style.name == "Title"
    assert title.text == f"{report.meta['agency']}\n{report.title[len(report.meta['agency']):]}"  # the two-line form
    assert squash(report.meta["title"]) not in squash("".join(p.text for p in doc.paragraphs))  # the generated title
    expected = text_lines(printed_text(report, "preamble"))
    for section in T.sections:
        expected.append(section.heading)
        if not section.table:
            expected += text_lines(printed_text(report, section.key))
    expected += [report.meta["agency"], "2023年1月20日"]  # the 落款
    assert [p.text for p in paragraphs[1:]] == expected
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == [s.heading for s in T.sections]
    body = doc.element.body
    order = [el.tag.rsplit("}", 1)[1] for el in body if el.tag in (qn("w:p"), qn("w:tbl"))]
    headings = [i for i, el in enumerate(body) if el.tag == qn("w:p") and el.xpath("string(.)") in
                {s.heading for s in T.sections}]
    for section, i in zip(T.sections, headings, strict=True):  # each table right under its heading
        assert (order[i + 1] == "tbl") == bool(section.table), section.heading


def test_fonts_by_name_sizes_and_first_line_indent(documents):
    doc = docx.Document(str(documents["sample"]))
    roles = {"Title": ("方正小标宋简体", 44), "Heading 1": ("黑体", 32), "Heading 2": ("楷体_GB2312", 32),
             "Body Text": ("仿宋_GB2312", 32)}
    seen = set()
    signature = [q._p for q in doc.paragraphs[-2:]]  # the 落款: right-aligned, no first-line indent
    for p in doc.paragraphs:
        if not p.text.strip() or p.style.name not in roles:
            continue
        font, half_points = roles[p.style.name]
        seen.add(p.style.name)
        for run in p.runs:
            for slot in ("w:eastAsia", "w:ascii", "w:hAnsi"):
                assert effective(doc, p, run, "w:rFonts", slot) == font, (p.text, slot)
            assert effective(doc, p, run, "w:sz", "w:val") == str(half_points), p.text
        if p._p in signature:
            continue
        if p.style.name != "Title":
            assert paragraph_property(doc, p, "w:ind", "w:firstLineChars") == "200", p.text
            assert p.style.paragraph_format.first_line_indent == Pt(32)  # two 3号 characters
            assert paragraph_property(doc, p, "w:spacing", "w:lineRule") == "exact"
            assert 28.8 <= int(paragraph_property(doc, p, "w:spacing", "w:line")) / 20 <= 29.0
        else:
            assert paragraph_property(doc, p, "w:jc", "w:val") == "center"
    assert seen == set(roles)
    # the 28-character line: 3号 characters condensed so that 28 fit the 156 mm type area
    tracking = int(doc.styles["Body Text"].element.rPr.find(qn("w:spacing")).get(qn("w:val")))
    assert 27 * (320 + tracking) < Mm(156).twips and 28 * (320 + tracking) <= Mm(156).twips


def test_page_setup_a4_gbt9704_margins_and_odd_even_footers(documents):
    doc = docx.Document(str(documents["sample"]))
    section = doc.sections[0]
    for got, mm in ((section.page_width, 210), (section.page_height, 297), (section.top_margin, 37),
                    (section.bottom_margin, 35), (section.left_margin, 28), (section.right_margin, 26)):
        assert abs(got.mm - mm) < 0.1, (got.mm, mm)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    assert (Mm(225).pt / 22) - 0.1 < int(grid.get(qn("w:linePitch"))) / 20 <= Mm(225).pt / 22
    assert doc.settings.odd_and_even_pages_header_footer
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        xml = footer._element.xml
        assert 'fldCharType="begin"' in xml and "PAGE" in xml
        para = footer.paragraphs[0]
        assert para.text.startswith("— ") and para.text.endswith(" —")
        assert para._p.pPr.find(qn("w:jc")).get(qn("w:val")) == align
    footer_style = doc.styles["Footer"]
    assert footer_style.font.size == Pt(14) and footer_style.element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"


def test_tables_have_the_official_merged_cells_borders_and_figures(documents):
    report = full_report()
    figures = report.figures()
    doc = docx.Document(str(documents["full"]))
    assert len(doc.tables) == len(T.tables) == 3
    for table, out in zip(T.tables, doc.tables, strict=True):
        tbl = out._tbl
        assert len(tbl.tr_lst) == table.n_rows and len(tbl.tblGrid.gridCol_lst) == table.n_cols
        found = rectangles(tbl)
        expected = {(gc.row, gc.col): (gc.rowspan, gc.colspan,
                                       format_value(figures.get(gc.code)) if gc.role is Role.VALUE else gc.text)
                    for gc in table.grid}
        assert found == expected, table.key
        rows = tbl.tr_lst
        assert [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows] == \
            [i < table.header_rows for i in range(table.n_rows)]
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
        for tc in tbl.iter(qn("w:tc")):
            borders = tc.tcPr.find(qn("w:tcBorders"))
            assert [borders.find(qn("w:" + e)).get(qn("w:val")) for e in ("top", "left", "bottom", "right")] == \
                ["single"] * 4
        sizes = {int(sz.get(qn("w:val"))) / 2 for sz in tbl.iter(qn("w:sz"))}  # 小四 at most; 表三 五号 or less
        assert sizes and max(sizes) <= (12 if table.key == "t2" else 10.5), (table.key, sizes)


def test_blank_cells_stay_empty_and_amounts_keep_their_places(folder):
    report = full_report()
    report.set_value("t3.open.research", None)
    report.set_value("t2.fees.amount", Decimal("18734.205917"))
    path = folder / "半填.docx"
    write_docx(report, path, draft=False)
    doc = docx.Document(str(path))
    cells = {key: rectangles(out._tbl) for key, out in zip(("t2", "t3", "t4"), doc.tables, strict=True)}
    by_code = {gc.code: cells[t.key][gc.row, gc.col][2] for t in T.tables for gc in t.grid if gc.code}
    assert by_code["t3.open.research"] == ""
    assert by_code["t3.open.total"] == format_value(report.figures()["t3.open.total"])  # the running total
    assert by_code["t2.fees.amount"] == "18734.205917"


def test_hostile_text_is_written_literally_without_xml_forbidden_characters(folder):
    report = full_report()
    report.meta["agency"] = "某某县\x07人民政府"
    report.sections["s5"] = "甲\x00乙\x1b丙<b>&amp;</b> =SUM(A1) 😀𠀀\ud800\n　　（一）问题\n\n第三行"
    path = folder / "hostile.docx"
    write_docx(report, path, draft=False)
    doc = docx.Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "某某县人民政府\n2022年政府信息公开工作年度报告"
    i = texts.index(T.sections[4].heading)
    assert texts[i + 1:i + 4] == ["甲乙丙<b>&amp;</b> =SUM(A1) 😀𠀀\ufffd", "（一）问题", "第三行"]
    assert doc.paragraphs[i + 2].style.name == "Heading 2"
    assert doc.core_properties.title == "某某县人民政府2022年政府信息公开工作年度报告"


def test_sub_head_with_text_on_the_same_line_is_kai_up_to_the_full_stop(folder):
    report = full_report()
    report.sections["s1"] = "（一）主动公开。全年主动公开信息。\n1.规章\n（1）细项"
    path = folder / "subhead.docx"
    write_docx(report, path, draft=False)
    doc = docx.Document(str(path))
    paras = {p.text: p for p in doc.paragraphs}
    mixed = paras["（一）主动公开。全年主动公开信息。"]
    assert mixed.style.name == "Body Text"
    assert [(r.text, effective(doc, mixed, r, "w:rFonts", "w:eastAsia")) for r in mixed.runs] == [
        ("（一）主动公开。", "楷体_GB2312"), ("全年主动公开信息。", "仿宋_GB2312")]
    assert paras["1.规章"].style.name == paras["（1）细项"].style.name == "Body Text"


# -- draft -------------------------------------------------------------------------------------------


def test_draft_mark_under_the_title_and_in_every_header(documents):
    doc = docx.Document(str(documents["draft"]))
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    note = paragraphs[1]
    assert note.text == DRAFT_NOTE and all(r.font.color.rgb == docx.shared.RGBColor(0xC0, 0, 0) for r in note.runs)
    section = doc.sections[0]
    for header in (section.header, section.even_page_header):
        assert not header.is_linked_to_previous
        assert [p.text for p in header.paragraphs] == [DRAFT_NOTE]
        assert header.paragraphs[0].runs[0].font.color.rgb == docx.shared.RGBColor(0xC0, 0, 0)


def test_clean_report_has_no_draft_mark_unless_asked(documents, folder):
    doc = docx.Document(str(documents["full"]))
    section = doc.sections[0]
    everything = [p.text for p in doc.paragraphs] + [p.text for p in section.header.paragraphs] + \
        [p.text for p in section.even_page_header.paragraphs]
    assert not any("草稿" in t for t in everything)
    path = folder / "强制草稿.docx"
    assert write_docx(full_report(), path, draft=True).draft is True
    assert DRAFT_NOTE in [p.text for p in docx.Document(str(path)).paragraphs]


# -- LibreOffice -------------------------------------------------------------------------------------


@needs_lo
def test_libreoffice_prints_title_headings_table_three_and_page_numbers(converted):
    report = load(SAMPLE)
    layout = pdftotext(converted["sample"], "-layout")
    flat = squash(layout)
    assert squash(report.title) in flat
    positions = [flat.find(squash(s.heading)) for s in T.sections]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), positions
    for key in ("preamble", "s1", "s5", "s6"):
        for line in text_lines(report.text(key)):
            assert squash(line) in re.sub(r"—\d+—", "", flat), line
    assert re.search(r"—\s*1\s*—", layout) and re.search(r"—\s*2\s*—", layout)
    assert "23140" in layout and "0537-8876366" in layout
    labels = [cell.text for table in T.tables for cell in table.grid if cell.text]
    raw = squash(pdftotext(converted["sample"], "-raw"))
    assert [label for label in labels if squash(label) not in raw] == []


@needs_lo
def test_libreoffice_shows_the_figures_of_table_three_in_their_rows_and_columns(converted):
    figures = full_report().figures()
    layout = pdftotext(converted["full"], "-layout")
    labels = dict(T.t3.head_rows) | {T.t3.total_row[0]: T.t3.total_row[1], T.t3.tail_row[0]: T.t3.tail_row[1]}
    labels |= {code: sub or group.label for group in T.t3.result_groups for code, sub in group.rows}
    # rows whose label prints on one line (the long labels of （二） and （六）1.–2. wrap in their cell)
    rows = [r for r in T.t3.rows if r not in ("partial", "ignore_5", "other_1", "other_2")]
    columns = [c for c, _ in T.t3.columns] + [T.t3.total_col[0]]
    for row in rows:
        line = next((ln for ln in layout.splitlines() if labels[row] in ln), None)
        assert line is not None, labels[row]
        numbers = re.findall(r"\d+", line.split(labels[row], 1)[1])
        assert numbers == [format_value(figures[T.t3_code(row, c)]) for c in columns], (row, line)


@needs_lo
def test_libreoffice_pages_page_numbers_alternate_and_render(converted, tmp_path):
    pdf = converted["sample"]
    pages = page_count(pdf)
    assert pages >= 4
    bbox = pdftotext(pdf, "-bbox")
    for n, body in enumerate(re.findall(r"<page .*?</page>", bbox, re.S), start=1):
        width = float(re.search(r'<page width="([\d.]+)"', body).group(1))
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
                           body)
        footer = [(float(x0), float(x1)) for x0, y0, x1, w in words if float(y0) > 740 and w.strip("—") == str(n)]
        assert footer, f"page {n}: no page number"
        x0, x1 = footer[-1]
        assert (x0 > width / 2) if n % 2 else (x1 < width / 2), (n, x0, x1)  # odd right, even left
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == pages and all(p.stat().st_size > 5000 for p in pngs)


@needs_lo
def test_libreoffice_shows_the_draft_mark_on_every_page(converted):
    pdf = converted["draft"]
    pages = page_count(pdf)
    assert pages >= 2
    for page in range(1, pages + 1):
        assert "草稿" in pdftotext(pdf, "-f", str(page), "-l", str(page)), page
    assert "草稿" not in pdftotext(converted["full"])


# -- writing -----------------------------------------------------------------------------------------


def test_locked_output_raises_export_error_and_leaves_no_temp_file(cn_dir, monkeypatch):
    target = cn_dir / "年报.docx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as info:
        write_docx(full_report(), target, draft=False)
    assert re.search(r"[\u4e00-\u9fff]", str(info.value)) and "年报.docx" in str(info.value)
    assert "Word 文档" in str(info.value)
    assert sorted(p.name for p in cn_dir.iterdir()) == ["年报.docx"]
    assert target.read_bytes() == b"old"


def test_read_only_folder_raises_export_error(cn_dir):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    cn_dir.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="没有写入权限"):
            write_docx(full_report(), cn_dir / "年报.docx", draft=False)
        assert list(cn_dir.iterdir()) == []
    finally:
        cn_dir.chmod(0o755)


def test_missing_folder_raises_export_error(tmp_path):
    with pytest.raises(ExportError, match="文件夹不存在"):
        write_docx(full_report(), tmp_path / "不存在" / "年报.docx", draft=False)


def test_importing_the_module_does_not_import_python_docx():
    code = "import sys; import export.docx; print('docx' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


# -- main.py export --docx ---------------------------------------------------------------------------


def run(*args, cwd):
    return subprocess.run([sys.executable, str(MAIN), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def test_cli_writes_the_word_document(cn_dir):
    out_path = cn_dir / "年报 2022.docx"
    out = run("export", SAMPLE, "--docx", out_path, cwd=cn_dir)
    assert out.returncode == 0, out.stderr
    assert "已写出 Word 文档" in out.stdout and "草稿" not in out.stderr
    doc = docx.Document(str(out_path))
    assert len(doc.tables) == 3 and doc.paragraphs[0].style.name == "Title"
    assert not list(cn_dir.glob(".*tmp"))


def test_cli_draft_and_errors(cn_dir):
    doc = sample_dict()
    doc["values"]["t3.new.natural"] = 3
    src = cn_dir / "有错误.json"
    import json

    src.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    out_path = cn_dir / "草稿.docx"
    out = run("export", src, "--docx", out_path, cwd=cn_dir)
    assert out.returncode == 0 and "草稿" in out.stderr
    assert [p.text for p in docx.Document(str(out_path)).sections[0].header.paragraphs] == [DRAFT_NOTE]
    out = run("export", SAMPLE, "--docx", cn_dir / "没有这个目录" / "x.docx", cwd=cn_dir)
    assert out.returncode == 2 and "无法导出" in out.stderr and "Traceback" not in out.stderr
    out = run("export", SAMPLE, cwd=cn_dir)
    assert out.returncode == 2 and "--docx" in out.stderr


# -- the importer reads our own document back ---------------------------------------------------------


def test_importer_reads_our_docx_back_to_the_same_report(documents):
    from model.reading.importer import import_published

    for key, original in (("sample", load(SAMPLE)), ("full", full_report())):
        back = import_published(documents[key]).report
        assert back.year == original.year and back.meta.get("agency") == original.meta["agency"], key
        assert back.figures() == original.figures(), key
        for section in T.text_section_keys:
            assert text_lines(back.text(section)) == text_lines(printed_text(original, section)), (key, section)


# -- 落款 (issue 15, point 10) ---------------------------------------------------------------------------


def _em(text: str) -> float:
    """Width in characters as the document's fonts set them: Chinese one, digits and Latin letters half."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def test_document_ends_with_the_agency_and_the_date_laid_out_for_a_seal(documents):
    doc = docx.Document(str(documents["sample"]))
    paras = doc.paragraphs
    *text, blank1, blank2, blank3, name, date = paras
    assert [blank1.text, blank2.text, blank3.text] == ["", "", ""]  # three lines of room for the seal
    assert (name.text, date.text) == ("金乡县行政审批服务局", "2023年1月20日")  # 发布日期, Arabic numerals
    em = 16 * 20 - 5  # twips per character of the 28-character grid (3号 condensed by 0.25 pt)
    rights = {}
    for para in (name, date):
        assert paragraph_property(doc, para, "w:jc", "w:val") == "right"
        assert paragraph_property(doc, para, "w:ind", "w:firstLine") == "0"
        rights[para.text] = int(paragraph_property(doc, para, "w:ind", "w:right"))
    assert abs(rights[date.text] - 4 * em) < 20  # 成文日期右空四字
    centre_date = rights[date.text] + _em(date.text) * em / 2
    centre_name = rights[name.text] + _em(name.text) * em / 2
    assert abs(centre_date - centre_name) < 20  # the name centred over the date
    # kept on one page with the last line of the text
    for para in [text[-1], blank1, blank2, blank3, name]:
        assert para._p.pPr.find(qn("w:keepNext")) is not None


def test_document_without_a_date_leaves_its_line_blank(folder):
    report = load(SAMPLE)
    del report.meta["published_on"]
    path = folder / "无日期.docx"
    write_docx(report, path, draft=False)
    paras = docx.Document(str(path)).paragraphs
    assert [p.text for p in paras[-3:]] == ["", "金乡县行政审批服务局", ""]
    assert paras[-1]._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "right"


@needs_lo
def test_libreoffice_prints_the_signature_on_the_last_page_right_aligned(converted):
    pdf = converted["sample"]
    last = page_count(pdf)
    html = pdftotext(pdf, "-bbox", "-f", str(last), "-l", str(last))
    words = [(float(a), float(b), float(c), w) for a, b, c, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)]
    name = next(w for w in words if w[3] == "金乡县行政审批服务局")
    day = next(w for w in words if w[3] == "日" and w[1] > name[1])
    year = next(w for w in words if w[3].startswith("2023") and w[1] > name[1])
    mm = 72 / 25.4
    assert abs(day[2] - ((210 - 26) * mm - 4 * 15.75)) < 4  # 右空四字 (LibreOffice's substitute font)
    assert abs((name[0] + name[2]) / 2 - (year[0] + day[2]) / 2) < 16  # about centred: its digits are wider
    text_above = [w for w in words if w[1] < name[1] - 3 * 28]
    assert text_above, "the 落款 never stands alone on a page"
