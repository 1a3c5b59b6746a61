"""Record a learner's consent to share information (``consentDialog``), e.g. when a referral out is
stopped for want of one.  Saves through ``lbsdesk.services.consents.save_consent`` in one session."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.domain.codes import CONSENT_METHODS, CONSENT_SCOPES
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services import consents as consent_service
from lbsdesk.services import partners as partner_service
from lbsdesk.ui.form_widgets import CodeCombo, DateField, FieldError

DEFAULT_WHAT_IS_SHARED = "Name, contact details, and the reason for the referral"


class ConsentDialog(QDialog):
    """One new consent for one learner; ``consent_id()`` after it was accepted."""

    def __init__(
        self,
        database,  # noqa: ANN001
        learner_id: int,
        *,
        partner_id: int | None = None,
        on: date | None = None,
        learner_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consentDialog")
        self.setWindowTitle(self.tr("Record consent to share information"))
        self.setModal(True)
        self._database = database
        self._learner_id = learner_id
        self._consent_id: int | None = None
        self._errors: dict[str, FieldError] = {}

        with database.session() as session:
            partners = partner_service.partner_list(session)
        partner_name = next((p.name for p in partners if p.id == partner_id), "")

        intro = QLabel(
            self.tr("Record what %s agreed to: which partners we may share information with, what, and why.")
            % (learner_name or self.tr("the learner"))
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")

        self.scope = CodeCombo(CONSENT_SCOPES)
        self.scope.setObjectName("consentScope")
        self.method = CodeCombo(CONSENT_METHODS)
        self.method.setObjectName("consentMethod")
        self.partners = QListWidget()
        self.partners.setObjectName("consentPartners")
        self.partners.setAccessibleName(self.tr("Partners named in the consent"))
        for row in partners:
            item = QListWidgetItem(row.name)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id == partner_id else Qt.CheckState.Unchecked)
            self.partners.addItem(item)
            if row.id == partner_id:
                self.partners.setCurrentItem(item)
        self.partners.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.what = QLineEdit(self.tr(DEFAULT_WHAT_IS_SHARED))
        self.what.setObjectName("consentWhat")
        self.purpose = QLineEdit(self.tr("Referral to %s") % partner_name if partner_name else self.tr("Referrals to partners"))
        self.purpose.setObjectName("consentPurpose")
        self.signed = DateField()
        self.signed.setObjectName("consentSigned")
        self.signed.set_date_value(on or date.today())
        self.expiry = DateField()
        self.expiry.setObjectName("consentExpiry")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        for name, text, widget in (
            ("scope", self.tr("Share &with"), self.scope),
            ("partner_ids", self.tr("&Partners named"), self.partners),
            ("method", self.tr("&How given"), self.method),
            ("what_is_shared", self.tr("&What is shared"), self.what),
            ("purpose", self.tr("P&urpose"), self.purpose),
            ("signed_date", self.tr("&Given on"), self.signed),
            ("expiry_date", self.tr("&Valid until"), self.expiry),
            ("notes", self.tr("&Notes"), self.notes),
        ):
            error = FieldError()
            self._errors[name] = error
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            caption = QLabel(text)
            caption.setBuddy(widget)
            widget.setAccessibleName(caption.text().replace("&", ""))
            form.addRow(caption, box)
        self.expiry.setPlaceholderText(self.tr("YYYY-MM-DD (empty: no end)"))
        self.expiry.setFixedWidth(self.expiry.fontMetrics().horizontalAdvance("YYYY-MM-DD (empty: no end)") + 24)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save consent"))
        self.save_button.setObjectName("saveConsentButton")
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.scope.set_code("named_partners" if partner_id is not None else "all_partners")
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self._scope_changed()
        self.resize(640, self.sizeHint().height())

    def _scope_changed(self) -> None:
        named = self.scope.code() == "named_partners"
        self.partners.setEnabled(named)

    def consent_id(self) -> int | None:
        return self._consent_id

    def record(self) -> consent_service.ConsentRecord:
        """The consent as typed; raises ValidationFailed for dates that cannot be read."""
        problems: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for name, widget, label in (
            ("signed_date", self.signed, self.tr("Given on")), ("expiry_date", self.expiry, self.tr("Valid until")),
        ):
            try:
                dates[name] = widget.date_value()
            except ValueError as exc:
                problems[name] = f"{label}: {exc}"
        if problems:
            raise ValidationFailed(problems)
        partner_ids = [
            self.partners.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.partners.count())
            if self.partners.item(i).checkState() == Qt.CheckState.Checked
        ]
        return consent_service.ConsentRecord(
            scope=self.scope.code() or "all_partners",
            method=self.method.code(),
            what_is_shared=self.what.text().strip() or None,
            purpose=self.purpose.text().strip() or None,
            signed_date=dates["signed_date"],
            expiry_date=dates["expiry_date"],
            notes=self.notes.toPlainText().strip() or None,
            partner_ids=partner_ids if self.scope.code() == "named_partners" else [],
        )

    def _show_problems(self, problems: dict[str, str]) -> None:
        for name, error in self._errors.items():
            error.show_message(problems.get(name))
        unplaced = [text for name, text in problems.items() if name not in self._errors]
        self.message.setText("\n".join(unplaced))
        self.message.setVisible(bool(unplaced))

    def save(self) -> int | None:
        try:
            record = self.record()
            with self._database.session() as session:
                consent_id = consent_service.save_consent(session, self._learner_id, record)
        except ValidationFailed as exc:
            self._show_problems(exc.problems)
            return None
        except LbsDeskError as exc:
            self._show_problems({"": str(exc)})
            return None
        self._consent_id = consent_id
        self.accept()
        return consent_id
