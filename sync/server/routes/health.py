"""``GET /health``: the server answers and its database is reachable."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from sync.protocol import PROTOCOL_VERSION, Health
from sync.server import db
from sync.server.deps import Ctx

router = APIRouter(tags=["health"])


@router.get("/health")
def health(ctx: Ctx) -> Health:
    with db.read(ctx.engine) as conn:
        conn.execute(text("SELECT 1"))
    return Health(status="ok", protocol_version=PROTOCOL_VERSION)
