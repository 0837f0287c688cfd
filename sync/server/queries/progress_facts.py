"""The facts the progress figures count (``assessment``), read from the ``records`` table.

Only live rows of the caller's area: outfalls, their lifecycle events, sign-status edits and
completed inspections, as the same tuples the device reads from its profile.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select

from assessment.timeline import Facts
from sync.server.canonical import loads
from sync.server.schema import records


def _rows(
    conn: Connection, entity: str, counties: frozenset[str] | None
) -> Iterator[dict[str, Any]]:
    conds: list[ColumnElement[bool]] = [
        records.c.entity == entity,
        records.c.deleted.is_(False),
    ]
    if counties is not None:
        conds.append(records.c.county_code.in_(sorted(counties)))
    result = conn.execution_options(yield_per=5000).execute(
        select(records.c.data).where(*conds).order_by(records.c.id)
    )
    for (text,) in result:
        data = loads(text)
        if isinstance(data, dict):
            yield data


def load_facts(
    conn: Connection, counties: frozenset[str] | None, outfall_ids: frozenset[str] | None = None
) -> Facts:
    """The facts of ``counties`` (None: the whole city), optionally of some outfalls only."""

    def wanted(outfall_id: Any) -> bool:
        return outfall_ids is None or outfall_id in outfall_ids

    outfalls = [
        (str(d["id"]), str(d.get("county_code", "")), str(d.get("basin", "")),
         str(d.get("receiving_kind", "")), str(d.get("sign_status", "unknown")))
        for d in _rows(conn, "outfalls", counties)
        if "id" in d and wanted(d["id"])
    ]  # fmt: skip
    events = [
        (str(d["outfall_id"]), str(d["at"]), str(d["to_state"]), d.get("from_state"), str(d["id"]))
        for d in _rows(conn, "outfall_events", counties)
        if {"outfall_id", "at", "to_state", "id"} <= d.keys() and wanted(d["outfall_id"])
    ]
    edits = [
        (
            str(d["outfall_id"]),
            str(d["at"]),
            str(d.get("old_value", "")),
            str(d.get("new_value", "")),
        )
        for d in _rows(conn, "outfall_edits", counties)
        if d.get("field") == "sign_status" and "at" in d and wanted(d.get("outfall_id"))
    ]
    inspections = [
        (str(d["outfall_id"]), str(d["completed_at"]))
        for d in _rows(conn, "inspections", counties)
        if d.get("status") == "complete" and d.get("completed_at") and wanted(d.get("outfall_id"))
    ]
    return Facts(outfalls, events, edits, inspections)


def describe(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Code, name and county of some outfalls, by id."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            select(records.c.id, records.c.data, records.c.county_code).where(
                records.c.entity == "outfalls", records.c.id.in_(chunk)
            )
        )
        for row_id, text, county in rows:
            data = loads(text) or {}
            code = (
                data.get("national_code")
                or data.get("local_code")
                or data.get("provisional_code")
                or ""
            )
            found[row_id] = {"code": code, "name": data.get("name", ""), "county_code": county}
    return found


ENTITIES = ("outfalls", "outfall_events", "outfall_edits", "inspections")


def signature(conn: Connection, counties: frozenset[str] | None) -> tuple[Any, ...]:
    """Changes whenever a row the figures read is added, changed or removed (every write bumps a
    record's version, a removal too), so a cube built at one signature is current while it holds."""
    conds: list[ColumnElement[bool]] = [records.c.entity.in_(ENTITIES)]
    if counties is not None:
        conds.append(records.c.county_code.in_(sorted(counties)))
    rows = conn.execute(
        select(
            records.c.entity,
            func.count(),
            func.sum(records.c.version),
            func.max(records.c.updated_at),
        )
        .where(*conds)
        .group_by(records.c.entity)
        .order_by(records.c.entity)
    ).all()
    return tuple((e, int(n), int(v or 0), str(u)) for e, n, v, u in rows)
