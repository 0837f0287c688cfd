"""A national code that breaks its rule is shown in the edit dialog like every other problem (all
of them at once, in the user's language), and nothing is saved; a code of the right county is."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.store import database, outfalls
from fieldapp.ui.session import Session


@pytest.mark.parametrize(
    ("session_name", "words"),
    [("en_session", "should be the division code"), ("zh_session", "行政区划代码")],
)
def test_a_code_of_another_county_is_a_problem_in_the_edit_dialog(
    request, profile: Path, qtbot, session_name: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    session: Session = request.getfixturevalue(session_name)
    window = session.window
    window.table.selectRow(2)
    original = window.selected
    assert original is not None
    other = "320623" if original.county_code != "320623" else "320612"
    window.open_editor()
    dialog = window.edit_dialog
    assert dialog is not None
    dialog.fields["national_code"].setText(f"{other}R999999")
    dialog.fields["town"].setText("")  # and a second problem, shown with it
    with qtbot.waitSignal(session.lane.idle, timeout=5000):
        dialog._save_requested()
    shown = dialog.problems_label.text()
    assert dialog.isVisible() and words in shown and other in shown
    assert original.county_code in shown
    assert ("town is required" in shown) or ("镇（街道）不能为空" in shown)
    conn = database.open_reader(profile)
    try:
        assert outfalls.get(conn, original.id) == original
    finally:
        conn.close()
    dialog.fields["town"].setText("金沙街道")
    dialog.fields["national_code"].setText(f"{original.county_code}R999999")
    with qtbot.waitSignal(session.lane.idle, timeout=5000):
        dialog._save_requested()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    conn = database.open_reader(profile)
    try:
        saved = outfalls.get(conn, original.id)
    finally:
        conn.close()
    assert saved is not None and saved.national_code == f"{original.county_code}R999999"
