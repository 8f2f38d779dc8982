"""Screenshots of 年报质量检查 for docs/screenshots: the window after a run on the test folder (real
published pages, last year's report, an unreadable file, a duplicate), the workbook's printed sheets as
LibreOffice prints them, and the first page of the 通报 PDF.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/audit_screenshots.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
OUT = ROOT / "docs" / "screenshots"
GUIDE_WIDTH = 680


def main() -> None:
    import audit_folder
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    import ui
    from export.audit_pdf import write_audit_pdf
    from export.audit_xlsx import build_audit_workbook, write_audit_workbook

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "各单位 年报"
        expected = audit_folder.build(root)
        window = ui.build_window(None)
        window.show()
        window.side.show_audit()
        audit = window.side.audit
        audit.add_sources([root])
        audit.expected.setPlainText(expected.read_text(encoding="utf-8"))
        audit.resize(1280, 860)
        done: list[object] = []
        audit.worker.finished.connect(done.append)
        audit.run()
        while not done:
            app.processEvents()
        row = next(r for r in range(audit.proxy.rowCount()) if audit.proxy.index(r, 1).data() == "邹城市生态环境局")
        audit.table.selectRow(row)
        for _ in range(10):
            app.processEvents()
        shot = OUT / "audit-window.png"
        audit.grab().save(str(shot))
        audit.grab().toImage().scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation).save(
            str(OUT / "guide-audit-window.png"))
        print(shot)

        result = audit.result
        work = Path(tmp) / "print"
        work.mkdir()
        for sheet in build_audit_workbook(result).sheetnames:  # each sheet printed alone, as LibreOffice does
            wb = build_audit_workbook(result)
            for other in wb.sheetnames:
                if other != sheet:
                    del wb[other]
            path = work / f"{sheet}.xlsx"
            wb.save(path)
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(path)],
                           check=True, capture_output=True, timeout=180)
            name = {"总览": "overview", "问题清单": "findings", "各单位数据": "figures"}[sheet]
            subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile",
                            str(work / f"{sheet}.pdf"), str(OUT / f"audit-{name}-sheet")], check=True)
            print(OUT / f"audit-{name}-sheet.png")
        write_audit_workbook(result, work / "all.xlsx")
        write_audit_pdf(result, work / "notice.pdf")
        for page in (1, 3):
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(page), "-l", str(page), "-singlefile",
                            str(work / "notice.pdf"), str(OUT / f"audit-notice-{page}")], check=True)
            print(OUT / f"audit-notice-{page}.png")
        window.doc.set_modified(False)
        window.close()


if __name__ == "__main__":
    main()
