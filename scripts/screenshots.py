"""Save a screenshot of every wizard page with the sample report, for docs/screenshots/.

Run under a real X server: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py
Only the print preview (文件 › 打印): … scripts/screenshots.py print-preview
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(only: list[str]) -> None:
    import os

    os.environ.setdefault("GOV_REPORT_DATA_DIR", tempfile.mkdtemp())
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    import ui
    from ui.app import SAMPLE

    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if only == ["print-preview"]:
        print_preview(out)
        return
    window = ui.build_window(SAMPLE)
    window.resize(1500, 950)
    window.show()
    app = QApplication.instance()
    # One broken number, so the pictures show how an error looks.
    t3 = window.wizard.table_pages["t3"]
    t3.model.setData(t3.model.index_of("t3.new.natural"), "3", Qt.ItemDataRole.EditRole)
    for i, page_id in enumerate(window.wizard.pageIds()):
        window.wizard.go_to(page_id)
        for _ in range(5):
            app.processEvents()
        name = f"page-{i:02d}.png"
        window.grab().save(str(out / name))
        print(out / name)
    window.doc.set_modified(False)
    # A new report: blank cells are tinted, not alarming; the findings list names them once per table.
    new = ui.build_window()
    new.resize(1500, 950)
    new.show()
    new.wizard.go_to(new.wizard.page_of_table("t3"))
    for _ in range(5):
        app.processEvents()
    new.grab().save(str(out / "new-report-t3.png"))
    print(out / "new-report-t3.png")
    # The same new report half filled, as people type it: running totals, the balance as progress.
    for row, value in (("new", 10), ("carried_in", 2), ("open", 6), ("partial", 1), ("carried_out", 3)):
        new.doc.set_cells({f"t3.{row}.natural": value})
    new.resize(1366, 768)
    for _ in range(5):
        app.processEvents()
    new.grab().save(str(out / "half-filled-t3.png"))
    print(out / "half-filled-t3.png")
    new.doc.set_modified(False)
    guide_images(out)
    print_preview(out)


def print_preview(out: Path) -> None:
    """文件 › 打印 with the sample: Qt's print preview of the report's own pages (the last one, with the 落款)."""
    import time

    from PySide6.QtWidgets import QApplication

    import ui
    from ui.app import SAMPLE

    window = ui.build_window(SAMPLE)
    app = QApplication.instance()
    window.resize(1200, 800)
    window.show()
    window.exports.print_report()
    deadline = time.monotonic() + 60
    while window.exports.preview_dialog is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    dialog = window.exports.preview_dialog
    if dialog is None:
        raise SystemExit("打印预览未能打开")
    dialog.resize(1100, 820)
    dialog.preview.setViewMode(dialog.preview.ViewMode.FacingPagesView)
    dialog.preview.setZoomMode(dialog.preview.ZoomMode.FitInView)
    dialog.preview.setCurrentPage(dialog.preview.pageCount() - 1)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    dialog.grab().save(str(out / "print-preview.png"))
    print(out / "print-preview.png")
    dialog.close()
    window.doc.set_modified(False)


#: Screenshots the user guide (docs/使用说明.md) shows, and the width it shows them at.
GUIDE_IMAGES = ("half-filled-t3.png", "aggregate-window.png")
GUIDE_WIDTH = 680


def guide_images(out: Path) -> None:
    """Narrower copies for the guide, which the program's help window shows at their own size."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    for name in GUIDE_IMAGES:
        image = QImage(str(out / name))
        if image.isNull():
            continue
        image.scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation).save(str(out / f"guide-{name}"))
        print(out / f"guide-{name}")


if __name__ == "__main__":
    main(sys.argv[1:])
