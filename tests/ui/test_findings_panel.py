"""Issue 15: findings a clerk can trust (the panel's counts, the status bar) and typing that never waits
for the text checks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from support import SAMPLE

from ui.findings_panel import SEVERITY_ROLE


def _rows(panel):
    model = panel.model
    return [(model.index(r).data(Qt.ItemDataRole.UserRole), model.index(r).data()) for r in range(model.rowCount())]


def test_explained_confirm_is_shown_as_explained_and_counted_apart(make_window):
    window = make_window(SAMPLE)
    doc, panel = window.doc, window.findings
    doc.set_cells({"t3.new.natural": 1, "t3.carried_out.natural": 1})  # the text still says 2 applications
    (g6,) = [f for f in doc.findings if f.rule == "G6"]
    assert "需说明 1" in panel.summary.text() and "已说明" not in panel.summary.text()
    doc.set_explanation(g6.key, "另有 1 件申请系本年 12 月 31 日收到，按惯例计入下年。")
    text = panel.summary.text()
    assert "已说明 1" in text and "需说明" not in text  # nothing open is left to explain
    (row,) = [t for rule, t in _rows(panel) if rule == "G6"]
    assert "【已说明】" in row and "【需说明】" not in row
    assert panel.model.index([r for r, _ in _rows(panel)].index("G6")).data(SEVERITY_ROLE) == "confirm"


def test_status_bar_message_is_cleared_when_the_page_changes(make_window):
    window = make_window(SAMPLE)
    window.wizard.go_to(window.wizard.page_of_table("t3"))
    window.show_message("粘贴区域含有非数字内容，未粘贴。")
    assert window.status_label.text()
    window.sections.setCurrentRow(1)
    assert window.status_label.text() == ""
