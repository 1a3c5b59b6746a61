"""The partner directory's item model: ``PartnerRow`` snapshots of the current search (loaded whole).

An agency has tens to a few hundred partners; the service searches them (accent-blind) and the model
holds the rows it returned, never ORM objects (CONVENTIONS.md item 4).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from lbsdesk.domain.codes import ORG_TYPES
from lbsdesk.ui.form_widgets import code_label
from lbsdesk.ui.id_rows_table_model import IdRowsTableModel

#: The partner's database id (int).
PARTNER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The whole ``PartnerRow`` snapshot.
PARTNER_ROW_ROLE = Qt.ItemDataRole.UserRole + 2

COL_NAME, COL_TYPE, COL_CONTACT, COL_PHONE, COL_AGREEMENT = range(5)

_ARCHIVED_COLOUR = QColor("#5f6368")


class PartnerTableModel(IdRowsTableModel):
    """The partners of the directory's current search and filter, by name."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._headers = (self.tr("Name"), self.tr("Type"), self.tr("Contact"), self.tr("Phone"), self.tr("Agreement"))

    def partner_id(self, row: int) -> int | None:
        return self.row_id(row)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if not self._valid(index):
            return None
        row = self._rows[index.row()]
        if role == PARTNER_ID_ROLE:
            return row.id
        if role == PARTNER_ROW_ROLE:
            return row
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_ARCHIVED_COLOUR) if row.archived else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_NAME:
                parts = [row.partner_key]
                if row.program:
                    parts.append(row.program)
                if row.archived:
                    parts.append(self.tr("Archived"))
                if row.co_located:
                    parts.append(self.tr("Shares our office"))
                return " · ".join(parts)
            if column == COL_CONTACT and row.email:
                return row.email
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == COL_NAME:
                return row.name + (self.tr(" (archived)") if row.archived else "")
            if column == COL_TYPE:
                return code_label(ORG_TYPES, row.org_type)
            if column == COL_CONTACT:
                return row.contact_name or ""
            if column == COL_PHONE:
                return row.phone or ""
            if column == COL_AGREEMENT:
                return self.tr("Yes") if row.agreement else ""
        return None
