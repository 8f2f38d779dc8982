"""The windows beside the report, each made on first use and kept: 使用说明, 关于, 汇总, 年报质量检查.

汇总 and 年报质量检查 import their models and openpyxl, so they are imported only when opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.host import ReportHost

if TYPE_CHECKING:
    from ui.aggregate_window import AggregateWindow
    from ui.audit_window import AuditWindow
    from ui.help import AboutWindow, GuideWindow


class SideWindows:
    def __init__(self, host: ReportHost, parent: QWidget) -> None:
        self.host = host
        self.parent = parent
        self.guide: GuideWindow | None = None
        self.about: AboutWindow | None = None
        self.aggregate: AggregateWindow | None = None
        self.audit: AuditWindow | None = None

    def show_guide(self) -> None:
        """使用说明 in its own window beside the report (F1), so the user can read while filling in."""
        if self.guide is None:
            from ui.help import GuideWindow

            self.guide = GuideWindow(self.parent)
        self.guide.present()

    def show_about(self) -> None:
        if self.about is None:
            from ui.help import AboutWindow

            self.about = AboutWindow(self.parent)
        self.about.present()

    def show_aggregate(self) -> None:
        """汇总 in its own window beside the report; kept between uses, so a finished run stays there."""
        if self.aggregate is None:
            from ui.aggregate_window import AggregateWindow  # imports openpyxl: only when 汇总 is used

            self.aggregate = AggregateWindow(self.host, self.parent)
        self.aggregate.present()

    def show_audit(self) -> None:
        """年报质量检查 in its own window, kept between uses like 汇总."""
        if self.audit is None:
            from ui.audit_window import AuditWindow  # imports the audit model: only when it is used

            self.audit = AuditWindow(self.host, self.parent)
        self.audit.present()

    def stop(self) -> None:
        """The program closes: a 汇总 or 检查 still running stops."""
        for window in (self.aggregate, self.audit):
            if window is not None:
                window.stop()
