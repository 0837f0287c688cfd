"""The ``audit_log`` table: appends entries to the hash chain and reads it back.

The audit key travels with the engine (``db.with_audit_key``): every connection of a server
configured with a key writes keyed entries. A writer without the key refuses to extend a chain
that is already keyed (its entry would break it).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, and_, inspect, or_, select

from sync.server.audit import GENESIS, ROWS_ACTIONS, AuditEntry, StoredEntry, chain_hash
from sync.server.canonical import as_utc, dumps, loads
from sync.server.queries._bulk import insert_rows
from sync.server.schema import audit_log

KEY_OPTION = "hekou_audit_key"


class AuditKeyMissing(RuntimeError):
    """The chain is keyed but this writer has no audit key."""


def key_of(conn: Connection) -> bytes | None:
    key: bytes | None = conn.get_execution_options().get(KEY_OPTION)
    return key


def head(conn: Connection) -> tuple[int, str] | None:
    """The last entry's sequence number and hash; None for an empty chain."""
    row = conn.execute(
        select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)
    ).first()
    return None if row is None else (int(row.seq), str(row.hash))


def last_anchor(conn: Connection) -> tuple[int, str] | None:
    """The newest ``audit.anchor`` entry's sequence number and hash."""
    row = conn.execute(
        select(audit_log.c.seq, audit_log.c.hash)
        .where(audit_log.c.action == "audit.anchor")
        .order_by(audit_log.c.seq.desc())
        .limit(1)
    ).first()
    return None if row is None else (int(row.seq), str(row.hash))


def _last(conn: Connection) -> tuple[str, bool]:
    row = conn.execute(
        select(audit_log.c.hash, audit_log.c.keyed).order_by(audit_log.c.seq.desc()).limit(1)
    ).first()
    return (GENESIS, False) if row is None else (str(row.hash), bool(row.keyed))


def last_is_keyed(conn: Connection) -> bool:
    return _last(conn)[1]


def last_hash(conn: Connection) -> str:
    return _last(conn)[0]


def append_many(conn: Connection, entries: list[AuditEntry]) -> None:
    """Chain and store entries; the caller holds the write lock."""
    if not entries:
        return
    key = key_of(conn)
    prev, last_keyed = _last(conn)
    if last_keyed and key is None:
        raise AuditKeyMissing(
            "the audit chain is keyed: give this server its audit key "
            "(--audit-key-file or HEKOU_AUDIT_KEY_FILE)"
        )
    rows = []
    for e in entries:
        digest = chain_hash(prev, e, key)
        rows.append(
            {
                "at": e.at,
                "username": e.username,
                "device_id": e.device_id,
                "action": e.action,
                "entity": e.entity,
                "row_id": e.row_id,
                "before": None if e.before is None else dumps(e.before),
                "after": None if e.after is None else dumps(e.after),
                "prev_hash": prev,
                "hash": digest,
                "keyed": key is not None,
            }
        )
        prev = digest
    insert_rows(conn, audit_log, rows)


def iter_chain(conn: Connection, batch: int = 5000) -> Iterator[StoredEntry]:
    """Every stored entry in order (also of a database at a schema before keyed entries, as a
    backup of an older release is verified before it is migrated)."""
    has_keyed = "keyed" in {c["name"] for c in inspect(conn).get_columns("audit_log")}
    columns = [c for c in audit_log.c if has_keyed or c.name != "keyed"]
    after = 0
    while True:
        rows = conn.execute(
            select(*columns).where(audit_log.c.seq > after).order_by(audit_log.c.seq).limit(batch)
        ).all()
        if not rows:
            return
        for r in rows:
            entry = AuditEntry(
                at=as_utc(r.at),
                username=r.username,
                device_id=r.device_id,
                action=r.action,
                entity=r.entity,
                row_id=r.row_id,
                before=loads(r.before),
                after=loads(r.after),
            )
            yield StoredEntry(r.seq, entry, r.prev_hash, r.hash, has_keyed and bool(r.keyed))
        after = rows[-1].seq


def for_row(conn: Connection, row_id: str, limit: int = 200) -> list[tuple[int, AuditEntry, str]]:
    """The entries about one row, oldest first, as (seq, entry, hash) (an evidence dossier):
    its own entries and the bulk entries that list it (``audit.ROWS_ACTIONS``)."""
    listed = and_(
        audit_log.c.action.in_(sorted(ROWS_ACTIONS)),
        audit_log.c.after.contains(dumps(row_id), autoescape=True),
    )
    rows = conn.execute(
        select(audit_log)
        .where(or_(audit_log.c.row_id == row_id, listed))
        .order_by(audit_log.c.seq)
        .limit(limit)
    ).all()
    return [
        (
            r.seq,
            AuditEntry(
                at=as_utc(r.at),
                username=r.username,
                device_id=r.device_id,
                action=r.action,
                entity=r.entity,
                row_id=r.row_id,
                before=loads(r.before),
                after=loads(r.after),
            ),
            r.hash,
        )
        for r in rows
    ]
