"""The work of the data window, each run on a thread of its own (never the GUI thread, never the
database lane): exports, the local check of an import file, the upload. Pure functions of their
inputs, reporting progress through a callback; no widget is touched here.

Exports and checks run in a child process (``in_child``): python-calamine parses a whole sheet,
and xlsxwriter and the checks run long stretches of Python, holding the interpreter lock: in a
thread of the app's process they stalled the window's event loop by up to 650 ms (measured,
20,000 rows); from a child process the thread only waits on a pipe."""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from queue import Empty
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
    """What a check found, slim (it crosses from the child process; the full plan is in the
    report workbook): counts per outcome, whether the file fails, its first errors."""

    counts: dict[str, int]
    failed: bool
    problems: list[Any]  # ledgerio.issues.Issue, at most PROBLEMS_SHOWN
    report: Path | None


PROBLEMS_SHOWN = 6


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
    labels = _labels()
    if report is not None:
        outcome = "本机检查（未写入）：" + "，".join(
            f"{zh} {plan.count(a)}" for a, zh in labels.items() if plan.count(a)
        )
        write_report(report, plan, vocab, source=str(source), outcome=outcome)
    return summary(plan, report)


def summary(plan: Any, report: Path | None) -> CheckDone:
    problems = [i for i in plan.file_issues if i.severity == "error"]
    for row in plan.rows:
        if len(problems) >= PROBLEMS_SHOWN:
            break
        problems += [i for i in row.issues if i.severity == "error"]
    counts = {a: plan.count(a) for a in _labels()}
    return CheckDone(counts, plan.failed, problems[:PROBLEMS_SHOWN], report)


def _labels() -> dict[Any, str]:
    from ledgerio.plan import ACTION_ZH

    return dict(ACTION_ZH)


@dataclass(frozen=True)
class UploadDone:
    applied: bool
    message_zh: str
    message_en: str
    result: CheckDone


def upload(
    server_url: str,
    token: str,
    source: Path,
    only_good_rows: bool,
    report: Path | None,
    progress: Progress,
    transport: Any = None,
    install_id: str | None = None,
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
        install_id=install_id,
    )
    plan = from_json(answer["plan"])
    if report is not None:
        write_report(report, plan, load(), source=str(source), outcome=answer["message_zh"])
    return UploadDone(
        answer["applied"], answer["message_zh"], answer["message_en"], summary(plan, report)
    )


def _child(queue: Any, name: str, args: tuple[Any, ...], unlocked: Any = None) -> None:
    """Runs in the child: the job, its progress and its result (or error) go back on the queue.
    ``unlocked``: (profile, key) of an encrypted profile the app has unlocked (the child cannot
    ask the user; the key reaches it over the process's own pipe)."""
    last = [0.0]
    # below the app's own priority: on a busy laptop the window gets the processor first
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)
    if unlocked is not None:
        from fieldapp.vault import keys

        keys.register(*unlocked)

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= 0.05 or done >= total:
            last[0] = now
            queue.put(("progress", done, total))

    try:
        result = globals()[name](*args, progress)
    except Exception as exc:  # handed to the parent, which raises it there
        queue.put(("error", exc))
    else:
        queue.put(("done", result))


def warm_up() -> None:
    """Import what starting a child needs now, not on the worker thread later (an import runs
    module code under the interpreter lock: measured 50 ms of stalled window)."""
    import importlib
    import multiprocessing.popen_spawn_posix
    import multiprocessing.queues

    importlib.import_module("ledgerio.issues")  # unpickled from a check's answer
    importlib.import_module("fieldapp.vault.keys")

    multiprocessing.get_context("spawn")


def in_child(
    name: str, args: tuple[Any, ...], progress: Progress, profile: Path | None = None
) -> Any:
    """Run the job ``name`` of this module in a fresh process; progress comes back meanwhile.
    ``profile``: the job opens this profile (its key goes along when the app has unlocked it)."""
    from fieldapp.vault import keys

    key = keys.key_for(profile) if profile is not None else None
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    unlocked = None if key is None else (profile, key)
    process = context.Process(target=_child, args=(queue, name, args, unlocked), daemon=True)
    process.start()
    try:
        while True:
            try:
                message = queue.get(timeout=0.5)
            except Empty:
                if not process.is_alive():
                    raise RuntimeError(f"the {name} process ended without an answer") from None
                continue
            if message[0] == "progress":
                progress(message[1], message[2])
            elif message[0] == "error":
                raise message[1]
            else:
                return message[1]
    finally:
        process.join(timeout=5)


def default_report(source: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return source.with_name(f"{source.stem}-导入报告-{stamp}.xlsx")
