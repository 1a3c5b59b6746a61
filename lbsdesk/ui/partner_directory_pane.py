"""The partner directory (``partnerTable``): search and filter partners by name and type; the partner
page with programs, contacts, agreement, listing check and notes; archive (a partner with referrals
cannot be deleted); and the coordination summary for this fiscal year with the referrals that
followed our outreach within 90 days."""

from __future__ import annotations

import copy
from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.domain.calendar_rules import FiscalYear
from lbsdesk.domain.codes import OUTREACH_KINDS, ORG_TYPES
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services import partners as partner_service
from lbsdesk.services import referrals as referral_service
from lbsdesk.ui.form_widgets import CodeCombo, DateField, FieldError, code_label, fill_code_combo, keep_unsaved_changes_safe
from lbsdesk.ui.partner_table_model import COL_AGREEMENT, COL_CONTACT, COL_NAME, COL_PHONE, COL_TYPE, PartnerTableModel
from lbsdesk.ui.referral_form_dialog import ReferralFormDialog, show_referral_form
from lbsdesk.ui.referral_list_pane import OpeningTableView, referral_columns, set_column_chars, setup_table
from lbsdesk.ui.referral_table_model import COL_LEARNER, COL_PARTNER, ReferralTableModel

SEARCH_DEBOUNCE_MS = 150
PROGRAM_COLUMNS = ("name", "description", "eligibility")
CONTACT_COLUMNS = ("name", "role", "phone", "email")


def _text_or_none(text: str) -> str | None:
    text = text.strip()
    return text or None


class ChildRowsTable(QTableWidget):
    """Editable lines (programs or contacts); each row remembers the id of the line it shows."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setTabKeyNavigation(True)
        self.setMinimumHeight(self.fontMetrics().height() * 6)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    def set_lines(self, lines, names: tuple[str, ...]) -> None:  # noqa: ANN001
        blocker = QSignalBlocker(self)
        self.setRowCount(0)
        for line in lines:
            self.add_line(line, names)
        del blocker

    def add_line(self, line=None, names: tuple[str, ...] = ()) -> int:  # noqa: ANN001
        row = self.rowCount()
        self.insertRow(row)
        for column in range(self.columnCount()):
            value = getattr(line, names[column], None) if line is not None and names else None
            item = QTableWidgetItem(value or "")
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, getattr(line, "id", None))
            self.setItem(row, column, item)
        return row

    def lines(self, factory, names: tuple[str, ...]) -> list:  # noqa: ANN001
        result = []
        for row in range(self.rowCount()):
            values = {
                name: _text_or_none(self.item(row, column).text() if self.item(row, column) else "")
                for column, name in enumerate(names)
            }
            first = self.item(row, 0)
            values["name"] = values.get("name") or ""
            result.append(factory(id=first.data(Qt.ItemDataRole.UserRole) if first else None, **values))
        return result


class PartnerDirectoryPane(QWidget):
    """Know every partner and what they offer; see what we did together this year."""

    partner_saved = Signal(int)
    """A partner was saved, archived or restored (database id)."""
    referrals_changed = Signal()
    """A referral was added or changed from this page."""
    learner_open_requested = Signal(int)
    """The person asked to open this learner's file (database id)."""

    def __init__(self, database, parent: QWidget | None = None, staff_id: int | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("partnerDirectoryPane")
        self.setAccessibleName(self.tr("Partner directory"))
        self._database = database
        self._staff_id = staff_id
        self._record: partner_service.PartnerRecord | None = None
        self._dirty = False
        self._loading = False
        self._errors: dict[str, FieldError] = {}
        self._widgets: dict[str, QWidget] = {}
        self._forms: list[ReferralFormDialog] = []

        # --- the list ---
        title = QLabel(self.tr("Partners"))
        title.setObjectName("pageTitle")
        self.new_button = QPushButton(self.tr("&New partner"))
        self.new_button.setObjectName("newPartnerButton")
        self.new_button.clicked.connect(self.new_partner)
        self.search = QLineEdit()
        self.search.setObjectName("partnerSearch")
        self.search.setPlaceholderText(self.tr("Name, program, service or contact"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search partners"))
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("partnerTypeFilter")
        self.type_filter.setAccessibleName(self.tr("Organization type"))
        fill_code_combo(self.type_filter, ORG_TYPES, self.tr("All types"))
        self.type_filter.setMaxVisibleItems(20)
        self.type_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_filter.setMinimumContentsLength(14)
        self.show_archived = QCheckBox(self.tr("Show &archived"))
        self.show_archived.setObjectName("showArchivedPartners")
        self.model = PartnerTableModel(self)
        self.table = OpeningTableView()
        self.table.setObjectName("partnerTable")
        self.table.setAccessibleName(self.tr("Partner list"))
        self.table.setModel(self.model)
        setup_table(self.table)
        set_column_chars(self.table, {COL_NAME: 26, COL_TYPE: 16, COL_CONTACT: 14, COL_PHONE: 12, COL_AGREEMENT: 6})
        self.count_label = QLabel()
        self.count_label.setObjectName("partnerCount")

        find_caption = QLabel(self.tr("&Find:"))
        find_caption.setBuddy(self.search)
        type_caption = QLabel(self.tr("T&ype:"))
        type_caption.setBuddy(self.type_filter)
        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 8, 0)
        list_layout.setSpacing(8)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.new_button)
        list_layout.addLayout(head)
        bar = QGridLayout()
        bar.setHorizontalSpacing(8)
        bar.addWidget(find_caption, 0, 0)
        bar.addWidget(self.search, 0, 1, 1, 2)
        bar.addWidget(type_caption, 1, 0)
        bar.addWidget(self.type_filter, 1, 1)
        bar.addWidget(self.show_archived, 1, 2)
        bar.setColumnStretch(1, 1)
        list_layout.addLayout(bar)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)

        # --- the page ---
        self.page_title = QLabel()
        self.page_title.setObjectName("pageTitle")
        self.page_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.page_subtitle = QLabel()
        self.page_subtitle.setObjectName("hint")
        self.page_subtitle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet("color: #1e6b2f;")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fde8e8; color: #8a1c1c; border: 1px solid #e6b3b3; padding: 8px; }"
        )
        self.banner.hide()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("savePartnerButton")
        self.save_button.setToolTip(self.tr("Save this partner (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.archive_button = QPushButton(self.tr("Archi&ve"))
        self.archive_button.setObjectName("archivePartnerButton")
        self.archive_button.clicked.connect(self.toggle_archived)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setObjectName("deletePartnerButton")
        self.delete_button.clicked.connect(self.delete_partner)
        self.refer_button = QPushButton(self.tr("&Refer a learner here…"))
        self.refer_button.setObjectName("referToPartnerButton")
        self.refer_button.clicked.connect(lambda: self.new_referral("out"))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("partnerTabs")
        self.tabs.setDocumentMode(True)
        self._scroll = self._tab(self.tr("&1 Details"), self._details_group(), self._agreement_group(), self._notes_group())
        self._tab(self.tr("&2 Programs and contacts"), self._programs_group(), self._contacts_group())
        self._tab(self.tr("&3 Coordination"), self._summary_group(), self._referrals_group())

        page_side = QWidget()
        page_layout = QVBoxLayout(page_side)
        page_layout.setContentsMargins(8, 0, 0, 0)
        page_layout.setSpacing(8)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.page_title)
        titles.addWidget(self.page_subtitle)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.refer_button)
        actions.addWidget(self.archive_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.saved_label)
        actions.addWidget(self.save_button)
        page_layout.addLayout(titles)
        page_layout.addWidget(self.banner)
        page_layout.addWidget(self.tabs, 1)
        page_layout.addLayout(actions)
        self.page_side = page_side

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("partnerSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(page_side)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([380, 720])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(self.splitter)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_enter)
        self.type_filter.currentIndexChanged.connect(self.apply_search)
        self.show_archived.toggled.connect(self.apply_search)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.table.open_requested.connect(lambda _row: self.name.setFocus(Qt.FocusReason.OtherFocusReason))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.page_side.setEnabled(False)

    # --- building the page -----------------------------------------------------------------------

    def _tab(self, title: str, *groups: QWidget) -> QScrollArea:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 8, 8, 0)
        column.setSpacing(12)
        for group in groups:
            column.addWidget(group)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, title)
        return scroll

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        return form

    def _row(self, form: QFormLayout, name: str, label: str, widget: QWidget, required: bool = False) -> QWidget:
        error = FieldError()
        self._errors[name] = error
        self._widgets[name] = widget
        widget.setObjectName(f"partner_{name}")
        widget.setAccessibleName(label.replace("&", ""))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        caption = QLabel(label + (" *" if required else ""))
        caption.setBuddy(widget)
        form.addRow(caption, box)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._changed)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self._changed)
        return widget

    def _details_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Organization"))
        form = self._form(box)
        self.partner_key = self._row(form, "partner_key", self.tr("Partner &ID"), QLineEdit(), required=True)
        self.partner_key.setMaximumWidth(self.fontMetrics().horizontalAdvance("P00000") + 40)
        self.name = self._row(form, "name", self.tr("Na&me"), QLineEdit(), required=True)
        self.org_type = self._row(form, "org_type", self.tr("&Type"), CodeCombo(ORG_TYPES, self.tr("Choose a type")), required=True)
        self.org_type.setMaxVisibleItems(20)
        self.program = self._row(form, "program", self.tr("Main pro&gram"), QLineEdit())
        self.contact_name = self._row(form, "contact_name", self.tr("Main &contact"), QLineEdit())
        self.phone = self._row(form, "phone", self.tr("&Phone"), QLineEdit())
        self.email = self._row(form, "email", self.tr("&Email"), QLineEdit())
        self.address = self._row(form, "address", self.tr("Add&ress"), QLineEdit())
        self.website = self._row(form, "website", self.tr("&Website"), QLineEdit())
        services = QPlainTextEdit()
        services.setTabChangesFocus(True)
        services.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        self.services_offered = self._row(form, "services_offered", self.tr("Services o&ffered"), services)
        return box

    def _agreement_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Agreement and listing"))
        form = self._form(box)
        self.agreement = self._row(form, "agreement", self.tr("Agreement"), QCheckBox(self.tr("Signed partnership agreement or referral &protocol")))
        self.agreement_date = self._row(form, "agreement_date", self.tr("Agreement &date"), DateField())
        self.co_located = self._row(form, "co_located", self.tr("Co-located"), QCheckBox(self.tr("Shares our &office")))
        self.listing_checked_date = self._row(form, "listing_checked_date", self.tr("&Listing checked"), DateField())
        self.agreement_date.textEdited.connect(self._changed)
        return box

    def _notes_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Notes"))
        column = QVBoxLayout(box)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("partner_notes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.notes.textChanged.connect(self._changed)
        column.addWidget(self.notes)
        return box

    def _child_group(self, title: str, headers: list[str], add_text: str, name: str):  # noqa: ANN202
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        table = ChildRowsTable(headers)
        table.setObjectName(f"partner_{name}")
        table.setAccessibleName(title)
        table.itemChanged.connect(self._changed)
        add = QPushButton(add_text)
        add.setObjectName(f"add_{name}")
        remove = QPushButton(self.tr("Remove line"))
        remove.setObjectName(f"remove_{name}")

        def add_line() -> None:
            row = table.add_line()
            table.setCurrentCell(row, 0)
            table.editItem(table.item(row, 0))
            self._changed()

        def remove_line() -> None:
            if table.currentRow() >= 0:
                table.removeRow(table.currentRow())
                self._changed()

        add.clicked.connect(add_line)
        remove.clicked.connect(remove_line)
        error = FieldError()
        self._errors[name] = error
        line = QHBoxLayout()
        line.addWidget(add)
        line.addWidget(remove)
        line.addStretch(1)
        column.addWidget(table)
        column.addWidget(error)
        column.addLayout(line)
        return box, table

    def _programs_group(self) -> QGroupBox:
        box, self.programs = self._child_group(
            self.tr("Programs and services"),
            [self.tr("Program"), self.tr("Description"), self.tr("Who is eligible")],
            self.tr("Add pro&gram"), "programs",
        )
        set_column_chars(self.programs, {0: 20, 1: 22})
        return box

    def _contacts_group(self) -> QGroupBox:
        box, self.contacts = self._child_group(
            self.tr("Contacts"), [self.tr("Name"), self.tr("Role"), self.tr("Phone"), self.tr("Email")],
            self.tr("Add con&tact"), "contacts",
        )
        set_column_chars(self.contacts, {0: 16, 1: 14, 2: 12})
        return box

    def _summary_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Coordination this fiscal year"))
        box.setObjectName("coordinationSummary")
        column = QVBoxLayout(box)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryText")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        column.addWidget(self.summary_label)
        caption = QLabel(self.tr("Referrals in that followed our outreach (within 90 days)"))
        caption.setObjectName("sectionTitle")
        column.addWidget(caption)
        self.effects = QTableWidget(0, 4)
        self.effects.setObjectName("outreachEffects")
        self.effects.setAccessibleName(caption.text())
        self.effects.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Outreach"), self.tr("Referrals in"), self.tr("Numbers")])
        setup_table(self.effects)
        set_column_chars(self.effects, {0: 10, 1: 24, 2: 10})
        self.effects.setMinimumHeight(self.fontMetrics().height() * 5)
        self.effects.setMaximumHeight(self.fontMetrics().height() * 10)
        column.addWidget(self.effects)
        return box

    def _referrals_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Referrals with this partner"))
        column = QVBoxLayout(box)
        self.referral_model = ReferralTableModel(self._database, self)
        self.referrals = OpeningTableView()
        self.referrals.setObjectName("partnerReferrals")
        self.referrals.setAccessibleName(self.tr("Referrals with this partner"))
        self.referrals.setModel(self.referral_model)
        setup_table(self.referrals)
        referral_columns(self.referrals)
        self.referrals.setColumnHidden(COL_PARTNER, True)  # every row is this partner
        self.referrals.horizontalHeader().setSectionResizeMode(COL_LEARNER, QHeaderView.ResizeMode.Stretch)
        self.referrals.setMinimumHeight(self.fontMetrics().height() * 10)
        self.referrals.open_requested.connect(self._open_referral_row)
        self.referrals.doubleClicked.connect(lambda index: self._open_referral_row(index.row()))
        column.addWidget(self.referrals)
        hint = QLabel(self.tr("Double-click or press Enter to open a referral."))
        hint.setObjectName("hint")
        column.addWidget(hint)
        return box

    # --- the list --------------------------------------------------------------------------------

    def load(self) -> None:
        """Fill the list (the window calls this when the page is shown)."""
        self.apply_search()

    def apply_search(self, *_args) -> None:  # noqa: ANN002
        self._debounce.stop()
        current = self.partner_id()
        with self._database.session() as session:
            rows = partner_service.partner_list(
                session, search=self.search.text(), org_type=self.type_filter.currentData(),
                include_archived=self.show_archived.isChecked(),
            )
        blocker = QSignalBlocker(self.table.selectionModel())
        self.model.set_rows(rows)
        del blocker
        count = len(rows)
        if count:
            self.count_label.setText(self.tr("1 partner") if count == 1 else self.tr("%d partners") % count)
        elif self.search.text().strip():
            self.count_label.setText(
                self.tr("No partner matches “%s”. Try part of the name, a program or a contact.") % self.search.text().strip()
            )
        else:
            self.count_label.setText(self.tr("No partners in this list."))
        if current is not None:
            row = self.model.row_of(current)
            if row is not None:
                blocker = QSignalBlocker(self.table.selectionModel())
                self.table.selectRow(row)
                del blocker

    def _search_enter(self) -> None:
        self.apply_search()
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.selectRow(0)

    def _row_chosen(self, current, _previous) -> None:  # noqa: ANN001
        partner_id = self.model.partner_id(current.row()) if current.isValid() else None
        if partner_id is None or partner_id == self.partner_id():
            return
        if not self.confirm_discard():
            row = self.model.row_of(self.partner_id()) if self.partner_id() is not None else None
            blocker = QSignalBlocker(self.table.selectionModel())
            if row is not None:
                self.table.selectRow(row)
            del blocker
            return
        self.open_partner(partner_id)

    def select_partner(self, partner_id: int) -> bool:
        row = self.model.row_of(partner_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # --- the page --------------------------------------------------------------------------------

    def partner_id(self) -> int | None:
        return self._record.id if self._record is not None else None

    def is_dirty(self) -> bool:
        return self._dirty

    def new_partner(self) -> None:
        if not self.confirm_discard():
            return
        with self._database.session() as session:
            record = partner_service.new_partner_record(session)
        self.table.clearSelection()
        self._show(record)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_partner(self, partner_id: int) -> None:
        with self._database.session() as session:
            record = partner_service.load_partner(session, partner_id)
        self._show(record)

    def _show(self, record: partner_service.PartnerRecord) -> None:
        self._loading = True
        try:
            self._record = copy.deepcopy(record)
            for name in ("partner_key", "name", "program", "contact_name", "phone", "email", "address", "website"):
                getattr(self, name).setText(getattr(record, name) or "")
            self.org_type.set_code(record.org_type or None)
            self.services_offered.setPlainText(record.services_offered or "")
            self.agreement.setChecked(bool(record.agreement))
            self.agreement_date.set_date_value(record.agreement_date)
            self.co_located.setChecked(bool(record.co_located))
            self.listing_checked_date.set_date_value(record.listing_checked_date)
            self.notes.setPlainText(record.notes or "")
            self.programs.set_lines(record.programs, PROGRAM_COLUMNS)
            self.contacts.set_lines(record.contacts, CONTACT_COLUMNS)
            self._clear_problems()
            self.saved_label.clear()
            self._update_header()
            self._show_summary()
        finally:
            self._loading = False
        self._dirty = False
        self.page_side.setEnabled(True)

    def _update_header(self) -> None:
        record = self._record
        saved = record.id is not None
        self.page_title.setText(record.name or self.tr("New partner"))
        if saved:
            parts = [record.partner_key, code_label(ORG_TYPES, record.org_type)]
            if record.archived:
                parts.append(self.tr("Archived: not offered on new referrals"))
            self.page_subtitle.setText(" · ".join(p for p in parts if p))
        else:
            self.page_subtitle.setText(self.tr("Fields marked * are required."))
        self.archive_button.setText(self.tr("Resto&re") if record.archived else self.tr("Archi&ve"))
        for button in (self.archive_button, self.delete_button, self.refer_button):
            button.setEnabled(saved)
        self.refer_button.setEnabled(saved and not record.archived)

    def _show_summary(self) -> None:
        record = self._record
        if record is None or record.id is None:
            self.summary_label.setText(self.tr("Save the partner to see the referrals and outreach with it."))
            self.effects.setRowCount(0)
            self.referral_model.set_query(referral_service.ReferralQuery(partner_id=-1))
            return
        year = FiscalYear.of(date.today())
        with self._database.session() as session:
            summary = partner_service.coordination_summary(session, record.id, year)
        last_referral = summary.last_referral_date.isoformat() if summary.last_referral_date else self.tr("none yet")
        last_outreach = summary.last_outreach_date.isoformat() if summary.last_outreach_date else self.tr("none yet")
        self.summary_label.setText(self.tr(
            "<table cellspacing='0' cellpadding='3'>"
            "<tr><td colspan='2'><b>Fiscal year %s</b></td></tr>"
            "<tr><td>Referrals in from them:</td><td><b>%d</b> (%d formal, %d informal)</td></tr>"
            "<tr><td>Referrals out to them:</td><td><b>%d</b> (%d formal, %d informal)</td></tr>"
            "<tr><td>Outreach that reached them:</td><td><b>%d</b></td></tr>"
            "<tr><td>Last referral:</td><td>%s</td></tr>"
            "<tr><td>Last outreach:</td><td>%s</td></tr></table>"
        ) % (
            summary.fiscal_year, summary.referrals_in, summary.referrals_in_formal, summary.referrals_in_informal,
            summary.referrals_out, summary.referrals_out_formal, summary.referrals_out_informal,
            summary.outreach_count, last_referral, last_outreach,
        ))
        self.summary = summary
        self.effects.setRowCount(len(summary.outreach_effects))
        for row, effect in enumerate(summary.outreach_effects):
            values = (
                effect.activity_date.isoformat(),
                f"{code_label(OUTREACH_KINDS, effect.kind)}: {effect.title}",
                self.tr("%d (%d formal)") % (effect.referral_count, effect.formal_count),
                ", ".join(r.referral_key for r in effect.referrals) or self.tr("none yet"),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.effects.setItem(row, column, item)
        self.referral_model.set_query(referral_service.ReferralQuery(partner_id=record.id))

    def _changed(self, *_args) -> None:  # noqa: ANN002
        if self._loading:
            return
        self._dirty = True
        self.saved_label.clear()

    def collect(self) -> partner_service.PartnerRecord:
        record = copy.deepcopy(self._record)
        problems: dict[str, str] = {}
        for name in ("partner_key", "name", "program", "contact_name", "phone", "email", "address", "website"):
            setattr(record, name, _text_or_none(getattr(self, name).text()) or ("" if name in ("partner_key", "name") else None))
        record.org_type = self.org_type.code() or ""
        record.services_offered = _text_or_none(self.services_offered.toPlainText())
        record.agreement = self.agreement.isChecked()
        record.co_located = self.co_located.isChecked()
        record.notes = _text_or_none(self.notes.toPlainText())
        for name, label in (("agreement_date", self.tr("Agreement date")), ("listing_checked_date", self.tr("Listing checked"))):
            try:
                setattr(record, name, getattr(self, name).date_value())
            except ValueError as exc:
                problems[name] = f"{label}: {exc}"
        record.programs = self.programs.lines(partner_service.PartnerProgramRecord, PROGRAM_COLUMNS)
        record.contacts = self.contacts.lines(partner_service.PartnerContactRecord, CONTACT_COLUMNS)
        if problems:
            raise ValidationFailed(problems)
        return record

    def save(self) -> int | None:
        if self._record is None:
            return None
        self._clear_problems()
        try:
            record = self.collect()
            with self._database.session() as session:
                partner_id = partner_service.save_partner(session, record, staff_id=self._staff_id)
        except ValidationFailed as exc:
            self.show_problems(exc.problems)
            return None
        except LbsDeskError as exc:
            QMessageBox.critical(self, self.tr("Could not save the partner"), str(exc))
            return None
        self._after_change(partner_id, self.tr("Saved"))
        return partner_id

    def _after_change(self, partner_id: int, message: str) -> None:
        self.open_partner(partner_id)
        self.apply_search()
        self.select_partner(partner_id)
        self.saved_label.setText(message)
        self.partner_saved.emit(partner_id)

    def _clear_problems(self) -> None:
        for error in self._errors.values():
            error.show_message(None)
        self.banner.hide()

    def show_problems(self, problems: dict[str, str]) -> None:
        self._clear_problems()
        unplaced, first = [], None
        for name, message in problems.items():
            key = name.split("[")[0]
            error = self._errors.get(key)
            if error is None:
                unplaced.append(message)
                continue
            error.show_message("\n".join(filter(None, (error.text() if error.isVisibleTo(self) else "", message))))
            if first is None:
                first = self._widgets.get(key) or error
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
            for index in range(self.tabs.count()):
                if self.tabs.widget(index).isAncestorOf(first):
                    self.tabs.setCurrentIndex(index)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def confirm_discard(self) -> bool:
        return keep_unsaved_changes_safe(self, self.tr("This partner has changes that are not saved. Save them now?"))

    # --- archive and delete ----------------------------------------------------------------------

    def toggle_archived(self) -> None:
        partner_id = self.partner_id()
        if partner_id is None or not self.confirm_discard():
            return
        archived = not self._record.archived
        self._set_archived(partner_id, archived)

    def _set_archived(self, partner_id: int, archived: bool) -> None:
        try:
            with self._database.session() as session:
                partner_service.archive_partner(session, partner_id, archived, staff_id=self._staff_id)
        except LbsDeskError as exc:
            QMessageBox.critical(self, self.tr("Could not archive the partner"), str(exc))
            return
        if archived and not self.show_archived.isChecked():
            self.show_archived.setChecked(True)
        self._after_change(partner_id, self.tr("Archived") if archived else self.tr("Restored"))

    def delete_partner(self) -> bool:
        """Ask, then delete; a partner other records name is refused, and archiving is offered instead."""
        partner_id = self.partner_id()
        if partner_id is None:
            return False
        name = self._record.name
        answer = QMessageBox.question(
            self, self.tr("Delete partner"),
            self.tr("Delete %s from the directory for good?") % name,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            with self._database.session() as session:
                partner_service.delete_partner(session, partner_id, staff_id=self._staff_id)
        except LbsDeskError as exc:
            box = QMessageBox(self)
            box.setObjectName("deleteRefused")
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("Cannot delete this partner"))
            box.setText(str(exc))
            archive = box.addButton(self.tr("Archive it"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(archive)
            box.exec()
            if box.clickedButton() is archive and not self._record.archived:
                self._set_archived(partner_id, True)
            return False
        self._record = None
        self._dirty = False
        self.page_side.setEnabled(False)
        self.page_title.setText(self.tr("%s was deleted") % name)
        self.page_subtitle.clear()
        self.apply_search()
        return True

    # --- referrals -------------------------------------------------------------------------------

    def _open_referral_row(self, row: int) -> None:
        referral_id = self.referral_model.referral_id(row)
        if referral_id is not None:
            self.open_referral(referral_id)

    def _show_form(self, form: ReferralFormDialog) -> ReferralFormDialog:
        return show_referral_form(form, self._forms, self._referral_saved, self.learner_open_requested)

    def open_referral(self, referral_id: int) -> ReferralFormDialog:
        return self._show_form(ReferralFormDialog(self._database, referral_id=referral_id, staff_id=self._staff_id, parent=self))

    def new_referral(self, direction: str = "out", learner_id: int | None = None) -> ReferralFormDialog | None:
        if self.partner_id() is None:
            return None
        return self._show_form(ReferralFormDialog(
            self._database, learner_id=learner_id, direction=direction, partner_id=self.partner_id(),
            staff_id=self._staff_id, parent=self,
        ))

    def _referral_saved(self, _referral_id: int) -> None:
        if self._record is not None and self._record.id is not None and not self._dirty:
            self._show_summary()
        self.referrals_changed.emit()
