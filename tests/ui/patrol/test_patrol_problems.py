"""Problems in the patrol window: outfalls offered where the problem is marked, photo thumbnails
made off the GUI thread, and a problem at an outfall asking for an inspection of it."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp import reference_data
from fieldapp.media.blobstore import BlobStore
from fieldapp.store import database
from fieldapp.store.map_points import MapReader
from fieldapp.ui.app import make_app
from fieldapp.ui.labels import Labels
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.patrol import PatrolWindow

from .test_patrol_flow import _fixes_along

PHOTOS = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "profile.sqlite"
    conn = database.open_profile(path)
    with database.transaction(conn):  # an outfall 20 m off the path, one 500 m off
        for i, dlat in enumerate((20 / 110_574, 500 / 110_574)):
            conn.execute(
                "INSERT INTO outfalls (id, name, type_code, receiving_kind, basin, county_code, "
                "lat, lon, lifecycle_state, created_at, updated_at, local_code) VALUES "
                "(?, ?, 'other', 'river', 'huai', '320612', ?, ?, 'surveyed', 'x', 'x', ?)",
                (f"o{i}", f"排口{i}", 32.0 + dlat, 120.9, f"L{i}"),
            )
    conn.close()
    return path


@pytest.fixture
def window(qtbot, profile: Path, tmp_path: Path) -> Iterator[PatrolWindow]:  # type: ignore[no-untyped-def]
    make_app("en")
    lane = BackgroundLane()
    reader = MapReader(database.open_reader(profile))
    fixes = _fixes_along(32.0, 120.9, 5)
    gate = threading.Event()

    def source():  # type: ignore[no-untyped-def]
        gate.wait(10)  # the fixes are for the running patrol, not for the opening window
        yield from fixes

    w = PatrolWindow(
        database.open_profile(profile),
        lane,
        Labels(reference_data.load(), "en"),
        "河长甲",
        "320612",
        source=source,
        reader=reader,
        blobs=BlobStore(tmp_path / "blobs"),
    )
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: "No" in w.state_label.text(), timeout=3000)
    w.start()
    qtbot.waitUntil(lambda: w.patrol is not None, timeout=3000)
    gate.set()
    qtbot.waitUntil(lambda: w.committed == 5, timeout=5000)
    yield w
    w.shutdown()
    qtbot.waitUntil(lambda: not lane.busy, timeout=5000)
    w.writer.close()
    lane.shutdown()
    reader.close()


def test_outfalls_near_the_position_are_offered_nearest_first(window: PatrolWindow) -> None:
    offered = window._outfalls_here()
    assert [outfall_id for outfall_id, _ in offered] == ["o0"]  # 20 m off; not the one 500 m off
    assert offered[0][1].startswith("L0")


def test_problem_photos_become_thumbnails_and_the_outfall_can_be_inspected(
    qtbot,  # type: ignore[no-untyped-def]
    window: PatrolWindow,
) -> None:
    window.add_problem("黑水", [], None)
    window.add_problem(
        "排口有异味", [str(PHOTOS / "DSCN0010.jpg"), str(PHOTOS / "DSCN0012.jpg")], "o0"
    )
    qtbot.waitUntil(lambda: window.problems.count() == 2, timeout=5000)

    window.problems.setCurrentRow(0)  # no outfall, no photos
    assert not window.inspect_button.isEnabled()
    assert window.problem_photos.isHidden()

    window.problems.setCurrentRow(1)
    assert window.inspect_button.isEnabled()
    assert not window.problem_photos.isHidden()
    assert window.problem_photos.count() == 2
    # Thumbnails arrive from the pool thread: the problem's icon and the strip's.
    qtbot.waitUntil(lambda: not window.problems.item(1).icon().isNull(), timeout=5000)
    for row in (0, 1):
        item = window.problem_photos.item(row)
        qtbot.waitUntil(lambda item=item: not item.icon().isNull(), timeout=5000)
    assert window.problems.item(0).icon().isNull()

    with qtbot.waitSignal(window.inspection_requested, timeout=1000) as requested:
        window.inspect_button.click()
    assert requested.args == ["o0"]
