"""The hash-chained audit log: each entry's hash covers its content and the previous hash.

Editing or deleting an entry breaks the chain at that point; ``verify`` finds the first break.
Cutting entries off the end leaves a shorter chain that is still whole: a serving server anchors
the head in a file beside the photos every few minutes (``sync.server.anchors``), and ``fieldapp-server
audit verify`` checks those anchors; a head recorded anywhere else can be given with ``--expect-head``.
Writers hold the write lock (``db.write``), so the chain is linear.

With an audit key (``Settings.audit_key_file``, kept off the database host) each new entry's
hash is an HMAC-SHA256 under that key, so whoever can rewrite the database cannot recompute
the chain after editing it. Entries written before a key was configured keep their plain
hashes; a plain entry after a keyed one, or a chain whose newest entry is not keyed while a key
is configured, is a break.

``Reconciler`` then compares the current rows of records, users and devices with their latest
after-states in the chain: a row edited in the database behind the server's back is found even
though the chain itself is whole.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sync.server.canonical import dumps, iso, sha256_text

GENESIS = "0" * 64
# Entries of a bulk write (a ledger import): instead of one entry per row with the row's whole
# document, each lists up to a thousand rows by digest (``ROWS_PER_ENTRY``):
# ``after = {"rows": [[entity, id, version, sha256 of the canonical document], ...]}`` and
# ``before = {"rows": [[entity, id, version, sha256], ...]}`` for the rows it replaced. The
# documents themselves are in the records and the feed; the digests bind them to the chain.
ROWS_ACTIONS = frozenset({"ledger.import.rows"})
ROWS_PER_ENTRY = 1000


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


def chain_hash(prev_hash: str, entry: AuditEntry, key: bytes | None = None) -> str:
    """SHA-256 of the previous hash and the entry's content; an HMAC of them under ``key``."""
    text = prev_hash + "\n" + entry.content()
    if key is None:
        return sha256_text(text)
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


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


@dataclass(frozen=True)
class StoredEntry:
    """An entry as stored: its sequence number, content, links and whether it is keyed."""

    seq: int
    entry: AuditEntry
    prev_hash: str
    hash: str
    keyed: bool = False


def verify(
    stored: Iterable[StoredEntry],
    key: bytes | None = None,
    on_entry: Callable[[StoredEntry], None] | None = None,
) -> ChainCheck:
    """Check stored entries in order, up to the first break; ``on_entry`` sees each intact one."""
    expected_prev = GENESIS
    checked = 0
    seen: set[str] = set()
    keyed_seen = False
    last_keyed = False

    def broken(seq: int, why: str) -> ChainCheck:
        return ChainCheck(checked, expected_prev, Broken(seq, why), frozenset(seen))

    for s in stored:
        if s.prev_hash != expected_prev:
            return broken(s.seq, "previous hash does not match (an entry is missing)")
        if s.keyed:
            if key is None:
                return broken(s.seq, "the entry is keyed: give the audit key to verify it")
            if not hmac.compare_digest(chain_hash(s.prev_hash, s.entry, key), s.hash):
                return broken(s.seq, "content does not match its keyed hash (edited or rehashed)")
            keyed_seen = True
        else:
            if keyed_seen:
                return broken(s.seq, "an unkeyed entry after keyed ones (rehashed without the key)")
            if chain_hash(s.prev_hash, s.entry) != s.hash:
                return broken(s.seq, "content does not match its hash (the entry was edited)")
        if on_entry is not None:
            on_entry(s)
        expected_prev = s.hash
        last_keyed = s.keyed
        seen.add(s.hash)
        checked += 1
    if key is not None and checked and not last_keyed:
        return ChainCheck(
            checked,
            expected_prev,
            Broken(0, "an audit key is configured but the newest entry is not keyed"),
            frozenset(seen),
        )
    return ChainCheck(checked, expected_prev, None, frozenset(seen))


def document_digest(value: Any) -> str:
    """SHA-256 of a document's canonical JSON (what the reconciler holds rows against)."""
    return sha256_text(dumps(value))


@dataclass
class Reconciler:
    """The latest after-state of every record, user and device in the chain, to hold the
    current rows against (``mismatches``).

    Records: the data of the last entry that wrote the row (``None``: deleted). Users and
    devices: their after-states folded in order (older entries held only part of the state).
    """

    record_entities: frozenset[str]
    records: dict[tuple[str, str], str | None] = field(default_factory=dict)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    devices: dict[str, dict[str, Any]] = field(default_factory=dict)

    def see(self, entry: AuditEntry) -> None:
        if entry.action in ROWS_ACTIONS and isinstance(entry.after, dict):
            for entity, row_id, _version, digest in entry.after.get("rows", ()):
                if entity in self.record_entities:
                    self.records[(entity, row_id)] = digest
            return
        if entry.row_id is None:
            return
        if entry.entity in self.record_entities and entry.action != "push.propose":
            after = entry.after
            self.records[(entry.entity, entry.row_id)] = (
                None if after is None else document_digest(after)
            )
        elif entry.entity == "users" and isinstance(entry.after, dict):
            self.users.setdefault(entry.row_id, {}).update(entry.after)
        elif entry.entity == "devices" and isinstance(entry.after, dict):
            state = self.devices.setdefault(entry.row_id, {})
            state.update(entry.after)
            if entry.action.startswith("device.") and "user" not in entry.after:
                state.setdefault("user", entry.username)  # older entries named the user only

    def mismatches(
        self,
        records: Iterable[tuple[str, str, Any, bool]],
        users: Iterable[tuple[str, dict[str, Any]]],
        devices: Iterable[tuple[str, dict[str, Any]]],
        limit: int = 20,
    ) -> list[str]:
        """What differs between current rows and the chain: (entity, id, data, deleted) for
        records, (name, state) for users, (id, state) for devices."""
        found: list[str] = []
        stored_records: set[tuple[str, str]] = set()
        for entity, row_id, data, deleted in records:
            stored_records.add((entity, row_id))
            key = (entity, row_id)
            if key not in self.records:
                found.append(f"{entity} {row_id}: in the database, never in the audit log")
            elif (None if deleted else document_digest(data)) != self.records[key]:
                found.append(f"{entity} {row_id}: differs from its last audited state")
        for key in self.records.keys() - stored_records:
            found.append(f"{key[0]} {key[1]}: audited, but gone from the database")
        for kind, rows, chain in (("user", users, self.users), ("device", devices, self.devices)):
            names: set[str] = set()
            for name, state in rows:
                names.add(name)
                audited = chain.get(name)
                if audited is None:
                    found.append(f"{kind} {name}: in the database, never in the audit log")
                    continue
                differ = sorted(k for k, v in state.items() if k in audited and audited[k] != v)
                if differ:
                    found.append(f"{kind} {name}: {', '.join(differ)} differ from the audit log")
            for name in chain.keys() - names:
                found.append(f"{kind} {name}: audited, but gone from the database")
        return found[:limit]
