"""The findings panel: every finding of the rules, worst first, always visible.

The view (objectName `findings`) is flat, one row per finding, so its model answers the rule id under
Qt.UserRole for each row. A summary line counts findings by severity. Double-click asks the window to
go to the page and cell; a `confirm` finding takes its written explanation right below the list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from model.rules import Finding, Severity
from ui import colors
from ui.document import ReportDocument

Index = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class FindingsModel(QAbstractListModel):
    def __init__(self, doc: ReportDocument) -> None:
        super().__init__()
        self.doc = doc
        self.findings: list[Finding] = list(doc.findings)
        doc.changed.connect(self.refresh)

    def refresh(self) -> None:
        new = list(self.doc.findings)
        if new == self.findings:
            return
        self.beginResetModel()
        self.findings = new
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.findings):
            return None
        f = self.findings[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return f.rule
        if role == FINDING_ROLE:
            return f
        if role == Qt.ItemDataRole.DisplayRole:
            done = "（已说明）" if f.explanation else ""
            return f"【{f.severity.label}】{f.rule}　{f.message}{done}"
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{f.rule}（{f.severity.label}）\n{f.message}"
            return tip + (f"\n说明：{f.explanation}" if f.explanation else "")
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(colors.SEVERITY_FG[f.severity])
        if role == Qt.ItemDataRole.BackgroundRole and f.severity is Severity.ERROR and f.variant != "blank":
            return QBrush(colors.SEVERITY_BG[Severity.ERROR].lighter(110))
        return None


class FindingsPanel(QWidget):
    go_to = Signal(object)  # a Finding: show its page and cell

    def __init__(self, doc: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.model = FindingsModel(doc)
        self.summary = QLabel()
        self.summary.setObjectName("findings-summary")
        self.summary.setWordWrap(True)
        self.view = QListView()
        self.view.setObjectName("findings")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)

        self.explain_label = QLabel("对“需说明”事项的书面说明：")
        self.explain = QPlainTextEdit()
        self.explain.setObjectName("explanation")
        self.explain.setPlaceholderText("选中一条“需说明”的事项后，在此写明原因（至少一句话）。说明随报告保存，可写入第六部分第（五）项。")
        self.explain.setMaximumHeight(90)
        self.explain_save = QPushButton("保存说明")
        self.explain_save.clicked.connect(self._save_explanation)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        title = QLabel("<b>校验结果</b>")
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.explain_label)
        layout.addWidget(self.explain)
        layout.addWidget(self.explain_save)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._update_summary)
        self.model.modelReset.connect(self._restore_selection)
        self._current: Finding | None = None
        self._update_summary()
        self._current_changed(QModelIndex())

    def _update_summary(self) -> None:
        counts = self.doc.counts()
        if not self.doc.findings:
            self.summary.setText("未发现问题。")
            return
        parts = []
        for sev in Severity:
            if counts[sev]:
                color = colors.SEVERITY_FG[sev].name()
                parts.append(f"<span style='color:{color}'><b>{sev.label} {counts[sev]}</b></span>")
        self.summary.setText("　".join(parts) + "　（双击可定位）")

    def _restore_selection(self) -> None:
        """Keep the same finding selected when the list is rebuilt (e.g. after saving its explanation)."""
        if self._current is None:
            return
        key = self._current.key
        for row, f in enumerate(self.model.findings):
            if f.key == key:
                self.view.setCurrentIndex(self.model.index(row))
                return
        self._current_changed(QModelIndex())

    def _current_changed(self, index: QModelIndex) -> None:
        f = self.model.data(index, FINDING_ROLE) if index.isValid() else None
        self._current = f
        is_confirm = f is not None and f.severity is Severity.CONFIRM
        for w in (self.explain_label, self.explain, self.explain_save):
            w.setEnabled(is_confirm)
        self.explain.setPlainText(f.explanation if is_confirm and f else "")

    def _save_explanation(self) -> None:
        if self._current is not None:
            self.doc.set_explanation(self._current.key, self.explain.toPlainText())

    def _activated(self, index: QModelIndex) -> None:
        f = self.model.data(index, FINDING_ROLE)
        if f is not None:
            self.go_to.emit(f)
