"""File → Export handouts…: the options of `cjm export pdf`, a progress bar, and the export report."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cjm_editor.export.options import (
    DEFAULT_KIT,
    ORIENTATIONS,
    PAPERS,
    PART_TITLES,
    PARTS,
    KitOptions,
    OptionError,
)
from cjm_editor.export.report import ExportReport
from cjm_editor.formats.errors import SaveError
from cjm_editor.handouts import export_kit
from cjm_editor.model.journey import Journey, snapshot
from cjm_editor.model.vocabulary import counted


def open_file(path: str) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # an ExportReport, or the error message


class _Export(QRunnable):
    def __init__(self, journey: Journey, options: KitOptions, path: str, signals: _Signals) -> None:
        super().__init__()
        self.journey, self.options, self.path, self.signals = journey, options, path, signals

    def run(self) -> None:
        try:
            report = export_kit(self.journey, self.options, self.path, self.signals.progress.emit)
        except (OptionError, SaveError, OSError) as exc:
            self.signals.finished.emit(str(exc))
            return
        self.signals.finished.emit(report)


class ExportDialog(QDialog):
    """Pick the parts and paper, export in the background, then show what the report says."""

    def __init__(self, journey: Journey, map_path: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export handouts")
        self.journey = snapshot(journey)
        self.map_path = map_path
        self.open_file: Callable[[str], None] = open_file
        self.outcome: ExportReport | str | None = None
        self.parts: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, part in enumerate(PARTS):
            box = QCheckBox(PART_TITLES[part])
            box.setChecked(part in DEFAULT_KIT)
            self.parts[part] = box
            grid.addWidget(box, i // 2, i % 2)
        self.paper = QComboBox()
        self.paper.addItems(list(PAPERS))
        self.orientation = QComboBox()
        self.orientation.addItems([o.capitalize() for o in ORIENTATIONS])
        self.persona = QComboBox()
        self.persona.addItem("Every persona", None)
        for p in journey.personas:
            self.persona.addItem(p.name, p.id)
        self.blank = QCheckBox("Blank wall canvas of the grid instead of the kit")
        self.blank.toggled.connect(self._blank_toggled)
        self.grayscale = QCheckBox("Grayscale")
        self.poster_scale = QDoubleSpinBox()
        self.poster_scale.setRange(0.25, 4.0)
        self.poster_scale.setSingleStep(0.05)
        self.poster_scale.setValue(1.0)
        self.poster_scale.setToolTip("1: the poster's smallest text at 8 pt; 0.75: 6 pt on fewer sheets")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setToolTip("Printed on the cover; the same date gives the same file, byte for byte")
        self.author = QLineEdit()
        self.author.setPlaceholderText("the facilitator or team (PDF author field)")
        self.open_when_done = QCheckBox("Open the PDF when done")
        self.open_when_done.setChecked(True)
        suggestion = Path(map_path).with_suffix("").with_suffix("").name if map_path else journey.title
        folder = Path(map_path).parent if map_path else Path.home()
        if not os.access(folder, os.W_OK):  # e.g. the bundled sample
            folder = Path.home()
        self.path = QLineEdit(str(folder / f"{suggestion} handouts.pdf"))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow("Parts", grid)
        form.addRow("Paper", self.paper)
        form.addRow("Orientation", self.orientation)
        form.addRow("Persona", self.persona)
        form.addRow("", self.blank)
        form.addRow("", self.grayscale)
        form.addRow("Poster scale", self.poster_scale)
        form.addRow("Date", self.date)
        form.addRow("Author", self.author)
        form.addRow("Save as", where)
        form.addRow("", self.open_when_done)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)
        self._signals = _Signals()
        self._signals.progress.connect(self._progress)
        self._signals.finished.connect(self._finished)

    def _blank_toggled(self, on: bool) -> None:
        for box in self.parts.values():
            box.setEnabled(not on)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export handouts", self.path.text(), "PDF (*.pdf)")
        if path:
            self.path.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def options(self) -> KitOptions:
        return KitOptions(
            kit=tuple(p for p, box in self.parts.items() if box.isChecked()) or DEFAULT_KIT,
            paper=self.paper.currentText(),
            orientation=ORIENTATIONS[self.orientation.currentIndex()],
            persona=self.persona.currentData(),
            blank=self.blank.isChecked(),
            grayscale=self.grayscale.isChecked(),
            date=date(self.date.date().year(), self.date.date().month(), self.date.date().day()),
            author=self.author.text().strip(),
            source_path=self.map_path,
            poster_scale=self.poster_scale.value(),
        )

    def start(self) -> None:
        """Export in a worker thread; the dialog stays responsive and shows progress."""
        self.export_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.report.setVisible(False)
        job = _Export(self.journey, self.options(), os.path.expanduser(self.path.text()), self._signals)
        QThreadPool.globalInstance().start(job)

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"{PART_TITLES.get(what, what.capitalize())} (%v of %m)")

    def _finished(self, result: object) -> None:
        assert isinstance(result, ExportReport | str)
        self.outcome = result
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        self.report.setVisible(True)
        if isinstance(result, str):
            self.report.setPlainText(f"The handouts were not exported.\n\n{result}")
            return
        done = f"Exported {counted(result.pages, 'page')} to {self.path.text()}."
        if not result:
            self.report.setPlainText(done + "\nNothing was lost or cut.")
        else:  # the summary first, then every detail
            summary = "\n".join(f"• {line}" for line in result.summary())
            details = "\n".join(result.details())
            self.report.setPlainText(f"{done}\n\nIn short:\n{summary}\n\nDetails:\n{details}")
        if self.open_when_done.isChecked():
            self.open_file(os.path.expanduser(self.path.text()))
