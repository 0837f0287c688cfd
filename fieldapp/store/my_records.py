"""我的记录 (My records): every inspection and patrol of this profile with where it stands —
draft, completed and waiting to go, sent, reviewed, returned, refused, withdrawn — and discarding
a draft (the only thing that deletes: confirmed by the user, audited, nothing else goes with it).

The list is ``sync.client.state.panel.record_states`` (the sync side knows the states).
"""

from __future__ import annotations

import sqlite3

from fieldapp.store import database, identity, inspections


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
