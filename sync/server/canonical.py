"""Canonical JSON and time helpers shared by the hash chains, batch hashes and stored documents."""

from __future__ import annotations

import hashlib
import itertools
import json
import threading
import time
from datetime import UTC, datetime
from typing import Any

# One encoder for every canonical text: ``json.dumps`` with options builds a new encoder per call,
# a tenth of the cost of a ledger row's document (measured 1.65 s against 1.47 s for 100,000).
_encode = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode


def dumps(value: Any) -> str:
    """Canonical JSON text: sorted keys, no spaces, UTF-8 kept as is."""
    if type(value) is Dumped:
        return value.text
    return _encode(value)


class Dumped(dict[str, Any]):
    """A document that carries its canonical text, for bulk writers that store one document in
    several places (a record, its feed item, its audit entry): ``dumps`` returns the text."""

    def __init__(self, value: dict[str, Any]) -> None:
        super().__init__(value)
        self.text = _encode(value)


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """A stored time as an aware UTC datetime (SQLite hands back naive UTC values)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def iso(value: datetime) -> str:
    return as_utc(value).isoformat()


_hlc_lock = threading.Lock()
_hlc_last = [0]
_hlc_counter = itertools.count()


def server_hlc() -> str:
    """A hybrid logical clock value of the server, in the protocol's recommended form."""
    with _hlc_lock:
        ms = max(int(time.time() * 1000), _hlc_last[0])
        _hlc_last[0] = ms
        return f"{ms:013d}:{next(_hlc_counter) % 100000:05d}:server"


def server_hlcs(n: int) -> list[str]:
    """``n`` successive ``server_hlc`` values taken at once (a bulk write stamps tens of
    thousands of rows). Values stay increasing and distinct: when the counter wraps within
    the block, the block moves on to the next millisecond, as a later call would."""
    with _hlc_lock:
        ms = max(int(time.time() * 1000), _hlc_last[0])
        out: list[str] = []
        for _ in range(n):
            c = next(_hlc_counter) % 100000
            if c == 0 and out:
                ms += 1
            out.append(f"{ms:013d}:{c:05d}:server")
        _hlc_last[0] = ms
        return out
