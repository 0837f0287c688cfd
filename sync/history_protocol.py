"""``GET /v1/desk/outfalls/{outfall_id}/history`` → ``DeskOutfallHistory``: the outfall's case
history (案卷) from the server, newest first, each entry a ``sync.history.Entry`` as JSON.
Supervisors of the outfall's county (or the city) only: another county's outfall is 404, the
same as one that does not exist; another role is 403."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from sync.history import Entry


class DeskHistoryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str
    entry_id: str
    at: str
    who: str
    state: str = ""
    from_state: str = ""
    note: str = ""
    record_id: str = ""
    photos: list[str] = []
    extra: dict[str, Any] = {}

    @classmethod
    def of(cls, entry: Entry) -> DeskHistoryEntry:
        return cls(**entry.to_json())

    def entry(self) -> Entry:
        return Entry.from_json(self.model_dump())


class DeskOutfallHistory(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outfall_id: str
    county_code: str
    heading: str = ""  # the outfall's code and name, as the ledger holds them
    entries: list[DeskHistoryEntry]
