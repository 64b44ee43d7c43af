"""The Workshop panel: who takes part, who votes or rates now, how many dots each has and which card
kinds take them, the canvas mode (edit, lock, vote, rate), the capture line, and the ratings at the
selected stage or card. Every change to the map goes through an undo command."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cjm_editor.commands.cards import AddCard
from cjm_editor.commands.elements import AddElement
from cjm_editor.commands.removal import RemoveElements
from cjm_editor.commands.structure import EditMap, UpdateElement
from cjm_editor.model import Card, JourneyDocument
from cjm_editor.model.journey import CARD_KIND_FOR_LANE, CARD_KINDS, Participant, Workshop
from cjm_editor.model.vocabulary import KIND_LABELS
from cjm_editor.model.workshop import dots_left, rating_lines
from cjm_editor.ui.canvas.interactions import EDIT_MODE, LOCK_MODE, RATE_MODE, VOTE_MODE, Mode
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.headers import StageHeaderItem
from cjm_editor.ui.canvas.scene import JourneyScene

ID_ROLE = Qt.ItemDataRole.UserRole
MODES: tuple[tuple[str, Mode, str], ...] = (
    ("Edit", EDIT_MODE, "Everything can be changed"),
    ("Lock", LOCK_MODE, "Cards can change; stages and lanes stay as they are"),
    ("Vote", VOTE_MODE, "Click a card: a dot for the participant; right-click takes one back"),
    ("Rate", RATE_MODE, "Click in the emotion lane: the participant's score for the active persona"),
)


class WorkshopPanel(QWidget):
    """Bound to one scene at a time (`bind`); the window makes a new scene for each document."""

    present_requested = Signal()
    results_requested = Signal()

    def __init__(self, stack: QUndoStack, scene_of: Callable[[], JourneyScene]) -> None:
        super().__init__()
        self.stack, self._scene_of = stack, scene_of
        self._quiet = False
        self.people = QListWidget()
        self.people.setToolTip("Number keys 1–9 on the canvas choose the participant in that place")
        self.people.itemChanged.connect(self._renamed)
        self.people.currentItemChanged.connect(self._picked)
        add, remove = QPushButton("Add"), QPushButton("Remove")
        add.clicked.connect(self.add_participant)
        remove.clicked.connect(self.remove_participant)
        self.dots = QSpinBox()
        self.dots.setRange(1, 20)
        self.dots.setToolTip("Dots each participant may place")
        self.dots.editingFinished.connect(self._settings_changed)
        self.kinds: dict[str, QCheckBox] = {}
        kinds = QGridLayout()
        for i, kind in enumerate(CARD_KINDS):
            box = self.kinds[kind] = QCheckBox(KIND_LABELS.get(kind, kind))
            box.toggled.connect(self._settings_changed)
            kinds.addWidget(box, i // 2, i % 2)
        self.left = QLabel()
        self.mode_buttons = QButtonGroup(self)
        modes = QHBoxLayout()
        for i, (label, _mode, tip) in enumerate(MODES):
            button = QRadioButton(label)
            button.setToolTip(tip)
            self.mode_buttons.addButton(button, i)
            modes.addWidget(button)
        self.mode_buttons.idClicked.connect(self._mode_clicked)
        present, results = QPushButton("Present…"), QPushButton("Vote results…")
        present.clicked.connect(self.present_requested.emit)
        results.clicked.connect(self.results_requested.emit)
        self.cell_label = QLabel("Click a cell on the canvas to capture into it")
        self.cell_label.setWordWrap(True)
        self.capture = QLineEdit()
        self.capture.setPlaceholderText("Type a line, press Enter: a card in that cell")
        self.capture.returnPressed.connect(self.capture_line)
        self.ratings = QListWidget()
        self.ratings.setToolTip("Ratings at the selected stage or card")

        people_box = QGroupBox("Participants")
        pl = QVBoxLayout(people_box)
        pl.addWidget(self.people)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        pl.addLayout(row)
        pl.addWidget(self.left)
        vote_box = QGroupBox("Dot voting")
        form = QFormLayout(vote_box)
        form.addRow("Dots each", self.dots)
        form.addRow(kinds)
        mode_box = QGroupBox("Canvas")
        ml = QVBoxLayout(mode_box)
        ml.addLayout(modes)
        buttons = QHBoxLayout()
        buttons.addWidget(present)
        buttons.addWidget(results)
        ml.addLayout(buttons)
        capture_box = QGroupBox("Capture")
        cl = QVBoxLayout(capture_box)
        cl.addWidget(self.cell_label)
        cl.addWidget(self.capture)
        ratings_box = QGroupBox("Ratings here")
        QVBoxLayout(ratings_box).addWidget(self.ratings)
        layout = QVBoxLayout(self)
        for group in (mode_box, people_box, vote_box, capture_box, ratings_box):
            layout.addWidget(group)
        layout.addStretch(1)

    # ------------------------------------------------------------------ binding
    @property
    def scene(self) -> JourneyScene:
        return self._scene_of()

    @property
    def doc(self) -> JourneyDocument:
        return self.scene.doc

    def bind(self, scene: JourneyScene) -> None:
        """Follow a new scene (and its document)."""
        scene.doc.events.changed.connect(self.refresh)
        scene.workshop.participant_changed.connect(lambda _: self.refresh())
        scene.workshop.cell_changed.connect(lambda _: self._show_cell())
        scene.selectionChanged.connect(self._show_ratings)
        scene.mode_changed.connect(lambda _: self.refresh())
        self.refresh()
        self._show_cell()

    def refresh(self) -> None:
        scene, j = self.scene, self.scene.doc.journey
        self._quiet = True
        try:
            self.people.clear()
            for i, p in enumerate(j.participants):
                item = QListWidgetItem(p.name)
                item.setData(ID_ROLE, p.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(f"Key {i + 1} · {dots_left(j, p.id)} of {j.workshop.dots} dots left")
                self.people.addItem(item)
                if p.id == scene.workshop.participant:
                    self.people.setCurrentItem(item)
            self.dots.setValue(j.workshop.dots)
            for kind, box in self.kinds.items():
                box.setChecked(kind in j.workshop.votable)
            for i, (_label, mode, _tip) in enumerate(MODES):
                button = self.mode_buttons.button(i)
                if button is not None and mode is scene.mode:
                    button.setChecked(True)
            pid = scene.workshop.participant
            if pid is not None and scene.doc.has("participants", pid):
                name = scene.doc.get("participants", pid).name
                self.left.setText(f"Now: {name}, {dots_left(j, pid)} of {j.workshop.dots} dots left")
            else:
                self.left.setText("Now: nobody (pick a participant)")
        finally:
            self._quiet = False
        self._show_ratings()

    # ------------------------------------------------------------------ participants
    def add_participant(self) -> Participant:
        n = len(self.doc.journey.participants) + 1
        person = Participant(name=f"Participant {n}")
        command = AddElement(self.doc, "participants", person)
        self.stack.push(command)
        self.scene.workshop.set_participant(command.entity.id)
        return command.entity  # type: ignore[no-any-return]

    def remove_participant(self) -> None:
        item = self.people.currentItem()
        if item is None:
            return
        pid = item.data(ID_ROLE)
        self.stack.push(RemoveElements(self.doc, [pid], f"Remove participant “{item.text()}”"))
        if self.scene.workshop.participant == pid:
            self.scene.workshop.set_participant(None)

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._quiet:
            return
        pid, name = item.data(ID_ROLE), item.text().strip()
        if name and self.doc.has("participants", pid) and name != self.doc.get("participants", pid).name:
            self.stack.push(UpdateElement(self.doc, "participants", pid, f"Rename “{name}”", name=name))

    def _picked(self, item: QListWidgetItem | None) -> None:
        if not self._quiet and item is not None:
            self.scene.workshop.set_participant(item.data(ID_ROLE))

    # ------------------------------------------------------------------ settings and mode
    def _settings_changed(self) -> None:
        if self._quiet:
            return
        votable = tuple(k for k, box in self.kinds.items() if box.isChecked())
        wanted = Workshop(self.dots.value(), votable)
        if wanted != self.doc.journey.workshop:
            self.stack.push(EditMap(self.doc, "Voting settings", workshop=wanted))

    def _mode_clicked(self, index: int) -> None:
        self.set_mode(MODES[index][1])

    def set_mode(self, mode: Mode) -> None:
        self.scene.set_mode(mode)
        self.refresh()

    # ------------------------------------------------------------------ capture
    def _show_cell(self) -> None:
        cell = self.scene.workshop.cell
        doc = self.doc
        if cell is None or not (doc.has("stages", cell[0]) and doc.has("lanes", cell[1])):
            self.cell_label.setText("Click a cell on the canvas to capture into it")
            return
        self.cell_label.setText(f"Into: {doc.stage(cell[0]).name} · {doc.lane(cell[1]).name}")

    def capture_line(self) -> None:
        """The typed line becomes a card at the end of the chosen cell; the next line goes there too."""
        text = self.capture.text().strip()
        cell = self.scene.workshop.cell
        doc = self.doc
        if not text:
            return
        if cell is None or not (doc.has("stages", cell[0]) and doc.has("lanes", cell[1])):
            self.cell_label.setText("First click the cell the cards go to")
            return
        kind = CARD_KIND_FOR_LANE.get(doc.lane(cell[1]).kind, "note")
        self.stack.push(AddCard(doc, Card(cell[0], cell[1], kind, text), None))
        self.capture.clear()

    # ------------------------------------------------------------------ ratings here
    def _show_ratings(self) -> None:
        self.ratings.clear()
        try:
            selected = self.scene.selectedItems()
        except RuntimeError:  # the scene is being torn down
            return
        anchors = [("card", i.element_id) for i in selected if isinstance(i, CardItem)]
        anchors += [("stage", i.element_id) for i in selected if isinstance(i, StageHeaderItem)]
        if len(anchors) != 1:
            return
        kind, anchor = anchors[0]
        for line in rating_lines(self.doc.journey, kind, anchor):
            self.ratings.addItem(line)
