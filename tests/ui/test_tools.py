"""The tools the main window opens: the map, patrols and the settings, wired to the ledger."""

from __future__ import annotations

import os
from pathlib import Path

from fieldapp.ui.session import Session

NMEA = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "nmea"


def test_map_opens_on_the_selected_outfall_and_leads_back_to_the_ledger(
    en_session: Session,
) -> None:
    window = en_session.window
    window.table.selectRow(5)
    first = window.selected
    assert first is not None
    window.actions_by_name["map"].trigger()
    map_window = en_session.tools["map"]
    assert map_window.isVisible()
    # An outfall chosen on the map is shown in the ledger, even when a search hides it.
    window.search.setText("不存在的地名")
    assert window.model.rowCount() == 0
    map_window.outfall_activated.emit(first.id)  # type: ignore[attr-defined]
    assert window.selected is not None and window.selected.id == first.id
    assert window.search.text() == ""
    assert first.name in window.detail.toPlainText()


def test_patrol_without_a_position_source_says_what_to_do(en_session: Session) -> None:
    from fieldapp.gnss import GnssSourceError

    try:
        en_session.position_source()
    except GnssSourceError as exc:
        assert "Settings" in exc.en and "设置" in exc.zh
    else:
        raise AssertionError("no source was set, yet one opened")


def test_patrol_opens_with_a_replayed_log(en_session: Session) -> None:
    en_session.gnss_override = str(NMEA / "quectel-eg25-g.log")
    fixes = en_session.position_source()
    first = next(iter(fixes))
    assert first is not None
    en_session.window.actions_by_name["patrol"].trigger()
    assert en_session.tools["patrol"].isVisible()


def test_settings_are_saved(en_session: Session) -> None:
    en_session.window.actions_by_name["settings"].trigger()
    dialog = en_session.tools["settings"]
    dialog.gnss.setText("/dev/ttyUSB0")  # type: ignore[attr-defined]
    dialog.county.setCurrentIndex(dialog.county.findData("320681"))  # type: ignore[attr-defined]
    dialog.basemap.setText("/data/nantong.mbtiles")  # type: ignore[attr-defined]
    dialog.gcj02.setChecked(True)  # type: ignore[attr-defined]
    dialog.far.setValue(120)  # type: ignore[attr-defined]
    dialog.photo_hours.setValue(3)  # type: ignore[attr-defined]
    dialog.save()  # type: ignore[attr-defined]
    settings = en_session.settings
    assert settings.gnss_source == "/dev/ttyUSB0"
    assert settings.home_county == "320681"
    assert settings.basemap.path == "/data/nantong.mbtiles" and settings.basemap.gcj02
    assert settings.far_from_outfall_m == 120
    assert settings.photo_max_time_offset_s == 3 * 3600


def test_inspection_opens_for_the_selected_outfall(en_session: Session) -> None:
    window = en_session.window
    window.table.selectRow(3)
    assert window.selected is not None
    window.actions_by_name["inspect"].trigger()
    inspection = en_session.tools["inspection"]
    assert inspection.isVisible()
    assert window.selected.display_code in inspection.windowTitle()


def test_nearest_and_new_outfall_dialogs_open(en_session: Session) -> None:
    en_session.window.actions_by_name["nearest"].trigger()
    assert en_session.tools["nearest"].isVisible()
    en_session.window.actions_by_name["newOutfall"].trigger()
    assert en_session.tools["newOutfall"].isVisible()


def test_a_patrol_problem_at_an_outfall_opens_its_inspection(en_session: Session) -> None:
    window = en_session.window
    window.table.selectRow(4)
    outfall = window.selected
    assert outfall is not None
    en_session.gnss_override = str(NMEA / "quectel-eg25-g.log")
    window.actions_by_name["patrol"].trigger()
    patrol = en_session.tools["patrol"]
    patrol.inspection_requested.emit(outfall.id)  # type: ignore[attr-defined]
    inspection = en_session.tools["inspection"]
    assert inspection.isVisible() and outfall.display_code in inspection.windowTitle()
