"""The one cleaning of a user's text (model.files.text_clean) that every writer uses."""

from __future__ import annotations

from model.files.text_clean import REPLACEMENT, clean_text


def test_every_kind_of_line_break_becomes_a_line_feed():
    # Word's manual line break (\x0b), a page break, CR LF, CR, NEL and Unicode's separators
    assert clean_text("甲\x0b乙\x0c丙\r\n丁\r戊\x85己\u2028庚\u2029辛") == "甲\n乙\n丙\n丁\n戊\n己\n庚\n辛"


def test_other_control_characters_go_and_non_characters_are_replaced():
    assert clean_text("机\x07关\x00名\x1b称\x7f\x9f") == "机关名称"
    assert clean_text("代理\ud800与\uffff") == f"代理{REPLACEMENT}与{REPLACEMENT}"


def test_text_and_tabs_are_kept_and_cleaning_twice_changes_nothing():
    for text in ["换行\n制表\t保留", "=cmd|'/c calc'!A1", "＠全角", "😀𠀀", "\u200b零宽"]:
        assert clean_text(text) == text
    messy = "a\x01\x0bb\r\n\ud800"
    assert clean_text(clean_text(messy)) == clean_text(messy)
