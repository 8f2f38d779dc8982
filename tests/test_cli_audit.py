"""`python main.py audit …` (issue 19): the command, its --json contract, the workbook and the 通报 PDF
as LibreOffice and poppler read them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import audit_folder as A
import openpyxl
import pytest
from support import SAMPLE
from test_cli import run_main

from export.audit_xlsx import FIGURES_SHEET, FINDINGS_SHEET, OVERVIEW_COLUMNS, OVERVIEW_SHEET
from model.report.storage import load, save

#: A rule code as the spec spells them (T3-1, S2-3, G6, R1 …): never in what a reader sees.
RULE_CODE = re.compile(r"\b(?:[TS]\d-\d|G\d|R1|A\d)\b")
HOSTILE = "=HYPERLINK(\"http://x\")全年共收到政府信息公开申请 99 件。"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("cli") / "报告 文件夹"
    expected = A.build(root)
    hostile = load(SAMPLE)
    hostile.meta["agency"] = "某某县公式局"
    hostile.sections["s1"] = HOSTILE + "\n" + hostile.sections["s1"]
    save(hostile, root / "公式局.json")
    out = root.parent / "结果"
    out.mkdir()
    proc = run_main("audit", root, "--out", out / "检查 结果.xlsx", "--pdf", out / "通报.pdf",
                    "--expected", expected, "--json", cwd=root.parent)
    return proc, out


def test_exit_status_and_json(run):
    proc, out = run
    assert proc.returncode == 1, proc.stderr  # written, at least one report with an error
    data = json.loads(proc.stdout)
    assert data["missing"] == [A.MISSING]
    unreadable = [d for d in data["documents"] if not d["read"]]
    assert {Path(d["file"]).name for d in unreadable} == {A.UNREADABLE, A.DUPLICATE}
    assert all(d["reason"] for d in unreadable)


def test_clean_folder_exits_0(tmp_path):
    shutil.copyfile(A.CORPUS / "jishu-2023.html", tmp_path / "鸡黍镇.html")
    proc = run_main("audit", tmp_path, "--out", tmp_path / "r.xlsx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "金乡县鸡黍镇人民政府" in proc.stdout and (tmp_path / "r.xlsx").exists()


def test_unwritable_result_exits_2(tmp_path):
    shutil.copyfile(A.CORPUS / "jishu-2023.html", tmp_path / "鸡黍镇.html")
    proc = run_main("audit", tmp_path, "--out", tmp_path / "没有的目录" / "r.xlsx", cwd=tmp_path)
    assert proc.returncode == 2 and "无法写出" in proc.stderr


def test_workbook_overview_ranked_with_links(run):
    _, out = run
    wb = openpyxl.load_workbook(out / "检查 结果.xlsx")
    assert wb.sheetnames == [OVERVIEW_SHEET, FINDINGS_SHEET, FIGURES_SHEET]
    ov, fl = wb[OVERVIEW_SHEET], wb[FINDINGS_SHEET]
    head = [c.value for c in ov[1]]
    assert head == [label for label, _ in OVERVIEW_COLUMNS]
    col = {h: i for i, h in enumerate(head)}
    rows = [[c.value for c in r] for r in ov.iter_rows(min_row=2)]
    ranked = [r for r in rows if isinstance(r[0], int)]
    assert len(ranked) == 5
    errors = [r[col["错误"]] for r in ranked]
    assert errors == sorted(errors, reverse=True) and errors[0] > 0 and errors[-1] == 0
    zoucheng = next(r for r in ranked if r[col["单位"]] == "邹城市生态环境局")
    assert zoucheng[col["发布日期"]] == "2023-01-16" and zoucheng[col["逾期天数"]] == 0
    assert 0 < zoucheng[col["公开率"]] <= 1 and ov.cell(2, col["公开率"] + 1).number_format == "0.0%"
    assert {r[0] for r in rows if not isinstance(r[0], int)} == {"未报送", "未能读取", "重复"}
    for r, row in enumerate(ov.iter_rows(min_row=2, max_row=6), start=2):  # each link lands on the unit's rows
        link = ov.cell(r, col["问题"] + 1).hyperlink
        target = int(link.location.split("!A")[1]) if link.location else int(link.target.split("!A")[1])
        assert fl.cell(target, 1).value == row[col["单位"]].value
        assert fl.cell(target - 1, 1).value != row[col["单位"]].value or target == 2


def test_findings_sheet_filter_freeze_print_and_text(run):
    _, out = run
    wb = openpyxl.load_workbook(out / "检查 结果.xlsx")
    ws = wb[FINDINGS_SHEET]
    assert [c.value for c in ws[1]] == ["单位", "部分", "问题", "原文引用", "位置", "严重程度"]
    assert ws.auto_filter.ref == f"A1:F{ws.max_row}" and ws.freeze_panes == "A2"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$1"
    hostile = [c for c in ws["D"] if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    assert hostile and all(c.data_type == "s" and c.quotePrefix for c in hostile)
    for sheet in wb:
        for row in sheet.iter_rows():
            for c in row:
                assert not (isinstance(c.value, str) and RULE_CODE.search(c.value)), (sheet.title, c.value)
    zoucheng = [[c.value for c in r] for r in ws.iter_rows(min_row=2) if r[0].value == "邹城市生态环境局"]
    g6 = next(r for r in zoucheng if r[2].startswith("正文数字与表格不符"))
    assert "新收政府信息公开申请 10 件" in g6[3] and g6[5] == "需说明"
    fig = wb[FIGURES_SHEET]
    assert fig.cell(1, 1).value == "单位" and fig.max_row == 6


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by setup.sh --dev")
def test_libreoffice_opens_every_sheet(run, tmp_path):
    _, out = run
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(out / "检查 结果.xlsx")], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(tmp_path / "检查 结果.pdf"), "-"], capture_output=True,
                          text=True).stdout
    flat = "".join(text.split())
    for header in ("年度报告质量检查总览", "年度报告质量检查问题清单", "各单位主要数据"):
        assert header in flat
    assert "=HYPERLINK" in flat  # the quote printed as text, not evaluated
    info = subprocess.run(["pdfinfo", str(tmp_path / "检查 结果.pdf")], capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    w, h = (float(x) for x in size.split(":")[1].split("pts")[0].split("x"))
    assert w > h  # landscape, fit to width


def test_pdf_notice(run):
    _, out = run
    pdf = out / "通报.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    assert "检查情况的通报" in flat and "需要整改的单位及问题" in flat
    assert f"（一）{A.PAIRED}" in flat or f"（二）{A.PAIRED}" in flat
    assert "邹城市生态环境局（错误2项" in flat
    assert "全年新收政府信息公开申请10件" in flat  # the sentence quoted
    assert A.MISSING in flat and A.UNREADABLE in flat
    assert not RULE_CODE.search(text)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded


def test_the_guide_has_a_section_for_it():
    from resources import USER_GUIDE

    text = USER_GUIDE.read_text(encoding="utf-8")
    section = text.split("## 九、年报质量检查")[1].split("\n## ")[0]
    assert "文件 › 年报质量检查" in section and "导出结果" in section and "screenshots/guide-audit-window.png" in section
    admin = text.split("（供管理员）")[1]
    assert "gov-report audit" in admin and "--prior-dir" in admin
    assert (Path(USER_GUIDE).parent / "screenshots" / "guide-audit-window.png").exists()
