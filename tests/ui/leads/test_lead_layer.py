"""Aerial-survey leads on the map: a layer of their own, grouped zoomed out, a panel on tap with
the photo and notes, and "record a verification" starting the inspector's tools."""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from fieldapp import reference_data
from fieldapp.domain import tiles
from fieldapp.store import database
from fieldapp.store import leads as lead_rows
from fieldapp.store.map_points import MapReader
from fieldapp.ui.app import make_app
from fieldapp.ui.labels import Labels
from fieldapp.ui.map import MapWindow

PHOTO = (Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos" / "DSCN0010.jpg").read_bytes()
SHA = "5" * 64


def _lead(lead_id: str, metres_east: float, **extra: object) -> dict[str, object]:
    return {
        "id": lead_id, "county_code": "320612", "name": f"暗管{lead_id}", "note": "岸边疑似暗管",
        "lat": 32.05, "lon": 120.95 + metres_east / (111_320 * math.cos(math.radians(32.05))),
        "photos": [{"name": "a.jpg", "sha256": SHA}], "cluster_id": "A", "near_outfall_id": None,
        "near_outfall_m": None, "state": "open", "task_id": None, "outfall_id": None,
        "source": "survey.zip", **extra,
    }  # fmt: skip


@pytest.fixture
def window(qtbot, map_profile: Path) -> Iterator[MapWindow]:  # type: ignore[no-untyped-def]
    make_app("en")
    conn = database.open_profile(map_profile)
    with conn:
        lead_rows.apply(conn, "A", _lead("A", 0), deleted=False)
        lead_rows.apply(conn, "B", _lead("B", 60, state="tasked", task_id="t1"), deleted=False)
        lead_rows.apply(conn, "C", _lead("C", 5000, near_outfall_id="o-1", near_outfall_m=12.0), deleted=False)  # fmt: skip
        lead_rows.apply(conn, "D", _lead("D", 9000, state="duplicate"), deleted=False)
    found = lead_rows.to_verify(conn)
    conn.close()
    reader = MapReader(database.open_reader(map_profile))
    w = MapWindow(reader, Labels(reference_data.load(), "en"))
    w.set_leads(found, lambda sha: PHOTO if sha == SHA else None)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close_resources()
    reader.close()


def _screen(window: MapWindow, lead_id: str) -> QPointF:
    lead = window.leads[lead_id]
    return window.view.to_screen(*tiles.to_world(lead.lat, lead.lon))


def test_leads_group_zoomed_out_and_part_zoomed_in(window: MapWindow) -> None:
    view = window.view
    assert set(window.leads) == {"A", "B", "C"}  # a decided lead is no longer to verify
    assert "3 aerial-survey lead(s) to verify" in window.count.text()
    view.center_on(32.05, 120.97, 12.0)
    view.repaint()
    groups = sorted(len(ids) for _, _, ids in view._drawn_leads)
    assert groups == [1, 2]  # A and B 60 m apart share a marker; C stands alone
    view.center_on(32.05, 120.95, 18.0)
    view.repaint()
    assert sorted(ids[0] for _, _, ids in view._drawn_leads if len(ids) == 1) == ["A", "B"]


def test_tapping_a_group_zooms_in_and_a_lead_opens_its_panel(window: MapWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.view
    view.center_on(32.05, 120.95, 12.0)
    view.repaint()
    before = view.zoom
    view._tap(_screen(window, "A"))
    assert view.zoom > before and window.lead_scroll.isHidden()
    view.center_on(32.05, 120.95, 18.0)
    view.repaint()
    view._tap(_screen(window, "A"))
    panel = window.lead_panel
    assert panel.isVisible() and panel.name.text() == "暗管A"
    assert panel.note.text() == "岸边疑似暗管"
    qtbot.waitUntil(lambda: not panel.photo.pixmap().isNull(), timeout=5000)  # decoded aside
    assert panel.verify_existing.isHidden()  # no registered outfall beside it
    with qtbot.waitSignal(window.lead_new_outfall_requested) as asked:
        panel.verify_new.click()
    assert asked.args[0].id == "A"


def test_a_lead_beside_an_outfall_offers_its_inspection(window: MapWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.show_lead("C")
    panel = window.lead_panel
    assert "12 m from a registered outfall" in panel.near.text()
    with qtbot.waitSignal(window.lead_inspection_requested) as asked:
        panel.verify_existing.click()
    assert asked.args == ["o-1"]
    panel.close_button.click()
    assert window.lead_scroll.isHidden() and window.view.selected_lead is None
    assert window.legend_scroll.isVisible()


def test_a_photo_not_yet_fetched_says_so(window: MapWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.lead_photo = lambda sha: None
    assert window.show_lead("B")
    qtbot.waitUntil(lambda: "sync to fetch it" in window.lead_panel.photo.text(), timeout=5000)
    assert "task has been assigned" in window.lead_panel.state.text()


def test_the_note_dialog_asks_why_and_hands_over_verdict_note_and_photos(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.domain.lead import AerialLead
    from fieldapp.ui.leads import LeadNoteDialog

    make_app("en")
    lead = AerialLead("C", "320612", "暗管C", "", 32.05, 120.95, (), "C", "o-1", 12.0, "tasked", None, None, "s.zip")  # fmt: skip
    dialog = LeadNoteDialog(lead)
    qtbot.addWidget(dialog)
    got: list[tuple[str, str, list[str]]] = []
    dialog.submitted.connect(lambda *args: got.append(args))
    dialog.save.click()
    assert got == [] and "Say what is there" in dialog.problem.text()
    dialog.note.setPlainText("灌溉闸门，无出水")
    dialog.set_photos([str(tmp_path / "a.jpg")])
    assert "1 photo(s) chosen" in dialog.photos_label.text()
    dialog.save.click()
    assert got == [("not_outfall", "灌溉闸门，无出水", [str(tmp_path / "a.jpg")])]
    dialog.duplicate.setChecked(True)
    dialog.note.setPlainText("")
    dialog.save.click()  # the registered outfall needs no words
    assert got[-1][0] == "duplicate"


def test_the_panel_offers_a_note(window: MapWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.show_lead("A")
    with qtbot.waitSignal(window.lead_note_requested) as asked:
        window.lead_panel.verify_note.click()
    assert asked.args[0].id == "A"


def test_the_photo_is_read_and_decoded_off_the_gui_thread(window: MapWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Reading a lead's photo decrypts it from the evidence store: never on the GUI thread."""
    import threading

    readers: list[threading.Thread] = []

    def read(sha: str) -> bytes | None:
        readers.append(threading.current_thread())
        return PHOTO if sha == SHA else None

    window.lead_photo = read
    assert window.show_lead("A")
    qtbot.waitUntil(lambda: not window.lead_panel.photo.pixmap().isNull(), timeout=5000)
    assert readers and all(t is not threading.main_thread() for t in readers)
