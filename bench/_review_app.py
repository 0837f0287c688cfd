"""Child process of bench/review.py: `python -m bench._review_app WORKDIR RECORDS PHOTOS_PER`.

A real server (uvicorn on loopback, SQLite) holding one inspector's batch of RECORDS inspections
with PHOTOS_PER photos each (distinct JPEGs: test photos with a few bytes after their end-of-image
marker); a supervisor's review desk with an empty photo cache opens the batch. A 5 ms QTimer
records every gap between its ticks. Prints one JSON line:

first_record_ms   from choosing the batch to its first record shown in the panel
raw_records_ms    the same batch's records fetched by the bare client (no UI): the baseline
thumbs_ms         from choosing the batch to the first record's thumbnails all shown
walk_s            stepping through the first WALK records (each: detail, thumbnails, full photo)
max_stall_ms      the largest tick gap over all of it, minus the 5 ms period
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx

from sync.protocol import INSTALL_HEADER

PHOTOS = Path(__file__).resolve().parents[1].parent / "shared" / "testdata" / "photos"
SOURCES = ("DSCN0010.jpg", "DSCN0012.jpg", "DSCN0021.jpg", "Canon_40D.jpg")
COUNTY = "320612"
PASSWORD = "benchmark password"
TICK_MS = 5
WALK = 20


INSTALL = str(uuid.uuid4())  # this benchmark's one install: every login is bound to it


def _login(url: str, user: str) -> str:
    body = {"username": user, "password": PASSWORD, "install_id": INSTALL,
            "device_name": f"{user} bench"}  # fmt: skip
    r = httpx.post(url + "/v1/login", json=body, timeout=30)
    r.raise_for_status()
    return str(r.json()["token"])


def _auth(url: str, user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {_login(url, user)}", INSTALL_HEADER: INSTALL}


def _change(entity: str, data: dict[str, Any], n: int) -> dict[str, Any]:
    return {"change_id": str(uuid.uuid4()), "entity": entity, "row_id": data["id"], "op": "upsert",
            "data": data, "at": datetime.now(UTC).isoformat(),
            "hlc": f"{1_800_000_000_000 + n:013d}:00000:bench"}  # fmt: skip


def _fill(url: str, records: int, per: int) -> str:
    sup = httpx.Client(base_url=url, headers=_auth(url, "sup"), timeout=60)
    insp = httpx.Client(base_url=url, headers=_auth(url, "insp"), timeout=60)
    outfall = {"id": str(uuid.uuid4()), "name": "通州区某镇某村排口", "national_code": f"{COUNTY}N000001",
               "county_code": COUNTY, "lat": 32.0, "lon": 120.9, "lifecycle_state": "surveyed",
               "sign_status": "unknown", "sampling_status": "unknown"}  # fmt: skip
    sup.post("/v1/push", json={"batch_id": str(uuid.uuid4()),
                               "changes": [_change("outfalls", outfall, 0)]}).raise_for_status()  # fmt: skip
    sources = [(PHOTOS / name).read_bytes() for name in SOURCES]
    changes: list[dict[str, Any]] = []
    blobs: list[bytes] = []
    n = 1
    for i in range(records):
        row = {"id": str(uuid.uuid4()), "outfall_id": outfall["id"], "author": "insp",
               "county_code": COUNTY, "status": "complete", "version": 1,
               "started_at": "2026-05-01T08:00:00Z", "completed_at": "2026-05-01T08:20:00Z",
               "position": {"lat": 32.0, "lon": 120.9, "accuracy_m": 4.0, "source": "gnss"},
               "sections": {"discharging": "no", "sign_check": {"present": "yes"},
                            "notes": f"记录 {i}"}}  # fmt: skip
        changes.append(_change("inspections", row, n))
        n += 1
        for j in range(per):
            data = sources[(i + j) % len(sources)] + f"bench-{i}-{j}".encode()
            blobs.append(data)
            photo = {"id": str(uuid.uuid4()), "inspection_id": row["id"],
                     "sha256": hashlib.sha256(data).hexdigest(), "lat": 32.0, "lon": 120.9,
                     "taken_at": "2026-05-01T08:10:00Z", "time_offset_s": 60.0}  # fmt: skip
            changes.append(_change("inspection_photos", photo, n))
            n += 1
    batch_id = str(uuid.uuid4())
    insp.post("/v1/push", json={"batch_id": batch_id, "changes": changes}).raise_for_status()
    for data in blobs:
        sha = hashlib.sha256(data).hexdigest()
        insp.put(f"/v1/photos/{sha}/upload", params={"offset": 0, "total": len(data)},
                 content=data,
                 headers={"Content-Type": "application/octet-stream"}).raise_for_status()  # fmt: skip
    sup.close()
    insp.close()
    return batch_id


def main(workdir: Path, records: int, per: int) -> dict[str, float]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from bench.sync import _Served
    from fieldapp.inspection_data import load_rules
    from fieldapp.ui.review import DeskLanes, ReviewDesk
    from sync.client.review import PhotoCache, ReviewClient
    from sync.server import db
    from sync.server.app import build_context
    from sync.server.config import Settings
    from sync.server.services import admin

    settings = Settings(database_url=f"sqlite:///{workdir / 'server.db'}",
                        photo_dir=workdir / "photos", argon2_time_cost=1,
                        argon2_memory_kib=1024, argon2_parallelism=1)  # fmt: skip
    ctx = build_context(settings)
    db.migrate(ctx.engine)
    admin.add_user(ctx, "sup", PASSWORD, "supervisor", [COUNTY])
    admin.add_user(ctx, "insp", PASSWORD, "inspector", [COUNTY])
    server = _Served.hekou(settings)  # its own process, as at the bureau
    try:
        batch_id = _fill(server.url, records, per)
        token = _login(server.url, "sup")
        raw = ReviewClient(server.url, token, PhotoCache(workdir / "raw-cache"), install_id=INSTALL)
        t0 = time.perf_counter()
        raw.batch_records(batch_id)
        raw_ms = (time.perf_counter() - t0) * 1000
        raw.close()

        app = QApplication.instance() or QApplication(sys.argv)
        cache = PhotoCache(workdir / "desk-cache")
        lanes = DeskLanes(ReviewClient(server.url, token, cache, install_id=INSTALL),
                          ReviewClient(server.url, token, cache, install_id=INSTALL))  # fmt: skip
        desk = ReviewDesk(lanes, load_rules(), "zh_CN", {COUNTY: "通州区"})
        desk.resize(1366, 768)
        desk.show()
        loaded: list[bool] = []
        desk.batches_loaded.connect(lambda: loaded.append(True))
        desk.refresh()
        while not loaded:
            app.processEvents()
        batch = next(b for b in desk.model.batches if b.batch.batch_id == batch_id)

        clock = QElapsedTimer()
        stalls: list[float] = []
        last = [0.0]

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            stalls.append(now - last[0] - TICK_MS)
            last[0] = now

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        marks: dict[str, float] = {}
        desk.record_shown.connect(lambda _id: marks.setdefault("first", clock.nsecsElapsed()))
        desk.thumbnails_done.connect(lambda: marks.setdefault("thumbs", clock.nsecsElapsed()))
        clock.start()
        timer.start()
        desk.open_batch(batch)
        while "thumbs" not in marks:
            app.processEvents()
        walk_start = time.perf_counter()
        for row in range(1, min(WALK, records)):
            done: list[bool] = []
            desk.thumbnails_done.connect(lambda d=done: d.append(True))
            desk.record_list.setCurrentRow(row)
            while not done or lanes.busy:
                app.processEvents()
        walk_s = time.perf_counter() - walk_start
        timer.stop()
        desk.close()
        return {
            "first_record_ms": marks["first"] / 1e6,
            "raw_records_ms": raw_ms,
            "thumbs_ms": marks["thumbs"] / 1e6,
            "walk_s": walk_s,
            "max_stall_ms": max(stalls[1:], default=0.0),
        }
    finally:
        server.stop()
        ctx.engine.dispose()


if __name__ == "__main__":
    result = main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    print(json.dumps(result))
