"""The progress view (考核进度): where each county stands against the plan's milestones, on any day.

Works on what this device holds. The cube comes from the lane (read from the profile's cache and
brought up to date there: the outfalls changed since are counted again, milliseconds); while the
view is open it asks every half second whether changes came, so a step taken or a pull shows at
once. Every switch of county, basin, milestone or date is arithmetic on the GUI thread, a few
milliseconds. The numbers are painted first; the charts (Qt Charts cost more to build than all the
counting) are built right after that first paint. Every number opens the list of outfalls behind
it (read on the lane).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QEvent, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from assessment.figures import AreaProgress, MilestoneResult, Progress, month_ends, summarise, trend
from assessment.members import Pick
from assessment.rules import ProgressRules
from assessment.timeline import Cube
from fieldapp.store.progress import CubeRead, MemberRow
from fieldapp.ui.labels import Labels
from fieldapp.ui.progress.cells import (
    PICK_ROLE,
    STATUS_COLOURS,
    cell,
    fit_once,
    pct_text,
    short_county,
)
from fieldapp.ui.progress.charts import CountyBars, StageTrend
from fieldapp.ui.progress.members import MembersDialog
from fieldapp.ui.screen_fit import present

# The least room the cards, tables and charts are readable in (a few table rows, the charts'
# axes); a smaller window scrolls them.
MIN_CONTENT_WIDTH = 860
MIN_CONTENT_HEIGHT = 760
# Narrower than this, the four cards take two rows of two (their figures would not fit in one).
CARDS_ONE_ROW_WIDTH = 1180
POLL_MS = 500


@dataclass(frozen=True)
class ProgressSource:
    """What the view asks of storage; all run on the lane.

    ``load_cube`` gives the current cube (counting the outfalls changed since it was stored:
    milliseconds; built from scratch after the migration: seconds on a big ledger);
    ``load_stored``, when given, the last one stored even if stale, shown meanwhile.
    """

    load_cube: Callable[[], CubeRead]
    load_members: Callable[[dt.date, Pick], list[MemberRow]]
    load_stored: Callable[[], CubeRead | None] | None = None
    # Whether changes came since the cube shown was counted: asked every ``POLL_MS`` while the
    # view is open, so a step taken, an edit or a pull shows within a second.
    has_changes: Callable[[], bool] | None = None


class ProgressWindow(QMainWindow):
    """Per county and basin: counts by stage, each milestone against its target line, overdue
    plans, signs, inspections; a county chart and the stage trend; an as-of date."""

    outfall_activated = Signal(str)
    figures_shown = Signal()  # after each refresh (tests and the benchmark wait for it)
    charts_shown = Signal()  # after the charts were filled for the figures shown

    def __init__(
        self,
        lane: Any,
        source: ProgressSource,
        rules: ProgressRules,
        labels: Labels,
        today: dt.date | None = None,
    ) -> None:
        super().__init__()
        # Reading the cube starts first, so that it overlaps building the window: by the first
        # paint the figures are usually there (the answers are queued to this thread).
        self.stale = False
        if source.load_stored is not None:
            lane.submit(source.load_stored, self._stored_ready, self._failed)
        else:
            lane.submit(source.load_cube, self._cube_ready, self._failed)
        self.setObjectName("progressWindow")
        self.setWindowTitle(self.tr("Progress against the plan's milestones"))
        self.lane = lane
        self.source = source
        self.rules = rules
        self.labels = labels
        self.cube: Cube | None = None
        self.progress: Progress | None = None
        self.dialogs: list[MembersDialog] = []
        self._trend_cache: dict[
            tuple[str | None, str | None], list[tuple[dt.date, dict[str, int]]]
        ] = {}
        today = today or dt.date.today()

        self.as_of = QDateEdit(QDate(today.year, today.month, today.day))
        self.as_of.setObjectName("asOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setMinimumHeight(40)
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        self.county = self._combo("county", self.tr("All counties"))
        self.basin = self._combo("basin", self.tr("All basins"))
        for term in labels.ref.vocabulary("basin"):
            self.basin.addItem(term.label(labels.lang), term.code)
        self.milestone = self._combo("milestone", None)
        for m in rules.milestones:
            self.milestone.addItem(m.label(labels.lang), m.code)
        self.export_xlsx = QPushButton(self.tr("Report (Excel)…"))
        self.export_xlsx.setObjectName("exportXlsx")
        self.export_xlsx.clicked.connect(lambda: self._export("xlsx"))
        self.export_pdf = QPushButton(self.tr("Report (PDF)…"))
        self.export_pdf.setObjectName("exportPdf")
        self.export_pdf.clicked.connect(lambda: self._export("pdf"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("As of")))
        top.addWidget(self.as_of)
        top.addWidget(self.county)
        top.addWidget(self.basin)
        top.addStretch(1)
        top.addWidget(self.export_xlsx)
        top.addWidget(self.export_pdf)

        self.status = QLabel(self.tr("Counting what this device holds…"))
        self.status.setObjectName("progressStatus")
        self.status.setWordWrap(True)

        self.cards: dict[str, QPushButton] = {}
        cards = self._cards_grid = QGridLayout()
        for key in ("known", "overdue", "signs", "inspections"):
            button = QPushButton()
            button.setObjectName(f"card_{key}")
            button.setMinimumHeight(64)
            button.setStyleSheet("QPushButton { font-size: 15pt; text-align: left; padding: 6px; }")
            button.clicked.connect(lambda _c=False, k=key: self._open_card(k))
            self.cards[key] = button
        self._place_cards(columns=4)
        # A device pulls the ledger and its lifecycle, not other inspectors' inspections.
        self.cards["inspections"].setToolTip(
            self.tr("Counts the completed inspections this device holds; the server counts all.")
        )

        self.milestones = self._table("milestoneTable")
        self.milestones.setColumnCount(7)
        self.milestones.setHorizontalHeaderLabels(
            [self.tr("Milestone"), self.tr("In scope"), self.tr("Done"), self.tr("Done %"),
             self.tr("Target line"), self.tr("Status"), self.tr("Still to do")]
        )  # fmt: skip
        header = self.milestones.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.milestones.setWordWrap(True)
        self.milestones.verticalHeader().setDefaultSectionSize(44)
        self.milestones.cellClicked.connect(self._milestone_clicked)

        states = [s.code for s in labels.ref.states]
        self.state_codes = states
        self.stages = self._table("stageTable")
        self.stages.setColumnCount(len(states) + 2)
        self.stages.setHorizontalHeaderLabels(
            [self.tr("County"), self.tr("Known")] + [labels.state(s) for s in states]
        )
        self.stages.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        # The charts are built after the first paint (they cost more than all the numbers): their
        # places hold the room meanwhile (``_build_charts``).
        self.bars: CountyBars | None = None
        self.trend: StageTrend | None = None
        self._bars_place, self._trend_place = _place(), _place()
        self._charts_wanted = False
        self._bar_counties: list[str] = []
        chart_head = QHBoxLayout()
        chart_head.addWidget(QLabel(self.tr("Chart of milestone")))
        chart_head.addWidget(self.milestone, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(chart_head)
        left_layout.addWidget(self._bars_place, 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stages, 1)
        right_layout.addWidget(self._trend_place, 2)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        # On a small logical screen (1366x768 at 150%: 911x512) the cards, tables and charts
        # would be squeezed past reading: below this size they scroll instead. The date, filters
        # and the wrapped status line stay above (a wrapped label in the scrolled part would
        # make it as tall as its preferred height, and scroll at 100% too).
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        # The milestones take the whole width: beside the stages their names (the longest
        # text) were squeezed to an ellipsis at 150%.
        grid.addLayout(cards, 0, 0)
        grid.addWidget(self.milestones, 1, 0)
        grid.addWidget(splitter, 2, 0)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 2)
        body.setMinimumSize(MIN_CONTENT_WIDTH, MIN_CONTENT_HEIGHT)
        scroll = QScrollArea()
        scroll.setObjectName("progressScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        central = QWidget()
        column = QVBoxLayout(central)
        column.addLayout(top)
        column.addWidget(self.status)
        column.addWidget(scroll, 1)
        self.setCentralWidget(central)
        self.resize(1360, 740)
        self.county.currentIndexChanged.connect(lambda _i: self.refresh())
        self.basin.currentIndexChanged.connect(lambda _i: self.refresh())
        self.milestone.currentIndexChanged.connect(lambda _i: self._show_bars())
        self._set_enabled(False)
        self._asking = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._ask_for_changes)
        if source.has_changes is not None:
            self._poll.start()

    def present(self, wait_ms: int = 400) -> None:
        """Shows the window once its first figures are in (usually within a few tens of
        milliseconds: the cached cube), or after ``wait_ms`` with "counting…" when they are not:
        a first paint of empty tables and charts would only be painted over at once."""
        if self.isVisible():
            self.raise_()
            self.activateWindow()
            return
        if self.progress is not None:
            present(self)  # at its size, or maximised where that does not fit (150% scaling)
            return

        def show_once() -> None:
            if not self.isVisible():
                present(self)

        self.figures_shown.connect(show_once)
        QTimer.singleShot(wait_ms, show_once)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._charts_wanted and self.bars is None:
            # The numbers are on screen: the charts come on the next turn of the event loop.
            QTimer.singleShot(0, self.show_charts)
        return super().event(event)

    def show_charts(self) -> None:
        """Builds the charts (once) and fills them for the figures shown."""
        if self.progress is None or self.cube is None:
            return
        if self.bars is None or self.trend is None:
            self._build_charts()
        self._show_bars()
        self._show_trend(self.selected_day())
        self.charts_shown.emit()

    def _build_charts(self) -> None:
        self.bars = CountyBars(self.tr("Done (red: behind)"), self.tr("Target line on the day"))
        self.bars.bar_clicked.connect(self._bar_clicked)
        self.trend = StageTrend(
            self.tr("Outfalls by stage, month by month"),
            [(s, self.labels.state(s)) for s in self.state_codes],
        )
        for place, chart in ((self._bars_place, self.bars), (self._trend_place, self.trend)):
            layout = place.layout()
            assert layout is not None
            layout.addWidget(chart)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_cards(columns=4 if self.width() >= CARDS_ONE_ROW_WIDTH else 2)

    def _place_cards(self, columns: int) -> None:
        for i, button in enumerate(self.cards.values()):
            self._cards_grid.removeWidget(button)
            self._cards_grid.addWidget(button, i // columns, i % columns)

    # -- building ---------------------------------------------------------------------------
    def _combo(self, name: str, all_label: str | None) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setMinimumHeight(40)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(10)
        if all_label is not None:
            box.addItem(all_label, None)
        return box

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget()
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(34)
        table.cellClicked.connect(lambda r, c, t=table: self._cell_clicked(t, r, c))
        return table

    def _set_enabled(self, on: bool) -> None:
        for w in (self.as_of, self.county, self.basin, self.export_xlsx, self.export_pdf):
            w.setEnabled(on)

    # -- data -------------------------------------------------------------------------------
    def _stored_ready(self, read: CubeRead | None) -> None:
        """The last cube built: shown at once; counted again only when changes came since."""
        if read is not None and self.cube is None:
            self.stale = read.stale
            self._take(read)
        if read is None or read.stale:
            self.lane.submit(self.source.load_cube, self._cube_ready, self._failed)

    def _cube_ready(self, read: CubeRead) -> None:
        self.stale = False
        self._take(read)

    def _take(self, read: CubeRead) -> None:
        self.cube = read.cube
        self._trend_cache.clear()
        if read.months is not None:
            self._trend_cache[(None, None)] = list(read.months)
        chosen = self.selected_county()
        self.county.blockSignals(True)
        while self.county.count() > 1:
            self.county.removeItem(1)
        for code in sorted({g[0] for g in read.cube.groups}):
            self.county.addItem(self.labels.county(code), code)
        found = self.county.findData(chosen) if chosen is not None else 0
        self.county.setCurrentIndex(max(0, found))
        self.county.blockSignals(False)
        self._set_enabled(True)
        self.refresh()

    def _ask_for_changes(self) -> None:
        """Counts again when changes came since (only while shown, one question at a time)."""
        ask = self.source.has_changes
        if ask is None or self._asking or self.cube is None or not self.isVisible():
            return
        self._asking = True

        def answered(changed: bool) -> None:
            if changed:
                self.lane.submit(self.source.load_cube, self._counted_again, self._failed_again)
            else:
                self._asking = False

        self.lane.submit(ask, answered, self._failed_again)

    def _counted_again(self, read: CubeRead) -> None:
        self._asking = False
        self._cube_ready(read)

    def _failed_again(self, exc: Exception) -> None:
        self._asking = False
        self._failed(exc)

    def _failed(self, exc: Exception) -> None:
        message = getattr(exc, "message", None)
        text = message(self.labels.lang) if callable(message) else str(exc)
        self.status.setText(self.tr("The figures could not be counted: %1").replace("%1", text))

    def selected_day(self) -> dt.date:
        d = self.as_of.date()
        return dt.date(d.year(), d.month(), d.day())

    def selected_county(self) -> str | None:
        value = self.county.currentData()
        return None if value is None else str(value)

    def selected_basin(self) -> str | None:
        value = self.basin.currentData()
        return None if value is None else str(value)

    def area(self) -> AreaProgress | None:
        if self.progress is None:
            return None
        county = self.selected_county()
        return self.progress.area if county is None else self.progress.counties.get(county)

    def refresh(self) -> None:
        """Counts again for the chosen day, county and basin and shows it all."""
        if self.cube is None:
            return
        day, basin = self.selected_day(), self.selected_basin()
        self.progress = summarise(self.cube, self.rules, day, None, basin)
        area = self.area() or _empty(self.selected_county())
        self.status.setText(
            self.tr("As of %1, from what this device holds: %2 outfalls known. %3")
            .replace("%1", day.isoformat())
            .replace("%2", str(self.progress.area.total))
            .replace("%3", self._scope_text())
            + (
                self.tr(" Changes came in since these were counted: counting again…")
                if self.stale
                else ""
            )
        )
        self._show_cards(area)
        self._show_milestones(area)
        self._show_stages()
        if self.bars is None:
            self._charts_wanted = True
            if self.isVisible():
                self.update()  # a paint, after which the charts are built
        else:
            self.show_charts()
        self.figures_shown.emit()

    def _scope_text(self) -> str:
        county, basin = self.selected_county(), self.selected_basin()
        parts = [self.labels.county(county) if county else self.tr("all counties")]
        parts.append(self.labels.vocab("basin", basin) if basin else self.tr("both basins"))
        return self.tr("Showing %1.").replace("%1", ", ".join(parts))

    def _show_cards(self, a: AreaProgress) -> None:
        self.cards["known"].setText(self.tr("Outfalls known\n%1").replace("%1", str(a.total)))
        self.cards["overdue"].setText(
            self.tr("Remediation overdue\n%1").replace("%1", str(a.overdue))
        )
        self.cards["overdue"].setStyleSheet(
            self.cards["known"].styleSheet()
            + ("QPushButton { color: #b71c1c; }" if a.overdue else "")
        )
        self.cards["signs"].setText(
            self.tr("Signs standard\n%1 of %2 (%3)")
            .replace("%1", str(a.sign_standard))
            .replace("%2", str(a.sign_total))
            .replace("%3", pct_text(a.sign_standard, a.sign_total))
        )
        self.cards["inspections"].setText(
            self.tr("Inspected this period\n%1 of %2 due (%3)")
            .replace("%1", str(a.inspected))
            .replace("%2", str(a.due))
            .replace("%3", pct_text(a.inspected, a.due))
        )

    def status_text(self, status: str) -> str:
        return {
            "met": self.tr("Met"),
            "on_track": self.tr("On track"),
            "behind": self.tr("Behind"),
            "missed": self.tr("Missed"),
            "before_start": self.tr("Not yet set"),
            "no_outfalls": self.tr("No outfalls"),
        }[status]

    def _show_milestones(self, a: AreaProgress) -> None:
        county, basin = self.selected_county(), self.selected_basin()
        self.milestones.setRowCount(len(a.milestones))
        by = self.tr("%1 (by %2)")
        for row, r in enumerate(a.milestones):
            code = r.milestone.code
            cells = [
                (
                    by.replace("%1", r.milestone.label(self.labels.lang)).replace(
                        "%2", r.milestone.deadline.isoformat()
                    ),
                    None,
                ),
                (str(r.in_scope), Pick(f"milestone:{code}:scope", county, basin)),
                (str(r.done), Pick(f"milestone:{code}:done", county, basin)),
                (pct_text(r.done, r.in_scope), None),
                ("—" if r.expected is None else f"{float(r.expected):.1f}%", None),
                (self.status_text(r.status), None),
                (str(r.short), Pick(f"milestone:{code}:todo", county, basin)),
            ]
            for column, (text, pick) in enumerate(cells):
                item = cell(self.milestones, row, column, text, pick, numeric=column > 0)
                if column == 5:
                    item.setBackground(QColor(STATUS_COLOURS[r.status]))
        fit_once(self.milestones, skip_first=True)

    def _show_stages(self) -> None:
        assert self.progress is not None
        basin = self.selected_basin()
        rows: list[tuple[str | None, AreaProgress]] = [
            *sorted(self.progress.counties.items()),
            (None, self.progress.area),
        ]
        self.stages.setRowCount(len(rows))
        for row, (county, a) in enumerate(rows):
            name = self.labels.county(county) if county else self.tr("All")
            cell(self.stages, row, 0, name, None)
            cell(self.stages, row, 1, str(a.total), Pick("known", county, basin), True)
            for i, s in enumerate(self.state_codes):
                n = a.by_state.get(s, 0)
                cell(self.stages, row, i + 2, str(n), Pick(f"state:{s}", county, basin), True)
        fit_once(self.stages, skip_first=False)

    def _selected_milestone(self) -> str | None:
        value = self.milestone.currentData()
        return None if value is None else str(value)

    def _show_bars(self) -> None:
        if self.progress is None or self.bars is None:
            return
        code = self._selected_milestone()
        counties = sorted(self.progress.counties)
        results = [
            next(r for r in self.progress.counties[c].milestones if r.milestone.code == code)
            for c in counties
        ]
        self._bar_counties = counties
        m = self.rules.milestone(code or "")
        title = self.tr("%1 · target %2%")
        self.bars.show_bars(
            ""
            if m is None
            else title.replace("%1", m.label(self.labels.lang)).replace("%2", str(m.target_pct)),
            [short_county(self.labels.county(c)) for c in counties],
            [float(r.pct) for r in results],
            [r.status in ("met", "on_track") for r in results],
            [None if r.expected is None else float(r.expected) for r in results],
        )

    def _show_trend(self, day: dt.date) -> None:
        """Month ends up to the day, then the day itself (its counts are the area's, just made).

        The month ends of a county and basin are counted once per cube and kept: another day
        only cuts the list shorter or longer."""
        if self.cube is None or self.trend is None:
            return
        county, basin = self.selected_county(), self.selected_basin()
        key = (county, basin)
        months = self._trend_cache.get(key)
        if months is None:
            first = dt.date.fromordinal(self.cube.first_day) if self.cube.first_day else day
            last = max(dt.date.fromordinal(max(self.cube.last_day, 1)), dt.date.today(), day)
            days = month_ends(first, last)
            counties = None if county is None else [county]
            months = self._trend_cache[key] = trend(self.cube, days, counties, basin)
        area = self.area()
        rows = [r for r in months if r[0] < day]
        rows.append((day, dict(area.by_state) if area is not None else {}))
        self.trend.show_trend(rows)

    # -- numbers open lists -----------------------------------------------------------------
    def _cell_clicked(self, table: QTableWidget, row: int, column: int) -> None:
        item = table.item(row, column)
        pick = None if item is None else item.data(PICK_ROLE)
        if isinstance(pick, Pick):
            first = table.item(row, 0)
            name = "" if first is None else first.text()
            self.open_members(pick, f"{name} · {self._header(table, column)}")

    def _header(self, table: QTableWidget, column: int) -> str:
        header = table.horizontalHeaderItem(column)
        return "" if header is None else header.text()

    def _milestone_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.rules.milestones):
            self.milestone.setCurrentIndex(row)

    def _bar_clicked(self, index: int) -> None:
        code = self._selected_milestone()
        if code is None or index >= len(self._bar_counties):
            return
        county = self._bar_counties[index]
        self.open_members(
            Pick(f"milestone:{code}:todo", county, self.selected_basin()),
            " · ".join(
                (self.labels.county(county), self.milestone.currentText(), self.tr("Still to do"))
            ),
        )

    def _open_card(self, key: str) -> None:
        measure = {"known": "known", "overdue": "overdue", "signs": "sign_nonstandard",
                   "inspections": "not_inspected"}[key]  # fmt: skip
        title = {
            "known": self.tr("Outfalls known"),
            "overdue": self.tr("Remediation overdue"),
            "signs": self.tr("Signs not standard"),
            "inspections": self.tr("Due and not inspected this period"),
        }[key]
        self.open_members(Pick(measure, self.selected_county(), self.selected_basin()), title)

    def open_members(self, pick: Pick, title: str) -> None:
        """Reads the outfalls behind ``pick`` on the lane and lists them."""
        day = self.selected_day()
        title = f"{title} · {day.isoformat()}"
        self.lane.submit(
            lambda: self.source.load_members(day, pick),
            lambda rows: self._show_members(title, rows),
            self._failed,
        )

    def _show_members(self, title: str, rows: list[MemberRow]) -> None:
        dialog = MembersDialog(title, rows, self.labels, self)
        dialog.outfall_activated.connect(self.outfall_activated)
        self.dialogs.append(dialog)
        dialog.show()

    # -- reports ----------------------------------------------------------------------------
    def _export(self, kind: str) -> None:
        from fieldapp.ui.progress.report import MonthlyReport

        day = self.selected_day()
        county = self.selected_county()
        name = f"progress-{county or 'city'}-{day:%Y-%m}.{kind}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the monthly report"), name,
            "Excel (*.xlsx)" if kind == "xlsx" else "PDF (*.pdf)",
        )  # fmt: skip
        if not path or self.cube is None:
            return
        report = MonthlyReport(self.cube, self.rules, self.labels, day, county)
        try:
            report.write_xlsx(path) if kind == "xlsx" else report.write_pdf(path)
        except OSError as exc:
            self.status.setText(
                self.tr("The report could not be saved: %1").replace("%1", str(exc))
            )
            return
        self.status.setText(self.tr("Report saved: %1").replace("%1", path))


class _Place(QWidget):
    """Where a chart goes, holding its room until it is built: a chart view's size hint, so the
    splitter shares the width as it will with the chart in."""

    def sizeHint(self) -> QSize:
        return QSize(600, 480)


def _place() -> QWidget:
    place = _Place()
    place.setMinimumHeight(240)
    layout = QVBoxLayout(place)
    layout.setContentsMargins(0, 0, 0, 0)
    return place


def _empty(county: str | None) -> AreaProgress:
    return AreaProgress(county, 0, {}, {}, {}, (), 0, {}, 0, 0, 0)


__all__ = ["MilestoneResult", "ProgressSource", "ProgressWindow"]
