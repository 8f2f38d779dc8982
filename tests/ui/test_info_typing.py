"""Typing the agency's name key by key keeps the focus in 机关名称 (found by a new user's trial).

The first character makes the page complete; QWizard then hides and shows its pages to update the
buttons, which moved the focus to the section list: "Jinxiang" came out as "J" and the rest of the
keys went to the list. The keys here go to whatever has the focus, as a keyboard's do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from support import show_window


def _type(qtbot, text):
    for ch in text:
        qtbot.keyClick(QApplication.focusWidget(), ch)


def test_the_agency_name_is_typed_whole(make_window, qtbot):
    window = make_window()
    show_window(window, qtbot, (1024, 768))
    agency = window.findChild(QLineEdit, "meta-agency")
    qtbot.mouseClick(agency, Qt.MouseButton.LeftButton)
    _type(qtbot, "Jinxiang")
    assert QApplication.focusWidget() is agency
    assert window.doc.report.meta["agency"] == "Jinxiang"


def test_clearing_and_retyping_the_agency_keeps_the_focus(make_window, qtbot):
    """Emptying the field makes the page incomplete again: the same button update, the same focus."""
    window = make_window()
    show_window(window, qtbot, (1024, 768))
    agency = window.findChild(QLineEdit, "meta-agency")
    qtbot.mouseClick(agency, Qt.MouseButton.LeftButton)
    _type(qtbot, "AB")
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backspace)
    _type(qtbot, "CD")
    assert QApplication.focusWidget() is agency
    assert window.doc.report.meta["agency"] == "CD"
