"""汇总's own findings as records (issue 18 point 4): the text is made from the record in one place."""

from __future__ import annotations

from support import SAMPLE

from model.checks.rules import Severity
from model.many_reports.sum_notices import NAMES_SHOWN, SumNotice
from model.report.storage import load

TEMPLATE = load(SAMPLE).template
NAMES = tuple(f"第{i:03d}局" for i in range(NAMES_SHOWN + 5))


def test_a1_names_the_cell_as_the_format_names_it_and_a_blank_in_words():
    code = TEMPLATE.input_codes[0]
    notice = SumNotice("A1", "cell", (code,), {"have": None, "want": 3})
    text = notice.text(TEMPLATE)
    assert text.startswith(TEMPLATE.cells[code].name) and "空白" in text and "3" in text
    finding = notice.finding(TEMPLATE)
    assert (finding.rule, finding.severity, finding.variant, finding.cells) == ("A1", Severity.ERROR, "cell", (code,))


def test_a2_lists_every_missing_unit_but_cuts_a_long_list_of_excluded_members():
    missing = SumNotice("A2", "missing", params={"names": NAMES}).text(TEMPLATE)
    assert all(name in missing for name in NAMES) and f"{len(NAMES)} 个单位" in missing
    excluded = SumNotice("A2", "excluded", params={"names": NAMES}).text(TEMPLATE)
    assert NAMES[NAMES_SHOWN - 1] in excluded and NAMES[NAMES_SHOWN] not in excluded
    assert f"等 {len(NAMES)} 个单位" in excluded


def test_every_variant_has_its_text():
    for variant in ("missing", "duplicates", "excluded", "unexpected"):
        notice = SumNotice("A2", variant, params={"names": ("甲局",)})
        assert "甲局" in notice.text(TEMPLATE) and notice.finding(TEMPLATE).severity is Severity.WARNING
