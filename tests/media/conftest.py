"""Shared fixtures for the photo tests: where the real test photos are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PHOTOS = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"


@pytest.fixture
def photos() -> Path:
    return PHOTOS
