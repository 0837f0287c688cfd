"""Logins, device tokens, rate limiting, disabled users, revoked devices, admin-only endpoints."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from sync.server.schema import audit_log, devices, users
from sync.server.services import admin


def test_login_registers_a_device_and_stores_only_hashes(person, engine):
    alice = person("alice")
    assert alice.token.startswith("hk1_")
    with engine.connect() as conn:
        stored = conn.execute(select(devices.c.token_hash)).scalar_one()
        password_hash = conn.execute(select(users.c.password_hash)).scalar_one()
    assert alice.token not in stored and len(stored) == 64
    assert password_hash.startswith("$argon2id$")
    assert alice.get("/v1/pull").status_code == 200


def test_same_install_keeps_its_device_and_the_new_token_replaces_the_old_once_used(ctx, client, h):
    admin.add_user(ctx, "alice", h.PASSWORD, "inspector", [h.TOSHI])
    install = str(uuid.uuid4())
    first = h.login(client, "alice", install).json()
    second = h.login(client, "alice", install).json()
    assert first["device_id"] == second["device_id"]
    new = client.get("/v1/pull", headers={"Authorization": f"Bearer {second['token']}"})
    assert new.status_code == 200
    old = client.get("/v1/pull", headers={"Authorization": f"Bearer {first['token']}"})
    assert old.status_code == 401
    assert old.json()["error"]["code"] == "token_invalid"


def test_missing_or_wrong_credentials(client, person, h):
    person("alice")
    assert client.get("/v1/pull").json()["error"]["code"] == "not_authenticated"
    bad = client.get("/v1/pull", headers={"Authorization": "Bearer hk1_forged"})
    assert bad.status_code == 401 and bad.json()["error"]["code"] == "token_invalid"
    wrong = client.post(
        "/v1/login",
        json={"username": "alice", "password": "nope", "install_id": str(uuid.uuid4())},
    )
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "login_failed"
    nobody = client.post(
        "/v1/login",
        json={"username": "nobody", "password": "nope", "install_id": str(uuid.uuid4())},
    )
    assert nobody.json()["error"]["code"] == "login_failed"


def test_failed_logins_are_rate_limited(client, person, h):
    person("alice")
    body = {"username": "alice", "password": "guess", "install_id": str(uuid.uuid4())}
    codes = [client.post("/v1/login", json=body).status_code for _ in range(6)]
    assert codes == [401] * 5 + [429]
    limited = h.login(client, "alice")  # even the right password waits now
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "login_rate_limited"


def test_disabled_user_and_revoked_device_are_refused(ctx, client, person, h):
    alice = person("alice")
    bob = person("bob")
    admin.set_disabled(ctx, "alice", True)
    refused = alice.get("/v1/pull")  # disabling signed every device of the user out
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "token_invalid"
    # the same answer as a wrong password: nobody learns the account exists and is disabled
    assert h.login(client, "alice").json()["error"]["code"] == "login_failed"
    admin.revoke_device(ctx, bob.device_id)
    refused = bob.push([h.change("inspections", h.inspection("bob"))])
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "device_revoked"


def test_only_admins_manage_devices(person, h, engine):
    alice = person("alice")
    root = person("root", role="admin", counties=(h.CITY,))
    assert alice.get("/v1/admin/devices").status_code == 403
    listed = root.get("/v1/admin/devices").json()["devices"]
    assert {d["username"] for d in listed} == {"alice", "root"}
    assert all(d["last_used_at"] for d in listed)
    revoked = root.post(f"/v1/admin/devices/{alice.device_id}/revoke")
    assert revoked.status_code == 200 and revoked.json()["revoked"] is True
    assert alice.get("/v1/pull").json()["error"]["code"] == "device_revoked"
    assert root.post("/v1/admin/devices/nope/revoke").status_code == 404
    with engine.connect() as conn:
        revocations = conn.execute(
            select(audit_log.c.username, audit_log.c.row_id).where(
                audit_log.c.action == "device.revoke"
            )
        ).all()
    assert revocations == [("root", alice.device_id)]


def test_health_and_openapi(client):
    assert client.get("/health").json() == {"status": "ok", "protocol_version": 1}
    schema = client.get("/openapi.json").json()
    assert "/v1/push" in schema["paths"]


def test_a_password_guesser_cannot_lock_a_user_out_of_their_own_laptop(ctx, client, h):
    admin.add_user(ctx, "alice", h.PASSWORD, "inspector", [h.TOSHI])
    laptop = str(uuid.uuid4())
    assert h.login(client, "alice", laptop).status_code == 200
    guess = {"username": "alice", "password": "guess", "install_id": str(uuid.uuid4())}
    codes = [client.post("/v1/login", json=guess).status_code for _ in range(7)]
    assert codes == [401] * 5 + [429] * 2  # the guesser is slowed down
    assert h.login(client, "alice").status_code == 429  # so is any device alice never used
    again = h.login(client, "alice", laptop)  # her laptop still gets in
    assert again.status_code == 200, again.text


def test_failures_on_a_known_device_are_limited_on_that_device(ctx, client, h):
    admin.add_user(ctx, "alice", h.PASSWORD, "inspector", [h.TOSHI])
    laptop = str(uuid.uuid4())
    assert h.login(client, "alice", laptop).status_code == 200
    wrong = {"username": "alice", "password": "guess", "install_id": laptop}
    codes = [client.post("/v1/login", json=wrong).status_code for _ in range(6)]
    assert codes == [401] * 5 + [429]
    assert h.login(client, "alice", laptop).status_code == 429  # the right password waits too


def test_a_revoked_device_gets_no_exemption(ctx, client, h):
    admin.add_user(ctx, "alice", h.PASSWORD, "inspector", [h.TOSHI])
    laptop = str(uuid.uuid4())
    device_id = h.login(client, "alice", laptop).json()["device_id"]
    admin.revoke_device(ctx, device_id)
    guess = {"username": "alice", "password": "guess", "install_id": str(uuid.uuid4())}
    for _ in range(5):
        client.post("/v1/login", json=guess)
    assert h.login(client, "alice", laptop).status_code == 429
