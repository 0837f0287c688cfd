"""A whole profile to a USB drive and back (档案备份): for a laptop about to be replaced, or one that
has not synced for weeks.

A backup is a folder::

    manifest.json              what it holds, every file's SHA-256 and size; written last
    profile.sqlite             the database, a consistent copy (SQLite's online backup), encrypted
                               with the profile's key when the profile is
    profile.sqlite.key         the key file, with the key wrapped by a passphrase (never the key)
    profile.sqlite.photos/     every photo file as stored (sealed when the profile is)

It is written into ``DEST.partial`` and renamed when whole and verified (every file re-read against
the manifest, the copied database opened and checked, every photo decrypted and hashed). The key of
a profile whose key lives in the OS key store cannot travel: the backup then wraps it with a
passphrase given for the backup, which the restore asks for on the new laptop.

A restore checks the backup against its manifest before it writes anything, refuses to replace an
existing profile, places the files, then unlocks the restored profile with the passphrase and
checks its database and every photo.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldapp.domain.errors import Explained
from fieldapp.media.blobstore import BlobStore, profile_store
from fieldapp.store import database
from fieldapp.vault import files, keys

FORMAT = "hekou-profile-backup"
MANIFEST = "manifest.json"
DB_NAME = "profile.sqlite"
BLOCK = 1024 * 1024


class BackupProblem(Explained):
    """A profile backup or restore that cannot go on; nothing was changed."""


@dataclass
class Summary:
    encrypted: bool = False
    schema: int = 0
    photos: int = 0
    bytes: int = 0
    problems: list[str] = field(default_factory=list)


def _digest(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while block := f.read(BLOCK):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


def _os_problem(exc: OSError, where: Path) -> BackupProblem:
    zh, en = {
        errno.ENOSPC: ("空间不足", "no space left on the device"),
        errno.EROFS: ("目标只读", "the destination is read-only"),
        errno.EACCES: ("没有写入权限", "permission denied"),
    }.get(exc.errno or 0, (exc.strerror or str(exc), exc.strerror or str(exc)))
    return BackupProblem(
        zh=f"无法写入 {where}：{zh}。未留下不完整的备份。",
        en=f"Cannot write to {where}: {en}. No partial backup was left.",
    )


def _photo_files(profile: Path) -> list[Path]:
    root = profile.with_name(profile.name + ".photos")
    if not root.is_dir():
        return []
    return sorted(
        p for p in root.glob("??/*") if p.is_file() and len(p.name) == 64 and p.parent.is_dir()
    )


def backup(profile: Path, dest: Path, backup_passphrase: str | None = None) -> Summary:
    """Write a verified backup of ``profile`` (unlocked in this process if protected) to ``dest``."""
    profile, dest = Path(profile), Path(dest)
    if dest.exists():
        raise BackupProblem(
            zh=f"{dest} 已存在：每次备份请用一个新文件夹。",
            en=f"{dest} already exists: use a new folder for each backup.",
        )
    key = keys.key_for(profile)
    key_entry = _key_entry_for_backup(profile, key, backup_passphrase)
    partial = dest.with_name(dest.name + ".partial")
    try:
        shutil.rmtree(partial, ignore_errors=True)
        files.private_dir(partial)
        summary = _write(profile, partial, key, key_entry)
        problems = verify(partial, key)
        if problems:
            raise BackupProblem(
                zh="备份写入后校验失败：" + "；".join(problems[:5]),
                en="The backup failed its check after writing: " + "; ".join(problems[:5]),
            )
        partial.rename(dest)
        files.fsync_dir(dest.parent)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise _os_problem(exc, dest) from exc
    except database.db_errors() as exc:
        shutil.rmtree(partial, ignore_errors=True)
        # SQLite reports the destination's disk through its own error, not an OSError.
        full = "full" in str(exc).lower()
        raise _os_problem(OSError(errno.ENOSPC if full else errno.EIO, str(exc)), dest) from exc
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return summary


def _key_entry_for_backup(
    profile: Path, key: keys.ProfileKey | None, passphrase: str | None
) -> bytes | None:
    """The key file the backup carries: the profile's own if it holds a passphrase-wrapped key,
    else one made now with the backup's passphrase."""
    if not keys.is_protected(profile):
        return None
    if key is None:
        raise keys.ProfileLocked(profile)
    entry = keys.KeyFile.load(keys.key_file(profile))
    if passphrase is None and entry.passphrase is not None:
        return keys.KeyFile(entry.key_id, False, entry.passphrase).dump()
    if passphrase is None or len(passphrase) < keys.MIN_PASSPHRASE:
        raise BackupProblem(
            zh=f"此档案的密钥保存在本机系统密钥库中，无法随备份带走：请为备份设置至少 "
            f"{keys.MIN_PASSPHRASE} 个字符的口令。",
            en="This profile's key is kept in this laptop's key store and cannot travel: give "
            f"the backup a passphrase of at least {keys.MIN_PASSPHRASE} characters.",
        )
    return keys.KeyFile(entry.key_id, False, keys.wrap(key, passphrase, entry.key_id)).dump()


def _write(
    profile: Path, out: Path, key: keys.ProfileKey | None, key_entry: bytes | None
) -> Summary:
    summary = Summary(encrypted=key is not None)
    target = out / DB_NAME
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.FILE_MODE))
    source = database.open_reader(profile)
    try:
        copy = database.open_file(target, key, read_only=False)
        try:
            source.backup(copy)  # one consistent snapshot, pages as they are (encrypted alike)
            summary.schema = database.schema_version(copy)
        finally:
            copy.close()
    finally:
        source.close()
    manifest_files: dict[str, dict[str, Any]] = {}
    if key_entry is not None:
        files.write_private(out / f"{DB_NAME}.key", key_entry)
    photos_out = out / f"{DB_NAME}.photos"
    for photo in _photo_files(profile):
        shard = photos_out / photo.parent.name
        if not shard.is_dir():
            files.private_dir(shard)
        shutil.copyfile(photo, shard / photo.name)
        summary.photos += 1
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        sha, size = _digest(path)
        manifest_files[path.relative_to(out).as_posix()] = {"sha256": sha, "bytes": size}
        summary.bytes += size
    manifest = {
        "format": FORMAT,
        "version": 1,
        "created_at": datetime.now(UTC).isoformat(),
        "schema": summary.schema,
        "encrypted": summary.encrypted,
        "photos": summary.photos,
        "files": manifest_files,
    }
    files.write_private(out / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
    return summary


def _manifest(src: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((src / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BackupProblem(
            zh=f"{src} 不是完整的档案备份（缺少 {MANIFEST}）。",
            en=f"{src} is not a complete profile backup ({MANIFEST} is missing).",
        ) from exc
    except (OSError, ValueError) as exc:
        raise BackupProblem(
            zh=f"{src / MANIFEST} 已损坏，无法读取。",
            en=f"{src / MANIFEST} is damaged and cannot be read.",
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupProblem(
            zh=f"{src} 不是河口档案备份。", en=f"{src} is not a Hekou profile backup."
        )
    return manifest


def verify(src: Path, key: keys.ProfileKey | None) -> list[str]:
    """Every problem of a backup: files against the manifest, and, with the key, the database's
    integrity and every photo decrypted and hashed (empty: intact)."""
    src = Path(src)
    manifest = _manifest(src)
    problems = []
    for rel, expected in sorted(manifest["files"].items()):
        path = src / rel
        if ".." in Path(rel).parts:
            problems.append(f"{rel}: outside the backup")
            continue
        try:
            sha, size = _digest(path)
        except FileNotFoundError:
            problems.append(f"{rel}: missing")
            continue
        if (sha, size) != (expected["sha256"], expected["bytes"]):
            problems.append(f"{rel}: differs from the manifest")
    if problems or (manifest["encrypted"] and key is None):
        return problems
    try:
        conn = database.open_file(src / DB_NAME, key)
        try:
            if not database.integrity_ok(conn):
                problems.append(f"{DB_NAME}: integrity check failed")
        finally:
            conn.close()
    except database.db_errors() as exc:
        problems.append(f"{DB_NAME}: cannot be opened ({exc})")
    store = BlobStore(src / f"{DB_NAME}.photos", key.photos() if key else None)
    for rel in manifest["files"]:
        name = Path(rel).name
        if rel.startswith(f"{DB_NAME}.photos/") and len(name) == 64:
            kind = store.problem(name)
            if kind is not None:
                problems.append(f"photo {name}: {kind}")
    return problems


def restore(
    src: Path, profile: Path, prompt: keys.Prompt | None, progress: Callable[[str], None] = print
) -> Summary:
    """Restore a backup as ``profile`` (which must not exist), then unlock and check it."""
    src, profile = Path(src), Path(profile)
    manifest = _manifest(src)
    problems = verify(src, None)
    if problems:
        raise BackupProblem(
            zh="备份与其清单不符，未恢复任何内容：" + "；".join(problems[:5]),
            en="The backup does not match its manifest; nothing was restored: "
            + "; ".join(problems[:5]),
        )
    photos_root = profile.with_name(profile.name + ".photos")
    key_path = keys.key_file(profile)
    if profile.exists() or key_path.exists() or any(_photo_files(profile)):
        raise BackupProblem(
            zh=f"{profile} 已有档案：恢复不会覆盖现有档案，请选择新的位置。",
            en=f"{profile} already holds a profile: a restore never replaces one; choose a new "
            "place.",
        )
    files.private_dir(profile.parent)
    placed: list[Path] = []
    try:
        if manifest["encrypted"]:
            files.write_private(key_path, (src / f"{DB_NAME}.key").read_bytes())
            placed.append(key_path)
        progress("database")
        shutil.copyfile(src / DB_NAME, profile)
        placed.append(profile)
        files.restrict(profile)
        progress("photos")
        for rel in manifest["files"]:
            if rel.startswith(f"{DB_NAME}.photos/"):
                target = photos_root / Path(rel).relative_to(f"{DB_NAME}.photos")
                if not target.parent.is_dir():
                    files.private_dir(photos_root)
                    files.private_dir(target.parent)
                shutil.copyfile(src / rel, target)
                os.chmod(target, 0o400)
        key = keys.unlock(profile, prompt) if manifest["encrypted"] else None
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        shutil.rmtree(photos_root, ignore_errors=True)
        keys.forget(profile)
        raise
    summary = Summary(encrypted=key is not None, schema=int(manifest["schema"]))
    reader = database.open_reader(profile)
    try:
        if not database.integrity_ok(reader):
            summary.problems.append(f"{profile}: integrity check failed")
    finally:
        reader.close()
    store = profile_store(profile)
    for rel in manifest["files"]:
        name = Path(rel).name
        if rel.startswith(f"{DB_NAME}.photos/") and len(name) == 64:
            kind = store.problem(name)
            summary.photos += kind is None
            if kind is not None:
                summary.problems.append(f"photo {name}: {kind}")
    return summary


def main(argv: list[str]) -> int:
    """``fieldapp profile backup --db PROFILE DEST`` / ``fieldapp profile restore SRC --db PROFILE``.

    Passphrases: the profile's from $HEKOU_PASSPHRASE or the terminal; the backup's own (needed
    when the profile's key is in the OS key store) from $HEKOU_BACKUP_PASSPHRASE or the terminal.
    """
    import argparse
    import getpass
    import sys

    parser = argparse.ArgumentParser(prog="fieldapp profile", description=main.__doc__)
    sub = parser.add_subparsers(dest="action", required=True)
    make = sub.add_parser("backup", help="back up the whole profile to a new folder")
    make.add_argument("--db", required=True, type=Path, help="the profile's database")
    make.add_argument("dest", type=Path, help="a new folder, e.g. on a USB drive")
    back = sub.add_parser("restore", help="restore a backup as a new profile")
    back.add_argument("source", type=Path)
    back.add_argument("--db", required=True, type=Path, help="where the profile goes (new)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default="en")
    args = parser.parse_args(argv)

    def prompt(ask: keys.Ask) -> str | None:
        given = os.environ.get("HEKOU_PASSPHRASE")
        if given is not None and ask is not keys.Ask.AGAIN:
            return given
        return getpass.getpass("profile passphrase: ") if sys.stdin.isatty() else None

    try:
        if args.action == "backup":
            from fieldapp import protection

            if keys.is_protected(args.db):
                protection.unlock_profile(args.db, prompt)
            phrase = os.environ.get("HEKOU_BACKUP_PASSPHRASE")
            entry = (
                keys.KeyFile.load(keys.key_file(args.db)) if keys.is_protected(args.db) else None
            )
            if (
                phrase is None
                and entry is not None
                and entry.passphrase is None
                and sys.stdin.isatty()
            ):
                phrase = getpass.getpass("passphrase for the backup: ")
            summary = backup(args.db, args.dest, phrase)
            print(
                f"backed up {args.db} to {args.dest}: {summary.photos} photos, "
                f"{summary.bytes} bytes, {'encrypted' if summary.encrypted else 'not encrypted'}; "
                "verified"
            )
            return 0
        summary = restore(args.source, args.db, prompt, progress=lambda _m: None)
        for problem in summary.problems:
            print(f"PROBLEM: {problem}", file=sys.stderr)
        if summary.problems:
            return 1
        print(f"restored {args.db}: {summary.photos} photos verified")
        return 0
    except Explained as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
