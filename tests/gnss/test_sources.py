"""Position sources: a log replayed fast or paced, a receiver on a (pseudo-)terminal that is
unplugged mid-session."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

from fieldapp.domain.nmea import parse_fixes, with_checksum
from fieldapp.gnss import LogReplay, PortLost, PortUnavailable, SerialSource, open_source

NMEA_DIR = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "nmea"
LOG = NMEA_DIR / "bu353s4.log"

GGA = "GPGGA,030719.000,3747.0873,S,17518.8938,E,1,08,1.1,59.9,M,23.7,M,,0000"
RMC = "GPRMC,030719.000,A,3747.0873,S,17518.8938,E,0.69,181.39,311214,,,A"


def test_replay_gives_the_same_fixes_as_the_parser() -> None:
    expected, _ = parse_fixes(LOG.read_bytes())
    replay = LogReplay(LOG)
    assert list(replay) == expected
    assert replay.stats.fixes == len(expected)


def test_paced_replay_waits_between_fixes() -> None:
    pauses: list[float] = []
    fixes = list(LogReplay(LOG, speed=10.0, sleep=pauses.append))
    assert len(pauses) == len(fixes) - 1
    assert all(0 < p <= 0.2 for p in pauses)  # 1 s apart in the log, 10x faster, capped at 2 s


def test_replay_of_a_missing_log_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PortUnavailable) as info:
        list(LogReplay(tmp_path / "nope.log"))
    assert "nope.log" in str(info.value) and info.value.zh


def test_open_source_picks_replay_for_a_file_and_serial_otherwise(tmp_path: Path) -> None:
    assert isinstance(open_source(str(LOG)), LogReplay)
    assert isinstance(open_source("/dev/ttyUSB-does-not-exist"), SerialSource)
    with pytest.raises(PortUnavailable):
        open_source(str(tmp_path))


def test_opening_a_missing_port_is_a_clear_error() -> None:
    source = SerialSource("/dev/ttyUSB-does-not-exist")
    with pytest.raises(PortUnavailable) as info:
        next(iter(source))
    assert "ttyUSB-does-not-exist" in str(info.value)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_receiver_on_a_port_then_unplugged() -> None:
    master, slave = os.openpty()
    port_name = os.ttyname(slave)
    source = SerialSource(port_name, 9600, quiet_s=0.05)
    received = []

    def receiver() -> None:
        time.sleep(0.2)
        os.write(master, (with_checksum(GGA) + "\r\n" + with_checksum(RMC) + "\r\n").encode())
        time.sleep(0.5)
        os.close(master)  # the cable is pulled
        os.close(slave)

    thread = threading.Thread(target=receiver)
    thread.start()
    deadline = time.monotonic() + 10
    with pytest.raises(PortLost) as info:
        for fix in source.fixes(stop=lambda: time.monotonic() > deadline):
            received.append(fix)
    thread.join()
    assert len(received) == 1 and received[0].has_position  # the burst closed on the quiet line
    assert port_name in str(info.value) and "断开" in info.value.zh
