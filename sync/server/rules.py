"""Ownership, area, lock and conflict rules of pushed changes: pure functions, no I/O.

``decide`` looks at one change, the stored row it touches (if any), its parent (for child rows)
and the actor, and says what happens: applied, proposed, conflict or rejected with a reason.
The rules themselves are described in the docstring of ``sync.protocol``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from sync.protocol import Reason, ResultKind, ReviewState
from sync.server import codes
from sync.server.models import Actor, StoredRecord

Kind = Literal["ledger", "owned", "owned_child", "history", "server"]
FIELD_ROLES = frozenset({"inspector", "river_chief", "supervisor"})
PATROL_ROLES = frozenset({"river_chief", "supervisor"})
RECORD_STATUSES = frozenset({"draft", "complete"})  # an inspection's or patrol's status
LOCKED_STATES = frozenset({ReviewState.APPROVED.value, ReviewState.ESCALATED.value})
COUNTY_RE = re.compile(r"^\d{6}$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
PHOTO_LIST_FIELDS = ("photo_sha256s", "photos")


@dataclass(frozen=True)
class EntityRule:
    """How one entity is owned, where its area comes from, and who may push it."""

    kind: Kind
    roles: frozenset[str]
    owner_field: str | None = None
    parent_entity: str | None = None
    parent_field: str | None = None
    in_feed: bool = False


ENTITIES: dict[str, EntityRule] = {
    "outfalls": EntityRule("ledger", FIELD_ROLES, in_feed=True),
    # An outfall's lifecycle steps (整治、验收、销号) with their evidence: every device of the
    # area pulls them, so that each inspector sees where an outfall stands.
    "outfall_events": EntityRule(
        "history",
        FIELD_ROLES,
        "actor",
        parent_entity="outfalls",
        parent_field="outfall_id",
        in_feed=True,
    ),
    "outfall_edits": EntityRule(
        "history", FIELD_ROLES, "actor", parent_entity="outfalls", parent_field="outfall_id"
    ),
    "inspections": EntityRule("owned", frozenset({"inspector", "supervisor"}), "author"),
    "inspection_photos": EntityRule(
        "owned_child",
        frozenset({"inspector", "supervisor"}),
        parent_entity="inspections",
        parent_field="inspection_id",
    ),
    "patrols": EntityRule("owned", PATROL_ROLES, "author"),
    # A patrol's GPS track parts, the problems found and their photos (巡河轨迹、问题、照片).
    "patrol_tracks": EntityRule(
        "owned_child", PATROL_ROLES, parent_entity="patrols", parent_field="patrol_id"
    ),
    "patrol_problems": EntityRule(
        "owned_child", PATROL_ROLES, parent_entity="patrols", parent_field="patrol_id"
    ),
    "patrol_photos": EntityRule(
        "owned_child", PATROL_ROLES, parent_entity="patrols", parent_field="patrol_id"
    ),
    "reviews": EntityRule("server", frozenset(), in_feed=True),
    "tasks": EntityRule("server", frozenset(), in_feed=True),
    "leads": EntityRule("server", frozenset(), in_feed=True),  # aerial-survey leads to verify
    # remediation plans (一口一策): written by supervisors through /v1/plans, never pushed
    "plans": EntityRule("server", frozenset(), in_feed=True),
    # what an inspector found at a lead that is not a new outfall: the supervisor's evidence
    "lead_verifications": EntityRule("owned", frozenset({"inspector", "supervisor"}), "author"),
}
FEED_ENTITIES = frozenset(name for name, rule in ENTITIES.items() if rule.in_feed)
# Fields of a row naming another row (entity) besides its parent: the named row, when the
# server has it, must lie in the same county as the row and inside the sender's area.
REFERENCES: dict[str, dict[str, str]] = {
    "inspections": {"outfall_id": "outfalls", "supersedes": "inspections"},
    "patrol_problems": {"outfall_id": "outfalls"},
    "outfalls": {"merge_into_id": "outfalls"},
}
REVIEWABLE = frozenset({"inspections", "patrols", "outfall_events"})


@dataclass(frozen=True)
class IncomingChange:
    """The parts of a pushed change the rules look at."""

    entity: str
    row_id: str
    op: str
    data: dict[str, Any] | None
    hlc: str


@dataclass(frozen=True)
class Decision:
    """What to do with one change, and the row attributes to store when it is applied."""

    result: ResultKind
    reason: Reason | None = None
    county_code: str | None = None
    owner: str | None = None
    parent_id: str | None = None
    status: str | None = None
    noop: bool = False


def rejected(reason: Reason) -> Decision:
    return Decision(ResultKind.REJECTED, reason)


def is_provisional(data: dict[str, Any]) -> bool:
    """A newly found outfall: a provisional code and neither a national nor a local code."""
    return bool(data.get("provisional_code")) and not (
        data.get("national_code") or data.get("local_code")
    )


def is_later(server_hlc: str, change_hlc: str) -> bool:
    """Whether the stored row's clock is later than the change's (hlc strings sort in time)."""
    return server_hlc > change_hlc


def photo_refs(data: Any) -> set[str] | None:
    """SHA-256 photo references anywhere in a row, or None when one is malformed."""
    found: set[str] = set()

    def walk(value: Any) -> bool:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "sha256" and item is not None:
                    if not isinstance(item, str) or not SHA256_RE.match(item):
                        return False
                    found.add(item)
                elif key in PHOTO_LIST_FIELDS and isinstance(item, list):
                    for ref in item:
                        if isinstance(ref, str) and SHA256_RE.match(ref):
                            found.add(ref)
                        elif key == "photo_sha256s" or isinstance(ref, str) or not walk(ref):
                            return False
                elif not walk(item):
                    return False
        elif isinstance(value, list):
            return all(walk(item) for item in value)
        return True

    return found if walk(data) else None


def references_of(entity: str, data: dict[str, Any] | None) -> dict[str, tuple[str, str]]:
    """The rows a change's data names (``REFERENCES``): field → (entity, row id)."""
    found: dict[str, tuple[str, str]] = {}
    if data is None:
        return found
    for name, target in REFERENCES.get(entity, {}).items():
        value = data.get(name)
        if isinstance(value, str) and value:
            found[name] = (target, value.lower())
    return found


def _foreign_reference(
    references: dict[str, StoredRecord | None], county: str | None, actor: Actor
) -> bool:
    """Whether a named row lies outside the sender's area or in another county than the row."""
    return any(
        ref is not None and (ref.county_code != county or not actor.sees(ref.county_code))
        for ref in references.values()
    )


def decide(
    change: IncomingChange,
    existing: StoredRecord | None,
    parent: StoredRecord | None,
    actor: Actor,
    references: dict[str, StoredRecord | None] | None = None,
    visits: Mapping[str, str] | None = None,
) -> Decision:
    """Apply the rules of the change's entity; see the module docstring of sync.protocol.

    ``references`` are the stored rows the change's data names (``references_of``; None for a
    row the server does not have): one outside the row's county or the sender's area is refused
    ``area_forbidden``, as the row itself would be.

    ``visits`` are the outfalls (id → county) the sender's open drawn visits grant
    (``services.draw_visits.granted``): an inspection of exactly such an outfall, and its photos,
    are judged as if its county were in the sender's area; nothing else of that county is."""
    visit_actor = _visiting(change, existing, parent, actor, visits or {})
    if visit_actor is not None:
        if references and not _visit_references(references, visits or {}, actor):
            return rejected(Reason.AREA_FORBIDDEN)
        actor = visit_actor
    decision = _decide(change, existing, parent, actor)
    if (
        references
        and decision.result in (ResultKind.APPLIED, ResultKind.PROPOSED)
        and change.data is not None
        and _foreign_reference(references, decision.county_code, actor)
    ):
        return rejected(Reason.AREA_FORBIDDEN)
    return decision


def _visiting(
    change: IncomingChange,
    existing: StoredRecord | None,
    parent: StoredRecord | None,
    actor: Actor,
    visits: Mapping[str, str],
) -> Actor | None:
    """The sender with the visited outfall's county added, when a drawn visit grants this change
    (an inspection of that outfall, in its county, or a photo of such an inspection); else None."""
    if not visits:
        return None
    if change.entity == "inspections":
        rows: list[tuple[Any, Any]] = []
        if change.data is not None:
            rows.append((change.data.get("outfall_id"), change.data.get("county_code")))
        if existing is not None:
            rows.append(((existing.data or {}).get("outfall_id"), existing.county_code))
    elif change.entity == "inspection_photos" and parent is not None:
        if parent.entity != "inspections" or parent.owner != actor.username:
            return None
        rows = [((parent.data or {}).get("outfall_id"), parent.county_code)]
    else:
        return None
    counties = set()
    for outfall, county in rows:
        if not isinstance(outfall, str) or visits.get(outfall.lower()) != county:
            return None
        counties.add(county)
    if len(counties) != 1:
        return None
    return replace(actor, counties=actor.counties | counties)


def _visit_references(
    references: dict[str, StoredRecord | None], visits: Mapping[str, str], actor: Actor
) -> bool:
    """Whether a visit's inspection names only the visited outfall and the sender's own rows."""
    for name, ref in references.items():
        if ref is None:
            continue
        if name == "outfall_id":
            if visits.get(ref.id) != ref.county_code:
                return False
        elif ref.owner != actor.username:
            return False
    return True


def _decide(
    change: IncomingChange,
    existing: StoredRecord | None,
    parent: StoredRecord | None,
    actor: Actor,
) -> Decision:
    rule = ENTITIES.get(change.entity)
    if rule is None:
        return rejected(Reason.ENTITY_UNKNOWN)
    if rule.kind == "server":
        return rejected(Reason.ENTITY_READ_ONLY)
    if actor.role not in rule.roles:
        return rejected(Reason.ROLE_FORBIDDEN)
    live = existing if existing is not None and not existing.deleted else None
    data = change.data
    if data is not None and str(data.get("id", "")).lower() != change.row_id:
        return rejected(Reason.ROW_ID_MISMATCH)
    if change.op == "delete" and live is None:
        return rejected(Reason.NOT_FOUND)
    if existing is not None and not actor.sees(existing.county_code):
        # Deleting a row one cannot see answers as if it did not exist.
        return rejected(Reason.NOT_FOUND if change.op == "delete" else Reason.AREA_FORBIDDEN)
    if rule.parent_entity is not None:
        return _decide_child(rule, change, live, parent, actor)
    county = live.county_code if data is None and live else (data or {}).get("county_code")
    if not isinstance(county, str) or not COUNTY_RE.match(county):
        return rejected(Reason.INVALID_ROW)
    if not actor.sees(county):
        return rejected(Reason.AREA_FORBIDDEN)
    if rule.kind == "ledger":
        if _breaks_code_rule(change, live, county):
            return rejected(Reason.INVALID_CODE)
        return _decide_ledger(change, live, actor, county)
    return _decide_owned(rule, change, live, actor, county)


def _breaks_code_rule(change: IncomingChange, live: StoredRecord | None, county: str) -> bool:
    """A created row, or one whose national code or county changed, must keep the code rule;
    a row left as it was keeps the code it had (ledgers imported under an older rule)."""
    data = change.data
    if data is None:
        return False
    unchanged = (
        live is not None
        and live.data is not None
        and live.county_code == county
        and live.data.get("national_code") == data.get("national_code")
    )
    if unchanged:
        return False
    return bool(codes.national_code_violations(data, county))


def _conflicts(change: IncomingChange, live: StoredRecord | None, actor: Actor) -> bool:
    return live is not None and live.device_id != actor.device_id and is_later(live.hlc, change.hlc)


def _decide_ledger(
    change: IncomingChange, live: StoredRecord | None, actor: Actor, county: str
) -> Decision:
    if actor.role == "supervisor":
        if _conflicts(change, live, actor):
            return Decision(ResultKind.CONFLICT)
        return Decision(ResultKind.APPLIED, county_code=county, status="ledger")
    if live is None and change.data is not None and is_provisional(change.data):
        return Decision(ResultKind.APPLIED, county_code=county, status="provisional")
    return Decision(ResultKind.PROPOSED, county_code=county)


def _decide_owned(
    rule: EntityRule,
    change: IncomingChange,
    live: StoredRecord | None,
    actor: Actor,
    county: str,
) -> Decision:
    assert rule.owner_field is not None
    if live is not None:
        if live.owner != actor.username:
            return rejected(Reason.NOT_OWNER)
        lock = _lock_reason(live)
        if lock is not None:
            return rejected(lock)
    if change.data is not None and change.data.get(rule.owner_field) != actor.username:
        return rejected(Reason.NOT_OWNER)
    if _conflicts(change, live, actor):
        return Decision(ResultKind.CONFLICT)
    status = (change.data or {}).get("status")
    if status is not None and status not in RECORD_STATUSES:
        return rejected(Reason.INVALID_ROW)
    return Decision(ResultKind.APPLIED, county_code=county, owner=actor.username, status=status)


def _lock_reason(record: StoredRecord) -> Reason | None:
    """Why the author may no longer change a record, if they may not."""
    if record.review_state in LOCKED_STATES:
        return Reason.RECORD_LOCKED
    if record.status == "complete" and record.review_state != ReviewState.RETURNED.value:
        return Reason.RECORD_SUBMITTED
    return None


def _decide_child(
    rule: EntityRule,
    change: IncomingChange,
    live: StoredRecord | None,
    parent: StoredRecord | None,
    actor: Actor,
) -> Decision:
    assert rule.parent_field is not None
    if parent is None or parent.deleted or not actor.sees(parent.county_code):
        return rejected(Reason.PARENT_UNKNOWN)
    if live is not None and live.parent_id != parent.id:
        return rejected(Reason.INVALID_ROW)
    if rule.kind == "history":
        assert rule.owner_field is not None
        if change.data is None or (live is not None and live.data != change.data):
            return rejected(Reason.IMMUTABLE)
        if change.data.get(rule.owner_field) != actor.username:
            return rejected(Reason.NOT_OWNER)
        return Decision(
            ResultKind.APPLIED,
            county_code=parent.county_code,
            owner=actor.username,
            parent_id=parent.id,
            noop=live is not None,
        )
    if parent.owner != actor.username:
        return rejected(Reason.NOT_OWNER)
    if parent.review_state in LOCKED_STATES:
        return rejected(Reason.RECORD_LOCKED)
    if _conflicts(change, live, actor):
        return Decision(ResultKind.CONFLICT)
    return Decision(
        ResultKind.APPLIED,
        county_code=parent.county_code,
        owner=actor.username,
        parent_id=parent.id,
    )


def parent_id_of(
    entity: str, data: dict[str, Any] | None, existing: StoredRecord | None
) -> str | None:
    """The parent row id a child change points to (from its data, or from the stored row)."""
    rule = ENTITIES.get(entity)
    if rule is None or rule.parent_field is None:
        return None
    if data is not None:
        value = data.get(rule.parent_field)
        return str(value).lower() if isinstance(value, str) else None
    return existing.parent_id if existing is not None else None
