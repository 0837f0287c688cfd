"""我的记录 (My records): every inspection and patrol of this profile with where it stands —
draft, completed and waiting to go, sent, reviewed, returned, refused, withdrawn — and discarding
a draft (the only thing that deletes: confirmed by the user, audited, nothing else goes with it).

Reads go through ``fieldapp.store.sync_state.record_states`` (the sync side knows the states).
"""

from __future__ import annotations

import sqlite3

from fieldapp.store import database, identity, inspections, sync_state
from fieldapp.store.sync_state import RecordState


def records(conn: sqlite3.Connection, limit: int = 2000) -> list[RecordState]:
    """This profile's records and ledger proposals, most recently changed first."""
    from fieldapp.store import proposal_decisions

    found = sync_state.record_states(conn, limit) + proposal_decisions.record_states(conn)
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
