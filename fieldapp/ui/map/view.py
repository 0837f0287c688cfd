"""The map canvas: basemap tiles (or a plain grid), outfalls, tracks, the current position.

Drawing costs what the screen shows, not what the ledger holds: outfall positions are projected
once into arrays of web-mercator world coordinates, and each frame asks the grid-cluster index
(``fieldapp.domain.map_index``) for the cells inside the window. Points are batched by colour.
The basemap, if any, is drawn underneath by a ``BasemapLayer`` (``basemap_layer``), which reads
and decodes tiles off the GUI thread and moves GCJ-02 tiles under WGS-84 positions.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QPinchGesture, QWidget

from fieldapp.domain import tiles
from fieldapp.domain.map_index import MAX_LEVEL, MIN_LEVEL, PointIndex
from fieldapp.maps import Basemap
from fieldapp.ui.map.basemap_layer import BasemapLayer, Viewport
from fieldapp.ui.map.palette import TASK_COLOUR, TASK_OVERDUE_COLOUR

MIN_ZOOM, MAX_ZOOM = 5.0, 19.0
HIT_RADIUS_PX = 26  # a finger, not a mouse pointer
LEAD_COLOUR = QColor("#ffd600")  # leads to verify: yellow diamonds, unlike any outfall colour
LEAD_GROUP_PX = 48  # leads closer than this on screen share one marker ...
LEAD_GROUP_MAX_ZOOM = 16.0  # ... below this zoom; closer in every lead is its own
DRAG_THRESHOLD_PX = 8
LONG_PRESS_MS = 700  # a finger held still this long asks for the point's menu (right-click)
POINT_RADIUS = 7
BACKGROUND = QColor("#eef1ec")
T = TypeVar("T")
FLAG_POLE = 34  # px from a task's place to the top of its flag
FLAG_STEP = 24  # px between flags of tasks at one place (a flag is 20 tall)


@dataclass(frozen=True)
class TaskMark:
    """One of the user's tasks at one place: an outfall of it, or its position."""

    key: str  # the mark's own id (a task with three outfalls has three marks)
    task_id: str
    lat: float
    lon: float
    overdue: bool


@dataclass
class Overlay:
    """What the map draws besides the outfalls (all WGS-84)."""

    position: tuple[float, float, float | None] | None = None  # lat, lon, error radius m
    tracks: tuple[tuple[tuple[float, float], ...], ...] = ()
    markers: tuple[tuple[float, float], ...] = ()  # problems along a patrol
    position_flag: str = ""  # e.g. "simulated": the marker is drawn as not to be trusted


class MapView(QWidget):
    """Pan by dragging, zoom by wheel, pinch or ``zoom_by``; tap an outfall to activate it.

    Signals: ``point_activated(int)`` the index (into the points given) of a tapped outfall;
    ``view_changed()`` after any pan or zoom; ``panned_by_user()`` when a finger or the mouse
    drags the map (a view that follows the position stops following); ``first_frame_settled()``
    once, a moment after the first frame with points has been painted (work the first frame did
    not need may start).
    """

    point_activated = Signal(int)
    lead_activated = Signal(str)  # the id of a tapped aerial-survey lead ("to verify")
    task_activated = Signal(str)  # the key of a tapped task mark (``TaskMark.key``)
    # a right-click or a long press on the map: (lat, lon) there, and the global pixel position
    point_menu_requested = Signal(float, float, QPoint)
    view_changed = Signal()
    panned_by_user = Signal()
    first_frame_settled = Signal()
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 240)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.center = (tiles.world_x(120.9), tiles.world_y(32.05))  # Nantong
        self.zoom = 9.0
        self.xs: Sequence[float] = []
        self.ys: Sequence[float] = []
        self.categories: bytes = b""
        self.colours: list[QColor] = []
        self.index = PointIndex([], [])
        self._bounds: tuple[float, float, float, float] | None = None  # x0, y0, x1, y1
        self.selected: int | None = None
        self.overlay = Overlay()
        self._track_world: list[list[tuple[float, float]]] = []
        self._layer: BasemapLayer | None = None
        self._drawn: list[tuple[float, float, int, int]] = []  # sx, sy, point index, count
        self.leads: list[tuple[str, float, float]] = []  # id, world x, world y
        self.selected_lead: str | None = None
        self._drawn_leads: list[tuple[float, float, list[str]]] = []  # sx, sy, lead ids
        self.tasks: list[tuple[TaskMark, float, float]] = []  # mark, world x, world y
        self.selected_task: str | None = None  # a mark's key
        self._drawn_tasks: list[tuple[float, float, str]] = []  # sx, sy, mark key
        self._long_press = QTimer(self)
        self._long_press.setSingleShot(True)
        self._long_press.setInterval(LONG_PRESS_MS)
        self._long_press.timeout.connect(self._long_pressed)
        self._press: QPointF | None = None
        self._press_center = self.center
        self._dragging = False
        self._prebuild = QTimer(self)
        self._prebuild.setInterval(0)
        self._prebuild.timeout.connect(self._build_next_level)
        self._prebuild_pending = False
        self._bubbles: dict[tuple[int, float], QPixmap] = {}
        self._cluster_font = QFont(self.font())
        self._cluster_font.setPixelSize(13)
        self._cluster_font.setBold(True)

    # -- data ------------------------------------------------------------------------------
    def set_points(
        self, lats: Sequence[float], lons: Sequence[float], categories: bytes, colours: list[QColor]
    ) -> None:
        """Outfall positions (WGS-84) with a colour category each; projected once here."""
        self.set_world_points(
            [tiles.world_x(lon) for lon in lons],
            [tiles.world_y(lat) for lat in lats],
            categories,
            colours,
        )

    def set_world_points(
        self, xs: Sequence[float], ys: Sequence[float], categories: bytes, colours: list[QColor]
    ) -> None:
        """Outfall positions already projected to world coordinates (``tiles.to_world``)."""
        # Lists, not arrays: indexing a list hands back its float, an array makes a new one,
        # and drawing and clustering index these a great deal; the copy costs a few ms at 100k.
        self.xs = xs.tolist() if isinstance(xs, array) else list(xs)
        self.ys = ys.tolist() if isinstance(ys, array) else list(ys)
        self._bounds = (min(self.xs), min(self.ys), max(self.xs), max(self.ys)) if self.xs else None
        self.categories = categories
        self.colours = colours
        self.index = PointIndex(self.xs, self.ys)
        self.selected = None
        self._prebuild_pending = True  # other levels build in idle time after the first frame
        self.update()

    def set_categories(self, categories: bytes, colours: list[QColor]) -> None:
        self.categories = categories
        self.colours = colours
        self.update()

    def levels_ready(self) -> bool:
        return all(self.index.is_built(z) for z in range(MIN_LEVEL, MAX_LEVEL + 1))

    def _first_frame_settled(self) -> None:
        self.first_frame_settled.emit()
        self._prebuild.start()

    def _build_next_level(self) -> None:
        current = PointIndex.level_for(self.zoom)
        pending = [z for z in range(MIN_LEVEL, MAX_LEVEL + 1) if not self.index.is_built(z)]
        if not pending or not self.xs:
            self._prebuild.stop()
            return
        self.index.level(min(pending, key=lambda z: abs(z - current)))

    def set_basemap(self, basemap: Basemap | None, gcj02: bool = False) -> None:
        """Draws ``basemap`` (None: the plain grid); a basemap replaced is closed here."""
        if self._layer is not None and self._layer.basemap is basemap:
            self._layer.gcj02 = gcj02  # the same tiles, moved otherwise
        else:
            if self._layer is not None:
                self._layer.close()  # waits for the tile under way, then closes the basemap
                self._layer.deleteLater()
                self._layer = None
            if basemap is not None:
                self._layer = BasemapLayer(basemap, gcj02, self)
                self._layer.repaint_needed.connect(self._repaint_area)
        self.update()

    @property
    def basemap(self) -> Basemap | None:
        return self._layer.basemap if self._layer is not None else None

    @property
    def basemap_layer(self) -> BasemapLayer | None:
        return self._layer

    def pending_tiles(self) -> int:
        """How many tiles in view are still being read or decoded (0 without a basemap)."""
        return self._layer.pending(self._viewport()) if self._layer is not None else 0

    def _viewport(self) -> Viewport:
        return Viewport(self.center, self.zoom, self.width(), self.height())

    def _repaint_area(self, area: QRect) -> None:
        self.update(area)

    def set_overlay(self, overlay: Overlay) -> None:
        if overlay.tracks != self.overlay.tracks:
            self._track_world = [
                [tiles.to_world(lat, lon) for lat, lon in t] for t in overlay.tracks
            ]
        self.overlay = overlay
        self.update()

    def select(self, index: int | None) -> None:
        self.selected = index
        self.update()

    def set_leads(self, leads: Sequence[tuple[str, float, float]]) -> None:
        """Aerial-survey leads to verify, as (id, lat, lon): a layer of their own above the
        outfalls, grouped on screen when they crowd (at low zoom)."""
        self.leads = [(lead_id, *tiles.to_world(lat, lon)) for lead_id, lat, lon in leads]
        self.update()

    def set_tasks(self, marks: Sequence[TaskMark]) -> None:
        """The user's tasks, a flag at each place: drawn above the outfalls and leads."""
        self.tasks = [(mark, *tiles.to_world(mark.lat, mark.lon)) for mark in marks]
        if self.selected_task not in {mark.key for mark in marks}:
            self.selected_task = None
        self.update()

    # -- view ------------------------------------------------------------------------------
    def scale(self) -> float:
        return tiles.world_size_px(self.zoom)

    def to_screen(self, wx: float, wy: float) -> QPointF:
        s = self.scale()
        return QPointF(
            (wx - self.center[0]) * s + self.width() / 2,
            (wy - self.center[1]) * s + self.height() / 2,
        )

    def to_world(self, sx: float, sy: float) -> tuple[float, float]:
        s = self.scale()
        return (
            self.center[0] + (sx - self.width() / 2) / s,
            self.center[1] + (sy - self.height() / 2) / s,
        )

    def center_on(self, lat: float, lon: float, zoom: float | None = None) -> None:
        self.center = tiles.to_world(lat, lon)
        if zoom is not None:
            self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._changed()

    def center_lat_lon(self) -> tuple[float, float]:
        return tiles.to_lat_lon(*self.center)

    def fit_points(self) -> None:
        """Shows every outfall (the whole city)."""
        if self._bounds is None:
            return
        x0, y0, x1, y1 = self._bounds
        self.center = ((x0 + x1) / 2, (y0 + y1) / 2)
        z = tiles.fit_zoom(x0, y0, x1, y1, max(self.width(), 320), max(self.height(), 240))
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, z - 0.1))
        self._changed()

    def fit_lat_lons(self, points: Sequence[tuple[float, float]]) -> None:
        """Shows every one of ``points`` (a recorded track)."""
        if not points:
            return
        world = [tiles.to_world(lat, lon) for lat, lon in points]
        xs, ys = [w[0] for w in world], [w[1] for w in world]
        x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
        self.center = ((x0 + x1) / 2, (y0 + y1) / 2)
        z = tiles.fit_zoom(x0, y0, x1, y1, max(self.width(), 320), max(self.height(), 240))
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, 17.0, z - 0.3))
        self._changed()

    def pan_by(self, dx: float, dy: float) -> None:
        s = self.scale()
        self.center = (self.center[0] - dx / s, self.center[1] - dy / s)
        self._changed()

    def zoom_by(self, steps: float, anchor: QPointF | None = None) -> None:
        """Zooms by ``steps`` levels keeping the world point under ``anchor`` in place."""
        anchor = anchor or QPointF(self.width() / 2, self.height() / 2)
        before = self.to_world(anchor.x(), anchor.y())
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom + steps))
        after = self.to_world(anchor.x(), anchor.y())
        self.center = (
            self.center[0] + before[0] - after[0],
            self.center[1] + before[1] - after[1],
        )
        self._changed()

    def _changed(self) -> None:
        self.update()
        self.view_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    # -- input -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_center = self.center
            self._dragging = False
            self._long_press.start()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self._long_press.stop()
        self._ask_menu(QPointF(event.pos()), event.globalPos())

    def _long_pressed(self) -> None:
        if self._press is not None and not self._dragging:
            at = self._press
            self._press = None  # the finger's lifting is no tap
            self._ask_menu(at, self.mapToGlobal(at.toPoint()))

    def _ask_menu(self, pos: QPointF, global_pos: QPoint) -> None:
        lat, lon = tiles.to_lat_lon(*self.to_world(pos.x(), pos.y()))
        self.point_menu_requested.emit(lat, lon, global_pos)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        delta = event.position() - self._press
        if not self._dragging and math.hypot(delta.x(), delta.y()) >= DRAG_THRESHOLD_PX:
            self._dragging = True
            self._long_press.stop()
            self.panned_by_user.emit()
        if self._dragging:
            s = self.scale()
            self.center = (
                self._press_center[0] - delta.x() / s,
                self._press_center[1] - delta.y() / s,
            )
            self._changed()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._long_press.stop()
        if self._press is not None and not self._dragging:
            self._tap(event.position())
        self._press = None
        self._dragging = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(steps * 0.5, event.position())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                factor = pinch.scaleFactor()
                if factor > 0:
                    self.zoom_by(math.log2(factor), self.mapFromGlobal(pinch.centerPoint()))
                event.accept()
                return True
        return super().event(event)

    def item_at(self, pos: QPointF) -> tuple[int, int] | None:
        """(point index, count) of the drawn outfall or cluster nearest ``pos`` within reach."""
        return _nearest(((sx, sy, (i, count)) for sx, sy, i, count in self._drawn), pos)

    def lead_at(self, pos: QPointF) -> list[str] | None:
        """The ids of the drawn lead (or group of leads) nearest ``pos`` within reach."""
        return _nearest(self._drawn_leads, pos)

    def task_at(self, pos: QPointF) -> str | None:
        """The key of the drawn task mark nearest ``pos`` within reach."""
        return _nearest(self._drawn_tasks, pos)

    def _tap(self, pos: QPointF) -> None:
        task = self.task_at(pos)
        if task is not None:
            self.selected_task = task
            self.update()
            self.task_activated.emit(task)
            return
        leads = self.lead_at(pos)
        if leads is not None:
            if len(leads) > 1:  # a group of leads: look closer
                self.zoom_by(2.0, pos)
                return
            self.selected_lead = leads[0]
            self.update()
            self.lead_activated.emit(leads[0])
            return
        hit = self.item_at(pos)
        if hit is None:
            return
        i, count = hit
        if count > 1:  # a cluster: look closer
            self.zoom_by(2.0, pos)
            return
        self.selected = i
        self.update()
        self.point_activated.emit(i)

    # -- drawing ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self._paint(event.rect())

    def _paint(self, exposed: QRect) -> None:
        if self._prebuild_pending:
            self._prebuild_pending = False
            QTimer.singleShot(100, self._first_frame_settled)
        p = QPainter(self)
        p.fillRect(self.rect(), BACKGROUND)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if self._layer is not None:
            self._layer.draw(p, self._viewport(), exposed)
        else:
            self._draw_grid(p)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._draw_tracks(p)
        self._draw_points(p)
        self._draw_leads(p)
        self._draw_tasks(p)
        self._draw_overlay(p)
        self._draw_scale(p)
        p.end()

    def _visible_world(self, margin_px: float) -> tuple[float, float, float, float]:
        x0, y0 = self.to_world(-margin_px, -margin_px)
        x1, y1 = self.to_world(self.width() + margin_px, self.height() + margin_px)
        return x0, y0, x1, y1

    def _draw_grid(self, p: QPainter) -> None:
        """No basemap: a light grid of the current zoom's tile edges."""
        p.setPen(QPen(QColor("#cfd6cc"), 1))
        z = max(0, round(self.zoom))
        n = 1 << z
        x0, y0, x1, y1 = self._visible_world(0)
        for tx in range(max(0, int(x0 * n)), min(n, int(x1 * n) + 2)):
            sx = self.to_screen(tx / n, 0).x()
            p.drawLine(QPointF(sx, 0), QPointF(sx, self.height()))
        for ty in range(max(0, int(y0 * n)), min(n, int(y1 * n) + 2)):
            sy = self.to_screen(0, ty / n).y()
            p.drawLine(QPointF(0, sy), QPointF(self.width(), sy))

    def _draw_tracks(self, p: QPainter) -> None:
        if not self._track_world:
            return
        pen = QPen(QColor("#0050b3"), 4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for track in self._track_world:
            if len(track) < 2:
                continue
            path = QPainterPath(self.to_screen(*track[0]))
            for wx, wy in track[1:]:
                path.lineTo(self.to_screen(wx, wy))
            p.drawPath(path)

    def _draw_points(self, p: QPainter) -> None:
        self._drawn = []
        if not self.xs:
            return
        level = self.index.level(PointIndex.level_for(self.zoom))
        x0, y0, x1, y1 = self._visible_world(POINT_RADIUS + 24)
        cells = level.visible(x0, y0, x1, y1)
        s = self.scale()
        ox = self.width() / 2 - self.center[0] * s
        oy = self.height() / 2 - self.center[1] * s
        xs, ys, cats = self.xs, self.ys, self.categories
        ls = level.scale
        singles: dict[int, list[QPointF]] = {}
        clusters: list[tuple[float, float, int]] = []
        drawn = self._drawn
        for cell in cells:
            if cell.count == 1 or level.zoom == MAX_LEVEL:
                for i in level.members_of(cell, xs, ys) if cell.count > 1 else (cell.first,):
                    sx, sy = xs[i] * s + ox, ys[i] * s + oy
                    singles.setdefault(cats[i], []).append(QPointF(sx, sy))
                    drawn.append((sx, sy, i, 1))
            else:  # drawn at the cell's centre: clusters never overlap
                i = cell.first
                sx = (int(xs[i] * ls) + 0.5) / ls * s + ox
                sy = (int(ys[i] * ls) + 0.5) / ls * s + oy
                clusters.append((sx, sy, cell.count))
                drawn.append((sx, sy, i, cell.count))
        outline = QPen(QColor("#ffffff"), 2 * POINT_RADIUS + 4)
        outline.setCapStyle(Qt.PenCapStyle.RoundCap)
        fill = QPen(QColor("#000000"), 2 * POINT_RADIUS)
        fill.setCapStyle(Qt.PenCapStyle.RoundCap)
        for cat, pts in singles.items():
            p.setPen(outline)
            p.drawPoints(pts)
            fill.setColor(self.colours[cat] if cat < len(self.colours) else QColor("#555"))
            p.setPen(fill)
            p.drawPoints(pts)
        if clusters:
            p.setFont(self._cluster_font)
            for sx, sy, count in clusters:
                bubble = self._bubble(_cluster_diameter(count))
                half = bubble.deviceIndependentSize().width() / 2
                p.drawPixmap(QPointF(sx - half, sy - half), bubble)
            p.setPen(QColor("#ffffff"))
            for sx, sy, count in clusters:
                r = _cluster_diameter(count) / 2
                text = str(count) if count < 10000 else f"{count // 1000}k"
                p.drawText(QRectF(sx - r, sy - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, text)
        if self.selected is not None and self.selected < len(xs):
            i = self.selected
            p.setPen(QPen(QColor("#ffd600"), 5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(_circle(xs[i] * s + ox, ys[i] * s + oy, 15))
            p.setPen(QPen(QColor("#111111"), 2))
            p.drawEllipse(_circle(xs[i] * s + ox, ys[i] * s + oy, 18))

    def _draw_leads(self, p: QPainter) -> None:
        """Leads as yellow diamonds marked "?"; those closer than a cell on screen share one
        diamond with their number, so a survey's hundreds of marks stay readable zoomed out."""
        self._drawn_leads = []
        if not self.leads:
            return
        s = self.scale()
        ox = self.width() / 2 - self.center[0] * s
        oy = self.height() / 2 - self.center[1] * s
        cell = LEAD_GROUP_PX if self.zoom < LEAD_GROUP_MAX_ZOOM else 0
        groups: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
        for n, (lead_id, wx, wy) in enumerate(self.leads):
            sx, sy = wx * s + ox, wy * s + oy
            if -40 <= sx <= self.width() + 40 and -40 <= sy <= self.height() + 40:
                key = (int(sx // cell), int(sy // cell)) if cell else (n, 0)
                groups.setdefault(key, []).append((sx, sy, lead_id))
        font = QFont(self._cluster_font)
        font.setPixelSize(14)
        p.setFont(font)
        for members in groups.values():
            sx = sum(m[0] for m in members) / len(members)
            sy = sum(m[1] for m in members) / len(members)
            ids = [m[2] for m in members]
            r = 13 if len(ids) == 1 else 17
            path = QPainterPath()
            path.moveTo(sx, sy - r)
            path.lineTo(sx + r, sy)
            path.lineTo(sx, sy + r)
            path.lineTo(sx - r, sy)
            path.closeSubpath()
            chosen = len(ids) == 1 and ids[0] == self.selected_lead
            p.setPen(QPen(QColor("#d50000") if chosen else QColor("#212121"), 4 if chosen else 2))
            p.setBrush(LEAD_COLOUR)
            p.drawPath(path)
            p.setPen(QColor("#212121"))
            text = "?" if len(ids) == 1 else str(len(ids))
            p.drawText(QRectF(sx - r, sy - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, text)
            self._drawn_leads.append((sx, sy, ids))

    def _draw_tasks(self, p: QPainter) -> None:
        """Each task a flag on a pole whose foot is its place: blue, or red marked "!" when
        overdue; the chosen one ringed. Tasks at one place (two on one outfall) fly one above
        the other on one pole, the overdue lowest, so each is seen and tapped."""
        self._drawn_tasks = []
        if not self.tasks:
            return
        s = self.scale()
        ox = self.width() / 2 - self.center[0] * s
        oy = self.height() / 2 - self.center[1] * s
        font = QFont(self._cluster_font)
        font.setPixelSize(15)
        p.setFont(font)
        places: dict[tuple[float, float], list[TaskMark]] = {}
        for mark, wx, wy in self.tasks:
            places.setdefault((wx, wy), []).append(mark)
        # places with an overdue task last: on top of any place drawn near them
        for (wx, wy), marks in sorted(
            places.items(), key=lambda place: any(m.overdue for m in place[1])
        ):
            sx, sy = wx * s + ox, wy * s + oy
            pole = FLAG_POLE + FLAG_STEP * (len(marks) - 1)
            if not (-40 <= sx <= self.width() + 40 and -pole - 30 <= sy <= self.height() + 40):
                continue
            p.setPen(QPen(QColor("#ffffff"), 6))
            p.drawLine(QPointF(sx, sy), QPointF(sx, sy - pole))
            p.setPen(QPen(QColor("#212121"), 3))
            p.drawLine(QPointF(sx, sy), QPointF(sx, sy - pole))
            for i, mark in enumerate(sorted(marks, key=lambda m: (not m.overdue, m.key))):
                top = sy - FLAG_POLE - FLAG_STEP * i
                colour = QColor(TASK_OVERDUE_COLOUR if mark.overdue else TASK_COLOUR)
                chosen = mark.key == self.selected_task
                flag = QRectF(sx, top, 26, 20)
                p.setPen(QPen(QColor("#ffd600") if chosen else QColor("#ffffff"), 4 if chosen else 2))  # fmt: skip
                p.setBrush(colour)
                p.drawRect(flag)
                if mark.overdue:
                    p.setPen(QColor("#ffffff"))
                    p.drawText(flag, Qt.AlignmentFlag.AlignCenter, "!")
                self._drawn_tasks.append((sx + 13, top + 10, mark.key))  # a finger finds the flag

    def _bubble(self, diameter: int) -> QPixmap:
        """A cluster's disc, drawn once per size: a pixmap is far cheaper to paint than an
        antialiased ellipse, and a frame shows up to a few hundred clusters."""
        dpr = self.devicePixelRatioF()
        bubble = self._bubbles.get((diameter, dpr))
        if bubble is None:
            side = diameter + 4  # room for the outline
            bubble = QPixmap(math.ceil(side * dpr), math.ceil(side * dpr))
            bubble.setDevicePixelRatio(dpr)
            bubble.fill(Qt.GlobalColor.transparent)
            painter = QPainter(bubble)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor("#ffffff"), 2))
            painter.setBrush(QBrush(QColor(0, 60, 110, 215)))
            painter.drawEllipse(QRectF(2, 2, diameter, diameter))
            painter.end()
            self._bubbles[(diameter, dpr)] = bubble
        return bubble

    def _draw_overlay(self, p: QPainter) -> None:
        for lat, lon in self.overlay.markers:
            pt = self.to_screen(*tiles.to_world(lat, lon))
            p.setPen(QPen(QColor("#ffffff"), 2))
            p.setBrush(QColor("#d50000"))
            path = QPainterPath()
            path.moveTo(pt)
            path.lineTo(pt + QPointF(-9, -20))
            path.lineTo(pt + QPointF(9, -20))
            path.closeSubpath()
            p.drawPath(path)
        if self.overlay.position is None:
            return
        lat, lon, error_m = self.overlay.position
        pt = self.to_screen(*tiles.to_world(lat, lon))
        flag = self.overlay.position_flag
        base = QColor("#37474f") if flag else QColor("#1565c0")  # grey, dashed: not to trust
        if error_m:
            r = error_m / tiles.metres_per_pixel(lat, self.zoom)
            ring, fill = QColor(base), QColor(base)
            ring.setAlpha(190)
            fill.setAlpha(45)
            pen = QPen(ring, 2 if flag else 1.5)
            if flag:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(fill)
            p.drawEllipse(_circle(pt.x(), pt.y(), r))
        p.setPen(QPen(QColor("#ffffff"), 3))
        p.setBrush(base)
        p.drawEllipse(_circle(pt.x(), pt.y(), 9))
        if flag:
            self._draw_label(p, QPointF(pt.x() + 14, pt.y() - 14), flag, base)

    def _draw_label(self, p: QPainter, at: QPointF, text: str, colour: QColor) -> None:
        """A short caption on a white plate beside a marker, readable over any basemap."""
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        rect = p.fontMetrics().boundingRect(text).adjusted(-6, -3, 6, 3)
        rect.moveBottomLeft(at.toPoint())
        p.setPen(QPen(colour, 2))
        p.setBrush(QColor(255, 255, 255, 235))
        p.drawRoundedRect(QRectF(rect), 4, 4)
        p.setPen(colour)
        p.drawText(QRectF(rect), Qt.AlignmentFlag.AlignCenter, text)

    def _draw_scale(self, p: QPainter) -> None:
        lat, _ = tiles.to_lat_lon(*self.center)
        mpp = tiles.metres_per_pixel(lat, self.zoom)
        metres = tiles.nice_scale_length(mpp * 140)
        px = metres / mpp
        x, y = 16.0, self.height() - 22.0
        label = (
            self.tr("%1 km").replace("%1", f"{metres / 1000:g}")
            if metres >= 1000
            else self.tr("%1 m").replace("%1", f"{metres:g}")
        )
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(QRectF(x - 6, y - 26, px + 12, 36), QColor(255, 255, 255, 210))
        p.setPen(QPen(QColor("#111111"), 3))
        p.drawLine(QPointF(x, y), QPointF(x + px, y))
        p.drawLine(QPointF(x, y - 7), QPointF(x, y))
        p.drawLine(QPointF(x + px, y - 7), QPointF(x + px, y))
        p.drawText(QRectF(x, y - 26, px, 18), Qt.AlignmentFlag.AlignCenter, label)


def _nearest(drawn: Iterable[tuple[float, float, T]], pos: QPointF) -> T | None:
    """What was drawn nearest ``pos``, within a finger's reach."""
    best, best_d = None, float(HIT_RADIUS_PX)
    for sx, sy, what in drawn:
        d = math.hypot(sx - pos.x(), sy - pos.y())
        if d <= best_d:
            best, best_d = what, d
    return best


def _cluster_diameter(count: int) -> int:
    """Whole pixels, so that the few sizes in use are drawn once each (``MapView._bubble``)."""
    return round(2 * (12 + 2.3 * math.log10(count)))


def _circle(x: float, y: float, r: float) -> QRectF:
    # drawEllipse(QRectF): the (QPointF, rx, ry) overload crashed PySide6 6.12 after many calls
    # ("none_dealloc": a reference count bug), seen in the map benchmark.
    return QRectF(x - r, y - r, 2 * r, 2 * r)
