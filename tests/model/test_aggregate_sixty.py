"""Issue 11, done when: sixty generated members — a third JSON, a third this program's workbooks, a
third hand-made in the template layout — one corrupt, one duplicated, one expected unit missing,
aggregate into a report whose every cell equals the sum, with the bad ones named."""

from __future__ import annotations

from aggregate_members import COUNTY, YEAR, expected_sum, member, write_handmade

from export.xlsx import write_workbook
from model.checks.rules import evaluate
from model.many_reports.aggregate import aggregate
from model.report.storage import save
from model.template import CURRENT as T


def test_sixty_members_of_three_kinds(cn_dir):
    kinds = {}
    for i in range(60):
        report = member(i)
        if i % 3 == 0:
            save(report, cn_dir / f"{i:02d} 单位.json", backup=False)
        elif i % 3 == 1:
            write_workbook(report, cn_dir / f"{i:02d} 单位.xlsx", draft=False)
        else:
            write_handmade(report, cn_dir / f"{i:02d} 手工.xlsx", title=i % 6 != 2)
        kinds[i] = i % 3
    # the hand-made files without a title row are named by their unit, as offices name them
    for i in range(60):
        if i % 6 == 2:
            (cn_dir / f"{i:02d} 手工.xlsx").rename(cn_dir / f"{i:02d} {COUNTY}第{i:03d}局 {YEAR}年报表.xlsx")
    (cn_dir / "07 单位.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)  # corrupt: counted out
    write_workbook(member(10), cn_dir / "10 单位（重报）.xlsx", draft=False)  # the same unit twice
    expected = [f"{COUNTY}第{i:03d}局" for i in range(61)]  # 060 sent nothing
    result = aggregate([cn_dir], agency=f"{COUNTY}人民政府", expected=expected)

    counted = sorted(m.agency for m in result.counted)
    assert counted == sorted(f"{COUNTY}第{i:03d}局" for i in range(60) if i != 7)
    refused = {m.path.name: m.problem for m in result.refused}
    assert set(refused) == {"07 单位.xlsx", "10 单位（重报）.xlsx"} or set(refused) == {"07 单位.xlsx", "10 单位.xlsx"}
    assert "已损坏" in refused["07 单位.xlsx"] or "无法" in refused["07 单位.xlsx"]
    assert result.missing == [f"{COUNTY}第007局", f"{COUNTY}第060局"]
    assert result.duplicates == [f"{COUNTY}第010局"]
    want = expected_sum([i for i in range(60) if i != 7])
    assert result.report.values == want  # every input cell, exactly (收费 as Decimal)
    computed = result.report.computed()
    for code in T.derived_codes:  # every total too: the sum of the members' totals
        assert computed[code] == sum(member(i).computed()[code] for i in range(60) if i != 7), code
    assert not [f for f in evaluate(result.report) if f.cells]  # T3/T4 hold on the sum
    a2 = {n.variant: n.params["names"] for n in result.notices() if n.rule == "A2"}
    assert a2["missing"] == (f"{COUNTY}第007局", f"{COUNTY}第060局")
    assert a2["duplicates"] == (f"{COUNTY}第010局",)
