"""The one position feed: a real receiver's log replayed, and a receiver unplugged and plugged
back in (a source that fails, keeps failing to open, then comes back)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

from fieldapp.domain.nmea import Fix
from fieldapp.gnss import LogReplay
from fieldapp.gnss.errors import PortLost, PortUnavailable
from fieldapp.ui.app import make_app
from fieldapp.ui.position_feed import PositionFeed

LOG = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "nmea" / "ublox-zed-f9p-nmea.log"


def test_a_replayed_receiver_log_arrives_whole_and_ends(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app("en")
    expected = [f for f in LogReplay(LOG) if f.has_position]
    assert expected
    feed = PositionFeed(lambda: LogReplay(LOG))
    got: list[Fix] = []
    feed.fix.connect(got.append)
    with qtbot.waitSignal(feed.ended, timeout=10_000):
        feed.start()
    qtbot.waitUntil(lambda: len([f for f in got if f.has_position]) == len(expected))
    assert [(f.lat, f.lon) for f in got if f.has_position] == [(f.lat, f.lon) for f in expected]
    feed.stop()


def test_an_unplugged_receiver_is_reopened_with_backoff_until_it_is_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app("en")
    fixes = [f for f in LogReplay(LOG) if f.has_position][:20]
    opened = itertools.count()
    waits: list[float] = []

    def receiver() -> Iterator[Fix]:
        n = next(opened)
        if n == 0:  # plugged in: ten fixes, then the cable is pulled
            yield from fixes[:10]
            raise PortLost.for_source("COM3", "device removed")
        if n in (1, 2, 3):  # still unplugged: the port is not there
            raise PortUnavailable.for_source("COM3", "no such port")
        yield from fixes[10:]  # plugged back in

    feed = PositionFeed(receiver, retry_s=0.01, max_retry_s=0.03)
    original = feed.backoff_s

    def recorded(retries: int) -> float:
        waits.append(original(retries))
        return waits[-1]

    feed.backoff_s = recorded  # type: ignore[method-assign]
    got: list[Fix] = []
    lost: list[tuple[str, str]] = []
    feed.fix.connect(got.append)
    feed.lost.connect(lambda en, zh: lost.append((en, zh)))
    with qtbot.waitSignal(feed.restored, timeout=5000):
        feed.start()
    qtbot.waitUntil(lambda: len(got) == 20, timeout=5000)
    assert [(f.lat, f.lon) for f in got] == [(f.lat, f.lon) for f in fixes]
    assert len(lost) == 1 and "COM3" in lost[0][0]  # reported once, not at every retry
    assert waits == [0.01, 0.02, 0.03, 0.03]  # doubling, capped
    assert feed.retries == 0  # fixes flow again
    feed.stop()
    assert not feed.running
