"""model.reading: published reports read back from every source kind, cell for cell (issue 10).

The sample (a real report copied as text) must give exactly the program's own file of it. The corpus
(import_corpus/corpus.py) renders three reports with their offices' quirks in every form a report
reaches the program: tab-separated, `|` and one-cell-per-line text, a saved portal page in UTF-8 and
GBK, and a .docx. The locator is also tested on its own grids, and hostile files must be answered
with a clear message in bounded time.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from import_corpus.corpus import KINDS, PUBLISHED, build_docx, fixture, render

from model.checks.rules import evaluate
from model.reading import import_published, import_text
from model.reading import workbook_layout as L
from model.reading.documents import read_document
from model.reading.grid import read_tables, rows_from_lines
from model.reading.notices import LABEL_RULE
from model.report.report import Report
from model.report.storage import ReportFileError, dumps, load, to_dict
from model.template import CURRENT as T
from resources import SAMPLE_REPORT

CORPUS = Path(__file__).resolve().parent / "import_corpus"
SAMPLE_TXT = CORPUS / "jinxiang-xzsp-2022.txt"  # a copy of ../shared/samples/jinxiang-xzsp-2022.txt


def _lines(text: str) -> list[str]:
    """A text compared after normalising whitespace within lines."""
    return [" ".join(line.split()) for line in text.split("\n")]


# ---------------------------------------------------------------------------------------------------
# The sample


@pytest.fixture(scope="module")
def sample_import():
    return import_published(SAMPLE_TXT)


def test_sample_gives_exactly_the_sample_file(sample_import):
    expected = load(SAMPLE_REPORT)
    report = sample_import.report
    assert to_dict(report)["values"] == to_dict(expected)["values"]
    assert report.values == expected.values
    # every total was stated in the source, and is kept as stated (the rules compare it)
    assert report.stated == {c: v for c, v in expected.computed().items()}
    for k in ("agency", "agency_kind", "year", "title", "website", "address", "phone", "admin_level"):
        assert report.meta.get(k) == expected.meta[k], k
    assert "published_on" not in report.meta  # the copied text does not show the date the page did
    for k in T.text_section_keys:
        assert report.sections[k] == expected.sections[k], k
    assert sample_import.unplaced == []


def test_sample_aliases_and_the_short_row_are_reported(sample_import):
    records = sample_import.records()
    aliases = [n for n in records if n.rule == LABEL_RULE]
    assert [(n.kind, n.severity, n.params["part"], n.params["wrong"], n.params["right"]) for n in aliases] == [
        ("label-alias", "info", "column", "社会组织", "社会公益组织"),
        ("label-alias", "info", "row", "其他法律法规禁止公开", "其他法律行政法规禁止公开")]
    assert aliases[0].cells == tuple(T.t3_code(r, "nonprofit") for r in T.t3.rows)
    # the rule's code is the record's, not part of its words (the G2 prefix is shown where it is wanted)
    assert not any(n.message.startswith(LABEL_RULE) for n in aliases)
    short = [n for n in records if n.kind == "short-row-completed"]
    assert len(short) == 1 and "1.属于国家秘密" in short[0].params["row"]
    assert len(short[0].params["figures"]) == 6 and short[0].params["expected"] == 7
    assert short[0].params["reading"] == ["0"] * 7 and short[0].severity == "info"
    assert any(n.kind == "paragraphs-joined" for n in records)


def test_sample_pasted_saved_as_gbk_or_with_bom_reads_the_same(sample_import, tmp_path):
    text = SAMPLE_TXT.read_text(encoding="utf-8")
    pasted = import_text(text)
    assert (pasted.report.values, pasted.report.stated, pasted.report.sections) == (
        sample_import.report.values, sample_import.report.stated, sample_import.report.sections)
    for name, data in (("记事本 ANSI.txt", text.replace("\n", "\r\n").encode("gbk")),
                       ("带 BOM.txt", "\ufeff".encode() + text.encode("utf-8"))):
        path = tmp_path / name
        path.write_bytes(data)
        again = import_published(path)
        assert again.report.values == sample_import.report.values
        assert again.report.sections == sample_import.report.sections
        assert again.report.meta == sample_import.report.meta


def test_sample_checks_clean_after_import(sample_import):
    assert [f for f in evaluate(sample_import.report) if f.severity.value == "error"] == []


def test_our_own_docx_reads_back(tmp_path):
    from export.docx import write_docx

    report = load(SAMPLE_REPORT)
    path = tmp_path / "导出 的报告.docx"
    write_docx(report, path, draft=False)
    result = import_published(path)
    assert to_dict(result.report)["values"] == to_dict(report)["values"]
    assert result.report.sections == report.sections
    assert result.report.meta["agency"] == report.meta["agency"] and result.report.year == report.year
    assert result.report.meta["title"] == report.title  # the document prints the standard title, on two lines
    # the document ends with its 落款 (机关名称 and 发布日期), which is no text of section 六
    assert "报告末尾的落款“金乡县行政审批服务局 2023年1月20日”不属于第六部分的内容，未放入报告文字。" in result.notices
    assert result.unplaced == []  # a proper 落款 is recognised, not left unplaced
    assert result.aliases == []


# ---------------------------------------------------------------------------------------------------
# The corpus: three reports in every source kind

CASES = [(name, kind) for name in PUBLISHED for kind in KINDS]
DATED = {"tab", "html", "html-gbk"}  # the renderings that show the page's 发布时间


@pytest.fixture(scope="module")
def docx_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("文档 docx")


def _source(name: str, kind: str, docx_dir: Path) -> Path:
    if kind == "docx":
        path = docx_dir / f"{name}.docx"
        return path if path.exists() else build_docx(PUBLISHED[name], path)
    return fixture(name, kind)


def test_the_fixtures_are_the_renderings():
    """The files beside corpus.py are what it writes (run it after changing it): the expected reports
    and their renderings."""
    for name, kind in CASES:
        if kind != "docx":
            assert fixture(name, kind).read_bytes() == render(name, kind), (name, kind)
    for name, pub in PUBLISHED.items():
        assert (CORPUS / f"{name}.json").read_text(encoding="utf-8") == dumps(pub.report)


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_corpus_comes_back_cell_for_cell(name, kind, docx_dir):
    pub = PUBLISHED[name]
    expected = pub.report
    result = import_published(_source(name, kind, docx_dir))
    report = result.report
    lost = set()
    if kind == "lines":  # one cell per line cannot show a blank cell: rows with one are checked below
        lost = {T.t3_code(T.cells[c].code.split(".")[1], col) for c in pub.blanks if c.startswith("t3.")
                for col in T.t3.input_cols + ("total",)} | ({c for c in T.cells if c.startswith("t4.")}
                                                             if any(c.startswith("t4.") for c in pub.blanks) else set())
    for code in T.input_codes:
        if code not in lost:
            assert report.values.get(code) == expected.values.get(code), code
    computed = expected.computed()
    for code in T.derived_codes:
        if code not in lost:
            assert report.stated.get(code) == computed.get(code), code
    meta = dict(expected.meta)
    if kind not in DATED:
        meta.pop("published_on")
    assert report.meta == meta
    assert report.sections == expected.sections
    aliases = [n for n in result.records() if n.rule == LABEL_RULE]
    assert sorted(n.params["wrong"] for n in aliases) == sorted(pub.aliases)
    signature = [u for u in result.notices if u.startswith("报告末尾的落款")]
    assert len(signature) == (1 if pub.signature else 0)
    signature = []  # recognised as a remark, never among the unplaced
    if kind == "lines" and pub.blanks:
        for row in {c.split(".")[1] for c in pub.blanks if c.startswith("t3.")}:
            label = T.t3.row_labels[row]
            assert any(label in m for m in result.unplaced + result.notices), row
    else:
        assert len(result.unplaced) == len(signature), result.unplaced


def test_corpus_blank_cells_stay_blank_and_marks_read_as_zero(docx_dir):
    pub = PUBLISHED["zoucheng-sthj-2022"]
    for kind in ("tab", "pipe", "html", "html-gbk", "docx"):
        result = import_published(_source(pub.name, kind, docx_dir))
        for code in pub.blanks:
            assert code not in result.report.values, (kind, code)
        for code in pub.marks:
            assert result.report.values[code] == 0, (kind, code)
        blank_notice = [n for n in result.notices if "空白" in n and "表三" in n]
        assert blank_notice and "有 3 个单元格是空白的" in blank_notice[0], kind
        assert any("“/”" in n and "已按 0 读取" in n for n in result.notices), kind


def test_corpus_pages_leave_out_their_furniture():
    for name in PUBLISHED:
        for kind in ("html", "html-gbk", "tab"):
            result = import_published(fixture(name, kind))
            everything = "\n".join(result.report.sections.values())
            for noise in ("发布时间", "来源：", "浏览次数", "字号", "打印本页", "关闭窗口", "索引号", "相关链接",
                          "版权所有", "ICP", "当前位置", "网站首页", "年报目录", str(PUBLISHED[name].report.year - 1) + "年"):
                assert noise not in everything, (name, kind, noise)
            assert result.report.meta["published_on"] == PUBLISHED[name].published_on


# ---------------------------------------------------------------------------------------------------
# The locator on its own


def _t3_rows(values: dict[str, int], order: list[str] | None = None) -> list[list[str]]:
    figures = Report(values=values).figures()
    order = order or [c for c, _ in T.t3.columns] + ["total"]
    names = dict(T.t3.columns + (T.t3.total_col,))
    rows = [["项目"] + [names[c] for c in order]]
    for code in T.t3.rows:
        rows.append([T.t3.row_labels[code].replace("·", "")] + [str(figures[T.t3_code(code, c)]) for c in order])
    return rows


T3_VALUES = {c: i % 7 for i, c in enumerate(T.table("t3").input_codes)}


def test_columns_and_rows_are_found_by_their_labels_not_their_place():
    order = ["total", "other", "legal", "nonprofit", "research", "business", "natural"]
    rows = _t3_rows(T3_VALUES, order)
    rows[1:] = rows[1:][::-1]  # rows upside down
    result = read_tables(rows, T)
    assert result.values == T3_VALUES and result.notices == []


def test_merged_cells_repeated_by_the_source_read_the_same():
    table = T.table("t3")
    figures = Report(values=T3_VALUES).figures()
    grid = [[""] * table.n_cols for _ in range(table.n_rows)]
    for gc in table.grid:
        for dr in range(gc.rowspan):
            for dc in range(gc.colspan):
                grid[gc.row + dr][gc.col + dc] = str(figures[gc.code]) if gc.code else gc.text
    result = read_tables(grid, T)
    assert result.values == T3_VALUES and result.unplaced() == []
    assert result.stated == {c: figures[c] for c in table.derived_codes}


@pytest.mark.parametrize("label", [
    "三、本年度办理结果（三）不予公开1.属于国家秘密",  # the three label cells merged into one
    "（三）不予公开 1. 属于国家秘密",
    "1．属于国家秘密",  # full-width point
    "(三)不予公开",  # only the group: not the row
])
def test_a_row_label_spread_over_the_label_cells_or_merged(label):
    rows = _t3_rows(T3_VALUES)
    at = next(i for i, r in enumerate(rows) if r[0].endswith("属于国家秘密"))
    rows[at][0] = label
    result = read_tables(rows, T)
    if label == "(三)不予公开":
        assert T.t3_code("deny_1", "natural") not in result.values
        assert any(n.kind == "rows-missing" and n.params["rows"] == [T.t3.row_labels["deny_1"]] for n in result.notices)
        assert [n.kind for n in result.unplaced()] == ["row-not-placed"]
    else:
        assert result.values == T3_VALUES and result.unplaced() == []


def test_label_variants_and_figures_as_printed():
    rows = [["第二十条第(一)项"], ["信息内容", "本年制发件数", "本年 废止件数", "现行有效件数"],
            ["规 章", "１", "0", "1,234"], ["行政规范性文件", "—", "/", "无"],
            ["第二十条第（八）项"], ["信息内容", "本年收费金额(单位:万元)"], ["行政事业性收费", "18,734.205917"]]
    result = read_tables(rows, T)
    assert result.values == {"t2.regulation.issued": 1, "t2.regulation.repealed": 0, "t2.regulation.in_force": 1234,
                             "t2.normative.issued": 0, "t2.normative.repealed": 0, "t2.normative.in_force": 0,
                             "t2.fees.amount": Decimal("18734.205917")}
    marked = next(n for n in result.notices if n.kind == "cells-marked")
    assert marked.params["marks"] == ["—", "/", "无"] and marked.cells == tuple(
        T.t2_code("normative", c) for c in ("issued", "repealed", "in_force"))
    assert any(n.kind == "rows-missing" and n.params["rows"] == ["行政许可", "行政处罚", "行政强制"]
               for n in result.notices)


def test_what_cannot_be_placed_is_named():
    rows = _t3_rows(T3_VALUES)
    rows.insert(3, ["（三）不予公开小计", "1", "2", "3", "4", "5", "6", "21"])  # a subtotal row the format lacks
    rows[1][2] = "两件"
    rows.append(["注：本表数据截至12月31日。"])
    result = read_tables(rows, T)
    assert T.t3_code("new", "business") not in result.values
    told = {(n.kind, n.params.get("text") or n.params.get("source")): n.cells for n in result.unplaced()}
    assert told[("cell-not-a-number", "两件")] == (T.t3_code("new", "business"),)
    assert any(kind == "row-not-placed" and "不予公开小计" in text for kind, text in told)
    assert ("text-not-placed", "注：本表数据截至12月31日。") in told


def test_stated_totals_are_kept_as_stated_for_the_rules():
    rows = _t3_rows(T3_VALUES)
    rows[1][-1] = "999"  # 一、本年新收 … 总计
    result = read_tables(rows, T)
    assert result.stated[T.t3_code("new", "total")] == 999
    report = Report(values=result.values, stated=result.stated)
    assert any(f.rule == "T3-2" and "999" in f.message for f in evaluate(report))


def test_a_row_one_cell_short_is_completed_only_when_the_sums_allow_one_reading():
    values = dict(T3_VALUES)
    values.update({T.t3_code("ignore_2", c): 0 for c in T.t3.input_cols})
    values[T.t3_code("ignore_2", "natural")] = 1  # 1 0 0 0 0 0 | 1: which cell was lost is not visible
    rows = _t3_rows(values)
    at = next(i for i, r in enumerate(rows) if r[0].endswith("重复申请"))
    del rows[at][2]  # its 商业企业 lost: the column totals tell which cell it was
    result = read_tables(rows, T)
    assert result.values == values
    completed = [n for n in result.notices if n.kind == "short-row-completed"]
    assert len(completed) == 1 and "重复申请" in completed[0].params["row"]
    assert len(completed[0].params["figures"]) == 6
    total_row = next(i for i, r in enumerate(rows) if r[0].endswith("总计"))
    del rows[total_row]  # without the column totals two readings remain: the row is not guessed
    result = read_tables(rows, T)
    assert not any(T.t3_code("ignore_2", c) in result.values for c in T.t3.input_cols)
    assert [(n.kind, "重复申请" in n.params["row"]) for n in result.unplaced()] == [("short-row-undecided", True)]


def test_table_four_by_its_groups_and_headers():
    nums = [str(i) for i in range(1, 16)]
    rows = [["行政复议", "", "", "", "", "行政诉讼"],
            ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
            [""] * 5 + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2, nums]
    result = read_tables(rows, T)
    expected = dict(zip([f"t4.{g}.{c}" for g, _ in T.t4.groups for c, _ in T.t4.columns + (T.t4.total_col,)],
                        range(1, 16), strict=True))
    assert {**result.values, **result.stated} == expected


def test_one_cell_per_line_folds_into_rows():
    lines = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "0",
             "行政规范性文件 3 1 20", "结果维持 结果纠正"]
    rows = rows_from_lines(lines, T)
    assert rows[5] == ["规章", "0", "0", "0"] and rows[6] == ["行政规范性文件", "3", "1", "20"]
    assert rows[-2:] == [["结果维持"], ["结果纠正"]]
    assert read_tables(rows[:7], T).values["t2.normative.in_force"] == 20


# ---------------------------------------------------------------------------------------------------
# The document: title, headings, furniture


def _report_text(title: str, head: str = "、", extra_top: str = "", extra_end: str = "") -> str:
    sections = "\n".join(f"{s.heading.replace('、', head, 1)}\n{s.key} 的文字。" for s in T.sections)
    return f"{extra_top}\n{title}\n本报告由测试局编制。\n{sections}\n{extra_end}"


@pytest.mark.parametrize(("title", "agency", "year"), [
    ("金乡县行政审批服务局 2022 年政府信息公开 公开工作年度报告", "金乡县行政审批服务局", 2022),
    ("2023年金乡县鸡黍镇人民政府政府信息公开工作年度报告", "金乡县鸡黍镇人民政府", 2023),
    ("济宁市任城区人民政府办公室关于2022年度政府信息公开工作的年度报告", "济宁市任城区人民政府办公室", 2022),
    ("邹城市生态环境局政府信息公开工作年度报告（2022年度）", "邹城市生态环境局", 2022),
    ("金乡县人民政府２０２３年政府信息公开工作年度报告", "金乡县人民政府", 2023),
])
def test_title_gives_agency_and_year(title, agency, year):
    report = import_text(_report_text(title)).report
    assert (report.meta["agency"], report.meta["year"], report.meta["title"]) == (agency, year, title)
    government = agency.endswith(("人民政府", "人民政府办公室"))
    assert report.meta["agency_kind"] == ("government" if government else "department")


@pytest.mark.parametrize("head", ["、", "．", ".", ". "])
def test_section_headings_in_any_usual_numbering(head):
    result = import_text(_report_text("测试局2022年政府信息公开工作年度报告", head))
    assert [result.report.sections[k] for k in ("s1", "s5", "s6")] == ["s1 的文字。", "s5 的文字。", "s6 的文字。"]
    assert not any("部分的标题" in n for n in result.notices)


def test_a_sentence_naming_the_report_is_not_its_title():
    text = _report_text("测试局2022年政府信息公开工作年度报告").replace(
        "本报告由测试局编制。", "本报告由测试局编制。\n现发布测试局2022年政府信息公开工作年度报告。")
    report = import_text(text).report
    assert report.meta["title"] == "测试局2022年政府信息公开工作年度报告"
    assert report.sections["preamble"].endswith("年度报告。")


def test_table_rows_are_never_taken_for_headings():
    text = _report_text("测试局2022年政府信息公开工作年度报告").replace(
        "s3 的文字。", "三、本年度办理结果\n二、上年结转政府信息公开申请数量\n四、结转下年度继续办理")
    result = import_text(text)
    assert result.report.sections["s5"] == "s5 的文字。"


def test_page_furniture_is_left_out_and_the_date_kept():
    top = ("首页 > 政务公开 > 年报\n测试局2021年政府信息公开工作年度报告\n【打印本页】【关闭窗口】\n字号：大 中 小\n")
    text = _report_text("测试局2022年政府信息公开工作年度报告", extra_top=top).replace(
        "本报告由测试局编制。", "发布时间：2023-01-20 来源：测试局 浏览次数：88\n索引号：123/2023-001\n【打印本页】\n本报告由测试局编制。")
    text = text.replace("s5 的文字。", "s5 的文字。\n— 3 —\n统计时间：2022年1月1日至12月31日。")
    text += "\n【打印本页】 【关闭窗口】\n上一篇：测试局2021年政府信息公开工作年度报告\n主办单位：测试局 版权所有"
    result = import_text(text)
    report = result.report
    assert report.meta["published_on"] == "2023-01-20" and report.meta["year"] == 2022
    assert report.sections["preamble"] == "本报告由测试局编制。"
    assert report.sections["s5"] == "s5 的文字。\n统计时间：2022年1月1日至12月31日。"  # the page number is gone
    assert report.sections["s6"] == "s6 的文字。"
    undated = import_text(_report_text("测试局2022年政府信息公开工作年度报告").replace(
        "本报告由测试局编制。", "本报告统计时间：2022年1月1日至2022年12月31日。"))
    assert "published_on" not in undated.report.meta
    assert any("标题之前" in n for n in result.notices) and any("报告正文之后" in n for n in result.notices)


def test_a_document_that_is_no_report_is_refused_clearly(tmp_path):
    page = tmp_path / "首页.html"
    page.write_text("<html><head><title>金乡县人民政府</title></head><body><ul>"
                    + "<li><a href='/a'>金乡县行政审批服务局2022年政府信息公开工作年度报告</a></li>" * 20
                    + "</ul><p>欢迎访问金乡县人民政府网站。</p></body></html>", encoding="utf-8")
    with pytest.raises(ReportFileError, match="没有找到政府信息公开工作年度报告"):
        import_published(page)
    with pytest.raises(ReportFileError, match="没有找到政府信息公开工作年度报告"):
        import_text("今天天气很好。\n明天也是。")


@pytest.mark.parametrize(("data", "suffix", "message"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc", "另存为 Word 文档（.docx）"),
    (b"%PDF-1.7\n" + b"x" * 100, ".pdf", "PDF 文件"),
    (b"{\\rtf1\\ansi hello}", ".rtf", "RTF"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n", ".mht", "单个文件网页"),
    (b'{"format": "gov-info-disclosure-annual-report", "version": 1}', ".json", "请直接打开"),
])
def test_other_files_are_named_for_what_they_are(tmp_path, data, suffix, message):
    path = tmp_path / f"文件{suffix}"
    path.write_bytes(data)
    with pytest.raises(ReportFileError, match=re.escape(message)):
        import_published(path)


def test_a_workbook_is_not_a_published_report(tmp_path):
    import openpyxl

    path = tmp_path / "统计表.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(ReportFileError, match="是 Excel 工作簿"):
        import_published(path)


# ---------------------------------------------------------------------------------------------------
# Hostile files: a clear message, in bounded time

BOUND = 3.0  # seconds; each of these is answered in well under a second on an office PC


def _refused(path: Path, message: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ReportFileError, match=message):
        import_published(path)
    assert time.perf_counter() - start < BOUND


def test_a_200_mb_file_is_refused_unread(tmp_path):
    path = tmp_path / "巨大.txt"
    with open(path, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: takes no disk space
    _refused(path, "过大（200 MB）")


def test_a_zip_bomb_docx_is_refused_before_unpacking(tmp_path):
    path = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (40 * 1024 * 1024) + b"</w:document>")
    assert path.stat().st_size < 1024 * 1024
    _refused(path, "可能是恶意构造的文件")


def test_a_damaged_docx_is_refused(tmp_path):
    path = tmp_path / "坏的.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<not xml")
    _refused(path, "已损坏")


def test_binary_garbage_is_refused(tmp_path):
    path = tmp_path / "乱码.txt"
    path.write_bytes(os.urandom(300_000))
    _refused(path, "不是文本文件")
    path.write_bytes(bytes(range(128, 256)) * 2000)
    _refused(path, "不是可识别的文本文件")


def test_pages_built_to_hurt_are_answered_in_bounded_time(tmp_path):
    deep = tmp_path / "深.html"
    deep.write_text("<html><body>" + "<div>" * 100_000 + "一、总体情况" + "</div>" * 100_000 + "</body></html>")
    start = time.perf_counter()
    result = import_published(deep)  # nesting beyond any page's is read flat: no recursion limit reached
    assert any("没有找到“二、主动公开政府信息情况”部分的标题" in n for n in result.notices)
    spans = tmp_path / "跨.html"
    spans.write_text("<table>" + ("<tr>" + '<td rowspan="100000" colspan="100000">1</td>' * 40 + "</tr>") * 100 + "</table>")
    with pytest.raises(ReportFileError):
        import_published(spans)
    many = tmp_path / "行.txt"
    many.write_text("规章\t0\t0\t0\n" * 1_000_000)
    with pytest.raises(ReportFileError, match="内容过多"):
        import_published(many)
    assert time.perf_counter() - start < 2 * BOUND


def test_python_docx_is_imported_only_for_a_docx():
    import subprocess
    import sys

    from support import ROOT

    code = ("import sys; import model.reading, model.reading.html_source, model.reading.grid; "
            "print('docx' in sys.modules, 'PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["False", "False"], out.stderr


# ---------------------------------------------------------------------------------------------------
# Issue 17: one registry for every kind, variants as printed, nothing but the report, bounded reading

SAMPLE_TEXT = SAMPLE_TXT.read_text(encoding="utf-8")
SOFFICE = shutil.which("soffice")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The sample exported by this program as a workbook, a .docx and a PDF."""
    from export.docx import write_docx
    from export.pdf import write_pdf
    from export.xlsx import write_workbook

    out = tmp_path_factory.mktemp("导出 样本")
    report = load(SAMPLE_REPORT)
    write_workbook(report, out / "样本.xlsx", draft=False)
    write_docx(report, out / "样本.docx", draft=False)
    write_pdf(report, out / "样本.pdf", draft=False)
    return out


def _kind_and_values(path: Path) -> tuple[str, dict]:
    document = read_document(path)
    return document.kind, document.report.values


def test_the_registry_reads_every_kind_by_its_content(exported, tmp_path):
    """Point 1: one reader for every door; the kind is found from the content, not the name."""
    expected = load(SAMPLE_REPORT).values
    (tmp_path / "样本.json").write_bytes(Path(SAMPLE_REPORT).read_bytes())
    html = CORPUS / "renwu-2023.html"
    cases = {
        tmp_path / "样本.json": "report",
        exported / "样本.xlsx": "workbook",
        exported / "样本.docx": "docx",
        exported / "样本.pdf": "pdf",
        SAMPLE_TXT: "text",
    }
    for path, kind in cases.items():
        got_kind, values = _kind_and_values(path)
        assert (got_kind, values) == (kind, expected), path.name
    # the names lie: a saved page called .txt, a PDF and a workbook without their extensions
    for source, name, kind in ((html, "网页.txt", "html"), (exported / "样本.pdf", "下载文件", "pdf"),
                               (exported / "样本.docx", "附件1", "docx")):
        (tmp_path / name).write_bytes(source.read_bytes())
        assert read_document(tmp_path / name).kind == kind, name
    assert read_document(tmp_path / "网页.txt").report.values == read_document(html).report.values


def test_our_pdf_reads_back_exactly(exported):
    """Point 5: the text layer of our own PDF gives every cell and every paragraph (spacing aside)."""
    expected = load(SAMPLE_REPORT)
    document = read_document(exported / "样本.pdf")
    report = document.report
    assert report.values == expected.values
    assert report.stated == expected.computed()  # every printed total kept as printed
    for key in T.text_section_keys:
        assert _squash(report.sections[key]) == _squash(expected.sections[key]), key
    assert (report.meta["agency"], report.year) == (expected.meta["agency"], expected.year)
    assert not [n for n in document.notices if n.severity == "warning"]  # page numbers are no table rows


@pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"), reason="LibreOffice is not installed")
def test_a_pdf_made_by_libreoffice_from_a_docx_reads_back(exported, tmp_path):
    profile = tmp_path / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(exported / "样本.docx")], capture_output=True, timeout=180, check=True)
    expected = load(SAMPLE_REPORT)
    report = read_document(tmp_path / "样本.pdf").report
    assert report.values == expected.values and report.stated == expected.computed()
    for key in T.text_section_keys:
        assert _squash(report.sections[key]) == _squash(expected.sections[key]), key


def test_a_pdf_without_text_says_what_to_do(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "扫描件.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 400, 600, fill=1)  # a page that is a picture: no text layer
    c.showPage()
    c.save()
    with pytest.raises(ReportFileError, match="扫描件.*另存为 Word 文档（.docx）"):
        read_document(path)


@pytest.mark.parametrize(("name", "words"), [
    ("年报.doc", ["旧版文字文档", "另存为 Word 文档（.docx）"]),
    ("年报.wps", ["另存为 Word 文档（.docx）", "WPS"]),
    ("统计表.et", ["旧版表格文件（.et）", "另存为 Excel 工作簿（.xlsx）"]),
    ("统计表.xls", ["另存为 Excel 工作簿（.xlsx）"]),
])
def test_old_office_files_get_what_to_do(tmp_path, name, words):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(ReportFileError) as info:
        read_document(path)
    assert all(w in str(info.value) for w in words), str(info.value)


def _edited_workbook(path: Path, edit) -> Path:
    import openpyxl

    from export.xlsx import write_workbook

    write_workbook(load(SAMPLE_REPORT), path, draft=False)
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    return path


def test_an_edited_own_workbook_falls_back_to_the_label_locator(tmp_path):
    """Point 1: a row inserted or a sheet renamed is read by the labels, with a notice, never refused."""
    expected = load(SAMPLE_REPORT)
    t3 = L.sheet_title(expected.template.table("t3"))

    def insert_row(book):
        book[t3].insert_rows(8)

    def rename_and_change(book):
        sheet = book[t3]
        sheet.title = "依申请公开情况"
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == "二、上年结转政府信息公开申请数量":
                    col = cell.column + 1
                    while type(sheet.cell(cell.row, col)).__name__ == "MergedCell":
                        col += 1
                    sheet.cell(cell.row, col).value = 1  # 自然人: 0 → 1 (the 总计 left as printed)

    document = read_document(_edited_workbook(tmp_path / "插了一行.xlsx", insert_row))
    assert document.kind == "edited-workbook"
    assert document.report.values == expected.values
    assert document.report.sections == expected.sections and document.report.meta == expected.meta
    assert "表格结构已被改动" in document.notices[0].message and "按行列标题" in document.notices[0].message
    assert document.notices[0].severity == "warning"

    document = read_document(_edited_workbook(tmp_path / "改了表名.xlsx", rename_and_change))
    assert document.kind == "edited-workbook"
    assert "依申请公开情况" in document.notices[0].message
    assert document.report.values["t3.carried_in.natural"] == 1
    # the total is an =SUM formula (export/xlsx.py): it follows its parts, so it states no claim
    assert "t3.carried_in.total" not in document.report.stated
    changed = {k for k in expected.values if document.report.values.get(k) != expected.values[k]}
    assert changed == {"t3.carried_in.natural"}


def test_reading_notices_are_findings_with_a_location():
    """Point 1: G2 for a label printed otherwise, R1 for the rest; info or warning; located."""
    document = read_document(CORPUS / "jishu-2023.pipe.txt")
    findings = document.findings()
    assert findings and {f.rule for f in findings} <= {"G2", "R1"}
    assert {f.severity.value for f in findings} <= {"info", "warning"}
    signature = next(f for f in findings if "落款" in f.message)
    assert (signature.rule, signature.severity.value, signature.location.section) == ("R1", "info", "s6")
    kind = next(f for f in findings if "机关类型" in f.message)
    assert kind.location.field == "agency_kind"
    labels = read_document(SAMPLE_TXT).findings()
    alias = next(f for f in labels if "社会组织" in f.message)
    assert alias.rule == "G2" and alias.severity.value == "info" and "t3.new.nonprofit" in alias.cells
    assert not alias.message.startswith("G2")


# -- variants (format-2021.md §9) ---------------------------------------------------------------------


def _merged_other(text: str) -> str:
    lines, out, skip = text.split("\n"), [], 0
    for line in lines:
        if skip:
            skip -= 1
            continue
        if "其他处理" in line and "1." in line:
            out.append("（六）其他处理\t\t0\t0\t0\t0\t0\t0\t0")
            skip = 2
            continue
        out.append(line)
    return "\n".join(out)


VARIANTS = {
    "reworded 五": (lambda t: t.replace("五、存在的主要问题及改进情况", "五、存在的主要问题及改进措施"),
                   "第五部分的标题印作“五、存在的主要问题及改进措施”"),
    "reworded 六": (lambda t: t.replace("六、其他需要报告的事项", "六、需要说明的其他事项与附表"),
                   "第六部分的标题印作“六、需要说明的其他事项与附表”"),
    "mistyped 四": (lambda t: t.replace("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况"),
                   "第四部分的标题印作“四、政府信息公开行政法复议、行政诉讼情况”"),
    "五 without heading": (lambda t: t.replace("五、存在的主要问题及改进情况\n", ""),
                          "表四之后、第六部分之前的文字没有“五、存在的主要问题及改进情况”标题"),
    "规范性文件": (lambda t: t.replace("行政规范性文件\t", "规范性文件\t"), "“规范性文件”应为“行政规范性文件”"),
    "markdown title": (lambda t: t.replace("金乡县行政审批服务局 2022", "# 金乡县行政审批服务局 2022", 1), None),
    "furniture": (lambda t: t.replace("工作年度报告\n", "工作年度报告\n相关链接：\n扫一扫在手机打开当前页\n", 1).rstrip()
                  + "\n抄送：县委办公室，县人大常委会办公室\n金乡县人民政府办公室 2023年1月20日印发\n友情链接：中国政府网\n",
                  None),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_variants_real_reports_print_read_as_the_report(sample_import, variant):
    """Points 3 and 4: the text of every section and every cell as in the report printed plainly."""
    change, notice = VARIANTS[variant]
    text = change(SAMPLE_TEXT)
    assert text != SAMPLE_TEXT
    result = import_text(text)
    report = result.report
    assert report.values == sample_import.report.values
    assert report.sections == sample_import.report.sections
    assert report.meta["agency"] == "金乡县行政审批服务局"
    if notice:
        assert any(notice in m for m in result.messages()), result.messages()
    assert not any("未能放入报告" in m for m in result.messages())


def test_other_processing_printed_as_one_row(sample_import):
    """Point 3: （六）其他处理 as one merged row goes to its first item; the other two are not filled."""
    result = import_text(_merged_other(SAMPLE_TEXT))
    values = result.report.values
    assert all(values[T.t3_code("other_1", c)] == 0 for c in T.t3.input_cols)
    assert not any(k.startswith(("t3.other_2.", "t3.other_3.")) for k in values)
    note = next(n for n in result.records() if "印作一行" in n.message)
    assert set(note.cells) == {T.t3_code(r, c) for r in ("other_2", "other_3") for c in (*T.t3.input_cols, "total")}
    assert not any("没有找到" in m and "其他处理" in m for m in result.messages())


def test_a_second_report_on_the_page_is_named():
    other = "金乡县行政审批服务局2021年政府信息公开工作年度报告"
    result = import_text(SAMPLE_TEXT + "\n" + other + "\n一、总体情况\n2021年，我局……\n")
    assert any(f"另有一份报告“{other}”" in m for m in result.notices)
    assert "2021年，我局" not in result.report.sections["s6"]


@pytest.mark.parametrize(("agency", "kind"), [
    ("平潭综合实验区管理委员会", "government"),
    ("济南高新技术产业开发区管理委员会", "government"),
    ("金乡县人民政府", "government"),
    ("金乡县鸡黍镇人民政府", "government"),
    ("金乡县行政审批服务局", "department"),
    ("金乡县住房和城乡建设管理委员会", "department"),
])
def test_kind_of_body_from_the_whole_name(agency, kind):
    text = SAMPLE_TEXT.replace("金乡县行政审批服务局 2022 年", f"{agency} 2022 年", 1)
    assert import_text(text).report.meta["agency_kind"] == kind


def _handmade(path: Path, blank_zeros: bool) -> Path:
    """A workbook an office made by hand from the template: a heading with 填报单位, the three tables
    wherever they landed, 填表人 lines under them, zeros left blank if `blank_zeros`."""
    import openpyxl

    report = load(SAMPLE_REPORT)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["政府信息公开工作年度报告统计表"])
    sheet.append(["填报单位：金乡县行政审批服务局", None, None, None, "2022年度"])
    figures = report.figures()
    for table in T.tables:
        origin = sheet.max_row + 2
        for gc in table.grid:
            value = gc.text if gc.text else (figures.get(gc.code) if gc.code else None)
            if gc.code and value == 0 and blank_zeros:
                value = None
            if value is not None:
                sheet.cell(origin + gc.row, 1 + gc.col).value = value
    sheet.append([])
    sheet.append(["填表人：张三", None, "联系电话：0537-8876366", None, "填报日期：2023年1月10日"])
    book.save(path)
    return path


def test_a_hand_made_workbook_with_blank_zeros_keeps_every_row(tmp_path):
    """Point 5: a blank cell is a blank in its column; no row is lost, no figure moves."""
    expected = load(SAMPLE_REPORT)
    document = read_document(_handmade(tmp_path / "手工.xlsx", blank_zeros=True))
    assert document.kind == "handmade"
    report = document.report
    assert {k: v for k, v in expected.values.items() if v != 0} == report.values
    assert report.meta["agency"] == "金乡县行政审批服务局"
    assert not any("应有" in n.message or "未能" in n.message for n in document.notices), document.messages
    assert any("填表人" in n.message for n in document.notices)
    full = read_document(_handmade(tmp_path / "手工 全.xlsx", blank_zeros=False)).report
    assert full.values == expected.values


def test_the_real_shanghai_2019_page_reads_as_printed():
    """A real published page (import_corpus/real, source in the file): table 三 and 四 cell for cell as
    printed, its blank cells blank in their columns, its 其他处理 printed as one row, the older table 二
    not misread, the footer left out."""
    document = read_document(CORPUS / "real" / "shanghai-bgt-2019.html")
    report = document.report
    printed = {  # row → the seven printed cells (None: printed blank)
        "new": [821, 35, None, None, 2, 1, 859], "carried_in": [18, None, None, None, None, None, 18],
        "open": [258, 12, None, None, 1, 1, None], "partial": [3] + [None] * 6,
        "deny_1": [14] + [None] * 6, "deny_5": [5] + [None] * 6, "deny_6": [3, 1] + [None] * 5,
        "deny_8": [10, 2] + [None] * 5, "unable_1": [252, 12, None, None, 1, None, None],
        "unable_2": [44, 3] + [None] * 5, "unable_3": [25] + [None] * 6, "ignore_1": [148, 1] + [None] * 5,
        "ignore_2": [5, 4] + [None] * 5, "total": [767, 35, None, None, 2, 1, 805],
        "carried_out": [72, None, None, None, None, None, 72],
    }
    columns = [*T.t3.input_cols, "total"]
    for row in T.t3.rows:
        cells = printed.get(row, [None] * 7)
        for col, value in zip(columns, cells, strict=True):
            code = T.t3_code(row, col)
            got = report.stated.get(code) if T.cells[code].derived else report.values.get(code)
            assert got == value, code
    t4 = dict(zip(("upheld", "corrected", "other", "pending", "total"), [5, None, None, 2, 7], strict=True))
    for col, value in t4.items():
        code = f"t4.review.{col}"
        assert (report.stated if col == "total" else report.values).get(code) == value, code
    assert report.values["t4.suit_direct.upheld"] == 8 and report.stated["t4.suit_direct.total"] == 9
    assert not any(k.startswith("t2.") for k in report.values)  # table 二 of the 2019 format: no 2021 cells
    older = [m for m in document.messages if "不是格式规定的列" in m]
    assert len(older) == 6 and "“对外公开总数量”" in older[0]
    assert not any(m.startswith("表二有") and "空白" in m for m in document.messages)  # unread, not blank
    assert "859件" in report.sections["s1"] and report.sections["s6"] == "无。"
    assert any("其他处理”印作一行" in m for m in document.messages)
    assert not any(w in report.sections["s6"] for w in ("扫一扫", "相关链接", "主办"))


# -- bounded reading (point 8) ------------------------------------------------------------------------


def _measured(code: str) -> tuple[float, int]:
    """Seconds and peak memory (KB) of `code` run in a fresh interpreter of this project."""
    from support import ROOT

    probe = ("import resource, sys, time\nt = time.perf_counter()\n" + code +
             "\nprint(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    seconds, kb = out.stdout.split()[-2:]
    return float(seconds), int(kb)


def test_a_docx_with_absurd_spans_is_read_in_bounded_time_and_memory(exported, tmp_path):
    path = tmp_path / "跨度.docx"
    with zipfile.ZipFile(exported / "样本.docx") as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = re.sub(rb'<w:gridSpan w:val="\d+"/>', b'<w:gridSpan w:val="1000000000"/>', data)
                data = data.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="1000000000"/>', 3)
                data = data.replace(b"<w:trPr>", b'<w:trPr><w:gridBefore w:val="1000000000"/>', 3)
                assert b"1000000000" in data
            dst.writestr(info, data)
    assert path.stat().st_size < 100 * 1024
    seconds, kb = _measured(f"from model.reading.documents import read_document\nread_document({str(path)!r})")
    assert seconds < 5 and kb < 500 * 1024, (seconds, kb)


def test_a_docx_with_a_large_picture_is_read(exported, tmp_path):
    path = tmp_path / "有大图片.docx"
    with zipfile.ZipFile(exported / "样本.docx") as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/media/image1.png", os.urandom(20 * 1024 * 1024))  # incompressible, like a photo
    assert read_document(path).report.values == load(SAMPLE_REPORT).values


@pytest.mark.parametrize("charset", ["zlib", "base64", "hex", "rot13", "uu", "bz2", "quopri"])
def test_a_page_declaring_a_codec_that_is_no_text_encoding(tmp_path, charset):
    page = CORPUS / "renwu-2023.gbk.html"
    data = re.sub(rb"charset=[\"']?gb2312", b"charset=" + charset.encode(), page.read_bytes(), count=1)
    assert charset.encode() in data[:4096]
    path = tmp_path / "页.html"
    path.write_bytes(data)
    assert read_document(path).report.values == read_document(page).report.values


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_or_a_device_is_refused_at_once(tmp_path):
    fifo = tmp_path / "管道.json"
    os.mkfifo(fifo)
    link = tmp_path / "零.html"
    link.symlink_to("/dev/zero")
    for path in (fifo, link):
        start = time.perf_counter()
        with pytest.raises(ReportFileError, match="不是普通文件"):
            read_document(path)
        assert time.perf_counter() - start < 1


def test_an_html_row_missing_a_cell_is_never_read_shifted(tmp_path):
    """Point 5: a <td> lost inside a row of table 三 is not read with the 总计 under 其他; the row is one
    short, and the sums decide which cell it lost (here only one reading is possible)."""
    page = CORPUS / "renwu-2023.html"
    html = page.read_text(encoding="utf-8")
    line = next(ln for ln in html.split("\n") if "（一）予以公开" in ln)
    cells = re.findall(r'<td valign="middle"><p[^>]*><span[^>]*>[^<]*</span></p></td>', line)
    assert [re.sub("<[^>]+>", "", c) for c in cells] == ["700", "30", "2", "3", "5", "6", "746"]
    path = tmp_path / "少一格.html"
    path.write_text(html.replace(line, line.replace(cells[2], "", 1)), encoding="utf-8")
    document = read_document(path)
    expected = read_document(page).report
    assert document.report.values == expected.values and document.report.stated == expected.stated
    assert any("予以公开”行只有 6 个数字" in n.message and "只有一种可能" in n.message for n in document.notices)


def _one_cell_per_line(text: str) -> str:
    """The sample as a PDF viewer or some browsers copy it: every table cell on a line of its own,
    blank cells gone."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend([c for c in line.split("\t") if c.strip()] if "\t" in line else [line])
    return "\n".join(out)


def _markdown(text: str) -> str:
    """The sample as a markdown copy gives it: `# ` before the title, tables as `| a | b |` with a rule."""
    out: list[str] = []
    in_table = False
    for line in text.split("\n"):
        if "\t" in line:
            out.append("| " + " | ".join(c.strip() for c in line.split("\t")) + " |")
            if not in_table:
                out.append("|" + "---|" * len(line.split("\t")))
            in_table = True
        else:
            in_table = False
            out.append(("# " if line.endswith("工作年度报告") else "") + line)
    return "\n".join(out)


@pytest.mark.parametrize("layout", [_one_cell_per_line, _markdown])
def test_the_sample_in_every_copied_layout_reads_exactly(sample_import, layout):
    """Point 5: markdown tables and headings, one cell per line: the sample's cells and sections."""
    text = layout(SAMPLE_TEXT)
    assert text != SAMPLE_TEXT
    report = import_text(text).report
    assert report.values == sample_import.report.values and report.stated == sample_import.report.stated
    assert report.sections == sample_import.report.sections
    assert report.meta["agency"] == "金乡县行政审批服务局" and not report.meta["title"].startswith("#")


@pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"), reason="LibreOffice is not installed")
def test_the_real_page_printed_to_pdf_reads_the_same(tmp_path):
    """Point 5: a PDF we did not lay out (LibreOffice prints the real page, paragraphs not indented)
    gives the same cells and the same sections as the page."""
    page = CORPUS / "real" / "shanghai-bgt-2019.html"
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", str(tmp_path), str(page)],
                   capture_output=True, timeout=180, check=True)
    from_page, from_pdf = read_document(page).report, read_document(tmp_path / f"{page.stem}.pdf").report
    assert from_pdf.values == from_page.values and from_pdf.stated == from_page.stated
    for key in T.text_section_keys:
        assert _squash(from_pdf.sections[key]) == _squash(from_page.sections[key]), key
