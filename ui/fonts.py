"""Make sure Chinese text is drawn: register the bundled fonts when the system has no Chinese font.

Office machines and this project's CI may lack any CJK font; Qt would then draw boxes. The bundled
fonts (resources/fonts, openly licensed) are registered with Qt and put first in the fallback chain.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from resources import BUNDLED_SANS, BUNDLED_SONG

SAMPLE_TEXT = "政府信息公开"


def system_has_chinese_font() -> bool:
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        if not family.startswith(("WenQuanYi Micro Hei", "AR PL SungtiL")):
            return True
    return False


def ensure_chinese_font(app: QApplication) -> str | None:
    """Register the bundled fonts if needed; return the family now used for the UI, if it changed."""
    if system_has_chinese_font():
        return None
    families: list[str] = []
    for path, _index in (BUNDLED_SANS, BUNDLED_SONG):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    font = QFont(app.font())
    font.setFamilies([families[0]] + [f for f in families[1:]])
    app.setFont(font)
    return families[0]
