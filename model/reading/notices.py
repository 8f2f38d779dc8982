"""What a reader tells the user about a document, as records: rule, severity, where, message.

A reader's notices become findings of `check --json`, the wizard and 汇总 like any rule's (spec
report-file.md): G2 for a label printed otherwise than the format's, R1 for anything else the reader
could not place or left out. They never make a report a draft: their severity is info or warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.checks.location import Location

#: The rule of a table label printed otherwise (format-2021.md §6).
LABEL_RULE = "G2"
#: The rule of what a reader could not place or left out (report-file.md).
READ_RULE = "R1"
INFO, WARNING = "info", "warning"


@dataclass(frozen=True)
class Notice:
    """One thing a reader tells: a Chinese message and where in the report it belongs."""

    message: str
    rule: str = READ_RULE
    severity: str = INFO
    cells: tuple[str, ...] = ()
    section: str | None = None  # a key of Report.sections
    field: str | None = None  # a key of Report.meta

    def as_finding(self):  # type: ignore[no-untyped-def]  # model.checks.rules.Finding, imported lazily
        """The notice as a finding (the rules module is imported only here: readers stay cheap)."""
        from model.checks.rules import Finding, Severity

        return Finding(self.rule, Severity(self.severity), self.cells, self.message,
                       location=Location(section=self.section, field=self.field),
                       title="标签与格式不一致" if self.rule == LABEL_RULE else "读取说明")


def findings_of(notices: list[Notice]) -> list:  # type: ignore[type-arg]
    """The findings of a document's notices, in the order read."""
    return [n.as_finding() for n in notices]
