"""The hybrid logical clock of the device's changes (pure: no database, no network).

A stamp reads ``"<13-digit ms>:<5-digit counter>:<node>"``; stamps of one node sort as text in
the order they were issued. The device stamps a change when it enters a batch, from its capture
time, always later than every stamp it issued or saw from the server. The clock's state (the
last ``(ms, counter)``) is kept in ``sync_account`` (``sync.client.state.account``).
"""

from __future__ import annotations

import datetime as dt
import time

State = tuple[int, int]  # (milliseconds, counter)


def format_hlc(ms: int, counter: int, node: str) -> str:
    return f"{ms:013d}:{counter:05d}:{node}"


def parse_hlc(hlc: str) -> State:
    """``(ms, counter)`` of a stamp; ``(0, 0)`` for one that cannot be read."""
    parts = hlc.split(":")
    try:
        return int(parts[0]), int(parts[1])
    except (IndexError, ValueError):
        return 0, 0


def tick(state: State, physical_ms: int) -> State:
    """A local event: later than everything seen, and at least the physical time."""
    ms, counter = state
    if physical_ms > ms:
        return physical_ms, 0
    return ms, counter + 1


def witness(state: State, remote: str) -> State:
    """A stamp seen from the server: never issue a stamp at or below it."""
    return max(state, parse_hlc(remote))


def iso_ms(at: str) -> int:
    """Milliseconds since the epoch of an ISO 8601 time (UTC when it names no zone); now when it
    cannot be read (a capture time is always readable: this only guards old rows)."""
    try:
        parsed = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return int(time.time() * 1000)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return int(parsed.timestamp() * 1000)
