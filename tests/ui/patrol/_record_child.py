"""Child process of the kill test: records a patrol from a replayed log, reporting saved points.

`python tests/ui/patrol/_record_child.py PROFILE LOG` prints `SAVED n` after each committed point.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldapp import reference_data
from fieldapp.gnss import LogReplay
from fieldapp.store import database
from fieldapp.ui.app import make_app
from fieldapp.ui.labels import Labels
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.patrol import PatrolWindow


def main() -> None:
    profile, log = sys.argv[1], sys.argv[2]
    app = make_app("en")
    lane = BackgroundLane()
    window = PatrolWindow(
        database.open_profile(profile),
        lane,
        Labels(reference_data.load(), "en"),
        "河长甲",
        "320612",
        source=lambda: LogReplay(log, speed=8.0),
    )
    window.patrol_changed.connect(lambda pid: print(f"PATROL {pid}", flush=True))
    window.point_committed.connect(lambda n: print(f"SAVED {n}", flush=True))
    window.start()
    app.exec()


main()
