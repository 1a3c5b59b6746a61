"""Merge two files of the same person: choose the other file, choose which one to keep, confirm."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from lbsdesk.errors import LbsDeskError
from lbsdesk.services import learner_list
from lbsdesk.services import learners as learner_service
from lbsdesk.ui.form_widgets import code_label
from lbsdesk.domain.codes import GOAL_PATHS, PLAN_STAGES

MAX_CHOICES = 50


def _date(value) -> str:  # noqa: ANN001
    return value.isoformat() if value else ""


class _FileSummary(QGroupBox):
    """The few facts that tell two files apart."""

    FIELDS = ("learner_key", "name", "date_of_birth", "phone", "intake_date", "stage", "goal_path", "exit_date")

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        captions = (
            self.tr("Learner ID"), self.tr("Name"), self.tr("Date of birth"), self.tr("Phone"),
            self.tr("Intake date"), self.tr("Plan stage"), self.tr("Goal path"), self.tr("Exit date"),
        )
        self._values: dict[str, QLabel] = {}
        for row, (name, caption) in enumerate(zip(self.FIELDS, captions)):
            grid.addWidget(QLabel(caption), row, 0)
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(value, row, 1)
            self._values[name] = value
        self.keep = QRadioButton(self.tr("Keep this file"))
        grid.addWidget(self.keep, len(self.FIELDS), 0, 1, 2)
        grid.setColumnStretch(1, 1)

    def show_record(self, record) -> None:  # noqa: ANN001
        if record is None:
            for value in self._values.values():
                value.setText("—")
            return
        texts = {
            "learner_key": record.learner_key,
            "name": f"{record.first_name} {record.last_name}",
            "date_of_birth": _date(record.date_of_birth),
            "phone": record.phone or "",
            "intake_date": _date(record.intake_date),
            "stage": code_label(PLAN_STAGES, record.stage),
            "goal_path": code_label(GOAL_PATHS, record.goal_path),
            "exit_date": _date(record.exit_date),
        }
        for name, value in self._values.items():
            value.setText(texts[name] or "—")


class MergeDialog(QDialog):
    """Pick the second file of the same person and which one to keep; everything moves to the kept one."""

    def __init__(self, database, first_learner_id: int, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge two files of the same person"))
        self._database = database
        self._first_id = first_learner_id
        self._second_id: int | None = None
        self.kept_learner_id: int | None = None
        with database.session() as session:
            self._first = learner_service.load_learner(session, first_learner_id)
        self._second = None

        intro = QLabel(
            self.tr(
                "Use this when one person has two files. Every referral, note, plan, consent and "
                "inquiry of the file you do not keep moves to the one you keep; empty fields of the kept "
                "file are filled from the other. The other file then leaves the list."
            )
        )
        intro.setWordWrap(True)

        self.search = QLineEdit()
        self.search.setObjectName("mergeSearch")
        self.search.setPlaceholderText(self.tr("Find the other file: name, learner ID or phone"))
        self.search.setClearButtonEnabled(True)
        self.choices = QListWidget()
        self.choices.setObjectName("mergeChoices")
        self.choices.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.choices.setMaximumHeight(self.fontMetrics().height() * 7)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._search)
        self.search.textChanged.connect(self._timer.start)
        self.choices.currentItemChanged.connect(self._choice_changed)

        self.first_box = _FileSummary(self.tr("This file"))
        self.second_box = _FileSummary(self.tr("The other file"))
        self.first_box.show_record(self._first)
        self.second_box.show_record(None)
        self.first_box.keep.setChecked(True)
        self.second_box.keep.toggled.connect(self._update_button)

        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(self._merge)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)

        sides = QHBoxLayout()
        sides.addWidget(self.first_box, 1)
        sides.addWidget(self.second_box, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.choices)
        layout.addLayout(sides)
        layout.addLayout(buttons)
        self.resize(820, 620)
        self._update_button()

    def _search(self) -> None:
        self._timer.stop()
        self.choices.clear()
        text = self.search.text().strip()
        if not text:
            return
        with self._database.session() as session:
            ids = [i for i in learner_list.matching_learner_ids(session, learner_list.LearnerQuery(search=text)) if i != self._first_id]
            rows = learner_list.learner_rows(session, ids[:MAX_CHOICES])
        for row in rows:
            item = QListWidgetItem(f"{row.last_name}, {row.first_name}  —  {row.learner_key}  —  {row.phone or ''}".rstrip(" —"))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.choices.addItem(item)
        if len(ids) > MAX_CHOICES:
            more = QListWidgetItem(self.tr("… and %d more: type more of the name") % (len(ids) - MAX_CHOICES))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.choices.addItem(more)

    def choose_second(self, learner_id: int) -> None:
        with self._database.session() as session:
            self._second = learner_service.load_learner(session, learner_id)
        self._second_id = learner_id
        self.second_box.show_record(self._second)
        self._update_button()

    def _choice_changed(self, item) -> None:  # noqa: ANN001
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.choose_second(item.data(Qt.ItemDataRole.UserRole))

    def _update_button(self) -> None:
        self.merge_button.setEnabled(self._second_id is not None)

    def _keep_and_merge(self) -> tuple[int, int, object, object]:
        if self.second_box.keep.isChecked():
            return self._second_id, self._first_id, self._second, self._first
        return self._first_id, self._second_id, self._first, self._second

    def _merge(self) -> None:
        if self._second_id is None:
            return
        keep_id, merge_id, keep, gone = self._keep_and_merge()
        answer = QMessageBox.warning(
            self,
            self.tr("Merge these files?"),
            self.tr(
                "Keep %s (%s) and move everything from %s (%s) into it?\n\n"
                "The file %s will leave the list. This cannot be undone except by restoring a backup."
            )
            % (
                f"{keep.first_name} {keep.last_name}", keep.learner_key,
                f"{gone.first_name} {gone.last_name}", gone.learner_key, gone.learner_key,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self._database.session() as session:
                learner_service.merge_learners(session, keep_id, merge_id)
        except LbsDeskError as exc:
            QMessageBox.critical(self, self.tr("Could not merge"), str(exc))
            return
        self.kept_learner_id = keep_id
        self.accept()
