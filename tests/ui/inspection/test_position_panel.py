"""The position panel fed by real receiver logs: live fix quality, the accuracy gate, averaging,
distance and bearing to the outfall, the far flag stored with the record, the fallbacks (a photo's
EXIF position, typed coordinates with a reason), thresholds from settings, a receiver that vanishes.
"""

from __future__ import annotations

import os

import pytest

from fieldapp.domain.nmea import FixMode
from fieldapp.gnss import LogReplay, SerialSource
from fieldapp.store import database, inspections
from fieldapp.ui.inspection import position_panel
from fieldapp.ui.settings import AppSettings

from .conftest import CALIFORNIA, NANTONG, NMEA, PHOTOS, UBLOX_LOG


def settle(qtbot, h) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not h.lane.busy, timeout=5000)


def stored(h, inspection_id: str):  # type: ignore[no-untyped-def]
    conn = database.open_reader(h.path)
    try:
        return inspections.get(conn, inspection_id)
    finally:
        conn.close()


def test_live_fix_gate_and_averaging_with_the_far_flag_saved(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = en.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    panel = window.position
    fixes = list(LogReplay(NMEA / "quectel-l76k-nmea.log"))
    assert fixes[0].eph_m is None and fixes[1].eph_m == pytest.approx(17.1)
    panel.feed.fix.emit(fixes[0])  # 2-D, no error estimate: cannot be captured
    assert "Fix 2D" in panel.live.text()
    assert not panel.capture_button.isEnabled()
    panel.feed.fix.emit(fixes[1])  # 3-D, 14 satellites, HDOP 0.9, ±17 m: passes the 20 m gate
    assert panel.live.text() == "Fix 3D · satellites 14 · HDOP 0.9 · error ±17 m"
    assert panel.capture_button.isEnabled()
    panel.capture_button.click()
    assert panel.result.text() == "Averaging fixes: 1 of 5"
    for fix in fixes[2:5]:
        panel.feed.fix.emit(fix)
    assert panel.result.text() == "Averaging fixes: 4 of 5"
    with qtbot.waitSignal(panel.captured) as got:
        panel.feed.fix.emit(fixes[5])
    record = got.args[0]
    assert record.source == "gnss" and record.n_fixes == 5
    assert record.far and record.distance_m > 1_000_000
    assert "Far from the registered outfall" in panel.result.text()
    with qtbot.waitSignal(window.saved, timeout=4000):
        pass
    settle(qtbot, en)
    saved = stored(en, window.record.id)
    assert saved.position is not None and saved.position.far and saved.position.n_fixes == 5
    conn = database.open_reader(en.path)
    try:
        flag = conn.execute(
            "SELECT far_from_outfall FROM inspections WHERE id = ?", (window.record.id,)
        ).fetchone()[0]
    finally:
        conn.close()
    assert flag == 1


def test_a_replayed_log_near_the_outfall_gives_distance_and_bearing(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = en.entry.open_inspection_for(CALIFORNIA.id)
    qtbot.addWidget(window)
    panel = window.position
    with qtbot.waitSignal(panel.feed.ended, timeout=10000):
        panel.start(str(UBLOX_LOG))  # the real feed thread, replayed as fast as it parses
    last = list(LogReplay(UBLOX_LOG))[-1]
    assert panel.last_fix == last and last.mode is FixMode.THREE_D
    expected = (
        f"Fix 3D · satellites {last.satellites} · HDOP {last.hdop:.1f} · error ±{last.eph_m:.0f} m"
    )
    assert panel.live.text() == expected
    assert panel.start_button.text() == "Connect"
    assert not panel.capture_button.isEnabled()  # the source ended: nothing to capture from
    fixes = list(LogReplay(UBLOX_LOG))
    panel.feed.fix.emit(fixes[0])
    panel.capture_button.click()
    for fix in fixes[1:5]:
        panel.feed.fix.emit(fix)
    record = panel.record
    assert record is not None and record.source == "gnss"
    assert not record.far and record.distance_m is not None and record.distance_m < 50
    assert record.bearing_deg is not None and 0 <= record.bearing_deg < 360
    assert "Outfall " in panel.result.text() and " m to the " in panel.result.text()
    assert "°)" in panel.result.text()
    settle(qtbot, en)


def test_fallbacks_photo_exif_and_typed_with_a_required_reason(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = en.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    panel, strip = window.position, window.photos
    strip.add_paths([PHOTOS / "DSCN0010.jpg"])
    qtbot.waitUntil(lambda: strip.list.count() == 1)
    settle(qtbot, en)
    strip.list.setCurrentRow(0)
    assert strip.position_button.isEnabled()
    with qtbot.waitSignal(panel.captured) as got:
        strip.position_button.click()
    photo_record = got.args[0]
    assert photo_record.source == "photo_exif" and photo_record.far
    assert photo_record.lat == pytest.approx(43.467448, abs=1e-6)
    assert "from a photo's EXIF" in panel.result.text()

    panel.manual_lat.setText("32.0811")
    panel.manual_lon.setText("121.0502")
    panel.manual_button.click()  # no reason: refused, said so
    assert panel.message.isVisible() and "reason" in panel.message.text()
    assert panel.record is photo_record
    panel.manual_reason.setText("receiver left in the car")
    with qtbot.waitSignal(panel.captured) as got:
        panel.manual_button.click()
    typed = got.args[0]
    assert typed.source == "manual" and typed.reason == "receiver left in the car"
    assert not typed.far and typed.distance_m < 50
    with qtbot.waitSignal(window.saved, timeout=4000):
        pass
    settle(qtbot, en)
    saved = stored(en, window.record.id)
    assert saved.position.source == "manual" and saved.position.reason == "receiver left in the car"


class VanishingPort:
    """A receiver that sends part of a real log, then is unplugged."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    @property
    def in_waiting(self) -> int:
        return len(self.data)

    def read(self, size: int = 1) -> bytes:
        if not self.data:
            raise OSError(5, "device disconnected")
        chunk, self.data = self.data[:size], self.data[size:]
        return chunk

    def close(self) -> None:
        raise OSError(19, "no such device")


def test_a_receiver_that_vanishes_gives_a_message_and_the_form_goes_on(
    qtbot, en, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    head = b"".join(UBLOX_LOG.read_bytes().splitlines(keepends=True)[:200])
    monkeypatch.setattr(
        position_panel,
        "open_source",
        lambda spec, speed=None: SerialSource(spec, open_port=lambda *_: VanishingPort(head)),
    )
    window = en.entry.open_inspection_for(CALIFORNIA.id)
    qtbot.addWidget(window)
    panel = window.position
    with qtbot.waitSignal(panel.feed.lost, timeout=10000):
        panel.start("/dev/ttyUSB7")
    assert panel.message.isVisible()
    assert "/dev/ttyUSB7 stopped responding or was unplugged" in panel.message.text()
    assert not panel.capture_button.isEnabled()
    assert panel.feed.running and panel.start_button.text() == "Disconnect"  # reopening it
    panel.stop()
    assert not panel.feed.running and panel.start_button.text() == "Connect"
    # The rest of the form keeps working: typing autosaves, the typed fallback records.
    window.form.notes.setPlainText("receiver unplugged mid-visit")
    panel.manual_lat.setText(f"{CALIFORNIA.lat}")
    panel.manual_lon.setText(f"{CALIFORNIA.lon}")
    panel.manual_reason.setText("receiver lost")
    panel.manual_button.click()
    with qtbot.waitSignal(window.saved, timeout=4000):
        pass
    settle(qtbot, en)
    saved = stored(en, window.record.id)
    assert saved.notes == "receiver unplugged mid-visit" and saved.position.source == "manual"


def test_thresholds_come_from_the_settings_over_the_data_file(qtbot, profile_path) -> None:  # type: ignore[no-untyped-def]
    from fieldapp import reference_data
    from fieldapp.ui.app import make_app
    from fieldapp.ui.inspection import InspectionEntry
    from fieldapp.ui.labels import Labels
    from fieldapp.ui.lane import BackgroundLane

    make_app("en")
    settings = AppSettings(f"HekouInspectionTests-{os.getpid()}")
    settings.clear()
    settings.position_max_error_m = 60
    settings.fixes_to_average = 2
    settings.far_from_outfall_m = 20_000_000  # nothing on Earth is "far"
    settings.photo_max_distance_m = "not a number"  # type: ignore[assignment]
    writer = database.open_profile(profile_path)
    lane = BackgroundLane()
    entry = InspectionEntry(
        profile_path,
        writer,
        lane,
        Labels(reference_data.load(), "en"),
        "测试员",
        replay_speed=None,
        settings=settings,
    )
    try:
        thresholds = entry.services.rules.settings
        assert thresholds.max_position_error_m == 60 and thresholds.fixes_to_average == 2
        assert thresholds.photo_max_distance_m == 100  # unreadable: the data file's value
        window = entry.open_inspection_for(NANTONG.id)
        qtbot.addWidget(window)
        panel = window.position
        fixes = list(LogReplay(NMEA / "bt451.log"))  # indoors: ±52 m, refused by the default gate
        panel.feed.fix.emit(fixes[1])
        assert panel.capture_button.isEnabled()
        panel.capture_button.click()
        with qtbot.waitSignal(panel.captured) as got:
            panel.feed.fix.emit(fixes[2])
        assert got.args[0].n_fixes == 2 and not got.args[0].far
        qtbot.waitUntil(lambda: not lane.busy)
    finally:
        entry.close()
        qtbot.waitUntil(lambda: not lane.busy)
        lane.shutdown()
        writer.close()
        settings.clear()
        settings.sync()
