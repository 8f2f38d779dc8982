"""`main.py new` (issue 15 point 9): texts from last year on request, never overwriting by accident."""

from __future__ import annotations

import json
from pathlib import Path

from support import SAMPLE
from test_cli import run_main


def _last_year(folder: Path) -> Path:
    last = folder / "上年 2022.json"
    last.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return last


def test_new_refuses_to_overwrite_without_force(tmp_path):
    last = _last_year(tmp_path)
    out = tmp_path / "本年 2023.json"
    out.write_text('{"mine": "不能丢"}', encoding="utf-8")
    proc = run_main("new", "--from", last, out, cwd=tmp_path)
    assert proc.returncode == 2 and "已存在" in proc.stderr and "--force" in proc.stderr
    assert out.read_text(encoding="utf-8") == '{"mine": "不能丢"}'
    forced = run_main("new", "--from", last, out, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["year"] == 2023


def test_new_with_texts_starts_from_last_years_texts(tmp_path):
    last = _last_year(tmp_path)
    doc = json.loads(last.read_text(encoding="utf-8"))
    out = tmp_path / "本年.json"
    proc = run_main("new", "--from", last, out, "--texts", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "内容与上年雷同" in proc.stdout  # the note on G7
    new = json.loads(out.read_text(encoding="utf-8"))
    for key in ("s1", "s5", "s6"):
        assert new["sections"][key] == doc["sections"][key]
    checked = run_main("check", out, "--prior", last, "--json", cwd=tmp_path)
    assert "G7" in {f["rule"] for f in json.loads(checked.stdout)}


def test_new_help_names_the_new_options(tmp_path):
    proc = run_main("new", "--help", cwd=tmp_path)
    assert "--force" in proc.stdout and "--texts" in proc.stdout and "内容雷同" in proc.stdout
