"""Every door reads a file through the one registry (issue 17 points 1 and 8): 汇总's members, `new --from`,
`--prior`; a hand-made workbook that 汇总 counts is the report `check` reads; the 汇总 line names no
"年度不详 年度"."""

from __future__ import annotations

import json

from aggregate_members import COUNTY, YEAR, member, write_handmade
from support import SAMPLE_TXT

import main
import model.reading.documents
from model.many_reports.aggregate import aggregate
from model.report.storage import save


def test_aggregate_reads_every_member_through_the_registry(cn_dir, registry_calls):
    save(member(0), cn_dir / "000.json", backup=False)
    write_handmade(member(1), cn_dir / "手工 001.xlsx")
    (cn_dir / "发布的 002.txt").write_bytes(SAMPLE_TXT.read_bytes())
    result = aggregate([cn_dir])
    assert sorted(registry_calls) == sorted(["000.json", "手工 001.xlsx", "发布的 002.txt"])
    assert len(result.members) == 3


def test_a_handmade_workbook_aggregate_counts_is_what_check_reads(cn_dir, capsys):
    book = cn_dir / "手工 填报.xlsx"
    write_handmade(member(2), book)
    result = aggregate([book], year=YEAR)
    (counted,) = result.counted
    assert counted.report is not None
    checked = model.reading.documents.read_document(book).report
    assert checked.values == counted.report.values and checked.stated == counted.report.stated
    code = main.main(["check", str(book), "--json"])
    assert code in (0, 1)  # read and judged, not refused (2)
    findings = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in findings if f["severity"] == "error"] == [f.rule for f in counted.findings
                                                                          if f.severity.value == "error"]


def test_new_from_and_prior_go_through_the_registry(cn_dir, registry_calls, capsys):
    last = cn_dir / "上年 报告.json"
    save(member(0, YEAR - 1), last, backup=False)
    assert main.main(["new", "--from", str(last), str(cn_dir / "本年.json")]) == 0
    now = cn_dir / "本年 报告.json"
    save(member(0), now, backup=False)
    main.main(["check", str(now), "--prior", str(last)])
    capsys.readouterr()
    assert registry_calls.count(last.name) == 2 and now.name in registry_calls


def test_aggregate_of_members_without_a_year_says_so_once(cn_dir, capsys):
    for i in range(2):
        report = member(i)
        report.meta.pop("year")
        save(report, cn_dir / f"{i:03d}.json", backup=False)
    out = cn_dir.parent / "汇总.json"
    code = main.main(["aggregate", str(cn_dir), "--out", str(out), "--agency", f"{COUNTY}人民政府"])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "（年度不详）" in printed and "年度不详 年度" not in printed
