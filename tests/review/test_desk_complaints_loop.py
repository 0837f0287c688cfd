"""举报 on the desk, against the real server on loopback (SQLite with the desk in English,
PostgreSQL in Chinese): a supervisor records a complaint from the desk's tab, sees it with the
complainant's contact and its verification task, records the outcome, then the answer; an answer
cannot be recorded before the outcome (the button says so by being off)."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import Any

from fieldapp.ui.review.desk import ReviewDesk
from sync.complaints import ComplaintState
from tests.conftest import SHARED

from .test_desk_history_loop import _desk, proposals_loop

PHOTOS = SHARED / "testdata" / "photos"

world = proposals_loop.world  # the same fixture: SQLite in English, PostgreSQL in Chinese


def _mine(desk: ReviewDesk, marker: str) -> int:
    pane = desk.complaints
    rows = [i for i, c in enumerate(pane.complaints) if marker in c.description]
    return rows[0] if rows else -1


def _shoot_dialog(dialog: Any, name: str) -> None:
    """The dialog as it opens on a 1366×768 laptop at 100% and at 150% (911×512 logical): its
    fields scroll, its buttons stay on the screen."""
    proposals_loop.SHOTS.mkdir(parents=True, exist_ok=True)
    for (w, h), tag in (((1366, 768), "1366"), ((911, 512), "150pct")):
        dialog.resize(min(820, w), min(760, h - 40))
        assert dialog.height() <= h
        assert dialog.grab().save(str(proposals_loop.SHOTS / f"{name}_{tag}.png"))


def test_the_desk_records_a_complaint_its_outcome_and_answer(
    world: Any, qtbot: Any, tmp_path: Path
) -> None:
    sup = world.device("sup", "supervisor")
    insp = world.device("insp", "inspector")
    proposals_loop.sync_ok(sup)
    proposals_loop.sync_ok(insp)
    desk = _desk(sup, qtbot)
    pane = desk.complaints
    qtbot.waitUntil(lambda: "Loading" not in pane.summary.text()
                    and "正在" not in pane.summary.text(), timeout=10_000)  # fmt: skip
    marker = f"夜间偷排-{uuid.uuid4().hex[:6]}"
    pane.counties = {world.county: "测试县"}  # the test world's own county code

    dialog: Any = pane.new_complaint()
    dialog.county.setCurrentIndex(max(0, dialog.county.findData(world.county)))
    dialog.description.setPlainText(f"{marker}：河面漂黑色泡沫")
    dialog.accept()  # no place yet: said, the dialog stays
    assert dialog.isVisible() and dialog.problem.text()
    dialog.place.setText("石港镇渔湾村桥下")
    dialog.contact_name.setText("王女士")
    dialog.contact_phone.setText("13700002222")
    dialog.assignees.setText(insp.user)
    # the complainant's photos: one good, one damaged, one not a photo, the good one twice
    not_a_photo = tmp_path / "说明.jpg"
    not_a_photo.write_text("这不是照片")
    good = PHOTOS / "DSCN0010.jpg"
    picker = dialog.picker
    picker.add_files([good, PHOTOS / "corrupted.jpg", not_a_photo, good])
    assert picker.checking == 4
    dialog.accept()  # photos still being checked: said, the dialog stays
    assert dialog.isVisible() and dialog.problem.text()
    qtbot.waitUntil(lambda: picker.checking == 0, timeout=10_000)
    assert [p.name for p in picker.photos] == ["DSCN0010.jpg"] and picker.list.count() == 1
    assert not dialog.problem.text()  # the wait is over: no longer said
    refused = picker.problem.text()
    assert "corrupted.jpg" in refused and "说明.jpg" in refused and "DSCN0010.jpg" in refused
    _shoot_dialog(dialog, f"desk_new_complaint_{world.lang}")
    dialog.accept()
    qtbot.waitUntil(lambda: _mine(desk, marker) >= 0, timeout=10_000)
    pane.table.selectRow(_mine(desk, marker))
    mine = pane.current()
    assert mine is not None and mine.state == ComplaintState.OPEN and mine.task_state == "open"
    sha = hashlib.sha256(good.read_bytes()).hexdigest()
    assert mine.photos == [sha]  # uploaded with the complaint, byte for byte
    qtbot.waitUntil(lambda: pane.photos.list.count() == 1, timeout=10_000)
    assert pane.photos.data[sha] == good.read_bytes()
    assert "13700002222" in pane.details.text() and "王女士" in pane.details.text()
    assert pane.outcome_button.isEnabled() and not pane.reply_button.isEnabled()
    proposals_loop.shoot(pane, f"desk_complaints_{world.lang}")

    outcome: Any = pane.record_outcome()
    outcome.outcome.setCurrentIndex(outcome.outcome.findData("confirmed"))
    outcome.note.setPlainText("查实某厂夜间偷排")
    outcome.accept()
    qtbot.waitUntil(lambda: (c := pane.current()) is not None
                    and c.state == ComplaintState.VERIFIED, timeout=10_000)  # fmt: skip
    assert pane.reply_button.isEnabled()
    reply: Any = pane.record_reply()
    reply.text.setPlainText("经核实属实，已立案查处。")
    reply.accept()
    qtbot.waitUntil(lambda: (c := pane.current()) is not None
                    and c.state == ComplaintState.ANSWERED, timeout=10_000)  # fmt: skip
    assert not pane.outcome_button.isEnabled() and not pane.reply_button.isEnabled()
    assert "经核实属实" in pane.details.text()
    desk.close()
