"""The basemap under the map (底图图层): which tiles a frame shows, what stands in, what is asked for.

Tiles are read and decoded on a pool thread (``tile_loader.TileLoader``), never while painting: a
frame draws the tiles it has, asks for the rest (nearest the centre first; those that left the view
meanwhile are dropped) and shows in their place a cached tile of a lower zoom scaled up, or the
cached tiles of the next zoom scaled down, else nothing (the view's plain background). A tile that
arrives is made a QPixmap (GUI thread), kept in a small cache, and its square is repainted
(``repaint_needed``), the squares of tiles arriving within ``REPAINT_EVERY_MS`` together, and not
at all when a frame drawing them came first: while panning, tiles arrive a few a frame and each
repaint draws the outfalls again. A missing or undecodable tile leaves the background.

GCJ-02 basemaps: everything is stored and drawn in WGS-84, and the *basemap* is moved by the
WGS-84 → GCJ-02 offset (``geo.wgs84_to_gcj02``) at the centre of the view; across one screen that
offset changes by well under a pixel at street zooms (tested), so positions sit where the tiles
show them without any coordinate being shifted in storage.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRect, QRectF, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap

from fieldapp.domain import geo, tiles
from fieldapp.maps import Basemap
from fieldapp.ui.map.tile_loader import TileKey, TileLoader

TILE_CACHE = 256
STAND_IN_LEVELS = 4  # how many zooms up a stand-in for a tile not yet decoded is looked for
REPAINT_EVERY_MS = 16  # tiles arriving within one frame at 60 Hz are painted together


@dataclass(frozen=True)
class Viewport:
    """What the view shows: its centre (world coordinates), zoom and size in pixels."""

    center: tuple[float, float]
    zoom: float
    width: int
    height: int


class BasemapLayer(QObject):
    """The tiles of one basemap for a map view: a pixmap cache, the loader, stand-ins."""

    repaint_needed = Signal(QRect)  # a tile arrived: this part of the view is to be painted again

    def __init__(self, basemap: Basemap, gcj02: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.basemap = basemap
        self.gcj02 = gcj02
        self.loader = TileLoader(basemap, self)
        self.loader.loaded.connect(self._loaded)
        self._cache: OrderedDict[TileKey, QPixmap | None] = OrderedDict()  # None: no picture
        self._viewport: Viewport | None = None  # as last drawn
        self._arrived = QRect()  # the squares of tiles arrived and not yet painted
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(REPAINT_EVERY_MS)
        self._flush.timeout.connect(self._repaint_arrived)

    def __len__(self) -> int:
        """How many tiles are cached (decoded, or known to have no picture)."""
        return len(self._cache)

    def close(self) -> None:
        """Waits for the tile under way (one decode), then closes the basemap."""
        self.loader.close()

    def pending(self, viewport: Viewport) -> int:
        """How many tiles in ``viewport`` are still to be read or decoded."""
        return sum(k not in self._cache for k in self._grid(viewport)[1])

    def draw(self, p: QPainter, viewport: Viewport, exposed: QRect) -> None:
        """Draws the tiles it has and asks the loader for the others; ``exposed`` is the part of
        the view being painted."""
        self._viewport = viewport
        if self._arrived.isValid() and exposed.contains(self._arrived):
            self._arrived = QRect()  # drawn now: no repaint of their own
            self._flush.stop()
        tz, keys = self._grid(viewport)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        wanted: list[TileKey] = []
        for k in keys:
            target = self._tile_rect(k, viewport)
            if k in self._cache:
                self._cache.move_to_end(k)
                pixmap = self._cache[k]
                if pixmap is not None:  # else no picture: the background shows
                    p.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
            else:
                wanted.append(k)
                self._draw_stand_in(p, k, target)
        dx, dy = self._offset(viewport)
        cx, cy = (viewport.center[0] + dx) * (1 << tz), (viewport.center[1] + dy) * (1 << tz)
        wanted.sort(key=lambda k: (k[1] + 0.5 - cx) ** 2 + (k[2] + 0.5 - cy) ** 2)
        self.loader.want(wanted)

    def _grid(self, viewport: Viewport) -> tuple[int, list[TileKey]]:
        """The basemap zoom drawn at this viewport and the tiles of it in view."""
        b = self.basemap
        tz = max(b.min_zoom, min(b.max_zoom, round(viewport.zoom)))
        dx, dy = self._offset(viewport)
        half_w, half_h = _half_extent(viewport)
        cx, cy = viewport.center
        keys = tiles.tiles_covering(
            cx - half_w + dx, cy - half_h + dy, cx + half_w + dx, cy + half_h + dy, tz
        )
        return tz, [(k.z, k.x, k.y) for k in keys]

    def _offset(self, viewport: Viewport) -> tuple[float, float]:
        """Where the tiles are to be moved to sit under WGS-84 positions (GCJ-02 basemaps)."""
        if not self.gcj02:
            return 0.0, 0.0
        cx, cy = viewport.center
        glat, glon = geo.wgs84_to_gcj02(*tiles.to_lat_lon(cx, cy))
        gx, gy = tiles.to_world(glat, glon)
        return gx - cx, gy - cy

    def _tile_rect(self, key: TileKey, viewport: Viewport) -> QRectF:
        dx, dy = self._offset(viewport)
        n = 1 << key[0]
        s = tiles.world_size_px(viewport.zoom)
        x = (key[1] / n - dx - viewport.center[0]) * s + viewport.width / 2
        y = (key[2] / n - dy - viewport.center[1]) * s + viewport.height / 2
        return QRectF(x, y, s / n + 0.5, s / n + 0.5)

    def _draw_stand_in(self, p: QPainter, key: TileKey, target: QRectF) -> None:
        """In place of a tile not yet decoded: a cached lower-zoom tile's part of it, scaled up,
        else the cached tiles of the next zoom, scaled down; else nothing (the background)."""
        z, x, y = key
        for up in range(1, STAND_IN_LEVELS + 1):
            parent = self._cache.get(above := (z - up, x >> up, y >> up))
            if parent is not None:
                self._cache.move_to_end(above)  # kept while it stands in
                part = parent.width() / (1 << up)
                mask = (1 << up) - 1
                source = QRectF((x & mask) * part, (y & mask) * part, part, part)
                p.drawPixmap(target, parent, source)
                return
        half = target.width() / 2
        for cx in (0, 1):
            for cy in (0, 1):
                child = self._cache.get((z + 1, 2 * x + cx, 2 * y + cy))
                if child is not None:
                    quarter = QRectF(target.x() + cx * half, target.y() + cy * half, half, half)
                    p.drawPixmap(quarter, child, QRectF(child.rect()))

    def _loaded(self, key: TileKey, image: QImage) -> None:
        """A tile from the loader: cached as a pixmap (GUI thread only) and its square repainted."""
        self._cache[key] = None if image.isNull() else QPixmap.fromImage(image)
        if len(self._cache) > TILE_CACHE:
            self._cache.popitem(last=False)
        viewport = self._viewport
        if viewport is not None:
            area = self._tile_rect(key, viewport).toAlignedRect()
            area = area.intersected(QRect(0, 0, viewport.width, viewport.height))
            if not area.isEmpty():
                self._arrived = self._arrived.united(area)
                if not self._flush.isActive():
                    self._flush.start()

    def _repaint_arrived(self) -> None:
        area, self._arrived = self._arrived, QRect()
        if area.isValid():
            self.repaint_needed.emit(area)


def _half_extent(viewport: Viewport) -> tuple[float, float]:
    s = tiles.world_size_px(viewport.zoom)
    return viewport.width / 2 / s, viewport.height / 2 / s
