"""Evidence dossiers from the server: the inspection's photos and audit hashes in a PDF with the
bundled Chinese font, for supervisors of the area only."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

PHOTO = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos" / "HMD_Nokia_8.3_5G.jpg"


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_inspection_dossier_has_photo_font_and_hashes(client, person, h, tmp_path):
    photo = PHOTO.read_bytes()
    digest = hashlib.sha256(photo).hexdigest()
    wang = person("wang")
    outfall = h.outfall(lat=32.07, lon=121.07)
    wang.push_ok([h.change("outfalls", outfall)])
    insp = h.inspection("wang", status="complete", outfall_id=outfall["id"], position={"lat": 32.0702, "lon": 121.0701, "accuracy_m": 3.0, "source": "gnss"})  # fmt: skip
    photo_row = {"id": "1d0f7d4e-2f6b-4a55-9c51-1a2b3c4d5e6f", "inspection_id": insp["id"], "sha256": digest, "caption": "出水浑浊", "lat": 32.0701, "lon": 121.0702, "taken_at": "2026-11-30T09:20:00+08:00"}  # fmt: skip
    wang.push_ok([h.change("inspections", insp), h.change("inspection_photos", photo_row)])
    put = wang.put(f"/v1/photos/{digest}/upload", params={"offset": 0, "total": len(photo)}, content=photo, headers={"Content-Type": "application/octet-stream"})  # fmt: skip
    assert put.status_code == 200, put.text
    assert wang.get(f"/v1/ledger/dossier/inspection/{insp['id']}").status_code == 403
    far = person("zhao", role="supervisor", counties=(h.HAIMEN,))
    assert far.get(f"/v1/ledger/dossier/inspection/{insp['id']}").status_code == 404
    li = person("li", role="supervisor", counties=(h.TOSHI,))
    response = li.get(f"/v1/ledger/dossier/inspection/{insp['id']}")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF") and b"NotoSansSCHekouSubset" in pdf and b"/Subtype /Image" in pdf
    assert _pages(pdf) >= 2
    outfall_pdf = li.get(f"/v1/ledger/dossier/outfall/{outfall['id']}").content
    assert _pages(outfall_pdf) > _pages(pdf) - 1 and b"/Subtype /Image" in outfall_pdf
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed: the text checks need it")
    path = tmp_path / "d.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert digest in text.replace("\n", "") and "排污口检查证据卷宗" in text
    assert "出水浑浊" in text and "北纬 32.070100°" in text


def test_inspections_export_with_photos_and_manifest(ctx, client, person, h, tmp_path):
    from python_calamine import CalamineWorkbook

    from sync.server import cli

    photo = PHOTO.read_bytes()
    digest = hashlib.sha256(photo).hexdigest()
    wang = person("wang")
    outfall = h.outfall(lat=32.07, lon=121.07)
    wang.push_ok([h.change("outfalls", outfall)])
    sent = h.inspection("wang", status="complete", outfall_id=outfall["id"])
    lost = h.inspection("wang", status="complete", outfall_id=outfall["id"])
    draft = h.inspection("wang", status="draft", outfall_id=outfall["id"])
    rows = [
        {"id": "2d0f7d4e-2f6b-4a55-9c51-1a2b3c4d5e6f", "inspection_id": sent["id"], "sha256": digest},
        {"id": "3d0f7d4e-2f6b-4a55-9c51-1a2b3c4d5e6f", "inspection_id": lost["id"], "sha256": "ab" * 32},
    ]  # fmt: skip
    wang.push_ok([h.change("inspections", i) for i in (sent, lost, draft)] + [h.change("inspection_photos", r) for r in rows])  # fmt: skip
    wang.put(f"/v1/photos/{digest}/upload", params={"offset": 0, "total": len(photo)}, content=photo, headers={"Content-Type": "application/octet-stream"})  # fmt: skip
    out = tmp_path / "handover"
    url, photos = ctx.settings.database_url, str(ctx.settings.photo_dir)
    assert cli.main(["--database", url, "--photos", photos, "ledger", "inspections", str(out)]) == 0
    assert (out / "photos" / f"{digest}.jpg").read_bytes() == photo
    sums = (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert f"{digest}  photos/{digest}.jpg" in sums and len(sums) == 2
    for line in sums:
        expected, rel = line.split("  ")
        assert hashlib.sha256((out / rel).read_bytes()).hexdigest() == expected
    sheet = CalamineWorkbook.from_path(str(out / "inspections.xlsx")).get_sheet_by_name("检查记录")
    table = sheet.to_python()
    assert table[0][0] == "检查编号" and len(table) == 3  # the draft is not handed over
    by_id = {r[0]: r for r in table[1:]}
    assert by_id[lost["id"]][12] == "ab" * 32  # the missing photo is named, not dropped
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=out, check=True)


def test_patrol_track_as_gpx(ctx, person, h, tmp_path):
    import uuid
    import xml.etree.ElementTree as ET

    from sync.server import cli

    zhou = person("zhou", role="river_chief")
    patrol = {"id": str(uuid.uuid4()), "author": "zhou", "county_code": h.TOSHI, "status": "complete", "river": "通吕运河", "started_at": "2026-11-30T01:00:00Z"}  # fmt: skip
    points = [[f"2026-11-30T01:0{i}:00Z", 32.07 + i / 1000, 121.07, 3.0, 0 if i < 3 else 1] for i in range(5)]  # fmt: skip
    tracks = [
        {"id": str(uuid.uuid4()), "patrol_id": patrol["id"], "part": 1, "points": json.dumps(points[3:])},
        {"id": str(uuid.uuid4()), "patrol_id": patrol["id"], "part": 0, "points": json.dumps(points[:3])},
    ]  # fmt: skip
    problem = {"id": str(uuid.uuid4()), "patrol_id": patrol["id"], "county_code": h.TOSHI, "at": "2026-11-30T01:02:30Z", "lat": 32.0715, "lon": 121.0701, "note": "岸边有暗管 <疑似>"}  # fmt: skip
    zhou.push_ok([h.change("patrols", patrol), *(h.change("patrol_tracks", t) for t in tracks), h.change("patrol_problems", problem)])  # fmt: skip
    out = tmp_path / "track.gpx"
    url, photos = ctx.settings.database_url, str(ctx.settings.photo_dir)
    assert cli.main(["--database", url, "--photos", photos, "ledger", "gpx", patrol["id"], str(out)]) == 0  # fmt: skip
    ns = {"g": "http://www.topografix.com/GPX/1/1"}
    root = ET.parse(out).getroot()
    segments = root.findall("g:trk/g:trkseg", ns)
    assert [len(s.findall("g:trkpt", ns)) for s in segments] == [3, 2]  # pieces, parts in order
    first = segments[0].find("g:trkpt", ns)
    assert first is not None and first.get("lat") == "32.0700000"
    (wpt,) = root.findall("g:wpt", ns)
    assert wpt.findtext("g:desc", namespaces=ns) == "岸边有暗管 <疑似>"
    assert cli.main(["--database", url, "--photos", photos, "ledger", "gpx", str(uuid.uuid4()), str(out)]) == 2  # fmt: skip


def test_a_photo_that_is_no_picture_is_named_not_fatal(tmp_path):
    """Bytes a device sent as a photo that do not decode (or a bomb): the dossier is still made,
    the photo named by its hash instead of drawn."""
    from ledgerio import dossier
    from ledgerio.vocab import load as load_vocab

    out = tmp_path / "dossier.pdf"
    evidence = dossier.Evidence(
        {"id": "i-1", "status": "complete"},
        1,
        [dossier.PhotoEvidence(sha256="ab" * 32, data=b"not a picture at all")],
    )
    dossier.inspection_pdf(out, {"name": "某排口"}, evidence, load_vocab(), generated_at="now")
    assert out.read_bytes().startswith(b"%PDF")
