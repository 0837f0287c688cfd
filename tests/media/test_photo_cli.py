"""`fieldapp photo inspect` run as a real process: one JSON object per file, exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

PHOTOS = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"


def fieldapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args], capture_output=True, text=True, timeout=60
    )


def test_inspect_good_photos() -> None:
    names = ["DSCN0010.jpg", "HMD_Nokia_8.3_5G.jpg", "landscape_6.jpg", "no_exif.jpg"]
    result = fieldapp("photo", "inspect", *[str(PHOTOS / n) for n in names])
    assert result.returncode == 0, result.stderr
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(reports) == 4
    nikon, nokia, rotated, plain = reports
    assert nikon["sha256"] == hashlib.sha256((PHOTOS / "DSCN0010.jpg").read_bytes()).hexdigest()
    assert (nikon["width"], nikon["height"]) == (640, 480)
    assert abs(nikon["gps"]["lat"] - 43.46744833) < 1e-6 and nikon["gps"]["lon"] > 11.88
    assert nikon["taken_at"] == "2008-10-22T16:28:39"
    assert nokia["taken_at"] == "2022-08-14T14:12:31+03:00"
    assert (nokia["width"], nokia["height"]) == (4608, 1976)
    assert rotated["orientation"] == 6 and "gps" not in rotated
    assert "gps" not in plain and "error" not in plain


def test_some_files_unreadable_is_exit_1(tmp_path: Path) -> None:
    text = tmp_path / "notes.jpg"
    text.write_text("hello")
    files = [PHOTOS / "DSCN0012.jpg", PHOTOS / "corrupted.jpg", text, tmp_path / "absent.jpg"]
    result = fieldapp("photo", "inspect", *map(str, files))
    assert result.returncode == 1
    good, corrupt, not_image, absent = (json.loads(x) for x in result.stdout.splitlines())
    assert "error" not in good
    assert "damaged" in corrupt["error"] and corrupt["error_zh"]
    assert "not a JPEG" in not_image["error"]
    assert "absent.jpg" in absent["error"]


def test_wrong_usage_is_exit_2() -> None:
    assert fieldapp("photo").returncode == 2
    assert fieldapp("photo", "inspect").returncode == 2
    assert fieldapp("photo", "explode", "x").returncode == 2
