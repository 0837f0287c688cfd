"""Two supervisors deciding the same proposal at the same moment, against the real server on
loopback (uvicorn, SQLite and PostgreSQL): exactly one decision is applied and published; the
other is refused ``proposal_decided`` naming the one who decided and when (whichever wins)."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from sync.server.schema import feed
from sync.server.services import admin

PASSWORD = "sync proof password"


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: Any) -> Any:
    return request.getfixturevalue("sqlite_server" if request.param == "sqlite" else "pg_server")


def client(server: Any, name: str, role: str, county: str) -> httpx.Client:
    admin.add_user(server.ctx, name, PASSWORD, role, [county])
    c = httpx.Client(base_url=server.url, timeout=20)
    install = str(uuid.uuid4())
    answer = c.post("/v1/login", json={"username": name, "password": PASSWORD,
                                       "install_id": install, "device_name": name})  # fmt: skip
    assert answer.status_code == 200, answer.text
    c.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    c.headers["X-Hekou-Install"] = install
    return c


def change(data: dict[str, Any]) -> dict[str, Any]:
    return {"change_id": str(uuid.uuid4()), "entity": "outfalls", "row_id": data["id"],
            "op": "upsert", "data": data, "at": datetime.now(UTC).isoformat(),
            "hlc": f"{int(datetime.now(UTC).timestamp() * 1000):013d}:00000:t"}  # fmt: skip


def push(c: httpx.Client, *changes: dict[str, Any]) -> dict[str, Any]:
    answer = c.post("/v1/push", json={"batch_id": str(uuid.uuid4()), "changes": list(changes)})
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


@pytest.mark.parametrize("rounds", [6])
def test_only_one_of_two_simultaneous_decisions_wins(
    server: Any, tmp_path: Path, rounds: int
) -> None:
    tag = uuid.uuid4().hex[:6]
    county = f"8{int(tag, 16) % 10**5:05d}"
    a = client(server, f"a-{tag}", "supervisor", county)
    b = client(server, f"b-{tag}", "supervisor", county)
    insp = client(server, f"i-{tag}", "inspector", county)
    for n in range(rounds):
        row = {"id": str(uuid.uuid4()), "name": f"排口{n}", "county_code": county,
               "national_code": f"{county}R{tag.upper()}{n}", "lifecycle_state": "survey"}  # fmt: skip
        push(a, change(row))
        proposed = push(insp, change(dict(row, note=f"建议{n}")))
        pid = proposed["results"][0]["proposal_id"]
        answers: dict[str, httpx.Response] = {}
        go = threading.Barrier(2)

        def decide(
            name: str,
            c: httpx.Client,
            body: dict[str, Any],
            pid: str = pid,
            go: threading.Barrier = go,
            answers: dict[str, httpx.Response] = answers,
        ) -> None:
            go.wait()
            answers[name] = c.post(f"/v1/desk/proposals/{pid}/decision", json=body)

        threads = [
            threading.Thread(target=decide, args=("a", a, {"decision": "accept"})),
            threading.Thread(target=decide, args=("b", b, {"decision": "reject", "reason": "否"})),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        codes = sorted(r.status_code for r in answers.values())
        assert codes == [200, 409], {k: v.text for k, v in answers.items()}
        winner = next(k for k, r in answers.items() if r.status_code == 200)
        loser = answers["b" if winner == "a" else "a"]
        error = loser.json()["error"]
        won = answers[winner].json()["proposal"]
        assert error["code"] == "proposal_decided"
        assert error["detail"]["decided_by"] == won["decided_by"] == f"{winner}-{tag}"
        assert error["detail"]["state"] == won["state"]
        # one decision published, never two
        with server.ctx.engine.connect() as conn:
            rows = conn.execute(select(feed.c.data).where(feed.c.entity == "reviews",
                                                          feed.c.county_code == county)).all()  # fmt: skip
        assert sum(pid in str(r.data) for r in rows) == 1
    for c in (a, b, insp):
        c.close()
