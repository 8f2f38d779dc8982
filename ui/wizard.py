"""The report wizard: 基本信息, the six sections in order, then 校验与导出.

A QWizard (上一步/下一步 in Chinese from Qt's own translation) that can also jump to any page, so the
section list beside it works: a page not yet visited is reached through `nextId`, a visited one by
going back through the history. It lives inside the main window, so 完成 saves instead of closing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget, QWizard, QWizardPage

from ui.document import ReportDocument
from ui.pages import INFO_PAGE_TITLE, REVIEW_PAGE_TITLE, InfoPage, ReviewPage, TablePage, TextPage


class ReportWizard(QWizard):
    finish_requested = Signal()
    page_shown = Signal(int)

    def __init__(self, doc: ReportDocument, parent: QWidget | None = None, *, lazy: bool = False) -> None:
        """`lazy`: the pages after 基本信息 are made when first shown (start-up shows only the first page)."""
        super().__init__(parent)
        self.setObjectName("wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        self._jump: int | None = None
        self._focus: QWidget | None = None  # the field being typed in while QWizard updates its buttons
        self.info_page = InfoPage(doc)
        self.addPage(self.info_page)
        self.section_pages: dict[str, InfoPage | TablePage | TextPage] = {}
        self.table_pages: dict[str, TablePage] = {}
        self.sections = doc.template.sections  # the pages are the sections of the report's format
        for sec in self.sections:
            page: TablePage | TextPage = TablePage(doc, sec, lazy=lazy) if sec.table else TextPage(doc, sec, lazy=lazy)
            self.section_pages[sec.key] = page
            if isinstance(page, TablePage):
                self.table_pages[page.table_key] = page
            self.addPage(page)
        self.review_page = ReviewPage(doc, lazy=lazy)
        self.addPage(self.review_page)
        self.setButtonText(QWizard.WizardButton.FinishButton, "保存")
        self.currentIdChanged.connect(self.page_shown.emit)
        self.restart()  # start on 基本信息 now, not when first shown, so pages can be reached before that

    def addPage(self, page: QWizardPage) -> int:  # noqa: N802 - Qt's name
        """Add `page`, keeping the focus where the user types when the page becomes (in)complete.

        QWizard answers completeChanged by hiding and showing its pages to update the buttons, which
        moves the focus out of the page (to the section list): typing 机关名称 lost every key after the
        first. Slots run in connection order, so the focus is noted before QWizard's slot and put back after.
        """
        page.completeChanged.connect(self._note_focus)
        page_id = super().addPage(page)
        page.completeChanged.connect(self._restore_focus)
        return page_id

    def _note_focus(self) -> None:
        self._focus = QApplication.focusWidget()

    def _restore_focus(self) -> None:
        focus, self._focus = self._focus, None
        if focus is not None and focus.isVisible() and QApplication.focusWidget() is not focus:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)  # not Tab: a line edit keeps its cursor

    def page_messages(self) -> list[SignalInstance]:
        """What the pages have to say in the status bar: a refused paste, a table's notices."""
        return [self.info_page.preamble.refused] + [
            p.message for p in self.section_pages.values() if isinstance(p, TablePage | TextPage)]

    def page_titles(self) -> list[str]:
        return [INFO_PAGE_TITLE] + [s.heading for s in self.sections] + [REVIEW_PAGE_TITLE]

    def nextId(self) -> int:
        if self._jump is not None:
            return self._jump
        return super().nextId()

    def go_to(self, page_id: int) -> None:
        """Show page `page_id` directly (the section list, a finding's double-click)."""
        if page_id == self.currentId() or page_id not in self.pageIds():
            return
        if page_id in self.visitedIds():
            while self.currentId() != page_id and self.currentId() != self.startId():
                self.back()
        if self.currentId() != page_id:
            self._jump = page_id
            try:
                self.next()
            finally:
                self._jump = None
                page = self.currentPage()
                if page is not None:
                    # The buttons were laid out while nextId() still answered the jump; setFinalPage
                    # makes QWizard ask nextId() again (False keeps the default: final when no next page).
                    page.setFinalPage(False)

    def page_of_table(self, table_key: str) -> int:
        return self.pageIds()[1 + [s.table for s in self.sections].index(table_key)]

    def page_of_section(self, key: str) -> int:
        return self.pageIds()[1 + [s.key for s in self.sections].index(key)]

    def accept(self) -> None:  # 保存 on the last page; the wizard stays open inside the window
        self.finish_requested.emit()

    def reject(self) -> None:  # Esc must not hide the embedded wizard
        pass
