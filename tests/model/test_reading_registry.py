"""Which reader reads a file is decided once, by its content (issue 18 points 3 and 4): signatures.sniff
says what a file is, documents.read_document hands it to the reader registered for that, and a reader
that must pass a file on says so with a typed exception, never with words someone searches."""

from __future__ import annotations

import ast
from pathlib import Path

import openpyxl
import pytest

from model.reading import documents, signatures, workbook_reader
from model.reading.documents import read_document
from model.reading.signatures import (
    ARCHIVE,
    EMPTY,
    MISNAMED,
    OLD_OFFICE,
    OLE2_MAGIC,
    PDF,
    REPORT_FILE,
    TEXT,
    ZIP_MAGIC,
    sniff,
)
from model.report.storage import ReportFileError

READING = Path(documents.__file__).resolve().parent


@pytest.mark.parametrize(("content", "name", "kind"), [
    (ZIP_MAGIC + b"rest", "报告.json", ARCHIVE),  # a workbook or a Word document, whatever its name
    (b'\xef\xbb\xbf  {"format": 1}', "报告.xlsx", REPORT_FILE),
    (OLE2_MAGIC + b"rest", "年报.txt", OLD_OFFICE),
    (b"%PDF-1.7", "年报.html", PDF),
    (b"\r\n  %PDF-1.4", "年报.txt", PDF),  # a line of junk before the PDF, as some servers send it
    (b"<html><body>web page saved as .xls</body></html>", "报表.xls", MISNAMED),
    (b"   \n ", "空.txt", EMPTY),
    ("一、总体情况".encode(), "年报.md", TEXT),
    (b"<html><body></body></html>", "年报.htm", TEXT),  # text or a saved page: the importer looks further
])
def test_sniff_tells_what_a_file_is_by_its_content(content: bytes, name: str, kind: str):
    assert sniff(content, name) == kind


def test_every_kind_the_sniffer_tells_has_one_reader():
    kinds = {ARCHIVE, REPORT_FILE, OLD_OFFICE, PDF, MISNAMED, EMPTY, TEXT}
    assert {v for k, v in vars(signatures).items() if k.isupper() and isinstance(v, str) and v in kinds} == kinds
    assert set(documents._READERS) == kinds


def _imports(path: Path) -> set[str]:
    """The model.reading modules a module imports, at its top, inside functions or for type checking."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "model.reading":
                found.update(a.name for a in node.names)
            elif node.module.startswith("model.reading."):
                found.add(node.module.removeprefix("model.reading."))
    return found - {path.stem}


def test_no_import_circle_among_the_readers():
    graph = {p.stem: _imports(p) for p in READING.glob("*.py") if p.stem != "__init__"}
    graph = {m: {d for d in deps if d in graph} for m, deps in graph.items()}
    seen: dict[str, int] = {}  # 1: on the path being walked, 2: done

    def walk(module: str, path: list[str]) -> None:
        seen[module] = 1
        for dep in sorted(graph[module]):
            assert seen.get(dep) != 1, " → ".join(path + [module, dep])
            if dep not in seen:
                walk(dep, path + [module])
        seen[module] = 2

    for module in sorted(graph):
        if module not in seen:
            walk(module, [])
    assert "documents" not in graph["workbook_reader"] and "documents" not in graph["importer"]


def _hand_made(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["第二十条第（五）项"], ["信息内容", "本年处理决定数量"], ["行政许可", 5]):
        sheet.append(row)
    book.save(path)
    return path


def test_a_workbook_not_ours_is_handed_on_by_its_exception_type(cn_dir, monkeypatch):
    path = _hand_made(cn_dir / "手工 表.xlsx")
    assert read_document(path).kind == "handmade"

    def not_ours_in_other_words(book):  # type: ignore[no-untyped-def]
        raise workbook_reader.NotOwnWorkbook("随便怎么说")

    monkeypatch.setattr(workbook_reader, "_read_data", not_ours_in_other_words)
    document = read_document(path)
    assert document.kind == "handmade" and document.report.values["t2.license.decisions"] == 5

    def refused_with_the_old_words(book):  # type: ignore[no-untyped-def]
        raise ReportFileError("“手工 表.xlsx”不是本程序导出的工作簿（其中没有本程序保存的报告数据），无法读取。")

    monkeypatch.setattr(workbook_reader, "_read_data", refused_with_the_old_words)
    with pytest.raises(ReportFileError):  # words are no reason to read a file otherwise
        read_document(path)
