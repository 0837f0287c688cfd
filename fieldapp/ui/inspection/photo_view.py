"""The larger view of one photo, with the optional watermark (outfall code, time, coordinates)
and "Export copy…". Both only ever make copies: the original evidence bytes are never changed.

The dialog does no decoding or file I/O itself: it asks the photo strip (whose worker pool renders
and writes off the GUI thread) through ``render_requested`` and ``export_requested``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.inspection import InspectionPhoto
from fieldapp.ui.images import decode_image

BUTTON_HEIGHT = 44


class PhotoViewDialog(QDialog):
    """One photo, larger; the watermark drawn on the shown copy when ticked."""

    render_requested = Signal(bool)  # watermark on?
    export_requested = Signal(str, bool)  # destination file, watermark on?

    def __init__(
        self, photo: InspectionPhoto, outfall_code: str, watermark: bool, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photo_view_dialog")
        self.photo = photo
        self.outfall_code = outfall_code
        self.setWindowTitle(self.tr("Photo %1").replace("%1", photo.source_name))
        self.image = QLabel(self.tr("Loading…"))
        self.image.setObjectName("photo_view_image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.watermark = QCheckBox(self.tr("Watermark: outfall code, time, coordinates"))
        self.watermark.setObjectName("photo_watermark")
        self.watermark.setToolTip(
            self.tr("Drawn on the copy shown or exported; the original photo is never changed")
        )
        self.watermark.setChecked(watermark)
        self.watermark.toggled.connect(lambda _on: self.render_requested.emit(self.watermarked))
        self.export_button = QPushButton(self.tr("Export copy…"))
        self.export_button.setObjectName("photo_export")
        self.export_button.clicked.connect(self._export_clicked)
        self.message = QLabel()
        self.message.setObjectName("photo_view_message")
        self.message.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for button in (self.export_button, close):
            button.setMinimumHeight(BUTTON_HEIGHT)
        self.watermark.setMinimumHeight(BUTTON_HEIGHT)
        row = QHBoxLayout()
        row.addWidget(self.watermark)
        row.addWidget(self.message, 1)
        row.addWidget(self.export_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)

    @property
    def watermarked(self) -> bool:
        return self.watermark.isChecked()

    def show_image(self, jpeg: bytes) -> None:
        self.image.setPixmap(QPixmap.fromImage(decode_image(jpeg, oriented=False)))

    def say(self, text: str) -> None:
        self.message.setText(text)

    def suggested_name(self) -> str:
        stem = Path(self.photo.source_name).stem or self.photo.sha256[:12]
        code = "".join(c if c.isalnum() or c in "-_" else "_" for c in self.outfall_code)
        suffix = "_watermark.jpg" if self.watermarked else Path(self.photo.source_name).suffix
        return f"{code}_{stem}{suffix or '.jpg'}"

    def _export_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export a copy of the photo"), self.suggested_name()
        )
        if name:
            self.export_requested.emit(name, self.watermarked)
