"""打印: the report's own PDF pages, previewed and printed with Qt; no other program needed.

Qt cannot print a PDF, and an office PC may have no PDF viewer. So the PDF that export/pdf.py writes (the
very pages of 导出 PDF) is rasterised page by page by PDFium through pypdfium2 and painted with QPainter
onto the printer that Qt's print preview (QPrintPreviewDialog) and print dialog (printer, pages, copies)
hand us. Why pypdfium2: PDFium is the renderer of Chrome, kept up by Google; the wheels (Apache-2.0 /
BSD-3-Clause) hold one library of 8 MB for Windows and for Linux from glibc 2.17 (统信UOS, 银河麒麟 have
2.28+). Qt's own QtPdf is PDFium too, but PySide6 ships it only in PySide6-Addons, not in the
PySide6-Essentials the program is built on.

Pages are rendered in grayscale (the report is black on white; the 草稿 mark is grey): a preview page at
PREVIEW_DPI takes about 2 MB, a printed one at PRINT_DPI about 9 MB, one at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

#: Resolution of the pages in the preview (on screen, zoomable) and on paper.
PREVIEW_DPI = 150
PRINT_DPI = 300


class PrintError(Exception):
    """The pages could not be painted (the printer refused to start, the PDF could not be read)."""


def selected_pages(printer: QPrinter, count: int) -> list[int]:
    """The 0-based pages the print dialog chose: all, or the ranges typed (1-3,5)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [i for i in range(count) if ranges.contains(i + 1)]
        first, last = printer.fromPage(), printer.toPage()
        if first > 0:
            return list(range(first - 1, min(count, last if last >= first else count)))
    return list(range(count))


def page_order(pages: list[int], copies: int, collate: bool) -> list[int]:
    """Pages in the order they come out with `copies` copies: 1 2 3 1 2 3 collated, else 1 1 2 2 3 3."""
    if collate:
        return pages * copies
    return [p for p in pages for _ in range(copies)]


def _is_preview(printer: QPrinter) -> bool:
    """Is this the preview's recording printer (Qt's preview engine is a QPicture one)?"""
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


def page_image(page: object, dpi: float) -> QImage:
    """One PDF page (a pypdfium2 PdfPage) as a grayscale image of `dpi`."""
    bitmap = page.render(scale=dpi / 72.0, grayscale=True)  # type: ignore[attr-defined]
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_Grayscale8)
    return image.copy()  # detached from PDFium's buffer, which goes with the bitmap


def fitted(printer: QPrinter, width: int, height: int) -> QRectF:
    """Where a page image goes on the sheet: as large as fits, its proportions kept, centred (an A4 page
    fills an A4 sheet; on Letter paper or turned to landscape in the preview it is not distorted)."""
    paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
    scale = min(paper.width() / width, paper.height() / height)
    w, h = width * scale, height * scale
    return QRectF((paper.width() - w) / 2, (paper.height() - h) / 2, w, h)


def paint_pdf(printer: QPrinter, pdf: Path, dpi: float | None = None,
              progress: Callable[[int, int], bool] | None = None) -> int:
    """Paint the pages of `pdf` that the printer asks for, each filling its sheet; return how many sheets.

    Copies the printer cannot make itself (a PDF file, some drivers) are painted here, collated or not.
    `progress(done, total)` is called before each sheet; when it returns False the job is aborted.
    """
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(pdf))
    except (pdfium.PdfiumError, OSError) as exc:
        raise PrintError(f"无法读取打印稿“{pdf.name}”（{exc}）。") from None
    try:
        preview = _is_preview(printer)
        dpi = dpi or (PREVIEW_DPI if preview else min(PRINT_DPI, max(printer.resolution(), 72)))
        pages = selected_pages(printer, len(doc))
        copies = 1 if preview or printer.supportsMultipleCopies() else max(1, printer.copyCount())
        order = page_order(pages, copies, printer.collateCopies())
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("打印机未能开始打印，请检查打印机是否连接、是否有纸后重试。")
        # images into a PDF spool (CUPS, 打印到文件) go lossless, not as JPEG, which blurs the text
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # the preview shows pages scaled down
        try:
            for i, index in enumerate(order):
                if progress is not None and not progress(i, len(order)):
                    printer.abort()
                    return i
                if i:
                    printer.newPage()
                page = doc[index]
                try:
                    image = page_image(page, dpi)
                finally:
                    page.close()
                painter.drawImage(fitted(printer, image.width(), image.height()), image)
        finally:
            painter.end()
        return len(order)
    finally:
        doc.close()


def new_printer() -> QPrinter:
    """A printer set for the report's pages: A4 portrait, painted edge to edge (the margins are the PDF's)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


class PrintPreview(QPrintPreviewDialog):
    """Qt's print preview of a PDF: the real pages; its 打印 opens the print dialog (printer, pages,
    copies) and prints them. It keeps its printer (Qt's dialog does not own it)."""

    def __init__(self, pdf: Path, parent: QWidget | None, on_error: Callable[[str], None]) -> None:
        self.printer = new_printer()
        self.printer.setDocName(pdf.stem)
        super().__init__(self.printer, parent)
        self.pdf = pdf
        self.on_error = on_error
        self._said: set[str] = set()
        self.setObjectName("print-preview")
        self.setWindowTitle(f"打印预览 — {pdf.stem}")
        self.paintRequested.connect(self._paint)
        self.resize(900, 1000)
        self.preview = self.findChild(QPrintPreviewWidget)
        if self.preview is not None:
            self.preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitInView)

    def _paint(self, target: QPrinter) -> None:
        printing = not _is_preview(target)
        progress = None
        if printing:  # about a second a page at PRINT_DPI: say how far it is, and let it be stopped
            busy = QProgressDialog("正在打印……", "取消", 0, 0, self)
            busy.setObjectName("print-progress")
            busy.setWindowTitle("打印")
            busy.setWindowModality(Qt.WindowModality.WindowModal)
            busy.setMinimumDuration(500)

            def progress(done: int, total: int) -> bool:
                busy.setMaximum(total)
                busy.setLabelText(f"正在打印第 {done + 1} 页，共 {total} 页……")
                busy.setValue(done)
                QApplication.processEvents()
                return not busy.wasCanceled()

        try:
            paint_pdf(target, self.pdf, progress=progress)
        except PrintError as exc:
            if str(exc) not in self._said:  # the preview repaints: say it once
                self._said.add(str(exc))
                self.on_error(str(exc))
        finally:
            if printing:
                busy.close()
