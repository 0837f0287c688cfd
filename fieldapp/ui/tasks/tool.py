"""The session's 我的任务 tool: reads the user's tasks (``sync.client.state.tasks``) from a reader
connection and shows them in ``MyTasksWindow``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

from fieldapp.domain import clock
from fieldapp.ui.tasks.window import MyTasksWindow
from sync.client.state import tasks


class TasksTool:
    def __init__(
        self,
        reader: sqlite3.Connection,
        actor: Callable[[], str],
        now: Callable[[], datetime] = clock.now,
    ) -> None:
        self.reader = reader
        self.actor = actor
        self.now = now
        self.window = MyTasksWindow()
        self.window.refresh_requested.connect(self.refresh)

    def refresh(self) -> None:
        self.window.show_tasks(tasks.mine(self.reader, self.actor(), self.now()))

    def open_window(self) -> MyTasksWindow:
        self.refresh()
        return self.window

    def close(self) -> None:
        self.window.close()
        self.reader.close()
