"""Getting around the report: the section list beside the wizard, and going to what a finding points at.

The section list follows the page shown and shows a page when chosen; a finding's double-click shows its
first cell, the sentence it quotes (selected) or the basic-information field (model.checks.location
decides which).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QWidget

from model.checks.rules import Finding
from ui.document import ReportDocument
from ui.status_line import StatusLine
from ui.text_spans import span_cursor
from ui.wizard import ReportWizard


def select_span(editor: QPlainTextEdit, span: tuple[int, int]) -> None:
    """Select characters [start, end) of the editor's text and scroll there."""
    editor.setTextCursor(span_cursor(editor, span))
    editor.ensureCursorVisible()


class PageNavigation:
    def __init__(self, wizard: ReportWizard, doc: ReportDocument, status: StatusLine) -> None:
        self.wizard = wizard
        self.doc = doc
        self.status = status
        self.sections = QListWidget()
        self.sections.setObjectName("section-list")
        self.sections.addItems(wizard.page_titles())
        self.sections.setWordWrap(True)  # a narrow list (small screens) wraps a title instead of cutting it
        self.sections.currentRowChanged.connect(self._section_chosen)
        wizard.page_shown.connect(self._page_shown)

    def show_first_page(self) -> None:
        self.wizard.go_to(self.wizard.pageIds()[0])

    def _section_chosen(self, row: int) -> None:
        ids = self.wizard.pageIds()
        if 0 <= row < len(ids):
            self.wizard.go_to(ids[row])

    def _page_shown(self, page_id: int) -> None:
        self.status.clear()  # a message about the page left behind would mislead on this one
        ids = self.wizard.pageIds()
        if page_id in ids:
            self.sections.blockSignals(True)
            self.sections.setCurrentRow(ids.index(page_id))
            self.sections.blockSignals(False)

    def follow_current_page(self) -> None:
        self._page_shown(self.wizard.currentId())

    def go_to_finding(self, finding: Finding) -> None:
        """Show what a finding points at: its first cell, the sentence it quotes in a text page (selected),
        or the basic-information field (focused)."""
        wizard = self.wizard
        if finding.cells and finding.location.span is None:  # a quoted sentence wins over its cells
            code = finding.cells[0]
            table_key = self.doc.template.cells[code].table
            wizard.go_to(wizard.page_of_table(table_key))
            page = wizard.table_pages[table_key]
            page.view.select_index(page.model.index_of(code))
            page.view.setFocus()
            return
        loc = finding.location
        info = wizard.info_page
        editor: QWidget
        if loc.section in wizard.section_pages:
            wizard.go_to(wizard.page_of_section(loc.section))
            editor = wizard.section_pages[loc.section].editor
        elif loc.section == "preamble" or loc.field:
            self.show_first_page()
            field = info.findChild(QWidget, f"meta-{loc.field}") if loc.field else None
            editor = field if field is not None else info.preamble
        else:
            self.show_first_page()
            return
        if loc.span is not None and isinstance(editor, QPlainTextEdit):
            select_span(editor, loc.span)
        editor.setFocus()
        QTimer.singleShot(0, editor.setFocus)  # after the page change has settled its own focus
