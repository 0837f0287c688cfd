"""River-chief patrols (巡河). Entry API for the main window:

    from fieldapp.gnss import LogReplay, open_source
    from fieldapp.ui.patrol import PatrolWindow

    window = PatrolWindow(
        writer, lane, labels, actor, county_code,          # the app's writer and its lane
        source=lambda: open_source(port_or_log),   # an iterable of Fix, reopened after a drop-out
        reader=map_reader,                         # optional: outfalls on the patrol's map
        blobs=BlobStore(evidence_root),            # optional: where problem photos are kept
    )
    window.outfall_activated.connect(open_in_ledger)   # str id (an outfall passed, or tapped)
    window.inspection_requested.connect(session.open_inspection)  # str id: a problem marked
                                                       # at that outfall becomes an inspection
    window.patrol_changed.connect(...)                 # str patrol id: started/paused/finished
    window.point_committed.connect(...)                # int: points safely on disk so far
    # before closing: window.shutdown()

The window writes through the given ``BackgroundLane`` with the app's write connection (it opens
no writer of its own); positions are read on a thread of their own (``PositionFeed``). Opening it
resumes the actor's unfinished patrol (``fieldapp.store.patrols.open_patrol``). Problem photos
show as thumbnails made on a pool thread (``ThumbnailLoader``) when ``blobs`` is given. Strings are in the
catalog ``patrol`` (``resources/translations/patrol_zh_CN.ts``).
"""

from fieldapp.ui.patrol.window import PatrolWindow
from fieldapp.ui.position_feed import PositionFeed

__all__ = ["PatrolWindow", "PositionFeed"]
