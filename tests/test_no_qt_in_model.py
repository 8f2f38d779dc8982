"""DESIGN.md: `model/` and `export/` never import Qt; the batch paths stay light.

Each check runs in a fresh interpreter so that modules imported by other tests do not count.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from support import ROOT, SAMPLE, SAMPLE_TXT

QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imported_after(code: str) -> set[str]:
    """Run `code` in a new interpreter with the project on sys.path; return the top-level modules loaded."""
    script = textwrap.dedent(f"""
        import json, sys
        sys.path.insert(0, {str(ROOT)!r})
        {textwrap.indent(textwrap.dedent(code), "        ").strip()}
        print(json.dumps(sorted({{name.split(".")[0] for name in sys.modules}})))
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def test_model_export_and_main_do_not_import_qt():
    code = """
        import importlib, pkgutil, pathlib
        import model
        names = [m.name for m in pkgutil.walk_packages(model.__path__, "model.")]
        for name in names:
            importlib.import_module(name)
        assert {"model.template.t2021", "model.report.values", "model.report.report", "model.checks.rules",
                "model.report.storage", "model.reading.documents", "model.reading.workbook_layout",
                "model.reading.workbook_reader", "model.many_reports.aggregate"} <= set(names), names
        root = pathlib.Path(sys.path[0])
        if (root / "export" / "__init__.py").exists():
            import export
            for m in pkgutil.iter_modules(export.__path__):
                importlib.import_module("export." + m.name)
        import main
    """
    loaded = _imported_after(code)
    assert "model" in loaded and "main" in loaded
    assert not loaded & set(QT), sorted(loaded & set(QT))


def test_rules_and_storage_do_not_import_heavy_libraries():
    loaded = _imported_after("import model.checks.rules, model.report.storage")
    assert "model" in loaded
    assert not loaded & {"openpyxl", "reportlab", *QT}, sorted(loaded & {"openpyxl", "reportlab", *QT})


def test_check_command_path_stays_light():
    code = f"""
        import contextlib, io
        import main
        with contextlib.redirect_stdout(io.StringIO()):
            status = main.main(["check", {str(SAMPLE)!r}])
        assert status == 0, status
    """
    loaded = _imported_after(code)
    assert not loaded & {"openpyxl", "reportlab", "ui", *QT}, sorted(loaded & {"openpyxl", "reportlab", "ui", *QT})


# -- issue 18 point 7: each command imports only what it needs ------------------------------------------

_WRITERS = {"openpyxl", "reportlab", "docx"}
_READERS = {"pdfplumber", "pdfminer", "pypdfium2"}
_NOT_FOR_BATCH = {"ui", "export", *_WRITERS, *_READERS, *QT}


def _loaded_by_command(args: list[str], tmp_path) -> set[str]:
    code = f"""
        import contextlib, io, os
        os.chdir({str(tmp_path)!r})
        import main
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            status = main.main({args!r})
        assert status in (0, 1), status
    """
    return _imported_after(code)


@pytest.mark.parametrize("command", ["check", "check-text", "new", "import", "aggregate"])
def test_batch_commands_import_no_writer_reader_or_qt_they_do_not_use(command, tmp_path):
    text = str(SAMPLE_TXT)
    args = {"check": ["check", str(SAMPLE)], "check-text": ["check", text],
            "new": ["new", "--from", str(SAMPLE), str(tmp_path / "新 报告.json")],
            "import": ["import", text, "--out", str(tmp_path / "导入.json")],
            "aggregate": ["aggregate", str(SAMPLE), "--out", str(tmp_path / "汇总.json")]}[command]
    loaded = _loaded_by_command(args, tmp_path)
    assert not loaded & _NOT_FOR_BATCH, sorted(loaded & _NOT_FOR_BATCH)


@pytest.mark.parametrize(("option", "writer"), [("--xlsx", "openpyxl"), ("--pdf", "reportlab"), ("--docx", "docx")])
def test_export_imports_only_the_writer_it_writes_with(option, writer, tmp_path):
    out = tmp_path / f"报告{ {'--xlsx': '.xlsx', '--pdf': '.pdf', '--docx': '.docx'}[option]}"
    loaded = _loaded_by_command(["export", str(SAMPLE), option, str(out)], tmp_path)
    assert writer in loaded
    assert not loaded & (_WRITERS - {writer} | _READERS | set(QT) | {"ui"}), sorted(loaded & (_WRITERS | _READERS))


def test_the_first_page_imports_no_table_editor_text_check_or_writer(tmp_path):
    """`python main.py` until the first page is shown: the table editors come with their page, the text
    checks after the first page (in the background), the writers with the first export, the readers
    when a file is opened."""
    code = f"""
        import os
        os.environ.update(QT_QPA_PLATFORM="offscreen", GOV_REPORT_QUIT_AFTER_SHOW="1",
                          GOV_REPORT_DATA_DIR={str(tmp_path / "数据")!r})
        import main
        assert main.main([]) == 0
        import sys
        later = {{"ui.table_view", "ui.table_model", "model.checks.text_figures", "ui.aggregate_window",
                  "ui.audit_window", "openpyxl", "reportlab", "docx", "model.reading.documents",
                  "model.reading.notices"}}
        assert not later & set(sys.modules), sorted(later & set(sys.modules))
    """
    loaded = _imported_after(code)
    assert "PySide6" in loaded
