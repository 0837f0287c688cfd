"""The desk's task list (任务): every task of the supervisor's area from the server, the overdue
first and in red, filtered by state; the chosen task's details (assignees, place, what closed it,
where it came from: a complaint, a lead, a draw) and cancelling an open task with a reason. Tasks
are made from the ledger (the 监管 menu), from leads and complaints; this tab follows them."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui import fact_list
from fieldapp.ui import formatting as fmt
from fieldapp.ui.tasks import words
from sync.client.errors import LocalCode, message
from sync.client.review import DeskError
from sync.task_protocol import TaskList, TaskView
from sync.tasks import TaskKind, TaskState

TOUCH = 44


class DeskTasksPane(QWidget):
    loaded = Signal(int)  # how many open tasks are overdue

    def __init__(self, lanes: Any, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskTasks")
        self.lanes, self.lang = lanes, lang
        self.tasks: list[TaskView] = []
        self.dialog: Any = None
        self.show_state = QComboBox()
        for text, value in ((self.tr("Open"), "open"), (self.tr("Overdue"), "overdue"),
                            (self.tr("Done"), "done"), (self.tr("Cancelled"), "cancelled"),
                            (self.tr("All"), "")):  # fmt: skip
            self.show_state.addItem(text, value)
        self.show_state.setMinimumHeight(TOUCH)
        self.show_state.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel()
        self.summary.setObjectName("deskTasksSummary")
        self.cancel_button = QPushButton(self.tr("Cancel task…"))
        self.cancel_button.setObjectName("cancelTask")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        for b in (self.cancel_button, self.refresh_button):
            b.setMinimumHeight(TOUCH)
        self.cancel_button.clicked.connect(self.cancel_current)
        self.refresh_button.clicked.connect(self.refresh)
        self.table = fact_list.list_table(
            "deskTaskTable",
            [self.tr("State"), self.tr("Task"), self.tr("Kind"), self.tr("Assigned to"),
             self.tr("Deadline")],
            1,
        )  # fmt: skip
        self.table.itemSelectionChanged.connect(self._selected)
        self.details = fact_list.details_label("deskTaskDetails")
        top = QHBoxLayout()
        top.addWidget(self.show_state)
        top.addWidget(self.summary, 1)
        top.addWidget(self.cancel_button)
        top.addWidget(self.refresh_button)
        split = fact_list.side_by_side(self.table, self.details)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self._selected()

    # -- words ----------------------------------------------------------------------------------
    def kind_text(self, kind: TaskKind) -> str:
        return words.kind_text(kind)

    def state_text(self, task: TaskView) -> str:
        return words.state_text(task.state, task.overdue)

    def source_text(self, source: dict[str, Any] | None) -> str:
        kind = (source or {}).get("kind")
        return {
            "complaint": self.tr("a complaint"),
            "lead": self.tr("an aerial-survey lead"),
            "draw": self.tr("a random draw"),
        }.get(str(kind), self.tr("the desk or the ledger"))

    def tab_title(self, overdue: int) -> str:
        """Short, so the desk's seven tabs fit a 150% laptop; the tab's tooltip says more."""
        if overdue:
            return self.tr("Tasks (%1)").replace("%1", str(overdue))
        return self.tr("Tasks")

    def tab_tip(self, overdue: int) -> str:
        return self.tr("%1 tasks overdue").replace("%1", str(overdue)) if overdue else ""

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        choice = self.show_state.currentData()
        filters: dict[str, Any] = {"limit": 500}
        if choice == "overdue":
            filters["overdue"] = True
        elif choice:
            filters["state"] = choice
        self.summary.setText(self.tr("Loading tasks…"))
        self.lanes.run(lambda c: c.tasks(**filters), self.show_tasks, self._failed)

    def show_tasks(self, found: TaskList) -> None:
        keep = self.current()
        # the overdue first, then by deadline (none last): what needs chasing on top
        self.tasks = sorted(
            found.tasks,
            key=lambda t: (not t.overdue, t.due is None, t.due.timestamp() if t.due else 0.0),
        )
        fact_list.fill(
            self.table,
            [[self.state_text(t), t.title, self.kind_text(t.kind), "、".join(t.assignees),
              fmt.local_time(t.due.isoformat()) if t.due else "—"] for t in self.tasks],
            [t.overdue for t in self.tasks],
        )  # fmt: skip
        overdue = sum(1 for t in self.tasks if t.overdue)
        self.summary.setText(
            self.tr("%1 tasks, %2 overdue")
            .replace("%1", str(found.total))
            .replace("%2", str(overdue))
        )
        fact_list.choose_again(
            self.table, [t.id for t in self.tasks], None if keep is None else keep.id
        )
        self._selected()
        self.loaded.emit(overdue)

    def current(self) -> TaskView | None:
        row = fact_list.chosen(self.table, len(self.tasks))
        return None if row is None else self.tasks[row]

    def _selected(self) -> None:
        t = self.current()
        self.cancel_button.setEnabled(t is not None and t.state == TaskState.OPEN)
        if t is None:
            self.details.setText(self.tr("Choose a task to see it."))
            return
        e = html.escape
        closed = ""
        if t.closed_by:
            closed = self.tr("by the record %1").replace("%1", str(t.closed_by.get("id", "")))
        rows = [
            (self.tr("Task"), e(t.title)),
            (self.tr("Kind"), e(self.kind_text(t.kind))),
            (self.tr("State"), e(" ".join(x for x in (self.state_text(t), closed) if x))),
            (self.tr("Assigned to"), e("、".join(t.assignees) or self.tr("anyone of the county"))),
            (self.tr("Place"), e(t.place or "—")),
            (self.tr("Outfalls"), str(len(t.outfall_ids))),
            (self.tr("From"), e(self.source_text(t.source))),
            (self.tr("Assigned by"), e(t.created_by)),
            (self.tr("Note"), e(t.note or t.cancel_reason or "—")),
        ]
        self.details.setText(fact_list.facts_html(rows))

    def _failed(self, error: Exception) -> None:
        code = error.code if isinstance(error, DeskError) else LocalCode.SERVER_BUSY
        self.summary.setText(message(code, self.lang))

    # -- actions --------------------------------------------------------------------------------
    def cancel_current(self) -> Any:
        from fieldapp.ui.review.dialogs import ReasonDialog

        t = self.current()
        if t is None or not self.cancel_button.isEnabled():
            return None
        dialog = ReasonDialog(self.tr("Cancel task"),
                              self.tr("Why is “%1” no longer needed?").replace("%1", t.title),
                              False, parent=self)  # fmt: skip
        task_id = t.id

        def send() -> None:
            reason = str(dialog.values()["reason"])
            self.lanes.run(lambda c: c.cancel_task(task_id, reason), lambda _v: self.refresh(),
                           self._failed)  # fmt: skip

        dialog.accepted.connect(send)
        self.dialog = dialog
        dialog.open()
        return dialog
