"""考核进度: progress against the plan's milestones, for supervisors and leaders, offline on what
the device holds.

- ``ProgressWindow`` (``window``): per county and basin, counts by stage, each milestone against
  its target line, overdue plans, signs, inspections, a county chart and the stage trend, for any
  day; every number opens the outfalls behind it (``members.MembersDialog``).
- ``charts``: the two Qt Charts views (PySide6-Addons' QtCharts).
- ``report.MonthlyReport``: the monthly report of a county or the city, XLSX and PDF.
- ``open_progress(session)``: builds the window for an open profile.
"""

from __future__ import annotations

from typing import Any

from fieldapp.ui.progress.window import ProgressSource, ProgressWindow

__all__ = ["ProgressSource", "ProgressWindow", "open_progress"]


def open_progress(session: Any) -> ProgressWindow:
    """The progress window over the session's profile (its cube read, and brought up to date,
    on the lane)."""
    from fieldapp.paths import DATA
    from fieldapp.store import database, progress

    ref = session.labels.ref
    rules = progress.load_rules(DATA / "milestones.json", frozenset(s.code for s in ref.states))
    writer = session.writer
    reader = database.open_reader(session.path)  # the lists behind numbers; used on the lane only

    source = ProgressSource(
        load_cube=lambda: progress.with_months(progress.current_cube(writer, rules)),
        load_members=lambda day, pick: progress.member_rows(reader, rules, day, pick),
        load_stored=lambda: progress.with_months(progress.stored_cube(writer, rules)),
        has_changes=lambda: progress.pending(writer),
    )
    window = ProgressWindow(session.lane, source, rules, session.labels)
    window.outfall_activated.connect(session.window.reveal_outfall)
    session._closers.append(reader.close)
    return window
