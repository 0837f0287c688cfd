"""The ``photos`` table: photos that arrived whole and verified, by SHA-256."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from sync.server.canonical import utcnow
from sync.server.queries._bulk import insert_rows, one_of
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


def add_many(conn: Connection, arrived: list[tuple[str, int, str | None]]) -> list[str]:
    """Record arrived photos as (sha256, size, device id); the hashes not recorded before, in
    the order given (a hash given twice is recorded once)."""
    known = present(conn, [sha256 for sha256, _, _ in arrived])
    now = utcnow()
    added: list[str] = []
    rows: list[dict[str, Any]] = []
    for sha256, size, device_id in arrived:
        if sha256 not in known:
            known.add(sha256)
            added.append(sha256)
            rows.append(
                {"sha256": sha256, "size": size, "received_at": now, "device_id": device_id}
            )
    insert_rows(conn, photos, rows)
    return added
