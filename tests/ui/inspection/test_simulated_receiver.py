"""A receiver in simulation mode (GGA quality 8): its fixes are shown, never captured as evidence,
and the panel says why in the user's language. The receiver is a real log rewritten to say it is
simulating, replayed through the real feed thread."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.nmea import Sentence, parse_sentence, with_checksum
from fieldapp.gnss import LogReplay

from .conftest import CALIFORNIA, UBLOX_LOG


def simulated_log(tmp_path: Path) -> Path:
    out = []
    for raw in UBLOX_LOG.read_bytes().splitlines():
        s = parse_sentence(raw)
        if isinstance(s, Sentence):
            f = list(s.fields)
            if s.kind == "GGA" and f[5] not in ("", "0"):
                f[5] = "8"
            out.append(with_checksum(",".join((s.talker + s.kind, *f))))
    path = tmp_path / "simulator.log"
    path.write_text("\r\n".join(out) + "\r\n", encoding="ascii")
    return path


@pytest.mark.parametrize(
    ("harness", "words"), [("en", "simulation mode"), ("zh", "模拟模式")], ids=["en", "zh"]
)
def test_simulated_fixes_are_refused_with_a_message(
    qtbot, request, tmp_path: Path, harness: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    h = request.getfixturevalue(harness)
    window = h.entry.open_inspection_for(CALIFORNIA.id)
    qtbot.addWidget(window)
    panel = window.position
    log = simulated_log(tmp_path)
    with qtbot.waitSignal(panel.feed.ended, timeout=10000):
        panel.start(str(log))
    assert panel.last_fix is not None and panel.last_fix.simulated
    assert words in panel.message.text() and panel.message.isVisibleTo(panel)
    assert not panel.capture_button.isEnabled()
    # A capture begun on a good fix takes no simulated one.
    good = [f for f in LogReplay(UBLOX_LOG) if f.has_position]
    simulated = [f for f in LogReplay(log) if f.has_position]
    panel.feed.fix.emit(good[0])
    assert panel.capture_button.isEnabled() and not panel.message.isVisibleTo(panel)
    panel.capture_button.click()
    for fix in simulated[:10]:
        panel.feed.fix.emit(fix)
    assert panel.record is None and panel.capture is not None
    assert len(panel.capture.used) == 1
    assert words in panel.message.text()
    qtbot.waitUntil(lambda: not h.lane.busy, timeout=5000)
