"""验收 in the inspection form: an acceptance inspection of a banned outfall shows the ban route's
checklist and takes re-tests (a standard's limit filled in, 超标 said at once); the must-check
items and each re-test's value, limit and lab report number are needed to complete; a re-test over
its limit is flagged before the record freezes, and the stored record says it exactly as the server
reads it (sync.casework), so the outfall is not accepted on it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from fieldapp.store import database, outfalls
from sync import casework

from .conftest import outfall

BANNED = outfall(20, remediation_route="ban", lifecycle_state="remediating")
SHOTS = Path(os.environ.get("HEKOU_SHOTS", "var/screens/inspection"))


def _load_banned(path: Path) -> None:
    conn = database.open_profile(path)
    try:
        outfalls.bulk_load_incoming(conn, [(BANNED, [])])
    finally:
        conn.close()


def _open(h: Any, qtbot: Any) -> Any:
    _load_banned(h.path)
    window = h.entry.open_inspection_for(BANNED.id)
    qtbot.addWidget(window)
    return window


def _settle(qtbot: Any, h: Any) -> None:
    qtbot.waitUntil(lambda: not h.lane.busy, timeout=5000)


def test_an_acceptance_answers_its_routes_checklist_and_judges_its_retests(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = _open(en, qtbot)
    form = window.form
    section = form.acceptance
    assert section.isHidden()  # a routine inspection has no acceptance part
    form.kind.setCurrentIndex(form.kind.findData("acceptance"))
    assert not section.isHidden()
    assert "Ban" in section.route_note.text()
    assert "outlet_sealed" in section.choices and "sign_to_standard" not in section.choices

    form.discharging.setCurrentIndex(form.discharging.findData("dry_blocked"))
    form.no_position_reason.setText("receiver broken")
    window.complete()  # nothing answered: every must-check item is asked for at once
    asked = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any("outlet is sealed or removed" in a for a in asked), asked
    assert any("inflow upstream is cut off" in a for a in asked), asked

    for item in window.services.rules.acceptance_items_for("ban"):
        section.choices[item.term.code].choose(item.good)
    row = section.add_row()
    row.parameter.setCurrentIndex(row.parameter.findData("cod"))
    assert row.upper_edit.text() == "50" and row.unit.text() == "mg/L"  # GB 18918 一级A
    row.value_edit.setText("80")
    row.value_edit.textEdited.emit("80")
    assert row.verdict.text() == "Over the limit (超标)"
    lab = section.add_row()
    lab.parameter.setCurrentIndex(lab.parameter.findData("ph"))
    assert (lab.lower_edit.text(), lab.upper_edit.text()) == ("6", "9")
    lab.method.setCurrentIndex(lab.method.findData("lab"))
    lab.value_edit.setText("7.2")
    lab.value_edit.textEdited.emit("7.2")
    assert lab.verdict.text() == "Within the limit"
    window.complete()  # a lab result needs its report's number
    asked = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert asked[1:] == ["• Re-test 2 is a lab result: enter the lab report's number."], asked
    lab.report_no.setText("NTHJ-2026-1188")
    lab.report_no.textEdited.emit("NTHJ-2026-1188")
    _shoot(window, "acceptance_en")

    # saved and reopened: the answers and both re-tests come back as they were
    window.save_now()
    _settle(qtbot, en)
    window.close()
    _settle(qtbot, en)
    again = en.entry.open_inspection_for(BANNED.id)
    qtbot.addWidget(again)
    back = again.form.acceptance
    assert not back.isHidden() and len(back.rows) == 2
    assert back.rows[0].entry().value == 80 and back.rows[0].entry().limit == 50
    assert back.rows[1].entry().report_no == "NTHJ-2026-1188"
    assert back.choices["outlet_sealed"].value() == "yes"

    again.complete()
    summary = again.summary_dialog
    assert summary is not None
    flags = [summary.flags.item(i).text() for i in range(summary.flags.count())]
    assert any("Re-test over its limit: COD 80 mg/L (limit 50)" in f for f in flags), flags
    summary.confirm_button.click()
    qtbot.waitUntil(lambda: again.record.is_complete, timeout=4000)
    conn = database.open_reader(en.path)
    try:
        stored = conn.execute(
            "SELECT sections FROM inspections WHERE id = ?", (again.record.id,)
        ).fetchone()[0]
    finally:
        conn.close()
    # the server's rules read what the laptop stored: the COD exceeds, the pH passes
    sections = json.loads(stored)
    judged = {r.code: r.exceeds for r in casework.retests_of(sections)}
    assert judged == {"cod": True, "ph": False}
    assert sections["acceptance_route"] == "ban"
    assert not casework.checklist_failures(
        casework.load(Path("resources/data/casework.json")),
        casework.acceptance_answers({"sections": stored}), "ban",
    )  # fmt: skip
    _settle(qtbot, en)


def test_the_acceptance_part_speaks_chinese(qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    window = _open(zh, qtbot)
    form = window.form
    form.kind.setCurrentIndex(form.kind.findData("acceptance"))
    section = form.acceptance
    assert "验收" in section.title()
    assert "取缔" in section.route_note.text()
    row = section.add_row()
    row.parameter.setCurrentIndex(row.parameter.findData("nh3_n"))
    row.value_edit.setText("8")
    row.value_edit.textEdited.emit("8")
    assert "超标" in row.verdict.text() and not section.add_button.text().isascii()
    _shoot(window, "acceptance_zh")
    _settle(qtbot, zh)


def _shoot(window: Any, name: str) -> None:
    """The form scrolled to the acceptance part, at 1366×768 and at 150% (911×512 logical)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for (w, h), tag in (((1366, 768), "1366"), ((911, 512), "150pct")):
        window.resize(w, h)
        QApplication.processEvents()  # the rows just added take their place first
        section = window.form.acceptance
        window.form_scroll.ensureWidgetVisible(section.rows[-1] if section.rows else section)
        window.repaint()
        assert window.grab().save(str(SHOTS / f"{name}_{tag}.png"))
