"""案卷: the case history of one outfall (inspections, decisions, lifecycle steps, proposals,
tasks, leads, patrol problems, each with who, when and its photos), on the laptop and the desk.

::

    window = HistoryWindow(read_conn, labels.state, thumbnail)   # the laptop's profile
    window.show_outfall(outfall_id, "32061200001 新华村东侧排口")
    window.record_requested.connect(...)                          # (entity, record id)
    view = HistoryView(labels.state, thumbnail)                    # the desk: entries from the server
    view.set_history(heading, entries)
"""

from fieldapp.ui.casework.history_view import HistoryView
from fieldapp.ui.casework.window import HistoryWindow

__all__ = ["HistoryView", "HistoryWindow"]
