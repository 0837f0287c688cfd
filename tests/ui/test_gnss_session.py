"""The position source as the app is started with it (``--gnss tcp://...``) and as the patrol
window changes it: a real TCP server on loopback replays a real log as the receiver."""

from __future__ import annotations

import os
from pathlib import Path

from fieldapp.ui.session import Session

from ..gnss.nmea_server import NmeaServer

NMEA = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "nmea"


def test_gnss_override_tcp_feeds_the_patrol_and_a_choice_is_saved(
    en_session: Session, qtbot
) -> None:  # type: ignore[no-untyped-def]
    with NmeaServer(NMEA / "quectel-eg25-g.log", interval_s=0.05) as server:
        en_session.gnss_override = server.url  # as `fieldapp --gnss tcp://...` sets it
        en_session.window.actions_by_name["patrol"].trigger()
        patrol = en_session.tools["patrol"]
        assert patrol.source_spec == server.url  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: patrol.last_fix is not None, timeout=10000)  # type: ignore[attr-defined]
        assert server.connections == 1
        # A source chosen in the window becomes the setting and this run's source.
        log = str(NMEA / "bu353s4.log")
        patrol.set_source(log)  # type: ignore[attr-defined]
        assert en_session.settings.gnss_source == log
        assert en_session.gnss_override == log
        patrol.shutdown()  # type: ignore[attr-defined]
