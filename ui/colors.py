"""Colours of the tables and findings: one place, so the editor and the findings panel agree."""

from __future__ import annotations

from PySide6.QtGui import QColor

from model.checks.rules import Severity

HEADER_BG = QColor("#e8edf3")
CAPTION_BG = QColor("#dde5ee")
LABEL_BG = QColor("#f6f8fa")
DERIVED_BG = QColor("#eceff1")
BLANK_BG = QColor("#fff8e1")  # an input cell not filled yet: a soft cream hint, never red

SEVERITY_BG = {
    Severity.ERROR: QColor("#f8c9c9"),
    Severity.CONFIRM: QColor("#fde3b0"),
    Severity.WARNING: QColor("#fff3c4"),
    Severity.INFO: QColor("#dcecfb"),
    Severity.TODO: QColor("#fff8e1"),  # what is left to fill in: the soft tint of a blank cell
}
SEVERITY_FG = {
    Severity.ERROR: QColor("#b3261e"),
    Severity.CONFIRM: QColor("#9a5b00"),
    Severity.WARNING: QColor("#7a6400"),
    Severity.INFO: QColor("#1f5f99"),
    Severity.TODO: QColor("#5f6368"),
}
#: A `confirm` finding the user has explained: settled, no longer open.
EXPLAINED_FG = QColor("#1b7a3a")
