"""Fixtures for the demo-ledger tests: one generated ledger with a fixed seed."""

from __future__ import annotations

from typing import Any

import pytest

from fieldapp import reference_data
from fieldapp.demo.generator import LedgerGenerator, load_geography
from fieldapp.domain.outfall import LifecycleEvent, Outfall
from fieldapp.domain.reference import Reference
from fieldapp.paths import RESOURCES

SIZE = 3000
SEED = 2023


@pytest.fixture(scope="session")
def ref() -> Reference:
    return reference_data.load()


@pytest.fixture(scope="session")
def geography() -> dict[str, Any]:
    return load_geography(RESOURCES / "demo" / "nantong.json")


@pytest.fixture(scope="session")
def generated(ref, geography) -> list[tuple[Outfall, list[LifecycleEvent]]]:
    return list(LedgerGenerator(ref, geography, SEED).generate(SIZE))
