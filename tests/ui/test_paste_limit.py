"""Issue 15, point 15: a paste the report file could not hold is refused at once, with the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from support import SAMPLE


def test_pasting_nine_million_characters_is_refused_with_a_message(make_window, qtbot):
    window = make_window(SAMPLE)
    page = window.wizard.section_pages["s5"]
    window.wizard.go_to(window.wizard.page_of_section("s5"))
    before = window.doc.report.sections["s5"]
    QApplication.clipboard().setText("政务公开" * 2_250_000)  # 9 million characters, 27 MB as UTF-8
    page.editor.setFocus()
    QTest.keyClick(page.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.report.sections["s5"] == before and page.editor.toPlainText() == before
    message = window.status_label.text()
    assert message.startswith("未粘贴") and "超过报告文件的上限 20 MB" in message
    QApplication.clipboard().setText("（二）本年度新增一项工作。")  # an ordinary paste still works
    QTest.keyClick(page.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.report.sections["s5"] == "（二）本年度新增一项工作。" + before  # at the cursor
