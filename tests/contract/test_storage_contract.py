"""The report file names its template; storage reads every row of it (issue 18 points 1 and 2)."""

from __future__ import annotations

import json

import pytest
from extended_template import EXTENDED, EXTRA_ID, EXTRA_ROW, deny_report, registered

from model.report.storage import ReportFileError, dumps, loads
from model.template import CURRENT


def test_a_report_keeps_its_template_through_the_file():
    with registered():
        again = loads(dumps(deny_report()))
    assert again.template is EXTENDED
    assert again.values[f"t3.{EXTRA_ROW}.natural"] == 2
    assert again.figures()["t3.total.natural"] == 3  # the total sums the new row


def test_the_file_names_its_template():
    doc = json.loads(dumps(deny_report()))
    assert doc["template"] == EXTRA_ID
    assert doc["values"][f"t3.{EXTRA_ROW}.total"] == 2


def test_an_unknown_template_is_refused_naming_it():
    text = dumps(deny_report())  # not registered: this program does not know the format
    with pytest.raises(ReportFileError) as info:
        loads(text, "某局报告.json")
    assert f"“{EXTRA_ID}”" in str(info.value) and f"“{CURRENT.id}”" in str(info.value)


def test_a_report_of_the_current_template_does_not_know_the_new_row():
    doc = json.loads(dumps(deny_report()))
    doc["template"] = CURRENT.id
    with pytest.raises(ReportFileError, match=f"t3.{EXTRA_ROW}"):
        loads(json.dumps(doc, ensure_ascii=False))
