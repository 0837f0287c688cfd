"""Position capture: acceptable fixes, averaging, fallbacks, far-from-outfall."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fieldapp.domain.nmea import Fix, FixMode, parse_fixes
from fieldapp.domain.position import (
    CapturedPosition,
    CaptureSettings,
    InvalidPosition,
    PositionCapture,
    PositionSource,
    capture_from_fixes,
    from_photo,
    is_acceptable,
    manual,
    offset_from_outfall,
)

NMEA_DIR = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "nmea"
T0 = datetime(2026, 5, 1, 2, 0, tzinfo=UTC)


def fix(
    lat: float = 32.0, lon: float = 120.9, eph: float | None = 10.0, mode: FixMode = FixMode.THREE_D
) -> Fix:
    return Fix(
        T0, "020000.00", mode, lat=lat, lon=lon, alt_m=5.0, satellites=9, hdop=0.9, eph_m=eph
    )


def test_acceptable_fixes() -> None:
    assert is_acceptable(fix(), 20)
    assert is_acceptable(fix(mode=FixMode.TWO_D), 20)
    assert not is_acceptable(fix(eph=25.0), 20)
    assert not is_acceptable(fix(eph=None), 20)  # unknown error is not good enough
    assert not is_acceptable(Fix(T0, "020000.00", FixMode.NONE), 20)


def test_capture_averages_n_acceptable_fixes_and_skips_poor_ones() -> None:
    capture = PositionCapture(CaptureSettings(max_error_m=20, fixes_to_average=3))
    assert capture.add(fix(32.0000))
    assert not capture.add(fix(33.0, eph=500.0))
    assert capture.result() is None
    capture.add(fix(32.0001))
    capture.add(fix(32.0002))
    assert not capture.add(fix(32.0003))  # complete: further fixes ignored
    result = capture.result()
    assert result is not None
    assert result.source is PositionSource.GNSS and result.n_fixes == 3
    assert result.lat == pytest.approx(32.0001)
    assert result.accuracy_m == pytest.approx(10.0)
    assert capture.refused == 1


def test_capture_from_a_real_log() -> None:
    fixes, _ = parse_fixes((NMEA_DIR / "ublox-zed-f9p-nmea.log").read_bytes())
    result = capture_from_fixes(fixes, CaptureSettings(max_error_m=30, fixes_to_average=5))
    assert result is not None
    assert result.lat == pytest.approx(-45.8775, abs=0.001)
    assert result.lon == pytest.approx(170.5001, abs=0.001)
    assert result.accuracy_m is not None and result.accuracy_m < 30


def test_indoor_log_never_reaches_a_tight_threshold() -> None:
    fixes, _ = parse_fixes((NMEA_DIR / "bt451.log").read_bytes())
    assert capture_from_fixes(fixes, CaptureSettings(max_error_m=5, fixes_to_average=3)) is None


def test_fallbacks_record_their_source() -> None:
    photo = from_photo(32.0, 120.9, taken_at=T0)
    assert photo.source is PositionSource.PHOTO_EXIF and photo.accuracy_m is None
    typed = manual(32.0, 120.9, "  receiver broken ")
    assert typed.source is PositionSource.MANUAL and typed.reason == "receiver broken"
    with pytest.raises(InvalidPosition):
        manual(32.0, 120.9, "   ")
    with pytest.raises(InvalidPosition):
        CapturedPosition(91.0, 0.0, None, PositionSource.PHOTO_EXIF)
    with pytest.raises(InvalidPosition):
        CapturedPosition(32.0, 120.9, 1.0, PositionSource.GNSS, n_fixes=0)


def test_far_from_outfall() -> None:
    here = manual(32.0, 120.9, "test")
    near = offset_from_outfall(here, 32.0002, 120.9, far_threshold_m=50)
    assert not near.far and near.distance_m == pytest.approx(22.2, abs=0.2)
    assert near.bearing_deg == pytest.approx(0.0, abs=1e-6)
    far = offset_from_outfall(here, 32.0, 120.901, far_threshold_m=50)
    assert far.far and far.bearing_deg == pytest.approx(90.0, abs=0.01)


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError):
        CaptureSettings(fixes_to_average=0)


def test_refusal_reasons_and_their_messages() -> None:
    from dataclasses import replace

    from fieldapp.domain.position import FixRefusal, refusal

    assert refusal(fix(), 20) is None
    assert refusal(Fix(T0, "020000.00", FixMode.NONE), 20) is FixRefusal.NO_POSITION
    assert refusal(fix(eph=None), 20) is FixRefusal.ACCURACY_UNKNOWN
    assert refusal(fix(eph=25.0), 20) is FixRefusal.TOO_INACCURATE
    simulated = replace(fix(eph=1.0), simulated=True)  # however accurate it claims to be
    assert refusal(simulated, 20) is FixRefusal.SIMULATED
    assert not is_acceptable(simulated, 20)
    for reason in FixRefusal:
        zh, en = reason.message("zh_CN", 20), reason.message("en", 20)
        assert zh != en and zh and en and "%1" not in zh + en
    assert "模拟" in FixRefusal.SIMULATED.message("zh_CN")
    assert "simulation" in FixRefusal.SIMULATED.message("en")
    assert "20 m" in FixRefusal.TOO_INACCURATE.message("en", 20)


def test_a_simulated_receiver_never_gives_a_capture() -> None:
    """A real log replayed with GGA quality 8 (a receiver in simulation mode): nothing captured,
    and the capture says why."""
    from fieldapp.domain.nmea import Sentence, parse_sentence, with_checksum
    from fieldapp.domain.position import FixRefusal

    out = []
    for raw in (NMEA_DIR / "ublox-zed-f9p-nmea.log").read_bytes().splitlines():
        s = parse_sentence(raw)
        if isinstance(s, Sentence):
            f = list(s.fields)
            if s.kind == "GGA" and f[5] not in ("", "0"):
                f[5] = "8"
            out.append(with_checksum(",".join((s.talker + s.kind, *f))))
    fixes, _ = parse_fixes("\r\n".join(out))
    real, _ = parse_fixes((NMEA_DIR / "ublox-zed-f9p-nmea.log").read_bytes())
    settings = CaptureSettings(max_error_m=50, fixes_to_average=3)
    assert capture_from_fixes(real, settings) is not None  # the same log, not simulated
    capture = PositionCapture(settings)
    for f in fixes:
        capture.add(f)
    assert capture.result() is None and capture.refused > 10
    assert capture.last_refusal is FixRefusal.SIMULATED
