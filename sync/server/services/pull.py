"""Pulling the feed, and restarting a device's pull when the user's area grew.

A device's cursor is good only for the area it was built in: rows of a county the user gains
later lie behind the cursor and would never be sent. So the device row keeps that area
(``devices.pull_scope``, in the form ``scope_of`` makes) and a pull past the start under a wider
area is answered ``restart`` (the protocol's Pull section). The area is recorded when a device
first pulls, when it pulls from 0, and when the area only shrank; an unchanged area writes
nothing, so the empty pull a device makes every sync stays one read transaction.
"""

from __future__ import annotations

from sync.protocol import PullResponse
from sync.server import db
from sync.server.canonical import utcnow
from sync.server.context import ServerContext
from sync.server.models import Actor
from sync.server.queries import devices, feed

CITY_SCOPE = "city"


def scope_of(visible: frozenset[str] | None) -> str:
    """The canonical text of an area: ``city``, or its county codes sorted and joined by ``,``."""
    return CITY_SCOPE if visible is None else ",".join(sorted(visible))


def widens(recorded: str, current: str) -> bool:
    """Whether the area ``current`` sees a county that ``recorded`` did not."""
    if recorded == CITY_SCOPE:
        return False
    if current == CITY_SCOPE:
        return True
    return not _codes(current) <= _codes(recorded)


def _codes(scope: str) -> set[str]:
    return set(scope.split(",")) if scope else set()


def pull(ctx: ServerContext, actor: Actor, cursor: int, limit: int) -> PullResponse:
    """Up to ``limit`` feed items after ``cursor`` in the actor's area (and those sent to the
    actor alone, a drawn visit's, while its window lasts), or a restart from 0."""
    visible = actor.visible_counties()
    scope = scope_of(visible)
    with db.read(ctx.engine) as conn:
        recorded = devices.pull_scope(conn, actor.device_id)
        if cursor > 0 and recorded is not None and widens(recorded, scope):
            # The recorded area stays: it changes when the device pulls from 0.
            return PullResponse(items=[], cursor=0, more=True, restart=True)
        items = feed.since(conn, cursor, visible, limit + 1, actor.username, utcnow())
    if recorded != scope:
        with db.write(ctx.engine, serialised=False) as conn:
            devices.set_pull_scope(conn, actor.device_id, scope)
    more = len(items) > limit
    items = items[:limit]
    return PullResponse(items=items, cursor=items[-1].seq if items else cursor, more=more)
