"""The sync protocol shared by the device's sync engine and the central server (协议).

Protocol version: ``PROTOCOL_VERSION`` (1). Every message below is a pydantic model with
``extra="forbid"``: an unknown field is a clean 422, never silently dropped.

Authentication
--------------
``POST /v1/login`` ``LoginRequest{username, password, install_id, device_name}`` →
``LoginResponse{token, device_id, user}``. ``install_id`` is a UUID the device makes once; the same
user logging in again from the same install keeps its ``device_id`` (so its change ids stay its own)
and gets a fresh token; the token it held keeps working until one of the two is used, then only the
used one does (a login the network delivered twice must not sign the device out). Every other call
carries ``Authorization: Bearer <token>`` and ``X-Hekou-Install: <install_id>`` (``INSTALL_HEADER``):
a token works only from the install it was issued to. Tokens are random, stored only as a SHA-256
hash, expire after a time unused (each use renews them), and stop working when the device is
revoked, signs out (``POST /v1/logout``, 204), or its user's password changes or the user is
disabled (401 ``token_invalid``). A wrong password, an unknown user name and a disabled account all
answer 401 ``login_failed``. User names are compared normalised (NFKC, case-folded, trimmed).
Failed logins are rate-limited (429 ``login_rate_limited``): per user name and per client address,
except from an ``install_id`` the user has logged in from before, where only that device's own
failures count (so nobody can lock a user out of their own laptop by guessing).

Push
----
``POST /v1/push`` ``PushRequest{batch_id, changes: [Change]}`` → ``PushResponse``. A change is::

    {"change_id": uuid, "entity": table, "row_id": uuid, "op": "upsert" | "delete",
     "data": {whole row after the change} | null for delete, "at": ISO 8601 UTC, "hlc": str}

``hlc`` is a hybrid logical clock string that sorts in time order (recommended form
``"<13-digit unix ms>:<5-digit counter>:<node>"``, the form the server uses itself).

A batch is applied atomically (all of its results are stored in one transaction, or none). Sending
the same ``batch_id`` again with the same content returns the stored answer and applies nothing; the
same ``batch_id`` with different content is 409 ``batch_id_reused``; a batch id of another device is
409 ``batch_foreign``. Each change gets a ``ChangeResult`` whose ``result`` is one of:

- ``applied``: stored; ``version`` is the row's new server version.
- ``duplicate``: this device's change id was already applied earlier; nothing applied again.
- ``proposed``: a field edit of the ledger (``outfalls``) stored as a proposal for a supervisor to
  accept or reject (``proposal_id``); the ledger itself is unchanged until then.
- ``conflict``: the server row was changed by another device at a later ``hlc``; not applied, the
  server's current row is returned in ``server_row`` with its ``version``.
- ``rejected``: not applied, ``reason`` is a ``Reason`` code.

Ownership rules (pure functions in ``sync.server.rules``):

- ``outfalls`` (the ledger, 台账) is owned by the server. A new outfall carrying only a
  ``provisional_code`` (no national or local code) is applied as a provisional ledger entry. Every
  other field edit or delete becomes a proposal. Supervisors' pushes to the ledger apply directly.
  A ledger row created, or edited with a new national code or county, whose national code breaks
  the code rule (``sync/server/data/outfall_codes.json``) is rejected ``invalid_code``.
- ``inspections`` and ``patrols`` belong to their ``author`` (the pushing user's name) until
  submitted (``status == "complete"``); a submitted record is rejected ``record_submitted`` unless
  a supervisor returned it (退回), and a record approved or escalated is locked (``record_locked``).
  An accepted edit of a returned record clears its review state: it is the author's again until
  they submit it anew.
- ``inspection_photos`` follow their parent inspection (``inspection_id``), and
  ``patrol_tracks``, ``patrol_problems`` and ``patrol_photos`` their patrol (``patrol_id``): area,
  owner and lock come from the parent, which must already be on the server or earlier in the batch.
- ``outfall_events`` and ``outfall_edits`` are append-only history rows of an outfall (area of the
  outfall; ``actor`` must be the pushing user); changing an existing one is ``immutable``.
- ``reviews`` and ``tasks`` are written by the server only (``entity_read_only``).
- Areas: a row's county is its ``county_code`` or its parent's; it must be one of the user's
  counties (a user bound to the city, ``320600``, sees every county).

Photos are referenced by any field named ``sha256`` or a list field ``photo_sha256s`` or
``photos`` (lists of hex SHA-256 strings). A photo has arrived for a user once their device
uploaded its bytes whole (another user's upload of the same bytes does not count, and no answer
says whether it exists). A batch is ``complete`` once every photo it refers to has arrived for its
user; it flips to complete when the last one does.

References: a row naming another row besides its parent (an inspection's ``outfall_id`` and
``supersedes``, a patrol problem's ``outfall_id``, an outfall's ``merge_into_id``) is rejected
``area_forbidden`` when the named row is on the server in another county than the row, or outside
the user's area. Row data holding a NUL character or a lone UTF-16 surrogate anywhere is refused
422 ``invalid_request`` (so is any text field of any request).

Photos
------
``POST /v1/photos/missing`` ``{sha256s: [...]}`` → ``{missing: [...], partial: {sha256: offset}}``
(``partial``: the missing photos of which an earlier, interrupted upload left bytes, and how many).
``GET /v1/photos/{sha256}/upload`` → ``UploadState{offset, complete}`` (where to resume, also after a
restart of either side). An unfinished upload belongs to the device that started it: no other
device sees its offset or appends to it; it is removed after a week untouched. ``PUT /v1/photos/{sha256}/upload?offset=N&total=T`` with the raw bytes of
the chunk (``application/octet-stream``); the chunk must start at the server's offset and end by
``T`` (409 ``upload_offset_mismatch`` otherwise, with the server's offset in ``detail``). The body
is written to disk as it arrives: when the link drops mid-chunk, the bytes that arrived are kept
and ``GET .../upload`` reports the offset to resume from. When the last byte arrives the server
verifies the hash (422 ``photo_hash_mismatch``; the partial upload is discarded) and stores the
photo atomically and durably. Limits: ``total`` up to 40 MiB (413 ``photo_too_large``), a chunk
up to 16 MiB, any request body up to 32 MiB (413 ``body_too_large``).

Pull
----
``GET /v1/pull?cursor=N&limit=L`` → ``PullResponse{items: [PulledChange], cursor, more}``: the
server's changes after ``cursor`` visible to the user (their counties): ledger rows (``outfalls``),
outfall lifecycle events (``outfall_events``), review decisions (``reviews``) and tasks (``tasks``). Each item is a ``Change`` plus ``seq``, the
server sequence. ``seq`` only grows and is assigned in commit order (feed writers are serialised),
so a client that stores the last ``cursor`` never misses a change. Besides, a user receives the
items addressed to them alone while their time lasts: a released 双随机 visit's task (kind
``random_inspection``) and its outfall's row, whatever the county; an inspection of that outfall
is accepted from them until the visit's window closes (``sync.server.services.draw_visits``).

A cursor is good only for the area it was built in: the server records each device's area as it
pulls. When the user's area has grown since (an administrator gave them another county, or the
whole city), a pull with ``cursor > 0`` answers ``{items: [], cursor: 0, more: true, restart:
true}``: the rows of the new county older than the cursor were never sent, so the device sets its
cursor to 0 and pulls everything again (applying a row again only rewrites the server's state).
A device that never pulled, a pull from 0, and an area that only shrank are served as usual.

Review (supervisors of the area only)
-------------------------------------
``GET /v1/batches``, ``GET /v1/batches/{batch_id}``, ``GET /v1/records``,
``GET /v1/records/{entity}/{row_id}``, ``POST /v1/records/{entity}/{row_id}/review``
``ReviewRequest{state: approved|returned|escalated, comment, deadline}``, ``GET /v1/proposals``,
``POST /v1/proposals/{proposal_id}/decision`` ``{decision: accept|reject, comment}`` (a proposal
already decided answers 409 ``proposal_decided`` naming who decided it and when),
``POST /v1/tasks``. A record outside the user's counties answers 404, never 403.

The review rules: a record that changed since the reviewer opened it (``version`` differs) is
refused 409 ``record_changed``; accepting a proposal whose ledger row changed since it was proposed
(its ``base_version`` is no longer the row's version) is refused 409 ``proposal_stale``; approving a record whose photos have not all arrived is refused
409 ``photos_missing`` unless ``override_reason`` says why; approving an inspection
makes the ledger follow (``sync.server.ledger_follow``). The supervisor's desk (``/v1/desk/...``,
``sync.review_protocol``) adds flags, photos, history, bulk approval and the acceptance or merge
of a newly found outfall; ``GET /v1/photos/{sha256}`` gives a photo's bytes to supervisors of an
area where it was pushed.

Audit
-----
Every change the server makes (applied changes, proposals, decisions, tasks, photo arrivals,
device logins, user and device administration) is appended to a hash-chained audit log: who, which
device, what, when, the row before and after. ``fieldapp-server audit verify`` finds an edited or
deleted entry.

Errors
------
Every 4xx carries ``ErrorBody{error: {code, message, detail}}`` with ``code`` an ``ErrorCode``;
a bug on the server answers 500 ``internal_error`` with the ``request_id`` its log holds.
"""

from __future__ import annotations

import enum
import json
import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

PROTOCOL_VERSION = 1

# Bounds a device must respect; the server refuses more with a clean 4xx.
MAX_BATCH_CHANGES = 5000
MAX_PULL_LIMIT = 1000
MAX_MISSING_QUERY = 5000
MAX_ROW_DEPTH = 32  # nesting of lists and objects inside a row's data
USERNAME_MAX_CHARS = 64
PASSWORD_MAX_CHARS = 256  # a password longer than a login may carry is refused when it is set
INSTALL_HEADER = "X-Hekou-Install"  # every authenticated call names the install its token is for
SHA256_PATTERN = r"^[0-9a-f]{64}$"
ENTITY_PATTERN = r"^[a-z][a-z_]{0,39}$"
CITY_CODE = "320600"  # 南通市: a user bound to it sees every county

Role = Literal["inspector", "river_chief", "supervisor", "leader", "admin"]
# A leader (领导) reads the area's progress against the milestones and pushes nothing.
ROLES: tuple[str, ...] = ("inspector", "river_chief", "supervisor", "leader", "admin")


def nesting_depth(value: Any) -> int:
    """How deeply lists and objects nest in a JSON value (iterative: no recursion limit)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def unstorable(value: Any) -> str | None:
    """Why a JSON value cannot be stored (a NUL character, which PostgreSQL refuses, or a lone
    UTF-16 surrogate, which has no UTF-8 form), anywhere inside it, keys included; or None."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "a lone surrogate (not a character)"
    if "\x00" in text:
        return "a NUL character"
    if isinstance(value, str) or "\\u0000" not in text:
        return None
    # json.dumps wrote NUL as \u0000; a backslash followed by "u0000" reads the same: look closer.
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and "\x00" in item:
            return "a NUL character"
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


class ErrorCode(enum.StrEnum):
    """Stable error codes of 4xx answers."""

    MALFORMED_JSON = "malformed_json"
    INVALID_REQUEST = "invalid_request"
    BODY_TOO_LARGE = "body_too_large"
    NOT_AUTHENTICATED = "not_authenticated"
    TOKEN_INVALID = "token_invalid"
    DEVICE_REVOKED = "device_revoked"
    USER_DISABLED = "user_disabled"
    LOGIN_FAILED = "login_failed"
    LOGIN_RATE_LIMITED = "login_rate_limited"
    ROLE_FORBIDDEN = "role_forbidden"
    NOT_FOUND = "not_found"
    PROTOCOL_UNSUPPORTED = "protocol_unsupported"
    BATCH_ID_REUSED = "batch_id_reused"
    BATCH_FOREIGN = "batch_foreign"
    UPLOAD_OFFSET_MISMATCH = "upload_offset_mismatch"
    UPLOAD_BUSY = "upload_busy"
    PHOTO_TOO_LARGE = "photo_too_large"
    PHOTO_HASH_MISMATCH = "photo_hash_mismatch"
    RECORD_NOT_SUBMITTED = "record_not_submitted"
    NOT_REVIEWABLE = "not_reviewable"
    PROPOSAL_DECIDED = "proposal_decided"
    PROPOSAL_STALE = "proposal_stale"
    PROPOSAL_NOT_MERGEABLE = "proposal_not_mergeable"
    # A proposed ledger change that moves the lifecycle state without a recorded, judged step.
    PROPOSAL_STEP_UNEXPLAINED = "proposal_step_unexplained"
    PROBLEM_NOT_ESCALATED = "problem_not_escalated"
    ALREADY_EXISTS = "already_exists"
    RECORD_CHANGED = "record_changed"
    PHOTOS_MISSING = "photos_missing"
    RECORD_FLAGGED = "record_flagged"
    NOT_PROVISIONAL = "not_provisional"
    INVALID_CODE = "invalid_code"  # a national code that breaks the code rule (国家编码规则)
    ASSIGNEE_OUTSIDE_AREA = "assignee_outside_area"  # a task's assignee not of its county
    TASK_CLOSED = "task_closed"  # the task is done or cancelled already
    LEAD_FILE_INVALID = "lead_file_invalid"  # an aerial-survey lead file that cannot be read
    LEAD_DECIDED = "lead_decided"  # the lead already has an outcome
    LEAD_EVIDENCE_INVALID = "lead_evidence_invalid"  # the outcome's outfall or records do not fit
    COMPLAINT_NOT_VERIFIED = "complaint_not_verified"  # an answer before the complaint's outcome
    INTERNAL_ERROR = "internal_error"  # 500: a bug on the server, logged under the request id


class Reason(enum.StrEnum):
    """Why a single change of a batch was rejected."""

    ENTITY_UNKNOWN = "entity_unknown"
    ENTITY_READ_ONLY = "entity_read_only"
    ROLE_FORBIDDEN = "role_forbidden"
    AREA_FORBIDDEN = "area_forbidden"
    NOT_OWNER = "not_owner"
    RECORD_SUBMITTED = "record_submitted"
    RECORD_LOCKED = "record_locked"
    IMMUTABLE = "immutable"
    PARENT_UNKNOWN = "parent_unknown"
    ROW_ID_MISMATCH = "row_id_mismatch"
    INVALID_ROW = "invalid_row"
    INVALID_CODE = "invalid_code"  # a national code that breaks the code rule (国家编码规则)
    NOT_FOUND = "not_found"
    CHANGE_ID_FOREIGN = "change_id_foreign"
    # Lifecycle steps (sync.casework, casework.json): who may take them, with what evidence.
    STEP_UNKNOWN = "step_unknown"  # an action the rules do not know
    STEP_NOT_ALLOWED = "step_not_allowed"  # not a step from the outfall's current state
    STEP_UNEXPLAINED = "step_unexplained"  # the state changed without a step recorded
    STEP_ROLE = "step_role"  # the role may not take this step
    STEP_LEVEL = "step_level"  # county step by a non-county account, city step by a county one
    STEP_NO_ACCEPTANCE = "step_no_acceptance"  # no approved acceptance inspection recent enough
    STEP_CHECKLIST_FAILED = "step_checklist_failed"  # the latest one fails its route's checklist
    STEP_EXCEEDANCE = "step_exceedance"  # a re-test over its limit and no passing re-test since
    STEP_NO_COUNTY_STEP = "step_no_county_step"  # city closing before the county pre-closing
    STEP_NOT_SEALED = "step_not_sealed"  # a banned outfall not shown sealed and dry on photos


class ResultKind(enum.StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    PROPOSED = "proposed"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class ReviewState(enum.StrEnum):
    APPROVED = "approved"
    RETURNED = "returned"
    ESCALATED = "escalated"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _storable_text(self) -> Any:
        # Text the database cannot hold (NUL, lone surrogates) is refused at the edge (422)
        # rather than failing in storage (500). Row data is checked deeply by ``Change``.
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, str):
                problem = unstorable(value)
                if problem is not None:
                    raise ValueError(f"{name} contains {problem}")
        return self


class ErrorInfo(_Strict):
    code: str
    message: str
    detail: Any = None
    request_id: str | None = None  # quote it to the bureau: it finds the request in the log


class ErrorBody(_Strict):
    error: ErrorInfo


class LoginRequest(_Strict):
    username: str = Field(min_length=1, max_length=USERNAME_MAX_CHARS)
    password: str = Field(min_length=1, max_length=PASSWORD_MAX_CHARS)
    install_id: uuid.UUID
    device_name: str = Field(default="", max_length=120)


class UserInfo(_Strict):
    username: str
    role: str
    counties: list[str]


class LoginResponse(_Strict):
    token: str
    device_id: str
    user: UserInfo
    protocol_version: int = PROTOCOL_VERSION


class Change(_Strict):
    change_id: uuid.UUID
    entity: str = Field(pattern=ENTITY_PATTERN)
    row_id: uuid.UUID
    op: Literal["upsert", "delete"]
    data: dict[str, Any] | None
    at: AwareDatetime
    hlc: str = Field(min_length=1, max_length=64)

    @field_validator("data")
    @classmethod
    def _shallow_enough(cls, data: dict[str, Any] | None) -> dict[str, Any] | None:
        if data is not None and nesting_depth(data) > MAX_ROW_DEPTH:
            raise ValueError(f"a row may nest at most {MAX_ROW_DEPTH} levels deep")
        problem = None if data is None else unstorable(data)
        if problem is not None:
            raise ValueError(f"the row contains {problem}")
        return data

    @model_validator(mode="after")
    def _data_matches_op(self) -> Change:
        if self.op == "upsert" and self.data is None:
            raise ValueError("an upsert carries the whole row in data")
        if self.op == "delete" and self.data is not None:
            raise ValueError("a delete carries data: null")
        return self


class PushRequest(_Strict):
    batch_id: uuid.UUID
    changes: list[Change] = Field(max_length=MAX_BATCH_CHANGES)
    protocol_version: int = PROTOCOL_VERSION


class ChangeResult(_Strict):
    change_id: str
    result: ResultKind
    reason: Reason | None = None
    version: int | None = None
    proposal_id: str | None = None
    server_row: dict[str, Any] | None = None


class PushResponse(_Strict):
    batch_id: str
    results: list[ChangeResult]
    missing_photos: list[str]
    complete: bool


class PulledChange(_Strict):
    seq: int
    change_id: str
    entity: str
    row_id: str
    op: Literal["upsert", "delete"]
    data: dict[str, Any] | None
    at: datetime
    hlc: str


class PullResponse(_Strict):
    items: list[PulledChange]
    cursor: int
    more: bool
    restart: bool = False  # the user's area grew: set the cursor to 0 and pull again


class MissingRequest(_Strict):
    sha256s: list[str] = Field(max_length=MAX_MISSING_QUERY)


class MissingResponse(_Strict):
    missing: list[str]
    # Bytes of an unfinished upload the server already holds, for the missing photos that have
    # some (absent: none): the device resumes there without asking.
    partial: dict[str, int] = Field(default_factory=dict)


class UploadState(_Strict):
    sha256: str
    offset: int
    complete: bool


class BatchSummary(_Strict):
    batch_id: str
    device_id: str
    username: str
    received_at: datetime
    content_hash: str
    counts: dict[str, int]
    total: int
    complete: bool
    counties: list[str]


class BatchItem(_Strict):
    change_id: str
    entity: str
    row_id: str
    op: str
    result: str
    reason: str | None
    county_code: str | None


class BatchDetail(_Strict):
    batch: BatchSummary
    items: list[BatchItem]


class BatchList(_Strict):
    batches: list[BatchSummary]


class RecordView(_Strict):
    entity: str
    row_id: str
    version: int
    data: dict[str, Any] | None
    county_code: str | None
    owner: str | None
    review_state: str | None
    deleted: bool
    updated_at: datetime


class RecordList(_Strict):
    records: list[RecordView]


class ReviewRequest(_Strict):
    state: ReviewState
    comment: str = Field(default="", max_length=4000)
    deadline: datetime | None = None
    # The record's version the reviewer opened; a record changed since is refused (409).
    version: int | None = None
    # Approving while photos are missing needs an explicit reason (409 ``photos_missing`` without).
    override_reason: str = Field(default="", max_length=4000)


class ReviewResponse(_Strict):
    review_id: str
    record: RecordView


class ProposalView(_Strict):
    proposal_id: str
    entity: str
    row_id: str
    op: str
    data: dict[str, Any] | None
    base_version: int | None
    proposed_by: str
    county_code: str | None
    state: str
    comment: str | None
    created_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None


class ProposalList(_Strict):
    proposals: list[ProposalView]


class DecisionRequest(_Strict):
    decision: Literal["accept", "reject"]
    comment: str = Field(default="", max_length=4000)


class DeviceView(_Strict):
    device_id: str
    username: str
    name: str
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool


class DeviceList(_Strict):
    devices: list[DeviceView]


class Health(_Strict):
    status: str
    protocol_version: int
