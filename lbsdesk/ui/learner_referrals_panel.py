"""One learner's referrals (a tab of the learner file): the list, and "New referral in" / "New referral
out" opening the referral form prefilled with the learner."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from lbsdesk.services import referrals as referral_service
from lbsdesk.ui.referral_form_dialog import ReferralFormDialog, show_referral_form
from lbsdesk.ui.referral_list_pane import OpeningTableView, referral_columns, setup_table
from lbsdesk.ui.referral_table_model import COL_LEARNER, COL_PARTNER, ReferralTableModel


class LearnerReferralsPanel(QWidget):
    """The referrals of the learner set with ``set_learner``, newest first."""

    referrals_changed = Signal()
    """A referral of this learner was added or changed here."""

    def __init__(self, database, parent: QWidget | None = None, staff_id: int | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("learnerReferralsPanel")
        self.setAccessibleName(self.tr("Referrals of this learner"))
        self._database = database
        self._staff_id = staff_id
        self._learner_id: int | None = None
        self._forms: list[ReferralFormDialog] = []
        self.model = ReferralTableModel(database, self)

        self.new_in_button = QPushButton(self.tr("New referral &in…"))
        self.new_in_button.setObjectName("learnerNewReferralInButton")
        self.new_in_button.setToolTip(self.tr("Record that someone referred this learner to us"))
        self.new_in_button.clicked.connect(lambda: self.new_referral("in"))
        self.new_out_button = QPushButton(self.tr("New referral &out…"))
        self.new_out_button.setObjectName("learnerNewReferralOutButton")
        self.new_out_button.setToolTip(self.tr("Refer this learner to a partner"))
        self.new_out_button.clicked.connect(lambda: self.new_referral("out"))
        self.summary = QLabel()
        self.summary.setObjectName("learnerReferralSummary")

        self.table = OpeningTableView()
        self.table.setObjectName("learnerReferralTable")
        self.table.setAccessibleName(self.tr("Referrals of this learner"))
        self.table.setModel(self.model)
        setup_table(self.table)
        referral_columns(self.table)
        self.table.setColumnHidden(COL_LEARNER, True)  # every row is this learner
        self.table.horizontalHeader().setSectionResizeMode(COL_PARTNER, QHeaderView.ResizeMode.Stretch)
        self.table.open_requested.connect(self._open_row)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))

        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.new_in_button)
        bar.addWidget(self.new_out_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.model.modelReset.connect(self._update_summary)
        self.set_learner(None)

    def learner_id(self) -> int | None:
        return self._learner_id

    def set_learner(self, learner_id: int | None) -> None:
        """Show this learner's referrals (None: a new, unsaved learner has none yet)."""
        self._learner_id = learner_id
        self.new_in_button.setEnabled(learner_id is not None)
        self.new_out_button.setEnabled(learner_id is not None)
        self.model.set_query(referral_service.ReferralQuery(learner_id=learner_id if learner_id is not None else -1), force=True)

    def refresh(self) -> None:
        self.model.refresh()

    def _update_summary(self) -> None:
        count = self.model.rowCount()
        if self._learner_id is None:
            self.summary.setText(self.tr("Save the learner's file first; then referrals can be added here."))
        elif count == 0:
            self.summary.setText(self.tr("No referrals yet."))
        else:
            formal = sum(1 for row in range(count) if self.model.row_snapshot(row) and self.model.row_snapshot(row).formal)
            self.summary.setText(self.tr("%d referrals, %d formal") % (count, formal))

    def _open_row(self, row: int) -> None:
        referral_id = self.model.referral_id(row)
        if referral_id is not None:
            self.open_referral(referral_id)

    def _show_form(self, form: ReferralFormDialog) -> ReferralFormDialog:
        return show_referral_form(form, self._forms, self._saved)

    def open_referral(self, referral_id: int) -> ReferralFormDialog:
        return self._show_form(ReferralFormDialog(self._database, referral_id=referral_id, staff_id=self._staff_id, parent=self))

    def new_referral(self, direction: str) -> ReferralFormDialog | None:
        """Open the referral form for a new referral of this learner, in or out."""
        if self._learner_id is None:
            return None
        return self._show_form(ReferralFormDialog(
            self._database, learner_id=self._learner_id, direction=direction, staff_id=self._staff_id, parent=self,
        ))

    def _saved(self, _referral_id: int) -> None:
        self.model.refresh()
        self.referrals_changed.emit()
