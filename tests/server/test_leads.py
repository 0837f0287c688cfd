"""Aerial-survey leads on the server: import (route and CLI), clusters and likely duplicates,
verification tasks, outcomes with evidence, the feed, photos and the audit log; SQLite and
PostgreSQL."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sync.server import cli
from sync.server.schema import audit_log, leads

PHOTO = (Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos" / "DSCN0010.jpg").read_bytes()
BASE = (32.05, 120.95)


def _east(metres: float) -> float:
    return BASE[1] + metres / 94_400  # a metre of longitude at 32°N is about 1/94,400 degree


def _survey(*, with_photo: bool = True) -> bytes:
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [_east(0), BASE[0]]},
         "properties": {"name": "暗管A", "note": "岸边疑似暗管", "photo": "a.jpg"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [_east(30), BASE[0]]},
         "properties": {"name": "暗管B"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [_east(2000), BASE[0]]},
         "properties": {"name": "已有口旁"}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[120.9, 32.0], [121, 32]]},
         "properties": {"name": "沟渠"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [118.8, 32.05]},
         "properties": {"name": "南京"}},
    ]  # fmt: skip
    doc = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("survey.geojson", doc)
        if with_photo:
            archive.writestr("photos/a.jpg", PHOTO)
    return buffer.getvalue()


def _world(person: Any, h: Any) -> tuple[Any, Any, Any, dict[str, Any]]:
    sup = person("sup", role="supervisor", counties=(h.TOSHI,))
    insp = person("insp", counties=(h.TOSHI,))
    other = person("other", role="supervisor", counties=(h.HAIMEN,))
    ledger = h.outfall(provisional=False, lat=BASE[0], lon=_east(2010))
    sup.push_ok([h.change("outfalls", ledger)])
    return sup, insp, other, ledger


def _import(who: Any, county: str, **params: Any) -> Any:
    return who.post(
        "/v1/leads/import",
        params={"county": county, "name": "survey.zip", **params},
        content=_survey(),
    )


def test_import_names_refused_features_clusters_and_flags_duplicates(person, h, ctx):
    sup, insp, other, ledger = _world(person, h)
    dry = _import(sup, h.TOSHI, dry_run=True)
    assert dry.status_code == 200, dry.text
    assert dry.json()["imported"] == 0 and len(dry.json()["leads"]) == 3
    with ctx.engine.connect() as conn:
        assert conn.execute(select(leads.c.id)).first() is None
    answer = _import(sup, h.TOSHI).json()
    assert answer["imported"] == 3 and answer["clusters"] == 2
    problems = {(p["feature"], p["code"]) for p in answer["problems"]}
    assert problems == {(4, "not_a_point"), (5, "outside_area")}
    assert any("沟渠" in p["zh"] for p in answer["problems"])
    by_name = {lead["name"]: lead for lead in answer["leads"]}
    assert (
        by_name["暗管A"]["cluster_id"] == by_name["暗管B"]["cluster_id"] == by_name["暗管A"]["id"]
    )
    assert by_name["已有口旁"]["near_outfall_id"] == ledger["id"]
    assert by_name["暗管A"]["near_outfall_id"] is None
    [photo] = by_name["暗管A"]["photos"]
    assert photo == {"name": "a.jpg", "sha256": hashlib.sha256(PHOTO).hexdigest()}
    # the county's inspector gets them by pull and can fetch the photo; another county cannot
    pulled = [i for i in insp.get("/v1/pull").json()["items"] if i["entity"] == "leads"]
    assert {i["data"]["name"] for i in pulled} == {"暗管A", "暗管B", "已有口旁"}
    url = f"/v1/leads/{by_name['暗管A']['id']}/photos/{photo['sha256']}"
    assert insp.get(url).content == PHOTO
    assert other.get(url).status_code == 404
    assert not [i for i in other.get("/v1/pull").json()["items"] if i["entity"] == "leads"]
    assert other.get("/v1/desk/leads").json()["leads"] == []
    assert _import(other, h.TOSHI).status_code == 404
    assert _import(insp, h.TOSHI).status_code == 403
    with ctx.engine.connect() as conn:
        actions = [r.action for r in conn.execute(select(audit_log.c.action))]
    assert actions.count("leads.import") == 1


def test_a_second_survey_joins_the_existing_cluster(person, h):
    sup, _insp, _other, _ledger = _world(person, h)
    first = _import(sup, h.TOSHI).json()
    again = _import(sup, h.TOSHI).json()  # the same points flown twice
    cluster_a = next(lead for lead in first["leads"] if lead["name"] == "暗管A")["cluster_id"]
    assert (
        next(lead for lead in again["leads"] if lead["name"] == "暗管A")["cluster_id"] == cluster_a
    )


def test_a_broken_file_is_refused_with_a_reason(person, h):
    sup, *_ = _world(person, h)
    answer = sup.post("/v1/leads/import", params={"county": h.TOSHI, "name": "x.kml"},
                      content=b'<!DOCTYPE kml [<!ENTITY a "x">]><kml>&a;</kml>')  # fmt: skip
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "lead_file_invalid"
    assert answer.json()["error"]["detail"]["code"] == "unsafe_xml"


def test_task_verification_and_outcomes(person, h, ctx):
    sup, insp, other, ledger = _world(person, h)
    made = {lead["name"]: lead for lead in _import(sup, h.TOSHI).json()["leads"]}
    a, b, near = made["暗管A"], made["暗管B"], made["已有口旁"]
    assert other.post(f"/v1/desk/leads/{a['id']}/task", json={}).status_code == 404
    task = sup.post(f"/v1/desk/leads/{a['id']}/task", json={"assignee": "insp", "whole_cluster": True})  # fmt: skip
    assert task.status_code == 201, task.text
    assert sorted(task.json()["lead_ids"]) == sorted([a["id"], b["id"]])
    pulled = insp.get("/v1/pull").json()["items"]
    assert any(i["entity"] == "tasks" and i["row_id"] == task.json()["id"] for i in pulled)
    states = {i["row_id"]: i["data"]["state"] for i in pulled if i["entity"] == "leads"}
    assert states[a["id"]] == states[b["id"]] == "tasked"
    # the inspector verifies: A is a new outfall (the newly-found flow), the other a duplicate
    found = h.outfall(lat=BASE[0], lon=_east(1), name="通州区某镇某村暗管排口")
    insp.push_ok([h.change("outfalls", found)])
    seen = h.inspection("insp", status="complete", outfall_id=ledger["id"], findings="即已有排口")
    insp.push_ok([h.change("inspections", seen)])
    wrong = sup.post(f"/v1/desk/leads/{a['id']}/decision",
                     json={"outcome": "confirmed", "outfall_id": ledger["id"]})  # fmt: skip
    assert wrong.json()["error"]["code"] == "lead_evidence_invalid"
    assert other.post(f"/v1/desk/leads/{a['id']}/decision",
                      json={"outcome": "confirmed", "outfall_id": found["id"]}).status_code == 404  # fmt: skip
    ok = sup.post(f"/v1/desk/leads/{a['id']}/decision",
                  json={"outcome": "confirmed", "outfall_id": found["id"]})  # fmt: skip
    assert ok.status_code == 200, ok.text
    assert ok.json()["state"] == "confirmed" and ok.json()["evidence"] == [{"entity": "outfalls", "row_id": found["id"]}]  # fmt: skip
    again = sup.post(f"/v1/desk/leads/{a['id']}/decision", json={"outcome": "not_outfall", "note": "x"})  # fmt: skip
    assert again.status_code == 409 and again.json()["error"]["code"] == "lead_decided"
    no_evidence = sup.post(f"/v1/desk/leads/{near['id']}/decision",
                           json={"outcome": "duplicate", "outfall_id": ledger["id"]})  # fmt: skip
    assert no_evidence.json()["error"]["code"] == "lead_evidence_invalid"
    dup = sup.post(f"/v1/desk/leads/{near['id']}/decision", json={
        "outcome": "duplicate", "outfall_id": ledger["id"],
        "evidence": [{"entity": "inspections", "row_id": seen["id"]}]})  # fmt: skip
    assert dup.status_code == 200 and dup.json()["outfall_id"] == ledger["id"]
    why = sup.post(f"/v1/desk/leads/{b['id']}/decision", json={
        "outcome": "not_outfall", "evidence": [{"entity": "inspections", "row_id": seen["id"]}]})  # fmt: skip
    assert why.json()["error"]["code"] == "lead_evidence_invalid"  # a reason is required
    assert sup.post(f"/v1/desk/leads/{b['id']}/decision", json={
        "outcome": "not_outfall", "note": "是灌溉渠闸门",
        "evidence": [{"entity": "inspections", "row_id": seen["id"]}]}).status_code == 200  # fmt: skip
    final = {lead["id"]: lead["state"] for lead in sup.get("/v1/desk/leads").json()["leads"]}
    assert final == {a["id"]: "confirmed", b["id"]: "not_outfall", near["id"]: "duplicate"}
    # the confirmed lead's outfall is the new-outfall proposal the desk accepts like any other
    accepted = sup.post(f"/v1/desk/outfalls/{found['id']}/accept",
                        json={"national_code": f"{h.TOSHI}NEWLEAD01", "version": 1})  # fmt: skip
    assert accepted.status_code == 200, accepted.text
    with ctx.engine.connect() as conn:
        actions = [r.action for r in conn.execute(select(audit_log.c.action))]
    assert actions.count("leads.decide") == 3 and actions.count("leads.task") == 2


def test_cli_imports_and_dry_runs(ctx, tmp_path, h, capsys):
    survey = tmp_path / "survey.zip"
    survey.write_bytes(_survey())
    base = ["--database", ctx.settings.database_url, "--photos", str(ctx.settings.photo_dir)]
    code = cli.main([*base, "leads", "import", str(survey), "--county", h.TOSHI, "--dry-run"])
    out = capsys.readouterr().out
    assert code == 1 and "可导入 3 条线索" in out and "第 4 个要素“沟渠”" in out
    with ctx.engine.connect() as conn:
        assert conn.execute(select(leads.c.id)).first() is None
    bad = tmp_path / "bad.kml"
    bad.write_bytes(b"<kml>")
    assert cli.main([*base, "leads", "import", str(bad), "--county", h.TOSHI]) == 2
    assert cli.main([*base, "leads", "import", str(survey), "--county", h.TOSHI]) == 1
    with ctx.engine.connect() as conn:
        assert len(conn.execute(select(leads.c.id)).all()) == 3


def test_the_desk_list_names_the_outfalls_a_lead_mentions_within_the_readers_area(person, h, ctx):
    sup, _insp, _other, ledger = _world(person, h)
    city = person("city", role="supervisor", counties=(h.CITY,))
    _import(sup, h.TOSHI)
    label = f"{ledger['name']} ({ledger['national_code']})"

    def near(who: Any) -> dict[str, Any]:
        [lead] = [x for x in who.get("/v1/desk/leads").json()["leads"] if x["name"] == "已有口旁"]
        return lead

    lead = near(sup)
    assert lead["outfall_labels"] == {ledger["id"]: label}
    assert near(city)["outfall_labels"] == {ledger["id"]: label}
    # a lead naming another county's outfall (a row from before areas were checked) does not
    # tell this county's reader that outfall's name or code
    haimen = person("hm", role="supervisor", counties=(h.HAIMEN,))
    theirs = h.outfall(h.HAIMEN, provisional=False, name="海门区某口")
    haimen.push_ok([h.change("outfalls", theirs)])
    with ctx.engine.begin() as conn:
        conn.execute(
            leads.update().where(leads.c.id == lead["id"]).values(near_outfall_id=theirs["id"])
        )
    assert near(sup)["outfall_labels"] == {}
    assert near(city)["outfall_labels"] == {theirs["id"]: f"海门区某口 ({theirs['national_code']})"}
