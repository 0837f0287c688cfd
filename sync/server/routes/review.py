"""Review (supervisors of the area only): batches, records, review states, proposals."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query

from sync.protocol import (
    ENTITY_PATTERN,
    BatchDetail,
    BatchList,
    DecisionRequest,
    ProposalList,
    ProposalView,
    RecordList,
    RecordView,
    ReviewRequest,
    ReviewResponse,
)
from sync.server import db
from sync.server.deps import ERROR_RESPONSES, Ctx, CurrentActor, require_role
from sync.server.errors import not_found
from sync.server.models import Actor, StoredRecord
from sync.server.queries import batches, proposals, records
from sync.server.services import review

router = APIRouter(prefix="/v1", tags=["review"], responses=ERROR_RESPONSES)
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Entity = Annotated[str, Path(pattern=ENTITY_PATTERN)]
RowId = Annotated[str, Path(min_length=1, max_length=64)]
Short = Annotated[str | None, Query(max_length=64)]


def _supervisor(actor: Actor) -> frozenset[str] | None:
    require_role(actor, "supervisor")
    return actor.visible_counties()


def view(r: StoredRecord) -> RecordView:
    return RecordView(
        entity=r.entity,
        row_id=r.id,
        version=r.version,
        data=r.data,
        county_code=r.county_code,
        owner=r.owner,
        review_state=r.review_state,
        deleted=r.deleted,
        updated_at=r.updated_at,
    )


@router.get("/batches")
def list_batches(
    ctx: Ctx,
    actor: CurrentActor,
    username: Short = None,
    device_id: Short = None,
    complete: bool | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> BatchList:
    counties = _supervisor(actor)
    with db.read(ctx.engine) as conn:
        found = batches.search(
            conn,
            counties,
            username=username,
            device_id=device_id,
            complete=complete,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
    return BatchList(batches=found)


@router.get("/batches/{batch_id}")
def get_batch(
    ctx: Ctx, actor: CurrentActor, batch_id: Annotated[str, Path(max_length=64)]
) -> BatchDetail:
    counties = _supervisor(actor)
    with db.read(ctx.engine) as conn:
        summary = batches.get(conn, batch_id, counties)
        if summary is None:
            raise not_found("no such batch in your area")
        return BatchDetail(batch=summary, items=batches.items(conn, batch_id, counties))


@router.get("/records")
def list_records(
    ctx: Ctx,
    actor: CurrentActor,
    entity: Annotated[str | None, Query(pattern=ENTITY_PATTERN)] = None,
    county_code: Short = None,
    owner: Short = None,
    review_state: Short = None,
    batch_id: Short = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> RecordList:
    counties = _supervisor(actor)
    with db.read(ctx.engine) as conn:
        found = records.search(
            conn,
            counties,
            entity=entity,
            county_code=county_code,
            owner=owner,
            review_state=review_state,
            batch_id=batch_id,
            limit=limit,
            offset=offset,
        )
    return RecordList(records=[view(r) for r in found])


@router.get("/records/{entity}/{row_id}")
def get_record(ctx: Ctx, actor: CurrentActor, entity: Entity, row_id: RowId) -> RecordView:
    _supervisor(actor)
    with db.read(ctx.engine) as conn:
        found = records.get(conn, entity, row_id)
    if found is None or not actor.sees(found.county_code):
        raise not_found("no such record in your area")
    return view(found)


@router.post("/records/{entity}/{row_id}/review")
def review_record(
    ctx: Ctx, actor: CurrentActor, entity: Entity, row_id: RowId, body: ReviewRequest
) -> ReviewResponse:
    _supervisor(actor)
    review_id, record = review.review_record(ctx, actor, entity, row_id, body)
    return ReviewResponse(review_id=review_id, record=view(record))


@router.get("/proposals")
def list_proposals(
    ctx: Ctx,
    actor: CurrentActor,
    state: Annotated[str | None, Query(pattern="^(pending|accepted|rejected|merged)$")] = "pending",
    limit: Limit = 100,
    offset: Offset = 0,
) -> ProposalList:
    counties = _supervisor(actor)
    with db.read(ctx.engine) as conn:
        found = proposals.search(conn, counties, state=state, limit=limit, offset=offset)
    return ProposalList(proposals=found)


@router.post("/proposals/{proposal_id}/decision")
def decide_proposal(
    ctx: Ctx,
    actor: CurrentActor,
    proposal_id: Annotated[str, Path(max_length=64)],
    body: DecisionRequest,
) -> ProposalView:
    _supervisor(actor)
    return review.decide_proposal(ctx, actor, proposal_id, body)
