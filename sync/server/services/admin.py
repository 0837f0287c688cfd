"""Administration: users and devices, each change written to the audit log."""

from __future__ import annotations

import dataclasses

from sqlalchemy import Connection

from sync.protocol import CITY_CODE, ROLES
from sync.server import db
from sync.server.audit import AuditEntry
from sync.server.canonical import utcnow
from sync.server.context import ServerContext
from sync.server.models import User
from sync.server.queries import audit, devices, users
from sync.server.rules import COUNTY_RE
from sync.server.security import fingerprint, password_problem, username_key, username_problem
from sync.server.services.auth import device_entry


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


def user_state(user: User) -> dict[str, object]:
    """A user's after-state in the audit log; ``audit verify`` compares it with the row."""
    return {
        "role": user.role,
        "counties": sorted(user.counties),
        "disabled": user.disabled,
        "password": fingerprint(user.password_hash),
    }


def _user(conn: Connection, username: str) -> User:
    user = users.by_username(conn, username)
    if user is None:
        raise AdminError(f"no user {username}")
    return user


def _changed(conn: Connection, user: User, action: str, before: object = None) -> None:
    """Audit the user's new state; a change of password or a disable also signs out every
    device of the user (their tokens stop working; re-enabling does not revive them)."""
    after = users.by_id(conn, user.id)
    assert after is not None
    entries = [_entry(action, "users", after.username, before, user_state(after))]
    if action in ("user.passwd", "user.disable"):
        ids = devices.of_user(conn, user.id)
        devices.drop_tokens(conn, ids)
        entries += [device_entry(conn, "device.signed_out", d, after.username) for d in ids]
    audit.append_many(conn, entries)


def add_user(
    ctx: ServerContext, username: str, password: str, role: str, counties: list[str]
) -> User:
    if role not in ROLES:
        raise AdminError(f"role must be one of {', '.join(ROLES)}")
    _check_counties(role, counties)
    problem = username_problem(username) or password_problem(password, username)
    if problem is not None:
        raise AdminError(problem)
    with db.write(ctx.engine) as conn:
        if users.by_username(conn, username) is not None:
            raise AdminError(f"user {username_key(username)} exists")
        user = users.add(conn, username, ctx.hasher.hash(password), role, counties)
        _changed(conn, user, "user.add")
    return user


def set_disabled(ctx: ServerContext, username: str, disabled: bool) -> None:
    with db.write(ctx.engine) as conn:
        user = _user(conn, username)
        users.set_disabled(conn, user.id, disabled)
        _changed(conn, user, "user.disable" if disabled else "user.enable")


def set_counties(
    ctx: ServerContext, username: str, counties: list[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Bind a user to other counties (replaces the list); returns (before, after). A device
    whose user gained a county pulls everything again on its next sync (``services.pull``)."""
    with db.write(ctx.engine) as conn:
        user = _user(conn, username)
        _check_counties(user.role, counties)
        before, after = tuple(sorted(user.counties)), tuple(sorted(set(counties)))
        if after != before:  # an unchanged area is neither written nor audited
            users.set_counties(conn, user.id, counties)
            _changed(conn, user, "user.counties", {"counties": list(before)})
    return before, after


def set_password(ctx: ServerContext, username: str, password: str) -> None:
    problem = password_problem(password, username)
    if problem is not None:
        raise AdminError(problem)
    with db.write(ctx.engine) as conn:
        user = _user(conn, username)
        users.set_password_hash(conn, user.id, ctx.hasher.hash(password))
        _changed(conn, user, "user.passwd")


def revoke_device(
    ctx: ServerContext, device_id: str, by: str = CLI, from_device: str | None = None
) -> None:
    """Revoke a device's token; revoking a revoked device changes nothing."""
    with db.write(ctx.engine) as conn:
        device = devices.by_id(conn, device_id)
        if device is None:
            raise AdminError(f"no device {device_id}")
        if devices.revoke(conn, device_id):
            owner = users.by_id(conn, device.user_id)
            assert owner is not None
            entry = device_entry(conn, "device.revoke", device_id, owner.username)
            entry = dataclasses.replace(entry, username=by, device_id=from_device)
            audit.append_many(conn, [entry])
