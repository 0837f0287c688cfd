"""The supervisor's desk (审核台) messages, shared by the desk client and the server.

``GET /v1/desk/batches`` → ``DeskBatchList``: each pushed batch of the supervisor's area with its
inspector, device, counts, photo completeness, the flags of its records (``FLAGS``, counted) and
their review states. ``GET /v1/desk/batches/{batch_id}/records`` → ``DeskRecordList``: every
inspection the batch wrote, as it is now, with its flags, photos (arrived or not) and outfall.
``GET /v1/desk/records/{entity}/{row_id}`` → ``DeskRecordDetail``: the same plus the record it
revises and what changed, the outfall's history and its earlier inspections.
``POST /v1/desk/approve`` ``BulkApproveRequest`` → ``BulkApproveResult``: approves each record
that has no flag and is at the version sent; the others are refused one by one with a code.
``POST /v1/desk/outfalls/{row_id}/accept`` ``OutfallAccept`` and ``.../merge`` ``OutfallMerge``:
a newly found (provisional) outfall enters the ledger with its real code, or is merged into an
existing one (the provisional row is removed from the active ledger and the decision, naming the
outfall it went into, is a ``reviews`` row every device pulls).

``GET /v1/desk/proposals?state=pending|decided|accepted|merged|rejected`` → ``DeskProposalList``:
the area's ledger proposals, each with the ledger row as it is now beside the proposed one, what
changes, whether the row changed since (``stale``: accepting is refused) and, for a proposed new
outfall, the registered outfalls within 500 m. ``POST /v1/desk/proposals/{id}/decision``
``ProposalDecisionRequest`` → ``DeskProposal``: ``accept``, ``merge`` (a proposed new outfall is
the same as ``into_id``: it does not enter the ledger) or ``reject`` (a ``reason`` is required);
each decision is a ``reviews`` row naming the ``proposal_id`` that the proposer's laptop pulls. A
proposal already decided is refused 409 ``proposal_decided`` with ``{state, decided_by,
decided_at}`` (also under concurrency: the decision is a conditional update).
``GET /v1/desk/patrols[?batch_id=]`` → ``DeskPatrolList``: submitted patrols with their track,
duration, distance and problems (category, handling on the spot, escalation with its due time,
one working day on Asia/Shanghai's clock: ``sync.escalation``; ``overdue`` when not handled by
then). ``POST /v1/desk/patrol_problems/{id}/handled`` ``ProblemHandled`` → ``DeskPatrolProblem``:
records how an escalated problem was handled, once (a ``reviews`` row in state ``handled`` goes
to the county's laptops). ``GET /v1/desk/batches`` lists batches holding inspections or patrols.

Flags are computed on the server by pure functions (``sync.server.flags``) so every desk sees the
same ones.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import Field, model_validator

from sync.protocol import BatchSummary, ProposalView, RecordView, _Strict

FAR_FROM_OUTFALL = "far_from_outfall"
PHOTO_INCONSISTENT = "photo_inconsistent"
POOR_ACCURACY = "poor_accuracy"
REMEDIATION_CONTRADICTED = "remediation_contradicted"
NEW_OUTFALL = "new_outfall"
POSSIBLE_DUPLICATE = "possible_duplicate"
FLAGS: tuple[str, ...] = (
    FAR_FROM_OUTFALL,
    PHOTO_INCONSISTENT,
    POOR_ACCURACY,
    REMEDIATION_CONTRADICTED,
    NEW_OUTFALL,
    POSSIBLE_DUPLICATE,
)


class DeskPhoto(_Strict):
    id: str
    sha256: str
    arrived: bool
    taken_at: str | None = None
    lat: float | None = None
    lon: float | None = None
    distance_m: float | None = None
    time_offset_s: float | None = None
    far_from_outfall: bool = False
    time_implausible: bool = False
    width: int = 0
    height: int = 0
    caption: str = ""
    problem_code: str | None = None
    source_name: str = ""


class DeskRecord(_Strict):
    record: RecordView
    flags: list[str]
    photos: list[DeskPhoto]
    photos_missing: int
    outfall: dict[str, Any] | None
    duplicate_of: list[dict[str, Any]] = Field(default_factory=list)


class DeskBatch(_Strict):
    batch: BatchSummary
    device_name: str
    records: int
    photos: int
    photos_arrived: int
    flags: dict[str, int]
    review: dict[str, int]  # review state ("pending" for none) → records
    patrols: int = 0  # patrols the batch wrote (a batch of patrols only has no records)
    overdue: int = 0  # escalated patrol problems not handled within a working day


class DeskBatchList(_Strict):
    batches: list[DeskBatch]


class DeskRecordList(_Strict):
    records: list[DeskRecord]


class FieldChange(_Strict):
    field: str
    before: Any
    after: Any


class HistoryEntry(_Strict):
    at: str
    kind: str  # event / review / inspection
    actor: str
    text: str
    data: dict[str, Any] = Field(default_factory=dict)


class DeskRecordDetail(_Strict):
    record: DeskRecord
    original: DeskRecord | None
    changes: list[FieldChange]
    history: list[HistoryEntry]
    earlier: list[RecordView]
    reviews: list[dict[str, Any]]


class RecordRef(_Strict):
    entity: str = Field(pattern=r"^[a-z][a-z_]{0,39}$")
    row_id: str = Field(min_length=1, max_length=64)
    version: int


class BulkApproveRequest(_Strict):
    records: list[RecordRef] = Field(max_length=1000)
    comment: str = Field(default="", max_length=4000)


class Refusal(_Strict):
    row_id: str
    code: str
    message: str


class BulkApproveResult(_Strict):
    approved: list[str]
    refused: list[Refusal]


class OutfallAccept(_Strict):
    version: int
    national_code: str | None = Field(default=None, max_length=64, pattern=r"^[0-9A-Za-z\-_]+$")
    local_code: str | None = Field(default=None, max_length=64, pattern=r"^[0-9A-Za-z\-_]+$")
    comment: str = Field(default="", max_length=4000)


class OutfallMerge(_Strict):
    version: int
    into_id: uuid.UUID
    comment: str = Field(default="", max_length=4000)


class OutfallDecision(_Strict):
    review_id: str
    outfall: RecordView
    decided_at: datetime


# -- ledger proposals on the desk -------------------------------------------------------------------


class DeskProposal(_Strict):
    """A field proposal with the ledger row it would change, side by side.

    ``kind``: ``new`` (an outfall not in the ledger), ``correction``, ``merge`` (a correction
    that sets ``merge_into_id``) or ``delete``. ``current`` is the ledger row now (None for a new
    outfall); ``stale`` when the row changed since it was proposed (accepting is refused then).
    ``candidates``: registered outfalls near a proposed new one, to merge it into.
    """

    proposal: ProposalView
    kind: str
    current: dict[str, Any] | None
    current_version: int | None
    changes: list[FieldChange]
    stale: bool
    candidates: list[dict[str, Any]] = Field(default_factory=list)


class DeskProposalList(_Strict):
    proposals: list[DeskProposal]


class ProposalDecisionRequest(_Strict):
    """Accept, merge (a proposed new outfall into ``into_id``) or reject with a ``reason``."""

    decision: Literal["accept", "merge", "reject"]
    reason: str = Field(default="", max_length=4000)
    into_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _complete(self) -> ProposalDecisionRequest:
        if self.decision == "reject" and not self.reason.strip():
            raise ValueError("a rejection needs a reason")
        if self.decision == "merge" and self.into_id is None:
            raise ValueError("a merge names the outfall it goes into (into_id)")
        return self


# -- patrols on the desk ---------------------------------------------------------------------------


class DeskPatrolProblem(_Strict):
    id: str
    version: int = 1  # sent back when a supervisor records the handling
    at: str
    lat: float | None = None
    lon: float | None = None
    note: str = ""
    category: str | None = None
    handling: str = ""  # what the river chief did on the spot
    escalated: bool = False
    escalated_at: str | None = None
    due_at: str | None = None  # escalated: one working day later (Asia/Shanghai)
    handled_at: str | None = None
    handled_by: str | None = None
    handled_note: str = ""
    overdue: bool = False
    photos: int = 0
    outfall_id: str | None = None


class DeskPatrol(_Strict):
    record: RecordView
    author: str
    river: str
    chief_level: str
    started_at: str | None
    ended_at: str | None
    duration_s: float | None
    distance_m: float | None
    meets_rules: bool | None
    track: list[list[list[float]]]  # parts of [lat, lon] points
    problems: list[DeskPatrolProblem]
    overdue: int


class DeskPatrolList(_Strict):
    patrols: list[DeskPatrol]


class ProblemHandled(_Strict):
    note: str = Field(min_length=1, max_length=4000)
    version: int
