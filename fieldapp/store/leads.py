"""The ``leads`` and ``lead_verifications`` tables of the profile (migration 14).

The only module that reads or writes them. Leads arrive through the pull (``sync.client.state.pull``
calls ``apply``); the map reads the county's leads still to verify. A verification note is written
here and captured like any record, so the next sync sends it to the supervisor as evidence.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from typing import Any

from fieldapp.domain import clock
from fieldapp.domain.lead import AerialLead, LeadPhoto
from fieldapp.store import identity

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


VERDICTS = ("not_outfall", "duplicate")


def record_verification(
    conn: sqlite3.Connection,
    lead: AerialLead,
    verdict: str,
    note: str,
    photo_sha256s: Sequence[str],
    outfall_id: str | None = None,
) -> str:
    """Save what the inspector found at a lead (not an outfall, or a duplicate of ``outfall_id``)
    with the photos already in the evidence store; one transaction. Returns its id."""
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}")
    if verdict == "duplicate" and not outfall_id:
        raise ValueError("a duplicate names the outfall it duplicates")
    row_id = str(uuid.uuid4())
    with conn:
        conn.execute(
            "INSERT INTO lead_verifications (id, lead_id, county_code, verdict, outfall_id, note,"
            " photo_sha256s, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row_id, lead.id, lead.county_code, verdict, outfall_id if verdict == "duplicate"
             else None, note.strip(), json.dumps(list(photo_sha256s)),
             identity.current_user(conn), clock.now_iso()),
        )  # fmt: skip
    return row_id


def verifications_of(conn: sqlite3.Connection, lead_id: str) -> list[dict[str, Any]]:
    """The verification notes recorded on this laptop for a lead, oldest first."""
    rows = conn.execute(
        "SELECT id, verdict, outfall_id, note, photo_sha256s, at FROM lead_verifications"
        " WHERE lead_id = ? ORDER BY at, id",
        (lead_id,),
    )
    return [
        {"id": r[0], "verdict": r[1], "outfall_id": r[2], "note": r[3],
         "photo_sha256s": json.loads(r[4]), "at": r[5]}
        for r in rows
    ]  # fmt: skip
