"""The ``login_failures`` table: failed logins, counted in a sliding window for rate limiting."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from sync.server.canonical import utcnow
from sync.server.schema import login_failures


def record(conn: Connection, username: str, client: str, install_id: str) -> None:
    conn.execute(
        insert(login_failures).values(
            username=username, client=client, install_id=install_id, at=utcnow()
        )
    )


def _count(conn: Connection, since: datetime, *where: Any) -> int:
    query = select(func.count()).select_from(login_failures)
    return int(conn.execute(query.where(login_failures.c.at >= since, *where)).scalar_one())


def by_user(conn: Connection, since: datetime, username: str) -> int:
    """Failures for this user name since ``since``, from any device and address."""
    return _count(conn, since, login_failures.c.username == username)


def by_client(conn: Connection, since: datetime, client: str) -> int:
    """Failures from this client address since ``since``, for any user name."""
    return _count(conn, since, login_failures.c.client == client)


def by_device(conn: Connection, since: datetime, username: str, install_id: str) -> int:
    """Failures for this user name from this one installation since ``since``."""
    return _count(
        conn,
        since,
        login_failures.c.username == username,
        login_failures.c.install_id == install_id,
    )


def forget_before(conn: Connection, before: datetime) -> None:
    conn.execute(delete(login_failures).where(login_failures.c.at < before))
