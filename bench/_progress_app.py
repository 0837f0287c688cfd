"""Child process of bench/progress.py: `python -m bench._progress_app MODE DB`; prints one JSON line.

rebuild   the cube rebuilt from every history (``rebuild_s``), then read back from the cache
          (``read_ms``, median of 5); ``change_ms``: one outfall's step on its lifecycle
          (then taken back) until the stored cube counts it (median); ``events`` in the profile
view      medians over repetitions, each in this process after a warm-up window:
          open_ms       creating the progress window until its first paint with the figures
          charts_ms     the same until the charts (built after that first paint) are painted
          bare_open_ms  the same for a bare QMainWindow holding an empty table
          county_ms     choosing another county until the window has repainted
          date_ms       choosing another day until the window has repainted
          repaint_ms    an update() of the window with nothing changed, until painted
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPEAT = 7


def _rules() -> tuple:
    from fieldapp import reference_data
    from fieldapp.paths import DATA
    from fieldapp.store import progress

    ref = reference_data.load()
    return ref, progress.load_rules(DATA / "milestones.json", frozenset(s.code for s in ref.states))


def rebuild(db: str) -> dict[str, float]:
    from fieldapp.store import database, progress

    _ref, rules = _rules()
    conn = database.open_profile(db)
    (events,) = conn.execute("SELECT count(*) FROM outfall_events").fetchone()
    read = progress.rebuild(conn, rules)
    reads = []
    for _ in range(5):
        t0 = time.perf_counter()
        cached = progress.cached_cube(conn, rules)
        reads.append(time.perf_counter() - t0)
        assert cached is not None
    # One outfall changes (a step on its lifecycle, then taken back): until the cube counts it.
    (outfall_id,) = conn.execute(
        "SELECT id FROM outfalls ORDER BY rid LIMIT 1 OFFSET 777"
    ).fetchone()
    steps = []
    for k in range(REPEAT):
        conn.execute(
            "INSERT INTO outfall_events (id, outfall_id, action, from_state, to_state, at, actor) "
            "VALUES ('bench-step', ?, 'bench', NULL, 'monitored', '2026-10-30T02:00:00Z', 'b')"
            if k % 2 == 0
            else "DELETE FROM outfall_events WHERE id = 'bench-step' AND outfall_id = ?",
            (outfall_id,),
        )
        conn.commit()
        t0 = time.perf_counter()
        moved = progress.current_cube(conn, rules)
        steps.append(time.perf_counter() - t0)
        assert moved.moved == 1 and not moved.rebuilt
    conn.execute("DELETE FROM outfall_events WHERE id = 'bench-step'")
    conn.commit()
    progress.current_cube(conn, rules)
    conn.close()
    return {
        "rebuild_s": read.seconds,
        "read_ms": statistics.median(reads) * 1000,
        "change_ms": statistics.median(steps) * 1000,
        "events": events,
    }


def view(db: str) -> dict[str, float]:
    from PySide6.QtCore import QDate, QEvent, QObject
    from PySide6.QtWidgets import QMainWindow, QTableWidget, QWidget

    from fieldapp.store import database, progress
    from fieldapp.ui.app import make_app
    from fieldapp.ui.labels import Labels
    from fieldapp.ui.lane import BackgroundLane
    from fieldapp.ui.progress import ProgressSource, ProgressWindow

    app = make_app("en")
    ref, rules = _rules()
    labels = Labels(ref, "en")
    conn = database.open_profile(db)
    lane = BackgroundLane()
    source = ProgressSource(  # as fieldapp.ui.progress.open_progress builds it
        lambda: progress.with_months(progress.current_cube(conn, rules)),
        lambda day, pick: progress.member_rows(conn, rules, day, pick),
        lambda: progress.with_months(progress.stored_cube(conn, rules)),
        lambda: progress.pending(conn),
    )

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.at: float | None = None
            self.ready = False

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.ready and self.at is None:
                self.at = time.perf_counter()
            return False

    def open_once() -> float:
        painted = Painted()
        t0 = time.perf_counter()
        window = ProgressWindow(lane, source, rules, labels, today=dt.date(2026, 10, 31))
        window.resize(1366, 768)
        window.figures_shown.connect(lambda: setattr(painted, "ready", True))
        window.installEventFilter(painted)
        for child in window.findChildren(QObject):
            child.installEventFilter(painted)
        window.present()  # as the app opens it: shown with its first figures
        while painted.at is None:
            app.processEvents()
        elapsed = painted.at - t0
        charted = Painted()  # then the charts, built after that first paint
        window.charts_shown.connect(lambda: setattr(charted, "ready", True))
        for w in (window, *window.findChildren(QObject)):
            w.installEventFilter(charted)
        while charted.at is None:
            app.processEvents()
        charts.append(charted.at - t0)
        while lane.busy:  # the current cube's read, after the stored one was shown
            app.processEvents()
        window.close()
        window.deleteLater()
        app.processEvents()
        return elapsed

    def bare_once() -> float:
        t0 = time.perf_counter()
        window = QMainWindow()
        window.setCentralWidget(QTableWidget(20, 12))
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        window.repaint()
        elapsed = time.perf_counter() - t0
        window.close()
        window.deleteLater()
        app.processEvents()
        return elapsed

    charts: list[float] = []
    open_once()  # warm-up: imports, the cube's first read, fonts
    bare_once()
    charts.clear()
    opened = [open_once() for _ in range(REPEAT)]
    bare = [bare_once() for _ in range(REPEAT)]

    window = ProgressWindow(lane, source, rules, labels, today=dt.date(2026, 10, 31))
    window.resize(1366, 768)
    window.show()
    while window.progress is None or window.trend is None or lane.busy:
        app.processEvents()
    app.processEvents()

    def timed(change: Callable[[], object]) -> float:
        painted = Painted()
        painted.ready = True
        watched = [window, *window.findChildren(QWidget)]
        for w in watched:
            w.installEventFilter(painted)
        t0 = time.perf_counter()
        change()
        # The charts lay out and the window paints through the event loop, as for a person.
        while painted.at is None:
            app.processEvents()
        app.processEvents()  # whatever the first paint left pending
        elapsed = time.perf_counter() - t0
        for w in watched:
            w.removeEventFilter(painted)
        return elapsed

    def choose_county(i: int) -> Callable[[], object]:
        return lambda: window.county.setCurrentIndex(i)

    def choose_day(day: str) -> Callable[[], object]:
        return lambda: window.as_of.setDate(QDate.fromString(day, "yyyy-MM-dd"))

    county = [timed(choose_county(i)) for i in range(1, window.county.count())]
    window.county.setCurrentIndex(0)
    days = ("2023-12-31", "2021-06-30", "2024-12-31", "2022-03-31", "2025-09-30", "2020-01-01",
            "2023-05-15", "2026-10-31")  # fmt: skip
    date = [timed(choose_day(d)) for d in days]
    repaint = [timed(window.update) for _ in range(REPEAT)]
    lane.shutdown()
    conn.close()
    return {
        "open_ms": statistics.median(opened) * 1000,
        "charts_ms": statistics.median(charts) * 1000,
        "bare_open_ms": statistics.median(bare) * 1000,
        "county_ms": statistics.median(county) * 1000,
        "date_ms": statistics.median(date) * 1000,
        "repaint_ms": statistics.median(repaint) * 1000,
        "open_all_ms": [round(x * 1000, 1) for x in opened],  # type: ignore[dict-item]
        "county_all_ms": [round(x * 1000, 1) for x in county],  # type: ignore[dict-item]
        "date_all_ms": [round(x * 1000, 1) for x in date],  # type: ignore[dict-item]
    }


if __name__ == "__main__":
    mode, db = sys.argv[1], sys.argv[2]
    print(json.dumps(rebuild(db) if mode == "rebuild" else view(db)))
