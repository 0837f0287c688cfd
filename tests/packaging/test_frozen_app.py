"""The packaged desktop app (scripts/package, PyInstaller) works with no Python on the machine.

Builds the one-folder app once for this module (about a minute on two cores), then runs the frozen
binary with an empty PATH and no Python variables: it opens the main window offscreen, reads a real
receiver log and a real photo, and creates and re-opens a profile.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ["HEKOU_SHARED"]) / "testdata"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("package")
    env = dict(os.environ, HEKOU_PACKAGE_WORK=str(out / "work"))
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "package"), str(out / "dist")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out / "dist" / "hekou"


def _laptop_screen(tmp_path: Path) -> Path:
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                          "logicalDpi": 96, "logicalBpi": 96, "dpr": 1}]}
        )
    )  # fmt: skip
    return screen


def frozen(app_dir: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Runs the frozen binary as a laptop would: no Python on PATH, no Python variables set."""
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir(exist_ok=True)
    env = {
        "PATH": str(empty_bin),
        "HOME": str(tmp_path / "home"),
        # A laptop's 1366×768 screen (offscreen's own default is a small square).
        "QT_QPA_PLATFORM": f"offscreen:configfile={_laptop_screen(tmp_path)}",
        "LANG": "C.UTF-8",
        # No OS key store on this headless machine: the profile's passphrase, as a kiosk sets it.
        "HEKOU_PASSPHRASE": "frozen app test passphrase",
    }
    return subprocess.run(
        [str(app_dir / "hekou"), *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_folder_holds_the_field_app_and_not_the_server(app_dir: Path) -> None:
    internal = app_dir / "_internal"
    assert (app_dir / "hekou").is_file()
    assert (internal / "resources" / "data" / "lifecycle.json").is_file()
    assert list((internal / "resources" / "translations").glob("*_zh_CN.qm"))
    assert not list((internal / "resources" / "translations").glob("*.ts"))
    # the bundled Chinese font and its licence (OFL: every copy carries the licence)
    assert (internal / "resources" / "fonts" / "HekouSans-Regular.ttf").is_file()
    assert (internal / "resources" / "fonts" / "OFL.txt").is_file()
    for server_part in ("fastapi", "uvicorn", "sqlalchemy", "alembic", "psycopg"):
        assert not (internal / server_part).exists(), server_part
    assert list((internal / "PySide6" / "Qt" / "plugins" / "platforms").glob("*offscreen*"))


def test_opens_the_main_window_on_a_new_profile_and_again(app_dir: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile.sqlite"
    for lang, shot in (("zh_CN", "first.png"), ("en", "again.png")):
        done = frozen(app_dir, tmp_path, "--db", str(profile), "--lang", lang, "--screenshot", shot)
        assert done.returncode == 0, done.stderr[-2000:]
        with Image.open(tmp_path / shot) as picture:
            assert picture.width >= 1000 and picture.height >= 600  # sized to the screen
            colours = picture.convert("RGB").getcolors(maxcolors=1_000_000)
            assert colours is not None and len(colours) > 50  # a drawn window, not a blank frame
    assert profile.stat().st_size > 0


def test_checks_a_real_receiver_log(app_dir: Path, tmp_path: Path) -> None:
    done = frozen(app_dir, tmp_path, "gps", "check", str(SHARED / "nmea" / "bu353s4.log"))
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])["summary"]
    assert summary["fixes_with_position"] == 25


def test_inspects_real_photos_and_names_a_damaged_one(app_dir: Path, tmp_path: Path) -> None:
    good = SHARED / "photos" / "DSCN0010.jpg"
    bad = SHARED / "photos" / "corrupted.jpg"
    done = frozen(app_dir, tmp_path, "photo", "inspect", str(good), str(bad))
    lines = [json.loads(line) for line in done.stdout.strip().splitlines()]
    assert lines[0]["sha256"] == hashlib.sha256(good.read_bytes()).hexdigest()
    assert lines[0]["gps"]["lat"] == pytest.approx(43.4674, abs=1e-3)
    assert "error" in lines[1] and "corrupted.jpg" in lines[1]["error"]


def test_writes_a_demo_ledger(app_dir: Path, tmp_path: Path) -> None:
    done = frozen(app_dir, tmp_path, "demo", "--db", str(tmp_path / "demo.sqlite"), "--count", "40")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "40" in done.stdout
