"""The patrol window and its position source, on the real window with a real receiver log served
over TCP on loopback as the receiver: the map follows the position and shows the marker with its
accuracy circle, the nearby outfalls are listed, dragging the map stops following and the Follow
button brings it back; a patrol cannot start without a position source (message in both
languages, a source can be chosen); a receiver in simulation mode is shown as such and never
recorded."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

import geodesy
from fieldapp import reference_data
from fieldapp.domain.nmea import Sentence, parse_fixes, parse_sentence, with_checksum
from fieldapp.store import database, patrols
from fieldapp.store.map_points import MapReader
from fieldapp.ui.app import make_app
from fieldapp.ui.labels import Labels
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.patrol import PatrolWindow
from fieldapp.ui.patrol.source_dialog import SourceDialog

from ...gnss.nmea_server import NmeaServer

NMEA = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "nmea"
WALK = NMEA / "quectel-eg25-g.log"  # a receiver carried a couple of hundred metres
WALK_FIXES = [f for f in parse_fixes(WALK.read_bytes())[0] if f.has_position]
START = WALK_FIXES[0]


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    """Outfalls along the walk: one 30 m from where it starts, one 2 km away."""
    path = tmp_path / "profile.sqlite"
    conn = database.open_profile(path)
    assert START.lat is not None and START.lon is not None
    with database.transaction(conn):
        for i, dlat in enumerate((30 / 110_574, 2000 / 110_574)):
            conn.execute(
                "INSERT INTO outfalls (id, name, type_code, receiving_kind, basin, county_code, "
                "lat, lon, lifecycle_state, created_at, updated_at, local_code) VALUES "
                "(?, ?, 'other', 'river', 'huai', '320612', ?, ?, 'surveyed', 'x', 'x', ?)",
                (f"o{i}", f"排口{i}", START.lat + dlat, START.lon, f"NT12-2020-0000{i}"),
            )
    conn.close()
    return path


@pytest.fixture
def lane() -> Iterator[BackgroundLane]:
    lane = BackgroundLane()
    yield lane
    lane.shutdown()


@pytest.fixture
def reader(profile: Path) -> Iterator[MapReader]:
    r = MapReader(database.open_reader(profile))
    yield r
    r.close()


def open_window(qtbot, profile, lane, reader, source, lang: str = "en") -> PatrolWindow:  # type: ignore[no-untyped-def]
    make_app(lang)
    w = PatrolWindow(
        database.open_profile(profile),
        lane,
        Labels(reference_data.load(), lang),
        "河长甲",
        "320612",
        source=source,
        reader=reader,
    )
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def close(qtbot, w: PatrolWindow, lane: BackgroundLane) -> None:  # type: ignore[no-untyped-def]
    w.shutdown()
    qtbot.waitUntil(lambda: not lane.busy, timeout=5000)
    w.writer.close()


def drag(widget, start: QPointF, end: QPointF) -> None:  # type: ignore[no-untyped-def]
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for kind, at, buttons in (
        (QEvent.Type.MouseButtonPress, start, left),
        (QEvent.Type.MouseMove, (start + end) / 2, left),
        (QEvent.Type.MouseMove, end, left),
        (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(kind, at, widget.mapToGlobal(at), left, buttons, none)
        QApplication.sendEvent(widget, event)


def near(a: tuple[float, float], b: tuple[float, float], metres: float = 1.0) -> bool:
    return geodesy.distance_m(*a, *b) < metres


def test_the_map_follows_a_network_receiver_with_marker_and_nearby_outfalls(
    qtbot, profile, lane, reader
) -> None:  # type: ignore[no-untyped-def]
    with NmeaServer(WALK, interval_s=0.15) as server:
        w = open_window(qtbot, profile, lane, reader, server.url)
        assert f"Position source: {server.url}" in w.receiver_label.text()
        qtbot.waitUntil(lambda: w.last_fix is not None, timeout=10000)
        # Before any patrol: the marker, its accuracy circle, the map centred on it, nearby.
        fix = w.last_fix
        assert fix is not None and fix.lat is not None and fix.lon is not None
        position = w.map.overlay.position
        assert position is not None and position[2] == fix.eph_m and position[2] > 0
        assert near(position[:2], (fix.lat, fix.lon), 0.01)
        assert near(w.map.center_lat_lon(), (fix.lat, fix.lon))
        assert w.outfalls_title.text() == "Outfalls nearby"
        listed = [w.passed.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.passed.count())]
        assert listed == ["o0"]  # 30 m away; not the one 2 km away
        assert w.passed.item(0).text().startswith("NT12-2020-00000 ")
        # Recording while the receiver walks.
        w.start()
        qtbot.waitUntil(lambda: w.committed >= 3, timeout=10000)
        # Dragging the map stops following: new fixes move the marker, not the map.
        assert w.follow_button.isVisible()
        drag(w.map, QPointF(300, 300), QPointF(420, 380))
        assert not w.follow and not w.follow_button.isChecked()
        panned = w.map.center_lat_lon()
        seen = w.committed
        qtbot.waitUntil(lambda: w.committed >= seen + 2, timeout=10000)
        assert w.map.center_lat_lon() == panned
        marker = w.map.overlay.position
        assert marker is not None and w.last_fix is not None
        assert (marker[0], marker[1]) == (w.last_fix.lat, w.last_fix.lon)
        # The Follow button brings the position back to the middle.
        w.follow_button.click()
        assert w.follow
        assert near(w.map.center_lat_lon(), (w.last_fix.lat, w.last_fix.lon))
        qtbot.waitUntil(lambda: server.finished, timeout=15000)
        close(qtbot, w, lane)
    walked = [(f.lat, f.lon) for f in WALK_FIXES]
    conn = database.open_reader(profile)
    try:
        stored = patrols.open_patrol(conn, "河长甲")
    finally:
        conn.close()
    assert stored is not None and len(stored.points) >= 5
    assert all((p.lat, p.lon) in walked for p in stored.points)  # the receiver's own positions


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "choose a position source"), ("zh_CN", "定位来源")]
)
def test_no_patrol_without_a_position_source(qtbot, profile, lane, reader, lang, words) -> None:  # type: ignore[no-untyped-def]
    w = open_window(qtbot, profile, lane, reader, "", lang)
    qtbot.waitUntil(lambda: w.state_label.text() != "", timeout=3000)
    assert not w.has_source and not w._feed.running
    assert w.follow_button.isHidden()  # nothing to follow
    w.start()
    qtbot.wait(200)
    assert w.patrol is None
    assert words in w.receiver_label.text()
    assert "b00020" in w.receiver_label.styleSheet()  # shown as a warning
    assert w.source_button.isVisible() and w.source_button.isEnabled()
    # Choosing one (as the dialog would) starts the feed and is passed on to the settings.
    with qtbot.waitSignal(w.source_chosen) as chosen:
        w.set_source(str(WALK))
    assert chosen.args == [str(WALK)]
    qtbot.waitUntil(lambda: w.last_fix is not None, timeout=10000)
    w.start()
    qtbot.waitUntil(lambda: w.patrol is not None and w.patrol.is_open, timeout=5000)
    close(qtbot, w, lane)


def test_a_source_that_cannot_be_read_stops_the_start(qtbot, profile, lane, reader) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.create_server(("127.0.0.1", 0)) as s:
        port = s.getsockname()[1]  # nothing listens there once closed
    w = open_window(qtbot, profile, lane, reader, f"tcp://127.0.0.1:{port}")
    qtbot.waitUntil(lambda: w._source_error is not None, timeout=5000)
    w.start()
    qtbot.wait(200)
    assert w.patrol is None
    assert "cannot be read" in w.receiver_label.text()
    assert "refused" in w.receiver_label.text()
    close(qtbot, w, lane)


def simulated(log: Path, out: Path) -> Path:
    lines = []
    for raw in log.read_bytes().splitlines():
        s = parse_sentence(raw)
        if isinstance(s, Sentence):
            f = list(s.fields)
            if s.kind == "GGA" and f[5] not in ("", "0"):
                f[5] = "8"
            lines.append(with_checksum(",".join((s.talker + s.kind, *f))))
    out.write_text("\r\n".join(lines) + "\r\n", encoding="ascii")
    return out


@pytest.mark.parametrize(("lang", "words"), [("en", "simulation mode"), ("zh_CN", "模拟模式")])
def test_a_simulating_receiver_is_shown_and_never_recorded(
    qtbot, profile, lane, reader, tmp_path, lang, words
) -> None:  # type: ignore[no-untyped-def]
    log = simulated(WALK, tmp_path / "sim.log")
    gate = threading.Event()
    fixes = [f for f in parse_fixes(log.read_bytes())[0] if f.has_position]
    assert fixes and all(f.simulated for f in fixes)

    def source():  # type: ignore[no-untyped-def]
        gate.wait(10)
        yield from fixes

    w = open_window(qtbot, profile, lane, reader, source, lang)
    w.start()
    qtbot.waitUntil(lambda: w.patrol is not None, timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: w.last_fix == fixes[-1], timeout=10000)
    qtbot.wait(300)  # anything the lane would write has had time
    assert w.committed == 0 and w.patrol is not None and w.patrol.points == []
    assert words in w.receiver_label.text()
    flag = w.map.overlay.position_flag
    assert flag == ("Simulated" if lang == "en" else "模拟定位")
    close(qtbot, w, lane)


@pytest.mark.parametrize(("lang", "words"), [("en", "tcp://host:port"), ("zh_CN", "主机:端口")])
def test_the_source_dialog(qtbot, lang: str, words: str) -> None:  # type: ignore[no-untyped-def]
    make_app(lang)
    dialog = SourceDialog("", lang, ["/dev/ttyUSB0", "/dev/ttyACM0"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.try_accept()
    assert dialog.error.isVisible() and dialog.result() == 0
    dialog.ports.setCurrentIndex(2)
    assert dialog.spec.text() == "/dev/ttyACM0"
    dialog.spec.setText("tcp://10.1.2.3")
    dialog.try_accept()
    assert dialog.error.isVisible() and words in dialog.error.text()
    assert dialog.result() == 0
    dialog.spec.setText(" TCP://10.1.2.3:10110 ")
    assert not dialog.error.isVisible()
    dialog.try_accept()
    assert dialog.result() == 1 and dialog.chosen() == "tcp://10.1.2.3:10110"


def test_a_resumed_patrol_without_a_source_asks_for_one(qtbot, profile, lane, reader) -> None:  # type: ignore[no-untyped-def]
    conn = database.open_profile(profile)
    patrols.start(conn, author="河长甲", county_code="320612", chief_level="village", river="")
    conn.close()
    w = open_window(qtbot, profile, lane, reader, "")
    qtbot.waitUntil(lambda: w.patrol is not None and w.patrol.is_open, timeout=5000)
    assert "Resumed" in w.receiver_label.text() and "Position source…" in w.receiver_label.text()
    assert not w._feed.running
    w.set_source(str(WALK))  # recording goes on from the chosen source
    qtbot.waitUntil(lambda: w.committed >= 3, timeout=10000)
    close(qtbot, w, lane)


def test_fixes_still_queued_after_shutdown_are_dropped(qtbot, profile, lane) -> None:  # type: ignore[no-untyped-def]
    """The session closes the map reader right after ``shutdown``: a fix the feed had already
    queued must not reach it (it did: "Cannot operate on a closed database")."""
    own_reader = MapReader(database.open_reader(profile))
    w = open_window(qtbot, profile, lane, own_reader, lambda: iter(WALK_FIXES[:2]))
    qtbot.waitUntil(lambda: w.last_fix is not None, timeout=5000)
    close(qtbot, w, lane)
    own_reader.close()
    w._feed.fix.emit(WALK_FIXES[5])  # as if delivered late from the feed's thread
    assert w.last_fix != WALK_FIXES[5]
