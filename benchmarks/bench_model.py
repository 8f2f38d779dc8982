"""Model speed: all rules on a full report, and load + save of the report file.

Run: .venv/bin/python benchmarks/bench_model.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from _timing import measure

from model.rules import evaluate
from model.schema import INPUT_CODES
from model.storage import load, save
from resources import SAMPLE_REPORT

SAMPLE = SAMPLE_REPORT


def main() -> None:
    report = load(SAMPLE)
    # A fuller report than the sample: every input cell non-zero, so every rule does its arithmetic.
    busy = report.copy()
    for i, code in enumerate(INPUT_CODES):
        if code.startswith("t3."):
            busy.set_value(code, 1 + i % 7)
    measure("evaluate all rules (sample)", lambda: evaluate(report), 10_000)
    measure("evaluate all rules (every cell non-zero)", lambda: evaluate(busy), 10_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "报告 2022.json"
        save(report, path)
        measure("load report file", lambda: load(path), 1_000)
        measure("save report file (atomic, with .bak)", lambda: save(report, path), 1_000)


if __name__ == "__main__":
    main()
