"""汇总 (issue 11): members read, checked and summed exactly; bad, duplicate and missing units named."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

from aggregate_members import COUNTY, YEAR, expected_sum, member

from model.checks.rules import evaluate
from model.many_reports.aggregate import aggregate, sum_reports
from model.report.storage import save
from model.template import CURRENT as T
from model.template.types import ValueKind


def _write_json(folder, i, **kw):
    path = folder / f"{i:03d} 单位.json"
    save(member(i, **kw), path, backup=False)
    return path


def test_sum_is_exact_and_balanced(cn_dir):
    paths = [_write_json(cn_dir, i) for i in range(12)]
    result = aggregate(paths, agency=f"{COUNTY}人民政府", year=YEAR)
    assert len(result.counted) == 12 and not result.refused
    want = expected_sum(list(range(12)))
    assert result.report.values == want
    assert result.report.values["t2.fees.amount"] == Decimal(sum(range(12))) + Decimal("0.000001") * 78
    assert result.report.meta == {"agency": f"{COUNTY}人民政府", "agency_kind": "government", "year": YEAR}
    table_rules = [f for f in evaluate(result.report) if f.cells]
    assert table_rules == []  # T3/T4 still hold on the sum
    assert result.findings() == []


def test_bad_files_duplicates_other_years_and_missing_units_are_named(cn_dir):
    paths = [_write_json(cn_dir, i) for i in range(5)]
    shutil.copyfile(paths[0], cn_dir / "000 单位 副本.json")  # the same file twice
    again = member(1)
    again.values["t3.new.natural"] += 0  # same unit, another file
    save(again, cn_dir / "001 重报.json", backup=False)
    save(member(7, year=YEAR - 1), cn_dir / "007 去年.json", backup=False)
    (cn_dir / "坏.json").write_text("{ 不是 json", encoding="utf-8")
    (cn_dir / "坏.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (cn_dir / "说明.txt").write_bytes(bytes(range(256)) * 10)
    result = aggregate([cn_dir], agency="县政府", expected=[f"{COUNTY}第{i:03d}局" for i in range(6)])
    assert result.report.year == YEAR
    assert sorted(m.agency for m in result.counted) == [f"{COUNTY}第{i:03d}局" for i in range(5)]
    assert result.report.values == expected_sum(list(range(5)))
    problems = {m.path.name: m.problem for m in result.refused}
    # the same file twice: whichever is read second is named, and counted once
    assert "内容完全相同" in (problems.get("000 单位 副本.json") or problems["000 单位.json"])
    assert "重复" in problems["001 重报.json"]
    assert f"{YEAR - 1}" in problems["007 去年.json"] and "不是汇总年度" in problems["007 去年.json"]
    for bad in ("坏.json", "坏.xlsx", "说明.txt"):
        assert problems[bad]
    assert result.missing == [f"{COUNTY}第005局"]
    a2 = {n.variant: n.params["names"] for n in result.notices() if n.rule == "A2"}
    assert a2["missing"] == (f"{COUNTY}第005局",) and set(a2) == {"missing", "duplicates"}
    assert a2["duplicates"] == tuple(result.duplicates) and len(result.duplicates) == 2


def test_a1_names_a_cell_edited_after_summing(cn_dir):
    paths = [_write_json(cn_dir, i) for i in range(3)]
    result = aggregate(paths)
    result.report.set_value("t2.license.decisions", 1)
    (n,) = result.notices()
    assert (n.rule, n.variant, n.cells) == ("A1", "cell", ("t2.license.decisions",))
    assert n.params == {"have": 1, "want": expected_sum(list(range(3)))["t2.license.decisions"]}
    (f,) = result.findings()  # the same record as the findings list shows it
    assert (f.rule, f.variant, f.cells, f.severity) == ("A1", "cell", n.cells, n.severity)
    assert f.message == n.text(result.report.template)


def test_blank_everywhere_stays_blank_and_counts_stay_integers():
    a, b = member(1), member(2)
    del a.values["t4.review.upheld"], b.values["t4.review.upheld"]
    total = sum_reports([a, b])
    assert "t4.review.upheld" not in total.values
    assert all(type(v) is int for c, v in total.values.items() if T.cells[c].kind is ValueKind.COUNT)


def test_cli_aggregate(cn_dir):
    import subprocess
    import sys

    from support import MAIN

    for i in range(4):
        _write_json(cn_dir, i)
    units = cn_dir.parent / "名单.txt"  # beside the folder: a .txt inside would be read as a member
    units.write_text("\n".join(f"{COUNTY}第{i:03d}局" for i in range(5)), encoding="gbk")
    out, xlsx, pdf = cn_dir / "汇总.json", cn_dir / "汇总.xlsx", cn_dir / "汇总.pdf"
    proc = subprocess.run([sys.executable, str(MAIN), "aggregate", str(cn_dir), "--out", str(out), "--xlsx",
                           str(xlsx), "--pdf", str(pdf), "--expected", str(units), "--agency", "某某县人民政府"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "计入 4 个单位" in proc.stdout and "第004局" in proc.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    want = expected_sum(list(range(4)))
    assert {k: v for k, v in doc["values"].items() if not T.cells[k].derived} == {
        k: (format(v, "f") if isinstance(v, Decimal) else v) for k, v in want.items()}
    import openpyxl

    wb = openpyxl.load_workbook(xlsx)
    assert "汇总单位情况" in wb.sheetnames and "各单位对比" in wb.sheetnames
    names = [c.value for c in wb["汇总单位情况"]["A"][1:]]
    assert sorted(names) == [f"{COUNTY}第{i:03d}局" for i in range(4)]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "收到和处理政府信息公开申请情况" in text and "总体情况" not in text


def test_draft_is_decided_once_from_the_summed_tables(cn_dir):
    """A member's unbalanced table 三 carries into the sum: the summary tables print as 草稿."""
    good = [_write_json(cn_dir, i) for i in range(3)]
    assert aggregate(good).draft is False  # the texts of the sum are empty: not judged here
    bad = member(9)
    bad.values["t3.new.natural"] += 1
    save(bad, cn_dir / "009 有错.json", backup=False)
    result = aggregate([cn_dir])
    assert result.draft is True
    assert {f.rule for f in result.table_findings()} == {"T3-1"}


def test_hostile_files_are_refused_quickly_and_the_rest_summed(cn_dir):
    """Issue 11: files from many offices — a zip bomb, an XML entity attack, a 200 MB file, wrong value
    types — are each refused within bounded time, and the others are still summed."""
    import time
    import zipfile

    paths = [_write_json(cn_dir, i) for i in range(3)]
    bomb = cn_dir / "炸弹.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", "<worksheet>" + "<row/>" * 8_000_000 + "</worksheet>")
    entity = cn_dir / "实体.xlsx"
    with zipfile.ZipFile(entity, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Types>&b;</Types>')
        zf.writestr("_rels/.rels", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    "<Relationships>&x;</Relationships>")
    huge = cn_dir / "巨大.json"
    with open(huge, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    wrong = cn_dir / "类型.json"
    doc = json.loads((cn_dir / "000 单位.json").read_text(encoding="utf-8"))
    doc["values"]["t3.new.natural"] = {"n": 1}
    doc["meta"]["agency"] = "类型有误的单位"
    wrong.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    started = time.perf_counter()
    result = aggregate([cn_dir])
    assert time.perf_counter() - started < 10
    problems = {m.path.name: m.problem for m in result.refused}
    assert set(problems) == {"炸弹.xlsx", "实体.xlsx", "巨大.json", "类型.json"}
    assert "过大" in problems["巨大.json"] and "应为数字" in problems["类型.json"]
    assert all(problems.values()), problems
    assert result.report.values == expected_sum([0, 1, 2]) and len(paths) == len(result.counted)


def test_a_member_in_another_format_is_refused_and_the_sum_keeps_the_others_format(cn_dir):
    """Issue 18 point 1: the cells of another format cannot be added up; the member is named, not summed."""
    from extended_template import deny_report, registered

    paths = [_write_json(cn_dir, i) for i in range(2)]
    with registered() as extended:
        other = deny_report()
        other.meta.update({"agency": f"{COUNTY}测试局", "year": YEAR})
        save(other, cn_dir / "测试局.json", backup=False)
        result = aggregate([cn_dir], agency="县政府", year=YEAR)
    assert result.report.template is member(0).template
    assert sorted(m.path.name for m in result.counted) == sorted(p.name for p in paths)
    (refused,) = result.refused
    assert refused.report.template is extended and not refused.excluded
    assert f"“{extended.id}”" in refused.problem and f"“{member(0).template.id}”" in refused.problem
    assert result.report.values == expected_sum([0, 1])


def test_the_sum_is_made_in_the_format_most_members_are_in(cn_dir):
    from extended_template import deny_report, registered

    with registered() as extended:
        for name in ("甲局", "乙局"):
            report = deny_report()
            report.meta.update({"agency": f"{COUNTY}{name}", "year": YEAR})
            save(report, cn_dir / f"{name}.json", backup=False)
        _write_json(cn_dir, 0)
        result = aggregate([cn_dir], agency="县政府", year=YEAR)
    assert result.report.template is extended and len(result.counted) == 2
    (refused,) = result.refused
    assert refused.report.template is member(0).template and "格式" in refused.problem
