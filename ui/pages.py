"""The wizard's pages, generated from the report's format: 基本信息, the six sections, 校验与导出."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QDate, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from model.checks.rules import Severity, title_of
from model.template.types import MetaField, Section, Table
from ui import colors
from ui.document import ReportDocument
from ui.findings_panel import FindingsPanel
from ui.text_spans import utf16_offsets

if TYPE_CHECKING:  # the table editors are imported when the first table page is built
    from ui.table_model import ReportTableModel
    from ui.table_view import SpreadsheetView

_MESSAGE_STYLE = "color:#b3261e; padding:2px;"
_NOTICE_STYLE = "color:#1f4e79; padding:2px;"
INFO_PAGE_TITLE = "基本信息"
REVIEW_PAGE_TITLE = "校验与导出"


class TextEditor(QPlainTextEdit):
    """A section's editor that refuses a paste the report file could not hold (model.report.storage.MAX_FILE_BYTES):
    saved, it could never be opened again. `refused` carries the reason for the status bar."""

    refused = Signal(str)

    def __init__(self, doc: ReportDocument, key: str) -> None:
        super().__init__()
        self.doc = doc
        self.key = key

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        cursor = self.textCursor()  # the text as it would be: the selection replaced by what is pasted
        units = self.toPlainText().encode("utf-16-le", "surrogatepass")
        start, end = 2 * cursor.selectionStart(), 2 * cursor.selectionEnd()
        text = (units[:start] + source.text().encode("utf-16-le", "surrogatepass") + units[end:]).decode(
            "utf-16-le", "surrogatepass")
        problem = self.doc.text_problem(self.key, text)
        if problem:
            self.refused.emit(f"未粘贴：{problem}")
            return
        super().insertFromMimeData(source)


def _text_editor(doc: ReportDocument, key: str) -> TextEditor:
    edit = TextEditor(doc, key)
    edit.setObjectName(f"text-{key}")
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    edit.setTabChangesFocus(True)  # Tab moves on to the next control; the text needs no tab characters
    font = edit.font()
    font.setPointSizeF(max(font.pointSizeF(), 10.5) * 1.15)
    edit.setFont(font)
    return edit


def mark_spans(editor: QPlainTextEdit, findings: list, text: str) -> None:  # type: ignore[type-arg]
    """Highlight each finding's span in the editor, whose content is `text` (the section as the document
    holds it: copying a long text out of the editor for every mark would take a while)."""
    spans = [f.location.span for f in findings if f.location.span is not None and f.location.span[1] <= len(text)]
    units = utf16_offsets(text, (offset for span in spans for offset in span))
    selections = []
    for f in findings:
        span = f.location.span
        if span is None or span[1] > len(text):
            continue
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(editor.document())
        cursor.setPosition(units[span[0]])
        cursor.setPosition(units[span[1]], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format.setBackground(colors.SEVERITY_BG.get(f.severity, colors.SEVERITY_BG[Severity.WARNING]))
        selection.format.setToolTip(f.message)
        selections.append(selection)
    editor.setExtraSelections(selections)


class InfoPage(QWizardPage):
    """基本信息: the basic-information fields of the report's format, and the preamble generated from them."""

    aggregate_requested = Signal()  # 汇总 starts here too: a superior body's first step is adding up

    def __init__(self, doc: ReportDocument) -> None:
        super().__init__()
        self.doc = doc
        self.setTitle(INFO_PAGE_TITLE)
        self.setSubTitle("带 * 的为必填项。报告前言根据基本信息自动生成，也可直接修改。")
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        self.fields = doc.template.meta_fields
        for f in self.fields:
            w = self._make_field(f)
            w.setObjectName(f"meta-{f.key}")
            self.widgets[f.key] = w
            form.addRow(f.label + (" *" if f.required else ""), w)
        self.registerField("agency*", self.widgets["agency"])
        self.date_message = QLabel()
        self.date_message.setStyleSheet(_MESSAGE_STYLE)
        form.addRow("", self.date_message)
        self.next_hint = QLabel()  # why 下一步 is disabled, when it is
        self.next_hint.setObjectName("next-hint")
        self.next_hint.setStyleSheet(_NOTICE_STYLE)
        form.addRow("", self.next_hint)
        self.completeChanged.connect(self._explain_next)
        aggregate = QPushButton("汇总多个单位的报告…")
        aggregate.setObjectName("open-aggregate")
        aggregate.setToolTip("上级机关（如县、市人民政府）把所属各单位的报告相加，得到本级的汇总报告。")
        aggregate.clicked.connect(self.aggregate_requested)
        aggregate_row = QHBoxLayout()
        aggregate_row.addWidget(aggregate)
        aggregate_row.addStretch(1)
        form.addRow("", aggregate_row)

        self.preamble = _text_editor(doc, "preamble")
        self.preamble.textChanged.connect(lambda: doc.set_text("preamble", self.preamble.toPlainText()))
        regenerate = QPushButton("按基本信息重新生成前言")
        regenerate.clicked.connect(doc.regenerate_preamble)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(QLabel(f"<b>{doc.template.preamble_label}</b>"))
        row.addStretch(1)
        row.addWidget(regenerate)
        layout.addLayout(row)
        layout.addWidget(self.preamble, 1)
        doc.path_changed.connect(self.load)
        doc.meta_changed.connect(self.load_preamble)
        # Marked when the findings are new, not per keystroke: the marks' cursors follow the typing meanwhile.
        doc.findings_changed.connect(self._mark_findings)
        self.load()

    def _mark_findings(self) -> None:
        mark_spans(self.preamble, [f for f in self.doc.findings if f.location.section == "preamble"],
                   self.doc.report.text("preamble"))

    def _make_field(self, f: MetaField) -> QWidget:
        if f.kind == "choice":
            combo = QComboBox()
            if not f.required:
                combo.addItem("（未选择）", "")
            for value, label in f.choices:
                combo.addItem(label, value)
            combo.currentIndexChanged.connect(lambda _i, k=f.key, c=combo: self._store(k, c.currentData()))
            return combo
        if f.kind == "year":
            spin = QSpinBox()
            first = self.doc.template.year_min
            spin.setRange(first - 1, self.doc.template.year_max)  # the lowest value stands for 未填写
            spin.setSpecialValueText("（未填写）")
            spin.setSuffix(" 年")
            spin.valueChanged.connect(lambda v, k=f.key: self._store(k, int(v) if v >= first else None))
            return spin
        edit = QLineEdit()
        edit.setPlaceholderText(f.hint)
        if f.kind == "date":
            edit.textChanged.connect(lambda t, k=f.key: self._store_date(k, t))
        else:
            edit.textChanged.connect(lambda t, k=f.key: self._store(k, t.strip()))
        return edit

    def _store(self, key: str, value: object) -> None:
        if not self._loading:
            self.doc.set_meta(key, value)

    def _store_date(self, key: str, text: str) -> None:
        text = text.strip()
        m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", text)
        if text and (not m or not QDate(int(m[1]), int(m[2]), int(m[3])).isValid()):
            self.date_message.setText("发布日期应为“年-月-日”，如 2023-01-20。")
            return
        self.date_message.setText("")
        value = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else ""
        self._store(key, value)

    _loading = False

    def load(self) -> None:
        """Show the report's basic information (after 打开/新建, or a change made elsewhere)."""
        self._loading = True
        try:
            meta = self.doc.report.meta
            for f in self.fields:
                w = self.widgets[f.key]
                v = meta.get(f.key)
                if isinstance(w, QComboBox):
                    i = w.findData(v if v is not None else "")
                    w.setCurrentIndex(max(i, 0))
                elif isinstance(w, QSpinBox):
                    w.setValue(v if isinstance(v, int) else w.minimum())
                elif isinstance(w, QLineEdit):
                    w.setText(str(v or ""))
            self.date_message.setText("")
        finally:
            self._loading = False
        self.load_preamble()

    def _explain_next(self) -> None:
        missing = [f.label for f in self.fields if f.key == "agency" and not self.doc.report.meta.get(f.key)]
        self.next_hint.setText(f"填写{'、'.join(missing)}后才能进入下一步。" if missing else "")

    def initializePage(self) -> None:
        self._explain_next()

    def load_preamble(self) -> None:
        text = self.doc.report.text("preamble")
        if self.preamble.toPlainText() != text:
            self.preamble.setPlainText(text)
            self._mark_findings()


_NOT_SHOWN = object()  # TextPage._prior_shown before its first _show_prior
W = TypeVar("W")


class Part(Generic[W]):
    """A part of a page made on demand: reading it makes the page's content first (`OnDemandPage.build`)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.attr = f"_{name}"

    def __get__(self, page: OnDemandPage | None, owner: type | None = None) -> W:
        if page is None:
            return self  # type: ignore[return-value]  # the class attribute itself
        page.build()
        return getattr(page, self.attr)


class OnDemandPage(QWizardPage):
    """A page whose content is made when it is first needed, shown or one of its `Part`s read: the program's
    start builds only the first page (the table pages do the same, following the report's format too)."""

    def __init__(self) -> None:
        super().__init__()
        self._made = False

    @property
    def built(self) -> bool:
        return self._made

    def build(self) -> None:
        """Make the page's content, unless it is made already."""
        if not self._made:
            self._made = True
            self.make()

    def make(self) -> None:
        """Make the content (once, from `build`)."""
        raise NotImplementedError

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.build()
        super().showEvent(event)


class TextPage(OnDemandPage):
    """A narrative section: the editor, the format's guidance and a checklist ticked from the text.

    Its content is made when the page is first needed (OnDemandPage). `message` carries a paste the
    editor refused.
    """

    message = Signal(str)
    editor: Part[TextEditor] = Part()
    checklist: Part[QListWidget] = Part()
    prior_pane: Part[QWidget] = Part()  # last year's text beside the editor, hidden while none is loaded
    prior_text: Part[QPlainTextEdit] = Part()
    prior_title: Part[QLabel] = Part()

    def __init__(self, doc: ReportDocument, section: Section, *, lazy: bool = False) -> None:
        super().__init__()
        self.doc = doc
        self.section = section
        self.setTitle(section.heading)
        self.setSubTitle("请逐项填写。右侧为格式要求和应涵盖的内容，写到的内容会自动勾选。")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if not lazy:
            self.build()

    def make(self) -> None:
        doc, section = self.doc, self.section
        self._editor = _text_editor(doc, section.key)
        self._editor.setReadOnly(doc.read_only)  # made after the report was opened read-only: follow it
        self._editor.setPlaceholderText("在此输入本部分内容。每段一行；小标题单独成行，如“（一）主动公开”。")
        self._editor.textChanged.connect(self._changed)
        self._editor.refused.connect(self.message)
        guidance = QLabel(section.guidance)
        guidance.setWordWrap(True)
        guidance.setObjectName(f"guidance-{section.key}")
        self._checklist = QListWidget()
        self._checklist.setObjectName(f"checklist-{section.key}")
        self._checklist.setWordWrap(True)
        for item in section.checklist:
            li = QListWidgetItem(item.label)
            li.setFlags(Qt.ItemFlag.ItemIsEnabled)
            li.setCheckState(Qt.CheckState.Unchecked)
            self._checklist.addItem(li)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel("<b>格式要求</b>"))
        side_layout.addWidget(guidance)
        side_layout.addWidget(QLabel("<b>应涵盖的内容</b>"))
        side_layout.addWidget(self._checklist, 1)
        if section.key == "s6":
            insert = QPushButton("插入七个小标题")
            insert.setToolTip("在文末插入第六部分常用的七个小标题，逐项填写，没有的写“无”。")
            insert.clicked.connect(self._insert_s6_items)
            side_layout.addWidget(insert)
        self._prior_pane = self._prior_pane_of(section)
        split = QSplitter()
        split.addWidget(self._editor)
        split.addWidget(self._prior_pane)
        split.addWidget(side)
        split.setStretchFactor(0, 3)  # the writing area is the larger part, the guidance the smaller
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 1)
        split.setSizes([750, 500, 250])
        split.setChildrenCollapsible(False)
        split.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        doc.path_changed.connect(self.load)
        doc.meta_changed.connect(self._tick)  # the kind of body decides some checklist items
        # Marked when the findings are new, not per keystroke: the marks' cursors follow the typing meanwhile.
        doc.findings_changed.connect(self._mark_findings)
        doc.changed.connect(self._show_prior)  # set_prior emits changed: last year's text follows it
        self._prior_shown: object = _NOT_SHOWN  # so the first call hides the pane when there is no prior
        self.load()
        self._show_prior()

    def _prior_pane_of(self, section: Section) -> QWidget:
        """Last year's text of this section, read-only, beside the editor: to copy from, not to keep."""
        self._prior_text = QPlainTextEdit()
        self._prior_text.setObjectName(f"prior-text-{section.key}")
        self._prior_text.setReadOnly(True)
        self._prior_text.setProperty("read_only_by_design", True)  # the window's read-only state never unlocks it
        self._prior_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._prior_text.setStyleSheet("QPlainTextEdit { background: #f5f5f5; color: #3c4043; }")
        self._prior_title = QLabel()
        self._prior_title.setWordWrap(True)
        pane = QWidget()
        col = QVBoxLayout(pane)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self._prior_title)
        col.addWidget(self._prior_text, 1)
        return pane

    def _show_prior(self) -> None:
        """Show last year's report's text of this section when one is loaded (hidden otherwise)."""
        prior = self.doc.prior
        if prior is self._prior_shown:
            return
        self._prior_shown = prior
        self._prior_pane.setVisible(prior is not None)
        if prior is None:
            self._prior_text.clear()
            return
        year = f"{prior.year} 年度" if prior.year else "上年度"
        text = prior.text(self.section.key)
        self._prior_title.setText(f"<b>{year}报告的本部分</b>（只读，可复制）")
        hint = f"可选中后复制（Ctrl+C）。请按本年度的情况改写，照搬的段落会被提示“{title_of('G7', '')}”。"
        self._prior_title.setToolTip(hint)
        self._prior_text.setToolTip(hint)
        self._prior_text.setPlainText(text)
        self._prior_text.setPlaceholderText("上年度报告的本部分没有内容。")

    def initializePage(self) -> None:
        self.build()
        QTimer.singleShot(0, self.editor.setFocus)

    def _mark_findings(self) -> None:
        """Underline the sentences that findings quote (e.g. a figure that differs from the tables)."""
        key = self.section.key
        mark_spans(self.editor, [f for f in self.doc.findings if f.location.section == key], self.doc.report.text(key))

    def load(self) -> None:
        text = self.doc.report.text(self.section.key)
        if self.editor.toPlainText() != text:
            self.editor.setPlainText(text)
            self._mark_findings()
        self._tick()

    def _changed(self) -> None:
        text = self.editor.toPlainText()  # once per keystroke: a long text takes a while to copy out
        self.doc.set_text(self.section.key, text)
        self._tick(text)

    def _tick(self, text: str | None = None) -> None:
        text = self.editor.toPlainText() if text is None else text
        kind = self.doc.report.meta.get("agency_kind")
        for i, item in enumerate(self.section.checklist):
            done = any(k in text for k in item.keywords)
            widget_item = self._checklist.item(i)
            widget_item.setHidden(bool(item.kinds) and kind not in item.kinds)
            widget_item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)

    def _insert_s6_items(self) -> None:
        text = self.editor.toPlainText().rstrip()
        missing = [h for h in self.doc.template.s6_items if h not in text]
        block = "\n".join(f"{h}\n无" for h in missing)
        self.editor.setPlainText((text + "\n" if text else "") + block)


class PageMessage(QLabel):
    """A page's own status line: one or two lines high whatever the text (the table keeps its room),
    the whole text in the tooltip, errors in red and other messages plain, gone after a while."""

    SHOWN_MS = 12000

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setWordWrap(True)
        height = 2 * self.fontMetrics().lineSpacing() + 6
        self.setFixedHeight(height)  # always two lines: a message appearing never moves the table
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.show_text(""))

    def show_text(self, text: str, error: bool = False) -> None:
        self.setStyleSheet(_MESSAGE_STYLE if error else _NOTICE_STYLE)
        self.setText(text)
        self.setToolTip(text)
        self.setProperty("error", error)
        if text:
            self._timer.start(self.SHOWN_MS)


class TablePage(QWizardPage):
    """Tables 二、三、四: the official layout as an editable spreadsheet.

    The editor is made from the format of the report shown (`doc.template`), when the page is first
    needed (shown, or its `model`/`view` asked for): start-up builds only the first page. It is made
    again when a report of another format is opened, so a format with one more row shows that row.
    """

    message = Signal(str)

    def __init__(self, doc: ReportDocument, section: Section, *, lazy: bool = False) -> None:
        super().__init__()
        assert section.table is not None
        self.doc = doc
        self.section = section
        self.table_key = section.table
        self.setTitle(section.heading)
        self.setSubTitle("直接输入数字，回车下移、Tab 右移；可从 Excel/WPS 复制整块粘贴（Ctrl+V）。"
                         "灰色单元格为自动计算的合计数。没有发生的事项填 0，不要留空。")
        self._model: ReportTableModel | None = None
        self._view: SpreadsheetView | None = None
        self._format: object = None  # the template the editor was made from
        self.message_label = PageMessage(f"message-{self.table_key}")
        zero = QPushButton("空白单元格填 0")
        zero.setObjectName(f"zero-{self.table_key}")
        zero.setToolTip("把本表中尚未填写的单元格全部填为 0（可撤销）。")
        zero.clicked.connect(lambda: self.model.fill_blank_with_zero())
        bar = QHBoxLayout()
        bar.addWidget(self.message_label, 1)
        bar.addWidget(zero)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(bar)
        doc.template_changed.connect(self._follow_format)
        if not lazy:
            self.build()

    @property
    def model(self) -> ReportTableModel:
        self.build()
        assert self._model is not None
        return self._model

    @property
    def view(self) -> SpreadsheetView:
        self.build()
        assert self._view is not None
        return self._view

    @property
    def table(self) -> Table:
        """The table of the report's format this page edits."""
        return self.model.table

    @property
    def built(self) -> bool:
        return self._view is not None

    def build(self) -> None:
        """Make the editor for the report's format, unless it is made for it already."""
        if self._format is self.doc.template:
            return
        if self._view is not None:  # a report of another format: the old editor goes
            self._layout.removeWidget(self._view)
            self._view.setObjectName("")  # findChild by name must not find the old one before it goes
            self._view.deleteLater()
            assert self._model is not None
            self.doc.values_changed.disconnect(self._model.refresh)
            self._model.deleteLater()
        from ui.table_model import ReportTableModel
        from ui.table_view import SpreadsheetView

        self._format = self.doc.template
        self.section = next((s for s in self._format.sections if s.key == self.section.key), self.section)
        self.setTitle(self.section.heading)
        self._model = ReportTableModel(self.doc, self.table_key)
        self._model.setParent(self)
        self._view = SpreadsheetView(self._model, f"table-{self.table_key}")
        self._model.message.connect(self.show_message)
        self._model.notice.connect(self.show_notice)
        self._layout.insertWidget(0, self._view, 1)

    def _follow_format(self) -> None:
        if self.built:
            self.build()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.build()
        super().showEvent(event)

    def initializePage(self) -> None:  # keyboard users start typing numbers right away
        self.build()
        QTimer.singleShot(0, self.view.setFocus)

    def show_message(self, text: str) -> None:
        """A refusal: in the error colour, on this page, until the next message or a few seconds pass."""
        self.message_label.show_text(text, error=True)
        self.message.emit(text)

    def show_notice(self, text: str) -> None:
        """What was done: plainly, never in the error colour."""
        self.message_label.show_text(text, error=False)
        self.message.emit(text)

    def cleanupPage(self) -> None:  # leaving the page: its messages go with it
        self.message_label.show_text("")


class ReviewPage(OnDemandPage):
    """校验与导出: whether the report is ready, and the complete list of findings.

    Its content is made when the page is first needed (OnDemandPage); `go_to` passes on a double-clicked
    finding of its list.
    """

    go_to = Signal(object)  # a Finding
    details: Part[FindingsPanel] = Part()
    status: Part[QLabel] = Part()

    def __init__(self, doc: ReportDocument, *, lazy: bool = False) -> None:
        super().__init__()
        self.doc = doc
        self.setTitle(REVIEW_PAGE_TITLE)
        self.setSubTitle("报送前请确认没有“错误”，并对“需说明”的事项写明原因。")
        self._export_actions = None  # ui.exporting.ExportActions, once the window has them
        if not lazy:
            self.build()

    def make(self) -> None:
        doc = self.doc
        self._status = QLabel()
        self._status.setObjectName("review-status")
        self._status.setWordWrap(True)
        font = QFont(self._status.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self._status.setFont(font)
        # the same clickable list as beside the wizard, but as at hand-in: blanks are errors here
        self._details = FindingsPanel(doc, lambda: doc.handin_findings, "review-findings", "")
        self._details.go_to.connect(self.go_to)
        self.actions = QHBoxLayout()  # the export buttons go here
        layout = QVBoxLayout(self)
        layout.addWidget(self._status)
        layout.addWidget(self._details, 1)
        layout.addLayout(self.actions)
        doc.findings_changed.connect(self.refresh)
        self.refresh()
        if self._export_actions is not None:
            self._add_export_buttons(self._export_actions)

    def add_export_buttons(self, actions) -> None:  # type: ignore[no-untyped-def]
        """The export buttons (ui.exporting.ExportActions), added when the page is made; kept out of the
        page so it needs no export code."""
        self._export_actions = actions
        if self.built:
            self._add_export_buttons(actions)

    def _add_export_buttons(self, actions) -> None:  # type: ignore[no-untyped-def]
        """While an export runs (`busy_changed`), the buttons that start one are disabled: one at a time."""
        for text, name, slot, tip in (
            ("导出 Excel", "export-xlsx", actions.export_xlsx, "导出统计表工作簿（.xlsx），供上级汇总"),
            ("导出 PDF", "export-pdf", actions.export_pdf, "导出可打印、可公开的报告全文（.pdf）"),
            ("导出 Word", "export-docx", actions.export_docx, "导出可编辑的 Word 文档（.docx），可在 WPS/Word 中加盖版头、修改后发布"),
            ("全部导出", "export-all", actions.export_all, "把 Excel、PDF 和 Word 一起导出到一个文件夹"),
            ("导出空表", "export-blank", actions.export_blank, "导出空白统计表（PDF），打印后可先手工填写"),
            ("打开所在文件夹", "open-folder", actions.open_folder, "打开最近导出文件所在的文件夹"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            if name != "open-folder":
                button.setEnabled(not actions.busy)
                actions.busy_changed.connect(lambda busy, b=button: b.setEnabled(not busy))
            self.actions.addWidget(button)
        self.actions.addStretch(1)

    def refresh(self) -> None:
        verdict = self.doc.verdict
        if verdict.draft:
            head = f"<span style='color:#b3261e'><b>尚不能报送</b></span>：{verdict.conclusion}"
        elif verdict.unexplained:
            head = f"<span style='color:#9a5b00'><b>还需说明</b></span>：{verdict.conclusion}"
        else:
            head = f"<span style='color:#1b7a3a'><b>可以报送</b></span>：{verdict.conclusion}"
        if self.doc.prior is not None:
            head += f"<br>跨年度核对：已载入上年度报告（{self.doc.prior.year or '年度不详'}）。"
        else:
            head += "<br>跨年度核对：未载入上年度报告（可在“文件”菜单中载入）。"
        self._status.setText(head)
