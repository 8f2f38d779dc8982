"""Issue 15: findings a clerk can trust (the panel's counts, the status bar) and typing that never waits
for the text checks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from support import SAMPLE

from ui.findings_panel import SEVERITY_ROLE


def _rows(panel):
    model = panel.model
    return [(model.index(r).data(Qt.ItemDataRole.UserRole), model.index(r).data()) for r in range(model.rowCount())]


def test_explained_confirm_is_shown_as_explained_and_counted_apart(make_window):
    window = make_window(SAMPLE)
    doc, panel = window.doc, window.findings
    doc.set_cells({"t3.new.natural": 1, "t3.carried_out.natural": 1})  # the text still says 2 applications
    (g6,) = [f for f in doc.findings if f.rule == "G6"]
    assert "需说明 1" in panel.summary.text() and "已说明" not in panel.summary.text()
    doc.set_explanation(g6.key, "另有 1 件申请系本年 12 月 31 日收到，按惯例计入下年。")
    text = panel.summary.text()
    assert "已说明 1" in text and "需说明" not in text  # nothing open is left to explain
    (row,) = [t for rule, t in _rows(panel) if rule == "G6"]
    assert "【已说明】" in row and "【需说明】" not in row
    assert panel.model.index([r for r, _ in _rows(panel)].index("G6")).data(SEVERITY_ROLE) == "confirm"


def test_status_bar_message_is_cleared_when_the_page_changes(make_window):
    window = make_window(SAMPLE)
    window.wizard.go_to(window.wizard.page_of_table("t3"))
    window.show_message("粘贴区域含有非数字内容，未粘贴。")
    assert window.status_label.text()
    window.sections.setCurrentRow(1)
    assert window.status_label.text() == ""


def _long_s1(window, n: int) -> str:
    """Section 一 of the sample repeated to `n` characters, with one figure the tables contradict at the end."""
    s1 = window.doc.report.sections["s1"]
    return (s1 * (n // len(s1) + 1))[:n - 40] + "\n2022 年，我局收到 3 条政府信息公开申请。"


def test_typing_in_a_long_section_runs_no_check_until_typing_pauses(make_window, qtbot, monkeypatch):
    """Keystrokes only store the text; the rules run once (both stages in one pass) after typing pauses."""
    import ui.document as D

    window = make_window(SAMPLE)
    doc = window.doc
    page = window.wizard.section_pages["s1"]
    page.editor.setPlainText(_long_s1(window, 20_000))
    qtbot.waitUntil(lambda: doc.texts_checked)
    assert [f.rule for f in doc.findings] == ["G6"]  # 收到 3 条, the table says 2
    runs = []
    real = D.evaluate_stages
    monkeypatch.setattr(D, "evaluate_stages", lambda *a, **k: runs.append(k.get("skip")) or real(*a, **k))
    window.wizard.go_to(window.wizard.page_of_section("s1"))
    editor = page.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)  # the final “。”
    QTest.keyClicks(editor, "abc")
    assert doc.report.sections["s1"] == editor.toPlainText()  # stored at once (autosave, modified mark)
    assert runs == [] and not doc.texts_checked  # no rule ran on the keystrokes
    qtbot.waitUntil(lambda: doc.texts_checked)
    assert runs == [None]  # once, all rules, both stages
    (g6,) = [f for f in doc.findings if f.rule == "G6"]
    assert g6.location.quote.endswith("收到 3 条政府信息公开申请abc")  # the text as typed
    assert [f.rule for f in doc.handin_findings] == ["G6"]


def test_a_huge_section_never_freezes_the_window(make_window, qtbot):
    """A million characters (about 3 s of checking): the window keeps handling events meanwhile."""
    import time

    from PySide6.QtCore import QTimer

    window = make_window(SAMPLE)
    doc = window.doc
    text = _long_s1(window, 1_000_000)
    t0 = time.perf_counter()
    window.wizard.section_pages["s1"].editor.setPlainText(text)
    assert time.perf_counter() - t0 < 1.5  # storing the text runs no check (it took 6 s before)
    gaps, last = [], [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    qtbot.waitUntil(lambda: doc.texts_checked, timeout=60_000)
    timer.stop()
    assert any(f.rule == "G6" for f in doc.findings)
    assert len(gaps) > 20 and max(gaps) < 1.0  # the check ran beside the event loop, not instead of it


def test_export_reads_findings_of_what_was_just_typed(make_window):
    """An export right after typing does not wait for the pause: its verdict is that of the text as typed."""
    from ui.exporting import snapshot

    window = make_window(SAMPLE)
    page = window.wizard.section_pages["s1"]
    page.editor.setPlainText(page.editor.toPlainText().replace("收到 2 条", "收到 3 条"))
    assert not window.doc.texts_checked
    snap = snapshot(window.doc)
    assert [f.rule for f in snap.findings] == ["G6"] and window.doc.texts_checked


def test_closing_during_a_long_check_does_not_wait_for_it(make_window, qtbot):
    import time

    window = make_window(SAMPLE)
    window.show()
    window.wizard.section_pages["s1"].editor.setPlainText(_long_s1(window, 999_999))  # not checked before
    qtbot.wait(500)  # the pause is over: the check of about 3 s runs in the background
    assert not window.doc.texts_checked
    window.doc.set_modified(False)
    start = time.perf_counter()
    window.close()
    assert time.perf_counter() - start < 1.0 and not window.isVisible()


def test_each_finding_is_painted_in_its_severitys_colours(make_window, qtbot):
    """The list is drawn in the colours of ui/colors.py: an error's text red on its pale red ground, a
    `todo` grey. Checked on the pixels the view paints, not on what its model answers."""
    from support import show_window

    from model.checks.rules import Severity
    from ui import colors

    window = make_window(SAMPLE)
    show_window(window, qtbot)
    window.doc.set_cells({"t3.new.natural": None, "t3.new.business": 9})  # T3-1 off: an error; a blank: todo
    view = window.findings.view
    rows = {window.findings.model.index(r).data(SEVERITY_ROLE): r for r in range(window.findings.model.rowCount())}
    image = view.viewport().grab().toImage()

    def colours_of(row: int) -> set[str]:
        rect = view.visualRect(window.findings.model.index(row))
        return {image.pixelColor(x, y).name() for x in range(rect.left(), rect.right(), 2)
                for y in range(rect.top(), rect.bottom(), 2)}

    error = colours_of(rows["error"])
    assert colors.SEVERITY_BG[Severity.ERROR].lighter(110).name() in error  # the row's ground
    assert colors.SEVERITY_FG[Severity.ERROR].name() in error  # its text
    assert colors.SEVERITY_FG[Severity.TODO].name() in colours_of(rows["todo"])
