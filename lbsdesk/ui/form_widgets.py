"""Small building blocks shared by the forms: code combos, optional dates, yes/no answers, field errors."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QWidget

from lbsdesk.domain.codes import CodeList


def tr(text: str, context: str = "Forms") -> str:
    return QCoreApplication.translate(context, text)


def keep_unsaved_changes_safe(form, question: str) -> bool:  # noqa: ANN001 - a form with _dirty and save()
    """Before leaving ``form``: nothing unsaved, or the person chose Save (and it saved) or Discard.

    ``question`` names what has the changes ("This file has changes that are not saved. Save them
    now?"). True to go on; False to stay on the form (Cancel, or the save was refused).
    """
    if not form._dirty:
        return True
    answer = QMessageBox.question(
        form, tr("Unsaved changes"), question,
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if answer == QMessageBox.StandardButton.Save:
        return form.save() is not None
    if answer == QMessageBox.StandardButton.Discard:
        form._dirty = False
        return True
    return False


def code_label(code_list: CodeList, code: str | None) -> str:
    """The label a person reads for ``code``, translated."""
    label = code_list.label(code)
    return QCoreApplication.translate("codes", label) if label else ""


def fill_code_combo(combo: QComboBox, code_list: CodeList, empty_text: str | None = None) -> None:
    """Fill ``combo`` with the labels of ``code_list``, each carrying its code as item data."""
    combo.clear()
    if empty_text is not None:
        combo.addItem(empty_text, None)
    for code in code_list.codes:
        combo.addItem(code_label(code_list, code), code)


def combo_code(combo: QComboBox) -> str | None:
    return combo.currentData()


def set_combo_code(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    if index < 0 and code is not None:  # a code this version does not know: show it rather than lose it
        combo.addItem(code, code)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


class CodeCombo(QComboBox):
    """A combo over a code list, with an optional "not recorded" first item."""

    def __init__(self, code_list: CodeList, empty_text: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        fill_code_combo(self, code_list, empty_text)

    def code(self) -> str | None:
        return combo_code(self)

    def set_code(self, code: str | None) -> None:
        set_combo_code(self, code)


class YesNoCombo(QComboBox):
    """An answer that may be yes, no, or not recorded (None)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(tr("Not recorded"), None)
        self.addItem(tr("Yes"), True)
        self.addItem(tr("No"), False)

    def value(self) -> bool | None:
        return self.currentData()

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}[None if value is None else bool(value)])


def parse_date(text: str) -> date:
    """``YYYY-MM-DD`` (also with / or .); raises ValueError with a message naming the fix."""
    cleaned = text.strip().replace("/", "-").replace(".", "-")
    try:
        year, month, day = (int(part) for part in cleaned.split("-"))
        return date(year, month, day)
    except (ValueError, TypeError):
        raise ValueError(tr("'%s' is not a date: write it as YYYY-MM-DD, e.g. 2026-09-14") % text.strip()) from None


class DateField(QLineEdit):
    """An optional date typed as YYYY-MM-DD (empty means no date)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(tr("YYYY-MM-DD"))
        self.setMaxLength(10)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 40)

    def date_value(self) -> date | None:
        """The date, None when empty; raises ValueError for text that is not a date."""
        if not self.text().strip():
            return None
        return parse_date(self.text())

    def set_date_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")


class FieldError(QLabel):
    """The message under a field naming what is wrong and how to fix it; hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, message: str | None) -> None:
        if message:
            self.setText(message)
            self.show()
        else:
            self.clear()
            self.hide()
