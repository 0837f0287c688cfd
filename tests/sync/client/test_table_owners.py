"""One writer per device sync table: every INSERT, UPDATE or DELETE of a ``sync_*`` table in the
app and the device's sync is in the module that owns it (the schema's migrations aside)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
OWNERS = {
    "sync_account": "sync/client/state/account.py",
    "sync_errors": "sync/client/state/account.py",
    "sync_batches": "sync/client/state/outbox.py",
    "sync_batch_rows": "sync/client/state/outbox.py",
    "sync_server_rows": "sync/client/state/server_rows.py",
    "sync_issues": "sync/client/state/issues.py",
    "sync_reviews": "sync/client/state/pull.py",
    "sync_tasks": "sync/client/state/pull.py",
}
SCHEMA = {"fieldapp/store/sync_schema.py", "fieldapp/store/migrations.py"}
WRITE = re.compile(r"\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+(sync_\w+)", re.I)


def writers() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for package in ("fieldapp", "sync/client"):
        for path in (ROOT / package).rglob("*.py"):
            name = path.relative_to(ROOT).as_posix()
            if name in SCHEMA:
                continue
            for table in WRITE.findall(path.read_text(encoding="utf-8")):
                found.setdefault(table, set()).add(name)
    return found


def test_each_sync_table_is_written_by_its_owner_only() -> None:
    found = writers()
    assert {t: sorted(m) for t, m in found.items()} == {t: [m] for t, m in OWNERS.items()}


def test_the_check_sees_a_write_where_it_is() -> None:
    assert WRITE.findall("conn.execute('INSERT OR REPLACE INTO sync_tasks (id) VALUES (?)')") == [
        "sync_tasks"
    ]
    assert WRITE.findall('"UPDATE sync_account SET token = NULL"') == ["sync_account"]
    assert WRITE.findall("SELECT * FROM sync_issues") == []
