"""The desk's buttons and dialogs against the real server on loopback (pytest-qt): a newly found
outfall accepted into the ledger with its real code, or merged into the registered one it
duplicates; approving a record whose photos have not arrived opens the override dialog, which
refuses to go on without a reason and, with one, approves and leaves the reason in the audit log."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fieldapp.domain import inspection as model
from fieldapp.domain.position import PositionSource
from fieldapp.inspection_data import load_rules
from fieldapp.store import database, inspections, synced_rows
from fieldapp.ui.review import open_desk
from fieldapp.ui.review.desk import ReviewDesk
from fieldapp.ui.review.dialogs import AcceptOutfallDialog, MergeOutfallDialog, ReasonDialog
from sync.client.state import account as sync_account
from sync.server.schema import audit_log, records

PHOTOS = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"
SHOTS = Path(os.environ.get("HEKOU_SHOTS", "var/screens/review"))
HERE = (32.0, 120.9)  # where the inspections below are recorded
NAME = "通州区金沙街道新华村东侧300m城镇雨洪排口"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@pytest.fixture
def world(sqlite_server: Any, profile_template: Path, tmp_path: Path) -> Any:
    from hekou_review_sync_fixtures import World

    w = World(sqlite_server, profile_template, tmp_path, seed=7)
    yield w
    w.close()


def outfall_at(device: Any, name: str, provisional: bool, lat: float, lon: float) -> str:
    """An outfall written on the device as the ledger or the new-outfall dialog would."""
    row_id, code = str(uuid.uuid4()), f"N{uuid.uuid4().hex[:12]}"
    with database.transaction(device.conn):
        device.conn.execute(
            "INSERT INTO outfalls (id, name, national_code, provisional_code, type_code,"
            " receiving_kind, basin, county_code, lifecycle_state, lat, lon, created_at,"
            " updated_at, updated_by) VALUES (?, ?, ?, ?, 'other', 'river', 'yangtze', ?,"
            " 'survey', ?, ?, ?, ?, ?)",
            (row_id, name, None if provisional else f"{device.world.county}{code.upper()}",
             f"TMP-{code}" if provisional else None,
             device.world.county, lat, lon, now(), now(), device.user),
        )  # fmt: skip
    return row_id


def capture(device: Any, outfall_id: str, photo_kept: bool = True) -> str:
    """A completed inspection with one photo; without ``photo_kept`` the photo's file is not on
    the laptop, so its row syncs but the photo never arrives."""
    draft = model.new_draft(outfall_id, device.user, device.world.county)
    position = model.PositionRecord(*HERE, 4.0, PositionSource.GNSS.value, 5, None, now(), 6.0,
                                    90.0, False)  # fmt: skip
    draft = dataclasses.replace(draft, position=position, discharging="no",
                                sign_check=(("present", "yes"), ("broken", "no")))  # fmt: skip
    inspections.save_draft(device.conn, draft)
    if photo_kept:
        sha = device.blobs.put((PHOTOS / "DSCN0010.jpg").read_bytes()).sha256
    else:  # bytes no server has seen (the loopback server lives across tests), never stored here
        sha = hashlib.sha256(os.urandom(64)).hexdigest()
    inspections.add_photo(device.conn, model.InspectionPhoto(
        id=str(uuid.uuid4()), inspection_id=draft.id, sha256=sha, taken_at=now(),
        lat=HERE[0], lon=HERE[1], distance_m=6.0, time_offset_s=60.0))  # fmt: skip
    with database.transaction(device.conn):
        device.conn.execute(
            "UPDATE inspections SET status = 'complete', completed_at = ?, updated_at = ?"
            " WHERE id = ?",
            (now(), now(), draft.id),
        )
    return draft.id


def sync_ok(device: Any) -> None:
    report = device.sync()
    assert report.ok, report.summary()


def desk_on_first_record(sup: Any, qtbot: Any) -> ReviewDesk:
    account = sync_account.account(sup.conn)
    desk = open_desk(account, sup.path, load_rules(), "en", {sup.world.county: "Test county"})
    qtbot.addWidget(desk)
    with qtbot.waitSignal(desk.batches_loaded, timeout=10_000):
        pass
    desk.show()
    with qtbot.waitSignals([desk.records_loaded, desk.record_shown], timeout=10_000):
        desk.select_batch(0)
    return desk


def ok_button(dialog: Any) -> Any:
    from PySide6.QtWidgets import QDialogButtonBox

    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def server_outfall(world: Any, row_id: str) -> dict[str, Any]:
    with world.ctx.engine.connect() as conn:
        row = conn.execute(select(records.c.data).where(
            records.c.entity == "outfalls", records.c.id == row_id)).one()  # fmt: skip
    return dict(json.loads(row.data))


def reviews_audited(world: Any, user: str) -> list[Any]:
    with world.ctx.engine.connect() as conn:
        return list(conn.execute(select(audit_log).where(
            audit_log.c.username == user, audit_log.c.entity == "reviews")))  # fmt: skip


def test_a_new_outfall_is_accepted_into_the_ledger_with_its_real_code(world: Any, qtbot: Any) -> None:  # fmt: skip
    sup, a = world.device("sup", "supervisor"), world.device("insp_a", "inspector")
    sync_ok(sup)
    found = outfall_at(a, "新发现排口（北岸涵洞）", True, *HERE)
    capture(a, found)
    sync_ok(a)
    desk = desk_on_first_record(sup, qtbot)
    assert "new_outfall" in desk.records[0].flags
    assert desk.panel.accept_button.isVisible() and not desk.panel.merge_button.isEnabled()

    desk.panel.accept_button.click()
    dialog = desk.dialog
    assert isinstance(dialog, AcceptOutfallDialog) and dialog.isVisible()
    assert not ok_button(dialog).isEnabled()  # no code, no acceptance
    dialog.national.setText("  ")
    assert not ok_button(dialog).isEnabled()
    code = f"{world.county}A0007"  # the national code rule: the outfall's county first
    dialog.national.setText(code)
    with qtbot.waitSignal(desk.decided, timeout=10_000) as decided:
        ok_button(dialog).click()
    assert decided.args == [found, "accepted"]
    row = server_outfall(world, found)
    assert row["national_code"] == code and row["updated_by"] == sup.user
    assert row["provisional_code"] is None or row["national_code"]
    qtbot.waitUntil(lambda: desk.records and "new_outfall" not in desk.records[0].flags,
                    timeout=10_000)  # fmt: skip
    sync_ok(a)  # back on the laptop with its code
    laptop = synced_rows.row_data(a.conn, "outfalls", found)
    assert laptop is not None and laptop["national_code"] == code
    desk.close()


def test_a_new_outfall_is_merged_into_the_registered_one_it_duplicates(world: Any, qtbot: Any) -> None:  # fmt: skip
    sup, a = world.device("sup", "supervisor"), world.device("insp_a", "inspector")
    registered = outfall_at(sup, NAME, False, HERE[0] + 0.0004, HERE[1])
    sync_ok(sup)
    sync_ok(a)
    found = outfall_at(a, NAME.replace("300m", "350m"), True, *HERE)
    capture(a, found)
    sync_ok(a)
    desk = desk_on_first_record(sup, qtbot)
    record = desk.records[0]
    assert {"new_outfall", "possible_duplicate"} <= set(record.flags)
    assert desk.panel.merge_button.isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert desk.grab().save(str(SHOTS / "desk_new_outfall_en.png"))  # both button rows

    desk.panel.merge_button.click()
    dialog = desk.dialog
    assert isinstance(dialog, MergeOutfallDialog) and ok_button(dialog).isEnabled()
    assert dialog.target.currentData() == registered
    with qtbot.waitSignal(desk.decided, timeout=10_000) as decided:
        ok_button(dialog).click()
    assert decided.args == [found, "merged"]
    data = server_outfall(world, found)
    assert data["merge_into_id"] == registered and data["lifecycle_state"] == "retired"
    merged = [json.loads(e.after) for e in reviews_audited(world, sup.user)]
    assert merged[-1]["state"] == "merged" and merged[-1]["merge_into_id"] == registered
    desk.close()


def test_approving_without_the_photos_needs_a_reason_in_the_override_dialog(world: Any, qtbot: Any) -> None:  # fmt: skip
    sup, a = world.device("sup", "supervisor"), world.device("insp_a", "inspector")
    registered = outfall_at(sup, NAME, False, *HERE)
    sync_ok(sup)
    sync_ok(a)
    first = capture(a, registered, photo_kept=False)
    a.sync()  # the record goes up; its photo cannot
    desk = desk_on_first_record(sup, qtbot)
    assert desk.records[0].record.row_id == first
    assert not any(p.arrived for p in desk.records[0].photos)

    decided: list[tuple[str, str]] = []
    desk.decided.connect(lambda row_id, state: decided.append((row_id, state)))
    with qtbot.waitSignal(desk.refused, timeout=10_000) as refused:
        desk.panel.approve_button.click()
    assert refused.args == ["photos_missing"]
    dialog = desk.dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    assert "photos" in desk.panel.notice.text()
    # refused without a reason: OK stays off, and a click on it decides nothing
    assert not ok_button(dialog).isEnabled()
    dialog.reason.setPlainText("   \n")
    assert not ok_button(dialog).isEnabled()
    ok_button(dialog).click()
    qtbot.wait(200)
    assert decided == [] and not reviews_audited(world, sup.user)

    dialog.reason.setPlainText("照片已在现场当面核验，相机存储卡损坏")
    with qtbot.waitSignal(desk.decided, timeout=10_000):
        ok_button(dialog).click()
    assert decided == [(first, "approved")]
    entries = reviews_audited(world, sup.user)
    after = json.loads(entries[-1].after)
    assert after["state"] == "approved" and after["record_id"] == first
    assert after["override_reason"] == "照片已在现场当面核验，相机存储卡损坏"
    assert after["photos_missing"] == 1
    qtbot.waitUntil(lambda: desk.records[0].record.review_state == "approved", timeout=10_000)
    desk.close()
