"""Last year's report: loaded beside this one for the cross-year checks, or the start of this year's.

`load_prior` and `new_from_prior` work without dialogs (tests call them with their own answers); the
`…_dialog` actions of the 文件 menu choose the file and ask what is odd about it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from model.report.next_year import NextYearError, next_year_report, texts_note
from model.report.report import Report
from model.report.storage import ReportFileError
from ui.file_actions import FILE_FILTER, FileActions


class LastYearActions:
    def __init__(self, files: FileActions) -> None:
        self.files = files
        self.doc = files.doc
        self.status = files.status

    def prior_year_problem(self, prior: Report) -> str:
        """Why `prior` may not be last year's report ("" when its year is this report's year − 1)."""
        year = self.doc.report.year
        if year is None:
            return ""  # the year is not filled in yet: nothing to compare with
        if prior.year is None:
            return f"所选报告没有填写报告年度，无法确认它是 {year - 1} 年度的报告。"
        if prior.year != year - 1:
            return (f"所选报告是 {prior.year} 年度的报告，本报告是 {year} 年度的报告，"
                    f"跨年度核对应当使用 {year - 1} 年度的报告。")
        return ""

    def load_prior(self, path: Path, confirm: Callable[[str], bool] | None = None) -> bool:
        """Use last year's report for the cross-year checks; the current report is not changed.

        A report of another year than the one before is loaded only if `confirm(reason)` agrees (without
        `confirm` it is loaded, and the status bar says what is odd about it).
        """
        from model.reading.documents import open_report  # the readers: when a file is read, not at start-up

        try:
            prior = open_report(Path(path))[0]
        except ReportFileError as exc:
            self.status.show(f"无法载入上年度报告：{exc}")
            return False
        problem = self.prior_year_problem(prior)
        if problem and confirm is not None and not confirm(problem):
            self.status.show(f"未载入“{Path(path).name}”：{problem}")
            return False
        self.doc.set_prior(prior)
        self.status.show(f"已载入上年度报告 {Path(path).name}，跨年度核对结果见校验结果。"
                         + (f"注意：{problem}" if problem else ""))
        return True

    def new_from_prior(self, path: Path, texts: bool = False,
                       ask: Callable[[Report], bool | None] | None = None) -> bool:
        """Start next year's report from last year's (model.report.next_year), which also becomes the prior.

        The new report is unsaved and has no file; the current one is replaced (ask first: the dialog).
        `texts`: start the texts from last year's; `ask(prior)` decides it instead (None: cancelled).
        """
        from model.reading.documents import open_report

        try:
            prior, notices = open_report(Path(path))
        except ReportFileError as exc:
            self.status.show(f"无法读取上年度报告：{exc}")
            return False
        if ask is not None and prior.year is not None:
            answer = ask(prior)
            if answer is None:
                self.status.show("已取消新建。")
                return True  # nothing went wrong: the user changed their mind
            texts = answer
        try:
            report = next_year_report(prior, texts=texts)
        except NextYearError as exc:
            self.status.show(f"无法以“{Path(path).name}”为基础新建报告：{exc}")
            return False
        self.doc.replace(report, None)
        self.doc.set_prior(prior)
        self.doc.set_modified(True)
        self.files.show_first_page()
        extra = "；".join(notices)
        self.status.show(
            f"已以 {prior.year} 年度报告“{Path(path).name}”为基础新建 {report.year} 年度报告：基本信息和上年结转已带入，"
            "其余内容请逐项填写；该报告同时作为上年度报告用于跨年度核对。"
            + (f"{texts_note()}" if texts else "") + (f"注意：{extra}" if extra else ""))
        return True

    # -- with dialogs --------------------------------------------------------------------------------

    def prior_dialog(self) -> None:
        parent = self.files.parent
        path, _ = QFileDialog.getOpenFileName(parent, "载入上年度报告", str(self.files.folder()), FILE_FILTER)
        declined: list[str] = []

        def confirm(problem: str) -> bool:
            answer = QMessageBox.question(
                parent, "上年度报告的年度不符", f"{problem}\n\n仍要载入这份报告用于跨年度核对吗？",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                declined.append(problem)
            return not declined

        if path and not self.load_prior(Path(path), confirm) and not declined:
            self.files.warn("无法载入")

    def new_from_prior_dialog(self) -> None:
        if not self.files.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self.files.parent, "选择上年度报告", str(self.files.folder()),
                                              FILE_FILTER)

        def ask(prior: Report) -> bool | None:
            from ui.new_from_prior import ask_texts

            return ask_texts(prior, Path(path), self.files.parent)

        if path and not self.new_from_prior(Path(path), ask=ask):
            self.files.warn("无法新建")
