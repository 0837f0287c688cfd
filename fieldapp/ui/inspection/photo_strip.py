"""The photo strip: add photos from files, a folder / SD card, or by drag and drop; ingest runs in
a worker pool (the form never freezes); thumbnails upright; per photo its distance from the
outfall and its time offset, flagged when implausible; caption; attach to a problem; a larger view
on demand; a clear message for every file that is not an acceptable photo.

The strip does not write: it emits ``photo_ingested`` (the window links the photo to the record
through the lane, then calls ``show_photo``), ``photo_edited`` and ``photo_removed`` (the window
detaches it from the draft, then calls ``drop_photo``; the original stays in the evidence store,
which never changes or deletes a stored photo). Until the record is completed a photo can be
removed, or replaced by another file that takes over its caption and problem.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import clock
from fieldapp.domain.inspection import InspectionPhoto, PositionRecord
from fieldapp.domain.inspection_rules import InspectionSettings
from fieldapp.domain.photo_checks import check_photo, photo_coordinates
from fieldapp.domain.reference import Term
from fieldapp.media.blobstore import BlobStore
from fieldapp.media.ingest import IngestedPhoto
from fieldapp.media.watermark import caption_lines
from fieldapp.ui import formatting as fmt
from fieldapp.ui.images import decode_image
from fieldapp.ui.inspection.photo_view import PhotoViewDialog
from fieldapp.ui.inspection.photo_worker import PhotoWorker, photo_files
from fieldapp.ui.inspection.position_panel import distance_text
from fieldapp.ui.screen_fit import fit_dialog

ICON_SIDE = 96


def _pixmap(jpeg: bytes) -> QPixmap:
    return QPixmap.fromImage(decode_image(jpeg, oriented=False))  # made upright already


class PhotoStrip(QGroupBox):
    photo_ingested = Signal(object, object)  # InspectionPhoto, thumbnail jpeg bytes
    photo_edited = Signal(str, str, object)  # photo id, caption, problem code or None
    use_position = Signal(float, float, object, object)  # lat, lon, alt, taken_at
    photo_removed = Signal(str)  # photo id: detach it from the draft

    def __init__(
        self,
        store: BlobStore,
        settings: InspectionSettings,
        problems: tuple[Term, ...],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Photos"))
        self.setAcceptDrops(True)
        self.settings = settings
        self.lang = lang
        self.inspection_id = ""
        self.outfall_position: tuple[float, float] | None = None
        self.inspection_time: datetime | None = None
        self.inspection_position: PositionRecord | None = None  # watermarks photos without GPS
        self.read_only = False
        self.worker = PhotoWorker(store, self)
        self.worker.ingested.connect(self._on_ingested)
        self.worker.failed.connect(self._on_failed)
        self.worker.thumbnail_ready.connect(self._on_thumbnail)
        self.worker.view_ready.connect(self._on_view)
        self.worker.exported.connect(self._on_exported)
        self.worker.export_failed.connect(self._on_export_failed)
        self.outfall_code = ""
        self.watermark = False  # draw the watermark on shown and exported copies
        self.photos: dict[str, InspectionPhoto] = {}
        self.gps: dict[str, tuple[float, float, float | None, datetime | None]] = {}
        self.errors: list[str] = []
        self.view_dialog: PhotoViewDialog | None = None
        self._replacing: dict[str, str] = {}  # path being ingested -> id of the photo it replaces
        self.confirm_box: QMessageBox | None = None

        self.add_files = QPushButton(self.tr("Add photos…"))
        self.add_files.setObjectName("add_photos")
        self.add_files.clicked.connect(self._choose_files)
        self.add_folder = QPushButton(self.tr("Add folder / SD card…"))
        self.add_folder.setObjectName("add_folder")
        self.add_folder.clicked.connect(self._choose_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_files)
        buttons.addWidget(self.add_folder)

        self.list = QListWidget()
        self.list.setObjectName("photo_list")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(ICON_SIDE, ICON_SIDE))
        self.list.setGridSize(QSize(ICON_SIDE + 40, ICON_SIDE + 62))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda _new, _old: self._selected())
        self.list.itemActivated.connect(lambda _item: self._view_clicked())

        self.status = QLabel(self.tr("Drop photos here, or add them from files or a folder"))
        self.status.setObjectName("photo_status")
        self.status.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("photo_errors")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a00000; font-weight: bold;")
        self.error_label.hide()

        self.caption = QLineEdit()
        self.caption.setObjectName("photo_caption")
        self.caption.setPlaceholderText(self.tr("Caption"))
        self.caption.editingFinished.connect(self._edited)
        self.problem = QComboBox()
        self.problem.setObjectName("photo_problem")
        self.problem.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.problem.setMinimumContentsLength(8)
        self.problem.addItem(self.tr("Not attached to a problem"), None)
        for term in problems:
            self.problem.addItem(term.label(lang), term.code)
        self.problem.currentIndexChanged.connect(lambda _i: self._edited())
        self.detail = QLabel()
        self.detail.setObjectName("photo_detail")
        self.detail.setWordWrap(True)
        self.view_button = QPushButton(self.tr("View larger"))
        self.view_button.setObjectName("photo_view")
        self.view_button.clicked.connect(self._view_clicked)
        self.position_button = QPushButton(self.tr("Use its position"))
        self.position_button.setObjectName("photo_position")
        self.position_button.clicked.connect(self._position_clicked)
        self.remove_button = QPushButton(self.tr("Remove photo"))
        self.remove_button.setObjectName("photo_remove")
        delete = QKeySequence(QKeySequence.StandardKey.Delete)
        self.remove_button.setToolTip(
            self.tr("Take this photo out of the inspection (allowed until it is completed)")
            + f" ({delete.toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        self.remove_button.clicked.connect(self._remove_clicked)
        QShortcut(delete, self.list, self._remove_clicked, Qt.ShortcutContext.WidgetShortcut)
        self.replace_button = QPushButton(self.tr("Replace…"))
        self.replace_button.setObjectName("photo_replace")
        self.replace_button.setToolTip(
            self.tr("Choose another photo to take this one's place, caption and problem")
        )
        self.replace_button.clicked.connect(self._replace_clicked)
        detail = QGridLayout()
        detail.addWidget(self.caption, 0, 0)
        detail.addWidget(self.problem, 0, 1)
        detail.addWidget(self.view_button, 1, 0)
        detail.addWidget(self.position_button, 1, 1)
        detail.addWidget(self.remove_button, 2, 0)
        detail.addWidget(self.replace_button, 2, 1)
        detail.addWidget(self.detail, 3, 0, 1, 2)

        self.list.setMinimumHeight(ICON_SIDE + 48)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error_label)
        layout.addLayout(detail)
        self._selected()

    # -- adding ---------------------------------------------------------------------------------

    def add_paths(self, paths: Iterable[Path]) -> int:
        """Queue photo files (folders searched) for ingest; returns how many were queued."""
        if self.read_only:
            return 0
        files = photo_files(paths)
        for path in files:
            self.worker.ingest(path)
        if files:
            text = self.tr("Adding %1 photo(s)…").replace("%1", str(self.worker.pending))
            self.status.setText(text)
        return len(files)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            "",
            self.tr("Photos (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.heif *.HEIF)"),
        )
        self.add_paths(Path(n) for n in names)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add every photo in a folder"))
        if folder:
            self.add_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()

    def _on_ingested(self, path: str, photo: IngestedPhoto) -> None:
        facts = photo.facts
        gps = facts.gps
        checks = None
        if self.outfall_position is not None and self.inspection_time is not None:
            checks = check_photo(
                photo_lat=gps.lat if gps else None,
                photo_lon=gps.lon if gps else None,
                taken_at=facts.taken_at,
                outfall_lat=self.outfall_position[0],
                outfall_lon=self.outfall_position[1],
                inspection_time=self.inspection_time,
                max_distance_m=self.settings.photo_max_distance_m,
                max_time_offset_s=self.settings.photo_max_time_offset_s,
            )
        record = InspectionPhoto(
            id=str(uuid.uuid4()),
            inspection_id=self.inspection_id,
            sha256=photo.sha256,
            source_name=Path(path).name,
            width=photo.width,
            height=photo.height,
            taken_at=facts.taken_at.isoformat() if facts.taken_at else None,
            lat=gps.lat if gps else None,
            lon=gps.lon if gps else None,
            distance_m=checks.distance_m if checks else None,
            time_offset_s=checks.time_offset_s if checks else None,
            far_from_outfall=bool(checks and checks.far_from_outfall),
            time_implausible=bool(checks and checks.time_implausible),
            added_at=clock.now_iso(),
        )
        replaced = self._replacing.pop(path, None)
        old = self.photos.get(replaced) if replaced else None
        if old is not None:  # the new photo takes over what the inspector wrote on the old one
            record = dataclasses.replace(record, caption=old.caption, problem_code=old.problem_code)
        if gps:
            self.gps[photo.sha256] = (gps.lat, gps.lon, gps.alt_m, facts.taken_at)
        self.photo_ingested.emit(record, photo.thumbnail.jpeg)
        if old is not None:
            self.photo_removed.emit(old.id)
        self._update_status()

    def _on_failed(self, path: str, message_en: str, message_zh: str) -> None:
        self._replacing.pop(path, None)  # the photo it was to replace stays
        self.errors.append(message_zh if self.lang.startswith("zh") else message_en)
        self.error_label.setText("\n".join(self.errors[-2:]))
        self.error_label.show()
        self._update_status()

    def _update_status(self) -> None:
        if self.worker.pending > 1:
            text = self.tr("Adding %1 photo(s)…").replace("%1", str(self.worker.pending - 1))
        else:
            text = self.tr("%1 photo(s)").replace("%1", str(len(self.photos)))
        self.status.setText(text)

    # -- showing ---------------------------------------------------------------------------------

    def show_photo(self, photo: InspectionPhoto, jpeg: bytes | None) -> None:
        """Show a photo linked to the record (after the lane saved it, or when reopening)."""
        existing = self._item(photo.id)
        self.photos[photo.id] = photo
        item = existing or QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, photo.id)
        item.setText(self._item_text(photo))
        item.setToolTip(self._describe(photo))
        if photo.flagged:
            item.setBackground(QBrush(QColor("#ffd6d6")))
        if jpeg:
            item.setIcon(QIcon(_pixmap(jpeg)))
        elif existing is None:
            self.worker.thumbnail(photo.sha256)
        if existing is None:
            self.list.addItem(item)
        self._update_status()

    def _item(self, photo_id: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == photo_id:
                return item
        return None

    def _on_thumbnail(self, sha256: str, jpeg: bytes) -> None:
        for photo in self.photos.values():
            if photo.sha256 == sha256:
                item = self._item(photo.id)
                if item is not None:
                    item.setIcon(QIcon(_pixmap(jpeg)))

    def _item_text(self, photo: InspectionPhoto) -> str:
        parts = []
        if photo.distance_m is not None:
            parts.append(distance_text(photo.distance_m))
        if photo.time_offset_s is not None:
            parts.append(self._offset_text(photo.time_offset_s))
        flag = "⚠ " if photo.flagged else ""
        return flag + (" · ".join(parts) or photo.source_name)

    def _offset_text(self, seconds: float) -> str:
        return ("−" if seconds < 0 else "+") + fmt.duration(seconds)

    def _describe(self, photo: InspectionPhoto) -> str:
        lines = [photo.source_name]
        if photo.distance_m is None:
            lines.append(self.tr("No position in the photo"))
        else:
            text = self.tr("%1 from the outfall").replace("%1", distance_text(photo.distance_m))
            lines.append(text)
        if photo.time_offset_s is None:
            lines.append(self.tr("No time in the photo"))
        else:
            text = self.tr("Taken %1 from the inspection time")
            lines.append(text.replace("%1", self._offset_text(photo.time_offset_s)))
        if photo.far_from_outfall:
            lines.append("⚠ " + self.tr("Taken far from the outfall"))
        if photo.time_implausible:
            lines.append("⚠ " + self.tr("Taken long before or after the inspection"))
        return "\n".join(lines)

    def _warnings(self, photo: InspectionPhoto) -> str:
        """One short line under the strip: the name and its flags (the rest is on the item)."""
        flags = []
        if photo.far_from_outfall:
            flags.append("⚠ " + self.tr("Taken far from the outfall"))
        if photo.time_implausible:
            flags.append("⚠ " + self.tr("Taken long before or after the inspection"))
        if photo.distance_m is None:
            flags.append(self.tr("No position in the photo"))
        return " · ".join([photo.source_name, *flags])

    def current(self) -> InspectionPhoto | None:
        item = self.list.currentItem()
        return None if item is None else self.photos.get(item.data(Qt.ItemDataRole.UserRole))

    def _selected(self) -> None:
        photo = self.current()
        enabled = photo is not None
        for w in (self.caption, self.problem, self.view_button):
            w.setEnabled(enabled and (w is self.view_button or not self.read_only))
        for w in (self.remove_button, self.replace_button):
            w.setEnabled(enabled and not self.read_only)
        self.position_button.setEnabled(
            enabled and not self.read_only and photo is not None and photo.lat is not None
        )
        self.caption.blockSignals(True)
        self.problem.blockSignals(True)
        self.caption.setText(photo.caption if photo else "")
        index = self.problem.findData(photo.problem_code) if photo and photo.problem_code else 0
        self.problem.setCurrentIndex(max(index, 0))
        self.caption.blockSignals(False)
        self.problem.blockSignals(False)
        self.detail.setText(self._warnings(photo) if photo else "")

    def _edited(self) -> None:
        photo = self.current()
        if photo is None or self.read_only:
            return
        caption = self.caption.text().strip()
        problem = self.problem.currentData()
        if caption != photo.caption or problem != photo.problem_code:
            self.photos[photo.id] = dataclasses.replace(
                photo, caption=caption, problem_code=problem
            )
            self.photo_edited.emit(photo.id, caption, problem)

    def _position_clicked(self) -> None:
        photo = self.current()
        if photo is not None and photo.lat is not None and photo.lon is not None:
            taken = datetime.fromisoformat(photo.taken_at) if photo.taken_at else None
            self.use_position.emit(photo.lat, photo.lon, None, taken)

    # -- removing and replacing ------------------------------------------------------------------

    def _remove_clicked(self) -> None:
        photo = self.current()
        if photo is None or self.read_only:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove photo"),
            self.tr("Remove %1 from this inspection? The file itself is kept.").replace(
                "%1", photo.source_name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirm_remove_photo")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Remove"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self.photo_removed.emit(photo.id))
        self.confirm_box = box
        box.open()

    def _replace_clicked(self) -> None:
        photo = self.current()
        if photo is None or self.read_only:
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Replace photo"),
            "",
            self.tr("Photos (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.heif *.HEIF)"),
        )
        if name:
            self.replace(photo.id, Path(name))

    def replace(self, photo_id: str, path: Path) -> None:
        """Ingest ``path``; once it is in, it takes the place of photo ``photo_id``."""
        if self.read_only or photo_id not in self.photos:
            return
        self._replacing[str(path)] = photo_id
        self.worker.ingest(path)
        self.status.setText(self.tr("Replacing the photo…"))

    def drop_photo(self, photo_id: str) -> None:
        """Take a photo off the strip (the window detached it from the record)."""
        item = self._item(photo_id)
        if item is not None:
            self.list.takeItem(self.list.row(item))
        self.photos.pop(photo_id, None)
        self._selected()
        self._update_status()

    def select_photo(self, photo_id: str) -> bool:
        item = self._item(photo_id)
        if item is not None:
            self.list.setCurrentItem(item)
        return item is not None

    # -- larger view ---------------------------------------------------------------------------

    def _view_clicked(self) -> None:
        photo = self.current()
        if photo is None:
            return
        if self.view_dialog is not None:
            self.view_dialog.close()
        dialog = PhotoViewDialog(photo, self.outfall_code, self.watermark, self)
        dialog.render_requested.connect(lambda on: self._render_view(dialog, on))
        dialog.export_requested.connect(lambda name, on: self.export_copy(photo, Path(name), on))
        fit_dialog(dialog, 1200, 700)
        self.view_dialog = dialog
        dialog.show()
        self._render_view(dialog, self.watermark)

    def _render_view(self, dialog: PhotoViewDialog, watermark: bool) -> None:
        self.watermark = watermark
        lines = self.watermark_lines(dialog.photo) if watermark else None
        self.worker.view(dialog.photo.sha256, lines)

    def watermark_lines(self, photo: InspectionPhoto) -> list[str]:
        """Outfall code, the photo's EXIF time and position, or without one the inspection's
        position, and whose position it is (what the watermark shows)."""
        taken = photo.taken_at.replace("T", " ") if photo.taken_at else None
        where = photo_coordinates(photo.lat, photo.lon, self.inspection_position)
        return caption_lines(self.outfall_code, taken, where, self.lang)

    def export_copy(self, photo: InspectionPhoto, destination: Path, watermark: bool) -> None:
        """Write a copy of ``photo`` to ``destination`` (watermarked or byte-for-byte)."""
        lines = self.watermark_lines(photo) if watermark else None
        self.worker.export(photo.sha256, destination, lines)

    def _on_view(self, sha256: str, jpeg: bytes) -> None:
        dialog = self.view_dialog
        if dialog is not None and dialog.photo.sha256 == sha256:
            dialog.show_image(jpeg)

    def _on_exported(self, destination: str) -> None:
        text = self.tr("Exported a copy to %1").replace("%1", destination)
        self.status.setText(text)
        if self.view_dialog is not None:
            self.view_dialog.say(text)

    def _on_export_failed(self, destination: str, reason: str) -> None:
        text = self.tr("Could not export to %1: %2").replace("%1", destination)
        text = text.replace("%2", reason)
        self.errors.append(text)
        self.error_label.setText(text)
        self.error_label.show()
        if self.view_dialog is not None:
            self.view_dialog.say(text)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.setAcceptDrops(not read_only)
        self.add_files.setEnabled(not read_only)
        self.add_folder.setEnabled(not read_only)
        self._selected()
