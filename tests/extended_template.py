"""A copy of the 2021 format with one more 不予公开 reason, for the contract tests (issue 18 point 2).

Every consumer takes the format from the report it works on; handing it this copy must make it reach
the new row: the rules and G6 sum it, the locator reads it from a page, the import fills it, every
writer prints it. A consumer that still spells the 2021 rows somewhere misses it and its test fails.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

from model import template as templates
from model.report.report import Report, new_report
from model.template import t2021
from model.template.template import Template
from model.template.types import T3Group

EXTRA_ROW = "deny_9"
EXTRA_LABEL = "9.属于测试新增的不予公开理由"
EXTRA_ID = "2021-test-extra-deny"


def _extended_t3() -> t2021.T3Layout:
    groups = tuple(
        T3Group(g.label, g.rows + ((EXTRA_ROW, EXTRA_LABEL),)) if g.word == "不予公开" else g
        for g in t2021.T3.result_groups)
    return dataclasses.replace(t2021.T3, result_groups=groups)


EXTENDED: Template = t2021.build(template_id=EXTRA_ID, t3=_extended_t3())


@contextmanager
def registered() -> Iterator[Template]:
    """The extended template, readable from report files while the block runs."""
    templates.register(EXTENDED)
    try:
        yield EXTENDED
    finally:
        templates.unregister(EXTRA_ID)


def deny_report() -> Report:
    """A small complete-looking report in the extended format whose 不予公开 is 3: 2 under the new reason
    and 1 under reason 1, so that a consumer that misses the new row sees 1 instead of 3."""
    report = new_report(EXTENDED)
    report.meta.update({"agency": "某某县测试局", "agency_kind": "department", "year": 2023})
    for code in EXTENDED.input_codes:
        if code.startswith("t3."):
            report.values[code] = 0
    report.values["t3.new.natural"] = 3
    report.values[f"t3.{EXTRA_ROW}.natural"] = 2
    report.values["t3.deny_1.natural"] = 1
    report.sections["s1"] = "本年度共收到政府信息公开申请3件，其中不予公开3件。"
    return report
