"""Ledger import and export (issue 15) against bare library baselines, each in a child process.

- import: ``fieldapp-server``'s import of a 100,000-row ledger workbook (read, check, plan, write
  records, feed, audit into a fresh SQLite server database) against a bare python-calamine read
  of the same file; target ≤ 3×.
- export: the XLSX export of the same 100,000 records against a bare constant-memory xlsxwriter
  write of the same cells, already typed; target ≤ 1.5×.
- export memory: the export's peak (VmHWM) streaming 100,000 records against streaming 10,000;
  target ≤ 1.2× (flat in rows).

- import floor (informational): the least an import must do, in the same child setup: the calamine
  read, one canonical document per row, each stored as a record and a feed item through the
  server's bulk path in one transaction (no mapping, checks, plan, history or audit). Its ratio to
  the read says how much of the 3× any import that stores the rows has left.

Ratios are of CPU seconds (``time.process_time`` in the child): this machine's wall clock swings
with other work on it; wall seconds are printed beside them. Every child starts from this small
parent, so VmHWM is its own peak (NOTES.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench import Figure

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "var" / "bench" / "ledger_io"


def _child(mode: str, n: int, path: Path, db: Path | None = None) -> dict[str, Any]:
    argv = [sys.executable, "-m", "bench._ledger_io_child", mode, str(n), str(path)]
    if db is not None:
        argv.append(str(db))
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(quick: bool = False) -> list[Figure]:
    n = 10_000 if quick else 100_000
    WORK.mkdir(parents=True, exist_ok=True)
    source = WORK / f"ledger-{n}.xlsx"
    if not source.exists():
        _child("make", n, source)
    read = _child("read", n, source)
    db = WORK / f"import-{n}.db"
    for stale in WORK.glob(f"import-{n}.db*"):
        stale.unlink()
    imported = _child("import", n, source, db)
    floor_db = WORK / f"floor-{n}.db"
    for stale in WORK.glob(f"floor-{n}.db*"):
        stale.unlink()
    floor = _child("floor", n, source, floor_db)
    bare = _child("bare", n, WORK / "bare.xlsx")
    exported = _child("export", n, WORK / "export.xlsx")
    small = _child("export-stream", n // 10, WORK / "stream-small.xlsx")
    large = _child("export-stream", n, WORK / "stream-large.xlsx")
    print(
        f"ledger_io wall seconds: read {read['seconds']:.1f}, import {imported['seconds']:.1f}, "
        f"bare write {bare['seconds']:.1f}, export {exported['seconds']:.1f}",
        file=sys.stderr,
    )
    i_ratio = imported["cpu_seconds"] / read["cpu_seconds"]
    e_ratio = exported["cpu_seconds"] / bare["cpu_seconds"]
    m_ratio = large["vmhwm_kib"] / small["vmhwm_kib"]
    return [
        Figure(
            f"ledger import {n} rows (cpu)",
            imported["cpu_seconds"],
            "s",
            read["cpu_seconds"],
            "<= 3x calamine read",
            i_ratio <= 3,
        ),
        Figure(
            f"ledger import floor {n} rows (cpu): read, one document each, records + feed only",
            floor["cpu_seconds"],
            "s",
            read["cpu_seconds"],
            "informational: the least an import that stores the rows must do",
        ),
        Figure(
            f"ledger xlsx export {n} rows (cpu)",
            exported["cpu_seconds"],
            "s",
            bare["cpu_seconds"],
            "<= 1.5x bare xlsxwriter",
            e_ratio <= 1.5,
        ),
        Figure(
            f"ledger xlsx export peak memory {n} rows",
            large["vmhwm_kib"] / 1024,
            "MiB",
            small["vmhwm_kib"] / 1024,
            f"<= 1.2x of {n // 10} rows",
            m_ratio <= 1.2,
        ),
    ]
