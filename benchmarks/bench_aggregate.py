"""汇总 speed and memory: 500 member workbooks (this program's own) aggregated in one process.

Run: .venv/bin/python benchmarks/bench_aggregate.py [N]
The members are written once into a temporary folder (not timed); the aggregation runs in a child
process so that its peak memory (max RSS) is measured alone.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import ROOT

sys.path.insert(0, str(ROOT / "tests"))

CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from model.many_reports.aggregate import aggregate
t0 = time.perf_counter()
result = aggregate([{folder!r}], agency="某某县人民政府")
elapsed = time.perf_counter() - t0
print(f"{{len(result.counted)}} {{len(result.refused)}} {{elapsed:.3f}}")
"""


def main(n: int = 500) -> None:
    from aggregate_members import member

    from export.xlsx import write_workbook

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "成员 单位"
        folder.mkdir()
        t0 = time.perf_counter()
        for i in range(n):
            write_workbook(member(i), folder / f"{i:04d} 单位.xlsx", draft=False)
        print(f"wrote {n} member workbooks in {time.perf_counter() - t0:.1f} s (not part of the figure)")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), folder=str(folder))],
                             capture_output=True, text=True, check=True).stdout.split()
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        counted, refused, elapsed = int(out[0]), int(out[1]), float(out[2])
        print(f"aggregate {n} member workbooks: {elapsed:.2f} s, {counted} counted, {refused} refused, "
              f"peak memory {max(peak, before) / 1024:.0f} MB (max RSS of the child process)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
