"""Start-up of this checkout against others (e.g. the code before a change), in alternating runs.

The machine's speed drifts by tens of per cent from one hour to the next, so figures of two versions are
only comparable when measured together: the `main.py` of each start in turn, and a bare PySide6 program
(one label, shown the same way) gives the floor that Qt itself sets on this machine.

Run: .venv/bin/python benchmarks/bench_startup_pair.py [--runs N] OTHER_CHECKOUT… [-- ARGS for main.py]
     (e.g. `git worktree add /tmp/before <commit>` for an OTHER_CHECKOUT)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from _timing import ROOT
from bench_ui import start_once, startup_env

#: A Qt program that does nothing but show one label, and says when it is on the screen as main.py does.
_BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("政务公开年报助手")
label.show()
def shown():
    print(f"first page shown at {time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def main(others: list[Path], runs: int, args: list[str]) -> None:
    bare = Path(tempfile.mkdtemp()) / "bare.py"
    bare.write_text(_BARE, encoding="utf-8")
    subjects = {f"this checkout ({ROOT})": ROOT / "main.py",
                **{f"other ({other})": other / "main.py" for other in others}, "bare PySide6 label": bare}
    times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in subjects}
    env = startup_env()
    for i in range(runs + 1):
        for name, script in subjects.items():
            measured = start_once(script, args if script != bare else [], env)
            if i:  # the first round warms the disk cache
                times[name].append(measured)
    print(f"start-up, python main.py {' '.join(args)}: {runs} runs each, alternating")
    for name, rows in times.items():
        shown, whole, cpu = (sorted(column) for column in zip(*rows, strict=True))
        print(f"  {name:<48} first page: median {statistics.median(shown):6.1f} ms, lower quartile "
              f"{shown[len(shown) // 4]:6.1f} ms   whole process: median {statistics.median(whole):6.1f} ms   "
              f"CPU: median {statistics.median(cpu):6.1f} ms")


if __name__ == "__main__":
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[:argv.index("--")] if "--" in argv else argv
    count = 20
    if argv[:1] == ["--runs"]:
        count, argv = int(argv[1]), argv[2:]
    if not argv:
        sys.exit(__doc__)
    main([Path(a).resolve() for a in argv], count, extra)
