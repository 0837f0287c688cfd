"""Anchoring the audit chain's head outside the database, now and then, and checking anchors.

See ``sync.server.anchors`` for why. The head is anchored through a durable commit of an entry
of its own (``audit.anchor``): commits the server can rebuild skip waiting for the disk
(``db.write(durable=False)``), and a durable commit flushes them too, so the file never names an
entry that a power cut could still take back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Set

from sync.server import anchors, db
from sync.server.anchors import Anchor
from sync.server.audit import AuditEntry
from sync.server.canonical import utcnow
from sync.server.context import ServerContext
from sync.server.queries import audit

log = logging.getLogger(__name__)


def anchor_now(ctx: ServerContext) -> Anchor | None:
    """Anchor the chain's head if the chain grew since the last anchor; the new anchor.

    An ``audit.anchor`` entry whose line never reached the file (the server stopped between
    the commit and the append) is written to the file first: ``audit verify`` wants a line for
    every anchor entry of the chain."""
    path = ctx.settings.anchor_file
    known = anchors.read(path)
    with db.read(ctx.engine) as conn:
        last = audit.last_anchor(conn)
    if last is not None and all(a.seq != last[0] for a in known):
        repaired = Anchor(seq=last[0], hash=last[1], at=utcnow())
        anchors.append(path, repaired)
        known.append(repaired)
    with db.write(ctx.engine) as conn:
        current = audit.head(conn)
        if current is None or (known and known[-1].seq == current[0]):
            return None  # an empty chain, or nothing since the last anchor
        now = utcnow()
        entry = AuditEntry(
            at=now,
            username=None,
            device_id=None,
            action="audit.anchor",
            entity=None,
            row_id=None,
            before=None,
            after={"file": path.name, "head_seq": current[0]},
        )
        audit.append_many(conn, [entry])
        anchored = audit.head(conn)
    assert anchored is not None
    anchor = Anchor(seq=anchored[0], hash=anchored[1], at=now)
    anchors.append(path, anchor)
    return anchor


def first_missing(anchored: Iterable[Anchor], hashes_seen: Set[str]) -> Anchor | None:
    """The oldest anchored entry that is no longer in the chain (its tail was cut), if any."""
    return next((a for a in anchored if a.hash not in hashes_seen), None)


class Anchorer:
    """Anchors every ``every`` seconds while the server runs, and once more when it stops."""

    def __init__(self, ctx: ServerContext, every: float) -> None:
        self.ctx = ctx
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="audit-anchor", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self._anchor()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self._anchor()

    def _anchor(self) -> None:
        try:
            anchor_now(self.ctx)
        except Exception:  # the server goes on serving; the next round tries again
            log.exception("could not anchor the audit chain in %s", self.ctx.settings.anchor_file)
