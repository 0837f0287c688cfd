"""The device's sync bookkeeping (migration 5, ``0005_sync``): the only module that writes these tables.

- ``sync_account``: one row: server address, user, device id and token (the token lives in the
  profile, never in the repository or a settings file), the hybrid logical clock, how far the
  change log has been put into batches (``batched_seq``), the pull cursor, the last good sync.
- ``sync_batches`` / ``sync_batch_rows``: every batch is made and stored *before* it is sent (its
  exact body, so a retry sends the same id and the same bytes), with the rows it carries. States:
  ``open`` (made, no answer yet) → ``answered`` (results applied, photos may be missing) → ``done``
  (every change and every photo it refers to is on the server). Only ``done`` counts as sent.
- ``sync_server_rows``: the last state of each row the server is known to hold (from answers and
  pulls): the base of field-level merges and what a proposal or rejection reverts to.
- ``sync_issues``: every conflict, rejection and proposal, with both values, for the user.
- ``sync_reviews`` / ``sync_tasks``: supervisors' decisions and tasks pulled from the server.
- ``sync_errors``: the last errors of a sync, as codes (the UI words them in zh and en).

Server changes are written inside ``capture.applying_incoming`` so they are not captured again.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.store import capture, inspection_schema, patrol_problems_schema, patrol_schema
from fieldapp.store.migrations import EDIT_COLUMNS, EVENT_COLUMNS, OUTFALL_COLUMNS


@dataclass(frozen=True)
class Table:
    """A synced table: its columns (as captured) and which of them hold JSON text."""

    name: str
    columns: tuple[str, ...]
    json_columns: tuple[str, ...] = ()


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("outfalls", OUTFALL_COLUMNS, ("discharging_units",)),
        Table("outfall_events", EVENT_COLUMNS),
        Table("outfall_edits", EDIT_COLUMNS),
        Table("inspections", inspection_schema.INSPECTION_COLUMNS, ("sections", "position")),
        Table("inspection_photos", inspection_schema.PHOTO_COLUMNS),
        Table("patrols", patrol_schema.PATROL_COLUMNS, ("pauses", "outfalls_passed")),
        Table("patrol_tracks", patrol_schema.TRACK_COLUMNS, ("points",)),
        Table("patrol_problems", patrol_problems_schema.PROBLEM_COLUMNS),
        Table("patrol_photos", patrol_schema.PHOTO_COLUMNS),
    )
}
RECORD_ENTITIES = ("inspections", "patrols")  # what the panel lists, one line per record
PHOTO_LIST_FIELDS = ("photo_sha256s", "photos")


def now_iso() -> str:
    return (
        time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime())
        + f".{int(time.time() * 1000) % 1000:03d}Z"
    )


# -- the account -----------------------------------------------------------------------------


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
    """Store a successful login. Another user on this profile would mix two people's outboxes:
    the caller refuses that before logging in (see ``sync.client.engine``). The app signs in
    through ``fieldapp.store.identity.sign_in``, which also binds the profile's records."""
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
        conn.execute("UPDATE sync_account SET last_attempt_at = ? WHERE id = 1", (now_iso(),))
        conn.execute(
            "INSERT INTO sync_errors (at, code, detail) VALUES (?, ?, ?)",
            (now_iso(), code, detail[:500]),
        )
        conn.execute(
            "DELETE FROM sync_errors WHERE id NOT IN (SELECT id FROM sync_errors"
            " ORDER BY id DESC LIMIT 20)"
        )


def errors(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(at, code, detail) of the errors since the last good sync, newest first."""
    return [
        (r[0], r[1], r[2])
        for r in conn.execute("SELECT at, code, detail FROM sync_errors ORDER BY id DESC")
    ]


# -- the hybrid logical clock ------------------------------------------------------------------


def format_hlc(ms: int, counter: int, node: str) -> str:
    return f"{ms:013d}:{counter:05d}:{node}"


def parse_hlc(hlc: str) -> tuple[int, int]:
    parts = hlc.split(":")
    try:
        return int(parts[0]), int(parts[1])
    except (IndexError, ValueError):
        return 0, 0


def _clock(conn: sqlite3.Connection) -> tuple[int, int]:
    row = conn.execute("SELECT hlc_ms, hlc_counter FROM sync_account WHERE id = 1").fetchone()
    return int(row[0]), int(row[1])


def _set_clock(conn: sqlite3.Connection, ms: int, counter: int) -> None:
    conn.execute("UPDATE sync_account SET hlc_ms = ?, hlc_counter = ? WHERE id = 1", (ms, counter))


def _tick(state: tuple[int, int], physical_ms: int) -> tuple[int, int]:
    """HLC send/local event: later than everything seen, and at least the physical time."""
    ms, counter = state
    if physical_ms > ms:
        return physical_ms, 0
    return ms, counter + 1


def _witness(state: tuple[int, int], remote: str) -> tuple[int, int]:
    """HLC receive: never issue a stamp at or below one seen from the server."""
    return max(state, parse_hlc(remote))


def _iso_ms(at: str) -> int:
    import datetime as dt

    try:
        parsed = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return int(time.time() * 1000)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return int(parsed.timestamp() * 1000)


# -- rows ------------------------------------------------------------------------------------


def row_data(conn: sqlite3.Connection, entity: str, row_id: str) -> dict[str, Any] | None:
    """A local row as the change log carries it (JSON columns embedded), or None."""
    table = TABLES[entity]
    row = conn.execute(
        f"SELECT {', '.join(table.columns)} FROM {table.name} WHERE id = ?", (row_id,)
    ).fetchone()
    if row is None:
        return None
    data = dict(zip(table.columns, row, strict=True))
    for c in table.json_columns:
        if data[c] is not None:
            data[c] = json.loads(data[c])
    return data


def _write_row(
    conn: sqlite3.Connection, entity: str, data: dict[str, Any] | None, row_id: str
) -> None:
    """Make the local row equal to ``data`` (None: delete). Call inside ``applying_incoming``."""
    table = TABLES.get(entity)
    if table is None:
        return
    if data is None:
        conn.execute(f"DELETE FROM {table.name} WHERE id = ?", (row_id,))
        return
    values = []
    for c in table.columns:
        v = data.get(c)
        if c in table.json_columns and v is not None:
            v = json.dumps(v, ensure_ascii=False, sort_keys=True)
        values.append(v)
    cols = ", ".join(table.columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in table.columns if c != "id")
    conn.execute(
        f"INSERT INTO {table.name} ({cols}) VALUES ({', '.join('?' * len(values))})"
        f" ON CONFLICT (id) DO UPDATE SET {updates}",
        values,
    )


def _server_row(conn: sqlite3.Connection, entity: str, row_id: str) -> tuple[bool, Any]:
    """(known, data) of the server's last known state of a row (data None: deleted there)."""
    row = conn.execute(
        "SELECT data FROM sync_server_rows WHERE entity = ? AND row_id = ?", (entity, row_id)
    ).fetchone()
    if row is None:
        return False, None
    return True, None if row[0] is None else json.loads(row[0])


def _set_server_row(
    conn: sqlite3.Connection, entity: str, row_id: str, data: Any, hlc: str = ""
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO sync_server_rows (entity, row_id, data, hlc) VALUES (?, ?, ?, ?)",
        (entity, row_id, None if data is None else json.dumps(data, ensure_ascii=False), hlc),
    )


def _batched_seq(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT batched_seq FROM sync_account WHERE id = 1").fetchone()[0])


def has_local_change(conn: sqlite3.Connection, entity: str, row_id: str, after_seq: int) -> bool:
    """Whether the row has a change after ``after_seq`` that the server has not answered yet."""
    if conn.execute(
        "SELECT 1 FROM change_log WHERE entity = ? AND row_id = ? AND seq > ? LIMIT 1",
        (entity, row_id, after_seq),
    ).fetchone():
        return True
    return bool(
        conn.execute(
            "SELECT 1 FROM sync_batch_rows r JOIN sync_batches b USING (batch_id)"
            " WHERE r.entity = ? AND r.row_id = ? AND b.state = 'open' AND b.last_seq > ? LIMIT 1",
            (entity, row_id, after_seq),
        ).fetchone()
    )


def photo_refs(data: Any) -> set[str]:
    """SHA-256 photo references in a row (fields named ``sha256`` or photo lists)."""
    found: set[str] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "sha256" and isinstance(item, str):
                    found.add(item)
                elif key in PHOTO_LIST_FIELDS and isinstance(item, list):
                    found.update(r for r in item if isinstance(r, str))
                    stack.extend(r for r in item if isinstance(r, dict))
                else:
                    stack.append(item)
        elif isinstance(value, list):
            stack.extend(value)
    return found


# -- batches ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Batch:
    batch_id: str
    first_seq: int
    last_seq: int
    body: str
    refs: tuple[str, ...]
    missing: tuple[str, ...]
    n_changes: int
    state: str


_BATCH_COLS = "batch_id, first_seq, last_seq, body, refs, missing, n_changes, state"


def _batch(row: Sequence[Any]) -> Batch:
    return Batch(
        row[0], row[1], row[2], row[3], tuple(json.loads(row[4])), tuple(json.loads(row[5])),
        row[6], row[7],
    )  # fmt: skip


def unfinished_batches(conn: sqlite3.Connection) -> list[Batch]:
    """Batches not yet done, oldest first (open ones must be answered in this order)."""
    return [
        _batch(r)
        for r in conn.execute(
            f"SELECT {_BATCH_COLS} FROM sync_batches WHERE state != 'done' ORDER BY last_seq"
        )
    ]


def make_batch(conn: sqlite3.Connection, max_changes: int, node: str) -> Batch | None:
    """Take the next changes of the log into a new stored batch (None: nothing to send).

    Several changes of one row in the window become its last state (the server keeps rows, not
    keystrokes). Upserts go in the order their rows first changed (a parent before its children),
    deletes after them, children first. A row created and deleted here without the server ever
    holding it is not sent at all. Each change gets a hybrid-logical-clock stamp from its capture
    time, later than every stamp issued or seen before.
    """
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        start = _batched_seq(conn)
        rows = conn.execute(
            "SELECT seq, change_id, entity, row_id, op, data, at FROM change_log"
            " WHERE seq > ? ORDER BY seq LIMIT ?",
            (start, max_changes),
        ).fetchall()
        if not rows:
            return None
        last_seq = rows[-1][0]
        first_at: dict[tuple[str, str], int] = {}
        latest: dict[tuple[str, str], tuple[Any, ...]] = {}
        for r in rows:
            key = (r[2], r[3])
            first_at.setdefault(key, r[0])
            latest[key] = r
        upserts, deletes = [], []
        for key, r in latest.items():
            if r[4] == "delete":
                known, server_data = _server_row(conn, *key)
                if not known or server_data is None:
                    continue
                deletes.append(key)
            else:
                upserts.append(key)
        upserts.sort(key=lambda k: first_at[k])
        # children before their parents (a photo before its inspection: the server refuses a
        # child whose parent is already gone), then the latest first
        deletes.sort(key=lambda k: (k[0] not in RECORD_OF, -first_at[k]))
        clock = _clock(conn)
        changes = []
        refs: set[str] = set()
        for key in upserts + deletes:
            _, change_id, entity, row_id, op, data, at = latest[key]
            clock = _tick(clock, _iso_ms(at))
            parsed = None if data is None else json.loads(data)
            if parsed is not None:
                refs |= photo_refs(parsed)
            changes.append(
                {
                    "change_id": change_id,
                    "entity": entity,
                    "row_id": row_id,
                    "op": op,
                    "data": parsed,
                    "at": at,
                    "hlc": format_hlc(clock[0], clock[1], node),
                }
            )
        _set_clock(conn, *clock)
        conn.execute("UPDATE sync_account SET batched_seq = ? WHERE id = 1", (last_seq,))
        if not changes:
            return None
        batch_id = str(uuid.uuid4())
        body = json.dumps(
            {"batch_id": batch_id, "changes": changes, "protocol_version": 1},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        conn.execute(
            "INSERT INTO sync_batches (batch_id, first_seq, last_seq, body, refs, n_changes,"
            " state, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
            (
                batch_id,
                rows[0][0],
                last_seq,
                body,
                json.dumps(sorted(refs)),
                len(changes),
                now_iso(),
            ),
        )
        conn.executemany(
            "INSERT INTO sync_batch_rows (batch_id, entity, row_id, change_id, op)"
            " VALUES (?, ?, ?, ?, ?)",
            [(batch_id, c["entity"], c["row_id"], c["change_id"], c["op"]) for c in changes],
        )
        return Batch(
            batch_id, rows[0][0], last_seq, body, tuple(sorted(refs)), (), len(changes), "open"
        )


@dataclass(frozen=True)
class AnswerSummary:
    applied: int
    duplicate: int
    proposed: int
    conflict: int
    rejected: int
    missing_photos: tuple[str, ...]


def record_answer(conn: sqlite3.Connection, batch: Batch, answer: dict[str, Any]) -> AnswerSummary:
    """Apply the server's answer to a batch, in one transaction; idempotent.

    applied / duplicate: the server holds what was sent. proposed: the ledger is unchanged until a
    supervisor decides; the local row goes back to the server's. conflict: merged field by field
    (see ``merge``), the merged row becomes a new change. rejected: the local row goes back to the
    server's. Nothing is reverted over a newer local change. Every conflict, rejection and proposal
    is kept in ``sync_issues`` with the local and the server's values.
    """
    sent = {c["change_id"]: c for c in json.loads(batch.body)["changes"]}
    counts = dict.fromkeys(("applied", "duplicate", "proposed", "conflict", "rejected"), 0)
    node = account(conn).device_id or "device"
    with capture.applying_incoming(conn):
        state = conn.execute(
            "SELECT state FROM sync_batches WHERE batch_id = ?", (batch.batch_id,)
        ).fetchone()
        if state is None or state[0] != "open":
            missing = tuple(json.loads(_missing_of(conn, batch.batch_id)))
            return AnswerSummary(0, 0, 0, 0, 0, missing)
        for result in answer["results"]:
            change = sent.get(result["change_id"])
            if change is None:
                continue
            kind = result["result"]
            counts[kind] = counts.get(kind, 0) + 1
            _reconcile(conn, batch, change, result, node)
        conn.executemany(
            "UPDATE sync_batch_rows SET result = ? WHERE batch_id = ? AND change_id = ?",
            [(r["result"], batch.batch_id, r["change_id"]) for r in answer["results"]],
        )
        missing = tuple(answer.get("missing_photos") or ())
        done = not missing
        conn.execute(
            "UPDATE sync_batches SET state = ?, missing = ?, answered_at = ?, done_at = ?"
            " WHERE batch_id = ?",
            (
                "done" if done else "answered",
                json.dumps(list(missing)),
                now_iso(),
                now_iso() if done else None,
                batch.batch_id,
            ),
        )
    return AnswerSummary(
        counts["applied"], counts["duplicate"], counts["proposed"], counts["conflict"],
        counts["rejected"], missing,
    )  # fmt: skip


def _missing_of(conn: sqlite3.Connection, batch_id: str) -> str:
    row = conn.execute(
        "SELECT missing FROM sync_batches WHERE batch_id = ?", (batch_id,)
    ).fetchone()
    return "[]" if row is None else str(row[0])


def _issue(
    conn: sqlite3.Connection,
    kind: str,
    change: dict[str, Any],
    reason: str | None,
    server_data: Any,
    resolution: str,
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO sync_issues (at, kind, entity, row_id, change_id, reason,"
        " local_data, server_data, resolution) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            now_iso(),
            kind,
            change["entity"],
            change["row_id"],
            change["change_id"],
            reason,
            json.dumps(change["data"], ensure_ascii=False),
            json.dumps(server_data, ensure_ascii=False),
            resolution,
        ),
    )


def _reconcile(
    conn: sqlite3.Connection,
    batch: Batch,
    change: dict[str, Any],
    result: dict[str, Any],
    node: str,
) -> None:
    entity, row_id, kind = change["entity"], change["row_id"], result["result"]
    newer_local = has_local_change(conn, entity, row_id, batch.last_seq)
    if kind in ("applied", "duplicate"):
        _set_server_row(conn, entity, row_id, change["data"], change["hlc"])
        settle(conn, entity, row_id, "accepted")  # an earlier refusal of the row is behind us
        return
    known, server_data = _server_row(conn, entity, row_id)
    if kind == "proposed":
        _issue(conn, "proposed", change, result.get("proposal_id"), server_data, "awaiting_review")
        if not newer_local and known:
            _write_row(conn, entity, server_data if known else None, row_id)
        return
    if kind == "rejected":
        # A row the server never held stays as it is here (never wipe field data); the issue
        # list says why it was refused.
        _issue(conn, "rejected", change, result.get("reason"), server_data, "kept_server")
        if not newer_local and known:
            _write_row(conn, entity, server_data if known else None, row_id)
        return
    # conflict: the server's row was written by another device at a later clock.
    theirs = result.get("server_row")
    _set_server_row(conn, entity, row_id, theirs)
    merged = merge(server_data if known else None, change["data"], theirs)
    if merged == theirs or merged is None:
        _issue(conn, "conflict", change, "later_edit_elsewhere", theirs, "kept_server")
        if not newer_local:
            _write_row(conn, entity, theirs, row_id)
        return
    _issue(conn, "conflict", change, "later_edit_elsewhere", theirs, "merged")
    if not newer_local:
        _write_row(conn, entity, merged, row_id)
        enqueue(conn, entity, row_id, merged)


def merge(base: Any, ours: Any, theirs: Any) -> Any:
    """Field-level last writer wins, where the server's row is the later writer (a conflict
    answer means its clock is later): a field only we changed since the common base keeps our
    value; every other field takes the server's. A delete on either side against an edit on
    the other keeps the edited row (the later edit wins over our delete; our edit over nothing
    is the server's deletion, which wins as the later write)."""
    if theirs is None:
        return None
    if ours is None:
        return theirs
    merged = dict(theirs)
    base = base or {}
    for field, value in ours.items():
        if field in base and base.get(field) == value:
            continue  # we did not change it
        if field not in base or base.get(field) == theirs.get(field):
            merged[field] = value  # only we changed it
    return merged


def enqueue(conn: sqlite3.Connection, entity: str, row_id: str, data: dict[str, Any]) -> None:
    """A change made outside capture (a merge result, a re-attributed or resent row), sent like
    any captured change. Call inside a transaction."""
    conn.execute(
        "INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (?, ?, ?, ?, ?, ?)",
        (
            str(uuid.uuid4()),
            entity,
            row_id,
            "upsert",
            json.dumps(data, ensure_ascii=False),
            now_iso(),
        ),
    )


def mark_photos_arrived(
    conn: sqlite3.Connection, batch_id: str, still_missing: Iterable[str]
) -> bool:
    """Record which photos of an answered batch the server still lacks; done when none."""
    left = sorted(set(still_missing))
    with conn:
        conn.execute(
            "UPDATE sync_batches SET missing = ?, state = CASE WHEN ? THEN 'done' ELSE state END,"
            " done_at = CASE WHEN ? THEN ? ELSE done_at END WHERE batch_id = ? AND state = 'answered'",
            (json.dumps(left), not left, not left, now_iso(), batch_id),
        )
    return not left


def give_up_photos(conn: sqlite3.Connection, batch_id: str, lost: Iterable[str]) -> None:
    """An answered batch is done although these photos never reached the server: their files
    are gone from this laptop. Each is kept as an issue the user sees; the server keeps the
    batch marked incomplete, so reviewers see the photo missing too. Nothing else waits."""
    shas = sorted(set(lost))
    with conn:
        for sha in shas:
            lost_photo = {"entity": "photos", "row_id": sha, "change_id": f"photo-lost:{sha}",
                          "data": {"sha256": sha}}  # fmt: skip
            _issue(conn, "rejected", lost_photo, "photo_missing_locally", None, "not_uploaded")
        conn.execute(
            "UPDATE sync_batches SET missing = ?, state = 'done', done_at = ?"
            " WHERE batch_id = ? AND state = 'answered'",
            (json.dumps(shas), now_iso(), batch_id),
        )


# -- pull ------------------------------------------------------------------------------------


def pull_cursor(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT pull_cursor FROM sync_account WHERE id = 1").fetchone()[0])


def restart_pull(conn: sqlite3.Connection) -> None:
    """Pull everything again from the start (the server said the user's area grew)."""
    with conn:
        conn.execute("UPDATE sync_account SET pull_cursor = 0 WHERE id = 1")


def apply_pulled(conn: sqlite3.Connection, items: Sequence[dict[str, Any]], cursor: int) -> int:
    """Apply one page of server changes and store the cursor, in one uncaptured transaction.

    A row with a local change the server has not answered yet is not overwritten: only the
    server's state is remembered, and the answer to that change reconciles the row later.
    Returns how many rows were written locally.
    """
    written = 0
    with capture.applying_incoming(conn):
        clock = _clock(conn)
        after = _answered_seq(conn)
        for item in items:
            clock = _witness(clock, item["hlc"])
            entity, row_id, data = item["entity"], item["row_id"], item["data"]
            if entity == "reviews":
                _store_review(conn, data, row_id, item["op"])
                continue
            if entity == "tasks":
                conn.execute(
                    "INSERT OR REPLACE INTO sync_tasks (id, data, deleted) VALUES (?, ?, ?)",
                    (row_id, json.dumps(data, ensure_ascii=False), int(item["op"] == "delete")),
                )
                continue
            if entity not in TABLES:
                continue
            data = None if item["op"] == "delete" else data
            _set_server_row(conn, entity, row_id, data, item["hlc"])
            if has_local_change(conn, entity, row_id, after):
                continue
            _write_row(conn, entity, data, row_id)
            written += 1
        _set_clock(conn, *clock)
        conn.execute(
            "UPDATE sync_account SET pull_cursor = max(pull_cursor, ?) WHERE id = 1", (cursor,)
        )
    return written


def _answered_seq(conn: sqlite3.Connection) -> int:
    """The log position up to which every change has an answer from the server."""
    row = conn.execute(
        "SELECT min(first_seq) - 1 FROM sync_batches WHERE state = 'open'"
    ).fetchone()
    return int(row[0]) if row[0] is not None else _batched_seq(conn)


def _store_review(conn: sqlite3.Connection, data: Any, row_id: str, op: str) -> None:
    if op == "delete" or not isinstance(data, dict):
        conn.execute("DELETE FROM sync_reviews WHERE id = ?", (row_id,))
        return
    if data.get("proposal_id") and data.get("state"):  # the decision shows on the proposal
        conn.execute(
            "UPDATE sync_issues SET resolution = ? WHERE kind = 'proposed' AND reason = ?",
            (f"proposal_{data['state']}", str(data["proposal_id"])),
        )
    conn.execute(
        "INSERT OR REPLACE INTO sync_reviews (id, record_entity, record_id, state, comment,"
        " reviewer, at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row_id,
            str(data.get("record_entity", "")),
            str(data.get("record_id", "")),
            str(data.get("state", "")),
            str(data.get("comment") or ""),
            str(data.get("reviewer") or ""),
            str(data.get("at") or ""),
            json.dumps(data, ensure_ascii=False),
        ),
    )


# -- what the panel shows --------------------------------------------------------------------


@dataclass(frozen=True)
class Pending:
    """What is left to send: changes and distinct rows, photos and their bytes."""

    changes: int
    records: int
    photos: int
    photo_bytes: int
    batches_waiting: int

    @property
    def empty(self) -> bool:
        return self.changes == 0 and self.batches_waiting == 0


def pending(conn: sqlite3.Connection, photo_size: Any = None) -> Pending:
    """Costs follow the number of unsent changes, not the size of the database."""
    start = _batched_seq(conn)
    changes, records = conn.execute(
        "SELECT count(*), count(DISTINCT entity || ':' || row_id) FROM change_log WHERE seq > ?",
        (start,),
    ).fetchone()
    waiting = unfinished_batches(conn)
    for b in waiting:
        changes += b.n_changes
        records += b.n_changes
    shas: set[str] = set()
    for (data,) in conn.execute("SELECT data FROM change_log WHERE seq > ?", (start,)):
        if data:
            shas |= photo_refs(json.loads(data))
    for b in waiting:
        shas |= set(b.refs if b.state == "open" else b.missing)
    size = 0
    if photo_size is not None:
        size = sum(photo_size(s) for s in shas)
    return Pending(changes, records, len(shas), size, len(waiting))


@dataclass(frozen=True)
class RecordState:
    entity: str
    row_id: str
    label: str
    state: str  # draft / ready / queued / sent / received / reviewed / returned
    review_comment: str
    updated_at: str
    review_deadline: str = ""  # a returned record's correction deadline (ISO date), if any
    outfall_id: str = ""  # an inspection's outfall (to open it)
    status: str = ""  # the record's own status: draft / complete
    reasons: tuple[str, ...] = ()  # why the server refused it (refused records)


STATES = (
    "draft", "ready", "queued", "sent", "received", "reviewed", "returned", "refused", "withdrawn"
)  # fmt: skip


def record_states(conn: sqlite3.Connection, limit: int = 500) -> list[RecordState]:
    """The sync state of the most recently changed records (inspections and patrols)."""
    start = _batched_seq(conn)
    unsent = {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT DISTINCT entity, row_id FROM change_log WHERE seq > ?", (start,)
        )
    }
    in_batch: dict[tuple[str, str], str] = {}
    for entity, row_id, state in conn.execute(
        "SELECT r.entity, r.row_id, b.state FROM sync_batch_rows r JOIN sync_batches b"
        " USING (batch_id) WHERE b.state != 'done'"
    ):
        in_batch[(entity, row_id)] = "queued" if state == "open" else "sent"
    reviews = {
        (r[0], r[1]): (r[2], r[3], r[4] or "")
        for r in conn.execute(
            "SELECT record_entity, record_id, state, comment, json_extract(data, '$.deadline')"
            " FROM sync_reviews ORDER BY at"
        )
    }
    out = []
    queries = {
        # Labelled by the outfall people know (its code and name), not by an id.
        "inspections": "SELECT i.id, coalesce(o.display_code || ' ' || o.name, i.outfall_id),"
        " i.status, i.updated_at, i.outfall_id FROM inspections AS i"
        " LEFT JOIN outfalls AS o ON o.id = i.outfall_id",
        "patrols": "SELECT id, river, status, updated_at, '' FROM patrols",
    }
    refused = {(r.entity, r.row_id): r.reasons for r in refused_records(conn)}
    withdrawn = _withdrawn(conn)
    for entity, sql in queries.items():
        for row_id, label, status, updated, outfall_id in conn.execute(
            f"{sql} ORDER BY 4 DESC LIMIT ?", (limit,)
        ):
            key = (entity, row_id)
            review = reviews.get(key)
            if key in unsent:
                state = "draft" if status == "draft" else "ready"
            elif key in in_batch:
                state = in_batch[key]
            elif key in refused:
                state = "refused"
            elif key in withdrawn and key not in _known_rows(conn, entity, row_id):
                state = "withdrawn"
            elif review is not None:
                state = "returned" if review[0] == "returned" else "reviewed"
            elif (entity, row_id) in _known_rows(conn, entity, row_id):
                state = "received"
            else:
                state = "draft" if status == "draft" else "ready"
            out.append(
                RecordState(
                    entity,
                    row_id,
                    str(label or ""),
                    state,
                    review[1] if review else "",
                    str(updated),
                    str(review[2])[:10] if review else "",
                    str(outfall_id or ""),
                    str(status),
                    refused.get(key, ()) if state == "refused" else (),
                )
            )
    out.sort(key=lambda r: r.updated_at, reverse=True)
    return out[:limit]


def _known_rows(conn: sqlite3.Connection, entity: str, row_id: str) -> set[tuple[str, str]]:
    row = conn.execute(
        "SELECT 1 FROM sync_server_rows WHERE entity = ? AND row_id = ?", (entity, row_id)
    ).fetchone()
    return {(entity, row_id)} if row else set()


@dataclass(frozen=True)
class Issue:
    at: str
    kind: str
    entity: str
    row_id: str
    reason: str | None
    local_data: Any
    server_data: Any
    resolution: str
    settled: str | None = None  # refusals: accepted / resent / withdrawn, None while open
    note: str = ""  # a withdrawal's reason
    record_entity: str = ""  # the record the row belongs to (inspections / patrols / outfalls)
    record_label: str = ""  # what people call that record (the outfall's code and name…)


def issues(conn: sqlite3.Connection, limit: int = 500) -> list[Issue]:
    out = []
    for r in conn.execute(
        "SELECT at, kind, entity, row_id, reason, local_data, server_data, resolution, settled,"
        " note FROM sync_issues ORDER BY id DESC LIMIT ?",
        (limit,),
    ):
        local = json.loads(r[5] or "null")
        record = _record_key(r[2], r[3], local)
        out.append(
            Issue(r[0], r[1], r[2], r[3], r[4], local, json.loads(r[6] or "null"), r[7], r[8],
                  r[9] or "", record[0], _label(conn, *record))
        )  # fmt: skip
    return out


@dataclass(frozen=True)
class Snapshot:
    """Everything the sync panel shows, read in one go on the lane."""

    account: Account
    pending: Pending
    records: list[RecordState]
    issues: list[Issue]
    errors: list[tuple[str, str, str]]
    refusals: list[Refusal] = dataclasses.field(default_factory=list)


def snapshot(conn: sqlite3.Connection, photo_size: Any = None) -> Snapshot:
    return Snapshot(
        account(conn), pending(conn, photo_size), record_states(conn), issues(conn), errors(conn),
        refused_records(conn),
    )  # fmt: skip


# -- refusals: open until accepted later, resent or withdrawn ------------------------------------

# the record a refused row belongs to: (its entity, the field naming it in the row)
RECORD_OF: dict[str, tuple[str, str]] = {
    "inspection_photos": ("inspections", "inspection_id"),
    "patrol_tracks": ("patrols", "patrol_id"),
    "patrol_problems": ("patrols", "patrol_id"),
    "patrol_photos": ("patrols", "patrol_id"),
    "outfall_events": ("outfalls", "outfall_id"),
    "outfall_edits": ("outfalls", "outfall_id"),
}
PARENT_FIRST = ("outfalls", "inspections", "patrols")  # resent before the rows that follow them


@dataclass(frozen=True)
class Refusal:
    """One open refusal of a record: the rows of it the server refused, and why."""

    entity: str  # inspections / patrols / outfalls
    row_id: str
    label: str
    at: str  # the latest refusal
    reasons: tuple[str, ...]  # reason codes, the record's own first
    rows: tuple[tuple[str, str], ...]  # (entity, row_id) of every refused row


def _record_key(entity: str, row_id: str, data: Any) -> tuple[str, str]:
    parent = RECORD_OF.get(entity)
    if parent is not None and isinstance(data, dict) and data.get(parent[1]):
        return parent[0], str(data[parent[1]])
    return entity, row_id


_LABELS = {
    "inspections": "SELECT coalesce(o.display_code || ' ' || o.name, i.outfall_id) FROM"
    " inspections AS i LEFT JOIN outfalls AS o ON o.id = i.outfall_id WHERE i.id = ?",
    "patrols": "SELECT river FROM patrols WHERE id = ?",
    "outfalls": "SELECT coalesce(display_code || ' ', '') || name FROM outfalls WHERE id = ?",
}


def _label(conn: sqlite3.Connection, entity: str, row_id: str) -> str:
    sql = _LABELS.get(entity)
    row = conn.execute(sql, (row_id,)).fetchone() if sql else None
    return str(row[0]) if row and row[0] else ""


def refused_records(conn: sqlite3.Connection) -> list[Refusal]:
    """Records with a refusal not yet settled, newest first. A photo whose file is gone is not a
    refusal (it is listed as an issue; the record itself synced)."""
    grouped: dict[tuple[str, str], list[tuple[str, str, str, str]]] = {}
    for at, entity, row_id, reason, data in conn.execute(
        "SELECT at, entity, row_id, coalesce(reason, ''),"
        " CASE WHEN coalesce(local_data, 'null') = 'null' THEN server_data ELSE local_data END"
        " FROM sync_issues"
        " WHERE kind = 'rejected' AND settled IS NULL AND resolution != 'not_uploaded'"
        " ORDER BY id"
    ):
        if entity in TABLES and row_data(conn, entity, row_id) is None:
            continue  # deleted here since (e.g. the photo of a discarded draft): nothing to do
        key = _record_key(entity, row_id, json.loads(data or "null"))
        grouped.setdefault(key, []).append((at, entity, row_id, reason))
    out = []
    for (entity, row_id), items in grouped.items():
        own = [i[3] for i in items if (i[1], i[2]) == (entity, row_id)]
        reasons = tuple(dict.fromkeys(own + [i[3] for i in items]))
        rows = tuple(dict.fromkeys((i[1], i[2]) for i in items))
        out.append(
            Refusal(entity, row_id, _label(conn, entity, row_id), max(i[0] for i in items),
                    reasons, rows)
        )  # fmt: skip
    out.sort(key=lambda r: r.at, reverse=True)
    return out


def settle(conn: sqlite3.Connection, entity: str, row_id: str, how: str, note: str = "") -> int:
    """Close the open refusals of one row (inside the caller's transaction); how many."""
    return conn.execute(
        "UPDATE sync_issues SET settled = ?, settled_at = ?, note = ? WHERE entity = ?"
        " AND row_id = ? AND kind = 'rejected' AND settled IS NULL",
        (how, now_iso(), note, entity, row_id),
    ).rowcount


def _withdrawn(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    out = set()
    for entity, row_id, data in conn.execute(
        "SELECT entity, row_id, local_data FROM sync_issues WHERE settled = 'withdrawn'"
    ):
        out.add(_record_key(entity, row_id, json.loads(data or "null")))
    return out


@dataclass(frozen=True)
class Status:
    """What the main window's status strip shows, read in one go."""

    username: str | None
    signed_in: bool
    auto_sync: bool
    unsent: int  # records with changes not yet on the server
    refused: int
    returned: int  # returned records not yet revised and completed
    nearest_deadline: str | None  # ISO date of the nearest return deadline
    last_success_at: str | None
    last_error: str | None  # the code of the latest error since the last good sync


def status(conn: sqlite3.Connection) -> Status:
    from fieldapp.store import returns  # reads sync_reviews and inspections

    acct = account(conn)
    states = record_states(conn)
    unsent = sum(1 for r in states if r.state in ("ready", "queued", "sent"))
    waiting = [r for r in returns.returned(conn) if r.revision_status != "complete"]
    deadlines = sorted(r.deadline[:10] for r in waiting if r.deadline)
    errs = errors(conn)
    return Status(
        acct.username,
        acct.signed_in,
        acct.auto_sync,
        unsent,
        len(refused_records(conn)),
        len(waiting),
        deadlines[0] if deadlines else None,
        acct.last_success_at,
        errs[0][1] if errs else None,
    )
