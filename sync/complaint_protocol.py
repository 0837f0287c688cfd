"""Complaint messages (举报), between the desk and the server (never the laptops).

``POST /v1/complaints`` ``ComplaintRequest`` → ``ComplaintView`` (201): a supervisor records a
complaint of a county in their area; it becomes a verification task (``kind: verify``) for the
inspectors named, due ``verify_working_days`` after it was received (``complaint_rules.json``).
``GET /v1/complaints?county_code=&state=&overdue=`` → ``ComplaintList``, overdue first.
``GET /v1/complaints/{id}`` → ``ComplaintView``.
``POST /v1/complaints/{id}/outcome`` ``ComplaintOutcome`` → ``ComplaintView``: what the
verification found; ``POST /v1/complaints/{id}/reply`` ``ComplaintReply`` → ``ComplaintView``: the
answer given to the complainant (after the outcome). A stale ``version`` answers 409
``record_changed``; a complaint outside the area 404; other roles 403.

The complainant's name and phone are in these messages only: the server keeps them in its
complaints table and puts them in no task, feed item, log line or audit entry.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import Field

from sync.complaints import ComplaintState
from sync.protocol import SHA256_PATTERN, _Strict
from sync.task_protocol import Location


class ComplaintRequest(_Strict):
    id: uuid.UUID
    county_code: str = Field(pattern=r"^\d{6}$")
    channel: str = Field(min_length=1, max_length=40)
    received_at: datetime
    place: str = Field(default="", max_length=400)
    location: Location | None = None
    outfall_id: uuid.UUID | None = None
    description: str = Field(min_length=1, max_length=4000)
    photos: list[Annotated[str, Field(pattern=SHA256_PATTERN)]] = Field(
        default_factory=list, max_length=20
    )
    contact_name: str = Field(default="", max_length=64)
    contact_phone: str = Field(default="", max_length=32)
    assignees: list[str] = Field(default_factory=list, max_length=20)

    def photo_hashes(self) -> list[str]:
        return list(dict.fromkeys(self.photos))


class ComplaintOutcome(_Strict):
    outcome: str = Field(min_length=1, max_length=40)
    note: str = Field(default="", max_length=4000)
    version: int = Field(ge=1)


class ComplaintReply(_Strict):
    text: str = Field(min_length=1, max_length=4000)
    version: int = Field(ge=1)


class ComplaintView(_Strict):
    id: str
    county_code: str
    channel: str
    received_at: datetime
    place: str
    location: Location | None
    outfall_id: str | None
    description: str
    photos: list[str]
    contact_name: str
    contact_phone: str
    task_id: str | None
    task_state: str | None
    state: ComplaintState
    outcome: str | None
    outcome_note: str
    outcome_by: str | None
    outcome_at: datetime | None
    reply_text: str
    reply_by: str | None
    reply_at: datetime | None
    verify_due: datetime
    answer_due: datetime
    overdue: bool
    created_by: str
    created_at: datetime
    version: int


class ComplaintList(_Strict):
    complaints: list[ComplaintView]
    total: int
