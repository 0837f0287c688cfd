"""Fixtures for the server tests: every test runs once on SQLite and once on PostgreSQL.

PostgreSQL runs get a database of their own per session (created here, dropped at the end), so two
test runs at once never collide; each test starts from empty tables.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from anyio.from_thread import start_blocking_portal
from fastapi import FastAPI
from sqlalchemy import Engine, create_engine, text

from sync.protocol import INSTALL_HEADER
from sync.server import db
from sync.server.app import build_context, create_app
from sync.server.config import Settings
from sync.server.context import ServerContext
from sync.server.schema import metadata
from sync.server.services import admin

PG_ADMIN_URL = os.environ.get("HEKOU_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PASSWORD = "correct horse battery"
TOSHI = "320612"  # 通州区
HAIMEN = "320614"  # 海门区
CITY = "320600"


def fast_settings(database_url: str, photo_dir: Path, **overrides: Any) -> Settings:
    """Cheap Argon2id parameters so tests can log in often; everything else as in production."""
    values: dict[str, Any] = {
        "database_url": database_url,
        "photo_dir": photo_dir,
        "argon2_time_cost": 1,
        "argon2_memory_kib": 1024,
        "argon2_parallelism": 1,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this session; dropped afterwards."""
    name = f"hekou_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin_engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    engine = db.make_engine(url)
    db.migrate(engine)
    engine.dispose()
    try:
        yield url
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no schema at all, of either kind (for ``init``)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'new.db'}"
        return
    name = f"hekou_empty_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin_engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "server.db"
    engine = db.make_engine(f"sqlite:///{path}")
    db.migrate(engine)
    engine.dispose()
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty, migrated database of either kind."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        target = tmp_path / "server.db"
        shutil.copyfile(template, target)
        yield f"sqlite:///{target}"
        return
    url: str = request.getfixturevalue("pg_database")
    engine = create_engine(url)
    with engine.begin() as conn:
        names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        # A test may have stamped another schema version; every test starts at the current one.
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": db.head_revision()})
    engine.dispose()
    yield url


@pytest.fixture
def ctx(database_url: str, tmp_path: Path) -> Iterator[ServerContext]:
    context = build_context(fast_settings(database_url, tmp_path / "photos"))
    yield context
    context.engine.dispose()


@pytest.fixture
def engine(ctx: ServerContext) -> Engine:
    return ctx.engine


class TestClient:
    """A blocking face over httpx's AsyncClient and ASGITransport: the real app, in process.

    Like a device, it sends the install id a token was issued to (``X-Hekou-Install``) with
    every request carrying that token, unless the test sends one of its own."""

    __test__ = False

    def __init__(self, app: FastAPI, portal: Any) -> None:
        self.app = app
        self._portal = portal
        self.installs: dict[str, str] = {}  # token → the install id it was issued to
        self._client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app, client=("127.0.0.1", 50000)),
            base_url="http://hekou.test",
        )

    def request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        headers = dict(kw.get("headers") or {})
        token = headers.get("Authorization", "").removeprefix("Bearer ")
        if token in self.installs and INSTALL_HEADER not in headers:
            kw["headers"] = {**headers, INSTALL_HEADER: self.installs[token]}

        async def call() -> httpx.Response:
            return await self._client.request(method, url, **kw)

        response: httpx.Response = self._portal.call(call)
        if url == "/v1/login" and response.status_code == 200 and isinstance(kw.get("json"), dict):
            self.installs[response.json()["token"]] = str(kw["json"]["install_id"])
        return response

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("POST", url, **kw)

    def put(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("PUT", url, **kw)

    def close(self) -> None:
        self._portal.call(self._client.aclose)


@pytest.fixture
def client(ctx: ServerContext) -> Iterator[TestClient]:
    with start_blocking_portal() as portal:
        test_client = TestClient(create_app(ctx), portal)
        yield test_client
        test_client.close()


class Person:
    """A user logged in from one device."""

    def __init__(self, client: TestClient, name: str, login: dict[str, Any]) -> None:
        self.client = client
        self.name = name
        self.token: str = login["token"]
        self.device_id: str = login["device_id"]
        self.headers = {"Authorization": f"Bearer {self.token}"}

    def get(self, url: str, **kw: Any) -> Any:
        kw["headers"] = {**self.headers, **kw.get("headers", {})}
        return self.client.get(url, **kw)

    def post(self, url: str, **kw: Any) -> Any:
        kw["headers"] = {**self.headers, **kw.get("headers", {})}
        return self.client.post(url, **kw)

    def put(self, url: str, **kw: Any) -> Any:
        kw["headers"] = {**self.headers, **kw.get("headers", {})}
        return self.client.put(url, **kw)

    def push(self, changes: list[dict[str, Any]], batch_id: str | None = None) -> Any:
        body = {"batch_id": batch_id or str(uuid.uuid4()), "changes": changes}
        return self.post("/v1/push", json=body)

    def push_ok(self, changes: list[dict[str, Any]], batch_id: str | None = None) -> dict[str, Any]:
        response = self.push(changes, batch_id)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result


def login(client: TestClient, name: str, install_id: str | None = None) -> Any:
    return client.post(
        "/v1/login",
        json={
            "username": name,
            "password": PASSWORD,
            "install_id": install_id or str(uuid.uuid4()),
            "device_name": f"{name}'s laptop",
        },
    )


@pytest.fixture
def person(ctx: ServerContext, client: TestClient) -> Callable[..., Person]:
    """Make a user with a role and counties, log them in from a new device."""

    def make(name: str, role: str = "inspector", counties: tuple[str, ...] = (TOSHI,)) -> Person:
        admin.add_user(ctx, name, PASSWORD, role, list(counties))
        response = login(client, name)
        assert response.status_code == 200, response.text
        return Person(client, name, response.json())

    return make


_clock = [0]


def hlc(node: str = "dev") -> str:
    _clock[0] += 1
    return f"{1_800_000_000_000 + _clock[0]:013d}:00000:{node}"


def change(
    entity: str,
    data: dict[str, Any] | None,
    *,
    op: str = "upsert",
    row_id: str | None = None,
    change_id: str | None = None,
    clock: str | None = None,
) -> dict[str, Any]:
    """A pushed change in the protocol's shape."""
    rid = row_id or (data or {}).get("id") or str(uuid.uuid4())
    return {
        "change_id": change_id or str(uuid.uuid4()),
        "entity": entity,
        "row_id": rid,
        "op": op,
        "data": data,
        "at": datetime.now(UTC).isoformat(),
        "hlc": clock or hlc(),
    }


def inspection(
    author: str, county: str = TOSHI, status: str = "draft", **extra: Any
) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "outfall_id": str(uuid.uuid4()),
        "author": author,
        "county_code": county,
        "status": status,
        "findings": "清澈，无异味",
        **extra,
    }


def outfall(county: str = TOSHI, provisional: bool = True, **extra: Any) -> dict[str, Any]:
    row_id = str(uuid.uuid4())
    return {
        "id": row_id,
        "name": "通州区某镇某村东北侧900m城镇雨洪排口",
        "national_code": None if provisional else f"{county}N{row_id[:8].upper()}",
        "local_code": None if provisional else f"L{row_id[:8]}",
        "provisional_code": f"TMP-{row_id[:8]}",
        "county_code": county,
        "lifecycle_state": "survey",
        "updated_at": datetime.now(UTC).isoformat(),
        "updated_by": "someone",
        **extra,
    }


def passing_checklist() -> dict[str, str]:
    """Every acceptance checklist item (of every route) answered as it should be."""
    from sync import casework
    from sync.server.config import CASEWORK_FILE

    return {i.code: i.good for i in casework.load(CASEWORK_FILE).acceptance_checklist}


@pytest.fixture
def h() -> Any:
    """The helpers above, for test modules (importlib mode cannot import conftest)."""
    import types

    return types.SimpleNamespace(
        change=change,
        inspection=inspection,
        outfall=outfall,
        passing_checklist=passing_checklist,
        hlc=hlc,
        login=login,
        PASSWORD=PASSWORD,
        TOSHI=TOSHI,
        HAIMEN=HAIMEN,
        CITY=CITY,
        fast_settings=fast_settings,
        TestClient=TestClient,
    )
