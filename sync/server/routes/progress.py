"""Progress against the milestones (考核); messages in ``sync.progress_protocol``."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from sync.progress_protocol import ProgressMembers, ProgressReport
from sync.server.deps import ERROR_RESPONSES, Ctx, CurrentActor
from sync.server.services import progress

router = APIRouter(prefix="/v1", tags=["progress"], responses=ERROR_RESPONSES)
County = Annotated[str | None, Query(pattern=r"^\d{6}$")]
Short = Annotated[str | None, Query(max_length=40)]


@router.get("/progress")
def progress_report(
    ctx: Ctx, actor: CurrentActor, as_of: date, county: County = None
) -> ProgressReport:
    return progress.report(ctx, actor, as_of, county)


@router.get("/progress/outfalls")
def progress_outfalls(
    ctx: Ctx,
    actor: CurrentActor,
    as_of: date,
    measure: Annotated[str, Query(min_length=1, max_length=120)],
    county: County = None,
    basin: Short = None,
    kind: Short = None,
) -> ProgressMembers:
    return progress.outfalls_behind(ctx, actor, as_of, measure, county, basin, kind)
