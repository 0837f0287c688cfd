"""我的记录 (My records): every inspection and patrol of this profile with where it stands —
draft, completed and waiting to go, sent, reviewed, returned, refused, withdrawn — and discarding
a draft (the only thing that deletes: confirmed by the user, audited, nothing else goes with it).

Reads go through ``fieldapp.store.sync_state.record_states`` (the sync side knows the states) and
``fieldapp.store.desk_decisions`` (ledger proposals and patrol problems decided at the desk).
"""

from __future__ import annotations

import dataclasses
import sqlite3

from fieldapp.store import database, identity, inspections, sync_state
from fieldapp.store.sync_state import RecordState


def records(conn: sqlite3.Connection, limit: int = 2000) -> list[RecordState]:
    """This profile's records and ledger proposals, most recently changed first; a patrol whose
    escalated problems were handled at the desk says by whom and how."""
    from fieldapp.store import desk_decisions

    handled = desk_decisions.patrol_handlings(conn)
    found = [
        dataclasses.replace(r, review_comment=r.review_comment or handled[r.row_id])
        if r.entity == "patrols" and r.row_id in handled
        else r
        for r in sync_state.record_states(conn, limit)
    ] + desk_decisions.record_states(conn)
    found.sort(key=lambda r: r.updated_at, reverse=True)
    return found[:limit]


def discard_draft(conn: sqlite3.Connection, inspection_id: str, path: str = "") -> int:
    """Delete an inspection draft and its photo links, audited, in one transaction."""
    actor = identity.current_user(conn)
    with database.transaction(conn, path):
        insp = inspections.get(conn, inspection_id)
        if insp is None:
            return 0
        photos = inspections.delete_draft(conn, inspection_id)
        identity.audit(
            conn, "discard_draft", actor, "inspections", inspection_id,
            {"outfall_id": insp.outfall_id, "photos": photos, "started_at": insp.started_at},
        )  # fmt: skip
    return photos
