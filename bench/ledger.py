"""The ledger at 100,000 outfalls: start-up, search as you type, peak memory (issue 2).

- start to an interactive main window showing the first page, against a bare PySide6 script that
  shows an empty QMainWindow, both as fresh processes in the same run (target ≤ 2.5×);
- search as you type, per keystroke including the view's repaint, Chinese and code substrings
  (targets: median ≤ 15 ms, worst ≤ 50 ms);
- peak memory of the app with that ledger open, searched and scrolled (target ≤ 150 MB).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import Figure

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "var" / "bench"


def ledger_file(count: int) -> Path:
    """A demo ledger of `count` outfalls, made once and kept under var/bench/."""
    path = CACHE / f"ledger-{count}.sqlite"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        from fieldapp.demo.cli import write_demo

        partial = path.with_suffix(".partial")
        for stale in CACHE.glob(partial.name + "*"):
            stale.unlink()
        print(f"making a {count}-outfall demo ledger in {path} (once)...", file=sys.stderr)
        write_demo(str(partial), count)
        partial.rename(path)
    return path


def _child(mode: str, db: Path) -> tuple[float, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "bench._ledger_app", mode, str(db)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    return time.perf_counter() - t0, out.stdout


def run(quick: bool) -> list[Figure]:
    count = 20_000 if quick else 100_000
    db = ledger_file(count)
    runs = 3 if quick else 7
    _child("start", db)  # warm the OS caches for both
    _child("bare", db)
    bare, app = [], []
    for _ in range(runs):
        bare.append(_child("bare", db)[0])
        app.append(_child("start", db)[0])
    bare_s, app_s = statistics.median(bare), statistics.median(app)
    ratio = app_s / bare_s
    figures = [
        Figure(
            f"ledger.start_{count}",
            app_s * 1000,
            "ms",
            baseline=bare_s * 1000,
            target="≤ 2.5× bare QMainWindow",
            met=ratio <= 2.5,
        )
    ]
    _, out = _child("session", db)
    result = json.loads(out.strip().splitlines()[-1])
    all_latencies: list[float] = []
    for kind, latencies in result["latencies"].items():
        ms = [x * 1000 for x in latencies]
        all_latencies += ms
        figures.append(
            Figure(
                f"ledger.search_{kind}_median_{count}",
                statistics.median(ms),
                "ms",
                target="≤ 15 ms",
                met=statistics.median(ms) <= 15,
            )
        )
        figures.append(
            Figure(
                f"ledger.search_{kind}_worst_{count}",
                max(ms),
                "ms",
                target="≤ 50 ms",
                met=max(ms) <= 50,
            )
        )
    figures.append(
        Figure(
            f"ledger.peak_rss_{count}",
            result["peak_rss_mb"],
            "MB",
            target="≤ 150 MB",
            met=result["peak_rss_mb"] <= 150,
        )
    )
    return figures
