"""The learner's plan (a tab of the learner file): the timeline on top, the stage and its history, and the
plan editor — goal path and goal, background, assessment, milestones, culminating task, learning
activities, duration and hours, supports, reviews.

One plan is current; earlier plans are read through the plan chooser (read-only).  "Start a new
plan…" replaces the current one (copying its text and unfinished milestones).  "Move to next stage…"
is one action: confirm the date (today by default) and it is recorded.  Every change is one service
call in one session (lbsdesk.services.plans); problems are shown under the field they concern.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.domain.codes import GOAL_PATHS
from lbsdesk.domain.stage_rules import next_stage, stage_label
from lbsdesk.errors import LbsDeskError, ValidationFailed
from lbsdesk.services import plans as plan_service
from lbsdesk.ui.form_widgets import CodeCombo, DateField, FieldError, keep_unsaved_changes_safe, tr
from lbsdesk.ui.milestone_table_model import (
    COL_COMPETENCY,
    COL_DESCRIPTION,
    COL_LEVEL,
    COL_OUTCOME,
    COL_STATUS,
    ChoiceDelegate,
    MilestoneTableModel,
)
from lbsdesk.ui.plan_timeline_widget import PlanTimelineWidget


def _t(text: str) -> str:
    return tr(text, "LearnerPlanTab")


def _text_or_none(text: str) -> str | None:
    return text.strip() or None


def show_error(parent: QWidget, title: str, exc: Exception) -> None:
    """A refused action: the service's message (and each problem) in a box a person can act on."""
    problems = getattr(exc, "problems", None)
    text = "\n".join(problems.values()) if problems else str(exc)
    QMessageBox.warning(parent, title, text)


class DateDialog(QDialog):
    """A small confirmation with a date (default today), an optional note and a field error."""

    def __init__(self, title: str, question: str, parent: QWidget | None = None, *, note_label: str | None = None,
                 extra: QWidget | None = None, ok_text: str | None = None, day: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("dateDialog")
        layout = QVBoxLayout(self)
        label = QLabel(question)
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        self.date_field = DateField()
        self.date_field.setObjectName("dialogDate")
        self.date_field.set_date_value(day or date.today())
        form.addRow(_t("&Date"), self.date_field)
        self.note = None
        if note_label:
            self.note = QPlainTextEdit()
            self.note.setObjectName("dialogNote")
            self.note.setTabChangesFocus(True)
            self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 16)
            form.addRow(note_label, self.note)
        if extra is not None:
            form.addRow(extra)
        layout.addLayout(form)
        self.error = FieldError()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        if ok_text:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _check(self) -> None:
        try:
            if self.date_field.date_value() is None:
                raise ValueError(_t("Enter the date."))
        except ValueError as exc:
            self.error.show_message(str(exc))
            return
        self.accept()

    def day(self) -> date | None:
        try:
            return self.date_field.date_value()
        except ValueError:
            return None

    def note_text(self) -> str | None:
        return _text_or_none(self.note.toPlainText()) if self.note is not None else None


class LearnerPlanTab(QWidget):
    """The plan of one learner, with the timeline above it and the stage actions."""

    record_open_requested = Signal(str, int)
    """A timeline marker was opened (record kind, id; see services.timeline.RECORD_KINDS)."""
    plan_saved = Signal(int)
    """The current plan was saved or replaced (learner id)."""
    stage_changed = Signal(int, str)
    """The learner moved to another stage (learner id, the new stage code)."""

    def __init__(self, database, learner_id: int | None = None, parent: QWidget | None = None,  # noqa: ANN001
                 staff_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("learnerPlanTab")
        self.setAccessibleName(_t("Learner plan"))
        self._database = database
        self._staff_id = staff_id
        self._learner_id: int | None = None
        self._learner_name = ""
        self._plans: list[plan_service.PlanRecord] = []
        self._record: plan_service.PlanRecord | None = None
        self._dirty = False
        self._loading = False
        self._fields: dict[str, tuple[QWidget, FieldError]] = {}

        # --- timeline and stage
        self.timeline = PlanTimelineWidget(database)
        self.timeline.record_open_requested.connect(self.record_open_requested)
        zoom_in = QPushButton(_t("Zoom in"))
        zoom_in.setToolTip(_t("Zoom in (+, or Ctrl+mouse wheel)"))
        zoom_in.clicked.connect(self.timeline.zoom_in)
        zoom_out = QPushButton(_t("Zoom out"))
        zoom_out.setToolTip(_t("Zoom out (−)"))
        zoom_out.clicked.connect(self.timeline.zoom_out)
        fit = QPushButton(_t("Fit"))
        fit.setObjectName("timelineFitButton")
        fit.setToolTip(_t("Show the whole history (0)"))
        fit.clicked.connect(self.timeline.fit)
        for button in (zoom_in, zoom_out, fit):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        self.stage_label = QLabel()
        self.stage_label.setObjectName("currentStageLabel")
        self.stage_history_label = QLabel()
        self.stage_history_label.setObjectName("stageHistory")
        self.stage_history_label.setWordWrap(True)
        self.stage_history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advance_button = QPushButton(_t("Move to next stage…"))
        self.advance_button.setObjectName("advanceStageButton")
        self.advance_button.clicked.connect(self.ask_advance_stage)

        stage_row = QHBoxLayout()
        stage_texts = QVBoxLayout()
        stage_texts.setSpacing(2)
        stage_texts.addWidget(self.stage_label)
        stage_texts.addWidget(self.stage_history_label)
        stage_row.addLayout(stage_texts, 1)
        stage_row.addWidget(self.advance_button, 0, Qt.AlignmentFlag.AlignTop)
        stage_row.addSpacing(16)
        stage_row.addWidget(zoom_in, 0, Qt.AlignmentFlag.AlignTop)
        stage_row.addWidget(zoom_out, 0, Qt.AlignmentFlag.AlignTop)
        stage_row.addWidget(fit, 0, Qt.AlignmentFlag.AlignTop)

        # --- plan header
        self.plan_chooser = QComboBox()
        self.plan_chooser.setObjectName("planChooser")
        self.plan_chooser.setAccessibleName(_t("Plan"))
        self.plan_chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.plan_chooser.currentIndexChanged.connect(self._chosen_plan_changed)
        self.read_only_label = QLabel()
        self.read_only_label.setObjectName("readOnlyNotice")
        self.read_only_label.setStyleSheet("color: #5f4b00; background: #fff4d6; padding: 3px 6px;")
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet("color: #1e6b2f;")
        self.new_plan_button = QPushButton(_t("Start a new plan…"))
        self.new_plan_button.setObjectName("newPlanButton")
        self.new_plan_button.clicked.connect(self.ask_start_new_plan)
        self.print_button = QPushButton(_t("Print plan summary…"))
        self.print_button.setObjectName("printPlanSummaryButton")
        self.print_button.clicked.connect(self.print_summary)
        self.save_button = QPushButton(_t("&Save plan"))
        self.save_button.setObjectName("savePlanButton")
        self.save_button.setToolTip(_t("Save the plan (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)

        header = QHBoxLayout()
        caption = QLabel(_t("&Plan:"))
        caption.setBuddy(self.plan_chooser)
        header.addWidget(caption)
        header.addWidget(self.plan_chooser)
        header.addWidget(self.read_only_label)
        header.addStretch(1)
        header.addWidget(self.saved_label)
        header.addWidget(self.new_plan_button)
        header.addWidget(self.print_button)
        header.addWidget(self.save_button)

        self.banner = QLabel()
        self.banner.setObjectName("problemBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #fde8e8; color: #8a1c1c; border: 1px solid #e6b3b3; padding: 8px; }")
        self.banner.hide()

        # --- the form
        form_widget = QWidget()
        outer = QVBoxLayout(form_widget)
        outer.setContentsMargins(0, 0, 8, 0)
        outer.setSpacing(10)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        left.addWidget(self._goal_group())
        left.addStretch(1)
        right.addWidget(self._schedule_group())
        right.addWidget(self._supports_group())
        right.addWidget(self._reviews_group())
        right.addStretch(1)
        outer.addLayout(columns)
        outer.addWidget(self._milestone_group())
        outer.addWidget(self._task_group())

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_widget)
        self._scroll = scroll

        self.empty_label = QLabel(_t("No plan has been written yet. Write it with the learner, then save."))
        self.empty_label.setObjectName("hint")
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(self.timeline)
        layout.addLayout(stage_row)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addLayout(header)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if learner_id is not None:
            self.load(learner_id)

    # --- building ------------------------------------------------------------------------------

    @staticmethod
    def _group(title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        return box, form

    def _add(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> QWidget:
        error = FieldError()
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        widget.setObjectName(f"plan_{name}")
        widget.setAccessibleName(label)
        caption = QLabel(label)
        caption.setBuddy(widget)
        form.addRow(caption, container)
        self._fields[name] = (widget, error)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._changed)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(self._changed)
        return widget

    def _text(self, form: QFormLayout, name: str, label: str, lines: int = 3) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 16)
        return self._add(form, name, label, edit)

    def _number(self, form: QFormLayout, name: str, label: str, highest: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, highest)
        spin.setSpecialValueText(_t("Not set"))
        spin.setSuffix(suffix)
        spin.setMaximumWidth(160)
        return self._add(form, name, label, spin)

    def _goal_group(self) -> QGroupBox:
        box, form = self._group(_t("Goal and assessment"))
        self._add(form, "written_date", _t("Written on"), DateField())
        self._add(form, "goal_path", _t("Goal path"), CodeCombo(GOAL_PATHS, _t("Not chosen yet")))
        self._text(form, "goal", _t("Goal"), 2)
        self._text(form, "background", _t("Background"), 3)
        self._add(form, "assessment_date", _t("Assessed on"), DateField())
        self._text(form, "assessment_results", _t("Assessment results"), 3)
        return box

    def _milestone_group(self) -> QGroupBox:
        box = QGroupBox(_t("Milestones"))
        layout = QVBoxLayout(box)
        self.milestone_model = MilestoneTableModel(self)
        self.milestone_model.dataChanged.connect(self._changed)
        self.milestone_model.rowsInserted.connect(self._changed)
        self.milestone_model.rowsRemoved.connect(self._changed)
        table = QTableView()
        table.setObjectName("milestoneTable")
        table.setAccessibleName(_t("Milestones"))
        table.setModel(self.milestone_model)
        table.setItemDelegate(ChoiceDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        table.setMinimumHeight(table.fontMetrics().height() * 9)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_COMPETENCY, 230)
        header.resizeSection(COL_LEVEL, 50)
        header.resizeSection(COL_STATUS, 110)
        header.resizeSection(COL_OUTCOME, 200)
        for column in (3, 4, 5):
            header.resizeSection(column, 92)
        self.milestone_table = table
        hint = QLabel(_t("Double-click a cell (or start typing) to change it. Dates as YYYY-MM-DD; "
                         "the status follows the dates."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.add_milestone_button = QPushButton(_t("&Add milestone"))
        self.add_milestone_button.setObjectName("addMilestoneButton")
        self.add_milestone_button.clicked.connect(self.add_milestone)
        self.remove_milestone_button = QPushButton(_t("Remove milestone"))
        self.remove_milestone_button.setObjectName("removeMilestoneButton")
        self.remove_milestone_button.clicked.connect(self._remove_milestone)
        self.milestone_error = FieldError()
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.add_milestone_button)
        buttons.addWidget(self.remove_milestone_button)
        layout.addWidget(table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.milestone_error)
        return box

    def _task_group(self) -> QGroupBox:
        box, form = self._group(_t("Culminating task and learning activities"))
        self._text(form, "culminating_task", _t("Culminating task"), 2)
        self._add(form, "culminating_task_completed_date", _t("Task completed on"), DateField())
        self._text(form, "learning_activities", _t("Learning activities"), 3)
        return box

    def _schedule_group(self) -> QGroupBox:
        box, form = self._group(_t("Duration and reviews"))
        self._number(form, "planned_duration_weeks", _t("Planned duration"), plan_service.MAX_DURATION_WEEKS, _t(" weeks"))
        self._number(form, "planned_hours", _t("Planned hours"), plan_service.MAX_PLANNED_HOURS, _t(" hours"))
        self._number(form, "review_interval_days", _t("Review every"), plan_service.MAX_REVIEW_INTERVAL_DAYS, _t(" days"))
        self._add(form, "next_review_date", _t("Next review"), DateField())
        return box

    def _supports_group(self) -> QGroupBox:
        box, form = self._group(_t("Supports and referrals"))
        self._text(form, "supports_needed", _t("Supports needed"), 3)
        self._text(form, "referral_results", _t("Referral results"), 3)
        return box

    def _reviews_group(self) -> QGroupBox:
        box = QGroupBox(_t("Reviews"))
        layout = QVBoxLayout(box)
        self.reviews_label = QLabel()
        self.reviews_label.setObjectName("reviewsList")
        self.reviews_label.setWordWrap(True)
        self.reviews_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review_button = QPushButton(_t("Record review…"))
        self.review_button.setObjectName("recordReviewButton")
        self.review_button.clicked.connect(self.ask_record_review)
        layout.addWidget(self.reviews_label)
        layout.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    # --- loading -------------------------------------------------------------------------------

    def learner_id(self) -> int | None:
        return self._learner_id

    def is_dirty(self) -> bool:
        return self._dirty

    def record(self) -> plan_service.PlanRecord | None:
        return self._record

    def load(self, learner_id: int, plan_id: int | None = None) -> None:
        """Show the learner's timeline, stage and current plan (or ``plan_id``, an earlier one)."""
        self._learner_id = learner_id
        with self._database.session() as session:
            from lbsdesk.services.timeline import timeline_for

            timeline = timeline_for(session, learner_id)
            self._plans = plan_service.plan_history(session, learner_id)
            blank = plan_service.new_plan_record(session, learner_id) if not any(p.is_current for p in self._plans) else None
        self._learner_name = timeline.learner_name
        self.timeline.set_timeline(timeline, keep_view=self.timeline.timeline() is not None
                                   and self.timeline.timeline().learner_id == learner_id)
        self._show_stage(timeline)
        self._loading = True
        self.plan_chooser.clear()
        for plan in self._plans:
            self.plan_chooser.addItem(self._plan_title(plan), plan.id)
        if blank is not None:
            self.plan_chooser.addItem(_t("Plan %d (new, not saved yet)") % blank.number, None)
        self._loading = False
        self._blank = blank
        index = self.plan_chooser.findData(plan_id) if plan_id is not None else self.plan_chooser.count() - 1
        current = next((i for i, p in enumerate(self._plans) if p.is_current), None)
        if plan_id is None and current is not None:
            index = current
        self.plan_chooser.setCurrentIndex(max(index, 0))
        self._chosen_plan_changed(self.plan_chooser.currentIndex())

    def _plan_title(self, plan: plan_service.PlanRecord) -> str:
        written = plan.written_date.isoformat() if plan.written_date else "?"
        if plan.is_current:
            return _t("Plan %d (current, written %s)") % (plan.number, written)
        closed = plan.closed_date.isoformat() if plan.closed_date else "?"
        return _t("Plan %d (earlier, %s to %s)") % (plan.number, written, closed)

    def _show_stage(self, timeline) -> None:  # noqa: ANN001
        spans = timeline.spans
        current = spans[-1] if spans else None
        if current is not None:
            self.stage_label.setText(
                "<b>" + _t("Stage: %s") % stage_label(current.stage) + "</b> " + _t("since %s") % current.from_date.isoformat()
            )
        following = next_stage(timeline.current_stage)
        self.advance_button.setEnabled(following is not None and timeline.exit_date is None)
        self.advance_button.setText(
            _t("Move to %s…") % stage_label(following) if following else _t("Move to next stage…")
        )
        self.advance_button.setToolTip(
            _t("Record that the learner entered the next stage (you confirm the date).")
            if following and timeline.exit_date is None
            else _t("The learner has exited: the plan stays in Closure (record follow-ups).")
            if timeline.exit_date else _t("Closure is the last stage.")
        )
        parts = []
        for span in spans:
            mark = "" if span.recorded else "*"
            parts.append(f"{stage_label(span.stage)}{mark} {span.from_date.isoformat()}")
        text = _t("Stage history: ") + " → ".join(parts)
        if any(not s.recorded for s in spans):
            text += "  " + _t("(* counted from the intake date)")
        self.stage_history_label.setText(text)

    def _chosen_plan_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        plan_id = self.plan_chooser.itemData(index)
        record = self._blank if plan_id is None else next(p for p in self._plans if p.id == plan_id)
        self._show_record(record)

    def _show_record(self, record: plan_service.PlanRecord | None) -> None:
        import copy

        self._loading = True
        try:
            self._record = copy.deepcopy(record)
            read_only = record is not None and not record.is_current
            for name, (widget, error) in self._fields.items():
                value = getattr(record, name, None) if record is not None else None
                if isinstance(widget, DateField):
                    widget.set_date_value(value)
                    widget.setReadOnly(read_only)
                elif isinstance(widget, CodeCombo):
                    widget.set_code(value)
                    widget.setEnabled(not read_only)
                elif isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(value or "")
                    widget.setReadOnly(read_only)
                elif isinstance(widget, QSpinBox):
                    widget.setValue(value or 0)
                    widget.setReadOnly(read_only)
                error.show_message(None)
            self.milestone_model.set_milestones(record.milestones if record else [], read_only=read_only)
            self.banner.hide()
            self.milestone_error.show_message(None)
            for widget in (self.save_button, self.add_milestone_button, self.remove_milestone_button):
                widget.setVisible(not read_only)
            self.review_button.setVisible(not read_only)
            self.review_button.setEnabled(record is not None and record.id is not None)
            self.read_only_label.setVisible(read_only)
            self.read_only_label.setText(_t("An earlier plan: read only"))
            self.new_plan_button.setEnabled(any(p.is_current for p in self._plans))
            self.empty_label.setVisible(record is not None and record.id is None)
            self._show_reviews(record)
            self.saved_label.clear()
        finally:
            self._loading = False
        self._dirty = False

    def _show_reviews(self, record: plan_service.PlanRecord | None) -> None:
        if record is None:
            self.reviews_label.setText("")
            return
        lines = []
        for review in reversed(record.reviews):
            text = review.review_date.isoformat() if review.review_date else "?"
            if review.notes:
                text += " — " + review.notes
            if review.changes_made:
                text += " " + _t("(changes: %s)") % review.changes_made
            lines.append(text)
        if not lines:
            lines.append(_t("No review recorded yet."))
        if record.is_current and record.next_review_date:
            overdue = record.next_review_date < date.today()
            due = _t("Next review due %s") % record.next_review_date.isoformat()
            lines.insert(0, f"<b style='color:#9a2b00'>{due} — {_t('overdue')}</b>" if overdue else f"<b>{due}</b>")
        self.reviews_label.setText("<br>".join(lines))

    # --- editing -------------------------------------------------------------------------------

    def _changed(self, *_args) -> None:  # noqa: ANN002
        if self._loading:
            return
        self._dirty = True
        self.saved_label.clear()

    def add_milestone(self) -> None:
        row = self.milestone_model.add_milestone()
        index = self.milestone_model.index(row, COL_DESCRIPTION)
        self.milestone_table.setCurrentIndex(index)
        self.milestone_table.edit(index)

    def _remove_milestone(self) -> None:
        index = self.milestone_table.currentIndex()
        if index.isValid():
            self.milestone_model.remove_milestone(index.row())

    def collect(self) -> plan_service.PlanRecord:
        """The plan as the form shows it; raises ValidationFailed for a date that cannot be read."""
        import copy

        record = copy.deepcopy(self._record)
        problems: dict[str, str] = {}
        for name, (widget, _error) in self._fields.items():
            if isinstance(widget, DateField):
                try:
                    value = widget.date_value()
                except ValueError as exc:
                    problems[name] = str(exc)
                    continue
            elif isinstance(widget, CodeCombo):
                value = widget.code()
            elif isinstance(widget, QPlainTextEdit):
                value = _text_or_none(widget.toPlainText())
            elif isinstance(widget, QSpinBox):
                value = widget.value() or None
            else:  # pragma: no cover
                continue
            setattr(record, name, value)
        record.milestones = self.milestone_model.milestones()
        if problems:
            raise ValidationFailed(problems)
        return record

    def show_problems(self, problems: dict[str, str]) -> None:
        for _widget, error in self._fields.values():
            error.show_message(None)
        milestone_rows: dict[int, str] = {}
        unplaced = []
        for key, message in problems.items():
            if key in self._fields:
                self._fields[key][1].show_message(message)
            elif key.startswith("milestones["):
                row = int(key[len("milestones["):key.index("]")])
                milestone_rows[row] = (milestone_rows.get(row, "") + "\n" + message).strip()
            else:
                unplaced.append(message)
        self.milestone_model.set_problems(milestone_rows)
        self.milestone_error.show_message("\n".join(milestone_rows[r] for r in sorted(milestone_rows)) or None)
        text = (_t("1 problem to fix before saving; it is explained under its field.") if len(problems) == 1
                else _t("%d problems to fix before saving; each is explained under its field.") % len(problems))
        if unplaced:
            text += "<br>" + "<br>".join(unplaced)
        self.banner.setText(text)
        self.banner.show()

    def save(self) -> int | None:
        """Save the current plan in one transaction; the plan id, or None when refused."""
        if self._record is None or self._learner_id is None or not self._record.is_current:
            return None
        try:
            record = self.collect()
            with self._database.session() as session:
                plan_id = plan_service.save_plan(session, self._learner_id, record, staff_id=self._staff_id)
        except ValidationFailed as exc:
            self.show_problems(exc.problems)
            return None
        except LbsDeskError as exc:
            show_error(self, _t("Could not save the plan"), exc)
            return None
        self.load(self._learner_id, plan_id)
        self.saved_label.setText(_t("Saved"))
        self.plan_saved.emit(self._learner_id)
        return plan_id

    def confirm_discard(self) -> bool:
        return keep_unsaved_changes_safe(self, _t("The plan has changes that are not saved. Save them now?"))

    # --- actions -------------------------------------------------------------------------------

    def ask_advance_stage(self) -> None:
        """One action with a confirmation: the learner enters the next stage on the date given."""
        timeline = self.timeline.timeline()
        if timeline is None or self._learner_id is None:
            return
        following = next_stage(timeline.current_stage)
        if following is None:
            return
        dialog = DateDialog(
            _t("Move to the next stage"),
            _t("Move %s from %s to %s? The date is the day the learner entered %s.")
            % (self._learner_name, stage_label(timeline.current_stage), stage_label(following), stage_label(following)),
            self, note_label=_t("Note (optional)"), ok_text=_t("Move to %s") % stage_label(following),
        )
        dialog.setObjectName("advanceStageDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.advance_stage(dialog.day(), dialog.note_text())

    def advance_stage(self, on: date, note: str | None = None) -> str | None:
        try:
            with self._database.session() as session:
                stage = plan_service.advance_stage(session, self._learner_id, on, note=note, staff_id=self._staff_id)
        except (ValidationFailed, LbsDeskError) as exc:
            show_error(self, _t("Could not move to the next stage"), exc)
            return None
        self._reload_keeping_edits()
        self.stage_changed.emit(self._learner_id, stage)
        return stage

    def _reload_keeping_edits(self) -> None:
        """Refresh the timeline and the stage; the plan form is reloaded only when nothing is unsaved."""
        if self._dirty:
            from lbsdesk.services.timeline import timeline_for

            with self._database.session() as session:
                timeline = timeline_for(session, self._learner_id)
            self.timeline.set_timeline(timeline, keep_view=True)
            self._show_stage(timeline)
        else:
            self.load(self._learner_id, self._record.id if self._record else None)

    def ask_record_review(self) -> None:
        if self._record is None or self._record.id is None:
            return
        changes = QLineEdit()
        changes.setObjectName("reviewChanges")
        changes.setPlaceholderText(_t("What changed in the plan (optional)"))
        dialog = DateDialog(_t("Record a plan review"), _t("The review of plan %d with the learner.") % self._record.number,
                            self, note_label=_t("Notes"), extra=changes, ok_text=_t("Record review"))
        dialog.setObjectName("recordReviewDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.record_review(dialog.day(), dialog.note_text(), _text_or_none(changes.text()))

    def record_review(self, on: date, notes: str | None = None, changes: str | None = None) -> bool:
        try:
            with self._database.session() as session:
                plan_service.record_review(session, self._record.id, on, notes=notes, changes=changes,
                                           staff_id=self._staff_id)
        except (ValidationFailed, LbsDeskError) as exc:
            show_error(self, _t("Could not record the review"), exc)
            return False
        self._reload_keeping_edits()
        return True

    def ask_start_new_plan(self) -> None:
        if not self.confirm_discard():
            return
        copy_box = QCheckBox(_t("Start from a copy of the current plan (text and unfinished milestones)"))
        copy_box.setObjectName("copyCurrentPlan")
        copy_box.setChecked(True)
        dialog = DateDialog(
            _t("Start a new plan"),
            _t("The current plan is kept as an earlier plan (read only) and a new plan starts on this date."),
            self, extra=copy_box, ok_text=_t("Start the new plan"),
        )
        dialog.setObjectName("newPlanDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.start_new_plan(dialog.day(), copy_box.isChecked())

    def start_new_plan(self, written: date, copy_current: bool = True) -> int | None:
        try:
            with self._database.session() as session:
                record = plan_service.start_new_plan(session, self._learner_id, written_date=written,
                                                     copy_current=copy_current, staff_id=self._staff_id)
        except (ValidationFailed, LbsDeskError) as exc:
            show_error(self, _t("Could not start a new plan"), exc)
            return None
        self._dirty = False
        self.load(self._learner_id, record.id)
        self.plan_saved.emit(self._learner_id)
        return record.id

    # --- printing ------------------------------------------------------------------------------

    def summary_pdf(self, copy: str = "both") -> bytes:
        """The printed plan summary (learner's copy, file copy or both) with the timeline picture."""
        from lbsdesk.services.plan_summary_printing import plan_summary_pdf
        from lbsdesk.ui.plan_timeline_widget import image_to_png

        png = None
        if self.timeline.timeline() is not None:
            png = image_to_png(self.timeline.render_to_image(820, None, scale=2.5))
        with self._database.session() as session:
            return plan_summary_pdf(session, self._learner_id, timeline_png=png, copies=copy)

    def print_summary(self) -> None:
        if self._learner_id is None:
            return
        if self._dirty and not self.confirm_discard():
            return
        name = (self._learner_name or "learner").replace(" ", "_")
        path, _filter = QFileDialog.getSaveFileName(
            self, _t("Save the plan summary"), f"plan_summary_{name}.pdf", _t("PDF files (*.pdf)")
        )
        if not path:
            return
        try:
            data = self.summary_pdf()
            with open(path, "wb") as handle:
                handle.write(data)
        except (LbsDeskError, OSError) as exc:
            show_error(self, _t("Could not save the plan summary"), exc)
            return
        self.saved_label.setText(_t("Plan summary saved"))


__all__ = ["LearnerPlanTab", "DateDialog", "show_error", "COL_COMPETENCY", "COL_LEVEL", "COL_STATUS", "COL_OUTCOME"]
