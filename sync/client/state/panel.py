"""What the sync panel, 我的记录 and the main window's status strip show (read only).

Costs follow the number of unsent changes and of records listed, not the size of the database.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from fieldapp.store import returns
from sync.client.state import account, issues, outbox, server_rows
from sync.client.state.account import Account
from sync.client.state.issues import Issue, Refusal


@dataclass(frozen=True)
class Pending:
    """What is left to send: changes and distinct rows, photos and their bytes."""

    changes: int
    records: int
    photos: int
    photo_bytes: int
    batches_waiting: int

    @property
    def empty(self) -> bool:
        return self.changes == 0 and self.batches_waiting == 0


NOTHING_PENDING = Pending(0, 0, 0, 0, 0)


def pending(conn: sqlite3.Connection, photo_size: Callable[[str], int] | None = None) -> Pending:
    """``photo_size(sha256)``: a photo's bytes (None: photo bytes are not counted)."""
    start = account.batched_seq(conn)
    changes, records = conn.execute(
        "SELECT count(*), count(DISTINCT entity || ':' || row_id) FROM change_log WHERE seq > ?",
        (start,),
    ).fetchone()
    waiting = outbox.unfinished_batches(conn)
    for b in waiting:
        changes += b.n_changes
        records += b.n_changes
    shas = outbox.unsent_photos(conn)
    size = 0
    if photo_size is not None:
        size = sum(photo_size(s) for s in shas)
    return Pending(changes, records, len(shas), size, len(waiting))


@dataclass(frozen=True)
class RecordState:
    entity: str
    row_id: str
    label: str
    state: str  # one of STATES
    review_comment: str
    updated_at: str
    review_deadline: str = ""  # a returned record's correction deadline (ISO date), if any
    outfall_id: str = ""  # an inspection's outfall (to open it)
    status: str = ""  # the record's own status: draft / complete
    reasons: tuple[str, ...] = ()  # why the server refused it (refused records)


STATES = (
    "draft", "ready", "queued", "sent", "received", "reviewed", "returned", "refused", "withdrawn"
)  # fmt: skip

_RECORDS = {
    # Labelled by the outfall people know (its code and name), not by an id.
    "inspections": "SELECT i.id, coalesce(o.display_code || ' ' || o.name, i.outfall_id),"
    " i.status, i.updated_at, i.outfall_id FROM inspections AS i"
    " LEFT JOIN outfalls AS o ON o.id = i.outfall_id",
    "patrols": "SELECT id, river, status, updated_at, '' FROM patrols",
}


def record_states(conn: sqlite3.Connection, limit: int = 500) -> list[RecordState]:
    """The sync state of the most recently changed records (inspections and patrols)."""
    start = account.batched_seq(conn)
    unsent = {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT DISTINCT entity, row_id FROM change_log WHERE seq > ?", (start,)
        )
    }
    in_batch = {
        key: "queued" if state == "open" else "sent"
        for key, state in outbox.in_flight(conn).items()
    }
    reviews = {
        (r[0], r[1]): (r[2], r[3], r[4] or "")
        for r in conn.execute(
            "SELECT record_entity, record_id, state, comment, json_extract(data, '$.deadline')"
            " FROM sync_reviews ORDER BY at"
        )
    }
    refused = {(r.entity, r.row_id): r.reasons for r in issues.refused_records(conn)}
    withdrawn = issues.withdrawn(conn)
    out = []
    for entity, sql in _RECORDS.items():
        for row_id, label, status, updated, outfall_id in conn.execute(
            f"{sql} ORDER BY 4 DESC LIMIT ?", (limit,)
        ):
            key = (entity, row_id)
            review = reviews.get(key)
            if key in unsent:
                state = "draft" if status == "draft" else "ready"
            elif key in in_batch:
                state = in_batch[key]
            elif key in refused:
                state = "refused"
            elif key in withdrawn and not server_rows.ever_known(conn, entity, row_id):
                state = "withdrawn"
            elif review is not None:
                state = "returned" if review[0] == "returned" else "reviewed"
            elif server_rows.ever_known(conn, entity, row_id):
                state = "received"
            else:
                state = "draft" if status == "draft" else "ready"
            out.append(
                RecordState(
                    entity,
                    row_id,
                    str(label or ""),
                    state,
                    review[1] if review else "",
                    str(updated),
                    str(review[2])[:10] if review else "",
                    str(outfall_id or ""),
                    str(status),
                    refused.get(key, ()) if state == "refused" else (),
                )
            )
    out.sort(key=lambda r: r.updated_at, reverse=True)
    return out[:limit]


@dataclass(frozen=True)
class Snapshot:
    """Everything the sync panel shows, read in one go on the lane."""

    account: Account
    pending: Pending
    records: list[RecordState]
    issues: list[Issue]
    errors: list[tuple[str, str, str]]
    refusals: list[Refusal] = dataclasses.field(default_factory=list)


def snapshot(conn: sqlite3.Connection, photo_size: Callable[[str], int] | None = None) -> Snapshot:
    return Snapshot(
        account.account(conn), pending(conn, photo_size), record_states(conn),
        issues.issues(conn), account.errors(conn), issues.refused_records(conn),
    )  # fmt: skip


@dataclass(frozen=True)
class Status:
    """What the main window's status strip shows, read in one go."""

    username: str | None
    signed_in: bool
    auto_sync: bool
    unsent: int  # records with changes not yet on the server
    refused: int
    returned: int  # returned records not yet revised and completed
    nearest_deadline: str | None  # ISO date of the nearest return deadline
    last_success_at: str | None
    last_error: str | None  # the code of the latest error since the last good sync


def status(conn: sqlite3.Connection) -> Status:
    acct = account.account(conn)
    states = record_states(conn)
    unsent = sum(1 for r in states if r.state in ("ready", "queued", "sent"))
    waiting = [r for r in returns.returned(conn) if r.revision_status != "complete"]
    deadlines = sorted(r.deadline[:10] for r in waiting if r.deadline)
    errs = account.errors(conn)
    return Status(
        acct.username,
        acct.signed_in,
        acct.auto_sync,
        unsent,
        len(issues.refused_records(conn)),
        len(waiting),
        deadlines[0] if deadlines else None,
        acct.last_success_at,
        errs[0][1] if errs else None,
    )


def my_records(conn: sqlite3.Connection, limit: int = 2000) -> list[RecordState]:
    """我的记录: this profile's records and ledger proposals, most recently changed first; a patrol
    whose escalated problems were handled at the desk says by whom and how."""
    from sync.client.state import decisions  # it builds on this module's RecordState

    handled = decisions.patrol_handlings(conn)
    found = [
        dataclasses.replace(r, review_comment=r.review_comment or handled[r.row_id])
        if r.entity == "patrols" and r.row_id in handled
        else r
        for r in record_states(conn, limit)
    ] + decisions.record_states(conn)
    found.sort(key=lambda r: r.updated_at, reverse=True)
    return found[:limit]
