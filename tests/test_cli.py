"""`python main.py check …` in a subprocess, as a user or a batch script runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import MAIN, SAMPLE, sample_dict

from model.template import CURRENT

T3_1_MESSAGE = "第一项加第二项之和（3）不等于第三项加第四项之和（2），“自然人”列相差 1。"


def run_main(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("PYTHONPATH", None)
    proc = subprocess.run([sys.executable, str(MAIN), *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, timeout=60)
    proc.stdout = proc.stdout.decode("utf-8")
    proc.stderr = proc.stderr.decode("utf-8")
    return proc


@pytest.fixture
def work(tmp_path: Path) -> Path:
    d = tmp_path / "工作 目录"
    d.mkdir()
    return d


@pytest.fixture
def sample_copy(work: Path) -> Path:
    target = work / "金乡 2022 年报.json"
    shutil.copyfile(SAMPLE, target)
    return target


@pytest.fixture
def broken(work: Path) -> Path:
    """The sample with t3.new.natural 2 → 3 and the file's stated totals left as they were."""
    doc = sample_dict()
    assert doc["values"]["t3.new.natural"] == 2
    doc["values"]["t3.new.natural"] = 3
    target = work / "改过 的 年报.json"
    target.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


def test_check_sample_clean(sample_copy, work):
    proc = run_main("check", sample_copy.name, cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert "未发现错误" in proc.stdout
    assert "金乡县行政审批服务局2022年政府信息公开工作年度报告" in proc.stdout
    assert "错误 0 项" in proc.stdout
    assert proc.stderr == ""


def test_check_absolute_path_with_chinese_and_spaces(sample_copy, tmp_path):
    proc = run_main("check", sample_copy, cwd=tmp_path)
    assert proc.returncode == 0
    assert str(sample_copy) in proc.stdout


def test_check_finds_the_broken_column(broken, work):
    proc = run_main("check", broken, cwd=work)
    assert proc.returncode == 1
    out = proc.stdout
    assert "“自然人”" in out
    assert T3_1_MESSAGE in out
    assert "表三“一、本年新收政府信息公开申请数量”行“总计”列填写的合计数（2）与各项之和（3）不符，相差 1。" in out
    assert "【错误】T3-1" in out and "【错误】T3-2" in out
    assert "结论：存在 2 项错误，只能导出草稿" in out
    assert "未发现错误" not in out
    assert "Traceback" not in out + proc.stderr


def test_check_json_output(broken, work):
    proc = run_main("check", broken, "--json", cwd=work)
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)
    # the 勾稽关系, the stated row total, and section 一 saying "收到 2 条申请" against the table's 3
    assert isinstance(findings, list) and sorted(f["rule"] for f in findings) == ["G6", "T3-1", "T3-2"]
    for f in findings:
        located = {"section", "span", "quote"} if f["rule"] == "G6" else set()
        assert set(f) == {"rule", "severity", "cells", "message"} | located
        assert isinstance(f["cells"], list)
    by_rule = {f["rule"]: f for f in findings}
    assert by_rule["T3-1"] == {
        "rule": "T3-1", "severity": "error",
        "cells": ["t3.new.natural", "t3.carried_in.natural", "t3.total.natural", "t3.carried_out.natural"],
        "message": T3_1_MESSAGE,
    }
    assert by_rule["T3-2"]["cells"][0] == "t3.new.total"
    assert by_rule["T3-2"]["severity"] == "error"


def test_check_json_clean_sample(sample_copy, work):
    proc = run_main("check", "--json", sample_copy, cwd=work)
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == []


def test_check_truncated_file(sample_copy, work):
    data = sample_copy.read_bytes()
    cut = data.index(b'"t3.new.natural": 2') + len(b'"t3.new.natural": 2')
    sample_copy.write_bytes(data[:cut])
    proc = run_main("check", sample_copy, cwd=work)
    assert proc.returncode == 2
    assert "无法读取报告" in proc.stderr
    assert "截断" in proc.stderr
    assert sample_copy.name in proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.stdout == ""


def test_check_missing_file(work):
    proc = run_main("check", "没有 这个 文件.json", cwd=work)
    assert proc.returncode == 2
    assert "找不到文件" in proc.stderr and "没有 这个 文件.json" in proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr


def test_check_missing_prior_file(sample_copy, work):
    proc = run_main("check", sample_copy, "--prior", "去年 的.json", cwd=work)
    assert proc.returncode == 2
    assert "找不到文件" in proc.stderr and "去年 的.json" in proc.stderr


def test_check_nan_fee_is_unreadable(work):
    doc = sample_dict()
    doc["values"]["t2.fees.amount"] = "NaN"
    path = work / "收费 NaN.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    proc = run_main("check", path, cwd=work)
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == 2


@pytest.mark.parametrize("args", [["--help"], ["-h"]])
def test_help_in_chinese(work, args):
    proc = run_main(*args, cwd=work)
    assert proc.returncode == 0
    assert "用法：" in proc.stdout
    assert "check" in proc.stdout and "校验报告文件" in proc.stdout
    assert "显示本帮助并退出" in proc.stdout
    assert "usage:" not in proc.stdout and "show this help" not in proc.stdout


def test_check_help_in_chinese(work):
    proc = run_main("check", "--help", cwd=work)
    assert proc.returncode == 0
    assert "用法：" in proc.stdout
    assert "退出状态：0 无错误；1 至少有一项错误；2 文件无法读取" in proc.stdout
    assert "--prior" in proc.stdout and "上一年度的报告文件" in proc.stdout


def test_check_without_file_is_a_usage_error(work):
    proc = run_main("check", cwd=work)
    assert proc.returncode == 2
    assert "缺少参数" in proc.stderr
    assert "Traceback" not in proc.stderr


def _prior(work: Path, carried_out_natural: int) -> Path:
    doc = sample_dict()
    doc["meta"]["year"] = 2021
    doc["meta"].pop("title")
    doc["values"]["t3.carried_out.natural"] = carried_out_natural
    doc["values"]["t3.carried_out.total"] = carried_out_natural
    path = work / "去年 2021.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_check_with_prior_finds_t3_5(sample_copy, work):
    prior = _prior(work, 1)
    proc = run_main("check", sample_copy, "--prior", prior, cwd=work)
    assert proc.returncode == 0  # a confirm finding is not an error
    assert "【需说明】T3-5" in proc.stdout
    assert ("“自然人”列上年结转政府信息公开申请数量（0）与上年报告的结转下年度继续办理数（1）不一致，请说明原因。"
            in proc.stdout)
    assert "结论：未发现错误，可以报送；尚有 1 项需说明的事项未写说明。" in proc.stdout
    proc = run_main("check", sample_copy, "--prior", prior, "--json", cwd=work)
    found = json.loads(proc.stdout)
    # the "prior" is the sample itself with another year: its text is copied word for word (G7)
    assert {f["rule"] for f in found if f["severity"] == "warning"} == {"G7"}
    assert [(f["rule"], f["severity"], f["cells"]) for f in found if f["rule"] != "G7"] == [
        ("T3-5", "confirm", ["t3.carried_in.natural"])]


def test_check_with_matching_prior_is_clean(sample_copy, work):
    prior = _prior(work, 0)
    proc = run_main("check", sample_copy, "--prior", prior, "--json", cwd=work)
    assert proc.returncode == 0
    # nothing but 内容雷同: the "prior" is the sample itself with another year (see the test below for
    # two consecutive reports that differ as real ones do)
    assert {f["rule"] for f in json.loads(proc.stdout)} == {"G7"}


def test_new_from_last_year_carries_carried_over_exactly(work):
    """Issue 8: `new --from` — basic information copied, year + 1, 上年结转 from 结转下年度, the rest blank."""
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    carried = {"natural": 3, "business": 1, "research": 0, "nonprofit": 2, "legal": 0, "other": 5}
    for col, n in carried.items():
        doc["values"][f"t3.carried_out.{col}"] = n
    doc["values"]["t3.carried_out.total"] = sum(carried.values())
    last = work / "上年 2022.json"
    last.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = work / "本年 2023.json"
    proc = run_main("new", "--from", last, out, cwd=work)
    assert proc.returncode == 0, proc.stderr
    new = json.loads(out.read_text(encoding="utf-8"))
    assert new["meta"]["year"] == 2023 and new["meta"]["agency"] == doc["meta"]["agency"]
    assert "published_on" not in new["meta"]
    assert {k: v for k, v in new["values"].items() if k.startswith("t3.carried_in.")} == {
        **{f"t3.carried_in.{c}": n for c, n in carried.items()}, "t3.carried_in.total": 11}
    assert not [k for k in new["values"] if not k.startswith("t3.carried_in.")]
    assert all(not new["sections"][k] for k in ("s1", "s5", "s6"))
    # the new report checks against last year's without a cross-year finding
    checked = run_main("check", out, "--prior", last, "--json", cwd=work)
    assert "T3-5" not in checked.stdout
    assert run_main("new", "--from", work / "没有.json", out, cwd=work).returncode == 2


def _consecutive(work: Path, carried_in_natural: int) -> Path:
    """The sample's office one year later: new texts and figures, 上年结转 as given for 自然人."""
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["meta"].update(year=2023, published_on="2024-01-22")
    doc["meta"].pop("title", None)
    doc["sections"]["preamble"] = doc["sections"]["preamble"].replace("2022", "2023")
    doc["sections"]["s1"] = ("2023 年，县行政审批服务局围绕优化营商环境推进政务公开，全年收到政府信息公开申请 3 件，"
                             "均已按期办结。\n（一）主动公开\n围绕企业开办、工程建设项目审批等重点领域，及时公开办事指南和审批结果。")
    doc["sections"]["s5"] = "（一）存在的主要问题\n政策解读形式还不够丰富。\n（二）改进措施\n增加图解、视频解读，提升解读质量。"
    doc["sections"]["s6"] = ("（一）政府信息公开申请收费情况\n2023年，本单位未收取信息处理费。\n"
                             "（二）本行政机关落实上级年度政务公开工作要点情况\n对照市县工作要点逐项建立台账，按季度调度推进。\n"
                             "（三）本行政机关人大代表建议和政协提案办理结果公开情况\n本年度未承办人大代表建议和政协提案。")
    values = doc["values"]
    for key in [k for k in values if k.startswith("t3.")]:
        values[key] = 0
    values.update({"t3.new.natural": 3, "t3.carried_in.natural": carried_in_natural,
                   "t3.open.natural": 3 + carried_in_natural, "t2.license.decisions": 24017})
    for key in [k for k in values if CURRENT.cells[k].derived]:
        del values[key]  # stated totals of the old figures: the program computes them
    path = work / f"金乡 2023 年报 {carried_in_natural}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_check_prior_on_two_consecutive_reports(sample_copy, work):
    """Issue 9: nothing when 结转 agrees, T3-5 naming the column when it does not."""
    agrees = _consecutive(work, 0)  # the 2022 report carried nothing over
    proc = run_main("check", agrees, "--prior", sample_copy, "--json", cwd=work)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout) == []
    differs = _consecutive(work, 1)
    proc = run_main("check", differs, "--prior", sample_copy, "--json", cwd=work)
    found = json.loads(proc.stdout)
    assert [(f["rule"], f["cells"]) for f in found] == [("T3-5", ["t3.carried_in.natural"])]
    assert "“自然人”列" in found[0]["message"]


def test_check_json_gives_the_sentence_of_a_text_finding(sample_copy, work):
    doc = json.loads(sample_copy.read_text(encoding="utf-8"))
    doc["sections"]["s1"] = doc["sections"]["s1"].replace("我局收到 2 条政府信息公开申请", "我局收到 3 条政府信息公开申请")
    sample_copy.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    proc = run_main("check", sample_copy, "--json", cwd=work)
    (g6,) = [f for f in json.loads(proc.stdout) if f["rule"] == "G6"]
    assert g6["severity"] == "confirm" and g6["section"] == "s1"
    start, end = g6["span"]
    assert "3" in doc["sections"]["s1"][start:end]
    assert "我局收到 3 条政府信息公开申请" in g6["quote"]
    assert proc.returncode == 0  # a confirm finding is no error


def test_output_into_a_closed_pipe_ends_quietly():
    """`main.py … | head`: the reader leaves early; no BrokenPipeError traceback (found in a trial)."""
    proc = subprocess.Popen([sys.executable, str(MAIN), "check", str(SAMPLE)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()  # before the program has written anything
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()
