"""Complaints (举报) for bureau staff: record, list, read, outcome, answer, photos.

Supervisors (county or city) only; a complaint outside the caller's area answers 404, the same
whether it exists or not. The messages are ``sync.complaint_protocol``'s.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from sync.complaint_protocol import (
    ComplaintList,
    ComplaintOutcome,
    ComplaintReply,
    ComplaintRequest,
    ComplaintView,
)
from sync.complaints import ComplaintState
from sync.protocol import SHA256_PATTERN
from sync.server.deps import ERROR_RESPONSES, Ctx, CurrentActor, require_role
from sync.server.services import complaints

router = APIRouter(prefix="/v1", tags=["complaints"], responses=ERROR_RESPONSES)
ComplaintId = Annotated[str, Path(min_length=1, max_length=64)]


@router.post("/complaints", status_code=201)
def create_complaint(ctx: Ctx, actor: CurrentActor, request: ComplaintRequest) -> ComplaintView:
    require_role(actor, "supervisor")
    return complaints.create(ctx, actor, request)


@router.get("/complaints")
def list_complaints(
    ctx: Ctx,
    actor: CurrentActor,
    county_code: Annotated[str | None, Query(pattern=r"^\d{6}$")] = None,
    state: ComplaintState | None = None,
    overdue: bool | None = None,
) -> ComplaintList:
    require_role(actor, "supervisor")
    return complaints.listing(ctx, actor, county_code, state, overdue)


@router.get("/complaints/{complaint_id}")
def get_complaint(ctx: Ctx, actor: CurrentActor, complaint_id: ComplaintId) -> ComplaintView:
    require_role(actor, "supervisor")
    return complaints.get(ctx, actor, complaint_id)


@router.post("/complaints/{complaint_id}/outcome")
def complaint_outcome(
    ctx: Ctx, actor: CurrentActor, complaint_id: ComplaintId, request: ComplaintOutcome
) -> ComplaintView:
    require_role(actor, "supervisor")
    return complaints.record_outcome(ctx, actor, complaint_id, request)


@router.post("/complaints/{complaint_id}/reply")
def complaint_reply(
    ctx: Ctx, actor: CurrentActor, complaint_id: ComplaintId, request: ComplaintReply
) -> ComplaintView:
    require_role(actor, "supervisor")
    return complaints.record_reply(ctx, actor, complaint_id, request)


@router.get("/complaints/{complaint_id}/photos/{sha256}")
def complaint_photo(
    ctx: Ctx,
    actor: CurrentActor,
    complaint_id: ComplaintId,
    sha256: Annotated[str, Path(pattern=SHA256_PATTERN)],
) -> Response:
    require_role(actor, "supervisor")
    data = complaints.photo_of(ctx, actor, complaint_id, sha256)
    return Response(data, media_type="image/jpeg")
