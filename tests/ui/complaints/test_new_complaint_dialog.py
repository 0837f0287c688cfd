"""The new-complaint dialog never drops a position the user typed: half a position is refused
with the reason, a whole one goes in the request, none leaves the place in words."""

from __future__ import annotations

from typing import Any

from fieldapp.ui.complaints.dialogs import NewComplaintDialog
from fieldapp.ui.complaints.pane import complaint_rules

COUNTIES = {"320612": "通州区", "320682": "如皋市"}


def _dialog(qtbot: Any) -> NewComplaintDialog:
    dialog = NewComplaintDialog(complaint_rules(), COUNTIES, "en")
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.description.setPlainText("河面漂黑色泡沫")
    return dialog


def test_half_a_position_is_refused_and_kept_for_the_user_to_finish(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    dialog.place.setText("石港镇渔湾村桥下")
    dialog.lat.setValue(32.05)
    dialog.accept()
    assert dialog.isVisible()
    assert "latitude and longitude" in dialog.problem.text()
    assert dialog.lat.value() == 32.05  # what was typed stays
    dialog.lon.setValue(120.95)
    dialog.accept()
    assert not dialog.isVisible()
    assert dialog.request().location is not None
    assert (dialog.request().location.lat, dialog.request().location.lon) == (32.05, 120.95)


def test_no_position_needs_the_place_in_words(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    dialog.accept()
    assert dialog.isVisible() and "place" in dialog.problem.text()
    dialog.place.setText("石港镇渔湾村桥下")
    dialog.accept()
    assert not dialog.isVisible()
    assert dialog.request().location is None and dialog.request().place == "石港镇渔湾村桥下"
