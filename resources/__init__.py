"""Where the files the program ships live: one place for their paths."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
SAMPLE_REPORT = RESOURCES / "samples" / "jinxiang-xzsp-2022.json"
FONTS_DIR = RESOURCES / "fonts"
#: The openly licensed fallback fonts (resources/fonts/README.md): (file, TTC index).
BUNDLED_SONG = (FONTS_DIR / "gbsn00lp.ttf", 0)  # AR PL SungtiL GB, a 宋体 look, GB 2312
BUNDLED_SANS = (FONTS_DIR / "wqy-microhei.ttc", 0)  # WenQuanYi Micro Hei, ~34 600 characters
#: The user's guide shown by 帮助 › 使用说明 (F1); kept in docs/ so that it is also read on the web.
USER_GUIDE = RESOURCES.parent / "docs" / "使用说明.md"
