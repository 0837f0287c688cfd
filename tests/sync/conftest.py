"""The sync proof's world: a real server (uvicorn on 127.0.0.1), devices with real profiles, each
talking to it through its own fault-injecting proxy, and the checks run when the faults stop.

Each schedule gets a county of its own (a made-up six-digit code), so one server serves every
schedule of a run and schedules never see each other's rows.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, select, text

from fieldapp.domain import inspection as model
from fieldapp.media.blobstore import BlobStore
from fieldapp.store import database, inspections, synced_rows
from sync.client import ProfileDb, RetryPolicy, SyncEngine
from sync.client.engine import tls_context
from sync.client.state import account as sync_account
from sync.client.state import issues as sync_issues
from sync.client.state import outbox
from sync.client.state import panel as sync_panel
from sync.server import db
from sync.server.app import build_context, create_app
from sync.server.config import Settings
from sync.server.context import ServerContext
from sync.server.schema import records
from sync.server.services import admin
from sync.testing.faultproxy import FAULTS, FaultProxy, Schedule

PASSWORD = "sync proof password"
# blackholes cost a client timeout each: rarer than the others, so hundreds of schedules fit
WEIGHTS = tuple(0.25 if f == "blackhole" else 1.0 for f in FAULTS)
PG_ADMIN_URL = os.environ.get("HEKOU_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def fast_settings(database_url: str, photo_dir: Path) -> Settings:
    return Settings(
        database_url=database_url,
        photo_dir=photo_dir,
        argon2_time_cost=1,
        argon2_memory_kib=1024,
        argon2_parallelism=1,
        login_max_failures_per_client=10_000,
    )


class ThreadServer:
    """The real app under uvicorn on a loopback socket, in a thread of this process."""

    def __init__(self, ctx: ServerContext) -> None:
        import uvicorn

        self.ctx = ctx
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        config = uvicorn.Config(create_app(ctx), log_level="critical", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.01)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


def start_server(database_url: str, photos: Path) -> ThreadServer:
    ctx = build_context(fast_settings(database_url, photos))
    db.migrate(ctx.engine)
    return ThreadServer(ctx)


RAM = Path("/dev/shm")


@pytest.fixture(scope="session")
def fast_tmp() -> Iterator[Path]:
    """A temporary folder in memory when there is one (fsync is free there: hundreds of
    schedules fit in minutes); the crash tests use the disk."""
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="hekou-sync-", dir=RAM if RAM.is_dir() else None))
    yield base
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def schedule_tmp(fast_tmp: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    path = fast_tmp / uuid.uuid4().hex
    path.mkdir()
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def sqlite_server(fast_tmp: Path) -> Iterator[ThreadServer]:
    base = fast_tmp / "server"
    base.mkdir()
    server = start_server(f"sqlite:///{base / 'server.db'}", base / "photos")
    yield server
    server.stop()
    server.ctx.engine.dispose()


@contextmanager
def _pg_database(prefix: str) -> Iterator[str]:
    """A PostgreSQL database of its own (its URL), dropped afterwards."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin_engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


@contextmanager
def _running(url: str, photos: Path) -> Iterator[ThreadServer]:
    server = start_server(url, photos)
    try:
        yield server
    finally:
        server.stop()
        server.ctx.engine.dispose()


@pytest.fixture(scope="session")
def pg_server(fast_tmp: Path) -> Iterator[ThreadServer]:
    """The same on a PostgreSQL database of this session's own (dropped afterwards)."""
    with _pg_database("hekou_sync") as url, _running(url, fast_tmp / "pgphotos") as server:
        yield server


@pytest.fixture(scope="session")
def profile_template(fast_tmp: Path) -> Path:
    path = fast_tmp / "template.sqlite"
    database.open_profile(path).close()
    return path


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Device:
    """One laptop: a profile, its photo store, its proxy to the server, its engine."""

    def __init__(self, world: World, name: str, user: str) -> None:
        self.world = world
        self.name = name
        self.user = user
        self.path = world.tmp / f"{name}.sqlite"
        shutil.copyfile(world.template, self.path)
        self.db = ProfileDb(self.path)
        with self.db.conn:
            # a copied template shares its install id: make this device's own
            self.db.conn.execute(
                "UPDATE sync_account SET install_id = ? WHERE id = 1", (str(uuid.uuid4()),)
            )
        self.blobs = BlobStore(world.tmp / f"{name}.sqlite.photos")
        self.proxy = FaultProxy(("127.0.0.1", world.server.port))
        self.rng = random.Random(f"{world.seed}-{name}")
        self.reports: list[Any] = []

    @property
    def conn(self) -> Any:
        return self.db.conn

    def engine(self, **kw: Any) -> SyncEngine:
        transport = httpx.HTTPTransport(
            limits=httpx.Limits(max_keepalive_connections=0), verify=tls_context()
        )
        options: dict[str, Any] = dict(
            transport=transport,
            timeout=0.2,
            retry=RetryPolicy(base_s=0.005, cap_s=0.05, attempts=6, rng=self.rng),
            chunk_bytes=4096,
            batch_changes=15,
        )
        options.update(kw)
        return SyncEngine(self.db, self.blobs, **options)

    def login(self) -> None:
        self.engine().login(self.proxy.url, self.user, PASSWORD, f"{self.name} laptop")

    def sync(self, **kw: Any) -> Any:
        report = self.engine(**kw).sync()
        self.reports.append(report)
        return report

    def close(self) -> None:
        self.proxy.close()
        self.db.close()

    # -- field work ------------------------------------------------------------------------
    def outfall_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM outfalls ORDER BY id")]

    def drafts(self) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM inspections WHERE status = 'draft' AND author = ? ORDER BY id",
                (self.user,),
            )
        ]

    def new_inspection(self) -> None:
        ids = self.outfall_ids()
        outfall = self.rng.choice(ids) if ids else str(uuid.uuid4())
        draft = model.new_draft(outfall, self.user, self.world.county)
        inspections.save_draft(self.conn, draft)

    def edit_draft(self) -> None:
        drafts = self.drafts()
        if drafts:
            insp = inspections.get(self.conn, self.rng.choice(drafts))
            assert insp is not None
            import dataclasses

            inspections.save_draft(
                self.conn, dataclasses.replace(insp, notes=f"note {self.rng.random():.6f}")
            )

    def add_photo(self) -> None:
        drafts = self.drafts()
        if not drafts:
            return
        data = self.rng.randbytes(self.rng.randint(500, 12_000))
        sha = self.blobs.put(data).sha256
        photo = model.InspectionPhoto(
            id=str(uuid.uuid4()), inspection_id=self.rng.choice(drafts), sha256=sha
        )
        inspections.add_photo(self.conn, photo)

    def remove_photo(self) -> None:
        rows = self.conn.execute(
            "SELECT p.id FROM inspection_photos p JOIN inspections i ON i.id = p.inspection_id"
            " WHERE i.status = 'draft' ORDER BY p.id"
        ).fetchall()
        if rows:
            inspections.remove_photo(self.conn, self.rng.choice(rows)[0])

    def delete_draft(self) -> None:
        drafts = self.drafts()
        if drafts:
            victim = self.rng.choice(drafts)
            with database.transaction(self.conn):
                self.conn.execute(
                    "DELETE FROM inspection_photos WHERE inspection_id = ?", (victim,)
                )
                self.conn.execute("DELETE FROM inspections WHERE id = ?", (victim,))

    def complete(self) -> None:
        drafts = self.drafts()
        if drafts:
            with database.transaction(self.conn):
                self.conn.execute(
                    "UPDATE inspections SET status = 'complete', completed_at = ? WHERE id = ?",
                    (now_iso(), self.rng.choice(drafts)),
                )

    def edit_outfall(self) -> None:
        ids = self.outfall_ids()
        if ids:
            with database.transaction(self.conn):
                self.conn.execute(
                    "UPDATE outfalls SET note = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                    (f"{self.name} {self.rng.random():.6f}", now_iso(), self.user,
                     self.rng.choice(ids)),
                )  # fmt: skip

    def new_outfall(self, provisional: bool) -> None:
        row_id = str(uuid.uuid4())
        code = f"N{uuid.uuid4().hex[:12]}"
        with database.transaction(self.conn):
            self.conn.execute(
                "INSERT INTO outfalls (id, name, national_code, provisional_code, type_code,"
                " receiving_kind, basin, county_code, lifecycle_state, created_at, updated_at,"
                " updated_by) VALUES (?, ?, ?, ?, 'other', 'river', 'yangtze', ?, 'survey', ?, ?, ?)",
                (row_id, f"测试排口{code}",
                 None if provisional else f"{self.world.county}{code.upper()}",
                 f"TMP-{code}" if provisional else None, self.world.county, now_iso(),
                 now_iso(), self.user),
            )  # fmt: skip

    def work(self, steps: int) -> None:
        actions = (
            [self.new_inspection] * 2 + [self.edit_draft] * 2 + [self.add_photo] * 4
            + [self.remove_photo, self.delete_draft, self.complete, self.complete]
            + [self.edit_outfall, lambda: self.new_outfall(True)]
        )  # fmt: skip
        if self.world.role_of(self.user) == "supervisor":
            actions = [self.edit_outfall] * 3 + [lambda: self.new_outfall(False)]
        for _ in range(steps):
            self.rng.choice(actions)()


class Office:
    """The server side: a supervisor at the bureau editing the ledger and reviewing, directly."""

    def __init__(self, world: World) -> None:
        self.world = world
        admin.add_user(world.ctx, world.office_user, PASSWORD, "supervisor", [world.county])
        install_id = str(uuid.uuid4())
        response = httpx.post(
            world.server.url + "/v1/login",
            json={
                "username": world.office_user,
                "password": PASSWORD,
                "install_id": install_id,
                "device_name": "office",
            },
        )
        response.raise_for_status()
        self.device_id = response.json()["device_id"]
        self.client = httpx.Client(
            base_url=world.server.url,
            headers={
                "Authorization": f"Bearer {response.json()['token']}",
                "X-Hekou-Install": install_id,
            },
            timeout=10,
        )
        self.rng = random.Random(f"{world.seed}-office")
        self.clock = 0

    def close(self) -> None:
        self.client.close()

    def hlc(self) -> str:
        self.clock += 1
        return f"{int(time.time() * 1000):013d}:{self.clock:05d}:{self.device_id}"

    def live(self, entity: str) -> list[Any]:
        with self.world.ctx.engine.connect() as conn:
            return list(
                conn.execute(
                    select(records).where(
                        records.c.entity == entity,
                        records.c.county_code == self.world.county,
                        records.c.deleted.is_(False),
                    )
                )
            )

    def work(self, steps: int) -> None:
        for _ in range(steps):
            choice = self.rng.random()
            if choice < 0.4:
                self.edit_ledger()
            elif choice < 0.8:
                self.review()
            else:
                self.decide()

    def edit_ledger(self) -> None:
        rows = self.live("outfalls")
        if not rows:
            return
        row = self.rng.choice(rows)
        data = json.loads(row.data)
        data.update(responsible_party=f"office {self.rng.random():.5f}", updated_at=now_iso())
        change = {
            "change_id": str(uuid.uuid4()),
            "entity": "outfalls",
            "row_id": row.id,
            "op": "upsert",
            "data": data,
            "at": now_iso(),
            "hlc": self.hlc(),
        }
        r = self.client.post("/v1/push", json={"batch_id": str(uuid.uuid4()), "changes": [change]})
        assert r.status_code == 200, r.text

    def review(self) -> None:
        done = [r for r in self.live("inspections") if r.status == "complete"]
        done = [r for r in done if r.review_state in (None, "returned")]
        if done:
            row = self.rng.choice(done)
            state = self.rng.choice(["approved", "returned", "escalated"])
            r = self.client.post(
                f"/v1/records/inspections/{row.id}/review",
                json={"state": state, "comment": f"审核意见 {state}", "version": row.version},
            )
            # approving waits for the photos (the review rules); the rest goes through
            assert r.status_code == 200 or r.json()["error"]["code"] == "photos_missing", r.text

    def decide(self) -> None:
        r = self.client.get("/v1/proposals")
        assert r.status_code == 200, r.text
        pending = [p for p in r.json()["proposals"] if p["state"] == "pending"]
        if pending:
            p = self.rng.choice(pending)
            decision = self.rng.choice(["accept", "reject"])
            r = self.client.post(
                f"/v1/proposals/{p['proposal_id']}/decision", json={"decision": decision}
            )
            assert r.status_code in (200, 409), r.text


class World:
    """A schedule's county, users, devices, and the checks."""

    def __init__(self, server: ThreadServer, template: Path, tmp: Path, seed: int) -> None:
        self.server = server
        self.ctx = server.ctx
        self.template = template
        self.tmp = tmp
        self.seed = seed
        tag = uuid.uuid4().hex[:8]
        self.county = f"9{random.Random(tag).randrange(10**5):05d}"
        while self._county_taken():
            self.county = f"9{random.randrange(10**5):05d}"
        self.office_user = f"office-{tag}"
        self.roles: dict[str, str] = {}
        self.devices: list[Device] = []
        self.tag = tag

    def _county_taken(self) -> bool:
        with self.ctx.engine.connect() as conn:
            return bool(
                conn.execute(
                    select(records.c.id).where(records.c.county_code == self.county).limit(1)
                ).first()
            )

    def role_of(self, user: str) -> str:
        return self.roles[user]

    def device(self, name: str, role: str) -> Device:
        user = f"{name}-{self.tag}"
        admin.add_user(self.ctx, user, PASSWORD, role, [self.county])
        self.roles[user] = role
        device = Device(self, name, user)
        device.login()
        self.devices.append(device)
        return device

    def close(self) -> None:
        for d in self.devices:
            d.close()

    # -- the checks ------------------------------------------------------------------------
    def server_rows(self, entity: str, owner: str | None = None) -> dict[str, Any]:
        with self.ctx.engine.connect() as conn:
            query = select(records).where(
                records.c.entity == entity,
                records.c.county_code == self.county,
                records.c.deleted.is_(False),
            )
            if owner is not None:
                query = query.where(records.c.owner == owner)
            return {r.id: json.loads(r.data) for r in conn.execute(query)}

    def check(self) -> None:
        """No loss, no duplicates, integrity, convergence (see the module docstring of the tests)."""
        ledger = self.server_rows("outfalls")
        reviews = self.server_rows("reviews")
        for d in self.devices:
            conn = d.conn
            assert database.integrity_ok(conn), d.name
            pending = sync_panel.pending(conn)
            assert pending.empty, (d.name, pending)
            assert not outbox.unfinished_batches(conn), d.name
            local_ledger = {i: synced_rows.row_data(conn, "outfalls", i) for i in d.outfall_ids()}
            assert local_ledger == ledger, f"{d.name}: ledger differs from the server's"
            mine = self.server_rows("inspections", d.user)
            local = {
                r[0]: synced_rows.row_data(conn, "inspections", r[0])
                for r in conn.execute("SELECT id FROM inspections WHERE author = ?", (d.user,))
            }
            assert local == mine, f"{d.name}: inspections differ from the server's"
            server_photos = {
                i: p
                for i, p in self.server_rows("inspection_photos").items()
                if p["inspection_id"] in mine
            }
            local_photos = {
                r[0]: synced_rows.row_data(conn, "inspection_photos", r[0])
                for r in conn.execute(
                    "SELECT p.id FROM inspection_photos p JOIN inspections i"
                    " ON i.id = p.inspection_id WHERE i.author = ?",
                    (d.user,),
                )
            }
            assert local_photos == server_photos, f"{d.name}: photos differ from the server's"
            local_reviews = {r[0] for r in conn.execute("SELECT id FROM sync_reviews")}
            assert local_reviews == set(reviews), f"{d.name}: reviews differ"
            for issue in sync_issues.issues(conn):
                assert issue.reason, issue  # the user sees why
            assert not sync_account.errors(conn), (d.name, sync_account.errors(conn))
        # every photo a server row refers to is there, byte for byte, stored once
        store = self.ctx.photo_store
        for p in self.server_rows("inspection_photos").values():
            path = store.final_path(p["sha256"])
            assert path.is_file(), f"photo {p['sha256'][:12]} missing on the server"
            assert hashlib.sha256(path.read_bytes()).hexdigest() == p["sha256"]
        with self.ctx.engine.connect() as conn:
            # one applied change id per device change; one record per (entity, id) is the key
            dup = conn.execute(
                text(
                    "SELECT count(*) FROM (SELECT entity, id FROM records GROUP BY entity, id"
                    " HAVING count(*) > 1) d"
                )
            ).scalar()
            assert dup == 0
        if self.ctx.engine.dialect.name == "sqlite":
            with self.ctx.engine.connect() as conn:
                assert conn.execute(text("PRAGMA quick_check")).scalar() == "ok"


def run_schedule(
    server: ThreadServer, template: Path, tmp: Path, seed: int, *, rounds: int = 2
) -> World:
    """One seeded schedule: two inspectors and a supervisor work and sync through faulty links
    while the office edits the ledger and reviews; then the faults stop and everything settles."""
    rng = random.Random(seed)
    world = World(server, template, tmp, seed)
    try:
        sup = world.device("sup", "supervisor")
        a = world.device("insp_a", "inspector")
        b = world.device("insp_b", "inspector")
        office = Office(world)
        try:
            sup.work(3)
            sup.sync()
            for d in (a, b):
                d.sync()
            for _ in range(rounds):
                rate = rng.choice((0.2, 0.4, 0.6))
                for i, d in enumerate(world.devices):
                    d.proxy.set_schedule(Schedule(seed * 7 + i, rate=rate, weights=WEIGHTS))
                for d in world.devices:
                    d.work(rng.randint(3, 8))
                office.work(rng.randint(1, 3))
                for d in rng.sample(world.devices, len(world.devices)):
                    d.sync()
            office.work(2)
            for d in world.devices:
                d.proxy.set_schedule(None)
            for _ in range(2):  # the second pass brings what the others sent in the first
                for d in world.devices:
                    report = d.sync()
                    assert report.ok, (d.name, report.summary(), report.error, report.refusals)
            world.check()
        finally:
            office.close()
    finally:
        world.close()
    return world


class Laptop:
    """One person's laptop profile, signed in to the server directly (no fault proxy)."""

    def __init__(self, tmp: Path, template: Path, url: str, user: str, password: str) -> None:
        self.user = user
        path = tmp / f"{user}-{uuid.uuid4().hex[:6]}.sqlite"
        shutil.copyfile(template, path)
        self.db = ProfileDb(path)
        with self.db.conn:
            self.db.conn.execute(
                "UPDATE sync_account SET install_id = ? WHERE id = 1", (str(uuid.uuid4()),)
            )
        self.blobs = BlobStore(path.with_name(path.name + ".photos"))
        self.engine().login(url, user, password, f"{user}'s laptop")

    def engine(self) -> SyncEngine:
        return SyncEngine(self.db, self.blobs, transport=httpx.HTTPTransport())

    def sync(self) -> Any:
        report = self.engine().sync()
        assert report.ok, (report.summary(), report.error, report.refusals)
        return report

    def outfalls(self) -> dict[str, str]:
        rows = self.db.conn.execute("SELECT id, county_code FROM outfalls")
        return {r[0]: r[1] for r in rows}

    def tasks(self) -> list[dict[str, Any]]:
        rows = self.db.conn.execute("SELECT data FROM sync_tasks WHERE deleted = 0")
        return [json.loads(r[0]) for r in rows]

    def close(self) -> None:
        self.db.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def own_server(request: pytest.FixtureRequest, schedule_tmp: Path) -> Iterator[ThreadServer]:
    """A server of this test's own, on SQLite and on a PostgreSQL database made for it (a walk
    that draws over, or counts, everything the server holds cannot share one)."""
    photos = schedule_tmp / "photos"
    if request.param == "sqlite":
        with _running(f"sqlite:///{schedule_tmp / 'server.db'}", photos) as server:
            yield server
        return
    with _pg_database("hekou_walk") as url, _running(url, photos) as server:
        yield server


@pytest.fixture
def sync_world_tools() -> Any:
    import types

    return types.SimpleNamespace(
        run_schedule=run_schedule,
        World=World,
        Device=Device,
        fast_settings=fast_settings,
        start_server=start_server,
        Laptop=Laptop,
        PASSWORD=PASSWORD,
    )
