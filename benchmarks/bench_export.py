"""Export speed: the workbook, the PDF and the Word document of the sample, in-process and as `main.py export`,
beside LibreOffice headless converting the same workbook to PDF (the route users take today).

Run: .venv/bin/python benchmarks/bench_export.py
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import ROOT, measure

from export.docx import write_docx
from export.pdf import write_pdf
from export.xlsx import write_workbook
from model.checks.rules import evaluate
from model.report.storage import load
from resources import SAMPLE_REPORT

SAMPLE = SAMPLE_REPORT


def wall(label: str, cmd: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs + 1):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times[1:])  # the first run warms the caches
    print(f"{label:<44} median {median:8.1f} ms   ({runs} runs)")
    return median


def main() -> None:
    report = load(SAMPLE)
    findings = evaluate(report)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        xlsx, pdf, docx = out / "报告.xlsx", out / "报告.pdf", out / "报告.docx"
        measure("write_workbook (sample, in-process)", lambda: write_workbook(report, xlsx, findings=findings, draft=False), 20, 3)
        measure("write_pdf (sample, in-process)", lambda: write_pdf(report, pdf, draft=False), 20, 3)
        measure("write_docx (sample, in-process)", lambda: write_docx(report, docx, draft=False), 20, 3)
        ours = wall("python main.py export --xlsx --pdf (process)",
                    [sys.executable, str(ROOT / "main.py"), "export", str(SAMPLE), "--xlsx", str(xlsx),
                     "--pdf", str(pdf)])
        soffice = shutil.which("soffice")
        if soffice:
            profile = (out / "lo-profile").as_uri()
            lo = wall("soffice --headless --convert-to pdf (xlsx)",
                      [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                       "--outdir", str(out / "lo"), str(xlsx)])
            print(f"ratio LibreOffice / main.py export: {lo / ours:.1f}×")


if __name__ == "__main__":
    main()
