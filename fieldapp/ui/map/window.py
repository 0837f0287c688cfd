"""The map window: the canvas with zoom buttons, a code search, colour-by and legend, basemap."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.lead import AerialLead
from fieldapp.domain.nmea import Fix
from fieldapp.maps import BasemapError, BasemapSettings, open_basemap
from fieldapp.store.map_points import MapPoints, MapReader
from fieldapp.ui.labels import Labels
from fieldapp.ui.leads import LeadPanel
from fieldapp.ui.map.palette import (
    STATE_COLOURS,
    TASK_COLOUR,
    TASK_OVERDUE_COLOUR,
    TYPE_COLOURS,
    colours_for,
)
from fieldapp.ui.map.view import MapView, Overlay, TaskMark
from fieldapp.ui.tasks.map_panel import TaskPanel
from sync.client.state.tasks import MyTask
from sync.tasks import TaskState


class MapWindow(QWidget):
    """Outfalls on an offline map. See the package docstring for the entry API."""

    outfall_activated = Signal(str)  # an outfall id: the lead opens it in the ledger
    basemap_changed = Signal(object)  # BasemapSettings chosen by the user (to persist)
    lead_new_outfall_requested = Signal(object)  # AerialLead: verify it as a new outfall
    lead_inspection_requested = Signal(str)  # an outfall id: verify a lead by inspecting it
    lead_note_requested = Signal(object)  # AerialLead: not a new outfall, a note with photos
    task_inspection_requested = Signal(str, str)  # outfall id, task id: inspect it for the task
    task_patrol_requested = Signal(object)  # MyTask: record the patrol it asks for
    task_here_requested = Signal(float, float)  # lat, lon: a supervisor assigns a task there

    def __init__(
        self,
        reader: MapReader,
        labels: Labels,
        basemap: BasemapSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self.labels = labels
        # The row ids (needed only to open a tapped outfall) are read just after the first frame.
        self.points: MapPoints = reader.points(defer_rids=True)
        self.basemap_settings = basemap or BasemapSettings()
        self.setWindowTitle(self.tr("Map of outfalls"))

        self.view = MapView(self)
        self.view.point_activated.connect(self._activated)
        self.view.lead_activated.connect(self._lead_activated)
        self.view.task_activated.connect(self._task_activated)
        self.view.point_menu_requested.connect(self._point_menu)
        self.tasks: dict[str, MyTask] = {}
        self.task_marks: dict[str, tuple[MyTask, str | None]] = {}  # key → task, outfall id
        self.task_here_allowed = False
        self.point_menu: QMenu | None = None
        self.leads: dict[str, AerialLead] = {}
        self.lead_photo: Callable[[str], bytes | None] = lambda sha256: None
        self.view.resized.connect(self._place_buttons)
        self.view.first_frame_settled.connect(self._read_ids)
        self._fitted = False
        self._closed = False

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Outfall code, e.g. 320623…"))
        self.search.returnPressed.connect(self._search)
        self.go = QPushButton(self.tr("Find"), self)
        self.go.clicked.connect(self._search)
        self.colour_by = QComboBox(self)
        self.colour_by.addItem(self.tr("Colour by type"), "type")
        self.colour_by.addItem(self.tr("Colour by state"), "state")
        self.colour_by.currentIndexChanged.connect(self._recolour)
        self.basemap_button = QPushButton(self.tr("Basemap…"), self)
        self.basemap_button.clicked.connect(self._choose_basemap)
        self.gcj02 = QCheckBox(self.tr("Tiles in GCJ-02"), self)
        self.gcj02.setToolTip(self.tr("Amap and Tencent tiles are GCJ-02; Tianditu is not"))
        self.gcj02.setChecked(self.basemap_settings.gcj02)
        self.gcj02.toggled.connect(self._gcj_toggled)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.go)
        top.addWidget(self.colour_by, 1)
        top.addWidget(self.basemap_button)
        top.addWidget(self.gcj02)

        self.zoom_in = QPushButton("+", self.view)
        self.zoom_out = QPushButton("−", self.view)
        self.fit = QPushButton(self.tr("All"), self.view)
        for b in (self.zoom_in, self.zoom_out, self.fit):
            b.setFixedSize(QSize(64, 56))
            b.setStyleSheet("font-size: 22px; min-width: 0;")
        self.fit.setStyleSheet("font-size: 16px; min-width: 0;")
        self.zoom_in.clicked.connect(lambda: self.view.zoom_by(1.0))
        self.zoom_out.clicked.connect(lambda: self.view.zoom_by(-1.0))
        self.fit.clicked.connect(self.view.fit_points)

        self.legend_title = QLabel(self)
        self.legend_title.setStyleSheet("font-weight: bold; font-size: 16px;")
        self.legend = QWidget(self)
        self.legend_layout = QVBoxLayout(self.legend)
        self.legend_layout.setContentsMargins(0, 0, 0, 0)
        legend_scroll = self._side_panel(self.legend)
        legend_scroll.show()
        self.count = QLabel(self)
        self.count.setObjectName("count")
        self.count.setWordWrap(True)
        self.lead_panel = LeadPanel(self)
        # The panel takes the legend's place while open, scrolling on a short screen (150%).
        self.lead_scroll = self._side_panel(self.lead_panel)
        self.lead_panel.new_outfall_requested.connect(self._lead_new_outfall)
        self.lead_panel.inspection_requested.connect(self.lead_inspection_requested)
        self.lead_panel.note_requested.connect(
            lambda lead_id: self.lead_note_requested.emit(self.leads[lead_id])
        )
        self.lead_panel.closed.connect(self._lead_closed)
        self.task_panel = TaskPanel(self)
        self.task_scroll = self._side_panel(self.task_panel)
        self.task_panel.inspection_requested.connect(self.task_inspection_requested)
        self.task_panel.patrol_requested.connect(self.task_patrol_requested)
        self.task_panel.closed.connect(self._task_closed)
        self.legend_scroll = legend_scroll
        side = QVBoxLayout()
        side.addWidget(self.lead_scroll, 1)
        side.addWidget(self.task_scroll, 1)
        side.addWidget(self.count)
        side.addWidget(self.legend_title)
        side.addWidget(legend_scroll, 1)
        side.addWidget(self.status)
        side_widget = QWidget(self)
        side_widget.setLayout(side)
        side_widget.setFixedWidth(250)

        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(side_widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        self._show_count()
        self._recolour()
        self.view.set_world_points(
            self.points.xs, self.points.ys, self.points.types, self._colours("type")
        )
        self.view.fit_points()
        if self.basemap_settings.path:
            self.set_basemap(self.basemap_settings)

    def _side_panel(self, panel: QWidget) -> QScrollArea:
        """The side column's content (the legend, or a panel that takes its place while open),
        scrolling on a short screen."""
        area = QScrollArea(self)
        area.setWidget(panel)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.hide()
        return area

    # -- API -------------------------------------------------------------------------------
    def show_outfall(self, outfall_id: str) -> bool:
        """Centres on and selects an outfall by id; False when it has no position."""
        rid = self.reader.rid_of(outfall_id)
        return rid is not None and self._show_rid(rid)

    def find_code(self, code: str) -> bool:
        """Jumps to the outfall carrying ``code``; False (and a message) when there is none."""
        rid = self.reader.find_code(code) if code.strip() else None
        if rid is None or not self._show_rid(rid):
            self.status.setText(
                self.tr("No outfall with position has the code %1.").replace("%1", code.strip())
            )
            return False
        self.status.setText("")
        return True

    def set_position(self, fix: Fix | None) -> None:
        """The receiver's current fix (drawn with its accuracy circle), or None to hide it."""
        pos = None
        if fix is not None and fix.has_position:
            assert fix.lat is not None and fix.lon is not None
            pos = (fix.lat, fix.lon, fix.eph_m)
        o = self.view.overlay
        self.view.set_overlay(Overlay(pos, o.tracks, o.markers))

    def set_tracks(self, tracks: list[list[tuple[float, float]]]) -> None:
        """Patrol tracks to draw, each a list of (lat, lon)."""
        o = self.view.overlay
        self.view.set_overlay(Overlay(o.position, tuple(tuple(t) for t in tracks), o.markers))

    def set_leads(
        self, leads: list[AerialLead], photo: Callable[[str], bytes | None] | None = None
    ) -> None:
        """Aerial-survey leads to verify, drawn as their own layer; ``photo`` gives a photo's
        bytes by SHA-256 when this laptop has it."""
        self.leads = {lead.id: lead for lead in leads if lead.to_verify}
        if photo is not None:
            self.lead_photo = photo
        self.view.set_leads([(lead.id, lead.lat, lead.lon) for lead in self.leads.values()])
        self._show_count()

    def show_lead(self, lead_id: str) -> bool:
        """Centres on a lead and opens its panel; False when it is not on the map."""
        lead = self.leads.get(lead_id)
        if lead is None:
            return False
        self.view.center_on(lead.lat, lead.lon, max(self.view.zoom, 16.0))
        self._lead_activated(lead_id)
        return True

    def set_tasks(self, tasks: list[MyTask]) -> None:
        """The signed-in user's tasks; the open ones are flagged at their outfalls (those with a
        position on this map) and at their own position, the overdue ones in red."""
        self.tasks = {task.id: task for task in tasks if task.state == TaskState.OPEN}
        self.task_marks = {}
        marks: list[TaskMark] = []
        for task in self.tasks.values():
            for outfall in task.outfalls:
                where = self._position_of(outfall.id)
                if where is not None:
                    key = f"{task.id}/{outfall.id}"
                    self.task_marks[key] = (task, outfall.id)
                    marks.append(TaskMark(key, task.id, *where, task.overdue))
            if task.location is not None:
                self.task_marks[task.id] = (task, None)
                marks.append(TaskMark(task.id, task.id, *task.location, task.overdue))
        self.view.set_tasks(marks)
        current = self.task_panel.task
        if not self.task_scroll.isHidden() and current is not None:  # its panel shows it anew
            again = next((k for k, (t, _o) in self.task_marks.items() if t.id == current.id), None)
            self._task_activated(again) if again is not None else self._task_closed()
        self._show_count()

    def show_task(self, task_id: str) -> bool:
        """Centres on a task's places and opens its panel; False when it has none on the map."""
        keys = [k for k, (task, _o) in self.task_marks.items() if task.id == task_id]
        if not keys:
            self.status.setText(self.tr("This task has no place on the map."))
            return False
        places = [(m.lat, m.lon) for m, _x, _y in self.view.tasks if m.key in keys]
        if len(places) == 1:
            self.view.center_on(*places[0], max(self.view.zoom, 16.0))
        else:
            self.view.fit_lat_lons(places)
        self.view.selected_task = keys[0]
        self._task_activated(keys[0])
        return True

    def allow_task_here(self, allowed: bool) -> None:
        """Offers 在此派任务 (a task at a point of the map): for a signed-in supervisor only."""
        self.task_here_allowed = allowed

    def set_basemap(self, settings: BasemapSettings) -> bool:
        """Opens the basemap; on a bad file shows why and keeps the plain grid."""
        self.basemap_settings = settings
        if not settings.path:
            self.view.set_basemap(None)
            return True
        try:
            basemap = open_basemap(settings.path)
        except BasemapError as exc:
            self.view.set_basemap(None)
            self.status.setText(exc.message(self.labels.lang))
            return False
        self.view.set_basemap(basemap, settings.gcj02)
        self.status.setText(self.tr("Basemap: %1").replace("%1", basemap.name))
        return True

    def close_resources(self) -> None:
        """Before the reader closes: drops the basemap and any read still planned."""
        self._closed = True
        self.view.set_basemap(None)

    # -- internals ---------------------------------------------------------------------------
    def _show_rid(self, rid: int) -> bool:
        i = self.points.index_of_rid(rid)
        if i is None:
            return False
        self.view.center_on(self.points.lats[i], self.points.lons[i], max(self.view.zoom, 16.0))
        self.view.select(i)
        return True

    def _read_ids(self) -> None:
        if not self._closed:
            self.points.index_of_rid(0)  # reads the ids (ending their snapshot) and indexes them

    def _search(self) -> None:
        self.find_code(self.search.text())

    def _activated(self, index: int) -> None:
        found = self.reader.outfall_id(self.points.rids[index])
        if found is not None:
            outfall_id, code = found
            self.status.setText(self.tr("Selected: %1").replace("%1", code or "—"))
            self.outfall_activated.emit(outfall_id)

    def _show_count(self) -> None:
        text = self.tr("%n outfall(s) on the map", "", len(self.points))
        if self.leads:
            text += "\n" + self.tr("%n aerial-survey lead(s) to verify", "", len(self.leads))
        if self.tasks:
            text += "\n" + self.tr("%n open task(s) for you", "", len(self.tasks))
            overdue = sum(task.overdue for task in self.tasks.values())
            if overdue:
                text += self.tr(", %n overdue", "", overdue)
        self.count.setText(text)

    def _position_of(self, outfall_id: str) -> tuple[float, float] | None:
        rid = self.reader.rid_of(outfall_id)
        i = self.points.index_of_rid(rid) if rid is not None else None
        return None if i is None else (self.points.lats[i], self.points.lons[i])

    def _task_activated(self, key: str) -> None:
        found = self.task_marks.get(key)
        if found is None:
            return
        self._side(self.task_scroll)
        self.view.selected_task = key
        self.task_panel.show_task(*found)

    def _task_closed(self) -> None:
        self._side(None)

    def _side(self, panel: QScrollArea | None) -> None:
        """Shows one panel (a lead's, a task's) in the legend's place, or (None) the legend;
        nothing stays chosen on the map but what the panel shows."""
        for scroll in (self.lead_scroll, self.task_scroll):
            scroll.setVisible(scroll is panel)
        for legend in (self.count, self.legend_title, self.legend_scroll):
            legend.setVisible(panel is None)
        self.view.selected_lead = self.view.selected_task = None
        self.view.update()

    def _point_menu(self, lat: float, lon: float, at: QPoint) -> None:
        """The menu of a point held or right-clicked: what may be done there (nothing shown
        when nothing may)."""
        if not self.task_here_allowed:
            return
        if self.point_menu is not None and self.point_menu.isVisible():
            return  # a held finger may also arrive as a right-click: one menu is enough
        menu = QMenu(self)
        menu.setObjectName("mapPointMenu")
        here = menu.addAction(self.tr("Task here…"))
        here.setObjectName("taskHere")
        here.triggered.connect(lambda: self.task_here_requested.emit(lat, lon))
        self.point_menu = menu
        menu.popup(at)

    def _lead_activated(self, lead_id: str) -> None:
        lead = self.leads.get(lead_id)
        if lead is None:
            return
        self._side(self.lead_scroll)
        self.view.selected_lead = lead_id
        self.view.update()
        sha = lead.photos[0].sha256 if lead.photos else None
        photo = None if sha is None else (lambda: self.lead_photo(sha))  # read off the GUI thread
        self.lead_panel.show_lead(lead, photo)

    def _lead_new_outfall(self, lead_id: str) -> None:
        lead = self.leads.get(lead_id)
        if lead is not None:
            self.lead_new_outfall_requested.emit(lead)

    def _lead_closed(self) -> None:
        self._side(None)

    def _colours(self, by: str) -> list[QColor]:
        if by == "state":
            return colours_for(self.points.state_codes, STATE_COLOURS)
        return colours_for(self.points.type_codes, TYPE_COLOURS)

    def _recolour(self) -> None:
        by = self.colour_by.currentData() or "type"
        colours = self._colours(by)
        label: Callable[[str], str]
        if by == "state":
            codes, label = self.points.state_codes, self.labels.state
            categories = self.points.states
            self.legend_title.setText(self.tr("Lifecycle state"))
        else:
            codes, label = self.points.type_codes, lambda code: self.labels.type(code)
            categories = self.points.types
            self.legend_title.setText(self.tr("Outfall type"))
        if self.view.xs:
            self.view.set_categories(categories, colours)
        while self.legend_layout.count():
            item = self.legend_layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()
                old.deleteLater()
        for code, colour in sorted(zip(codes, colours, strict=True), key=lambda c: label(c[0])):
            swatch = QPixmap(22, 22)
            swatch.fill(Qt.GlobalColor.transparent)
            painter = QPainter(swatch)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.GlobalColor.white)
            painter.setBrush(colour)
            painter.drawEllipse(2, 2, 18, 18)
            painter.end()
            self.legend_layout.addWidget(_legend_row(swatch, label(code)))
        cluster = QLabel(self.tr("Dark circle with a number: that many outfalls; tap to zoom in"))
        cluster.setWordWrap(True)
        self.legend_layout.addWidget(cluster)
        leads = QLabel(
            self.tr("Yellow diamond: an aerial-survey lead to verify (with a number: that many)")
        )
        leads.setWordWrap(True)
        self.legend_layout.addWidget(leads)
        for overdue, text in (
            (False, self.tr("Flag: a task for you")),
            (True, self.tr("Red flag with “!”: a task overdue")),
        ):
            self.legend_layout.addWidget(_legend_row(_flag(overdue), text))
        self.legend_layout.addStretch(1)

    def _choose_basemap(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open an MBTiles basemap"),
            "",
            self.tr("MBTiles (*.mbtiles);;All files (*)"),
        )
        if path:
            settings = BasemapSettings(path, self.gcj02.isChecked())
            if self.set_basemap(settings):
                self.basemap_changed.emit(settings)

    def _gcj_toggled(self, on: bool) -> None:
        settings = BasemapSettings(self.basemap_settings.path, on)
        self.basemap_settings = settings
        if self.view.basemap is not None:
            self.view.set_basemap(self.view.basemap, on)
        self.basemap_changed.emit(settings)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # the first layout has given the canvas its real size
            self._fitted = True
            self.view.fit_points()

    def _place_buttons(self) -> None:
        x = self.view.width() - 76
        self.zoom_in.move(x, 12)
        self.zoom_out.move(x, 74)
        self.fit.move(x, 136)


def _legend_row(swatch: QPixmap, text: str) -> QWidget:
    row = QLabel(text)
    row.setWordWrap(True)
    row.setMinimumHeight(30)
    icon = QLabel()
    icon.setPixmap(swatch)
    line = QHBoxLayout()
    line.addWidget(icon)
    line.addWidget(row, 1)
    holder = QWidget()
    holder.setLayout(line)
    return holder


def _flag(overdue: bool) -> QPixmap:
    """The task flag of the map (``MapView._draw_tasks``), small."""
    swatch = QPixmap(22, 22)
    swatch.fill(Qt.GlobalColor.transparent)
    painter = QPainter(swatch)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#212121"), 2))
    painter.drawLine(3, 21, 3, 1)
    painter.setPen(QPen(QColor("#ffffff"), 1))
    painter.setBrush(QColor(TASK_OVERDUE_COLOUR if overdue else TASK_COLOUR))
    painter.drawRect(4, 1, 17, 13)
    if overdue:
        font = painter.font()
        font.setPixelSize(12)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRect(4, 1, 17, 13), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return swatch
