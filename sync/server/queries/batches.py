"""The ``batches``, ``batch_items`` and ``batch_counties`` tables: each push kept for review."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, exists, func, insert, select, true, update

from sync.protocol import BatchItem, BatchSummary
from sync.server.canonical import as_utc
from sync.server.queries._bulk import insert_rows, one_of
from sync.server.schema import batch_counties, batch_items, batch_photos, batches, photo_holders


def _summary(row: Any) -> BatchSummary:
    return BatchSummary(
        batch_id=row.batch_id,
        device_id=row.device_id,
        username=row.username,
        received_at=as_utc(row.received_at),
        content_hash=row.content_hash,
        counts=json.loads(row.counts),
        total=row.total,
        complete=bool(row.complete),
        counties=json.loads(row.counties),
    )


def get_raw(conn: Connection, batch_id: str) -> Any:
    """The stored row (device, content hash, stored response), or None."""
    return conn.execute(select(batches).where(batches.c.batch_id == batch_id)).first()


def insert_batch(conn: Connection, row: dict[str, Any], counties: list[str]) -> None:
    conn.execute(insert(batches).values(**row))
    if counties:
        conn.execute(
            insert(batch_counties),
            [{"batch_id": row["batch_id"], "county_code": c} for c in counties],
        )


def insert_items(conn: Connection, items: list[dict[str, Any]]) -> None:
    insert_rows(conn, batch_items, items)


def _in_area(counties: frozenset[str] | None) -> Any:
    if counties is None:
        return True
    return exists().where(
        batch_counties.c.batch_id == batches.c.batch_id,
        batch_counties.c.county_code.in_(sorted(counties)),
    )


def _scoped(
    conn: Connection, summaries: list[BatchSummary], counties: frozenset[str] | None
) -> list[BatchSummary]:
    """Summaries as seen from ``counties``: counts, total and counties of the batch's changes
    inside them only (a batch spanning counties tells nothing of the others)."""
    if counties is None or not summaries:
        return summaries
    ids = [s.batch_id for s in summaries]
    rows = conn.execute(
        select(batch_items.c.batch_id, batch_items.c.result, func.count().label("n"))
        .where(batch_items.c.batch_id.in_(ids), batch_items.c.county_code.in_(sorted(counties)))
        .group_by(batch_items.c.batch_id, batch_items.c.result)
    )
    counts: dict[str, dict[str, int]] = {i: {} for i in ids}
    for r in rows:
        counts[r.batch_id][r.result] = int(r.n)
    return [
        s.model_copy(
            update={
                "counts": counts[s.batch_id],
                "total": sum(counts[s.batch_id].values()),
                "counties": [c for c in s.counties if c in counties],
            }
        )
        for s in summaries
    ]


def get(conn: Connection, batch_id: str, counties: frozenset[str] | None) -> BatchSummary | None:
    row = conn.execute(
        select(batches).where(batches.c.batch_id == batch_id, _in_area(counties))
    ).first()
    return None if row is None else _scoped(conn, [_summary(row)], counties)[0]


def search(
    conn: Connection,
    counties: frozenset[str] | None,
    *,
    username: str | None = None,
    device_id: str | None = None,
    complete: bool | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    holding: str | tuple[str, ...] | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[BatchSummary]:
    """Batches of the area, newest first; with ``holding``, only those that stored (applied or
    found already applied) an upsert of that entity (or of one of those entities), so that a
    page is full of them."""
    conds = [_in_area(counties)]
    if holding is not None:
        conds.append(
            exists().where(
                batch_items.c.batch_id == batches.c.batch_id,
                batch_items.c.entity.in_((holding,) if isinstance(holding, str) else holding),
                batch_items.c.op == "upsert",
                batch_items.c.result.in_(("applied", "duplicate")),
            )
        )
    if username is not None:
        conds.append(batches.c.username == username)
    if device_id is not None:
        conds.append(batches.c.device_id == device_id)
    if complete is not None:
        conds.append(batches.c.complete == complete)
    if since is not None:
        conds.append(batches.c.received_at >= since)
    if until is not None:
        conds.append(batches.c.received_at < until)
    rows = conn.execute(
        select(batches)
        .where(and_(true(), *conds))
        .order_by(batches.c.received_at.desc(), batches.c.batch_id)
        .limit(limit)
        .offset(offset)
    )
    return _scoped(conn, [_summary(r) for r in rows], counties)


def items(conn: Connection, batch_id: str, counties: frozenset[str] | None) -> list[BatchItem]:
    """The batch's changes inside ``counties`` (rows without a county are shown to the city)."""
    query = select(batch_items).where(batch_items.c.batch_id == batch_id)
    if counties is not None:
        query = query.where(batch_items.c.county_code.in_(sorted(counties)))
    rows = conn.execute(query.order_by(batch_items.c.position))
    return [
        BatchItem(
            change_id=r.change_id,
            entity=r.entity,
            row_id=r.row_id,
            op=r.op,
            result=r.result,
            reason=r.reason,
            county_code=r.county_code,
        )
        for r in rows
    ]


def add_photo_refs(conn: Connection, batch_id: str, hashes: set[str]) -> None:
    if hashes:
        conn.execute(
            insert(batch_photos), [{"batch_id": batch_id, "sha256": h} for h in sorted(hashes)]
        )


def complete_waiting_on(conn: Connection, sha256s: list[str]) -> None:
    """Flip to complete every batch that was waiting for these photos and now has them all
    (uploaded by the batch's user)."""
    missing = (
        select(batch_photos.c.sha256)
        .where(batch_photos.c.batch_id == batches.c.batch_id)
        .where(
            ~exists().where(
                photo_holders.c.sha256 == batch_photos.c.sha256,
                photo_holders.c.username == batches.c.username,
            )
        )
    )
    waiting = select(batch_photos.c.batch_id).where(one_of(conn, batch_photos.c.sha256, sha256s))
    conn.execute(
        update(batches)
        .where(batches.c.batch_id.in_(waiting), batches.c.complete.is_(False), ~exists(missing))
        .values(complete=True)
    )


def photo_hashes(conn: Connection, batch_ids: list[str]) -> dict[str, list[str]]:
    """The photos each batch refers to (whether they arrived or not)."""
    found: dict[str, list[str]] = {b: [] for b in batch_ids}
    if batch_ids:
        rows = conn.execute(
            select(batch_photos.c.batch_id, batch_photos.c.sha256).where(
                batch_photos.c.batch_id.in_(batch_ids)
            )
        )
        for row in rows:
            found[row.batch_id].append(row.sha256)
    return found
