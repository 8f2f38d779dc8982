"""Issue 18 points 2 and 4: the main window is made of parts without an import circle, and the
program's start builds only the first page (the table editors when their page is first shown)."""

from __future__ import annotations

import ast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from support import ROOT, SAMPLE, show_window


def _ui_imports() -> dict[str, set[str]]:
    """Every import between ui modules, wherever it is written (in a function, under TYPE_CHECKING)."""
    modules = {f"ui.{p.stem}" for p in (ROOT / "ui").glob("*.py") if p.stem != "__init__"}
    graph: dict[str, set[str]] = {}
    for name in modules:
        tree = ast.parse((ROOT / "ui" / f"{name[3:]}.py").read_text(encoding="utf-8"))
        targets: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                targets.add(node.module)
                targets.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
        graph[name] = targets & modules
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_circle_in_the_ui():
    """main_window ↔ aggregate_window was one (the tool windows named the main window's class)."""
    assert _cycle(_ui_imports()) is None, " → ".join(_cycle(_ui_imports()) or [])


def test_the_tool_windows_know_the_main_window_only_as_a_host():
    graph = _ui_imports()
    for name in ("ui.aggregate_window", "ui.audit_window", "ui.tool_window"):
        assert "ui.main_window" not in graph[name]
        assert "ui.host" in graph[name] or "ui.tool_window" in graph[name]


def test_the_start_builds_only_the_first_page(qtbot, isolated_data_dir):
    import ui
    from ui.app import build_window

    whole = ui.build_window()
    assert whole.findChild(QTableView, "table-t3") is not None  # the test hook: every page built
    started = build_window(lazy=True)
    try:
        assert started.findChild(QTableView, "table-t3") is None
        assert not any(page.built for page in started.wizard.table_pages.values())
        assert not any(page.built for page in started.wizard.section_pages.values())  # text pages too
        assert not started.wizard.review_page.built
        assert all(page.built for page in whole.wizard.section_pages.values()) and whole.wizard.review_page.built
        show_window(started, qtbot)
        started.sections.setCurrentRow(started.wizard.pageIds().index(started.wizard.page_of_table("t3")))
        view = started.findChild(QTableView, "table-t3")
        assert view is not None and started.wizard.table_pages["t3"].built
        assert not started.wizard.table_pages["t2"].built
        view.setFocus()
        model = view.model()
        first = model.index_of(model.table.input_codes[0])
        view.select_index(first)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        QApplication.processEvents()
        assert started.doc.report.value(model.table.input_codes[0]) == 7
    finally:
        for w in (whole, started):
            w.doc.set_modified(False)
            w.autosaver.timer.stop()
            w.close()
            w.deleteLater()


def _lazy_window(qtbot, path=None):  # type: ignore[no-untyped-def]
    from ui.app import build_window

    window = build_window(path, lazy=True)
    show_window(window, qtbot)
    return window


def _close(window) -> None:  # type: ignore[no-untyped-def]
    window.doc.set_modified(False)
    window.autosaver.timer.stop()
    window.close()
    window.deleteLater()


def _go_to_section(window, key: str) -> None:  # type: ignore[no-untyped-def]
    """Through the section list, as a user gets there."""
    wizard = window.wizard
    window.sections.setCurrentRow(wizard.pageIds().index(wizard.page_of_section(key)))
    QApplication.processEvents()


def test_a_text_page_made_on_first_show_is_the_same_page(qtbot, isolated_data_dir):
    """Typing, the checklist and a refused paste work on a text page that start-up did not build."""
    window = _lazy_window(qtbot, SAMPLE)
    try:
        key = "s5"
        page = window.wizard.section_pages[key]
        before = window.doc.report.sections[key]
        assert not page.built
        _go_to_section(window, key)
        assert page.built and page.editor.toPlainText() == before
        ticked = [page.checklist.item(i).checkState() for i in range(page.checklist.count())]
        assert Qt.CheckState.Checked in ticked  # ticked from the sample's text when the page was made
        page.editor.setFocus()
        page.editor.moveCursor(page.editor.textCursor().MoveOperation.Start)
        qtbot.keyClicks(page.editor, "2023")
        assert window.doc.report.sections[key] == "2023" + before
        QApplication.clipboard().setText("政务公开" * 2_250_000)  # more than the report file can hold
        qtbot.keyClick(page.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert window.doc.report.sections[key] == "2023" + before
        assert window.status_label.text().startswith("未粘贴")  # the page passes the refusal on
    finally:
        _close(window)


def test_a_text_page_made_while_the_report_is_read_only_follows_it(qtbot, isolated_data_dir):
    window = _lazy_window(qtbot, SAMPLE)
    try:
        page = window.wizard.section_pages["s1"]
        window.doc.set_read_only(True)
        assert not page.built
        _go_to_section(window, "s1")
        assert page.editor.isReadOnly() and page.prior_text.isReadOnly()
        window.doc.set_read_only(False)
        assert not page.editor.isReadOnly()
        assert page.prior_text.isReadOnly()  # last year's text is never for editing
    finally:
        _close(window)


def test_the_review_page_made_on_first_show_has_its_list_and_buttons(qtbot, isolated_data_dir):
    """校验与导出 is made when first shown: its findings go to their place, and its export buttons know
    whether an export is running at that moment."""
    from PySide6.QtWidgets import QPushButton

    window = _lazy_window(qtbot, SAMPLE)
    try:
        review = window.wizard.review_page
        window.exports._set_busy(True, "导出")  # an export running before the page was ever shown
        window.sections.setCurrentRow(len(window.wizard.pageIds()) - 1)
        QApplication.processEvents()
        assert review.built
        assert any(word in review.status.text() for word in ("可以报送", "还需说明", "尚不能报送"))
        button = review.findChild(QPushButton, "export-xlsx")
        assert button is not None and not button.isEnabled()
        window.exports._set_busy(False)
        assert button.isEnabled()
        blanked = window.doc.template.table("t4").input_codes[0]
        window.doc.set_cells({blanked: None})
        view = review.details.view
        row = next(i for i, f in enumerate(review.details.model.findings) if blanked in f.cells)
        view.activated.emit(view.model().index(row, 0))  # Enter on the finding
        page = window.wizard.table_pages["t4"]
        assert window.wizard.currentPage() is page
        assert page.view.currentIndex() == page.model.index_of(blanked)
    finally:
        _close(window)


def test_a_lazy_window_goes_to_a_finding_in_a_table_not_yet_shown(qtbot, isolated_data_dir):
    from ui.app import build_window

    window = build_window(SAMPLE, lazy=True)
    try:
        blanked = window.doc.template.table("t4").input_codes[3]
        window.doc.set_cells({blanked: None})  # a blank: a finding that names its cell
        finding = next(f for f in window.doc.findings if f.cells and f.cells[0] == blanked)
        window.go_to_finding(finding)
        page = window.wizard.table_pages[window.doc.template.cells[finding.cells[0]].table]
        assert page.built
        assert page.view.currentIndex() == page.model.index_of(finding.cells[0])
    finally:
        window.doc.set_modified(False)
        window.autosaver.timer.stop()
        window.close()
        window.deleteLater()


def test_a_blank_cell_says_what_the_rule_says(make_window):
    """Issue 18 point 3: the tooltip of a blank cell gives the rule's finding (its record and its one
    text), not a sentence of its own repeating the rule ("没有发生的事项应填写 0" was written twice)."""
    window = make_window()
    model = window.wizard.table_pages["t3"].model
    code = model.table.input_codes[0]
    (progress,) = [f for f in window.doc.cell_findings[code] if f.variant == "progress"]
    assert progress.rule == "T3-4" and code in progress.cells
    tip = model.index_of(code).data(Qt.ItemDataRole.ToolTipRole)
    assert f"【{progress.severity.label}】{progress.message}" in tip.splitlines()
    assert tip.splitlines()[0] == window.doc.template.cells[code].name


def test_at_the_start_the_text_checks_follow_the_first_page(qtbot, sample_report):
    """Point 7: the first page does not wait for the text checks (G6 reads every sentence); they run in
    the background once the window is up, as after typing, and an export's check_now settles them."""
    from ui.document import ReportDocument

    sample_report.sections["s1"] = "本年度共收到政府信息公开申请99件。"  # the tables say otherwise: G6
    full = ReportDocument(sample_report.copy())
    assert full.texts_checked and "G6" in {f.rule for f in full.findings}

    started = ReportDocument(sample_report.copy(), texts_later=True)
    assert not started.texts_checked
    assert "G6" not in {f.rule for f in started.findings}
    assert {f.rule for f in started.findings} == {f.rule for f in full.findings} - {"G6", "G7"}
    qtbot.waitUntil(lambda: started.texts_checked, timeout=10000)
    assert [f.key for f in started.findings] == [f.key for f in full.findings]

    settled = ReportDocument(sample_report.copy(), texts_later=True)
    settled.check_now()  # before an export: at once
    assert settled.texts_checked and [f.key for f in settled.handin_findings] == [f.key for f in full.handin_findings]
