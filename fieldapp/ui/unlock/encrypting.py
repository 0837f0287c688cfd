"""The one-time encryption of a plain profile, with its progress on screen.

A profile made before encryption at rest (a large ledger, thousands of photos) is encrypted the
first time it is unlocked: minutes on a low-end laptop. The work runs on a worker thread (it
touches no Qt) while this window says what is being done and how far it is; the event loop keeps
running, so the window paints and the OS does not call the app frozen. It has no Cancel button:
stopping half-way is safe (the next start finishes it) but would only make the user wait twice.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from fieldapp import protection

TOUCH = 48
SHOW_AFTER_S = 0.4  # quick work (a small profile) finishes without a window flashing by
LOOK_EVERY_MS = 50


class EncryptingDialog(QDialog):
    """What the one-time encryption is doing: a sentence and a bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Encrypting this laptop's data"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The ledger, records and photos on this laptop are being encrypted. This happens "
                "once. If the laptop is switched off, it continues at the next start; nothing is "
                "lost."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.what = QLabel()
        self.what.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.what)
        self.bar = QProgressBar()
        self.bar.setMinimumHeight(TOUCH)
        layout.addWidget(self.bar)
        self.show_step(protection.Step("database", 0, 0))

    def show_step(self, step: protection.Step) -> None:
        if step.part == "database":
            self.what.setText(self.tr("Encrypting the database…"))
        elif step.part == "checking":
            self.what.setText(self.tr("Checking the encrypted database…"))
        else:
            self.what.setText(
                self.tr("Encrypting photos: %1 of %2")
                .replace("%1", str(step.done))
                .replace("%2", str(step.total))
            )
        if step.total <= 0:
            self.bar.setRange(0, 0)  # busy, no measure
            return
        self.bar.setRange(0, 1000)
        self.bar.setValue(min(1000, step.done * 1000 // step.total))

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()  # it ends when the work ends


def encrypt_with_progress(profile: Path | str, parent: QWidget | None = None) -> int:
    """Encrypt what the unlocked ``profile`` still holds in the clear, showing how far it is when
    it takes more than a moment; raises what the work raised (a ``StoreError`` explains itself).
    Returns how many progress steps the window showed (0: it finished before it was needed)."""
    profile = Path(profile)
    if not protection.needs_encrypting(profile):
        return 0
    latest: list[protection.Step] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            protection.encrypt_what_is_plain(profile, latest.append)
        except BaseException as exc:  # handed to the GUI thread, raised there
            failure.append(exc)

    worker = threading.Thread(target=work, name="encrypt-profile", daemon=True)
    dialog: EncryptingDialog | None = None
    shown = 0
    started = time.monotonic()
    loop = QEventLoop()

    def look() -> None:
        nonlocal dialog, shown
        if not worker.is_alive():
            loop.quit()
            return
        if dialog is None and time.monotonic() - started >= SHOW_AFTER_S:
            dialog = EncryptingDialog(parent)
            dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            dialog.show()
        if dialog is not None and latest:
            dialog.show_step(latest[-1])
            del latest[:-1]  # only the newest matters; the list stays short
            shown += 1

    timer = QTimer()
    timer.setInterval(LOOK_EVERY_MS)
    timer.timeout.connect(look)
    worker.start()
    timer.start()
    loop.exec()
    timer.stop()
    worker.join()
    if dialog is not None:
        dialog.hide()
        dialog.deleteLater()
    if failure:
        raise failure[0]
    return shown
