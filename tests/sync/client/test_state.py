"""The device's sync state on a real profile: the account's errors, sign-in, and a batch from
the log to its answer (sync.client.state)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.store import database, identity, synced_rows
from sync.client.state import account, outbox, panel, reconcile, server_rows
from sync.protocol import PushResponse

P1 = "5b0c6d2e-8f43-4f5e-9a1c-2d7e3f4a5b61"  # the server takes only UUID row ids


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    c = database.open_profile(tmp_path / "profile.sqlite")
    yield c
    c.close()


def test_the_last_twenty_errors_are_kept_and_a_good_sync_clears_them(
    conn: sqlite3.Connection,
) -> None:
    for n in range(25):
        account.record_error(conn, "server_busy", f"try {n}")
    kept = account.errors(conn)
    assert len(kept) == account.KEPT_ERRORS
    assert kept[0][2] == "try 24" and kept[-1][2] == "try 5"  # newest first
    account.record_success(conn)
    assert account.errors(conn) == []
    assert account.account(conn).last_success_at is not None


def test_signing_in_stores_the_account_and_the_profile_writes_as_it(
    conn: sqlite3.Connection,
) -> None:
    assert identity.current_user(conn).startswith("local-")
    binding = account.sign_in(
        conn, "https://hekou.example", "wang.fang", "inspector", ["320612"], "dev-1", "tok",
        "laptop",
    )  # fmt: skip
    assert binding.username == "wang.fang" and binding.changed == 0
    acct = account.account(conn)
    assert acct.signed_in and acct.counties == ("320612",) and acct.device_id == "dev-1"
    assert identity.current_user(conn) == "wang.fang"
    account.forget_token(conn)
    assert not account.account(conn).signed_in


def test_a_batch_is_stored_before_it_is_sent_and_its_answer_applies_once(
    conn: sqlite3.Connection,
) -> None:
    assert outbox.make_batch(conn, 100, "dev-1") is None  # nothing to send
    with conn:
        synced_rows.enqueue(conn, "patrols", P1, {"id": P1, "river": "通吕运河"})
    assert panel.pending(conn).changes == 1
    batch = outbox.make_batch(conn, 100, "dev-1")
    assert batch is not None and batch.state == "open" and batch.n_changes == 1
    assert [b.batch_id for b in outbox.unfinished_batches(conn)] == [batch.batch_id]
    assert panel.pending(conn).batches_waiting == 1
    change_id = batch.body.split('"change_id":"')[1].split('"')[0]
    answer = PushResponse.model_validate(
        {
            "batch_id": batch.batch_id,
            "results": [{"change_id": change_id, "result": "applied"}],
            "missing_photos": [],
            "complete": True,
        }
    )
    first = reconcile.record_answer(conn, batch, answer)
    assert (first.applied, first.missing_photos) == (1, ())
    assert server_rows.holds(conn, "patrols", P1)
    assert outbox.unfinished_batches(conn) == [] and panel.pending(conn).empty
    again = reconcile.record_answer(conn, batch, answer)  # a replayed answer
    assert (again.applied, again.duplicate, again.rejected) == (0, 0, 0)
    assert account.clock(conn)[0] > 0  # the change was stamped from its capture time
