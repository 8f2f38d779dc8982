"""Export speed: the workbook, the PDF and the Word document of the sample, in-process and as `main.py export`,
beside LibreOffice headless converting the same workbook to PDF (the route users take today).

`main.py export --xlsx --pdf` and LibreOffice's xlsx→pdf run in pairs, one after the other, so that both
see the same load on the machine; the figure of issue 18 is the ratio of the medians (≤ 0.4). The child
processes run as an installed program does: with its bytecode cached (PYTHONDONTWRITEBYTECODE removed)
and the font cache of export/font_cache.py in a folder of its own, warmed by the first run.

Run: .venv/bin/python benchmarks/bench_export.py
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import ROOT, measure

from export.docx import write_docx
from export.font_cache import CACHE_ENV
from export.pdf import write_pdf
from export.xlsx import write_workbook
from model.checks.rules import evaluate
from model.report.storage import load
from resources import SAMPLE_REPORT

SAMPLE = SAMPLE_REPORT


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system of the process and every child it waited for), in ms."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall = (time.perf_counter() - t0) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000


def paired(ours_cmd: list[str], lo_cmd: list[str] | None, env: dict[str, str], runs: int = 7) -> None:
    """Run ours and LibreOffice alternately (`runs` pairs after one warm-up pair); print both medians and
    their ratio."""
    ours, lo = [], []
    for i in range(runs + 1):
        a = _run(ours_cmd, env)
        b = _run(lo_cmd, env) if lo_cmd else None
        if i:  # the first pair warms the caches (bytecode, fonts, LibreOffice's profile)
            ours.append(a)
            if b is not None:
                lo.append(b)
    mine, mine_cpu = statistics.median(w for w, _ in ours), statistics.median(c for _, c in ours)
    print(f"{'python main.py export --xlsx --pdf (process)':<44} median {mine:8.1f} ms   "
          f"CPU {mine_cpu:7.1f} ms   ({runs} runs)")
    if lo:
        theirs, theirs_cpu = statistics.median(w for w, _ in lo), statistics.median(c for _, c in lo)
        print(f"{'soffice --headless --convert-to pdf (xlsx)':<44} median {theirs:8.1f} ms   "
              f"CPU {theirs_cpu:7.1f} ms   ({runs} runs)")
        pairs = statistics.median(a[0] / b[0] for a, b in zip(ours, lo, strict=True))
        print(f"ratio main.py export / LibreOffice: {mine / theirs:.2f}× wall time (median of the pairs' ratios "
              f"{pairs:.2f}×), {mine_cpu / theirs_cpu:.2f}× CPU time")


def main() -> None:
    report = load(SAMPLE)
    findings = evaluate(report)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        xlsx, pdf, docx = out / "报告.xlsx", out / "报告.pdf", out / "报告.docx"
        measure("write_workbook (sample, in-process)", lambda: write_workbook(report, xlsx, findings=findings, draft=False), 20, 3)
        measure("write_pdf (sample, in-process)", lambda: write_pdf(report, pdf, draft=False), 20, 3)
        measure("write_docx (sample, in-process)", lambda: write_docx(report, docx, draft=False), 20, 3)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env[CACHE_ENV] = str(out / "font-cache")
        ours = [sys.executable, str(ROOT / "main.py"), "export", str(SAMPLE), "--xlsx", str(xlsx), "--pdf", str(pdf)]
        soffice = shutil.which("soffice")
        lo = None
        if soffice:
            profile = (out / "lo-profile").as_uri()
            lo = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                  "--outdir", str(out / "lo"), str(xlsx)]
        else:
            print("soffice not found: LibreOffice's figure is not measured")
        paired(ours, lo, env)


if __name__ == "__main__":
    main()
