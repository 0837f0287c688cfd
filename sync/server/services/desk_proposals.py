"""Ledger proposals on the desk: each with the ledger row it would change, side by side, what
changes, and the registered outfalls near a proposed new one (to merge it into); decisions go
through ``services.review.decide_in`` (accept, merge, reject with a reason)."""

from __future__ import annotations

from typing import Any

from sync.protocol import ProposalView
from sync.review_protocol import DeskProposal, ProposalDecisionRequest
from sync.server import db
from sync.server.context import ServerContext
from sync.server.flags import distance_m, outfall_position
from sync.server.models import Actor, StoredRecord
from sync.server.queries import proposals, records
from sync.server.services.desk import _outfall_dict, changes_between
from sync.server.services.review import decide_in

NEAR_M = 500.0  # registered outfalls this close to a proposed new one are offered for a merge
MAX_CANDIDATES = 8


def kind_of(proposal: ProposalView, current: StoredRecord | None) -> str:
    if proposal.op == "delete":
        return "delete"
    if current is None or current.deleted:
        return "new"
    into = (proposal.data or {}).get("merge_into_id")
    if into and into != (current.data or {}).get("merge_into_id"):
        return "merge"
    return "correction"


def _candidates(
    conn: Any, proposal: ProposalView, cache: dict[str, list[StoredRecord]]
) -> list[dict[str, Any]]:
    here = outfall_position(proposal.data)
    county = proposal.county_code
    if here is None or not county:
        return []
    if county not in cache:
        cache[county] = [
            r for r in records.live_in_county(conn, "outfalls", county) if r.status == "ledger"
        ]
    near: list[tuple[float, dict[str, Any]]] = []
    for r in cache[county]:
        there = outfall_position(r.data)
        if there is None or r.id == proposal.row_id:
            continue
        d = distance_m(*here, *there)
        if d <= NEAR_M:
            data = r.data or {}
            code = data.get("national_code") or data.get("local_code") or ""
            near.append((d, {"id": r.id, "name": data.get("name") or "", "code": code,
                             "lat": there[0], "lon": there[1], "distance_m": round(d, 1)}))  # fmt: skip
    return [c for _, c in sorted(near, key=lambda pair: pair[0])[:MAX_CANDIDATES]]


def list_proposals(
    ctx: ServerContext, actor: Actor, *, state: str | None, limit: int, offset: int
) -> list[DeskProposal]:
    """Proposals of the area with both versions of the row (``state``: pending, decided, …)."""
    with db.read(ctx.engine) as conn:
        found = proposals.search(
            conn, actor.visible_counties(), state=state, limit=limit, offset=offset
        )
        stored = records.get_many(conn, [(p.entity, p.row_id) for p in found])
        cache: dict[str, list[StoredRecord]] = {}
        out = []
        for p in found:
            current = stored.get((p.entity, p.row_id))
            if current is not None and not actor.sees(current.county_code):
                current = None  # a row moved out of the area shows nothing of it
            kind = kind_of(p, current)
            live = current if current is not None and not current.deleted else None
            out.append(
                DeskProposal(
                    proposal=p,
                    kind=kind,
                    current=_outfall_dict(live) if p.entity == "outfalls" else
                    (None if live is None else live.data),
                    current_version=None if current is None else current.version,
                    changes=changes_between(
                        (live.data or {}) if live else {}, p.data or {}
                    ) if p.op == "upsert" else [],
                    stale=(None if current is None else current.version) != p.base_version,
                    candidates=_candidates(conn, p, cache)
                    if kind == "new" and p.state == "pending" else [],
                )
            )  # fmt: skip
    return out


def decide(
    ctx: ServerContext, actor: Actor, proposal_id: str, request: ProposalDecisionRequest
) -> DeskProposal:
    """Decide a proposal from the desk; the answer is the proposal as it is now."""
    into = None if request.into_id is None else str(request.into_id)
    with db.write(ctx.engine) as conn:
        decided = decide_in(
            conn, actor, proposal_id, request.decision, request.reason.strip(), into
        )
        current = records.get(conn, decided.entity, decided.row_id)
    live = current if current is not None and not current.deleted else None
    return DeskProposal(
        proposal=decided,
        kind=kind_of(decided, current) if decided.state != "accepted" else "correction",
        current=_outfall_dict(live),
        current_version=None if current is None else current.version,
        changes=[],
        stale=False,
    )
