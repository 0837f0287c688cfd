"""Aerial-survey leads (航测线索): import for supervisors, the desk's list, tasks and outcomes,
and a lead's photos for the people of its county.

``POST /v1/leads/import`` takes the file's bytes (query: ``county``, ``name``, ``dry_run``): the
same import as ``fieldapp-server leads import``. Every route is area-checked: a lead of a county
outside the caller's area answers 404, the same whether it exists or not.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from sync.leads_protocol import LeadDecisionRequest, LeadTaskRequest
from sync.protocol import SHA256_PATTERN
from sync.server.deps import ERROR_RESPONSES, Ctx, CurrentActor, require_role
from sync.server.services import leads

router = APIRouter(prefix="/v1", tags=["leads"], responses=ERROR_RESPONSES)
LeadId = Annotated[str, Path(min_length=1, max_length=64)]


@router.post("/leads/import")
async def import_leads(
    request: Request,
    ctx: Ctx,
    actor: CurrentActor,
    county: Annotated[str, Query(pattern=r"^\d{6}$")],
    name: Annotated[str, Query(max_length=255)] = "",
    dry_run: bool = False,
) -> dict[str, Any]:
    require_role(actor, "supervisor")
    body = await request.body()
    outcome = await run_in_threadpool(
        leads.import_file, ctx, actor, body, name=name, county=county, dry_run=dry_run
    )
    return outcome.as_json()


@router.get("/desk/leads")
def desk_leads(
    ctx: Ctx,
    actor: CurrentActor,
    state: Annotated[str | None, Query(max_length=20)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    require_role(actor, "supervisor")
    return {"leads": leads.list_leads(ctx, actor, state=state, limit=limit, offset=offset)}


@router.post("/desk/leads/{lead_id}/task", status_code=201)
def desk_lead_task(
    ctx: Ctx, actor: CurrentActor, lead_id: LeadId, request: LeadTaskRequest
) -> dict[str, Any]:
    require_role(actor, "supervisor")
    return leads.make_task(ctx, actor, lead_id, request)


@router.post("/desk/leads/{lead_id}/decision")
def desk_lead_decision(
    ctx: Ctx, actor: CurrentActor, lead_id: LeadId, request: LeadDecisionRequest
) -> dict[str, Any]:
    require_role(actor, "supervisor")
    return leads.decide(ctx, actor, lead_id, request)


@router.get("/leads/{lead_id}/photos/{sha256}", response_class=Response)
def lead_photo(
    ctx: Ctx,
    actor: CurrentActor,
    lead_id: LeadId,
    sha256: Annotated[str, Path(pattern=SHA256_PATTERN)],
) -> Response:
    return Response(leads.photo_of(ctx, actor, lead_id, sha256), media_type="image/jpeg")
