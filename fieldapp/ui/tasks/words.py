"""A task's kind and state in the user's language, for 我的任务 on the laptop and the desk's task
list alike (the words stay in the ``MyTasksWindow`` context of the ``tasks`` catalog)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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
