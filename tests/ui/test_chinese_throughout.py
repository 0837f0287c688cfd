"""The main windows in Chinese with the demo ledger, walked as a person would (an outfall edited
and moved a step, an inspection with a position and photos, a patrol recorded and finished, the
map, the settings, the editor): no visible text shows an ISO timestamp, an internal id or an
untranslated English word, and stored UTC times are shown in the laptop's time zone."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from fieldapp.domain import position as pos
from fieldapp.ui.session import Session

SHARED = Path(os.environ["HEKOU_SHARED"]) / "testdata"
NMEA = SHARED / "nmea" / "quectel-l76k-nmea.log"
PHOTOS = SHARED / "photos"


def _visible_text() -> Any:
    name = "hekou_visible_text"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).with_name("visible_text.py")
        )
        assert spec is not None and spec.loader is not None
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


vt = _visible_text()


@pytest.fixture
def shanghai() -> Iterator[None]:
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def assert_readable(widget: QWidget) -> None:
    texts = list(vt.widget_texts(widget))
    assert sum(len(t) for t in texts) > 20, "nothing was read: the walk would prove nothing"
    assert vt.problems(texts) == []


def test_the_heuristics_find_what_they_look_for() -> None:
    found = vt.problems(
        [
            "2026-05-01T02:21:05Z",
            "a 3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "Save the record",
            "误差 ±9 m",
        ]
    )
    assert len(found) == 4
    assert vt.problems(["检查 320612H000005 · WGS84 · ±4 米 · /dev/ttyUSB0 · GPS 时间"]) == []
    assert vt.problems(["通州区五接镇太平社区桥东北侧950m工矿企业雨洪排口"]) == []  # a name


def test_main_window_and_detail_in_chinese(qtbot: Any, zh_session: Session, shanghai: None) -> None:
    window = zh_session.window
    window.table.selectRow(0)
    first = window.selected
    assert first is not None
    basin = "huai" if first.basin != "huai" else "yangtze"
    edited = dataclasses.replace(first, water_body="通吕运河", basin=basin)
    window.lane.submit(
        lambda: window._save_edit(edited, first.updated_at), window._saved_transition, print
    )
    qtbot.waitUntil(
        lambda: window.selected is not None and window.selected.water_body == "通吕运河"
    )
    window.show_outfall(first.id)
    detail = window.detail.toPlainText()
    assert "所属流域" in detail and "basin" not in detail  # the field's name, not its id
    assert "淮河流域" in detail or "长江流域" in detail  # the basin's term, not its code
    saved = window.selected
    assert saved is not None
    stored = saved.updated_at[:16].replace("T", " ")  # UTC, as stored
    from fieldapp.ui import formatting as fmt

    assert fmt.local_time(saved.updated_at) in detail and stored not in detail
    assert_readable(window)


def test_inspection_window_in_chinese(qtbot: Any, zh_session: Session) -> None:
    window = zh_session.window
    window.table.selectRow(2)
    assert window.selected is not None
    inspection: Any = zh_session.open_inspection(window.selected.id)
    inspection.position.use_position(pos.manual(32.05, 120.95, "接收机故障"))
    inspection.photos.add_paths([PHOTOS / "no_exif.jpg", PHOTOS / "DSCN0010.jpg"])
    qtbot.waitUntil(lambda: inspection.photos.list.count() == 2)
    qtbot.waitUntil(lambda: inspection.photos.worker.pending == 0, timeout=10_000)
    qtbot.waitUntil(lambda: not zh_session.lane.busy)
    assert "公里" in inspection.position.result.text()  # the outfall is kilometres away
    items = [inspection.photos.list.item(i).text() for i in range(2)]
    assert any("年" in t or "天" in t for t in items), items  # old photos: years, not minutes
    assert_readable(inspection)
    strip = inspection.photos
    strip.list.setCurrentRow(0)
    strip.view_button.click()
    qtbot.waitUntil(lambda: strip.view_dialog is not None and strip.view_dialog.isVisible())
    assert_readable(strip.view_dialog)
    strip.view_dialog.close()
    qtbot.waitUntil(lambda: strip.worker.pending == 0, timeout=10_000)


def test_patrol_window_in_chinese(qtbot: Any, zh_session: Session) -> None:
    zh_session.gnss_override = str(NMEA)
    patrol: Any = zh_session.open_patrol()
    qtbot.waitUntil(lambda: not zh_session.lane.busy)  # the open patrol was looked up
    patrol.river.setText("通吕运河")
    patrol.start()
    qtbot.waitUntil(
        lambda: patrol.patrol is not None and patrol.last_fix is not None, timeout=10_000
    )
    qtbot.wait(1500)
    assert_readable(patrol)
    patrol.finish()
    qtbot.waitUntil(lambda: patrol.patrol is not None and not patrol.patrol.is_open)
    stats = patrol.stats_label.text()
    assert "秒" in stats or "分钟" in stats  # a duration in words, not 0:00:05
    assert "达到最低要求（10 分钟、1 公里）" in stats
    assert_readable(patrol)
    from fieldapp.ui.patrol.problem_dialog import ProblemDialog

    nearby = [("00000000-0000-4000-8000-000000000001", "320612H000005  12 米")]
    dialog = ProblemDialog(patrol, nearby)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_readable(dialog)  # the outfall is offered by its code and distance, never its id


def test_map_settings_and_editor_in_chinese(qtbot: Any, zh_session: Session) -> None:
    window = zh_session.window
    window.table.selectRow(1)
    assert_readable(zh_session.open_map())
    assert_readable(zh_session.open_settings())
    zh_session.tools["settings"].close()
    window.open_editor()
    assert window.edit_dialog is not None
    assert_readable(window.edit_dialog)
    window.edit_dialog.close()


def test_nearest_and_new_outfall_dialogs_in_chinese(qtbot: Any, zh_session: Session) -> None:
    nearest: Any = zh_session.open_nearest()
    nearest.set_position(32.08, 121.05)  # in Tongzhou, among the demo ledger's outfalls
    assert nearest.list.count() > 0 and nearest.rows
    assert any(("米" in t or "公里" in t) for t in vt.widget_texts(nearest.list))
    assert_readable(nearest)
    nearest.reject()
    assert_readable(zh_session.open_new_outfall())
    zh_session.tools["newOutfall"].close()


def test_the_english_ui_shows_local_times_and_no_ids(
    qtbot: Any, en_session: Session, shanghai: None
) -> None:
    window = en_session.window
    window.table.selectRow(0)
    first = window.selected
    assert first is not None
    # No step is pre-selected (a user must choose one): take the first the outfall offers.
    window.run_transition(first.id, window.action_box.itemData(1), "test")
    qtbot.waitUntil(
        lambda: window.selected is not None and window.selected.updated_at != first.updated_at
    )
    window.show_outfall(first.id)
    from fieldapp.ui import formatting as fmt

    moved = window.selected
    assert moved is not None
    assert fmt.local_time(moved.updated_at) in window.detail.toPlainText()  # local, not UTC
    assert vt.problems(list(vt.widget_texts(window)), chinese=False) == []
    inspection: Any = en_session.open_inspection(first.id)
    inspection.position.use_position(pos.manual(32.05, 120.95, "receiver broken"))
    assert " km" in inspection.position.result.text()
    assert vt.problems(list(vt.widget_texts(inspection)), chinese=False) == []
