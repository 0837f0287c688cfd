"""Administration: users and devices, each change written to the audit log."""

from __future__ import annotations

from sync.protocol import CITY_CODE, ROLES
from sync.server import db
from sync.server.audit import AuditEntry
from sync.server.canonical import utcnow
from sync.server.context import ServerContext
from sync.server.models import User
from sync.server.queries import audit, devices, users
from sync.server.rules import COUNTY_RE


class AdminError(ValueError):
    """An administrator's request that cannot be done, with the reason."""


CLI = "admin-cli"  # who the audit log names for changes made on the server's command line


def _entry(
    action: str,
    entity: str,
    row_id: str,
    before: object,
    after: object,
    by: str = CLI,
    device_id: str | None = None,
) -> AuditEntry:
    return AuditEntry(
        at=utcnow(),
        username=by,
        device_id=device_id,
        action=action,
        entity=entity,
        row_id=row_id,
        before=before,
        after=after,
    )


def _check_counties(role: str, counties: list[str]) -> None:
    if not counties and role != "admin":
        raise AdminError(f"give at least one county (or {CITY_CODE} for the whole city)")
    bad = [c for c in counties if not COUNTY_RE.match(c)]
    if bad:
        raise AdminError(f"not a six-digit GB/T 2260 code: {', '.join(bad)}")


def add_user(
    ctx: ServerContext, username: str, password: str, role: str, counties: list[str]
) -> User:
    if role not in ROLES:
        raise AdminError(f"role must be one of {', '.join(ROLES)}")
    _check_counties(role, counties)
    if not 1 <= len(username) <= 64:
        raise AdminError("user names have 1 to 64 characters")
    if len(password) < 8:
        raise AdminError("passwords have at least 8 characters")
    with db.write(ctx.engine) as conn:
        if users.by_username(conn, username) is not None:
            raise AdminError(f"user {username} exists")
        user = users.add(conn, username, ctx.hasher.hash(password), role, counties)
        info = {"role": role, "counties": sorted(set(counties))}
        audit.append_many(conn, [_entry("user.add", "users", username, None, info)])
    return user


def set_disabled(ctx: ServerContext, username: str, disabled: bool) -> None:
    with db.write(ctx.engine) as conn:
        if not users.set_disabled(conn, username, disabled):
            raise AdminError(f"no user {username}")
        action = "user.disable" if disabled else "user.enable"
        audit.append_many(conn, [_entry(action, "users", username, None, {"disabled": disabled})])


def set_counties(
    ctx: ServerContext, username: str, counties: list[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Bind a user to other counties (replaces the list); returns (before, after). A device
    whose user gained a county pulls everything again on its next sync (``services.pull``)."""
    with db.write(ctx.engine) as conn:
        user = users.by_username(conn, username)
        if user is None:
            raise AdminError(f"no user {username}")
        _check_counties(user.role, counties)
        before, after = tuple(sorted(user.counties)), tuple(sorted(set(counties)))
        if after != before:  # an unchanged area is neither written nor audited
            users.set_counties(conn, username, counties)
            entry = _entry(
                "user.counties",
                "users",
                username,
                {"counties": list(before)},
                {"counties": list(after)},
            )
            audit.append_many(conn, [entry])
    return before, after


def set_password(ctx: ServerContext, username: str, password: str) -> None:
    if len(password) < 8:
        raise AdminError("passwords have at least 8 characters")
    with db.write(ctx.engine) as conn:
        if not users.set_password_hash(conn, username, ctx.hasher.hash(password)):
            raise AdminError(f"no user {username}")
        audit.append_many(conn, [_entry("user.passwd", "users", username, None, None)])


def revoke_device(
    ctx: ServerContext, device_id: str, by: str = CLI, from_device: str | None = None
) -> None:
    """Revoke a device's token; revoking a revoked device changes nothing."""
    with db.write(ctx.engine) as conn:
        if devices.by_id(conn, device_id) is None:
            raise AdminError(f"no device {device_id}")
        if devices.revoke(conn, device_id):
            entry = _entry(
                "device.revoke", "devices", device_id, None, {"revoked": True}, by, from_device
            )
            audit.append_many(conn, [entry])
