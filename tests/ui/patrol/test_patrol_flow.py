"""The patrol flow: real receiver logs through the filter, the window's start/pause/resume/finish,
a SIGKILL mid-patrol and the resume, GPX parsed back, change capture, a patrol left open for days.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

import geodesy
from fieldapp import patrol_rules, reference_data
from fieldapp.domain import clock
from fieldapp.domain.nmea import Fix, FixMode
from fieldapp.domain.patrol import TrackPoint, Verdict, filter_track
from fieldapp.gnss import LogReplay, PortLost
from fieldapp.store import database, patrols
from fieldapp.ui.app import make_app
from fieldapp.ui.labels import Labels
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.patrol import PatrolWindow

NMEA = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "nmea"
GPX = "{http://www.topografix.com/GPX/1/1}"
RULES = patrol_rules.load()


def _points(log: str) -> list[TrackPoint]:
    return [
        TrackPoint(i, f.time, f.lat, f.lon, f.eph_m)
        for i, f in enumerate(LogReplay(NMEA / log))
        if f.has_position and f.time is not None and f.lat is not None and f.lon is not None
    ]


def test_moving_receiver_track_is_kept_and_measured() -> None:
    points = _points("quectel-eg25-g.log")
    track = filter_track(points, RULES.track_filter)
    assert len(track.verdicts) == len(points) == 23
    assert track.count(Verdict.KEPT) >= 12
    assert track.count(Verdict.INACCURATE) >= 2  # the fixes of 58-78 m error after the outage
    assert 150 < track.distance_m() < 400  # it walks a couple of hundred metres
    raw = sum(geodesy.distance_m(a.lat, a.lon, b.lat, b.lon) for a, b in itertools.pairwise(points))
    assert track.distance_m() < raw * 0.6  # jitter and the jumps are not walked distance


def test_bt451_spike_is_never_counted() -> None:
    points = _points("bt451.log")
    track = filter_track(points, RULES.track_filter)
    assert track.verdicts[0] is Verdict.INACCURATE  # HDOP 99.99, 1.9 km error
    raw = sum(geodesy.distance_m(a.lat, a.lon, b.lat, b.lon) for a, b in itertools.pairwise(points))
    assert raw > 1900  # the log jumps almost 2 km between two fixes
    assert track.distance_m() < 100


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "profile.sqlite"
    database.open_profile(path).close()
    return path


@pytest.fixture
def lane() -> Iterator[BackgroundLane]:
    lane = BackgroundLane()
    yield lane
    lane.shutdown()


def _window(qtbot, profile: Path, lane: BackgroundLane, source, lang: str = "en") -> PatrolWindow:  # type: ignore[no-untyped-def]
    make_app(lang)
    w = PatrolWindow(
        database.open_profile(profile),
        lane,
        Labels(reference_data.load(), lang),
        "河长甲",
        "320612",
        source=source,
    )
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def gated(fixes: list[Fix], gate: threading.Event):  # type: ignore[no-untyped-def]
    """A source that holds its fixes until ``gate`` is set (the window reads its source from the
    moment it opens; these fixes are meant for a running patrol)."""

    def source():  # type: ignore[no-untyped-def]
        gate.wait(10)
        yield from fixes

    return source


def _close(qtbot, w: PatrolWindow, lane: BackgroundLane) -> None:  # type: ignore[no-untyped-def]
    w.shutdown()
    qtbot.waitUntil(lambda: not lane.busy, timeout=5000)
    w.writer.close()


def test_kill_mid_patrol_then_resume_loses_no_point(qtbot, profile: Path, lane) -> None:  # type: ignore[no-untyped-def]
    child = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("_record_child.py")),
            str(profile),
            str(NMEA / "quectel-eg25-g.log"),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout is not None
    saved, patrol_id = 0, None
    try:
        for line in child.stdout:
            if line.startswith("PATROL "):
                patrol_id = line.split()[1]
            if line.startswith("SAVED "):
                saved = int(line.split()[1])
                if saved >= 8:
                    break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert saved >= 8 and patrol_id
    conn = database.open_profile(profile)
    try:
        stored = patrols.open_patrol(conn, "河长甲")
    finally:
        conn.close()
    assert stored is not None and stored.id == patrol_id and stored.is_open
    assert len(stored.points) >= saved  # every point reported saved is there
    # Reopening the window resumes the same patrol and goes on numbering after the last point.
    fixes = [f for f in LogReplay(NMEA / "quectel-eg25-g.log") if f.has_position][:3]
    gate = threading.Event()
    w = _window(qtbot, profile, lane, gated(fixes, gate))
    qtbot.waitUntil(lambda: w.patrol is not None, timeout=5000)
    gate.set()
    qtbot.waitUntil(
        lambda: w.patrol is not None and w.committed >= len(stored.points) + 3, timeout=5000
    )
    assert w.patrol is not None and w.patrol.id == patrol_id
    assert w.patrol.is_open and w.state_label.text() == "Recording"
    seqs = [p.seq for p in w.patrol.points]
    assert seqs == sorted(set(seqs))
    _close(qtbot, w, lane)


def _fixes_along(lat: float, lon: float, n: int, step_m: float = 12.0) -> list[Fix]:
    """A walk east from (lat, lon), one fix a second, 4 m error, times at the computer's clock."""
    start = clock.now()
    out = []
    for i in range(n):
        out.append(
            Fix(
                time=start + timedelta(seconds=i),
                time_of_day=None,
                mode=FixMode.THREE_D,
                lat=lat,
                lon=lon + i * step_m / (111_320 * 0.848),
                hdop=0.8,
                eph_m=4.0,
            )
        )
    return out


def test_flow_pause_resume_problem_finish_gpx_and_capture(
    qtbot, profile: Path, lane, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    conn = database.open_profile(profile)
    with database.transaction(conn):  # an outfall 20 m off the path, one 500 m off
        for i, dlat in enumerate((20 / 110_574, 500 / 110_574)):
            conn.execute(
                "INSERT INTO outfalls (id, name, type_code, receiving_kind, basin, county_code, "
                "lat, lon, lifecycle_state, created_at, updated_at, local_code) VALUES "
                "(?, ?, 'other', 'river', 'huai', '320612', ?, ?, 'surveyed', 'x', 'x', ?)",
                (f"o{i}", f"排口{i}", 32.0 + dlat, 120.9 + 0.001, f"L{i}"),
            )
    before = conn.execute("SELECT max(seq) FROM change_log").fetchone()[0] or 0
    conn.close()
    fixes = _fixes_along(32.0, 120.9, 40)
    gate = threading.Event()
    w = _window(qtbot, profile, lane, gated(fixes, gate), lang="zh_CN")
    qtbot.waitUntil(
        lambda: "没有" in w.state_label.text() or "No" in w.state_label.text(), timeout=3000
    )
    w.start()
    qtbot.waitUntil(lambda: w.patrol is not None, timeout=3000)
    gate.set()
    qtbot.waitUntil(lambda: w.committed == 40, timeout=5000)
    w.pause()
    qtbot.waitUntil(lambda: w.patrol is not None and w.patrol.paused, timeout=3000)
    w.resume()
    qtbot.waitUntil(lambda: w.patrol is not None and not w.patrol.paused, timeout=3000)
    w.add_problem("排口有异味 <&>", [])
    qtbot.waitUntil(lambda: w.patrol is not None and len(w.patrol.problems) == 1, timeout=3000)
    w.finish()
    qtbot.waitUntil(lambda: w.patrol is not None and not w.patrol.is_open, timeout=5000)
    patrol = w.patrol
    assert patrol is not None
    assert [o.outfall_id for o in patrol.passed] == ["o0"]
    summary = patrol.summary(RULES)
    assert summary.distance_m == pytest.approx(39 * 12, rel=0.02)
    assert not summary.meets_rules  # 40 s and 470 m are under 10 min and 1 km
    # GPX 1.1, parsed back.
    out = tmp_path / "p.gpx"
    w.export_gpx(out)
    root = ET.parse(out).getroot()
    assert root.tag == f"{GPX}gpx" and root.get("version") == "1.1"
    pts = root.findall(f"{GPX}trk/{GPX}trkseg/{GPX}trkpt")
    assert len(pts) == summary.points_kept == 40
    assert float(pts[0].get("lat")) == pytest.approx(32.0) and pts[0].find(f"{GPX}time") is not None
    wpt = root.findall(f"{GPX}wpt")
    assert len(wpt) == 1 and wpt[0].findtext(f"{GPX}desc") == "排口有异味 <&>"
    _close(qtbot, w, lane)
    # Change capture: one change per written synced row; raw points are a local journal.
    conn = database.open_reader(profile)
    changes = conn.execute(
        "SELECT entity, count(*) FROM change_log WHERE seq > ? GROUP BY entity", (before,)
    ).fetchall()
    conn.close()
    # patrols: insert, pause, resume, finish (pauses closed + summary in the same transaction: 2)
    assert dict(changes) == {"patrols": 5, "patrol_problems": 1, "patrol_tracks": 1}


def test_receiver_drop_out_shows_a_message_and_recording_resumes(
    qtbot, profile: Path, lane
) -> None:  # type: ignore[no-untyped-def]
    fixes = _fixes_along(32.0, 120.9, 6)
    calls = {"n": 0}
    gate = threading.Event()

    def source():  # type: ignore[no-untyped-def]
        calls["n"] += 1
        gate.wait(10)
        if calls["n"] == 1:
            yield from fixes[:3]
            raise PortLost.for_source("/dev/ttyUSB0", "device reports readiness but no data")
        yield from fixes[3:]

    w = _window(qtbot, profile, lane, source)
    w._feed._retry_s = 0.05
    qtbot.waitUntil(lambda: "No patrol" in w.state_label.text(), timeout=3000)
    w.start()
    qtbot.waitUntil(lambda: w.patrol is not None, timeout=3000)
    gate.set()
    qtbot.waitUntil(lambda: w.committed == 6, timeout=5000)
    assert "recording resumed" in w.receiver_label.text() or "ended" in w.receiver_label.text()
    _close(qtbot, w, lane)


def test_patrol_left_open_for_days_is_finished_at_its_last_point(
    qtbot, profile: Path, lane
) -> None:  # type: ignore[no-untyped-def]
    conn = database.open_profile(profile)
    old = clock.now() - timedelta(days=3)
    p = patrols.start(
        conn, author="河长甲", county_code="320612", chief_level="village", river="", at=old
    )
    patrols.add_point(conn, p.id, TrackPoint(0, old + timedelta(minutes=5), 32.0, 120.9, 3.0))
    conn.close()
    w = _window(qtbot, profile, lane, lambda: iter(()))
    qtbot.waitUntil(lambda: w.patrol is not None, timeout=3000)
    assert w.patrol is not None and not w.patrol.is_open and w.patrol.closed_automatically
    assert w.patrol.ended_at is not None  # stored to the millisecond
    assert abs(w.patrol.ended_at - (old + timedelta(minutes=5))) < timedelta(milliseconds=1)
    assert "left open" in w.receiver_label.text()
    _close(qtbot, w, lane)


def test_a_patrol_started_for_a_task_carries_it_to_the_sync(qtbot, profile: Path, lane) -> None:  # type: ignore[no-untyped-def]
    fixes = _fixes_along(32.0, 120.9, 5)
    gate = threading.Event()
    w = _window(qtbot, profile, lane, gated(fixes, gate))
    qtbot.waitUntil(lambda: "No" in w.state_label.text(), timeout=3000)
    w.prepare_task("task-7", "新江海河 东段", "320623")
    assert w.river.text() == "新江海河 东段"
    w.start()
    qtbot.waitUntil(lambda: w.patrol is not None, timeout=3000)
    assert w.patrol is not None
    assert (w.patrol.task_id, w.patrol.county_code) == ("task-7", "320623")
    assert w.task_id is None  # answered: the next patrol is nobody's task
    gate.set()
    qtbot.waitUntil(lambda: w.committed == 5, timeout=5000)
    w.prepare_task("task-8", "别的河段", "320612")  # refused while this one records
    assert w.task_id is None and w.river.text() == "新江海河 东段"
    w.finish()
    qtbot.waitUntil(lambda: w.patrol is not None and not w.patrol.is_open, timeout=5000)
    _close(qtbot, w, lane)
    conn = database.open_reader(profile)
    (data,) = conn.execute(
        "SELECT data FROM change_log WHERE entity = 'patrols' ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    stored = patrols.get(conn, w.patrol.id)
    conn.close()
    pushed = json.loads(data)
    assert pushed["task_id"] == "task-7" and pushed["status"] == "complete"
    assert stored is not None and stored.task_id == "task-7"
