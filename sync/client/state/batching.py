"""Cutting the change log into a batch (pure: no database, no network).

Several changes of one row in the window become its last state (the server keeps rows, not
keystrokes). Upserts go in the order their rows first changed (a parent before its children),
deletes after them, children first (a photo before its inspection: the server refuses a child
whose parent is already gone), then the latest first. A row deleted here that the server does
not hold (made and deleted before it ever reached the server) is not sent at all. Each change
gets a hybrid-logical-clock stamp from its capture time, later than every stamp before it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sync.client.state.clock import State, format_hlc, iso_ms, tick
from sync.client.state.records import RECORD_OF, photo_refs
from sync.protocol import Change, PushRequest


@dataclass(frozen=True)
class LoggedChange:
    """One line of the change log: ``data`` is the row's JSON text (None for a delete)."""

    seq: int
    change_id: str
    entity: str
    row_id: str
    op: str  # upsert / delete
    data: str | None
    at: str  # capture time, ISO 8601


@dataclass(frozen=True)
class Cut:
    """The changes to send, in order and stamped; the photos they refer to; the clock after."""

    changes: list[dict[str, Any]]
    refs: tuple[str, ...]
    clock: State


def cut(
    log: Sequence[LoggedChange],
    server_holds: Callable[[str, str], bool],
    clock: State,
    node: str,
) -> Cut:
    """The batch made of ``log`` (in log order). ``server_holds(entity, row_id)``: whether the
    server is known to hold the row (a delete of anything else is dropped)."""
    first_at: dict[tuple[str, str], int] = {}
    latest: dict[tuple[str, str], LoggedChange] = {}
    for change in log:
        key = (change.entity, change.row_id)
        first_at.setdefault(key, change.seq)
        latest[key] = change
    upserts: list[tuple[str, str]] = []
    deletes: list[tuple[str, str]] = []
    for key, change in latest.items():
        if change.op != "delete":
            upserts.append(key)
        elif server_holds(*key):
            deletes.append(key)
    upserts.sort(key=lambda k: first_at[k])
    deletes.sort(key=lambda k: (k[0] not in RECORD_OF, -first_at[k]))
    changes = []
    refs: set[str] = set()
    for key in upserts + deletes:
        change = latest[key]
        clock = tick(clock, iso_ms(change.at))
        data = None if change.data is None else json.loads(change.data)
        if data is not None:
            refs |= photo_refs(data)
        changes.append(
            {
                "change_id": change.change_id,
                "entity": change.entity,
                "row_id": change.row_id,
                "op": change.op,
                "data": data,
                "at": change.at,
                "hlc": format_hlc(clock[0], clock[1], node),
            }
        )
    return Cut(changes, tuple(sorted(refs)), clock)


def body(batch_id: str, changes: Sequence[dict[str, Any]]) -> str:
    """The exact bytes of a batch as stored and sent (a retry sends the same), made through the
    protocol's ``PushRequest``: a change the server would refuse as malformed raises
    ``pydantic.ValidationError`` here instead. Floats are written in their shortest exact form
    (the same bits come back), text as UTF-8, unescaped."""
    request = PushRequest(
        batch_id=uuid.UUID(batch_id), changes=[Change.model_validate(c) for c in changes]
    )
    return request.model_dump_json()
