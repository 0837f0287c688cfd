"""The 我的任务 window: the task list above, the selected task's outfalls and details below.

Shows what it is given (``show_tasks``) and says what the user asked for by signal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.formatting import local_time
from fieldapp.ui.tasks import words
from sync.client.state.tasks import MyTask
from sync.tasks import TaskKind, TaskState

TOUCH = 48
OVERDUE = QColor("#b3261e")


class MyTasksWindow(QWidget):
    inspect_requested = Signal(str, str)  # outfall id, task id
    patrol_requested = Signal(object)  # MyTask: a patrol-this-stretch task to record
    outfall_activated = Signal(str)  # outfall id: show it in the ledger
    refresh_requested = Signal()
    map_requested = Signal(str)  # task id: show its places on the map

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myTasks")
        self.setWindowTitle(self.tr("My tasks"))
        self.tasks: list[MyTask] = []
        self.summary = QLabel()
        self.summary.setObjectName("taskSummary")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setMinimumHeight(TOUCH)
        self.refresh_button.clicked.connect(self.refresh_requested.emit)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("taskTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("State"), self.tr("Task"), self.tr("Kind"), self.tr("Deadline")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(TOUCH)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)

        self.details = QLabel()
        self.details.setObjectName("taskDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.outfalls = QListWidget()
        self.outfalls.setObjectName("taskOutfalls")
        self.outfalls.setStyleSheet(f"QListWidget::item {{ min-height: {TOUCH}px; }}")
        self.outfalls.itemDoubleClicked.connect(lambda _item: self._inspect())
        self.outfalls.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.inspect_button = QPushButton(self.tr("Inspect this outfall"))
        self.inspect_button.setObjectName("inspectFromTask")
        self.inspect_button.setMinimumHeight(TOUCH)
        self.inspect_button.clicked.connect(self._inspect)
        self.patrol_button = QPushButton(self.tr("Start this patrol"))
        self.patrol_button.setObjectName("patrolFromTask")
        self.patrol_button.setMinimumHeight(TOUCH)
        self.patrol_button.clicked.connect(self._patrol)
        self.show_button = QPushButton(self.tr("Show in the ledger"))
        self.show_button.setMinimumHeight(TOUCH)
        self.show_button.clicked.connect(self._show)
        self.map_button = QPushButton(self.tr("Show on map"))
        self.map_button.setObjectName("taskOnMap")
        self.map_button.setMinimumHeight(TOUCH)
        self.map_button.clicked.connect(self._on_map)
        buttons = QHBoxLayout()
        buttons.addWidget(self.inspect_button)
        buttons.addWidget(self.patrol_button)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.map_button)
        buttons.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.details, 2)
        row.addWidget(self.outfalls, 3)
        lower_layout.addLayout(row, 1)
        lower_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    # -- words -----------------------------------------------------------------------------------
    def kind_text(self, kind: TaskKind) -> str:
        return words.kind_text(kind)

    def state_text(self, task: MyTask) -> str:
        return words.state_text(task.state, task.overdue)

    # -- showing ---------------------------------------------------------------------------------
    def show_tasks(self, tasks: list[MyTask]) -> None:
        """Show these tasks (in the order given), keeping the selected one selected."""
        keep = self.current()
        self.tasks = list(tasks)
        self.table.setRowCount(len(self.tasks))
        for row, task in enumerate(self.tasks):
            cells = [
                self.state_text(task),
                task.title,
                self.kind_text(task.kind),
                local_time(task.due, empty=self.tr("none")),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if task.overdue:
                    item.setForeground(QBrush(OVERDUE))
                elif task.state != TaskState.OPEN:
                    item.setForeground(QBrush(QColor("#6b6b6b")))
                self.table.setItem(row, column, item)
        open_count = sum(t.state == TaskState.OPEN for t in self.tasks)
        overdue = sum(t.overdue for t in self.tasks)
        text = self.tr("Open tasks: %1").replace("%1", str(open_count))
        if overdue:
            text += self.tr(", overdue: %1").replace("%1", str(overdue))
        self.summary.setText(text)
        rows = [i for i, t in enumerate(self.tasks) if keep is not None and t.id == keep.id]
        self.table.selectRow(rows[0] if rows else 0) if self.tasks else self._selected()

    def current(self) -> MyTask | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().selectedRows()
        if not selected or not (0 <= row < len(self.tasks)):
            return None
        return self.tasks[selected[0].row()]

    def _selected(self) -> None:
        task = self.current()
        self.outfalls.clear()
        if task is None:
            self.details.setText(self.tr("No task assigned to you."))
            self._update_buttons()
            return
        lines = [f"<b>{_escape(task.title)}</b>", *map(_escape, words.details(task))]
        self.details.setText("<br>".join(lines))
        for outfall in task.outfalls:
            item = QListWidgetItem(words.outfall_name(outfall.name))
            item.setData(Qt.ItemDataRole.UserRole, outfall.id)
            self.outfalls.addItem(item)
        if task.outfalls:
            self.outfalls.setCurrentRow(0)
        self._update_buttons()

    def _chosen_outfall(self) -> str | None:
        item = self.outfalls.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        task = self.current()
        item = self.outfalls.currentItem()
        known = item is not None and item.text() != words.outfall_name("")
        self.inspect_button.setEnabled(task is not None and task.state == TaskState.OPEN and known)
        patrol = task is not None and task.kind == TaskKind.PATROL
        self.patrol_button.setVisible(patrol)
        self.inspect_button.setVisible(not patrol)
        self.patrol_button.setEnabled(patrol and task is not None and task.state == TaskState.OPEN)
        self.show_button.setEnabled(known)
        placed = task is not None and (
            task.location is not None or any(o.name for o in task.outfalls)
        )
        self.map_button.setEnabled(placed and task is not None and task.state == TaskState.OPEN)

    def _inspect(self) -> None:
        task, outfall = self.current(), self._chosen_outfall()
        if task is not None and outfall is not None and self.inspect_button.isEnabled():
            self.inspect_requested.emit(outfall, task.id)

    def _patrol(self) -> None:
        task = self.current()
        if task is not None and self.patrol_button.isEnabled():
            self.patrol_requested.emit(task)

    def _on_map(self) -> None:
        task = self.current()
        if task is not None and self.map_button.isEnabled():
            self.map_requested.emit(task.id)

    def _show(self) -> None:
        outfall = self._chosen_outfall()
        if outfall is not None:
            self.outfall_activated.emit(outfall)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
