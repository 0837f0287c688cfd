"""Operators' view of the server: /ready, request ids in headers, errors and the log, /metrics."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest
from anyio.from_thread import start_blocking_portal
from prometheus_client.parser import text_string_to_metric_families

from sync.server.app import build_context, create_app
from sync.server.observe import JsonLines, configure_logging
from sync.server.services import admin


class Web:
    """The real app in process, seen from a chosen client address (no traffic leaves)."""

    def __init__(self, app: Any, portal: Any, host: str, raise_bugs: bool = True) -> None:
        self._portal = portal
        self._client = httpx.AsyncClient(
            transport=httpx.ASGITransport(
                app=app, client=(host, 50000), raise_app_exceptions=raise_bugs
            ),
            base_url="http://hekou.test",
        )

    def request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        async def call() -> httpx.Response:
            return await self._client.request(method, url, **kw)

        answer: httpx.Response = self._portal.call(call)
        return answer


@pytest.fixture
def web(ctx: Any) -> Iterator[Any]:
    made: list[Any] = []
    with start_blocking_portal() as portal:

        def make(host: str = "127.0.0.1", *, app: Any = None, raise_bugs: bool = True) -> Web:
            client = Web(app or create_app(ctx), portal, host, raise_bugs)
            made.append(client)
            return client

        yield make
        for client in made:
            portal.call(client._client.aclose)


def scrape(client: Web, **headers: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    answer = client.request("GET", "/metrics", headers=headers)
    assert answer.status_code == 200, answer.text
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(answer.text)
        for s in family.samples
    }


def test_ready_says_which_part_is_not_usable(ctx, web):
    client = web()
    answer = client.request("GET", "/ready")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "checks": {"database": "ok", "photo_store": "ok"}}
    shutil.rmtree(ctx.photo_store.partial_root)
    answer = client.request("GET", "/ready")
    assert answer.status_code == 503
    assert answer.json()["checks"] == {"database": "ok", "photo_store": "missing or not writable"}


def test_every_answer_carries_a_request_id_that_errors_quote(web):
    client = web()
    ok = client.request("GET", "/health")
    assert len(ok.headers["x-request-id"]) == 32
    refused = client.request("GET", "/v1/pull")
    assert refused.status_code == 401
    assert refused.json()["error"]["request_id"] == refused.headers["x-request-id"]
    mine = "device-7f3a-0001"
    echoed = client.request("GET", "/v1/pull", headers={"X-Request-ID": mine})
    assert echoed.headers["x-request-id"] == mine == echoed.json()["error"]["request_id"]
    forged = client.request("GET", "/health", headers={"X-Request-ID": "a\nb" * 3})
    assert forged.headers["x-request-id"] != "a\nb" * 3


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """The server's JSON log lines, as `configure_logging` formats them, for this test only."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonLines())
    server_log = logging.getLogger("hekou.server")
    server_log.addHandler(handler)
    level = server_log.level
    server_log.setLevel(logging.INFO)
    yield out
    server_log.removeHandler(handler)
    server_log.setLevel(level)


def test_configure_logging_writes_json_lines_to_stderr(capsys):
    configure_logging()
    try:
        logging.getLogger("hekou.server").info(json.dumps({"event": "request", "status": 200}))
        line = json.loads(capsys.readouterr().err)
        assert line["event"] == "request" and line["level"] == "info" and "ts" in line
    finally:
        logging.getLogger("hekou.server").handlers.clear()


def test_a_bug_answers_500_with_the_id_the_log_holds(ctx, web, json_log):
    app = create_app(ctx)

    def broken() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/broken", broken)
    answer = web(app=app, raise_bugs=False).request("GET", "/broken")
    assert answer.status_code == 500
    request_id = answer.json()["error"]["request_id"]
    assert answer.headers["x-request-id"] == request_id
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    bug = next(line for line in lines if line["event"] == "unhandled")
    assert bug["request_id"] == request_id and "RuntimeError: a bug" in bug["exception"]
    logged = next(line for line in lines if line["event"] == "request")
    assert logged == {
        **logged,
        "request_id": request_id,
        "route": "/broken",
        "status": 500,
        "method": "GET",
    }


def test_metrics_count_requests_pushes_uploads_logins_and_the_review_queue(ctx, web, h):
    client = web()
    admin.add_user(ctx, "alice", h.PASSWORD, "inspector", [h.TOSHI])
    wrong = {"username": "alice", "password": "wrong password!", "install_id": str(uuid.uuid4())}
    assert client.request("POST", "/v1/login", json=wrong).status_code == 401
    right = {**wrong, "password": h.PASSWORD}
    token = client.request("POST", "/v1/login", json=right).json()["token"]
    auth = {"Authorization": f"Bearer {token}", "X-Hekou-Install": right["install_id"]}
    shot = os.urandom(70_000)
    digest = hashlib.sha256(shot).hexdigest()
    rows = [h.inspection("alice", status="complete", photos=[digest])] + [
        h.inspection("alice") for _ in range(2)
    ]
    body = {"batch_id": str(uuid.uuid4()), "changes": [h.change("inspections", r) for r in rows]}
    assert client.request("POST", "/v1/push", json=body, headers=auth).status_code == 200
    upload = client.request(
        "PUT",
        f"/v1/photos/{digest}/upload",
        params={"offset": 0, "total": len(shot)},
        content=shot,
        headers=auth,
    )
    assert upload.json()["complete"] is True
    got = scrape(client)
    assert got[("hekou_failed_logins_total", ())] == 1
    assert got[("hekou_push_changes_total", (("result", "applied"),))] == 3
    assert got[("hekou_photo_upload_bytes_total", ())] == len(shot)
    assert got[("hekou_photos_completed_total", ())] == 1
    assert got[("hekou_inspections_awaiting_review", ())] == 1
    push_key = (
        "hekou_http_requests_total",
        (("method", "POST"), ("route", "/v1/push"), ("status", "200")),
    )
    assert got[push_key] == 1
    upload_route = "/v1/photos/{sha256}/upload"  # the template, never the raw path
    assert any(dict(labels).get("route") == upload_route for _, labels in got)


def test_metrics_need_the_token_or_the_servers_own_machine(ctx, web):
    assert web("10.20.30.40").request("GET", "/metrics").status_code == 403
    with_token = replace(ctx.settings, metrics_token="s3cret-scrape-token")
    app = create_app(build_context(with_token, engine=ctx.engine))
    remote = web("10.20.30.40", app=app)
    assert remote.request("GET", "/metrics").status_code == 401
    assert (
        remote.request("GET", "/metrics", headers={"Authorization": "Bearer nope"}).status_code
        == 401
    )
    assert scrape(remote, Authorization="Bearer s3cret-scrape-token")
