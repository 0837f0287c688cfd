"""The ``devices`` table: a laptop registered by a login, with its hashed token.

A device holds one token, and for a while the one before it (``prev_token_hash``): a login
replayed by the network must not sign out the device that kept the first answer. Whichever of
the two is used first stays; the other is dropped (``keep_token``). A dropped token is
replaced by ``DEAD_TOKEN`` marks that no token hashes to.
"""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

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


def dead_token() -> str:
    """A stored token hash no token has: ``!`` is not a hex digit (unique, as the column is)."""
    return "!" + secrets.token_hex(31) + "0"


def register(
    conn: Connection,
    user_id: int,
    install_id: str,
    name: str,
    token_hash: str,
    expires_at: datetime,
) -> Device:
    """Register a new device, or give an existing one of this user and install a new token;
    the token it held stays valid until one of the two is used."""
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
                token_expires_at=expires_at,
            )
        )
    else:
        device_id = found.id
        held = conn.execute(
            select(devices.c.token_hash, devices.c.token_expires_at).where(
                devices.c.id == device_id
            )
        ).one()
        live = held.token_expires_at is not None and as_utc(held.token_expires_at) > now
        conn.execute(
            update(devices)
            .where(devices.c.id == device_id)
            .values(
                token_hash=token_hash,
                prev_token_hash=held.token_hash if live else None,
                token_expires_at=expires_at,
                name=name or found.name,
                last_used_at=now,
            )
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


def touch(conn: Connection, device_id: str, at: datetime, expires_at: datetime) -> None:
    """Note a use of the device and push its token's expiry forward."""
    conn.execute(
        update(devices)
        .where(devices.c.id == device_id)
        .values(last_used_at=at, token_expires_at=expires_at)
    )


def keep_token(conn: Connection, device_id: str, used_hash: str) -> None:
    """The device used one of its two tokens: it is the one it holds; drop the other."""
    conn.execute(
        update(devices)
        .where(devices.c.id == device_id)
        .values(token_hash=used_hash, prev_token_hash=None)
    )


def drop_tokens(conn: Connection, device_ids: list[str]) -> None:
    """Sign devices out: their tokens stop working for good (a new login gives a new one)."""
    for device_id in device_ids:
        conn.execute(
            update(devices)
            .where(devices.c.id == device_id)
            .values(token_hash=dead_token(), prev_token_hash=None, token_expires_at=utcnow())
        )


def of_user(conn: Connection, user_id: int) -> list[str]:
    return [r.id for r in conn.execute(select(devices.c.id).where(devices.c.user_id == user_id))]


def tokens(conn: Connection, device_id: str) -> tuple[str, str | None]:
    """The device's token hash and the one before it (for the audit log's after-state)."""
    row = conn.execute(
        select(devices.c.token_hash, devices.c.prev_token_hash).where(devices.c.id == device_id)
    ).one()
    return str(row.token_hash), row.prev_token_hash


def all_rows(conn: Connection) -> list[Any]:
    """Every device with its user's name and token hashes (audit reconciliation)."""
    return list(
        conn.execute(select(devices, users.c.username).join(users, users.c.id == devices.c.user_id))
    )


def pull_scope(conn: Connection, device_id: str) -> str | None:
    """The area the device's pull cursor was built for (None: never recorded)."""
    scope: str | None = conn.execute(
        select(devices.c.pull_scope).where(devices.c.id == device_id)
    ).scalar_one_or_none()
    return scope


def set_pull_scope(conn: Connection, device_id: str, scope: str) -> None:
    conn.execute(update(devices).where(devices.c.id == device_id).values(pull_scope=scope))


@dataclass(frozen=True)
class TokenHolder:
    """What authenticating a token needs: the device, its user, and the token's standing."""

    device: Device
    user: User
    expires_at: datetime | None
    is_previous: bool  # the token is the one before the last login's (not used since)
    pending_previous: bool  # the device still holds a previous token besides this one


def with_user_by_token_hash(conn: Connection, token_hash: str) -> TokenHolder | None:
    """The device holding this token and its user, in one query (every request asks)."""
    row = conn.execute(
        select(devices, *[c.label(f"u_{c.name}") for c in users.c])
        .join(users, users.c.id == devices.c.user_id)
        .where(or_(devices.c.token_hash == token_hash, devices.c.prev_token_hash == token_hash))
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
    return TokenHolder(
        device=_device(row),
        user=user,
        expires_at=None if row.token_expires_at is None else as_utc(row.token_expires_at),
        is_previous=row.token_hash != token_hash,
        pending_previous=row.prev_token_hash is not None,
    )
