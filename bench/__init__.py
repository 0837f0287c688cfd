"""Benchmarks: `python -m bench [--json] [--only NAME ...] [--quick]`.

Each benchmark module in this package defines ``run(quick: bool) -> list[Figure]`` and is listed in
``BENCHMARKS``. A figure carries its own baseline measured in the same run where one exists, so a
ratio means the same thing on any machine.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

# Module names under bench/, in the order they run.
BENCHMARKS: list[str] = [
    "ledger",
    "at_rest",
    "nmea",
    "photo_ingest",
    "server",
    "server_scale",
    "map",
    "inspection_form",
    "sync",
    "review",
    "ledger_io",
    "progress",
    "dataio_window",
]


@dataclass(frozen=True)
class Figure:
    """One measured figure; `met` says whether it meets `target` (None when there is no target)."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    target: str | None = None
    met: bool | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline

    def as_json(self) -> dict[str, object]:
        ratio = self.ratio
        return {
            "name": self.name,
            "value": round(self.value, 4),
            "unit": self.unit,
            "baseline": None if self.baseline is None else round(self.baseline, 4),
            "ratio": None if ratio is None else round(ratio, 3),
            "target": self.target,
            "met": self.met,
        }


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of `repeat` calls of fn."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def median(values: list[float]) -> float:
    return statistics.median(values)
