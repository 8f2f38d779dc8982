"""汇总 (issue 11): a superior body adds up its units' reports, in a window beside the report.

The units' files (chosen, a folder, or dropped onto the window) are read, checked and summed by
model.many_reports.aggregate in a worker thread, so the window never freezes on hundreds of files and 取消 stops
between two files. The member table shows the columns of the 汇总 workbook (export.aggregate_xlsx),
so the window and the workbook never disagree on what a member's row says. The sum opens in the main
window as a new unsaved report, or is saved and exported from here; exports reuse ExportActions, the
same worker and 导出完成 message as the report's own exports.
"""

from __future__ import annotations

import dataclasses
import os
import re
import threading
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from export.aggregate_xlsx import MEMBER_HEADERS, member_rows
from model.checks.rules import Severity, title_of
from model.many_reports.aggregate import (
    EXCLUDE_ERRORS_LABEL,
    MEMBER_SUFFIXES,
    Aggregation,
    Member,
    aggregate,
)
from model.many_reports.inputs import read_expected
from model.report.preamble import generate_preamble
from model.report.storage import ReportFileError
from ui import colors
from ui.exporting import ExportResult, file_stem
from ui.host import ReportHost
from ui.tool_window import ToolWindow

Index = QModelIndex | QPersistentModelIndex
MEMBER_FILTER = f"报告文件 ({' '.join('*' + s for s in MEMBER_SUFFIXES)});;所有文件 (*)"
EXPECTED_FILTER = "文本文件 (*.txt);;所有文件 (*)"
#: Names listed in the summary line before the rest is counted (the tooltip has them all).
SUMMARY_NAMES = 30
_NOTE_COLUMN = len(MEMBER_HEADERS) - 1
_STATUS_COLUMN = MEMBER_HEADERS.index("汇总")
_ERRORS_COLUMN = MEMBER_HEADERS.index("错误")
#: Widest a column other than 说明 starts, in widths of “国”: 单位, 文件, then the rest (they wrap).
COLUMN_CAP_EM = (12, 10)
OTHER_CAP_EM = 7
#: 说明 is never narrower than this (a smaller window scrolls sideways rather than squeeze it).
NOTE_MIN_EM = 16


def header_lines(label: str) -> str:
    """A header as shown in two short lines, so the columns of figures stay narrow and 说明 gets the room:
    行政诉讼（未经复议） → 行政诉讼 / （未经复议）, 需说明未说明 → 需说明 / 未说明, 新收申请 → 新收 / 申请."""
    if "（" in label:
        return label.replace("（", "\n（", 1)
    if len(label) >= 4:
        half = len(label) // 2
        return f"{label[:half]}\n{label[half:]}"
    return label


#: One or more administrative divisions at the start of a name: 某某省某某市某某县…
_PLACE = re.compile(r"(?:[^省市州盟县区旗]{1,7}[省市州盟县区旗])+")


def guess_agency(names: Sequence[str]) -> str:
    """The people's government the units belong to, from their names (某某县第001局… → 某某县人民政府);
    "" when their names share no place name. Only a suggestion: the user sees and may change it."""
    names = [n for n in names if n]
    if not names:
        return ""
    place = _PLACE.match(os.path.commonprefix(names))
    return f"{place.group(0)}人民政府" if place else ""


def _names(names: Sequence[str], limit: int | None) -> str:
    if limit is None or len(names) <= limit:
        return "、".join(names)
    return "、".join(names[:limit]) + f" 等 {len(names)} 个"


def summary_text(result: Aggregation, expected_given: bool, limit: int | None = SUMMARY_NAMES) -> str:
    """The line under the member table: what was counted, what was not, who is missing or twice
    (at most `limit` names of each; None: all of them, for the tooltip)."""
    counted, refused = result.counted, result.refused
    parts = [f"汇总年度 {result.report.year} 年" if result.report.year else "汇总年度不详",
             f"计入 {len(counted)} 个单位、未计入 {len(refused)} 个"]
    with_errors = [m for m in counted if m.errors]
    if with_errors:
        parts.append(f"其中 {len(with_errors)} 个单位的报告有错误（已计入，请督促其更正）")
    if result.excluded:
        parts.append(f"统计表有错误、按选择未计入：{_names([m.agency for m in result.excluded], limit)}")
    if result.missing:
        parts.append(f"缺报：{_names(result.missing, limit)}")
    elif expected_given and not result.cancelled:
        parts.append("应报单位均已报送")
    if result.duplicates:
        parts.append(f"重复：{_names(result.duplicates, limit)}")
    unreadable = [m.path.name for m in refused if m.report is None]
    if unreadable:
        parts.append(f"无法读取：{_names(unreadable, limit)}（原因见表中“说明”，或将鼠标停在该行上）")
    if result.unexpected:
        parts.append(f"不在应报单位名单中：{_names(result.unexpected, limit)}")
    text = "；".join(parts) + "。"
    if result.cancelled:
        text = f"汇总已取消，只读取了 {len(result.members)} 个文件，结果不完整，不能使用。" + text
    return text


class MemberTableModel(QAbstractTableModel):
    """One row per member, the columns of the 汇总 workbook; rows not counted are tinted, the reason
    in their tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.members: list[Member] = []
        self.rows: list[list[Any]] = []

    def set_result(self, result: Aggregation | None) -> None:
        self.beginResetModel()
        self.members = list(result.members) if result else []
        self.rows = member_rows(result) if result else []
        self.endResetModel()

    def value(self, row: int, column: int) -> Any:
        """The cell's value as the workbook writes it (numbers as numbers, for sorting)."""
        return self.rows[row][column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(MEMBER_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header_lines(MEMBER_HEADERS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return MEMBER_HEADERS[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        value, member = self.rows[row][col], self.members[row]
        numeric = isinstance(value, (int, Decimal)) and not isinstance(value, bool)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and not member.counted:
            return colors.SEVERITY_BG[Severity.ERROR]
        alarming = (col == _STATUS_COLUMN and not member.counted) or (col == _ERRORS_COLUMN and numeric and value)
        if role == Qt.ItemDataRole.ForegroundRole and alarming:
            return colors.SEVERITY_FG[Severity.ERROR]
        if role == Qt.ItemDataRole.ToolTipRole:
            if not member.counted:
                return f"未计入：{member.problem}"
            if col == _NOTE_COLUMN and member.notices:
                return "\n".join(member.notices)
            if col == 1:
                return str(member.path)
        return None


class MemberSortModel(QSortFilterProxyModel):
    """Sorts by the values themselves: numbers as numbers, blanks first, text by its characters."""

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, MemberTableModel)
        a, b = model.value(left.row(), left.column()), model.value(right.row(), right.column())
        if a is None or b is None:
            return a is None and b is not None
        if isinstance(a, (int, Decimal)) and isinstance(b, (int, Decimal)):
            return a < b
        return str(a) < str(b)


class AggregateWindow(ToolWindow):
    """汇总多个单位的报告: inputs, the run with progress and 取消, the member table, the outputs."""

    def __init__(self, host: ReportHost, parent: QWidget | None = None) -> None:
        super().__init__(host, parent, "aggregate", "汇总多个单位的报告", "汇总时发生意外错误（{kind}：{exc}），请重试。")
        self.result: Aggregation | None = None
        self._expected_given = False
        self._out_folder: Path | None = None
        self._format = host.doc.template  # the format the user works in: its years bound 汇总年度

        layout = QVBoxLayout(self)
        inputs = QHBoxLayout()
        inputs.addWidget(self._sources(), 3)
        inputs.addWidget(self._expected_box(), 2)
        layout.addLayout(inputs)
        layout.addLayout(self._run_row())
        self._progress_widgets()
        row = QHBoxLayout()
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.current_file, 2)
        layout.addLayout(row)

        self.model = MemberTableModel(self)
        self.proxy = MemberSortModel(self)
        self.proxy.setSourceModel(self.model)
        # 未计入 before 计入, the files in their order within each (the proxy's sort is stable)
        self.table = self._result_table("members", self.proxy, _STATUS_COLUMN)
        self.table.setWordWrap(True)  # a long 说明 wraps in its column: read without scrolling sideways
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._open_member_at)
        self.table.setToolTip("双击一行，在主窗口中打开该单位的报告。")
        layout.addWidget(self.table, 1)
        layout.addWidget(self._summary_label("添加各单位的报告后，点“开始汇总”。"))
        self.sum_findings = QListWidget()  # the errors of the summed tables, each naming its members
        self.sum_findings.setObjectName("aggregate-sum-findings")
        self.sum_findings.setWordWrap(True)
        self.sum_findings.setMaximumHeight(self.fontMetrics().height() * 5)
        self.sum_findings.setVisible(False)
        layout.addWidget(self.sum_findings)
        layout.addLayout(self._output_row())
        layout.addWidget(self._message_label())

        self.resize(self.starting_size())  # room for 说明 beside the figures; present() fits a smaller screen
        self._update_buttons()

    # -- building ------------------------------------------------------------------------------------

    def _sources(self) -> QGroupBox:
        return self._sources_box("各单位的报告", 7, "也可把文件或文件夹拖到本窗口。可以读取本程序的报告文件（.json）和导出的工作簿、"
                                 "按官方格式制作的 Excel 表格，以及已发布报告的 Word、网页和文本文件；文件夹中的子文件夹不读取。",
                                 remove=True)

    def _expected_box(self) -> QGroupBox:
        box = QGroupBox("应报单位名单（可选）")
        self.expected = QPlainTextEdit()
        self.expected.setObjectName("aggregate-expected")
        self.expected.setPlaceholderText("每行一个单位名称，可从 Excel 中复制一列粘贴到这里。\n填写后，汇总结果会列出缺报的单位。")
        self.expected.setTabChangesFocus(True)
        self.expected.setFixedHeight(self.fontMetrics().height() * 7)
        buttons = QHBoxLayout()
        buttons.addWidget(self._button("从文本文件载入…", "aggregate-load-expected", self.load_expected_dialog))
        buttons.addStretch(1)
        col = QVBoxLayout(box)
        col.addWidget(self.expected, 1)
        col.addLayout(buttons)
        return box

    def _run_row(self) -> QHBoxLayout:
        self.agency = QLineEdit()
        self.agency.setObjectName("aggregate-agency")
        self.agency.setPlaceholderText("如：某某县人民政府（留空则按各单位名称推测）")
        self.year = QSpinBox()
        self.year.setObjectName("aggregate-year")
        self.year.setRange(self._format.year_min - 1, self._format.year_max)  # the lowest value stands for 自动
        self.year.setSpecialValueText("自动（多数报告的年度）")
        self.year.setSuffix(" 年")
        self.year.setValue(self.year.minimum())
        self.exclude_errors = QCheckBox(EXCLUDE_ERRORS_LABEL)
        self.exclude_errors.setObjectName("aggregate-exclude-errors")
        self.exclude_errors.setToolTip(f"勾选后，统计表有错误（如{title_of('T3-1', '')}）的单位不计入汇总，在表中列为“未计入”并说明原因；"
                                       "不勾选时计入，汇总表中的错误注明由哪些单位引起。")
        self.run_button = self._button("开始汇总", "aggregate-run", self.run)
        self.run_button.setDefault(True)
        self.cancel_button = self._button("取消", "aggregate-cancel", self.cancel)
        row = QHBoxLayout()
        row.addWidget(QLabel("汇总机关："))
        row.addWidget(self.agency, 3)
        row.addWidget(QLabel("汇总年度："))
        row.addWidget(self.year, 1)
        row.addWidget(self.exclude_errors)
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        return row

    def _output_row(self) -> QHBoxLayout:
        self.output_buttons = [
            self._button("打开汇总报告", "aggregate-open-sum", self.open_sum),
            self._button("保存汇总报告…", "aggregate-save", self.save_dialog),
            self._button("导出汇总工作簿…", "aggregate-xlsx", self.export_workbook_dialog),
            self._button("导出汇总统计表 PDF…", "aggregate-pdf", self.export_pdf_dialog),
        ]
        self.output_buttons[0].setToolTip("在主窗口中打开汇总结果（新的未保存报告），补写文字部分后保存、导出。")
        self.output_buttons[2].setToolTip("统计表（可由本程序打开）、各单位情况和各单位对比，一个 Excel 工作簿。")
        row = QHBoxLayout()
        for button in self.output_buttons:
            row.addWidget(button)
        row.addWidget(self.exports.progress_bar)
        row.addStretch(1)
        row.addWidget(self._button("关闭", "aggregate-close", self.close))
        return row

    def starting_size(self) -> QSize:
        """The size the window opens with where the screen has room: 说明 beside the figures."""
        em = self.fontMetrics().horizontalAdvance("国")
        return QSize(em * 100, em * 56)

    def _update_buttons(self) -> None:
        busy = self.running or self.exports.busy
        self.run_button.setEnabled(not busy)
        self.cancel_button.setEnabled(self.running and not self._stop.is_set())
        usable = self._usable() is not None
        for button in self.output_buttons:
            button.setEnabled(usable and not busy)

    # -- inputs --------------------------------------------------------------------------------------

    def add_sources(self, paths: Sequence[str | os.PathLike[str]]) -> int:
        """Add files and folders to the list (each once) and say what is chosen; returns how many were new."""
        added = super().add_sources(paths)
        folders = sum(p.is_dir() for p in self.sources)
        self._say(f"已选择 {folders} 个文件夹、{len(self.sources) - folders} 个文件。")
        return added

    def _start_folder(self) -> str:
        if self.sources:
            last = self.sources[-1]
            return str(last if last.is_dir() else last.parent)
        return str(self.host.doc.path.parent if self.host.doc.path else Path.home())

    def add_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "选择各单位的报告文件", self._start_folder(), MEMBER_FILTER)
        if paths:
            self.add_sources(paths)

    def add_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择存放各单位报告的文件夹", self._start_folder())
        if folder:
            self.add_sources([folder])

    def load_expected_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "载入应报单位名单", self._start_folder(), EXPECTED_FILTER)
        if not path:
            return
        try:
            names = read_expected(path)
        except ReportFileError as exc:
            self._say(f"无法载入应报单位名单：{exc}")
            return
        self.expected.setPlainText("\n".join(names))
        self._say(f"已载入应报单位名单：{len(names)} 个单位。")

    # -- the run -------------------------------------------------------------------------------------

    def run(self) -> bool:
        """Start 汇总 in the worker thread; False (and a message) when one runs or nothing is chosen."""
        if self.running:
            self._say("正在汇总，请等当前汇总完成或取消后再试。")
            return False
        if not self.sources:
            self._say("请先添加各单位的报告文件或存放它们的文件夹。")
            return False
        paths = list(self.sources)
        agency = self.agency.text().strip()
        year = self.year.value() if self.year.value() >= self._format.year_min else None
        expected = self.expected_names()
        self._expected_given = expected is not None
        stop = self._stop = threading.Event()
        self.result = None
        self.model.set_result(None)
        self.summary.setText("正在汇总……")
        self.progress_bar.setRange(0, 0)
        self.current_file.setText("")
        self._set_running(True)

        exclude = self.exclude_errors.isChecked()
        self.sum_findings.clear()
        self.sum_findings.setVisible(False)
        self.worker.start(lambda progress: aggregate(
            paths, agency=agency, year=year, expected=expected, exclude_errors=exclude, cancelled=stop.is_set,
            progress=lambda i, n, p: progress(i, n, p.name)))
        return True

    def cancel(self) -> None:
        """Stop after the file being read; what was read so far is shown, marked incomplete."""
        if self.running:
            self._stop.set()
            self.cancel_button.setEnabled(False)
            self._say("正在取消，读完当前文件后停止……")

    def _set_running(self, running: bool) -> None:
        self.running = running
        self._update_buttons()

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.current_file.setText(f"正在读取：{name}" if done < total else "正在相加……")

    @Slot(object)
    def _finished(self, result: Aggregation) -> None:
        self.result = result
        self._set_running(False)
        self.model.set_result(result)
        self._fit_columns()
        self.summary.setText(summary_text(result, self._expected_given))
        self.summary.setToolTip(summary_text(result, self._expected_given, None))
        self._show_sum_findings(result)
        self.current_file.setText("已取消" if result.cancelled else f"已读取 {len(result.members)} 个文件")
        if not result.members:
            self._say("所选文件夹中没有可以汇总的报告文件（.json、.xlsx、.docx、.html、.txt）。")
        elif result.cancelled:
            self._say("汇总已取消。需要汇总结果时，请重新点“开始汇总”。")
        elif not result.counted:
            self._say("没有可以计入汇总的报告，原因见表中各行的“说明”。")
        elif not self.agency.text().strip():
            guess = guess_agency([m.agency for m in result.counted])
            if guess:
                self.agency.setText(guess)
                self._say(f"汇总机关按各单位名称填为“{guess}”，请核对；可直接修改，不必重新汇总。")
            else:
                self._say("请填写汇总机关名称（本级人民政府），再保存或导出。")
        else:
            self._say("汇总完成。双击一行可打开该单位的报告。")
        self._update_buttons()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._set_running(False)
        self.summary.setText(message)
        self._say(message)

    def _show_sum_findings(self, result: Aggregation) -> None:
        """The errors of the summed tables, each with the members whose own figures cause it."""
        self.sum_findings.clear()
        errors = [f for f in result.table_findings() if f.severity is Severity.ERROR]
        for f in errors:
            item = QListWidgetItem(f"汇总表：{f.text}")
            item.setForeground(colors.SEVERITY_FG[Severity.ERROR])
            item.setToolTip(f.text)
            self.sum_findings.addItem(item)
        self.sum_findings.setVisible(bool(errors) and not result.cancelled)

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        em = self.fontMetrics().horizontalAdvance("国")
        header = self.table.horizontalHeader()
        for col in range(len(MEMBER_HEADERS) - 1):
            cap = COLUMN_CAP_EM[col] if col < len(COLUMN_CAP_EM) else OTHER_CAP_EM
            header.resizeSection(col, min(header.sectionSize(col), em * cap))
        # 说明 takes the room that is left (at least 20 国) and wraps there, rather than running off the right
        others = sum(header.sectionSize(col) for col in range(_NOTE_COLUMN))
        header.resizeSection(_NOTE_COLUMN, max(em * NOTE_MIN_EM, self.table.viewport().width() - others))

    # -- outputs -------------------------------------------------------------------------------------

    def _usable(self) -> Aggregation | None:
        """The finished result the outputs use, with the agency as typed now (it may change after a run)."""
        result = self.result
        if result is None or result.cancelled or not result.counted:
            return None
        agency = self.agency.text().strip()
        if result.report.meta.get("agency") == agency:
            return result
        report = result.report.copy()
        report.meta["agency"] = agency
        report.sections["preamble"] = generate_preamble(report.meta, report.template)
        return dataclasses.replace(result, report=report)

    def open_sum(self) -> bool:
        """The sum in the main window as a new unsaved report, after the question 打开 asks."""
        result = self._usable()
        report = result.report.copy() if result else None
        if result is None or report is None or not self.host.confirm_discard():
            return False
        self.host.doc.replace(report, None)
        self.host.doc.set_modified(True)
        self.host.show_first_page()
        left_out = (f"（未计入统计表有错误的 {len(result.excluded)} 个单位："
                    + "、".join(m.agency for m in result.excluded) + "）") if result.excluded else ""
        self.host.show_message(f"已打开汇总报告（尚未保存）：表二、表三、表四为各单位之和{left_out}，文字部分请本机关撰写。")
        self.host.bring_to_front()
        return True

    def open_member(self, member: Member) -> bool:
        """A member's report in the main window: its file, or, for a document the window cannot open
        (a hand-made workbook, a published report), the report read from it, as a new unsaved one."""
        if member.report is None:
            self._say(f"无法打开“{member.path.name}”：{member.problem}")
            return False
        if not self.host.confirm_discard():
            return False
        if not self.host.load_file(member.path):
            self.host.doc.replace(member.report.copy(), None)
            self.host.doc.set_modified(True)
            self.host.show_message(f"已打开从“{member.path.name}”读取的报告（另存为报告文件后可修改保存）。")
        self.host.show_first_page()
        self.host.bring_to_front()
        return True

    def _open_member_at(self, index: QModelIndex) -> None:
        row = self.proxy.mapToSource(index).row()
        if 0 <= row < len(self.model.members):
            self.open_member(self.model.members[row])

    def _ready(self) -> Aggregation | None:
        """The result to write, or None with the reason said (busy, no result, no agency)."""
        if self.running or self.exports.busy:
            self._say("正在汇总或导出，请稍候再试。")
            return None
        result = self._usable()
        if result is None:
            self._say("还没有可以使用的汇总结果，请先点“开始汇总”。")
            return None
        if not result.report.meta.get("agency"):
            self._say("请先填写汇总机关名称（本级人民政府）。")
            self.agency.setFocus()
            return None
        return result

    def _ask_file(self, title: str, name: str, pattern: str, suffix: str) -> Path | None:
        if self._out_folder is None:
            first = self.sources[0] if self.sources else Path.home()
            self._out_folder = first.parent if first.is_dir() else first.parent.parent
        path, _ = QFileDialog.getSaveFileName(self, title, str(self._out_folder / name), pattern)
        if not path:
            return None
        out = Path(path)
        out = out if out.suffix.lower() == suffix else out.with_name(out.name + suffix)
        self._out_folder = out.parent
        return out

    def save_dialog(self) -> None:
        result = self._ready()
        if result is None:
            return
        path = self._ask_file("保存汇总报告", file_stem(result.report) + ".json", "年度报告文件 (*.json)", ".json")
        if path is None:
            return
        report = result.report.copy()

        def job() -> ExportResult:
            from export.errors import ExportError
            from model.report.storage import save

            try:
                save(report, path)
            except ReportFileError as exc:
                raise ExportError(str(exc)) from None
            return ExportResult([path])

        self.exports.start(f"保存“{path.name}”", job, lambda _r: self._say(
            f"已保存汇总报告“{path.name}”（位于 {path.parent}）。可用“打开”在主窗口中继续编辑。"))

    def export_workbook_dialog(self) -> None:
        result = self._ready()
        if result is None:
            return
        path = self._ask_file("导出汇总工作簿", file_stem(result.report) + "（汇总）.xlsx",
                              "Excel 工作簿 (*.xlsx)", ".xlsx")
        if path is None:
            return

        def job() -> ExportResult:
            from export.aggregate_xlsx import write_aggregation_workbook

            write_aggregation_workbook(result, path, draft=result.draft)  # as the PDF: model.many_reports.aggregate decides
            return ExportResult([path])

        self.exports.start(f"导出“{path.name}”", job)

    def export_pdf_dialog(self) -> None:
        result = self._ready()
        if result is None:
            return
        draft = result.draft  # decided in model.many_reports.aggregate, as for `main.py aggregate --pdf`
        path = self._ask_file("导出汇总统计表 PDF", file_stem(result.report, draft=draft) + "统计表.pdf",
                              "PDF 文件 (*.pdf)", ".pdf")
        if path is None:
            return
        report, note = result.report.copy(), result.excluded_note()

        def job() -> ExportResult:
            from export.pdf import write_pdf

            written = write_pdf(report, path, draft=draft, tables_only=True, note=note)
            return ExportResult([path], set(written.missing_chars), draft)

        self.exports.start(f"导出“{path.name}”", job)


__all__ = ["AggregateWindow", "MemberTableModel", "guess_agency", "summary_text"]
