"""The learner list's item model: the ordered ids of the current query, rows fetched a page at a time.

Filtering, search and sorting happen in SQL (``lbsdesk.services.learner_list``); the model holds
only the matching ids and a small cache of ``LearnerRow`` snapshots, fetched in pages of
``PAGE_SIZE`` when the view first asks for a row of that page.  With 100,000 learners the id list is
under 1 MB and the view paints only what is on screen (CONVENTIONS.md item 4).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from lbsdesk.domain.codes import GOAL_PATHS, PLAN_STAGES
from lbsdesk.services import learner_list
from lbsdesk.ui.form_widgets import code_label

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_CACHED_PAGES = 40

#: The learner's database id (int), without fetching the row.
LEARNER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The whole ``LearnerRow`` snapshot of the row.
LEARNER_ROW_ROLE = Qt.ItemDataRole.UserRole + 2

COL_ID, COL_NAME, COL_STAGE, COL_GOAL_PATH, COL_INTAKE, COL_LAST_REFERRAL, COL_FLAGS = range(7)
#: The sort key of learner_list.SORT_COLUMNS behind each column (None: not sortable).
SORT_KEYS = ("learner_key", "name", "stage", "goal_path", "intake_date", "last_referral_date", None)

_FLAG_COLOUR = QColor("#9a2b00")
_EXITED_COLOUR = QColor("#5f6368")


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("LearnerTableModel", text)


def format_date(value: date | None) -> str:
    return value.isoformat() if value else ""


def display_name(first_name: str, last_name: str) -> str:
    if last_name and first_name:
        return f"{last_name}, {first_name}"
    return last_name or first_name or ""


def flag_texts(row) -> list[str]:  # noqa: ANN001 - a LearnerRow
    """The flags a person sees at a glance, in words."""
    flags = []
    if row.no_formal_referral:
        flags.append(_tr("No formal referral"))
    if row.follow_up_due:
        flags.append(_tr("Follow-up due"))
    if row.consent_missing:
        flags.append(_tr("Consent missing"))
    elif row.consent_expiring:
        flags.append(_tr("Consent expiring"))
    return flags


class LearnerTableModel(QAbstractTableModel):
    """The learners matching a ``LearnerQuery``, in its order."""

    query_applied = Signal()
    """A new query ran and the rows were replaced."""

    def __init__(self, database, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._database = database
        self._query = learner_list.LearnerQuery()
        self._ids: list[int] = []
        self._row_of_id: dict[int, int] | None = None
        self._pages: OrderedDict[int, list] = OrderedDict()
        self._started = False
        self._headers = (
            self.tr("ID"),
            self.tr("Name"),
            self.tr("Stage"),
            self.tr("Goal path"),
            self.tr("Intake"),
            self.tr("Last referral"),
            self.tr("Flags"),
        )

    # --- the query ---------------------------------------------------------------------------

    def query(self):  # noqa: ANN201 - LearnerQuery
        return self._query

    def set_query(self, query, *, force: bool = False) -> None:  # noqa: ANN001
        """Run ``query`` in SQL and show its rows (nothing happens when it is unchanged).

        Before ``start()`` the query is only remembered, so that restoring the window's sort order
        and filter does not run it several times at startup.
        """
        if not self._started:
            self._query = query
            return
        if query == self._query and not force:
            return
        with self._database.session() as session:
            ids = learner_list.matching_learner_ids(session, query)
        self.beginResetModel()
        self._query = query
        self._ids = list(ids)
        self._row_of_id = None
        self._pages.clear()
        self.endResetModel()
        self.query_applied.emit()

    def start(self) -> None:
        """Run the remembered query for the first time."""
        self._started = True
        self.set_query(self._query, force=True)

    def refresh(self) -> None:
        """Run the current query again (after a save, a merge, new data)."""
        self.set_query(self._query, force=True)

    def set_search(self, text: str) -> None:
        self.set_query(replace(self._query, search=text.strip()))

    def set_filter(self, code: str) -> None:
        self.set_query(replace(self._query, filter=code))

    # --- rows --------------------------------------------------------------------------------

    def learner_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, learner_id: int) -> int | None:
        if self._row_of_id is None:
            self._row_of_id = {lid: i for i, lid in enumerate(self._ids)}
        return self._row_of_id.get(learner_id)

    def row_snapshot(self, row: int):  # noqa: ANN201 - LearnerRow | None
        if not 0 <= row < len(self._ids):
            return None
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            page = self._fetch_page(page_number)
        else:
            self._pages.move_to_end(page_number)
        offset = row - page_number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def _fetch_page(self, page_number: int) -> list:
        start = page_number * PAGE_SIZE
        ids = self._ids[start : start + PAGE_SIZE]
        try:
            with self._database.session() as session:
                rows = learner_list.learner_rows(session, ids)
        except Exception:  # a locked or vanished database must not crash painting
            log.exception("could not fetch learner rows")
            rows = []
        by_id = {r.id: r for r in rows}
        page = [by_id.get(i) for i in ids]
        self._pages[page_number] = page
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    # --- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index):  # noqa: ANN001, ANN201
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole and SORT_KEYS[section] is not None:
                return self.tr("Click to sort by %s") % self._headers[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if not index.isValid() or index.row() >= len(self._ids) or index.column() >= len(self._headers):
            return None
        if role == LEARNER_ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.AccessibleTextRole,
            LEARNER_ROW_ROLE,
        ):
            return None
        row = self.row_snapshot(index.row())
        if row is None:
            return None
        if role == LEARNER_ROW_ROLE:
            return row
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_FLAGS:
                return QBrush(_FLAG_COLOUR)
            if row.exit_date is not None and row.exit_date <= date.today():
                return QBrush(_EXITED_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_FLAGS:
                flags = flag_texts(row)
                return "\n".join(flags) if flags else None
            if column == COL_NAME and row.exit_date is not None:
                return self.tr("Exited %s") % format_date(row.exit_date)
            return None
        return self._display(row, column)

    def _display(self, row, column: int) -> str:  # noqa: ANN001
        if column == COL_ID:
            return row.learner_key
        if column == COL_NAME:
            return display_name(row.first_name, row.last_name)
        if column == COL_STAGE:
            return code_label(PLAN_STAGES, row.stage)
        if column == COL_GOAL_PATH:
            return code_label(GOAL_PATHS, row.goal_path)
        if column == COL_INTAKE:
            return format_date(row.intake_date)
        if column == COL_LAST_REFERRAL:
            return format_date(row.last_referral_date)
        if column == COL_FLAGS:
            return " · ".join(flag_texts(row))
        return ""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # noqa: ANN001
        if not 0 <= column < len(SORT_KEYS) or SORT_KEYS[column] is None:
            return
        self.set_query(
            replace(
                self._query,
                sort=SORT_KEYS[column],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )

    def sort_column(self) -> int:
        try:
            return SORT_KEYS.index(self._query.sort)
        except ValueError:
            return COL_NAME
