"""One learner's consents to share information (a tab of the learner file): scope, how given, what and
why, given on, valid until, withdrawn; "Record consent…" and "Withdraw…"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.db.models import Partner
from lbsdesk.domain.codes import CONSENT_METHODS, CONSENT_SCOPES
from lbsdesk.errors import LbsDeskError
from lbsdesk.services import consents as consent_service
from lbsdesk.ui.consent_dialog import ConsentDialog
from lbsdesk.ui.form_widgets import DateField
from lbsdesk.ui.snapshot_table_model import SnapshotTableModel


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


class ConsentTableModel(SnapshotTableModel):
    """Rows are ``(ConsentRecord, partner names)`` snapshots, newest first."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(
            [self.tr("Status"), self.tr("With whom"), self.tr("How given"), self.tr("Given on"),
             self.tr("Valid until"), self.tr("Withdrawn"), self.tr("What is shared, and why")],
            parent,
        )
        self.today = date.today()

    def cell(self, row, column: int) -> str:  # noqa: ANN001
        consent, partner_names = row
        if column == 0:
            if consent.withdrawn_date and consent.withdrawn_date <= self.today:
                return self.tr("Withdrawn")
            if consent.expiry_date and consent.expiry_date < self.today:
                return self.tr("Expired")
            return self.tr("In force") if consent.in_force_on(self.today) else self.tr("Not yet in force")
        if column == 1:
            return CONSENT_SCOPES.label(consent.scope) if consent.scope == "all_partners" else ", ".join(partner_names)
        if column == 2:
            return CONSENT_METHODS.label(consent.method) if consent.method else ""
        if column == 3:
            return _day(consent.signed_date)
        if column == 4:
            return _day(consent.expiry_date) or self.tr("No end date")
        if column == 5:
            return _day(consent.withdrawn_date)
        return " — ".join(part for part in (consent.what_is_shared, consent.purpose) if part)

    def foreground(self, row, column: int):  # noqa: ANN001, ANN201
        consent, _ = row
        if column == 0 and not consent.in_force_on(self.today):
            return QColor("#8a1c1c")
        return None


class WithdrawDialog(QDialog):
    """The day the learner withdrew a consent (default today)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("withdrawConsentDialog")
        self.setWindowTitle(self.tr("Withdraw consent"))
        self.day = DateField()
        self.day.set_date_value(date.today())
        explanation = QLabel(self.tr(
            "From this day on, nothing more may be shared under this consent. Referrals out to partners "
            "it covered will ask for a new consent."
        ))
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Withdrawn on"), self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Withdraw"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)


class LearnerConsentsPanel(QWidget):
    """The consents of the learner set with ``set_learner``."""

    consents_changed = Signal(int)
    """A consent of this learner was recorded or withdrawn (learner id)."""

    def __init__(self, database, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("learnerConsentsPanel")
        self.setAccessibleName(self.tr("Consents of this learner"))
        self._database = database
        self._learner_id: int | None = None
        self.model = ConsentTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("consentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((120, 220, 150, 110, 135, 110)):
            self.table.setColumnWidth(column, width)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.record_button = QPushButton(self.tr("&Record consent…"))
        self.record_button.setObjectName("recordConsentButton")
        self.record_button.clicked.connect(self.record_consent)
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"))
        self.withdraw_button.setObjectName("withdrawConsentButton")
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_learner(self, learner_id: int | None) -> None:
        self._learner_id = learner_id
        self.refresh()

    def refresh(self) -> None:
        rows = []
        if self._learner_id is not None:
            with self._database.session() as session:
                names = dict(session.query(Partner.id, Partner.name).all())
                for consent in consent_service.consents_of(session, self._learner_id):
                    rows.append((consent, [names.get(pid, "?") for pid in consent.partner_ids]))
        self.model.today = date.today()
        self.model.set_rows(rows)
        in_force = [c for c, _ in rows if c.in_force_on(date.today())]
        if not rows:
            self.summary.setText(self.tr("No consent recorded: nothing may be shared with partners yet."))
        elif in_force:
            self.summary.setText(self.tr("%d consent(s) in force.") % len(in_force))
        else:
            self.summary.setText(self.tr("No consent in force today: record a new one before referring out."))
        self._update_buttons()

    def _selected(self):  # noqa: ANN202
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_snapshot(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:  # noqa: ANN002
        selected = self._selected()
        self.record_button.setEnabled(self._learner_id is not None)
        self.withdraw_button.setEnabled(selected is not None and selected[0].withdrawn_date is None)

    def record_consent(self) -> int | None:
        if self._learner_id is None:
            return None
        dialog = ConsentDialog(self._database, self._learner_id, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.refresh()
        self.consents_changed.emit(self._learner_id)
        return dialog.consent_id()

    def withdraw_selected(self) -> bool:
        selected = self._selected()
        if selected is None:
            return False
        dialog = WithdrawDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            with self._database.session() as session:
                consent_service.withdraw_consent(session, selected[0].id, dialog.day.date_value())
        except (LbsDeskError, ValueError) as exc:
            problems = getattr(exc, "problems", None)
            QMessageBox.warning(self, self.tr("Could not withdraw the consent"),
                                "\n".join(problems.values()) if problems else str(exc))
            return False
        self.refresh()
        self.consents_changed.emit(self._learner_id)
        return True
