"""``fieldapp-server audit verify``: the chain, its anchors, and the rows it vouches for.

Four checks, each a reason to fail:

1. the chain is whole (``audit.verify``; keyed entries under the audit key);
2. a head recorded earlier (``--expect-head``) is still in it;
3. the anchor file and the chain agree: every anchored entry is in the chain, and every
   ``audit.anchor`` entry of the chain has its line in the file (a deleted or shortened file
   fails);
4. the current rows of records, users and devices equal their latest after-states in the chain
   (``audit.Reconciler``): a row edited in the database directly is found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from sync.server import anchors, db
from sync.server.audit import GENESIS, Reconciler, StoredEntry, verify
from sync.server.canonical import loads
from sync.server.context import ServerContext
from sync.server.queries import audit, devices, users
from sync.server.rules import ENTITIES
from sync.server.schema import records
from sync.server.security import fingerprint
from sync.server.services.admin import user_state


@dataclass
class Verdict:
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(ctx: ServerContext, expect_head: str | None = None) -> Verdict:
    verdict = Verdict()
    key = ctx.settings.audit_key()
    reconciler = Reconciler(frozenset(ENTITIES))
    anchor_entries: dict[int, str] = {}

    def see(stored: StoredEntry) -> None:
        reconciler.see(stored.entry)
        if stored.entry.action == "audit.anchor":
            anchor_entries[stored.seq] = stored.hash

    with db.read(ctx.engine) as conn:
        chain = verify(audit.iter_chain(conn), key, on_entry=see)
        if chain.broken is not None:
            verdict.problems.append(
                f"audit chain BROKEN at entry {chain.broken.seq}: {chain.broken.why} "
                f"({chain.checked} entries intact before it)"
            )
            return verdict
        mismatches = reconciler.mismatches(_records(conn), _users(conn), _devices(conn))
    if expect_head is not None and expect_head not in chain.hashes_seen | {GENESIS}:
        verdict.problems.append(
            f"audit chain CUT: the recorded head {expect_head} is no longer in it"
        )
    path = ctx.settings.anchor_file
    try:
        anchored = anchors.read(path)
    except anchors.AnchorFileError as exc:
        verdict.problems.append(f"audit anchors UNREADABLE: {exc}")
        anchored = []
    for a in anchored:
        if a.hash not in chain.hashes_seen:
            verdict.problems.append(
                f"audit chain CUT: entry {a.seq} ({a.hash}), anchored at {a.at.isoformat()} "
                f"in {path}, is no longer in it"
            )
            break
    in_file = {a.seq for a in anchored}
    lost = sorted(seq for seq in anchor_entries if seq not in in_file)
    if lost:
        verdict.problems.append(
            f"audit anchors MISSING: {len(lost)} anchor entries of the chain (first: entry "
            f"{lost[0]}) have no line in {path}: the file was deleted, shortened or replaced"
        )
    verdict.problems.extend(f"audit log and database DIFFER: {m}" for m in mismatches)
    if verdict.ok:
        verdict.facts.append(f"audit anchors: {len(anchored)} in {path}, all in the chain")
        verdict.facts.append("records, users and devices match their audited states")
        verdict.facts.append(
            f"audit chain intact: {chain.checked} entries{' (keyed)' if key else ''}; "
            f"head {chain.head}"
        )
    return verdict


def _records(conn: Connection) -> list[tuple[str, str, Any, bool]]:
    rows = conn.execute(select(records.c.entity, records.c.id, records.c.data, records.c.deleted))
    return [(r.entity, r.id, loads(r.data), bool(r.deleted)) for r in rows]


def _users(conn: Connection) -> list[tuple[str, dict[str, Any]]]:
    return [(u.username, user_state(u)) for u in users.list_all(conn)]


def _devices(conn: Connection) -> list[tuple[str, dict[str, Any]]]:
    return [
        (
            r.id,
            {
                "user": r.username,
                "install_id": r.install_id,
                "name": r.name,
                "revoked": r.revoked_at is not None,
                "token": fingerprint(r.token_hash),
                "prev_token": None if r.prev_token_hash is None else fingerprint(r.prev_token_hash),
            },
        )
        for r in devices.all_rows(conn)
    ]
