"""The program's version, shown in 帮助 › 关于; kept equal to pyproject.toml's (a test checks it)."""

from __future__ import annotations

__version__ = "0.1.0"
