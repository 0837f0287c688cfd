"""Logging in (registers the device, returns its token), authenticating a token, signing out.

A token is bound to the install that logged in (every call names it in ``X-Hekou-Install``),
expires ``token_lifetime_seconds`` after its last use, and is dropped when the user's password
changes, the user is disabled, or the device signs out. A login replayed by the network leaves
the token the device kept from the first answer valid (``queries.devices``).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import Connection

from sync.protocol import ErrorCode, LoginRequest, LoginResponse, UserInfo
from sync.server import db
from sync.server.audit import AuditEntry
from sync.server.canonical import utcnow
from sync.server.context import ServerContext
from sync.server.errors import ApiError
from sync.server.models import Actor
from sync.server.queries import audit, devices, login_failures, users
from sync.server.security import check_password, fingerprint, new_token, token_hash, username_key


def device_state(conn: Connection, device_id: str, username: str) -> dict[str, object]:
    """A device's after-state in the audit log; ``audit verify`` compares it with the row."""
    device = devices.by_id(conn, device_id)
    assert device is not None
    current, previous = devices.tokens(conn, device_id)
    return {
        "user": username,
        "install_id": device.install_id,
        "name": device.name,
        "revoked": device.revoked_at is not None,
        "token": fingerprint(current),
        "prev_token": None if previous is None else fingerprint(previous),
    }


def device_entry(
    conn: Connection, action: str, device_id: str, username: str, **extra: object
) -> AuditEntry:
    return AuditEntry(
        at=utcnow(),
        username=username,
        device_id=device_id,
        action=action,
        entity="devices",
        row_id=device_id,
        before=None,
        after={**device_state(conn, device_id, username), **extra},
    )


def login(ctx: ServerContext, request: LoginRequest, client: str) -> LoginResponse:
    """Check the password (rate-limited), register the device and hand out a fresh token.

    A wrong password, an unknown name and a disabled account get the same answer."""
    now = utcnow()
    install_id = str(request.install_id)
    name = username_key(request.username)[:64]
    with db.read(ctx.engine) as conn:
        user = users.by_username(conn, request.username)
        known = None if user is None else devices.by_install(conn, user.id, install_id)
        trusted = known is not None and known.revoked_at is None
        limited = _rate_limited(ctx, conn, now, name, client, install_id, trusted)
    if limited:
        raise ApiError(
            429,
            ErrorCode.LOGIN_RATE_LIMITED,
            "too many failed logins; wait and try again",
            {"retry_after_seconds": ctx.settings.login_window_seconds},
        )
    ok = check_password(ctx.hasher, user.password_hash if user else None, request.password)
    if user is None or not ok or user.disabled:
        with db.write(ctx.engine, serialised=False) as conn:
            login_failures.record(conn, name, client, install_id)
        raise ApiError(401, ErrorCode.LOGIN_FAILED, "wrong user name or password")
    token = new_token()
    expires = now + timedelta(seconds=ctx.settings.token_lifetime_seconds)
    with db.write(ctx.engine) as conn:
        found = devices.by_install(conn, user.id, install_id)
        if found is not None and found.revoked_at is not None:
            raise ApiError(401, ErrorCode.DEVICE_REVOKED, "this device was revoked")
        device = devices.register(
            conn, user.id, install_id, request.device_name, token_hash(token), expires
        )
        action = "device.login" if found else "device.register"
        audit.append_many(
            conn, [device_entry(conn, action, device.id, user.username, client=client)]
        )
        login_failures.forget_before(
            conn, now - timedelta(seconds=ctx.settings.login_window_seconds)
        )
    return LoginResponse(
        token=token,
        device_id=device.id,
        user=UserInfo(username=user.username, role=user.role, counties=list(user.counties)),
    )


def _rate_limited(
    ctx: ServerContext,
    conn: Connection,
    now: datetime,
    username: str,
    client: str,
    install_id: str,
    trusted: bool,
) -> bool:
    """Whether this login attempt must wait.

    Failures are counted per user name and per client address, so that guessing is slow from
    anywhere, except on a device the user has already logged in from (its install id is a
    random UUID an attacker does not know): there only that device's own failures count, so
    that someone guessing a user's password cannot lock the user out of their own laptop,
    also behind a mobile carrier's shared address (OWASP's "device cookie" defence).
    """
    settings = ctx.settings
    since = now - timedelta(seconds=settings.login_window_seconds)
    per_user = settings.login_max_failures_per_user
    if trusted:
        return login_failures.by_device(conn, since, username, install_id) >= per_user
    return (
        login_failures.by_user(conn, since, username) >= per_user
        or login_failures.by_client(conn, since, client) >= settings.login_max_failures_per_client
    )


def authenticate(ctx: ServerContext, token: str, install_id: str | None) -> Actor:
    """The actor behind a bearer token sent from ``install_id``, or a 401 saying why not."""
    used = token_hash(token)
    with db.read_one(ctx.engine) as conn:
        found = devices.with_user_by_token_hash(conn, used)
    now = utcnow()
    if found is None or found.device.install_id != _install(install_id):
        raise ApiError(401, ErrorCode.TOKEN_INVALID, "unknown or replaced token")
    device, user = found.device, found.user
    if device.revoked_at is not None:
        raise ApiError(401, ErrorCode.DEVICE_REVOKED, "this device was revoked")
    if user.disabled:
        raise ApiError(401, ErrorCode.USER_DISABLED, "this account is disabled")
    if found.expires_at is None or found.expires_at <= now:
        raise ApiError(401, ErrorCode.TOKEN_INVALID, "the token expired: sign in again")
    if found.is_previous or found.pending_previous:
        # The device showed which of its two tokens it holds: keep that one only.
        with db.write(ctx.engine) as conn:
            devices.keep_token(conn, device.id, used)
            audit.append_many(
                conn, [device_entry(conn, "device.token_kept", device.id, user.username)]
            )
    stale = now - timedelta(seconds=ctx.settings.token_touch_seconds)
    if device.last_used_at is None or device.last_used_at < stale:
        expires = now + timedelta(seconds=ctx.settings.token_lifetime_seconds)
        with db.write(ctx.engine, serialised=False) as conn:
            devices.touch(conn, device.id, now, expires)
    return Actor(
        username=user.username,
        role=user.role,
        counties=frozenset(user.counties),
        device_id=device.id,
    )


def _install(install_id: str | None) -> str | None:
    """The install id as stored at login (a UUID's canonical form), or None."""
    try:
        return None if install_id is None else str(uuid.UUID(install_id))
    except ValueError:
        return None


def logout(ctx: ServerContext, actor: Actor) -> None:
    """Sign the calling device out: its token stops working (the device stays registered)."""
    with db.write(ctx.engine) as conn:
        devices.drop_tokens(conn, [actor.device_id])
        audit.append_many(
            conn, [device_entry(conn, "device.logout", actor.device_id, actor.username)]
        )
