"""The referral form (``referralForm``): one form for referrals in and out, modelled on the regional
template (DOMAIN.md, Forms), with the consent check, the dated status history, the partner's reply
from the return slip, "keyed into CaMS" and Print.

The dialog edits a ``ReferralRecord`` (lbsdesk.services.referrals) and saves it with one service call
in one session.  Problems come back as ``ValidationFailed`` and are shown under their fields; an
out-referral the learner has not consented to is refused with ``ConsentMissing``, and the form offers
to record the consent (consent_dialog.py) and then saves again.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, QStandardPaths, QStringListModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.domain.codes import INFORMAL_SOURCES, SERVICES_REQUESTED, URGENCIES
from lbsdesk.domain.referral_rules import CONFIRMATIONS, FIRST_STATUS, next_statuses, status_label, statuses_for
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services import consents as consent_service
from lbsdesk.services import learner_list
from lbsdesk.services import partners as partner_service
from lbsdesk.services import referrals as referral_service
from lbsdesk.ui.consent_dialog import ConsentDialog
from lbsdesk.ui.form_widgets import CodeCombo, DateField, FieldError, code_label, keep_unsaved_changes_safe, tr

PICKER_LIMIT = 20
_OK_STYLE = "color: #1e6b2f;"
_WARN_STYLE = "QLabel { background: #fff4e0; color: #6b4400; border: 1px solid #e8c98e; padding: 6px; }"
_BANNER_STYLE = "QLabel { background: #fde8e8; color: #8a1c1c; border: 1px solid #e6b3b3; padding: 8px; }"


def _text_or_none(text: str) -> str | None:
    text = text.strip()
    return text or None


def learner_label(row) -> str:  # noqa: ANN001 - a LearnerRow
    name = f"{row.last_name}, {row.first_name}" if row.last_name and row.first_name else (row.last_name or row.first_name)
    return f"{name} ({row.learner_key})"


# --- choosers -----------------------------------------------------------------------------------


class LearnerPicker(QLineEdit):
    """Type part of a name, learner ID or phone; choose the learner from the list that drops down."""

    learner_changed = Signal(object)
    """The chosen learner changed (database id, or None)."""

    def __init__(self, database, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._database = database
        self._learner_id: int | None = None
        self._choices: dict[str, int] = {}
        self.setPlaceholderText(tr("Type a name, learner ID or phone, then choose"))
        self.setClearButtonEnabled(True)
        self._list = QStringListModel(self)
        self.completer_ = QCompleter(self._list, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self.completer_)
        self.completer_.activated.connect(self._chosen_text)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._search_typed)
        self.textEdited.connect(self._typed)

    def learner_id(self) -> int | None:
        return self._learner_id

    def set_learner_id(self, learner_id: int | None) -> None:
        label = ""
        if learner_id is not None:
            with self._database.session() as session:
                rows = learner_list.learner_rows(session, [learner_id])
            label = learner_label(rows[0]) if rows else ""
        blocker = QSignalBlocker(self)
        self.setText(label)
        del blocker
        if learner_id != self._learner_id:
            self._learner_id = learner_id
            self.learner_changed.emit(learner_id)

    def search(self, text: str) -> list[str]:
        """The learners matching ``text`` (the drop-down's lines), first ``PICKER_LIMIT``."""
        self._choices.clear()
        if text.strip():
            with self._database.session() as session:
                ids = learner_list.matching_learner_ids(session, learner_list.LearnerQuery(search=text.strip()))
                rows = learner_list.learner_rows(session, ids[:PICKER_LIMIT])
            self._choices = {learner_label(row): row.id for row in rows}
        self._list.setStringList(list(self._choices))
        return list(self._choices)

    def choose(self, text: str) -> None:
        """Choose the line ``text`` of the last search."""
        self._chosen_text(text)

    def _typed(self, _text: str) -> None:
        if self._learner_id is not None:
            self._learner_id = None
            self.learner_changed.emit(None)
        self._timer.start()

    def _search_typed(self) -> None:
        if self.search(self.text()) and self.hasFocus():
            self.completer_.complete()

    def _chosen_text(self, text: str) -> None:
        learner_id = self._choices.get(text)
        if learner_id is None:
            return
        blocker = QSignalBlocker(self)
        self.setText(text)
        del blocker
        if learner_id != self._learner_id:
            self._learner_id = learner_id
            self.learner_changed.emit(learner_id)


class PartnerChooser(QComboBox):
    """The partner directory in a combo; type any part of the name to narrow it."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty_text = empty_text
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.lineEdit().setPlaceholderText(empty_text)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_partners(self, rows, keep: tuple[int, str] | None = None) -> None:  # noqa: ANN001 - PartnerRows
        """Fill with ``rows`` (and ``keep``, e.g. the archived partner a saved referral names)."""
        current = self.partner_id()
        blocker = QSignalBlocker(self)
        self.clear()
        self.addItem("", None)
        ids = set()
        for row in rows:
            self.addItem(row.name, row.id)
            ids.add(row.id)
        if keep is not None and keep[0] not in ids:
            self.addItem(tr("%s (archived)") % keep[1], keep[0])
        del blocker
        self.set_partner_id(current)

    def partner_id(self) -> int | None:
        text = self.currentText().strip()
        if not text:
            return None
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == text:
            return self.itemData(index)
        found = self.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.itemData(found) if found >= 0 else None

    def set_partner_id(self, partner_id: int | None) -> None:
        index = self.findData(partner_id) if partner_id is not None else 0
        self.setCurrentIndex(max(index, 0))
        if index <= 0:
            self.setEditText("")


# --- small dialogs ------------------------------------------------------------------------------


class ReplyDialog(QDialog):
    """The partner's reply, copied from the return slip."""

    def __init__(self, referral_key: str, partner_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replyDialog")
        self.setWindowTitle(self.tr("Record the reply to %s") % referral_key)
        intro = QLabel(
            self.tr("Copy what %s wrote on the return slip of referral %s.") % (partner_name or self.tr("the partner"), referral_key)
        )
        intro.setWordWrap(True)
        self.received = DateField()
        self.received.setObjectName("replyReceived")
        self.received.set_date_value(date.today())
        self.accepted = QComboBox()
        self.accepted.setObjectName("replyAccepted")
        self.accepted.addItem(self.tr("Accepted"), True)
        self.accepted.addItem(self.tr("Not proceeding"), False)
        self.accepted.addItem(self.tr("Received, no decision yet"), None)
        self.reason = QLineEdit()
        self.reason.setObjectName("replyReason")
        self.first_appointment = DateField()
        self.first_appointment.setObjectName("replyFirstAppointment")
        self.by_name = QLineEdit()
        self.by_name.setObjectName("replyByName")
        self.errors = {name: FieldError() for name in ("reply_received_date", "reply_first_appointment", "other")}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(8)
        for text, widget, error in (
            (self.tr("&Received on"), self.received, "reply_received_date"),
            (self.tr("&Decision"), self.accepted, None),
            (self.tr("Re&ason (if not proceeding)"), self.reason, None),
            (self.tr("&First appointment"), self.first_appointment, "reply_first_appointment"),
            (self.tr("&Name on the slip"), self.by_name, None),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            widget.setAccessibleName(caption.text().replace("&", ""))
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            if error:
                column.addWidget(self.errors[error])
            form.addRow(caption, box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Record reply"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.errors["other"])
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def values(self) -> dict:
        """The reply as keyword arguments of ``record_reply``; ValueError for an unreadable date."""
        return {
            "received_on": self.received.date_value(),
            "accepted": self.accepted.currentData(),
            "reason": _text_or_none(self.reason.text()),
            "first_appointment": self.first_appointment.date_value(),
            "by_name": _text_or_none(self.by_name.text()),
        }

    def show_problems(self, problems: dict[str, str]) -> None:
        for name, error in self.errors.items():
            error.show_message(problems.get(name))
        other = [text for name, text in problems.items() if name not in self.errors]
        if other:
            self.errors["other"].show_message("\n".join(other))

    def _check(self) -> None:
        try:
            self.values()
        except ValueError as exc:
            self.show_problems({"reply_received_date": str(exc)})
            return
        self.accept()


# --- the form -----------------------------------------------------------------------------------


class ReferralFormDialog(QDialog):
    """One referral in or out: open an existing one (``referral_id``) or start one (learner, direction)."""

    referral_saved = Signal(int)
    """The referral was saved, or its reply / CaMS date recorded (database id)."""
    learner_open_requested = Signal(int)
    """The person asked to open the learner's file (database id)."""

    def __init__(
        self,
        database,  # noqa: ANN001
        *,
        referral_id: int | None = None,
        learner_id: int | None = None,
        direction: str = "out",
        partner_id: int | None = None,
        staff_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referralForm")
        self.setAccessibleName(self.tr("Referral form"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._database = database
        self._staff_id = staff_id
        self._record: referral_service.ReferralRecord | None = None
        self._stored_status: str | None = None
        self._dirty = False
        self._loading = False
        self._errors: dict[str, FieldError] = {}
        self._widgets: dict[str, QWidget] = {}
        self._forms: dict[str, QFormLayout] = {}

        self._consent_timer = QTimer(self)
        self._consent_timer.setSingleShot(True)
        self._consent_timer.setInterval(250)
        self._consent_timer.timeout.connect(self.refresh_consent)

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        self.banner = QLabel()
        self.banner.setObjectName("problemBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.banner.hide()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.saved_label.setStyleSheet(_OK_STYLE)

        form = QWidget()
        columns = QHBoxLayout(form)
        columns.setContentsMargins(0, 0, 8, 0)
        columns.setSpacing(16)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(12)
        right.setSpacing(12)
        columns.addLayout(left, 11)
        columns.addLayout(right, 10)
        left.addWidget(self._referral_group())
        left.addWidget(self._reason_group())
        left.addStretch(1)
        right.addWidget(self._formal_group())
        right.addWidget(self._consent_group())
        right.addWidget(self._tracking_group())
        right.addWidget(self._history_group())
        right.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidget(form)

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printReferralButton")
        self.print_button.setToolTip(self.tr("Save the form with its consent block and return slip as a PDF, and open it"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_form)
        self.open_learner_button = QPushButton(self.tr("Open &learner file"))
        self.open_learner_button.setObjectName("openLearnerButton")
        self.open_learner_button.setAutoDefault(False)
        self.open_learner_button.clicked.connect(self._open_learner)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeReferralButton")
        self.close_button.setToolTip(self.tr("Close the form (Esc)"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveReferralButton")
        self.save_button.setToolTip(self.tr("Save the referral (Enter or Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.open_learner_button)
        buttons.addStretch(1)
        buttons.addWidget(self.saved_label)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)

        header = QVBoxLayout()
        header.setSpacing(0)
        header.addWidget(self.title)
        header.addWidget(self.subtitle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self._scroll, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self._load_partners()
        if referral_id is not None:
            self.open_referral(referral_id)
        else:
            self.new_referral(learner_id=learner_id, direction=direction, partner_id=partner_id)
        self.resize(1180, 760)

    # --- building --------------------------------------------------------------------------------

    @staticmethod
    def _form_layout(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        return form

    def _row(self, form: QFormLayout, name: str, label: str, widget: QWidget, *extra: QWidget, required=False) -> QLabel:  # noqa: ANN001
        """Add ``widget`` (and ``extra`` widgets beside it) with its caption and its error line."""
        error = FieldError()
        self._errors[name] = error
        self._widgets[name] = widget
        self._forms[name] = form
        widget.setObjectName(f"field_{name}")
        widget.setAccessibleName(label.replace("&", ""))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if extra:
            line = QHBoxLayout()
            line.setSpacing(8)
            line.addWidget(widget)
            for item in extra:
                line.addWidget(item)
            line.addStretch(1)
            column.addLayout(line)
        else:
            column.addWidget(widget)
        column.addWidget(error)
        caption = QLabel(label + (" *" if required else ""))
        caption.setBuddy(widget)
        form.addRow(caption, box)
        return caption

    def _watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._changed)
                if widget.isEditable():
                    widget.editTextChanged.connect(self._changed)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self._changed)
            elif isinstance(widget, (QCheckBox, QRadioButton)):
                widget.toggled.connect(self._changed)

    def _referral_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Referral"))
        form = self._form_layout(box)
        self.number = QLineEdit()
        self.number.setMaximumWidth(self.fontMetrics().horizontalAdvance("R0000000") + 40)
        self._row(form, "referral_key", self.tr("&Number"), self.number, required=True)

        self.direction_in = QRadioButton(self.tr("&In: referred to us"))
        self.direction_in.setObjectName("directionIn")
        self.direction_out = QRadioButton(self.tr("&Out: we refer the learner"))
        self.direction_out.setObjectName("directionOut")
        self._direction_group = QButtonGroup(self)
        self._direction_group.addButton(self.direction_in)
        self._direction_group.addButton(self.direction_out)
        directions = QWidget()
        line = QHBoxLayout(directions)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(16)
        line.addWidget(self.direction_in)
        line.addWidget(self.direction_out)
        line.addStretch(1)
        self._row(form, "direction", self.tr("Direction"), directions, required=True)
        self.direction_in.toggled.connect(self._direction_changed)

        self.referral_date = DateField()
        self._row(form, "referral_date", self.tr("&Date"), self.referral_date, required=True)
        self.referral_date.textChanged.connect(self._consent_timer.start)

        self.learner = LearnerPicker(self._database)
        self._row(form, "learner_id", self.tr("L&earner"), self.learner, required=True)
        self.learner.learner_changed.connect(self._consent_timer.start)

        self.by_partner = QRadioButton(self.tr("A partner organization"))
        self.by_partner.setObjectName("byPartner")
        self.by_source = QRadioButton(self.tr("An informal source (does not count)"))
        self.by_source.setObjectName("bySource")
        self._by_group = QButtonGroup(self)
        self._by_group.addButton(self.by_partner)
        self._by_group.addButton(self.by_source)
        self.by_row = QWidget()
        line = QVBoxLayout(self.by_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(4)
        line.addWidget(self.by_partner)
        line.addWidget(self.by_source)
        self.by_caption = QLabel(self.tr("Referred by"))
        form.addRow(self.by_caption, self.by_row)
        self._referral_form = form
        self.by_partner.toggled.connect(self._by_changed)

        self.partner = PartnerChooser(self.tr("Type part of the partner's name"))
        self.partner_caption = self._row(form, "partner_id", self.tr("&Partner"), self.partner, required=True)
        self.partner.currentIndexChanged.connect(self._partner_changed)
        self.source = CodeCombo(INFORMAL_SOURCES, self.tr("Choose how the learner came"))
        self.source_caption = self._row(form, "source", self.tr("So&urce"), self.source)
        self.program = QLineEdit()
        self._row(form, "program", self.tr("Pro&gram"), self.program)
        self.contact = QLineEdit()
        self._row(form, "contact_name", self.tr("&Contact"), self.contact)
        self.status = QComboBox()
        self.status_date = DateField()
        self.status_date.setObjectName("field_status_date")
        self.status_date.setAccessibleName(self.tr("Status changed on"))
        self.status_date_caption = QLabel(self.tr("changed on"))
        self.status_date_caption.setBuddy(self.status_date)
        self._row(form, "status", self.tr("S&tatus"), self.status, self.status_date_caption, self.status_date)
        self._errors["status_date"] = self._errors["status"]
        self.status.currentIndexChanged.connect(self._status_changed)
        self._watch(self.number, self.referral_date, self.direction_in, self.by_partner, self.partner, self.source,
                    self.program, self.contact, self.status, self.status_date)
        self.learner.learner_changed.connect(self._changed)
        return box

    def _reason_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Reason and services requested"))
        form = self._form_layout(box)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        self._row(form, "reason", self.tr("&Reason"), self.reason)
        services = QWidget()
        grid = QGridLayout(services)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        self.service_boxes: dict[str, QCheckBox] = {}
        codes = SERVICES_REQUESTED.codes
        half = (len(codes) + 1) // 2
        for number, code in enumerate(codes):
            check = QCheckBox(code_label(SERVICES_REQUESTED, code))
            check.setObjectName(f"service_{code}")
            self.service_boxes[code] = check
            grid.addWidget(check, number % half, number // half)
            self._watch(check)
        self._row(form, "services_requested", self.tr("Services"), services)
        self.services_other = QLineEdit()
        self.services_other.setPlaceholderText(self.tr("What other service?"))
        self._row(form, "services_other", self.tr("Other service"), self.services_other)
        self.service_boxes["other"].toggled.connect(self._other_toggled)
        self.supports = QPlainTextEdit()
        self.supports.setTabChangesFocus(True)
        self.supports.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 16)
        self._row(form, "supports_needed", self.tr("Supports &needed"), self.supports)
        self.urgency = CodeCombo(URGENCIES, self.tr("Not stated"))
        self._row(form, "urgency", self.tr("Ur&gency"), self.urgency)
        self._watch(self.reason, self.services_other, self.supports, self.urgency)
        return box

    def _formal_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Formal-referral confirmation"))
        column = QVBoxLayout(box)
        column.setSpacing(6)
        explain = QLabel(self.tr(
            "A formal referral is planned, supported and coordinated, with the learner's information "
            "exchanged (with consent). Only formal referrals count for service coordination."
        ))
        explain.setWordWrap(True)
        explain.setObjectName("hint")
        column.addWidget(explain)
        self.confirm_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for number, (name, label) in enumerate(CONFIRMATIONS):
            check = QCheckBox(self.tr(label))
            check.setObjectName(f"field_{name}")
            self.confirm_boxes[name] = check
            grid.addWidget(check, number // 2, number % 2)
            check.toggled.connect(self._confirmations_changed)
            self._watch(check)
        column.addLayout(grid)
        self.formal = QCheckBox(self.tr("&Formal referral: counts for service coordination"))
        self.formal.setObjectName("field_formal")
        self._watch(self.formal)
        self.formal.toggled.connect(self._confirmations_changed)
        column.addWidget(self.formal)
        self._errors["formal"] = FieldError()
        column.addWidget(self._errors["formal"])
        self.formal_hint = QLabel()
        self.formal_hint.setWordWrap(True)
        self.formal_hint.setObjectName("hint")
        self.formal_hint.hide()
        column.addWidget(self.formal_hint)
        return box

    def _consent_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Consent to share information"))
        column = QVBoxLayout(box)
        self.consent_label = QLabel()
        self.consent_label.setObjectName("consentStatus")
        self.consent_label.setWordWrap(True)
        self.consent_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.consent_label)
        self._errors["consent"] = FieldError()
        self._errors["consent_id"] = self._errors["consent"]
        column.addWidget(self._errors["consent"])
        line = QHBoxLayout()
        self.consent_button = QPushButton(self.tr("Record &consent…"))
        self.consent_button.setObjectName("recordConsentButton")
        self.consent_button.setAutoDefault(False)
        self.consent_button.clicked.connect(self.record_consent)
        line.addWidget(self.consent_button)
        line.addStretch(1)
        column.addLayout(line)
        return box

    def _tracking_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Follow-up, CaMS and reply"))
        form = self._form_layout(box)
        self.follow_up = DateField()
        self._row(form, "follow_up_date", self.tr("F&ollow-up date"), self.follow_up)
        self.cams = DateField()
        self.cams_button = QPushButton(self.tr("&Mark keyed into CaMS"))
        self.cams_button.setObjectName("markCamsButton")
        self.cams_button.setToolTip(self.tr("Record that this referral was keyed into CaMS today"))
        self.cams_button.setAutoDefault(False)
        self.cams_button.clicked.connect(self.mark_keyed_into_cams)
        self._row(form, "cams_entered_date", self.tr("Keyed into CaMS"), self.cams, self.cams_button)
        self.reply_label = QLabel()
        self.reply_label.setObjectName("replySummary")
        self.reply_label.setWordWrap(True)
        self.reply_button = QPushButton(self.tr("Record &reply…"))
        self.reply_button.setObjectName("recordReplyButton")
        self.reply_button.setToolTip(self.tr("Copy the partner's answer from the return slip"))
        self.reply_button.setAutoDefault(False)
        self.reply_button.clicked.connect(self.record_reply)
        reply = QWidget()
        column = QVBoxLayout(reply)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.reply_label)
        line = QHBoxLayout()
        line.addWidget(self.reply_button)
        line.addStretch(1)
        column.addLayout(line)
        self._errors["reply_received_date"] = FieldError()
        self._errors["reply_first_appointment"] = self._errors["reply_received_date"]
        column.addWidget(self._errors["reply_received_date"])
        form.addRow(QLabel(self.tr("Return slip")), reply)
        self._reply_row, self._tracking_form = reply, form
        self._watch(self.follow_up, self.cams)
        return box

    def _history_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Status history"))
        column = QVBoxLayout(box)
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("statusHistory")
        self.history.setAccessibleName(self.tr("Status history"))
        self.history.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Status"), self.tr("By"), self.tr("Note")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setTabKeyNavigation(False)
        self.history.verticalHeader().setVisible(False)
        self.history.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.history.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.history.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        char = self.fontMetrics().horizontalAdvance("0")
        self.history.setColumnWidth(0, 11 * char + 16)
        self.history.setColumnWidth(1, 14 * char + 16)
        self.history.setColumnWidth(2, 14 * char + 16)
        self.history.setMinimumHeight(self.fontMetrics().height() * 7)
        column.addWidget(self.history)
        return box

    # --- loading ---------------------------------------------------------------------------------

    def _load_partners(self, keep: tuple[int, str] | None = None) -> None:
        with self._database.session() as session:
            rows = partner_service.partner_list(session)
        self.partner.set_partners(rows, keep)

    def record(self) -> referral_service.ReferralRecord | None:
        """The referral as loaded or last saved."""
        return self._record

    def referral_id(self) -> int | None:
        return self._record.id if self._record is not None else None

    def is_dirty(self) -> bool:
        return self._dirty

    def new_referral(self, *, learner_id: int | None, direction: str, partner_id: int | None = None) -> None:
        with self._database.session() as session:
            record = referral_service.new_referral_record(
                session, learner_id=learner_id, direction=direction, partner_id=partner_id, staff_id=self._staff_id
            )
        self._show_record(record)
        self._stored_status = None
        self._update_status_choices()
        (self.reason if learner_id is not None else self.learner).setFocus(Qt.FocusReason.OtherFocusReason)

    def open_referral(self, referral_id: int) -> None:
        with self._database.session() as session:
            record = referral_service.load_referral(session, referral_id)
            history = referral_service.status_history(session, referral_id)
            keep = None
            if record.partner_id is not None:
                partner = partner_service.load_partner(session, record.partner_id)
                keep = (partner.id, partner.name) if partner.archived else None
        if keep is not None:
            self._load_partners(keep)
        self._stored_status = record.status
        self._show_record(record, history)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_record(self, record: referral_service.ReferralRecord, history=None) -> None:  # noqa: ANN001
        self._loading = True
        try:
            self._record = copy.deepcopy(record)
            self.number.setText(record.referral_key or "")
            (self.direction_in if record.direction == "in" else self.direction_out).setChecked(True)
            self.referral_date.set_date_value(record.referral_date)
            self.learner.set_learner_id(record.learner_id)
            self.partner.set_partner_id(record.partner_id)
            self.source.set_code(record.source)
            (self.by_source if record.source and record.partner_id is None else self.by_partner).setChecked(True)
            self.program.setText(record.program or "")
            self.contact.setText(record.contact_name or "")
            self.reason.setPlainText(record.reason or "")
            for code, check in self.service_boxes.items():
                check.setChecked(code in record.services_requested)
            self.services_other.setText(record.services_other or "")
            self.supports.setPlainText(record.supports_needed or "")
            self.urgency.set_code(record.urgency)
            for name, check in self.confirm_boxes.items():
                check.setChecked(bool(getattr(record, name)))
            self.formal.setChecked(bool(record.formal))
            self.follow_up.set_date_value(record.follow_up_date)
            self.cams.set_date_value(record.cams_entered_date)
            self._stored_status = record.status if record.id is not None else None
            self._update_status_choices()
            self.status_date.set_date_value(date.today())
            self._show_history(history or [])
            self._clear_problems()
            self._direction_changed()
            self._other_toggled()
            self._update_titles()
            self._update_reply()
            self._confirmations_changed()
            self.saved_label.clear()
            self._scroll.verticalScrollBar().setValue(0)
        finally:
            self._loading = False
        self._dirty = False
        self.refresh_consent()

    def _show_history(self, history) -> None:  # noqa: ANN001
        self.history.setRowCount(len(history))
        for row, entry in enumerate(history):
            values = (
                entry.status_date.isoformat(), _code_text(entry.status_label), entry.staff_name or "", entry.note or "",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.history.setItem(row, column, item)

    def _update_titles(self) -> None:
        record = self._record
        if record is None:
            return
        kind = self.tr("Referral in") if self.direction_in.isChecked() else self.tr("Referral out")
        if record.id is None:
            self.title.setText(self.tr("New %s") % kind.lower())
            self.subtitle.setText(self.tr("Number %s will be kept when you save. Fields marked * are required.") % (record.referral_key or ""))
        else:
            self.title.setText(f"{kind} {record.referral_key}")
            self.subtitle.setText(self.tr("Learner: %s") % self.learner.text())
        self.setWindowTitle(self.title.text())
        saved = record.id is not None
        self.open_learner_button.setEnabled(record.learner_id is not None)
        self.cams_button.setEnabled(saved and record.cams_entered_date is None)

    def _update_status_choices(self) -> None:
        direction = "in" if self.direction_in.isChecked() else "out"
        current = self._record.status if self._record is not None else "unknown"
        stored = self._stored_status or current
        if self._stored_status is None:  # a new referral may start in any status its direction allows
            first = FIRST_STATUS.get(direction, "unknown")
            choices = (first, *(code for code in statuses_for(direction) if code != first))
        else:
            choices = (stored, *next_statuses(direction, stored))
        selected = current if self._loading else (self.status.currentData() or current)
        blocker = QSignalBlocker(self.status)
        self.status.clear()
        for code in choices:
            self.status.addItem(tr(status_label(code), "codes"), code)
        index = self.status.findData(selected)
        if index < 0:
            index = max(self.status.findData(current), 0)
        self.status.setCurrentIndex(index)
        del blocker
        self._status_changed()

    # --- reacting to edits -----------------------------------------------------------------------

    def _changed(self, *_args) -> None:  # noqa: ANN002
        if self._loading:
            return
        self._dirty = True
        self.saved_label.clear()

    def _direction_changed(self, *_args) -> None:  # noqa: ANN002
        incoming = self.direction_in.isChecked()
        self._referral_form.setRowVisible(self.by_row, incoming)
        if not incoming:
            self.by_partner.setChecked(True)
        self.partner_caption.setText(self.tr("&Partner (referred by) *") if incoming else self.tr("&Partner (referred to) *"))
        if not self._loading:
            self._update_status_choices()
            self._update_titles()
            self._consent_timer.start()
        self._by_changed()
        self._tracking_form.setRowVisible(self._reply_row, not incoming)

    def _by_changed(self, *_args) -> None:  # noqa: ANN002
        use_source = self.direction_in.isChecked() and self.by_source.isChecked()
        form = self._referral_form
        for widget in (self.partner, self.program, self.contact):
            form.setRowVisible(widget.parentWidget(), not use_source)
        form.setRowVisible(self.source.parentWidget(), use_source)
        if use_source:
            self.formal.setChecked(False)
        self.formal.setEnabled(not use_source)

    def _partner_changed(self, *_args) -> None:  # noqa: ANN002
        if self._loading:
            return
        partner_id = self.partner.partner_id()
        if partner_id is not None:
            with self._database.session() as session:
                defaults = referral_service.partner_defaults(session, partner_id)
            for edit, value in ((self.program, defaults.program), (self.contact, defaults.contact_name)):
                if not edit.isModified():  # fill what the person has not typed themselves
                    edit.setText(value or "")
        self._consent_timer.start()

    def _status_changed(self, *_args) -> None:  # noqa: ANN002
        changing = self._stored_status is not None and self.status.currentData() != self._stored_status
        self.status_date.setVisible(changing)
        self.status_date_caption.setVisible(changing)
        if not self._loading:
            self._consent_timer.start()

    def _other_toggled(self, *_args) -> None:  # noqa: ANN002
        self.services_other.setEnabled(self.service_boxes["other"].isChecked())

    def _confirmations_changed(self, *_args) -> None:  # noqa: ANN002
        all_ticked = all(check.isChecked() for check in self.confirm_boxes.values())
        if all_ticked and not self.formal.isChecked() and self.formal.isEnabled():
            self.formal_hint.setText(self.tr("All four are ticked: tick Formal so this referral counts."))
            self.formal_hint.show()
        else:
            self.formal_hint.hide()

    def refresh_consent(self) -> None:
        """Show whether the learner's consent covers the partner on the referral date."""
        self._consent_timer.stop()
        outgoing = self.direction_out.isChecked()
        self.consent_button.setEnabled(self.learner.learner_id() is not None)
        if not outgoing:
            self.consent_label.setStyleSheet("")
            self.consent_label.setText(self.tr(
                "A referral in needs no consent from us to record it. Consent is checked when we refer the learner out."
            ))
            return
        learner_id, partner_id = self.learner.learner_id(), self.partner.partner_id()
        if learner_id is None or partner_id is None:
            self.consent_label.setStyleSheet("")
            self.consent_label.setText(self.tr("Choose the learner and the partner to see whether consent covers them."))
            return
        try:
            on = self.referral_date.date_value() or date.today()
        except ValueError:
            on = date.today()
        record = referral_service.ReferralRecord(
            learner_id=learner_id, partner_id=partner_id, direction="out", referral_date=on,
        )
        try:
            with self._database.session() as session:
                problem = referral_service.consent_problem(session, record)
                covering = [
                    c for c in consent_service.consents_of(session, learner_id)
                    if c.in_force_on(on) and (c.scope == "all_partners" or partner_id in c.partner_ids)
                ]
        except LbsDeskError:
            return
        if problem is None:
            self.consent_label.setStyleSheet(_OK_STYLE)
            if covering:
                consent = covering[0]
                scope = code_label(consent_service.CONSENT_SCOPES, consent.scope)
                until = consent.expiry_date.isoformat() if consent.expiry_date else self.tr("no end date")
                self.consent_label.setText(
                    self.tr("✔ Consent in force: %s, given %s, valid until %s.")
                    % (scope.lower(), consent.signed_date.isoformat(), until)
                )
            else:
                self.consent_label.setText(self.tr("✔ Consent to share is recorded on the learner's file."))
        else:
            self.consent_label.setStyleSheet(_WARN_STYLE)
            if self.status.currentData() in referral_service.NO_CONSENT_NEEDED:
                self.consent_label.setText(self.tr(
                    "No consent covers this partner yet. A draft may wait: have the learner sign the consent block "
                    "of the printed form, then record the consent before marking the referral Sent."
                ))
            else:
                self.consent_label.setText(problem)

    # --- collecting and saving -------------------------------------------------------------------

    def collect(self) -> referral_service.ReferralRecord:
        """The record as the form shows it; ValidationFailed for dates that cannot be read."""
        record = copy.deepcopy(self._record) if self._record is not None else referral_service.ReferralRecord()
        problems: dict[str, str] = {}
        labels = referral_service.FIELD_LABELS
        for name, widget in (
            ("referral_date", self.referral_date), ("follow_up_date", self.follow_up), ("cams_entered_date", self.cams),
        ):
            try:
                setattr(record, name, widget.date_value())
            except ValueError as exc:
                problems[name] = f"{labels.get(name, name)}: {exc}"
        record.referral_key = self.number.text().strip()
        record.direction = "in" if self.direction_in.isChecked() else "out"
        record.learner_id = self.learner.learner_id()
        if record.learner_id is None and self.learner.text().strip():
            problems["learner_id"] = self.tr(
                "Learner: “%s” is not chosen yet; type part of the name and pick the learner from the list."
            ) % self.learner.text().strip()
        use_source = record.direction == "in" and self.by_source.isChecked()
        record.partner_id = None if use_source else self.partner.partner_id()
        if not use_source and record.partner_id is None and self.partner.currentText().strip():
            problems["partner_id"] = self.tr(
                "Partner: “%s” is not in the partner directory; pick a partner from the list, or add it in the directory first."
            ) % self.partner.currentText().strip()
        record.source = self.source.code() if use_source else None
        record.program = None if use_source else _text_or_none(self.program.text())
        record.contact_name = None if use_source else _text_or_none(self.contact.text())
        record.reason = _text_or_none(self.reason.toPlainText())
        record.services_requested = [code for code, check in self.service_boxes.items() if check.isChecked()]
        record.services_other = _text_or_none(self.services_other.text()) if "other" in record.services_requested else None
        record.supports_needed = _text_or_none(self.supports.toPlainText())
        record.urgency = self.urgency.code()
        for name, check in self.confirm_boxes.items():
            setattr(record, name, check.isChecked())
        record.formal = self.formal.isChecked()
        record.status = self.status.currentData() or record.status
        if record.staff_id is None:
            record.staff_id = self._staff_id
        if problems:
            raise ValidationFailed(problems)
        return record

    def _status_date(self) -> date:
        try:
            return self.status_date.date_value() or date.today()
        except ValueError as exc:
            raise ValidationFailed({"status_date": self.tr("Status changed on: %s") % exc}) from None

    def save(self) -> int | None:
        """Check and save in one transaction; the referral's id, or None when something stops it."""
        if self._record is None:
            return None
        self._clear_problems()
        try:
            record = self.collect()
            status_change = None
            if self._stored_status is not None and record.status != self._stored_status:
                status_change = (record.status, self._status_date())
                record.status = self._stored_status
            with self._database.session() as session:
                referral_id = referral_service.save_referral(session, record, staff_id=self._staff_id)
                if status_change is not None:
                    referral_service.set_status(
                        session, referral_id, status_change[0], status_change[1], staff_id=self._staff_id
                    )
        except referral_service.ConsentMissing as exc:
            return self._consent_refused(exc)
        except ValidationFailed as exc:
            self.show_problems(exc.problems)
            return None
        except LbsDeskError as exc:
            QMessageBox.critical(self, self.tr("Could not save the referral"), str(exc))
            return None
        self._after_change(referral_id)
        self.saved_label.setText(self.tr("Saved"))
        return referral_id

    def _after_change(self, referral_id: int) -> None:
        self.open_referral(referral_id)
        self.referral_saved.emit(referral_id)

    def _consent_refused(self, exc: referral_service.ConsentMissing) -> int | None:
        self.show_problems(exc.problems)
        box = QMessageBox(self)
        box.setObjectName("consentRefusal")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Consent needed before this referral goes out"))
        box.setText(self.tr("This referral cannot be sent without the learner's consent."))
        box.setInformativeText(exc.problems["consent"])
        record_button = box.addButton(self.tr("Record consent…"), QMessageBox.ButtonRole.AcceptRole)
        record_button.setObjectName("recordConsentAnswer")
        draft_button = None
        if self._stored_status is None or self._stored_status == "draft":
            draft_button = box.addButton(self.tr("Save as draft"), QMessageBox.ButtonRole.ActionRole)
            draft_button.setObjectName("saveDraftAnswer")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(record_button)
        box.exec()
        clicked = box.clickedButton()
        if clicked is record_button:
            if self.record_consent(partner_id=exc.partner_id, on=exc.on):
                return self.save()
            return None
        if draft_button is not None and clicked is draft_button:
            self.status.setCurrentIndex(max(self.status.findData("draft"), 0))
            return self.save()
        return None

    def record_consent(self, *_args, partner_id: int | None = None, on: date | None = None) -> bool:  # noqa: ANN002
        """Open the consent dialog for the form's learner; True when a consent was recorded."""
        learner_id = self.learner.learner_id()
        if learner_id is None:
            return False
        if partner_id is None and self.direction_out.isChecked():
            partner_id = self.partner.partner_id()
        if on is None:
            try:
                on = self.referral_date.date_value()
            except ValueError:
                on = None
        name = self.learner.text().split(" (")[0]
        dialog = ConsentDialog(self._database, learner_id, partner_id=partner_id, on=on, learner_name=name, parent=self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.consent_id() is not None
        self.refresh_consent()
        if accepted:
            self._errors["consent"].show_message(None)
        return accepted

    def _clear_problems(self) -> None:
        for error in self._errors.values():
            error.show_message(None)
        self.banner.hide()

    def show_problems(self, problems: dict[str, str]) -> None:
        self._clear_problems()
        unplaced, first = [], None
        for name, message in problems.items():
            error = self._errors.get(name)
            if error is None:
                unplaced.append(message)
                continue
            error.show_message(message)
            if first is None:
                first = self._widgets.get(name) or error
        count = len(problems)
        text = (
            self.tr("1 problem to fix before saving; it is explained under its field.")
            if count == 1 else self.tr("%d problems to fix before saving; each is explained under its field.") % count
        )
        if unplaced:
            text += "<br>" + "<br>".join(unplaced)
        self.banner.setText(text)
        self.banner.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self._scroll.ensureWidgetVisible(first, 50, 80)

    # --- reply, CaMS, print ----------------------------------------------------------------------

    def _update_reply(self) -> None:
        record = self._record
        if record is None:
            return
        saved_out = record.id is not None and record.direction == "out"
        if record.reply_received_date is not None:
            decision = {True: self.tr("accepted"), False: self.tr("not proceeding"), None: self.tr("no decision yet")}[
                record.reply_accepted
            ]
            parts = [self.tr("Reply received %s: %s") % (record.reply_received_date.isoformat(), decision)]
            if record.reply_reason:
                parts.append(self.tr("Reason: %s") % record.reply_reason)
            if record.reply_first_appointment:
                parts.append(self.tr("First appointment: %s") % record.reply_first_appointment.isoformat())
            if record.reply_by_name:
                parts.append(self.tr("Signed: %s") % record.reply_by_name)
            self.reply_label.setText("\n".join(parts))
        elif not saved_out:
            self.reply_label.setText(self.tr("Save the referral and mark it Sent; then record the partner's reply here."))
        elif record.status == "draft":
            self.reply_label.setText(self.tr("Still a draft: mark it Sent first, then record the reply."))
        else:
            self.reply_label.setText(self.tr("No reply recorded yet."))
        self.reply_button.setEnabled(saved_out and record.status != "draft")

    def _ready_to_act(self) -> int | None:
        """The saved referral's id, saving first when the form has changes (None when it cannot)."""
        if self._record is None:
            return None
        if self._record.id is None or self._dirty:
            return self.save()
        return self._record.id

    def record_reply(self) -> str | None:
        """Ask for the return slip's answers and record them; the status afterwards, or None."""
        referral_id = self._ready_to_act()
        if referral_id is None:
            return None
        dialog = ReplyDialog(self._record.referral_key, self.partner.currentText(), self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                with self._database.session() as session:
                    status = referral_service.record_reply(
                        session, referral_id, staff_id=self._staff_id, **dialog.values()
                    )
            except ValidationFailed as exc:
                dialog.show_problems(exc.problems)
                continue
            except (LbsDeskError, ValueError) as exc:
                dialog.show_problems({"other": str(exc)})
                continue
            self._after_change(referral_id)
            self.saved_label.setText(self.tr("Reply recorded"))
            return status
        return None

    def mark_keyed_into_cams(self) -> bool:
        """Record that the referral was keyed into CaMS today."""
        referral_id = self._ready_to_act()
        if referral_id is None:
            return False
        try:
            with self._database.session() as session:
                referral_service.mark_keyed_into_cams(session, [referral_id], date.today(), staff_id=self._staff_id)
        except ValidationFailed as exc:
            self.show_problems(exc.problems)
            return False
        except LbsDeskError as exc:
            QMessageBox.critical(self, self.tr("Could not mark the referral"), str(exc))
            return False
        self._after_change(referral_id)
        self.saved_label.setText(self.tr("Marked keyed into CaMS"))
        return True

    def print_form(self) -> Path | None:
        """Save the printed form as a PDF where the person chooses, and open it."""
        referral_id = self._ready_to_act()
        if referral_id is None:
            return None
        key = self._record.referral_key
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path_text, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the referral form as PDF"), str(Path(folder) / f"referral-{key}.pdf"), self.tr("PDF files (*.pdf)")
        )
        if not path_text:
            return None
        path = Path(path_text)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            from lbsdesk.services.referral_printing import referral_form_pdf

            with self._database.session() as session:
                data = referral_form_pdf(session, key)
            path.write_bytes(data)
        except LbsDeskError as exc:
            QMessageBox.critical(self, self.tr("Could not print the referral"), str(exc))
            return None
        except OSError as exc:
            QMessageBox.critical(
                self, self.tr("Could not save the PDF"),
                self.tr("The PDF could not be written to %s (%s). Choose another folder.") % (path, exc.strerror or exc),
            )
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.saved_label.setText(self.tr("Printed to %s") % path.name)
        return path

    def _open_learner(self) -> None:
        learner_id = self.learner.learner_id()
        if learner_id is not None:
            self.learner_open_requested.emit(learner_id)

    # --- closing ---------------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        return keep_unsaved_changes_safe(self, self.tr("This referral has changes that are not saved. Save them now?"))

    def reject(self) -> None:
        if self.confirm_discard():
            super().reject()


def _code_text(text: str) -> str:
    """A code label from the service, through the "codes" catalogue."""
    return tr(text, "codes")


def show_referral_form(form: ReferralFormDialog, open_forms: list, on_saved, on_learner_open=None) -> ReferralFormDialog:  # noqa: ANN001
    """Open ``form`` window-modal without blocking; ``open_forms`` keeps it alive until it closes."""
    form.referral_saved.connect(on_saved)
    if on_learner_open is not None:
        form.learner_open_requested.connect(on_learner_open)
    form.finished.connect(lambda _result: open_forms.remove(form) if form in open_forms else None)
    open_forms.append(form)
    form.open()
    return form
