"""Logging in (registers the device, returns its token) and authenticating a token."""

from __future__ import annotations

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
from sync.server.security import check_password, new_token, token_hash


def login(ctx: ServerContext, request: LoginRequest, client: str) -> LoginResponse:
    """Check the password (rate-limited), register the device and hand out a fresh token."""
    now = utcnow()
    install_id = str(request.install_id)
    with db.read(ctx.engine) as conn:
        user = users.by_username(conn, request.username)
        known = None if user is None else devices.by_install(conn, user.id, install_id)
        trusted = known is not None and known.revoked_at is None
        limited = _rate_limited(ctx, conn, now, request.username, client, install_id, trusted)
    if limited:
        raise ApiError(
            429,
            ErrorCode.LOGIN_RATE_LIMITED,
            "too many failed logins; wait and try again",
            {"retry_after_seconds": ctx.settings.login_window_seconds},
        )
    ok = check_password(ctx.hasher, user.password_hash if user else None, request.password)
    if user is None or not ok:
        with db.write(ctx.engine, serialised=False) as conn:
            login_failures.record(conn, request.username, client, install_id)
        raise ApiError(401, ErrorCode.LOGIN_FAILED, "wrong user name or password")
    if user.disabled:
        raise ApiError(401, ErrorCode.USER_DISABLED, "this account is disabled")
    token = new_token()
    with db.write(ctx.engine) as conn:
        found = devices.by_install(conn, user.id, install_id)
        if found is not None and found.revoked_at is not None:
            raise ApiError(401, ErrorCode.DEVICE_REVOKED, "this device was revoked")
        device = devices.register(conn, user.id, install_id, request.device_name, token_hash(token))
        audit.append_many(
            conn,
            [
                AuditEntry(
                    at=now,
                    username=user.username,
                    device_id=device.id,
                    action="device.login" if found else "device.register",
                    entity="devices",
                    row_id=device.id,
                    before=None,
                    after={"name": device.name, "install_id": device.install_id, "client": client},
                )
            ],
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


def authenticate(ctx: ServerContext, token: str) -> Actor:
    """The actor behind a bearer token, or a 401 saying why not."""
    with db.read_one(ctx.engine) as conn:
        found = devices.with_user_by_token_hash(conn, token_hash(token))
    if found is None:
        raise ApiError(401, ErrorCode.TOKEN_INVALID, "unknown or replaced token")
    device, user = found
    if device.revoked_at is not None:
        raise ApiError(401, ErrorCode.DEVICE_REVOKED, "this device was revoked")
    if user.disabled:
        raise ApiError(401, ErrorCode.USER_DISABLED, "this account is disabled")
    now = utcnow()
    stale = now - timedelta(seconds=ctx.settings.token_touch_seconds)
    if device.last_used_at is None or device.last_used_at < stale:
        with db.write(ctx.engine, serialised=False) as conn:
            devices.touch(conn, device.id, now)
    return Actor(
        username=user.username,
        role=user.role,
        counties=frozenset(user.counties),
        device_id=device.id,
    )
