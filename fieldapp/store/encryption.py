"""Encrypting a plain profile database once (SQLCipher's ``sqlcipher_export``), verified before
the plain copy goes.

1. The plain file is checkpointed into one file (rollback journal mode: no ``-wal`` left).
2. An encrypted copy is written beside it (``<profile>.encrypting``, 0600), then checked: its
   integrity check passes, every table has the same number of rows, the schema version is the
   same. A copy that fails is removed and the plain profile stays as it was.
3. The plain file keeps a second name (a hard link) while the encrypted copy takes its place in
   one rename; then that plain copy is overwritten with zeros and removed.

A kill at any step leaves either the plain profile (step 1 or 2: the next open starts again) or
the encrypted one plus a plain copy under the second name, which the next open wipes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.store import errors, search_grams
from fieldapp.vault import files, keys

_PLAIN_COPY = ".plain-old"
_ENCRYPTING = ".encrypting"


# (part, done, total): "database" in bytes written of the plain file's size, then "checking"
# (0 of 0: no measure, the encrypted copy's integrity check).
Progress = Callable[[str, int, int], None]
_PROGRESS_EVERY = 20_000  # SQLite VM instructions between looks at the copy's size


@dataclass(frozen=True)
class Encrypted:
    tables: int
    rows: int


def plain_copy(path: Path) -> Path:
    return path.with_name(path.name + _PLAIN_COPY)


def finish_leftovers(path: Path) -> None:
    """Wipe a plain copy a killed migration left (or drop the link if it is the profile itself)."""
    old = plain_copy(path)
    if not old.exists():
        return
    if path.exists() and os.path.samefile(old, path):
        old.unlink()  # killed before the swap: the profile is still the plain file itself
    else:
        files.wipe(old)


def _counts(conn: Any, schema: str = "main") -> dict[str, int]:
    names = [
        name
        for (name,) in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0] for n in names}


def encrypt_plain_profile(
    path: Path, key: keys.ProfileKey, progress: Progress | None = None
) -> Encrypted:
    """Encrypt the plain profile at ``path`` with ``key`` in place (see the module docstring).
    ``progress`` hears how far the copy is (its size against the plain file's), from this
    thread, while SQLCipher writes it."""
    import sqlcipher3

    finish_leftovers(path)
    target = path.with_name(path.name + _ENCRYPTING)
    target.unlink(missing_ok=True)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.FILE_MODE))
    plain = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        plain.create_function(
            search_grams.SQL_FUNCTION, 1, search_grams.grams_document, deterministic=True
        )
        plain.execute("PRAGMA busy_timeout = 3000")
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute("PRAGMA journal_mode = DELETE")
        version = int(plain.execute("PRAGMA user_version").fetchone()[0])
        before = _counts(plain)
        plain.execute(
            f"ATTACH DATABASE ? AS encrypted KEY {key.database_key_sql()}", (str(target),)
        )
        if progress is not None:
            total = path.stat().st_size
            plain.set_progress_handler(_copy_watcher(target, total, progress), _PROGRESS_EVERY)
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.set_progress_handler(None, 0)
        plain.execute(f"PRAGMA encrypted.user_version = {version}")
        plain.execute("DETACH DATABASE encrypted")
    except BaseException:
        plain.close()
        target.unlink(missing_ok=True)
        raise
    plain.close()
    if progress is not None:
        progress("checking", 0, 0)
    try:
        _verify(target, key, before, version)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    with open(target, "rb+") as f:
        os.fsync(f.fileno())
    old = plain_copy(path)
    os.link(path, old)
    os.replace(target, path)
    files.fsync_dir(path.parent)
    files.wipe(old)
    for side in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            side.unlink()
    return Encrypted(len(before), sum(before.values()))


def _copy_watcher(target: Path, total: int, progress: Progress) -> Callable[[], int]:
    def look() -> int:
        with contextlib.suppress(OSError):
            # The copy is written as SQLite's page cache spills: never report it finished early.
            progress("database", min(target.stat().st_size, total * 99 // 100), total)
        return 0  # go on

    return look


def _verify(target: Path, key: keys.ProfileKey, before: dict[str, int], version: int) -> None:
    import sqlcipher3

    conn = sqlcipher3.connect(str(target))
    try:
        conn.execute(f"PRAGMA key = {key.database_key_sql()}")
        conn.execute("PRAGMA cipher_log_level = NONE")
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        after = _counts(conn)
        found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
    if integrity != "ok" or after != before or found != version:
        raise errors.CorruptDatabase(
            target, f"encrypted copy does not match: {integrity}, {len(after)} tables"
        )


def is_encrypted(path: Path) -> bool:
    """Whether the file is not a plain SQLite database (an encrypted one, or not a database)."""
    with path.open("rb") as f:
        return f.read(16) != b"SQLite format 3\x00"


__all__ = ["Encrypted", "Progress", "encrypt_plain_profile", "finish_leftovers", "is_encrypted"]
