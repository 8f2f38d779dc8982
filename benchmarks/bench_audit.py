"""年报质量检查 speed and memory: 300 published reports (html, docx, pdf, a third each) in one run.

Run: .venv/bin/python benchmarks/bench_audit.py [N]
The documents are written once into a temporary folder (not timed): real published web pages with the
unit's name changed, and this program's Word documents and PDFs of the sample report under other names.
The check runs in a child process (which reads in worker processes, one per core), so its time and
memory are measured alone. Memory: the child's own peak (max RSS) plus the largest worker's peak times
the number of workers, an upper bound of what the run holds at once. Target (issue 19): ≤ 30 s and
≤ 500 MiB on a 2-core machine.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import ROOT

sys.path.insert(0, str(ROOT / "tests"))

CHILD = """
import os, resource, sys, time
sys.path.insert(0, {root!r})
from model.many_reports.audit import run_audit
seen = []
t0 = time.perf_counter()
result = run_audit([{folder!r}], progress=lambda d, n, name: seen.append(d))
elapsed = time.perf_counter() - t0
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
# VmHWM, not ru_maxrss: Linux carries a process's max RSS across exec, so ru_maxrss would count the
# benchmark's own memory (it wrote the documents) as the child's
own = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
worker = kids.ru_maxrss
cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
print(len(result.units), len(result.unreadable), len(result.duplicates), f"{{elapsed:.3f}}", own, worker,
      os.cpu_count(), len(seen), sum(u.errors > 0 for u in result.units), f"{{cpu:.1f}}", os.getloadavg()[0])
"""

HTML = ("jishu-2023.html", "金乡县鸡黍镇人民政府"), ("renwu-2023.html", "济宁市任城区人民政府"), \
       ("zoucheng-sthj-2022.html", "邹城市生态环境局")


def write_documents(folder: Path, n: int) -> None:
    from export.docx import write_docx
    from export.pdf import write_pdf
    from model.report.storage import load
    from resources import SAMPLE_REPORT

    corpus = ROOT / "tests" / "model" / "import_corpus"
    sample = load(SAMPLE_REPORT)
    for i in range(n):
        unit = f"某某县第{i:03d}局"
        if i % 3 == 0:
            name, agency = HTML[i // 3 % len(HTML)]
            text = (corpus / name).read_text(encoding="utf-8").replace(agency, unit)
            (folder / f"{i:03d} {unit}.html").write_text(text, encoding="utf-8")
            continue
        report = sample.copy()
        old = report.meta["agency"]
        report.meta["agency"] = unit
        report.meta.pop("title", None)
        report.sections = {k: v.replace(old, unit) for k, v in report.sections.items()}
        if i % 3 == 1:
            write_docx(report, folder / f"{i:03d} {unit}.docx", draft=False)
        else:
            write_pdf(report, folder / f"{i:03d} {unit}.pdf", draft=False)


def main(n: int = 300) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "各单位 年报"
        folder.mkdir()
        t0 = time.perf_counter()
        write_documents(folder, n)
        kinds = sorted({p.suffix for p in folder.iterdir()})
        print(f"wrote {n} documents ({', '.join(kinds)}) in {time.perf_counter() - t0:.1f} s (not part of the figure)")
        out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), folder=str(folder))],
                             capture_output=True, text=True, check=True).stdout.split()
        units, unreadable, dups, elapsed = int(out[0]), int(out[1]), int(out[2]), float(out[3])
        own, worker, cores, steps, with_errors = (int(x) for x in out[4:9])
        cpu, load = float(out[9]), float(out[10])
        workers = cores if n >= 12 else 0
        bound = (own + workers * worker) / 1024
        print(f"audit {n} documents: {elapsed:.2f} s on {cores} cores; {units} units, {with_errors} with errors, "
              f"{unreadable} unreadable, {dups} duplicates; {steps} progress steps")
        print(f"CPU time of the run (main and workers): {cpu:.1f} s, i.e. {cpu / cores:.1f} s on {cores} idle cores; "
              f"load average at the end {load:.1f} (other work on the machine slows the wall-clock figure)")
        print(f"peak memory: main {own / 1024:.0f} MiB, largest worker {worker / 1024:.0f} MiB, "
              f"at most {bound:.0f} MiB together ({workers} workers)")
        print(f"target ≤ 30 s and ≤ 500 MiB: {'met' if elapsed <= 30 and bound <= 500 else 'NOT met'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
