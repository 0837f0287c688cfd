"""Tile math, the MBTiles and XYZ readers (made by the test), bad basemap files, GCJ-02 shift."""

from __future__ import annotations

import math
import sqlite3
import threading
from pathlib import Path

import pytest

from fieldapp.domain import geo, tiles
from fieldapp.maps import BasemapError, MBTiles, XyzFolder, open_basemap

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f80f0000010101005f1b5b8a0000000049454e44ae426082"
)


def make_mbtiles(path: Path, tiles_xyz: dict[tuple[int, int, int], bytes]) -> Path:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        conn.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
            "tile_data BLOB)"
        )
        conn.executemany(
            "INSERT INTO metadata VALUES (?, ?)",
            [("name", "测试底图"), ("format", "png"), ("minzoom", "10"), ("maxzoom", "12")],
        )
        for (z, x, y), data in tiles_xyz.items():
            conn.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, tiles.tms_row(z, y), data))
    conn.close()
    return path


def test_mercator_round_trip_and_known_tile() -> None:
    lat, lon = 32.0, 120.9  # Nantong
    x, y = tiles.to_world(lat, lon)
    back = tiles.to_lat_lon(x, y)
    assert back == pytest.approx((lat, lon), abs=1e-9)
    # The XYZ tile holding Nantong at zoom 10, by the OSM wiki's slippy-map formula.
    n = 1 << 10
    want_y = math.floor((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    assert (int(x * n), int(y * n)) == (855, want_y) == (855, 415)
    assert tiles.tms_row(10, 415) == 608 and tiles.tms_row(10, 608) == 415
    assert tiles.metres_per_pixel(0, 0) == pytest.approx(156543.03, rel=1e-6)
    assert tiles.nice_scale_length(740) == 500 and tiles.nice_scale_length(2100) == 2000


def test_mbtiles_reads_tiles_with_tms_flip(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "t.mbtiles", {(10, 855, 415): PNG})
    basemap = open_basemap(path)
    try:
        assert isinstance(basemap, MBTiles)
        assert basemap.tile(10, 855, 415) == PNG
        assert basemap.tile(10, 855, 608) is None  # the unflipped row is not there
        assert basemap.tile(11, 0, 0) is None  # missing: None, never an error
        assert (basemap.min_zoom, basemap.max_zoom, basemap.name) == (10, 12, "测试底图")
    finally:
        basemap.close()


@pytest.mark.parametrize(
    "content", [b"", b"this is not sqlite at all", b"SQLite format 3\x00" + b"\x01" * 5000]
)
def test_corrupt_or_empty_file_gives_a_clear_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.mbtiles"
    path.write_bytes(content)
    with pytest.raises(BasemapError) as err:
        open_basemap(path)
    assert "底图" in err.value.message("zh_CN") and "basemap" in err.value.message("en")


def test_sqlite_without_tiles_is_not_mbtiles(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    with pytest.raises(BasemapError, match="no tiles table"):
        MBTiles(path)
    empty = make_mbtiles(tmp_path / "empty.mbtiles", {})
    with pytest.raises(BasemapError, match="holds no tiles"):
        MBTiles(empty)


def test_xyz_folder(tmp_path: Path) -> None:
    (tmp_path / "11" / "1710").mkdir(parents=True)
    (tmp_path / "11" / "1710" / "836.png").write_bytes(PNG)
    basemap = open_basemap(tmp_path)
    assert isinstance(basemap, XyzFolder)
    assert basemap.tile(11, 1710, 836) == PNG
    assert basemap.tile(11, 1710, 837) is None
    with pytest.raises(BasemapError):
        XyzFolder(tmp_path / "11" / "1710")  # no {z} folders inside


def test_gcj_offset_at_view_centre_is_within_a_pixel_across_a_screen() -> None:
    """The map shifts GCJ-02 tiles by the offset at the view centre (basemap_layer module docstring)."""
    zoom, half_w, half_h = 17, 683, 384
    lat, lon = 32.0, 120.9
    scale = tiles.world_size_px(zoom)
    cx, cy = tiles.to_world(lat, lon)

    def offset(x: float, y: float) -> tuple[float, float]:
        la, lo = tiles.to_lat_lon(x, y)
        gx, gy = tiles.to_world(*geo.wgs84_to_gcj02(la, lo))
        return gx - x, gy - y

    ox, oy = offset(cx, cy)
    assert abs(ox * scale) > 100  # the shift is real: hundreds of metres
    for sx, sy in [(-half_w, -half_h), (half_w, half_h), (-half_w, half_h), (half_w, -half_h)]:
        dx, dy = offset(cx + sx / scale, cy + sy / scale)
        assert abs((dx - ox) * scale) < 1.0 and abs((dy - oy) * scale) < 1.0


def test_mbtiles_gives_each_reading_thread_its_own_connection(tmp_path: Path) -> None:
    content = {(12, x, y): PNG + bytes([x % 256, y % 256]) for x in range(8) for y in range(8)}
    basemap = MBTiles(make_mbtiles(tmp_path / "t.mbtiles", content))
    errors: list[BaseException] = []
    used: set[int] = set()
    start = threading.Barrier(4)

    def read_all() -> None:
        try:
            start.wait()
            for _ in range(20):
                for key, data in content.items():
                    assert basemap.tile(*key) == data
            used.add(id(basemap._conns[threading.get_ident()]))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=read_all) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(used) == 4 and id(basemap._conn) not in used  # none shared
    basemap.close()
    assert basemap.tile(12, 1, 1) is None  # closed: no picture, no error
