"""An outfall's case history (案卷): a pure merge of entries from several sources, newest first.

Shared by the laptop (its profile's tables) and the server (its own): each source is a small
provider returning typed ``Entry`` values for one outfall, and ``merge`` puts them in one order.
Another source (the remediation plans) is one more provider; nothing here changes. No I/O.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


class Kind(enum.StrEnum):
    """What an entry is; the windows name each kind in their language."""

    INSPECTION = "inspection"
    REVIEW = "review"  # a supervisor's decision on an inspection (approve / return)
    STEP = "step"  # a lifecycle step (outfall_events)
    PROPOSAL = "proposal"  # a ledger proposal and its decision
    TASK = "task"
    LEAD = "lead"  # an aerial-survey lead that became this outfall
    PATROL_PROBLEM = "patrol_problem"
    PLAN = "plan"  # 一口一策: reserved for the remediation plans' provider


@dataclass(frozen=True)
class Entry:
    """One thing that happened to an outfall: who, when, what, and its evidence.

    ``state`` is the kind's own word (an inspection's status, a review's decision, a step's
    target state, a task's state); ``from_state`` only for steps. ``record_id`` names the record
    a viewer opens (the inspection for a review); ``photos`` are SHA-256 of the evidence.
    """

    kind: Kind
    entry_id: str
    at: str  # ISO 8601 as stored
    who: str
    state: str = ""
    from_state: str = ""
    note: str = ""
    record_id: str = ""
    photos: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "entry_id": self.entry_id,
            "at": self.at,
            "who": self.who,
            "state": self.state,
            "from_state": self.from_state,
            "note": self.note,
            "record_id": self.record_id,
            "photos": list(self.photos),
            "extra": dict(self.extra),
        }

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> Entry:
        return cls(
            kind=Kind(doc["kind"]),
            entry_id=str(doc["entry_id"]),
            at=str(doc["at"]),
            who=str(doc.get("who") or ""),
            state=str(doc.get("state") or ""),
            from_state=str(doc.get("from_state") or ""),
            note=str(doc.get("note") or ""),
            record_id=str(doc.get("record_id") or ""),
            photos=tuple(str(p) for p in doc.get("photos") or ()),
            extra=dict(doc.get("extra") or {}),
        )


# A source of entries for one outfall (the laptop's providers take their connection first).
Provider = Callable[[str], Iterable[Entry]]

_OLDEST = dt.datetime.min.replace(tzinfo=dt.UTC)


def instant(at: str) -> dt.datetime:
    """The moment ``at`` names, in UTC; a time without offset is UTC (how the tables store it);
    an unreadable one sorts as the oldest rather than hiding the entry."""
    try:
        moment = dt.datetime.fromisoformat(at.strip())
    except (ValueError, AttributeError):
        return _OLDEST
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def merge(sources: Iterable[Iterable[Entry]]) -> list[Entry]:
    """Every source's entries in one list, newest first; the same entry (kind and id) given twice
    is shown once. Ties keep one fixed order (kind, then id) so a reload never reshuffles."""
    seen: set[tuple[Kind, str]] = set()
    entries: list[Entry] = []
    for source in sources:
        for entry in source:
            key = (entry.kind, entry.entry_id)
            if key in seen:
                continue
            seen.add(key)
            entries.append(entry)
    entries.sort(key=lambda e: (e.kind.value, e.entry_id))
    entries.sort(key=lambda e: instant(e.at), reverse=True)  # stable: ties keep the order above
    return entries


def history(outfall_id: str, providers: Iterable[Provider]) -> list[Entry]:
    """The outfall's history from every provider."""
    return merge(provider(outfall_id) for provider in providers)
