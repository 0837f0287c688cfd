"""Change capture: every insert, update and delete of a synced row lands in `change_log` in the same
transaction, by triggers, so nothing can change without the sync module seeing it. Deletes also
leave a tombstone. Incoming changes are applied inside `applying_incoming()`, which the triggers see
and so do not capture again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

# The change id looks like a UUID 4 and is made inside the trigger, in the same transaction.
_UUID_SQL = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2)"
    " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-'"
    " || hex(randomblob(6)))"
)
_NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_CAPTURING = "(SELECT suppressed FROM capture_control WHERE id = 1) = 0"


def exact_value_sql(expr: str) -> str:
    """`expr` as a `json_object` value that keeps a REAL exactly.

    `json_object` writes a REAL with 15 significant digits (43.46708166666389 becomes
    43.4670816666639), so a REAL is printed here with 21 (`%!.20e`), which reads back to the same
    double even where SQLite's own conversion is off in the last digits (SQLite before 3.43 misses
    about 1 in 400 doubles at 17 digits). `json()` keeps the digits and gives the text JSON's
    subtype, which survives CASE, so `json_object` embeds a number, not a string. Other types go
    in as they are. A non-finite REAL makes the write fail (`json()` refuses `Inf`), where
    `json_object` alone would write JSON no reader accepts.
    """
    return f"CASE WHEN typeof({expr}) = 'real' THEN json(printf('%!.20e', {expr})) ELSE {expr} END"


def upsert_triggers_sql(
    table: str, columns: Sequence[str], json_columns: Sequence[str] = (), key: str = "id"
) -> str:
    """The insert and update capture triggers of a synced table: the new row into `change_log`."""
    pairs = ",\n    ".join(
        f"'{c}', json(NEW.{c})" if c in json_columns else f"'{c}', {exact_value_sql(f'NEW.{c}')}"
        for c in columns
    )
    upsert = (
        "INSERT INTO change_log (change_id, entity, row_id, op, data, at) "
        f"VALUES ({_UUID_SQL}, '{table}', NEW.{key}, 'upsert', json_object(\n    {pairs}\n), "
        f"{_NOW_SQL});"
    )
    return f"""
CREATE TRIGGER {table}_capture_insert AFTER INSERT ON {table} WHEN {_CAPTURING}
BEGIN {upsert} END;
CREATE TRIGGER {table}_capture_update AFTER UPDATE ON {table} WHEN {_CAPTURING}
BEGIN {upsert} END;
"""


def triggers_sql(
    table: str, columns: Sequence[str], json_columns: Sequence[str] = (), key: str = "id"
) -> str:
    """The three capture triggers of a synced table; `json_columns` hold JSON text to embed."""
    return (
        upsert_triggers_sql(table, columns, json_columns, key)
        + f"""CREATE TRIGGER {table}_capture_delete AFTER DELETE ON {table}
BEGIN
    INSERT OR REPLACE INTO tombstones (entity, row_id, deleted_at)
    VALUES ('{table}', OLD.{key}, {_NOW_SQL});
    INSERT INTO change_log (change_id, entity, row_id, op, data, at)
    SELECT {_UUID_SQL}, '{table}', OLD.{key}, 'delete', NULL, {_NOW_SQL} WHERE {_CAPTURING};
END;
"""
    )


def recapture_sql(
    table: str, columns: Sequence[str], json_columns: Sequence[str] = (), key: str = "id"
) -> str:
    """Replaces the insert and update capture triggers of an existing synced table (a migration)."""
    return (
        f"DROP TRIGGER {table}_capture_insert;\nDROP TRIGGER {table}_capture_update;"
        + upsert_triggers_sql(table, columns, json_columns, key)
    )


@contextmanager
def applying_incoming(conn: sqlite3.Connection) -> Iterator[None]:
    """One transaction in which writes are not captured (changes that came from the server).

    The flag lives in a table, not in memory, so it is part of the transaction: a crash or an
    exception rolls it back with the writes.
    """
    if conn.in_transaction:
        raise RuntimeError("applying_incoming() must open its own transaction")
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("UPDATE capture_control SET suppressed = 1 WHERE id = 1")
        yield
        conn.execute("UPDATE capture_control SET suppressed = 0 WHERE id = 1")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
