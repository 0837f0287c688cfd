"""The offline map of outfalls (地图). Entry API for the main window:

    from fieldapp.store.map_points import MapReader
    from fieldapp.store import database
    from fieldapp.ui.map import MapWindow

    reader = MapReader(database.open_reader(profile_path))    # read-only, GUI thread
    window = MapWindow(reader, labels, BasemapSettings(path, gcj02))  # basemap optional
    window.outfall_activated.connect(open_in_ledger)           # str: the outfall id
    window.basemap_changed.connect(save_setting)               # BasemapSettings to persist
    window.show_outfall(outfall_id)                            # centre on and select one
    window.find_code("320623…")                                # jump by code (also the box)
    window.set_position(fix)                                   # current fix with its accuracy
    window.set_tracks([[(lat, lon), ...], ...])                # patrol tracks to draw
    window.set_tasks(my_tasks)                                 # MyTask list: open ones flagged
    window.show_task(task_id)                                  # centre on it, open its panel
    window.allow_task_here(True)                               # supervisors: Task here… menu
    window.task_here_requested.connect(new_task_at)            # (lat, lon) held or right-clicked
    # on close: window.close_resources(); reader.close()

``MapView`` (the canvas alone) is reused by the patrol window. Its basemap is drawn by
``basemap_layer.BasemapLayer``; tiles are read and decoded on a pool thread (``tile_loader``),
never on the GUI thread, and a window that goes calls ``close_resources()`` so that the basemap is
closed once its thread has stopped. Strings are in the catalog ``map``
(``resources/translations/map_zh_CN.ts``).
"""

from fieldapp.ui.map.view import MapView, Overlay
from fieldapp.ui.map.window import MapWindow

__all__ = ["MapView", "MapWindow", "Overlay"]
