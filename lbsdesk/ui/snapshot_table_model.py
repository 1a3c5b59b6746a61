"""A small read-only table model over a list of row snapshots (dataclasses), for the short lists of
the data-safety dialogs: backups, staff accounts, files past retention, a learner's audit trail.

Subclasses give the column headers and ``cell(row, column)``; ``ROW_ROLE`` hands back the snapshot.
Optional check boxes in the first column (``checkable=True``) let a person pick rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

#: The row's snapshot (a dataclass), from any column.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class SnapshotTableModel(QAbstractTableModel):
    """Rows are plain snapshots; never ORM objects (CONVENTIONS.md item 4)."""

    def __init__(self, headers: Iterable[str], parent=None, *, checkable: bool = False) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: list = []
        self._checked: list[bool] = []
        self._checkable = checkable

    # --- subclasses -----------------------------------------------------------------------------

    def cell(self, row, column: int) -> str:  # noqa: ANN001
        raise NotImplementedError

    def tool_tip(self, row, column: int) -> str | None:  # noqa: ANN001
        return None

    def foreground(self, row, column: int):  # noqa: ANN001, ANN201 - a QColor or None
        return None

    # --- rows -----------------------------------------------------------------------------------

    def set_rows(self, rows, checked: bool = True) -> None:  # noqa: ANN001
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = [checked] * len(self._rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_snapshot(self, row: int):  # noqa: ANN201
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def checked_rows(self) -> list:
        return [row for row, on in zip(self._rows, self._checked) if on]

    def set_all_checked(self, on: bool) -> None:
        if not self._rows:
            return
        self._checked = [on] * len(self._rows)
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0), [Qt.ItemDataRole.CheckStateRole])

    # --- Qt -------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index):  # noqa: ANN001, ANN201
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self._checkable and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self._headers):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tool_tip(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, index.column())
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable and index.column() == 0:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        return None

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: ANN001, N802
        if not (self._checkable and index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole):
            return False
        if not 0 <= index.row() < len(self._rows):
            return False
        state = value.value if hasattr(value, "value") else value
        self._checked[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
