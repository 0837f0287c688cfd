"""Backups of a running server, restores into new databases, and `check`: on SQLite and PostgreSQL.

The backup is taken over a real server process under push and upload load; the restore goes into
a new database (of the same kind, and SQLite into PostgreSQL) and a new photo folder, and
`audit verify` and the hash check must pass there. Bad destinations and damaged backups are
refused with a message and leave nothing behind.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, func, inspect, select, text

from sync.server import db
from sync.server.app import build_context
from sync.server.cli import main
from sync.server.schema import audit_log, photos, records
from sync.server.services import admin, backup
from sync.testing.live import LiveServer

PG_ADMIN_URL = os.environ.get("HEKOU_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def new_pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database (no schema), dropped afterwards."""
    name = f"hekou_restore_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin_engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


def cli(database_url: str, photos_dir: Path, *args: str) -> int:
    return main(["--database", database_url, "--photos", str(photos_dir), *args])


def seed(ctx: Any, h: Any, client: Any, n_photos: int = 3) -> dict[str, Any]:
    """A user, a pushed inspection with photos that arrived, through the real app."""
    admin.add_user(ctx, "alice", h.PASSWORD, "inspector", [h.TOSHI])
    token = h.login(client, "alice").json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    shots = [os.urandom(50_000 + i) for i in range(n_photos)]
    digests = [hashlib.sha256(s).hexdigest() for s in shots]
    body = {
        "batch_id": str(uuid.uuid4()),
        "changes": [h.change("inspections", h.inspection("alice", photos=digests))],
    }
    assert client.post("/v1/push", json=body, headers=headers).status_code == 200
    for digest, shot in zip(digests, shots, strict=True):
        answer = client.put(
            f"/v1/photos/{digest}/upload",
            params={"offset": 0, "total": len(shot)},
            content=shot,
            headers=headers,
        )
        assert answer.status_code == 200, answer.text
    return {"headers": headers, "digests": digests}


def test_backup_of_a_running_server_under_load_restores_and_verifies(
    ctx, database_url, tmp_path, h, new_pg_url
):
    photos_dir = Path(ctx.settings.photo_dir)
    server = LiveServer(database_url, photos_dir, "--anchor-every", "0.2")
    server.start()
    stop = threading.Event()
    pushed: list[int] = []
    try:
        admin.add_user(ctx, "alice", h.PASSWORD, "inspector", [h.TOSHI])
        install_id = str(uuid.uuid4())
        token = httpx.post(
            server.url + "/v1/login",
            json={"username": "alice", "password": h.PASSWORD, "install_id": install_id},
        ).json()["token"]
        headers = {"Authorization": f"Bearer {token}", "X-Hekou-Install": install_id}

        def load() -> None:
            with httpx.Client(base_url=server.url, headers=headers, timeout=60) as web:
                while not stop.is_set():
                    shot = os.urandom(200_000)
                    digest = hashlib.sha256(shot).hexdigest()
                    row = h.inspection("alice", photos=[digest])
                    changes = [h.change("inspections", row)] + [
                        h.change("inspections", h.inspection("alice")) for _ in range(40)
                    ]
                    body = {"batch_id": str(uuid.uuid4()), "changes": changes}
                    assert web.post("/v1/push", json=body).status_code == 200
                    answer = web.put(
                        f"/v1/photos/{digest}/upload",
                        params={"offset": 0, "total": len(shot)},
                        content=shot,
                    )
                    assert answer.status_code == 200
                    pushed.append(1)

        workers = [threading.Thread(target=load) for _ in range(2)]
        for w in workers:
            w.start()
        while len(pushed) < 4:
            stop.wait(0.05)
        dest = tmp_path / "backup-1"
        # In a process of its own, as an operator (or cron) would run it beside the server.
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "sync.server.cli",
                "--database",
                database_url,
                "--photos",
                str(photos_dir),
                "backup",
                str(dest),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        during = len(pushed)
        while len(pushed) < during + 2:  # the load went on during and after the backup
            stop.wait(0.05)
    finally:
        stop.set()
        for w in workers:
            w.join(timeout=60)
        server.stop()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "backup written to" in done.stdout and "PROBLEM" not in done.stdout
    manifest = json.loads((dest / "manifest.json").read_text())
    assert manifest["photos"]["count"] >= 4
    assert not dest.with_name("backup-1.partial").exists()

    # Into a new SQLite database and a new PostgreSQL one (across kinds for a SQLite backup),
    # each with a new photo folder.
    for target_url, target_photos in (
        (f"sqlite:///{tmp_path / 'restored.db'}", tmp_path / "restored-photos-1"),
        (new_pg_url, tmp_path / "restored-photos-2"),
    ):
        assert cli(target_url, target_photos, "restore", str(dest)) == 0
        assert cli(target_url, target_photos, "audit", "verify") == 0
        assert cli(target_url, target_photos, "check", "--deep") == 0
        restored = build_context(
            replace(ctx.settings, database_url=target_url, photo_dir=target_photos)
        )
        try:
            with restored.engine.connect() as conn:
                n_records = conn.execute(select(func.count()).select_from(records)).scalar_one()
                stored = set(conn.execute(select(photos.c.sha256)).scalars())
            assert n_records == manifest["tables"]["records"]
            assert len(stored) == manifest["photos"]["count"]
            for digest in stored:
                data = restored.photo_store.final_path(digest).read_bytes()
                assert hashlib.sha256(data).hexdigest() == digest
            # The restored server goes on: new rows get new ids and the chain grows intact.
            admin.add_user(restored, "bob", h.PASSWORD, "inspector", [h.TOSHI])
        finally:
            restored.engine.dispose()
        assert cli(target_url, target_photos, "audit", "verify") == 0


def test_refused_destinations_leave_nothing_behind(ctx, client, database_url, tmp_path, h):
    seed(ctx, h, client)
    photos_dir = Path(ctx.settings.photo_dir)
    existing = tmp_path / "taken"
    existing.mkdir()
    assert cli(database_url, photos_dir, "backup", str(existing)) == 2
    assert list(existing.iterdir()) == []

    for options, why in (("ro,size=4m", "read-only"), ("size=64k", "no space left")):
        mount = tmp_path / f"mnt-{why[:2]}"
        mount.mkdir()
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount)], capture_output=True
        )
        if mounted.returncode != 0:
            pytest.skip("this machine cannot mount a tmpfs (needs root)")
        try:
            with pytest.raises(backup.BackupError, match=why):
                backup.backup(
                    ctx.engine, ctx.photo_store, ctx.settings.anchor_file, mount / "backup"
                )
            assert list(mount.iterdir()) == []  # no half backup, no .partial
        finally:
            subprocess.run(["umount", str(mount)], check=True)


def make_backup(ctx: Any, client: Any, h: Any, tmp_path: Path) -> Path:
    seed(ctx, h, client)
    dest = tmp_path / "backup"
    report = backup.backup(ctx.engine, ctx.photo_store, ctx.settings.anchor_file, dest)
    assert report.problems == []
    return dest


def restore_target(tmp_path: Path) -> tuple[str, Path]:
    return f"sqlite:///{tmp_path / 'target.db'}", tmp_path / "target-photos"


def assert_nothing_restored(url: str) -> None:
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []
    finally:
        engine.dispose()


def test_a_truncated_backup_is_refused_before_anything_is_written(ctx, client, tmp_path, h, capsys):
    dest = make_backup(ctx, client, h, tmp_path)
    table_file = dest / "db" / "records.jsonl.gz"
    table_file.write_bytes(table_file.read_bytes()[:-20])
    url, target_photos = restore_target(tmp_path)
    assert cli(url, target_photos, "restore", str(dest)) == 2
    err = capsys.readouterr().err
    assert "db/records.jsonl.gz" in err and "nothing was restored" in err
    assert_nothing_restored(url)


def test_a_tampered_backup_is_refused(ctx, client, tmp_path, h, capsys):
    dest = make_backup(ctx, client, h, tmp_path)
    # A record's content rewritten and the file recompressed.
    path = dest / "db" / "records.jsonl.gz"
    lines = gzip.decompress(path.read_bytes()).decode()
    path.write_bytes(gzip.compress(lines.replace("清澈", "浑浊").encode(), mtime=0))
    url, target_photos = restore_target(tmp_path)
    assert cli(url, target_photos, "restore", str(dest)) == 2
    err = capsys.readouterr().err
    assert "does not match its manifest" in err and "db/records.jsonl.gz" in err
    assert_nothing_restored(url)


def test_a_tampered_photo_or_missing_manifest_is_refused(ctx, client, tmp_path, h, capsys):
    dest = make_backup(ctx, client, h, tmp_path)
    photo = next(p for p in (dest / "photos").rglob("*") if p.is_file())
    data = bytearray(photo.read_bytes())
    data[100] ^= 0xFF
    photo.write_bytes(bytes(data))
    url, target_photos = restore_target(tmp_path)
    assert cli(url, target_photos, "restore", str(dest)) == 2
    err = capsys.readouterr().err
    assert photo.name in err and "SHA-256 mismatch" in err  # same size: only the hash tells
    (dest / "manifest.json").unlink()
    assert cli(url, target_photos, "restore", str(dest)) == 2
    assert "manifest.json is missing" in capsys.readouterr().err
    assert_nothing_restored(url)


def test_restore_refuses_a_database_or_photo_folder_in_use(
    ctx, client, database_url, tmp_path, h, capsys
):
    dest = make_backup(ctx, client, h, tmp_path)
    # The live database itself: it has tables, nothing may be overwritten.
    before = _count(ctx.engine)
    assert cli(database_url, tmp_path / "other-photos", "restore", str(dest)) == 2
    assert "already has tables" in capsys.readouterr().err
    assert _count(ctx.engine) == before
    url, _ = restore_target(tmp_path)
    assert cli(url, Path(ctx.settings.photo_dir), "restore", str(dest)) == 2
    assert "already holds photos" in capsys.readouterr().err


def _count(engine: Any) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(audit_log)).scalar_one())


def test_an_upgrade_takes_a_backup_first_and_an_old_backup_restores(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    photos_dir = tmp_path / "photos"
    older = sorted(db.known_revisions())[-2]  # the schema of the release before this one
    engine = db.make_engine(url)
    db.migrate(engine, older)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (username, password_hash, role, counties, disabled, created_at)"
                " VALUES ('old', 'x', 'inspector', '[\"320612\"]', 0, '2026-01-01 00:00:00')"
            )
        )
    engine.dispose()
    assert cli(url, photos_dir, "user", "list") == 2  # the code will not serve it as it is
    assert cli(url, photos_dir, "init") == 2
    assert "Take a backup first" in capsys.readouterr().err
    dest = tmp_path / "pre-upgrade"
    assert cli(url, photos_dir, "init", "--backup", str(dest)) == 0
    assert json.loads((dest / "manifest.json").read_text())["schema_revision"] == older
    assert cli(url, photos_dir, "user", "list") == 0
    assert "old\tinspector" in capsys.readouterr().out
    # The old backup restores into a new database and is migrated forward there too.
    target = f"sqlite:///{tmp_path / 'new.db'}"
    assert cli(target, tmp_path / "new-photos", "restore", str(dest)) == 0
    assert cli(target, tmp_path / "new-photos", "user", "list") == 0
    assert "old\tinspector" in capsys.readouterr().out


def test_check_reports_missing_and_damaged_photos_and_a_cut_chain(
    ctx, client, database_url, tmp_path, h, capsys
):
    digests = seed(ctx, h, client)["digests"]
    photos_dir = Path(ctx.settings.photo_dir)
    assert cli(database_url, photos_dir, "check", "--deep") == 0
    out = capsys.readouterr().out
    assert "3 registered" in out and "PROBLEM" not in out
    damaged = ctx.photo_store.final_path(digests[0])
    data = bytearray(damaged.read_bytes())
    data[10] ^= 1
    damaged.write_bytes(bytes(data))
    assert cli(database_url, photos_dir, "check") == 0  # sizes alike: only --deep re-hashes
    capsys.readouterr()
    assert cli(database_url, photos_dir, "check", "--deep") == 1
    assert f"damaged file: {digests[0]}" in capsys.readouterr().out
    ctx.photo_store.final_path(digests[1]).unlink()
    assert cli(database_url, photos_dir, "check") == 1
    assert f"missing file: {digests[1]}" in capsys.readouterr().out
