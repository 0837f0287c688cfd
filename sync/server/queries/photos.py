"""The ``photos`` and ``photo_holders`` tables: photos that arrived whole and verified, by
SHA-256, and the users who proved they hold each (a photo row means its photo for its owner
only when the owner holds it)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, select

from sync.server.canonical import utcnow
from sync.server.queries._bulk import insert_rows, one_of
from sync.server.schema import photo_holders, photos, record_photos, records

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


def held(conn: Connection, hashes: Iterable[str], username: str) -> set[str]:
    """The photos among ``hashes`` that this user proved to hold (uploaded whole)."""
    wanted = sorted(set(hashes))
    found: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        rows = conn.execute(
            select(photo_holders.c.sha256).where(
                photo_holders.c.username == username,
                one_of(conn, photo_holders.c.sha256, wanted[start : start + CHUNK]),
            )
        )
        found.update(r.sha256 for r in rows)
    return found


def held_pairs(conn: Connection, pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (sha256, username) pairs among ``pairs`` where the user holds the photo."""
    by_user: dict[str, set[str]] = {}
    for sha256, username in pairs:
        by_user.setdefault(username, set()).add(sha256)
    return {(h, u) for u, hashes in by_user.items() for h in held(conn, hashes, u)}


def add_holders(conn: Connection, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Record that these users hold these photos; the pairs not recorded before."""
    wanted = sorted(set(pairs))
    held_now = held_pairs(conn, wanted)  # asked once, not once per pair
    new = [p for p in wanted if p not in held_now]
    insert_rows(conn, photo_holders, [{"sha256": h, "username": u} for h, u in new])
    return new


def set_refs(conn: Connection, rows: list[tuple[str, str, set[str]]]) -> None:
    """The photos these (entity, row id) rows refer to now (replacing what they referred to)."""
    by_entity: dict[str, list[str]] = {}
    for entity, row_id, _ in rows:
        by_entity.setdefault(entity, []).append(row_id)
    for entity, ids in by_entity.items():
        for start in range(0, len(ids), CHUNK):
            conn.execute(
                delete(record_photos).where(
                    record_photos.c.entity == entity,
                    one_of(conn, record_photos.c.row_id, ids[start : start + CHUNK]),
                )
            )
    insert_rows(
        conn,
        record_photos,
        [{"entity": e, "row_id": r, "sha256": h} for e, r, refs in rows for h in sorted(refs)],
    )


def readable(conn: Connection, sha256: str, counties: frozenset[str] | None) -> bool:
    """Whether a live row of ``counties`` (None: any) refers to this photo for an owner who
    holds it: a photo is read only through records the reader sees."""
    query = (
        select(records.c.id)
        .select_from(record_photos)
        .join(
            records,
            (records.c.entity == record_photos.c.entity) & (records.c.id == record_photos.c.row_id),
        )
        .join(
            photo_holders,
            (photo_holders.c.sha256 == record_photos.c.sha256)
            & (photo_holders.c.username == records.c.owner),
        )
        .where(record_photos.c.sha256 == sha256, records.c.deleted.is_(False))
    )
    if counties is not None:
        query = query.where(records.c.county_code.in_(sorted(counties)))
    return conn.execute(query.limit(1)).first() is not None
