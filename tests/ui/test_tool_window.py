"""年报质量检查 and 汇总 share one frame (ui/tool_window.py): the same list of files and folders, the same
drop, 清空 and expected-units box, each with its own objectName prefix and texts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget
from test_audit_window import drop  # the one drop helper of the window tests

from ui.aggregate_window import AggregateWindow
from ui.audit_window import AuditWindow
from ui.tool_window import ToolWindow


@pytest.mark.parametrize(("cls", "prefix", "said"), [(AuditWindow, "audit", "已添加 2 项。"),
                                                     (AggregateWindow, "aggregate", "已选择 1 个文件夹、1 个文件。")])
def test_both_windows_share_the_list_drop_clear_and_expected(qtbot, make_window, tmp_path, cls, prefix, said):
    window = make_window()
    tool = cls(window)
    qtbot.addWidget(tool)
    assert isinstance(tool, ToolWindow) and tool.objectName() == f"{prefix}-window"
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    drop(tool, [tmp_path, tmp_path / "a.json", tmp_path])  # the folder twice: listed once
    assert tool.sources == [tmp_path, tmp_path / "a.json"]
    assert tool.source_list.count() == 2 and tool.source_list.item(1).toolTip() == str(tmp_path / "a.json")
    assert tool.message.text() == said
    tool.expected.setPlainText("  甲局 \n\n乙局")
    assert tool.expected_names() == ["甲局", "乙局"]
    tool.expected.clear()
    assert tool.expected_names() is None
    QTest.mouseClick(tool.findChild(QPushButton, f"{prefix}-clear"), Qt.MouseButton.LeftButton)
    assert tool.sources == [] and tool.source_list.count() == 0
    for name in ("sources", "progress", "current", "summary", "message", "add-files", "add-folder"):
        assert tool.findChild(QWidget, f"{prefix}-{name}") is not None, name
