"""Nothing typed is lost: autosave within seconds, and restore after the program is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from support import ROOT, SAMPLE

CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import Qt
    import ui
    from ui.app import application

    app = application()
    window = ui.build_window({path!r})
    window.show()
    t3 = window.wizard.table_pages["t3"]
    t3.model.setData(t3.model.index_of("t3.new.legal"), "4", Qt.ItemDataRole.EditRole)
    window.wizard.section_pages["s5"].editor.setPlainText("（一）存在的主要问题\\n刚刚写下、尚未保存的一段话。")
    print("edited", flush=True)
    app.exec()
    """
)


def _start_child(data_dir, path):
    env = dict(os.environ, GOV_REPORT_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    code = CHILD.format(root=str(ROOT), path=str(path) if path else None)
    return subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)


def _wait_for(predicate, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_restore_after_kill_9(isolated_data_dir, tmp_path, make_window, monkeypatch):
    source = tmp_path / "我的 年报.json"
    source.write_bytes(SAMPLE.read_bytes())
    child = _start_child(isolated_data_dir, source)
    try:
        assert child.stdout.readline().strip() == "edited"
        recovery = isolated_data_dir / f"recovery-{child.pid}.json"
        assert _wait_for(recovery.exists), "no autosave within the time limit"
        started = time.monotonic()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    assert time.monotonic() - started < 20

    from ui.app import _offer_recovery
    from ui.autosave import orphaned_recoveries

    found = orphaned_recoveries()
    assert [r.source for r in found] == [source]
    window = make_window()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    _offer_recovery(window)
    assert len(asked) == 1 and "我的 年报.json" in asked[0]
    report = window.doc.report
    assert report.values["t3.new.legal"] == 4
    assert report.sections["s5"] == "（一）存在的主要问题\n刚刚写下、尚未保存的一段话。"
    assert window.doc.path == source
    assert window.doc.modified  # restored work still has to be saved
    assert not recovery.exists()
    t3 = window.wizard.table_pages["t3"]
    assert t3.model.index_of("t3.new.total").data() == "6"
    assert window.wizard.section_pages["s5"].editor.toPlainText().endswith("尚未保存的一段话。")


def test_declining_discards_the_recovery(isolated_data_dir, make_window, monkeypatch):
    child = _start_child(isolated_data_dir, None)
    try:
        assert child.stdout.readline().strip() == "edited"
        assert _wait_for(lambda: (isolated_data_dir / f"recovery-{child.pid}.json").exists())
    finally:
        child.kill()
        child.wait(10)
    from ui.app import _offer_recovery
    from ui.autosave import orphaned_recoveries

    window = make_window()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    _offer_recovery(window)
    assert orphaned_recoveries() == []
    assert window.doc.report.values == {}


def test_autosave_after_each_change_and_cleared_on_save(make_window, qtbot, tmp_path):
    window = make_window(SAMPLE)
    window.autosaver.timer.setInterval(50)
    t2 = window.wizard.table_pages["t2"]
    t2.model.setData(t2.model.index_of("t2.penalty.decisions"), "8", Qt.ItemDataRole.EditRole)
    path = window.autosaver.path
    qtbot.waitUntil(path.exists, timeout=3000)
    from model.report.storage import load

    assert load(path).values["t2.penalty.decisions"] == 8
    assert window.save_to(tmp_path / "saved.json")
    assert not path.exists()  # saved: nothing left to recover


def test_a_running_program_is_not_offered_for_recovery(make_window, qtbot):
    window = make_window(SAMPLE)
    window.autosaver.save_now()
    from ui.autosave import orphaned_recoveries

    assert orphaned_recoveries() == []  # it is this very process


def test_damaged_recovery_is_moved_aside_after_one_failed_restore(isolated_data_dir, make_window, monkeypatch):
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(10)  # its id now belongs to no running process
    damaged = isolated_data_dir / f"recovery-{child.pid}.json"
    content = b'{"format": "gov-disclosure-annual-report", "values": {'
    damaged.write_bytes(content)
    (isolated_data_dir / f"recovery-{child.pid}.src").write_text("", encoding="utf-8")
    from ui.app import _offer_recovery
    from ui.autosave import orphaned_recoveries

    window = make_window()
    asked, warned = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    _offer_recovery(window)
    assert len(asked) == 1
    assert not damaged.exists() and not damaged.with_suffix(".src").exists()
    moved = list(isolated_data_dir.glob("damaged-recovery-*.json"))
    assert len(moved) == 1 and moved[0].read_bytes() == content
    message = window.status_label.text()
    assert "无法恢复" in message and str(moved[0]) in message
    assert warned == [message]
    assert orphaned_recoveries() == []
    _offer_recovery(window)  # the next start asks nothing
    assert len(asked) == 1
