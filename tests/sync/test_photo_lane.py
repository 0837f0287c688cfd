"""Photos go up several at a time beside the record batches (``sync.client.photolane``): the
server sees four uploads in flight at once, never more; a photo that keeps failing holds no
record back; a sync killed while several photos are on their way costs no byte the server kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

from fieldapp.domain import inspection as model
from fieldapp.store import inspections
from sync.client.engine import MIB, tls_context
from sync.client.errors import Cancelled, LocalCode
from sync.client.photolane import IN_FLIGHT, PhotoLane
from sync.client.state import account as sync_account
from sync.client.state import panel as sync_panel
from tests.sync.test_photo_upload import SlowLink, _upload_idle


def _world(request: Any, tmp: Path, tools: Any) -> Any:
    return tools.World(request.getfixturevalue("sqlite_server"), request.getfixturevalue(
        "profile_template"), tmp, 11)  # fmt: skip


def _inspection_with_photo(device: Any, data: bytes | None) -> str:
    draft = model.new_draft(str(uuid.uuid4()), device.user, device.world.county)
    inspections.save_draft(device.conn, draft)
    if data is None:
        return ""
    sha = device.blobs.put(data).sha256
    photo = model.InspectionPhoto(id=str(uuid.uuid4()), inspection_id=draft.id, sha256=sha)
    inspections.add_photo(device.conn, photo)
    return sha


def test_the_server_sees_four_photos_uploading_at_once_and_never_more(
    request: Any, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    world = _world(request, schedule_tmp, sync_world_tools)
    link = SlowLink(("127.0.0.1", world.server.port), rate=512 * 1024)  # per connection
    try:
        device = world.device("insp", "inspector")
        shas = [_inspection_with_photo(device, bytes([i]) * MIB) for i in range(2 * IN_FLIGHT)]
        with device.conn:
            device.conn.execute("UPDATE sync_account SET server_url = ? WHERE id = 1", (link.url,))
        owner = device.db(sync_account.account).device_id
        partial = world.ctx.photo_store.part_path(shas[0], owner).parent
        engine = device.engine(chunk_bytes=8 * MIB, timeout=10.0)
        done: list[Any] = []
        worker = threading.Thread(target=lambda: done.append(engine.sync()))
        worker.start()
        most = 0
        while worker.is_alive():  # the uploads the server is receiving, from its folder
            uploading = len(list(partial.glob("*.part"))) if partial.exists() else 0
            most = max(most, uploading)
            time.sleep(0.01)
        worker.join()
        assert done[0].ok, (done[0].summary(), done[0].error)
        assert most == IN_FLIGHT
        assert done[0].photos == len(shas) and engine.bytes_sent == len(shas) * MIB
        assert all(world.ctx.photo_store.has(sha) for sha in shas)
    finally:
        link.close()
        world.close()


class RefusingOnePhoto(httpx.HTTPTransport):
    """The real transport, except that every request for one photo's upload fails on the way."""

    def __init__(self, sha: str) -> None:
        super().__init__(limits=httpx.Limits(max_keepalive_connections=0), verify=tls_context())
        self.sha = sha
        self.refused = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.sha in request.url.path:
            self.refused += 1
            raise httpx.ConnectError("the link drops whenever this photo goes", request=request)
        return super().handle_request(request)


def test_a_photo_that_keeps_failing_holds_no_record_back(
    request: Any, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    world = _world(request, schedule_tmp, sync_world_tools)
    try:
        device = world.device("insp", "inspector")
        failing = _inspection_with_photo(device, b"never arrives " * 20_000)
        others = [_inspection_with_photo(device, bytes([i]) * 50_000) for i in range(6)]
        for _ in range(40):  # batches of 15 changes: the failing photo's batch is the first
            _inspection_with_photo(device, None)
        transport = RefusingOnePhoto(failing)
        report = device.sync(transport=transport, chunk_bytes=MIB)
        assert report.error is not None and report.error.code == LocalCode.OFFLINE
        assert transport.refused >= 2  # retried, and failed every time
        # Every record reached the server, and every other photo: one photo is left to send.
        assert len(world.server_rows("inspections", device.user)) == 47
        assert all(world.ctx.photo_store.has(sha) for sha in others)
        assert not world.ctx.photo_store.has(failing)
        left = device.db(sync_panel.pending)
        assert (left.changes, left.photos, left.batches_waiting) == (15, 1, 1)
        # It keeps failing the next time, and nothing else is sent again.
        again = device.sync(transport=RefusingOnePhoto(failing), chunk_bytes=MIB)
        assert again.error is not None and again.sent == 0 and again.photos == 0
        # Once the link lets it through, it goes and the batch waiting for it is done.
        last = device.sync(chunk_bytes=MIB)
        assert last.ok and last.photos == 1, (last.summary(), last.error)
        assert world.ctx.photo_store.has(failing)
    finally:
        world.close()


def test_a_sync_killed_mid_upload_resends_no_byte_the_server_holds(
    request: Any, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    world = _world(request, schedule_tmp, sync_world_tools)
    link = SlowLink(("127.0.0.1", world.server.port), rate=MIB)  # per connection
    try:
        device = world.device("insp", "inspector")
        size = 2 * MIB
        shas = [_inspection_with_photo(device, bytes([i + 1]) * size) for i in range(6)]
        with device.conn:
            device.conn.execute("UPDATE sync_account SET server_url = ? WHERE id = 1", (link.url,))
        owner = device.db(sync_account.account).device_id
        store = world.ctx.photo_store
        parts = [store.part_path(sha, owner) for sha in shas]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        child = subprocess.Popen(
            [sys.executable, "-m", "fieldapp", "sync", "--db", str(device.path)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while sum(p.exists() and p.stat().st_size > 0 for p in parts) < 2:  # mid-upload
            assert child.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        link.close()  # what the link still held is gone with the process
        deadline = time.monotonic() + 20  # the server's requests for the killed chunks end
        while not all(_upload_idle(p) or not p.exists() for p in parts):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        held = {sha: store.offset(sha, owner) for sha in shas if not store.has(sha)}
        assert any(0 < offset < size for offset in held.values()), held
        with device.conn:
            device.conn.execute(
                "UPDATE sync_account SET server_url = ? WHERE id = 1", (world.server.url,)
            )
        engine = device.engine(chunk_bytes=8 * MIB, timeout=10.0)
        report = engine.sync()
        assert report.ok, (report.summary(), report.error)
        assert engine.bytes_sent == sum(size - offset for offset in held.values())
        assert all(store.has(sha) for sha in shas)
    finally:
        link.close()
        world.close()


def test_a_lane_closing_stops_its_workers_and_is_not_a_users_cancel(
    request: Any, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    world = _world(request, schedule_tmp, sync_world_tools)
    try:
        device = world.device("insp", "inspector")
        engine = device.engine()
        started = threading.Event()
        ended: list[str] = []

        def upload(sha: str, start: int, stop: threading.Event) -> None:
            started.set()
            try:  # a worker waiting to retry, as after a dropped link
                engine._pause(30.0, stop)
            except Cancelled:
                ended.append(sha)
                raise

        lane = PhotoLane(upload, workers=2)
        lane.submit("a" * 64)
        assert started.wait(5)
        asked = time.monotonic()
        lane.close()
        assert time.monotonic() - asked < 1.0 and ended == ["a" * 64] and lane.stopped
        # The user did not cancel: the engine goes on (and its next sync runs whole).
        assert not engine.cancel.cancelled
        engine._check_cancel()
        sha = _inspection_with_photo(device, b"after the lane closed " * 1000)
        report = engine.sync()
        assert report.ok and report.photos == 1, (report.summary(), report.error)
        assert world.ctx.photo_store.has(sha)
    finally:
        world.close()


def test_a_users_cancel_stops_every_upload_in_the_lane_within_a_second(
    request: Any, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    world = _world(request, schedule_tmp, sync_world_tools)
    link = SlowLink(("127.0.0.1", world.server.port), rate=512 * 1024)  # per connection
    try:
        device = world.device("insp", "inspector")
        for i in range(2 * IN_FLIGHT):
            _inspection_with_photo(device, bytes([i + 1]) * (4 * MIB))
        with device.conn:
            device.conn.execute("UPDATE sync_account SET server_url = ? WHERE id = 1", (link.url,))
        engine = device.engine(chunk_bytes=8 * MIB, timeout=10.0)
        done: list[Any] = []
        worker = threading.Thread(target=lambda: done.append(engine.sync()))
        worker.start()
        deadline = time.monotonic() + 20
        while engine.bytes_sent < IN_FLIGHT * 256 * 1024:  # every worker has pieces on the wire
            assert time.monotonic() < deadline and worker.is_alive(), done
            time.sleep(0.01)
        asked = time.monotonic()
        engine.cancel.cancel()
        worker.join(10)
        assert not worker.is_alive() and time.monotonic() - asked < 1.0
        assert isinstance(done[0].error, Cancelled)
        assert engine.bytes_sent < 2 * IN_FLIGHT * 4 * MIB
    finally:
        link.close()
        world.close()
