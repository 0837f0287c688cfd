"""Backing up the whole profile from the app (档案备份): a folder on a USB drive, chosen by the user;
the work runs on a lane of its own (a backup with many photos takes a while and must not hold the
database's lane). ``fieldapp.profile_backup`` does the work and says what went wrong."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from fieldapp import profile_backup
from fieldapp.domain.errors import Explained
from fieldapp.ui.lane import BackgroundLane
from fieldapp.vault import keys

ChooseFolder = Callable[[QWidget, str], str]
AskPassphrase = Callable[[QWidget, str], str | None]


def _choose_folder(parent: QWidget, title: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title)


def _ask_passphrase(parent: QWidget, text: str) -> str | None:
    value, ok = QInputDialog.getText(parent, "Hekou", text, QLineEdit.EchoMode.Password)
    return value if ok else None


class ProfileBackupTool(QObject):
    """Asks where, asks for the backup's passphrase when the key cannot travel, backs up."""

    finished = Signal(str)  # the message shown to the user

    def __init__(
        self,
        profile: Path,
        lang: str,
        parent: QWidget,
        choose_folder: ChooseFolder = _choose_folder,
        ask_passphrase: AskPassphrase = _ask_passphrase,
    ) -> None:
        super().__init__(parent)
        self.profile = Path(profile)
        self.lang = lang
        self.window = parent
        self.choose_folder = choose_folder
        self.ask_passphrase = ask_passphrase
        self.lane: BackgroundLane | None = None

    def start(self) -> None:
        folder = self.choose_folder(self.window, self.tr("Back up this profile to (a USB drive)"))
        if not folder:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = Path(folder) / f"hekou-profile-{stamp}"
        phrase: str | None = None
        if keys.is_protected(self.profile) and not _has_passphrase(self.profile):
            phrase = self.ask_passphrase(
                self.window,
                self.tr(
                    "This laptop keeps the profile's key in its key store, which cannot travel. "
                    "Choose a passphrase for the backup (at least 8 characters); you will need it "
                    "to restore."
                ),
            )
            if phrase is None:
                return
        self.lane = BackgroundLane(self)  # a thread for this backup, ended when it is done
        self.lane.submit(
            lambda: profile_backup.backup(self.profile, dest, phrase),
            lambda summary: self._done(dest, summary),
            self._failed,
        )

    def _done(self, dest: Path, summary: profile_backup.Summary) -> None:
        self._end_lane()
        text = (
            self.tr("The profile was backed up to %1 and checked: %2 photos; %3.")
            .replace("%1", str(dest))
            .replace("%2", str(summary.photos))
            .replace("%3", self.tr("encrypted") if summary.encrypted else self.tr("not encrypted"))
        )
        self._say(QMessageBox.Icon.Information, text)

    def _failed(self, error: Exception) -> None:
        self._end_lane()
        if not isinstance(error, Explained):
            raise error
        self._say(QMessageBox.Icon.Warning, error.message(self.lang))

    def _end_lane(self) -> None:
        # Its thread ends with the backup: a QThread destroyed while running aborts the app.
        if self.lane is not None:
            self.lane.shutdown()
            self.lane = None

    def _say(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, "Hekou", text, parent=self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)  # the window goes on meanwhile
        box.show()
        self.message_box = box
        self.finished.emit(text)


def _has_passphrase(profile: Path) -> bool:
    return keys.KeyFile.load(keys.key_file(profile)).passphrase is not None
