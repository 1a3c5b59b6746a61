"""Exit and follow-ups of one learner (a tab of the learner file).

Record the exit (date, reason, outcome, and the satisfaction question, 1–5, asked in the ministry's
words); the learner moves to Closure on that day.  The 3-, 6- and 12-month follow-ups then show with
their due dates (SPEC.md section 3) and are recorded as done (date, outcome) or "unable to contact".
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services import exits as exit_service
from lbsdesk.ui.form_widgets import DateField, FieldError, tr


def _t(text: str) -> str:
    return tr(text, "ExitFollowUpPanel")


SATISFACTION_QUESTION = (
    "On a scale of 1 to 5, where 1 is not at all satisfied and 5 is very satisfied, how satisfied are you "
    "with the service you received?"
)
_STATUS_TEXT = {
    "upcoming": "Not due yet", "due": "Due today", "overdue": "Overdue", "done": "Done", "unable": "Unable to contact",
}


class _FollowUpRow:
    """The widgets of one follow-up (3, 6 or 12 months)."""

    def __init__(self, months: int) -> None:
        self.months = months
        self.title = QLabel(f"<b>{_t('%d months') % months}</b>")
        self.due = QLabel()
        self.status = QLabel()
        self.status.setObjectName(f"followUpStatus{months}")
        self.done_on = DateField()
        self.done_on.setObjectName(f"followUpDate{months}")
        self.done_on.setAccessibleName(_t("%d-month follow-up: done on") % months)
        self.outcome = QLineEdit()
        self.outcome.setObjectName(f"followUpOutcome{months}")
        self.outcome.setAccessibleName(_t("%d-month follow-up: outcome") % months)
        self.outcome.setPlaceholderText(_t("Outcome (working, in training, …)"))
        self.unable = QCheckBox(_t("Unable to contact"))
        self.unable.setObjectName(f"followUpUnable{months}")
        self.save = QPushButton(_t("Record"))
        self.save.setObjectName(f"recordFollowUp{months}")
        self.error = FieldError()


class ExitFollowUpPanel(QWidget):
    """The exit and the three follow-ups of one learner."""

    exit_recorded = Signal(int)
    """The exit was recorded or corrected (learner id)."""
    follow_up_recorded = Signal(int, int)
    """A follow-up was recorded (learner id, months)."""

    def __init__(self, database, learner_id: int | None = None, parent: QWidget | None = None,  # noqa: ANN001
                 staff_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exitFollowUpPanel")
        self.setAccessibleName(_t("Exit and follow-ups"))
        self._database = database
        self._staff_id = staff_id
        self._learner_id: int | None = None

        exit_box = QGroupBox(_t("Exit"))
        form = QFormLayout(exit_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        self.exit_date = DateField()
        self.exit_date.setObjectName("exitDate")
        self.exit_date_error = FieldError()
        self.reason = QComboBox()
        self.reason.setObjectName("exitReason")
        self.reason.setEditable(True)
        self.reason.addItems(["", _t("Goal achieved"), _t("Went to employment"), _t("Went to further training"),
                              _t("Moved away"), _t("Health or family reasons"), _t("Lost contact"), _t("Other")])
        self.outcome = QLineEdit()
        self.outcome.setObjectName("exitOutcome")
        self.outcome.setPlaceholderText(_t("e.g. employed full time; started college"))
        question = QLabel(_t(SATISFACTION_QUESTION))
        question.setObjectName("satisfactionQuestion")
        question.setWordWrap(True)
        self.satisfaction = QComboBox()
        self.satisfaction.setObjectName("exitSatisfaction")
        self.satisfaction.setAccessibleName(_t(SATISFACTION_QUESTION))
        self.satisfaction.addItem(_t("Not asked / no answer"), None)
        for value, words in ((5, "Very satisfied"), (4, "Satisfied"), (3, "Neither"), (2, "Not satisfied"),
                             (1, "Not at all satisfied")):
            self.satisfaction.addItem(f"{value} – {_t(words)}", value)
        self.satisfaction_error = FieldError()
        self.exit_button = QPushButton(_t("Record exit"))
        self.exit_button.setObjectName("recordExitButton")
        self.exit_button.clicked.connect(self.record_exit)
        self.exit_message = QLabel()
        self.exit_message.setWordWrap(True)
        date_box = QWidget()
        date_layout = QVBoxLayout(date_box)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.addWidget(self.exit_date)
        date_layout.addWidget(self.exit_date_error)
        form.addRow(_t("Exit date"), date_box)
        form.addRow(_t("Reason"), self.reason)
        form.addRow(_t("Outcome at exit"), self.outcome)
        form.addRow(question)
        form.addRow(_t("Satisfaction"), self.satisfaction)
        form.addRow(self.satisfaction_error)
        exit_buttons = QHBoxLayout()
        exit_buttons.addWidget(self.exit_message, 1)
        exit_buttons.addWidget(self.exit_button)
        form.addRow(exit_buttons)

        follow_box = QGroupBox(_t("Follow-ups after the exit"))
        grid = QGridLayout(follow_box)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        for column, heading in enumerate((_t("Follow-up"), _t("Due"), _t("Status"), _t("Done on"), _t("Outcome"), "", "")):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        self.rows: dict[int, _FollowUpRow] = {}
        for index, months in enumerate((3, 6, 12)):
            row = _FollowUpRow(months)
            r = 1 + index * 2
            grid.addWidget(row.title, r, 0)
            grid.addWidget(row.due, r, 1)
            grid.addWidget(row.status, r, 2)
            grid.addWidget(row.done_on, r, 3)
            grid.addWidget(row.outcome, r, 4)
            grid.addWidget(row.unable, r, 5)
            grid.addWidget(row.save, r, 6)
            grid.addWidget(row.error, r + 1, 0, 1, 7)
            row.save.clicked.connect(lambda _checked=False, m=months: self.record_follow_up(m))
            self.rows[months] = row
        grid.setColumnStretch(4, 1)
        self.follow_hint = QLabel()
        self.follow_hint.setObjectName("hint")
        self.follow_hint.setWordWrap(True)
        grid.addWidget(self.follow_hint, 8, 0, 1, 7)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        layout.addWidget(exit_box)
        layout.addWidget(follow_box)
        layout.addStretch(1)
        if learner_id is not None:
            self.load(learner_id)

    # --- data ----------------------------------------------------------------------------------

    def load(self, learner_id: int) -> None:
        self._learner_id = learner_id
        with self._database.session() as session:
            record = exit_service.exit_of(session, learner_id)
            rows = exit_service.follow_ups(session, learner_id)
        self.exit_date_error.show_message(None)
        self.satisfaction_error.show_message(None)
        if record is None:
            self.exit_date.set_date_value(None)
            self.reason.setEditText("")
            self.outcome.clear()
            self.satisfaction.setCurrentIndex(0)
            self.exit_button.setText(_t("Record exit"))
            self.exit_message.setText(_t("The learner is in the program. Recording the exit moves the plan to Closure."))
        else:
            self.exit_date.set_date_value(record.exit_date)
            self.reason.setEditText(record.reason or "")
            self.outcome.setText(record.outcome or "")
            self.satisfaction.setCurrentIndex(max(self.satisfaction.findData(record.satisfaction), 0))
            self.exit_button.setText(_t("Correct exit"))
            self.exit_message.setText(_t("Exited on %s.") % record.exit_date.isoformat())
        by_months = {row.months: row for row in rows}
        for months, widgets in self.rows.items():
            row = by_months.get(months)
            enabled = row is not None
            for w in (widgets.done_on, widgets.outcome, widgets.unable, widgets.save):
                w.setEnabled(enabled)
            widgets.error.show_message(None)
            if row is None:
                widgets.due.setText("—")
                widgets.status.setText("")
                widgets.done_on.set_date_value(None)
                widgets.outcome.clear()
                widgets.unable.setChecked(False)
                continue
            widgets.due.setText(row.due_date.isoformat())
            status = _t(_STATUS_TEXT.get(row.status, row.status))
            colour = {"overdue": "#9a2b00", "due": "#8a5a00", "done": "#1e6b2f"}.get(row.status, "#333333")
            widgets.status.setText(f"<span style='color:{colour}'><b>{status}</b></span>"
                                   if row.status in ("overdue", "due") else status)
            widgets.done_on.set_date_value(row.done_date or (date.today() if row.status in ("due", "overdue") else None))
            widgets.outcome.setText(row.outcome or "")
            widgets.unable.setChecked(row.unable_to_contact)
            widgets.save.setText(_t("Correct") if row.follow_up_id else _t("Record"))
        self.follow_hint.setText(
            _t("Follow-ups fall due 3, 6 and 12 months after the exit (the same day of the month, or its last day).")
            if rows else _t("Follow-ups are due 3, 6 and 12 months after the exit; record the exit first.")
        )

    def follow_up_rows(self) -> dict[int, _FollowUpRow]:
        return self.rows

    # --- actions -------------------------------------------------------------------------------

    def record_exit(self) -> bool:
        if self._learner_id is None:
            return False
        self.exit_date_error.show_message(None)
        self.satisfaction_error.show_message(None)
        try:
            exit_date = self.exit_date.date_value()
        except ValueError as exc:
            self.exit_date_error.show_message(str(exc))
            return False
        try:
            with self._database.session() as session:
                exit_service.record_exit(
                    session, self._learner_id, exit_date=exit_date, reason=self.reason.currentText().strip() or None,
                    outcome=self.outcome.text().strip() or None, satisfaction=self.satisfaction.currentData(),
                    staff_id=self._staff_id,
                )
        except ValidationFailed as exc:
            self.exit_date_error.show_message(exc.problems.get("exit_date"))
            self.satisfaction_error.show_message(exc.problems.get("satisfaction"))
            return False
        except LbsDeskError as exc:
            QMessageBox.warning(self, _t("Could not record the exit"), str(exc))
            return False
        self.load(self._learner_id)
        self.exit_recorded.emit(self._learner_id)
        return True

    def record_follow_up(self, months: int) -> bool:
        if self._learner_id is None:
            return False
        widgets = self.rows[months]
        widgets.error.show_message(None)
        try:
            done_on = widgets.done_on.date_value()
        except ValueError as exc:
            widgets.error.show_message(str(exc))
            return False
        try:
            with self._database.session() as session:
                exit_service.record_follow_up(
                    session, self._learner_id, months, done_on=done_on, outcome=widgets.outcome.text().strip() or None,
                    unable_to_contact=widgets.unable.isChecked(), staff_id=self._staff_id,
                )
        except ValidationFailed as exc:
            widgets.error.show_message("\n".join(exc.problems.values()))
            return False
        except LbsDeskError as exc:
            widgets.error.show_message(str(exc))
            return False
        self.load(self._learner_id)
        self.follow_up_recorded.emit(self._learner_id, months)
        return True
