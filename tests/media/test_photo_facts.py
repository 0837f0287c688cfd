"""EXIF facts from real camera files and from deliberately broken EXIF."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import piexif
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.media.photo_facts import dms_to_degrees, rational, read_facts


def make_jpeg(exif: bytes | None = None) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    image = Image.new("RGB", (32, 24), (30, 120, 200))
    if exif is None:
        image.save(out, "JPEG")
    else:
        image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def exif_with_gps(gps: Mapping[int, object], zeroth: Mapping[int, object] | None = None) -> bytes:
    return bytes(
        piexif.dump({"0th": zeroth or {}, "Exif": {}, "GPS": gps, "1st": {}, "thumbnail": None})
    )


def test_nikon_gps_photo(photos: Path) -> None:
    facts = read_facts((photos / "DSCN0010.jpg").read_bytes())
    assert facts.gps is not None
    assert facts.gps.lat == pytest.approx(43 + 28 / 60 + 2.814 / 3600, abs=1e-9)
    assert facts.gps.lon == pytest.approx(11 + 53 / 60 + 6.45599999 / 3600, abs=1e-9)
    assert facts.gps.time_utc == datetime(2008, 10, 23, 14, 27, 7, 240000, tzinfo=UTC)
    assert facts.taken_at == datetime(2008, 10, 22, 16, 28, 39)  # camera clock, no offset
    assert facts.make == "NIKON"


def test_phone_photo_with_offset(photos: Path) -> None:
    facts = read_facts((photos / "HMD_Nokia_8.3_5G.jpg").read_bytes())
    assert facts.taken_at == datetime(2022, 8, 14, 14, 12, 31, tzinfo=timezone(timedelta(hours=3)))
    assert facts.gps is not None and facts.gps.lat == pytest.approx(60.1467055, abs=1e-6)
    assert facts.gps.alt_m is None


@pytest.mark.parametrize("n", [1, 3, 6, 8])
def test_orientations(photos: Path, n: int) -> None:
    assert read_facts((photos / f"landscape_{n}.jpg").read_bytes()).orientation == n


def test_cameras_without_gps(photos: Path) -> None:
    for name in ("Canon_40D.jpg", "Nikon_D70.jpg", "no_exif.jpg"):
        facts = read_facts((photos / name).read_bytes())
        assert facts.gps is None and facts.exif_error is None, name


def test_a_jpeg_without_any_exif() -> None:
    facts = read_facts(make_jpeg())
    assert facts.has_exif is False and facts.taken_at is None and facts.orientation == 1


def test_not_exif_at_all_is_reported_not_raised() -> None:
    facts = read_facts(b"definitely not a photo")
    assert facts.exif_error and facts.gps is None


def test_zero_denominators_and_odd_rationals() -> None:
    gps = {
        piexif.GPSIFD.GPSLatitudeRef: b"N",
        piexif.GPSIFD.GPSLatitude: ((32, 0), (0, 1), (0, 1)),  # zero denominator
        piexif.GPSIFD.GPSLongitudeRef: b"E",
        piexif.GPSIFD.GPSLongitude: ((120, 1), (54, 1), (0, 1)),
    }
    assert read_facts(make_jpeg(exif=exif_with_gps(gps))).gps is None


def test_reference_missing_or_minutes_out_of_range() -> None:
    base = {
        piexif.GPSIFD.GPSLatitude: ((32, 1), (1, 1), (0, 1)),
        piexif.GPSIFD.GPSLongitudeRef: b"E",
        piexif.GPSIFD.GPSLongitude: ((120, 1), (54, 1), (0, 1)),
    }
    assert read_facts(make_jpeg(exif=exif_with_gps(base))).gps is None  # no N/S
    bad_minutes = dict(base)
    bad_minutes[piexif.GPSIFD.GPSLatitudeRef] = b"N"
    bad_minutes[piexif.GPSIFD.GPSLatitude] = ((32, 1), (75, 1), (0, 1))
    assert read_facts(make_jpeg(exif=exif_with_gps(bad_minutes))).gps is None


def test_southern_western_and_below_sea_level() -> None:
    gps = {
        piexif.GPSIFD.GPSLatitudeRef: b"S",
        piexif.GPSIFD.GPSLatitude: ((33, 1), (30, 1), (0, 1)),
        piexif.GPSIFD.GPSLongitudeRef: b"W",
        piexif.GPSIFD.GPSLongitude: ((70, 1), (15, 1), (3600, 100)),
        piexif.GPSIFD.GPSAltitudeRef: 1,
        piexif.GPSIFD.GPSAltitude: (125, 10),
    }
    facts = read_facts(make_jpeg(exif=exif_with_gps(gps)))
    assert facts.gps is not None
    assert facts.gps.lat == pytest.approx(-33.5)
    assert facts.gps.lon == pytest.approx(-(70 + 15 / 60 + 36 / 3600))
    assert facts.gps.alt_m == pytest.approx(-12.5)


def test_null_island_is_no_position() -> None:
    gps = {
        piexif.GPSIFD.GPSLatitudeRef: b"N",
        piexif.GPSIFD.GPSLatitude: ((0, 1), (0, 1), (0, 1)),
        piexif.GPSIFD.GPSLongitudeRef: b"E",
        piexif.GPSIFD.GPSLongitude: ((0, 1), (0, 1), (0, 1)),
    }
    assert read_facts(make_jpeg(exif=exif_with_gps(gps))).gps is None


def test_broken_dates_and_orientation() -> None:
    zeroth = {piexif.ImageIFD.Orientation: 42, piexif.ImageIFD.DateTime: b"0000:00:00 00:00:00"}
    facts = read_facts(make_jpeg(exif=exif_with_gps({}, zeroth)))
    assert facts.orientation == 1 and facts.taken_at is None


def test_truncated_exif_block_never_raises(photos: Path) -> None:
    data = (photos / "DSCN0010.jpg").read_bytes()
    for cut in (4, 20, 100, 1000, 5000):
        read_facts(data[:cut])


@given(st.integers(-(2**31), 2**31), st.integers(-(2**31), 2**31))
def test_rational_never_raises_and_refuses_zero_denominators(num: int, den: int) -> None:
    value = rational((num, den))
    if den == 0:
        assert value is None
    else:
        assert value == pytest.approx(num / den)


@given(
    st.lists(st.tuples(st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1)), max_size=4),
    st.binary(max_size=3),
)
def test_dms_never_raises_and_stays_in_range(parts: list[tuple[int, int]], ref: bytes) -> None:
    value = dms_to_degrees(tuple(parts), ref, 90.0)
    assert value is None or -90.0 <= value <= 90.0


@given(
    st.dictionaries(
        st.sampled_from([1, 2, 3, 4, 5, 6, 7, 29]),
        st.one_of(
            st.binary(max_size=12),
            st.tuples(st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1)),
            st.tuples(*[st.tuples(st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1))] * 3),
        ),
    )
)
def test_any_gps_block_is_read_or_ignored(gps: dict[int, object]) -> None:
    try:
        exif = exif_with_gps(gps)
    except Exception:  # piexif refuses to write some type/tag combinations: not our input
        return
    read_facts(make_jpeg(exif=exif))
