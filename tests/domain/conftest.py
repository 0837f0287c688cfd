"""Fixtures for the domain tests: the shipped reference data and a valid outfall to vary."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from fieldapp import reference_data
from fieldapp.domain.outfall import Outfall, OutfallId
from fieldapp.domain.reference import Reference

OUTFALL_ID = OutfallId("0b7f1e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b")


@pytest.fixture(scope="session")
def ref() -> Reference:
    return reference_data.load()


def valid_outfall(**overrides: Any) -> Outfall:
    """A complete, valid river outfall in 如东县 (a storm outlet, surveyed, party not known yet)."""
    base = Outfall(
        id=OUTFALL_ID,
        name="如东县掘港街道新华村东侧200m城镇雨洪排口",
        national_code="320623R000001",
        local_code="NT23-2020-00001",
        type_code="other",
        subtype_code="urban_storm",
        receiving_kind="river",
        basin="huai",
        water_body="如泰运河",
        county_code="320623",
        town="掘港街道",
        village="新华村",
        lat=32.31,
        lon=121.12,
        position_accuracy_m=3.5,
        position_source="gnss",
        lifecycle_state="surveyed",
    )
    return dataclasses.replace(base, **overrides)


@pytest.fixture(scope="session")
def make_outfall() -> Callable[..., Outfall]:
    """Builds a valid outfall with the given fields changed."""
    return valid_outfall
