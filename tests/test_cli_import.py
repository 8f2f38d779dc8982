"""`python main.py import PUBLISHED --out REPORT.json`, as users and batch scripts run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support import MAIN, sample_dict

CORPUS = Path(__file__).resolve().parent / "model" / "import_corpus"


def run(*args, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(MAIN), *map(str, args)], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_import_the_sample_text(cn_dir):
    out = cn_dir / "导入 结果.json"
    proc = run("import", CORPUS / "jinxiang-xzsp-2022.txt", "--out", out, cwd=cn_dir)
    assert proc.returncode == 0, proc.stderr
    assert "已导入：金乡县行政审批服务局 2022 年政府信息公开 公开工作年度报告" in proc.stdout
    assert f"已写出报告文件：{out}" in proc.stdout
    assert proc.stdout.count("标签与格式不符：G2 ") == 2
    assert "1.属于国家秘密" in proc.stdout and "未能放入报告的内容" not in proc.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    expected = sample_dict()
    assert doc["values"] == expected["values"]
    assert {k: doc["sections"][k] for k in expected["sections"]} == expected["sections"]
    checked = run("check", out, cwd=cn_dir)
    assert checked.returncode == 0 and "未发现错误" in checked.stdout


def test_import_lists_what_it_could_not_place(cn_dir):
    source = cn_dir / "复制 的年报.txt"
    text = (CORPUS / "jinxiang-xzsp-2022.txt").read_text(encoding="utf-8")
    source.write_text(text.replace("行政处罚\t0", "行政处罚\t约 3 件"), encoding="utf-8")
    proc = run("import", source, "--out", cn_dir / "x.json", cwd=cn_dir)
    assert proc.returncode == 0, proc.stderr
    assert "未能放入报告的内容（1 项）：" in proc.stdout
    assert "表二“行政处罚”行“本年处理决定数量”列：“约 3 件”不是数字，未读取。" in proc.stdout


def test_import_of_no_report_exits_2(cn_dir):
    page = cn_dir / "首页.html"
    page.write_text("<html><body><p>欢迎访问</p></body></html>", encoding="utf-8")
    proc = run("import", page, "--out", cn_dir / "x.json", cwd=cn_dir)
    assert proc.returncode == 2
    assert "无法导入：" in proc.stderr and "没有找到政府信息公开工作年度报告" in proc.stderr
    assert not (cn_dir / "x.json").exists()
    missing = run("import", cn_dir / "没有 这个文件.txt", "--out", cn_dir / "x.json", cwd=cn_dir)
    assert missing.returncode == 2 and "找不到文件" in missing.stderr
    assert "Traceback" not in proc.stderr + missing.stderr


def test_import_help_and_usage(cn_dir):
    proc = run("import", "--help", cwd=cn_dir)
    assert proc.returncode == 0 and "--out" in proc.stdout and "已发布" in proc.stdout
    proc = run("import", CORPUS / "jinxiang-xzsp-2022.txt", cwd=cn_dir)
    assert proc.returncode == 2 and "缺少参数" in proc.stderr


# ---------------------------------------------------------------------------------------------------
# Issue 17: check and export take any readable kind; a page is checked as printed


def _published_error_page(folder: Path) -> Path:
    """renwu-2023 as printed with one published error: 予以公开 自然人 701 instead of 700, the row's 总计 (746)
    and the column's （七）总计 (1,197) left as they were — while 一 + 二 = 三 + 四 still holds as printed."""
    text = (CORPUS / "renwu-2023.txt").read_text(encoding="utf-8")
    changed = text.replace("（一）予以公开\t\t700\t", "（一）予以公开\t\t701\t")
    assert changed != text
    page = folder / "有错 的年报.txt"
    page.write_text(changed, encoding="utf-8")
    return page


def test_check_of_a_page_names_the_relations_broken_as_printed(cn_dir):
    """Point 2: the printed totals are kept, so check reports T3-2 and T3-3, not T3-1."""
    proc = run("check", _published_error_page(cn_dir), "--json", cwd=cn_dir)
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)
    errors = {(f["rule"], tuple(f["cells"][:1])) for f in findings if f["severity"] == "error"}
    assert errors == {("T3-2", ("t3.open.total",)), ("T3-3", ("t3.total.natural",))}
    t3_3 = next(f for f in findings if f["rule"] == "T3-3")
    assert "（1197）与各项之和（1198）" in t3_3["message"]
    clean = run("check", CORPUS / "renwu-2023.txt", "--json", cwd=cn_dir)
    assert not [f for f in json.loads(clean.stdout) if f["severity"] == "error"]


def test_check_lists_the_reading_notices_as_findings(cn_dir):
    """Point 1: what the reader could not place or read otherwise is in check --json, with its place."""
    proc = run("check", CORPUS / "jinxiang-xzsp-2022.txt", "--json", cwd=cn_dir)
    assert proc.returncode == 0, proc.stderr
    reading = [f for f in json.loads(proc.stdout) if f["rule"] in ("G2", "R1")]
    assert {f["severity"] for f in reading} <= {"info", "warning"}
    assert sum(f["rule"] == "G2" for f in reading) == 2
    assert all(f["cells"] for f in reading if f["rule"] == "G2")
    assert any(f.get("field") == "agency_kind" for f in reading)
    text = run("check", CORPUS / "jinxiang-xzsp-2022.txt", cwd=cn_dir)
    assert "【提示】G2" in text.stdout and "社会组织" in text.stdout


def test_check_and_export_accept_every_published_kind(cn_dir):
    """Point 1: .html, .md (markdown copy with a # title), .txt are checked and exported, never refused."""
    md = cn_dir / "复制 的年报.md"
    md.write_text("# " + (CORPUS / "jishu-2023.pipe.txt").read_text(encoding="utf-8"), encoding="utf-8")
    for source in (CORPUS / "zoucheng-sthj-2022.html", CORPUS / "jishu-2023.gbk.html", md,
                   CORPUS / "renwu-2023.lines.txt"):
        proc = run("check", source, "--json", cwd=cn_dir)
        assert proc.returncode in (0, 1) and "无法读取" not in proc.stderr, (source.name, proc.stderr)
        assert isinstance(json.loads(proc.stdout), list)
        out = cn_dir / f"{source.stem}.xlsx"
        exported = run("export", source, "--xlsx", out, cwd=cn_dir)
        assert exported.returncode == 0 and out.exists(), exported.stderr
    proc = run("check", md, cwd=cn_dir)
    assert "金乡县鸡黍镇人民政府" in proc.stdout and "#" not in proc.stdout.split("\n")[0]


def test_a_fifo_is_refused_not_waited_for(cn_dir):
    if not hasattr(os, "mkfifo"):
        return
    fifo = cn_dir / "管道.json"
    os.mkfifo(fifo)
    proc = run("check", fifo, cwd=cn_dir)
    assert proc.returncode == 2 and "不是普通文件" in proc.stderr
