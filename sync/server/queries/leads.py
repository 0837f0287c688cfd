"""The ``leads`` table: aerial-survey leads (航测线索) and their outcomes; the only module that
reads or writes it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select, update

from sync.server.canonical import as_utc, dumps, loads
from sync.server.queries._bulk import insert_rows
from sync.server.schema import leads

STATES = ("open", "tasked", "confirmed", "not_outfall", "duplicate")
OUTCOMES = ("confirmed", "not_outfall", "duplicate")


def _dict(row: Any) -> dict[str, Any]:
    data = dict(row._mapping)
    data["photos"] = loads(data["photos"]) or []
    data["evidence"] = loads(data["evidence"]) or []
    for key in ("created_at", "decided_at"):
        data[key] = None if data[key] is None else as_utc(data[key]).isoformat()
    return data


def insert_many(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Store new leads (``photos`` and ``evidence`` as Python lists)."""
    insert_rows(
        conn,
        leads,
        [
            {**r, "photos": dumps(r["photos"]), "evidence": dumps(r.get("evidence") or [])}
            for r in rows
        ],
    )


def get(conn: Connection, lead_id: str, counties: frozenset[str] | None) -> dict[str, Any] | None:
    """One lead of ``counties`` (None: any county), or None."""
    query = select(leads).where(leads.c.id == lead_id)
    if counties is not None:
        query = query.where(leads.c.county_code.in_(sorted(counties)))
    row = conn.execute(query).first()
    return None if row is None else _dict(row)


def search(
    conn: Connection,
    counties: frozenset[str] | None,
    *,
    state: str | None = None,
    cluster_id: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Leads of ``counties`` in import order (by file, then feature)."""
    query = select(leads)
    if counties is not None:
        query = query.where(leads.c.county_code.in_(sorted(counties)))
    if state is not None:
        query = query.where(leads.c.state == state)
    if cluster_id is not None:
        query = query.where(leads.c.cluster_id == cluster_id)
    query = query.order_by(leads.c.created_at, leads.c.import_id, leads.c.feature, leads.c.id)
    return [_dict(r) for r in conn.execute(query.limit(limit).offset(offset))]


def positions_in(conn: Connection, county: str) -> list[tuple[str, float, float]]:
    """(id, lat, lon) of every lead of a county."""
    rows = conn.execute(
        select(leads.c.id, leads.c.lat, leads.c.lon).where(leads.c.county_code == county)
    )
    return [(r.id, float(r.lat), float(r.lon)) for r in rows]


def set_cluster(conn: Connection, ids: Iterable[str], cluster_id: str) -> None:
    conn.execute(update(leads).where(leads.c.id.in_(sorted(ids))).values(cluster_id=cluster_id))


def update_one(conn: Connection, lead_id: str, values: dict[str, Any]) -> None:
    """Change one lead (``evidence`` as a Python list)."""
    if "evidence" in values:
        values = {**values, "evidence": dumps(values["evidence"])}
    conn.execute(update(leads).where(leads.c.id == lead_id).values(**values))
