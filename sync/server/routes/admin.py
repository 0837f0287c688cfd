"""Administration over HTTP (admins only): list and revoke devices."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from sync.protocol import DeviceList, DeviceView
from sync.server import db
from sync.server.deps import ERROR_RESPONSES, Ctx, CurrentActor, require_role
from sync.server.errors import not_found
from sync.server.queries import devices
from sync.server.services import admin

router = APIRouter(prefix="/v1/admin", tags=["admin"], responses=ERROR_RESPONSES)


@router.get("/devices")
def list_devices(ctx: Ctx, actor: CurrentActor) -> DeviceList:
    require_role(actor, "admin")
    with db.read(ctx.engine) as conn:
        found = devices.list_with_users(conn)
    return DeviceList(
        devices=[
            DeviceView(
                device_id=d.id,
                username=name,
                name=d.name,
                created_at=d.created_at,
                last_used_at=d.last_used_at,
                revoked=d.revoked_at is not None,
            )
            for d, name in found
        ]
    )


@router.post("/devices/{device_id}/revoke")
def revoke_device(
    ctx: Ctx, actor: CurrentActor, device_id: Annotated[str, Path(max_length=64)]
) -> DeviceView:
    require_role(actor, "admin")
    try:
        admin.revoke_device(ctx, device_id, by=actor.username, from_device=actor.device_id)
    except admin.AdminError as exc:
        raise not_found("no such device") from exc
    with db.read(ctx.engine) as conn:
        device = devices.by_id(conn, device_id)
        assert device is not None
        rows = dict((d.id, n) for d, n in devices.list_with_users(conn))
    return DeviceView(
        device_id=device.id,
        username=rows[device.id],
        name=device.name,
        created_at=device.created_at,
        last_used_at=device.last_used_at,
        revoked=True,
    )
