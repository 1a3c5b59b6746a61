"""The outreach log's item model: ``OutreachRow`` snapshots, newest first (an agency logs a few hundred
activities: loaded whole), each with how many referrals in followed within 90 days."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lbsdesk.domain.codes import OUTREACH_KINDS
from lbsdesk.ui.form_widgets import code_label
from lbsdesk.ui.id_rows_table_model import IdRowsTableModel

#: The activity's database id (int).
OUTREACH_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The whole ``OutreachRow`` snapshot.
OUTREACH_ROW_ROLE = Qt.ItemDataRole.UserRole + 2

COL_DATE, COL_KIND, COL_TITLE, COL_STAFF, COL_REACHED, COL_FOLLOWED = range(6)


class OutreachTableModel(IdRowsTableModel):
    """Activities of the outreach log with the referrals that followed them."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._followed: dict[int, tuple[int, int]] = {}
        self._headers = (
            self.tr("Date"), self.tr("Kind"), self.tr("Title"), self.tr("Staff"), self.tr("Partners reached"),
            self.tr("Referrals in within 90 days"),
        )

    def set_rows(self, rows, followed: dict[int, tuple[int, int]] | None = None) -> None:  # noqa: ANN001
        """``followed``: activity id → (referrals in that followed, of which formal)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._followed = dict(followed or {})
        self.endResetModel()

    def outreach_id(self, row: int) -> int | None:
        return self.row_id(row)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if not self._valid(index):
            return None
        row = self._rows[index.row()]
        if role == OUTREACH_ID_ROLE:
            return row.id
        if role == OUTREACH_ROW_ROLE:
            return row
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = index.column()
        if column == COL_DATE:
            return row.activity_date.isoformat()
        if column == COL_KIND:
            return code_label(OUTREACH_KINDS, row.kind)
        if column == COL_TITLE:
            return row.title
        if column == COL_STAFF:
            return row.staff_name or ""
        if column == COL_REACHED:
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(row.partner_names) or None
            return ", ".join(row.partner_names)
        if column == COL_FOLLOWED:
            total, formal = self._followed.get(row.id, (0, 0))
            return self.tr("%d (%d formal)") % (total, formal) if total else self.tr("none yet")
        return None
