"""Map points from the store: the right outfalls, projected right, never stale, ids that match."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp import reference_data
from fieldapp.domain import tiles
from fieldapp.store import database, map_points, outfalls
from fieldapp.store.map_points import MapReader
from fieldapp.ui.app import make_app
from fieldapp.ui.labels import Labels
from fieldapp.ui.map import MapWindow


def _truth(path: Path) -> dict[int, tuple[float, float, str, str]]:
    conn = database.open_reader(path)
    rows = conn.execute(
        "SELECT rid, lat, lon, type_code, lifecycle_state FROM outfalls "
        "WHERE lat IS NOT NULL AND lon IS NOT NULL"
    ).fetchall()
    conn.close()
    return {rid: (lat, lon, t, s) for rid, lat, lon, t, s in rows}


def _as_dict(pts: map_points.MapPoints) -> dict[int, tuple[float, float, str, str]]:
    return {
        rid: (pts.xs[i], pts.ys[i], pts.type_codes[pts.types[i]], pts.state_codes[pts.states[i]])
        for i, rid in enumerate(pts.rids)
    }


@pytest.mark.parametrize("in_sql", [True, False], ids=["sqlite-math", "python-fallback"])
def test_every_outfall_with_a_position_projected_like_the_tile_math(
    map_profile: Path, monkeypatch: pytest.MonkeyPatch, in_sql: bool
) -> None:
    if not in_sql:
        monkeypatch.setattr(map_points, "has_math_functions", lambda conn: False)
    truth = _truth(map_profile)
    conn = database.open_reader(map_profile)
    pts = map_points.load(conn)
    assert not conn.in_transaction  # the snapshot ended with the ids
    conn.close()
    got = _as_dict(pts)
    assert got.keys() == truth.keys() and len(pts) == len(truth) > 0
    for rid, (lat, lon, type_code, state) in truth.items():
        x, y, got_type, got_state = got[rid]
        assert (x, y) == pytest.approx(tiles.to_world(lat, lon), abs=1e-12)
        assert (got_type, got_state) == (type_code, state)
        i = pts.index_of_rid(rid)
        assert i is not None
        assert (pts.lats[i], pts.lons[i]) == pytest.approx((lat, lon), abs=1e-9)


def test_deferred_ids_match_the_positions_read_even_if_outfalls_change_between(
    map_profile: Path,
) -> None:
    before = _truth(map_profile)
    reader = database.open_reader(map_profile)
    pts = map_points.load(reader, defer_rids=True)
    assert not pts.rids_loaded() and reader.in_transaction
    writer = database.open_profile(map_profile)
    with writer:  # meanwhile: one outfall deleted, one moved far away, in a committed write
        gone, moved = writer.execute(
            "SELECT rid FROM outfalls WHERE lat IS NOT NULL ORDER BY rid LIMIT 2"
        ).fetchall()
        writer.execute("DELETE FROM outfalls WHERE rid = ?", gone)
        writer.execute("UPDATE outfalls SET lat = 31.0, lon = 121.9 WHERE rid = ?", moved)
    writer.close()
    got = _as_dict(pts)  # reads the ids now, from the snapshot the positions came from
    assert not reader.in_transaction
    assert got.keys() == before.keys()
    for rid, (lat, lon, _, _) in before.items():
        assert got[rid][:2] == pytest.approx(tiles.to_world(lat, lon), abs=1e-12)
    after = map_points.load(reader)  # the next read sees the change
    reader.close()
    assert gone[0] not in set(after.rids)
    i = after.index_of_rid(moved[0])
    assert i is not None
    assert (after.xs[i], after.ys[i]) == pytest.approx(tiles.to_world(31.0, 121.9), abs=1e-12)


@pytest.fixture
def labels() -> Labels:
    make_app("en")
    return Labels(reference_data.load(), "en")


def _open(qtbot, path: Path, labels: Labels) -> Iterator[MapWindow]:  # type: ignore[no-untyped-def]
    reader = MapReader(database.open_reader(path))
    window = MapWindow(reader, labels)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close_resources()
    reader.close()


def test_the_map_shows_an_outfall_where_it_was_last_saved(
    qtbot,  # type: ignore[no-untyped-def]
    map_profile: Path,
    labels: Labels,
) -> None:
    truth = _truth(map_profile)
    opened = _open(qtbot, map_profile, labels)
    window = next(opened)
    qtbot.waitUntil(window.points.rids_loaded, timeout=2000)  # read in idle time after frame 1
    assert _as_dict(window.points).keys() == truth.keys()
    rid = sorted(truth)[3]
    i = window.points.index_of_rid(rid)
    assert i is not None
    lat, lon = truth[rid][:2]
    assert (window.view.xs[i], window.view.ys[i]) == pytest.approx(tiles.to_world(lat, lon))
    next(opened, None)

    # The outfall is moved through the store; the map opened next shows it at its new place.
    writer = database.open_profile(map_profile)
    outfall_id = writer.execute("SELECT id FROM outfalls WHERE rid = ?", (rid,)).fetchone()[0]
    current = outfalls.get(writer, outfall_id)
    assert current is not None
    new_lat, new_lon = lat + 0.05, lon - 0.04
    outfalls.update(
        writer,
        dataclasses.replace(current, lat=new_lat, lon=new_lon),
        reference_data.load(),
        "tester",
    )
    writer.close()
    opened = _open(qtbot, map_profile, labels)
    window = next(opened)
    assert window.show_outfall(outfall_id)  # the ids are read on demand if idle time has not come
    i = window.view.selected
    assert i is not None and window.points.rids[i] == rid
    assert (window.view.xs[i], window.view.ys[i]) == pytest.approx(tiles.to_world(new_lat, new_lon))
    assert window.view.center_lat_lon() == pytest.approx((new_lat, new_lon))
    next(opened, None)
