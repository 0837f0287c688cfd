"""The inspection form stays responsive while photos are ingested (issue 3).

Each run is a fresh child process (`bench._inspection_app`) that opens the inspection window and
adds 20 distinct photos (the test photos repeated, bytes made distinct) through its photo strip.
A 5 ms QTimer on the GUI thread records the gaps between its ticks: the largest gap, less the
period, is the longest stall of the event loop (target: none over 50 ms). Also reported: the
median time one photo's ingest takes in the worker (hash, EXIF, thumbnail, durable store) and the
time until all 20 are shown and linked to the record. Medians over the runs.
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
PHOTOS = 20
STALL_TARGET_MS = 50.0


def _child() -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory(prefix="hekou-bench-form-") as tmp:
        out = subprocess.run(
            [sys.executable, "-m", "bench._inspection_app", tmp, str(PHOTOS)],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def run(quick: bool) -> list[Figure]:
    runs = [_child() for _ in range(2 if quick else 5)]
    stalls = [float(r["max_stall_ms"]) for r in runs]  # type: ignore[arg-type]
    ingest = [statistics.median(r["ingest_ms"]) for r in runs]  # type: ignore[arg-type]
    totals = [float(r["total_s"]) * 1000 for r in runs]  # type: ignore[arg-type]
    errors = [e for r in runs for e in r["errors"]]  # type: ignore[attr-defined]
    if errors:
        raise RuntimeError(f"photos refused during the benchmark: {errors[:3]}")
    return [
        Figure(
            f"inspection_form.max_stall_{PHOTOS}_photos (median of runs)",
            statistics.median(stalls),
            "ms",
            target=f"≤ {STALL_TARGET_MS:.0f} ms",
            met=statistics.median(stalls) <= STALL_TARGET_MS,
        ),
        Figure(
            f"inspection_form.max_stall_{PHOTOS}_photos (worst run)",
            max(stalls),
            "ms",
            target=f"≤ {STALL_TARGET_MS:.0f} ms",
            met=max(stalls) <= STALL_TARGET_MS,
        ),
        Figure("inspection_form.ingest_per_photo_median", statistics.median(ingest), "ms"),
        Figure(f"inspection_form.all_{PHOTOS}_shown_and_saved", statistics.median(totals), "ms"),
    ]
