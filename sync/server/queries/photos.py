"""The ``photos`` table: photos that arrived whole and verified, by SHA-256."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, insert, select

from sync.server.canonical import utcnow
from sync.server.queries._bulk import one_of
from sync.server.schema import photos

CHUNK = 500


def present(conn: Connection, hashes: Iterable[str]) -> set[str]:
    wanted = sorted(set(hashes))
    found: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        rows = conn.execute(
            select(photos.c.sha256).where(
                one_of(conn, photos.c.sha256, wanted[start : start + CHUNK])
            )
        )
        found.update(r.sha256 for r in rows)
    return found


def add(conn: Connection, sha256: str, size: int, device_id: str | None) -> bool:
    """Record an arrived photo; False when it was already recorded."""
    if present(conn, [sha256]):
        return False
    conn.execute(
        insert(photos).values(sha256=sha256, size=size, received_at=utcnow(), device_id=device_id)
    )
    return True
