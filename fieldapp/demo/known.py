"""Writes the known-answer ledger (``assessment.testing``) into a profile, as if pulled from the
server: outfalls with their lifecycle events, sign-status edits and completed inspections."""

from __future__ import annotations

import json
import sqlite3

from assessment.testing import KnownLedger, KnownOutfall, known_ledger
from fieldapp.domain.outfall import EventId, LifecycleEvent, Outfall, OutfallId
from fieldapp.store import outfalls
from fieldapp.store.capture import applying_incoming
from fieldapp.store.migrations import EDIT_COLUMNS

ACTOR = "考核测试"


def outfall_of(o: KnownOutfall, events: list[dict]) -> Outfall:
    return Outfall(
        id=OutfallId(o.id),
        name=o.name,
        local_code=f"KH-{o.id[:8]}",
        type_code="other",
        subtype_code="urban_storm",
        receiving_kind=o.kind,
        basin=o.basin,
        water_body="长江" if o.kind == "yangtze" else "黄海" if o.kind == "sea" else "通吕运河",
        county_code=o.county,
        town="考核镇",
        responsible_party="考核责任单位",
        remediation_route=o.route,
        lifecycle_state=o.final_state,
        sign_status=o.sign_status,
        created_at=str(events[0]["at"]),
        updated_at=str(events[-1]["at"]),
        updated_by=ACTOR,
    )


def write_known(conn: sqlite3.Connection, known: KnownLedger | None = None) -> KnownLedger:
    """Loads the known-answer ledger into the profile open on ``conn``; returns it."""
    known = known or known_ledger()
    by_outfall: dict[str, list[dict]] = {}
    for e in known.events:
        by_outfall.setdefault(str(e["outfall_id"]), []).append(dict(e))
    rows = []
    for o in known.outfalls:
        events = by_outfall[o.id]
        rows.append(
            (
                outfall_of(o, events),
                [
                    LifecycleEvent(
                        id=EventId(str(e["id"])),
                        outfall_id=OutfallId(o.id),
                        action=str(e["action"]),
                        from_state=e["from_state"],
                        to_state=str(e["to_state"]),
                        at=str(e["at"]),
                        actor=str(e["actor"]),
                        note=str(e["note"]),
                    )
                    for e in events
                ],
            )
        )
    outfalls.bulk_load_incoming(conn, rows)
    county = {o.id: o.county for o in known.outfalls}
    with applying_incoming(conn):
        conn.executemany(
            f"INSERT INTO outfall_edits ({', '.join(EDIT_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [tuple(e[c] for c in EDIT_COLUMNS) for e in known.edits],
        )
        conn.executemany(
            "INSERT INTO inspections (id, outfall_id, author, county_code, kind, status, "
            "started_at, completed_at, updated_at, sections) "
            "VALUES (?, ?, ?, ?, 'routine', 'complete', ?, ?, ?, ?)",
            [
                (
                    i["id"],
                    i["outfall_id"],
                    ACTOR,
                    county[str(i["outfall_id"])],
                    i["at"],
                    i["at"],
                    i["at"],
                    json.dumps({}),
                )
                for i in known.inspections
            ],
        )
    return known
