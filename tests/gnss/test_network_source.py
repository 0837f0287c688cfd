"""The network source (tcp://host:port) against a real TCP server on loopback replaying real logs:
every fix arrives, garbage is skipped and counted, a dropped connection is reconnected, gpsd's
port is asked for its NMEA, a wrong address or a refused port is a clear error at once; and
``fieldapp gps check tcp://...`` as a real process."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fieldapp.domain.nmea import Fix, parse_fixes
from fieldapp.gnss import (
    NetworkSource,
    PortLost,
    PortUnavailable,
    follow,
    is_network_spec,
    open_source,
    parse_address,
)
from fieldapp.gnss.reconnect import reconnecting

from .nmea_server import NmeaServer, epochs

NMEA_DIR = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "nmea"
QUECTEL = NMEA_DIR / "quectel-l76k-nmea.log"  # 150 epochs, GN talker, GGA + GLL + RMC + ZDA
UBLOX = NMEA_DIR / "ublox-neo-m9n-nmea.log"
GARBAGE = b'\x00\xff\xfe\x80junk{"class":"x"}\r\n$GPGGA,0307,cut*00\r\n\xc3\xa4$$$\r\n'


def _positions(fixes: list[Fix]) -> list[tuple[str | None, float | None, float | None]]:
    return [(f.iso_time or f.time_of_day, f.lat, f.lon) for f in fixes]


def _read_all(
    server: NmeaServer, source: NetworkSource, events: list[str], timeout_s: float = 20
) -> list[Fix]:
    deadline = time.monotonic() + timeout_s
    done = threading.Event()

    def stop() -> bool:
        if server.finished and not done.is_set():
            # the last burst is out: give the reader a moment to take it in, then stop
            threading.Timer(0.6, done.set).start()
        return done.is_set() or time.monotonic() > deadline

    got = list(
        follow(
            source,
            stop,
            retry_s=0.05,
            on_lost=lambda exc: events.append("lost: " + str(exc)),
            on_restored=lambda: events.append("restored"),
        )
    )
    assert time.monotonic() < deadline, "the replay did not finish in time"
    return got


def test_address_parsing() -> None:
    assert is_network_spec("tcp://10.0.0.5:2947") and is_network_spec(" TCP://h:1")
    assert not is_network_spec("/dev/ttyUSB0") and not is_network_spec("COM3")
    assert str(parse_address("tcp://gps.local:10110")) == "tcp://gps.local:10110"
    assert parse_address("tcp://[::1]:2947").host == "::1"
    for bad in (
        "tcp://host",
        "tcp://:2947",
        "tcp://h:99999",
        "tcp://h:0",
        "tcp://h:1/x",
        "tcp://h:x",
    ):
        with pytest.raises(PortUnavailable) as info:
            parse_address(bad)
        assert "tcp://" in info.value.en and "tcp://" in info.value.zh


def test_every_fix_of_a_real_log_arrives_over_tcp_in_order() -> None:
    expected, stats = parse_fixes(QUECTEL.read_bytes())
    with NmeaServer(QUECTEL) as server:
        source = open_source(server.url)
        assert isinstance(source, NetworkSource)
        events: list[str] = []
        got = _read_all(server, source, events)
    assert events == [] and server.connections == 1
    assert _positions(got) == _positions(expected)
    assert got == expected
    assert source.stats.sentences == stats.sentences


def test_drops_and_garbage_are_survived() -> None:
    """The link drops every 7 bursts and garbage comes before every burst: all fixes arrive,
    every outage is reported once and followed by a restore, the garbage is counted."""
    expected, stats = parse_fixes(QUECTEL.read_bytes())
    bursts = len(epochs(QUECTEL))
    with NmeaServer(QUECTEL, drop_after=7, garbage=GARBAGE) as server:
        source = NetworkSource(server.url)
        events: list[str] = []
        got = _read_all(server, source, events)
    drops = -(-bursts // 7) - 1  # the last connection stays up once the log is over
    assert server.connections == source.connections == drops + 1
    assert "closed by the other end" in events[0]
    assert events == [events[0], "restored"] * drops
    assert _positions(got) == _positions(expected)
    assert source.stats.sentences == stats.sentences
    assert source.stats.rejected["garbage"] >= bursts  # the junk before every burst
    assert source.stats.bad_checksums >= bursts  # the cut sentence


def test_gpsd_is_asked_for_nmea() -> None:
    expected, _ = parse_fixes(UBLOX.read_bytes())
    with NmeaServer(UBLOX, gpsd=True) as server:
        source = NetworkSource(server.url)
        got = _read_all(server, source, [])
    assert server.watch_requests and b'"nmea":true' in server.watch_requests[0]
    assert _positions(got) == _positions(expected)
    assert source.stats.rejected["garbage"] >= 3  # gpsd's JSON lines, skipped


def test_a_refused_port_is_a_clear_error_at_once() -> None:
    with socket.create_server(("127.0.0.1", 0)) as s:
        port = s.getsockname()[1]
    # nothing listens there now
    started = time.monotonic()
    with pytest.raises(PortUnavailable) as info:
        list(follow(NetworkSource(f"tcp://127.0.0.1:{port}"), lambda: False, retry_s=0.05))
    assert time.monotonic() - started < 5
    assert "refused" in info.value.en and "拒绝" in info.value.zh
    assert f"127.0.0.1:{port}" in info.value.en


def test_a_silent_server_counts_as_lost() -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        source = NetworkSource(f"tcp://127.0.0.1:{port}", quiet_s=0.05, silence_s=0.3)
        with pytest.raises(PortLost) as info:
            list(source.fixes())
    assert "nothing received" in info.value.en and "未收到" in info.value.zh


def test_stop_ends_a_connection_promptly() -> None:
    with NmeaServer(QUECTEL, interval_s=0.2) as server:
        source = NetworkSource(server.url)
        end = time.monotonic() + 0.5
        got = list(source.fixes(lambda: time.monotonic() > end))
        assert time.monotonic() - end < 1.0
    assert 1 <= len(got) <= 5


def test_reconnecting_reports_each_outage_once() -> None:
    """The reconnect policy on its own: a source that fails twice in a row after delivering."""
    fix = parse_fixes(QUECTEL.read_bytes())[0][5]
    attempts = {"n": 0}
    events: list[str] = []

    def opener():  # type: ignore[no-untyped-def]
        attempts["n"] += 1
        if attempts["n"] in (2, 3):
            raise PortLost.for_source("x", "gone")
        yield fix
        if attempts["n"] == 1:
            raise PortLost.for_source("x", "gone")

    got = list(
        reconnecting(
            opener,
            lambda: False,
            retry_s=0.01,
            on_lost=lambda exc: events.append("lost"),
            on_restored=lambda: events.append("restored"),
        )
    )
    assert got == [fix, fix] and attempts["n"] == 4
    assert events == ["lost", "restored"]


def test_gps_check_over_tcp_as_a_real_process() -> None:
    expected, _ = parse_fixes(QUECTEL.read_bytes())
    with NmeaServer(QUECTEL, drop_after=50, garbage=GARBAGE) as server:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "fieldapp",
                "gps",
                "check",
                server.url,
                "--max-fixes",
                str(len(expected)),
                "--seconds",
                "30",
                "--retry",
                "0.05",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    fixes = [x for x in lines if "mode" in x]
    events = [x["event"] for x in lines if "event" in x]
    summary = lines[-1]["summary"]
    assert len(fixes) == len(expected)
    assert [(f.get("lat"), f.get("lon")) for f in fixes] == [
        (e.as_json().get("lat"), e.as_json().get("lon")) for e in expected
    ]
    drops = -(-len(epochs(QUECTEL)) // 50) - 1  # 151 bursts, 50 a connection: 3
    assert events == ["lost", "restored"] * drops
    assert summary["kind"] == "NetworkSource" and summary["outages"] == drops
    assert summary["bad_checksums"] > 0


def test_gps_check_of_an_unreachable_host_fails_clearly() -> None:
    with socket.create_server(("127.0.0.1", 0)) as s:
        port = s.getsockname()[1]
    result = subprocess.run(
        [sys.executable, "-m", "fieldapp", "gps", "check", f"tcp://127.0.0.1:{port}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    summary = json.loads(result.stdout.splitlines()[-1])["summary"]
    assert "refused" in summary["error"] and "拒绝" in summary["error_zh"]
