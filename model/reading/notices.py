"""What a reader tells the user about a document, as records: rule, severity, where, kind and parameters.

A reader's notices become findings of `check --json`, the wizard and 汇总 like any rule's (spec
report-file.md): G2 for a label printed otherwise than the format's, R1 for anything else the reader
could not place or left out. They never make a report a draft: their severity is info or warning.
A notice holds no prose: its Chinese text is made from its kind and parameters in one place
(notice_texts.py), so tests compare records and the wording can change without touching a reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from model.checks.location import Location

#: The rule of a table label printed otherwise (format-2021.md §6).
LABEL_RULE = "G2"
#: The rule of what a reader could not place or left out (report-file.md).
READ_RULE = "R1"
INFO, WARNING = "info", "warning"


@dataclass(frozen=True)
class Notice:
    """One thing a reader tells: what happened (`kind`, a key of notice_texts.TEXTS, with its `params`),
    the rule and severity it is reported under, and where in the report it belongs."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)
    rule: str = READ_RULE
    severity: str = INFO
    cells: tuple[str, ...] = ()
    location: Location = Location()

    @property
    def message(self) -> str:
        """The notice in Chinese, as the user reads it."""
        from model.reading.notice_texts import notice_text

        return notice_text(self.kind, self.params)

    @property
    def section(self) -> str | None:
        return self.location.section

    @property
    def field(self) -> str | None:
        return self.location.field

    @property
    def unplaced(self) -> bool:
        """Something of the document that was not read into the report (a warning of R1)."""
        return self.rule == READ_RULE and self.severity == WARNING

    def as_finding(self):  # type: ignore[no-untyped-def]  # model.checks.rules.Finding, imported lazily
        """The notice as a finding (the rules module is imported only here: readers stay cheap)."""
        from model.checks.rules import Finding, Severity

        return Finding(self.rule, Severity(self.severity), self.cells, self.message, variant=self.kind,
                       location=self.location, title="标签与格式不一致" if self.rule == LABEL_RULE else "读取说明")


def remark(kind: str, cells: tuple[str, ...] | list[str] = (), section: str | None = None,
           field: str | None = None, **params: Any) -> Notice:
    """Something read with a remark, or left out on purpose (page furniture): R1, info."""
    return Notice(kind, params, READ_RULE, INFO, tuple(cells), Location(section=section, field=field))


def unplaced(kind: str, cells: tuple[str, ...] | list[str] = (), **params: Any) -> Notice:
    """Something of the report the reader could not place: R1, warning."""
    return Notice(kind, params, READ_RULE, WARNING, tuple(cells))


def label_notice(kind: str, cells: tuple[str, ...] | list[str] = (), **params: Any) -> Notice:
    """A table label printed otherwise than the format's, read as the format's: G2, info."""
    return Notice(kind, params, LABEL_RULE, INFO, tuple(cells))


def changed(kind: str, cells: tuple[str, ...] | list[str] = (), **params: Any) -> Notice:
    """A workbook of ours edited after export: what was taken from the edit (R1, warning)."""
    return Notice(kind, params, READ_RULE, WARNING, tuple(cells))


def findings_of(notices: list[Notice]) -> list:  # type: ignore[type-arg]
    """The findings of a document's notices, in the order read."""
    return [n.as_finding() for n in notices]
