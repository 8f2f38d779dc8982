"""UI speed, offscreen with the real widgets.

- start-up: `python main.py` (and `--sample`) from process start until the first page has been shown
  and the event loop has run once (the program quits there);
- keystroke: in table 三 of the sample, from typing a number into a cell until totals, cell colours and
  the findings panel are updated and painted.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from _timing import ROOT, measure


def startup(args: list[str], runs: int = 10) -> None:
    env = dict(os.environ, GOV_REPORT_QUIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen",
               GOV_REPORT_DATA_DIR=tempfile.mkdtemp())
    times = []
    for _ in range(runs + 1):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env, check=True)
        times.append((time.perf_counter() - t0) * 1000)
    times = sorted(times[1:])  # the first run warms the file cache
    label = "start-up: python main.py " + " ".join(args)
    print(f"{label:<44} median {statistics.median(times):8.1f} ms   max {times[-1]:8.1f} ms   ({runs} runs)")


def keystroke() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GOV_REPORT_DATA_DIR"] = tempfile.mkdtemp()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import ui
    from ui.app import SAMPLE

    window = ui.build_window(SAMPLE)
    window.show()
    app = QApplication.instance()
    page = window.wizard.table_pages["t3"]
    window.wizard.go_to(window.wizard.page_of_table("t3"))
    app.processEvents()
    view, model = page.view, page.model
    index = model.index_of("t3.open.natural")
    counter = iter(range(10**9))

    def by_model() -> None:
        model.setData(index, str(2 + next(counter) % 2), Qt.ItemDataRole.EditRole)
        app.processEvents()  # runs the pending paint events of the changed cells and the findings list

    def by_keys() -> None:
        view.setCurrentIndex(index)
        QTest.keyClick(view, Qt.Key.Key_2 if next(counter) % 2 else Qt.Key.Key_3)
        QTest.keyClick(view.focusWidget(), Qt.Key.Key_Return)
        app.processEvents()

    def full_repaint() -> None:
        model.setData(index, str(2 + next(counter) % 2), Qt.ItemDataRole.EditRole)
        view.viewport().repaint()
        window.findings.view.viewport().repaint()
        app.processEvents()

    measure("keystroke → totals+findings (setData)", by_model, 300)
    measure("keystroke → totals+findings (key events)", by_keys, 300)
    measure("keystroke, then repaint all of table 三", full_repaint, 300)
    window.doc.set_modified(False)


if __name__ == "__main__":
    startup([])
    startup(["--sample"])
    keystroke()
