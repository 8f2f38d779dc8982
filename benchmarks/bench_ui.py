"""UI speed, offscreen with the real widgets.

- start-up: `python main.py` (and `--sample`) from process start until the first page has been shown
  and the event loop has run once (the program quits there);
- keystroke: in table 三 of the sample, from typing a number into a cell until totals, cell colours and
  the findings panel are updated and painted;
- typing in a section of 20 000 characters: from a key event in the editor until the text is stored, the
  checklist ticked and the editor painted (the text checks wait for a pause), and the pause's check;
- with `--huge`: a section of 6 000 000 characters, the event loop's longest wait and keystrokes while its
  text checks run in the background.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py [--huge]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import ROOT, measure

try:
    import resource  # Unix: the CPU time of the runs
except ImportError:  # Windows: wall time only
    resource = None  # type: ignore[assignment]


def _cpu_ms() -> float:
    if resource is None:
        return 0.0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (used.ru_utime + used.ru_stime) * 1000


def startup_env() -> dict[str, str]:
    """The environment of a measured start: offscreen, a data folder of its own, quitting at the first page."""
    return dict(os.environ, GOV_REPORT_QUIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen",
                GOV_REPORT_DATA_DIR=tempfile.mkdtemp())


def start_once(main: Path, args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """One start of `main` (a main.py): ms until the first page is on the screen (the program prints the
    moment and quits; NaN for code older than that line), ms of the whole process with its exit, and its
    CPU time (user + system: on a busy machine the wall time also counts the waiting for a core)."""
    before = _cpu_ms()
    started, t0 = time.time(), time.perf_counter()
    out = subprocess.run([sys.executable, str(main), *args], env=env, check=True,
                         capture_output=True, text=True).stdout
    whole = (time.perf_counter() - t0) * 1000
    cpu = _cpu_ms() - before
    moment = next((line for line in out.splitlines() if line.startswith("first page shown at ")), None)
    shown = (float(moment.rsplit(" ", 1)[1]) - started) * 1000 if moment else float("nan")
    return shown, whole, cpu


def startup(args: list[str], runs: int = 10) -> None:
    """`python main.py` from starting the process until the first page is on the screen, and the whole process."""
    env = startup_env()
    times = [start_once(ROOT / "main.py", args, env) for _ in range(runs + 1)][1:]  # the first warms the cache
    shown, whole, cpu = (sorted(column) for column in zip(*times, strict=True))
    label = "start-up: python main.py " + " ".join(args)
    print(f"{label:<44} first page: median {statistics.median(shown):6.1f} ms   max {shown[-1]:6.1f} ms   "
          f"whole process with its exit: median {statistics.median(whole):6.1f} ms   "
          f"CPU median {statistics.median(cpu):6.1f} ms   ({runs} runs)")


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


def _long_section(window, n: int):  # type: ignore[no-untyped-def]
    """Section 一 of the sample repeated to `n` characters, shown, the cursor in the middle."""
    from PySide6.QtWidgets import QApplication

    doc, page = window.doc, window.wizard.section_pages["s1"]
    s1 = doc.report.sections["s1"]
    page.editor.setPlainText((s1 * (n // len(s1) + 1))[:n])
    window.wizard.go_to(window.wizard.page_of_section("s1"))
    editor = page.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(n // 2)
    editor.setTextCursor(cursor)
    QApplication.instance().processEvents()
    return doc, editor


def _wait_checked(doc, limit_s: float = 600) -> float:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    t0 = time.perf_counter()
    while not doc.texts_checked and time.perf_counter() - t0 < limit_s:
        QApplication.instance().processEvents()
        time.sleep(0.001)
    return (time.perf_counter() - t0) * 1000


def typing_in_text() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import ui
    from ui.app import SAMPLE
    from ui.document import TEXT_CHECK_DELAY_MS

    window = ui.build_window(SAMPLE)
    window.show()
    app = QApplication.instance()
    doc, editor = _long_section(window, 20_000)
    _wait_checked(doc)
    counter = iter(range(10**9))

    def key() -> None:
        QTest.keyClick(editor, Qt.Key.Key_A if next(counter) % 2 else Qt.Key.Key_Backspace)
        app.processEvents()  # the editor's repaint and whatever the keystroke queued

    measure("keystroke in a section of 20 000 characters", key, 300)
    pauses = []
    for _ in range(20):
        key()
        pauses.append(_wait_checked(doc))
    pauses.sort()
    print(f"{'last keystroke → findings new (pause ' + str(TEXT_CHECK_DELAY_MS) + ' ms)':<44} "
          f"median {statistics.median(pauses):8.3f} ms   max {pauses[-1]:8.3f} ms   (20 runs)")
    doc.set_modified(False)


def huge_section(n: int = 6_000_000) -> None:
    """The window while the text checks of a huge section run: the event loop's longest wait, keystrokes."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import ui
    from ui.app import SAMPLE

    window = ui.build_window(SAMPLE)
    window.show()
    app = QApplication.instance()
    doc, editor = _long_section(window, n)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    keys = []
    t0 = time.perf_counter()
    while not doc.texts_checked:
        app.processEvents()
        time.sleep(0.005)
        if len(keys) < 10 and time.perf_counter() - t0 > 1:
            k0 = time.perf_counter()
            QTest.keyClick(editor, Qt.Key.Key_A)
            app.processEvents()
            keys.append((time.perf_counter() - k0) * 1000)
    timer.stop()
    gaps.sort()
    print(f"section of {n:,} characters: checked after {time.perf_counter() - t0:.1f} s (typing restarts it); "
          f"event loop waited at most {gaps[-1]:.0f} ms (p99 {gaps[int(len(gaps) * 0.99)]:.0f} ms); "
          f"keystrokes meanwhile median {statistics.median(keys):.0f} ms, max {max(keys):.0f} ms")
    doc.set_modified(False)


if __name__ == "__main__":
    if "--huge" in sys.argv:
        os.environ["GOV_REPORT_DATA_DIR"] = tempfile.mkdtemp()
        huge_section()
        sys.exit()
    startup([])
    startup(["--sample"])
    keystroke()
    typing_in_text()
