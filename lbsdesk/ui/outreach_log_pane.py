"""The outreach log: presentations, staff-meeting visits, networking events, committees, brochure drops
and email campaigns aimed at partners, and "monitor your asks": for each activity, the partners it
reached and the referrals in from each that followed within 90 days."""

from __future__ import annotations



from PySide6.QtCore import QSettings, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.domain.codes import OUTREACH_KINDS
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services import agency as agency_service
from lbsdesk.services import outreach as outreach_service
from lbsdesk.services import partners as partner_service
from lbsdesk.ui.form_widgets import CodeCombo, DateField, FieldError
from lbsdesk.ui.outreach_table_model import (
    COL_DATE,
    COL_FOLLOWED,
    COL_KIND,
    COL_REACHED,
    COL_STAFF,
    COL_TITLE,
    OutreachTableModel,
)
from lbsdesk.ui.referral_list_pane import OpeningTableView, set_column_chars, setup_table


class OutreachLogPane(QWidget):
    """Log an activity in a minute; see which partners referred afterwards."""

    outreach_saved = Signal(int)
    """An activity was saved (database id)."""
    referral_open_requested = Signal(int)
    """The person asked to open a referral that followed an activity (database id)."""

    def __init__(self, database, parent: QWidget | None = None, staff_id: int | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("outreachLog")
        self.setAccessibleName(self.tr("Outreach log"))
        self._database = database
        self._staff_id = staff_id
        self._record: outreach_service.OutreachRecord | None = None
        self._errors: dict[str, FieldError] = {}
        self._effects: dict[int, list] = {}

        title = QLabel(self.tr("Outreach"))
        title.setObjectName("pageTitle")
        hint = QLabel(self.tr(
            "Presentations, staff-meeting visits, networking, committees, brochure drops and email campaigns. "
            "Tick the partners each one reached to see who referred learners to us in the 90 days after."
        ))
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        # --- the form ---
        self.activity_date = DateField()
        self.kind = CodeCombo(OUTREACH_KINDS)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Presentation to the Ontario Works caseworkers"))
        self.staff = QComboBox()
        self.attendees = QSpinBox()
        self.attendees.setRange(0, 100_000)
        self.attendees.setSpecialValueText(self.tr("Not counted"))
        self.partner_filter = QLineEdit()
        self.partner_filter.setObjectName("outreachPartnerFilter")
        self.partner_filter.setPlaceholderText(self.tr("Type to narrow the partner list"))
        self.partner_filter.setClearButtonEnabled(True)
        self.partners = QListWidget()
        self.partners.setObjectName("outreach_partner_ids")
        self.partners.setAccessibleName(self.tr("Partners reached"))
        self.partners.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        self.reached_label = QLabel()
        self.reached_label.setObjectName("hint")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)

        left = QFormLayout()
        left.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        left.setHorizontalSpacing(12)
        left.setVerticalSpacing(8)
        self._add(left, "activity_date", self.tr("&Date *"), self.activity_date)
        self._add(left, "kind", self.tr("&Kind"), self.kind)
        self._add(left, "title", self.tr("&Title *"), self.title)
        self._add(left, "staff_id", self.tr("&Staff"), self.staff)
        self._add(left, "attendees", self.tr("&People reached"), self.attendees)
        self._add(left, "notes", self.tr("&Notes"), self.notes)
        right = QVBoxLayout()
        right.setSpacing(6)
        reached_caption = QLabel(self.tr("Partners &reached"))
        reached_caption.setObjectName("sectionTitle")
        reached_caption.setBuddy(self.partner_filter)
        right.addWidget(reached_caption)
        right.addWidget(self.partner_filter)
        right.addWidget(self.partners, 1)
        self._errors["partner_ids"] = FieldError()
        right.addWidget(self._errors["partner_ids"])
        right.addWidget(self.reached_label)

        self.new_button = QPushButton(self.tr("N&ew activity"))
        self.new_button.setObjectName("newOutreachButton")
        self.new_button.clicked.connect(self.new_activity)
        self.save_button = QPushButton(self.tr("S&ave activity"))
        self.save_button.setObjectName("saveOutreachButton")
        self.save_button.setToolTip(self.tr("Save this activity (Ctrl+S, or Enter in the title)"))
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("De&lete…"))
        self.delete_button.setObjectName("deleteOutreachButton")
        self.delete_button.clicked.connect(self.delete_activity)
        self.message = QLabel()
        self.message.setObjectName("outreachMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)

        form_box = QGroupBox(self.tr("Activity"))
        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        box_layout = QVBoxLayout(form_box)
        box_layout.addLayout(columns)
        box_layout.addLayout(buttons)

        # --- the log and its effects ---
        self.model = OutreachTableModel(self)
        self.table = OpeningTableView()
        self.table.setObjectName("outreachTable")
        self.table.setAccessibleName(self.tr("Outreach activities"))
        self.table.setModel(self.model)
        setup_table(self.table)
        set_column_chars(self.table, {COL_DATE: 10, COL_KIND: 14, COL_TITLE: 24, COL_STAFF: 14, COL_REACHED: 24, COL_FOLLOWED: 12})
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.table.open_requested.connect(lambda _row: self.title.setFocus(Qt.FocusReason.OtherFocusReason))

        self.effects = QTableWidget(0, 3)
        self.effects.setObjectName("outreachFollowing")
        self.effects.setAccessibleName(self.tr("Referrals that followed, by partner"))
        self.effects.setHorizontalHeaderLabels([self.tr("Partner reached"), self.tr("Referrals in"), self.tr("Numbers")])
        setup_table(self.effects)
        set_column_chars(self.effects, {0: 24, 1: 10})
        self.effects.cellDoubleClicked.connect(self._open_effect)
        effects_box = QGroupBox(self.tr("Referrals in within 90 days, by partner reached"))
        effects_layout = QVBoxLayout(effects_box)
        effects_layout.addWidget(self.effects)
        effects_hint = QLabel(self.tr("Double-click a line to open its first referral."))
        effects_hint.setObjectName("hint")
        effects_layout.addWidget(effects_hint)

        log_box = QGroupBox(self.tr("Outreach log"))
        log_layout = QVBoxLayout(log_box)
        log_layout.addWidget(self.table)
        self.count_label = QLabel()
        log_layout.addWidget(self.count_label)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.setChildrenCollapsible(False)
        bottom.addWidget(log_box)
        bottom.addWidget(effects_box)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        bottom.setSizes([660, 420])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("outreachSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(form_box)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.splitter, 1)

        self.title.returnPressed.connect(self.save)
        self.partner_filter.textChanged.connect(self._filter_partners)
        self.partners.itemChanged.connect(self._update_reached)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _add(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> None:
        error = FieldError()
        self._errors[name] = error
        widget.setObjectName(f"outreach_{name}")
        widget.setAccessibleName(label.replace("&", "").rstrip(" *"))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        form.addRow(caption, box)

    # --- data ------------------------------------------------------------------------------------

    def load(self) -> None:
        """Fill the staff and partner choices and the log (the window calls this when shown)."""
        with self._database.session() as session:
            staff = agency_service.list_staff(session)
            partners = partner_service.partner_list(session)
        blocker = QSignalBlocker(self.staff)
        self.staff.clear()
        self.staff.addItem(self.tr("Not recorded"), None)
        for person in staff:
            self.staff.addItem(person.name if person.active else self.tr("%s (former)") % person.name, person.id)
        del blocker
        blocker = QSignalBlocker(self.partners)
        self.partners.clear()
        for row in partners:
            item = QListWidgetItem(row.name)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.partners.addItem(item)
        del blocker
        self.refresh_log()
        if self._record is None:
            self.new_activity()

    def refresh_log(self) -> None:
        with self._database.session() as session:
            rows = outreach_service.outreach_list(session)
            effects = outreach_service.referrals_following_outreach(session)
        self._effects = {}
        followed: dict[int, tuple[int, int]] = {}
        for effect in effects:
            self._effects.setdefault(effect.outreach_id, []).append(effect)
            total, formal = followed.get(effect.outreach_id, (0, 0))
            followed[effect.outreach_id] = (total + effect.referral_count, formal + effect.formal_count)
        current = self._record.id if self._record is not None else None
        blocker = QSignalBlocker(self.table.selectionModel())
        self.model.set_rows(rows, followed)
        if current is not None and self.model.row_of(current) is not None:
            self.table.selectRow(self.model.row_of(current))
        del blocker
        count = len(rows)
        self.count_label.setText(self.tr("1 activity") if count == 1 else self.tr("%d activities") % count)
        self._show_effects(current)

    def _show_effects(self, outreach_id: int | None) -> None:
        effects = self._effects.get(outreach_id, []) if outreach_id is not None else []
        self.effects.setRowCount(len(effects))
        for row, effect in enumerate(effects):
            numbers = ", ".join(r.referral_key for r in effect.referrals) or self.tr("none yet")
            values = (effect.partner_name, self.tr("%d (%d formal)") % (effect.referral_count, effect.formal_count), numbers)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, [r.referral_id for r in effect.referrals])
                self.effects.setItem(row, column, item)

    def following_referrals(self, outreach_id: int) -> dict[str, list[str]]:
        """Partner name → numbers of the referrals in that followed this activity within 90 days."""
        return {e.partner_name: [r.referral_key for r in e.referrals] for e in self._effects.get(outreach_id, [])}

    def _open_effect(self, row: int, _column: int) -> None:
        item = self.effects.item(row, 0)
        ids = item.data(Qt.ItemDataRole.UserRole) if item else None
        if ids:
            self.referral_open_requested.emit(ids[0])

    # --- the form --------------------------------------------------------------------------------

    def new_activity(self) -> None:
        self._show(outreach_service.new_outreach_record(staff_id=self._staff_id))
        self.table.clearSelection()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_activity(self, outreach_id: int) -> None:
        with self._database.session() as session:
            record = outreach_service.load_outreach(session, outreach_id)
        self._show(record)

    def _row_chosen(self, current, _previous) -> None:  # noqa: ANN001
        outreach_id = self.model.outreach_id(current.row()) if current.isValid() else None
        if outreach_id is not None:
            self.open_activity(outreach_id)

    def _show(self, record: outreach_service.OutreachRecord) -> None:
        self._record = record
        self.activity_date.set_date_value(record.activity_date)
        self.kind.set_code(record.kind)
        self.title.setText(record.title or "")
        self.staff.setCurrentIndex(max(self.staff.findData(record.staff_id), 0))
        self.attendees.setValue(record.attendees or 0)
        self.notes.setPlainText(record.notes or "")
        blocker = QSignalBlocker(self.partners)
        for index in range(self.partners.count()):
            item = self.partners.item(index)
            checked = item.data(Qt.ItemDataRole.UserRole) in record.partner_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        del blocker
        for error in self._errors.values():
            error.show_message(None)
        self.delete_button.setEnabled(record.id is not None)
        self._update_reached()
        self._show_effects(record.id)

    def check_partners(self, partner_ids: list[int]) -> None:
        for index in range(self.partners.count()):
            item = self.partners.item(index)
            if item.data(Qt.ItemDataRole.UserRole) in partner_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def _checked_partner_ids(self) -> list[int]:
        return [
            self.partners.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.partners.count())
            if self.partners.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _update_reached(self, *_args) -> None:  # noqa: ANN002
        count = len(self._checked_partner_ids())
        self.reached_label.setText(self.tr("1 partner ticked") if count == 1 else self.tr("%d partners ticked") % count)

    def _filter_partners(self, text: str) -> None:
        needle = text.strip().casefold()
        for index in range(self.partners.count()):
            item = self.partners.item(index)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def collect(self) -> outreach_service.OutreachRecord:
        try:
            activity_date = self.activity_date.date_value()
        except ValueError as exc:
            raise ValidationFailed({"activity_date": self.tr("Date: %s") % exc}) from None
        return outreach_service.OutreachRecord(
            id=self._record.id if self._record is not None else None,
            activity_date=activity_date,
            kind=self.kind.code() or "other",
            title=self.title.text().strip(),
            staff_id=self.staff.currentData(),
            attendees=self.attendees.value() or None,
            notes=self.notes.toPlainText().strip() or None,
            partner_ids=self._checked_partner_ids(),
        )

    def save(self) -> int | None:
        for error in self._errors.values():
            error.show_message(None)
        try:
            record = self.collect()
            with self._database.session() as session:
                outreach_id = outreach_service.save_outreach(session, record, staff_id=self._staff_id)
        except ValidationFailed as exc:
            for name, text in exc.problems.items():
                (self._errors.get(name) or self._errors["title"]).show_message(text)
            self._say(self.tr("Not saved: fix what is shown in red."), error=True)
            return None
        except LbsDeskError as exc:
            QMessageBox.critical(self, self.tr("Could not save the activity"), str(exc))
            return None
        self._record = record
        self._record.id = outreach_id
        self.refresh_log()
        self.open_activity(outreach_id)
        self._say(self.tr("Saved."))
        self.outreach_saved.emit(outreach_id)
        return outreach_id

    def delete_activity(self) -> bool:
        if self._record is None or self._record.id is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Delete activity"),
            self.tr("Delete “%s” from the outreach log? The partners stay in the directory.") % self._record.title,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            with self._database.session() as session:
                outreach_service.delete_outreach(session, self._record.id, staff_id=self._staff_id)
        except LbsDeskError as exc:
            QMessageBox.critical(self, self.tr("Could not delete the activity"), str(exc))
            return False
        self._record = None
        self.refresh_log()
        self.new_activity()
        self._say(self.tr("Deleted."))
        return True

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1e6b2f;")
        self.message.setText(text)

    def save_state(self, settings: QSettings) -> None:  # noqa: D401 - same shape as the other panes
        settings.setValue("outreach_log/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("outreach_log/splitter")
        if state:
            self.splitter.restoreState(state)



