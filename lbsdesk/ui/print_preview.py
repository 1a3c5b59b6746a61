"""Print preview, printing and "Save as PDF" for the PDFs the program builds (sheets, forms).

The printing modules make PDF bytes (ReportLab); this module shows those pages inside the program,
prints them through the system print dialog (Qt Print Support) and saves them.

How pages become pictures: PySide6-Essentials has no QtPdf (it is in PySide6-Addons) and ReportLab
cannot rasterise a PDF, so pages are rendered with **pypdfium2** (PDFium, the engine inside Chrome,
shipped as a wheel) when QtPdf is not there; with PySide6-Addons installed, QtPdf is used instead.
With neither, the preview says so and "Save as PDF" still works.  No outside program is run.

Long work (building the PDF, painting 150 pages onto the printer) runs on a worker thread with a
progress dialog and Cancel (``cancellable_task``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.ui.cancellable_task import CancellableTask, run_cancellable


def tr(text: str) -> str:
    return QCoreApplication.translate("PrintPreview", text)


class PdfRenderUnavailable(RuntimeError):
    """Neither QtPdf nor pypdfium2 is installed: pages cannot be drawn (saving still works)."""


# --- PDF pages as images -----------------------------------------------------------------------------


def renderer_name() -> str | None:
    """Which engine draws PDF pages here: "QtPdf", "pypdfium2", or None."""
    try:
        from PySide6.QtPdf import QPdfDocument  # noqa: F401
        return "QtPdf"
    except ImportError:
        pass
    try:
        import pypdfium2  # noqa: F401
        return "pypdfium2"
    except ImportError:
        return None


class PdfPages:
    """A PDF held in memory whose pages can be drawn as images at any resolution.

    Thread-safe for one thread at a time: render on the GUI thread for the preview, or on a worker
    for printing (each user owns its own ``PdfPages``)."""

    def __init__(self, pdf: bytes) -> None:
        self.pdf = bytes(pdf)
        self.engine = renderer_name()
        if self.engine is None:
            raise PdfRenderUnavailable(tr(
                "Pages cannot be shown or printed here because no PDF renderer is installed "
                "(install the pypdfium2 package). Use Save as PDF and print the file instead."
            ))
        if self.engine == "QtPdf":
            from PySide6.QtCore import QBuffer, QByteArray
            from PySide6.QtPdf import QPdfDocument

            self._buffer = QBuffer()
            self._buffer.setData(QByteArray(self.pdf))
            self._buffer.open(QBuffer.OpenModeFlag.ReadOnly)
            self._doc = QPdfDocument()
            self._doc.load(self._buffer)
            self._sizes = [self._doc.pagePointSize(i) for i in range(self._doc.pageCount())]
            self._sizes = [(s.width(), s.height()) for s in self._sizes]
        else:
            import pypdfium2 as pdfium

            self._doc = pdfium.PdfDocument(self.pdf)
            self._sizes = [self._doc.get_page_size(i) for i in range(len(self._doc))]

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    def page_size_points(self, index: int) -> tuple[float, float]:
        """Width and height in points (1/72 inch)."""
        return self._sizes[index]

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` (from 0) as an RGB image, ``dpi`` dots per inch."""
        width, height = self._sizes[index]
        scale = dpi / 72.0
        if self.engine == "QtPdf":
            return self._doc.render(index, QSize(round(width * scale), round(height * scale)))
        page = self._doc[index]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True, fill_color=(255, 255, 255, 255))
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888)
            return image.copy()  # own the pixels: the bitmap's buffer goes away with it
        finally:
            page.close()

    def close(self) -> None:
        if self.engine == "pypdfium2":
            self._doc.close()


# --- the pages on screen -----------------------------------------------------------------------------

_GAP = 16  # pixels between pages and around them
_CACHE_PAGES = 12


class PageStrip(QWidget):
    """Every page one under the other, drawn only when it comes into view."""

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self._zoom = 1.0  # 1.0 = 96 pixels per inch (actual size on a usual screen)
        self._cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#6b7580"))
        self.setPalette(palette)
        self._layout()

    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        self._zoom = max(0.2, min(4.0, zoom))
        self._cache.clear()
        self._layout()
        self.update()

    def _page_pixels(self, index: int) -> QSize:
        width, height = self.pages.page_size_points(index)
        factor = 96 / 72 * self._zoom * self.devicePixelRatioF()
        return QSize(round(width * factor / self.devicePixelRatioF()), round(height * factor / self.devicePixelRatioF()))

    def _layout(self) -> None:
        self._rects: list[QRect] = []
        y = _GAP
        widest = 0
        for index in range(self.pages.page_count):
            size = self._page_pixels(index)
            self._rects.append(QRect(0, y, size.width(), size.height()))
            y += size.height() + _GAP
            widest = max(widest, size.width())
        self._content = QSize(widest + 2 * _GAP, y)
        self.setMinimumSize(self._content)
        self.resize(max(self.width(), self._content.width()), self._content.height())

    def page_top(self, index: int) -> int:
        return self._rects[index].top() - _GAP // 2 if 0 <= index < len(self._rects) else 0

    def page_at(self, y: int) -> int:
        for index, rect in enumerate(self._rects):
            if y < rect.bottom() + _GAP:
                return index
        return max(0, len(self._rects) - 1)

    def fit_width_zoom(self, viewport_width: int) -> float:
        if not self.pages.page_count:
            return 1.0
        width_points = max(self.pages.page_size_points(i)[0] for i in range(self.pages.page_count))
        return (viewport_width - 2 * _GAP - 4) / (width_points * 96 / 72)

    def _image(self, index: int) -> QImage:
        key = (index, self._zoom)
        image = self._cache.get(key)
        if image is None:
            image = self.pages.render(index, 96 * self._zoom * self.devicePixelRatioF())
            image.setDevicePixelRatio(self.devicePixelRatioF())
            self._cache[key] = image
            while len(self._cache) > _CACHE_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return image

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt
        painter = QPainter(self)
        visible = event.rect()
        x_offset = max(_GAP, (self.width() - (self._content.width() - 2 * _GAP)) // 2)
        for index, rect in enumerate(self._rects):
            placed = rect.translated(x_offset, 0)
            if not placed.intersects(visible):
                continue
            painter.fillRect(placed.translated(3, 3), QColor(0, 0, 0, 60))
            painter.drawImage(placed, self._image(index))
        painter.end()


class PrintPreviewDialog(QDialog):
    """The pages as they will print; Print… and Save as PDF… from here."""

    printed = Signal()
    """The pages were sent to the printer."""
    saved = Signal(str)
    """The PDF was saved to this file."""

    def __init__(self, pdf: bytes, title: str, suggested_file_name: str = "document.pdf",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(tr("Print preview — %s") % title)
        self.pdf = bytes(pdf)
        self.title = title
        self.suggested_file_name = suggested_file_name
        self._task: CancellableTask | None = None

        self.page_label = QLabel()
        self.page_label.setObjectName("previewPageLabel")
        self.zoom = QComboBox()
        self.zoom.setObjectName("previewZoom")
        self.zoom.setAccessibleName(tr("Zoom"))
        self.zoom.addItem(tr("Fit width"), "fit")
        for percent in (50, 75, 100, 125, 150, 200):
            self.zoom.addItem(f"{percent} %", percent / 100)
        self.print_button = QPushButton(tr("&Print…"))
        self.print_button.setObjectName("previewPrint")
        self.save_button = QPushButton(tr("&Save as PDF…"))
        self.save_button.setObjectName("previewSave")
        close_button = QPushButton(tr("Close"))
        close_button.clicked.connect(self.reject)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.page_label)
        toolbar.addStretch(1)
        toolbar.addWidget(QLabel(tr("Zoom:")))
        toolbar.addWidget(self.zoom)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.print_button)
        toolbar.addWidget(self.save_button)
        toolbar.addWidget(close_button)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("previewPages")
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)
        try:
            self.pages: PdfPages | None = PdfPages(self.pdf)
        except PdfRenderUnavailable as exc:
            self.pages = None
            message = QLabel(str(exc))
            message.setWordWrap(True)
            message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.scroll.setWidget(message)
            self.scroll.setWidgetResizable(True)
            self.print_button.setEnabled(False)
            self.zoom.setEnabled(False)
            self.strip = None
        else:
            self.strip = PageStrip(self.pages)
            self.scroll.setWidget(self.strip)
            self.scroll.verticalScrollBar().valueChanged.connect(self._update_page_label)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.scroll, 1)

        self.zoom.currentIndexChanged.connect(self._apply_zoom)
        self.print_button.clicked.connect(self.print_pages)
        self.save_button.clicked.connect(self.save_as_pdf)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_pages)
        self.resize(980, 860)
        self._update_page_label()

    @property
    def page_count(self) -> int:
        return self.pages.page_count if self.pages else 0

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt
        super().showEvent(event)
        self._apply_zoom()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt
        super().resizeEvent(event)
        if self.zoom.currentData() == "fit":
            self._apply_zoom()

    def _apply_zoom(self) -> None:
        if self.strip is None:
            return
        data = self.zoom.currentData()
        zoom = self.strip.fit_width_zoom(self.scroll.viewport().width()) if data == "fit" else float(data)
        if abs(zoom - self.strip.zoom) > 0.005:
            self.strip.set_zoom(zoom)
        self.strip.resize(max(self.scroll.viewport().width(), self.strip.minimumWidth()), self.strip.minimumHeight())
        self._update_page_label()

    def _update_page_label(self) -> None:
        if self.strip is None:
            self.page_label.setText(tr("No preview"))
            return
        current = self.strip.page_at(self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 3)
        self.page_label.setText(tr("Page %1 of %2").replace("%1", str(current + 1)).replace("%2", str(self.page_count)))

    def show_page(self, index: int) -> None:
        if self.strip is not None:
            self.scroll.verticalScrollBar().setValue(self.strip.page_top(index))

    def print_pages(self) -> None:
        self._task = print_pdf(self, self.pdf, self.title, on_printed=self.printed.emit)

    def save_as_pdf(self) -> None:
        path = save_pdf(self, self.pdf, self.suggested_file_name)
        if path:
            self.saved.emit(str(path))

    def done(self, result: int) -> None:  # noqa: D401 - Qt
        if self.pages is not None:
            self.strip = None
            self.scroll.takeWidget()
            self.pages.close()
            self.pages = None
        super().done(result)


# --- printing and saving -------------------------------------------------------------------------------

#: Pages are drawn for the printer at no more than this resolution (sharp text, bounded memory).
PRINT_DPI = 300


def paint_pdf_on_printer(pdf: bytes, printer: QPrinter, *, should_stop: Callable[[], bool] = lambda: False) -> int:
    """Draw the PDF's pages (the printer's page range, else all) onto ``printer``; the number of pages
    drawn.  Runs on any thread (QPainter may paint a QPrinter off the GUI thread)."""
    pages = PdfPages(pdf)
    try:
        first, last = 1, pages.page_count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = max(1, printer.fromPage()), min(pages.page_count, printer.toPage() or pages.page_count)
        dpi = min(PRINT_DPI, printer.resolution())
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError(tr("The printer could not be started. Check that it is on and try again."))
        drawn = 0
        try:
            for number in range(first, last + 1):
                if should_stop():
                    printer.abort()
                    break
                if drawn:
                    printer.newPage()
                image = pages.render(number - 1, dpi)
                target = printer.pageLayout().paintRectPixels(printer.resolution())
                target.moveTo(0, 0)
                fitted = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(QPoint((target.width() - fitted.width()) // 2, 0), fitted), image)
                drawn += 1
        finally:
            painter.end()
        return drawn
    finally:
        pages.close()


def print_pdf(parent: QWidget, pdf: bytes, title: str,
              on_printed: Callable[[], None] | None = None) -> CancellableTask | None:
    """Ask the system print dialog where and what to print, then print on a worker thread with a
    progress dialog (Cancel stops before the next page).  None when the person cancelled."""
    if renderer_name() is None:
        QMessageBox.warning(parent, tr("Print"), str(PdfRenderUnavailable(tr(
            "Pages cannot be printed from here because no PDF renderer is installed (install the pypdfium2 "
            "package). Use Save as PDF and print the file instead."))))
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    page_count = PdfPages(pdf).page_count
    printer.setFromTo(1, page_count)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Print %s") % title)
    dialog.setMinMax(1, page_count)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    holder: dict[str, CancellableTask] = {}

    def work() -> int:
        return paint_pdf_on_printer(pdf, printer, should_stop=lambda: holder["task"].cancelled)

    def done(_pages: object) -> None:
        if on_printed is not None:
            on_printed()

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, tr("Print"), tr("The pages could not be printed: %s") % exc)

    holder["task"] = run_cancellable(parent, tr("Sending %d pages to the printer…") % page_count, work, done, failed)
    holder["task"].printer = printer  # keep the printer alive while the worker paints on it
    return holder["task"]


def save_pdf(parent: QWidget, pdf: bytes, suggested_file_name: str) -> Path | None:
    """Ask where to save, then write the PDF there; the path, or None when the person cancelled."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, tr("Save as PDF"), suggested_file_name, tr("PDF files (*.pdf)")
    )
    if not path:
        return None
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    try:
        path.write_bytes(pdf)
    except OSError as exc:
        QMessageBox.warning(parent, tr("Save as PDF"), tr(
            "The PDF could not be saved to %1: %2. Choose another folder (for example Documents) and try again."
        ).replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))
        return None
    return path


def build_pdf_then(parent: QWidget, label: str, make_pdf: Callable[[], bytes], then: Callable[[bytes], None],
                   failed: Callable[[BaseException], None] | None = None) -> CancellableTask:
    """Build a PDF on a worker thread (progress dialog, Cancel), then hand the bytes to ``then``."""

    def report(exc: BaseException) -> None:
        if failed is not None:
            failed(exc)
        else:
            QMessageBox.warning(parent, label, tr("The PDF could not be made: %s") % exc)

    return run_cancellable(parent, label, make_pdf, lambda pdf: then(pdf), report)


def show_preview(parent: QWidget, pdf: bytes, title: str, suggested_file_name: str) -> PrintPreviewDialog:
    """Open the preview window on ``pdf`` (not modal: the program stays usable)."""
    dialog = PrintPreviewDialog(pdf, title, suggested_file_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    dialog.show()
    return dialog
