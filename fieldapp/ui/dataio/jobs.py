"""The work of the data window, each run on a thread of its own (never the GUI thread, never the
database lane): exports, the local check of an import file, the upload. Pure functions of their
inputs, reporting progress through a callback; no widget is touched here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.store import database, ledger_export
from fieldapp.store.ledger_query import LedgerQuery

Progress = Callable[[int, int], None]
FORMATS = ("xlsx", "csv", "geojson", "kml", "disclosure")


@dataclass(frozen=True)
class ExportDone:
    path: Path
    rows: int


def export(
    profile: Path, query: LedgerQuery, fmt: str, out: Path, progress: Progress
) -> ExportDone:
    """Write the outfalls the ledger shows to ``out`` in ``fmt``."""
    from ledgerio import disclosure
    from ledgerio import export as writers
    from ledgerio.vocab import load

    vocab = load()
    conn = database.open_reader(profile)
    try:
        total = ledger_export.count(conn, query)
        progress(0, total)
        rows = ledger_export.records(conn, query)
        if fmt == "xlsx":
            n = writers.write_xlsx(out, rows, vocab, progress=lambda done: progress(done, total))
        elif fmt == "csv":
            n = writers.write_csv(out, rows, vocab)
        elif fmt == "disclosure":
            n = disclosure.write_by_suffix(out, list(rows), vocab)
        else:
            n = writers.write_by_suffix(out, list(rows), vocab)
    finally:
        conn.close()
    progress(total, total)
    return ExportDone(out, n)


@dataclass(frozen=True)
class CheckDone:
    plan: Any  # ledgerio.plan.Plan
    report: Path | None


def check(profile: Path, source: Path, report: Path | None, progress: Progress) -> CheckDone:
    """Check an import file against the laptop's copy of the ledger; write the report."""
    from ledgerio.importer import analyse
    from ledgerio.report import write_report
    from ledgerio.vocab import load

    vocab = load()
    conn = database.open_reader(profile)
    try:
        existing = list(ledger_export.records(conn))
    finally:
        conn.close()
    plan = analyse(source, vocab, existing, name=source.name, progress=progress)
    if report is not None:
        outcome = "本机检查（未写入）：" + "，".join(
            f"{zh} {plan.count(a)}" for a, zh in _labels().items() if plan.count(a)
        )
        write_report(report, plan, vocab, source=str(source), outcome=outcome)
    return CheckDone(plan, report)


def _labels() -> dict[Any, str]:
    from ledgerio.plan import ACTION_ZH

    return dict(ACTION_ZH)


@dataclass(frozen=True)
class UploadDone:
    applied: bool
    message_zh: str
    message_en: str
    plan: Any
    report: Path | None


def upload(
    server_url: str,
    token: str,
    source: Path,
    only_good_rows: bool,
    report: Path | None,
    progress: Progress,
    transport: Any = None,
) -> UploadDone:
    """Send the file to the server's import; write the server's report."""
    from ledgerio.plan import from_json
    from ledgerio.report import write_report
    from ledgerio.vocab import load
    from sync.client.ledger import upload as send

    answer = send(
        server_url,
        token,
        source.read_bytes(),
        name=source.name,
        dry_run=False,
        only_good_rows=only_good_rows,
        transport=transport,
        progress=progress,
    )
    plan = from_json(answer["plan"])
    if report is not None:
        write_report(report, plan, load(), source=str(source), outcome=answer["message_zh"])
    return UploadDone(answer["applied"], answer["message_zh"], answer["message_en"], plan, report)


def default_report(source: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return source.with_name(f"{source.stem}-导入报告-{stamp}.xlsx")
