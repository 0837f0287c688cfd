"""``GET /health`` (the process answers, its database too), ``GET /ready`` (the database and
the photo store are usable: a load balancer sends requests only then) and ``GET /metrics``
(Prometheus; only with the metrics token, or from the server's own machine when none is set)."""

from __future__ import annotations

import hmac
import ipaddress
from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from sync.protocol import PROTOCOL_VERSION, ErrorCode, Health
from sync.server import db
from sync.server.deps import ERROR_RESPONSES, Ctx, Observed
from sync.server.errors import ApiError

router = APIRouter(tags=["health"])


@router.get("/health")
def health(ctx: Ctx) -> Health:
    with db.read(ctx.engine) as conn:
        conn.execute(text("SELECT 1"))
    return Health(status="ok", protocol_version=PROTOCOL_VERSION)


@router.get("/ready", responses={503: {"description": "the database or photo store is not usable"}})
def ready(ctx: Ctx) -> JSONResponse:
    """Ready when the database answers and the photo folders exist and are writable."""
    checks: dict[str, str] = {}
    try:
        with db.read_one(ctx.engine) as conn:
            conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:  # whatever the driver says, the answer is "not ready"
        checks["database"] = f"unreachable: {type(exc).__name__}"
    usable = ctx.photo_store.ready()
    checks["photo_store"] = "ok" if usable else "missing or not writable"
    ok = all(v == "ok" for v in checks.values())
    return JSONResponse(
        {"status": "ok" if ok else "not_ready", "checks": checks}, 200 if ok else 503
    )


@router.get("/metrics", responses=ERROR_RESPONSES, response_class=Response)
def metrics(
    ctx: Ctx,
    observed: Observed,
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
) -> Response:
    """Prometheus metrics. With ``HEKOU_METRICS_TOKEN`` set: ``Authorization: Bearer <token>``;
    without: only from the server's own machine (loopback), e.g. through a local agent."""
    wanted = ctx.settings.metrics_token
    if wanted:
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), wanted.encode()):
            raise ApiError(401, ErrorCode.NOT_AUTHENTICATED, "send the metrics token")
    elif not _loopback(request.client.host if request.client else ""):
        raise ApiError(
            403, ErrorCode.ROLE_FORBIDDEN, "metrics: set a metrics token for remote scrapes"
        )
    return Response(generate_latest(observed.registry), media_type=CONTENT_TYPE_LATEST)


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
