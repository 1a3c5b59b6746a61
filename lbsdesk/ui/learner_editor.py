"""The learner file (``learnerEditor``): registration, suitability, program, consent and notes.

The form edits a ``LearnerRecord`` (lbsdesk.services.learners) and saves it with one service call in
one session.  A new learner is checked for likely duplicates first (duplicate_dialog.py).  Problems
are shown under the field they concern, naming the fix.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.domain.codes import (
    CAMS_PLAN_STATUSES,
    CONTACT_METHODS,
    EDUCATION_LEVELS,
    GOAL_PATHS,
    INCOME_SOURCES,
    LANGUAGES,
    PLAN_STAGES,
)
from lbsdesk.errors import LbsDeskError
from lbsdesk.services import learners as learner_service
from lbsdesk.ui.duplicate_dialog import DuplicateDialog
from lbsdesk.ui.form_widgets import CodeCombo, DateField, FieldError, YesNoCombo, keep_unsaved_changes_safe


class _Field:
    """One edited attribute of the record: its widget, how to read and write it, its error label."""

    def __init__(self, name: str, label: str, widget: QWidget, get: Callable, set_: Callable) -> None:
        self.name, self.label, self.widget, self.get, self.set = name, label, widget, get, set_
        self.error = FieldError()
        self.container = QWidget()
        box = QVBoxLayout(self.container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(self.error)


def _text_or_none(text: str) -> str | None:
    text = text.strip()
    return text or None


class LearnerEditor(QWidget):
    """Edit one learner's file; Save is one transaction."""

    learner_saved = Signal(int)
    """The file was saved (database id)."""
    closed = Signal()
    """The person closed the file."""
    open_learner_requested = Signal(int)
    """The person chose to open another (existing) learner's file instead."""
    merge_requested = Signal(int)
    """The person asked to merge this learner's file with another one."""

    def __init__(self, database, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("learnerEditor")
        self.setAccessibleName(self.tr("Learner file"))
        self._database = database
        self._record = None
        self._dirty = False
        self._loading = False
        self._after_save: Callable[[object, int], None] | None = None
        self._fields: dict[str, _Field] = {}
        self._suitability_rows: dict[str, tuple[QLabel, QComboBox]] = {}

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("learnerSubtitle")
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveLearnerButton")
        self.save_button.setToolTip(self.tr("Save this file (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.merge_button = QPushButton(self.tr("&Merge with another file…"))
        self.merge_button.setObjectName("mergeLearnerButton")
        self.merge_button.clicked.connect(self._ask_merge)
        self.close_button = QPushButton(self.tr("Back to list"))
        self.close_button.setObjectName("closeLearnerButton")
        self.close_button.setToolTip(self.tr("Close this file and go back to the list (Esc)"))
        self.close_button.clicked.connect(self.request_close)
        self.banner = QLabel()
        self.banner.setObjectName("problemBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fde8e8; color: #8a1c1c; border: 1px solid #e6b3b3; padding: 8px; }"
        )
        self.banner.hide()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.saved_label.setStyleSheet("color: #1e6b2f;")

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.saved_label)
        header.addWidget(self.merge_button)
        header.addWidget(self.close_button)
        header.addWidget(self.save_button)

        form = QWidget()
        form.setObjectName("learnerForm")
        columns = QHBoxLayout(form)
        columns.setContentsMargins(0, 0, 8, 0)
        columns.setSpacing(16)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(12)
        right.setSpacing(12)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        left.addWidget(self._identity_group())
        left.addWidget(self._contact_group())
        left.addWidget(self._education_group())
        left.addWidget(self._groups_group())
        left.addStretch(1)
        right.addWidget(self._program_group())
        right.addWidget(self._consent_group())
        right.addWidget(self._suitability_group())
        right.addWidget(self._notes_group())
        right.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form)
        self._scroll = scroll

        #: Registration first; the other parts of the file (plan, referrals, check-ins …) are tabs
        #: added by ``add_tab`` and loaded the first time they are shown for a learner.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("learnerFileTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(scroll, self.tr("&Registration"))
        self._tab_loaders: dict[QWidget, Callable[[int], None]] = {}
        self._tabs_loaded_for: dict[QWidget, int | None] = {}
        self.tabs.currentChanged.connect(self._load_current_tab)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape), self, self.request_close, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )

        self._suitability_timer = QTimer(self)
        self._suitability_timer.setSingleShot(True)
        self._suitability_timer.setInterval(400)
        self._suitability_timer.timeout.connect(self._refresh_derived)

    # --- building the form ---------------------------------------------------------------------

    def _add(self, form: QFormLayout, name: str, label: str, widget: QWidget, get, set_, required=False) -> QWidget:  # noqa: ANN001
        field = _Field(name, label, widget, get, set_)
        widget.setObjectName(f"field_{name}")
        widget.setAccessibleName(label)
        self._fields[name] = field
        caption = QLabel((label + " *") if required else label)
        caption.setBuddy(widget)
        form.addRow(caption, field.container)
        self._watch(widget)
        return widget

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._changed)
            if widget.isEditable():
                widget.editTextChanged.connect(self._changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._changed)

    def _line(self, form, name, label, required=False, width=None):  # noqa: ANN001, ANN202
        edit = QLineEdit()
        if width:
            edit.setMaximumWidth(width)
        return self._add(form, name, label, edit, lambda: _text_or_none(edit.text()), lambda v: edit.setText(v or ""), required)

    def _date(self, form, name, label, required=False):  # noqa: ANN001, ANN202
        edit = DateField()
        return self._add(form, name, label, edit, edit.date_value, edit.set_date_value, required)

    def _code(self, form, name, label, code_list, empty_text):  # noqa: ANN001, ANN202
        combo = CodeCombo(code_list, empty_text)
        return self._add(form, name, label, combo, combo.code, combo.set_code)

    def _yes_no(self, form, name, label):  # noqa: ANN001, ANN202
        combo = YesNoCombo()
        return self._add(form, name, label, combo, combo.value, combo.set_value)

    def _year(self, form, name, label):  # noqa: ANN001, ANN202
        edit = QLineEdit()
        edit.setMaxLength(4)
        edit.setPlaceholderText(self.tr("YYYY"))
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00000") + 24)

        def get():  # noqa: ANN202
            text = edit.text().strip()
            if not text:
                return None
            if not text.isdigit() or len(text) != 4:
                raise ValueError(self.tr("%s: write the year with four digits, e.g. 2009.") % label)
            return int(text)

        return self._add(form, name, label, edit, get, lambda v: edit.setText(str(v) if v else ""))

    def _editable_choice(self, form, name, label, choices):  # noqa: ANN001, ANN202
        combo = QComboBox()
        combo.setEditable(True)
        combo.addItem("")
        combo.addItems(choices)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return self._add(
            form, name, label, combo, lambda: _text_or_none(combo.currentText()), lambda v: combo.setEditText(v or "")
        )

    def _text(self, form, name, label, lines=3):  # noqa: ANN001, ANN202
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 16)
        return self._add(
            form, name, label, edit, lambda: _text_or_none(edit.toPlainText()), lambda v: edit.setPlainText(v or "")
        )

    @staticmethod
    def _group(title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        return box, form

    def _identity_group(self) -> QGroupBox:
        box, form = self._group(self.tr("Identity"))
        self._line(form, "learner_key", self.tr("Learner ID"), required=True, width=160)
        self._line(form, "first_name", self.tr("First name"), required=True)
        self._line(form, "last_name", self.tr("Last name"), required=True)
        self._line(form, "preferred_name", self.tr("Preferred name"))
        self._date(form, "date_of_birth", self.tr("Date of birth"))
        self._line(form, "gender", self.tr("Gender"))
        return box

    def _contact_group(self) -> QGroupBox:
        box, form = self._group(self.tr("Contact and language"))
        self._line(form, "phone", self.tr("Phone"))
        self._line(form, "email", self.tr("Email"))
        self._line(form, "address", self.tr("Street address"))
        self._line(form, "city", self.tr("Town or city"))
        self._line(form, "postal_code", self.tr("Postal code"), width=140)
        self._code(form, "preferred_contact_method", self.tr("Best way to reach"), CONTACT_METHODS, self.tr("Not recorded"))
        self._code(form, "preferred_language", self.tr("Preferred language"), LANGUAGES, self.tr("Not recorded"))
        # any language at all (Cree, Arabic …): free text with the common ones offered
        self._editable_choice(form, "first_language", self.tr("First language"), [self.tr("English"), self.tr("French")])
        return box

    def _education_group(self) -> QGroupBox:
        box, form = self._group(self.tr("Education and income"))
        self._code(form, "education_level", self.tr("Highest education"), EDUCATION_LEVELS, self.tr("Not recorded"))
        self._year(form, "last_school_year", self.tr("Last year in school"))
        self._year(form, "last_training_year", self.tr("Last year in training"))
        self._yes_no(form, "interrupted_education", self.tr("Interrupted education"))
        self._code(form, "income_source", self.tr("Source of income"), INCOME_SOURCES, self.tr("Not recorded"))
        return box

    def _groups_group(self) -> QGroupBox:
        box, form = self._group(self.tr("Self-identified groups"))
        for name, label in (
            ("disability", self.tr("Person with a disability")),
            ("indigenous", self.tr("Indigenous")),
            ("francophone", self.tr("Francophone")),
            ("deaf", self.tr("Deaf")),
            ("deaf_blind", self.tr("Deaf-blind")),
            ("newcomer", self.tr("Newcomer to Canada")),
            ("visible_minority", self.tr("Visible minority")),
            ("crown_ward", self.tr("Former Crown ward")),
        ):
            self._yes_no(form, name, label)
        return box

    def _program_group(self) -> QGroupBox:
        box, form = self._group(self.tr("Program"))
        self._date(form, "intake_date", self.tr("Intake date"), required=True)
        self._code(form, "stage", self.tr("Plan stage"), PLAN_STAGES, None)
        self._code(form, "goal_path", self.tr("Goal path"), GOAL_PATHS, self.tr("Not chosen yet"))
        self._text(form, "goal", self.tr("Goal"), lines=2)
        self._code(form, "cams_plan_status", self.tr("CaMS plan status"), CAMS_PLAN_STATUSES, self.tr("Not in CaMS yet"))
        self._date(form, "exit_date", self.tr("Exit date"))
        self._line(form, "exit_reason", self.tr("Exit reason"))
        self._line(form, "exit_outcome", self.tr("Outcome at exit"))
        combo = QComboBox()
        combo.addItem(self.tr("Not asked"), None)
        for value in range(5, 0, -1):
            combo.addItem(str(value), value)
        self._add(
            form, "satisfaction", self.tr("Satisfaction (1–5)"), combo, combo.currentData,
            lambda v: combo.setCurrentIndex(max(combo.findData(v), 0)),
        )
        return box

    def _consent_group(self) -> QGroupBox:
        box, form = self._group(self.tr("Consent to share information"))
        combo = QComboBox()
        combo.addItem(self.tr("Not recorded"), None)
        combo.addItem(self.tr("Yes, the learner agreed"), True)
        combo.addItem(self.tr("No"), False)
        self._add(
            form, "consent_to_share", self.tr("Consent to share"), combo, combo.currentData,
            lambda v: combo.setCurrentIndex(max(combo.findData(v), 0)),
        )
        self._date(form, "consent_date", self.tr("Date given"))
        return box

    def _suitability_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Suitability indicators"))
        outer = QVBoxLayout(box)
        explain = QLabel(
            self.tr("Worked out from the registration details. Where you know better, choose Yes or No.")
        )
        explain.setWordWrap(True)
        explain.setObjectName("hint")
        outer.addWidget(explain)
        self._suitability_grid = QGridLayout()
        self._suitability_grid.setHorizontalSpacing(12)
        self._suitability_grid.setVerticalSpacing(4)
        self._suitability_grid.setColumnStretch(0, 1)
        for column, text in enumerate((self.tr("Indicator"), self.tr("From registration"), self.tr("Use"))):
            heading = QLabel(f"<b>{text}</b>")
            self._suitability_grid.addWidget(heading, 0, column)
        outer.addLayout(self._suitability_grid)
        self._suitability_count = QLabel()
        outer.addWidget(self._suitability_count)
        return box

    def _notes_group(self) -> QGroupBox:
        box, form = self._group(self.tr("Notes"))
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 5 + 16)
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        field = _Field("notes", self.tr("Notes"), edit, lambda: _text_or_none(edit.toPlainText()), lambda v: edit.setPlainText(v or ""))
        edit.setObjectName("field_notes")
        edit.setAccessibleName(self.tr("Notes"))
        self._fields["notes"] = field
        form.addRow(field.container)
        self._watch(edit)
        return box

    # --- loading -------------------------------------------------------------------------------

    def record(self):  # noqa: ANN201 - the LearnerRecord as loaded or last saved
        return self._record

    def learner_id(self) -> int | None:
        return getattr(self._record, "id", None) if self._record is not None else None

    def is_new(self) -> bool:
        return self.learner_id() is None

    def is_dirty(self) -> bool:
        return self._dirty

    def new_learner(self, record=None, after_save: Callable[[object, int], None] | None = None) -> None:  # noqa: ANN001
        """Start a new file (optionally prefilled, e.g. from an inquiry)."""
        if record is None:
            with self._database.session() as session:
                record = learner_service.new_learner_record(session)
        self._after_save = after_save
        self._show_record(record)
        self._dirty = record is not None and any(
            getattr(record, name, None) for name in ("first_name", "last_name", "phone", "notes")
        )
        self._fields["first_name"].widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_learner(self, learner_id: int) -> None:
        with self._database.session() as session:
            record = learner_service.load_learner(session, learner_id)
        self._after_save = None
        self._show_record(record)
        self._fields["first_name"].widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_record(self, record) -> None:  # noqa: ANN001
        self._loading = True
        try:
            self._record = copy.deepcopy(record)
            for name, field in self._fields.items():
                blocker = QSignalBlocker(field.widget)
                field.set(getattr(record, name, None))
                del blocker
            self._clear_problems()
            self._update_titles()
            self.saved_label.clear()
            self._refresh_derived()
            self._scroll.verticalScrollBar().setValue(0)
        finally:
            self._loading = False
        self._dirty = False
        for widget in self._tabs_loaded_for:
            self._tabs_loaded_for[widget] = None  # another learner (or a reload): fill again when shown
        self._update_tab_states()
        self._load_current_tab()

    # --- the file's other tabs ---------------------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str, load: Callable[[int], None]) -> None:
        """Add a part of the learner file; ``load(learner_id)`` fills it when it is first shown."""
        self.tabs.addTab(widget, title)
        self._tab_loaders[widget] = load
        self._tabs_loaded_for[widget] = None
        self._update_tab_states()

    def _update_tab_states(self) -> None:
        saved = not self.is_new()
        for widget in self._tab_loaders:
            index = self.tabs.indexOf(widget)
            self.tabs.setTabEnabled(index, saved)
            self.tabs.setTabToolTip(index, "" if saved else self.tr("Save the registration first."))
        if not saved:
            self.tabs.setCurrentIndex(0)

    def _load_current_tab(self, _index: int = -1) -> None:
        widget = self.tabs.currentWidget()
        learner_id = self.learner_id()
        if widget in self._tab_loaders and learner_id is not None and self._tabs_loaded_for[widget] != learner_id:
            self._tabs_loaded_for[widget] = learner_id
            self._tab_loaders[widget](learner_id)

    def show_tab(self, widget: QWidget) -> None:
        if self.tabs.isTabEnabled(self.tabs.indexOf(widget)):
            self.tabs.setCurrentWidget(widget)

    def reload_fields(self, names: tuple[str, ...] = ("stage", "exit_date", "exit_reason", "exit_outcome",
                                                       "satisfaction", "goal_path", "goal")) -> None:
        """Another tab changed these fields (a stage move, an exit, the plan's goal): show the new
        values, keeping whatever else the person is typing."""
        if self.learner_id() is None:
            return
        with self._database.session() as session:
            fresh = learner_service.load_learner(session, self.learner_id())
        self._loading = True
        try:
            for name in names:
                value = getattr(fresh, name, None)
                setattr(self._record, name, value)
                field = self._fields.get(name)
                if field is not None:
                    blocker = QSignalBlocker(field.widget)
                    field.set(value)
                    del blocker
            self._update_titles()
        finally:
            self._loading = False

    def _update_titles(self) -> None:
        record = self._record
        if record is None:
            return
        name = " ".join(part for part in (record.first_name, record.last_name) if part)
        if self.is_new():
            self.title.setText(self.tr("New learner") + (f": {name}" if name else ""))
            self.subtitle.setText(self.tr("Learner ID %s will be given when you save.") % (record.learner_key or ""))
        else:
            self.title.setText(name or self.tr("Learner"))
            self.subtitle.setText(self.tr("Learner ID %s") % record.learner_key)
        self.merge_button.setVisible(not self.is_new())

    # --- suitability -------------------------------------------------------------------------

    def _refresh_derived(self) -> None:
        if self._record is None:
            return
        try:
            record = self._collect(strict=False)
            with self._database.session() as session:
                values = learner_service.suitability_for(session, record)
        except Exception:  # noqa: BLE001 - derived values are a help, never a blocker
            return
        self._show_suitability(values)

    def _show_suitability(self, values) -> None:  # noqa: ANN001
        grid = self._suitability_grid
        seen = set()
        for row_number, value in enumerate(values, start=1):
            seen.add(value.code)
            if value.code not in self._suitability_rows:
                label = QLabel(value.label)
                label.setWordWrap(True)
                derived = QLabel()
                combo = QComboBox()
                combo.setObjectName(f"override_{value.code}")
                combo.setAccessibleName(self.tr("%s: use") % value.label)
                combo.addItem(self.tr("As worked out"), None)
                combo.addItem(self.tr("Yes"), True)
                combo.addItem(self.tr("No"), False)
                combo.currentIndexChanged.connect(self._changed_override)
                grid.addWidget(label, row_number, 0)
                grid.addWidget(derived, row_number, 1)
                grid.addWidget(combo, row_number, 2)
                self._suitability_rows[value.code] = (derived, combo)
            derived, combo = self._suitability_rows[value.code]
            derived.setText({True: self.tr("Yes"), False: self.tr("No"), None: self.tr("Unknown")}[value.derived])
            if not combo.hasFocus():
                combo.blockSignals(True)
                combo.setCurrentIndex(max(combo.findData(value.override), 0))
                combo.blockSignals(False)
        count = sum(1 for value in values if value.value)
        self._suitability_count.setText(self.tr("Indicators that apply: %d") % count)

    def _changed_override(self) -> None:
        self._changed()
        self._suitability_timer.start()

    def _overrides(self) -> dict[str, bool]:
        return {
            code: combo.currentData()
            for code, (_derived, combo) in self._suitability_rows.items()
            if combo.currentData() is not None
        }

    # --- editing -------------------------------------------------------------------------------

    def _changed(self, *_args) -> None:  # noqa: ANN002
        if self._loading:
            return
        self._dirty = True
        self.saved_label.clear()
        self._suitability_timer.start()

    def _collect(self, strict: bool = True):  # noqa: ANN202
        """The record as the form shows it; with ``strict``, raises ValidationFailed for unreadable fields."""
        record = copy.deepcopy(self._record)
        problems: dict[str, str] = {}
        names = {f.name for f in dataclasses.fields(record)} if dataclasses.is_dataclass(record) else None
        for name, field in self._fields.items():
            if names is not None and name not in names:
                continue
            try:
                setattr(record, name, field.get())
            except ValueError as exc:
                problems[name] = f"{field.label}: {exc}" if not str(exc).startswith(field.label) else str(exc)
        if hasattr(record, "suitability_overrides"):
            record.suitability_overrides = self._overrides()
        if problems and strict:
            raise learner_service.ValidationFailed(problems)
        return record

    def _clear_problems(self) -> None:
        for field in self._fields.values():
            field.error.show_message(None)
        self.banner.hide()

    def show_problems(self, problems: dict[str, str]) -> None:
        self._clear_problems()
        unplaced = []
        first_widget = None
        for name, message in problems.items():
            field = self._fields.get(name)
            if field is None:
                unplaced.append(message)
                continue
            field.error.show_message(message)
            if first_widget is None:
                first_widget = field.widget
        text = (
            self.tr("1 problem to fix before saving; it is explained under its field.")
            if len(problems) == 1
            else self.tr("%d problems to fix before saving; each is explained under its field.") % len(problems)
        )
        if unplaced:
            text += "<br>" + "<br>".join(unplaced)
        self.banner.setText(text)
        self.banner.show()
        if first_widget is not None:
            first_widget.setFocus(Qt.FocusReason.OtherFocusReason)
            self._scroll.ensureWidgetVisible(first_widget, 50, 80)

    def save(self) -> int | None:
        """Check, look for duplicates (new files), and save in one transaction; the saved id or None."""
        if self._record is None:
            return None
        try:
            record = self._collect()
        except learner_service.ValidationFailed as exc:
            self.show_problems(exc.problems)
            return None
        try:
            with self._database.session() as session:
                problems = learner_service.validate_learner(session, record)
                candidates = [] if (problems or not self.is_new()) else learner_service.find_possible_duplicates(session, record)
        except LbsDeskError as exc:
            QMessageBox.critical(self, self.tr("Could not check the file"), str(exc))
            return None
        if problems:
            self.show_problems(problems)
            return None
        if candidates:
            dialog = DuplicateDialog(record, candidates, self)
            choice = dialog.exec()
            if choice == DuplicateDialog.OPEN_EXISTING and dialog.chosen_learner_id() is not None:
                self._dirty = False
                self.open_learner_requested.emit(dialog.chosen_learner_id())
                return None
            if choice != DuplicateDialog.SAVE_ANYWAY:
                return None
        try:
            with self._database.session() as session:
                learner_id = learner_service.save_learner(session, record)
                if self._after_save is not None:
                    self._after_save_in_session(session, learner_id)
        except learner_service.ValidationFailed as exc:
            self.show_problems(exc.problems)
            return None
        except LbsDeskError as exc:
            QMessageBox.critical(self, self.tr("Could not save"), str(exc))
            return None
        self._after_save = None
        with self._database.session() as session:
            saved = learner_service.load_learner(session, learner_id)
        self._show_record(saved)
        self.saved_label.setText(self.tr("Saved"))
        self.learner_saved.emit(learner_id)
        return learner_id

    def _after_save_in_session(self, session, learner_id: int) -> None:  # noqa: ANN001
        self._after_save(session, learner_id)

    # --- closing and merging -------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """True when there are no unsaved changes or the person agrees to lose them."""
        return keep_unsaved_changes_safe(self, self.tr("This file has changes that are not saved. Save them now?"))

    def request_close(self) -> None:
        if self.confirm_discard():
            self.closed.emit()

    def _ask_merge(self) -> None:
        if self.learner_id() is not None and self.confirm_discard():
            self.merge_requested.emit(self.learner_id())
