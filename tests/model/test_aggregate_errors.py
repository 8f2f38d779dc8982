"""汇总 with members in error (issue 15 point 7): the sum's findings name the members that cause them,
and members with errors in their tables may be left out, said so in every output."""

from __future__ import annotations

import json
import subprocess
import sys

from aggregate_members import COUNTY, YEAR, expected_sum, member
from support import MAIN

from model.many_reports.aggregate import aggregate
from model.report.storage import save


def _members(folder, broken: dict[int, str]):
    """Five members; those in `broken` have table 三 unbalanced in the column given."""
    for i in range(5):
        report = member(i)
        if i in broken:
            report.values[f"t3.new.{broken[i]}"] += 1
        save(report, folder / f"{i:03d}.json", backup=False)
    return folder


def test_a_break_in_the_sum_names_the_members_that_cause_it(cn_dir):
    _members(cn_dir, {1: "natural", 3: "legal"})
    result = aggregate([cn_dir], agency=f"{COUNTY}人民政府", year=YEAR)
    t31 = [f for f in result.table_findings() if f.rule == "T3-1"]
    assert len(t31) == 2
    by_column = {f.cells[0].rsplit(".", 1)[1]: f.message for f in t31}
    assert f"{COUNTY}第001局（001.json）" in by_column["natural"]
    assert "第003局" not in by_column["natural"]
    assert f"{COUNTY}第003局（003.json）" in by_column["legal"] and "第001局" not in by_column["legal"]
    assert [m.agency for m in result.causes(t31[0])] in ([f"{COUNTY}第001局"], [f"{COUNTY}第003局"])
    assert result.draft
    # the workbook's 校验结果 lists the same named findings
    assert [f.message for f in result.sum_findings() if f.rule == "T3-1"] == [f.message for f in t31]


def test_members_with_errors_can_be_left_out_and_it_is_said(cn_dir):
    _members(cn_dir, {1: "natural"})
    result = aggregate([cn_dir], year=YEAR, exclude_errors=True,
                       expected=[f"{COUNTY}第{i:03d}局" for i in range(5)])
    assert not result.draft and result.exclude_errors
    assert result.report.values == expected_sum([0, 2, 3, 4])
    (left_out,) = result.refused
    assert left_out.excluded and left_out.agency == f"{COUNTY}第001局"
    assert "统计表有 1 项错误" in left_out.problem and "未计入" in left_out.problem
    assert result.missing == []  # it did report: not 缺报
    (a2,) = result.notices()
    assert (a2.rule, a2.variant, a2.params) == ("A2", "excluded", {"names": (left_out.label,)})
    # off by default: the same members summed with the break, which names its member
    default = aggregate([cn_dir], year=YEAR)
    assert default.draft and len(default.counted) == 5


def test_cli_exclude_errors_and_named_causes(cn_dir):
    _members(cn_dir, {2: "natural"})
    out, xlsx = cn_dir.parent / "汇总.json", cn_dir.parent / "汇总.xlsx"

    def run(*extra):
        return subprocess.run([sys.executable, str(MAIN), "aggregate", str(cn_dir), "--out", str(out),
                               "--xlsx", str(xlsx), *extra], capture_output=True, text=True, timeout=120)

    proc = run()
    assert proc.returncode == 0, proc.stderr
    assert "汇总表" in proc.stdout and "第002局（002.json）" in proc.stdout
    pdf = cn_dir.parent / "汇总.pdf"
    proc = run("--exclude-errors", "--pdf", str(pdf))
    assert proc.returncode == 0, proc.stderr
    printed = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                             check=True).stdout.replace(" ", "").replace("\n", "")
    assert "以下1个单位的报告未计入" in printed and f"{COUNTY}第002局" in printed  # the PDF says so too
    assert "未计入：002.json：统计表有 1 项错误" in proc.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["values"]["t3.new.natural"] == expected_sum([0, 1, 3, 4])["t3.new.natural"]
    import openpyxl

    wb = openpyxl.load_workbook(xlsx)
    rows = [[c.value for c in row] for row in wb["汇总单位情况"].iter_rows(values_only=False)]
    (row,) = [r for r in rows if r[0] == f"{COUNTY}第002局"]
    assert "未计入" in row and any(isinstance(v, str) and "统计表有 1 项错误" in v for v in row)
    checks = " ".join(str(c.value) for row in wb["校验结果"].iter_rows() for c in row if c.value)
    assert "未计入汇总" in checks
