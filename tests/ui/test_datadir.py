"""A data folder (autosave, settings) that cannot be used never stops the program, and is never silent.

Tests run as root, for whom permissions do not stop writing: the folders here fail for reasons root
cannot override (a path below a regular file, a folder replaced by a file), or the failure is injected.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from support import MAIN, ROOT, SAMPLE


def _below_a_file(tmp_path: Path) -> Path:
    blocker = tmp_path / "普通 文件"
    blocker.write_text("不是文件夹", encoding="utf-8")
    return blocker / "数据 目录"


def _edit(window) -> None:
    t2 = window.wizard.table_pages["t2"]
    t2.model.setData(t2.model.index_of("t2.penalty.decisions"), "8", Qt.ItemDataRole.EditRole)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(30)
    return child.pid


def test_window_opens_when_the_data_folder_cannot_be_created(tmp_path, monkeypatch, make_window):
    folder = _below_a_file(tmp_path)
    monkeypatch.setenv("GOV_REPORT_DATA_DIR", str(folder))
    window = make_window()
    label = window.autosave_warning
    assert label.isVisibleTo(window)
    text = label.text()
    assert "自动保存已关闭" in text and str(folder) in text and "不是文件夹" in text
    _edit(window)
    window.autosaver.save_now()  # tries again, fails again, quietly for the program
    assert "自动保存已关闭" in label.text() and label.isVisibleTo(window)
    assert (tmp_path / "普通 文件").read_text(encoding="utf-8") == "不是文件夹"


def test_read_only_data_folder_is_reported(isolated_data_dir, monkeypatch, make_window):
    real_mkstemp = tempfile.mkstemp

    def read_only(*args, **kwargs):
        if Path(kwargs.get("dir") or args[2]) == isolated_data_dir:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    window = make_window()
    text = window.autosave_warning.text()
    assert window.autosave_warning.isVisibleTo(window)
    assert "自动保存已关闭" in text and str(isolated_data_dir) in text and "只读文件系统" in text
    assert "Read-only" not in text


def test_autosave_failing_later_is_shown_and_cleared_when_it_works_again(isolated_data_dir, make_window):
    window = make_window(SAMPLE)
    label = window.autosave_warning
    assert not label.isVisibleTo(window)
    shutil.rmtree(isolated_data_dir)
    isolated_data_dir.write_text("挡住了", encoding="utf-8")  # the folder is now a file
    _edit(window)
    window.autosaver.save_now()
    assert label.isVisibleTo(window) and "自动保存已关闭" in label.text()
    assert window.autosaver.path.name in label.text() or str(isolated_data_dir) in label.text()
    isolated_data_dir.unlink()
    window.autosaver.save_now()
    assert not label.isVisibleTo(window)
    assert window.autosaver.path.exists()


def test_main_starts_with_an_unusable_data_folder(tmp_path):
    env = dict(os.environ, GOV_REPORT_DATA_DIR=str(_below_a_file(tmp_path)), QT_QPA_PLATFORM="offscreen",
               GOV_REPORT_QUIT_AFTER_SHOW="1")
    for args in ([], [str(SAMPLE)], ["check", str(SAMPLE)]):
        proc = subprocess.run([sys.executable, str(MAIN), *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, encoding="utf-8", timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr


def test_stale_temporary_files_in_the_data_folder_are_removed_at_start(isolated_data_dir, make_window):
    isolated_data_dir.mkdir(parents=True)
    dead = _dead_pid()
    stale = [f".settings.json.{dead}.k2j3h4g5.gov-report.tmp", f".recovery-{dead}.json.{dead}.abcdefgh.gov-report.tmp"]
    keep = ["notes.tmp", ".settings.json.q1w2e3r4.tmp", f".settings.json.{os.getpid()}.k2j3h4g5.gov-report.tmp"]
    for name in stale + keep:
        (isolated_data_dir / name).write_bytes(b"x")
    make_window()
    assert sorted(p.name for p in isolated_data_dir.iterdir()) == sorted(keep)
