"""Every UI package imports on its own, in a fresh interpreter: a package that works only after
another was imported first (an import cycle) breaks whoever imports it first."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "fieldapp" / "ui"
MODULES = sorted(
    [f"fieldapp.ui.{p.parent.name}" for p in UI.glob("*/__init__.py")]
    + [f"fieldapp.ui.{p.stem}" for p in UI.glob("*.py") if p.stem != "__init__"]
)


def test_the_list_holds_the_packages_that_broke() -> None:
    assert {"fieldapp.ui.complaints", "fieldapp.ui.leads", "fieldapp.ui.review"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_imports_alone(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
