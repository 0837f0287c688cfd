"""Wires one open profile together: the write connection on the lane, a reader, the main window,
and the tools the main window opens (map, patrol, settings). Tool modules are imported when first
opened: start-up only pays for the ledger.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from fieldapp import reference_data
from fieldapp.domain.outfall import Outfall
from fieldapp.store import database, outfalls
from fieldapp.store.errors import StoreError
from fieldapp.store.ledger_reader import LedgerReader
from fieldapp.ui.labels import Labels
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.settings import AppSettings

if TYPE_CHECKING:  # kept out of start-up
    from fieldapp.domain.nmea import Fix


@dataclass
class Session:
    window: MainWindow
    lane: BackgroundLane
    reader: LedgerReader
    writer: sqlite3.Connection  # used only inside lane jobs
    path: Path
    labels: Labels
    actor: str
    settings: AppSettings
    gnss_override: str | None = None
    tools: dict[str, QWidget] = field(default_factory=dict)
    _inspection_entry: Any = None
    _closers: list[Any] = field(default_factory=list)

    # -- tools ---------------------------------------------------------------------------------
    def position_source(self) -> Iterator[Fix]:
        """Fixes from the configured receiver or log (raises GnssSourceError when unusable)."""
        from fieldapp.gnss import GnssSourceError
        from fieldapp.gnss.serial_port import drain, open_source

        spec = self.gnss_override or self.settings.gnss_source
        if not spec:
            raise GnssSourceError(
                "No position source is set: choose the receiver's port or a log in Settings.",
                "尚未设置定位来源：请在“设置”中选择接收机端口或日志文件。",
            )
        return drain(open_source(spec, speed=1.0))

    def evidence_store(self) -> Any:
        from fieldapp.ui.inspection import photo_store_for

        return photo_store_for(self.path)

    def inspections(self) -> Any:
        """The inspection tools (created on first use)."""
        entry = self._inspection_entry
        if entry is None:
            from fieldapp.ui.inspection import InspectionEntry

            entry = InspectionEntry(
                self.path,
                self.writer,
                self.lane,
                self.labels,
                self.actor,
                parent=self.window,
                gnss_source=(self.gnss_override or self.settings.gnss_source) or None,
                settings=self.settings,
            )
            self._inspection_entry = entry
            self._closers.append(entry.close)
        return entry

    def open_inspection(self, outfall_id: str) -> QWidget:
        window = self.inspections().open_inspection_for(outfall_id)
        self.tools["inspection"] = window
        return window

    def open_nearest(self) -> QWidget:
        dialog = self.inspections().open_nearest_outfalls()
        self.tools["nearest"] = dialog
        return dialog

    def open_new_outfall(self) -> QWidget:
        dialog = self.inspections().open_new_outfall_inspection()
        self.tools["newOutfall"] = dialog
        return dialog

    def open_map(self) -> QWidget:
        window = self.tools.get("map")
        if window is None:
            from fieldapp.store.map_points import MapReader
            from fieldapp.ui.map import MapWindow

            reader = MapReader(database.open_reader(self.path))
            window = MapWindow(reader, self.labels, self.settings.basemap)
            window.outfall_activated.connect(self.window.reveal_outfall)
            window.basemap_changed.connect(self._basemap_changed)
            self._closers.append(lambda w=window, r=reader: (w.close_resources(), r.close()))
            self.tools["map"] = window
        if self.window.selected is not None:
            window.show_outfall(self.window.selected.id)  # type: ignore[attr-defined]
        _present(window)
        return window

    def _basemap_changed(self, basemap: Any) -> None:
        self.settings.basemap = basemap
        self.settings.sync()

    def open_patrol(self) -> QWidget:
        window = self.tools.get("patrol")
        if window is None:
            from fieldapp.store.map_points import MapReader
            from fieldapp.ui.patrol import PatrolWindow

            reader = MapReader(database.open_reader(self.path))
            window = PatrolWindow(
                self.path,
                self.lane,
                self.labels,
                self.actor,
                self.settings.home_county or _most_common_county(self.reader),
                source=self.position_source,
                reader=reader,
                blobs=self.evidence_store(),
            )
            window.outfall_activated.connect(self.window.reveal_outfall)
            window.inspection_requested.connect(self.open_inspection)  # a problem at an outfall
            self._closers.append(lambda w=window, r=reader: (w.shutdown(), r.close()))
            self.tools["patrol"] = window
        _present(window)
        return window

    def open_sync(self) -> QWidget:
        panel = self.tools.get("sync")
        if panel is None:
            from fieldapp.ui.sync import SyncController, SyncPanel, SyncSetupDialog

            controller = SyncController(self.path, self.lane, self.writer)
            # What a sync pulled (ledger updates) shows in the ledger at once.
            controller.finished.connect(lambda _report: self.window.refresh_ledger())
            panel = SyncPanel(controller, self.labels.lang)
            panel.setup_button.clicked.connect(
                lambda: SyncSetupDialog(controller, self.labels.lang, parent=panel).open()
            )
            self._closers.append(controller.shutdown)
            self.tools["sync"] = panel
        panel.controller.refresh()  # type: ignore[attr-defined]
        _present(panel)
        return panel

    def open_review(self) -> None:
        """Supervisors: the review desk; inspectors: their returned records (opens when read)."""
        from fieldapp.ui.review.wiring import open_review_tool

        open_review_tool(self)

    def open_data_io(self) -> None:
        """Exports of the ledger's current filter; the supervisor's import (fieldapp.ui.dataio)."""
        from fieldapp.store import sync_state
        from fieldapp.ui.dataio import DataWindow

        def chosen(account: sync_state.Account) -> None:
            existing = self.tools.get("data")
            if existing is not None and existing.isVisible():
                _present(existing)
                return
            query = self.window.model
            widget = DataWindow(self.path, lambda: query.query, account, lang=self.labels.lang)
            self.tools["data"] = widget
            widget.resize(760, 560)
            _present(widget)

        self.lane.submit(lambda: sync_state.account(self.writer), chosen, _raise_error)

    def open_settings(self) -> QWidget:
        from fieldapp.inspection_data import load_rules
        from fieldapp.ui.settings_dialog import SettingsDialog

        defaults = load_rules().settings
        dialog = SettingsDialog(self.settings, self.labels, defaults, parent=self.window)
        self.tools["settings"] = dialog
        dialog.open()
        return dialog

    def close(self) -> None:
        for closer in reversed(self._closers):
            closer()
        self._closers.clear()
        for tool in self.tools.values():
            tool.close()
        self.lane.shutdown()
        self.reader.close()


def _raise_error(exc: Exception) -> None:
    raise exc


def _present(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()


def _most_common_county(reader: LedgerReader) -> str:
    return reader.most_common_county() or ""


def open_session(
    path: Path,
    lang: str,
    actor: str,
    settings: AppSettings | None = None,
    gnss: str | None = None,
) -> Session | str:
    """Opens the profile at `path`; returns the session, or the message to show when it cannot."""
    ref = reference_data.load()
    try:
        writer = database.open_profile(path)
        reader = LedgerReader(database.open_reader(path))
    except StoreError as exc:
        return exc.message(lang)
    lane = BackgroundLane()
    db_label = str(path)

    def save_edit(edited: Outfall, expected_updated_at: str) -> Outfall:
        return outfalls.update(writer, edited, ref, actor, expected_updated_at, db_label)

    def transition(outfall_id: str, action: str, note: str) -> Outfall:
        return outfalls.transition(writer, outfall_id, action, ref, actor, note, db_label)

    labels = Labels(ref, lang)
    window = MainWindow(reader, labels, lane, save_edit, transition, db_label)
    session = Session(
        window,
        lane,
        reader,
        writer,
        path,
        labels,
        actor,
        settings or AppSettings(),
        gnss_override=gnss,
    )
    window.inspection_requested.connect(session.open_inspection)
    window.nearest_requested.connect(session.open_nearest)
    window.new_outfall_requested.connect(session.open_new_outfall)
    window.map_requested.connect(session.open_map)
    window.patrol_requested.connect(session.open_patrol)
    window.settings_requested.connect(session.open_settings)
    window.sync_requested.connect(session.open_sync)
    window.review_requested.connect(session.open_review)
    window.data_requested.connect(session.open_data_io)
    lane.destroyed.connect(writer.close)
    return session
