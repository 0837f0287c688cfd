"""Child process of bench/inspection_form.py: `python -m bench._inspection_app WORKDIR COUNT`.

Opens the inspection window on a fresh profile, then adds COUNT distinct photos (the test photos
repeated, each copy with a few different bytes after its end-of-image marker) through the photo
strip, as a user adding a folder would. A 5 ms QTimer records every gap between its ticks; the
largest gap is the longest stall of the GUI event loop. Prints one JSON line:

max_stall_ms   the largest tick gap while photos were ingested, minus the 5 ms period
ingest_ms      each photo's ingest (hash, EXIF, thumbnail, durable store) in the worker
total_s        from adding the photos to the last one shown in the strip, saved through the lane
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PHOTOS = Path(__file__).resolve().parents[1].parent / "shared" / "testdata" / "photos"
GOOD = (
    "HMD_Nokia_8.3_5G.jpg",
    "DSCN0010.jpg",
    "DSCN0012.jpg",
    "DSCN0021.jpg",
    "Canon_40D.jpg",
    "Nikon_D70.jpg",
    "landscape_1.jpg",
    "landscape_6.jpg",
    "portrait_6.jpg",
    "portrait_8.jpg",
    "no_exif.jpg",
)
TICK_MS = 5


def distinct_copies(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(count):
        source = PHOTOS / GOOD[n % len(GOOD)]
        target = folder / f"{n:03d}_{source.name}"
        shutil.copyfile(source, target)
        with target.open("ab") as f:
            f.write(b"bench-copy-%d" % n)  # after the end-of-image marker: decoders ignore it
        out.append(target)
    return out


def main(workdir: str, count: int) -> None:
    from PySide6.QtCore import QTimer

    from fieldapp import reference_data
    from fieldapp.domain.outfall import Outfall, OutfallId
    from fieldapp.media.blobstore import BlobStore
    from fieldapp.media.ingest import IngestedPhoto
    from fieldapp.store import database, outfalls
    from fieldapp.ui.app import make_app
    from fieldapp.ui.inspection import InspectionEntry, photo_worker
    from fieldapp.ui.labels import Labels
    from fieldapp.ui.lane import BackgroundLane

    work = Path(workdir)
    profile = work / "profile.sqlite"
    outfall = Outfall(
        id=OutfallId("00000000-0000-4000-8000-000000000001"),
        name="通州区金沙街道新华村东侧100m城镇雨洪排口",
        national_code="320612R000001",
        type_code="other",
        subtype_code="urban_storm",
        receiving_kind="river",
        basin="yangtze",
        water_body="通吕运河",
        county_code="320612",
        town="金沙街道",
        village="新华村",
        lat=32.081,
        lon=121.05,
        lifecycle_state="surveyed",
        created_at="2024-01-01T00:00:00Z",
        updated_at="2024-01-01T00:00:00Z",
    )
    conn = database.open_profile(profile)
    outfalls.bulk_load_incoming(conn, [(outfall, [])])
    conn.close()
    files = distinct_copies(work / "DCIM", count)

    ingest_times: list[float] = []
    real_ingest = photo_worker.ingest_photo

    def timed_ingest(path: Path, store: BlobStore) -> IngestedPhoto:
        t = time.perf_counter()
        try:
            return real_ingest(path, store)
        finally:
            ingest_times.append(time.perf_counter() - t)

    photo_worker.ingest_photo = timed_ingest  # type: ignore[assignment]

    app = make_app("en")
    writer = database.open_profile(profile)
    lane = BackgroundLane()
    entry = InspectionEntry(profile, writer, lane, Labels(reference_data.load(), "en"), "bench")
    window = entry.open_inspection_for(outfall.id)
    assert window is not None
    while lane.busy:
        app.processEvents()
    for _ in range(20):  # let the first frames paint before measuring
        app.processEvents()
        time.sleep(0.005)

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    strip = window.photos
    t0 = time.perf_counter()
    last[0] = t0
    strip.add_paths(files)
    while strip.list.count() < count or lane.busy or strip.worker.pending:
        app.processEvents()
        time.sleep(0.0005)
        if time.perf_counter() - t0 > 120:
            raise SystemExit("photos did not arrive within 120 s: " + strip.error_label.text())
    total = time.perf_counter() - t0
    timer.stop()
    print(
        json.dumps(
            {
                "max_stall_ms": max(0.0, max(gaps) * 1000 - TICK_MS),
                "ingest_ms": [t * 1000 for t in ingest_times],
                "total_s": total,
                "ticks": len(gaps),
                "errors": strip.errors,
            }
        )
    )
    entry.close()
    while lane.busy:
        app.processEvents()
    lane.shutdown()
    writer.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
