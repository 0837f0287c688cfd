"""Shared fixtures for the photo tests: where the real test photos are."""

from __future__ import annotations

from pathlib import Path

import pytest

PHOTOS = Path(__file__).resolve().parents[2].parent / "shared" / "testdata" / "photos"


@pytest.fixture
def photos() -> Path:
    return PHOTOS
