"""The findings list: every finding, grouped by section in the report's order, worst first within each.

One widget serves the panel beside the wizard (findings while editing: blanks and unfinished columns
are `todo`, not errors) and the review page (findings at hand-in). The view is flat, one row per
finding, and its model answers the rule id under Qt.UserRole and the severity (`error`, `confirm`,
`warning`, `info`, `todo`) under Qt.UserRole + 1 (test hooks). The text has no rule codes: a short
title and the message; the code is in the tooltip. Double-click or Enter goes to what the finding
points at; a `confirm` finding takes its explanation right below the list, saved as it is typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from model.checks.rules import Finding, Severity
from model.template.template import Template
from ui import colors
from ui.document import ReportDocument

Index = QModelIndex | QPersistentModelIndex
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 1
FINDING_ROLE = Qt.ItemDataRole.UserRole + 2

#: The basic information's place in the list; it has no heading of the format.
META_PLACE = "meta"
META_NAME = "基本信息"


def section_order(template: Template) -> tuple[str, ...]:
    """Where each finding is listed: the basic information first, then the sections in the report's order."""
    return (META_PLACE, "preamble") + tuple(s.key for s in template.sections)


def section_names(template: Template) -> dict[str, str]:
    """The heading each group of findings is listed under."""
    return {META_PLACE: META_NAME, "preamble": template.preamble_label,
            **{s.key: s.heading for s in template.sections}}


#: How an explained `confirm` finding is shown and counted: settled, apart from what is still open.
EXPLAINED_LABEL = "已说明"


def explained(f: Finding) -> bool:
    """A `confirm` finding with its written explanation: no longer open."""
    return f.severity is Severity.CONFIRM and bool(f.explanation.strip())


def grouped(findings: list[Finding], template: Template) -> list[Finding]:
    """Findings in the report's order of sections, worst first within a section (a stable sort)."""
    order = section_order(template)

    def place(f: Finding) -> tuple[int, int]:
        section = f.section or ""
        return (order.index(section) if section in order else len(order), f.severity.rank)

    return sorted(findings, key=place)


class FindingsModel(QAbstractListModel):
    def __init__(self, doc: ReportDocument, source: Callable[[], list[Finding]]) -> None:
        super().__init__()
        self.doc = doc
        self.source = source
        self.findings: list[Finding] = grouped(source(), doc.template)
        self._names = section_names(doc.template)  # the headings the list is grouped under
        doc.findings_changed.connect(self.refresh)

    def refresh(self) -> None:
        new = grouped(self.source(), self.doc.template)
        names = section_names(self.doc.template)
        if new == self.findings and names == self._names:
            return
        self.beginResetModel()
        self.findings, self._names = new, names
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.findings):
            return None
        f = self.findings[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return f.rule
        if role == SEVERITY_ROLE:
            return f.severity.value
        if role == FINDING_ROLE:
            return f
        if role == Qt.ItemDataRole.DisplayRole:
            first = index.row() == 0 or self.findings[index.row() - 1].section != f.section
            head = f"〔{self._names.get(f.section or '', '其他')}〕\n" if first else ""
            badge = EXPLAINED_LABEL if explained(f) else f.severity.label
            return f"{head}【{badge}】{f.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{f.message}\n\n规则 {f.rule}（{f.severity.label}）。双击可定位。"
            return tip + (f"\n说明：{f.explanation}" if f.explanation else "")
        if role == Qt.ItemDataRole.ForegroundRole:
            # a QColor, which the view paints as a brush: QBrush's Python class alone costs some 2 ms of start-up
            return colors.EXPLAINED_FG if explained(f) else colors.SEVERITY_FG[f.severity]
        if role == Qt.ItemDataRole.BackgroundRole and f.severity is Severity.ERROR:
            return colors.SEVERITY_BG[Severity.ERROR].lighter(110)
        return None


class FindingsPanel(QWidget):
    go_to = Signal(object)  # a Finding: show what it points at

    def __init__(self, doc: ReportDocument, source: Callable[[], list[Finding]] | None = None,
                 object_name: str = "findings", title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.model = FindingsModel(doc, source or (lambda: doc.findings))
        self.summary = QLabel()
        self.summary.setObjectName(f"{object_name}-summary")
        self.summary.setWordWrap(True)
        self.view = QListView()
        self.view.setObjectName(object_name)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)

        self.explain_label = QLabel("对“需说明”事项的书面说明（随输入自动保存）：")
        self.explain_label.setWordWrap(True)
        self.explain = QPlainTextEdit()
        self.explain.setObjectName(f"{object_name}-explanation" if object_name != "findings" else "explanation")
        self.explain.setPlaceholderText("选中一条“需说明”的事项后，在此写明原因（至少一句话）。"
                                        "说明随报告保存，并写入第六部分第（五）项。")
        self.explain.setMaximumHeight(90)
        self.explain.textChanged.connect(self._save_explanation)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        if title:
            layout.addWidget(QLabel(f"<b>{title}</b>"))
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.explain_label)
        layout.addWidget(self.explain)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._update_summary)
        self.model.modelReset.connect(self._restore_selection)
        self._current: Finding | None = None
        self._loading = False
        self._update_summary()
        self._current_changed(QModelIndex())

    def _update_summary(self) -> None:
        """Counts of what is still open, by severity; explained `confirm` findings are counted apart."""
        findings = self.model.findings
        if not findings:
            self.summary.setText("未发现问题。")
            return
        settled = sum(explained(f) for f in findings)
        counts = [(sev.label, colors.SEVERITY_FG[sev], sum(f.severity is sev and not explained(f) for f in findings))
                  for sev in Severity]
        counts.append((EXPLAINED_LABEL, colors.EXPLAINED_FG, settled))
        parts = [f"<span style='color:{color.name()}'><b>{label} {n}</b></span>" for label, color, n in counts if n]
        self.summary.setText("　".join(parts) + "　（双击一条可定位）")

    def _restore_selection(self) -> None:
        """Keep the same finding selected when the list is rebuilt (e.g. while its explanation is typed)."""
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
        same = f is not None and self._current is not None and f.key == self._current.key
        self._current = f
        is_confirm = f is not None and f.severity is Severity.CONFIRM
        for w in (self.explain_label, self.explain):
            w.setEnabled(is_confirm)
        if not same:  # never reset the text under the user's cursor
            self._loading = True
            self.explain.setPlainText(f.explanation if is_confirm and f else "")
            self._loading = False

    def _save_explanation(self) -> None:
        if self._loading or self._current is None or self._current.severity is not Severity.CONFIRM:
            return
        self.doc.set_explanation(self._current.key, self.explain.toPlainText())

    def _activated(self, index: QModelIndex) -> None:
        f = self.model.data(index, FINDING_ROLE)
        if f is not None:
            self.go_to.emit(f)
