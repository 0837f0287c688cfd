"""Wires one open profile together: the write connection on the lane, a reader, the main window,
and the tools the main window opens (map, patrol, settings). Tool modules are imported when first
opened: start-up only pays for the ledger.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from fieldapp import reference_data
from fieldapp.domain import clock
from fieldapp.domain.outfall import Outfall
from fieldapp.store import database, identity, outfalls
from fieldapp.store import plans as plan_rows
from fieldapp.store.errors import StoreError
from fieldapp.store.ledger_reader import LedgerReader
from fieldapp.ui import errors
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
    backup_tool: Any = None  # the profile backup under way (kept alive while it works)
    records: Any = None  # fieldapp.ui.records.tool.RecordsTool: the status strip and 我的记录
    _inspection_entry: Any = None
    _tasks: Any = None  # fieldapp.ui.tasks.TasksTool, made when 我的任务 first opens
    _sync_controller: Any = None
    _closers: list[Any] = field(default_factory=list)

    # -- identity ------------------------------------------------------------------------------
    def adopt_identity(self, name: str) -> None:
        """Write as ``name`` from now on (the account just signed in; the profile's records
        were re-attributed to it in the same step, see ``fieldapp.store.identity``)."""
        self.actor = name
        if self._inspection_entry is not None:
            self._inspection_entry.services.actor = name
        patrol = self.tools.get("patrol")
        if patrol is not None:
            patrol.actor = name  # type: ignore[attr-defined]

    def _signed_in(self, error: Any) -> None:
        if error is not None:
            return
        writer = self.writer
        self.lane.submit(lambda: identity.current_user(writer), self.adopt_identity, _raise)
        if self.records is not None:
            self.records.refresh()
        controller = self._sync_controller
        binding = getattr(controller, "binding", None)
        if binding is not None and binding.changed and self.records is not None:
            self.records.strip.show_bound(binding.username, binding.changed)

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
            entry.window_opened.connect(self._follow_inspection)
            self._inspection_entry = entry
            self._closers.append(entry.close)
        return entry

    def _follow_inspection(self, window: Any) -> None:
        window.completed.connect(self._record_completed)

    def _record_completed(self, _record: Any) -> None:
        """A record just completed: the strip counts it, and automatic sync tries at once."""
        if self.records is not None:
            self.records.refresh()
        controller = self._sync_controller
        if controller is not None and controller.auto.isActive():
            controller.sync_when_reachable()

    def open_inspection(self, outfall_id: str) -> QWidget:
        window = self.inspections().open_inspection_for(outfall_id)
        self.tools["inspection"] = window
        return window

    def open_inspection_for_task(self, outfall_id: str, task_id: str) -> QWidget | None:
        """An inspection opened from a task carries the task's id (the server closes the task)."""
        window: QWidget | None = self.inspections().open_inspection_for(outfall_id, task_id=task_id)
        if window is not None:
            self.tools["inspection"] = window
        return window

    def open_tasks(self) -> QWidget:
        """我的任务: the tasks assigned to the signed-in user (pulled by the sync)."""
        tool = self.tools.get("tasks")
        if tool is None:
            from fieldapp.ui.tasks import TasksTool

            made = TasksTool(database.open_reader(self.path), lambda: self.actor)
            made.window.inspect_requested.connect(self.open_inspection_for_task)
            made.window.patrol_requested.connect(self.open_patrol_for_task)
            made.window.outfall_activated.connect(self.window.reveal_outfall)
            made.window.map_requested.connect(self.show_task_on_map)
            self._closers.append(made.close)
            self._tasks = made
            tool = made.window
            self.tools["tasks"] = tool
        self._tasks.refresh()
        _present(tool)
        return tool

    def open_new_task(self, outfall_ids: list[str]) -> QWidget | None:
        """新建任务 for the outfalls selected in the ledger (one task for them all, of their one
        county): for a signed-in supervisor, through the desk's client; anyone else is told why
        not."""
        from fieldapp.ui.main_window import MAX_TASK_OUTFALLS
        from fieldapp.ui.tasks.new_task import NewTaskDialog

        if len(outfall_ids) > MAX_TASK_OUTFALLS:
            self._say(NewTaskDialog.too_many(MAX_TASK_OUTFALLS))
            return None
        found = [o for o in (self.reader.get(i) for i in outfall_ids) if o is not None]
        counties = {o.county_code for o in found}
        if len(counties) > 1:
            self._say(NewTaskDialog.one_county())
            return None
        outfalls = [(str(o.id), o.name) for o in found]
        return self._new_task(next(iter(counties), ""), outfalls, None) if found else None

    def open_task_here(self, lat: float, lon: float) -> QWidget | None:
        """新建任务 at a point of the map: a verify-location task there, of the county the
        supervisor answers for (for the whole city's, the county of the nearest outfall)."""
        from fieldapp.store import nearby
        from sync.protocol import CITY_CODE

        counties = [c for c in self._account().counties if c != CITY_CODE]
        county = counties[0] if len(counties) == 1 else ""
        if not county:
            conn = database.open_reader(self.path)
            try:
                near = nearby.nearest(conn, lat, lon, limit=1)
            finally:
                conn.close()
            outfall = self.reader.get(near[0].id) if near else None
            county = outfall.county_code if outfall else _most_common_county(self.reader)
        return self._new_task(county, [], (lat, lon))

    def _account(self) -> Any:
        from sync.client.state import account as sync_account

        reader = database.open_reader(self.path)
        try:
            return sync_account.account(reader)
        finally:
            reader.close()

    def may_assign_tasks(self) -> bool:
        account = self._account()
        return bool(account.role == "supervisor" and account.signed_in)

    def _new_task(
        self, county: str, outfalls: list[tuple[str, str]], location: tuple[float, float] | None
    ) -> QWidget | None:
        from fieldapp.ui.tasks.new_task import NewTaskDialog, desk_lanes

        lanes = desk_lanes(self._account(), self.path, self.settings.server_ca_file or None)
        if lanes is None:
            self._say(NewTaskDialog.only_supervisors())
            return None
        dialog = NewTaskDialog(lanes, self.labels.lang, county, outfalls, location,
                               parent=self.window)  # fmt: skip
        dialog.finished.connect(lambda _result: lanes.shutdown())
        self.tools["newTask"] = dialog
        dialog.open()
        return dialog

    def _say(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, self.window.windowTitle(), text,
                          parent=self.window)  # fmt: skip
        box.open()
        self.tools["newTask"] = box

    def show_task_on_map(self, task_id: str) -> QWidget:
        window = self.open_map()
        window.show_task(task_id)  # type: ignore[attr-defined]
        return window

    def tasks_changed(self) -> None:
        """A sync finished (tasks pulled, an account signed in): 我的任务 and the map's flags
        show them without reopening, and the map offers Task here… to a supervisor only."""
        if self._tasks is not None:
            self._tasks.refresh()
        window = self.tools.get("map")
        if window is not None:
            self._show_tasks(window)
            window.allow_task_here(self.may_assign_tasks())  # type: ignore[attr-defined]

    def _show_tasks(self, window: Any) -> None:
        from sync.client.state import tasks

        conn = database.open_reader(self.path)
        try:
            window.set_tasks(tasks.mine(conn, self.actor, clock.now()))
        finally:
            conn.close()

    def open_plan(self, outfall_id: str) -> QWidget | None:
        """一口一策 of an outfall of the ledger: editable by a signed-in supervisor of its county
        (or of the city), read-only for anyone else; a saved plan is kept in the profile at once."""
        from fieldapp.ui.plans import marks
        from fieldapp.ui.plans.dialog import PlanDialog
        from fieldapp.ui.tasks.new_task import desk_lanes
        from sync.client.state import account as sync_account
        from sync.protocol import CITY_CODE

        outfall = self.reader.get(outfall_id)
        if outfall is None:
            return None
        reader = database.open_reader(self.path)
        try:
            account = sync_account.account(reader)
            plan = plan_rows.of_outfall(reader, outfall_id, _today())
        finally:
            reader.close()
        area = set(account.counties)
        may_edit = outfall.county_code in area or CITY_CODE in area
        lanes = desk_lanes(account, self.path, self.settings.server_ca_file or None)
        if lanes is not None and not may_edit:
            lanes.shutdown()
            lanes = None
        dialog = PlanDialog(
            self.labels, outfall.id, outfall.name, plan, _today(), lanes,
            "" if lanes is not None else marks.only_supervisors(), parent=self.window,
            ledger_route=outfall.remediation_route, ledger_party=outfall.responsible_party or "",
        )  # fmt: skip
        writer = self.writer

        def keep(view: Any) -> None:
            data = {**view.model_dump(mode="json"), "version": view.version}
            self.lane.submit(
                lambda: _keep_plan(writer, view.id, data),
                lambda _none: self.window.refresh_ledger(),
                _raise,
            )

        dialog.saved.connect(keep)
        if lanes is not None:
            dialog.finished.connect(lambda _result: lanes.shutdown())
        self.tools["plan"] = dialog
        dialog.open()
        return dialog

    def open_nearest(self) -> QWidget:
        dialog = self.inspections().open_nearest_outfalls()
        self.tools["nearest"] = dialog
        return dialog

    def open_new_outfall(self, near: tuple[float, float] | None = None) -> QWidget:
        dialog = self.inspections().open_new_outfall_inspection(near)
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
            window.lead_new_outfall_requested.connect(
                lambda lead: self.open_new_outfall((lead.lat, lead.lon))
            )
            window.lead_inspection_requested.connect(self.open_inspection)
            window.lead_note_requested.connect(self.open_lead_note)
            window.task_inspection_requested.connect(self.open_inspection_for_task)
            window.task_patrol_requested.connect(self.open_patrol_for_task)
            window.task_here_requested.connect(self.open_task_here)
            self._closers.append(lambda w=window, r=reader: (w.close_resources(), r.close()))
            self.tools["map"] = window
        self._show_leads(window)
        self._show_tasks(window)
        window.allow_task_here(self.may_assign_tasks())  # type: ignore[attr-defined]
        if self.window.selected is not None:
            window.show_outfall(self.window.selected.id)  # type: ignore[attr-defined]
        _present(window)
        return window

    def open_lead_note(self, lead: Any) -> QWidget:
        """The verification note of a lead that is not a new outfall; saved photos go to the
        evidence store first, then the note (captured: the next sync sends both)."""
        from fieldapp.domain.errors import Explained
        from fieldapp.media.errors import PhotoError
        from fieldapp.store import leads as lead_rows
        from fieldapp.ui.leads import LeadNoteDialog

        dialog = LeadNoteDialog(lead, self.window)
        store, writer = self.evidence_store(), self.writer

        def submitted(verdict: str, note: str, paths: list[str]) -> None:
            try:
                hashes = [store.put(Path(p).read_bytes(), name=Path(p).name).sha256 for p in paths]
            except PhotoError as exc:
                dialog.show_problem(exc.message(self.labels.lang))
                return
            except OSError as exc:  # the chosen file went away or cannot be read
                dialog.show_problem(f"{exc.filename}: {exc.strerror}")
                return
            outfall = lead.near_outfall_id if verdict == "duplicate" else None
            self.lane.submit(
                lambda: lead_rows.record_verification(writer, lead, verdict, note, hashes, outfall),
                lambda _id: dialog.accept(),
                lambda error: dialog.show_problem(
                    error.message(self.labels.lang) if isinstance(error, Explained) else str(error)
                ),
            )

        dialog.submitted.connect(submitted)
        self.tools["leadNote"] = dialog
        _present(dialog)
        return dialog

    def _show_leads(self, window: Any) -> None:
        """The county's aerial-survey leads to verify, read afresh each time the map opens."""
        from fieldapp.media.blobstore import PhotoStoreError
        from fieldapp.store import leads as lead_rows

        conn = database.open_reader(self.path)
        try:
            found = lead_rows.to_verify(conn)
        finally:
            conn.close()
        store = self.evidence_store()

        def photo(sha256: str) -> bytes | None:
            try:
                return store.get(sha256) if store.contains(sha256) else None
            except PhotoStoreError:
                return None

        window.set_leads(found, photo)

    def _gnss_chosen(self, spec: str) -> None:
        """A position source chosen in a tool becomes the setting (and this run's source)."""
        self.settings.gnss_source = spec
        self.settings.sync()
        if self.gnss_override:
            self.gnss_override = spec

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
                self.writer,
                self.lane,
                self.labels,
                self.actor,
                self.settings.home_county or _most_common_county(self.reader),
                source=self.gnss_override or self.settings.gnss_source,  # "" : none chosen yet
                reader=reader,
                blobs=self.evidence_store(),
            )
            window.source_chosen.connect(self._gnss_chosen)
            window.outfall_activated.connect(self.window.reveal_outfall)
            window.inspection_requested.connect(self.open_inspection)  # a problem at an outfall
            self._closers.append(lambda w=window, r=reader: (w.shutdown(), r.close()))
            self.tools["patrol"] = window
        _present(window)
        return window

    def open_patrol_for_task(self, task: Any) -> QWidget:
        """The patrol window, ready to record the patrol a task asks for (``MyTask``)."""
        window = self.open_patrol()
        window.prepare_task(task.id, task.place or task.title, task.county_code)  # type: ignore[attr-defined]
        return window

    def open_patrol_record(self, patrol_id: str) -> QWidget:
        """One patrol of 我的记录: the unfinished one in the recording window (resumed), a finished
        one in a window of its own showing its track, problems and summary."""
        from fieldapp.store import patrols

        conn = database.open_reader(self.path)
        try:
            patrol = patrols.get(conn, patrol_id)
        except BaseException:
            conn.close()
            raise
        if patrol is None or patrol.is_open:
            conn.close()
            return self.open_patrol()
        from fieldapp.store.map_points import MapReader
        from fieldapp.ui.patrol import PatrolWindow

        reader = MapReader(conn)
        window = PatrolWindow(
            self.writer, self.lane, self.labels, self.actor, patrol.county_code, None,
            reader=reader, blobs=self.evidence_store(), record=patrol,
        )  # fmt: skip
        window.outfall_activated.connect(self.window.reveal_outfall)
        window.inspection_requested.connect(self.open_inspection)
        self._closers.append(lambda w=window, r=reader: (w.shutdown(), r.close()))
        self.tools[f"patrol:{patrol_id}"] = window
        _present(window)
        return window

    def sync_controller(self) -> Any:
        """The session's one sync service (made on first use: it imports the network stack)."""
        controller = self._sync_controller
        if controller is None:
            from fieldapp.ui.sync import SyncController

            ca_file = self.settings.server_ca_file or None
            controller = SyncController(
                self.path, self.lane, self.writer, engine_options={"ca_file": ca_file}
            )
            # What a sync pulled (ledger updates) shows in the ledger at once.
            controller.finished.connect(lambda _report: self.window.refresh_ledger())
            controller.finished.connect(lambda _report: self.tasks_changed())
            controller.signed_in.connect(self._signed_in)
            controller.failed.connect(errors.shown(self.labels.lang, self.window))
            if self.records is not None:
                controller.finished.connect(lambda _report: self.records.refresh())
                controller.settled.connect(self.records.refresh)
            self._closers.append(controller.shutdown)
            self._sync_controller = controller
        return controller

    def start_background_sync(self) -> None:
        """Automatic sync when the server is reachable (on unless the user turned it off)."""
        self.sync_controller().start_auto()

    def open_sync(self) -> QWidget:
        panel = self.tools.get("sync")
        if panel is None:
            from fieldapp.ui.sync import SyncPanel, SyncSetupDialog

            controller = self.sync_controller()
            panel = SyncPanel(controller, self.labels.lang)

            def set_up() -> None:
                acct = panel.account
                url, user = (acct.server_url or "", acct.username or "") if acct else ("", "")
                SyncSetupDialog(controller, self.labels.lang, url, user, parent=panel).open()

            panel.setup_button.clicked.connect(set_up)
            panel.open_record.connect(self.open_record)
            self.tools["sync"] = panel
        panel.controller.refresh()  # type: ignore[attr-defined]
        _present(panel)
        return panel

    def open_records(self, group: str = "") -> QWidget:
        """我的记录, showing ``group`` first (draft / unsent / returned / refused …)."""
        assert self.records is not None
        window: QWidget = self.records.open_window(group)
        self.tools["records"] = window
        return window

    def open_record(self, entity: str, row_id: str, outfall_id: str = "") -> QWidget | None:
        """Open one record's own window: an inspection as it is; a patrol in the patrol window."""
        if entity == "inspections":
            window: QWidget | None = self.inspections().open_record(row_id)
            if window is not None:
                self.tools["inspection"] = window
            return window
        if entity == "patrols":
            return self.open_patrol_record(row_id)
        if entity == "outfalls" and outfall_id:
            self.window.reveal_outfall(outfall_id)
        return None

    def open_history(self, outfall_id: str) -> QWidget | None:
        """案卷: the outfall's case history as this laptop holds it; an entry opens its record."""
        from fieldapp.ui.casework import HistoryWindow
        from fieldapp.ui.casework.history_view import THUMB
        from fieldapp.ui.images import decode_image

        outfall = self.reader.get(outfall_id)
        if outfall is None:
            return None
        window = self.tools.get("history")
        if not isinstance(window, HistoryWindow):
            store = self.evidence_store()
            made = HistoryWindow(
                database.open_reader(self.path),
                self.labels.state,
                lambda sha256: decode_image(store.get(sha256), fit=THUMB),
            )
            made.record_requested.connect(lambda entity, row_id: self.open_record(entity, row_id))
            self._closers.append(made.release)
            self.tools["history"] = window = made
        heading = " ".join(x for x in (outfall.display_code, outfall.name) if x)
        window.show_outfall(outfall_id, heading)
        _present(window)
        return window

    def open_review(self) -> None:
        """Supervisors: the review desk; inspectors: their returned records (opens when read)."""
        from fieldapp.ui.review.wiring import open_review_tool

        open_review_tool(self)

    def open_progress(self) -> QWidget:
        """Supervisors and leaders: progress against the milestones (考核), on what the device holds."""
        window = self.tools.get("progress")
        if window is None:
            from fieldapp.ui.progress import open_progress

            window = open_progress(self)
            self.tools["progress"] = window
        window.present()  # type: ignore[attr-defined]
        return window

    def open_data_io(self) -> None:
        """Exports of the ledger's current filter; the supervisor's import (fieldapp.ui.dataio)."""
        from fieldapp.ui.dataio import DataWindow
        from sync.client.state import account as sync_account

        def chosen(account: sync_account.Account) -> None:
            existing = self.tools.get("data")
            if existing is not None and existing.isVisible():
                _present(existing)
                return
            query = self.window.model
            widget = DataWindow(self.path, lambda: query.query, account, lang=self.labels.lang)
            self.tools["data"] = widget
            widget.resize(760, 560)
            _present(widget)

        self.lane.submit(lambda: sync_account.account(self.writer), chosen, _raise)

    def open_settings(self) -> QWidget:
        from fieldapp.inspection_data import load_rules
        from fieldapp.ui.settings_dialog import SettingsDialog

        defaults = load_rules().settings
        dialog = SettingsDialog(self.settings, self.labels, defaults, parent=self.window)
        dialog.backup_requested.connect(self.back_up_profile)
        self.tools["settings"] = dialog
        dialog.open()
        return dialog

    def back_up_profile(self) -> Any:
        """The whole profile to a folder the user chooses (a USB drive), checked."""
        from fieldapp.ui.profile_backup_tool import ProfileBackupTool

        tool = ProfileBackupTool(self.path, self.labels.lang, self.window)
        self.backup_tool = tool
        tool.start()
        return tool

    def close(self) -> None:
        for closer in reversed(self._closers):
            closer()
        self._closers.clear()
        for tool in self.tools.values():
            tool.close()
        self.lane.shutdown()
        self.reader.close()


def _present(window: QWidget) -> None:
    from fieldapp.ui.screen_fit import present

    present(window)


def _most_common_county(reader: LedgerReader) -> str:
    return reader.most_common_county() or ""


def open_session(
    path: Path,
    lang: str,
    actor: str | None = None,
    settings: AppSettings | None = None,
    gnss: str | None = None,
) -> Session | str:
    """Opens the profile at `path`; returns the session, or the message to show when it cannot.

    ``actor``: who writes; by default the profile's identity (the signed-in account, or the
    profile's own user before the first sign-in), never the laptop's login name.
    """
    ref = reference_data.load()
    try:
        writer = database.open_profile(path)
        reader = LedgerReader(database.open_reader(path))
        actor = actor or identity.current_user(writer)
    except StoreError as exc:
        return exc.message(lang)
    lane = BackgroundLane()
    db_label = str(path)

    def save_edit(edited: Outfall, expected_updated_at: str) -> Outfall:
        return outfalls.update(writer, edited, ref, session.actor, expected_updated_at, db_label)

    def transition(outfall_id: str, action: str, note: str) -> Outfall:
        return outfalls.transition(writer, outfall_id, action, ref, session.actor, note, db_label)

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
    window.tasks_requested.connect(session.open_tasks)
    window.new_task_requested.connect(session.open_new_task)
    window.plan_requested.connect(session.open_plan)
    window.history_requested.connect(session.open_history)
    window.settings_requested.connect(session.open_settings)
    window.sync_requested.connect(session.open_sync)
    window.review_requested.connect(session.open_review)
    window.progress_requested.connect(session.open_progress)
    window.data_requested.connect(session.open_data_io)
    _add_status_strip(session)
    _offer_only_allowed_steps(session)
    _show_plans(session)
    lane.destroyed.connect(writer.close)
    return session


def _add_status_strip(session: Session) -> None:
    """The main window's status strip (unsent, refused, returned, last sync) and 我的记录."""
    from fieldapp.ui.records.strip import StatusStrip
    from fieldapp.ui.records.tool import RecordsTool

    strip = StatusStrip(session.labels.lang)
    session.window.statusBar().addPermanentWidget(strip)
    session.records = RecordsTool(
        session.lane,
        session.writer,
        session.labels.lang,
        strip,
        session.open_record,
        session.sync_controller,
    )
    strip.records_requested.connect(session.open_records)
    strip.sync_requested.connect(session.open_sync)
    session.records.refresh()


def _offer_only_allowed_steps(session: Session) -> None:
    """Once the profile's server account is known, the ledger offers only the lifecycle steps
    its role and level may take (sync.casework; the server judges the evidence on arrival)."""
    from fieldapp.paths import DATA
    from sync import casework
    from sync.client.state import account as sync_account

    rules = casework.load(DATA / "casework.json")

    def known(account: sync_account.Account) -> None:
        if not account.role:
            return  # never signed in: nothing to go by until the first sign-in
        who = casework.Who(account.role, frozenset(account.counties))
        session.window.set_step_authority(
            lambda o, steps: [
                t for t in steps if casework.steps_for(rules, [t.action], who, o.county_code)
            ]
        )

    session.lane.submit(lambda: sync_account.account(session.writer), known, _raise)


def _today() -> date:
    """The calendar day plans are judged by (Nantong's, whatever the laptop's zone)."""
    from sync.plans import today_in_china

    return today_in_china(clock.now())


def _keep_plan(writer: sqlite3.Connection, plan_id: str, data: dict[str, Any]) -> None:
    with database.transaction(writer):
        plan_rows.apply(writer, plan_id, data, deleted=False)


def _show_plans(session: Session) -> None:
    """一口一策 on the ledger: overdue plans marked beside the route, the plan in the detail pane."""
    from fieldapp.ui.plans import marks

    reader = database.open_reader(session.path)
    session._closers.append(reader.close)
    window = session.window

    def section(outfall_id: str) -> str:
        return marks.section_html(
            plan_rows.of_outfall(reader, outfall_id, _today()), session.labels
        )

    window.plan_section = section
    window.model.set_plan_overdue(lambda: plan_rows.overdue_outfalls(reader, _today()),
                                  marks.overdue_mark())  # fmt: skip


def _raise(error: Exception) -> None:
    raise error
