"""Engines for SQLite (the embedded default) and PostgreSQL, migrations, and write transactions.

Every write goes through ``write(engine)``: on SQLite it queues on a per-engine lock and opens
``BEGIN IMMEDIATE`` (one writer at a time; another process's writer is waited for up to the busy
timeout instead of failing), on PostgreSQL it takes one
transaction-level advisory lock. Serialising writers is what makes the feed sequence follow commit
order (a pull cursor never skips a row) and what keeps the audit hash chain linear.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text

MIGRATIONS = Path(__file__).parent / "migrations"
WRITE_LOCK_KEY = 0x48454B4F  # "HEKO": the advisory lock all feed and audit writers share
SQLITE_BUSY_TIMEOUT_MS = 30_000


class DatabaseTooNew(RuntimeError):
    """The database was migrated by a newer server than this one."""


class DatabaseNotMigrated(RuntimeError):
    """The database lacks the current schema: run ``fieldapp-server init``."""


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and pick the psycopg 3 driver for it."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine configured for the server's transaction discipline."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_size=10, max_overflow=20, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        # FULL: an acknowledged batch survives power loss too, not just a process crash.
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("hekou_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def write(engine: Engine, *, serialised: bool = True, durable: bool = True) -> Iterator[Connection]:
    """One write transaction; commits on success, rolls back on any exception.

    ``serialised=False`` is for bookkeeping that neither feeds nor audits (a device's last use,
    a failed login): on PostgreSQL it does not wait behind a long batch.
    ``durable=False`` commits without waiting for the disk (SQLite ``synchronous=NORMAL``,
    PostgreSQL ``synchronous_commit=off``): only for rows the server can rebuild from what is
    durable elsewhere. A later durable commit makes it durable too; a power cut may lose it,
    a process crash does not.
    """
    if engine.dialect.name == "sqlite":
        # One writer at a time anyway: queue this process's writers on a lock instead of
        # letting them poll in SQLite's busy handler, which sleeps in steps of milliseconds.
        with _sqlite_write_lock(engine), engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            if not durable:
                raw.execute("PRAGMA synchronous = NORMAL")
            try:
                conn = conn.execution_options(hekou_write=True)
                with conn.begin():
                    yield conn
            finally:
                if not durable:
                    raw.execute("PRAGMA synchronous = FULL")
        return
    with engine.connect() as conn:
        conn = conn.execution_options(hekou_write=True)
        with conn.begin():
            # One round trip sets the transaction up, whatever it needs.
            setup = []
            if serialised:
                setup.append("pg_advisory_xact_lock(:k)")
            if not durable:
                setup.append("set_config('synchronous_commit', 'off', true)")
            if setup:
                conn.execute(text(f"SELECT {', '.join(setup)}"), {"k": WRITE_LOCK_KEY})
            yield conn


_write_locks: weakref.WeakKeyDictionary[Engine, threading.Lock] = weakref.WeakKeyDictionary()
_write_locks_guard = threading.Lock()


def _sqlite_write_lock(engine: Engine) -> threading.Lock:
    with _write_locks_guard:
        lock = _write_locks.get(engine)
        if lock is None:
            lock = _write_locks[engine] = threading.Lock()
        return lock


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """A read transaction (a consistent snapshot on both databases)."""
    with engine.connect() as conn, conn.begin():
        yield conn


@contextmanager
def read_one(engine: Engine) -> Iterator[Connection]:
    """For a single statement, which needs no snapshot beyond its own: on PostgreSQL it runs
    outside a transaction (one round trip instead of BEGIN, query, COMMIT); on SQLite, where
    the three cost no round trips, it is ``read``."""
    if engine.dialect.name != "postgresql":
        with read(engine) as conn:
            yield conn
        return
    with engine.connect() as conn:
        yield conn.execution_options(isolation_level="AUTOCOMMIT")


def _alembic_config(conn: Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    """Every schema revision this code can migrate from or to."""
    return {s.revision for s in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def check_revision(engine: Engine) -> None:
    """Refuse a database newer than the code, or one not migrated to the current schema."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(
            f"database schema {current} is newer than this server; upgrade the server"
        )
    if current != head_revision():
        raise DatabaseNotMigrated(
            f"database schema is {current or 'empty'}, expected {head_revision()}: "
            "run `fieldapp-server init`"
        )


def migrate(engine: Engine, to: str = "head") -> None:
    """Create or upgrade the schema to the newest revision, or to ``to`` (a restore loads a
    backup at its own revision first); each migration in its own transaction."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(
            f"database schema {current} is newer than this server; upgrade the server"
        )
    with engine.connect() as conn:
        command.upgrade(_alembic_config(conn), to)
        conn.commit()
