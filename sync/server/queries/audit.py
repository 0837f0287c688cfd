"""The ``audit_log`` table: appends entries to the hash chain and reads it back."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, select

from sync.server.audit import GENESIS, AuditEntry, chain_hash
from sync.server.canonical import as_utc, dumps, loads
from sync.server.queries._bulk import insert_rows
from sync.server.schema import audit_log


def head(conn: Connection) -> tuple[int, str] | None:
    """The last entry's sequence number and hash; None for an empty chain."""
    row = conn.execute(
        select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)
    ).first()
    return None if row is None else (int(row.seq), str(row.hash))


def last_hash(conn: Connection) -> str:
    row = conn.execute(select(audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)).first()
    return GENESIS if row is None else str(row.hash)


def append_many(conn: Connection, entries: list[AuditEntry]) -> None:
    """Chain and store entries; the caller holds the write lock."""
    if not entries:
        return
    prev = last_hash(conn)
    rows = []
    for e in entries:
        digest = chain_hash(prev, e)
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
            }
        )
        prev = digest
    insert_rows(conn, audit_log, rows)


def iter_chain(conn: Connection, batch: int = 5000) -> Iterator[tuple[int, AuditEntry, str, str]]:
    """Every stored entry in order, as (seq, entry, prev_hash, hash)."""
    after = 0
    while True:
        rows = conn.execute(
            select(audit_log).where(audit_log.c.seq > after).order_by(audit_log.c.seq).limit(batch)
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
            yield r.seq, entry, r.prev_hash, r.hash
        after = rows[-1].seq


def for_row(conn: Connection, row_id: str, limit: int = 200) -> list[tuple[int, AuditEntry, str]]:
    """The entries about one row, oldest first, as (seq, entry, hash) (an evidence dossier)."""
    rows = conn.execute(
        select(audit_log).where(audit_log.c.row_id == row_id).order_by(audit_log.c.seq).limit(limit)
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
