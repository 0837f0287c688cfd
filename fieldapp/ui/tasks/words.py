"""A task's kind and state in the user's language, for 我的任务 on the laptop and the desk's task
list alike (the words stay in the ``MyTasksWindow`` context of the ``tasks`` catalog)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.ui.formatting import local_time
from sync.client.state.tasks import MyTask
from sync.tasks import TaskKind, TaskState


def kind_text(kind: TaskKind) -> str:
    return {
        TaskKind.INSPECT: QCoreApplication.translate("MyTasksWindow", "Inspect outfalls"),
        TaskKind.VERIFY: QCoreApplication.translate("MyTasksWindow", "Verify a location"),
        TaskKind.RETEST: QCoreApplication.translate("MyTasksWindow", "Re-test"),
        TaskKind.PATROL: QCoreApplication.translate("MyTasksWindow", "Patrol a stretch"),
        TaskKind.RANDOM_INSPECTION: QCoreApplication.translate(
            "MyTasksWindow", "Random inspection (drawn)"
        ),
    }[kind]


def state_text(state: TaskState, overdue: bool) -> str:
    if overdue:
        return QCoreApplication.translate("MyTasksWindow", "Overdue")
    return {
        TaskState.OPEN: QCoreApplication.translate("MyTasksWindow", "Open"),
        TaskState.DONE: QCoreApplication.translate("MyTasksWindow", "Done"),
        TaskState.CANCELLED: QCoreApplication.translate("MyTasksWindow", "Cancelled"),
    }[state]


def details(task: MyTask) -> list[str]:
    """What a task asks, line by line (plain text): its kind, deadline, place, position, note
    and who assigned it."""
    lines = [kind_text(task.kind)]
    if task.due is not None:
        lines.append(
            QCoreApplication.translate("MyTasksWindow", "Deadline: %1").replace(
                "%1", local_time(task.due)
            )
        )
    if task.place:
        lines.append(
            QCoreApplication.translate("MyTasksWindow", "Place: %1").replace("%1", task.place)
        )
    if task.location is not None:
        lines.append(
            QCoreApplication.translate("MyTasksWindow", "Position: %1, %2")
            .replace("%1", f"{task.location[0]:.6f}")
            .replace("%2", f"{task.location[1]:.6f}")
        )
    if task.note:
        lines.append(task.note)
    if task.created_by:
        lines.append(
            QCoreApplication.translate("MyTasksWindow", "Assigned by %1").replace(
                "%1", task.created_by
            )
        )
    return lines


def outfall_name(name: str) -> str:
    return name or QCoreApplication.translate("MyTasksWindow", "Outfall not in this ledger")
