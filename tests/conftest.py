"""Fixtures shared by the whole test suite; the builders live in tests/support.py."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# UI tests run without a display; the Qt platform must be chosen before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pytest  # noqa: E402
from support import SAMPLE  # noqa: E402

from model.report.report import Report  # noqa: E402
from model.report.storage import load  # noqa: E402


@pytest.fixture
def sample_report() -> Report:
    return load(SAMPLE)


@pytest.fixture
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture
def cn_dir(tmp_path: Path) -> Path:
    """A folder whose path has Chinese characters and spaces."""
    d = tmp_path / "报告 目录"
    d.mkdir()
    return d


@pytest.fixture
def registry_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every file read through model.reading.documents.read_document (the one registry), also where a
    module imported it under its own name (ui.main_window)."""
    import model.reading.documents

    calls: list[str] = []
    real = model.reading.documents.read_document

    def spy(path):  # type: ignore[no-untyped-def]
        calls.append(Path(path).name)
        return real(path)

    for module in list(sys.modules.values()):
        if getattr(module, "read_document", None) is real:
            monkeypatch.setattr(module, "read_document", spy)
    return calls
