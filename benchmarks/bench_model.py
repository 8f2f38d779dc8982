"""Model speed: all rules on a full report, and load + save of the report file.

Run: .venv/bin/python benchmarks/bench_model.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from _timing import measure

from model.checks.rules import evaluate
from model.report.storage import load, save
from model.template import CURRENT
from resources import SAMPLE_REPORT

SAMPLE = SAMPLE_REPORT


def main() -> None:
    report = load(SAMPLE)
    # A fuller report than the sample: every input cell non-zero, so every rule does its arithmetic.
    busy = report.copy()
    for i, code in enumerate(CURRENT.input_codes):
        if code.startswith("t3."):
            busy.set_value(code, 1 + i % 7)
    measure("evaluate all rules, text included (sample)", lambda: evaluate(report), 2_000)
    measure("evaluate all rules (every cell non-zero)", lambda: evaluate(busy), 2_000)
    # A long section 一 of 20 000 characters (the sample's text repeated), as issue 9 asks.
    long = report.copy()
    s1 = report.sections["s1"]
    long.sections["s1"] = (s1 * (20_000 // len(s1) + 1))[:20_000]
    from model.checks.text_figures import _claims

    def cold(*args):  # as after typing in the text: the text is parsed again (G6 caches per text)
        def run():
            _claims.cache_clear()
            evaluate(*args)
        return run

    measure("evaluate all rules, the text just changed (sample)", cold(report), 2_000)
    measure("evaluate all rules, section 一 of 20 000 characters", cold(long), 100)
    # With last year's report (the sample itself, so 内容雷同 compares every paragraph).
    measure("evaluate all rules with last year's report (G7)", cold(long, report), 100)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "报告 2022.json"
        save(report, path)
        measure("load report file", lambda: load(path), 1_000)
        measure("save report file (atomic, with .bak)", lambda: save(report, path), 1_000)


if __name__ == "__main__":
    main()
