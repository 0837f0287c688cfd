"""The panel of one of the user's tasks tapped on the map: what it asks, by when (overdue said in
red), and the way to do it from there, as 我的任务 offers it (inspect the outfall the flag stands
on, or start the patrol)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.ui.tasks import words
from fieldapp.ui.tasks.window import OVERDUE, TOUCH
from sync.client.state.tasks import MyTask
from sync.tasks import TaskKind, TaskState


class TaskPanel(QWidget):
    """Shows one task at one place; ``inspection_requested(outfall id, task id)`` and
    ``patrol_requested(MyTask)`` start the work, ``closed()`` when the user puts it away."""

    inspection_requested = Signal(str, str)
    patrol_requested = Signal(object)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapTaskPanel")
        self.task: MyTask | None = None
        self.outfall_id: str | None = None
        self.heading = QLabel(self.tr("Task for you"), self)
        self.heading.setStyleSheet("font-weight: bold; font-size: 16px;")
        self.heading.setWordWrap(True)
        self.title = QLabel(self)
        self.title.setObjectName("mapTaskTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.state = QLabel(self)
        self.state.setObjectName("mapTaskState")
        self.state.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.inspect_button = QPushButton(self.tr("Inspect this outfall"), self)
        self.inspect_button.setObjectName("mapTaskInspect")
        self.patrol_button = QPushButton(self.tr("Start this patrol"), self)
        self.patrol_button.setObjectName("mapTaskPatrol")
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.inspect_button, self.patrol_button, self.close_button):
            button.setMinimumHeight(TOUCH)
        self.inspect_button.clicked.connect(self._inspect)
        self.patrol_button.clicked.connect(self._patrol)
        self.close_button.clicked.connect(self.closed.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.title, self.state, self.inspect_button,
                       self.patrol_button, self.details, self.close_button):  # fmt: skip
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_task(self, task: MyTask, outfall_id: str | None) -> None:
        """``task`` at the place tapped: ``outfall_id`` one of its outfalls, or None (its
        position)."""
        self.task, self.outfall_id = task, outfall_id
        self.title.setText(task.title)
        self.state.setText(words.state_text(task.state, task.overdue))
        self.state.setStyleSheet(f"color: {OVERDUE.name()}; font-weight: bold;" if task.overdue
                                 else "")  # fmt: skip
        names = {o.id: o.name for o in task.outfalls}
        lines = words.details(task)
        if outfall_id is not None:
            lines.insert(0, words.outfall_name(names.get(outfall_id, "")))
        self.details.setText("\n".join(lines))
        patrol = task.kind == TaskKind.PATROL
        open_ = task.state == TaskState.OPEN
        self.patrol_button.setVisible(patrol)
        self.patrol_button.setEnabled(patrol and open_)
        self.inspect_button.setVisible(not patrol and outfall_id is not None)
        self.inspect_button.setEnabled(open_ and bool(names.get(outfall_id or "")))

    def _inspect(self) -> None:
        if self.task is not None and self.outfall_id is not None:
            self.inspection_requested.emit(self.outfall_id, self.task.id)

    def _patrol(self) -> None:
        if self.task is not None:
            self.patrol_requested.emit(self.task)
