"""汇总's own findings as records: A1 (a cell of the sum is not its members' sum) and A2 (the units given
against the expected list), each a `SumNotice` (rule, variant, cells, params). Their Chinese text is made
here and only here (`text`), from the record and the format of the sum, so tests assert the records and
the wording can change in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from model.checks.location import Location
from model.checks.rules import Finding, Severity, title_of
from model.template.template import Template

#: How many names a message lists before it counts the rest.
NAMES_SHOWN = 20

_SEVERITY = {"A1": Severity.ERROR, "A2": Severity.WARNING}

#: (rule, variant) → the message, str.format'ed with the params (names already joined, see `text`).
_MESSAGES = {
    ("A1", "cell"): "{cell}为 {have}，但各单位之和为 {want}。",
    ("A2", "missing"): "以下 {count} 个单位没有可计入的报告（未报送，或报送的文件未能计入，原因见各单位情况）：{names}。",
    ("A2", "duplicates"): "以下单位的报告重复，只计入一次：{names}。",
    ("A2", "excluded"): "以下 {count} 个单位的报告统计表有错误，按选择未计入汇总，汇总数不含这些单位：{names}。",
    ("A2", "unexpected"): "以下单位不在应报单位名单中（已计入）：{names}。",
}
#: Variants whose list of names is cut after NAMES_SHOWN (the others name every unit: the office needs them all).
_CUT = {"excluded"}
#: Appended to an error of the summed tables that some members cause (Aggregation.causes).
_CAUSED_BY = "{message}源自以下单位的报告：{names}。"


@dataclass(frozen=True)
class SumNotice:
    """One finding of 汇总 about the sum itself, as data.

    A1 "cell": params have, want (None: blank). A2 "missing" / "duplicates" / "excluded" / "unexpected":
    params names (a tuple of unit names or member labels)."""

    rule: str
    variant: str
    cells: tuple[str, ...] = ()
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> Severity:
        return _SEVERITY[self.rule]

    def text(self, template: Template) -> str:
        """The Chinese message; cells are named as the format names them."""
        params = dict(self.params)
        if "names" in params:
            params["count"] = len(params["names"])
            names = params["names"]
            params["names"] = join_names(names) if self.variant in _CUT else "、".join(names)
        for key in ("have", "want"):
            if key in params:
                params[key] = "空白" if params[key] is None else params[key]
        if self.cells:
            params["cell"] = template.cells[self.cells[0]].name
        return _MESSAGES[self.rule, self.variant].format(**params)

    def finding(self, template: Template) -> Finding:
        """The record as a finding of the sum's findings list (workbook, PDF, window, CLI)."""
        return Finding(self.rule, self.severity, self.cells, self.text(template), variant=self.variant,
                       location=Location(), title=title_of(self.rule, ""))


def join_names(names: tuple[str, ...] | list[str], limit: int = NAMES_SHOWN) -> str:
    """Names joined with 、, the first `limit` of them and then how many there are in all."""
    shown = "、".join(names[:limit])
    return shown if len(names) <= limit else f"{shown} 等 {len(names)} 个单位"


def caused_by(message: str, labels: list[str]) -> str:
    """An error of the summed tables, with the members that cause it."""
    return _CAUSED_BY.format(message=message, names=join_names(labels))
