"""How push, pull and upload scale with 1, 2 and 4 server processes on one PostgreSQL.

Informational (no target): the figures say what several stateless server processes behind one
port (``fieldapp-server serve --workers N``) buy on this machine, whose two cores the clients,
the server processes and PostgreSQL share. Each figure's baseline is the one-process figure of
the same run.

- push: 4 devices at once, each pushing batches of 250 inspections (records/s);
- pull: 8 devices at once asking for nothing new, 100,000 visible rows (pulls/s);
- upload: 24 photos of 1 MB, 8 in flight (MB/s).

Each figure is the median of three rounds. ``--quick`` shrinks the sizes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bench import Figure, median
from bench.server import (
    COUNTY,
    PASSWORD,
    _change,
    _database,
    _free_port,
    _inspection,
    _login,
    _process,
    _seed_visible,
)
from sync.server import db
from sync.server.app import build_context
from sync.server.config import Settings
from sync.server.services import admin

PROCESSES = (1, 2, 4)
DEVICES_PUSHING = 4
DEVICES_PULLING = 8
UPLOADS_IN_FLIGHT = 8
ROUNDS = 3


def _push_rate(base: str, headers: list[dict[str, str]], batches_each: int) -> float:
    def device(h: dict[str, str]) -> int:
        with httpx.Client(base_url=base, headers=h, timeout=300) as client:
            for _ in range(batches_each):
                changes = [_change("inspections", _inspection("inspector"), i) for i in range(250)]
                body = {"batch_id": str(uuid.uuid4()), "changes": changes}
                client.post("/v1/push", json=body).raise_for_status()
        return batches_each * 250

    start = time.perf_counter()
    with ThreadPoolExecutor(len(headers)) as pool:
        total = sum(pool.map(device, headers))
    return total / (time.perf_counter() - start)


def _pull_rate(base: str, headers: dict[str, str], cursor: int, pulls_each: int) -> float:
    def device(_n: int) -> int:
        with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
            for _ in range(pulls_each):
                client.get("/v1/pull", params={"cursor": cursor}).raise_for_status()
        return pulls_each

    start = time.perf_counter()
    with ThreadPoolExecutor(DEVICES_PULLING) as pool:
        total = sum(pool.map(device, range(DEVICES_PULLING)))
    return total / (time.perf_counter() - start)


def _upload_rate(base: str, headers: dict[str, str], n_photos: int) -> float:
    photos = [os.urandom(1024 * 1024) for _ in range(n_photos)]

    def upload(client: httpx.Client, photo: bytes) -> None:
        digest = hashlib.sha256(photo).hexdigest()
        answer = client.put(
            f"/v1/photos/{digest}/upload", params={"offset": 0, "total": len(photo)}, content=photo
        )
        answer.raise_for_status()

    limits = httpx.Limits(max_connections=UPLOADS_IN_FLIGHT)
    with (
        httpx.Client(base_url=base, headers=headers, timeout=300, limits=limits) as client,
        ThreadPoolExecutor(UPLOADS_IN_FLIGHT) as pool,
    ):
        start = time.perf_counter()
        list(pool.map(lambda p: upload(client, p), photos))
        return n_photos / (time.perf_counter() - start)


def _catch_up(base: str, headers: dict[str, str]) -> int:
    cursor = 0
    with httpx.Client(base_url=base, headers=headers, timeout=120) as client:
        while True:
            page = client.get("/v1/pull", params={"cursor": cursor, "limit": 1000}).json()
            cursor = page["cursor"]
            if not page["more"]:
                return int(cursor)


def run(quick: bool) -> list[Figure]:
    scale = 10 if quick else 1
    measured: dict[str, dict[int, float]] = {"push": {}, "pull": {}, "upload": {}}
    with (
        tempfile.TemporaryDirectory(prefix="hekou-bench-scale-") as tmp,
        _database("postgresql", Path(tmp)) as url,
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
        for name in ("inspector", "reader"):
            admin.add_user(ctx, name, PASSWORD, "inspector", [COUNTY])
        ctx.engine.dispose()
        _seed_visible(url, 100_000 // scale)
        for processes in PROCESSES:
            port = _free_port()
            base = f"http://127.0.0.1:{port}"
            serve = ["-m", "sync.server.cli", "--database", url, "--photos", str(folder / "photos")]
            serve += ["serve", "--port", str(port), "--workers", str(processes)]
            serve += ["--anchor-every", "0", "--log-level", "warning"]
            with _process(serve, base + "/health"):
                pushers = [_login(base, "inspector") for _ in range(DEVICES_PUSHING)]
                reader = _login(base, "reader")
                cursor = _catch_up(base, reader)
                rounds: dict[str, list[float]] = {"push": [], "pull": [], "upload": []}
                for _ in range(ROUNDS):
                    rounds["push"].append(_push_rate(base, pushers, 8 // min(scale, 4)))
                    rounds["pull"].append(_pull_rate(base, reader, cursor, 60 // min(scale, 6)))
                    rounds["upload"].append(_upload_rate(base, pushers[0], 24 // min(scale, 3)))
            for key, values in rounds.items():
                measured[key][processes] = median(values)
    units = {"push": "records/s", "pull": "pulls/s", "upload": "MB/s"}
    figures = []
    for key, by_processes in measured.items():
        for processes, value in by_processes.items():
            figures.append(
                Figure(
                    f"server {key}, {processes} process{'es' if processes > 1 else ''}, postgresql",
                    value,
                    units[key],
                    baseline=by_processes[1],
                    met=None,
                )
            )
    return figures
