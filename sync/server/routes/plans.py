"""Remediation plans (一口一策): supervisors of the area write and read them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from sync.plan_protocol import PlanList, PlanRequest, PlanView
from sync.server.deps import ERROR_RESPONSES, Ctx, CurrentActor, require_role
from sync.server.services import plans

router = APIRouter(prefix="/v1", tags=["plans"], responses=ERROR_RESPONSES)
OutfallId = Annotated[str, Path(min_length=1, max_length=64)]


@router.put("/plans/{outfall_id}")
def save_plan(ctx: Ctx, actor: CurrentActor, outfall_id: OutfallId, body: PlanRequest) -> PlanView:
    require_role(actor, "supervisor")
    return plans.save(ctx, actor, outfall_id, body)


@router.get("/plans/{outfall_id}")
def get_plan(ctx: Ctx, actor: CurrentActor, outfall_id: OutfallId) -> PlanView:
    require_role(actor, "supervisor")
    return plans.get(ctx, actor, outfall_id)


@router.get("/plans")
def list_plans(
    ctx: Ctx,
    actor: CurrentActor,
    county_code: Annotated[str | None, Query(pattern=r"^\d{6}$")] = None,
    overdue: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> PlanList:
    require_role(actor, "supervisor")
    return plans.listing(
        ctx, actor, county_code=county_code, overdue=overdue, limit=limit, offset=offset
    )
