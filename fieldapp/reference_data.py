"""Loads the reference data files under `resources/data/` into a domain `Reference`."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from fieldapp.domain.reference import Reference, build_reference
from fieldapp.paths import DATA


def _read(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


@cache
def load(data_dir: Path = DATA) -> Reference:
    """The reference data shipped with the app (read once per process)."""
    return build_reference(
        classification=_read(data_dir / "classification.json"),
        counties=_read(data_dir / "counties.json"),
        lifecycle=_read(data_dir / "lifecycle.json"),
        vocabularies=_read(data_dir / "vocabularies.json"),
        codes=_read(data_dir / "outfall_codes.json"),
    )
