"""A photo at full size: zoom (wheel, buttons), pan (drag), previous/next, and its EXIF facts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui import formatting as fmt
from sync.review_protocol import DeskPhoto

TOUCH = 44  # px: buttons large enough for a finger


class ZoomView(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.zoom = 1.0
        self.fitted = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    def show_image(self, image: QImage) -> None:
        self.item.setPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(self.item.boundingRect())
        self.fit()

    def fit(self) -> None:
        self.resetTransform()
        if not self.item.pixmap().isNull():
            self.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom = self.transform().m11()
        self.fitted = True

    def zoom_by(self, factor: float) -> None:
        self.fitted = False
        self.scale(factor, factor)
        self.zoom = self.transform().m11()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom_by(1.25 if event.angleDelta().y() > 0 else 0.8)


class PhotoViewer(QWidget):
    """Shows one photo of a record; asks for others through ``wanted`` (index)."""

    wanted = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photos: list[DeskPhoto] = []
        self.index = -1
        self.view = ZoomView()
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.zoom_in = QPushButton("+")
        self.zoom_out = QPushButton("−")
        self.fit_button = QPushButton(self.tr("Fit"))
        self.zoom_in.setToolTip(self.tr("Zoom in"))
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.position = QLabel()
        for b in (self.prev_button, self.next_button, self.zoom_in, self.zoom_out, self.fit_button):
            b.setMinimumHeight(TOUCH)
        for b in (self.zoom_in, self.zoom_out, self.fit_button):  # small, so the desk fits 1366 px
            b.setStyleSheet(f"min-width: {TOUCH}px; padding: 0 8px;")
        self.prev_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.zoom_in.clicked.connect(lambda: self.view.zoom_by(1.25))
        self.zoom_out.clicked.connect(lambda: self.view.zoom_by(0.8))
        self.fit_button.clicked.connect(self.view.fit)
        bar = QHBoxLayout()
        for w in (self.prev_button, self.position, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.zoom_out, self.zoom_in, self.fit_button):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.facts)
        self._update_buttons()

    def set_photos(self, photos: list[DeskPhoto]) -> None:
        self.photos = photos
        self.index = -1
        self.view.item.setPixmap(QPixmap())
        self.facts.setText(self.tr("No photos") if not photos else "")
        if photos:
            self.go(0)
        self._update_buttons()

    def go(self, index: int) -> None:
        if not 0 <= index < len(self.photos):
            return
        self.index = index
        photo = self.photos[index]
        self.facts.setText(self.describe(photo))
        if not photo.arrived:
            self.view.item.setPixmap(QPixmap())
        self._update_buttons()
        self.wanted.emit(index)

    def show_image(self, index: int, image: QImage) -> None:
        if index == self.index:
            self.view.show_image(image)

    def describe(self, p: DeskPhoto) -> str:
        parts = [
            self.tr("Taken: %1").replace(
                "%1", fmt.local_time(p.taken_at, empty=self.tr("unknown"))
            ),
            self.tr("Place: %1").replace(
                "%1",
                f"{p.lat:.6f}, {p.lon:.6f}"
                if p.lat is not None and p.lon is not None
                else self.tr("no GPS in the photo"),
            ),
        ]
        if p.distance_m is not None:
            parts.append(self.tr("%1 from the outfall").replace("%1", fmt.distance(p.distance_m)))
        if p.time_offset_s is not None:
            parts.append(self.tr("%1 from the record's time").replace(
                "%1", ("−" if p.time_offset_s < 0 else "+") + fmt.duration(p.time_offset_s)))  # fmt: skip
        if p.width and p.height:
            parts.append(f"{p.width}×{p.height}")
        if p.far_from_outfall or p.time_implausible:
            parts.append(self.tr("⚠ inconsistent with the record"))
        if not p.arrived:
            parts.append(self.tr("⚠ not arrived on the server yet"))
        if p.caption:
            parts.append(p.caption)
        return " · ".join(parts)

    def _update_buttons(self) -> None:
        n = len(self.photos)
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(0 <= self.index < n - 1)
        self.position.setText(f"{self.index + 1} / {n}" if n else "")
