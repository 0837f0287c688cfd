"""Importing a bureau ledger file into the server's ledger (台账导入), in one transaction.

The file is read and every row checked outside the write lock (``ledgerio``: pure); the plan
against the stored ledger and its writes run in one serialised write transaction, so the plan
cannot go stale. Each row becomes a new version of the ``outfalls`` record (status ``ledger``) and
a feed item that devices of the county pull (the whole document: one item per outfall, as the pull
protocol has it); an update also writes one ``outfall_edits`` history row per changed field. Rows
go in bulk (``_bulk.copy_rows``: COPY on PostgreSQL).

The audit chain gets, attributed to the importer: one ``ledger.import`` entry naming the file
(its SHA-256), the counts and a SHA-256 over the list of rows written; then ``ledger.import.rows``
entries of up to a thousand rows each (``audit.ROWS_ACTIONS``): every record written (outfalls
and history rows) with its new version and the SHA-256 of its canonical document, and for updates
the version and digest it replaced. That is what an auditor needs to hold each stored row to the
chain (``audit verify`` reconciles them one by one, an outfall's dossier names the entry listing
it) and to tie it to the file; the documents themselves are in the records and the feed. Whole
documents per row in the chain cost more than the rest of the import's writes together.

Nothing is written on a dry run, nor when anything in the file is wrong, unless the caller chose
to import only the good rows (file-level errors still stop everything). Importing the same file
again finds every row unchanged and writes nothing at all (not even an audit entry).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ledgerio import plan as planning
from ledgerio import rows, sheet
from ledgerio.bulk import paused_gc
from ledgerio.ids import new_ids
from ledgerio.issues import FileRejected
from ledgerio.vocab import Vocab
from ledgerio.vocab import load as load_vocab
from sync.server import db
from sync.server.audit import ROWS_PER_ENTRY, AuditEntry, document_digest
from sync.server.canonical import Dumped, dumps, iso, server_hlcs, sha256_text, utcnow
from sync.server.context import ServerContext
from sync.server.models import Actor, StoredRecord
from sync.server.queries import audit, feed, records


@dataclass(frozen=True)
class ImportOutcome:
    plan: planning.Plan
    applied: bool
    zh: str
    en: str
    sha256: str


def import_file(
    ctx: ServerContext,
    actor: Actor,
    source: Path | bytes,
    *,
    name: str = "",
    dry_run: bool = False,
    only_good_rows: bool = False,
    sheet_name: str | None = None,
    default_datum: str = "wgs84",
    vocab: Vocab | None = None,
) -> ImportOutcome:
    """Check and (unless a dry run or a failing file) import a ledger file as ``actor``."""
    with paused_gc():  # millions of small containers that live to the end: ledgerio.bulk
        return _import(ctx, actor, source, name, dry_run, only_good_rows, sheet_name, default_datum, vocab)  # fmt: skip


def _import(
    ctx: ServerContext,
    actor: Actor,
    source: Path | bytes,
    name: str,
    dry_run: bool,
    only_good_rows: bool,
    sheet_name: str | None,
    default_datum: str,
    vocab: Vocab | None,
) -> ImportOutcome:
    vocab = vocab or load_vocab()
    data = source.read_bytes() if isinstance(source, Path) else source
    name = name or (source.name if isinstance(source, Path) else "")
    digest = hashlib.sha256(data).hexdigest()
    try:
        table = sheet.read(data, vocab, name=name, sheet=sheet_name)
    except FileRejected as exc:
        empty = planning.Plan([], exc.issues, set())
        return ImportOutcome(empty, False, "文件无法读取，未导入任何内容。", "The file cannot be read; nothing imported.", digest)  # fmt: skip
    results = list(rows.map_rows(table, vocab, default_datum))
    if dry_run:
        with db.read(ctx.engine) as conn:
            existing = records.live_data(conn, "outfalls")
        plan = _plan(results, table, existing, vocab, actor)
        return ImportOutcome(plan, False, "试导入（未写入）：" + _counts_zh(plan), "Dry run (nothing written): " + _counts_en(plan), digest)  # fmt: skip
    with db.write(ctx.engine) as conn:
        existing = records.live_data(conn, "outfalls")
        plan = _plan(results, table, existing, vocab, actor)
        file_failed = any(i.severity == "error" for i in plan.file_issues)
        if file_failed or (plan.failed and not only_good_rows):
            return ImportOutcome(plan, False, "文件有错误，未导入任何内容：" + _counts_zh(plan), "The file has errors; nothing imported: " + _counts_en(plan), digest)  # fmt: skip
        if plan.writes():
            _write(conn, actor, plan, name, digest)
    zh = ("已导入：" if not plan.failed else "已导入无错误的行：") + _counts_zh(plan)
    en = ("Imported: " if not plan.failed else "Imported the good rows: ") + _counts_en(plan)
    return ImportOutcome(plan, True, zh, en, digest)


def _plan(
    results: list[rows.RowResult],
    table: sheet.Table,
    existing: list[dict[str, Any]],
    vocab: Vocab,
    actor: Actor,
) -> planning.Plan:
    return planning.plan(
        results, table.fields(), existing, vocab, file_issues=table.issues, area=actor.sees
    )


def _counts_zh(plan: planning.Plan) -> str:
    return "，".join(
        f"{zh} {plan.count(a)}" for a, zh in planning.ACTION_ZH.items() if plan.count(a)
    )


def _counts_en(plan: planning.Plan) -> str:
    return ", ".join(f"{a} {plan.count(a)}" for a in planning.ACTION_ZH if plan.count(a))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        import json

        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _write(conn: Any, actor: Actor, plan: planning.Plan, name: str, digest: str) -> None:
    now = utcnow()
    stamp = iso(now)
    device = actor.device_id or None
    username = actor.username
    writes = plan.writes()
    stored = records.get_many(
        conn, [("outfalls", str(p.before["id"])) for p in writes if p.before is not None]
    )
    # New outfalls go as rows of ``records.COLUMNS`` straight away: most of a large import is
    # new rows, and a ``StoredRecord`` each (a frozen dataclass) cost more than its insert.
    new_rows: list[tuple[Any, ...]] = []
    changed_rows: list[StoredRecord] = []
    feed_rows: list[tuple[Any, ...]] = []
    listed: list[list[Any]] = []  # [entity, id, version, digest] of every row written
    replaced: list[list[Any]] = []  # the same of the versions an update replaced
    ids = new_ids()
    stamps = {"updated_at": stamp, "updated_by": username}
    created = {"created_at": stamp, **stamps}
    for p, hlc in zip(writes, server_hlcs(len(writes)), strict=True):
        assert p.record is not None
        # serialised once for the record, its feed item and its digest
        data = Dumped({**p.record, **(created if p.before is None else stamps)})
        county = str(data["county_code"])
        row_id = str(data["id"])
        text = data.text
        feed_rows.append((next(ids), "outfalls", row_id, "upsert", text, now, hlc, county))
        current = stored.get(("outfalls", row_id))
        if current is None:
            new_rows.append(("outfalls", row_id, 1, text, county, username, None, "ledger", None, False, hlc, device, None, now, None))  # fmt: skip
            listed.append(["outfalls", row_id, 1, sha256_text(text)])
        else:
            version = current.version + 1
            record = StoredRecord(
                entity="outfalls",
                id=row_id,
                version=version,
                data=data,
                county_code=county,
                owner=current.owner,
                parent_id=None,
                status="ledger",
                review_state=current.review_state,
                deleted=False,
                hlc=hlc,
                device_id=device,
                batch_id=None,
                updated_at=now,
            )
            changed_rows.append(record)
            listed.append(["outfalls", row_id, version, sha256_text(text)])
            replaced.append(["outfalls", row_id, current.version, document_digest(current.data)])
            for change in p.changes:
                edit = _edit(actor, record, change, stamp, next(ids))
                new_rows.append(records.row_of(edit))
                listed.append(["outfall_edits", edit.id, 1, document_digest(edit.data)])
    entries = [
        AuditEntry(
            at=now,
            username=username,
            device_id=device,
            action="ledger.import",
            entity="outfalls",
            row_id=None,
            before=None,
            after={
                "file": name,
                "sha256": digest,
                "inserted": plan.count("insert"),
                "updated": plan.count("update"),
                "unchanged": plan.count("unchanged"),
                "held_back": plan.count("lookalike") + plan.count("error"),
                "rows": len(listed),
                "rows_sha256": sha256_text(dumps(listed)),
            },
        )
    ]
    replaced_by_id = {r[1]: r for r in replaced}
    for start in range(0, len(listed), ROWS_PER_ENTRY):
        part = listed[start : start + ROWS_PER_ENTRY]
        before = [replaced_by_id[r[1]] for r in part if r[1] in replaced_by_id]
        entries.append(
            AuditEntry(
                at=now,
                username=username,
                device_id=device,
                action="ledger.import.rows",
                entity="outfalls",
                row_id=None,
                before={"rows": before} if before else None,
                after={"file_sha256": digest, "rows": part},
            )
        )
    records.copy_rows_of(conn, new_rows)
    records.update_many(conn, changed_rows)
    feed.copy_many(conn, feed_rows)
    audit.append_many(conn, entries)


def _edit(
    actor: Actor, record: StoredRecord, change: planning.Change, stamp: str, edit_id: str
) -> StoredRecord:
    """The ``outfall_edits`` history row of one changed field."""
    return StoredRecord(
        entity="outfall_edits",
        id=edit_id,
        version=1,
        data=Dumped(
            {
                "id": edit_id,
                "outfall_id": record.id,
                "at": stamp,
                "actor": actor.username,
                "field": change.field,
                "old_value": _text(change.before),
                "new_value": _text(change.after),
            }
        ),
        county_code=record.county_code,
        owner=actor.username,
        parent_id=record.id,
        status=None,
        review_state=None,
        deleted=False,
        hlc=record.hlc,
        device_id=record.device_id,
        batch_id=None,
        updated_at=record.updated_at,
    )
