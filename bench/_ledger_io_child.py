"""One measurement of bench.ledger_io in a process of its own (so VmHWM is this work's peak).

    python -m bench._ledger_io_child MODE N FILE [DB]

Prints one JSON object: seconds, VmHWM in KiB, and what the mode counted.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def vmhwm_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def records(n: int) -> Iterator[dict[str, Any]]:
    """The ledger made lazily, in blocks, so a streaming writer's peak does not hold it all."""
    from ledgerio.testing import ledger_records

    block = 1000
    for start in range(0, n, block):
        for i, rec in enumerate(ledger_records(min(block, n - start), seed=start)):
            rec["national_code"] = f"{rec['county_code']}{start + i:07d}"
            rec["local_code"] = f"NT{rec['county_code'][-2:]}-{start + i:06d}"
            rec["name"] = rec["name"] + f"-{start + i}"
            yield rec


def main() -> None:
    mode, n, path = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    from ledgerio import export
    from ledgerio.vocab import load

    vocab = load()
    out: dict[str, Any] = {}
    if mode == "make":
        t, cpu = time.perf_counter(), time.process_time()
        out["rows"] = export.write_xlsx(path, records(n), vocab)
    elif mode == "read":
        from python_calamine import CalamineWorkbook

        t, cpu = time.perf_counter(), time.process_time()
        book = CalamineWorkbook.from_path(str(path))
        grid = book.get_sheet_by_name(book.sheet_names[0]).to_python()
        out["rows"] = len(grid) - 1
    elif mode == "import":
        from sync.server import db
        from sync.server.app import build_context
        from sync.server.config import Settings
        from sync.server.ledger_cli import CLI_ACTOR
        from sync.server.services.ledger_import import import_file

        ctx = build_context(Settings(database_url=f"sqlite:///{sys.argv[4]}", photo_dir=path.parent / "photos"))  # fmt: skip
        db.migrate(ctx.engine)
        t, cpu = time.perf_counter(), time.process_time()
        outcome = import_file(ctx, CLI_ACTOR, path)
        out["rows"] = outcome.plan.count("insert")
        out["applied"] = outcome.applied
    elif mode == "floor":
        out.update(_floor(path, Path(sys.argv[4])))
        print(json.dumps(out))
        return
    elif mode in ("export", "bare"):
        cols = export.columns(vocab)
        head = export.headers(vocab, cols)
        if mode == "bare":  # the same cells, already typed: only xlsxwriter's work remains
            import datetime as dt

            import xlsxwriter

            cells = [
                [
                    (c.kind, c.value(rec))
                    if c.kind != "date" or not c.value(rec)
                    else ("date", dt.datetime.fromisoformat(c.value(rec)))
                    for c in cols
                ]
                for rec in records(n)
            ]
            t, cpu = time.perf_counter(), time.process_time()
            book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
            ws = book.add_worksheet("排污口台账")
            date_fmt = book.add_format({"num_format": "yyyy-mm-dd"})
            for c, h in enumerate(head):
                ws.write_string(0, c, h)
            for r, row in enumerate(cells, start=1):
                for c, (kind, value) in enumerate(row):
                    if value is None or value == "":
                        continue
                    if kind == "number":
                        ws.write_number(r, c, value)
                    elif kind == "date":
                        ws.write_datetime(r, c, value, date_fmt)
                    else:
                        ws.write_string(r, c, value)
            book.close()
            out["rows"] = len(cells)
        else:
            ledger = list(records(n))
            t, cpu = time.perf_counter(), time.process_time()
            out["rows"] = export.write_xlsx(path, ledger, vocab)
    elif mode == "export-stream":
        t, cpu = time.perf_counter(), time.process_time()
        out["rows"] = export.write_xlsx(path, records(n), vocab)
    else:
        raise SystemExit(f"unknown mode {mode}")
    out["seconds"] = time.perf_counter() - t
    out["cpu_seconds"] = time.process_time() - cpu
    out["vmhwm_kib"] = vmhwm_kib()
    print(json.dumps(out))


def _floor(path: Path, db_path: Path) -> dict[str, Any]:
    """The least an import must do: read the file (calamine), make each row a canonical document
    and store it as a record and a feed item through the server's bulk path, one transaction.
    No header mapping, checks, plan, history or audit."""
    import datetime as dt
    import uuid

    from python_calamine import CalamineWorkbook

    from sync.server import db
    from sync.server.app import build_context
    from sync.server.canonical import dumps, server_hlcs, utcnow
    from sync.server.config import Settings
    from sync.server.queries import feed, records

    ctx = build_context(Settings(database_url=f"sqlite:///{db_path}", photo_dir=path.parent / "photos"))  # fmt: skip
    db.migrate(ctx.engine)
    t, cpu = time.perf_counter(), time.process_time()
    book = CalamineWorkbook.from_path(str(path))
    grid = book.get_sheet_by_name(book.sheet_names[0]).to_python()
    head = [str(h) for h in grid[0]]
    now = utcnow()
    record_rows, feed_rows = [], []
    for cells, hlc in zip(grid[1:], server_hlcs(len(grid) - 1), strict=True):
        doc = {
            h: c if isinstance(c, str | int | float) else c.isoformat()
            for h, c in zip(head, cells, strict=False)
            if isinstance(c, str | int | float | dt.date)
        }
        row_id = doc["id"] = str(uuid.uuid4())
        text = dumps(doc)
        record_rows.append(("outfalls", row_id, 1, text, "320612", "floor", None, "ledger", None, False, hlc, None, None, now, None))  # fmt: skip
        feed_rows.append((str(uuid.uuid4()), "outfalls", row_id, "upsert", text, now, hlc, "320612"))  # fmt: skip
    with db.write(ctx.engine) as conn:
        records.copy_rows_of(conn, record_rows)
        feed.copy_many(conn, feed_rows)
    return {
        "rows": len(record_rows),
        "seconds": time.perf_counter() - t,
        "cpu_seconds": time.process_time() - cpu,
        "vmhwm_kib": vmhwm_kib(),
    }


if __name__ == "__main__":
    main()
