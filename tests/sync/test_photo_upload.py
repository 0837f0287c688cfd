"""Photo uploads from the device: an upload an earlier sync left unfinished resumes where the
server stands without asking it again, a whole photo goes in one request, and cancelling stops a
photo in the middle of its chunk (over a slow link) with what arrived kept for the next sync."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import socket
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

from fieldapp.domain import inspection as model
from fieldapp.store import inspections
from sync.client.engine import MIB, tls_context
from sync.client.errors import Cancelled
from sync.client.state import account as sync_account
from sync.client.state import issues as sync_issues


class RecordingTransport(httpx.HTTPTransport):
    """The real transport, noting each request's method and path."""

    def __init__(self) -> None:
        super().__init__(limits=httpx.Limits(max_keepalive_connections=0), verify=tls_context())
        self.seen: list[tuple[str, str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append((request.method, request.url.path, request.url.query.decode()))
        return super().handle_request(request)


class SlowLink:
    """A TCP forwarder to the server that takes the device's bytes at about ``rate`` bytes/s:
    the mobile link of a riverbank, at the edge of the machine."""

    def __init__(self, upstream: tuple[str, int], rate: int) -> None:
        self.upstream = upstream
        self.rate = rate
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.closed = threading.Event()
        self.open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            pair = [client, server]
            self.open.extend(pair)
            ends = threading.Semaphore(0)
            for src, dst, slow in ((client, server, True), (server, client, False)):
                threading.Thread(
                    target=self._pipe, args=(src, dst, slow, ends, pair), daemon=True
                ).start()

    def _pipe(
        self,
        src: socket.socket,
        dst: socket.socket,
        slow: bool,
        ends: threading.Semaphore,
        pair: list[socket.socket],
    ) -> None:
        with contextlib.suppress(OSError):
            while data := src.recv(16 * 1024):
                dst.sendall(data)
                if slow:
                    time.sleep(len(data) / self.rate)
        with contextlib.suppress(OSError):
            dst.shutdown(socket.SHUT_WR)
        if ends.acquire(blocking=False):  # the other direction ended first: close both
            for sock in pair:
                sock.close()
        else:
            ends.release()

    def close(self) -> None:
        self.closed.set()
        self.listener.close()
        for sock in self.open:
            # shutdown first: a thread blocked in recv on it wakes (close alone leaves the
            # connection open until that recv returns, and the server never sees the end)
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


def _upload_idle(part: Path) -> bool:
    """Whether no request is writing this partial upload now (the server's lock is free)."""
    try:
        fd = os.open(part, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def _draft_with_photo(device: Any, data: bytes) -> str:
    draft = model.new_draft(str(uuid.uuid4()), device.user, device.world.county)
    inspections.save_draft(device.conn, draft)
    sha = device.blobs.put(data).sha256
    photo = model.InspectionPhoto(id=str(uuid.uuid4()), inspection_id=draft.id, sha256=sha)
    inspections.add_photo(device.conn, photo)
    return sha


def _world(request: Any, tmp: Path, tools: Any) -> Any:
    return tools.World(request.getfixturevalue("sqlite_server"), request.getfixturevalue(
        "profile_template"), tmp, 7)  # fmt: skip


def test_an_unfinished_upload_resumes_where_the_server_stands_without_asking(
    request: Any, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    world = _world(request, schedule_tmp, sync_world_tools)
    try:
        device = world.device("insp", "inspector")
        photo = (b"river bank " * 300_000)[: 3 * MIB + 12_345]
        sha = _draft_with_photo(device, photo)
        held = MIB + 7  # an earlier sync got this far before the link dropped
        owner = device.db(sync_account.account).device_id  # partial uploads are per device
        world.ctx.photo_store.write_chunk(sha, 0, len(photo), photo[:held], owner)
        transport = RecordingTransport()
        engine = device.engine(transport=transport, chunk_bytes=8 * MIB)
        report = engine.sync()
        assert report.ok, (report.summary(), report.error)
        stored = world.ctx.photo_store.final_path(sha).read_bytes()
        assert hashlib.sha256(stored).hexdigest() == sha
        uploads = [(m, q) for m, p, q in transport.seen if p == f"/v1/photos/{sha}/upload"]
        assert uploads == [("PUT", f"offset={held}&total={len(photo)}")]  # no GET, one PUT
        assert engine.bytes_sent == len(photo) - held
    finally:
        world.close()


def test_cancel_stops_a_photo_mid_chunk_and_the_next_sync_resumes(
    request: Any, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    world = _world(request, schedule_tmp, sync_world_tools)
    link = SlowLink(("127.0.0.1", world.server.port), rate=2 * MIB)
    try:
        device = world.device("insp", "inspector")
        photo = bytes(range(256)) * (12 * MIB // 256)
        sha = _draft_with_photo(device, photo)
        with device.conn:
            device.conn.execute("UPDATE sync_account SET server_url = ? WHERE id = 1", (link.url,))
        engine = device.engine(chunk_bytes=8 * MIB, timeout=10.0)
        owner = device.db(sync_account.account).device_id  # partial uploads are per device
        done: list[Any] = []
        worker = threading.Thread(target=lambda: done.append(engine.sync()))
        worker.start()
        deadline = time.monotonic() + 20
        # Cancel once the server has part of the first 8 MiB chunk on its disk. Not sooner: bytes
        # still in the link's buffers when the device hangs up are dropped with the connection
        # (uvicorn drops a body it has not handed over), and a loaded machine hands over late.
        while world.ctx.photo_store.offset(sha, owner) == 0:
            assert time.monotonic() < deadline and worker.is_alive(), done
            time.sleep(0.01)
        held = world.ctx.photo_store.offset(sha, owner)
        asked = time.monotonic()
        engine.cancel.cancel()
        worker.join(10)
        stopped = time.monotonic() - asked
        assert not worker.is_alive() and isinstance(done[0].error, Cancelled)
        assert stopped < 1.0  # not after the rest of the chunk (seconds more at this rate)
        assert engine.bytes_sent < 8 * MIB
        # The server keeps what reached it, once the link has delivered what it had buffered
        # and the server's request for the cancelled chunk has ended (it holds the upload's lock).
        deadline = time.monotonic() + 20
        while not _upload_idle(world.ctx.photo_store.part_path(sha, owner)):
            assert time.monotonic() < deadline
            time.sleep(0.1)
        kept = world.ctx.photo_store.offset(sha, owner)
        assert 0 < held <= kept < len(photo)  # what was on its disk stays there

        transport = RecordingTransport()
        again = device.engine(chunk_bytes=8 * MIB, timeout=10.0, transport=transport)
        report = again.sync()
        assert report.ok, (report.summary(), report.error)
        assert again.bytes_sent == len(photo) - kept, transport.seen
        stored = world.ctx.photo_store.final_path(sha).read_bytes()
        assert hashlib.sha256(stored).hexdigest() == sha
    finally:
        link.close()
        world.close()


def test_a_photo_gone_from_the_laptop_does_not_hold_up_the_rest(
    request: Any, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    from sqlalchemy import select

    from sync.server.schema import batches

    world = _world(request, schedule_tmp, sync_world_tools)
    try:
        device = world.device("insp", "inspector")
        kept = _draft_with_photo(device, b"kept photo " * 5000)
        gone = _draft_with_photo(device, b"lost photo " * 5000)
        device.blobs.path_for(gone).unlink()  # a disk fault, a cleaning tool...
        report = device.sync()
        assert report.ok and report.photos == 1 and report.photos_lost == 1, report.summary()
        assert "1 photos not found on this device" in report.summary()
        assert world.ctx.photo_store.has(kept) and not world.ctx.photo_store.has(gone)
        issues = sync_issues.issues(device.conn)
        assert [(i.kind, i.row_id, i.reason, i.resolution) for i in issues] == [
            ("rejected", gone, "photo_missing_locally", "not_uploaded")
        ]
        with world.ctx.engine.connect() as conn:  # reviewers see the batch waiting for it
            mine = select(batches.c.complete).where(batches.c.username == device.user)
            assert conn.execute(mine).scalars().all() == [False]
        # Later work still reaches the server, and the lost photo is listed once.
        device.new_inspection()
        again = device.sync()
        assert again.ok and again.sent >= 1 and again.photos_lost == 0, again.summary()
        assert len(sync_issues.issues(device.conn)) == 1
    finally:
        world.close()
