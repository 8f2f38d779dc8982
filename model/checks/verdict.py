"""Whether a report is ready to hand in or only a draft: decided once, here, from the findings.

The review page, every export path (the wizard's and `main.py export`) and `check`'s conclusion read
this one answer, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from model.checks.rules import Finding, Severity, Stage, evaluate
from model.report.report import Report


@dataclass(frozen=True)
class Verdict:
    errors: int  # error-level findings at hand-in
    unexplained: int  # `confirm` findings without a written explanation
    warnings: int

    @property
    def ready(self) -> bool:
        """Ready to hand in: no error. Unexplained `confirm` findings are pointed out but do not block."""
        return self.errors == 0

    @property
    def draft(self) -> bool:
        return not self.ready

    @property
    def conclusion(self) -> str:
        """One sentence for the user, the same on the review page, in `check` and after an export."""
        if self.errors:
            return f"存在 {self.errors} 项错误，只能导出草稿，请修改后再报送。"
        if self.unexplained:
            return f"未发现错误，可以报送；尚有 {self.unexplained} 项需说明的事项未写说明。"
        if self.warnings:
            return "未发现错误，可以报送；请查看提醒事项。"
        return "未发现错误，可以报送。"


def verdict_of(findings: Iterable[Finding]) -> Verdict:
    """The verdict of findings made at hand-in (a `todo` finding, if given, counts as an error)."""
    errors = unexplained = warnings = 0
    for f in findings:
        if f.severity in (Severity.ERROR, Severity.TODO):
            errors += 1
        elif f.severity is Severity.CONFIRM and not f.explanation.strip():
            unexplained += 1
        elif f.severity is Severity.WARNING:
            warnings += 1
    return Verdict(errors, unexplained, warnings)


def judge(report: Report, prior: Report | None = None) -> tuple[Verdict, list[Finding]]:
    """Evaluate the report as at hand-in and give the verdict with the findings it rests on."""
    findings = evaluate(report, prior, Stage.HANDIN)
    return verdict_of(findings), findings
