"""Start-up stays light: the wizard does not import the export libraries (0.35 s on their own)."""

from __future__ import annotations

import os
import subprocess
import sys

from support import ROOT, SAMPLE


def test_wizard_start_imports_no_export_library(tmp_path):
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "import ui\n"
        f"w = ui.build_window({str(SAMPLE)!r})\n"
        "w.show()\n"
        "print(sorted(m for m in ('openpyxl', 'reportlab') if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GOV_REPORT_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_main_opens_the_sample_and_quits(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GOV_REPORT_DATA_DIR=str(tmp_path),
               GOV_REPORT_QUIT_AFTER_SHOW="1")
    for args in ([], ["--sample"], [str(SAMPLE)]):
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env, capture_output=True,
                             text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert "Traceback" not in out.stderr
