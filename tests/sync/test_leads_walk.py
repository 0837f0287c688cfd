"""An aerial-survey lead walked end to end over a real socket, on SQLite and PostgreSQL: a lead
file imported at the desk, the lead (and its photo) on the inspector's laptop as the map shows it,
a verification task, the inspector's newly found outfall synced as the verification, the
supervisor's decision, and the outcome back on the laptop (off the "to verify" layer); the new
outfall is the proposal the desk then accepts into the ledger."""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import uuid
import zipfile
from pathlib import Path

import httpx
import pytest

from fieldapp.media.blobstore import BlobStore
from fieldapp.store import database
from fieldapp.store import leads as lead_rows
from sync.client import ProfileDb, SyncEngine
from sync.server.services import admin

from .conftest import PASSWORD, ThreadServer, now_iso

PHOTO = (Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos" / "DSCN0012.jpg").read_bytes()


def _survey() -> bytes:
    kml = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>航拍疑似暗管</name><description><![CDATA[河岸暗管出水 <img src="images/p1.jpg"/>]]></description>
<Point><coordinates>120.9512,32.0488,0</coordinates></Point></Placemark>
<Placemark><name>航拍疑似暗管2</name><Point><coordinates>120.9514,32.0488,0</coordinates></Point></Placemark>
</Document></kml>"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("doc.kml", kml)
        archive.writestr("images/p1.jpg", PHOTO)
    return buffer.getvalue()


def _desk(server: ThreadServer, name: str) -> httpx.Client:
    install = str(uuid.uuid4())
    answer = httpx.post(server.url + "/v1/login", json={"username": name, "password": PASSWORD,
                        "install_id": install, "device_name": "desk"})  # fmt: skip
    answer.raise_for_status()
    return httpx.Client(
        base_url=server.url, timeout=30,
        headers={"Authorization": f"Bearer {answer.json()['token']}", "X-Hekou-Install": install},
    )  # fmt: skip


@pytest.mark.parametrize("which", ["sqlite_server", "pg_server"])
def test_a_lead_from_file_to_outcome(
    which: str, request: pytest.FixtureRequest, tmp_path: Path, profile_template: Path
) -> None:
    server: ThreadServer = request.getfixturevalue(which)
    county = f"9{random.randrange(10**5):05d}"
    tag = uuid.uuid4().hex[:6]
    sup_name, insp_name = f"sup-{tag}", f"insp-{tag}"
    admin.add_user(server.ctx, sup_name, PASSWORD, "supervisor", [county])
    admin.add_user(server.ctx, insp_name, PASSWORD, "inspector", [county])
    desk = _desk(server, sup_name)
    # 1. the desk imports the survey: two leads 19 m apart make one cluster
    imported = desk.post("/v1/leads/import", params={"county": county, "name": "survey.kmz"},
                         content=_survey())  # fmt: skip
    assert imported.status_code == 200, imported.text
    made = {lead["name"]: lead for lead in imported.json()["leads"]}
    lead = made["航拍疑似暗管"]
    assert imported.json()["clusters"] == 1 and lead["photos"][0]["name"] == "images/p1.jpg"

    # 2. the inspector's laptop syncs: the leads are on its map, with the photo
    path = tmp_path / "laptop.sqlite"
    shutil.copyfile(profile_template, path)
    profile = ProfileDb(path)
    blobs = BlobStore(tmp_path / "laptop.sqlite.photos")

    def engine() -> SyncEngine:
        return SyncEngine(profile, blobs, transport=httpx.HTTPTransport(), timeout=30)

    try:
        engine().login(server.url, insp_name, PASSWORD, "laptop")
        assert engine().sync().error is None
        on_map = {lead.name: lead for lead in lead_rows.to_verify(profile.conn)}
        assert set(on_map) == {"航拍疑似暗管", "航拍疑似暗管2"}
        assert blobs.get(on_map["航拍疑似暗管"].photos[0].sha256) == PHOTO

        # 3. the supervisor makes the cluster a verification task; the laptop gets it
        task = desk.post(f"/v1/desk/leads/{lead['id']}/task",
                         json={"assignee": insp_name, "whole_cluster": True})  # fmt: skip
        assert task.status_code == 201, task.text
        assert engine().sync().error is None
        tasks = [json.loads(r[0]) for r in profile.conn.execute("SELECT data FROM sync_tasks")]
        assert [t["id"] for t in tasks] == [task.json()["id"]]
        assert {x.state for x in lead_rows.to_verify(profile.conn)} == {"tasked"}

        # 4. on the ground: a new outfall, recorded with the newly-found flow's row, syncs
        found_id = str(uuid.uuid4())
        with database.transaction(profile.conn):
            profile.conn.execute(
                "INSERT INTO outfalls (id, name, provisional_code, type_code, receiving_kind,"
                " basin, county_code, lifecycle_state, lat, lon, created_at, updated_at,"
                " updated_by) VALUES (?, '某镇某村河岸暗管排口', ?, 'other', 'river', 'yangtze',"
                " ?, 'survey', 32.04881, 120.95121, ?, ?, ?)",
                (found_id, f"TMP-{tag}", county, now_iso(), now_iso(), insp_name),
            )
        assert engine().sync().error is None

        # 5. the supervisor decides with the inspector's outfall as the evidence
        decided = desk.post(f"/v1/desk/leads/{lead['id']}/decision",
                            json={"outcome": "confirmed", "outfall_id": found_id})  # fmt: skip
        assert decided.status_code == 200, decided.text
        assert decided.json()["evidence"] == [{"entity": "outfalls", "row_id": found_id}]
        other = made["航拍疑似暗管2"]
        same = desk.post(f"/v1/desk/leads/{other['id']}/decision", json={
            "outcome": "duplicate", "outfall_id": found_id})  # fmt: skip
        assert same.json()["error"]["code"] == "lead_evidence_invalid"  # not of the ledger yet

        # 6. the outcome reaches the laptop: the lead leaves the "to verify" layer
        assert engine().sync().error is None
        assert [x.name for x in lead_rows.to_verify(profile.conn)] == ["航拍疑似暗管2"]
        kept = lead_rows.get(profile.conn, lead["id"])
        assert kept is not None and (kept.state, kept.outfall_id) == ("confirmed", found_id)

        # 7. the new outfall is the proposal the desk accepts like any newly found one
        accepted = desk.post(f"/v1/desk/outfalls/{found_id}/accept",
                             json={"national_code": f"{county}LEAD{tag.upper()}", "version": 1})  # fmt: skip
        assert accepted.status_code == 200, accepted.text
        # the second mark is that same outfall: the inspector's note with a photo is the evidence
        second = lead_rows.get(profile.conn, other["id"])
        assert second is not None
        shot = blobs.put(PHOTO).sha256
        note_id = lead_rows.record_verification(
            profile.conn, second, "duplicate", "与新登记的暗管排口是同一个", [shot], found_id
        )
        assert engine().sync().error is None
        dup = desk.post(f"/v1/desk/leads/{other['id']}/decision", json={
            "outcome": "duplicate", "outfall_id": found_id,
            "evidence": [{"entity": "lead_verifications", "row_id": note_id}]})  # fmt: skip
        assert dup.status_code == 200, dup.text
        assert dup.json()["state"] == "duplicate"
        evidence = desk.get(f"/v1/records/lead_verifications/{note_id}")
        assert evidence.status_code == 200, evidence.text
        assert "与新登记的暗管排口是同一个" in evidence.text
        assert desk.get(f"/v1/photos/{shot}").content == PHOTO  # the note's photo reached the desk
        assert engine().sync().error is None
        assert lead_rows.to_verify(profile.conn) == []
    finally:
        profile.close()
        desk.close()
