"""The ``feed`` table: the server's changes that devices pull, numbered in commit order."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from sync.protocol import PulledChange
from sync.server.canonical import as_utc, dumps, loads
from sync.server.queries._bulk import copy_rows, insert_rows
from sync.server.schema import feed


def append_many(conn: Connection, items: list[dict[str, Any]]) -> None:
    """Append items (keys: change_id, entity, row_id, op, data, at, hlc, county_code).

    The caller holds the write lock (``db.write``), so sequence numbers follow commit order.
    """
    insert_rows(
        conn, feed, [{**i, "data": None if i["data"] is None else dumps(i["data"])} for i in items]
    )


def item(
    entity: str,
    row_id: str,
    data: dict[str, Any] | None,
    *,
    at: datetime,
    hlc: str,
    county_code: str | None,
    op: str = "upsert",
    audience: str | None = None,
    until: datetime | None = None,
) -> dict[str, Any]:
    """One feed item for ``append_many`` under a new change id: for every device of the county,
    or, with ``audience``, for that user alone until ``until`` (whatever their area)."""
    return {
        "change_id": str(uuid.uuid4()),
        "entity": entity,
        "row_id": row_id,
        "op": op,
        "data": data,
        "at": at,
        "hlc": hlc,
        "county_code": county_code,
        "audience": audience,
        "audience_until": until,
    }


COLUMNS = ("change_id", "entity", "row_id", "op", "data", "at", "hlc", "county_code")


def copy_many(conn: Connection, items: list[tuple[Any, ...]]) -> None:
    """Append many items at once, each a tuple in ``COLUMNS`` order with ``data`` already
    canonical text (``_bulk.copy_rows``: COPY on PostgreSQL). The caller holds the write lock."""
    copy_rows(conn, feed, COLUMNS, items)


def since(
    conn: Connection,
    cursor: int,
    counties: frozenset[str] | None,
    limit: int,
    username: str = "",
    now: datetime | None = None,
) -> list[PulledChange]:
    """Up to ``limit`` items after ``cursor``: those of everyone inside ``counties`` (None: the
    whole city), and those for ``username`` alone whose time has not passed at ``now`` (a drawn
    visit's task and outfall, whatever their county)."""
    # Two ordered index scans, merged here: (county_code, seq) for everyone's items and
    # (audience, seq) for the user's own; one query with an OR between them cannot use either
    # index for its order on PostgreSQL.
    everyone = select(feed).where(feed.c.seq > cursor, feed.c.audience.is_(None))
    if counties is not None:
        everyone = everyone.where(feed.c.county_code.in_(sorted(counties)))
    rows = list(conn.execute(everyone.order_by(feed.c.seq).limit(limit)))
    if username and now is not None:
        own = select(feed).where(
            feed.c.seq > cursor, feed.c.audience == username, feed.c.audience_until > now
        )
        rows.extend(conn.execute(own.order_by(feed.c.seq).limit(limit)))
        rows = sorted(rows, key=lambda r: r.seq)[:limit]
    return [
        PulledChange(
            seq=r.seq,
            change_id=r.change_id,
            entity=r.entity,
            row_id=r.row_id,
            op=r.op,
            data=loads(r.data),
            at=as_utc(r.at),
            hlc=r.hlc,
        )
        for r in rows
    ]


def last_seq(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(feed.c.seq), 0))).scalar_one())
