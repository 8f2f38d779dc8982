"""导入, drag and drop and the wizard's last-year report read files through the one registry
(model.reading.documents.read_document), as 打开, check and 汇总 do (issue 17 point 1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from support import SAMPLE, SAMPLE_TXT


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "open", lambda *a, **k: None)


def test_import_reads_through_the_registry(make_window, registry_calls, cn_dir):
    window = make_window()
    page = cn_dir / "发布的 年报.txt"
    page.write_bytes(SAMPLE_TXT.read_bytes())
    assert window.imports.import_path(page, confirmed=True)
    assert registry_calls == [page.name]
    assert window.doc.report.values["t2.license.decisions"] == 23140
    assert window.doc.path is None  # imported: a new report, never written over the page
    # what the reader said reaches the import summary as before (labels, unplaced, remarks)
    assert "已导入" in window.status_label.text()


def test_a_dropped_page_is_imported_through_the_registry(make_window, registry_calls, cn_dir, monkeypatch):
    window = make_window()
    monkeypatch.setattr(window, "confirm_discard", lambda: True)
    page = cn_dir / "拖入 年报.txt"
    page.write_bytes(SAMPLE_TXT.read_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page))])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert registry_calls == [page.name]
    assert window.doc.report.meta["agency"] == "金乡县行政审批服务局"


def test_last_years_report_is_read_through_the_registry(make_window, registry_calls):
    window = make_window(SAMPLE)
    registry_calls.clear()
    assert window.last_year.load_prior(SAMPLE)
    assert registry_calls == [SAMPLE.name]
