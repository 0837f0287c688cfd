"""The ``complaints`` table (举报): one row per complaint, with its complainant's contact."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from sync.server.canonical import as_utc
from sync.server.schema import complaints

_TIMES = ("received_at", "outcome_at", "reply_at", "verify_due", "answer_due", "created_at")


def _dict(row: Any) -> dict[str, Any]:
    data = dict(row._mapping)
    data["photos"] = json.loads(data["photos"])
    for key in _TIMES:
        if data[key] is not None:
            data[key] = as_utc(data[key])
    return data


def insert_one(conn: Connection, row: dict[str, Any]) -> None:
    conn.execute(insert(complaints).values({**row, "photos": json.dumps(row["photos"])}))


def get(conn: Connection, complaint_id: str) -> dict[str, Any] | None:
    found = conn.execute(select(complaints).where(complaints.c.id == complaint_id)).first()
    return None if found is None else _dict(found)


def update_one(conn: Connection, complaint_id: str, version: int, values: dict[str, Any]) -> bool:
    """Write ``values`` if the complaint is still at ``version``; False when a save came first."""
    result = conn.execute(
        update(complaints)
        .where(complaints.c.id == complaint_id, complaints.c.version == version)
        .values(version=version + 1, **values)
    )
    return result.rowcount == 1


def search(
    conn: Connection, counties: frozenset[str] | None, county_code: str | None, state: str | None
) -> list[dict[str, Any]]:
    """The complaints of ``counties`` (None: the city), newest received first."""
    query = select(complaints)
    if counties is not None:
        query = query.where(complaints.c.county_code.in_(sorted(counties)))
    if county_code is not None:
        query = query.where(complaints.c.county_code == county_code)
    if state is not None:
        query = query.where(complaints.c.state == state)
    rows = conn.execute(query.order_by(complaints.c.received_at.desc(), complaints.c.id))
    return [_dict(r) for r in rows]


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(complaints)).scalar_one())
