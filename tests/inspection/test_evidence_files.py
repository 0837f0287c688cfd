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
