"""The inspection side's entry points for the main window (see the package docstring)."""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from fieldapp.domain.inspection import (
    Inspection,
    PositionRecord,
    ProblemFound,
    new_draft,
    registering_position,
)
from fieldapp.domain.inspection_rules import InspectionRules
from fieldapp.domain.outfall import Outfall
from fieldapp.domain.problems import InvalidRecord
from fieldapp.inspection_data import load_rules
from fieldapp.media.blobstore import BlobStore
from fieldapp.store import database, inspections, nearby
from fieldapp.store.errors import StoreError
from fieldapp.store.inspection_reader import InspectionReader
from fieldapp.ui.inspection.nearest import NearestOutfallsDialog, NewOutfallDialog
from fieldapp.ui.inspection.position_panel import PositionPanel
from fieldapp.ui.inspection.window import InspectionWindow
from fieldapp.ui.labels import Labels
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.screen_fit import fit_dialog, present
from fieldapp.ui.settings import AppSettings


def photo_store_for(profile_path: Path) -> BlobStore:
    """The profile's evidence store: ``<profile>.photos/`` beside the database file."""
    from fieldapp.media.blobstore import profile_store

    return profile_store(profile_path)


@dataclass
class InspectionServices:
    """What the inspection windows need; ``writer`` is used only inside lane jobs."""

    writer: sqlite3.Connection
    lane: BackgroundLane
    reader: InspectionReader
    labels: Labels
    rules: InspectionRules
    blobs: BlobStore
    actor: str
    db_label: str
    replay_speed: float | None = 1.0


class InspectionEntry(QObject):
    window_opened = Signal(object)  # an InspectionWindow (the session follows its completion)

    def __init__(
        self,
        profile_path: Path | str,
        writer: sqlite3.Connection,
        lane: BackgroundLane,
        labels: Labels,
        actor: str,
        parent: QWidget | None = None,
        *,
        gnss_source: str | None = None,
        replay_speed: float | None = 1.0,
        rules: InspectionRules | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        path = Path(profile_path)
        rules = rules or load_rules()
        if settings is not None:  # the user's thresholds over the data file's defaults
            rules = dataclasses.replace(
                rules, settings=settings.inspection_settings(rules.settings)
            )
        self.app_settings = settings
        self._scroll: dict[str, int] = {}  # inspection id -> where its form was scrolled to
        self.parent_widget = parent
        self.gnss_source = gnss_source
        self.services = InspectionServices(
            writer=writer,
            lane=lane,
            reader=InspectionReader(database.open_reader(path)),
            labels=labels,
            rules=rules,
            blobs=photo_store_for(path),
            actor=actor,
            db_label=str(path),
            replay_speed=replay_speed,
        )
        self.windows: list[InspectionWindow] = []
        self.dialog: NearestOutfallsDialog | NewOutfallDialog | None = None

    # -- the three entry points ----------------------------------------------------------------

    def open_inspection_for(
        self,
        outfall_id: str,
        problems: tuple[ProblemFound, ...] = (),
        position: PositionRecord | None = None,
        task_id: str | None = None,
    ) -> InspectionWindow | None:
        """Opens the actor's draft for this outfall where it was, or starts a new one (with
        ``problems`` and ``position`` already filled in, as for a newly found outfall). Opened
        from a task, the draft carries the task's id: the server closes the task when it
        arrives complete."""
        s = self.services
        outfall = s.reader.outfall(outfall_id)
        if outfall is None:
            return None
        record = s.reader.latest_draft(outfall_id, s.actor)
        if record is None:
            record = new_draft(outfall.id, s.actor, outfall.county_code, task_id=task_id)
            record = dataclasses.replace(record, problems=problems, position=position)
            self._save_new(record)
        elif task_id is not None and record.task_id != task_id:
            record = dataclasses.replace(record, task_id=task_id)
            self._save_new(record)
        return self._show_window(outfall, record)

    def open_record(self, inspection_id: str) -> InspectionWindow | None:
        """Opens one inspection as it is (a draft to go on with, a completed record to read),
        as 我的记录 does; the window already showing it comes to the front instead."""
        s = self.services
        record = s.reader.inspection(inspection_id)
        outfall = s.reader.outfall(record.outfall_id) if record is not None else None
        if record is None or outfall is None:
            return None
        for window in self.windows:
            if window.record.id == inspection_id and window.isVisible():
                window.raise_()
                window.activateWindow()
                return window
        return self._show_window(outfall, record)

    def _show_window(self, outfall: Outfall, record: Inspection) -> InspectionWindow:
        s = self.services
        window = InspectionWindow(
            s,
            outfall,
            record,
            s.reader.photos(record.id),
            self.parent_widget,
            returned=s.reader.returned_original(record),
        )
        present(window)
        window.restore_scroll(self._remembered_scroll(record.id))
        window.scrolled_on_close.connect(self._remember_scroll)
        if self.gnss_source:
            window.position.start(self.gnss_source)
        self.windows.append(window)
        self.window_opened.emit(window)
        return window

    def open_nearest_outfalls(self) -> NearestOutfallsDialog:
        dialog = NearestOutfallsDialog(self.services.reader, self._panel(None), self.parent_widget)
        dialog.inspect.connect(self.open_inspection_for)
        dialog.new_outfall.connect(lambda _record: self.open_new_outfall_inspection())
        self._show(dialog)
        return dialog

    def open_new_outfall_inspection(
        self, near: tuple[float, float] | None = None
    ) -> NewOutfallDialog:
        """The newly-found-outfall form; ``near`` (lat, lon), e.g. an aerial-survey lead being
        verified, is the reference its position panel measures the distance to."""
        dialog = NewOutfallDialog(self.services.labels, self._panel(near), self.parent_widget)
        home = self.app_settings.home_county if self.app_settings else ""
        if home and dialog.county.findData(home) >= 0:
            dialog.county.setCurrentIndex(dialog.county.findData(home))
        dialog.submitted.connect(lambda draft: self._create_outfall(dialog, draft))
        self._show(dialog)
        return dialog

    # -- helpers -------------------------------------------------------------------------------

    def _panel(self, outfall_position: tuple[float, float] | None) -> PositionPanel:
        s = self.services
        panel = PositionPanel(s.rules.settings, s.labels.lang, outfall_position, s.replay_speed)
        if self.gnss_source:
            panel.start(self.gnss_source)
        return panel

    def _show(self, dialog: NearestOutfallsDialog | NewOutfallDialog) -> None:
        self.dialog = dialog
        fit_dialog(dialog, 900, 700)
        dialog.show()

    def _save_new(self, record: Inspection) -> None:
        s = self.services
        writer, label = s.writer, s.db_label
        s.lane.submit(
            lambda: inspections.save_draft(writer, record, label),
            lambda _saved: None,
            lambda error: None if isinstance(error, StoreError) else _raise(error),
        )

    def _create_outfall(self, dialog: NewOutfallDialog, draft: Outfall) -> None:
        s = self.services
        writer, label, ref, actor = s.writer, s.db_label, s.labels.ref, s.actor

        captured = dialog.panel.record

        def created(outfall: Outfall) -> None:
            dialog.accept()
            found = ProblemFound("unregistered_outfall", "")
            # The capture became the outfall's registered position: this inspection is on it.
            here = registering_position(captured) if captured is not None else None
            self.open_inspection_for(outfall.id, (found,), here)

        def failed(error: Exception) -> None:
            if isinstance(error, InvalidRecord):
                dialog.show_problems(error.problems)
            else:
                raise error

        s.lane.submit(
            lambda: nearby.create_provisional(writer, ref, draft, actor, path=label),
            created,
            failed,
        )

    def _remembered_scroll(self, inspection_id: str) -> int:
        if inspection_id in self._scroll:
            return self._scroll[inspection_id]
        saved = self.app_settings.inspection_scroll if self.app_settings else None
        return saved[1] if saved is not None and saved[0] == inspection_id else 0

    def _remember_scroll(self, inspection_id: str, value: int) -> None:
        self._scroll[inspection_id] = value
        if self.app_settings is not None:
            self.app_settings.inspection_scroll = (inspection_id, value)

    def close(self) -> None:
        for window in self.windows:
            window.close()
        for window in self.windows:
            window.photos.worker.wait()
        self.services.reader.close()


def _raise(error: Exception) -> None:
    raise error
