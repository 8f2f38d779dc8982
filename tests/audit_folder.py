"""A folder of published reports for 年报质量检查 tests (imported by tests as `audit_folder`).

Real published pages with their known errors and clean ones (tests/model/import_corpus), last year's
report of one unit in Word and PDF as this program prints them, one file that cannot be read and one
duplicate. What each unit must be found to have is stated here once, for the tests to assert.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from support import SAMPLE

from model.report.next_year import next_year_report
from model.report.storage import load
from model.template import CURRENT as T

CORPUS = Path(__file__).resolve().parent / "model" / "import_corpus"
#: Real pages: unit → (file, the findings' rules it must have at error level).
REAL = {
    "邹城市生态环境局": ("zoucheng-sthj-2022.html", {"T3-4", "T4-4"}),  # blanks printed as blanks
    "金乡县鸡黍镇人民政府": ("jishu-2023.html", set()),
    "济宁市任城区人民政府": ("renwu-2023.html", set()),
}
#: The unit whose two years are given: its 2023 report in Word breaks table 三 and copies last year.
PAIRED = "金乡县行政审批服务局"
MISSING = "金乡县档案馆"
UNREADABLE = "损坏的报告.docx"
DUPLICATE = "鸡黍镇 副本.html"


def this_year_of_sample():
    """The sample unit's next report: texts copied from last year, 上年结转 changed, table 三 broken."""
    prior = load(SAMPLE)
    report = next_year_report(prior, texts=True)
    for code in T.input_codes:
        if report.values.get(code) is None:
            report.values[code] = prior.values.get(code, 0) if not code.startswith("t3.carried_in") else 0
    report.values[T.t3_code("carried_in", "natural")] = 1  # last year carried 0 over: T3-5
    report.values[T.t3_code("new", "natural")] = (prior.values.get(T.t3_code("new", "natural")) or 0) + 5  # T3-1
    return report


def build(folder: Path) -> Path:
    """Fill `folder` (created) with the published reports; returns the expected-units list beside it."""
    from export.docx import write_docx
    from export.pdf import write_pdf

    sub = folder / "各单位 2023"
    sub.mkdir(parents=True)
    for _unit, (name, _) in REAL.items():
        shutil.copyfile(CORPUS / name, sub / name)
    shutil.copyfile(CORPUS / REAL["金乡县鸡黍镇人民政府"][0], folder / DUPLICATE)
    write_pdf(load(SAMPLE), folder / "行政审批服务局 2022.pdf", draft=False)
    write_docx(this_year_of_sample(), sub / "行政审批服务局 2023.docx", draft=False)
    (folder / UNREADABLE).write_bytes(b"PK\x03\x04 not really a Word document")
    expected = folder.parent / "应报单位.txt"
    expected.write_text("\n".join([*REAL, PAIRED, MISSING]) + "\n", encoding="utf-8")
    return expected
