"""FastAPI dependencies: the server context, the calling actor, role checks, the error table."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sync.protocol import INSTALL_HEADER, ErrorBody, ErrorCode
from sync.server.context import ServerContext
from sync.server.errors import ApiError, forbidden_role
from sync.server.models import Actor
from sync.server.observe import Metrics
from sync.server.services import auth

bearer = HTTPBearer(auto_error=False, description="the device token from POST /v1/login")

# Every 4xx a route may answer, documented with the one error body.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (400, "malformed request"),
        (401, "not authenticated, token invalid, device revoked or user disabled"),
        (403, "the role may not do this"),
        (404, "not found (or outside the caller's area)"),
        (409, "conflicts with the server's state"),
        (413, "body or photo too large"),
        (422, "invalid request"),
        (429, "too many failed logins"),
    )
}


def get_ctx(request: Request) -> ServerContext:
    ctx: ServerContext = request.app.state.ctx
    return ctx


Ctx = Annotated[ServerContext, Depends(get_ctx)]


def get_metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


Observed = Annotated[Metrics, Depends(get_metrics)]


def get_actor(
    ctx: Ctx,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    install: Annotated[
        str | None,
        Header(
            alias=INSTALL_HEADER,
            max_length=64,
            description="the install_id the token was issued to at login",
        ),
    ] = None,
) -> Actor:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, ErrorCode.NOT_AUTHENTICATED, "send Authorization: Bearer <token>")
    return auth.authenticate(ctx, credentials.credentials, install)


CurrentActor = Annotated[Actor, Depends(get_actor)]


def require_role(actor: Actor, *roles: str) -> None:
    if actor.role not in roles:
        raise forbidden_role(actor.role)
