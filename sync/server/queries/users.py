"""The ``users`` table: accounts with a role and the counties they are bound to.

Users are looked up by their normalised name (``security.username_key``): ``INSP_A`` and
``"insp_a "`` are ``insp_a``.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select, update

from sync.server.canonical import as_utc, utcnow
from sync.server.models import User, UserId
from sync.server.schema import users
from sync.server.security import username_key


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
    """Insert a user under the normalised name; IntegrityError when the name is taken."""
    key = username_key(username)
    conn.execute(
        insert(users).values(
            username=key,
            username_key=key,
            password_hash=password_hash,
            role=role,
            counties=json.dumps(sorted(set(counties))),
            disabled=False,
            created_at=utcnow(),
        )
    )
    found = by_username(conn, key)
    assert found is not None
    return found


def by_username(conn: Connection, username: str) -> User | None:
    """The user this name means, however it is written."""
    row = conn.execute(select(users).where(users.c.username_key == username_key(username))).first()
    return None if row is None else _user(row)


def by_id(conn: Connection, user_id: int) -> User | None:
    row = conn.execute(select(users).where(users.c.id == user_id)).first()
    return None if row is None else _user(row)


def list_all(conn: Connection) -> list[User]:
    return [_user(r) for r in conn.execute(select(users).order_by(users.c.username))]


def set_disabled(conn: Connection, user_id: int, disabled: bool) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(disabled=disabled))


def set_password_hash(conn: Connection, user_id: int, password_hash: str) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))


def set_counties(conn: Connection, user_id: int, counties: list[str]) -> None:
    """Bind the user to these counties (stored sorted, without repeats)."""
    conn.execute(
        update(users)
        .where(users.c.id == user_id)
        .values(counties=json.dumps(sorted(set(counties))))
    )
