"""The ``plans`` table: remediation plans (一口一策), one per outfall; the only module that reads
or writes it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select, update

from sync import plans as rules
from sync.server.canonical import as_utc, dumps, loads
from sync.server.schema import plans


def _dict(row: Any) -> dict[str, Any]:
    data = dict(row._mapping)
    data["data"] = loads(data["data"])
    for key in ("created_at", "updated_at"):
        data[key] = as_utc(data[key]).isoformat()
    return data


def of_outfall(
    conn: Connection, outfall_id: str, counties: frozenset[str] | None
) -> dict[str, Any] | None:
    """The plan of an outfall in ``counties`` (None: any county), or None."""
    query = select(plans).where(plans.c.outfall_id == outfall_id)
    if counties is not None:
        query = query.where(plans.c.county_code.in_(sorted(counties)))
    row = conn.execute(query).first()
    return None if row is None else _dict(row)


def _columns(data: dict[str, Any]) -> dict[str, Any]:
    upcoming = rules.next_due(data)
    return {
        "route": data["route"],
        "deadline": data["deadline"],
        "next_due": None if upcoming is None else upcoming.isoformat(),
        "data": dumps(data),
    }


def insert_one(conn: Connection, data: dict[str, Any], by: str, at: Any) -> None:
    conn.execute(
        insert(plans).values(
            id=data["id"], outfall_id=data["outfall_id"], county_code=data["county_code"],
            version=1, created_by=by, created_at=at, updated_by=by, updated_at=at,
            **_columns(data),
        )
    )  # fmt: skip


def update_one(conn: Connection, plan_id: str, version: int, data: dict[str, Any], by: str,
               at: Any) -> bool:  # fmt: skip
    """Write the plan if it is still at ``version``; False when another save came first."""
    result = conn.execute(
        update(plans)
        .where(plans.c.id == plan_id, plans.c.version == version)
        .values(version=version + 1, updated_by=by, updated_at=at, **_columns(data))
    )
    return result.rowcount == 1


def search(
    conn: Connection, counties: frozenset[str] | None, limit: int = 500, offset: int = 0
) -> list[dict[str, Any]]:
    """Plans of ``counties``, the earliest date still to meet first (completed plans last)."""
    query = select(plans)
    if counties is not None:
        query = query.where(plans.c.county_code.in_(sorted(counties)))
    query = query.order_by(plans.c.next_due.is_(None), plans.c.next_due, plans.c.id)
    return [_dict(r) for r in conn.execute(query.limit(limit).offset(offset))]
