"""The patrol window: start, pause, resume, finish; the live track on a map; problems; summary; GPX.

Every fix of a running patrol goes to the background lane and is committed on its own
(``patrols.add_point``) before ``point_committed`` is emitted, so whatever was reported saved
survives a crash. On opening, the author's unfinished patrol is resumed (or, if left open longer
than the rules allow, finished at its last point and shown as such).

Fix times: the receiver's UTC time is recorded; when it has none, or it is more than
``CLOCK_TRUST_S`` away from the computer's clock (a replayed log, a receiver without a date), the
computer's time is used instead.

The position source is read from the moment the window opens: the map follows the position (until
the map is dragged; the Follow button brings it back), shows the marker with its accuracy circle,
and the side list shows the outfalls nearby. A patrol cannot start without a position source: the
window says so and offers to choose one (``source_chosen`` carries the choice to the settings). A
fix from a receiver in simulation mode is shown as such and never recorded.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import geodesy
from fieldapp import patrol_rules
from fieldapp.domain import clock
from fieldapp.domain.gpx import Waypoint, to_gpx
from fieldapp.domain.nmea import Fix
from fieldapp.domain.patrol import (
    Patrol,
    PatrolRules,
    PatrolSummary,
    Problem,
    TrackPoint,
    frequency_status,
)
from fieldapp.media.blobstore import BlobStore
from fieldapp.media.errors import PhotoError
from fieldapp.store import patrols
from fieldapp.store.map_points import MapReader
from fieldapp.ui import formatting as fmt
from fieldapp.ui.labels import Labels
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.map.palette import TYPE_COLOURS, colours_for
from fieldapp.ui.map.view import MapView, Overlay
from fieldapp.ui.patrol.problem_dialog import ProblemDialog
from fieldapp.ui.patrol.source_dialog import SourceDialog
from fieldapp.ui.patrol.thumbs import ThumbnailLoader
from fieldapp.ui.position_feed import PositionFeed, SourceFactory

CLOCK_TRUST_S = 12 * 3600
PROBLEM_AT_OUTFALL_M = 60.0  # outfalls offered when marking a problem (a fix can be 10–30 m off)
NEARBY_M = 500.0  # outfalls listed as nearby while walking
NEARBY_SHOWN = 10
NEARBY_REFRESH_M = 10.0  # the nearby list is looked up again after moving this far


class PatrolWindow(QWidget):
    """A river chief's patrol. See the package docstring for the entry API."""

    point_committed = Signal(int)  # points of this patrol now safely on disk
    patrol_changed = Signal(str)  # patrol id: started, resumed, paused, finished
    outfall_activated = Signal(str)
    inspection_requested = Signal(str)  # outfall id: a problem seen there becomes an inspection
    source_chosen = Signal(str)  # the position source the user chose here (for the settings)

    def __init__(
        self,
        writer: sqlite3.Connection,
        lane: BackgroundLane,
        labels: Labels,
        actor: str,
        county_code: str,
        source: SourceFactory | str | None,
        *,
        reader: MapReader | None = None,
        blobs: BlobStore | None = None,
        rules: PatrolRules | None = None,
        record: Patrol | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """With ``record``, the window shows that finished patrol (from 我的记录): its track,
        problems, outfalls passed and summary, with no position source and nothing to record;
        without, it is the recording window, resuming the actor's unfinished patrol."""
        super().__init__(parent)
        # The app's write connection, used only on the lane's thread: one writer per profile.
        self.writer = writer
        self.lane = lane
        self.labels = labels
        self.actor = actor
        self.county_code = county_code
        self.rules = rules or patrol_rules.load()
        self.blobs = blobs
        self.reader = reader
        self._listed: list[Problem] = []  # the problems in the list's rows, in order
        self._thumbnails: dict[str, QPixmap] = {}
        self._thumbs = ThumbnailLoader(blobs, self) if blobs is not None else None
        if self._thumbs is not None:
            self._thumbs.ready.connect(self._thumbnail_ready)
        self.patrol: Patrol | None = None
        self.last_fix: Fix | None = None
        self.committed = 0
        self._next_seq = 0
        # The source: a spec (port, tcp://, log) opened here, or a ready factory (tests, tools).
        self.source_spec = source if isinstance(source, str) else ""
        self._factory: SourceFactory | None = None if isinstance(source, str) else source
        self._source_error: str | None = None  # why the source could not be read, until a fix
        self._simulated_shown = False
        self._nearby_at: tuple[float, float] | None = None
        self.follow = True
        self._closed = False  # after shutdown: fixes still queued from the feed are dropped
        self._feed = PositionFeed(self._open_fixes)
        self._feed.fix.connect(self._on_fix)
        self._feed.lost.connect(self._on_lost)
        self._feed.restored.connect(self._on_restored)
        self._feed.ended.connect(self._on_ended)
        self.setWindowTitle(self.tr("River patrol"))
        self.viewing = record is not None  # a recorded patrol shown, nothing to record
        self.task_id: str | None = None  # the task the next patrol answers (prepare_task)
        self._task_county = ""
        self._build()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._refresh)
        if record is not None:
            self._show_record(record)
            return
        self._tick.start()
        self._run(self._open, self._opened)
        self._show_source()
        if self.has_source:
            self._feed.start()

    def _show_record(self, patrol: Patrol) -> None:
        for control in (self.start_button, self.pause_button, self.resume_button,
                        self.finish_button, self.problem_button, self.source_button):  # fmt: skip
            control.hide()
        self.setWindowTitle(self.tr("River patrol of %1").replace("%1", _local(patrol.started_at)))
        self.receiver_label.setText(self.tr("A recorded patrol, as it was kept on this laptop."))
        self._show_patrol(patrol)
        self._show_summary()
        self.follow_button.hide()
        track = [(p.lat, p.lon) for p in patrol.points]
        self.map.fit_lat_lons(track)
        # and whenever the map's size changes (it is known only once laid out)
        self.map.resized.connect(lambda: self.map.fit_lat_lons(track))

    @property
    def has_source(self) -> bool:
        return self._factory is not None or bool(self.source_spec)

    def _open_fixes(self) -> Any:
        """The fixes of the source (on the feed's thread); a spec is opened afresh each time."""
        if self._factory is not None:
            return self._factory()
        from fieldapp.gnss import drain, open_source

        return drain(open_source(self.source_spec, speed=1.0), self._feed.stopping)

    def set_source(self, spec: str) -> None:
        """Read positions from ``spec`` from now on (and tell whoever keeps the settings)."""
        self._feed.stop()
        self.source_spec, self._factory = spec, None
        self._source_error = None
        self._show_source()
        if spec:
            self._feed.start()
        self.source_chosen.emit(spec)

    def choose_source(self) -> None:
        """Asks for the position source (a port found here, tcp://host:port, or a log)."""
        from fieldapp.gnss.serial_port import list_ports

        try:
            ports = list_ports()
        except Exception:
            ports = []
        dialog = SourceDialog(self.source_spec, self.labels.lang, ports, self)
        if dialog.exec():
            self.set_source(dialog.chosen())

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.level = QComboBox(self)
        for lv in self.rules.levels:
            self.level.addItem(lv.label(self.labels.lang), lv.code)
        self.level.setCurrentIndex(self.level.count() - 1)
        self.river = QLineEdit(self)
        self.river.setPlaceholderText(self.tr("River or stretch"))
        self.start_button = QPushButton(self.tr("Start patrol"), self)
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.resume_button = QPushButton(self.tr("Resume"), self)
        self.finish_button = QPushButton(self.tr("Finish"), self)
        self.problem_button = QPushButton(self.tr("Mark a problem"), self)
        self.export_button = QPushButton(self.tr("Export GPX…"), self)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.pause)
        self.resume_button.clicked.connect(self.resume)
        self.finish_button.clicked.connect(self.finish)
        self.problem_button.clicked.connect(self._mark_problem)
        self.export_button.clicked.connect(self._export)
        top = QHBoxLayout()
        top.addWidget(self.level)
        top.addWidget(self.river, 1)
        for b in (self.start_button, self.pause_button, self.resume_button, self.finish_button):
            top.addWidget(b)

        self.state_label = QLabel(self)
        self.state_label.setObjectName("count")
        self.receiver_label = QLabel(self)
        self.receiver_label.setWordWrap(True)
        self.state_label.setWordWrap(True)
        self.stats_label = QLabel(self)
        self.stats_label.setTextFormat(Qt.TextFormat.RichText)
        # never squeezed below its rows by the lists beside it (at 150% they cut it in half)
        self.stats_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.problems = QListWidget(self)
        self.problems.setIconSize(QSize(56, 56))
        self.problems.currentRowChanged.connect(self._problem_selected)
        self.problem_photos = QListWidget(self)  # the selected problem's photos
        self.problem_photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.problem_photos.setFlow(QListWidget.Flow.LeftToRight)
        self.problem_photos.setWrapping(False)
        self.problem_photos.setIconSize(QSize(96, 96))
        self.problem_photos.setFixedHeight(116)
        self.problem_photos.hide()
        self.inspect_button = QPushButton(self.tr("Inspect this outfall"), self)
        self.inspect_button.setToolTip(
            self.tr("Start an inspection of the outfall where the selected problem was seen")
        )
        self.inspect_button.setEnabled(False)
        self.inspect_button.clicked.connect(self._inspect_selected)
        self.passed = QListWidget(self)  # outfalls nearby while walking, passed once finished
        self.passed.itemActivated.connect(
            lambda item: self.outfall_activated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.outfalls_title = QLabel(self.tr("Outfalls nearby"), self)
        self.source_button = QPushButton(self.tr("Position source…"), self)
        self.source_button.setObjectName("patrolSource")
        self.source_button.clicked.connect(self.choose_source)
        side = QVBoxLayout()
        side.addWidget(self.state_label)
        side.addWidget(self.receiver_label)
        side.addWidget(self.source_button)
        side.addWidget(self.stats_label)
        side.addWidget(self.problem_button)
        side.addWidget(QLabel(self.tr("Problems found"), self))
        side.addWidget(self.problems, 1)
        side.addWidget(self.problem_photos)
        side.addWidget(self.inspect_button)
        side.addWidget(self.outfalls_title)
        side.addWidget(self.passed, 1)
        side.addWidget(self.export_button)
        side_widget = QWidget(self)
        side_widget.setLayout(side)
        # At 150% on a 768-pixel screen the column is taller than the window: it scrolls rather
        # than squeezing the figures and lists until their text is cut.
        side_scroll = QScrollArea(self)
        side_scroll.setWidget(side_widget)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setFixedWidth(380 + side_scroll.verticalScrollBar().sizeHint().width())

        self.map = MapView(self)
        if self.reader is not None:
            pts = self.reader.points()
            self.map.set_world_points(
                pts.xs, pts.ys, pts.types, colours_for(pts.type_codes, TYPE_COLOURS)
            )
            self._map_rids = pts.rids
            self.map.point_activated.connect(self._map_point)
        self.map.zoom = 16.0
        self.map.panned_by_user.connect(lambda: self.set_follow(False))
        self.follow_button = QToolButton(self.map)  # floats over the map's top right corner
        self.follow_button.setObjectName("followPosition")
        self.follow_button.setText(self.tr("Follow my position"))
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.follow_button.setMinimumHeight(44)
        self.follow_button.setStyleSheet(
            "QToolButton { background: white; border: 2px solid #1565c0; border-radius: 6px;"
            " padding: 4px 10px; font-weight: bold; color: #1565c0; }"
            " QToolButton:checked { background: #1565c0; color: white; }"
        )
        self.follow_button.toggled.connect(self.set_follow)
        self.follow_button.hide()  # until there is a position to follow
        self.map.resized.connect(self._place_follow_button)
        body = QHBoxLayout()
        body.addWidget(self.map, 1)
        body.addWidget(side_scroll)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self._update_buttons()

    # -- lane helpers ------------------------------------------------------------------------
    def _run(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.lane.submit(job, done, self._failed)

    def _failed(self, exc: Exception) -> None:
        message = getattr(exc, "message", None)
        text = message(self.labels.lang) if callable(message) else str(exc)
        self.receiver_label.setText(self.tr("Could not save: %1").replace("%1", text))
        self.receiver_label.setStyleSheet("color: #b00020; font-weight: bold;")

    def _open(self) -> Patrol | None:
        patrol = patrols.open_patrol(self.writer, self.actor)
        if patrol is not None:
            patrol = patrols.finish_if_stale(self.writer, patrol, self.rules)
        return patrol

    def _opened(self, patrol: Patrol | None) -> None:
        if patrol is None:
            self.state_label.setText(self.tr("No patrol running"))
            return
        self._show_patrol(patrol)
        if patrol.is_open:
            self.receiver_label.setText(
                self.tr("Resumed the unfinished patrol started %1 (%2 points kept).")
                .replace("%1", _local(patrol.started_at))
                .replace("%2", str(len(patrol.points)))
            )
            if self.has_source:
                self._feed.start()
            else:  # it goes on recording once a source is chosen
                self._warn(
                    self.receiver_label.text()
                    + " "
                    + self.tr("No position source: choose one with “Position source…”.")
                )
        else:
            self.receiver_label.setText(
                self.tr(
                    "The patrol started %1 was left open too long; it was finished at its "
                    "last recorded point."
                ).replace("%1", _local(patrol.started_at))
            )
            self._show_summary()
        self.patrol_changed.emit(patrol.id)

    def _show_patrol(self, patrol: Patrol) -> None:
        self.patrol = patrol
        self._next_seq = max((p.seq for p in patrol.points), default=-1) + 1
        self.committed = len(patrol.points)
        i = self.level.findData(patrol.chief_level)
        if i >= 0:
            self.level.setCurrentIndex(i)
        self.river.setText(patrol.river)
        self.problems.clear()
        self._listed = []
        for problem in patrol.problems:
            self._list_problem(problem)
        if patrol.points:
            last = patrol.points[-1]
            self.map.center_on(last.lat, last.lon)
        self._redraw_track()
        self._update_buttons()
        self._refresh()

    # -- actions -----------------------------------------------------------------------------
    def start(self) -> None:
        if self.patrol is not None and self.patrol.is_open:
            return
        if not self.has_source:
            self._warn(
                self.tr(
                    "A patrol records your track: choose a position source first (the receiver's "
                    "port, a network receiver or a log) with “Position source…”."
                )
            )
            self.source_button.setFocus()
            return
        if self._source_error is not None and self.last_fix is None:
            self._warn(
                self.tr(
                    "The position source cannot be read, so the patrol cannot start: %1"
                ).replace("%1", self._source_error)
                + " "
                + self.tr("Check the receiver or choose another source.")
            )
            self.source_button.setFocus()
            return
        level, river = self.level.currentData(), self.river.text().strip()
        task_id, county = self.task_id, self._task_county or self.county_code

        def job() -> Patrol:
            return patrols.start(
                self.writer,
                author=self.actor,
                county_code=county,
                chief_level=level,
                river=river,
                task_id=task_id,
            )

        def done(patrol: Patrol) -> None:
            self.task_id, self._task_county = None, ""  # answered by this patrol
            self._show_patrol(patrol)
            self._show_nearby(force=True)
            self._feed.start()  # again, if a replayed log had come to its end
            self.patrol_changed.emit(patrol.id)

        self._run(job, done)

    def prepare_task(self, task_id: str, stretch: str, county_code: str) -> None:
        """The next patrol answers this task (patrol this stretch): the stretch is filled in and
        the patrol, once finished and synced, closes the task. A patrol already running is not
        touched: it is finished first."""
        if self.patrol is not None and self.patrol.is_open:
            self._warn(
                self.tr(
                    "A patrol is being recorded: finish it first, then start the task's patrol."
                )
            )
            return
        self.task_id, self._task_county = task_id, county_code
        if stretch:
            self.river.setText(stretch)
        self.receiver_label.setText(
            self.tr("For the task: %1. Press “Start patrol” at the start of the stretch.").replace(
                "%1", stretch
            )
        )
        self.receiver_label.setStyleSheet("")

    def pause(self) -> None:
        if self.patrol is None or not self.patrol.is_open or self.patrol.paused:
            return
        pid = self.patrol.id
        self._run(lambda: patrols.pause(self.writer, pid), self._state_saved)

    def resume(self) -> None:
        if self.patrol is None or not self.patrol.paused:
            return
        pid = self.patrol.id
        self._run(lambda: patrols.resume(self.writer, pid), self._state_saved)

    def _state_saved(self, patrol: Patrol) -> None:
        if self.patrol is not None and patrol.id == self.patrol.id:
            self.patrol.pauses = patrol.pauses
        self._update_buttons()
        self._refresh()
        self.patrol_changed.emit(patrol.id)

    def finish(self) -> None:
        if self.patrol is None or not self.patrol.is_open:
            return
        pid = self.patrol.id

        def done(patrol: Patrol) -> None:
            self.patrol = patrol
            self._update_buttons()
            self._show_summary()
            self.patrol_changed.emit(patrol.id)

        self._run(lambda: patrols.finish(self.writer, pid, self.rules), done)

    def add_problem(
        self,
        note: str,
        photo_paths: list[str],
        outfall_id: str | None = None,
        *,
        category: str | None = None,
        handling: str = "",
        escalated: bool = False,
    ) -> None:
        """Records a problem at the current position with its photos (ingested on the lane),
        its category, what was done on the spot and whether it is escalated."""
        if self.patrol is None:
            return
        pid, fix, blobs = self.patrol.id, self.last_fix, self.blobs

        def job() -> Problem:
            shas = []
            if blobs is not None:
                from fieldapp.media.ingest import ingest_photo

                shas = [ingest_photo(Path(p), blobs).sha256 for p in photo_paths]
            return patrols.add_problem(
                self.writer,
                pid,
                note=note,
                lat=fix.lat if fix else None,
                lon=fix.lon if fix else None,
                error_m=fix.eph_m if fix else None,
                photo_sha256s=shas,
                outfall_id=outfall_id,
                category=category,
                handling=handling,
                escalated=escalated,
            )

        def done(problem: Problem) -> None:
            if self.patrol is not None:
                self.patrol.problems.append(problem)
            self._list_problem(problem)
            self._redraw_track()
            self._refresh()

        self.lane.submit(job, done, self._problem_failed)

    def _problem_failed(self, exc: Exception) -> None:
        if isinstance(exc, PhotoError):
            text = exc.message(self.labels.lang)
            self.receiver_label.setText(self.tr("Photo not added: %1").replace("%1", text))
            return
        self._failed(exc)

    def export_gpx(self, path: str | Path) -> None:
        """Writes the patrol as GPX 1.1 (its track pieces and problems as waypoints)."""
        if self.patrol is None:
            return
        Path(path).write_text(self.gpx_text(), encoding="utf-8")

    def gpx_text(self) -> str:
        assert self.patrol is not None
        patrol = self.patrol
        track = patrol.filtered(self.rules)
        waypoints = [
            Waypoint(p.lat, p.lon, p.at, self.tr("Problem"), p.note)
            for p in patrol.problems
            if p.lat is not None and p.lon is not None
        ]
        level = self.rules.level(patrol.chief_level)
        name = " ".join(
            x for x in (patrol.river, level.label(self.labels.lang) if level else "") if x
        )
        return to_gpx(name or self.tr("River patrol"), patrol.author, track.pieces, waypoints)

    def shutdown(self) -> None:
        """Stops the feed and the thumbnails (call before closing); the writer stays the app's."""
        self._closed = True
        self._feed.stop()
        self._tick.stop()
        if self._thumbs is not None:
            self._thumbs.wait()

    # -- fixes -------------------------------------------------------------------------------
    def _on_fix(self, fix: Fix) -> None:
        if self._closed or not fix.has_position:
            return
        assert fix.lat is not None and fix.lon is not None
        if self._source_error is not None:
            self._source_error = None
            self._show_source()
        self.last_fix = fix
        o = self.map.overlay
        flag = self.tr("Simulated") if fix.simulated else ""
        self.map.set_overlay(
            Overlay((fix.lat, fix.lon, fix.eph_m), o.tracks, o.markers, position_flag=flag)
        )
        if self.follow_button.isHidden():
            self.follow_button.show()
            self._place_follow_button()
        if self.follow:
            self.map.center_on(fix.lat, fix.lon)
        self._show_nearby()
        if fix.simulated != self._simulated_shown:
            self._simulated_shown = fix.simulated
            if fix.simulated:
                self._warn(self._simulation_text())
            else:
                self._show_source()
        patrol = self.patrol
        if fix.simulated or patrol is None or not patrol.is_open or patrol.paused:
            return
        now = clock.now()
        t = fix.time
        if t is None or abs((t - now).total_seconds()) > CLOCK_TRUST_S:
            t = now
        point = TrackPoint(self._next_seq, t, fix.lat, fix.lon, fix.eph_m, patrol.piece)
        self._next_seq += 1
        pid = patrol.id

        def saved(_: object) -> None:
            if self.patrol is not None and self.patrol.id == pid:
                self.patrol.points.append(point)
                self.committed += 1
                self.point_committed.emit(self.committed)

        self._run(lambda: patrols.add_point(self.writer, pid, point), saved)

    def _on_lost(self, message_en: str, message_zh: str) -> None:
        text = message_zh if self.labels.lang.startswith("zh") else message_en
        if self.last_fix is None:
            self._source_error = text
        self._warn(
            self.tr("Receiver lost; recording resumes when it returns. %1").replace("%1", text)
        )

    def _on_restored(self) -> None:
        self.receiver_label.setText(self.tr("Receiver back; recording resumed."))
        self.receiver_label.setStyleSheet("")

    def _warn(self, text: str) -> None:
        self.receiver_label.setText(text)
        self.receiver_label.setStyleSheet("color: #b00020; font-weight: bold;")

    def _show_source(self) -> None:
        """Which source positions come from, or that there is none yet."""
        if not self.has_source:
            self._warn(self.tr("No position source: choose one with “Position source…”."))
            self.source_button.setToolTip("")
            return
        shown = self.source_spec or self.tr("the given source")
        self.receiver_label.setText(self.tr("Position source: %1").replace("%1", shown))
        self.receiver_label.setStyleSheet("")
        self.source_button.setToolTip(shown)

    # -- following the position --------------------------------------------------------------
    def set_follow(self, follow: bool) -> None:
        """Keep the position in the middle of the map (off when the map is dragged)."""
        self.follow = follow
        if self.follow_button.isChecked() != follow:
            self.follow_button.setChecked(follow)
        fix = self.last_fix
        if follow and fix is not None and fix.lat is not None and fix.lon is not None:
            self.map.center_on(fix.lat, fix.lon)

    def _place_follow_button(self) -> None:
        button = self.follow_button
        button.adjustSize()
        button.move(self.map.width() - button.width() - 12, 12)
        button.raise_()

    def _show_nearby(self, force: bool = False) -> None:
        """The outfalls near the last fix, nearest first (not once a patrol is finished: then the
        list holds the outfalls it passed)."""
        fix = self.last_fix
        if self.reader is None or fix is None or fix.lat is None or fix.lon is None:
            return
        if self.patrol is not None and not self.patrol.is_open:
            return
        at = self._nearby_at
        if (
            not force
            and at is not None
            and geodesy.distance_m(*at, fix.lat, fix.lon) < NEARBY_REFRESH_M
        ):
            return
        self._nearby_at = (fix.lat, fix.lon)
        self.outfalls_title.setText(self.tr("Outfalls nearby"))
        self.passed.clear()
        for o in self.reader.near(fix.lat, fix.lon, NEARBY_M)[:NEARBY_SHOWN]:
            item = QListWidgetItem(f"{o.code or o.name}  {fmt.distance(o.distance_m)}")
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            item.setToolTip(o.name)
            self.passed.addItem(item)

    def _simulation_text(self) -> str:
        return self.tr(
            "The receiver is in simulation mode: its positions are shown in grey and are not "
            "recorded. Turn simulation off on the receiver."
        )

    def _on_ended(self) -> None:
        ended = self.tr("The position source has ended (end of the log).")
        if self._simulated_shown:  # the warning stays in view
            self._warn(self._simulation_text() + "\n" + ended)
            return
        self.receiver_label.setText(ended)

    # -- display -----------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        patrol = self.patrol
        running = patrol is not None and patrol.is_open
        paused = running and patrol is not None and patrol.paused
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running and not paused)
        self.resume_button.setEnabled(paused)
        self.finish_button.setEnabled(running)
        self.problem_button.setEnabled(running)
        self.export_button.setEnabled(patrol is not None and not patrol.is_open)
        self.level.setEnabled(not running and not self.viewing)
        self.river.setEnabled(not running and not self.viewing)
        if not running:
            self.state_label.setText(
                self.tr("Patrol finished") if patrol is not None else self.tr("No patrol running")
            )
        elif paused:
            self.state_label.setText(self.tr("Paused"))
        else:
            self.state_label.setText(self.tr("Recording"))

    def _redraw_track(self) -> None:
        if self.patrol is None:
            return
        track = self.patrol.filtered(self.rules)
        o = self.map.overlay
        markers = tuple(
            (p.lat, p.lon) for p in self.patrol.problems if p.lat is not None and p.lon is not None
        )
        pieces = tuple(tuple((p.lat, p.lon) for p in piece) for piece in track.pieces)
        self.map.set_overlay(Overlay(o.position, pieces, markers, o.position_flag))

    def _refresh(self) -> None:
        if self.patrol is None:
            self.stats_label.setText("")
            return
        if self.patrol.is_open:
            self._redraw_track()
        self.stats_label.setText(self._stats_html(self.patrol.summary(self.rules)))

    def _stats_html(self, s: PatrolSummary) -> str:
        yes, no = self.tr("yes"), self.tr("no")
        rows = [
            (self.tr("Duration"), _duration(s.duration_s)),
            (self.tr("Distance"), fmt.distance(s.distance_m)),
            (self.tr("Points kept / recorded"), f"{s.points_kept} / {s.points_recorded}"),
            (self.tr("Problems"), str(s.problems)),
        ]
        if self.patrol is not None and not self.patrol.is_open:
            rows.append((self.tr("Outfalls passed"), str(s.outfalls_passed)))
            rows.append(
                (
                    self.tr("Meets the minimum (%1, %2)")
                    .replace("%1", fmt.duration(self.rules.min_duration_s))
                    .replace("%2", fmt.distance(self.rules.min_distance_m)),
                    yes if s.meets_rules else no,
                )
            )
        return (
            "<table>"
            + "".join(f"<tr><td>{k}&nbsp;&nbsp;</td><td><b>{v}</b></td></tr>" for k, v in rows)
            + "</table>"
        )

    def _show_summary(self) -> None:
        patrol = self.patrol
        if patrol is None:
            return
        self._redraw_track()
        self.passed.clear()
        self.outfalls_title.setText(self.tr("Outfalls passed"))
        self._nearby_at = None
        for o in patrol.passed:
            item = QListWidgetItem(f"{o.code or o.name}  {fmt.distance(o.distance_m)}")
            item.setData(Qt.ItemDataRole.UserRole, o.outfall_id)
            item.setToolTip(o.name)
            self.passed.addItem(item)
        summary = patrol.summary(self.rules)
        self.stats_label.setText(self._stats_html(summary))
        level = self.rules.level(patrol.chief_level)
        if level is None:
            return
        pid, author = patrol.id, patrol.author

        def job() -> list[Any]:
            return patrols.qualifying_days(self.writer, author, level.code)

        def done(days: list[Any]) -> None:
            if self.patrol is None or self.patrol.id != pid:
                return
            status = frequency_status(level, days, clock.now().date())
            self.state_label.setText(
                self.tr("Patrol finished. This period: %1 of %2 required patrols")
                .replace("%1", str(status.done))
                .replace("%2", str(status.required))
            )

        self._run(job, done)

    def _list_problem(self, problem: Problem) -> None:
        photos = len(problem.photo_sha256s)
        text = f"{_local(problem.at)}  {problem.note}"
        if photos:
            text += "  " + self.tr("(%1 photos)").replace("%1", str(photos))
        self._listed.append(problem)
        self.problems.addItem(text)
        if problem.photo_sha256s:  # the first photo is the problem's icon
            self._ask_thumbnail(problem.photo_sha256s[0])
        if self.problems.currentRow() == len(self._listed) - 1:
            self._problem_selected(len(self._listed) - 1)

    def selected_problem(self) -> Problem | None:
        row = self.problems.currentRow()
        return self._listed[row] if 0 <= row < len(self._listed) else None

    def _problem_selected(self, row: int) -> None:
        problem = self._listed[row] if 0 <= row < len(self._listed) else None
        self.inspect_button.setEnabled(problem is not None and bool(problem.outfall_id))
        self.problem_photos.clear()
        shas = problem.photo_sha256s if problem is not None else ()
        self.problem_photos.setVisible(bool(shas) and self._thumbs is not None)
        for sha in shas:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, sha)
            item.setSizeHint(QSize(104, 104))
            if sha in self._thumbnails:
                item.setIcon(QIcon(self._thumbnails[sha]))
            self.problem_photos.addItem(item)
            self._ask_thumbnail(sha)

    def _ask_thumbnail(self, sha256: str) -> None:
        if self._thumbs is not None and sha256 not in self._thumbnails:
            self._thumbs.request(sha256)

    def _thumbnail_ready(self, sha256: str, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image)
        self._thumbnails[sha256] = pixmap
        for row, problem in enumerate(self._listed):
            if problem.photo_sha256s and problem.photo_sha256s[0] == sha256:
                item = self.problems.item(row)
                if item is not None:
                    item.setIcon(QIcon(pixmap))
        for row in range(self.problem_photos.count()):
            item = self.problem_photos.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == sha256:
                item.setIcon(QIcon(pixmap))

    def _inspect_selected(self) -> None:
        problem = self.selected_problem()
        if problem is not None and problem.outfall_id:
            self.inspection_requested.emit(problem.outfall_id)

    def _mark_problem(self) -> None:
        dialog = ProblemDialog(self, self._outfalls_here(), self.labels.lang)
        if dialog.exec():
            self.add_problem(dialog.note(), dialog.photos(), dialog.outfall_id(),
                             category=dialog.category_code(), handling=dialog.handling_note(),
                             escalated=dialog.escalated())  # fmt: skip

    def _outfalls_here(self) -> list[tuple[str, str]]:
        """(id, label) of the outfalls within reach of the last fix, nearest first."""
        fix = self.last_fix
        if self.reader is None or fix is None or fix.lat is None or fix.lon is None:
            return []
        return [
            (o.id, f"{o.code or o.name}  {fmt.distance(o.distance_m)}")
            for o in self.reader.near(fix.lat, fix.lon, PROBLEM_AT_OUTFALL_M)[:12]
        ]

    def _export(self) -> None:
        if self.patrol is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the patrol as GPX"),
            f"patrol-{self.patrol.id[:8]}.gpx",
            "GPX (*.gpx)",
        )
        if path:
            try:
                self.export_gpx(path)
            except OSError as exc:
                self.receiver_label.setText(
                    self.tr("Could not write %1: %2").replace("%1", path).replace("%2", str(exc))
                )

    def _map_point(self, index: int) -> None:
        if self.reader is None:
            return
        found = self.reader.outfall_id(self._map_rids[index])
        if found:
            self.outfall_activated.emit(found[0])


def _local(t: datetime) -> str:
    return fmt.local_time(t)


def _duration(seconds: float) -> str:
    return fmt.duration(seconds)
