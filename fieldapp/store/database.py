"""Opening a profile database: one SQLite file per user profile, in WAL mode, encrypted with
SQLCipher when the profile is unlocked (``fieldapp.vault.keys``).

Opening checks what can go wrong before anything is written: a missing or read-only folder, a file
that is not a database, an empty file, a file made by a newer version, a lock held by another
program, an encrypted profile whose key is not unlocked. Each becomes a `StoreError` naming the
file; nothing is created or overwritten on the way.

A new profile is made whole or not at all: it is created and migrated under a temporary name and
renamed into place, so a kill or a full disk during the very first open leaves no half-made file.
The files are created 0600. A plain profile whose key has just been made is encrypted once
(``encryption.encrypt_plain_profile``) before it is opened.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.store import errors, migrations, search_grams
from fieldapp.vault import files, keys  # light: cryptography is imported when used

if TYPE_CHECKING:
    from fieldapp.store.encryption import Progress

BUSY_TIMEOUT_MS = 3000
SQLITE_HEADER = b"SQLite format 3\x00"
_NEW_SUFFIX = ".creating"


def _cipher() -> Any:
    import sqlcipher3  # only encrypted profiles pay for it

    return sqlcipher3


def db_errors() -> tuple[type[BaseException], ...]:
    """The exception bases of both bindings (sqlcipher3's errors are not sqlite3's)."""
    return (sqlite3.Error, _cipher().Error)


def _connect(path: Path, read_only: bool, key: keys.ProfileKey | None = None) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
    module: Any = sqlite3 if key is None else _cipher()
    conn = module.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    if key is not None:
        # A raw 256-bit key: no PBKDF2 at each open (0.1 ms instead of 100 ms).
        conn.execute(f"PRAGMA key = {key.database_key_sql()}")
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error, not stderr's
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # The search triggers call this; every connection of ours can write, so every one has it.
    conn.create_function(
        search_grams.SQL_FUNCTION, 1, search_grams.grams_document, deterministic=True
    )
    return conn


def open_file(
    path: Path, key: keys.ProfileKey | None, *, read_only: bool = True
) -> sqlite3.Connection:
    """A connection to a database file of the profile's format with the given key (a backup's
    copy), without the profile's checks and migrations."""
    return _connect(path, read_only, key)


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
    key = _key(path)
    try:
        if not path.exists():
            _create(path, key, migrate)
        _check_file(path, key)
        if key is not None:
            _encrypt_if_plain(path, key, None)
        conn = _connect(path, read_only=False, key=key)
        try:
            _prepare(conn, path, migrate)
        except BaseException:
            conn.close()
            raise
    except db_errors() as exc:
        raise _translated(exc, path) from exc
    except OSError as exc:
        raise (errors.from_os_error(exc, path) or exc) from exc
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            files.restrict(name)
    return conn


def encrypt_if_plain(path: str | Path, progress: Progress | None = None) -> bool:
    """Encrypt an unlocked profile that is still a plain file, once, before it is opened (a large
    ledger takes a while: ``progress`` is ``encryption.Progress``). True when it did; an absent,
    already encrypted or locked profile is left alone. Errors as ``open_profile`` gives them."""
    path = Path(path)
    key = keys.key_for(path)
    if key is None or not path.exists():
        return False
    try:
        _check_file(path, key)
        return _encrypt_if_plain(path, key, progress)
    except db_errors() as exc:
        raise _translated(exc, path) from exc
    except OSError as exc:
        raise (errors.from_os_error(exc, path) or exc) from exc


def _encrypt_if_plain(path: Path, key: keys.ProfileKey, progress: Progress | None) -> bool:
    from fieldapp.store.encryption import encrypt_plain_profile, finish_leftovers

    finish_leftovers(path)
    if not _is_plain(path):
        return False
    encrypt_plain_profile(path, key, progress)
    return True


def _prepare(conn: sqlite3.Connection, path: Path, migrate: bool) -> None:
    _check_version(conn, path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    if migrate:
        migrations.repair(conn)
        if migrations.pending(conn):
            migrations.migrate(conn)


def _create(path: Path, key: keys.ProfileKey | None, migrate: bool) -> None:
    """Make a new profile under a temporary name, migrated, then rename it into place."""
    temp = path.with_name(path.name + _NEW_SUFFIX)
    for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm"), Path(f"{temp}-journal")):
        leftover.unlink(missing_ok=True)  # a first open that was killed
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.FILE_MODE))
    try:
        conn = _connect(temp, read_only=False, key=key)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")  # one file to rename
            conn.execute("PRAGMA synchronous = FULL")
            if migrate:
                migrations.migrate(conn)
            else:
                conn.execute("PRAGMA user_version = 0")  # writes the header: not 0 bytes
        finally:
            conn.close()
        os.replace(temp, path)
        files.fsync_dir(path.parent)
    except BaseException:
        for leftover in (temp, Path(f"{temp}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise


def open_reader(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (the ledger view reads through one while writes go elsewhere)."""
    path = Path(path)
    key = _key(path)
    try:
        _check_file(path, key)
        conn = _connect(path, read_only=True, key=key)
        _check_version(conn, path)
        conn.execute("PRAGMA query_only = ON")
    except db_errors() as exc:
        raise _translated(exc, path) from exc
    return conn


def _key(path: Path) -> keys.ProfileKey | None:
    key = keys.key_for(path)
    if key is None and keys.is_protected(path):
        raise errors.ProfileLocked(path)
    return key


def _check_file(path: Path, key: keys.ProfileKey | None) -> None:
    if not path.exists():
        return
    size = path.stat().st_size
    if size == 0:
        raise errors.EmptyProfile(path)
    if key is None and not _is_plain(path):
        raise errors.CorruptDatabase(path, "no SQLite header")


def _check_version(conn: sqlite3.Connection, path: Path) -> None:
    found = schema_version(conn)
    if found > migrations.LATEST:
        raise errors.NewerDatabase(path, found, migrations.LATEST)


def _is_plain(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(16) == SQLITE_HEADER


def _translated(exc: BaseException, path: Path | str) -> BaseException:
    translated = errors.translate(exc, path) if isinstance(exc, Exception) else None
    return translated if translated is not None else exc


def file_of(conn: sqlite3.Connection) -> str:
    """The file a connection has open (for messages when the caller did not say)."""
    try:
        for _seq, name, file in conn.execute("PRAGMA database_list"):
            if name == "main":
                return str(file)
    except db_errors():
        pass
    return ""


@contextmanager
def transaction(conn: sqlite3.Connection, path: str | Path = "") -> Iterator[sqlite3.Connection]:
    """One write transaction (BEGIN IMMEDIATE, so a lock is met up front, not mid-way).

    An environment error (locked, full, read-only) rolls back and becomes a StoreError naming the
    file (the connection's own when ``path`` is not given).
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except db_errors() as exc:
        raise _translated(exc, path or file_of(conn)) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except db_errors() as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise _translated(exc, path or file_of(conn)) from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def integrity_ok(conn: sqlite3.Connection) -> bool:
    return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
