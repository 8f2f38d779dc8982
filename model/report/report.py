"""The report being compiled: basic information, section texts, cell values and explanations.

Only input cells are stored as the user's values; totals are computed from its template. A cell that was
never filled is absent (blank), which is different from 0. Totals stated by an outside source (an
imported file, a published report or a pasted block) are kept apart in `stated`, so the rules can
compare them with the computed sums instead of trusting them. A stated total that differs from its sum
is a claim: it stays, through edits and saving, until it equals the sum or the user accepts the sum.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from model.report.values import Value
from model.template import CURRENT
from model.template.template import Template


def _summable(value: Any) -> Value | None:
    """A stored value as an operand of a sum; anything that is no finite number counts as blank."""
    if type(value) is int or isinstance(value, Decimal) and value.is_finite():
        return value
    return None


@dataclass
class Report:
    meta: dict[str, Any] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    values: dict[str, Value] = field(default_factory=dict)  # input cells only; absent = blank
    stated: dict[str, Any] = field(default_factory=dict)  # derived cells as an outside source stated them
    explanations: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # unknown top-level keys, written back on save
    template: Template = CURRENT  # the format it is made in: every module reads rows, labels and codes here

    # -- values ------------------------------------------------------------------------------------

    def value(self, code: str) -> Any:
        """The input value of a cell, or None when blank."""
        return self.values.get(code)

    def set_value(self, code: str, value: Value | None) -> None:
        """Set (or, with None, clear) an input cell; see `set_values`."""
        if self.template.cells[code].derived:
            raise KeyError(f"{code} is a derived cell")
        self.set_values({code: value})

    def set_values(self, new: dict[str, Value | None]) -> None:
        """Set input cells, and stated totals for derived codes (None: no stated figure, use the sum).

        A stated total that agreed with its sum before the change was the program's own figure (a saved
        file writes every total): it goes once its parts change. One that differed is a claim of the
        source (a published table, a pasted block): it stays until it equals the sum.
        """
        cells, dependents = self.template.cells, self.template.dependents
        touched: set[str] = set()  # totals set here, or whose parts change
        for code in new:
            touched.update((code,) if cells[code].derived else dependents[code])
        watched = bool(touched & self.stated.keys()) or any(cells[c].derived for c in new)
        before = self.computed() if watched else {}
        for code, value in new.items():
            target: dict[str, Any] = self.stated if cells[code].derived else self.values
            if value is None:
                target.pop(code, None)
            else:
                target[code] = value
        if not watched:
            return
        after = self.computed()
        for code in touched & self.stated.keys():
            stated = self.stated[code]
            own = code not in new and stated == before.get(code)
            if own or stated == after.get(code):  # the program's own figure, or a claim now settled
                del self.stated[code]

    def claims(self, computed: dict[str, Any] | None = None) -> dict[str, Any]:
        """Stated totals that differ from the sum of their parts: what the source claims, kept as printed."""
        computed = self.computed() if computed is None else computed
        return {c: v for c, v in self.stated.items() if v is not None and v != computed.get(c)}

    def computed(self) -> dict[str, Any]:
        """Every derived cell's sum of what is filled so far (blank counts as 0); None while all is blank.

        Totals never wait for the last cell: the user sees the running sum as they type. Values are
        summed as written, so an odd figure read from a file (a negative, a fraction) shows in its
        total as it would in the printed table; the rules flag the figure itself.
        """
        out: dict[str, Any] = {}
        values, cells = self.values, self.template.cells
        for code in self.template.derived_order:
            total: Any = None
            for dep in cells[code].sum_of:
                v = out[dep] if dep in out else _summable(values.get(dep))
                if v is not None:
                    total = v if total is None else total + v
            out[code] = total
        return out

    def operands(self, code: str) -> tuple[str, ...]:
        """The input cells that the derived cell `code` (transitively) adds up."""
        return self.template.operands[code]

    def figures(self, computed: dict[str, Any] | None = None) -> dict[str, Any]:
        """Every cell as every output shows it: the inputs, and the computed total for every total.

        The one place that decides what a total shows. A total stated by an outside source is not shown;
        it goes into the rules' findings (see `stated_figures`).
        """
        out: dict[str, Any] = dict(self.values)
        out.update(self.computed() if computed is None else computed)
        return out

    def stated_figures(self, computed: dict[str, Any] | None = None) -> dict[str, Any]:
        """The table as its source printed it: stated totals where stated, else computed (for the rules)."""
        out = self.figures(computed)
        out.update((k, v) for k, v in self.stated.items() if v is not None)
        return out

    def as_last_year(self) -> dict[str, Any]:
        """This report's figures when it is last year's: what it printed, stated totals included (the
        one meaning of 上年度 for the rules (S3-1 结转) and the editor's tooltip alike)."""
        return self.stated_figures()

    # -- texts and meta ----------------------------------------------------------------------------

    def text(self, key: str) -> str:
        text = self.sections.get(key, "")
        return text if isinstance(text, str) else ""

    @property
    def year(self) -> int | None:
        year = self.meta.get("year")
        return year if isinstance(year, int) and not isinstance(year, bool) else None

    @property
    def agency(self) -> str:
        """机关名称 as filled in, stripped ("" when missing or not text)."""
        agency = self.meta.get("agency")
        return agency.strip() if isinstance(agency, str) else ""

    @property
    def title(self) -> str:
        return self.template.report_title(str(self.meta.get("agency", "") or ""), self.year)

    def copy(self) -> Report:
        return Report(dict(self.meta), dict(self.sections), dict(self.values), dict(self.stated),
                      dict(self.explanations), dict(self.extra), self.template)


def new_report(template: Template = CURRENT) -> Report:
    """An empty report: nothing filled in (blank, not 0)."""
    return Report(sections={k: "" for k in template.text_section_keys}, template=template)
