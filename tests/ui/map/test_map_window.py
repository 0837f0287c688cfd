"""The map window: points from the store, pan by drag, zoom by wheel, tap emits the outfall id."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from fieldapp import reference_data
from fieldapp.domain import tiles
from fieldapp.maps import BasemapSettings
from fieldapp.store import database
from fieldapp.store.map_points import MapReader
from fieldapp.ui.app import make_app
from fieldapp.ui.labels import Labels
from fieldapp.ui.map import MapWindow

from ...maps.test_tiles import PNG, make_mbtiles


@pytest.fixture
def window(qtbot, map_profile: Path) -> Iterator[MapWindow]:  # type: ignore[no-untyped-def]
    make_app("en")
    reader = MapReader(database.open_reader(map_profile))
    w = MapWindow(reader, Labels(reference_data.load(), "en"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close_resources()
    reader.close()


def _mouse(widget, kind: QEvent.Type, pos: QPointF, buttons) -> None:  # type: ignore[no-untyped-def]
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind, pos, widget.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def test_points_come_from_the_store(window: MapWindow, map_profile: Path) -> None:
    conn = database.open_reader(map_profile)
    n = conn.execute("SELECT count(*) FROM outfalls WHERE lat IS NOT NULL").fetchone()[0]
    conn.close()
    assert len(window.points) == n > 0
    window.view.repaint()
    assert window.view._drawn  # clusters or points are on screen after fitting the city


def test_drag_pans_by_the_mouse_distance(window: MapWindow) -> None:
    view = window.view
    before = view.center
    start = QPointF(400, 300)
    left = Qt.MouseButton.LeftButton
    _mouse(view, QEvent.Type.MouseButtonPress, start, left)
    _mouse(view, QEvent.Type.MouseMove, QPointF(450, 330), left)
    _mouse(view, QEvent.Type.MouseMove, QPointF(500, 360), left)
    _mouse(view, QEvent.Type.MouseButtonRelease, QPointF(500, 360), Qt.MouseButton.NoButton)
    s = view.scale()
    assert view.center[0] == pytest.approx(before[0] - 100 / s)
    assert view.center[1] == pytest.approx(before[1] - 60 / s)


def test_wheel_zooms_around_the_cursor(window: MapWindow) -> None:
    view = window.view
    z0 = view.zoom
    pos = QPointF(300, 200)
    anchor_before = view.to_world(pos.x(), pos.y())
    event = QWheelEvent(
        pos,
        view.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, event)
    assert view.zoom == pytest.approx(z0 + 1.0)
    assert view.to_world(pos.x(), pos.y()) == pytest.approx(anchor_before)
    window.zoom_out.click()
    assert view.zoom == pytest.approx(z0)


def test_tap_on_an_outfall_emits_its_id(qtbot, window: MapWindow, map_profile: Path) -> None:  # type: ignore[no-untyped-def]
    conn = database.open_reader(map_profile)
    outfall_id, rid = conn.execute(
        "SELECT id, rid FROM outfalls WHERE lat IS NOT NULL ORDER BY rid LIMIT 1 OFFSET 17"
    ).fetchone()
    conn.close()
    i = window.points.index_of_rid(rid)
    assert i is not None
    view = window.view
    view.center_on(window.points.lats[i], window.points.lons[i], 19)
    view.repaint()
    target = view.to_screen(*tiles.to_world(window.points.lats[i], window.points.lons[i]))
    # A finger lands a little off the dot: the hit area is large.
    tap = QPointF(target.x() + 12, target.y() - 10)
    with qtbot.waitSignal(window.outfall_activated, timeout=1000) as signal:
        _mouse(view, QEvent.Type.MouseButtonPress, tap, Qt.MouseButton.LeftButton)
        _mouse(view, QEvent.Type.MouseButtonRelease, tap, Qt.MouseButton.NoButton)
    # Several demo outfalls can share a spot; the nearest one drawn is the one tapped.
    got = signal.args[0]
    j = window.points.index_of_rid(window.reader.rid_of(got) or -1)
    assert j is not None
    assert got == outfall_id or (
        abs(window.points.lats[j] - window.points.lats[i]) < 1e-4
        and abs(window.points.lons[j] - window.points.lons[i]) < 1e-4
    )


def test_find_code_centres_and_selects(window: MapWindow, map_profile: Path) -> None:
    conn = database.open_reader(map_profile)
    code, rid = conn.execute(
        "SELECT display_code, rid FROM outfalls WHERE lat IS NOT NULL AND display_code != '' "
        "LIMIT 1 OFFSET 5"
    ).fetchone()
    conn.close()
    assert window.find_code(code)
    assert window.view.selected == window.points.index_of_rid(rid)
    assert not window.find_code("NO-SUCH-CODE")
    assert "NO-SUCH-CODE" in window.status.text()


def test_basemap_tiles_and_a_bad_basemap(window: MapWindow, tmp_path: Path) -> None:
    lat, lon = window.view.center_lat_lon()
    x, y = tiles.to_world(lat, lon)
    good = make_mbtiles(tmp_path / "good.mbtiles", {(11, int(x * 2048), int(y * 2048)): PNG})
    assert window.set_basemap(BasemapSettings(str(good), gcj02=True))
    window.view.zoom = 11
    window.view.repaint()  # a present tile, missing ones, the GCJ shift: no error
    bad = tmp_path / "bad.mbtiles"
    bad.write_bytes(b"garbage")
    assert not window.set_basemap(BasemapSettings(str(bad)))
    assert "cannot be used" in window.status.text()
    assert window.view.basemap is None
    window.view.repaint()  # the plain grid and scale bar
