"""The progress view (fieldapp.ui.progress) on a real profile holding the known-answer ledger:
what it shows on a day, switching county, basin and date, the lists behind numbers, the reports,
and opening it from the main window."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import pytest

from assessment.testing import COUNTIES, STATES
from fieldapp import reference_data
from fieldapp.demo.known import write_known
from fieldapp.paths import DATA
from fieldapp.store import database, progress
from fieldapp.ui.app import make_app
from fieldapp.ui.labels import Labels
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.progress import ProgressSource, ProgressWindow
from fieldapp.ui.progress.report import MonthlyReport
from fieldapp.ui.session import Session, open_session
from fieldapp.ui.settings import AppSettings


@pytest.fixture(scope="module")
def known_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("known") / "profile.sqlite"
    conn = database.open_profile(path)
    write_known(conn)
    conn.close()
    return path


@pytest.fixture
def view(qtbot, known_path):
    make_app("en")
    ref = reference_data.load()
    rules = progress.load_rules(DATA / "milestones.json", frozenset(s.code for s in ref.states))
    writer = database.open_profile(known_path)
    reader = database.open_reader(known_path)
    lane = BackgroundLane()
    source = ProgressSource(
        lambda: progress.current_cube(writer, rules),
        lambda day, pick: progress.member_rows(reader, rules, day, pick),
    )
    window = ProgressWindow(lane, source, rules, Labels(ref, "en"), today=dt.date(2023, 12, 31))
    qtbot.addWidget(window)
    with qtbot.waitSignals([window.figures_shown, window.charts_shown], timeout=30_000):
        window.show()
    yield window
    lane.shutdown()
    writer.close()
    reader.close()


def _row_of(table, text: str) -> int:
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == text)


def test_the_day_s_figures_are_shown(view):
    total = sum(ci + si + 1 for ci in range(7) for si in range(10))
    assert view.cards["known"].text().endswith(str(total))
    row = _row_of(view.stages, "Qidong City")  # 320681, county index 4
    for si, _s in enumerate(STATES):
        assert view.stages.item(row, si + 2).text() == str(4 + si + 1)
    assert view.milestones.rowCount() == len(view.rules.milestones)


def test_switching_county_and_date_shows_that_county_then(view, qtbot):
    view.county.setCurrentIndex(view.county.findData("320613"))
    assert view.cards["known"].text().endswith(str(sum(1 + si + 1 for si in range(10))))
    with qtbot.waitSignal(view.figures_shown):
        view.as_of.setDate(dt.date(2023, 6, 30))
    row = _row_of(view.stages, "Chongchuan District")
    shown = {s: int(view.stages.item(row, i + 2).text()) for i, s in enumerate(STATES)}
    assert {s: n for s, n in shown.items() if n} == {
        "surveyed": 5, "monitored": 4, "traced": 5, "remediating": 6, "accepted": 15,
        "pre_closed": 9, "closed": 21,
    }  # fmt: skip
    # The basin narrows every figure: Huai outfalls are the even-numbered of each cell.
    view.basin.setCurrentIndex(view.basin.findData("huai"))
    huai = int(view.cards["known"].text().split("\n")[-1])
    assert huai == sum((1 + si + 1 + 1) // 2 for si in range(10))


def test_a_number_opens_the_outfalls_behind_it(view, qtbot):
    row = _row_of(view.stages, "Haimen District")  # 320614, county index 2
    column = 2 + STATES.index("closed")
    view.stages.cellClicked.emit(row, column)
    qtbot.waitUntil(lambda: len(view.dialogs) == 1, timeout=10_000)
    dialog = view.dialogs[0]
    assert dialog.model.rowCount() == 2 + 7 + 1
    assert {r.county_code for r in dialog.model.rows} == {"320614"}
    with qtbot.waitSignal(view.outfall_activated) as got:
        dialog.table.doubleClicked.emit(dialog.model.index(0, 0))
    assert got.args == [dialog.model.rows[0].id]
    # A click on a county's bar lists what is still to do there for the charted milestone.
    view.milestone.setCurrentIndex(0)
    index = view._bar_counties.index("320614")
    view.bars.bar_clicked.emit(index)
    qtbot.waitUntil(lambda: len(view.dialogs) == 2, timeout=10_000)
    result = view.progress.counties["320614"].milestones[0]
    assert view.dialogs[1].model.rowCount() == result.in_scope - result.done


def test_the_monthly_reports_hold_the_figures(view, tmp_path):
    ref = reference_data.load()
    report = MonthlyReport(view.cube, view.rules, Labels(ref, "zh_CN"), dt.date(2023, 12, 31), None)
    xlsx, pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    report.write_xlsx(xlsx)
    report.write_pdf(pdf)
    with zipfile.ZipFile(xlsx) as book:
        names = book.namelist()
        charts = [n for n in names if n.startswith("xl/charts/chart")]
        assert len(charts) == len(view.rules.milestones) + 1  # one per milestone and the trend
        strings = book.read("xl/sharedStrings.xml").decode()
    assert "海门区" in strings and "淮河流域入河排污口完成60%整治" in strings
    rows = report.milestone_rows()
    assert len(rows) == len(view.rules.milestones) * (len(COUNTIES) + 1)
    data = pdf.read_bytes()
    assert (
        data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") >= 3
    )
    county = MonthlyReport(
        view.cube, view.rules, Labels(ref, "en"), dt.date(2023, 12, 31), "320612"
    )
    assert {r[3] for r in county.milestone_rows()} == {"Tongzhou District"}


def test_the_main_window_opens_the_progress_view(qtbot, tmp_path, known_path):
    import shutil

    path = tmp_path / "p.sqlite"
    shutil.copyfile(known_path, path)
    make_app("en")
    settings = AppSettings(f"HekouTests-{os.getpid()}")
    session = open_session(path, "en", actor="测试员", settings=settings)
    assert isinstance(session, Session)
    qtbot.addWidget(session.window)
    try:
        session.window.actions_by_name["progress"].trigger()
        window = session.tools["progress"]
        assert isinstance(window, ProgressWindow)
        # Shown with its first figures (or after a short wait, saying it is counting).
        qtbot.waitUntil(window.isVisible, timeout=5_000)
        qtbot.waitUntil(lambda: window.progress is not None, timeout=30_000)
        first = _first_id(path)
        window.outfall_activated.emit(first)  # double-click in a list behind a number
        assert session.window.selected is not None and session.window.selected.id == first
    finally:
        session.close()


def _first_id(path: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT id FROM outfalls ORDER BY rid LIMIT 1").fetchone()[0])
    finally:
        conn.close()


def test_a_stale_cube_is_shown_at_once_and_replaced_when_counted(qtbot, tmp_path, known_path):
    import shutil

    path = tmp_path / "p.sqlite"
    shutil.copyfile(known_path, path)
    make_app("en")
    ref = reference_data.load()
    rules = progress.load_rules(DATA / "milestones.json", frozenset(s.code for s in ref.states))
    writer = database.open_profile(path)
    progress.current_cube(writer, rules)
    outfall = writer.execute(
        "SELECT id FROM outfalls WHERE lifecycle_state = 'surveyed'"
    ).fetchone()
    from fieldapp.store import outfalls

    outfalls.transition(writer, outfall[0], "monitor", ref, "tester")
    lane = BackgroundLane()
    source = ProgressSource(
        lambda: progress.current_cube(writer, rules),
        lambda day, pick: [],
        lambda: progress.stored_cube(writer, rules),
    )
    # The step is on today's date in China (tomorrow's from 16:00 UTC): the view shows tomorrow.
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    window = ProgressWindow(lane, source, rules, Labels(ref, "en"), today=tomorrow)
    qtbot.addWidget(window)
    shown: list[tuple[bool, int]] = []
    window.figures_shown.connect(
        lambda: shown.append((window.stale, window.progress.area.by_state.get("monitored", 0)))
    )
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=30_000)
    assert [s[0] for s in shown] == [True, False]
    assert shown[1][1] == shown[0][1] + 1  # the step taken since shows once counted again
    assert "counting again" not in window.status.text()
    lane.shutdown()
    writer.close()


def test_an_open_view_shows_a_step_taken_meanwhile(qtbot, tmp_path, known_path):
    """A step on the lifecycle while the view is open is counted (that outfall only) and shown
    within a second or so, without opening the view again."""
    import shutil

    from fieldapp.store import outfalls

    path = tmp_path / "p.sqlite"
    shutil.copyfile(known_path, path)
    make_app("en")
    ref = reference_data.load()
    rules = progress.load_rules(DATA / "milestones.json", frozenset(s.code for s in ref.states))
    writer = database.open_profile(path)
    lane = BackgroundLane()
    counted: list[progress.CubeRead] = []

    def load_cube() -> progress.CubeRead:
        counted.append(progress.current_cube(writer, rules))
        return counted[-1]

    source = ProgressSource(
        load_cube, lambda day, pick: [], has_changes=lambda: progress.pending(writer)
    )
    tomorrow = dt.date.today() + dt.timedelta(days=1)  # the step's day in China, from 16:00 UTC
    window = ProgressWindow(lane, source, rules, Labels(ref, "en"), today=tomorrow)
    qtbot.addWidget(window)
    with qtbot.waitSignals([window.figures_shown, window.charts_shown], timeout=30_000):
        window.show()
    before = window.progress.area.by_state.get("monitored", 0)
    surveyed = writer.execute(
        "SELECT id FROM outfalls WHERE lifecycle_state = 'surveyed' LIMIT 1"
    ).fetchone()[0]
    # The lane is the writer's only user: the step is taken there, as the app's edits are.
    lane.submit(lambda: outfalls.transition(writer, surveyed, "monitor", ref, "t"), print, print)
    qtbot.waitUntil(
        lambda: window.progress.area.by_state.get("monitored", 0) == before + 1, timeout=5_000
    )
    assert counted[-1].moved == 1 and not counted[-1].rebuilt
    assert window.trend is not None  # the charts follow
    lane.shutdown()
    writer.close()
