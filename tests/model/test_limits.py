"""Issue 15, point 15: the program never writes a file it will then refuse. One bound on a report
(model.report.storage.MAX_FILE_BYTES): the writer refuses beyond it, the readers accept everything within it."""

from __future__ import annotations

import pytest

from export.xlsx import write_workbook
from model.reading.workbook_reader import read_workbook
from model.report import storage
from model.report.storage import ReportFileError, dumps, load, save


def test_save_refuses_what_load_would_refuse_and_writes_nothing(sample_report, tmp_path, monkeypatch):
    size = len(dumps(sample_report).encode("utf-8"))
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", size + 300)
    path = tmp_path / "报告 大.json"
    sample_report.sections["s5"] += "一" * 100  # 300 bytes more: exactly at the bound
    save(sample_report, path)
    assert load(path).sections == sample_report.sections  # the reader takes what the writer wrote
    sample_report.sections["s5"] += "一"
    with pytest.raises(ReportFileError, match="超过报告文件的上限"):
        save(sample_report, path)
    assert len(load(path).sections["s5"]) == len(sample_report.sections["s5"]) - 1  # the file is untouched


@pytest.mark.parametrize("phrase", ["无", "无。\n"], ids=["one character", "short paragraphs"])
def test_workbook_of_a_repetitive_section_reads_back(sample_report, tmp_path, phrase):
    """A section of one phrase repeated packs more than 200 times (once refused as a zip bomb) and makes a
    row per paragraph in 报告正文 (once refused as too many elements)."""
    n = 350_000 if len(phrase) == 1 else 90_000
    sample_report.sections["s5"] = (phrase * (n // len(phrase) + 1))[:n]
    path = tmp_path / "重复 正文.xlsx"
    write_workbook(sample_report, path, findings=[], draft=False)
    report, notices = read_workbook(path)
    assert report.sections == sample_report.sections and notices == []


def test_text_check_of_a_run_without_punctuation_takes_linear_time(sample_report):
    """A section pasted without 。 was one sentence, and reading it took time growing with its square
    (20 000 × “无” 6 s, 350 000 most of an hour): the background check of such a paste never ended."""
    import time

    from model.checks.text_figures import g6_findings

    sample_report.sections["s5"] = "无" * 100_000
    start = time.perf_counter()
    g6_findings(sample_report)
    assert time.perf_counter() - start < 10
