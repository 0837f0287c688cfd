"""The hash-chained audit log: each entry's hash covers its content and the previous hash.

Editing or deleting an entry breaks the chain at that point; ``verify`` finds the first break.
Cutting entries off the end leaves a shorter chain that is still whole: a serving server anchors
the head in a file beside the photos every few minutes (``sync.server.anchors``), and ``fieldapp-server
audit verify`` checks those anchors; a head recorded anywhere else can be given with ``--expect-head``.
Writers hold the write lock (``db.write``), so the chain is linear.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sync.server.canonical import dumps, iso, sha256_text

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    """Who did what, from which device, when, with the row before and after."""

    at: datetime
    username: str | None
    device_id: str | None
    action: str
    entity: str | None
    row_id: str | None
    before: Any
    after: Any

    def content(self) -> str:
        return dumps(
            {
                "at": iso(self.at),
                "username": self.username,
                "device_id": self.device_id,
                "action": self.action,
                "entity": self.entity,
                "row_id": self.row_id,
                "before": self.before,
                "after": self.after,
            }
        )


def chain_hash(prev_hash: str, entry: AuditEntry) -> str:
    return sha256_text(prev_hash + "\n" + entry.content())


@dataclass(frozen=True)
class Broken:
    """Where the chain breaks: the stored sequence number and why."""

    seq: int
    why: str


@dataclass(frozen=True)
class ChainCheck:
    """What a verification found: entries intact, the last hash, the first break if any."""

    checked: int
    head: str
    broken: Broken | None
    hashes_seen: frozenset[str]


def verify(stored: Iterable[tuple[int, AuditEntry, str, str]]) -> ChainCheck:
    """Check (seq, entry, prev_hash, hash) rows in order, up to the first break."""
    expected_prev = GENESIS
    checked = 0
    seen: set[str] = set()
    for seq, entry, prev_hash, stored_hash in stored:
        if prev_hash != expected_prev:
            broken = Broken(seq, "previous hash does not match (an entry is missing)")
            return ChainCheck(checked, expected_prev, broken, frozenset(seen))
        if chain_hash(prev_hash, entry) != stored_hash:
            broken = Broken(seq, "content does not match its hash (the entry was edited)")
            return ChainCheck(checked, expected_prev, broken, frozenset(seen))
        expected_prev = stored_hash
        seen.add(stored_hash)
        checked += 1
    return ChainCheck(checked, expected_prev, None, frozenset(seen))
