"""Makes ``vN.sqlite.gz``: a profile as released schema version N left it, with a few realistic
rows (outfalls, a lifecycle event, an inspection with a photo, a patrol with a track and a
problem, as far as version N has those tables).

Run once per released migration, when it is released (``.venv/bin/python
tests/store/profiles/build.py N``); the committed files are then never rebuilt, so they keep
what the released code made. Released migrations are frozen text, pinned by SHA-256."""

from __future__ import annotations

import gzip
import sqlite3
import sys
import tempfile
from pathlib import Path

from fieldapp.store import migrations, search_grams

HERE = Path(__file__).parent
AT = "2026-06-01T02:30:00.000Z"


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def fill(conn: sqlite3.Connection) -> None:
    have = tables(conn)
    conn.executemany(
        "INSERT INTO outfalls (id, name, national_code, type_code, receiving_kind, basin, "
        "water_body, county_code, town, lat, lon, position_accuracy_m, lifecycle_state, "
        "created_at, updated_at, updated_by) VALUES (?, ?, ?, 'gongye', 'river', 'changjiang', "
        "?, '320612', '平潮镇', ?, ?, 2.5, 'verified', ?, ?, 'wang.li')",
        [
            (
                "of-0001",
                "平潮镇污水处理厂排口",
                "3206120001",
                "通扬运河",
                32.0751,
                120.8843,
                AT,
                AT,
            ),
            ("of-0002", "刘桥雨水排口", "3206120002", "九圩港", 32.1019, 120.8127, AT, AT),
        ],
    )
    conn.execute(
        "INSERT INTO outfall_events (id, outfall_id, action, from_state, to_state, at, actor) "
        "VALUES ('ev-0001', 'of-0001', 'verify', 'registered', 'verified', ?, 'wang.li')",
        (AT,),
    )
    if "inspections" in have:
        conn.execute(
            "INSERT INTO inspections (id, outfall_id, author, county_code, status, started_at, "
            "updated_at, sections, position) VALUES ('in-0001', 'of-0001', 'wang.li', '320612', "
            "'draft', ?, ?, '{\"flow\": {\"discharging\": true}}', "
            '\'{"lat": 32.07512, "lon": 120.88431, "accuracy_m": 3.1}\')',
            (AT, AT),
        )
        conn.execute(
            "INSERT INTO inspection_photos (id, inspection_id, sha256, source_name, width, "
            "height, taken_at, lat, lon, distance_m, added_at) VALUES ('ph-0001', 'in-0001', ?, "
            "'IMG_0412.JPG', 4000, 3000, ?, 32.07513, 120.88429, 2.2, ?)",
            ("ab" * 32, AT, AT),
        )
        conn.execute(
            "UPDATE inspections SET status = 'complete', completed_at = ? WHERE id = 'in-0001'",
            (AT,),
        )
    if "patrols" in have:
        conn.execute(
            "INSERT INTO patrols (id, author, county_code, chief_level, river, started_at, "
            "ended_at, created_at, updated_at) VALUES ('pa-0001', 'wang.li', '320612', 'town', "
            "'通扬运河', ?, ?, ?, ?)",
            (AT, "2026-06-01T03:30:00.000Z", AT, AT),
        )
        conn.execute(
            "INSERT INTO patrol_tracks (id, patrol_id, part, points) VALUES ('pt-0001', "
            "'pa-0001', 0, '[[32.0751, 120.8843, 3.0, \"2026-06-01T02:30:01.000Z\"]]')"
        )
        conn.execute(
            "INSERT INTO patrol_problems (id, patrol_id, county_code, at, lat, lon, error_m, "
            "note, outfall_id) VALUES ('pp-0001', 'pa-0001', '320612', ?, 32.0752, 120.8841, "
            "4.0, '排口附近有漂浮物', 'of-0001')",
            (AT,),
        )
    conn.commit()


def build(number: int, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "profile.sqlite"
        conn = sqlite3.connect(path)
        conn.create_function(
            search_grams.SQL_FUNCTION, 1, search_grams.grams_document, deterministic=True
        )
        migrations.migrate(conn, up_to=number)
        fill(conn)
        conn.execute("VACUUM")
        conn.close()
        target.write_bytes(gzip.compress(path.read_bytes(), mtime=0))


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        build(int(arg), HERE / f"v{int(arg)}.sqlite.gz")
