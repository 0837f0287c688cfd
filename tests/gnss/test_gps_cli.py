"""`fieldapp gps check` run as a real process: JSON lines, a summary, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.domain.nmea import parse_fixes

NMEA_DIR = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "nmea"


def fieldapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("log", ["ublox-zed-f9p-nmea.log", "bt451.log"])
def test_check_a_log(log: str) -> None:
    result = fieldapp("gps", "check", str(NMEA_DIR / log))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    *fixes, last = lines
    expected, stats = parse_fixes((NMEA_DIR / log).read_bytes())
    assert len(fixes) == len(expected)
    for fix in fixes:
        assert fix["mode"] in ("none", "2d", "3d")
        assert fix["time"] is None or fix["time"].endswith("Z")
        if fix["mode"] != "none":
            assert isinstance(fix["lat"], float) and isinstance(fix["lon"], float)
    summary = last["summary"]
    assert summary["sentences"] == stats.sentences
    assert summary["bad_checksums"] == stats.bad_checksums
    assert summary["fixes"] == len(expected)


def test_check_shows_satellites_and_hdop() -> None:
    result = fieldapp("gps", "check", "--max-fixes", "3", str(NMEA_DIR / "bu353s4.log"))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4 and "summary" in lines[-1]
    first = lines[0]
    assert first["time"] == "2014-12-31T03:07:19.000Z"
    assert first["mode"] == "3d" and first["satellites"] == 8 and first["hdop"] == 1.1


def test_bad_checksums_are_counted(tmp_path: Path) -> None:
    log = tmp_path / "damaged.log"
    good = (NMEA_DIR / "bu353s4.log").read_text()
    log.write_text(good.replace("*7D\n", "*00\n") + "\x00\xff garbage $GPGGA,12")
    result = fieldapp("gps", "check", str(log))
    assert result.returncode == 0
    summary = json.loads(result.stdout.splitlines()[-1])["summary"]
    assert summary["bad_checksums"] > 0


def test_missing_source_is_exit_1_with_a_reason(tmp_path: Path) -> None:
    result = fieldapp("gps", "check", str(tmp_path / "missing.log"))
    assert result.returncode == 1
    summary = json.loads(result.stdout.splitlines()[-1])["summary"]
    assert "missing.log" in summary["error"] and summary["error_zh"]


def test_missing_port_is_exit_1() -> None:
    result = fieldapp("gps", "check", "/dev/ttyUSB-not-here")
    assert result.returncode == 1
    assert "ttyUSB-not-here" in json.loads(result.stdout)["summary"]["error"]


@pytest.mark.parametrize(
    "args",
    [["gps"], ["gps", "frobnicate"], ["gps", "check"], ["gps", "check", "x", "--speed", "0"]],
)
def test_wrong_usage_is_exit_2(args: list[str]) -> None:
    result = fieldapp(*args)
    assert result.returncode == 2
    assert "usage" in result.stderr or "must be positive" in result.stderr
