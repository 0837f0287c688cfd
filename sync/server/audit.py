"""The hash-chained audit log: each entry's hash covers its content and the previous hash.

Editing or deleting an entry breaks the chain at that point; ``verify`` finds the first break.
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


def verify(stored: Iterable[tuple[int, AuditEntry, str, str]]) -> tuple[int, Broken | None]:
    """Check (seq, entry, prev_hash, hash) rows in order; returns (entries checked, first break)."""
    expected_prev = GENESIS
    checked = 0
    for seq, entry, prev_hash, stored_hash in stored:
        if prev_hash != expected_prev:
            return checked, Broken(seq, "previous hash does not match (an entry is missing)")
        if chain_hash(prev_hash, entry) != stored_hash:
            return checked, Broken(seq, "content does not match its hash (the entry was edited)")
        expected_prev = stored_hash
        checked += 1
    return checked, None
