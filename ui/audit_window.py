"""年报质量检查 (issue 19): a superior checks every unit's published report in one run, in a window beside
the report.

The files (chosen, a folder, or dropped onto the window), last year's folder and the expected units are
read and checked by model.many_reports.audit in the worker thread (which reads in worker processes when there are
many), so the window never freezes and 取消 stops soon. The units table is ranked worst first and sorts
by any column; the findings of the selected unit are listed below it; a double-click opens that report
in the wizard at the finding, as an imported report: unsaved and without a file, so the published file
is never written over. 导出结果 writes the workbook and the 通报 PDF in the background.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from model.checks.rules import Finding, Severity
from model.many_reports.audit import AUDIT_SUFFIXES, Audit, AuditDocument, key_figures, part_of, place_of, run_audit
from ui import colors
from ui.exporting import ExportResult
from ui.host import ReportHost
from ui.tool_window import ToolWindow

Index = QModelIndex | QPersistentModelIndex
INPUT_FILTER = f"年度报告 ({' '.join('*' + s for s in AUDIT_SUFFIXES)});;所有文件 (*)"
EXPECTED_FILTER = "文本文件 (*.txt);;所有文件 (*)"
#: The units table: (header, what it shows). Ratios show as percentages and sort as numbers.
UNIT_COLUMNS = ("排名", "单位", "年度", "错误", "需说明", "提醒", "公开率", "结转率", "逾期天数", "文件")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1%}"


class UnitTableModel(QAbstractTableModel):
    """One row per unit, in the ranked order of model.many_reports.audit; the proxy sorts by SORT_ROLE."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.units: list[AuditDocument] = []
        self.rows: list[list[Any]] = []

    def set_result(self, result: Audit | None) -> None:
        self.beginResetModel()
        self.units = result.units if result is not None else []
        self.rows = []
        for rank, u in enumerate(self.units, start=1):
            kf = key_figures(u)
            self.rows.append([rank, u.agency or "（未写明单位）", u.year, u.errors, u.confirms, u.warnings,
                              kf.open_rate, kf.carry_rate, kf.days_late, u.path.name])
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(UNIT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return UNIT_COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        header = UNIT_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if header in ("公开率", "结转率"):
                return _percent(value)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            return -1 if value is None else value
        if role == Qt.ItemDataRole.ForegroundRole and header == "错误" and value:
            return colors.SEVERITY_FG[Severity.ERROR]
        if role == Qt.ItemDataRole.TextAlignmentRole and header not in ("单位", "文件"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(self.units[index.row()].path)
        return None


class AuditWindow(ToolWindow):
    """年报质量检查: inputs, the run with progress and 取消, the ranked units, their findings, 导出结果."""

    def __init__(self, host: ReportHost, parent: QWidget | None = None) -> None:
        super().__init__(host, parent, "audit", "年报质量检查", "检查时发生意外错误（{kind}：{exc}），请重试。")
        self.result: Audit | None = None

        layout = QVBoxLayout(self)
        inputs = QHBoxLayout()
        inputs.addWidget(self._sources(), 3)
        inputs.addWidget(self._options_box(), 2)
        layout.addLayout(inputs)
        row = QHBoxLayout()
        self.run_button = self._button("开始检查", "audit-run", self.run)
        self.run_button.setDefault(True)
        self.cancel_button = self._button("取消", "audit-cancel", self.cancel)
        self._progress_widgets()
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.current_file, 2)
        layout.addLayout(row)

        self.model = UnitTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._result_table("units", self.proxy, 0)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_findings())
        self.table.doubleClicked.connect(lambda _i: self.open_unit())
        self.table.setToolTip("单击一行查看该单位的问题；双击在主窗口中打开该单位的报告。点列标题排序。")
        self.findings = QListWidget()
        self.findings.setObjectName("audit-findings")
        self.findings.setWordWrap(True)
        self.findings.itemDoubleClicked.connect(lambda item: self.open_unit(item.data(Qt.ItemDataRole.UserRole)))
        self.findings.setToolTip("双击一条，在主窗口中打开该单位的报告并定位到这一处。")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        below = QWidget()
        col = QVBoxLayout(below)
        col.setContentsMargins(0, 0, 0, 0)
        self.findings_title = QLabel("所选单位的问题")
        col.addWidget(self.findings_title)
        col.addWidget(self.findings, 1)
        split.addWidget(below)
        split.setSizes([300, 220])
        layout.addWidget(split, 1)
        layout.addWidget(self._summary_label("添加各单位已发布的报告（文件或文件夹）后，点“开始检查”。"))
        out = QHBoxLayout()
        self.export_button = self._button("导出结果…", "audit-export", self.export_dialog)
        self.export_button.setToolTip("写出检查结果工作簿（总览、问题清单、各单位数据）和同名的通报 PDF。")
        out.addWidget(self.export_button)
        out.addWidget(self.exports.progress_bar)
        out.addStretch(1)
        out.addWidget(self._button("关闭", "audit-close", self.close))
        layout.addLayout(out)
        layout.addWidget(self._message_label())
        em = self.fontMetrics().horizontalAdvance("国")
        self.resize(em * 90, em * 56)
        self._update_buttons()

    # -- building ------------------------------------------------------------------------------------

    def _sources(self) -> QGroupBox:
        return self._sources_box("各单位已发布的报告", 6, "也可把文件或文件夹拖到本窗口。读取网页（.html）、Word 文档（.docx）、"
                                 "有文字的 PDF、文本（.txt、.md）、Excel 工作簿和报告文件；文件夹中的子文件夹也读取。")

    def _options_box(self) -> QGroupBox:
        box = QGroupBox("可选")
        self.prior_dir = QLineEdit()
        self.prior_dir.setObjectName("audit-prior-dir")
        self.prior_dir.setPlaceholderText("上年度报告所在的文件夹（用于跨年度核对）")
        prior_row = QHBoxLayout()
        prior_row.addWidget(self.prior_dir, 1)
        prior_row.addWidget(self._button("选择…", "audit-choose-prior", self.choose_prior_dialog))
        self.expected = QPlainTextEdit()
        self.expected.setObjectName("audit-expected")
        self.expected.setPlaceholderText("应报单位名单：每行一个单位名称，可从 Excel 复制一列粘贴。填写后列出未报送的单位。")
        self.expected.setTabChangesFocus(True)
        self.expected.setFixedHeight(self.fontMetrics().height() * 4)
        col = QVBoxLayout(box)
        col.addLayout(prior_row)
        col.addWidget(self.expected)
        col.addWidget(self._button("从文本文件载入名单…", "audit-load-expected", self.load_expected_dialog))
        return box

    def _update_buttons(self) -> None:
        self.run_button.setEnabled(not self.running)
        self.cancel_button.setEnabled(self.running and not self._stop.is_set())
        usable = self.result is not None and not self.result.cancelled
        self.export_button.setEnabled(usable and not self.running and not self.exports.busy)

    # -- inputs --------------------------------------------------------------------------------------

    def add_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "添加各单位的报告", "", INPUT_FILTER)
        self.add_sources(paths)

    def add_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "添加存放报告的文件夹")
        if folder:
            self.add_sources([folder])

    def choose_prior_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择上年度报告所在的文件夹")
        if folder:
            self.prior_dir.setText(folder)

    def load_expected_dialog(self) -> None:
        from model.many_reports.inputs import read_expected
        from model.report.storage import ReportFileError

        path, _ = QFileDialog.getOpenFileName(self, "载入应报单位名单", "", EXPECTED_FILTER)
        if not path:
            return
        try:
            self.expected.setPlainText("\n".join(read_expected(path)))
        except ReportFileError as exc:
            self._say(f"无法读取应报单位名单：{exc}")

    def _dropped(self, paths: list[str]) -> None:
        self._say(f"已添加 {self.add_sources(paths)} 项。")

    # -- the run -------------------------------------------------------------------------------------

    def run(self) -> bool:
        """Start the check in the worker thread; False (and a message) when one runs or nothing is chosen."""
        if self.running:
            return False
        if not self.sources:
            self._say("请先添加各单位的报告文件或存放它们的文件夹。")
            return False
        prior = self.prior_dir.text().strip() or None
        if prior and not Path(prior).is_dir():
            self._say(f"找不到上年度报告文件夹“{prior}”。")
            return False
        paths, expected = list(self.sources), self.expected_names()
        stop = self._stop = threading.Event()
        self.result = None
        self.model.set_result(None)
        self.findings.clear()
        self.summary.setText("正在检查……")
        self.progress_bar.setRange(0, 0)
        self.running = True
        self._update_buttons()
        self.worker.start(lambda progress: run_audit(paths, prior_dir=prior, expected=expected,
                                                     progress=progress, cancelled=stop.is_set))
        return True

    def cancel(self) -> None:
        if self.running:
            self._stop.set()
            self._update_buttons()
            self._say("正在取消……")

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.current_file.setText(f"已读取：{name}" if name else "")

    @Slot(object)
    def _finished(self, result: Audit) -> None:
        self.running = False
        self.result = result
        self.model.set_result(result)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        self.summary.setText(summary_text(result))
        self.current_file.setText("已取消" if result.cancelled else f"已读取 {len(result.documents)} 个文件")
        if result.cancelled:
            self._say("检查已取消，结果不完整。需要结果时请重新点“开始检查”。")
        elif result.units:
            self.table.selectRow(0)
            self._say("检查完成。单击一个单位查看问题，双击在主窗口中打开其报告。")
        else:
            self._say("没有读到可以检查的报告。")
        self._update_buttons()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.running = False
        self.summary.setText(message)
        self._say(message)
        self._update_buttons()

    # -- the selected unit ---------------------------------------------------------------------------

    def selected_unit(self) -> AuditDocument | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.mapToSource(index).row()
        return self.model.units[row] if 0 <= row < len(self.model.units) else None

    def _show_findings(self) -> None:
        self.findings.clear()
        unit = self.selected_unit()
        if unit is None:
            return
        self.findings_title.setText(f"{unit.agency or unit.path.name}的问题（{len(unit.findings)} 条）")
        for f in unit.findings:
            where = place_of(f, unit.report)
            text = f"【{f.severity.label}】{part_of(f)}：{f.text}"
            if f.location.quote:
                text += f"\n    原文：{f.location.quote}"
            item = QListWidgetItem(text)
            item.setForeground(colors.SEVERITY_FG[f.severity])
            item.setToolTip(f"位置：{where}" if where else "")
            item.setData(Qt.ItemDataRole.UserRole, f)
            self.findings.addItem(item)
        if not unit.findings:
            self.findings.addItem("未发现问题。")

    def open_unit(self, finding: Finding | None = None) -> bool:
        """The selected unit's report in the main window, as an imported report (unsaved, without a file:
        保存 asks for a new name, the published file is never written over), at `finding` (or its first)."""
        unit = self.selected_unit()
        if unit is None or unit.report is None or not self.host.confirm_discard():
            return False
        self.host.doc.replace(unit.report.copy(), None)
        self.host.doc.set_prior(unit.prior.report.copy() if unit.prior and unit.prior.report else None)
        self.host.doc.set_modified(True)
        self.host.doc.set_read_only(True)  # as published: read-only until saved as a report file elsewhere
        target = finding if isinstance(finding, Finding) else (unit.findings[0] if unit.findings else None)
        if target is not None:
            self.host.go_to_finding(target)
        else:
            self.host.show_first_page()
        self.host.show_message(f"已打开从“{unit.path.name}”读取的报告（只读；原文件不会被改动，"
                               "如需修改请先另存为报告文件）。")
        self.host.bring_to_front()
        return True

    # -- outputs -------------------------------------------------------------------------------------

    def export_dialog(self) -> None:
        result = self.result
        if result is None or result.cancelled or self.running:
            self._say("还没有完整的检查结果，请先点“开始检查”。")
            return
        first = self.sources[0] if self.sources else Path.home()
        folder = first if first.is_dir() else first.parent
        path, _ = QFileDialog.getSaveFileName(self, "导出检查结果", str(folder.parent / "年报质量检查结果.xlsx"),
                                              "Excel 工作簿 (*.xlsx)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Write the workbook at `path` and the 通报 PDF beside it, in the background."""
        result = self.result
        if result is None:
            return False
        xlsx = path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")
        pdf = xlsx.with_suffix(".pdf")

        def job() -> ExportResult:
            from export.audit_pdf import write_audit_pdf
            from export.audit_xlsx import write_audit_workbook

            write_audit_workbook(result, xlsx)
            written = write_audit_pdf(result, pdf)
            return ExportResult([xlsx, pdf], set(written.missing_chars))

        return self.exports.start(f"导出“{xlsx.name}”", job)


def summary_text(result: Audit) -> str:
    """One paragraph under the table: how many units, how many with errors, what was not read."""
    units = result.units
    parts = [f"检查了 {len(units)} 个单位的报告，其中 {sum(1 for u in units if u.errors)} 个有错误、"
             f"{sum(1 for u in units if not u.errors and u.confirms)} 个有需说明的事项。"]
    if result.cancelled:
        parts.insert(0, "检查已取消，结果不完整。")
    if result.missing:
        parts.append(f"未报送：{'、'.join(result.missing)}。")
    if result.unreadable:
        parts.append("未能读取：" + "；".join(f"{d.path.name}（{d.reason}）" for d in result.unreadable) + "。")
    if result.duplicates:
        parts.append("重复（只计一次）：" + "、".join(d.path.name for d in result.duplicates) + "。")
    return "".join(parts)


__all__ = ["AuditWindow", "UnitTableModel", "summary_text"]
