"""Where start-up goes, phase by phase, in one process: Qt's import, the program's modules, QApplication,
the main window (lazy, as `python main.py` builds it) and the first paint. Prints one line per run.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_startup_phases.py [RUNS]
(each run is a fresh interpreter, so that nothing is imported already)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_ONE_RUN = """
import gc, os, sys, time
gc.disable()  # as main.py starts the wizard
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401
t1 = time.perf_counter()
import ui.app as app_module
t2 = time.perf_counter()
app = app_module.application()
t3 = time.perf_counter()
window = app_module.build_window(None, lazy=True)
t4 = time.perf_counter()
window.show_on_screen()
QtCore.QTimer.singleShot(0, app.quit)
app.exec()
t5 = time.perf_counter()
ms = [round(1000 * (b - a)) for a, b in ((t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5))]
print("Qt import {{}} ms, program modules {{}} ms, QApplication {{}} ms, window {{}} ms, first paint {{}} ms".format(*ms))
"""


def main(runs: int) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GOV_REPORT_DATA_DIR=tempfile.mkdtemp())
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _ONE_RUN.format(root=str(ROOT))], env=env,
                             capture_output=True, text=True, check=True).stdout
        print(out.strip().splitlines()[-1])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
