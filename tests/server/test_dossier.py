"""Evidence dossiers from the server: the inspection's photos and audit hashes in a PDF with the
bundled Chinese font, for supervisors of the area only."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

PHOTO = Path(__file__).resolve().parents[2].parent / "shared" / "testdata" / "photos" / "HMD_Nokia_8.3_5G.jpg"  # fmt: skip


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
