"""Central server benchmarks, on SQLite and PostgreSQL, over a real loopback socket.

- push: 10,000 inspection records in batches of 500 (records/s; target ≥ 2,000/s);
- photos: 200 photos of 3 MB uploaded to the server, against a raw loopback HTTP upload of the
  same bytes to a bare ASGI sink on the same uvicorn, measured in the same run with the same
  client, 4 uploads in flight for both (ratio ≥ 0.4);
- pull: a pull with nothing new for a user who sees 100,000 records, as the server's own time
  (``Server-Timing``) (≤ 20 ms).

Push and photo figures are medians of three runs (each photo run's baseline measured right before
it; the ratio is of the two medians). ``--quick`` shrinks every size by ten.
PostgreSQL runs in a database made for the run and dropped.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text

from bench import Figure, median
from sync.protocol import INSTALL_HEADER
from sync.server import db
from sync.server.app import build_context
from sync.server.config import Settings
from sync.server.services import admin

PG_ADMIN_URL = os.environ.get("HEKOU_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PASSWORD = "benchmark password"
COUNTY = "320612"
BATCH = 500
PARALLEL = 4  # uploads in flight, for the server and the raw baseline alike
ROUNDS = 3  # each figure is the median of this many runs


async def raw_sink(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The baseline: an ASGI app that reads the request body and answers, nothing more."""
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"{}"})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing answers at {url}")


@contextmanager
def _process(args: list[str], url: str) -> Iterator[None]:
    proc = subprocess.Popen([sys.executable, *args])
    try:
        _wait(url)
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@contextmanager
def _database(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'server.db'}"
        return
    name = f"hekou_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin_engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


def _inspection(author: str) -> dict[str, Any]:
    row_id = str(uuid.uuid4())
    return {
        "id": row_id,
        "outfall_id": str(uuid.uuid4()),
        "author": author,
        "county_code": COUNTY,
        "status": "complete",
        "discharging": True,
        "colour": "浑浊",
        "odour": "无",
        "flow": "estimated",
        "findings": "雨污混排，旱天排水，需溯源",
        "at": datetime.now(UTC).isoformat(),
    }


def _change(entity: str, data: dict[str, Any], n: int) -> dict[str, Any]:
    return {
        "change_id": str(uuid.uuid4()),
        "entity": entity,
        "row_id": data["id"],
        "op": "upsert",
        "data": data,
        "at": datetime.now(UTC).isoformat(),
        "hlc": f"{1_800_000_000_000 + n:013d}:00000:bench",
    }


def _login(base: str, name: str) -> dict[str, str]:
    install_id = str(uuid.uuid4())
    answer = httpx.post(
        base + "/v1/login",
        json={"username": name, "password": PASSWORD, "install_id": install_id},
    )
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['token']}", INSTALL_HEADER: install_id}


def _push_rate(client: httpx.Client, records: int) -> float:
    batches = [
        {
            "batch_id": str(uuid.uuid4()),
            "changes": [_change("inspections", _inspection("inspector"), i) for i in range(BATCH)],
        }
        for _ in range(records // BATCH)
    ]
    start = time.perf_counter()
    for batch in batches:
        response = client.post("/v1/push", json=batch)
        response.raise_for_status()
    return records / (time.perf_counter() - start)


def _upload_seconds(base: str, headers: dict[str, str], photos: list[bytes], raw: bool) -> float:
    """Seconds to upload every photo, ``PARALLEL`` at a time, each in one chunk."""

    def upload(client: httpx.Client, photo: bytes) -> None:
        digest = hashlib.sha256(photo).hexdigest()
        url = f"/v1/photos/{digest}/upload"
        response = client.put(url, params={"offset": 0, "total": len(photo)}, content=photo)
        response.raise_for_status()
        if not raw:
            assert response.json()["complete"] is True

    limits = httpx.Limits(max_connections=PARALLEL)
    with (
        httpx.Client(base_url=base, headers=headers, timeout=300, limits=limits) as client,
        ThreadPoolExecutor(PARALLEL) as pool,
    ):
        start = time.perf_counter()
        list(pool.map(lambda p: upload(client, p), photos))
        return time.perf_counter() - start


def _seed_visible(url: str, count: int) -> None:
    """``count`` ledger rows in the user's county, with their feed items, written directly."""
    from sync.server.models import StoredRecord
    from sync.server.queries import feed, records

    engine = db.make_engine(url)
    now = datetime.now(UTC)
    step = 5000
    for start in range(0, count, step):
        rows = []
        items = []
        for i in range(start, min(count, start + step)):
            row_id = str(uuid.uuid4())
            data = {
                "id": row_id,
                "name": f"排口{i}",
                "county_code": COUNTY,
                "provisional_code": f"T{i}",
            }
            rows.append(
                StoredRecord(
                    "outfalls",
                    row_id,
                    1,
                    data,
                    COUNTY,
                    "seed",
                    None,
                    "ledger",
                    None,
                    False,
                    "0",
                    None,
                    None,
                    now,
                )
            )
            items.append(
                {
                    "change_id": str(uuid.uuid4()),
                    "entity": "outfalls",
                    "row_id": row_id,
                    "op": "upsert",
                    "data": data,
                    "at": now,
                    "hlc": "0",
                    "county_code": COUNTY,
                }
            )
        with db.write(engine) as conn:
            records.insert_many(conn, rows)
            feed.append_many(conn, items)
    engine.dispose()


def _bench_backend(kind: str, quick: bool) -> list[Figure]:
    scale = 10 if quick else 1
    n_records = 10_000 // scale
    n_photos = 200 // scale
    n_visible = 100_000 // scale
    figures: list[Figure] = []
    with (
        tempfile.TemporaryDirectory(prefix="hekou-bench-") as tmp,
        _database(kind, Path(tmp)) as url,
    ):
        folder = Path(tmp)
        settings = Settings(
            database_url=url,
            photo_dir=folder / "photos",
            argon2_time_cost=1,
            argon2_memory_kib=1024,
            argon2_parallelism=1,
        )
        ctx = build_context(settings)
        db.migrate(ctx.engine)
        admin.add_user(ctx, "inspector", PASSWORD, "inspector", [COUNTY])
        admin.add_user(ctx, "reader", PASSWORD, "inspector", [COUNTY])
        ctx.engine.dispose()
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        serve = [
            "-m",
            "sync.server.cli",
            "--database",
            url,
            "--photos",
            str(folder / "photos"),
            "serve",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ]
        with _process(serve, base + "/health"):
            headers = _login(base, "inspector")
            with httpx.Client(base_url=base, headers=headers, timeout=300) as client:
                rates = [_push_rate(client, n_records) for _ in range(ROUNDS)]
            rate = median(rates)
            figures.append(
                Figure(
                    f"server push inspections, {kind}",
                    rate,
                    "records/s",
                    target="≥ 2000",
                    met=rate >= 2000,
                )
            )
            raw_port = _free_port()
            raw = ["-m", "uvicorn", "bench.server:raw_sink", "--port", str(raw_port)]
            raw += ["--log-level", "warning"]
            total_mb = n_photos * 3
            ours_rates, raw_rates = [], []
            with _process(raw, f"http://127.0.0.1:{raw_port}/"):
                for _ in range(ROUNDS):  # new photos each round: the server keeps what it has
                    photos = [os.urandom(3 * 1024 * 1024) for _ in range(n_photos)]
                    raw_s = _upload_seconds(f"http://127.0.0.1:{raw_port}", {}, photos, raw=True)
                    ours_s = _upload_seconds(base, headers, photos, raw=False)
                    raw_rates.append(total_mb / raw_s)
                    ours_rates.append(total_mb / ours_s)
            ratio = median(ours_rates) / median(raw_rates)
            figures.append(
                Figure(
                    f"server photo upload ({PARALLEL} in flight), {kind}",
                    median(ours_rates),
                    "MB/s",
                    baseline=median(raw_rates),
                    target="ratio ≥ 0.4",
                    met=ratio >= 0.4,
                )
            )
            _seed_visible(url, n_visible)
            reader = _login(base, "reader")
            with httpx.Client(base_url=base, headers=reader, timeout=60) as client:
                cursor = 0
                while True:  # catch up once, as a device would
                    page = client.get("/v1/pull", params={"cursor": cursor, "limit": 1000}).json()
                    cursor = page["cursor"]
                    if not page["more"]:
                        break
                times = []
                for _ in range(50):
                    response = client.get("/v1/pull", params={"cursor": cursor})
                    assert response.json()["items"] == []
                    timing = response.headers["server-timing"]
                    times.append(float(timing.split("dur=")[1]))
            pull_ms = median(times)
            figures.append(
                Figure(
                    f"server empty pull, {n_visible} visible, {kind}",
                    pull_ms,
                    "ms",
                    target="≤ 20",
                    met=pull_ms <= 20,
                )
            )
    return figures


def run(quick: bool) -> list[Figure]:
    return [f for kind in ("sqlite", "postgresql") for f in _bench_backend(kind, quick)]
