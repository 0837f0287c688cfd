"""Child process of bench/map.py: `python -m bench._map_app DB [MBTILES]`; prints one JSON line.

open_s      from opening the read connection to the first painted frame of the map window
levels_s    until every cluster level is built and the row ids read (idle time after opening)
pan/zoom    seconds of each repaint after a pan (drag step) or a zoom step, zoom 9 to 18
tile_pan    with MBTILES: a drag-speed pan (a step every 16 ms, driven by a timer through the
            event loop) across tiles not yet decoded; ``stall_s`` the longest time the event loop
            went without running (a 1 ms heartbeat timer's longest gap), ``settled_s`` from the
            last step until every tile in view is shown, ``busy_s`` the heartbeat's gaps beyond its
            1 ms added up (the GUI thread's time not free for input), ``tiles`` decoded; ``cached_*`` the
            same pan again, every tile now cached (what painting alone stalls)

`python -m bench._map_app --make-tiles MBTILES` writes the basemap the tile pan reads: real PNG
tiles (blocks, water, roads, antialiased) at zooms 13 to 15 around the pan's path.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from fieldapp.ui.map import MapView, MapWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PAN_ZOOM = 15
PAN_START = (32.0, 120.86)  # lat, lon (Nantong); the pan goes south-east
PAN_STEPS = 90
PAN_STEP_PX = (-32, -16)  # 32 px east, 16 px south a step: a brisk diagonal drag
PAN_STEP_MS = 16


def main(db: str, mbtiles: str | None) -> None:
    from fieldapp import reference_data
    from fieldapp.store import database
    from fieldapp.store.map_points import MapReader
    from fieldapp.ui.app import make_app
    from fieldapp.ui.labels import Labels
    from fieldapp.ui.map import MapWindow

    app = make_app("en")
    labels = Labels(reference_data.load(), "en")
    t0 = time.perf_counter()
    reader = MapReader(database.open_reader(db))
    window = MapWindow(reader, labels)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    window.view.repaint()
    open_s = time.perf_counter() - t0
    while not window.view.levels_ready():
        app.processEvents()
    levels_s = time.perf_counter() - t0
    view = window.view
    pan, zoom = [], []
    i = 0
    for z in (9.3, 10.5, 11.2, 12.6, 13.4, 14.8, 15.5, 16.2, 17.4, 18.6):
        lat, lon = window.points.lats[i], window.points.lons[i]
        i = (i + 7919) % len(window.points)
        view.center_on(lat, lon, z)
        view.repaint()
        for dx, dy in ((40, 0), (0, 35), (-60, 20), (25, -45), (80, 10)):
            view.pan_by(dx, dy)
            t = time.perf_counter()
            view.repaint()
            pan.append(time.perf_counter() - t)
        for step in (0.5, -0.5, 1.0, -1.0):
            view.zoom_by(step)
            t = time.perf_counter()
            view.repaint()
            zoom.append(time.perf_counter() - t)
    result: dict[str, object] = {"open_s": open_s, "levels_s": levels_s, "pan": pan, "zoom": zoom}
    if mbtiles:
        result["tile_pan"] = tile_pan(window, mbtiles)
    print(json.dumps(result))
    window.close_resources()
    reader.close()


def tile_pan(window: MapWindow, mbtiles: str) -> dict[str, float]:
    """The drag-speed pan over tiles not yet decoded, then the same pan again over the tiles now
    cached (what painting them and the outfalls costs by itself, with no tile to decode)."""
    from fieldapp.maps import BasemapSettings

    view = window.view
    assert window.set_basemap(BasemapSettings(mbtiles))
    layer = view.basemap_layer
    assert layer is not None
    result: dict[str, float] = {}
    for run in ("", "cached_"):
        view.center_on(*PAN_START, PAN_ZOOM)
        _run_until(lambda: not view.pending_tiles(), 20.0)  # the starting view, fully drawn
        cached_before = len(layer)
        pan = _pan(view)
        result[f"{run}stall_s"] = pan["stall_s"]
        result[f"{run}busy_s"] = pan["busy_s"]
        result[f"{run}settled_s"] = pan["settled_s"]
        result[f"{run}tiles"] = len(layer) - cached_before
    return result


def _pan(view: MapView) -> dict[str, float]:
    """Pans by ``PAN_STEP_PX`` every ``PAN_STEP_MS`` through the event loop, with a 1 ms heartbeat
    timer: its longest gap is the longest stall; waits until every tile in view is shown."""
    from PySide6.QtCore import Qt, QTimer

    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    steps = [0]
    ended = [0.0]
    stepper = QTimer()
    stepper.setTimerType(Qt.TimerType.PreciseTimer)
    stepper.setInterval(PAN_STEP_MS)

    def step() -> None:
        view.pan_by(*PAN_STEP_PX)
        steps[0] += 1
        if steps[0] == PAN_STEPS:
            stepper.stop()
            ended[0] = time.perf_counter()

    stepper.timeout.connect(step)
    heartbeat.start()
    stepper.start()
    _run_until(lambda: ended[0] > 0 and not view.pending_tiles(), 30.0)
    settled = time.perf_counter()
    heartbeat.stop()
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    return {
        "stall_s": max(gaps),
        "busy_s": sum(max(0.0, g - 0.001) for g in gaps),  # the loop's time not free for input
        "settled_s": settled - ended[0],
    }


def _run_until(done: Callable[[], bool], limit_s: float) -> None:
    """Runs the event loop until ``done()`` (or ``limit_s`` has passed)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    t = time.perf_counter()
    poll = QTimer()
    poll.setInterval(1)

    def check() -> None:
        if done() or time.perf_counter() - t > limit_s:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()


def make_tiles(path: str) -> None:
    """An MBTiles file of PNG tiles at zooms 13-15 covering the tile pan and its neighbourhood."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from fieldapp.domain import tiles
    from fieldapp.ui.app import make_app

    make_app("en")
    x, y = tiles.to_world(*PAN_START)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute(
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
        "tile_data BLOB, PRIMARY KEY (zoom_level, tile_column, tile_row))"
    )
    meta = {"name": "bench", "format": "png", "minzoom": "13", "maxzoom": str(PAN_ZOOM)}
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
    for z in range(13, PAN_ZOOM + 1):
        n = 1 << z
        shrink = 1 << (PAN_ZOOM - z)
        cx, cy = int(x * n), int(y * n)
        for ty in range(cy - 4 // shrink - 1, cy + 9 // shrink + 2):
            for tx in range(cx - 5 // shrink - 1, cx + 15 // shrink + 2):
                image = _tile_image(random.Random(z * 1_000_003 + tx * 1009 + ty))
                data = QByteArray()
                buf = QBuffer(data)
                buf.open(QIODevice.OpenModeFlag.WriteOnly)
                image.save(buf, "PNG")  # type: ignore[call-overload]  # the stub wants bytes, PySide a str
                conn.execute(
                    "INSERT INTO tiles VALUES (?, ?, ?, ?)",
                    (z, tx, tiles.tms_row(z, ty), bytes(data.data())),
                )
    conn.commit()
    conn.close()


def _tile_image(rng: random.Random) -> QImage:
    """A 256 px tile that looks and compresses like a street map: blocks, water, roads."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor("#f2efe9"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    for _ in range(rng.randrange(20, 40)):
        p.setBrush(QColor(rng.choice(["#d9d0c9", "#c8facc", "#e0dfdf", "#add19e", "#f5dcba"])))
        w, h = rng.uniform(8, 60), rng.uniform(8, 60)
        p.drawRect(QRectF(rng.uniform(-20, 256), rng.uniform(-20, 256), w, h))
    if rng.random() < 0.3:
        p.setBrush(QColor("#aad3df"))
        p.drawEllipse(QRectF(rng.uniform(0, 200), rng.uniform(0, 200), 120, 70))
    for width, casing, fill in ((9, "#bbbbbb", "#ffffff"), (14, "#c38a2e", "#fcd6a4")):
        for _ in range(rng.randrange(3, 8)):
            a = QPointF(rng.uniform(-10, 266), rng.uniform(-10, 266))
            b = QPointF(rng.uniform(-10, 266), rng.uniform(-10, 266))
            for colour, w in ((casing, width + 2), (fill, width)):
                pen = QPen(QColor(colour), w)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                p.setPen(pen)
                p.drawLine(a, b)
    p.end()
    return image


if __name__ == "__main__":
    if sys.argv[1] == "--make-tiles":
        make_tiles(sys.argv[2])
    else:
        main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
