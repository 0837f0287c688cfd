"""The NMEA parser on hand-made sentences: checksums, garbage, partial lines, talkers, epochs."""

from __future__ import annotations

import os
import string
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.nmea import (
    FixAssembler,
    FixMode,
    Rejected,
    Sentence,
    checksum,
    parse_fixes,
    parse_sentence,
    with_checksum,
)

NMEA_DIR = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "nmea"

GGA = "GPGGA,030719.000,3747.0873,S,17518.8938,E,1,08,1.1,59.9,M,23.7,M,,0000"
RMC = "GPRMC,030719.000,A,3747.0873,S,17518.8938,E,0.69,181.39,311214,,,A"


def lines(*bodies: str) -> str:
    return "".join(with_checksum(b) + "\r\n" for b in bodies)


def test_checksum_of_a_real_sentence() -> None:
    assert with_checksum(GGA) == "$" + GGA + "*7D"


def test_bad_checksum_is_refused_and_counted() -> None:
    assert parse_sentence("$" + GGA + "*7E") is Rejected.BAD_CHECKSUM
    asm = FixAssembler()
    fixes = asm.feed("$" + GGA + "*7E\r\n$" + RMC + "*00\r\n")
    fixes += asm.finish()
    assert fixes == []
    assert asm.stats.bad_checksums == 2


def test_missing_checksum_is_not_trusted() -> None:
    assert parse_sentence("$" + GGA) is Rejected.NO_CHECKSUM


def test_proprietary_sentences_are_skipped() -> None:
    assert parse_sentence("$PMTK010,001*2E") is Rejected.PROPRIETARY
    assert parse_sentence("$POLYN,TIME,RESTART_OCCURRED") is Rejected.PROPRIETARY


def test_double_dollar_and_leading_garbage() -> None:
    expected = parse_sentence(with_checksum(GGA))
    assert isinstance(expected, Sentence)
    assert parse_sentence("$" + with_checksum(GGA)) == expected
    assert parse_sentence(b"\x00\xff\xfeJUNK" + with_checksum(GGA).encode()) == expected
    assert parse_sentence("garbage with no dollar") is Rejected.GARBAGE


def test_all_talkers_give_a_fix() -> None:
    for talker in ("GP", "GN", "GL", "GA", "BD", "GB"):
        fixes, _ = parse_fixes(lines(talker + GGA[2:], talker + RMC[2:]))
        assert len(fixes) == 1, talker
        assert fixes[0].mode is FixMode.THREE_D
        assert fixes[0].iso_time == "2014-12-31T03:07:19.000Z"
        assert abs(fixes[0].lat + 37.784788333) < 1e-9  # type: ignore[operator]


def test_one_fix_per_epoch_with_merged_fields() -> None:
    fixes, stats = parse_fixes(lines(GGA, "GPGSA,A,3,17,28,06,01,30,20,26,13,,,,,1.8,1.1,1.5", RMC))
    (fix,) = fixes
    assert fix.satellites == 8
    assert fix.hdop == 1.1
    assert fix.alt_m == 59.9
    assert fix.eph_m is not None and abs(fix.eph_m - 20.9) < 1e-9  # gpsd's eph for HDOP 1.1
    assert stats.sentences == 3
    assert stats.by_kind == {"GGA": 1, "GSA": 1, "RMC": 1}


def test_placeholder_position_with_status_v_is_no_fix() -> None:
    fixes, _ = parse_fixes(
        lines(
            "GPGGA,235946.005,8960.000000,N,00000.000000,E,0,0,,137.000,M,13.000,M,,",
            "GPRMC,235946.005,V,8960.000000,N,00000.000000,E,0.000,0.00,050180,,,N",
        )
    )
    (fix,) = fixes
    assert fix.mode is FixMode.NONE
    assert not fix.has_position
    assert fix.iso_time == "1980-01-05T23:59:46.005Z"  # a time-only fix


def test_impossible_minutes_never_become_a_position() -> None:
    fixes, _ = parse_fixes(
        lines(
            "GPGGA,235946.005,8960.000000,N,00000.000000,E,1,5,1.0,137.000,M,13.000,M,,",
            "GPRMC,235946.005,A,8960.000000,N,00000.000000,E,0.000,0.00,050180,,,A",
        )
    )
    assert [f.has_position for f in fixes] == [False]


def test_losing_and_regaining_the_fix() -> None:
    fixes, _ = parse_fixes(
        lines(
            GGA,
            RMC,
            "GPGGA,030720.000,,,,,0,00,,,M,,M,,",
            "GPRMC,030720.000,V,,,,,,,311214,,,N",
            GGA.replace("030719", "030721"),
            RMC.replace("030719", "030721"),
        )
    )
    assert [f.mode for f in fixes] == [FixMode.THREE_D, FixMode.NONE, FixMode.THREE_D]


def test_partial_lines_across_chunks() -> None:
    data = lines(GGA, RMC).encode()
    asm = FixAssembler()
    fixes = []
    for i in range(len(data)):
        fixes += asm.feed(data[i : i + 1])
    fixes += asm.finish()
    assert len(fixes) == 1 and fixes[0].has_position


def test_a_cut_line_is_not_trusted() -> None:
    cut = with_checksum(GGA)[:40] + "\r\n" + with_checksum(RMC) + "\r\n"
    fixes, stats = parse_fixes(cut)
    assert len(fixes) == 1
    assert sum(stats.rejected.values()) == 1


def test_gns_and_gst() -> None:
    fixes, _ = parse_fixes(
        lines(
            "GNGNS,003956.00,4552.65403,S,17030.00668,E,AAN,12,0.64,14.2,1.8,,",
            "GNGST,003956.00,7.3,0.8,0.5,140.0,0.6,0.5,1.2",
            "GNZDA,003956.00,12,04,2019,00,00",
        )
    )
    (fix,) = fixes
    assert fix.iso_time == "2019-04-12T00:39:56.000Z"
    assert fix.satellites == 12
    assert fix.eph_m is not None and 1.0 < fix.eph_m < 2.0  # from GST, not from HDOP


def test_without_a_date_the_time_is_unknown_but_the_position_stands() -> None:
    fixes, _ = parse_fixes(lines(GGA))
    (fix,) = fixes
    assert fix.time is None and fix.time_of_day == "030719.000" and fix.has_position


def test_midnight_rollover_without_a_new_date() -> None:
    fixes, _ = parse_fixes(
        lines(
            RMC.replace("030719.000", "235959.000"),
            GGA.replace("030719.000", "000000.000"),
        )
    )
    assert [f.iso_time for f in fixes] == ["2014-12-31T23:59:59.000Z", "2015-01-01T00:00:00.000Z"]


def test_json_line() -> None:
    fixes, _ = parse_fixes(lines(GGA, RMC))
    out = fixes[0].as_json()
    assert out["time"] == "2014-12-31T03:07:19.000Z"
    assert out["mode"] == "3d"
    assert out["satellites"] == 8 and out["hdop"] == 1.1
    assert out["lat"] == round(-37.784788333333, 9)


def test_every_log_parses_and_counts() -> None:
    for log in sorted(NMEA_DIR.glob("*.log")):
        fixes, stats = parse_fixes(log.read_bytes())
        assert stats.fixes == len(fixes) > 0, log.name
        assert stats.fixes_with_position == sum(f.has_position for f in fixes)


# --- properties -------------------------------------------------------------------------------


@given(st.binary(max_size=600))
def test_parser_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    asm = FixAssembler()
    asm.feed(data)
    asm.finish()


nmea_chars = st.text(alphabet=string.ascii_uppercase + string.digits + ",.-*$\r\n", max_size=300)


@given(nmea_chars)
def test_parser_never_raises_on_nmea_like_text(text: str) -> None:
    parse_fixes("$GPGGA," + text)
    parse_fixes(text)


body_text = st.text(
    alphabet=string.ascii_uppercase + string.digits + ",.-", min_size=0, max_size=80
)


@given(st.sampled_from(["GP", "GN", "BD", "GB"]), st.sampled_from(["GGA", "RMC", "XYZ"]), body_text)
def test_checksum_round_trip(talker: str, kind: str, rest: str) -> None:
    body = f"{talker}{kind},{rest}"
    sentence = parse_sentence(with_checksum(body))
    assert isinstance(sentence, Sentence)
    assert (sentence.talker, sentence.kind) == (talker, kind)
    assert ",".join(sentence.fields) == rest


@given(body_text, st.integers(min_value=1, max_value=255))
def test_any_corrupted_checksum_is_refused(rest: str, flip: int) -> None:
    body = "GPGGA," + rest
    wrong = checksum(body) ^ flip
    assert parse_sentence(f"${body}*{wrong:02X}") is Rejected.BAD_CHECKSUM


@given(
    st.lists(st.sampled_from([GGA, RMC, "GPGSA,A,3,17,28,,,,,,,,,,,1.8,1.1,1.5"]), max_size=8),
    st.data(),
)
def test_chunking_never_changes_the_result(bodies: list[str], data: st.DataObject) -> None:
    text = lines(*bodies)
    whole, _ = parse_fixes(text)
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    asm = FixAssembler()
    parts = asm.feed(text[:cut]) + asm.feed(text[cut:]) + asm.finish()
    assert parts == whole
