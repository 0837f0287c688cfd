"""The findings of issue 13 (server side), each as a test: areas hold through references, photos
are read only through rows the reader sees and only once their author uploaded them, partial
uploads belong to their device, unstorable JSON is refused, tokens are bound, expire and are
dropped, passwords and user names are checked, and ``audit verify`` holds the database to the
chain."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from anyio.from_thread import start_blocking_portal
from sqlalchemy import delete, select, update

from sync.server.app import build_context, create_app
from sync.server.cli import main
from sync.server.queries import records as record_queries
from sync.server.schema import audit_log, devices, login_failures, records, users
from sync.server.services import admin, anchoring, audit_check


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def upload(who: Any, data: bytes, offset: int, chunk: bytes, total: int | None = None) -> Any:
    return who.put(
        f"/v1/photos/{sha(data)}/upload",
        params={"offset": offset, "total": total or len(data)},
        content=chunk,
        headers={"Content-Type": "application/octet-stream"},
    )


def stored(engine: Any, entity: str, row_id: str) -> Any:
    with engine.connect() as conn:
        return record_queries.get(conn, entity, row_id)


def _same(answer: Any) -> dict[str, Any]:
    """An error body but for the request id every answer has its own of."""
    error: dict[str, Any] = dict(answer.json()["error"])
    error.pop("request_id", None)
    return error


# -- 1. references -----------------------------------------------------------------------------


def test_an_inspection_naming_another_countys_outfall_is_refused(person, h, engine):
    haimen_sup = person("hm_sup", role="supervisor", counties=(h.HAIMEN,))
    theirs = h.outfall(county=h.HAIMEN, provisional=False)
    haimen_sup.push_ok([h.change("outfalls", theirs)])
    alice = person("alice", counties=(h.TOSHI,))
    mine = h.outfall(county=h.TOSHI)  # a newly found outfall of her own county
    row = h.inspection("alice", outfall_id=theirs["id"], status="complete")
    ok = h.inspection("alice", outfall_id=mine["id"])
    results = alice.push_ok(
        [h.change("outfalls", mine), h.change("inspections", row), h.change("inspections", ok)]
    )["results"]
    assert [(r["result"], r["reason"]) for r in results] == [
        ("applied", None),
        ("rejected", "area_forbidden"),
        ("applied", None),
    ]
    assert stored(engine, "inspections", row["id"]) is None
    # an outfall the server does not have (yet) is no one's: the inspection goes through
    unknown = h.inspection("alice")
    assert alice.push_ok([h.change("inspections", unknown)])["results"][0]["result"] == "applied"


def test_a_reference_into_another_county_stored_earlier_shows_and_changes_nothing(
    person, h, engine
):
    """Rows stored before the push checked references: the reads check again."""
    haimen_sup = person("hm_sup", role="supervisor", counties=(h.HAIMEN,))
    theirs = h.outfall(
        county=h.HAIMEN, provisional=False, sign_status="ok", lifecycle_state="surveyed"
    )
    haimen_sup.push_ok([h.change("outfalls", theirs)])
    event = {
        "id": str(uuid.uuid4()),
        "outfall_id": theirs["id"],
        "action": "monitor",
        "from_state": "surveyed",
        "to_state": "monitored",
        "at": "2026-11-28T02:00:00Z",
        "actor": "hm_sup",
        "note": "photo " + "e" * 64,
    }
    moved = dict(theirs, lifecycle_state="monitored")
    haimen_sup.push_ok([h.change("outfalls", moved), h.change("outfall_events", event)])
    alice = person("alice", counties=(h.TOSHI,))
    boss = person("boss", role="supervisor", counties=(h.TOSHI,))
    row = h.inspection("alice", status="complete")
    pushed = alice.push_ok([h.change("inspections", row)])
    with engine.begin() as conn:  # as an older server stored it
        data = dict(row, outfall_id=theirs["id"])
        conn.execute(
            update(records)
            .where(records.c.id == row["id"])
            .values(data=json.dumps(data), subject_id=theirs["id"])
        )
    detail = boss.get(f"/v1/desk/records/inspections/{row['id']}").json()
    assert detail["record"]["outfall"] is None
    assert detail["history"] == []  # the other county's events (and photo hashes) stay there
    batch = boss.get(f"/v1/desk/batches/{pushed['batch_id']}/records").json()["records"]
    assert [r["outfall"] for r in batch] == [None]
    before = stored(engine, "outfalls", theirs["id"])
    approved = boss.post(f"/v1/records/inspections/{row['id']}/review", json={"state": "approved"})
    assert approved.status_code == 200, approved.text
    after = stored(engine, "outfalls", theirs["id"])
    assert after.version == before.version and after.data == before.data
    with engine.connect() as conn:
        events = record_queries.children(conn, "outfall_events", [theirs["id"]])
    assert [e.id for e in events] == [event["id"]]  # no new lifecycle event in Haimen's ledger


def test_a_photo_row_naming_another_countys_photo_gives_nothing(person, h, engine):
    carol = person("carol", counties=(h.HAIMEN,))
    photo = os.urandom(5000)
    theirs = h.inspection("carol", county=h.HAIMEN)
    carol.push_ok(
        [
            h.change("inspections", theirs),
            h.change(
                "inspection_photos",
                {"id": str(uuid.uuid4()), "inspection_id": theirs["id"], "sha256": sha(photo)},
            ),
        ]
    )
    assert upload(carol, photo, 0, photo).json()["complete"] is True
    haimen_boss = person("hm_boss", role="supervisor", counties=(h.HAIMEN,))
    assert haimen_boss.get(f"/v1/photos/{sha(photo)}").content == photo

    alice = person("alice", counties=(h.TOSHI,))
    boss = person("boss", role="supervisor", counties=(h.TOSHI,))
    assert boss.get(f"/v1/photos/{sha(photo)}").status_code == 404
    row = h.inspection("alice", status="complete")
    claim = {"id": str(uuid.uuid4()), "inspection_id": row["id"], "sha256": sha(photo)}
    pushed = alice.push_ok([h.change("inspections", row), h.change("inspection_photos", claim)])
    assert pushed["missing_photos"] == [sha(photo)] and pushed["complete"] is False
    assert alice.post("/v1/photos/missing", json={"sha256s": [sha(photo)]}).json() == {
        "missing": [sha(photo)],
        "partial": {},
    }
    assert boss.get(f"/v1/photos/{sha(photo)}").status_code == 404  # still nothing
    desk = boss.get(f"/v1/desk/records/inspections/{row['id']}").json()["record"]
    assert [p["arrived"] for p in desk["photos"]] == [False]
    # bytes that are not the photo do not prove anything
    wrong = upload(alice, photo, 0, os.urandom(5000))
    assert wrong.status_code == 422
    assert boss.get(f"/v1/photos/{sha(photo)}").status_code == 404


def test_photo_answers_do_not_tell_whether_a_hash_exists(person, h):
    carol = person("carol", counties=(h.HAIMEN,))
    photo = os.urandom(3000)
    assert upload(carol, photo, 0, photo).json()["complete"] is True
    stranger = os.urandom(3000)
    alice = person("alice", counties=(h.TOSHI,))
    boss = person("boss", role="supervisor", counties=(h.TOSHI,))
    answers = []
    for digest in (sha(photo), sha(stranger)):
        answers.append(
            (
                alice.post("/v1/photos/missing", json={"sha256s": [digest]}).json()["missing"]
                == [digest],
                alice.get(f"/v1/photos/{digest}/upload").json()["offset"],
                alice.get(f"/v1/photos/{digest}/upload").json()["complete"],
                boss.get(f"/v1/photos/{digest}").status_code,
                boss.get(f"/v1/photos/{digest}").json()["error"]["message"],
            )
        )
    assert answers[0] == answers[1] == (True, 0, False, 404, "no such photo in your area")


def test_batch_summaries_count_only_the_readers_area(person, h):
    both = person("both", counties=(h.TOSHI, h.HAIMEN))
    boss = person("boss", role="supervisor", counties=(h.TOSHI,))
    pushed = both.push_ok(
        [
            h.change("inspections", h.inspection("both", county=h.TOSHI)),
            h.change("inspections", h.inspection("both", county=h.HAIMEN)),
            h.change("inspections", h.inspection("both", county=h.HAIMEN)),
        ]
    )
    seen = boss.get(f"/v1/batches/{pushed['batch_id']}").json()
    assert seen["batch"]["counts"] == {"applied": 1} and seen["batch"]["total"] == 1
    assert seen["batch"]["counties"] == [h.TOSHI]
    assert [i["county_code"] for i in seen["items"]] == [h.TOSHI]
    listed = boss.get("/v1/batches").json()["batches"]
    assert [b["total"] for b in listed] == [1]
    city = person("city", role="supervisor", counties=(h.CITY,))
    assert city.get(f"/v1/batches/{pushed['batch_id']}").json()["batch"]["total"] == 3


def test_accepting_an_outfall_says_nothing_of_another_countys_codes(person, h, engine, monkeypatch):
    # The code rule is data: a bureau that only asks for the city's prefix (3206…) lets two
    # counties' codes meet, which is where another county's code could leak.
    import dataclasses

    from sync.server import codes

    shipped = codes.rule()
    monkeypatch.setattr(codes, "rule", lambda: dataclasses.replace(shipped, division_prefix="city"))
    haimen_sup = person("hm_sup", role="supervisor", counties=(h.HAIMEN,))
    haimen_sup.push_ok(
        [
            h.change(
                "outfalls",
                h.outfall(county=h.HAIMEN, provisional=False, national_code="320600X000009"),
            )
        ]
    )
    alice = person("alice", counties=(h.TOSHI,))
    boss = person("boss", role="supervisor", counties=(h.TOSHI,))
    found = h.outfall(county=h.TOSHI)
    alice.push_ok([h.change("outfalls", found)])
    version = stored(engine, "outfalls", found["id"]).version
    answer = boss.post(
        f"/v1/desk/outfalls/{found['id']}/accept",
        json={"national_code": "320600X000009", "version": version},
    )
    assert answer.status_code == 200, answer.text  # Haimen's codes are not Tongzhou's to know
    mine = h.outfall(county=h.TOSHI, provisional=False, national_code="320612T000001")
    boss.push_ok([h.change("outfalls", mine)])
    again = h.outfall(county=h.TOSHI)
    alice.push_ok([h.change("outfalls", again)])
    version = stored(engine, "outfalls", again["id"]).version
    clash = boss.post(
        f"/v1/desk/outfalls/{again['id']}/accept",
        json={"national_code": "320612T000001", "version": version},
    )
    assert clash.status_code == 409  # within the area it is still refused


def test_a_task_for_another_countys_outfall_is_not_found(person, h):
    haimen_sup = person("hm_sup", role="supervisor", counties=(h.HAIMEN,))
    theirs = h.outfall(county=h.HAIMEN, provisional=False)
    haimen_sup.push_ok([h.change("outfalls", theirs)])
    boss = person("boss", role="supervisor", counties=(h.TOSHI,))
    mine = h.outfall(county=h.TOSHI, provisional=False)
    boss.push_ok([h.change("outfalls", mine)])
    task = {"county_code": h.TOSHI, "title": "复查"}
    answers = [
        boss.post("/v1/tasks", json={**task, "id": str(uuid.uuid4()), "outfall_id": target})
        for target in (theirs["id"], str(uuid.uuid4()), mine["id"])
    ]
    assert [a.status_code for a in answers] == [404, 404, 201]
    assert _same(answers[0]) == _same(answers[1])


# -- 2. partial uploads ------------------------------------------------------------------------


def test_a_partial_upload_belongs_to_the_device_that_started_it(person, h, ctx):
    alice = person("alice")
    bob = person("bob")
    photo = os.urandom(200_000)
    assert upload(alice, photo, 0, photo[:80_000]).json()["offset"] == 80_000
    # bob neither sees alice's offset nor appends to it nor throws it away
    assert bob.get(f"/v1/photos/{sha(photo)}/upload").json()["offset"] == 0
    assert bob.post("/v1/photos/missing", json={"sha256s": [sha(photo)]}).json()["partial"] == {}
    appended = upload(bob, photo, 80_000, photo[80_000:120_000])
    assert appended.status_code == 409 and appended.json()["error"]["detail"] == {"offset": 0}
    smaller = upload(bob, photo, 0, os.urandom(1000), total=1000)
    assert smaller.status_code == 422  # his own upload, and it fails on its own
    assert alice.get(f"/v1/photos/{sha(photo)}/upload").json()["offset"] == 80_000
    done = upload(alice, photo, 80_000, photo[80_000:]).json()
    assert done["complete"] is True
    assert ctx.photo_store.final_path(sha(photo)).read_bytes() == photo


def test_nothing_is_written_before_the_offset_is_checked(person, ctx):
    alice = person("alice")
    photo = os.urandom(10_000)
    refused = upload(alice, photo, 5000, photo[5000:])
    assert refused.status_code == 409
    assert list(ctx.photo_store.partial_root.rglob("*")) == []


def test_partial_uploads_expire(person, ctx):
    alice = person("alice")
    photo, fresh = os.urandom(10_000), os.urandom(10_000)
    upload(alice, photo, 0, photo[:4000])
    upload(alice, fresh, 0, fresh[:4000])
    old = time.time() - ctx.settings.partial_upload_ttl_seconds - 60
    os.utime(ctx.photo_store.part_path(sha(photo), alice.device_id), (old, old))
    assert ctx.photo_store.sweep() == 1
    assert alice.get(f"/v1/photos/{sha(photo)}/upload").json()["offset"] == 0
    assert alice.get(f"/v1/photos/{sha(fresh)}/upload").json()["offset"] == 4000


# -- 3. input ----------------------------------------------------------------------------------

SURROGATE_PLACES = [
    '{"findings": "a\\ud800b"}',
    '{"sections": {"sign": {"note": ["ok", "\\udfff"]}}}',
    '{"sections": {"\\ud83d": 1}}',
    '{"tags": [[["\\ud800"]]]}',
    '{"sections": {"deep": [{"x": "\\u0000"}]}}',
    '{"\\u0000": "key with NUL"}',
]


@pytest.mark.parametrize("extra", SURROGATE_PLACES)
def test_json_the_server_cannot_store_answers_422(person, h, engine, extra):
    alice = person("alice")
    row = h.inspection("alice")
    change = h.change("inspections", row)
    text = json.dumps({"batch_id": str(uuid.uuid4()), "changes": [change]})
    # splice the raw JSON escape into the row: json.dumps cannot write a lone surrogate
    text = text.replace('"findings": ', extra[1:-1] + ', "findings_": ', 1)
    response = alice.post(
        "/v1/push", content=text.encode(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "invalid_request"
    with engine.connect() as conn:
        assert conn.execute(select(records.c.id)).first() is None


def test_a_surrogate_in_a_login_or_a_review_is_422(client, person, h):
    body = json.dumps({"username": "a@", "password": "x", "install_id": str(uuid.uuid4())})
    body = body.replace("@", "\\ud800")  # a raw escape: json.dumps cannot write a surrogate
    answer = client.post(
        "/v1/login", content=body.encode(), headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 422
    boss = person("boss", role="supervisor")
    answer = boss.post(
        "/v1/desk/approve",
        content=b'{"records": [], "comment": "\\udc00"}',
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 422


class _Served:
    """The app under uvicorn on a loopback socket (the body timeout is uvicorn's world)."""

    def __init__(self, ctx: Any) -> None:
        import uvicorn

        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        config = uvicorn.Config(create_app(ctx), log_level="critical", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )
        self.thread.start()
        while not self.server.started:
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


def test_a_body_shorter_than_its_length_is_cut_off(database_url, tmp_path, h):
    settings = h.fast_settings(database_url, tmp_path / "photos", body_read_timeout_seconds=0.5)
    ctx = build_context(settings)
    served = _Served(ctx)
    try:
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", served.port), timeout=10) as raw:
            raw.sendall(
                b"POST /v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b'Content-Length: 500\r\n\r\n{"username": '
            )
            answer = b""
            while chunk := raw.recv(4096):  # the server answers and closes the connection
                answer += chunk
        took = time.monotonic() - started
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert took < 5
    finally:
        served.stop()
        ctx.engine.dispose()


def test_only_listed_proxies_may_name_the_client(database_url, tmp_path, h):
    def failures_from(trusted: tuple[str, ...]) -> set[str]:
        settings = h.fast_settings(database_url, tmp_path / "photos", trusted_proxies=trusted)
        ctx = build_context(settings)
        with start_blocking_portal() as portal:
            client = h.TestClient(create_app(ctx), portal)  # its peer is 127.0.0.1
            body = {"username": "x", "password": "wrong", "install_id": str(uuid.uuid4())}
            client.post(
                "/v1/login", json=body, headers={"X-Forwarded-For": "203.0.113.9, 10.1.2.3"}
            )
            client.close()
        with ctx.engine.begin() as conn:
            seen = {r.client for r in conn.execute(select(login_failures.c.client))}
            conn.execute(delete(login_failures))
        ctx.engine.dispose()
        return seen

    assert failures_from(()) == {"127.0.0.1"}  # nobody trusted: the header is ignored
    assert failures_from(("10.9.9.9",)) == {"127.0.0.1"}  # another proxy: still ignored
    # behind the listed proxies, the nearest address that is not a proxy is the client
    assert failures_from(("127.0.0.1", "10.0.0.0/8")) == {"203.0.113.9"}


# -- 4. accounts -------------------------------------------------------------------------------


def test_a_token_is_bound_to_its_install(person):
    alice = person("alice")
    assert alice.get("/v1/pull", headers={"X-Hekou-Install": str(uuid.uuid4())}).status_code == 401
    bare = alice.client._client  # the raw client sends no install id by itself

    async def call() -> Any:
        return await bare.get("/v1/pull", headers=alice.headers)

    assert alice.client._portal.call(call).status_code == 401
    assert alice.get("/v1/pull").status_code == 200
    # an install id is a UUID in whatever form the device keeps it (profiles keep 32 hex digits)
    install = alice.client.installs[alice.token]
    plain = install.replace("-", "").upper()
    assert alice.get("/v1/pull", headers={"X-Hekou-Install": plain}).status_code == 200


def test_password_change_and_disable_end_every_token_for_good(ctx, client, person, h):
    alice = person("alice")
    laptop2 = h.login(client, "alice").json()
    admin.set_password(ctx, "alice", "another good passphrase")
    for token in (alice.token, laptop2["token"]):
        answer = client.get("/v1/pull", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 401 and answer.json()["error"]["code"] == "token_invalid"
    bob = person("bob")
    admin.set_disabled(ctx, "bob", True)
    admin.set_disabled(ctx, "bob", False)
    assert bob.get("/v1/pull").status_code == 401  # re-enabling does not revive old tokens
    assert h.login(client, "bob").status_code == 200


def test_tokens_expire_unless_used_and_are_renewed_while_in_use(ctx, person, engine):
    alice = person("alice")

    def expiry() -> datetime:
        with engine.connect() as conn:
            value = conn.execute(select(devices.c.token_expires_at)).scalar_one()
        return value if value.tzinfo else value.replace(tzinfo=UTC)

    lifetime = timedelta(seconds=ctx.settings.token_lifetime_seconds)
    assert abs(expiry() - (datetime.now(UTC) + lifetime)) < timedelta(minutes=1)
    with engine.begin() as conn:  # as if unused for a while: two days left, last used long ago
        soon = datetime.now(UTC) + timedelta(days=2)
        conn.execute(update(devices).values(token_expires_at=soon, last_used_at=soon - lifetime))
    assert alice.get("/v1/pull").status_code == 200
    assert expiry() > datetime.now(UTC) + lifetime - timedelta(minutes=1)  # pushed forward
    with engine.begin() as conn:
        conn.execute(update(devices).values(token_expires_at=datetime.now(UTC) - timedelta(1)))
    expired = alice.get("/v1/pull")
    assert expired.status_code == 401 and expired.json()["error"]["code"] == "token_invalid"


def test_a_disabled_account_answers_like_a_wrong_password(ctx, client, person, h):
    person("alice")
    admin.set_disabled(ctx, "alice", True)
    right = h.login(client, "alice")
    body = {"username": "alice", "password": "not the password", "install_id": str(uuid.uuid4())}
    wrong = client.post("/v1/login", json=body)
    assert right.status_code == wrong.status_code == 401
    assert _same(right) == _same(wrong)


@pytest.mark.parametrize(
    "password",
    [
        "12345678",
        "password",
        "1234567890",
        "password123",
        "qwertyuiop",
        "aaaaaaaaaaaa",
        "alice2026!!",
    ],
)
def test_weak_passwords_are_refused(ctx, password):
    with pytest.raises(admin.AdminError):
        admin.add_user(ctx, "alice", password, "inspector", ["320612"])


def test_user_names_are_normalised_and_unique(ctx, client, h):
    admin.add_user(ctx, "insp_a", h.PASSWORD, "inspector", [h.TOSHI])
    for twin in ("insp_a ", "INSP_A", "ｉｎｓｐ＿ａ", " Insp_A"):
        with pytest.raises(admin.AdminError, match="exists"):
            admin.add_user(ctx, twin, h.PASSWORD, "supervisor", [h.CITY])
    answer = h.login(client, "INSP_A ")
    assert answer.status_code == 200 and answer.json()["user"]["username"] == "insp_a"
    with ctx.engine.connect() as conn:
        assert conn.execute(select(users.c.username)).scalars().all() == ["insp_a"]
    with pytest.raises(admin.AdminError):
        admin.add_user(ctx, "bad\nname", h.PASSWORD, "inspector", [h.TOSHI])


def test_the_cli_refuses_a_password_that_cannot_log_in(database_url, tmp_path, monkeypatch):
    import io

    base = ["--database", database_url, "--photos", str(tmp_path / "p")]
    monkeypatch.setattr("sys.stdin", io.StringIO("x" * 300 + "\n"))
    assert main([*base, "user", "add", "long", "--role", "inspector", "--county", "320612",
                 "--password-stdin"]) == 2  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO("a fine pass phrase\n"))
    assert main([*base, "user", "add", "long", "--role", "inspector", "--county", "320612",
                 "--password-stdin"]) == 0  # fmt: skip


def test_a_replayed_login_does_not_sign_the_device_out(ctx, client, h):
    admin.add_user(ctx, "alice", h.PASSWORD, "inspector", [h.TOSHI])
    install = str(uuid.uuid4())
    kept = h.login(client, "alice", install).json()  # the device stores this answer
    replay = h.login(client, "alice", install).json()  # the network sends the request again
    assert replay["device_id"] == kept["device_id"]
    for _ in range(3):
        answer = client.get("/v1/pull", headers={"Authorization": f"Bearer {kept['token']}"})
        assert answer.status_code == 200
    # the device showed which token it holds: the one nobody kept stops working
    lost = client.get("/v1/pull", headers={"Authorization": f"Bearer {replay['token']}"})
    assert lost.status_code == 401


def test_logout_ends_the_devices_token(person, h, client, engine):
    alice = person("alice")
    assert alice.post("/v1/logout").status_code == 204
    assert alice.get("/v1/pull").status_code == 401
    with engine.connect() as conn:
        actions = conn.execute(select(audit_log.c.action)).scalars().all()
    assert "device.logout" in actions
    assert h.login(client, "alice").status_code == 200  # signing in again works


# -- 5. audit ----------------------------------------------------------------------------------


@pytest.fixture
def keyed(database_url: str, tmp_path: Path, h: Any) -> Iterator[Any]:
    """A server context whose audit chain is keyed (the key file off the database host)."""
    key = tmp_path / "audit.key"
    assert main(["--database", database_url, "audit", "keygen", str(key)]) == 0
    assert key.stat().st_mode & 0o777 == 0o600
    ctx = build_context(h.fast_settings(database_url, tmp_path / "photos", audit_key_file=key))
    yield ctx
    ctx.engine.dispose()


def _verdict(ctx: Any) -> list[str]:
    return audit_check.check(ctx).problems


def _busy_world(ctx: Any, h: Any) -> Any:
    admin.add_user(ctx, "insp", h.PASSWORD, "inspector", [h.TOSHI])
    with start_blocking_portal() as portal:
        client = h.TestClient(create_app(ctx), portal)
        answer = h.login(client, "insp").json()
        headers = {"Authorization": f"Bearer {answer['token']}"}
        row = h.inspection("insp")
        body = {"batch_id": str(uuid.uuid4()), "changes": [h.change("inspections", row)]}
        assert client.post("/v1/push", json=body, headers=headers).status_code == 200
        client.close()
    return row, answer["device_id"]


@pytest.mark.parametrize("edit", ["record", "role", "counties", "unrevoke", "new user"])
def test_verify_finds_rows_edited_behind_the_servers_back(keyed, h, edit):
    row, device_id = _busy_world(keyed, h)
    admin.revoke_device(keyed, device_id)
    assert _verdict(keyed) == []
    with keyed.engine.begin() as conn:
        if edit == "record":
            data = json.dumps(dict(row, findings="改过了"))
            conn.execute(update(records).where(records.c.id == row["id"]).values(data=data))
        elif edit == "role":
            conn.execute(update(users).values(role="supervisor"))
        elif edit == "counties":
            conn.execute(update(users).values(counties=json.dumps([h.CITY])))
        elif edit == "unrevoke":
            conn.execute(update(devices).values(revoked_at=None))
        else:
            conn.execute(
                users.insert().values(
                    username="mole", username_key="mole", password_hash="x", role="admin",
                    counties="[]", disabled=False, created_at=datetime.now(UTC),
                )
            )  # fmt: skip
    problems = _verdict(keyed)
    assert problems and all("DIFFER" in p for p in problems), problems


def test_a_rehashed_entry_is_caught_with_a_key(keyed, h):
    from sync.server.audit import chain_hash
    from sync.server.queries import audit as audit_queries

    _busy_world(keyed, h)
    anchoring.anchor_now(keyed)
    _busy_world_more(keyed, h)
    with keyed.engine.begin() as conn:
        entries = list(audit_queries.iter_chain(conn))
        last = entries[-1]
        forged = last.entry.__class__(**{**last.entry.__dict__, "after": {"forged": True}})
        digest = chain_hash(last.prev_hash, forged)  # without the key: plain SHA-256
        conn.execute(
            update(audit_log)
            .where(audit_log.c.seq == last.seq)
            .values(after=json.dumps({"forged": True}), hash=digest, keyed=False)
        )
    problems = _verdict(keyed)
    assert problems and "BROKEN" in problems[0]


def _busy_world_more(ctx: Any, h: Any) -> None:
    admin.set_counties(ctx, "insp", [h.TOSHI, h.HAIMEN])


def test_a_tail_cut_after_the_last_anchor_is_caught(keyed, h):
    _busy_world(keyed, h)
    anchored = anchoring.anchor_now(keyed)
    assert anchored is not None
    _busy_world_more(keyed, h)
    assert _verdict(keyed) == []
    with keyed.engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.seq > anchored.seq))
    problems = _verdict(keyed)
    assert problems and "DIFFER" in problems[0]  # the user row no longer matches the chain


@pytest.mark.parametrize("damage", ["deleted", "shortened"])
def test_a_missing_or_shortened_anchor_file_fails(keyed, h, damage):
    _busy_world(keyed, h)
    anchoring.anchor_now(keyed)
    _busy_world_more(keyed, h)
    anchoring.anchor_now(keyed)
    assert _verdict(keyed) == []
    path = keyed.settings.anchor_file
    if damage == "deleted":
        path.unlink()
    else:
        lines = path.read_text().splitlines(keepends=True)
        path.write_text("".join(lines[:-1]))
    problems = _verdict(keyed)
    assert problems and "MISSING" in problems[0], problems


def test_a_keyed_chain_refuses_writers_without_the_key(keyed, h, database_url, tmp_path):
    _busy_world(keyed, h)
    plain = build_context(h.fast_settings(database_url, tmp_path / "photos"))
    try:
        with pytest.raises(Exception, match="keyed"):
            admin.set_counties(plain, "insp", [h.HAIMEN])
        assert audit_check.check(plain).problems  # nor can it vouch for the chain
    finally:
        plain.engine.dispose()


def test_a_photo_store_without_local_files_streams_the_photo(person, h, ctx, monkeypatch):
    """The interface's seam: a store that is not files on this machine (an object store)
    answers ``local_path`` with None, and the desk streams the photo from ``open_read``."""
    carol = person("carol", counties=(h.HAIMEN,))
    photo = os.urandom(70_000)
    theirs = h.inspection("carol", county=h.HAIMEN)
    carol.push_ok(
        [
            h.change("inspections", theirs),
            h.change(
                "inspection_photos",
                {"id": str(uuid.uuid4()), "inspection_id": theirs["id"], "sha256": sha(photo)},
            ),
        ]
    )
    assert upload(carol, photo, 0, photo).json()["complete"] is True
    monkeypatch.setattr(ctx.photo_store, "local_path", lambda _sha: None)
    boss = person("hm_boss", role="supervisor", counties=(h.HAIMEN,))
    answer = boss.get(f"/v1/photos/{sha(photo)}")
    assert answer.status_code == 200 and answer.content == photo
