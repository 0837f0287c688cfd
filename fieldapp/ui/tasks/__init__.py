"""我的任务 (my tasks) on the laptop: the tasks a supervisor assigned to the signed-in user, open
and overdue first; an inspection opened from a task carries the task's id.

::

    tool = TasksTool(reader_conn, actor_of)       # reads sync.client.state.tasks.mine
    window = tool.open_window()                   # MyTasksWindow
    window.inspect_requested.connect(...)         # (outfall id, task id)
    window.outfall_activated.connect(...)         # outfall id: show it in the ledger / on the map
"""

from fieldapp.ui.tasks.tool import TasksTool
from fieldapp.ui.tasks.window import MyTasksWindow

__all__ = ["MyTasksWindow", "TasksTool"]
