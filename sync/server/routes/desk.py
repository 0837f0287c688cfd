"""The supervisor's desk (supervisors of the area only); messages in ``sync.review_protocol``.

Also ``GET /v1/photos/{sha256}``: a photo's bytes, for supervisors of an area where a photo row
refers to it and its author uploaded it (404 otherwise, the same whether it exists or not).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Annotated, BinaryIO

from fastapi import APIRouter, Path, Query
from fastapi.responses import FileResponse, Response, StreamingResponse

from sync.history_protocol import DeskHistoryEntry, DeskOutfallHistory
from sync.protocol import ENTITY_PATTERN, SHA256_PATTERN
from sync.review_protocol import (
    BulkApproveRequest,
    BulkApproveResult,
    DeskBatchList,
    DeskPatrolList,
    DeskPatrolProblem,
    DeskProposal,
    DeskProposalList,
    DeskRecordDetail,
    DeskRecordList,
    OutfallAccept,
    OutfallDecision,
    OutfallMerge,
    ProblemHandled,
    ProposalDecisionRequest,
)
from sync.server import db
from sync.server.deps import ERROR_RESPONSES, Ctx, CurrentActor, require_role
from sync.server.errors import not_found
from sync.server.models import Actor
from sync.server.queries import outfall_history, photos
from sync.server.services import desk, desk_patrols, desk_proposals

router = APIRouter(prefix="/v1", tags=["desk"], responses=ERROR_RESPONSES)
RowId = Annotated[str, Path(min_length=1, max_length=64)]


def _supervisor(actor: Actor) -> None:
    require_role(actor, "supervisor")


@router.get("/desk/batches")
def desk_batches(
    ctx: Ctx,
    actor: CurrentActor,
    username: Annotated[str | None, Query(max_length=64)] = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> DeskBatchList:
    _supervisor(actor)
    found = desk.list_batches(
        ctx, actor, username=username, since=since, until=until, limit=limit, offset=offset
    )
    return DeskBatchList(batches=found)


@router.get("/desk/batches/{batch_id}/records")
def desk_batch_records(
    ctx: Ctx, actor: CurrentActor, batch_id: Annotated[str, Path(max_length=64)]
) -> DeskRecordList:
    _supervisor(actor)
    return DeskRecordList(records=desk.batch_records(ctx, actor, batch_id))


@router.get("/desk/records/{entity}/{row_id}")
def desk_record(
    ctx: Ctx,
    actor: CurrentActor,
    entity: Annotated[str, Path(pattern=ENTITY_PATTERN)],
    row_id: RowId,
) -> DeskRecordDetail:
    _supervisor(actor)
    return desk.record_detail(ctx, actor, entity, row_id)


@router.post("/desk/approve")
def desk_approve(ctx: Ctx, actor: CurrentActor, body: BulkApproveRequest) -> BulkApproveResult:
    _supervisor(actor)
    return desk.bulk_approve(ctx, actor, body)


@router.post("/desk/outfalls/{row_id}/accept")
def desk_accept_outfall(
    ctx: Ctx, actor: CurrentActor, row_id: RowId, body: OutfallAccept
) -> OutfallDecision:
    _supervisor(actor)
    return desk.accept_outfall(ctx, actor, row_id, body)


@router.post("/desk/outfalls/{row_id}/merge")
def desk_merge_outfall(
    ctx: Ctx, actor: CurrentActor, row_id: RowId, body: OutfallMerge
) -> OutfallDecision:
    _supervisor(actor)
    return desk.merge_outfall(ctx, actor, row_id, body)


@router.get("/desk/proposals")
def desk_proposals_list(
    ctx: Ctx,
    actor: CurrentActor,
    state: Annotated[
        str | None, Query(pattern="^(pending|decided|accepted|merged|rejected)$")
    ] = "pending",
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> DeskProposalList:
    _supervisor(actor)
    found = desk_proposals.list_proposals(ctx, actor, state=state, limit=limit, offset=offset)
    return DeskProposalList(proposals=found)


@router.post("/desk/proposals/{proposal_id}/decision")
def desk_proposal_decision(
    ctx: Ctx,
    actor: CurrentActor,
    proposal_id: Annotated[str, Path(max_length=64)],
    body: ProposalDecisionRequest,
) -> DeskProposal:
    _supervisor(actor)
    return desk_proposals.decide(ctx, actor, proposal_id, body)


@router.get("/desk/patrols")
def desk_patrols_list(
    ctx: Ctx,
    actor: CurrentActor,
    batch_id: Annotated[str | None, Query(max_length=64)] = None,
    author: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> DeskPatrolList:
    _supervisor(actor)
    found = desk_patrols.list_patrols(
        ctx, actor, batch_id=batch_id, author=author, limit=limit, offset=offset
    )
    return DeskPatrolList(patrols=found)


@router.post("/desk/patrol_problems/{row_id}/handled")
def desk_problem_handled(
    ctx: Ctx, actor: CurrentActor, row_id: RowId, body: ProblemHandled
) -> DeskPatrolProblem:
    _supervisor(actor)
    return desk_patrols.handle_problem(ctx, actor, row_id, body)


@router.get("/photos/{sha256}", response_class=Response)
def photo_bytes(
    ctx: Ctx,
    actor: CurrentActor,
    sha256: Annotated[str, Path(pattern=SHA256_PATTERN)],
) -> Response:
    _supervisor(actor)
    with db.read(ctx.engine) as conn:
        seen = photos.readable(conn, sha256, actor.visible_counties())
    if not seen or not ctx.photo_store.has(sha256):
        raise not_found("no such photo in your area")
    headers = {"Cache-Control": "private, max-age=31536000, immutable"}
    path = ctx.photo_store.local_path(sha256)
    if path is not None:  # a file here: served with sendfile
        return FileResponse(path, media_type="application/octet-stream", headers=headers)
    return StreamingResponse(
        _blocks(ctx.photo_store.open_read(sha256)),
        media_type="application/octet-stream",
        headers=headers,
    )


def _blocks(stream: BinaryIO) -> Iterator[bytes]:
    """A stored photo in blocks, the stream closed when done or abandoned."""
    with stream:
        while block := stream.read(1 << 20):
            yield block


@router.get("/desk/outfalls/{row_id}/history")
def desk_outfall_history(ctx: Ctx, actor: CurrentActor, row_id: RowId) -> DeskOutfallHistory:
    """案卷: the outfall's inspections, decisions, steps, proposals, tasks, leads and patrol
    problems, newest first; an outfall outside the supervisor's area is not found."""
    _supervisor(actor)
    with db.read(ctx.engine) as conn:
        county = outfall_history.outfall_county(conn, row_id)
        if county is None or not actor.sees(county):
            raise not_found("no such outfall in your area")
        found = outfall_history.history(conn, row_id, county)
        title = outfall_history.heading(conn, row_id)
    return DeskOutfallHistory(
        outfall_id=row_id,
        county_code=county,
        heading=title,
        entries=[DeskHistoryEntry.of(e) for e in found],
    )
