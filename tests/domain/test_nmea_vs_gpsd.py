"""Our fixes against gpsd's own (the TPV objects in each log's `.chk` file), for every log.

gpsd reports a TPV after many sentences; we report one fix per epoch. The rules checked:

1. Where gpsd reported anything at a time, every position we report for that time is one gpsd
   reported there with mode 2 or 3, to 1e-6 degrees. Where gpsd reported only mode 0/1: no fix.
2. Every time gpsd reported a fix at, we report a fix too, at the same position.
3. A fix at a time gpsd never mentions is allowed only when gpsd did report that very position
   without a time (before it knew the date), or when it is the last epoch before the log ends or
   jumps back in time (gpsd reports an epoch when its learned end-of-cycle sentence arrives, and
   such a last epoch never gets one).
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest

from fieldapp.domain.nmea import Fix, parse_fixes

NMEA_DIR = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "nmea"
LOGS = sorted(NMEA_DIR.glob("*.log"))
TOLERANCE_DEG = 1e-6


def _gpsd_tpvs(log: Path) -> list[dict[str, object]]:
    chk = log.with_name(log.name + ".chk")
    out = []
    for line in chk.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith('{"class":"TPV"'):
            out.append(json.loads(line))
    return out


def _same_position(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) <= TOLERANCE_DEG and abs(a[1] - b[1]) <= TOLERANCE_DEG


def _is_last_of_segment(fixes: list[Fix], index: int) -> bool:
    later = [f for f in fixes[index + 1 :] if f.time is not None]
    this = fixes[index].time
    return not later or (this is not None and later[0].time is not None and later[0].time < this)


def test_there_are_logs() -> None:
    assert len(LOGS) >= 9


@pytest.mark.parametrize("log", LOGS, ids=[p.name for p in LOGS])
def test_fixes_agree_with_gpsd(log: Path) -> None:
    positions_at: dict[str, list[tuple[float, float]]] = defaultdict(list)
    mentioned: set[str] = set()
    untimed: list[tuple[float, float]] = []
    for tpv in _gpsd_tpvs(log):
        mode = tpv.get("mode", 0)
        assert isinstance(mode, int)
        time = tpv.get("time")
        if isinstance(time, str):
            mentioned.add(time)
        if mode >= 2:
            lat, lon = tpv["lat"], tpv["lon"]
            assert isinstance(lat, float) and isinstance(lon, float)
            pos = (lat, lon)
            if isinstance(time, str):
                positions_at[time].append(pos)
            else:
                untimed.append(pos)

    fixes, stats = parse_fixes(log.read_bytes())
    assert stats.fixes == len(fixes)
    ours: dict[str, tuple[float, float]] = {}
    for i, fix in enumerate(fixes):
        if not fix.has_position:
            continue
        assert fix.lat is not None and fix.lon is not None
        pos = (fix.lat, fix.lon)
        when = fix.iso_time
        if when is not None:
            ours[when] = pos
        if when is not None and when in mentioned:
            assert any(_same_position(pos, g) for g in positions_at[when]), (
                f"{log.name} {when}: we say {pos}, gpsd says {positions_at[when] or 'no fix'}"
            )
        else:
            explained = any(_same_position(pos, g) for g in untimed) or _is_last_of_segment(
                fixes, i
            )
            assert explained, f"{log.name} {when}: a fix at {pos} gpsd never reported"

    for when, theirs in positions_at.items():
        assert when in ours, f"{log.name} {when}: gpsd has a fix we do not report"
        assert any(_same_position(ours[when], g) for g in theirs)


def _times(log: Path, fixed: bool) -> set[str]:
    out = set()
    for tpv in _gpsd_tpvs(log):
        time, mode = tpv.get("time"), tpv.get("mode", 0)
        if isinstance(time, str) and isinstance(mode, int) and (mode >= 2) == fixed:
            out.add(time)
    return out


@pytest.mark.parametrize("log", LOGS, ids=[p.name for p in LOGS])
def test_no_position_while_gpsd_says_no_fix(log: Path) -> None:
    no_fix_times = _times(log, fixed=False) - _times(log, fixed=True)
    fixes, _ = parse_fixes(log.read_bytes())
    for fix in fixes:
        if fix.iso_time in no_fix_times:
            assert not fix.has_position, f"{log.name} {fix.iso_time}: gpsd says no fix"
