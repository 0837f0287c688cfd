"""Over a real socket against a real uvicorn process: kill -9 mid-batch, concurrent pushes."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text

from sync.server.audit import verify
from sync.server.queries import audit
from sync.server.schema import (
    applied_changes,
    audit_log,
    batch_items,
    batches,
    feed,
    photos,
    records,
)
from sync.server.services import admin
from sync.testing.live import LiveServer

pytestmark = pytest.mark.slow


@pytest.fixture
def live(ctx: Any, database_url: str, tmp_path: Path) -> Iterator[LiveServer]:
    server = LiveServer(database_url, tmp_path / "photos")
    server.start()
    yield server
    server.stop()


def log_in(
    live: LiveServer, ctx: Any, h: Any, name: str, counties: tuple[str, ...]
) -> dict[str, str]:
    admin.add_user(ctx, name, h.PASSWORD, "inspector", list(counties))
    install_id = str(uuid.uuid4())
    answer = httpx.post(
        live.url + "/v1/login",
        json={"username": name, "password": h.PASSWORD, "install_id": install_id},
    ).json()
    return {"Authorization": f"Bearer {answer['token']}", "X-Hekou-Install": install_id}


def counts(engine: Any) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in (records, feed, batches, batch_items, applied_changes, audit_log)
        }


def writer_busy(engine: Any) -> bool:
    """Whether the server holds the write lock right now (is inside a batch's transaction)."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            held = conn.execute(
                text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
            ).scalar_one()
            return bool(held)
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA busy_timeout = 0")
        try:
            raw.execute("BEGIN IMMEDIATE")
        except Exception:
            return True
        raw.execute("ROLLBACK")
        return False


def test_kill_9_mid_batch_leaves_nothing_half_applied(live, ctx, engine, h):
    headers = log_in(live, ctx, h, "alice", (h.TOSHI,))
    padding = "河" * 400
    changes = [
        h.change("inspections", h.inspection("alice", notes=padding)) for _ in range(5000)
    ] + [h.change("outfalls", h.outfall()) for _ in range(50)]
    changes = changes[:5000]
    body = {"batch_id": str(uuid.uuid4()), "changes": changes}
    before = counts(engine)
    outcome: dict[str, Any] = {}

    def send() -> None:
        try:
            outcome["response"] = httpx.post(
                live.url + "/v1/push", json=body, headers=headers, timeout=60
            )
        except httpx.TransportError as exc:
            outcome["error"] = exc

    sender = threading.Thread(target=send)
    sender.start()
    deadline = time.monotonic() + 30
    while not writer_busy(engine):
        assert time.monotonic() < deadline and "response" not in outcome, "never caught it writing"
        time.sleep(0.002)
    live.kill()
    sender.join(timeout=30)
    assert "error" in outcome, "the server answered before it was killed"
    assert counts(engine) == before  # nothing of the batch is there

    live.start()
    answer = httpx.post(live.url + "/v1/push", json=body, headers=headers, timeout=120)
    assert answer.status_code == 200
    assert {r["result"] for r in answer.json()["results"]} == {"applied"}
    after = counts(engine)
    assert after["records"] == 5000 and after["batches"] == 1
    replay = httpx.post(live.url + "/v1/push", json=body, headers=headers, timeout=120)
    assert replay.json() == answer.json()
    assert counts(engine) == after


def test_pull_cursor_never_skips_under_concurrent_pushes(live, ctx, h):
    writers = {f"inspector{i}": log_in(live, ctx, h, f"inspector{i}", (h.TOSHI,)) for i in range(4)}
    reader = log_in(live, ctx, h, "reader", (h.TOSHI,))
    pushed: set[str] = set()
    lock = threading.Lock()
    failures: list[str] = []

    def push(name: str, headers: dict[str, str]) -> None:
        with httpx.Client(base_url=live.url, headers=headers, timeout=60) as client:
            for _ in range(8):
                rows = [h.outfall() for _ in range(5)]
                # Inspections after the ledger rows keep each transaction open a while after its
                # feed rows took their sequence numbers: the window a cursor could skip through.
                filler = [h.change("inspections", h.inspection(name)) for _ in range(300)]
                response = client.post(
                    "/v1/push",
                    json={
                        "batch_id": str(uuid.uuid4()),
                        "changes": [h.change("outfalls", r) for r in rows] + filler,
                    },
                )
                if response.status_code != 200:
                    failures.append(response.text)
                with lock:
                    pushed.update(r["id"] for r in rows)

    seen: list[int] = []
    seen_rows: set[str] = set()

    def pull(client: httpx.Client, cursor: int) -> int:
        while True:
            page = client.get("/v1/pull", params={"cursor": cursor, "limit": 7}).json()
            seen.extend(i["seq"] for i in page["items"])
            seen_rows.update(i["row_id"] for i in page["items"])
            cursor = page["cursor"]
            if not page["more"]:
                return cursor

    threads = [threading.Thread(target=push, args=item) for item in writers.items()]
    for t in threads:
        t.start()
    with httpx.Client(base_url=live.url, headers=reader, timeout=60) as client:
        cursor = 0
        while any(t.is_alive() for t in threads):
            cursor = pull(client, cursor)
        for t in threads:
            t.join()
        pull(client, cursor)
    assert failures == []
    assert seen == sorted(seen) and len(seen) == len(set(seen))
    assert seen_rows == pushed  # the cursor skipped nothing


def test_a_dropped_upload_resumes_from_where_it_stopped_after_restarts(live, ctx, h):
    headers = log_in(live, ctx, h, "alice", (h.TOSHI,))
    photo = os.urandom(3 * 1024 * 1024)
    digest = hashlib.sha256(photo).hexdigest()
    sent = len(photo) * 9 // 10
    with socket.create_connection(("127.0.0.1", live.port)) as raw:
        raw.sendall(
            (
                f"PUT /v1/photos/{digest}/upload?offset=0&total={len(photo)} HTTP/1.1\r\n"
                f"Host: 127.0.0.1\r\nAuthorization: {headers['Authorization']}\r\n"
                f"X-Hekou-Install: {headers['X-Hekou-Install']}\r\n"
                f"Content-Type: application/octet-stream\r\nContent-Length: {len(photo)}\r\n\r\n"
            ).encode()
            + photo[:sent]
        )
        time.sleep(0.5)  # the bytes reach the server, which holds up to a megabyte unwritten
    # The link is gone at 90%. The server keeps what arrived, even across kill -9 and restart.
    url = f"{live.url}/v1/photos/{digest}/upload"
    deadline = time.monotonic() + 10
    while httpx.get(url, headers=headers).json()["offset"] < sent:
        assert time.monotonic() < deadline, "the server did not keep what arrived"
        time.sleep(0.05)
    time.sleep(0.3)  # let the server fsync what it kept
    live.kill()
    live.start()
    url = f"{live.url}/v1/photos/{digest}/upload"  # the restarted server has a new port
    state = httpx.get(url, headers=headers).json()
    assert state == {"sha256": digest, "offset": sent, "complete": False}
    done = httpx.put(
        url,
        params={"offset": sent, "total": len(photo)},
        content=photo[sent:],
        headers=headers,
    ).json()
    assert done["complete"] is True
    stored = ctx.photo_store.final_path(digest).read_bytes()
    assert stored == photo


def test_serves_over_tls(ctx, database_url, tmp_path):
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    server = LiveServer(
        database_url, tmp_path / "photos", "--certfile", str(cert), "--keyfile", str(key)
    )
    server.start()
    try:
        assert server.url.startswith("https://")
        answer = httpx.get(server.url + "/health", verify=False)
        assert answer.json()["status"] == "ok"
        with pytest.raises(httpx.TransportError):
            httpx.get(server.url.replace("https", "http") + "/health")
    finally:
        server.stop()


def test_concurrent_retries_of_one_batch_apply_it_once(live, ctx, engine, h):
    headers = log_in(live, ctx, h, "alice", (h.TOSHI,))
    body = {
        "batch_id": str(uuid.uuid4()),
        "changes": [h.change("inspections", h.inspection("alice")) for _ in range(300)],
    }
    answers: list[Any] = []

    def send() -> None:
        answers.append(httpx.post(live.url + "/v1/push", json=body, headers=headers, timeout=60))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [a.status_code for a in answers] == [200] * 4
    assert all(a.json() == answers[0].json() for a in answers)
    after = counts(engine)
    assert after["records"] == 300 and after["batches"] == 1 and after["applied_changes"] == 300


def test_a_streamed_body_over_the_limit_is_cut_off(live, ctx, engine, h):
    headers = log_in(live, ctx, h, "alice", (h.TOSHI,))
    before = counts(engine)

    def endless() -> Iterator[bytes]:
        yield b'{"batch_id": "' + str(uuid.uuid4()).encode() + b'", "changes": ['
        for _ in range(40):  # 40 MiB, more than the 32 MiB limit, without a Content-Length
            yield b" " * (1024 * 1024)

    response = httpx.post(
        live.url + "/v1/push",
        content=endless(),
        headers={**headers, "Content-Type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"
    assert counts(engine) == before


def test_photos_finishing_together_are_all_registered_once_and_audited(live, ctx, engine, h):
    headers = log_in(live, ctx, h, "alice", (h.TOSHI,))
    shots = [os.urandom(300_000 + n) for n in range(24)]
    digests = [hashlib.sha256(p).hexdigest() for p in shots]
    row = h.inspection("alice", photos=digests)
    body = {"batch_id": str(uuid.uuid4()), "changes": [h.change("inspections", row)]}
    pushed = httpx.post(live.url + "/v1/push", json=body, headers=headers).json()
    assert pushed["complete"] is False

    def upload(pair: tuple[str, bytes]) -> Any:
        digest, photo = pair
        return httpx.put(
            f"{live.url}/v1/photos/{digest}/upload",
            params={"offset": 0, "total": len(photo)},
            content=photo,
            headers=headers,
            timeout=60,
        ).json()

    with ThreadPoolExecutor(8) as pool:  # several finish at once: their registrations group
        answers = list(pool.map(upload, zip(digests, shots, strict=True)))
    assert all(a["complete"] for a in answers)
    with engine.connect() as conn:
        assert sorted(conn.execute(select(photos.c.sha256)).scalars()) == sorted(digests)
        arrived = conn.execute(
            select(audit_log.c.row_id).where(audit_log.c.action == "photo.arrive")
        ).scalars()
        assert sorted(arrived) == sorted(digests)
        assert conn.execute(select(batches.c.complete)).scalar_one() is True
        assert verify(audit.iter_chain(conn)).broken is None
    for digest, photo in zip(digests, shots, strict=True):
        assert ctx.photo_store.final_path(digest).read_bytes() == photo


def test_a_server_anchors_the_audit_chain_where_it_stops(ctx, database_url, h):
    from sync.server import anchors

    # An hour between anchors: only the anchor made at shutdown can appear in this test.
    server = LiveServer(database_url, ctx.settings.photo_dir, "--anchor-every", "3600")
    server.start()
    try:
        headers = log_in(server, ctx, h, "alice", (h.TOSHI,))
        change = h.change("inspections", h.inspection("alice"))
        body = {"batch_id": str(uuid.uuid4()), "changes": [change]}
        assert httpx.post(server.url + "/v1/push", json=body, headers=headers).status_code == 200
        assert anchors.read(ctx.settings.anchor_file) == []
    finally:
        server.stop()  # SIGTERM: the app's lifespan ends before uvicorn re-raises the signal
    with ctx.engine.connect() as conn:
        last = conn.execute(select(audit_log).order_by(audit_log.c.seq.desc()).limit(1)).one()
    assert last.action == "audit.anchor"
    assert [(a.seq, a.hash) for a in anchors.read(ctx.settings.anchor_file)] == [
        (last.seq, last.hash)
    ]
