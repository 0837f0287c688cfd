"""Fixtures for the storage tests: profile databases, valid outfalls, a generated ledger."""

from __future__ import annotations

import dataclasses
import itertools
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp import reference_data
from fieldapp.demo.generator import LedgerGenerator, load_geography
from fieldapp.domain.outfall import Outfall, OutfallId, new_id
from fieldapp.domain.reference import Reference
from fieldapp.paths import RESOURCES
from fieldapp.store import database, outfalls

LEDGER_SIZE = 3000
LEDGER_SEED = 7


@pytest.fixture(scope="session")
def ref() -> Reference:
    return reference_data.load()


_serial = itertools.count(1)


def new_outfall(**overrides: Any) -> Outfall:
    """A valid surveyed river outfall with fresh, unique id and codes."""
    n = next(_serial)
    county = str(overrides.get("county_code", "320612"))
    base = Outfall(
        id=OutfallId(new_id()),
        name=f"通州区金沙街道新华村东侧{n}m城镇雨洪排口",
        national_code=f"{county}R{n:06d}",  # the code rule: it starts with the county's code
        local_code=f"NT12-2020-{n:05d}",
        type_code="other",
        subtype_code="urban_storm",
        receiving_kind="river",
        basin="yangtze",
        water_body="通吕运河",
        county_code="320612",
        town="金沙街道",
        village="新华村",
        lat=32.08,
        lon=121.05,
        position_accuracy_m=4.0,
        position_source="gnss",
        discharging_units=("通州恒盛化工有限公司",),
    )
    return dataclasses.replace(base, **overrides)


@pytest.fixture(scope="session")
def make_outfall() -> Callable[..., Outfall]:
    """Builds a valid outfall with unique id and codes, with the given fields changed."""
    return new_outfall


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "profile.sqlite"


@pytest.fixture
def profile(db_path: Path) -> Iterator[sqlite3.Connection]:
    """A freshly created, fully migrated profile database."""
    conn = database.open_profile(db_path)
    yield conn
    conn.close()


def change_rows(conn: sqlite3.Connection) -> list[tuple[int, str, str, str, str]]:
    """The change log: (seq, change_id, entity, row_id, op), in order."""
    return conn.execute(
        "SELECT seq, change_id, entity, row_id, op FROM change_log ORDER BY seq"
    ).fetchall()


@pytest.fixture(scope="session")
def changes() -> Callable[[sqlite3.Connection], list[tuple[int, str, str, str, str]]]:
    return change_rows


@pytest.fixture(scope="session")
def ledger_path(tmp_path_factory: pytest.TempPathFactory, ref: Reference) -> Path:
    """A generated demo ledger of a few thousand outfalls (read-only for the tests)."""
    path = tmp_path_factory.mktemp("ledger") / "ledger.sqlite"
    generator = LedgerGenerator(
        ref, load_geography(RESOURCES / "demo" / "nantong.json"), LEDGER_SEED
    )
    conn = database.open_profile(path)
    try:
        outfalls.bulk_load_incoming(conn, generator.generate(LEDGER_SIZE))
    finally:
        conn.close()
    return path


@pytest.fixture(scope="session")
def ledger(ledger_path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the generated ledger."""
    conn = database.open_reader(ledger_path)
    yield conn
    conn.close()
