"""`main.py export` and `check` on a workbook, as users and scripts run them."""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
from support import MAIN, SAMPLE, sample_dict


def run(*args, cwd):
    return subprocess.run([sys.executable, str(MAIN), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_export_both_then_check_the_workbook(cn_dir):
    xlsx, pdf = cn_dir / "年报 2022.xlsx", cn_dir / "年报 2022.pdf"
    out = run("export", SAMPLE, "--xlsx", xlsx, "--pdf", pdf, cwd=cn_dir)
    assert out.returncode == 0, out.stderr
    assert "已写出 Excel 工作簿" in out.stdout and "已写出 PDF" in out.stdout
    assert xlsx.stat().st_size > 5000 and pdf.read_bytes().startswith(b"%PDF")
    assert "草稿" not in out.stderr
    checked = run("check", xlsx, "--json", cwd=cn_dir)
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout) == []


def test_a_changed_workbook_is_checked_with_the_visible_numbers(cn_dir):
    xlsx = cn_dir / "年报.xlsx"
    assert run("export", SAMPLE, "--xlsx", xlsx, cwd=cn_dir).returncode == 0
    from export.xlsx import sheet_cell
    from model.report.storage import load

    sheet, ref = sheet_cell("t3.new.natural", load(SAMPLE).template)
    wb = openpyxl.load_workbook(xlsx)
    wb[sheet][ref] = 3
    wb.save(xlsx)
    out = run("check", xlsx, cwd=cn_dir)
    assert out.returncode == 1
    assert "第一项加第二项之和（3）不等于第三项加第四项之和（2），“自然人”列相差 1" in out.stdout
    assert "R1 表三“一、本年新收政府信息公开申请数量”行“自然人”列：导出时为 2，现为 3" in out.stdout  # a reading finding


def test_export_of_a_report_with_errors_is_a_draft(cn_dir):
    doc = sample_dict()
    doc["values"]["t3.new.natural"] = 3
    src = cn_dir / "有错误.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    pdf = cn_dir / "out.pdf"
    out = run("export", src, "--pdf", pdf, cwd=cn_dir)
    assert out.returncode == 0
    assert "草稿" in out.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "草稿" in text


def test_export_failures_exit_2(cn_dir):
    truncated = cn_dir / "坏.json"
    truncated.write_bytes(SAMPLE.read_bytes()[:300])
    out = run("export", truncated, "--pdf", cn_dir / "x.pdf", cwd=cn_dir)
    assert out.returncode == 2 and "无法读取报告" in out.stderr and "Traceback" not in out.stderr
    out = run("export", SAMPLE, "--xlsx", cn_dir / "没有这个目录" / "x.xlsx", cwd=cn_dir)
    assert out.returncode == 2 and "无法导出" in out.stderr and "Traceback" not in out.stderr
    out = run("export", SAMPLE, cwd=cn_dir)
    assert out.returncode == 2 and "--xlsx" in out.stderr
    assert not list(cn_dir.glob("*.tmp")) and not list(cn_dir.glob(".*tmp"))


def test_blank_form(cn_dir):
    pdf = cn_dir / "空表.pdf"
    out = run("export", SAMPLE, "--pdf", pdf, "--blank", cwd=cn_dir)
    assert out.returncode == 0, out.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "23140" not in text and "自然人" in text


def test_export_help_is_chinese(cn_dir):
    out = run("export", "--help", cwd=cn_dir)
    assert out.returncode == 0 and "写出 PDF" in out.stdout
