"""The open report as the UI sees it: the model object, its file, undo history and current findings.

Every edit of a cell goes through `set_cells`, which pushes one undoable command (a paste is one
command) and then recomputes totals and findings; views listen to `changed` and repaint. The table rules
take well under a millisecond, so a cell edit re-evaluates at once. The text checks (model.checks.rules.TEXT_RULES)
read every sentence: typing in a text only stores it, and all findings are evaluated once typing pauses,
in a background thread, so no keystroke waits for them whatever the length of the text.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from model.checks.rules import TEXT_RULES, Finding, Severity, evaluate_stages, ordered
from model.checks.verdict import Verdict, verdict_of
from model.report.preamble import generate_preamble
from model.report.report import Report, new_report
from model.report.storage import ReportFileError, encode, to_dict
from model.report.values import Value
from model.template.template import Template
from ui.worker import Worker

#: How long typing must pause before the texts are checked.
TEXT_CHECK_DELAY_MS = 300
Evaluation = tuple[list[Finding], list[Finding]]  # while editing, as at hand-in


class _SetCells(QUndoCommand):
    def __init__(self, doc: ReportDocument, changes: dict[str, tuple[Any, Any]], text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.changes = changes  # code → (old, new); a total's code: its stated figure (a claim)
        # A change of parts can settle a claim elsewhere (report.set_values); undo brings it back.
        self.stated_before = dict(doc.report.stated)
        self.stated_after: dict[str, Any] | None = None

    def redo(self) -> None:
        self.doc._apply({c: new for c, (_, new) in self.changes.items()}, self.stated_after)
        if self.stated_after is None:
            self.stated_after = dict(self.doc.report.stated)

    def undo(self) -> None:
        self.doc._apply({c: old for c, (old, _) in self.changes.items()}, self.stated_before)


class ReportDocument(QObject):
    changed = Signal()  # anything in the report changed (values, texts, meta, explanations)
    values_changed = Signal()  # cell values changed: totals and findings are new
    findings_changed = Signal()  # the findings were evaluated again (at once, or after typing paused)
    meta_changed = Signal()
    path_changed = Signal()
    modified_changed = Signal(bool)
    read_only_changed = Signal(bool)
    template_changed = Signal()  # the report shown is of another format: editors rebuild their tables

    def __init__(self, report: Report | None = None, path: Path | None = None, *, texts_later: bool = False) -> None:
        """`texts_later` (the program's start): the first page is shown before the text checks, which then
        run in the background as after typing (TEXT_CHECK_DELAY_MS later); `check_now` still settles them."""
        super().__init__()
        self.report = report or new_report()
        self.path = path
        # A published report opened from 年报质量检查: shown, never changed, until saved as a report file
        self.read_only = False
        self.prior: Report | None = None  # last year's report, for the cross-year rules (S2-2, T3-5)
        self.deadlines: dict[str, tuple[int, int]] | None = None  # G4's setting; None: the 《条例》 defaults
        self.undo_stack = QUndoStack(self)
        self._modified = False
        self._forced_modified = False  # restored or imported content: unsaved whatever it holds
        self._saved = to_dict(self.report)  # the content as last saved or opened
        self.findings: list[Finding] = []  # while editing: blanks and unfinished columns are `todo`
        self.handin_findings: list[Finding] = []  # as at hand-in: what the verdict rests on
        self.verdict: Verdict = verdict_of(())
        self.cell_findings: dict[str, list[Finding]] = {}
        self.computed: dict[str, Any] = {}
        self.figures: dict[str, Any] = {}
        self._generation = 0  # counts changes: a background result for an older content is dropped
        self._texts_checked = True  # the text checks' findings are those of the texts as they are now
        self._texts_later = texts_later  # until the first text check starts: never wait for them
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_CHECK_DELAY_MS)
        self._text_timer.timeout.connect(self._check_texts)
        self._checker = Worker(self, "本次校验未能完成（{kind}：{exc}）")
        self._checker.finished.connect(self._texts_evaluated)
        self._checker.failed.connect(self._check_failed)
        self._checking = False  # a background evaluation is running
        self._evaluate()

    # -- state ---------------------------------------------------------------------------------------

    @property
    def template(self) -> Template:
        """The format of the report shown: every editor takes its tables, labels and codes from here."""
        return self.report.template

    @property
    def modified(self) -> bool:
        return self._modified

    def set_modified(self, modified: bool) -> None:
        """True: unsaved whatever the content (a restored or imported report); False: just saved."""
        self._forced_modified = modified
        if not modified:
            self._saved = to_dict(self.report)
        self._set_modified_flag(modified)

    def _set_modified_flag(self, modified: bool) -> None:
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    def _content_changed(self) -> None:
        """Modified means: differs from what was saved, so undoing back to the saved state is unmodified."""
        self._set_modified_flag(self._forced_modified or to_dict(self.report) != self._saved)

    def replace(self, report: Report, path: Path | None) -> None:
        """Show another report (新建/打开/恢复); the undo history starts afresh."""
        other_format = report.template is not self.report.template
        self.report = report
        self.path = path
        self.set_read_only(False)
        self.prior = None
        self.undo_stack.clear()
        self._evaluate(texts=True)
        self.set_modified(False)
        if other_format:
            self.template_changed.emit()
        self.path_changed.emit()
        self.meta_changed.emit()
        self.values_changed.emit()
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        """Read-only: every edit below is refused (the editors follow `read_only_changed`); saving the
        report to a file of its own ends it."""
        if read_only != self.read_only:
            self.read_only = read_only
            self.read_only_changed.emit(read_only)

    # -- cells ---------------------------------------------------------------------------------------

    def set_cells(self, new_values: dict[str, Value | None], text: str = "修改单元格") -> bool:
        """Change cells as one undoable step; returns False when nothing changes.

        An input cell's code takes its value; a total's code takes a stated figure (a pasted 总计: a claim
        while it differs from the sum of its parts) or None (采用各项之和: the computed sum is used).
        """
        if self.read_only:
            return False
        report = self.report
        changes = {c: (self._stored(c), v) for c, v in new_values.items() if self._stored(c) != v}
        if not changes:
            return False
        if any(self.template.cells[c].derived for c in changes):  # a total stated as its sum changes nothing
            trial = report.copy()
            trial.set_values({c: new for c, (_, new) in changes.items()})
            if trial.values == report.values and trial.stated == report.stated:
                return False
        self.undo_stack.push(_SetCells(self, changes, text))
        return True

    def _stored(self, code: str) -> Any:
        return self.report.stated.get(code) if self.template.cells[code].derived else self.report.value(code)

    def claim(self, code: str) -> Any:
        """The figure a source stated for total `code` where it differs from the sum of its parts, else None."""
        return self.report.claims(self.computed).get(code)

    def accept_sum(self, code: str) -> bool:
        """采用各项之和: drop the claim of total `code`; the computed sum is used (one undo step)."""
        return self.claim(code) is not None and self.set_cells({code: None}, "采用各项之和")

    def _apply(self, values: dict[str, Value | None], stated: dict[str, Any] | None = None) -> None:
        self.report.set_values(values)
        if stated is not None:
            self.report.stated = dict(stated)
        self._evaluate()
        self._content_changed()
        self.values_changed.emit()
        self.changed.emit()

    def _evaluate(self, texts: bool = False) -> None:
        """Totals and findings now. The text checks run here too unless a text was edited since they last
        ran (`texts` forces them): then their last findings stay until the pending check replaces them."""
        self._generation += 1
        self.computed = self.report.computed()
        self.figures = self.report.figures(self.computed)  # what every cell shows (decided in the model)
        if self._texts_later and (texts or self._texts_checked):  # the start: the tables' findings now
            self._texts_checked = False
            self._text_timer.start()
            self._show(evaluate_stages(self.report, self.prior, self.deadlines, skip=TEXT_RULES))
            return
        if texts or self._texts_checked:
            self._text_timer.stop()
            self._texts_checked = True
            self._show(evaluate_stages(self.report, self.prior, self.deadlines))
            return
        editing, handin = evaluate_stages(self.report, self.prior, self.deadlines, skip=TEXT_RULES)
        kept = [f for f in self.findings if f.rule in TEXT_RULES], [f for f in self.handin_findings
                                                                     if f.rule in TEXT_RULES]
        self._show((ordered(editing + kept[0]), ordered(handin + kept[1])))

    def _show(self, evaluation: Evaluation) -> None:
        self.findings, self.handin_findings = evaluation
        self.verdict = verdict_of(self.handin_findings)
        by_cell: dict[str, list[Finding]] = {}
        for f in self.findings:
            for c in f.cells:
                by_cell.setdefault(c, []).append(f)
        self.cell_findings = by_cell
        self.findings_changed.emit()

    # -- the text checks, after typing pauses ------------------------------------------------------------

    def _texts_edited(self) -> None:
        self._generation += 1
        self._texts_checked = False
        self._text_timer.start()  # restarted by every keystroke: runs once typing pauses

    def _check_texts(self) -> None:
        """Evaluate everything on a copy of the report in the background; one evaluation at a time."""
        self._texts_later = False
        if self._checking:
            return  # `_texts_evaluated` starts the next one
        self._checking = True
        snapshot, prior, deadlines, generation = self.report.copy(), self.prior, self.deadlines, self._generation
        self._checker.start(lambda _progress: (generation, evaluate_stages(snapshot, prior, deadlines)))

    def _texts_evaluated(self, result: tuple[int, Evaluation]) -> None:
        self._checking = False
        generation, evaluation = result
        if self._texts_checked:
            return  # `check_now` was quicker
        if generation != self._generation:  # changed meanwhile: check the report as it is now
            if not self._text_timer.isActive():
                self._check_texts()
            return
        self._texts_checked = True
        self._show(evaluation)
        self.values_changed.emit()  # cells take the colour of the new findings

    def _check_failed(self, message: str) -> None:
        """A check that raised (a bug): the findings stay as they were; a later change tries again."""
        self._checking = False
        print(message, file=sys.stderr)

    def stop_checks(self) -> None:
        """The window closes: no check is started any more. One still running is not waited for (the
        window goes at once); its result is dropped."""
        self._text_timer.stop()
        self._generation += 1
        self._texts_checked = True

    def check_now(self) -> None:
        """Bring the findings up to date at once (before an export, whose verdict must be exact)."""
        self._texts_later = False
        if not self._texts_checked:
            self._evaluate(texts=True)

    @property
    def texts_checked(self) -> bool:
        """Whether the findings are those of the texts as they are now (False while typing pauses)."""
        return self._texts_checked

    def set_deadlines(self, deadlines: dict[str, tuple[int, int]]) -> None:
        """The publication deadlines G4 checks against (a setting of the program, not of the report)."""
        self.deadlines = dict(deadlines)
        self._evaluate()
        self.changed.emit()

    def set_prior(self, prior: Report | None) -> None:
        """Check against last year's report (or stop, with None); not saved with the report."""
        self.prior = prior
        self._evaluate(texts=True)  # 内容雷同 compares the texts with the new prior
        self.values_changed.emit()
        self.changed.emit()

    def display_value(self, code: str) -> Any:
        """What a cell shows: Report.figures decides it, for the editor as for every other output."""
        return self.figures.get(code)

    def fill_blank_with_zero(self, table_codes: tuple[str, ...]) -> int:
        if self.read_only:
            return 0
        blanks = {c: 0 for c in table_codes if self.report.value(c) is None}
        if blanks:
            self.set_cells(blanks, "空白单元格填 0")
        return len(blanks)

    # -- texts, meta, explanations ----------------------------------------------------------------------

    def set_text(self, key: str, text: str) -> None:
        """Store a section's text as typed; it is checked once typing pauses (`findings_changed` then)."""
        if self.read_only or self.report.sections.get(key, "") == text:
            return
        self.report.sections[key] = text
        self._texts_edited()
        self._content_changed()
        self.changed.emit()

    def text_problem(self, key: str, text: str) -> str:
        """Why `text` cannot become section `key`: the report file would be larger than can be opened
        again ("" when it fits). The same bound as saving (model.report.storage.encode)."""
        trial = self.report.copy()
        trial.sections[key] = text
        try:
            encode(trial)
        except ReportFileError as exc:
            return str(exc)
        return ""

    def set_meta(self, key: str, value: Any) -> None:
        if self.read_only:
            return
        if value in ("", None):
            if key not in self.report.meta:
                return
            old_preamble = generate_preamble(self.report.meta, self.report.template)
            self.report.meta.pop(key)
        else:
            if self.report.meta.get(key) == value:
                return
            old_preamble = generate_preamble(self.report.meta, self.report.template)
            self.report.meta[key] = value
        # Keep the preamble in step with the basic information until the user has edited it.
        current = self.report.sections.get("preamble", "")
        if current in ("", old_preamble):
            self.report.sections["preamble"] = generate_preamble(self.report.meta, self.report.template)
        self._texts_edited()  # the year and the preamble are read by the text checks
        self._touched(cells_affected=True)
        self.meta_changed.emit()

    def regenerate_preamble(self) -> None:
        self.set_text("preamble", generate_preamble(self.report.meta, self.report.template))
        self.meta_changed.emit()

    def set_explanation(self, key: str, text: str) -> None:
        text = text.strip()
        if self.read_only or self.report.explanations.get(key, "") == text:
            return
        if text:
            self.report.explanations[key] = text
        else:
            self.report.explanations.pop(key, None)
        self._touched()

    def _touched(self, cells_affected: bool = False) -> None:
        self._evaluate()
        self._content_changed()
        if cells_affected:  # e.g. the kind of body decides S2-4, which colours 规章 cells
            self.values_changed.emit()
        self.changed.emit()

    # -- summaries -----------------------------------------------------------------------------------

    def counts(self) -> dict[Severity, int]:
        out = dict.fromkeys(Severity, 0)
        for f in self.findings:
            out[f.severity] += 1
        return out

    def worst(self, code: str) -> Finding | None:
        found = self.cell_findings.get(code)
        return min(found, key=lambda f: f.severity.rank) if found else None
