"""A regular (non-editable) install carries the shipped resources and finds them.

The wheel is built from this checkout, installed into a fresh virtual environment with no access to
the checkout, and the installed app and ledger code must find every data file, translation and the
bundled font there (an editable install hides a missing one: it reads the checkout).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import json, sys
from fieldapp import paths
from ledgerio.vocab import RESOURCES as LEDGER_DATA
from ledgerio.resources import RESOURCES
print(json.dumps({
    "root": str(RESOURCES),
    "ledger_data": str(LEDGER_DATA),
    "data": sorted(p.name for p in paths.DATA.glob("*.json")),
    "qm": sorted(p.name for p in paths.TRANSLATIONS.glob("*.qm")),
    "font": paths.CJK_FONT.is_file(),
    "fieldapp": __import__("fieldapp").__file__,
}))
"""


@pytest.mark.slow
def test_a_wheel_install_finds_every_resource(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = wheels.glob("hekou-*.whl")
    env_dir = tmp_path / "env"
    # The new environment's own pip installs it: this environment's pip, even with --prefix, would
    # first uninstall the editable install it holds.
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    # The dependencies come from this environment's site-packages, given as a plain path entry: its
    # .pth files (the editable install's finder that points at the checkout) are not run.
    env = dict(os.environ, PYTHONPATH=sysconfig.get_paths()["purelib"])
    probe = subprocess.run(
        [str(python), "-c", PROBE], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    assert found["fieldapp"].startswith(str(env_dir)), "the installed copy, not the checkout"
    assert found["root"] == str(env_dir / "share" / "hekou" / "resources")
    assert found["ledger_data"] == str(env_dir / "share" / "hekou" / "resources" / "data")
    assert found["data"] == sorted(p.name for p in (ROOT / "resources" / "data").glob("*.json"))
    shipped_qm = sorted(p.name for p in (ROOT / "resources" / "translations").glob("*.qm"))
    assert shipped_qm and found["qm"] == shipped_qm
    assert found["font"] is True
