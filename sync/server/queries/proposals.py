"""The ``proposals`` table: field edits of the ledger awaiting a supervisor's decision."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, insert, select, true, update

from sync.protocol import ProposalView
from sync.server.canonical import as_utc, dumps, loads
from sync.server.schema import proposals


def _view(row: Any) -> ProposalView:
    return ProposalView(
        proposal_id=row.id,
        entity=row.entity,
        row_id=row.row_id,
        op=row.op,
        data=loads(row.data),
        base_version=row.base_version,
        proposed_by=row.proposed_by,
        county_code=row.county_code,
        state=row.state,
        comment=row.comment,
        created_at=as_utc(row.created_at),
        decided_by=row.decided_by,
        decided_at=None if row.decided_at is None else as_utc(row.decided_at),
    )


def insert_many(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(
            insert(proposals),
            [{**r, "data": None if r["data"] is None else dumps(r["data"])} for r in rows],
        )


def get(conn: Connection, proposal_id: str, counties: frozenset[str] | None) -> ProposalView | None:
    query = select(proposals).where(proposals.c.id == proposal_id)
    if counties is not None:
        query = query.where(proposals.c.county_code.in_(sorted(counties)))
    row = conn.execute(query).first()
    return None if row is None else _view(row)


def search(
    conn: Connection,
    counties: frozenset[str] | None,
    *,
    state: str | None,
    limit: int,
    offset: int,
) -> list[ProposalView]:
    """Proposals of the area; ``state`` one of them, ``decided`` (any but pending) or None."""
    conds: list[ColumnElement[bool]] = []
    if counties is not None:
        conds.append(proposals.c.county_code.in_(sorted(counties)))
    if state == "decided":
        conds.append(proposals.c.state != "pending")
    elif state is not None:
        conds.append(proposals.c.state == state)
    rows = conn.execute(
        select(proposals)
        .where(and_(true(), *conds))
        .order_by(proposals.c.created_at, proposals.c.id)
        .limit(limit)
        .offset(offset)
    )
    return [_view(r) for r in rows]


def decide(
    conn: Connection, proposal_id: str, state: str, by: str, comment: str, at: datetime
) -> bool:
    """Record a decision on a pending proposal; False when it was already decided."""
    result = conn.execute(
        update(proposals)
        .where(proposals.c.id == proposal_id, proposals.c.state == "pending")
        .values(state=state, decided_by=by, decided_at=at, comment=comment)
    )
    return result.rowcount == 1
