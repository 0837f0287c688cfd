"""Backups of a running server: the database and the photo store, verified by hash; and restores.

A backup is a folder::

    manifest.json            format, schema revision, tables and their row counts, every file's
                             SHA-256 and size, the audit head; written last
    db/<table>.jsonl.gz      each table's rows in primary-key order, one JSON object a line
    photos/ab/<sha256>       every photo the database knows, byte for byte
    audit-anchors.log        the anchors of the audit chain that the dumped chain holds

It is consistent while the server runs: all tables are read in one snapshot (SQLite: one read
transaction in WAL mode; PostgreSQL: REPEATABLE READ, read only), and photos are immutable files
named by their hash, so the ones the snapshot lists can be copied after it. The dump is logical
(rows, not pages), so a backup of the embedded SQLite database restores into PostgreSQL as well.
It is written into ``DEST.partial`` and renamed to ``DEST`` when whole: a folder named ``DEST``
is always a complete backup.

A restore checks every file against the manifest before it writes anything, refuses a target
database that already has a schema and a photo folder that already has photos, migrates the new
database to the backup's schema, loads the rows in one transaction, migrates forward to the
code's schema, places the photos, and verifies the audit chain and every photo's hash.

Rows are read and written through SQLAlchemy Core over the reflected tables, generically, which
is why this module and not a per-table query module handles them: a backup must hold every
table, including ones a later migration adds, without knowing them.
"""

from __future__ import annotations

import base64
import errno
import gzip
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, Table, func, inspect, select, text

from sync.server import anchors, db
from sync.server.audit import GENESIS, verify
from sync.server.canonical import as_utc
from sync.server.photostore import SHA256_RE, PhotoStore
from sync.server.queries import audit

FORMAT = "hekou-server-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ANCHORS = "audit-anchors.log"
ROWS_PER_READ = 5_000
COPY_BLOCK = 1024 * 1024
SKIP_TABLES = {"alembic_version"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass
class Report:
    """What a backup or restore did, and the problems it found (empty when all is well)."""

    tables: dict[str, int] = field(default_factory=dict)
    photos: int = 0
    photo_bytes: int = 0
    audit_entries: int = 0
    audit_head: str = ""
    schema: str = ""
    problems: list[str] = field(default_factory=list)


# -- values ---------------------------------------------------------------------------------


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": as_utc(value).isoformat()}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, Decimal):
        return {"$dec": str(value)}
    return value


def _from_json(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        if "$dt" in value:
            return datetime.fromisoformat(value["$dt"])
        if "$b64" in value:
            return base64.b64decode(value["$b64"])
        if "$dec" in value:
            return Decimal(value["$dec"])
    return value


# -- files ----------------------------------------------------------------------------------


def _file_digest(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while block := f.read(COPY_BLOCK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    for folder, _dirs, files in os.walk(root):
        for name in files:
            _fsync_file(Path(folder) / name)
        _fsync_file(Path(folder))


def _copy_verified(source: Path, target: Path, sha256: str) -> int:
    """Copy a photo, hashing what is read; the copy is kept only if it hashes to its name."""
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as src, target.open("wb") as dst:
        while block := src.read(COPY_BLOCK):
            digest.update(block)
            dst.write(block)
            size += len(block)
    if digest.hexdigest() != sha256:
        target.unlink()
        raise _Damaged(sha256)
    return size


class _Damaged(Exception):
    pass


def _explain_os_error(exc: OSError, where: Path) -> BackupError:
    reasons = {
        errno.ENOSPC: "no space left on the device",
        errno.EROFS: "the destination is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EDQUOT: "the disk quota is exhausted",
    }
    why = reasons.get(exc.errno or 0, exc.strerror or str(exc))
    return BackupError(f"cannot write to {where}: {why}")


# -- backup ---------------------------------------------------------------------------------


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """One consistent read of every table."""
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                conn.execute(text("SET TRANSACTION READ ONLY"))
                yield conn
        else:
            with conn.begin():
                yield conn


def _tables(conn: Connection) -> list[Table]:
    meta = MetaData()
    meta.reflect(conn)
    return [t for t in meta.sorted_tables if t.name not in SKIP_TABLES]


def _ordered(table: Table) -> list[Any]:
    keys = list(table.primary_key.columns)
    return keys or list(table.columns)


def _dump_table(conn: Connection, table: Table, path: Path) -> int:
    count = 0
    # mtime=0: the same rows make the same bytes, so two backups of one state hash alike.
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        result = conn.execution_options(yield_per=ROWS_PER_READ).execute(
            select(table).order_by(*_ordered(table))
        )
        for row in result:
            record = {k: _to_json(v) for k, v in row._mapping.items()}
            out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            count += 1
    return count


def backup(
    engine: Engine,
    store: PhotoStore,
    anchor_file: Path,
    dest: Path,
    audit_key: bytes | None = None,
) -> Report:
    """Write a complete, verified backup to ``dest`` (which must not exist yet); ``audit_key``
    verifies a keyed audit chain as it is dumped."""
    dest = Path(dest)
    if dest.exists():
        raise BackupError(f"{dest} already exists: give a new folder for each backup")
    partial = dest.with_name(dest.name + ".partial")
    try:
        if partial.exists():
            shutil.rmtree(partial)  # what an interrupted backup left
        (partial / "db").mkdir(parents=True)
        report = _write_backup(engine, store, anchor_file, partial, audit_key)
        _fsync_tree(partial)
        partial.rename(dest)
        _fsync_file(dest.parent)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise _explain_os_error(exc, dest) from exc
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return report


def _write_backup(
    engine: Engine, store: PhotoStore, anchor_file: Path, out: Path, audit_key: bytes | None
) -> Report:
    report = Report()
    files: dict[str, dict[str, Any]] = {}
    with _snapshot(engine) as conn:
        report.schema = str(
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        )
        for table in _tables(conn):
            path = out / "db" / f"{table.name}.jsonl.gz"
            report.tables[table.name] = _dump_table(conn, table, path)
        if report.schema == db.head_revision():
            check = verify(audit.iter_chain(conn), audit_key)
            if check.broken is not None:
                report.problems.append(
                    f"the audit chain is broken at entry {check.broken.seq}: {check.broken.why}"
                )
            hashes, head, entries = check.hashes_seen, check.head, check.checked
        else:
            # A database behind the code (the backup before an upgrade): the code's queries
            # do not fit its tables; the chain is verified after the restore has migrated it.
            hashes, head, entries = _chain_hashes(conn)
        photo_rows = conn.execute(text("SELECT sha256, size FROM photos ORDER BY sha256")).all()
    report.audit_entries, report.audit_head = entries, head
    for name in report.tables:
        rel = f"db/{name}.jsonl.gz"
        sha, size = _file_digest(out / rel)
        files[rel] = {"sha256": sha, "bytes": size}
    for sha256, size in photo_rows:
        target = out / "photos" / sha256[:2] / sha256
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            copied = _copy_verified(store.final_path(sha256), target, sha256)
        except FileNotFoundError:
            report.problems.append(f"photo {sha256} is registered but its file is missing")
            continue
        except _Damaged:
            report.problems.append(f"photo {sha256} in the store is damaged (hash mismatch)")
            continue
        if copied != size:
            report.problems.append(f"photo {sha256}: {copied} bytes, the database says {size}")
        files[f"photos/{sha256[:2]}/{sha256}"] = {"sha256": sha256, "bytes": copied}
        report.photos += 1
        report.photo_bytes += copied
    kept = _anchors_within(anchor_file, hashes)
    if kept is not None:
        (out / ANCHORS).write_text("".join(a.line() for a in kept), encoding="ascii")
        sha, size = _file_digest(out / ANCHORS)
        files[ANCHORS] = {"sha256": sha, "bytes": size}
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(),
        "schema_revision": report.schema,
        "source_dialect": engine.dialect.name,
        "tables": report.tables,
        "audit": {"entries": report.audit_entries, "head": report.audit_head},
        "photos": {"count": report.photos, "bytes": report.photo_bytes},
        "problems": report.problems,
        "files": files,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return report


def _chain_hashes(conn: Connection) -> tuple[frozenset[str], str, int]:
    """The audit chain's hashes, head and length, read as stored (any schema revision)."""
    rows = conn.execute(text("SELECT hash FROM audit_log ORDER BY seq")).scalars().all()
    return frozenset(rows), (rows[-1] if rows else GENESIS), len(rows)


def _anchors_within(anchor_file: Path, hashes: frozenset[str]) -> list[anchors.Anchor] | None:
    """The anchors that point into the dumped chain: those written after the snapshot point to
    entries the backup does not hold, and would make the restored chain look cut."""
    try:
        found = anchors.read(anchor_file)
    except anchors.AnchorFileError:
        return None
    if not anchor_file.exists():
        return None
    return [a for a in found if a.hash in hashes]


def manifest_digest(dest: Path) -> str:
    """The SHA-256 of a backup's manifest: note it elsewhere to detect a rewritten backup."""
    return _file_digest(Path(dest) / MANIFEST)[0]


# -- verify and restore ---------------------------------------------------------------------


def read_manifest(src: Path) -> dict[str, Any]:
    path = Path(src) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BackupError(f"{src} is not a complete backup: {MANIFEST} is missing") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupError(f"{path} is unreadable or damaged: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{src} is not a Hekou server backup")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{src} has backup format {manifest.get('format_version')}; this server reads "
            f"format {FORMAT_VERSION}"
        )
    return manifest


def verify_backup(src: Path) -> list[str]:
    """Every problem with the backup's files against its manifest (empty: intact)."""
    src = Path(src)
    manifest = read_manifest(src)
    problems = []
    files: dict[str, dict[str, Any]] = manifest.get("files", {})
    for rel, expected in sorted(files.items()):
        path = src / rel
        if ".." in Path(rel).parts or Path(rel).is_absolute():
            problems.append(f"{rel}: a path outside the backup")
            continue
        try:
            sha, size = _file_digest(path)
        except FileNotFoundError:
            problems.append(f"{rel}: missing")
            continue
        if size != expected.get("bytes"):
            problems.append(f"{rel}: {size} bytes, the manifest says {expected.get('bytes')}")
        elif sha != expected.get("sha256"):
            problems.append(f"{rel}: content differs from the manifest (SHA-256 mismatch)")
    for name in manifest.get("tables", {}):
        if f"db/{name}.jsonl.gz" not in files:
            problems.append(f"table {name}: its file is not in the manifest")
    return problems


def _target_is_empty(engine: Engine, photos_root: Path) -> None:
    with engine.connect() as conn:
        names = inspect(conn).get_table_names()
    if names:
        raise BackupError(
            "the target database already has tables "
            f"({', '.join(sorted(names)[:5])}…): restore only into a new, empty database"
        )
    existing = photos_root / "photos"
    if (
        existing.exists()
        and any(existing.rglob("*"))
        and any(p.is_file() for p in existing.rglob("*"))
    ):
        raise BackupError(
            f"{photos_root} already holds photos: restore only into a new, empty photo folder"
        )


def restore(
    src: Path,
    engine: Engine,
    photos_root: Path,
    progress: Callable[[str], None] = lambda _m: None,
    audit_key: bytes | None = None,
) -> Report:
    """Restore a verified backup into an empty database and photo folder; then verify them."""
    src = Path(src)
    problems = verify_backup(src)
    if problems:
        raise BackupError(
            "the backup does not match its manifest, nothing was restored:\n  "
            + "\n  ".join(problems[:20])
            + (f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else "")
        )
    manifest = read_manifest(src)
    revision = manifest["schema_revision"]
    known = db.known_revisions()
    if revision not in known:
        raise BackupError(
            f"the backup is at schema {revision}, which this server does not know (it was "
            "made by a newer server): restore it with that version"
        )
    _target_is_empty(engine, photos_root)
    progress(f"migrating the new database to the backup's schema {revision}")
    db.migrate(engine, revision)
    with db.write(engine) as conn:
        for table in _tables(conn):
            rel = f"db/{table.name}.jsonl.gz"
            if rel not in manifest["files"]:
                continue
            progress(f"loading {table.name}")
            _load_table(conn, table, src / rel)
        if engine.dialect.name == "postgresql":
            _reset_sequences(conn)
    progress("migrating forward to this server's schema")
    db.migrate(engine)
    progress("placing the photos")
    store = PhotoStore(photos_root)
    for rel in manifest["files"]:
        name = Path(rel).name
        if rel.startswith("photos/") and SHA256_RE.match(name):
            target = store.final_path(name)
            shutil.copyfile(src / rel, target)
            _fsync_file(target)
    for shard in sorted(store.final_root.iterdir()):
        _fsync_file(shard)
    if (src / ANCHORS).exists():
        shutil.copyfile(src / ANCHORS, photos_root / ANCHORS)
        _fsync_file(photos_root / ANCHORS)
    return check_restored(engine, store, photos_root / ANCHORS, manifest, audit_key)


def _load_table(conn: Connection, table: Table, path: Path) -> None:
    batch: list[dict[str, Any]] = []
    columns = {c.name for c in table.columns}
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for line in rows:
            record = json.loads(line)
            batch.append({k: _from_json(v) for k, v in record.items() if k in columns})
            if len(batch) >= ROWS_PER_READ:
                conn.execute(table.insert(), batch)
                batch = []
    if batch:
        conn.execute(table.insert(), batch)


def _reset_sequences(conn: Connection) -> None:
    """Rows were inserted with their ids: move each serial sequence past the largest."""
    for table in _tables(conn):
        for column in table.primary_key.columns:
            seq = conn.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"),
                {"t": table.name, "c": column.name},
            ).scalar()
            if seq:
                top = conn.execute(select(func.max(column))).scalar()
                conn.execute(
                    text("SELECT setval(:s, :v, :called)"),
                    {"s": seq, "v": top or 1, "called": top is not None},
                )


def check_restored(
    engine: Engine,
    store: PhotoStore,
    anchor_file: Path,
    manifest: dict[str, Any],
    audit_key: bytes | None = None,
) -> Report:
    """Row counts, the audit chain and its anchors, and every photo's hash after a restore."""
    report = Report(schema=db.current_revision(engine) or "")
    with db.read(engine) as conn:
        for table in _tables(conn):
            report.tables[table.name] = int(
                conn.execute(select(func.count()).select_from(table)).scalar_one()
            )
        check = verify(audit.iter_chain(conn), audit_key)
        photo_rows = conn.execute(text("SELECT sha256, size FROM photos")).all()
    for name, expected in manifest.get("tables", {}).items():
        if report.tables.get(name) != expected:
            report.problems.append(
                f"table {name}: {report.tables.get(name)} rows, the backup has {expected}"
            )
    report.audit_entries, report.audit_head = check.checked, check.head
    if check.broken is not None:
        report.problems.append(
            f"the audit chain is broken at entry {check.broken.seq}: {check.broken.why}"
        )
    elif check.head != manifest.get("audit", {}).get("head"):
        report.problems.append("the audit head differs from the backup's")
    try:
        anchored = anchors.read(anchor_file)
    except anchors.AnchorFileError as exc:
        report.problems.append(f"the audit anchors are unreadable: {exc}")
        anchored = []
    for anchor in anchored:
        if anchor.hash not in check.hashes_seen:
            report.problems.append(f"anchored audit entry {anchor.seq} is not in the chain")
    for sha256, size in photo_rows:
        try:
            digest, got = _file_digest(store.final_path(sha256))
        except FileNotFoundError:
            report.problems.append(f"photo {sha256} is missing")
            continue
        if digest != sha256 or got != size:
            report.problems.append(f"photo {sha256} is damaged")
            continue
        report.photos += 1
        report.photo_bytes += got
    return report
