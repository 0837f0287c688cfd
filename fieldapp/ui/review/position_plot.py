"""A small plot of where the inspection was made against the registered outfall, with the
distance, the position's accuracy circle and a scale bar (local metres, north up)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

import geodesy
from fieldapp.ui import formatting as fmt

NICE = (5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000)


class PositionPlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(260, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.outfall: tuple[float, float] | None = None
        self.here: tuple[float, float] | None = None
        self.accuracy_m: float | None = None
        self.distance_m: float | None = None

    def show_positions(
        self,
        outfall: tuple[float, float] | None,
        here: tuple[float, float] | None,
        accuracy_m: float | None,
        distance_m: float | None,
    ) -> None:
        self.outfall, self.here, self.accuracy_m, self.distance_m = (
            outfall, here, accuracy_m, distance_m,
        )  # fmt: skip
        self.update()

    def _offset_m(self) -> tuple[float, float] | None:
        if self.outfall is None or self.here is None:
            return None
        lat0, lon0 = self.outfall
        kx, ky = geodesy.metres_per_degree(lat0)
        dx = (self.here[1] - lon0) * kx
        dy = (self.here[0] - lat0) * ky
        return dx, dy

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#f4f7f4"))
        w, h = self.width(), self.height()
        centre = QPointF(w / 2, h / 2)
        offset = self._offset_m()
        span = max(abs(offset[0]), abs(offset[1]), self.accuracy_m or 0, 10) if offset else 50
        scale = (min(w, h) / 2 - 24) / span  # pixels per metre
        p.setPen(QPen(QColor("#c8d2c8"), 1))
        for r in (0.33, 0.66, 1.0):
            p.drawEllipse(centre, r * span * scale, r * span * scale)
        # the registered outfall
        p.setPen(QPen(QColor("#1b5e20"), 2))
        p.setBrush(QColor("#2e7d32"))
        if self.outfall is not None:
            p.drawRect(QRectF(centre.x() - 7, centre.y() - 7, 14, 14))
            p.drawText(QRectF(centre.x() + 10, centre.y() - 22, 160, 20), self.tr("Outfall"))
        if offset is None and self.here is not None:
            # the outfall has no registered position: show the capture alone, at the centre
            offset = (0.0, 0.0)
            p.setPen(QColor("#e65100"))
            p.drawText(QRectF(8, 28, w - 16, 22), self.tr("The outfall has no registered position"))
        if offset is not None:
            here = QPointF(centre.x() + offset[0] * scale, centre.y() - offset[1] * scale)
            if self.accuracy_m:
                p.setPen(QPen(QColor("#1565c0"), 1, Qt.PenStyle.DashLine))
                p.setBrush(QColor(21, 101, 192, 40))
                p.drawEllipse(here, self.accuracy_m * scale, self.accuracy_m * scale)
            p.setPen(QPen(QColor("#b71c1c"), 2, Qt.PenStyle.DashLine))
            p.drawLine(centre, here)
            p.setPen(QPen(QColor("#0d47a1"), 2))
            p.setBrush(QColor("#1976d2"))
            p.drawEllipse(here, 7, 7)
            p.drawText(QRectF(here.x() + 10, here.y() + 4, 160, 20), self.tr("Recorded here"))
        p.setPen(QColor("#212121"))
        if self.distance_m is not None:
            text = self.tr("Distance: %1").replace("%1", fmt.distance(self.distance_m))
        elif self.here is None:
            text = self.tr("No position to compare")
        else:
            text = ""
        p.drawText(QRectF(8, 6, w - 16, 22), text)
        # scale bar
        bar_m = next((n for n in NICE if n * scale >= 40), NICE[-1])
        x0, y0 = 12.0, h - 14.0
        p.drawLine(QPointF(x0, y0), QPointF(x0 + bar_m * scale, y0))
        p.drawText(QRectF(x0, y0 - 20, 120, 18), fmt.distance(bar_m))
        p.drawText(QRectF(w - 24, 6, 20, 20), self.tr("N", "north, on the plot's compass"))
        p.end()
