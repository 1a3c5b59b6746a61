"""The agency's details: asked once at first start (with an option to load demo data), editable later."""

from __future__ import annotations

import dataclasses
import importlib.util

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services import agency as agency_service
from lbsdesk.services import referrals as referral_service
from lbsdesk.ui.background import run_with_progress
from lbsdesk.ui.form_widgets import FieldError

DEMO_LEARNERS = 120
LOGO_MAX_PIXELS = 600


def demo_data_available() -> bool:
    return importlib.util.find_spec("lbsdesk.services.demo_data") is not None


def _none_if_empty(text: str) -> str | None:
    text = text.strip()
    return text or None


class AgencyForm(QWidget):
    """Name, address, phone, email, CaMS number, region, logo and staff names."""

    changed = Signal()
    """Something in the form was edited."""

    def __init__(self, parent: QWidget | None = None, *, staff_hint: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agencyForm")
        self._logo_png: bytes | None = None
        self.name = QLineEdit()
        self.name.setObjectName("agencyName")
        self.name.setPlaceholderText(self.tr("e.g. Maple Valley Literacy Centre"))
        self.name_error = FieldError()
        self.address = QPlainTextEdit()
        self.address.setObjectName("agencyAddress")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        self.phone = QLineEdit()
        self.phone.setObjectName("agencyPhone")
        self.email = QLineEdit()
        self.email.setObjectName("agencyEmail")
        self.cams = QLineEdit()
        self.cams.setObjectName("agencyCamsNumber")
        self.cams.setToolTip(self.tr("Your service provider number in EOIS-CaMS, printed on the monthly sheet"))
        self.region = QComboBox()
        self.region.setObjectName("agencyRegion")
        self.region.setEditable(True)
        self.region.addItems(["", self.tr("Central"), self.tr("Eastern"), self.tr("Western"), self.tr("Northern")])
        self.language = QComboBox()
        self.language.setObjectName("agencyLanguage")
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language_hint = QLabel(self.tr(
            "Screens change language the next time LBS Desk starts; printed forms change now."
        ))
        self.language_hint.setObjectName("hint")
        self.language_hint.setWordWrap(True)
        language_box = QVBoxLayout()
        language_box.setSpacing(2)
        language_box.addWidget(self.language)
        language_box.addWidget(self.language_hint)
        self.logo_preview = QLabel(self.tr("No logo"))
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setMinimumHeight(48)
        choose = QPushButton(self.tr("Choose logo…"))
        choose.clicked.connect(self._choose_logo)
        self.remove_logo = QPushButton(self.tr("Remove"))
        self.remove_logo.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(choose)
        logo_row.addWidget(self.remove_logo)
        self.staff = QPlainTextEdit()
        self.staff.setObjectName("staffNames")
        self.staff.setTabChangesFocus(True)
        self.staff.setPlaceholderText(self.tr("One name per line"))
        self.staff.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.staff_hint = QLabel(staff_hint or "")
        self.staff_hint.setWordWrap(True)
        self.staff_hint.setObjectName("hint")
        self.staff_hint.setVisible(bool(staff_hint))

        name_box = QVBoxLayout()
        name_box.setSpacing(2)
        name_box.addWidget(self.name)
        name_box.addWidget(self.name_error)
        staff_box = QVBoxLayout()
        staff_box.setSpacing(2)
        staff_box.addWidget(self.staff_hint)
        staff_box.addWidget(self.staff)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for caption, field, buddy in (
            (self.tr("Agency &name *"), name_box, self.name),
            (self.tr("&Address"), self.address, self.address),
            (self.tr("&Phone"), self.phone, self.phone),
            (self.tr("&Email"), self.email, self.email),
            (self.tr("CaMS service &provider number"), self.cams, self.cams),
            (self.tr("&Region"), self.region, self.region),
            (self.tr("&Language"), language_box, self.language),
            (self.tr("Logo (optional)"), logo_row, None),
            (self.tr("&Staff names"), staff_box, self.staff),
        ):
            label = QLabel(caption)
            if buddy is not None:
                label.setBuddy(buddy)
            form.addRow(label, field)
        for edit in (self.name, self.phone, self.email, self.cams):
            edit.textEdited.connect(self.changed)
        self.address.textChanged.connect(self.changed)
        self.staff.textChanged.connect(self.changed)
        self.region.editTextChanged.connect(self.changed)
        self.language.currentIndexChanged.connect(self.changed)
        self.set_logo(None)

    # --- values --------------------------------------------------------------------------------

    def show_settings(self, settings) -> None:  # noqa: ANN001 - AgencySettings
        self.name.setText(settings.name or "")
        self.address.setPlainText(settings.address or "")
        self.phone.setText(settings.phone or "")
        self.email.setText(settings.email or "")
        self.cams.setText(settings.cams_provider_number or "")
        self.region.setEditText(settings.region or "")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language or "en")))
        self.set_logo(settings.logo_png)

    def apply_to(self, settings, *, keep_when_empty: bool = False):  # noqa: ANN001, ANN201
        """``settings`` with the form's values (with ``keep_when_empty``, empty fields change nothing)."""
        values = {
            "name": self.name.text().strip(),
            "address": _none_if_empty(self.address.toPlainText()),
            "phone": _none_if_empty(self.phone.text()),
            "email": _none_if_empty(self.email.text()),
            "cams_provider_number": _none_if_empty(self.cams.text()),
            "region": _none_if_empty(self.region.currentText()),
            "logo_png": self._logo_png,
            "language": self.language.currentData(),
        }
        if keep_when_empty:
            values = {key: value for key, value in values.items() if value}
        return dataclasses.replace(settings, **values)

    def staff_names(self) -> list[str]:
        return [line.strip() for line in self.staff.toPlainText().splitlines() if line.strip()]

    def check(self, *, name_required: bool = True) -> bool:
        if name_required and not self.name.text().strip():
            self.name_error.show_message(
                self.tr("Agency name: type your agency's name; it is printed at the top of every form.")
            )
            self.name.setFocus()
            return False
        self.name_error.show_message(None)
        return True

    # --- logo ----------------------------------------------------------------------------------

    def set_logo(self, png: bytes | None) -> None:
        self._logo_png = png
        if png:
            pixmap = QPixmap()
            pixmap.loadFromData(png)
            self.logo_preview.setPixmap(pixmap.scaledToHeight(48, Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo"))
        self.remove_logo.setEnabled(bool(png))

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the agency's logo"), "", self.tr("Pictures (*.png *.jpg *.jpeg *.bmp *.gif)")
        )
        if not path:
            return
        image = QImage(path)
        if image.isNull():
            QMessageBox.warning(self, self.tr("Not a picture"), self.tr("%s could not be read as a picture.") % path)
            return
        if max(image.width(), image.height()) > LOGO_MAX_PIXELS:
            image = image.scaled(
                LOGO_MAX_PIXELS, LOGO_MAX_PIXELS, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        self.set_logo(bytes(data.data()))
        self.changed.emit()


class FirstRunSetupDialog(QDialog):
    """Welcome: the agency's details once, and optionally demo data to try things out."""

    def __init__(self, database, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("firstRunSetupDialog")
        self.setWindowTitle(self.tr("Welcome to LBS Desk"))
        self._database = database
        self._task = None
        with database.session() as session:
            self._settings = agency_service.load_agency(session)
        welcome = QLabel(self.tr("<h2>Welcome to LBS Desk</h2>"))
        intro = QLabel(
            self.tr(
                "Tell LBS Desk about your agency. These details are printed on referral forms and "
                "monthly sheets. You can change them later under Settings."
            )
        )
        intro.setWordWrap(True)
        self.form = AgencyForm(self)
        self.form.show_settings(self._settings)
        self.demo = QCheckBox(self.tr("Load demo data to try things out (a fictional agency with %d learners)") % DEMO_LEARNERS)
        self.demo.setObjectName("loadDemoData")
        self.demo.setVisible(demo_data_available())
        self.demo.toggled.connect(self._demo_toggled)
        self.demo_hint = QLabel(
            self.tr("Use demo data only in a practice database, never in the one with your real learners.")
        )
        self.demo_hint.setObjectName("hint")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start using LBS Desk"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Ask me next time"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(welcome)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.demo)
        layout.addWidget(self.demo_hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(720)

    def _demo_toggled(self, on: bool) -> None:
        self.demo_hint.setVisible(on)
        if on:
            self.form.name_error.show_message(None)

    def accept(self) -> None:
        demo = self.demo.isChecked() and not self.demo.isHidden()
        if not self.form.check(name_required=not demo):
            return
        names = self.form.staff_names()
        form = self.form
        database = self._database

        def work():  # noqa: ANN202 - runs on the worker thread when demo data is loaded
            with database.session() as session:
                if demo:
                    from lbsdesk.services.demo_data import build_demo

                    build_demo(session, learners=DEMO_LEARNERS)
                settings = form.apply_to(agency_service.load_agency(session), keep_when_empty=demo)
                settings = dataclasses.replace(settings, setup_completed=True)
                agency_service.save_agency(session, settings)
                if names:
                    agency_service.save_staff_names(session, names)
            return True

        if not demo:
            try:
                work()
            except LbsDeskError as exc:
                QMessageBox.critical(self, self.tr("Could not save"), str(exc))
                return
            super().accept()
            return
        self.buttons.setEnabled(False)
        self._task = run_with_progress(
            self, self.tr("Loading demo data…"), work, done=lambda _r: QDialog.accept(self), failed=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        QMessageBox.critical(self, self.tr("Could not load the demo data"), str(exc))


class AgencySettingsPane(QWidget):
    """Settings page: the agency's details and staff names."""

    saved = Signal()
    """The agency's details were saved."""

    def __init__(self, database, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("settingsPane")
        self._database = database
        self._settings = None
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(self.tr("Your agency's details, printed on forms and monthly sheets."))
        subtitle.setObjectName("hint")
        self.form = AgencyForm(self, staff_hint="")
        self.form.staff.setPlaceholderText(self.tr("Add staff: one new name per line"))
        self.existing_staff = QLabel()
        self.existing_staff.setWordWrap(True)
        referrals_box = QGroupBox(self.tr("Referrals out waiting for a reply"))
        referrals_form = QFormLayout(referrals_box)
        self.reply_days = QSpinBox()
        self.reply_days.setObjectName("referralReplyDays")
        self.reply_days.setRange(1, 365)
        self.reply_days.setSuffix(self.tr(" days"))
        self.expiry_days = QSpinBox()
        self.expiry_days.setObjectName("referralExpiryDays")
        self.expiry_days.setRange(1, 730)
        self.expiry_days.setSuffix(self.tr(" days"))
        for spin in (self.reply_days, self.expiry_days):
            spin.setMaximumWidth(160)
        referrals_form.addRow(self.tr("&Awaiting reply after"), self.reply_days)
        referrals_form.addRow(self.tr("E&xpired after"), self.expiry_days)
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.setObjectName("saveSettingsButton")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button)
        inner = QWidget()
        inner.setMaximumWidth(820)
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.setSpacing(10)
        inner_layout.addWidget(title)
        inner_layout.addWidget(subtitle)
        inner_layout.addWidget(self.form)
        inner_layout.addWidget(self.existing_staff)
        inner_layout.addWidget(referrals_box)
        inner_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(inner)
        layout.addStretch(1)
        self.form.changed.connect(self.message.clear)

    def load(self) -> None:
        with self._database.session() as session:
            self._settings = agency_service.load_agency(session)
            staff = agency_service.list_staff(session)
            limits = referral_service.reply_limits(session)
        self.reply_days.setValue(limits.reply_days)
        self.expiry_days.setValue(limits.expiry_days)
        self.form.show_settings(self._settings)
        self.form.staff.clear()
        names = ", ".join(s.name for s in staff if s.active)
        self.existing_staff.setText(self.tr("Staff now: %s") % names if names else self.tr("No staff names yet."))

    def save(self) -> bool:
        if self._settings is None or not self.form.check():
            return False
        settings = self.form.apply_to(self._settings)
        try:
            with self._database.session() as session:
                agency_service.save_agency(session, settings)
                if self.form.staff_names():
                    agency_service.save_staff_names(session, self.form.staff_names())
                referral_service.set_reply_limits(session, self.reply_days.value(), self.expiry_days.value())
        except ValidationFailed as exc:
            self.message.setText("\n".join(exc.problems.values()))
            return False
        except LbsDeskError as exc:
            QMessageBox.critical(self, self.tr("Could not save"), str(exc))
            return False
        self.load()
        self.message.setText(self.tr("Saved."))
        self.saved.emit()
        return True
