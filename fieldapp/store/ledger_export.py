"""The ledger's rows as plain records (``ledgerio.record`` shape) for exports and import checks.

Streams in blocks: an export of the whole ledger never holds it all in memory at once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from fieldapp.store.ledger_query import SORT_COLUMNS, LedgerQuery, _where
from fieldapp.store.migrations import OUTFALL_COLUMNS

_COLUMNS = ", ".join(OUTFALL_COLUMNS)


def _record(row: tuple[Any, ...]) -> dict[str, Any]:
    rec = dict(zip(OUTFALL_COLUMNS, row, strict=True))
    rec["discharging_units"] = json.loads(rec["discharging_units"] or "[]")
    return rec


def count(conn: sqlite3.Connection, query: LedgerQuery) -> int:
    where, params = _where(query)
    return int(conn.execute(f"SELECT count(*) FROM outfalls{where}", params).fetchone()[0])


def records(
    conn: sqlite3.Connection, query: LedgerQuery | None = None, block: int = 2000
) -> Iterator[dict[str, Any]]:
    """Every outfall the query shows (None: the whole ledger), in its order, block by block."""
    query = query or LedgerQuery()
    where, params = _where(query)
    column = SORT_COLUMNS[query.sort]
    direction = "DESC" if query.descending else "ASC"
    sql = f"SELECT {_COLUMNS} FROM outfalls{where} ORDER BY {column} {direction}, rid {direction}"
    cursor = conn.execute(sql, params)
    while True:
        rows = cursor.fetchmany(block)
        if not rows:
            return
        for row in rows:
            yield _record(row)
