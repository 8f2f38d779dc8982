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
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from import_corpus.corpus import KINDS, PUBLISHED, build_docx, fixture, render

from model import schema as S
from model.reading import import_published, import_text
from model.reading.grid import ALIAS_RULE, read_tables, rows_from_lines
from model.report import Report
from model.rules import evaluate
from model.storage import ReportFileError, dumps, load, to_dict
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
    for k in S.TEXT_SECTION_KEYS:
        assert report.sections[k] == expected.sections[k], k
    assert sample_import.unplaced == []


def test_sample_aliases_and_the_short_row_are_reported(sample_import):
    aliases = sample_import.aliases
    assert len(aliases) == 2 and all(a.startswith(ALIAS_RULE + " ") for a in aliases)
    assert "“社会组织”应为“社会公益组织”" in aliases[0]
    assert "“其他法律法规禁止公开”应为“其他法律行政法规禁止公开”" in aliases[1]
    short = [n for n in sample_import.notices if "1.属于国家秘密" in n]
    assert len(short) == 1 and "只有 6 个数字" in short[0] and "0、0、0、0、0、0、0" in short[0]
    assert any("段落在句子中间断开" in n for n in sample_import.notices)


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
    write_docx(report, path)
    result = import_published(path)
    assert to_dict(result.report)["values"] == to_dict(report)["values"]
    assert result.report.sections == report.sections
    assert result.report.meta["agency"] == report.meta["agency"] and result.report.year == report.year
    assert result.report.meta["title"] == report.title  # the document prints the standard title, on two lines
    # the document ends with its 落款 (机关名称 and 发布日期), which is no text of section 六
    assert result.unplaced == ["报告末尾的落款“金乡县行政审批服务局 2023年1月20日”不属于第六部分的内容，未放入报告文字。"]
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
        lost = {S.t3(S.CELLS[c].code.split(".")[1], col) for c in pub.blanks if c.startswith("t3.")
                for col in S.T3_INPUT_COLS + ("total",)} | ({c for c in S.CELLS if c.startswith("t4.")}
                                                             if any(c.startswith("t4.") for c in pub.blanks) else set())
    for code in S.INPUT_CODES:
        if code not in lost:
            assert report.values.get(code) == expected.values.get(code), code
    computed = expected.computed()
    for code in S.DERIVED_CODES:
        if code not in lost:
            assert report.stated.get(code) == computed.get(code), code
    meta = dict(expected.meta)
    if kind not in DATED:
        meta.pop("published_on")
    assert report.meta == meta
    assert report.sections == expected.sections
    assert len(result.aliases) == len(pub.aliases)
    for wrong in pub.aliases:
        assert sum(a.startswith(f"{ALIAS_RULE} ") and f"“{wrong}”应为" in a for a in result.aliases) == 1
    signature = [u for u in result.unplaced if u.startswith("报告末尾的落款")]
    assert len(signature) == (1 if pub.signature else 0)
    if kind == "lines" and pub.blanks:
        for row in {c.split(".")[1] for c in pub.blanks if c.startswith("t3.")}:
            label = S.T3_ROW_LABELS[row]
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
    order = order or [c for c, _ in S.T3_COLUMNS] + ["total"]
    names = dict(S.T3_COLUMNS + (S.T3_TOTAL_COL,))
    rows = [["项目"] + [names[c] for c in order]]
    for code in S.T3_ROWS:
        rows.append([S.T3_ROW_LABELS[code].replace("·", "")] + [str(figures[S.t3(code, c)]) for c in order])
    return rows


T3_VALUES = {c: i % 7 for i, c in enumerate(S.table("t3").input_codes)}


def test_columns_and_rows_are_found_by_their_labels_not_their_place():
    order = ["total", "other", "legal", "nonprofit", "research", "business", "natural"]
    rows = _t3_rows(T3_VALUES, order)
    rows[1:] = rows[1:][::-1]  # rows upside down
    result = read_tables(rows)
    assert result.values == T3_VALUES and result.unplaced == [] and result.notices == []


def test_merged_cells_repeated_by_the_source_read_the_same():
    table = S.table("t3")
    figures = Report(values=T3_VALUES).figures()
    grid = [[""] * table.n_cols for _ in range(table.n_rows)]
    for gc in table.grid:
        for dr in range(gc.rowspan):
            for dc in range(gc.colspan):
                grid[gc.row + dr][gc.col + dc] = str(figures[gc.code]) if gc.code else gc.text
    result = read_tables(grid)
    assert result.values == T3_VALUES and result.unplaced == []
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
    result = read_tables(rows)
    if label == "(三)不予公开":
        assert S.t3("deny_1", "natural") not in result.values
        assert any("国家秘密" in n for n in result.notices)
        assert any("未能对应到表格的任何一行" in u for u in result.unplaced)
    else:
        assert result.values == T3_VALUES and result.unplaced == []


def test_label_variants_and_figures_as_printed():
    rows = [["第二十条第(一)项"], ["信息内容", "本年制发件数", "本年 废止件数", "现行有效件数"],
            ["规 章", "１", "0", "1,234"], ["行政规范性文件", "—", "/", "无"],
            ["第二十条第（八）项"], ["信息内容", "本年收费金额(单位:万元)"], ["行政事业性收费", "18,734.205917"]]
    result = read_tables(rows)
    assert result.values == {"t2.regulation.issued": 1, "t2.regulation.repealed": 0, "t2.regulation.in_force": 1234,
                             "t2.normative.issued": 0, "t2.normative.repealed": 0, "t2.normative.in_force": 0,
                             "t2.fees.amount": Decimal("18734.205917")}
    assert any("“—”、“/”、“无”，已按 0 读取" in n for n in result.notices)
    assert any("“行政许可”" in n and "未填写" in n for n in result.notices)


def test_what_cannot_be_placed_is_named():
    rows = _t3_rows(T3_VALUES)
    rows.insert(3, ["（三）不予公开小计", "1", "2", "3", "4", "5", "6", "21"])  # a subtotal row the format lacks
    rows[1][2] = "两件"
    rows.append(["注：本表数据截至12月31日。"])
    result = read_tables(rows)
    assert S.t3("new", "business") not in result.values
    assert any("“两件”不是数字" in u and "商业企业" in u for u in result.unplaced)
    assert any("不予公开小计" in u and "未能对应" in u for u in result.unplaced)
    assert any("注：本表数据截至12月31日。" in u for u in result.unplaced)


def test_stated_totals_are_kept_as_stated_for_the_rules():
    rows = _t3_rows(T3_VALUES)
    rows[1][-1] = "999"  # 一、本年新收 … 总计
    result = read_tables(rows)
    assert result.stated[S.t3("new", "total")] == 999
    report = Report(values=result.values, stated=result.stated)
    assert any(f.rule == "T3-2" and "999" in f.message for f in evaluate(report))


def test_a_row_one_cell_short_is_completed_only_when_the_sums_allow_one_reading():
    values = dict(T3_VALUES)
    values.update({S.t3("ignore_2", c): 0 for c in S.T3_INPUT_COLS})
    values[S.t3("ignore_2", "natural")] = 1  # 1 0 0 0 0 0 | 1: which cell was lost is not visible
    rows = _t3_rows(values)
    at = next(i for i, r in enumerate(rows) if r[0].endswith("重复申请"))
    del rows[at][2]  # its 商业企业 lost: the column totals tell which cell it was
    result = read_tables(rows)
    assert result.values == values
    assert any("重复申请" in n and "只有 6 个数字" in n and "只有一种可能" in n for n in result.notices)
    total_row = next(i for i, r in enumerate(rows) if r[0].endswith("总计"))
    del rows[total_row]  # without the column totals two readings remain: the row is not guessed
    result = read_tables(rows)
    assert not any(S.t3("ignore_2", c) in result.values for c in S.T3_INPUT_COLS)
    assert any("重复申请" in u and "无法确定是哪一列" in u for u in result.unplaced)


def test_table_four_by_its_groups_and_headers():
    nums = [str(i) for i in range(1, 16)]
    rows = [["行政复议", "", "", "", "", "行政诉讼"],
            ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
            [""] * 5 + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2, nums]
    result = read_tables(rows)
    expected = dict(zip([f"t4.{g}.{c}" for g, _ in S.T4_GROUPS for c, _ in S.T4_COLUMNS + (S.T4_TOTAL_COL,)],
                        range(1, 16), strict=True))
    assert {**result.values, **result.stated} == expected


def test_one_cell_per_line_folds_into_rows():
    lines = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "0",
             "行政规范性文件 3 1 20", "结果维持 结果纠正"]
    rows = rows_from_lines(lines)
    assert rows[5] == ["规章", "0", "0", "0"] and rows[6] == ["行政规范性文件", "3", "1", "20"]
    assert rows[-2:] == [["结果维持"], ["结果纠正"]]
    assert read_tables(rows[:7]).values["t2.normative.in_force"] == 20


# ---------------------------------------------------------------------------------------------------
# The document: title, headings, furniture


def _report_text(title: str, head: str = "、", extra_top: str = "", extra_end: str = "") -> str:
    sections = "\n".join(f"{s.heading.replace('、', head, 1)}\n{s.key} 的文字。" for s in S.SECTIONS)
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
