"""A small offline map for the desk (the app's ``MapView`` on its plain grid or basemap): a few
coloured points (the ledger row, the proposal, outfalls nearby) or a patrol's track with its
problems, framed to fit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from fieldapp.domain import tiles
from fieldapp.ui.map.view import MapView, Overlay

# current ledger row, proposed, nearby outfall, problem, overdue problem
COLOURS = [QColor("#1565c0"), QColor("#e65100"), QColor("#757575"), QColor("#6a1b9a"),
           QColor("#b71c1c")]  # fmt: skip
CURRENT, PROPOSED, NEARBY, PROBLEM, OVERDUE = range(5)


class DeskMap(MapView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 180)
        self.shown: list[tuple[float, float, int]] = []

    def show_places(
        self,
        points: Sequence[tuple[float, float, int]],
        tracks: Sequence[Sequence[tuple[float, float]]] = (),
    ) -> None:
        """Points (lat, lon, colour index) and tracks; framed so that all of them show."""
        self.shown = list(points)
        self.set_points([p[0] for p in points], [p[1] for p in points],
                        bytes(p[2] for p in points), COLOURS)  # fmt: skip
        self.set_overlay(Overlay(tracks=tuple(tuple(t) for t in tracks)))
        every = [(p[0], p[1]) for p in points] + [q for t in tracks for q in t]
        if not every:
            return
        xs = [tiles.world_x(lon) for _, lon in every]
        ys = [tiles.world_y(lat) for lat, _ in every]
        x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
        zoom = tiles.fit_zoom(x0, y0, x1, y1, max(self.width(), 320), max(self.height(), 180))
        lat, lon = tiles.to_lat_lon((x0 + x1) / 2, (y0 + y1) / 2)
        self.center_on(lat, lon, min(17.0, zoom - 0.4))
