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

from model.report import Report  # noqa: E402
from model.storage import load  # noqa: E402


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
