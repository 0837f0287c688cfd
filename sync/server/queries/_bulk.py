"""Bulk helpers the table modules share: membership tests and multi-row inserts.

On PostgreSQL a list of keys goes as one array parameter (``= ANY(:keys)``), which plans and binds
far faster than hundreds of ``IN`` parameters (measured: 3.5 ms against 10 ms for 500 keys).
Multi-row ``VALUES`` inserts were measured slower than psycopg's pipelined executemany (their
compilation dominates), so inserts stay executemany.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ARRAY, ColumnElement, Connection, Table, any_, bindparam, insert


def one_of(conn: Connection, column: Any, values: Sequence[Any]) -> ColumnElement[bool]:
    """``column IN values``, in the form the connection's database handles best."""
    if conn.dialect.name == "postgresql":
        result: ColumnElement[bool] = column == any_(
            bindparam(None, list(values), type_=ARRAY(column.type))
        )
        return result
    return column.in_(list(values))


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows (every row with the same keys) as one executemany."""
    if rows:
        conn.execute(insert(table), rows)
