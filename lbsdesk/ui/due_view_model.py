"""The "Due" view's item model: a two-level tree, one group per kind (with its count), its lines under it.

Lines are ``DueItem`` snapshots (lbsdesk.services.due_items), never live records; the model holds
the list the service returned (sorted: overdue first, then by date) split by kind.  Groups follow
``DUE_KINDS``; empty kinds are kept (count 0) so the person sees that nothing is due there.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from lbsdesk.services.due_items import DUE_KIND_LABELS, DUE_KINDS

#: The line's ``DueItem`` (None on a group row).
DUE_ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
#: The group's kind code (on group rows and their lines).
DUE_KIND_ROLE = Qt.ItemDataRole.UserRole + 2

COL_WHAT, COL_LEARNER, COL_DUE, COL_DETAIL = range(4)
_GROUP_ID = 0  # internalId of a group row; a line's internalId is its group's index + 1

_OVERDUE = QColor("#9a2b00")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DueViewModel", text)


class DueViewModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._groups: list[tuple[str, list]] = [(kind, []) for kind in DUE_KINDS]
        self._headers = [_tr("What is due"), _tr("Learner ID"), _tr("Due"), _tr("Details")]
        self._bold = QFont()
        self._bold.setBold(True)

    def set_items(self, items) -> None:  # noqa: ANN001 - list[DueItem]
        by_kind: dict[str, list] = {kind: [] for kind in DUE_KINDS}
        for item in items:
            by_kind.setdefault(item.kind, []).append(item)
        self.beginResetModel()
        self._groups = [(kind, by_kind[kind]) for kind in by_kind]
        self.endResetModel()

    def counts(self) -> dict[str, int]:
        return {kind: len(lines) for kind, lines in self._groups}

    def group_row(self, kind: str) -> int:
        return next(i for i, (k, _lines) in enumerate(self._groups) if k == kind)

    # --- tree structure ------------------------------------------------------------------------

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:  # noqa: ANN001
        if column < 0 or column >= len(self._headers) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP_ID) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _GROUP_ID or parent.column() != 0:
            return QModelIndex()
        lines = self._groups[parent.row()][1]
        return self.createIndex(row, column, parent.row() + 1) if row < len(lines) else QModelIndex()

    def parent(self, index=QModelIndex()) -> QModelIndex:  # noqa: ANN001
        if not index.isValid() or index.internalId() == _GROUP_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP_ID)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: ANN001, N802
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP_ID and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: ANN001, N802
        return len(self._headers)

    def hasChildren(self, parent=QModelIndex()) -> bool:  # noqa: ANN001, N802
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def item(self, index: QModelIndex | QPersistentModelIndex):  # noqa: ANN201
        if not index.isValid() or index.internalId() == _GROUP_ID:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _GROUP_ID:
            kind, lines = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == COL_WHAT:
                return f"{_tr(DUE_KIND_LABELS[kind])} ({len(lines)})"
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == DUE_KIND_ROLE:
                return kind
            if role == Qt.ItemDataRole.ForegroundRole and not lines:
                return QBrush(QColor("#6b6b6b"))
            return None
        item = self.item(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_WHAT:
                return item.learner_name
            if column == COL_LEARNER:
                return item.learner_key
            if column == COL_DUE:
                if item.due_date is None:
                    return ""
                return item.due_date.isoformat() + (_tr(" (overdue)") if item.overdue else "")
            if column == COL_DETAIL:
                return item.what
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue and column == COL_DUE:
            return QBrush(_OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.learner_name}: {item.what}" + (_tr(" — overdue") if item.overdue else "")
        if role == DUE_ITEM_ROLE:
            return item
        if role == DUE_KIND_ROLE:
            return item.kind
        return None
