"""A form of fields for one entity; each finished edit is reported as (field, value) for one command."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from cjm_editor.ui.panels.numbers import format_number, parse_number

INVALID_STYLE = "QLineEdit { border: 2px solid #c62828; background: #fdecea; color: #1f2933; }"


@dataclass(frozen=True, slots=True)
class Field:
    """`kind`: line, text, number, int, list, optional (empty = None), choice, check, personas, label."""

    name: str
    label: str
    kind: str = "line"
    tip: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for "choice"
    only_for: tuple[str, ...] = ()  # card kinds the field belongs to; empty: every kind


class _PlainText(QPlainTextEdit):
    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.editing_finished.emit()


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


class FieldForm(QWidget):
    """Shows an entity's fields; `edited(name, value)` fires when the user finishes changing one."""

    edited = Signal(str, object)

    def __init__(self, fields: Iterable[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self._widgets: dict[str, QWidget] = {}
        self._values: dict[str, Any] = {}
        self.units: dict[str, str] = {}  # the unit typed after a number ("%" in "38%"), by field
        self._filling = False
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for f in self.fields:
            widget = self._make(f)
            widget.setToolTip(f.tip)
            widget.setObjectName(f.name)
            self._widgets[f.name] = widget
            self.layout_.addRow(f.label, widget)

    def widget(self, name: str) -> QWidget:
        return self._widgets[name]

    def _make(self, f: Field) -> QWidget:
        report: Callable[[], None] = lambda: self._report(f)  # noqa: E731
        if f.kind == "text":
            plain = _PlainText()
            plain.setTabChangesFocus(True)
            plain.setFixedHeight(70)
            plain.editing_finished.connect(report)
            return plain
        w: QWidget
        if f.kind == "int":
            w = QSpinBox()
            w.setRange(0, 9999)
            w.valueChanged.connect(report)
        elif f.kind == "choice":
            w = QComboBox()
            for value, label in f.choices:
                w.addItem(label, value)
            w.activated.connect(report)
        elif f.kind == "check":
            w = QCheckBox()
            w.toggled.connect(report)
        elif f.kind == "personas":
            w = QListWidget()
            w.setFixedHeight(70)
            w.itemChanged.connect(report)
        elif f.kind == "label":
            w = QLabel()
            w.setWordWrap(True)
        else:
            w = QLineEdit()
            if f.kind == "number":
                w.setPlaceholderText("none")
            elif f.kind == "list":
                w.setPlaceholderText("comma, separated")
            w.editingFinished.connect(report)
        return w

    def set_choices(self, name: str, choices: Iterable[tuple[str, str]]) -> None:
        """Replace the options of a choice field or the items of a personas field."""
        w = self._widgets[name]
        self._filling = True
        try:
            if isinstance(w, QComboBox):
                w.clear()
                for value, label in choices:
                    w.addItem(label, value)
            elif isinstance(w, QListWidget):
                w.clear()
                for value, label in choices:
                    item = QListWidgetItem(label)
                    item.setData(Qt.ItemDataRole.UserRole, value)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked)
                    w.addItem(item)
        finally:
            self._filling = False

    def set_int_range(self, name: str, low: int, high: int) -> None:
        w = self._widgets[name]
        assert isinstance(w, QSpinBox)
        self._filling = True
        w.setRange(low, high)
        self._filling = False

    def fill(self, entity: Any, card_kind: str = "") -> None:
        """Show the entity's values (and only the fields of its card kind)."""
        self._filling = True
        try:
            for f in self.fields:
                visible = not f.only_for or card_kind in f.only_for
                self.layout_.setRowVisible(self._widgets[f.name], visible)
                value = getattr(entity, f.name)
                self._values[f.name] = value
                self._show(f, value)
        finally:
            self._filling = False

    def _show(self, f: Field, value: Any) -> None:
        w = self._widgets[f.name]
        if isinstance(w, _PlainText):
            if w.toPlainText() != value:
                w.setPlainText(value)
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(value)))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                checked = item.data(Qt.ItemDataRole.UserRole) in value
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        elif isinstance(w, QLabel):
            w.setText(str(value))
        elif isinstance(w, QLineEdit):
            if f.kind == "list":
                text = ", ".join(value)
            elif f.kind == "number":
                text = format_number(value)
                self._mark_invalid(f, w, "")
            else:
                text = value or ""
            if w.text() != text:
                w.setText(text)
                w.setCursorPosition(0)  # show a long title from its start, as a reader begins it

    def _read(self, f: Field) -> Any:
        w = self._widgets[f.name]
        if isinstance(w, _PlainText):
            return w.toPlainText()
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QListWidget):
            return tuple(
                w.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(w.count())
                if w.item(i).checkState() == Qt.CheckState.Checked
            )
        assert isinstance(w, QLineEdit)
        text = w.text()
        if f.kind == "list":
            return _split(text)
        if f.kind == "number":
            try:
                number, self.units[f.name] = parse_number(text)
            except ValueError as exc:
                self._mark_invalid(f, w, f"{exc}: type a number such as 1,200 or 38% (empty for none)")
                return self._values.get(f.name)
            self._mark_invalid(f, w, "")
            return number
        if f.kind == "optional":
            return text.strip() or None
        return text

    def is_invalid(self, name: str) -> bool:
        """Whether the field shows text that could not be read (it keeps the last good value)."""
        return bool(self._widgets[name].property("invalid"))

    @staticmethod
    def _mark_invalid(f: Field, w: QWidget, problem: str) -> None:
        w.setProperty("invalid", bool(problem))
        w.setStyleSheet(INVALID_STYLE if problem else "")
        w.setToolTip(problem or f.tip)

    def _report(self, f: Field) -> None:
        if self._filling:
            return
        value = self._read(f)
        if f.name == "title" or f.name == "name":
            value = value.strip()
            if not value:  # a title cannot be emptied: show the old one again
                self._show(f, self._values.get(f.name))
                return
        if value != self._values.get(f.name):
            self._values[f.name] = value
            self.edited.emit(f.name, value)
