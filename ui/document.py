"""The open report as the UI sees it: the model object, its file, undo history and current findings.

Every edit of a cell goes through `set_cells`, which pushes one undoable command (a paste is one
command) and then recomputes totals and findings; views listen to `changed` and repaint. Rules take
well under a millisecond, so everything is simply re-evaluated on each change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from model.preamble import generate_preamble
from model.report import Report, new_report
from model.rules import Finding, Severity, Stage, evaluate
from model.schema import CELLS
from model.storage import to_dict
from model.values import Value
from model.verdict import Verdict, verdict_of


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
    meta_changed = Signal()
    path_changed = Signal()
    modified_changed = Signal(bool)

    def __init__(self, report: Report | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.report = report or new_report()
        self.path = path
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
        self._evaluate()

    # -- state ---------------------------------------------------------------------------------------

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
        self.report = report
        self.path = path
        self.prior = None
        self.undo_stack.clear()
        self._evaluate()
        self.set_modified(False)
        self.path_changed.emit()
        self.meta_changed.emit()
        self.values_changed.emit()
        self.changed.emit()

    # -- cells ---------------------------------------------------------------------------------------

    def set_cells(self, new_values: dict[str, Value | None], text: str = "修改单元格") -> bool:
        """Change cells as one undoable step; returns False when nothing changes.

        An input cell's code takes its value; a total's code takes a stated figure (a pasted 总计: a claim
        while it differs from the sum of its parts) or None (采用各项之和: the computed sum is used).
        """
        report = self.report
        changes = {c: (self._stored(c), v) for c, v in new_values.items() if self._stored(c) != v}
        if not changes:
            return False
        if any(CELLS[c].derived for c in changes):  # a total stated as its sum changes nothing
            trial = report.copy()
            trial.set_values({c: new for c, (_, new) in changes.items()})
            if trial.values == report.values and trial.stated == report.stated:
                return False
        self.undo_stack.push(_SetCells(self, changes, text))
        return True

    def _stored(self, code: str) -> Any:
        return self.report.stated.get(code) if CELLS[code].derived else self.report.value(code)

    def claim(self, code: str) -> Any:
        """The figure a source stated for total `code` where it differs from the sum of its parts, else None."""
        stated = self.report.stated.get(code)
        return stated if stated is not None and stated != self.computed.get(code) else None

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

    def _evaluate(self) -> None:
        self.computed = self.report.computed()
        self.findings = evaluate(self.report, self.prior, Stage.EDITING, self.deadlines)
        self.handin_findings = evaluate(self.report, self.prior, Stage.HANDIN, self.deadlines)
        self.verdict = verdict_of(self.handin_findings)
        by_cell: dict[str, list[Finding]] = {}
        for f in self.findings:
            for c in f.cells:
                by_cell.setdefault(c, []).append(f)
        self.cell_findings = by_cell

    def set_deadlines(self, deadlines: dict[str, tuple[int, int]]) -> None:
        """The publication deadlines G4 checks against (a setting of the program, not of the report)."""
        self.deadlines = dict(deadlines)
        self._evaluate()
        self.changed.emit()

    def set_prior(self, prior: Report | None) -> None:
        """Check against last year's report (or stop, with None); not saved with the report."""
        self.prior = prior
        self._evaluate()
        self.values_changed.emit()
        self.changed.emit()

    def display_value(self, code: str) -> Any:
        """What a cell shows: the input value, or the computed total (Report.figures decides for every output)."""
        if code in self.computed:
            return self.computed[code]
        return self.report.value(code)

    def fill_blank_with_zero(self, table_codes: tuple[str, ...]) -> int:
        blanks = {c: 0 for c in table_codes if self.report.value(c) is None}
        if blanks:
            self.set_cells(blanks, "空白单元格填 0")
        return len(blanks)

    # -- texts, meta, explanations ----------------------------------------------------------------------

    def set_text(self, key: str, text: str) -> None:
        if self.report.sections.get(key, "") == text:
            return
        self.report.sections[key] = text
        self._touched()

    def set_meta(self, key: str, value: Any) -> None:
        if value in ("", None):
            if key not in self.report.meta:
                return
            old_preamble = generate_preamble(self.report.meta)
            self.report.meta.pop(key)
        else:
            if self.report.meta.get(key) == value:
                return
            old_preamble = generate_preamble(self.report.meta)
            self.report.meta[key] = value
        # Keep the preamble in step with the basic information until the user has edited it.
        current = self.report.sections.get("preamble", "")
        if current in ("", old_preamble):
            self.report.sections["preamble"] = generate_preamble(self.report.meta)
        self._touched(cells_affected=True)
        self.meta_changed.emit()

    def regenerate_preamble(self) -> None:
        self.set_text("preamble", generate_preamble(self.report.meta))
        self.meta_changed.emit()

    def set_explanation(self, key: str, text: str) -> None:
        text = text.strip()
        if self.report.explanations.get(key, "") == text:
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
