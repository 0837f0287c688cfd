"""The inspection window: the form, the position panel and the photo strip side by side (fits
the screen: both sides scroll), drafts autosaved through the lane as you type, and "Complete" that
validates everything and shows every problem at once (each leads to the control that fixes it), or
shows a summary of what to look at again and asks for confirmation, then freezes the record.
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

from fieldapp.domain.completion_summary import summarise
from fieldapp.domain.errors import Explained
from fieldapp.domain.inspection import Inspection, InspectionPhoto, PositionRecord, RecordFrozen
from fieldapp.domain.outfall import Outfall
from fieldapp.domain.problems import InvalidRecord, Problem
from fieldapp.store import inspections
from fieldapp.store.returns import ReturnedRecord
from fieldapp.ui import formatting as fmt
from fieldapp.ui.inspection.completion_dialog import CompletionDialog
from fieldapp.ui.inspection.form import InspectionForm
from fieldapp.ui.inspection.photo_strip import PhotoStrip
from fieldapp.ui.inspection.position_panel import PositionPanel
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

        route = outfall.remediation_route
        self.form = InspectionForm(
            services.rules, self.lang, route=route,
            route_label=services.labels.vocab("remediation_route", route) if route else "",
        )  # fmt: skip
        self.form.load(record)
        self.form.changed.connect(self._changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.form_scroll = scroll

        outfall_pos = (outfall.lat, outfall.lon) if outfall.lat is not None else None
        self.position = PositionPanel(settings, self.lang, outfall_pos, services.replay_speed)  # type: ignore[arg-type]
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
        self.photos.photo_removed.connect(self._photo_removed)
        for photo in photos:
            self.photos.show_photo(photo, None)

        self.problems = QListWidget()
        self.problems.setObjectName("completion_problems")
        self.problems.setStyleSheet("color: #a00000; font-weight: bold;")
        self.problems.setMaximumHeight(150)
        self.problems.setWordWrap(True)  # long problems (a photo and its inspection) wrap
        self.problems.hide()
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems.itemClicked.connect(self._go_to_problem)

        self.complete_button = QPushButton(self.tr("Complete…"))
        self.complete_button.setObjectName("complete")
        self.complete_button.setProperty("primary", True)  # styled apart from Close
        self.complete_button.setToolTip(
            self.tr("Check everything, review the summary and complete (%1)").replace(
                "%1", _keys("Ctrl+Return")
            )
        )
        self.complete_button.clicked.connect(self.complete)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close")
        self.close_button.setToolTip(
            self.tr("Close; the draft is saved (%1 saves now)").replace("%1", _keys("Ctrl+S"))
        )
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_now)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.complete)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.complete)
        self.summary_dialog: CompletionDialog | None = None

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
        right.setMinimumWidth(320)
        self.right_scroll = right
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([700, 660])  # the form takes what it needs; photos and position the rest
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.save_state.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.save_state, 1)
        top.addWidget(self.close_button)
        top.addSpacing(24)  # Complete stands apart from Close: no slip from one to the other
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

    def _photo_removed(self, photo_id: str) -> None:
        writer, label = self.services.writer, self.services.db_label

        def done(_removed: bool) -> None:
            if isValid(self.photos):
                self.photos.drop_photo(photo_id)

        self.services.lane.submit(
            lambda: inspections.remove_photo(writer, photo_id, label), done, self._photo_failed
        )

    def _photo_failed(self, error: Exception) -> None:
        if not isValid(self.photos):
            return
        self.photos.error_label.setText(self._message(error))
        self.photos.error_label.show()

    # -- completing ----------------------------------------------------------------------------

    def complete(self) -> None:
        """Check the record: every blocking problem at once, or the summary to confirm."""
        if self.record.is_complete:
            return
        self.timer.stop()
        value = self.current_value()
        summary = summarise(value, list(self.photos.photos.values()), self.services.rules)
        if not summary.can_complete:
            self._show_problems(list(summary.blocking))
            return
        self.problems.hide()
        if self.summary_dialog is not None:
            self.summary_dialog.close()
        dialog = CompletionDialog(summary, self.lang, self)
        dialog.accepted.connect(self.confirm_complete)
        dialog.go_to.connect(self.go_to_field)
        self.summary_dialog = dialog
        dialog.open()

    def confirm_complete(self) -> None:
        """Freeze the record (after the summary was confirmed); the store validates again."""
        if self.record.is_complete:
            return
        self.timer.stop()
        value = self.current_value()
        writer, label, rules = self.services.writer, self.services.db_label, self.services.rules
        check = self.services.blobs.problem  # every photo file hashed before the record freezes
        self.complete_button.setEnabled(False)
        self.services.lane.submit(
            lambda: inspections.complete(writer, value, rules, label, check),
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
        if isinstance(error, InvalidRecord):
            self._show_problems(error.problems)
        else:
            self.problems.clear()
            self.problems.addItem(self._message(error))
            self.problems.show()
            self._dirty = True
            self.save_now()

    def _show_problems(self, problems: list[Problem]) -> None:
        self.problems.clear()
        header = QListWidgetItem(
            self.tr("%1 problem(s) to fix before completing (choose one to go there):").replace(
                "%1", str(len(problems))
            )
        )
        self.problems.addItem(header)
        for problem in problems:
            item = QListWidgetItem("• " + problem.message(self.lang))
            item.setData(Qt.ItemDataRole.UserRole, problem.field)
            item.setData(Qt.ItemDataRole.UserRole + 1, problem.code)
            self.problems.addItem(item)
        self.problems.show()
        self._dirty = True
        self.save_now()  # the draft is kept as typed

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        field = item.data(Qt.ItemDataRole.UserRole)
        if field is not None:
            self.go_to_field(field, item.data(Qt.ItemDataRole.UserRole + 1))

    def go_to_field(self, field: str, code: str | None = None) -> QWidget | None:
        """Scroll to and focus the control that fixes a problem or flag at ``field``."""
        widget = self._control_for(field, code)
        if widget is None:
            return None
        for area in (self.form_scroll, self.right_scroll):
            inner = area.widget()
            if inner is not None and inner.isAncestorOf(widget):
                area.ensureWidgetVisible(widget, 40, 40)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    def _control_for(self, field: str, code: str | None) -> QWidget | None:
        strip = self.photos
        head, _, tail = field.partition(".")
        if head == "photos":
            if tail:
                strip.select_photo(tail)
                return strip.list
            if code == "orphan_photo":
                listed = {p.code for p in self.current_value().problems}
                orphan = next(
                    (p for p in strip.photos.values() if p.problem_code not in listed), None
                )
                if orphan is not None:
                    strip.select_photo(orphan.id)
                    return strip.problem
            return strip.add_files
        if head == "problems" and code == "photo_required":
            free = next((p for p in strip.photos.values() if not p.problem_code), None)
            if free is None:
                strip.status.setText(
                    self.tr("Add a photo, then attach it to the problem below the photos")
                )
                return strip.add_files
            strip.select_photo(free.id)
            strip.status.setText(self.tr("Attach this photo to the problem it shows"))
            return strip.problem
        if head == "position":  # capture (again) when the receiver allows, else type it in
            panel = self.position
            return panel.capture_button if panel.capture_button.isEnabled() else panel.manual_lat
        return self.form.widget_for(field)

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


def _keys(sequence: str) -> str:
    """A shortcut as the user's platform writes it (for tooltips)."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)
