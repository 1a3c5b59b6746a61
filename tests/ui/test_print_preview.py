"""Print preview: PDF pages drawn in the program, printed through Qt's print support, saved as PDF."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from lbsdesk.domain.calendar_rules import Month
from lbsdesk.services.demo_data import build_demo
from lbsdesk.services.sheet_printing import monthly_sheet_pdf
from lbsdesk.ui import print_preview
from lbsdesk.ui.print_preview import PdfPages, PrintPreviewDialog

pytest.importorskip("pypdf")
from pypdf import PdfReader  # noqa: E402


@pytest.fixture(scope="module")
def sheet_pdf(tmp_path_factory) -> bytes:
    from lbsdesk.db.engine import sqlite_url
    from lbsdesk.db.migrate import open_database

    database = open_database(sqlite_url(tmp_path_factory.mktemp("pdf") / "a.sqlite3"))
    with database.session() as session:
        build_demo(session, learners=40, seed=3, today=date(2026, 11, 15))
        pdf = monthly_sheet_pdf(session, Month(2026, 10), with_referral_forms=True)
    database.dispose()
    return pdf


def test_a_renderer_is_available_here():
    assert print_preview.renderer_name() in ("QtPdf", "pypdfium2")


def test_pages_render_as_images(sheet_pdf):
    pages = PdfPages(sheet_pdf)
    try:
        assert pages.page_count == len(PdfReader(__import__("io").BytesIO(sheet_pdf)).pages) > 1
        image = pages.render(0, 50)
        width, height = pages.page_size_points(0)
        assert abs(image.width() - width * 50 / 72) <= 1 and abs(image.height() - height * 50 / 72) <= 1
        assert image.pixelColor(image.width() // 2, 2).name() == "#ffffff", "a white page"
        dark = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
                   if image.pixelColor(x, y).lightness() < 128)
        assert dark > 50, "text is drawn"
    finally:
        pages.close()


def test_the_preview_shows_every_page(qtbot, sheet_pdf):
    dialog = PrintPreviewDialog(sheet_pdf, "October 2026", "sheet.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.objectName() == "printPreview"
    assert dialog.page_label.text() == f"Page 1 of {dialog.page_count}"
    dialog.show_page(dialog.page_count - 1)
    qtbot.waitUntil(lambda: dialog.page_label.text() == f"Page {dialog.page_count} of {dialog.page_count}")
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(1.0))
    assert dialog.strip.zoom == 1.0


def test_save_as_pdf_writes_the_same_bytes(qtbot, sheet_pdf, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "sheet"), ""))
    dialog = PrintPreviewDialog(sheet_pdf, "October 2026", "sheet.pdf")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    assert saved.args == [str(tmp_path / "sheet.pdf")]
    assert (tmp_path / "sheet.pdf").read_bytes() == sheet_pdf


def test_printing_sends_every_page_to_the_printer(qtbot, sheet_pdf, monkeypatch, tmp_path):
    """The system print dialog is answered by the test; the printer writes a PDF file we can count."""
    out = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    dialog = PrintPreviewDialog(sheet_pdf, "October 2026", "sheet.pdf")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.printed, timeout=30000):
        dialog.print_button.click()
    assert len(PdfReader(out).pages) == dialog.page_count


def test_building_a_pdf_can_be_cancelled(qtbot):
    import threading

    release = threading.Event()
    results = []
    parent = QDialog()
    qtbot.addWidget(parent)
    task = print_preview.build_pdf_then(parent, "Building", lambda: (release.wait(5), b"%PDF")[1], results.append)
    from PySide6.QtWidgets import QPushButton

    task.progress.findChild(QPushButton).click()  # the person presses Cancel
    assert task.cancelled
    release.set()
    qtbot.waitUntil(lambda: not task.is_running(), timeout=5000)
    qtbot.wait(100)
    assert results == [], "the result of cancelled work is dropped"
