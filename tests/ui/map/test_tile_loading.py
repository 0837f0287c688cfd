"""Basemap tiles decoded off the GUI thread: real MapView, real MBTiles, real decoding.

The decode function is instrumented (wrapped, still called) to see which thread decodes which tile,
and in some tests held at a gate so that what the view does meanwhile can be looked at.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
from PySide6.QtGui import QColor, QImage

from fieldapp.domain import tiles
from fieldapp.maps import open_basemap
from fieldapp.ui.map import MapView, tile_loader
from fieldapp.ui.map.view import BACKGROUND

from ...maps.test_tiles import make_mbtiles

Key = tuple[int, int, int]
PLACE = (31.0, 118.3)  # far from the demo outfalls: only tiles on screen
ELSEWHERE = (30.2, 119.6)
Z = 12


def encode(image: QImage, fmt: str = "PNG") -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buf, fmt)  # type: ignore[call-overload]
    return bytes(data.data())


def solid(colour: QColor, fmt: str = "PNG") -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(colour)
    return encode(image, fmt)


def colour_of(key: Key) -> QColor:
    z, x, y = key
    return QColor((x * 53) % 200 + 30, (y * 97) % 200 + 30, (z * 71) % 200 + 30)


def tile_at(lat: float, lon: float, z: int = Z) -> Key:
    x, y = tiles.to_world(lat, lon)
    return (z, int(x * (1 << z)), int(y * (1 << z)))


def block(centre: Key, radius: int = 3) -> dict[Key, bytes]:
    z, x, y = centre
    keys = [
        (z, x + i, y + j) for i in range(-radius, radius + 1) for j in range(-radius, radius + 1)
    ]
    return {k: solid(colour_of(k)) for k in keys}


class Decodes:
    """Wraps the real ``decode_tile``: records who decoded what, optionally holds at a gate."""

    def __init__(self, by_bytes: dict[bytes, Key]) -> None:
        self.by_bytes = by_bytes
        self.real = tile_loader.decode_tile
        self.lock = threading.Lock()
        self.calls: list[tuple[Key | None, threading.Thread]] = []
        self.busy: Counter[Key | None] = Counter()
        self.overlaps: list[Key | None] = []
        self.gate = threading.Event()
        self.gate.set()
        self.waiting = threading.Event()
        self.delay_s = 0.0

    def __call__(self, data: bytes) -> QImage:
        key = self.by_bytes.get(data)
        with self.lock:
            self.calls.append((key, threading.current_thread()))
            self.busy[key] += 1
            if self.busy[key] > 1:
                self.overlaps.append(key)
        try:
            if not self.gate.is_set():
                self.waiting.set()
                assert self.gate.wait(10)
            time.sleep(self.delay_s)
            return self.real(data)
        finally:
            with self.lock:
                self.busy[key] -= 1

    def decoded(self) -> list[Key | None]:
        with self.lock:
            return [k for k, _ in self.calls]


@pytest.fixture
def view(qtbot) -> Iterator[MapView]:  # type: ignore[no-untyped-def]
    v = MapView()
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    qtbot.waitExposed(v)
    yield v
    v.set_basemap(None)


def basemap_with(tmp_path: Path, content: dict[Key, bytes], monkeypatch) -> Decodes:  # type: ignore[no-untyped-def]
    path = make_mbtiles(tmp_path / "t.mbtiles", content)
    decodes = Decodes({data: key for key, data in content.items()})
    monkeypatch.setattr(tile_loader, "decode_tile", decodes)
    return path, decodes  # type: ignore[return-value]


def pixel(view: MapView, x: float, y: float) -> QColor:
    return view.grab().toImage().pixelColor(int(x), int(y))


def centre_of(view: MapView, key: Key) -> QPointF:
    z, x, y = key
    n = 1 << z
    return view.to_screen((x + 0.5) / n, (y + 0.5) / n)


def test_tiles_arrive_from_a_pool_thread_and_are_drawn(qtbot, view, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    centre = tile_at(*PLACE)
    content = block(centre)
    path, decodes = basemap_with(tmp_path, content, monkeypatch)
    view.center_on(*PLACE, Z + 0.0)
    view.set_basemap(open_basemap(path))
    view.repaint()  # painting asks for the tiles and decodes none of them
    here = centre_of(view, centre)
    assert pixel(view, here.x(), here.y()) == BACKGROUND  # nothing has arrived yet
    assert view.pending_tiles() > 0
    qtbot.waitUntil(lambda: view.pending_tiles() == 0, timeout=5000)
    shot = view.grab().toImage()
    shown = 0
    for key in content:
        p = centre_of(view, key)
        if 0 <= p.x() < view.width() and 0 <= p.y() < view.height():
            assert shot.pixelColor(int(p.x()), int(p.y())) == colour_of(key), key
            shown += 1
    assert shown >= 4
    assert decodes.calls
    assert all(t is not threading.main_thread() for _, t in decodes.calls)
    decoded = decodes.decoded()
    assert len(decoded) == len(set(decoded))  # each once


def test_a_lower_zoom_tile_stands_in_until_the_tile_arrives(
    qtbot, view, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    child = tile_at(*PLACE)
    parent = (Z - 1, child[1] // 2, child[2] // 2)
    content = block(child) | block(parent, 2)
    path, decodes = basemap_with(tmp_path, content, monkeypatch)
    view.center_on(*PLACE, Z - 1.0)
    view.set_basemap(open_basemap(path))
    qtbot.waitUntil(lambda: view.pending_tiles() == 0, timeout=5000)
    decodes.gate.clear()  # the next decode waits
    try:
        view.zoom_by(1.0)
        view.repaint()
        assert decodes.waiting.wait(5)
        here = centre_of(view, child)
        assert pixel(view, here.x(), here.y()) == colour_of(parent)  # scaled up meanwhile
    finally:
        decodes.gate.set()
    qtbot.waitUntil(lambda: view.pending_tiles() == 0, timeout=5000)
    here = centre_of(view, child)
    assert pixel(view, here.x(), here.y()) == colour_of(child)


def test_tiles_that_left_the_view_before_their_turn_are_not_decoded(
    qtbot, view, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    first, second = tile_at(*PLACE), tile_at(*ELSEWHERE)
    content = block(first) | block(second)
    path, decodes = basemap_with(tmp_path, content, monkeypatch)
    view.center_on(*PLACE, Z + 0.0)
    decodes.gate.clear()
    try:
        view.set_basemap(open_basemap(path))
        view.repaint()
        asked_first = view.pending_tiles()
        assert asked_first > 3
        assert decodes.waiting.wait(5)  # one tile of the first view is being decoded
        view.center_on(*ELSEWHERE)  # the user has panned far away before the rest
        view.repaint()
    finally:
        decodes.gate.set()
    qtbot.waitUntil(lambda: view.pending_tiles() == 0, timeout=5000)
    decoded = decodes.decoded()
    first_keys, second_keys = block(first).keys(), block(second).keys()
    assert len([k for k in decoded if k in first_keys]) == 1  # under way when the view moved
    assert len(decoded) == len(set(decoded))
    assert len(decoded) - 1 == sum(k in second_keys for k in decoded) > 3


def test_no_tile_is_decoded_twice_while_panning_to_and_fro(
    qtbot, view, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(tile_loader, "TILE_THREADS", 3)
    centre = tile_at(*PLACE)
    content = block(centre, 5)
    path, decodes = basemap_with(tmp_path, content, monkeypatch)
    decodes.delay_s = 0.004  # slow decodes leave time for the view to ask again
    view.center_on(*PLACE, Z + 0.0)
    view.set_basemap(open_basemap(path))
    for step in range(60):
        view.pan_by(70 if (step // 10) % 2 else -70, 15 if step % 3 else -20)
        view.repaint()
        qtbot.wait(2)
    qtbot.waitUntil(lambda: view.pending_tiles() == 0, timeout=10000)
    decoded = decodes.decoded()
    assert len(decoded) > 10
    assert len({t for _, t in decodes.calls}) >= 2  # the pool really ran several threads
    assert not decodes.overlaps
    assert [k for k, n in Counter(decoded).items() if n > 1] == []


def test_a_corrupt_tile_shows_as_missing_and_is_logged_once(
    qtbot, view, tmp_path, monkeypatch, caplog
) -> None:  # type: ignore[no-untyped-def]
    centre = tile_at(*PLACE)
    content = block(centre)
    bad = (Z, centre[1] + 1, centre[2])
    content[centre] = b"\x89PNG\r\n\x1a\n" + b"\x00\x07garbage" * 40
    content[bad] = content[bad][: len(content[bad]) // 2]  # cut short
    path, _ = basemap_with(tmp_path, content, monkeypatch)
    caplog.set_level(logging.WARNING, logger=tile_loader.__name__)
    view.center_on(*PLACE, Z + 0.0)
    view.set_basemap(open_basemap(path))
    qtbot.waitUntil(lambda: view.pending_tiles() == 0, timeout=5000)
    shot = view.grab().toImage()
    for key in (centre, bad):
        p = centre_of(view, key)
        assert shot.pixelColor(int(p.x()), int(p.y())) == BACKGROUND
    good = (Z, centre[1], centre[2] + 1)
    p = centre_of(view, good)
    assert shot.pixelColor(int(p.x()), int(p.y())) == colour_of(good)
    warnings = [r for r in caplog.records if r.name == tile_loader.__name__]
    assert len(warnings) == 1 and "not a picture" in warnings[0].getMessage()
    layer = view.basemap_layer
    assert layer is not None and layer.loader.undecodable == 2


def test_changing_the_basemap_closes_the_old_one_after_its_thread(
    qtbot, view, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    centre = tile_at(*PLACE)
    path, decodes = basemap_with(tmp_path, block(centre), monkeypatch)
    old = open_basemap(path)
    view.center_on(*PLACE, Z + 0.0)
    decodes.gate.clear()
    view.set_basemap(old)
    view.repaint()
    assert decodes.waiting.wait(5)
    threading.Timer(0.05, decodes.gate.set).start()
    view.set_basemap(None)  # waits for the decode under way, then closes the file
    assert old.tile(*centre) is None  # closed
    qtbot.wait(50)  # the late result is dropped, not drawn
    assert view.pending_tiles() == 0 and view.basemap_layer is None
    view.repaint()


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_decode_tile_reads_pictures(qapp, fmt: str) -> None:  # type: ignore[no-untyped-def]
    image = tile_loader.decode_tile(solid(QColor("#336699"), fmt))
    assert image.size().width() == 256
    assert image.format() == QImage.Format.Format_RGB32  # what a QPixmap keeps: no conversion
    assert abs(image.pixelColor(10, 10).blue() - 0x99) < 4


def test_decode_tile_refuses_what_is_not_a_tile(qapp) -> None:  # type: ignore[no-untyped-def]
    import struct
    import zlib

    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 6, 0, 0, 0)
    huge = (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + b"IHDR"
        + ihdr
        + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    )
    good = solid(QColor("red"))
    for data in (b"", b"not a picture", good[:40], huge):
        assert tile_loader.decode_tile(data).isNull()


def test_a_tile_that_arrives_is_painted_on_screen_by_itself(
    qtbot, view, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    centre = tile_at(*PLACE)
    path, _ = basemap_with(tmp_path, block(centre), monkeypatch)
    view.center_on(*PLACE, Z + 0.0)
    view.set_basemap(open_basemap(path))
    here = centre_of(view, centre)

    def on_screen() -> QColor:  # what the window shows, not a fresh rendering as grab() makes
        shot = view.screen().grabWindow(view.winId()).toImage()
        return shot.pixelColor(int(here.x()), int(here.y()))

    qtbot.waitUntil(lambda: view.pending_tiles() == 0, timeout=5000)
    qtbot.waitUntil(lambda: on_screen() == colour_of(centre), timeout=2000)
