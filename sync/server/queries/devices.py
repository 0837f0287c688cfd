"""The ``devices`` table: a laptop registered by a login, with its hashed token."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from sync.server.canonical import as_utc, utcnow
from sync.server.models import Device, DeviceId, User, UserId
from sync.server.schema import devices, users


def _device(row: Any) -> Device:
    return Device(
        id=DeviceId(row.id),
        user_id=UserId(row.user_id),
        install_id=row.install_id,
        name=row.name,
        created_at=as_utc(row.created_at),
        last_used_at=None if row.last_used_at is None else as_utc(row.last_used_at),
        revoked_at=None if row.revoked_at is None else as_utc(row.revoked_at),
    )


def by_install(conn: Connection, user_id: int, install_id: str) -> Device | None:
    row = conn.execute(
        select(devices).where(devices.c.user_id == user_id, devices.c.install_id == install_id)
    ).first()
    return None if row is None else _device(row)


def register(conn: Connection, user_id: int, install_id: str, name: str, token_hash: str) -> Device:
    """Register a new device, or give an existing one of this user and install a new token."""
    now = utcnow()
    found = by_install(conn, user_id, install_id)
    if found is None:
        device_id = str(uuid.uuid4())
        conn.execute(
            insert(devices).values(
                id=device_id,
                user_id=user_id,
                install_id=install_id,
                name=name,
                token_hash=token_hash,
                created_at=now,
                last_used_at=now,
            )
        )
    else:
        device_id = found.id
        conn.execute(
            update(devices)
            .where(devices.c.id == device_id)
            .values(token_hash=token_hash, name=name or found.name, last_used_at=now)
        )
    device = by_id(conn, device_id)
    assert device is not None
    return device


def by_id(conn: Connection, device_id: str) -> Device | None:
    row = conn.execute(select(devices).where(devices.c.id == device_id)).first()
    return None if row is None else _device(row)


def by_token_hash(conn: Connection, token_hash: str) -> Device | None:
    row = conn.execute(select(devices).where(devices.c.token_hash == token_hash)).first()
    return None if row is None else _device(row)


def list_with_users(conn: Connection) -> list[tuple[Device, str]]:
    """Every device with its user's name, newest use first."""
    rows = conn.execute(
        select(devices, users.c.username)
        .join(users, users.c.id == devices.c.user_id)
        .order_by(devices.c.created_at)
    )
    return [(_device(r), r.username) for r in rows]


def revoke(conn: Connection, device_id: str) -> bool:
    result = conn.execute(
        update(devices)
        .where(devices.c.id == device_id, devices.c.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return result.rowcount == 1


def touch(conn: Connection, device_id: str, at: datetime) -> None:
    conn.execute(update(devices).where(devices.c.id == device_id).values(last_used_at=at))


def pull_scope(conn: Connection, device_id: str) -> str | None:
    """The area the device's pull cursor was built for (None: never recorded)."""
    scope: str | None = conn.execute(
        select(devices.c.pull_scope).where(devices.c.id == device_id)
    ).scalar_one_or_none()
    return scope


def set_pull_scope(conn: Connection, device_id: str, scope: str) -> None:
    conn.execute(update(devices).where(devices.c.id == device_id).values(pull_scope=scope))


def with_user_by_token_hash(conn: Connection, token_hash: str) -> tuple[Device, User] | None:
    """The device holding this token and its user, in one query (every request asks)."""
    row = conn.execute(
        select(devices, *[c.label(f"u_{c.name}") for c in users.c])
        .join(users, users.c.id == devices.c.user_id)
        .where(devices.c.token_hash == token_hash)
    ).first()
    if row is None:
        return None
    user = User(
        id=UserId(row.u_id),
        username=row.u_username,
        password_hash=row.u_password_hash,
        role=row.u_role,
        counties=tuple(json.loads(row.u_counties)),
        disabled=bool(row.u_disabled),
        created_at=as_utc(row.u_created_at),
    )
    return _device(row), user
