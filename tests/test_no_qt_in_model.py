"""DESIGN.md: `model/` and `export/` never import Qt; the batch paths stay light.

Each check runs in a fresh interpreter so that modules imported by other tests do not count.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from support import ROOT, SAMPLE

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
