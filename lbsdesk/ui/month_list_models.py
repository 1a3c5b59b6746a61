"""Item models for the monthly sheet's lists: learners (the call list, counts opened), follow-ups
due, referrals (not keyed into CaMS, counts opened) and inquiries.

Each holds small row snapshots from ``lbsdesk.services.month_records`` (never ORM objects) and is
loaded whole: a month's lists are at most a few thousand lines, shown with fixed row heights.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from lbsdesk.domain.codes import GOAL_PATHS, INFORMAL_SOURCES, INQUIRY_CHANNELS, ORG_TYPES
from lbsdesk.services.month_records import FollowUpLine, InquiryLine, LearnerLine, ReferralLine
from lbsdesk.ui.form_widgets import code_label

#: The database id of the record on the row (learner, referral or inquiry) (int).
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The database id of the learner the row is about (int, None for an inquiry not enrolled).
LEARNER_ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: The row's snapshot (a month_records dataclass).
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
#: The value to sort by (dates as ISO text, names folded).
SORT_ROLE = Qt.ItemDataRole.UserRole + 4


def _tr(text: str) -> str:
    return QCoreApplication.translate("MonthLists", text)


def type_label(code: str | None) -> str:
    """A partner kind (org_type) or an informal source, as a person reads it."""
    if not code or code == "unknown":
        return _tr("Not recorded")
    if code in INFORMAL_SOURCES:
        return code_label(INFORMAL_SOURCES, code)
    if code in ORG_TYPES:
        return code_label(ORG_TYPES, code)
    return code


def _date(value) -> str:  # noqa: ANN001
    return value.isoformat() if value else ""


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[object], str]
    align_right: bool = False


class LineTableModel(QAbstractTableModel):
    """Rows of snapshots shown through a list of columns."""

    def __init__(self, columns: Sequence[Column], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list = []

    # what subclasses say about a row
    def record_id(self, row) -> int | None:  # noqa: ANN001
        return row.id

    def learner_id(self, row) -> int | None:  # noqa: ANN001
        return None

    def set_rows(self, rows) -> None:  # noqa: ANN001
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_snapshot(self, row: int):  # noqa: ANN201
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index):  # noqa: ANN001, ANN201
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
                return self._columns[section].title
            if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
                return str(section + 1)
        return None

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self._columns):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.text(row).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RECORD_ID_ROLE:
            return self.record_id(row)
        if role == LEARNER_ID_ROLE:
            return self.learner_id(row)
        if role == ROW_ROLE:
            return row
        return None


class LearnerLineTableModel(LineTableModel):
    """Learners with their phone numbers: the call list, or the learners behind a number."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((
            Column(_tr("Name"), lambda r: r.name),
            Column(_tr("Phone"), lambda r: r.phone),
            Column(_tr("Came to us by"), lambda r: r.came_by),
            Column(_tr("Goal path"), lambda r: code_label(GOAL_PATHS, r.goal_path) if r.goal_path else _tr("Not recorded")),
            Column(_tr("Intake"), lambda r: _date(r.intake_date)),
            Column(_tr("Exit"), lambda r: _date(r.exit_date)),
            Column(_tr("Learner ID"), lambda r: r.learner_key),
        ), parent)

    def learner_id(self, row: LearnerLine) -> int | None:
        return row.id


class FollowUpTableModel(LineTableModel):
    """Follow-ups due in the month and not yet recorded."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((
            Column(_tr("Due"), lambda r: _date(r.due)),
            Column(_tr("Follow-up"), lambda r: _tr("%d months after exit") % r.months),
            Column(_tr("Name"), lambda r: r.learner.name),
            Column(_tr("Phone"), lambda r: r.learner.phone),
            Column(_tr("Learner ID"), lambda r: r.learner.learner_key),
            Column(_tr("Exit"), lambda r: _date(r.learner.exit_date)),
        ), parent)

    def record_id(self, row: FollowUpLine) -> int | None:
        return row.learner.id

    def learner_id(self, row: FollowUpLine) -> int | None:
        return row.learner.id


class ReferralLineTableModel(LineTableModel):
    """Referrals: those not keyed into CaMS, or the referrals behind a number."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((
            Column(_tr("Referral"), lambda r: r.referral_key),
            Column(_tr("Date"), lambda r: _date(r.referral_date)),
            Column(_tr("Direction"), lambda r: _tr("In") if r.direction == "in" else _tr("Out")),
            Column(_tr("Learner"), lambda r: r.learner_name),
            Column(_tr("From / to"), lambda r: r.other_party),
            Column(_tr("Kind"), lambda r: type_label(r.type_code)),
            Column(_tr("Counts"), lambda r: _tr("Formal") if r.formal else _tr("Informal")),
            Column(_tr("Keyed into CaMS"), lambda r: _date(r.cams_entered_date) or _tr("Not yet")),
        ), parent)

    def learner_id(self, row: ReferralLine) -> int | None:
        return row.learner_id


class InquiryLineTableModel(LineTableModel):
    """The inquiries behind a number."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((
            Column(_tr("Date"), lambda r: _date(r.inquiry_date)),
            Column(_tr("Channel"), lambda r: code_label(INQUIRY_CHANNELS, r.channel)),
            Column(_tr("How they heard"), lambda r: type_label(r.source)),
            Column(_tr("Enrolled as"), lambda r: r.learner_name),
            Column(_tr("Note"), lambda r: r.notes),
        ), parent)

    def learner_id(self, row: InquiryLine) -> int | None:
        return row.learner_id
