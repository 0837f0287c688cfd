"""Two installs from one repository: the desktop app runs without the server's libraries, the
server runs without Qt, and each command says plainly when its half is not installed.

Each side runs in a child Python whose import system refuses the other side's libraries, as a
machine installed with only `hekou[desktop]` or only `hekou[server]` would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ["HEKOU_SHARED"]) / "testdata"
SERVER_ONLY = ["fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic", "psycopg", "argon2",
               "prometheus_client"]  # fmt: skip
DESKTOP_ONLY = ["PySide6", "shiboken6", "PIL", "piexif", "pillow_heif", "sqlite_utils", "serial",
                "sqlcipher3", "keyring"]  # fmt: skip

BLOCKER = """
import importlib.abc, sys
BLOCKED = set({blocked!r})
class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None
sys.meta_path.insert(0, Refuse())
sys.argv = {argv!r}
from {module} import main
sys.exit(main())
"""


def run_without(
    blocked: list[str], module: str, *argv: str, cwd: Path
) -> subprocess.CompletedProcess[str]:
    script = BLOCKER.format(blocked=blocked, argv=[module, *argv], module=module)
    # No OS key store on this machine: the new profile's key is wrapped by this passphrase.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HEKOU_PASSPHRASE="installs test phrase")
    return subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def requirement_names(requirements: list[str]) -> set[str]:
    names = set()
    for requirement in requirements:
        name = requirement.split(";")[0]
        for stop in "[<>=!~ ":
            name = name.split(stop)[0]
        names.add(name.strip().lower())
    return names


def test_the_extras_keep_qt_off_servers_and_the_server_stack_off_laptops():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    desktop, server = requirement_names(extras["desktop"]), requirement_names(extras["server"])
    base = requirement_names(project["dependencies"])
    assert not any(n.startswith("pyside6") for n in server | base)
    assert not {"fastapi", "uvicorn", "sqlalchemy", "alembic", "psycopg"} & (desktop | base)
    assert "hekou[desktop,server]" in extras["dev"]


def test_the_desktop_app_runs_without_the_server_stack(tmp_path):
    profile = tmp_path / "profile.sqlite"
    shot = tmp_path / "window.png"
    opened = run_without(SERVER_ONLY, "fieldapp.cli", "--db", str(profile), "--screenshot",
                         str(shot), cwd=tmp_path)  # fmt: skip
    assert opened.returncode == 0, opened.stderr[-2000:]
    assert shot.stat().st_size > 10_000
    fixes = run_without(SERVER_ONLY, "fieldapp.cli", "gps", "check",
                        str(SHARED / "nmea" / "bu353s4.log"), cwd=tmp_path)  # fmt: skip
    assert fixes.returncode == 0, fixes.stderr[-2000:]
    assert json.loads(fixes.stdout.splitlines()[-1])["summary"]["fixes_with_position"] == 25
    photo = run_without(SERVER_ONLY, "fieldapp.cli", "photo", "inspect",
                        str(SHARED / "photos" / "DSCN0010.jpg"), cwd=tmp_path)  # fmt: skip
    assert photo.returncode == 0 and "sha256" in photo.stdout


def test_the_server_runs_without_qt_or_the_desktop_libraries(tmp_path):
    base = ["--database", f"sqlite:///{tmp_path / 'server.db'}", "--photos", str(tmp_path / "p")]
    made = run_without(DESKTOP_ONLY, "sync.server.console", *base, "init", cwd=tmp_path)
    assert made.returncode == 0, made.stderr[-2000:]
    checked = run_without(DESKTOP_ONLY, "sync.server.console", *base, "check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr[-2000:]
    assert "schema" in checked.stdout


def test_each_command_names_the_install_it_lacks(tmp_path):
    no_qt = run_without(
        ["PySide6"], "fieldapp.cli", "--db", str(tmp_path / "p.sqlite"), cwd=tmp_path
    )
    assert no_qt.returncode == 2
    assert "pip install 'hekou[desktop]'" in no_qt.stderr and "PySide6" in no_qt.stderr
    no_server = run_without(["fastapi"], "sync.server.console", "check", cwd=tmp_path)
    assert no_server.returncode == 2
    assert "pip install 'hekou[server]'" in no_server.stderr
