"""The inspection window: the form, the position panel and the photo strip side by side (fits
1366×768), drafts autosaved through the lane as you type, and "Complete" that validates everything,
shows every problem at once, then freezes the record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from fieldapp.domain.errors import Explained
from fieldapp.domain.inspection import Inspection, InspectionPhoto, PositionRecord, RecordFrozen
from fieldapp.domain.outfall import Outfall
from fieldapp.domain.problems import InvalidRecord
from fieldapp.store import inspections
from fieldapp.store.returns import ReturnedRecord
from fieldapp.ui import formatting as fmt
from fieldapp.ui.inspection.form import InspectionForm
from fieldapp.ui.inspection.photo_strip import PhotoStrip
from fieldapp.ui.inspection.position_panel import PositionFeed, PositionPanel
from fieldapp.ui.inspection.returned_banner import ReturnedBanner

if TYPE_CHECKING:
    from fieldapp.ui.inspection.entry import InspectionServices


class InspectionWindow(QMainWindow):
    saved = Signal(object)  # the Inspection as last saved
    completed = Signal(object)
    scrolled_on_close = Signal(str, int)  # inspection id, the form's scroll position

    def __init__(
        self,
        services: InspectionServices,
        outfall: Outfall,
        record: Inspection,
        photos: list[InspectionPhoto],
        parent: QWidget | None = None,
        returned: ReturnedRecord | None = None,
    ) -> None:
        """``returned``: the returned record this one revises (its reason and deadline), if any."""
        super().__init__(parent)
        self.setObjectName("inspectionWindow")
        self.services = services
        self.outfall = outfall
        self.record = record
        self.lang = services.labels.lang
        self._saving = False
        self._dirty = False
        self._dirty_since = 0.0
        self.save_count = 0
        settings = services.rules.settings

        self.title = QLabel()
        self.title.setObjectName("inspection_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.save_state = QLabel()
        self.save_state.setObjectName("save_state")

        self.form = InspectionForm(services.rules, self.lang)
        self.form.load(record)
        self.form.changed.connect(self._changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.form_scroll = scroll

        outfall_pos = (outfall.lat, outfall.lon) if outfall.lat is not None else None
        feed = PositionFeed(self, services.replay_speed)
        self.position = PositionPanel(settings, self.lang, outfall_pos, feed)  # type: ignore[arg-type]
        self.position.show_record(record.position)
        self.position.captured.connect(self._position_captured)

        self.photos = PhotoStrip(
            services.blobs, settings, tuple(p.term for p in services.rules.problems), self.lang
        )
        self.photos.inspection_id = record.id
        self.photos.outfall_code = outfall.display_code
        self.photos.outfall_position = outfall_pos  # type: ignore[assignment]
        self.photos.inspection_time = dt.datetime.fromisoformat(record.started_at)
        self.photos.inspection_position = record.position
        self.photos.photo_ingested.connect(self._photo_ingested)
        self.photos.photo_edited.connect(self._photo_edited)
        self.photos.use_position.connect(self.position.use_photo_position)
        for photo in photos:
            self.photos.show_photo(photo, None)

        self.problems = QListWidget()
        self.problems.setObjectName("completion_problems")
        self.problems.setStyleSheet("color: #a00000; font-weight: bold;")
        self.problems.setMaximumHeight(150)
        self.problems.hide()
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems.itemClicked.connect(self._go_to_problem)

        self.complete_button = QPushButton(self.tr("Complete"))
        self.complete_button.setObjectName("complete")
        self.complete_button.clicked.connect(self.complete)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_now)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.complete)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self.problems)
        right_inner = QWidget()
        right_layout = QVBoxLayout(right_inner)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.position)
        right_layout.addWidget(self.photos, 1)
        right = QScrollArea()  # on a short screen the panel scrolls rather than clipping
        right.setWidgetResizable(True)
        right.setFrameShape(QScrollArea.Shape.NoFrame)
        right.setWidget(right_inner)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([760, 600])
        splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.save_state)
        top.addWidget(self.close_button)
        top.addWidget(self.complete_button)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        self.returned_banner = ReturnedBanner()
        self.returned_banner.show_return(returned)
        layout.addWidget(self.returned_banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self._pending_scroll = 0
        scroll.verticalScrollBar().rangeChanged.connect(self._apply_pending_scroll)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(settings.autosave_delay_ms)
        self.timer.timeout.connect(self.save_now)
        self._show_header()
        self._apply_frozen()

    # -- header and state ----------------------------------------------------------------------

    def _show_header(self) -> None:
        code = self.outfall.display_code
        state = self.tr("Complete") if self.record.is_complete else self.tr("Draft")
        self.title.setText(f"{code}  {self.outfall.name}  ·  {state}")
        self.setWindowTitle(self.tr("Inspection — %1").replace("%1", code))

    def _apply_frozen(self) -> None:
        frozen = self.record.is_complete
        self.form.setEnabled(not frozen)
        self.position.set_read_only(frozen)
        self.photos.set_read_only(frozen)
        self.complete_button.setEnabled(not frozen)
        if frozen:
            self.save_state.setStyleSheet(
                "background: #1b4f8a; color: white; font-weight: bold; padding: 8px;"
            )
            self.save_state.setText(
                self.tr("Completed %1: the record is frozen").replace(
                    "%1", self._local_time(self.record.completed_at)
                )
            )

    def _local_time(self, iso: str | None) -> str:
        return fmt.local_time(iso, seconds=True, empty="")

    # -- autosave ------------------------------------------------------------------------------

    def _changed(self) -> None:
        if self.record.is_complete:
            return
        if not self._dirty:
            self._dirty_since = time.monotonic()
        self._dirty = True
        self.save_state.setText(self.tr("Unsaved changes…"))
        # Debounced, but never postponed for long: steady typing still saves every few seconds.
        if time.monotonic() - self._dirty_since > 3 * self.timer.interval() / 1000:
            self.save_now()
        else:
            self.timer.start()

    def current_value(self) -> Inspection:
        return self.form.value(self.record)

    def save_now(self) -> None:
        """Write the draft now (the debounce timer calls this a second after the last edit)."""
        self.timer.stop()
        if self.record.is_complete or not self._dirty:
            return
        if self._saving:
            self.timer.start()  # one write at a time; try again shortly
            return
        value = self.current_value()
        self._dirty = False
        self._dirty_since = time.monotonic()
        self._saving = True
        writer, label = self.services.writer, self.services.db_label
        self.services.lane.submit(
            lambda: inspections.save_draft(writer, value, label), self._saved, self._save_failed
        )

    def _saved(self, saved: Inspection) -> None:
        self._saving = False
        if not isValid(self.save_state):  # the window went away while the write was in flight
            return
        self.save_count += 1
        self.record = dataclasses.replace(self.record, updated_at=saved.updated_at)
        if not self._dirty:
            self.save_state.setText(
                self.tr("Draft saved %1").replace("%1", self._local_time(saved.updated_at))
            )
        self.saved.emit(saved)

    def _save_failed(self, error: Exception) -> None:
        self._saving = False
        if not isValid(self.save_state):
            return
        self._dirty = True
        self.save_state.setText(self._message(error))
        if not isinstance(error, RecordFrozen):
            self.timer.start()

    def _message(self, error: Exception) -> str:
        if isinstance(error, Explained):
            return error.message(self.lang)
        raise error  # a bug: let it surface

    def _position_captured(self, record: PositionRecord) -> None:
        self.record = dataclasses.replace(self.record, position=record)
        self.photos.inspection_position = record
        self._changed()

    # -- photos --------------------------------------------------------------------------------

    def _photo_ingested(self, photo: InspectionPhoto, jpeg: bytes) -> None:
        writer, label = self.services.writer, self.services.db_label

        def done(result: tuple[InspectionPhoto, bool]) -> None:
            saved, new = result
            if not isValid(self.photos):  # saved; the window closed meanwhile
                return
            self.photos.show_photo(saved, jpeg)
            if not new:
                self.photos.status.setText(
                    self.tr("%1 is already in this inspection").replace("%1", photo.source_name)
                )

        self.services.lane.submit(
            lambda: inspections.add_photo(writer, photo, label), done, self._photo_failed
        )

    def _photo_edited(self, photo_id: str, caption: str, problem: str | None) -> None:
        writer, label = self.services.writer, self.services.db_label
        self.services.lane.submit(
            lambda: inspections.update_photo(writer, photo_id, caption, problem, label),
            lambda _saved: None,
            self._photo_failed,
        )

    def _photo_failed(self, error: Exception) -> None:
        if not isValid(self.photos):
            return
        self.photos.error_label.setText(self._message(error))
        self.photos.error_label.show()

    # -- completing ----------------------------------------------------------------------------

    def complete(self) -> None:
        if self.record.is_complete:
            return
        self.timer.stop()
        value = self.current_value()
        writer, label, rules = self.services.writer, self.services.db_label, self.services.rules
        self.complete_button.setEnabled(False)
        self.services.lane.submit(
            lambda: inspections.complete(writer, value, rules, label),
            self._completed,
            self._complete_failed,
        )

    def _completed(self, done: Inspection) -> None:
        self.record = done
        if not isValid(self.problems):
            return
        self._dirty = False
        self.problems.hide()
        self._show_header()
        self._apply_frozen()
        self.completed.emit(done)

    def _complete_failed(self, error: Exception) -> None:
        if not isValid(self.problems):
            return
        self.complete_button.setEnabled(True)
        self.problems.clear()
        if isinstance(error, InvalidRecord):
            header = QListWidgetItem(
                self.tr("%1 problem(s) to fix before completing:").replace(
                    "%1", str(len(error.problems))
                )
            )
            self.problems.addItem(header)
            for problem in error.problems:
                item = QListWidgetItem("• " + problem.message(self.lang))
                item.setData(Qt.ItemDataRole.UserRole, problem.field)
                self.problems.addItem(item)
        else:
            self.problems.addItem(self._message(error))
        self.problems.show()
        self._dirty = True
        self.save_now()  # the draft is kept as typed

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        field = item.data(Qt.ItemDataRole.UserRole)
        widget = self.form.widget_for(field) if field else None
        if widget is not None:
            self.form_scroll.ensureWidgetVisible(widget)
            widget.setFocus()

    # -- scroll position (a reopened draft shows the same place) ----------------------------------

    def restore_scroll(self, value: int) -> None:
        """Scroll the form to ``value`` once its layout is tall enough to get there."""
        self._pending_scroll = value
        bar = self.form_scroll.verticalScrollBar()
        self._apply_pending_scroll(bar.minimum(), bar.maximum())

    def _apply_pending_scroll(self, _minimum: int, maximum: int) -> None:
        if self._pending_scroll <= 0:
            return
        self.form_scroll.verticalScrollBar().setValue(min(self._pending_scroll, maximum))
        if maximum >= self._pending_scroll:
            self._pending_scroll = 0

    def closeEvent(self, event: QCloseEvent) -> None:
        self.scrolled_on_close.emit(self.record.id, self.form_scroll.verticalScrollBar().value())
        self.save_now()
        self.position.stop()
        super().closeEvent(event)
