"""A patrol opened from 我的记录 is that patrol: a finished one in a window of its own showing its
track and summary with nothing to record; the unfinished one in the recording window."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fieldapp import patrol_rules
from fieldapp.domain import clock
from fieldapp.domain.patrol import TrackPoint
from fieldapp.store import database, patrols
from fieldapp.ui.patrol import PatrolWindow
from fieldapp.ui.session import Session


def test_a_finished_patrol_opens_as_itself_and_the_running_one_resumes(
    qtbot, profile: Path, en_session: Session, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    conn = database.open_profile(profile)
    t0 = clock.now() - timedelta(days=2)
    who = en_session.actor
    done = patrols.start(conn, author=who, county_code="320612", chief_level="village",
                         river="通吕运河", at=t0)  # fmt: skip
    for i in range(6):
        point = TrackPoint(i, t0 + timedelta(minutes=4 * i), 32.0 + 0.002 * i, 120.9, 3.0)
        patrols.add_point(conn, done.id, point)
    patrols.finish(conn, done.id, patrol_rules.load(), t0 + timedelta(minutes=30))
    running = patrols.start(conn, author=who, county_code="320612", chief_level="village",
                            river="新江海河")  # fmt: skip
    conn.close()

    shown = en_session.open_record("patrols", done.id)
    assert isinstance(shown, PatrolWindow) and shown.viewing
    qtbot.addWidget(shown)
    assert shown.patrol is not None and shown.patrol.id == done.id
    assert shown.river.text() == "通吕运河" and not shown.river.isEnabled()
    for control in (shown.start_button, shown.finish_button, shown.problem_button,
                    shown.source_button):  # fmt: skip
        assert control.isHidden()
    assert "Distance" in shown.stats_label.text() and "Patrol finished" in shown.state_label.text()
    assert shown.export_button.isEnabled()  # its GPX can still be saved
    assert shown.gpx_text().count("<trkpt") == 6
    centre_lat, _lon = shown.map.center_lat_lon()  # the map shows the track, not the last point
    assert abs(centre_lat - (32.0 + 0.005)) < 1e-6
    shown.grab().save(str(tmp_path / "patrol_record_en.png"))

    recording = en_session.open_record("patrols", running.id)
    assert isinstance(recording, PatrolWindow) and not recording.viewing
    assert recording is not shown and en_session.tools["patrol"] is recording
    qtbot.waitUntil(lambda: recording.patrol is not None, timeout=5000)
    assert recording.patrol is not None and recording.patrol.id == running.id
