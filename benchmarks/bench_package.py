"""The offline package (packaging/): its size on disk and how fast it starts.

- size: the folder (files, links not counted twice), as `du` counts it, and the zip beside it;
- start-up: from process start until the first page has been shown and the event loop has run once
  (GOV_REPORT_QUIT_AFTER_SHOW=1, offscreen), for `gov-report` and `gov-report --sample`, and the whole
  `gov-report check` of the sample; `python main.py --sample` from the source tree for comparison.
Each start-up: one warm-up run, then the median and the slowest of RUNS runs.

Run: bash packaging/build.sh && .venv/bin/python benchmarks/bench_package.py [dist/gov-report]
 or: bash packaging/build-linux-glibc228.sh && .venv/bin/python benchmarks/bench_package.py \
         dist/gov-report-glibc2.28/gov-report
 or, the ARM64 package on an x86-64 host, emulated by qemu-user (binfmt_misc) with the arm64 run root's
 system libraries (packaging/check-linux-arm64.sh makes it): many times slower than on a real ARM64 PC:
     QEMU_LD_PREFIX=/var/cache/gov-report-build/linux-arm64/arm64-run-root \
         .venv/bin/python benchmarks/bench_package.py dist/gov-report-aarch64/gov-report
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import ROOT

RUNS = 10
SAMPLE = ROOT / "resources" / "samples" / "jinxiang-xzsp-2022.json"


def size(folder: Path) -> None:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    du = subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True).stdout.split()[0]
    print(f"{'size: folder (file contents)':<44} {total / 2**20:8.1f} MiB   ({len(files)} files)")
    print(f"{'size: folder on disk (du)':<44} {int(du) / 1024:8.1f} MiB")
    # build.sh puts its zip beside the folder; build-linux-glibc228.sh its tarball one level up
    archives = {p for where in (folder.parent, folder.parent.parent) for pattern in ("-*.zip", "-*.tar.xz")
                for p in where.glob(folder.name + pattern)}
    for archive in sorted(archives):
        print(f"{'size: ' + archive.name:<44} {archive.stat().st_size / 2**20:8.1f} MiB")


def startup(label: str, cmd: list[str]) -> None:
    env = dict(os.environ, GOV_REPORT_QUIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen",
               GOV_REPORT_DATA_DIR=tempfile.mkdtemp())
    times = []
    for _ in range(RUNS + 1):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - t0) * 1000)
    times = sorted(times[1:])  # the first run warms the file cache
    print(f"{label:<44} median {statistics.median(times):8.1f} ms   max {times[-1]:8.1f} ms   ({RUNS} runs)")


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "gov-report").resolve()
    exe = folder / ("gov-report.exe" if sys.platform.startswith("win") else "gov-report")
    if not exe.is_file():
        print(f"未找到 {exe}：请先运行 bash packaging/build.sh", file=sys.stderr)
        return 2
    size(folder)
    startup("start-up: gov-report (new report)", [str(exe)])
    startup("start-up: gov-report --sample", [str(exe), "--sample"])
    startup("gov-report check SAMPLE (whole process)", [str(exe), "check", str(SAMPLE)])
    startup("for comparison: python main.py --sample", [sys.executable, str(ROOT / "main.py"), "--sample"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
