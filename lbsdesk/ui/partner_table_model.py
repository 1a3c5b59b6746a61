"""The partner directory's item model: ``PartnerRow`` snapshots of the current search (loaded whole).

An agency has tens to a few hundred partners; the service searches them (accent-blind) and the model
holds the rows it returned, never ORM objects (CONVENTIONS.md item 4).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from lbsdesk.domain.codes import ORG_TYPES
from lbsdesk.ui.form_widgets import code_label

#: The partner's database id (int).
PARTNER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The whole ``PartnerRow`` snapshot.
PARTNER_ROW_ROLE = Qt.ItemDataRole.UserRole + 2

COL_NAME, COL_TYPE, COL_CONTACT, COL_PHONE, COL_AGREEMENT = range(5)

_ARCHIVED_COLOUR = QColor("#5f6368")


class PartnerTableModel(QAbstractTableModel):
    """The partners of the directory's current search and filter, by name."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list = []
        self._headers = (self.tr("Name"), self.tr("Type"), self.tr("Contact"), self.tr("Phone"), self.tr("Agreement"))

    def set_rows(self, rows) -> None:  # noqa: ANN001
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_snapshot(self, row: int):  # noqa: ANN201 - PartnerRow | None
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def partner_id(self, row: int) -> int | None:
        snapshot = self.row_snapshot(row)
        return snapshot.id if snapshot is not None else None

    def row_of(self, partner_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == partner_id:
                return number
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self._headers):
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
