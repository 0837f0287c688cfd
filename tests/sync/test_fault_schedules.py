"""The proof: seeded fault schedules between devices and a real server (see conftest.py).

``HEKOU_SOAK=N`` runs N schedules instead of 200; ``HEKOU_SYNC_SEED=S`` runs only seed S (a
failing test prints its seed in its id: ``test_schedule[seed-1234]``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

COUNT = int(os.environ.get("HEKOU_SOAK", "200"))
ONLY = os.environ.get("HEKOU_SYNC_SEED")
SEEDS = [int(ONLY)] if ONLY else list(range(1, COUNT + 1))
PG_SEEDS = [int(ONLY)] if ONLY else list(range(10_001, 10_021))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed-{s}")
def test_schedule_sqlite(
    seed: int, sqlite_server: Any, profile_template: Path, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    sync_world_tools.run_schedule(sqlite_server, profile_template, schedule_tmp, seed)


@pytest.mark.postgres
@pytest.mark.parametrize("seed", PG_SEEDS, ids=lambda s: f"seed-{s}")
def test_schedule_postgresql(
    seed: int, pg_server: Any, profile_template: Path, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    sync_world_tools.run_schedule(pg_server, profile_template, schedule_tmp, seed)
