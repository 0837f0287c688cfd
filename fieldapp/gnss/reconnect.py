"""Staying connected to a live receiver: reopen it after it drops (cable, Wi-Fi, network).

``reconnecting`` wraps a function that opens a source and iterates its fixes. The first opening
must succeed: a port that does not exist or a host that refuses is a mistake to show at once, not
to retry forever. Once fixes have flowed, a ``GnssSourceError`` is reported through ``on_lost``
(once per outage) and the source is reopened every ``retry_s`` seconds until it answers
(``on_restored``) or ``stop()`` turns true. A source that simply ends (a log) ends the iteration.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

from fieldapp.domain.nmea import Fix
from fieldapp.gnss.errors import GnssSourceError

Opener = Callable[[], Iterable[Fix]]


def reconnecting(
    open_fixes: Opener,
    stop: Callable[[], bool],
    *,
    retry_s: float = 2.0,
    on_lost: Callable[[GnssSourceError], None] = lambda exc: None,
    on_restored: Callable[[], None] = lambda: None,
    wait: Callable[[float], None] = time.sleep,
) -> Iterator[Fix]:
    """Fixes from ``open_fixes()``, reopened after each drop; see the module docstring."""
    connected_once = False
    lost = False
    while not stop():
        try:
            for fix in open_fixes():
                connected_once = True
                if lost:
                    lost = False
                    on_restored()
                yield fix
                if stop():
                    return
        except GnssSourceError as exc:
            if not connected_once:
                raise
            if not lost:
                lost = True
                on_lost(exc)
            _wait_unless_stopped(retry_s, stop, wait)
            continue
        return


def _wait_unless_stopped(
    seconds: float, stop: Callable[[], bool], wait: Callable[[float], None]
) -> None:
    end = time.monotonic() + seconds
    while not stop() and time.monotonic() < end:
        wait(min(0.1, max(0.0, end - time.monotonic())))
