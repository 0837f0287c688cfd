"""Opening a profile database: one SQLite file per user profile, in WAL mode.

Opening checks what can go wrong before anything is written: a missing or read-only folder, a file
that is not a database, a file made by a newer version, a lock held by another program. Each becomes
a `StoreError` naming the file; nothing is created or overwritten on the way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldapp.store import errors, migrations, search_grams

BUSY_TIMEOUT_MS = 3000


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # The search triggers call this; every connection of ours can write, so every one has it.
    conn.create_function(
        search_grams.SQL_FUNCTION, 1, search_grams.grams_document, deterministic=True
    )
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def open_profile(path: str | Path, *, migrate: bool = True) -> sqlite3.Connection:
    """Opens (creating if absent) and migrates the profile database; returns the write connection.

    Durability: `synchronous=FULL`, so a save that returned survives a crash and a power loss.
    Edits come at human speed; the fsync per commit costs nothing a person notices.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise errors.ReadOnlyLocation(path.parent)
    if path.exists() and path.stat().st_size > 0 and not _looks_like_sqlite(path):
        raise errors.CorruptDatabase(path, "no SQLite header")
    try:
        conn = _connect(path, read_only=False)
        try:
            _check_version(conn, path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            if migrate and schema_version(conn) < migrations.LATEST:
                migrations.migrate(conn)
        except BaseException:
            conn.close()
            raise
    except sqlite3.Error as exc:
        raise _translated(exc, path) from exc
    return conn


def open_reader(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (the ledger view reads through one while writes go elsewhere)."""
    path = Path(path)
    try:
        conn = _connect(path, read_only=True)
        _check_version(conn, path)
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        raise _translated(exc, path) from exc
    return conn


def _check_version(conn: sqlite3.Connection, path: Path) -> None:
    found = schema_version(conn)
    if found > migrations.LATEST:
        raise errors.NewerDatabase(path, found, migrations.LATEST)


def _looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(16) == b"SQLite format 3\x00"


def _translated(exc: sqlite3.Error, path: Path | str) -> BaseException:
    translated = errors.translate(exc, path)
    return translated if translated is not None else exc


@contextmanager
def transaction(conn: sqlite3.Connection, path: str | Path = "") -> Iterator[sqlite3.Connection]:
    """One write transaction (BEGIN IMMEDIATE, so a lock is met up front, not mid-way).

    An environment error (locked, full, read-only) rolls back and becomes a StoreError.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise _translated(exc, path) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise _translated(exc, path) from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def integrity_ok(conn: sqlite3.Connection) -> bool:
    return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
