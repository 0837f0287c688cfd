"""Photos on the desk: a picker of photo files (a new complaint's: each file read and checked off
the GUI thread, a file that is not an acceptable photo refused with the reason, in the user's
language, and nothing else lost) and a strip of photos the server holds (a complaint's, a lead's:
fetched on the desk's lanes, thumbnails decoded off the GUI thread, a double-click shows one
large)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.errors import Explained
from fieldapp.media.blobstore import sha256_hex
from fieldapp.media.ingest import inspect_bytes, read_photo_file
from fieldapp.media.thumbnails import larger_view, thumbnail
from fieldapp.ui.photo_viewer import ZoomView
from fieldapp.ui.workers import WorkerPool
from sync.client.errors import message
from sync.client.review import DeskError

TOUCH = 44
ICON = 96
STRIP_ICON = 64
RED = "#b00020"


@dataclass(frozen=True)
class CheckedPhoto:
    """A photo file read and checked: its bytes go to the server as they are."""

    name: str
    data: bytes
    sha256: str
    thumbnail: bytes  # JPEG, upright


def check_photo_file(path: Path) -> CheckedPhoto:
    """Read a photo file and check it decodes as a photo we accept (the same checks as a photo
    taken on a laptop: not an image, damaged, a decompression bomb). Raises ``PhotoError``."""
    data = read_photo_file(path)
    _facts, thumb, _w, _h, _fmt = inspect_bytes(data, path.name)
    return CheckedPhoto(path.name, data, sha256_hex(data), thumb.jpeg)


def _icon(jpeg: bytes) -> QIcon:
    return QIcon(QPixmap.fromImage(QImage.fromData(jpeg)))


def _photo_list(icon: int = ICON) -> QListWidget:
    shown = QListWidget()
    shown.setViewMode(QListView.ViewMode.IconMode)
    shown.setIconSize(QSize(icon, icon))
    shown.setMovement(QListView.Movement.Static)
    shown.setResizeMode(QListView.ResizeMode.Adjust)
    shown.setWrapping(False)
    shown.setFlow(QListView.Flow.LeftToRight)
    shown.setFixedHeight(icon + 48)
    return shown


class PhotoPicker(QWidget):
    """Photo files chosen to go with something (a new complaint: the complainant's photos, sent
    by phone or online); ``caption`` titles the file chooser."""

    changed = Signal()

    def __init__(self, lang: str, caption: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoPicker")
        self.lang = lang
        self.caption = caption or self.tr("Choose photos")
        self.photos: list[CheckedPhoto] = []
        self.checking = 0
        self.pool = WorkerPool(self)
        self.list = _photo_list()
        self.list.setObjectName("pickedPhotos")
        self.add_button = QPushButton(self.tr("Add photos…"))
        self.remove_button = QPushButton(self.tr("Remove photo"))
        for b in (self.add_button, self.remove_button):
            b.setMinimumHeight(TOUCH)
        self.add_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.itemSelectionChanged.connect(self._update)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {RED}; font-weight: bold;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        self._update()

    def _choose(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.caption, "",
            self.tr("Photos (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.heif)"),
        )  # fmt: skip
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Check each file in the background; each is added, or refused with its reason."""
        self.problem.clear()
        for path in paths:
            self.checking += 1
            self.pool.submit(partial(check_photo_file, path), self._checked,
                             self._refused_by(path.name))  # fmt: skip
        self._update()

    def _checked(self, photo: CheckedPhoto) -> None:
        self.checking -= 1
        if any(p.sha256 == photo.sha256 for p in self.photos):
            self._say(self.tr("%1 is already added.").replace("%1", photo.name))
        else:
            self.photos.append(photo)
            item = QListWidgetItem(_icon(photo.thumbnail), photo.name)
            item.setToolTip(photo.name)
            self.list.addItem(item)
        self._update()
        self.changed.emit()

    def _refused_by(self, name: str) -> Callable[[Exception], None]:
        def refused(error: Exception) -> None:
            self.checking -= 1
            if not isinstance(error, Explained):
                raise error
            self._say(self.tr("%1 was not added: %2").replace("%1", name)
                      .replace("%2", error.message(self.lang)))  # fmt: skip
            self._update()
            self.changed.emit()

        return refused

    def _say(self, text: str) -> None:
        shown = self.problem.text()
        self.problem.setText(f"{shown}\n{text}" if shown else text)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.photos):
            self.list.takeItem(row)
            del self.photos[row]
            self._update()
            self.changed.emit()

    def _update(self) -> None:
        self.remove_button.setEnabled(self.list.currentRow() >= 0)

    def close_pool(self) -> None:
        self.pool.close()


Fetch = Callable[[Any, str, str], bytes]  # (desk client, owner id, sha256) -> the photo's bytes


class ServerPhotoStrip(QWidget):
    """The photos of the chosen owner (a complaint, a lead), fetched from the server on the
    lanes with ``fetch`` and shown small; a double-click shows one large."""

    def __init__(self, lanes: Any, lang: str, fetch: Fetch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverPhotoStrip")
        self.lanes, self.lang, self.fetch = lanes, lang, fetch
        self.pool = WorkerPool(self)
        self.list = _photo_list(STRIP_ICON)  # small: the owner's facts above keep the room
        self.list.itemDoubleClicked.connect(self._open)
        self.data: dict[str, bytes] = {}
        self.shas: list[str] = []
        self.owner_id: str | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.viewer: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.status)
        self.show_photos(None, [])

    def show_photos(self, owner_id: str | None, shas: list[str]) -> None:
        """The photos ``shas`` of the owner ``owner_id``."""
        if owner_id == self.owner_id and shas == self.shas:
            return
        self.owner_id, self.shas = owner_id, list(shas)
        self.list.clear()
        self.setVisible(bool(shas))
        self.status.setText(self.tr("Fetching the photos…") if shas else "")
        for sha in shas:
            self.lanes.run(
                lambda c, cid=owner_id, s=sha: self.fetch(c, cid or "", s),
                lambda data, cid=owner_id, s=sha: self._fetched(cid, s, data),
                self._failed,
            )

    def _fetched(self, owner_id: str | None, sha: str, data: bytes) -> None:
        if owner_id != self.owner_id:
            return  # another owner was chosen meanwhile
        self.data[sha] = data
        self.pool.submit(lambda: thumbnail(data).jpeg,
                         lambda jpeg: self._thumb(owner_id, sha, jpeg), self._failed)  # fmt: skip

    def _thumb(self, owner_id: str | None, sha: str, jpeg: bytes) -> None:
        if owner_id != self.owner_id:
            return
        item = QListWidgetItem(_icon(jpeg), "")
        item.setData(Qt.ItemDataRole.UserRole, sha)
        item.setToolTip(self.tr("Double-click to see it large"))
        self.list.addItem(item)
        if self.list.count() == len(self.shas):
            self.status.setText(self.tr("Double-click a photo to see it large."))

    def _failed(self, error: Exception) -> None:
        if isinstance(error, Explained):
            why = error.message(self.lang)
        elif isinstance(error, DeskError):
            why = message(error.code, self.lang)
        else:
            raise error
        self.status.setText(self.tr("A photo could not be shown: %1").replace("%1", why))

    def _open(self, item: QListWidgetItem) -> None:
        sha = item.data(Qt.ItemDataRole.UserRole)
        data = self.data.get(sha)
        if data is None:
            return
        dialog = QDialog(self)
        dialog.setObjectName("serverPhotoLarge")
        dialog.setWindowTitle(self.tr("Photo"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view = ZoomView(dialog)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        close = QPushButton(self.tr("Close"))
        close.setMinimumHeight(TOUCH)
        close.clicked.connect(dialog.accept)
        layout.addWidget(close)
        dialog.resize(900, 650)
        self.viewer = dialog
        pool = WorkerPool(dialog)  # goes with the dialog: a closed one is never called back
        pool.submit(lambda: larger_view(data).jpeg,
                    lambda jpeg: view.show_image(QImage.fromData(jpeg)), self._failed)  # fmt: skip
        dialog.open()
