"""The ``login_failures`` table: failed logins, counted in a sliding window for rate limiting."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select

from sync.server.canonical import utcnow
from sync.server.schema import login_failures


def record(conn: Connection, username: str, client: str) -> None:
    conn.execute(insert(login_failures).values(username=username, client=client, at=utcnow()))


def count_since(
    conn: Connection, since: datetime, *, username: str, client: str
) -> tuple[int, int]:
    """Failures since ``since`` for this user name and for this client address."""
    by_user = conn.execute(
        select(func.count())
        .select_from(login_failures)
        .where(login_failures.c.username == username, login_failures.c.at >= since)
    ).scalar_one()
    by_client = conn.execute(
        select(func.count())
        .select_from(login_failures)
        .where(login_failures.c.client == client, login_failures.c.at >= since)
    ).scalar_one()
    return int(by_user), int(by_client)


def forget_before(conn: Connection, before: datetime) -> None:
    conn.execute(delete(login_failures).where(login_failures.c.at < before))
