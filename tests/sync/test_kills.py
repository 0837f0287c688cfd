"""Crashes: the client process killed mid-sync (``fieldapp sync`` under kill -9), and the server
process killed mid-batch; after a final sync nothing is lost, duplicated or left behind."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import types
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync.client import RetryPolicy
from sync.server import db
from sync.server.app import build_context
from sync.testing.faultproxy import Schedule

pytestmark = pytest.mark.slow
CHILD = Path(__file__).with_name("_server_child.py")


def _fill(device: Any, inspections: int, photos: int) -> None:
    for _ in range(inspections):
        device.new_inspection()
    for _ in range(photos):
        device.add_photo()
    for _ in range(inspections // 4):
        device.complete()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_client_killed_mid_sync(
    seed: int, sqlite_server: Any, profile_template: Path, tmp_path: Path, sync_world_tools: Any
) -> None:
    world = sync_world_tools.World(sqlite_server, profile_template, tmp_path, seed)
    rng = random.Random(seed)
    try:
        sup = world.device("sup", "supervisor")
        sup.work(3)
        assert sup.sync().ok
        device = world.device("insp", "inspector")
        assert device.sync().ok
        _fill(device, 120, 25)
        # a slow link so the kill lands mid-sync: every connection throttled or delayed
        device.proxy.set_schedule(
            Schedule(seed, rate=1.0, kinds=("throttle", "delay"), max_delay_s=0.02)
        )
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        kills = 0
        for _ in range(3):
            child = subprocess.Popen(
                [sys.executable, "-m", "fieldapp", "sync", "--db", str(device.path)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            # Kill once the child has sent a seeded number of bytes (not after a fixed time: a
            # fast machine would finish first); the first pushes alone are well over 20 kB.
            start = device.proxy.bytes_up
            threshold = rng.randint(2_000, 20_000)
            deadline = time.monotonic() + 30
            while (
                child.poll() is None
                and device.proxy.bytes_up - start < threshold
                and time.monotonic() < deadline
            ):
                time.sleep(0.002)
            if child.poll() is None:
                os.kill(child.pid, signal.SIGKILL)
                kills += 1
            child.communicate(timeout=30)
        assert kills >= 1, "the sync finished before any kill: make the work bigger"
        device.proxy.set_schedule(None)
        for d in world.devices:
            assert d.sync().ok
        for d in world.devices:
            assert d.sync().ok
        world.check()
    finally:
        world.close()


def _start(url_db: str, photos: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen(
        [sys.executable, str(CHILD), url_db, str(photos), str(port)], env=env
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    process.wait()
    raise RuntimeError("the server did not come up")


@pytest.mark.parametrize("seed", [1, 2])
def test_server_killed_mid_batch(
    seed: int, profile_template: Path, tmp_path: Path, sync_world_tools: Any
) -> None:
    rng = random.Random(seed)
    url_db, photos = f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "photos"
    ctx = build_context(sync_world_tools.fast_settings(url_db, photos))
    db.migrate(ctx.engine)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = _start(url_db, photos, port)
    server = types.SimpleNamespace(ctx=ctx, port=port, url=f"http://127.0.0.1:{port}")
    world = sync_world_tools.World(server, profile_template, tmp_path, seed)
    try:
        sup = world.device("sup", "supervisor")
        sup.work(3)
        assert sup.sync().ok
        device = world.device("insp", "inspector")
        assert device.sync().ok
        _fill(device, 400, 15)
        patient = RetryPolicy(base_s=0.05, cap_s=0.5, attempts=30, rng=rng)
        results: list[Any] = []
        worker = threading.Thread(
            target=lambda: results.append(device.sync(timeout=2.0, retry=patient, batch_changes=40))
        )
        batches_before = _batches(ctx)
        worker.start()
        deadline = time.monotonic() + 30  # kill once batches are arriving, at a random moment
        while _batches(ctx) == batches_before and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        killed_at = _batches(ctx)
        time.sleep(0.3)
        process = _start(url_db, photos, port)
        worker.join(timeout=120)
        assert not worker.is_alive()
        assert killed_at > batches_before, "the kill came before any batch arrived"
        for d in world.devices:
            assert d.sync().ok
        for d in world.devices:
            assert d.sync().ok
        world.check()
    finally:
        world.close()
        process.terminate()
        process.wait(timeout=10)
        ctx.engine.dispose()


def _batches(ctx: Any) -> int:
    from sqlalchemy import func, select

    from sync.server.schema import batches

    with ctx.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(batches)).scalar() or 0)
