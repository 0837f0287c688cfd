"""Item 7 of issue 13: an inspection is completed only over intact photo files. Each photo's
stored file is hashed first; a missing or damaged one is named (which photo, which inspection),
and adding it again from its original file mends it."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from fieldapp.domain.inspection import InspectionPhoto, new_draft
from fieldapp.domain.problems import InvalidRecord
from fieldapp.inspection_data import load_rules
from fieldapp.media.blobstore import BlobStore
from fieldapp.media.ingest import ingest_photo
from fieldapp.store import database, inspections

from .conftest import NANTONG, PHOTOS

RULES = load_rules()


def valid(insp):  # type: ignore[no-untyped-def]
    return dataclasses.replace(
        insp, discharging="no", inspectors=("张伟", "李娜"), no_position_reason="接收机故障"
    )


@pytest.mark.parametrize("key", [None, bytes(range(32))], ids=["plain", "sealed"])
@pytest.mark.parametrize("fault", ["damaged", "missing"])
def test_a_photo_file_missing_or_damaged_stops_completion_and_re_adding_it_mends_it(
    profile_path: Path, tmp_path: Path, key: bytes | None, fault: str
) -> None:
    store = BlobStore(tmp_path / "photos", key)
    conn = database.open_profile(profile_path)
    try:
        draft = inspections.save_draft(conn, valid(new_draft(NANTONG.id, "张伟", "320612")))
        names = ("DSCN0010.jpg", "DSCN0012.jpg")
        for n, name in enumerate(names):
            photo = ingest_photo(PHOTOS / name, store)
            inspections.add_photo(
                conn, InspectionPhoto(f"p{n}", draft.id, photo.sha256, name, added_at="x")
            )
        bad = inspections.photos(conn, draft.id)[1]
        path = store.path_for(bad.sha256)
        if fault == "missing":
            path.unlink()
        else:
            os.chmod(path, 0o600)
            data = bytearray(path.read_bytes())
            data[len(data) // 2] ^= 0x01  # one bit
            path.write_bytes(bytes(data))
        with pytest.raises(InvalidRecord) as info:
            inspections.complete(conn, draft, RULES, str(profile_path), store.problem)
        (problem,) = [p for p in info.value.problems if p.field == "photos"]
        assert "DSCN0012.jpg" in problem.zh and "DSCN0012.jpg" in problem.en
        assert NANTONG.national_code in problem.zh and NANTONG.national_code in problem.en
        assert "DSCN0010.jpg" not in problem.en
        assert "重新添加" in problem.zh and "again" in problem.en
        assert inspections.get(conn, draft.id).status == "draft"
        ingest_photo(PHOTOS / "DSCN0012.jpg", store)  # from the camera card again
        done = inspections.complete(conn, draft, RULES, str(profile_path), store.problem)
        assert done.status == "complete"
    finally:
        conn.close()


def test_the_window_names_a_damaged_photo_and_completes_once_it_is_added_again(
    qtbot, zh, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = zh.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not zh.lane.busy, timeout=5000)
    card = tmp_path / "DCIM"
    card.mkdir()
    source = card / "IMG_0012.jpg"
    source.write_bytes((PHOTOS / "DSCN0012.jpg").read_bytes())
    assert window.photos.add_paths([source]) == 1
    qtbot.waitUntil(lambda: window.photos.list.count() == 1, timeout=8000)
    qtbot.waitUntil(lambda: not zh.lane.busy, timeout=5000)
    conn = database.open_reader(zh.path)
    (photo,) = inspections.photos(conn, window.record.id)
    conn.close()
    stored = zh.entry.services.blobs.path_for(photo.sha256)
    os.chmod(stored, 0o600)
    stored.write_bytes(b"\x00" * 4096)  # a failing disk sector, a cleaning tool...
    form = window.form
    form.discharging.setCurrentIndex(form.discharging.findData("no"))
    form.no_position_reason.setText("接收机故障")
    window.complete_button.click()
    assert window.summary_dialog is not None  # the summary first; the files are hashed on confirm
    window.summary_dialog.confirm_button.click()
    qtbot.waitUntil(lambda: window.problems.isVisible(), timeout=5000)
    texts = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any("IMG_0012.jpg" in t and NANTONG.national_code in t for t in texts), texts
    assert not window.record.is_complete
    window.photos.add_paths([source])  # again, from the camera card
    qtbot.waitUntil(lambda: not zh.lane.busy, timeout=5000)
    qtbot.waitUntil(lambda: zh.entry.services.blobs.problem(photo.sha256) is None, timeout=8000)
    window.complete_button.click()
    assert window.summary_dialog is not None
    window.summary_dialog.confirm_button.click()
    qtbot.waitUntil(lambda: window.record.is_complete, timeout=5000)
