"""Photos: which are missing, resumable chunked uploads, hash checks, limits, path tricks."""

from __future__ import annotations

import hashlib
import os

from sqlalchemy import select

from sync.server.schema import audit_log, batches


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def upload(who, data: bytes, offset: int, chunk: bytes):  # type: ignore[no-untyped-def]
    return who.put(
        f"/v1/photos/{sha(data)}/upload",
        params={"offset": offset, "total": len(data)},
        content=chunk,
        headers={"Content-Type": "application/octet-stream"},
    )


def test_upload_in_chunks_resumes_and_completes_the_batch(person, h, ctx, engine):
    alice = person("alice")
    photo = os.urandom(300_000)
    row = h.inspection("alice", photos=[sha(photo)])
    pushed = alice.push_ok([h.change("inspections", row)])
    assert pushed["missing_photos"] == [sha(photo)] and pushed["complete"] is False
    assert alice.post("/v1/photos/missing", json={"sha256s": [sha(photo)]}).json() == {
        "missing": [sha(photo)],
        "partial": {},
    }
    first = upload(alice, photo, 0, photo[:100_000]).json()
    assert first == {"sha256": sha(photo), "offset": 100_000, "complete": False}
    # The client restarts and asks where to resume.
    state = alice.get(f"/v1/photos/{sha(photo)}/upload").json()
    assert state["offset"] == 100_000
    wrong = upload(alice, photo, 50_000, photo[50_000:100_000])
    assert wrong.status_code == 409
    assert wrong.json()["error"] == {
        "code": "upload_offset_mismatch",
        "message": "the chunk does not start where the upload stands, or runs past its end",
        "detail": {"offset": 100_000},
        "request_id": wrong.headers["x-request-id"],  # what the device quotes to the bureau
    }
    done = upload(alice, photo, 100_000, photo[100_000:]).json()
    assert done["complete"] is True
    stored = ctx.photo_store.final_path(sha(photo))
    assert stored.read_bytes() == photo
    assert alice.post("/v1/photos/missing", json={"sha256s": [sha(photo)]}).json()["missing"] == []
    with engine.connect() as conn:
        assert conn.execute(select(batches.c.complete)).scalar_one() is True
    again = upload(alice, photo, 0, photo)
    assert again.status_code == 200 and again.json()["complete"] is True
    with engine.connect() as conn:
        arrivals = conn.execute(
            select(audit_log.c.username, audit_log.c.row_id).where(
                audit_log.c.action == "photo.arrive"
            )
        ).all()
    assert arrivals == [("alice", sha(photo))]  # audited once, when it arrived


def test_batch_completes_only_when_the_last_photo_arrives(person, h, engine):
    alice = person("alice")
    a, b = os.urandom(1000), os.urandom(1000)
    upload(alice, a, 0, a)  # arrives before the record that refers to it
    pushed = alice.push_ok(
        [h.change("inspections", h.inspection("alice", photo_sha256s=[sha(a), sha(b)]))]
    )
    assert pushed["missing_photos"] == [sha(b)]
    upload(alice, b, 0, b)
    with engine.connect() as conn:
        assert conn.execute(select(batches.c.complete)).scalar_one() is True


def test_hash_mismatch_is_refused_and_discarded(person, ctx):
    alice = person("alice")
    photo = os.urandom(5000)
    claimed = sha(b"something else")
    response = alice.put(
        f"/v1/photos/{claimed}/upload",
        params={"offset": 0, "total": len(photo)},
        content=photo,
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "photo_hash_mismatch"
    assert not ctx.photo_store.has(claimed)
    assert ctx.photo_store.offset(claimed) == 0


def test_limits_and_path_tricks(person):
    alice = person("alice")
    for name in ("..%2F..%2Fetc%2Fpasswd", "A" * 64, "0" * 63, "../" + "0" * 61):
        response = alice.put(
            f"/v1/photos/{name}/upload", params={"offset": 0, "total": 1}, content=b"x"
        )
        assert response.status_code in (404, 422), name
    big = alice.put(
        f"/v1/photos/{'0' * 64}/upload",
        params={"offset": 0, "total": 41 * 1024 * 1024},
        content=b"x",
    )
    assert big.status_code == 413 and big.json()["error"]["code"] == "photo_too_large"
    beyond = alice.put(
        f"/v1/photos/{'0' * 64}/upload", params={"offset": 0, "total": 2}, content=b"xyz"
    )
    assert beyond.status_code == 409
    bad = alice.post("/v1/photos/missing", json={"sha256s": ["../x"]})
    assert bad.status_code == 422
    assert (
        alice.put(
            f"/v1/photos/{'0' * 64}/upload", params={"offset": 0, "total": 2}, content=b""
        ).status_code
        == 422
    )


def test_only_field_roles_send_photos(person, h):
    root = person("root", role="admin", counties=(h.CITY,))
    data = b"photo"
    assert upload(root, data, 0, data).status_code == 403
    assert root.post("/v1/photos/missing", json={"sha256s": []}).status_code == 403


def test_a_stored_photo_whose_row_was_lost_is_asked_for_again(person, h, ctx, engine):
    from sqlalchemy import delete

    from sync.server.schema import photo_holders, photos

    alice = person("alice")
    photo = os.urandom(2000)
    upload(alice, photo, 0, photo)
    with engine.begin() as conn:  # as if a power cut took the registration's commit
        conn.execute(delete(photos))
        conn.execute(delete(photo_holders))
    assert ctx.photo_store.has(sha(photo))
    # a stored file does not say who uploaded it: the device proves it holds it once more
    answer = alice.post("/v1/photos/missing", json={"sha256s": [sha(photo)]}).json()
    assert answer == {"missing": [sha(photo)], "partial": {}}
    assert upload(alice, photo, 0, photo).json()["complete"] is True
    with engine.connect() as conn:
        assert conn.execute(select(photos.c.sha256)).scalar_one() == sha(photo)
    answer = alice.post("/v1/photos/missing", json={"sha256s": [sha(photo)]}).json()
    assert answer == {"missing": [], "partial": {}}


def test_a_whole_partial_upload_left_by_a_crash_is_published(person, ctx):
    alice = person("alice")
    photo = os.urandom(4000)
    part = ctx.photo_store.part_path(sha(photo), alice.device_id)
    part.parent.mkdir()
    part.write_bytes(photo)  # fsynced, then the crash: no rename
    state = alice.get(f"/v1/photos/{sha(photo)}/upload").json()
    assert state == {"sha256": sha(photo), "offset": len(photo), "complete": True}
    assert ctx.photo_store.final_path(sha(photo)).read_bytes() == photo
    half = os.urandom(4000)
    ctx.photo_store.part_path(sha(half), alice.device_id).write_bytes(half[:2000])
    assert alice.get(f"/v1/photos/{sha(half)}/upload").json()["offset"] == 2000


def test_missing_says_how_much_of_an_unfinished_upload_the_server_holds(person, h):
    alice = person("alice")
    photo, other = os.urandom(300_000), os.urandom(1000)
    alice.push_ok([h.change("inspections", h.inspection("alice", photos=[sha(photo), sha(other)]))])
    assert upload(alice, photo, 0, photo[:120_000]).json()["offset"] == 120_000
    answer = alice.post("/v1/photos/missing", json={"sha256s": [sha(photo), sha(other)]}).json()
    assert sorted(answer["missing"]) == sorted([sha(photo), sha(other)])
    assert answer["partial"] == {sha(photo): 120_000}  # none held of the other: not listed


def test_holders_of_many_photos_are_looked_up_in_one_query(engine):
    """Registering a group of arrivals asks once which pairs are held, not once per pair."""
    from sqlalchemy import event

    from sync.server import db
    from sync.server.queries import photos

    pairs = [(hashlib.sha256(str(i).encode()).hexdigest(), f"user{i % 3}") for i in range(40)]
    with db.write(engine) as conn:
        assert photos.add_holders(conn, pairs[:10]) == sorted(pairs[:10])
    selects: list[str] = []

    def count(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        if "FROM photo_holders" in statement:
            selects.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        with db.write(engine) as conn:
            added = photos.add_holders(conn, pairs)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert added == sorted(pairs[10:])  # the ten held already are not added again
    assert len(selects) <= 3  # one lookup per user (three users), whatever the number of pairs
