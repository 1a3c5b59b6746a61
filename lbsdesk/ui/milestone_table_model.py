"""The plan's milestones as an editable table: description, OALCF competency (A–F) and level (1–3),
planned / attempted / completed dates, status and outcome.

The model holds a list of ``MilestoneRecord`` snapshots (lbsdesk.services.plans) that the plan tab
saves with the plan in one service call; it never talks to the database.  Dates are typed as
YYYY-MM-DD; the status follows the dates as the service derives it (``milestone_status_for``), except
"Not completed", a person's judgement, which is kept.  Rows with a problem are tinted and carry the
message as their tooltip.
"""

from __future__ import annotations

import copy
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from lbsdesk.domain.codes import MILESTONE_STATUSES, OALCF_COMPETENCIES
from lbsdesk.services.plans import MilestoneRecord, milestone_status_for
from lbsdesk.ui.form_widgets import code_label, parse_date

(COL_DESCRIPTION, COL_COMPETENCY, COL_LEVEL, COL_PLANNED, COL_ATTEMPTED, COL_COMPLETED, COL_STATUS, COL_OUTCOME) = range(8)
COLUMN_COUNT = 8
_DATE_FIELDS = {COL_PLANNED: "planned_date", COL_ATTEMPTED: "attempted_date", COL_COMPLETED: "completed_date"}

#: The row's ``MilestoneRecord`` (a copy).
MILESTONE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The codes an editor offers for the cell: list of (code, label).
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 2

_PROBLEM_BRUSH = QBrush(QColor("#fde8e8"))
_LATE_COLOUR = QColor("#9a2b00")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MilestoneTableModel", text)


def competency_text(code: str | None) -> str:
    return f"{code} – {code_label(OALCF_COMPETENCIES, code)}" if code in OALCF_COMPETENCIES else (code or "")


class MilestoneTableModel(QAbstractTableModel):
    """Editable milestones of one plan (read-only for an earlier plan)."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[MilestoneRecord] = []
        self._read_only = False
        self._problems: dict[int, str] = {}
        self._today = date.today()
        self._headers = [
            _tr("Milestone (task)"), _tr("Competency"), _tr("Level"), _tr("Planned"), _tr("Attempted"),
            _tr("Completed"), _tr("Status"), _tr("Outcome"),
        ]

    # --- contents ------------------------------------------------------------------------------

    def set_milestones(self, milestones: list[MilestoneRecord], read_only: bool = False) -> None:
        self.beginResetModel()
        self._rows = [copy.deepcopy(m) for m in milestones]
        self._read_only = read_only
        self._problems = {}
        self._today = date.today()
        self.endResetModel()

    def milestones(self) -> list[MilestoneRecord]:
        return [copy.deepcopy(m) for m in self._rows]

    def is_read_only(self) -> bool:
        return self._read_only

    def add_milestone(self, milestone: MilestoneRecord | None = None) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(milestone or MilestoneRecord())
        self.endInsertRows()
        return row

    def remove_milestone(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._problems = {r - (1 if r > row else 0): m for r, m in self._problems.items() if r != row}
            self.endRemoveRows()

    def set_problems(self, problems: dict[int, str]) -> None:
        """Row → message for the milestones that stop the plan from saving (empty clears)."""
        self._problems = dict(problems)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

    # --- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: ANN001, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: ANN001, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < COLUMN_COUNT else None
        return str(section + 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: C901
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        column = index.column()
        if role == MILESTONE_ROLE:
            return copy.deepcopy(m)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_DESCRIPTION:
                return m.description
            if column == COL_COMPETENCY:
                return competency_text(m.competency)
            if column == COL_LEVEL:
                return str(m.level) if m.level is not None else ""
            if column in _DATE_FIELDS:
                value = getattr(m, _DATE_FIELDS[column])
                return value.isoformat() if value else ""
            if column == COL_STATUS:
                return code_label(MILESTONE_STATUSES, m.status)
            if column == COL_OUTCOME:
                return m.outcome or ""
            return None
        if role == Qt.ItemDataRole.EditRole:
            if column == COL_COMPETENCY:
                return m.competency
            if column == COL_LEVEL:
                return m.level
            if column == COL_STATUS:
                return m.status
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == CHOICES_ROLE:
            if column == COL_COMPETENCY:
                return [(code, competency_text(code)) for code in OALCF_COMPETENCIES.codes]
            if column == COL_LEVEL:
                return [(level, str(level)) for level in (1, 2, 3)]
            if column == COL_STATUS:
                return [(code, code_label(MILESTONE_STATUSES, code)) for code in MILESTONE_STATUSES.codes]
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.row() in self._problems:
                return self._problems[index.row()]
            if column == COL_COMPETENCY:
                return competency_text(m.competency)
            if column == COL_DESCRIPTION and m.description:
                return m.description
            return None
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self._problems:
            return _PROBLEM_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_PLANNED:
            if m.status == "planned" and m.planned_date is not None and m.planned_date < self._today:
                return QBrush(_LATE_COLOUR)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: ANN001, N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._read_only:
            return False
        m = self._rows[index.row()]
        column = index.column()
        if column == COL_DESCRIPTION:
            m.description = str(value or "").strip()
        elif column == COL_COMPETENCY:
            code = str(value or "").strip()[:1].upper()
            if code not in OALCF_COMPETENCIES:
                return False
            m.competency = code
        elif column == COL_LEVEL:
            try:
                level = int(value)
            except (TypeError, ValueError):
                return False
            if level not in (1, 2, 3):
                return False
            m.level = level
        elif column in _DATE_FIELDS:
            text = str(value or "").strip()
            try:
                parsed = parse_date(text) if text else None
            except ValueError:
                return False
            setattr(m, _DATE_FIELDS[column], parsed)
            m.status = milestone_status_for(m)
        elif column == COL_STATUS:
            if value not in MILESTONE_STATUSES:
                return False
            m.status = value
        elif column == COL_OUTCOME:
            m.outcome = str(value or "").strip() or None
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COLUMN_COUNT - 1))
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the cells whose model offers choices (``CHOICES_ROLE``); plain editors elsewhere."""

    def createEditor(self, parent: QWidget, option, index):  # noqa: ANN001, N802
        choices = index.data(CHOICES_ROLE)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for code, text in choices:
            combo.addItem(text, code)
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: ANN001, N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:  # noqa: ANN001, N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
