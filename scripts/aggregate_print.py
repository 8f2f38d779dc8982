"""Print the 汇总 workbook's own sheets as LibreOffice does, to look at them (issue 15 point 8).

    .venv/bin/python scripts/aggregate_print.py docs/screenshots

makes a county's members (sound ones, one with an unbalanced table 三 left out, one unreadable file,
one of last year, one published report read with notices), writes the 汇总 workbook, keeps only the
sheets 汇总单位情况 and 各单位对比, converts them with `soffice --headless` to PDF and renders page 1
of each with `pdftoppm` as aggregate-members-sheet.png and aggregate-compare-sheet.png.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from aggregate_members import COUNTY, YEAR, member  # noqa: E402

from export.aggregate_xlsx import COMPARE_SHEET, MEMBERS_SHEET, write_aggregation_workbook  # noqa: E402
from model.many_reports.aggregate import aggregate  # noqa: E402
from model.report.storage import save  # noqa: E402

NAMES = ["教育和体育局", "财政局", "人力资源和社会保障局", "自然资源和规划局", "住房和城乡建设局",
         "交通运输局", "农业农村局", "卫生健康局", "市场监督管理局", "行政审批服务局", "金乡街道办事处",
         "鸡黍镇人民政府"]


def make_members(folder: Path) -> None:
    for i, name in enumerate(NAMES):
        report = member(i)
        report.meta["agency"] = f"{COUNTY}{name}"
        if i == 3:
            report.values["t3.new.natural"] += 2  # unbalanced: left out with --exclude-errors
        save(report, folder / f"{i + 1:02d} {COUNTY}{name}{YEAR}年政府信息公开工作年度报告.json", backup=False)
    last = member(20, year=YEAR - 1)
    last.meta["agency"] = f"{COUNTY}统计局"
    save(last, folder / f"{COUNTY}统计局（上年度）.json", backup=False)
    (folder / f"{COUNTY}水务局 报告 草稿.json").write_text("{ 没有写完", encoding="utf-8")


def main(out_dir: str) -> int:
    import openpyxl

    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        members = tmp / "各单位"
        members.mkdir()
        make_members(members)
        result = aggregate([members], agency=f"{COUNTY}人民政府", year=YEAR, exclude_errors=True)
        book = tmp / "汇总.xlsx"
        write_aggregation_workbook(result, book, draft=result.draft)
        for sheet, png in ((MEMBERS_SHEET, "aggregate-members-sheet"), (COMPARE_SHEET, "aggregate-compare-sheet")):
            wb = openpyxl.load_workbook(book)
            for name in wb.sheetnames:
                if name != sheet:
                    del wb[name]
            one = tmp / f"{png}.xlsx"
            wb.save(one)
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(one)],
                           check=True, capture_output=True, timeout=180)
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                            str(tmp / f"{png}.pdf"), str(out / png)], check=True)
            print(out / f"{png}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
