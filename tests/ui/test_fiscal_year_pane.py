"""The fiscal-year view: the table is fiscal_year_figures, the chart is drawn, exports write files."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from lbsdesk.domain.calendar_rules import FiscalYear
from lbsdesk.services.demo_data import build_demo
from lbsdesk.services.fiscal_year import CSV_HEADER, fiscal_year_figures
from lbsdesk.ui.fiscal_year_pane import FiscalYearPane
from lbsdesk.ui.fiscal_year_table_model import COLUMNS, FIRST_FIGURE_COLUMN, PERIOD_ROLE, VALUE_ROLE, value_text

TODAY = date(2026, 11, 15)
YEAR = FiscalYear(2026)


@pytest.fixture
def pane(qtbot, database):
    with database.session() as session:
        build_demo(session, learners=80, seed=2, today=TODAY)
    widget = FiscalYearPane(database, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    with qtbot.waitSignal(widget.year_loaded, timeout=20000) as loaded:
        widget.show()
    assert loaded.args == [str(YEAR)]
    return widget


def test_the_table_is_the_fiscal_year_figures(pane, database, qtmodeltester):
    with database.session() as session:
        expected = fiscal_year_figures(session, YEAR, today=TODAY)
    model = pane.model
    qtmodeltester.check(model)
    periods = [*expected.months, *expected.quarters, expected.year]
    assert model.rowCount() == 17
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [p.label for p in periods]
    assert [model.index(r, 0).data() for r in range(12, 16)] == ["Q1 Apr–Jun", "Q2 Jul–Sep", "Q3 Oct–Dec", "Q4 Jan–Mar"]
    for row, period in enumerate(periods):
        assert model.index(row, 0).data(PERIOD_ROLE) == period
        for offset, column in enumerate(COLUMNS):
            index = model.index(row, FIRST_FIGURE_COLUMN + offset)
            assert index.data(VALUE_ROLE) == getattr(period, column.key)
            assert index.data() == value_text(getattr(period, column.key))
    served = model.column_of("learners_served")
    assert model.index(16, served).data() == f"{expected.year.learners_served:,}"
    assert pane.summary_labels["coordination_percent"].text() == f"{expected.year.coordination_percent:.1f}%"
    assert pane.chart.figures == expected


def test_the_chart_paints(pane):
    image = pane.chart.grab().toImage()
    assert image.width() > 400 and image.height() >= 180
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert "#1f3f66" in colours or "#5b8fc7" in colours, "bars are drawn"


def test_a_month_row_opens_its_sheet(pane, qtbot):
    with qtbot.waitSignal(pane.month_open_requested) as opened:
        pane.table.activated.emit(pane.model.index(6, 0))
    assert opened.args == ["2026-10"]


def test_export_csv_and_excel_write_files(pane, qtbot, monkeypatch, tmp_path):
    answers = iter([str(tmp_path / "year"), str(tmp_path / "year.xlsx")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    with qtbot.waitSignal(pane.exported) as written:
        qtbot.mouseClick(pane.csv_button, Qt.MouseButton.LeftButton)
    assert written.args == [str(tmp_path / "year.csv")]
    with (tmp_path / "year.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_HEADER and len(rows) == 18
    with qtbot.waitSignal(pane.exported):
        qtbot.mouseClick(pane.xlsx_button, Qt.MouseButton.LeftButton)
    from openpyxl import load_workbook

    workbook = load_workbook(tmp_path / "year.xlsx")
    assert workbook.sheetnames == ["Months", "Quarters"]


def test_choosing_another_year(pane, qtbot):
    with qtbot.waitSignal(pane.year_loaded, timeout=20000) as loaded:
        pane.show_year("2025-2026")
    assert loaded.args == ["2025-2026"]
    assert pane.year_combo.currentText().startswith("2025-2026")
    assert pane.model.index(0, 0).data() == "April 2025"
