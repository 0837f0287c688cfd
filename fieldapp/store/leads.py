"""The ``leads`` table of the profile (migration 14): aerial-survey leads pulled from the server.

The only module that reads or writes it. Rows arrive through the pull (``sync.client.state.pull``
calls ``apply``); the map reads the county's leads still to verify.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from fieldapp.domain.lead import AerialLead, LeadPhoto

_COLUMNS = (
    "id", "county_code", "name", "note", "lat", "lon", "photos", "cluster_id",
    "near_outfall_id", "near_outfall_m", "state", "task_id", "outfall_id", "source",
)  # fmt: skip


def apply(conn: sqlite3.Connection, row_id: str, data: Any, deleted: bool) -> None:
    """Store (or drop) one lead as the server sent it; a malformed row is dropped, not kept."""
    if deleted or not isinstance(data, dict):
        conn.execute("DELETE FROM leads WHERE id = ?", (row_id,))
        return
    try:
        lat, lon = float(data["lat"]), float(data["lon"])
        photos = [
            {"name": str(p.get("name") or ""), "sha256": str(p["sha256"])}
            for p in data.get("photos") or []
            if isinstance(p, dict) and p.get("sha256")
        ]
    except (KeyError, TypeError, ValueError):
        conn.execute("DELETE FROM leads WHERE id = ?", (row_id,))
        return
    near_m = data.get("near_outfall_m")
    conn.execute(
        f"INSERT OR REPLACE INTO leads ({', '.join(_COLUMNS)}, data)"
        f" VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})",
        (
            row_id,
            str(data.get("county_code") or ""),
            str(data.get("name") or ""),
            str(data.get("note") or ""),
            lat,
            lon,
            json.dumps(photos, ensure_ascii=False),
            str(data.get("cluster_id") or ""),
            data.get("near_outfall_id"),
            None if near_m is None else float(near_m),
            str(data.get("state") or "open"),
            data.get("task_id"),
            data.get("outfall_id"),
            str(data.get("source") or ""),
            json.dumps(data, ensure_ascii=False),
        ),
    )


def _lead(row: sqlite3.Row | tuple[Any, ...]) -> AerialLead:
    values = dict(zip(_COLUMNS, row, strict=True))
    photos = tuple(LeadPhoto(p["name"], p["sha256"]) for p in json.loads(values.pop("photos")))
    return AerialLead(photos=photos, **values)


def get(conn: sqlite3.Connection, lead_id: str) -> AerialLead | None:
    row = conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM leads WHERE id = ?", (lead_id,)
    ).fetchone()
    return None if row is None else _lead(tuple(row))


def to_verify(conn: sqlite3.Connection) -> list[AerialLead]:
    """Leads still to verify on the ground (open or tasked), by cluster then name."""
    rows = conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM leads WHERE state IN ('open', 'tasked')"
        " ORDER BY cluster_id, name, id"
    )
    return [_lead(tuple(r)) for r in rows]
