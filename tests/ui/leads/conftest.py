"""A small demo profile for the map tests (made once per session, copied per test)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldapp.demo.cli import write_demo
from fieldapp.store import database


@pytest.fixture(scope="session")
def map_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("map") / "template.sqlite"
    write_demo(str(path), 300, seed=11)
    database.open_profile(path).close()  # migrated to the current schema
    return path


@pytest.fixture
def map_profile(tmp_path: Path, map_template: Path) -> Path:
    path = tmp_path / "profile.sqlite"
    src, dst = sqlite3.connect(map_template), sqlite3.connect(path)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return path
