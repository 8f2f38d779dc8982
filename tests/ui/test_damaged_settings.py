"""Issue 15, point 14: a damaged settings or recovery file, or a file name that is not UTF-8, never stops
the program."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from support import SAMPLE

from ui import appdata

GOOD = {"last_folder": "/", "deadlines": {"department": [2, 28]}}

DAMAGED = {
    "recent is a number": (json.dumps({**GOOD, "recent": 5}), "最近打开的文件"),
    "window geometry not ASCII": (json.dumps({**GOOD, "window_geometry": "窗口", "window_state": "AAAA"}),
                                  "窗口位置"),
    "nested brackets": ("[" * 100_000 + "]" * 100_000, "无法读取"),
    "huge deadline": (json.dumps({"last_folder": "/", "deadlines": {"department": [1, 10**30]}}), "发布期限"),
    "lone surrogate": (json.dumps({**GOOD, "recent": ["/tmp/\ud800.json"]}), "最近打开的文件"),
    "not UTF-8": ("{\"recent\": [\"报告\"]}".encode("gbk"), "无法读取"),
}


@pytest.mark.parametrize("case", DAMAGED, ids=list(DAMAGED))
def test_damaged_settings_fall_back_to_defaults_and_are_moved_aside(case, isolated_data_dir, make_window):
    content, named = DAMAGED[case]
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    settings = isolated_data_dir / "settings.json"
    original = content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
    settings.write_bytes(original)
    window = make_window()
    window.show_on_screen()  # restores the remembered layout: a bad one is no layout
    window.files.fill_recent()
    notice = window.status_label.text()
    assert named in notice and "已恢复默认设置" in notice and "settings-damaged-" in notice
    (aside,) = isolated_data_dir.glob("settings-damaged-*.json")
    assert aside.read_bytes() == original  # kept as it was, for whoever wants it
    assert appdata.recent_files() == [] and appdata.setting("window_geometry") is None
    if named != "无法读取":  # the good settings are kept
        assert appdata.last_folder() is not None
        assert appdata.deadlines()["department"] == ((2, 28) if case != "huge deadline" else (1, 31))
    assert appdata.settings_notice() == ""  # said once; the file written back is clean
    json.loads(settings.read_text(encoding="ascii"))


def test_settings_of_a_path_that_is_not_utf8_are_kept(isolated_data_dir, tmp_path):
    name = os.fsdecode("年报".encode("gbk") + b".json")  # as Python reads a GBK name from the file system
    appdata.add_recent(tmp_path / name)
    assert appdata.recent_files() == [str((tmp_path / name).resolve())]
    assert appdata.settings_notice() == ""


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(30)
    return child.pid


def test_recovery_files_with_non_utf8_bytes_are_moved_aside_not_fatal(isolated_data_dir, make_window, monkeypatch):
    from ui.app import _offer_recovery
    from ui.autosave import orphaned_recoveries

    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    pid = _dead_pid()
    (isolated_data_dir / f"recovery-{pid}.json").write_bytes("{\"format\": \"报告\"}".encode("gbk"))
    (isolated_data_dir / f"recovery-{pid}.src").write_bytes("D:\\年报\\报告.json".encode("gbk"))
    (rec,) = orphaned_recoveries()  # reading the .src no longer raises
    assert os.fsencode(str(rec.source)) == "D:\\年报\\报告.json".encode("gbk")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    window = make_window()
    _offer_recovery(window)
    assert "无法恢复" in window.status_label.text() and "已移到" in window.status_label.text()
    assert orphaned_recoveries() == []  # not offered at the next start
    assert list(isolated_data_dir.glob("damaged-recovery-*.json"))


def test_a_report_whose_name_is_not_utf8_still_autosaves(isolated_data_dir, tmp_path, make_window):
    from ui.autosave import orphaned_recoveries

    name = os.fsdecode("年报".encode("gbk") + b".json")
    path = tmp_path / name
    path.write_bytes(SAMPLE.read_bytes())
    window = make_window(path)
    assert window.doc.path == path
    t2 = window.wizard.table_pages["t2"]
    t2.model.setData(t2.model.index_of("t2.penalty.decisions"), "8", Qt.ItemDataRole.EditRole)
    window.autosaver.save_now()
    assert window.autosaver.problem == ""
    src = window.autosaver.path.with_suffix(".src").read_bytes()
    assert src == os.fsencode(str(path))  # the very bytes of the name
    dead = _dead_pid()  # as if the program had been killed: the recovery names the file by its bytes
    os.rename(window.autosaver.path, isolated_data_dir / f"recovery-{dead}.json")
    os.rename(window.autosaver.path.with_suffix(".src"), isolated_data_dir / f"recovery-{dead}.src")
    (rec,) = orphaned_recoveries()
    assert rec.source == path and rec.load().values["t2.penalty.decisions"] == 8
