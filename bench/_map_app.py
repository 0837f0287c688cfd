"""Child process of bench/map.py: `python -m bench._map_app DB`; prints one JSON line.

open_s      from opening the read connection to the first painted frame of the map window
levels_s    until every cluster level is built and the row ids read (idle time after opening)
pan/zoom    seconds of each repaint after a pan (drag step) or a zoom step, zoom 9 to 18
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(db: str) -> None:
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
    print(json.dumps({"open_s": open_s, "levels_s": levels_s, "pan": pan, "zoom": zoom}))
    window.close_resources()
    reader.close()


if __name__ == "__main__":
    main(sys.argv[1])
