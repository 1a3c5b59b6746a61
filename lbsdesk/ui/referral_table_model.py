"""The referrals list's item model: the row count of the current query, rows fetched a page at a time.

Filtering happens in SQL (``lbsdesk.services.referrals.referral_list`` / ``referral_count``); the
model knows how many referrals match and keeps a small cache of ``ReferralRow`` snapshots, fetched in
pages of ``PAGE_SIZE`` with the service's ``limit`` / ``offset`` when the view first paints a row of
that page (CONVENTIONS.md item 4).  Rows are ordered newest first by the service.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from lbsdesk.domain.codes import INFORMAL_SOURCES
from lbsdesk.services import referrals as referral_service
from lbsdesk.ui.form_widgets import code_label

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_CACHED_PAGES = 30

#: The referral's database id (int).
REFERRAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The whole ``ReferralRow`` snapshot of the row.
REFERRAL_ROW_ROLE = Qt.ItemDataRole.UserRole + 2

(
    COL_NUMBER, COL_DATE, COL_DIRECTION, COL_LEARNER, COL_PARTNER, COL_FORMAL, COL_STATUS, COL_FOLLOW_UP, COL_CAMS,
) = range(9)

_LATE_COLOUR = QColor("#9a2b00")
_QUIET_COLOUR = QColor("#5f6368")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReferralTableModel", text)


def direction_text(direction: str) -> str:
    return _tr("In") if direction == "in" else _tr("Out")


def status_text(row) -> str:  # noqa: ANN001 - a ReferralRow
    """The status a person reads: the effective status, with the days waiting for a late reply."""
    label = QCoreApplication.translate("codes", row.effective_status_label)
    if row.effective_status in ("awaiting_reply", "expired") and row.days_waiting is not None:
        return _tr("%s (%d days)") % (label, row.days_waiting)
    return label


def partner_text(row) -> str:  # noqa: ANN001
    if row.partner_id is None and row.source:
        return _tr("%s (informal)") % code_label(INFORMAL_SOURCES, row.source)
    return row.partner_or_source or ""


class ReferralTableModel(QAbstractTableModel):
    """The referrals matching a ``ReferralQuery``, newest first."""

    query_applied = Signal()
    """A new query ran and the rows were replaced."""

    def __init__(self, database, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._database = database
        self._query = referral_service.ReferralQuery()
        self._count = 0
        self._pages: OrderedDict[int, list] = OrderedDict()
        self._headers = (
            self.tr("Number"), self.tr("Date"), self.tr("In/out"), self.tr("Learner"), self.tr("Partner or source"),
            self.tr("Formal"), self.tr("Status"), self.tr("Follow-up"), self.tr("In CaMS"),
        )

    # --- the query ---------------------------------------------------------------------------

    def query(self) -> referral_service.ReferralQuery:
        return self._query

    def set_query(self, query: referral_service.ReferralQuery, *, force: bool = False) -> None:
        """Count the referrals matching ``query`` in SQL and show them (rows are fetched as painted).

        A bad filter (e.g. a month that is not a month) raises ``ValidationFailed`` and changes nothing.
        """
        query = replace(query, limit=None, offset=0)
        if query == self._query and not force:
            return
        with self._database.session() as session:
            count = referral_service.referral_count(session, query)
        self.beginResetModel()
        self._query = query
        self._count = count
        self._pages.clear()
        self.endResetModel()
        self.query_applied.emit()

    def refresh(self) -> None:
        """Run the current query again (after a save or a bulk change)."""
        self.set_query(self._query, force=True)

    # --- rows --------------------------------------------------------------------------------

    def row_snapshot(self, row: int):  # noqa: ANN201 - ReferralRow | None
        if not 0 <= row < self._count:
            return None
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            page = self._fetch_page(page_number)
        else:
            self._pages.move_to_end(page_number)
        offset = row - page_number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def referral_id(self, row: int) -> int | None:
        snapshot = self.row_snapshot(row)
        return snapshot.id if snapshot is not None else None

    def row_of(self, referral_id: int) -> int | None:
        """The row of a referral among the pages already fetched (None when not fetched or not shown)."""
        for page_number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row is not None and row.id == referral_id:
                    return page_number * PAGE_SIZE + offset
        for page_number in range(0, (self._count + PAGE_SIZE - 1) // PAGE_SIZE):
            if page_number in self._pages:
                continue
            for offset, row in enumerate(self._fetch_page(page_number)):
                if row is not None and row.id == referral_id:
                    return page_number * PAGE_SIZE + offset
        return None

    def _fetch_page(self, page_number: int) -> list:
        query = replace(self._query, limit=PAGE_SIZE, offset=page_number * PAGE_SIZE)
        try:
            with self._database.session() as session:
                rows = referral_service.referral_list(session, query)
        except Exception:  # a locked or vanished database must not crash painting
            log.exception("could not fetch referral rows")
            rows = []
        self._pages[page_number] = rows
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return rows

    # --- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index):  # noqa: ANN001, ANN201
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if not index.isValid() or not 0 <= index.row() < self._count or not 0 <= index.column() < len(self._headers):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.AccessibleTextRole, REFERRAL_ID_ROLE, REFERRAL_ROW_ROLE,
        ):
            return None
        row = self.row_snapshot(index.row())
        if row is None:
            return None
        if role == REFERRAL_ID_ROLE:
            return row.id
        if role == REFERRAL_ROW_ROLE:
            return row
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_STATUS and row.effective_status in ("awaiting_reply", "expired"):
                return QBrush(_LATE_COLOUR)
            if column == COL_CAMS and row.cams_entered_date is None:
                return QBrush(_QUIET_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_FORMAL:
                return self.tr("Counts for service coordination") if row.formal else self.tr("Informal: does not count")
            if column == COL_STATUS and row.days_waiting is not None:
                return self.tr("No reply yet: sent %d days ago") % row.days_waiting
            if column == COL_LEARNER:
                return f"{row.learner_name} ({row.learner_key})"
            if column == COL_PARTNER:
                return partner_text(row)
            return None
        return self._display(row, column)

    def _display(self, row, column: int) -> str:  # noqa: ANN001
        if column == COL_NUMBER:
            return row.referral_key
        if column == COL_DATE:
            return row.referral_date.isoformat()
        if column == COL_DIRECTION:
            return direction_text(row.direction)
        if column == COL_LEARNER:
            return row.learner_name
        if column == COL_PARTNER:
            return partner_text(row)
        if column == COL_FORMAL:
            return self.tr("Formal") if row.formal else self.tr("Informal")
        if column == COL_STATUS:
            return status_text(row)
        if column == COL_FOLLOW_UP:
            return row.follow_up_date.isoformat() if row.follow_up_date else ""
        if column == COL_CAMS:
            return row.cams_entered_date.isoformat() if row.cams_entered_date else self.tr("Not yet")
        return ""
