"""The supervisor's review desk: opening a batch of 200 inspections with 800 photos.

Each run is a fresh child process (`bench._review_app`): a real server on loopback holding the
batch, a desk with an empty photo cache. Figures (medians of runs):

- the first record shown after choosing the batch (target ≤ 300 ms), against the bare client
  fetching the same batch's records (no UI) in the same run;
- the first record's thumbnails all shown;
- the longest event-loop stall while the batch opens and the supervisor steps through 20 records
  (detail, thumbnails and the full photo each, fetched and decoded off the GUI thread; target
  none over 50 ms);
- the time of that 20-record walk.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import Figure

ROOT = Path(__file__).resolve().parent.parent
RECORDS, PER = 200, 4
FIRST_TARGET_MS = 300.0
STALL_TARGET_MS = 50.0


def _child(records: int) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory(prefix="hekou-bench-review-") as tmp:
        out = subprocess.run(
            [sys.executable, "-m", "bench._review_app", tmp, str(records), str(PER)],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def run(quick: bool) -> list[Figure]:
    runs = [_child(RECORDS) for _ in range(2 if quick else 3)]

    def med(key: str) -> float:
        return statistics.median(float(r[key]) for r in runs)

    first, stall = med("first_record_ms"), med("max_stall_ms")
    n = f"{RECORDS}_records_{RECORDS * PER}_photos"
    return [
        Figure(
            f"review.first_record_shown_{n}",
            first,
            "ms",
            baseline=med("raw_records_ms"),
            target=f"≤ {FIRST_TARGET_MS:.0f} ms",
            met=first <= FIRST_TARGET_MS,
        ),
        Figure(f"review.first_record_thumbnails_{n}", med("thumbs_ms"), "ms"),
        Figure(
            f"review.max_stall_open_and_walk_20_{n}",
            stall,
            "ms",
            target=f"≤ {STALL_TARGET_MS:.0f} ms",
            met=stall <= STALL_TARGET_MS,
        ),
        Figure("review.walk_20_records", med("walk_s") * 1000, "ms"),
    ]
