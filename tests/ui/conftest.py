"""Fixtures for the UI tests: an isolated data folder, no modal dialogs, windows built by the hook."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Settings and recovery files go to a temporary folder, never the user's."""
    folder = tmp_path / "数据 目录"
    monkeypatch.setenv("GOV_REPORT_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """Any modal dialog fails the test, unless the test patches the one it expects."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"a modal dialog was opened: {args[1:3]}")

    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, refuse)


@pytest.fixture
def make_window(qtbot):
    import ui

    made = []

    def build(path=None):
        window = ui.build_window(path)
        made.append(window)  # closed below, not by qtbot: its teardown runs before ours
        return window

    yield build
    for w in made:
        w.doc.set_modified(False)  # so closing at teardown asks nothing
        w.autosaver.timer.stop()
        w.close()
        w.deleteLater()
