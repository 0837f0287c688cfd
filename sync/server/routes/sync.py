"""``POST /v1/push`` and ``GET /v1/pull``: the exactly-once change exchange."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Query

from sync.protocol import (
    MAX_PULL_LIMIT,
    PROTOCOL_VERSION,
    ErrorCode,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.server.deps import ERROR_RESPONSES, Ctx, CurrentActor, Observed
from sync.server.errors import ApiError
from sync.server.services import pull as pull_service
from sync.server.services import push as push_service

router = APIRouter(prefix="/v1", tags=["sync"], responses=ERROR_RESPONSES)
MAX_CURSOR = 2**62


@router.post("/push")
def push(ctx: Ctx, metrics: Observed, actor: CurrentActor, body: PushRequest) -> PushResponse:
    if body.protocol_version != PROTOCOL_VERSION:
        raise ApiError(
            400,
            ErrorCode.PROTOCOL_UNSUPPORTED,
            f"this server speaks protocol {PROTOCOL_VERSION}",
        )
    answer = push_service.push(ctx.engine, actor, body)
    for result, n in Counter(r.result for r in answer.results).items():
        metrics.pushed.labels(str(result)).inc(n)
    return answer


@router.get("/pull")
def pull(
    ctx: Ctx,
    actor: CurrentActor,
    cursor: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = 500,
) -> PullResponse:
    return pull_service.pull(ctx, actor, cursor, limit)
