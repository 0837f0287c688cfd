"""``POST /v1/login``: user name and password in, a device token out; ``POST /v1/logout``."""

from __future__ import annotations

from fastapi import APIRouter, Request

from sync.protocol import LoginRequest, LoginResponse
from sync.server.deps import ERROR_RESPONSES, Ctx, CurrentActor, Observed
from sync.server.errors import ApiError
from sync.server.services import auth

router = APIRouter(prefix="/v1", tags=["auth"], responses=ERROR_RESPONSES)


@router.post("/login")
def login(ctx: Ctx, metrics: Observed, body: LoginRequest, request: Request) -> LoginResponse:
    # Behind a trusted proxy the address comes from a header: keep it to the column's size.
    client = (request.client.host if request.client else "unknown")[:64]
    try:
        return auth.login(ctx, body, client)
    except ApiError as exc:
        if exc.status in (401, 429):
            metrics.failed_logins.inc()
        raise


@router.post("/logout", status_code=204)
def logout(ctx: Ctx, actor: CurrentActor) -> None:
    """Sign this device out: its token stops working at once (any role)."""
    auth.logout(ctx, actor)
