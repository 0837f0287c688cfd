"""The position panel on a network receiver (tcp://) served by a real TCP server on loopback that
replays a real log and drops the link: the message shows while it is down and goes when fixes
come back; the capture works from the network fixes."""

from __future__ import annotations

from fieldapp.domain.nmea import parse_fixes

from ...gnss.nmea_server import NmeaServer
from .conftest import CALIFORNIA, UBLOX_LOG


def test_a_network_receiver_that_drops_is_reconnected(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    expected = [f for f in parse_fixes(UBLOX_LOG.read_bytes())[0] if f.has_position]
    window = en.entry.open_inspection_for(CALIFORNIA.id)
    qtbot.addWidget(window)
    panel = window.position
    seen: list[object] = []
    messages: list[str] = []
    panel.fix_seen.connect(seen.append)
    panel.feed.lost.connect(lambda en_text, zh_text: messages.append(en_text))
    panel.feed.restored.connect(lambda: messages.append(""))
    with NmeaServer(UBLOX_LOG, interval_s=0.03, drop_after=20) as server:
        panel.start(server.url)
        qtbot.waitUntil(panel.capture_button.isEnabled, timeout=10000)
        panel.capture_button.click()  # five network fixes averaged, across a drop if one comes
        qtbot.waitUntil(lambda: panel.record is not None, timeout=10000)
        assert panel.record is not None and panel.record.source == "gnss"
        assert panel.record.n_fixes == 5 and panel.record.distance_m < 50
        qtbot.waitUntil(lambda: server.finished and len(seen) >= len(expected), timeout=20000)
        qtbot.waitUntil(lambda: not panel.message.isVisible(), timeout=5000)
        assert server.connections >= 3
        assert any("connection to the GNSS source" in m for m in messages)
        assert "" in messages  # each restore clears the message
        panel.stop()
    got = [f for f in seen if getattr(f, "has_position", False)]
    assert [(f.lat, f.lon) for f in got] == [(f.lat, f.lon) for f in expected]
    qtbot.waitUntil(lambda: not en.lane.busy, timeout=5000)
