"""Check-ins of one learner (a tab of the learner file): the list, newest first, and a form to add one.

A check-in has a date, who it was with (the learner or the tutor), notes and the needs noticed
(housing, child care, health, transportation, income …).  When needs are ticked, saving offers
"Start a referral out for <need>?" for each; yes emits ``referral_out_requested(learner id, need)``
and the lead's wiring opens the referral form prefilled
(``lbsdesk.services.check_ins.suggested_referral_for_need``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.domain.codes import CHECK_IN_WITH, NEEDS
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services import check_ins as check_in_service
from lbsdesk.ui.form_widgets import DateField, FieldError, code_label, tr


def _t(text: str) -> str:
    return tr(text, "CheckInsPanel")


class CheckInsPanel(QWidget):
    """List and add check-ins with the learner or the tutor; a noticed need offers a referral out."""

    check_in_saved = Signal(int)
    """A check-in was added (its id)."""
    referral_out_requested = Signal(int, str)
    """Start a referral out for a need noticed at a check-in (learner id, need code)."""

    def __init__(self, database, learner_id: int | None = None, parent: QWidget | None = None,  # noqa: ANN001
                 staff_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkInsPanel")
        self.setAccessibleName(_t("Check-ins"))
        self._database = database
        self._staff_id = staff_id
        self._learner_id: int | None = None
        #: ``ask_referral(need_code) -> bool``: the question asked per ticked need (tests replace it)
        self.ask_referral = self._ask_referral

        self.list = QTreeWidget()
        self.list.setObjectName("checkInList")
        self.list.setAccessibleName(_t("Check-ins, newest first"))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(False)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([_t("Date"), _t("With"), _t("Needs noticed"), _t("Notes")])
        self.list.setColumnWidth(0, 100)
        self.list.setColumnWidth(1, 80)
        self.list.setColumnWidth(2, 220)
        self.summary = QLabel()
        self.summary.setObjectName("checkInSummary")

        form_box = QGroupBox(_t("Add a check-in"))
        form = QGridLayout(form_box)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        self.date_field = DateField()
        self.date_field.setObjectName("checkInDate")
        self.date_field.setAccessibleName(_t("Date of the check-in"))
        self.date_error = FieldError()
        date_caption = QLabel(_t("&Date"))
        date_caption.setBuddy(self.date_field)
        self.with_buttons = QButtonGroup(self)
        with_row = QHBoxLayout()
        self._with_radios: dict[str, QRadioButton] = {}
        for code in CHECK_IN_WITH.codes:
            radio = QRadioButton(code_label(CHECK_IN_WITH, code))
            radio.setObjectName(f"checkInWith_{code}")
            self.with_buttons.addButton(radio)
            self._with_radios[code] = radio
            with_row.addWidget(radio)
        with_row.addStretch(1)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("checkInNotes")
        self.notes.setAccessibleName(_t("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(_t("How it is going, attendance, progress, what comes next…"))
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 16)
        needs_box = QGroupBox(_t("Needs noticed"))
        needs_grid = QGridLayout(needs_box)
        self.need_boxes: dict[str, QCheckBox] = {}
        for index, code in enumerate(NEEDS.codes):
            box = QCheckBox(code_label(NEEDS, code))
            box.setObjectName(f"need_{code}")
            self.need_boxes[code] = box
            needs_grid.addWidget(box, index // 3, index % 3)
        hint = QLabel(_t("For each need ticked you will be offered a referral out."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        needs_grid.addWidget(hint, 3, 0, 1, 3)
        self.error = FieldError()
        self.save_button = QPushButton(_t("&Add check-in"))
        self.save_button.setObjectName("addCheckInButton")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setStyleSheet("color: #1e6b2f;")

        with_caption = QLabel(_t("With"))
        notes_caption = QLabel(_t("&Notes"))
        notes_caption.setBuddy(self.notes)
        form.addWidget(date_caption, 0, 0, Qt.AlignmentFlag.AlignRight)
        date_box = QVBoxLayout()
        date_box.addWidget(self.date_field)
        date_box.addWidget(self.date_error)
        form.addLayout(date_box, 0, 1)
        form.addWidget(with_caption, 1, 0, Qt.AlignmentFlag.AlignRight)
        form.addLayout(with_row, 1, 1)
        form.addWidget(notes_caption, 2, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addWidget(self.notes, 2, 1)
        form.addWidget(needs_box, 3, 0, 1, 2)
        form.addWidget(self.error, 4, 0, 1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        form.addLayout(buttons, 5, 0, 1, 2)
        form.setColumnStretch(1, 1)

        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addWidget(self.list, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(16)
        layout.addLayout(left, 3)
        layout.addWidget(form_box, 2, Qt.AlignmentFlag.AlignTop)
        self._clear_form()
        if learner_id is not None:
            self.load(learner_id)

    # --- data ----------------------------------------------------------------------------------

    def load(self, learner_id: int) -> None:
        self._learner_id = learner_id
        with self._database.session() as session:
            rows = check_in_service.check_ins_of(session, learner_id)
        self.list.clear()
        for record in rows:
            needs = ", ".join(code_label(NEEDS, code) for code in record.needs_noticed)
            item = QTreeWidgetItem([
                record.check_in_date.isoformat() if record.check_in_date else "",
                code_label(CHECK_IN_WITH, record.with_whom), needs, record.notes or "",
            ])
            item.setData(0, Qt.ItemDataRole.UserRole, record.id)
            item.setToolTip(3, record.notes or "")
            self.list.addTopLevelItem(item)
        if rows:
            last = rows[0].check_in_date
            days = (date.today() - last).days if last else 0
            self.summary.setText(_t("%d check-ins; the last one %s (%d days ago)") % (len(rows), last.isoformat(), days))
        else:
            self.summary.setText(_t("No check-in recorded yet."))

    def check_in_count(self) -> int:
        return self.list.topLevelItemCount()

    def _clear_form(self) -> None:
        self.date_field.set_date_value(date.today())
        self._with_radios["learner"].setChecked(True)
        self.notes.clear()
        for box in self.need_boxes.values():
            box.setChecked(False)
        self.date_error.show_message(None)
        self.error.show_message(None)

    def _record(self) -> check_in_service.CheckInRecord:
        try:
            day = self.date_field.date_value()
        except ValueError as exc:
            raise ValidationFailed({"check_in_date": str(exc)}) from None
        with_whom = next((code for code, radio in self._with_radios.items() if radio.isChecked()), "learner")
        return check_in_service.CheckInRecord(
            check_in_date=day, with_whom=with_whom, notes=self.notes.toPlainText().strip() or None,
            needs_noticed=[code for code, box in self.need_boxes.items() if box.isChecked()],
        )

    def save(self) -> int | None:
        """Add the check-in; then offer a referral out for each need ticked.  The new id or None."""
        if self._learner_id is None:
            return None
        self.date_error.show_message(None)
        self.error.show_message(None)
        try:
            record = self._record()
            with self._database.session() as session:
                check_in_id = check_in_service.add_check_in(session, self._learner_id, record, staff_id=self._staff_id)
        except ValidationFailed as exc:
            problems = dict(exc.problems)
            self.date_error.show_message(problems.pop("check_in_date", None))
            self.error.show_message("\n".join(problems.values()) or None)
            return None
        except LbsDeskError as exc:
            self.error.show_message(str(exc))
            return None
        self._clear_form()
        self.load(self._learner_id)
        self.message.setText(_t("Check-in added."))
        self.check_in_saved.emit(check_in_id)
        for need in record.needs_noticed:
            if self.ask_referral(need):
                self.referral_out_requested.emit(self._learner_id, need)
        return check_in_id

    def _ask_referral(self, need: str) -> bool:
        suggestion = check_in_service.suggested_referral_for_need(need)
        answer = QMessageBox.question(
            self, _t("Start a referral out?"),
            _t("Start a referral out for %s?\n\nThe referral form opens with \"%s\" as the service requested.")
            % (code_label(NEEDS, need).lower(), suggestion["services_other"] or suggestion["services_requested_label"]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes
