"""Speed of rule G6 (figures in the text against the tables): the sample report, and a long section.

Run: .venv/bin/python benchmarks/bench_text.py
Targets (issue 9): the sample under ~10 ms median; a section of 20 000 characters under ~80 ms.
"""

from __future__ import annotations

import sys

from _timing import ROOT, measure

sys.path.insert(0, str(ROOT / "tests" / "model"))

from text_corpus import PASSAGES  # noqa: E402

from model.checks.text_figures import g6_findings  # noqa: E402
from model.report.storage import load  # noqa: E402
from resources import SAMPLE_REPORT  # noqa: E402

LONG_CHARS = 20_000


def long_report():
    """The sample with section 一 replaced by 20 000 characters of report-like text full of figures."""
    report = load(SAMPLE_REPORT)
    parts = [report.sections["s1"]] + [p.text for p in PASSAGES if p.section == "s1"]
    text = ""
    while len(text) < LONG_CHARS:
        text += "\n".join(parts) + "\n"
    report.sections["s1"] = text[:LONG_CHARS]
    return report


def main() -> None:
    sample = load(SAMPLE_REPORT)
    wrong = sample.copy()
    wrong.sections["s1"] = wrong.sections["s1"].replace("我局收到 2 条", "我局收到 3 条")
    long = long_report()
    print(f"long section: {len(long.sections['s1'])} characters, {len(g6_findings(long))} findings")
    from model.checks.text_figures import _claims

    def cold(report):  # the text just changed: it is parsed again
        def run():
            _claims.cache_clear()
            g6_findings(report)
        return run

    measure("g6_findings (sample, text changed)", cold(sample), 2_000)
    measure("g6_findings (sample, one wrong figure)", cold(wrong), 2_000)
    measure(f"g6_findings (section of {LONG_CHARS} characters)", cold(long), 100, warmup=5)
    measure("g6_findings (sample, a table cell changed)", lambda: g6_findings(sample), 2_000)


if __name__ == "__main__":
    main()
