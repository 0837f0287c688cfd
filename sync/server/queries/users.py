"""The ``users`` table: accounts with a role and the counties they are bound to."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select, update

from sync.server.canonical import as_utc, utcnow
from sync.server.models import User, UserId
from sync.server.schema import users


def _user(row: Any) -> User:
    return User(
        id=UserId(row.id),
        username=row.username,
        password_hash=row.password_hash,
        role=row.role,
        counties=tuple(json.loads(row.counties)),
        disabled=bool(row.disabled),
        created_at=as_utc(row.created_at),
    )


def add(
    conn: Connection, username: str, password_hash: str, role: str, counties: list[str]
) -> User:
    """Insert a user; IntegrityError when the name is taken."""
    conn.execute(
        insert(users).values(
            username=username,
            password_hash=password_hash,
            role=role,
            counties=json.dumps(sorted(set(counties))),
            disabled=False,
            created_at=utcnow(),
        )
    )
    found = by_username(conn, username)
    assert found is not None
    return found


def by_username(conn: Connection, username: str) -> User | None:
    row = conn.execute(select(users).where(users.c.username == username)).first()
    return None if row is None else _user(row)


def by_id(conn: Connection, user_id: int) -> User | None:
    row = conn.execute(select(users).where(users.c.id == user_id)).first()
    return None if row is None else _user(row)


def list_all(conn: Connection) -> list[User]:
    return [_user(r) for r in conn.execute(select(users).order_by(users.c.username))]


def set_disabled(conn: Connection, username: str, disabled: bool) -> bool:
    result = conn.execute(
        update(users).where(users.c.username == username).values(disabled=disabled)
    )
    return result.rowcount == 1


def set_password_hash(conn: Connection, username: str, password_hash: str) -> bool:
    result = conn.execute(
        update(users).where(users.c.username == username).values(password_hash=password_hash)
    )
    return result.rowcount == 1


def set_counties(conn: Connection, username: str, counties: list[str]) -> bool:
    """Bind the user to these counties (stored sorted, without repeats)."""
    result = conn.execute(
        update(users)
        .where(users.c.username == username)
        .values(counties=json.dumps(sorted(set(counties))))
    )
    return result.rowcount == 1
