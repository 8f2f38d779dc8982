"""model.reading.workbook_reader and model.reading.documents: reading back the workbook this program exported.

The reader must trust no file: a stray cell far out, a zip bomb, a renamed .xls or .docx, odd numbers
typed into the visible tables. Each is answered in bounded time and memory with a Chinese message
that names the file, or read as written and left to the rules.
"""

from __future__ import annotations

import contextlib
import io
import json
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import tracemalloc
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ROOT, fees, full_report, valid_reports

import main
from export.xlsx import write_workbook
from model.checks.rules import evaluate
from model.reading import workbook_reader as R
from model.reading.documents import open_report
from model.reading.workbook_layout import sheet_cell
from model.reading.workbook_reader import read_workbook
from model.report.storage import ReportFileError, save, to_dict
from model.template import CURRENT as T

# ---------------------------------------------------------------------------------------------------
# Helpers


class _Overtime(BaseException):
    """Raised by the deadline; a BaseException so that no `except Exception` in the reader hides it."""


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Fail instead of hanging: interrupt the block after `seconds` (POSIX timers)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def fire(signum, frame):
        raise _Overtime(f"took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _book(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(path.read_bytes()))  # any file name


def _edit(path: Path, changes: dict[tuple[str, str], object]) -> None:
    """Change cells as a user would in Excel/WPS (sheet, coordinate) → value, and save."""
    wb = _book(path)
    for (sheet, coord), value in changes.items():
        wb[sheet][coord].value = value
    wb.save(path)


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buf.getvalue()


_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "p": "http://schemas.openxmlformats.org/package/2006/relationships"}


def _sheet_part(zf: zipfile.ZipFile, title: str) -> str:
    """The zip member of the sheet called `title`."""
    book = ET.fromstring(zf.read("xl/workbook.xml"))
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    rid = next(s.get(f"{{{_NS['r']}}}id") for s in book.iter(f"{{{_NS['m']}}}sheet") if s.get("name") == title)
    target = next(r.get("Target") for r in rels.iter(f"{{{_NS['p']}}}Relationship") if r.get("Id") == rid)
    return "xl/" + target.removeprefix("/xl/")


def _replace_sheet(path: Path, title: str, sheet_data: bytes) -> None:
    """Rewrite the sheet `title` of the workbook at `path` with `sheet_data` as its <sheetData> content."""
    with zipfile.ZipFile(path) as zf:
        part = _sheet_part(zf, title)
        files = {info.filename: zf.read(info.filename) for info in zf.infolist()}
    files[part] = (b'<?xml version="1.0" encoding="UTF-8"?>'
                   b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   b"<sheetData>" + sheet_data + b"</sheetData></worksheet>")
    path.write_bytes(_zip(files))


@contextlib.contextmanager
def _peak_memory() -> Iterator[list[int]]:
    """The peak of Python allocations inside the block, in bytes (appended to the yielded list)."""
    tracemalloc.start()
    result: list[int] = []
    try:
        yield result
    finally:
        result.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()


# ---------------------------------------------------------------------------------------------------
# Round trips


def test_round_trip_of_the_sample(cn_dir, sample_report):
    path = cn_dir / "金乡 2022 年报.xlsx"
    write_workbook(sample_report, path, draft=False)
    report, notices = read_workbook(path)
    assert notices == []
    assert to_dict(report) == to_dict(sample_report)
    assert evaluate(report) == evaluate(sample_report) == []


@settings(max_examples=50, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(report=valid_reports(counts=st.integers(0, 10**6), fee=fees(10**6)))
def test_any_valid_report_round_trips(report):
    with tempfile.TemporaryDirectory(prefix="年报 导出 ") as folder:
        path = Path(folder) / "随机 报告.xlsx"
        write_workbook(report, path, draft=False)
        again, notices = read_workbook(path)
        assert notices == []
        assert to_dict(again) == to_dict(report)
        assert again.values == report.values
        assert sorted(p.name for p in Path(folder).iterdir()) == ["随机 报告.xlsx"]


# ---------------------------------------------------------------------------------------------------
# Numbers changed in the visible tables


def test_changed_number_in_visible_table_wins(cn_dir, sample_report):
    path = cn_dir / "改过 的表.xlsx"
    write_workbook(sample_report, path, draft=False)
    title, coord = sheet_cell("t3.new.natural", T)
    _edit(path, {(title, coord): 3})
    report, notices = read_workbook(path)
    assert report.values["t3.new.natural"] == 3
    assert [(n.kind, n.severity, n.params) for n in notices] == [
        ("cell-edited", "warning", {"cell": T.cells["t3.new.natural"].name, "before": "2", "now": "3"})]
    assert notices[0].message == f"{T.cells['t3.new.natural'].name}：导出时为 2，现为 3，以表格中的数字为准。"
    rules = {f.rule: f for f in evaluate(report)}
    # The totals are formulas: they follow the new figure (3), so the row total holds; the balance does not.
    assert "t3.new.natural" in rules["T3-1"].cells and "“自然人”列" in rules["T3-1"].message
    assert "T3-2" not in rules and "t3.new.total" not in report.stated
    assert report.figures()["t3.new.total"] == 3


def _set_cached(path: Path, title: str, coord: str, cached: str) -> None:
    """Give the formula cell `coord` a cached value, as a spreadsheet program that saved the file would
    (here a stale one: what no program should trust)."""
    with zipfile.ZipFile(path) as zf:
        part = _sheet_part(zf, title)
        files = {info.filename: zf.read(info.filename) for info in zf.infolist()}
    xml = files[part].decode()
    start = xml.index(f'<c r="{coord}"')
    end = xml.index("</c>", start)
    cell = xml[start:end]
    assert "<f>" in cell, cell
    files[part] = (xml[:start] + cell.replace("<v></v>", "").replace("<v />", "") + f"<v>{cached}</v>"
                   + xml[end:]).encode()
    path.write_bytes(_zip(files))


def test_a_total_with_its_formula_is_the_sum_whatever_was_cached(cn_dir, sample_report):
    """The reading does not depend on cached values (issue 15, point 12): a formula is the sum of its parts."""
    path = cn_dir / "缓存 的值.xlsx"
    write_workbook(sample_report, path, draft=False)
    title, coord = sheet_cell("t3.total.natural", T)
    _set_cached(path, title, coord, "77")
    assert _book(path)[title][coord].value == "=SUM(D7:D27)"
    assert openpyxl.load_workbook(path, data_only=True)[title][coord].value == 77  # what a cache would show
    report, notices = read_workbook(path)
    assert notices == [] and to_dict(report) == to_dict(sample_report)
    assert evaluate(report) == []
    # A number typed over the formula is a stated claim, compared with the sum by the rules.
    _edit(path, {(title, coord): 77})
    report, notices = read_workbook(path)
    assert report.stated["t3.total.natural"] == 77 and report.figures()["t3.total.natural"] == 2
    assert {"T3-1", "T3-3"} <= {f.rule for f in evaluate(report)}
    assert [(n.kind, n.params) for n in notices] == [
        ("total-edited", {"cell": T.cells["t3.total.natural"].name, "before": "2", "now": "77"})]


def test_a_formula_typed_into_an_input_cell_gives_the_figure_it_showed(cn_dir, sample_report):
    path = cn_dir / "输入 公式.xlsx"
    write_workbook(sample_report, path, draft=False)
    title, coord = sheet_cell("t3.open.natural", T)
    _edit(path, {(title, coord): "=1+2"})
    _set_cached(path, title, coord, "3")
    report, notices = read_workbook(path)
    assert report.values["t3.open.natural"] == 3 and len(notices) == 1


def test_changed_total_becomes_a_stated_total(cn_dir, sample_report):
    path = cn_dir / "改过 的合计.xlsx"
    write_workbook(sample_report, path, draft=False)
    total = sheet_cell("t3.total.natural", T)
    fee = sheet_cell("t2.fees.amount", T)
    review = sheet_cell("t4.review.total", T)
    _edit(path, {total: 5, fee: "１２.５", review: None})
    report, notices = read_workbook(path)
    assert report.stated["t3.total.natural"] == 5 and report.computed()["t3.total.natural"] == 2
    assert report.values["t2.fees.amount"] == Decimal("12.5")  # full-width digits typed as text
    assert "t4.review.total" not in report.stated  # a cleared total: the sum is used
    told = {(n.kind, n.params["cell"], n.params["now"]) for n in notices}
    assert len(notices) == 3 and ("total-edited", T.cells["t3.total.natural"].name, "5") in told
    assert ("cell-edited", T.cells["t2.fees.amount"].name, "12.5") in told
    fired = {f.rule for f in evaluate(report)}
    assert {"T3-1", "T3-3"} <= fired


def test_non_number_in_visible_input_cell_is_refused(cn_dir, sample_report):
    path = cn_dir / "写了字.xlsx"
    write_workbook(sample_report, path, draft=False)
    title, coord = sheet_cell("t3.deny_2.legal", T)
    _edit(path, {(title, coord): "两件"})
    with pytest.raises(ReportFileError) as info:
        read_workbook(path)
    message = str(info.value)
    assert T.cells["t3.deny_2.legal"].name in message
    assert coord in message and title in message and "两件" in message and path.name in message


def test_odd_numbers_in_visible_tables_are_read_as_written_and_flagged(cn_dir, sample_report):
    """Defect d: a negative, a fraction in a count, too many places were refused; the rules flag them."""
    path = cn_dir / "奇怪 的数字.xlsx"
    write_workbook(sample_report, path, draft=False)
    _edit(path, {
        sheet_cell("t4.review.upheld", T): -1,
        sheet_cell("t2.penalty.decisions", T): 2.5,
        sheet_cell("t2.fees.amount", T): "0.1234567",
        sheet_cell("t2.license.decisions", T): "23,141",  # Excel's thousands separator, typed as text
    })
    report, notices = read_workbook(path)
    assert report.values["t4.review.upheld"] == -1
    assert report.values["t2.penalty.decisions"] == Decimal("2.5")
    assert report.values["t2.fees.amount"] == Decimal("0.1234567")
    assert report.values["t2.license.decisions"] == 23141
    now = {n.params["now"] for n in notices}
    assert len(notices) == 4 and {"-1", "2.5"} <= now
    findings = evaluate(report)
    flagged = {code for f in findings if f.rule in ("T2-2", "T4-4") for code in f.cells}
    assert {"t4.review.upheld", "t2.penalty.decisions", "t2.fees.amount"} <= flagged


# ---------------------------------------------------------------------------------------------------
# Structure and texts


def test_moved_rows_and_deleted_sheets(cn_dir, sample_report):
    path = cn_dir / "结构.xlsx"
    write_workbook(sample_report, path, draft=False)
    wb = _book(path)
    wb["表三 依申请公开"].insert_rows(6)
    wb.save(path)
    with pytest.raises(ReportFileError, match="表格结构已被改动"):
        read_workbook(path)
    write_workbook(sample_report, path, draft=False)
    wb = _book(path)
    del wb["表四 复议诉讼"]
    wb.save(path)
    report, notices = read_workbook(path)
    assert to_dict(report) == to_dict(sample_report)
    assert [(n.kind, n.params["sheet"]) for n in notices] == [("sheet-missing", "表四 复议诉讼")]


def test_edited_texts_are_reported_not_read(cn_dir, sample_report):
    path = cn_dir / "改了文字.xlsx"
    write_workbook(sample_report, path, draft=False)
    _edit(path, {("报告正文", "A4"): "改过的文字", ("基本信息", "B4"): "别的机关"})
    report, notices = read_workbook(path)
    assert to_dict(report) == to_dict(sample_report)
    assert [(n.kind, n.params["sheet"], n.params["row"]) for n in notices] == [
        ("texts-edited", "基本信息", 4), ("texts-edited", "报告正文", 4)]


def test_stray_cell_far_out_is_found_quickly(cn_dir, sample_report, capsys):
    """Defect a: one cell at AZ20000 made the text comparison scan max_row × max_column cells (a hang)."""
    path = cn_dir / "远处 有字.xlsx"
    write_workbook(sample_report, path, draft=False)
    _edit(path, {("报告正文", "AZ20000"): "x"})
    start = time.perf_counter()
    with _deadline(20):
        report, notices = read_workbook(path)
        status = main.main(["check", str(path)])
    elapsed = time.perf_counter() - start
    assert elapsed < 5, elapsed
    assert to_dict(report) == to_dict(sample_report)
    assert [(n.kind, n.params["sheet"], n.params["row"]) for n in notices] == [("texts-edited", "报告正文", 20000)]
    assert status == 0
    assert "第 20000 行" in capsys.readouterr().out  # a reading notice is a finding of check


# ---------------------------------------------------------------------------------------------------
# Bounded time and memory


def test_zip_bomb_is_handled_quickly_with_little_memory(cn_dir, sample_report):
    """Defect b: a small file that unpacks to millions of cells took minutes and gigabytes.

    Issue 15 (point 15) dropped the bound on the compression ratio (this program's own workbook of a
    section of one phrase repeated is packed as tightly); what bounds a bomb is the streaming: the
    comparison of the texts ends at the first cell below them, and every part is read no further than
    its bound on elements."""
    path = cn_dir / "炸弹.xlsx"
    write_workbook(sample_report, path, draft=False)
    row = b"<c><v>1</v></c>" * 1000
    _replace_sheet(path, "报告正文", b"".join(b"<row>" + row + b"</row>" for _ in range(2000)))  # 2 million cells
    assert path.stat().st_size < 1_000_000
    start = time.perf_counter()
    with _deadline(20), _peak_memory() as peak:
        report, notices = read_workbook(path)
    elapsed = time.perf_counter() - start
    assert report.values == sample_report.values  # the report from the hidden sheet, as exported
    assert any(n.kind == "texts-edited" and n.params["sheet"] == "报告正文" for n in notices)
    assert elapsed < 5, elapsed
    assert peak[0] < 300 * 2**20, peak[0]


@pytest.mark.parametrize("title", ["报告正文", "表三 依申请公开"])
def test_too_many_cells_within_the_size_limit_are_refused(cn_dir, sample_report, title):
    """A sheet under the size limit with cells that do not compress well, 10 000 to a row (openpyxl
    builds a whole row in memory): the reader stops after a bounded number of cells."""
    path = cn_dir / "很多 单元格.xlsx"
    write_workbook(sample_report, path, draft=False)
    rows = []
    for r in range(3, 63):
        cells = b"".join(b"<c><v>%d</v></c>" % ((r * 10_000 + i) * 7919 % 1000003) for i in range(10_000))
        rows.append(b'<row r="%d">' % r + cells + b"</row>")
    _replace_sheet(path, title, b"".join(rows))  # 600 000 cells, 11 MB unpacked, about 3 MB packed
    with zipfile.ZipFile(path) as zf:  # within every size limit: only the number of cells is absurd
        assert 10 * 2**20 < max(i.file_size for i in zf.infolist()) < R.MAX_PART_BYTES
    start = time.perf_counter()
    with _deadline(30), _peak_memory() as peak, pytest.raises(ReportFileError) as info:
        read_workbook(path)
    elapsed = time.perf_counter() - start
    message = str(info.value)
    assert path.name in message and title in message and "过多" in message
    assert elapsed < 5, elapsed
    assert peak[0] < 300 * 2**20, peak[0]


def test_huge_file_is_refused(cn_dir, monkeypatch):
    path = cn_dir / "大.xlsx"
    write_workbook(full_report(), path, draft=False)
    monkeypatch.setattr(R, "MAX_UNZIPPED_BYTES", 10_000)  # a zip bomb: small file, huge contents
    with pytest.raises(ReportFileError, match="解压后过大"):
        read_workbook(path)
    monkeypatch.setattr(R, "MAX_READ_BYTES", 1000)
    with pytest.raises(ReportFileError, match="过大"):
        read_workbook(path)


def test_too_many_parts_are_refused_before_the_directory_is_read(cn_dir):
    path = cn_dir / "部件多.xlsx"
    path.write_bytes(_zip({f"{i}.xml": b"" for i in range(R.MAX_MEMBERS + 1)}))
    with pytest.raises(ReportFileError, match="部件过多"):
        read_workbook(path)


def test_xml_entities_are_refused(cn_dir, sample_report):
    """No entity is expanded (billion laughs): defusedxml refuses the declaration."""
    path = cn_dir / "实体.xlsx"
    write_workbook(sample_report, path, draft=False)
    with zipfile.ZipFile(path) as zf:
        part = _sheet_part(zf, "报告正文")
        files = {info.filename: zf.read(info.filename) for info in zf.infolist()}
    laughs = b'<!DOCTYPE w [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    files[part] = laughs + (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                            b'<sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>&b;</t></is></c></row>'
                            b"</sheetData></worksheet>")
    path.write_bytes(_zip(files))
    with pytest.raises(ReportFileError) as info:
        read_workbook(path)
    assert path.name in str(info.value) and "报告正文" in str(info.value)


# ---------------------------------------------------------------------------------------------------
# What the file is: decided by content and name


def test_open_report_dispatches_by_content(cn_dir, sample_report):
    json_path = cn_dir / "报告.json"
    save(sample_report, json_path, backup=False)
    book = cn_dir / "报告 工作簿.json"  # a workbook with the wrong extension is still a workbook
    write_workbook(sample_report, book, draft=False)
    for path in (json_path, book):
        report, notices = open_report(path)
        assert notices == [] and to_dict(report) == to_dict(sample_report)
    title, coord = sheet_cell("t2.license.decisions", T)
    _edit(book, {(title, coord): 23141})
    report, notices = open_report(book)
    assert report.values["t2.license.decisions"] == 23141 and len(notices) == 1
    with pytest.raises(ReportFileError, match="找不到文件"):
        open_report(cn_dir / "没有.json")
    (cn_dir / "坏.json").write_text("{", encoding="utf-8")
    with pytest.raises(ReportFileError, match="不是有效的报告文件"):
        open_report(cn_dir / "坏.json")


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
_DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
_ODS = _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})


@pytest.mark.parametrize(("name", "content", "words"), [
    ("统计表.xlsx", "不是工作簿，只是文字".encode(), ["不是有效的 Excel 工作簿（.xlsx）文件", "改了扩展名"]),
    ("统计表.xlsm", b"\x00\x01binary", ["不是有效的 Excel 工作簿", "改了扩展名"]),
    ("空.xlsx", b"", ["不是有效的 Excel 工作簿"]),
    ("旧版.xlsx", _OLE2, ["旧版", ".xls", "加密", "另存为", ".xlsx"]),
    ("旧版.xls", _OLE2, ["旧版", ".xls", "另存为"]),
    ("旧版 报告.json", _OLE2, ["旧版", "另存为"]),
    ("文档.doc", _OLE2, ["Word", ".doc"]),
    ("正文.docx", _DOCX, ["Word 文档", "不是"]),
    ("改名.xlsx", _DOCX, ["Word 文档"]),
    ("表格.ods", _ODS, ["OpenDocument", "另存为"]),
    ("压缩包.xlsx", _zip({"a.txt": b"hello"}), ["不是 Excel 工作簿"]),
    ("报告.pdf", b"%PDF-1.7\n...", ["PDF"]),
])
def test_open_report_says_what_the_file_is(cn_dir, name, content, words):
    """Defect c: a broken .xlsx got a JSON parse message, a renamed .xls got "不是 UTF-8"."""
    path = cn_dir / name
    path.write_bytes(content)
    with pytest.raises(ReportFileError) as info:
        open_report(path)
    message = str(info.value)
    assert name in message, message
    for word in words:
        assert word in message, (word, message)
    assert "JSON" not in message and "UTF-8" not in message and "第 1 行" not in message, message


def test_not_our_workbook_and_bad_files(cn_dir):
    foreign = cn_dir / "别人的 表格.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "申请人情况"
    wb.save(foreign)
    with pytest.raises(ReportFileError, match="不是本程序导出的工作簿"):
        read_workbook(foreign)
    good = cn_dir / "好的.xlsx"
    write_workbook(full_report(), good, draft=False)
    data = good.read_bytes()
    cases = {
        "截断.xlsx": data[: len(data) // 2],
        "空.xlsx": b"",
        "文本.xlsx": "不是工作簿".encode(),
        "旧版.xls": _OLE2,
        "压缩包.xlsx": _zip({"a.txt": b"hello"}),
        "坏内容.xlsx": _zip({"[Content_Types].xml": b"<not xml", "xl/workbook.xml": b"<<<"}),
    }
    for name, content in cases.items():
        path = cn_dir / name
        path.write_bytes(content)
        with pytest.raises(ReportFileError) as info:
            read_workbook(path)
        assert name in str(info.value) and "Traceback" not in str(info.value), name
    with pytest.raises(ReportFileError, match="找不到文件"):
        read_workbook(cn_dir / "没有.xlsx")


def test_tampered_hidden_data_is_refused(cn_dir):
    path = cn_dir / "改过数据.xlsx"
    write_workbook(full_report(), path, draft=False)
    wb = _book(path)
    ws = wb["_report"]
    ws["A2"].value = ws["A2"].value.replace('"year": 2022', '"year": 2023')
    wb.save(path)
    with pytest.raises(ReportFileError, match="不完整或已被改动"):
        read_workbook(path)


def test_reading_a_workbook_stays_light(cn_dir, sample_report):
    """Opening documents costs nothing at start-up, and reading a workbook needs no openpyxl."""
    path = cn_dir / "轻 读取.xlsx"
    write_workbook(sample_report, path, draft=False)
    code = textwrap.dedent(f"""
        import sys, json
        sys.path.insert(0, {str(ROOT)!r})
        import model.reading.documents
        before = sorted({{m.split(".")[0] for m in sys.modules}})
        report, notices = model.reading.documents.open_report({str(path)!r})
        assert notices == [] and report.year == 2022
        print(json.dumps([before, sorted({{m.split(".")[0] for m in sys.modules}})]))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    before, after = (set(m) for m in json.loads(out.stdout.strip().splitlines()[-1]))
    assert not before & {"openpyxl", "reportlab", "PySide6", "defusedxml", "zipfile"}
    assert not after & {"openpyxl", "reportlab", "PySide6"}
