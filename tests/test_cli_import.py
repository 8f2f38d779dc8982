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
