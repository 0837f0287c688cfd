"""Receivers as they really talk: any talker id, GLL-only devices, RMC a second late, simulation
mode. Built from the real logs in ``testdata/nmea`` rewritten sentence by sentence (with fresh
checksums), so that each case is the real stream with one property changed."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.nmea import FixMode, Sentence, parse_fixes, parse_sentence, with_checksum

NMEA_DIR = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "nmea"
TELIT = NMEA_DIR / "telit-he910.log"  # GGA, GLL, GSA, GSV, RMC, VTG every second
UBLOX = NMEA_DIR / "ublox-neo-m9n-nmea.log"  # GN talker, RMC before GGA and GLL in each epoch

GGA = "GPGGA,030719.000,3747.0873,S,17518.8938,E,1,08,1.1,59.9,M,23.7,M,,0000"
RMC = "GPRMC,030719.000,A,3747.0873,S,17518.8938,E,0.69,181.39,311214,,,A"
GLL = "GPGLL,3747.0873,S,17518.8938,E,030719.000,A,A"
GNS = "GNGNS,030719.000,3747.0873,S,17518.8938,E,AAN,12,0.64,59.9,1.8,,"

Rewrite = Callable[[Sentence], list[Sentence]]


def lines(*bodies: str) -> str:
    return "".join(with_checksum(b) + "\r\n" for b in bodies)


def _body(s: Sentence) -> str:
    return ",".join((s.talker + s.kind, *s.fields))


def rewrite(log: Path, change: Rewrite) -> str:
    """The log with every good sentence replaced by ``change(sentence)`` (re-checksummed)."""
    return rewrite_text(log.read_text("ascii", "replace"), change)


def rewrite_text(text: str, change: Rewrite) -> str:
    out = []
    for raw in text.splitlines():
        s = parse_sentence(raw)
        if isinstance(s, Sentence):
            out.extend(with_checksum(_body(t)) for t in change(s))
    return "\r\n".join(out) + "\r\n"


def positions(text: str) -> list[tuple[str | None, float, float]]:
    fixes, _ = parse_fixes(text)
    return [(f.time_of_day, f.lat, f.lon) for f in fixes if f.lat is not None and f.lon is not None]


# -- talkers ------------------------------------------------------------------------------------


@given(
    st.text(alphabet="ABCDEFGHIJKLMNOQRSTUVWXYZ0123456789", min_size=2, max_size=2).filter(
        lambda t: t[0] != "P"  # $P... is proprietary
    )
)
def test_any_talker_gives_the_same_fix(talker: str) -> None:
    for bodies in ((GGA, RMC), (GLL,), (GNS,), (RMC,)):
        expected, _ = parse_fixes(lines(*bodies))
        renamed, _ = parse_fixes(lines(*(talker + b[2:] for b in bodies)))
        assert renamed == expected
        assert renamed[0].has_position


@pytest.mark.parametrize("talker", ["IN", "EC", "GQ", "QZ", "GI", "IR", "II"])
def test_a_whole_real_log_under_another_talker(talker: str) -> None:
    original = positions(UBLOX.read_text("ascii", "replace"))
    renamed = positions(rewrite(UBLOX, lambda s: [Sentence(talker, s.kind, s.fields)]))
    assert len(original) > 50
    assert renamed == original


# -- receivers that send only GLL ---------------------------------------------------------------


def test_a_receiver_sending_only_gll() -> None:
    only_gll = rewrite(TELIT, lambda s: [s] if s.kind == "GLL" else [])
    fixes, stats = parse_fixes(only_gll)
    assert stats.by_kind == {"GLL": 224}
    with_position = [f for f in fixes if f.has_position]
    assert len(with_position) > 100
    assert all(f.mode is FixMode.TWO_D and f.time is None and f.eph_m is None for f in fixes)
    # The same positions as the full stream gives at those times.
    full = {t: (lat, lon) for t, lat, lon in positions(TELIT.read_text("ascii", "replace"))}
    for fix in with_position:
        assert fix.time_of_day in full
        lat, lon = full[fix.time_of_day]
        assert abs(fix.lat - lat) < 1e-9 and abs(fix.lon - lon) < 1e-9  # type: ignore[operator]


# -- RMC a second late ----------------------------------------------------------------------------


def _lagging_rmc(log: Path, rmc_after_gga: bool) -> str:
    """Each RMC carries the position of the previous second's GGA (its own time kept)."""
    previous: list[tuple[str, ...]] = []

    def change(s: Sentence) -> list[Sentence]:
        if s.kind == "GGA" and s.fields[1]:
            previous.append(s.fields[1:5])
        if s.kind == "RMC" and previous and s.fields[1] == "A":
            f = list(s.fields)
            # RMC after GGA in its epoch (telit): the GGA before last; RMC first (u-blox): the last.
            f[2:6] = previous[-2] if rmc_after_gga and len(previous) >= 2 else previous[-1]
            s = Sentence(s.talker, s.kind, tuple(f))
        return [s]

    return rewrite(log, change)


@pytest.mark.parametrize(
    ("log", "rmc_after_gga"),
    [(TELIT, True), (UBLOX, False)],
    ids=["rmc-after-gga-telit", "rmc-before-gga-ublox"],
)
def test_rmc_a_second_late_is_overruled_by_gga(log: Path, rmc_after_gga: bool) -> None:
    honest = positions(log.read_text("ascii", "replace"))
    lagging = positions(_lagging_rmc(log, rmc_after_gga))
    assert lagging == honest
    moving = sum(1 for a, b in itertools.pairwise(honest) if a[1:] != b[1:])
    assert moving > 10  # the case is real: positions do change from second to second
    lagging_rmc_only = positions(
        rewrite_text(_lagging_rmc(log, rmc_after_gga), lambda s: [s] if s.kind == "RMC" else [])
    )
    assert lagging_rmc_only != honest  # the lagging RMC alone would have told another story


def test_gll_wins_over_rmc_without_gga() -> None:
    late_rmc = RMC.replace("3747.0873", "3747.0000")
    ((_, lat, _),) = positions(lines(late_rmc, GLL))
    assert abs(lat + (37 + 47.0873 / 60)) < 1e-9
    ((_, lat, _),) = positions(lines(GLL, late_rmc))
    assert abs(lat + (37 + 47.0873 / 60)) < 1e-9


# -- simulation mode ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bodies",
    [
        (GGA.replace(",1,08,", ",8,08,"), RMC),
        (GGA, RMC[:-1] + "S"),
        (GLL[:-1] + "S",),
        (GNS.replace(",AAN,", ",SSN,"),),
        (GNS.replace(",AAN,", ",ASN,"),),
    ],
    ids=["gga-quality-8", "rmc-mode-S", "gll-mode-S", "gns-S", "gns-mixed"],
)
def test_simulation_mode_is_flagged(bodies: tuple[str, ...]) -> None:
    (fix,) = parse_fixes(lines(*bodies))[0]
    assert fix.has_position and fix.simulated
    assert fix.as_json()["simulated"] is True


def test_real_logs_are_not_simulated() -> None:
    for log in sorted(NMEA_DIR.glob("*.log")):
        fixes, _ = parse_fixes(log.read_bytes())
        assert not any(f.simulated for f in fixes), log.name
        assert all("simulated" not in f.as_json() for f in fixes)


def test_a_real_log_replayed_by_a_simulator_is_flagged_at_every_fix() -> None:
    def simulate(s: Sentence) -> list[Sentence]:
        f = list(s.fields)
        if s.kind == "GGA" and f[5] not in ("", "0"):
            f[5] = "8"
        return [Sentence(s.talker, s.kind, tuple(f))]

    fixes, _ = parse_fixes(rewrite(TELIT, simulate))
    with_position = [f for f in fixes if f.has_position]
    assert len(with_position) > 100 and all(f.simulated for f in with_position)
