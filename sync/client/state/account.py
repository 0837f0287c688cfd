"""The device's sync account (``sync_account``, one row) and its last errors (``sync_errors``):
the only module that writes them.

The row holds the server address, the user, the device id and token (the token lives in the
profile, never in the repository or a settings file), the user's auto-sync choice, the last good
sync, and the device's sync counters: the hybrid logical clock, how far the change log has been
put into batches (``batched_seq``) and the pull cursor. ``fieldapp.store.identity`` reads who
the profile writes as from it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.domain.clock import now_iso
from fieldapp.store import capture, identity
from sync.client.state.clock import State

KEPT_ERRORS = 20


@dataclass(frozen=True)
class Account:
    install_id: str
    server_url: str | None
    username: str | None
    role: str | None
    counties: tuple[str, ...]
    device_id: str | None
    device_name: str
    token: str | None
    auto_sync: bool
    last_success_at: str | None

    @property
    def signed_in(self) -> bool:
        return bool(self.server_url and self.token and self.device_id)


def account(conn: sqlite3.Connection) -> Account:
    row = conn.execute(
        "SELECT install_id, server_url, username, role, counties, device_id, device_name, token,"
        " auto_sync, last_success_at FROM sync_account WHERE id = 1"
    ).fetchone()
    return Account(
        row[0], row[1], row[2], row[3], tuple(json.loads(row[4])), row[5], row[6], row[7],
        bool(row[8]), row[9],
    )  # fmt: skip


def sign_in(
    conn: sqlite3.Connection,
    server_url: str,
    username: str,
    role: str,
    counties: Sequence[str],
    device_id: str,
    token: str,
    device_name: str,
) -> identity.Binding:
    """Store a successful sign-in and bind this profile's records to the account, together
    (``fieldapp.store.identity``)."""
    with capture.applying_incoming(conn):
        store_login(conn, server_url, username, role, counties, device_id, token, device_name)
        return identity.bind_in_transaction(conn, username)


def save_login(
    conn: sqlite3.Connection,
    server_url: str,
    username: str,
    role: str,
    counties: Sequence[str],
    device_id: str,
    token: str,
    device_name: str,
) -> None:
    """Store a successful login, without binding records (the app signs in with ``sign_in``).
    Another user on this profile would mix two people's outboxes: the engine refuses that
    before logging in."""
    with conn:
        store_login(conn, server_url, username, role, counties, device_id, token, device_name)


def store_login(
    conn: sqlite3.Connection,
    server_url: str,
    username: str,
    role: str,
    counties: Sequence[str],
    device_id: str,
    token: str,
    device_name: str,
) -> None:
    """``save_login`` inside the caller's transaction."""
    conn.execute(
        "UPDATE sync_account SET server_url = ?, username = ?, role = ?, counties = ?,"
        " device_id = ?, token = ?, device_name = ? WHERE id = 1",
        (server_url, username, role, json.dumps(list(counties)), device_id, token, device_name),
    )


def forget_token(conn: sqlite3.Connection) -> None:
    with conn:
        conn.execute("UPDATE sync_account SET token = NULL WHERE id = 1")


def set_auto_sync(conn: sqlite3.Connection, on: bool) -> None:
    """The user's choice (until they make one, automatic sync is on)."""
    with conn:
        conn.execute(
            "UPDATE sync_account SET auto_sync = ?, auto_sync_chosen = 1 WHERE id = 1", (int(on),)
        )


# -- how the last syncs went ---------------------------------------------------------------------


def record_success(conn: sqlite3.Connection) -> None:
    with conn:
        now = now_iso()
        conn.execute(
            "UPDATE sync_account SET last_success_at = ?, last_attempt_at = ? WHERE id = 1",
            (now, now),
        )
        conn.execute("DELETE FROM sync_errors")


def record_error(conn: sqlite3.Connection, code: str, detail: str = "") -> None:
    with conn:
        now = now_iso()
        conn.execute("UPDATE sync_account SET last_attempt_at = ? WHERE id = 1", (now,))
        conn.execute(
            "INSERT INTO sync_errors (at, code, detail) VALUES (?, ?, ?)", (now, code, detail[:500])
        )
        conn.execute(
            "DELETE FROM sync_errors WHERE id NOT IN (SELECT id FROM sync_errors"
            " ORDER BY id DESC LIMIT ?)",
            (KEPT_ERRORS,),
        )


def errors(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(at, code, detail) of the errors since the last good sync, newest first."""
    return [
        (r[0], r[1], r[2])
        for r in conn.execute("SELECT at, code, detail FROM sync_errors ORDER BY id DESC")
    ]


# -- the device's counters (call inside the caller's transaction, except restart_pull) ----------


def clock(conn: sqlite3.Connection) -> State:
    row = conn.execute("SELECT hlc_ms, hlc_counter FROM sync_account WHERE id = 1").fetchone()
    return int(row[0]), int(row[1])


def set_clock(conn: sqlite3.Connection, state: State) -> None:
    conn.execute(
        "UPDATE sync_account SET hlc_ms = ?, hlc_counter = ? WHERE id = 1", (state[0], state[1])
    )


def batched_seq(conn: sqlite3.Connection) -> int:
    """How far the change log has been put into batches."""
    return int(conn.execute("SELECT batched_seq FROM sync_account WHERE id = 1").fetchone()[0])


def set_batched_seq(conn: sqlite3.Connection, seq: int) -> None:
    conn.execute("UPDATE sync_account SET batched_seq = ? WHERE id = 1", (seq,))


def pull_cursor(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT pull_cursor FROM sync_account WHERE id = 1").fetchone()[0])


def advance_pull_cursor(conn: sqlite3.Connection, cursor: int) -> None:
    conn.execute(
        "UPDATE sync_account SET pull_cursor = max(pull_cursor, ?) WHERE id = 1", (cursor,)
    )


def restart_pull(conn: sqlite3.Connection) -> None:
    """Pull everything again from the start (the server said the user's area grew)."""
    with conn:
        conn.execute("UPDATE sync_account SET pull_cursor = 0 WHERE id = 1")
