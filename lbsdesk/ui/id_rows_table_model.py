"""A read-only table model over a short list of row snapshots that carry an ``id`` (loaded whole).

Shared by the partner directory and the outreach log: subclasses set ``_headers`` and implement
``data``; rows are plain snapshots, never ORM objects (CONVENTIONS.md item 4).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class IdRowsTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list = []
        self._headers: tuple[str, ...] = ()  # set by the subclass

    def set_rows(self, rows) -> None:  # noqa: ANN001
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_snapshot(self, row: int):  # noqa: ANN201 - the snapshot, or None
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_id(self, row: int) -> int | None:
        snapshot = self.row_snapshot(row)
        return snapshot.id if snapshot is not None else None

    def row_of(self, record_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == record_id:
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

    def _valid(self, index) -> bool:  # noqa: ANN001
        return index.isValid() and 0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._headers)
