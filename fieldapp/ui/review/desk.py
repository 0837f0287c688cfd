"""The supervisor's desk window (审核台): batches on the left (filters on top), the records of the
chosen batch in the middle, the chosen record on the right with its decisions.

Every server call runs on the desk's network lanes (``DeskLanes``); results return by signal. The
first record of a batch shows from the batch's own list as soon as it arrives; its history and
the thumbnails follow (thumbnails one by one on the photo lane, so the window never waits).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStatusBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp import reference_data
from fieldapp.domain.inspection_rules import InspectionRules
from fieldapp.ui import errors
from fieldapp.ui.casework.desk_history import DeskHistoryDialog
from fieldapp.ui.complaints import ComplaintsPane
from fieldapp.ui.labels import Labels
from fieldapp.ui.leads.desk_pane import DeskLeadsPane
from fieldapp.ui.plans.desk_pane import PlansPane
from fieldapp.ui.review.batches import BatchFilter, BatchTableModel, BatchTableView
from fieldapp.ui.review.dialogs import AcceptOutfallDialog, MergeOutfallDialog, ReasonDialog
from fieldapp.ui.review.lanes import DeskLanes, full_image, thumbnail
from fieldapp.ui.review.patrols import PatrolsPane
from fieldapp.ui.review.proposals import ProposalsPane
from fieldapp.ui.review.record_panel import RecordPanel
from fieldapp.ui.review.texts import all_flag_texts, flag_text, refusal_text, state_text
from fieldapp.ui.screen_fit import available_area, fit_dialog, scrolling
from fieldapp.ui.tasks.desk_pane import DeskTasksPane
from sync.client.review import DeskError
from sync.protocol import ErrorCode, ReviewState
from sync.review_protocol import DeskBatch, DeskRecord

TOUCH = 44
COUNT_RED = "#b00020"  # a tab whose count of waiting things is not zero


class ReviewDesk(QMainWindow):
    batches_loaded = Signal()
    records_loaded = Signal()
    record_shown = Signal(str)
    detail_loaded = Signal(str)
    decided = Signal(str, str)  # row id, state
    refused = Signal(str)  # the server's code
    thumbnails_done = Signal()
    history_loaded = Signal(str)  # outfall id

    def __init__(
        self,
        lanes: DeskLanes,
        rules: InspectionRules,
        lang: str,
        county_names: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lanes = lanes
        self.lang = lang
        self.setWindowTitle(self.tr("Review desk"))
        fit_dialog(self, 1366, 768)
        self.records: list[DeskRecord] = []
        self.batch: DeskBatch | None = None
        self._photo_generation = 0
        self.dialog: Any = None
        # filters
        self.county = QComboBox()
        self.county.addItem(self.tr("All counties"), "")
        for code, name in sorted(county_names.items()):
            self.county.addItem(name, code)
        self.inspector = QComboBox()
        self.flag = QComboBox()
        self.flag.addItem(self.tr("Any flag"), "")
        for code, text in all_flag_texts():
            self.flag.addItem(text, code)
        self.state = QComboBox()
        self.state.addItem(self.tr("Any review state"), "")
        for s in ("pending", "approved", "returned", "escalated"):
            self.state.addItem(state_text(s), s)
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QGridLayout()
        # One row of filters on a wide screen, two on a small one (150% scaling: 911 px).
        per_row = 5 if available_area(self).width() >= 1200 else 3
        for n, (label, w) in enumerate(((self.tr("County"), self.county),
                         (self.tr("Inspector"), self.inspector),
                         (self.tr("Flag"), self.flag), (self.tr("Review"), self.state),
                         (self.tr("Since"), self.since))):  # fmt: skip
            w.setMinimumHeight(TOUCH)
            if isinstance(w, QComboBox):  # long names must not widen the desk past 1366 px
                w.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                w.setMinimumContentsLength(12)
            row, col = divmod(n, per_row)
            top.addWidget(QLabel(label), row, 2 * col)
            top.addWidget(w, row, 2 * col + 1)
        self.refresh_button.setMinimumHeight(TOUCH)
        top.setColumnStretch(2 * per_row, 1)
        top.addWidget(self.refresh_button, 0, 2 * per_row + 1)
        # batches
        self.model = BatchTableModel(county_names)
        self.proxy = BatchFilter(self.model)
        self.table = BatchTableView(self.proxy, TOUCH)
        self.table.selectionModel().currentRowChanged.connect(self._batch_chosen)
        for combo in (self.county, self.inspector, self.flag, self.state):
            combo.currentIndexChanged.connect(self._filter)
        self.since.dateChanged.connect(self._filter)
        # records of a batch
        self.record_list = QListWidget()
        self.record_list.setMinimumWidth(230)
        self.record_list.currentRowChanged.connect(self._record_chosen)
        self.bulk_button = QPushButton(self.tr("Approve unflagged"))
        self.bulk_button.setToolTip(self.tr("Approve every record of this batch without a flag"))
        self.bulk_button.setMinimumHeight(TOUCH)
        self.bulk_button.clicked.connect(self.approve_unflagged)
        middle = QWidget()
        ml = QVBoxLayout(middle)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.record_list, 1)
        ml.addWidget(self.bulk_button)
        # 案卷: everything about the chosen record's outfall, from the server (issue 14, item 6)
        self.history_button = QPushButton(self.tr("Outfall history…"))
        self.history_button.setObjectName("deskHistoryButton")
        self.history_button.setToolTip(
            self.tr("Inspections, decisions, steps and proposals of this record's outfall")
        )
        self.history_button.setMinimumHeight(TOUCH)
        self.history_button.setEnabled(False)
        self.history_button.clicked.connect(self.open_history)
        ml.addWidget(self.history_button)
        self.history: DeskHistoryDialog | None = None
        self._labels: Labels | None = None
        # the record
        self.panel = RecordPanel(rules, lang)
        self.panel.photo_wanted.connect(self._load_full)
        self.panel.approve_clicked.connect(lambda: self.approve())
        self.panel.return_clicked.connect(self._ask_return)
        self.panel.escalate_clicked.connect(self._ask_escalate)
        self.panel.accept_clicked.connect(self._ask_accept)
        self.panel.merge_clicked.connect(self._ask_merge)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(middle)
        split.addWidget(self.panel)
        split.setSizes([580, 230, 556])
        for n, stretch in enumerate((3, 1, 3)):  # a small screen shares out batches and record
            split.setStretchFactor(n, stretch)
        central = QWidget()
        cl = QVBoxLayout(central)
        cl.addLayout(top)
        cl.addWidget(split, 1)
        # ledger proposals and patrols beside the batches (issue 14)
        self.proposals = ProposalsPane(lanes, lang)
        self.patrols = PatrolsPane(lanes, lang)
        self.tabs = QTabWidget()
        self.tabs.addTab(central, self.tr("Batches"))
        self.tabs.addTab(self.proposals, self.tr("Proposals"))
        self.tabs.setTabToolTip(1, self.tr("Ledger proposals: new outfalls, corrections, merges"))
        self.tabs.addTab(self.patrols, self.tr("Patrols"))
        # 一口一策: the area's remediation plans, the overdue counted in the tab's title
        self.plans = PlansPane(lanes, lang)
        self.tabs.addTab(self.plans, self.plans.tab_title(0))
        self.plans.loaded.connect(lambda n: self._counted(self.plans, n))
        # 任务: the area's tasks, the overdue counted in the tab's title
        self.tasks = DeskTasksPane(lanes, lang)
        self.tabs.addTab(self.tasks, self.tasks.tab_title(0))
        self.tasks.loaded.connect(lambda n: self._counted(self.tasks, n))
        # 举报: the area's complaints, the overdue answers counted in the tab's title
        self.complaints = ComplaintsPane(lanes, lang, county_names)
        self.tabs.addTab(self.complaints, self.complaints.tab_title(0))
        self.complaints.loaded.connect(lambda n: self._counted(self.complaints, n))
        # 航测线索: the area's aerial-survey leads, those waiting for a task counted in the title
        self.leads = DeskLeadsPane(lanes, lang, county_names)
        self.tabs.addTab(self.leads, self.leads.tab_title(0))
        self.leads.loaded.connect(lambda n: self._counted(self.leads, n))
        self.setCentralWidget(scrolling(self.tabs))  # a small screen scrolls the desk
        self.setStatusBar(QStatusBar())

    def _counted(self, pane: Any, n: int) -> None:
        """A tab's count of what waits (overdue, to verify): in its title, red, and said in full
        in its tooltip."""
        index = self.tabs.indexOf(pane)
        self.tabs.setTabText(index, pane.tab_title(n))
        self.tabs.setTabToolTip(index, pane.tab_tip(n))
        bar = self.tabs.tabBar()
        bar.setTabTextColor(
            index, QColor(COUNT_RED) if n else bar.palette().color(QPalette.ColorRole.WindowText)
        )

    # -- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.statusBar().showMessage(self.tr("Loading batches…"))
        self.lanes.run(lambda c: c.batches(), self._batches_arrived, self._failed)
        self.proposals.refresh()
        self.patrols.load(None)
        self.plans.refresh()
        self.complaints.refresh()
        self.tasks.refresh()
        self.leads.refresh()

    def _batches_arrived(self, batches: list[DeskBatch]) -> None:
        self.model.set_batches(batches)
        current = self.inspector.currentData()
        self.inspector.blockSignals(True)
        self.inspector.clear()
        self.inspector.addItem(self.tr("All inspectors"), "")
        for name in sorted({b.batch.username for b in batches}):
            self.inspector.addItem(name, name)
        self.inspector.setCurrentIndex(max(0, self.inspector.findData(current)))
        self.inspector.blockSignals(False)
        self.statusBar().showMessage(self.tr("%1 batches").replace("%1", str(len(batches))))
        self.batches_loaded.emit()

    def _filter(self) -> None:
        self.proxy.set_filter(
            county=self.county.currentData(), inspector=self.inspector.currentData(),
            flag=self.flag.currentData(), state=self.state.currentData(),
            since=self.since.date().toPython(),
        )  # fmt: skip

    def select_batch(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip

    def _batch_chosen(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        batch = self.model.batches[self.proxy.mapToSource(current).row()]
        self.open_batch(batch)

    def open_batch(self, batch: DeskBatch) -> None:
        self.batch = batch
        self.statusBar().showMessage(self.tr("Opening the batch…"))
        self._load_records(batch, -1)
        if batch.patrols:  # a batch of patrols (only) opens them beside the batches
            self.patrols.load(batch.batch.batch_id)
            if not batch.records:
                self.tabs.setCurrentWidget(self.patrols)

    def _load_records(self, batch: DeskBatch, keep: int) -> None:
        """Ask for a batch's records; an answer for a batch no longer open is dropped."""

        def arrived(records: list[DeskRecord]) -> None:
            if self.batch is not batch:
                return
            self._records_arrived(records)
            if 0 <= keep < len(records):
                self.record_list.setCurrentRow(keep)

        self.lanes.run(lambda c: c.batch_records(batch.batch.batch_id), arrived, self._failed)

    def _records_arrived(self, records: list[DeskRecord]) -> None:
        self.records = records
        self.record_list.blockSignals(True)
        self.record_list.clear()
        for r in records:
            outfall = r.outfall or {}
            mark = "⚠ " if r.flags else ""
            text = (f"{mark}{outfall.get('name') or r.record.row_id[:8]}\n"
                    f"{state_text(r.record.review_state)}"
                    + (f" · {', '.join(flag_text(f) for f in r.flags)}" if r.flags else ""))  # fmt: skip
            item = QListWidgetItem(text)
            item.setSizeHint(QSize(240, 56))
            self.record_list.addItem(item)
        self.record_list.blockSignals(False)
        self.statusBar().showMessage(self.tr("%1 records").replace("%1", str(len(records))))
        self.records_loaded.emit()
        if records:
            self.record_list.setCurrentRow(0)
        else:
            self.panel.show_record(None)

    def _record_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.records):
            return
        record = self.records[row]
        self.panel.show_record(record)
        self.history_button.setEnabled(bool(self._outfall_of(record)))
        self.record_shown.emit(record.record.row_id)
        self.lanes.run(lambda c: c.record(record.record.entity, record.record.row_id),
                       self._detail_arrived, self._failed)  # fmt: skip
        self._stream_thumbnails(record)

    def _outfall_of(self, record: DeskRecord | None) -> str:
        if record is None:
            return ""
        data = record.record.data or {}
        return str(data.get("outfall_id") or (record.outfall or {}).get("id") or "")

    def open_history(self, outfall_id: str = "") -> DeskHistoryDialog | None:
        """案卷 of the chosen record's outfall (or ``outfall_id``), fetched from the server."""
        record = self._current()
        outfall_id = outfall_id or self._outfall_of(record)
        if not outfall_id:
            return None
        outfall = (record.outfall or {}) if record is not None else {}
        code = outfall.get("national_code") or outfall.get("local_code") or ""
        heading = " ".join(str(x) for x in (code, outfall.get("name") or "") if x) or outfall_id
        if self.history is not None:
            self.history.close()
        client = self.lanes.photos_client
        dialog = DeskHistoryDialog(
            self._state_names().state, lambda sha: thumbnail(client, sha, 120), self
        )
        dialog.record_requested.connect(self._open_history_record)
        self.history = dialog
        fit_dialog(dialog, 900, 560)
        dialog.show()

        def arrived(found: Any) -> None:
            if self.history is dialog:
                title = found.heading or heading
                dialog.show_history(title, [e.entry() for e in found.entries])
                self.history_loaded.emit(outfall_id)

        def failed(error: Exception) -> None:
            if not isinstance(error, DeskError):
                raise error
            if self.history is dialog:
                dialog.show_failure(refusal_text(error.code, error.message))

        self.lanes.run(lambda c: c.outfall_history(outfall_id), arrived, failed)
        return dialog

    def _state_names(self) -> Labels:
        # the lifecycle's state names for the history's steps (the reference data, cached)
        if self._labels is None:
            self._labels = Labels(reference_data.load(), self.lang)
        return self._labels

    def _open_history_record(self, entity: str, row_id: str) -> None:
        """An inspection of the history opens in the record panel, with its decisions."""
        if entity != "inspections":
            return

        def arrived(detail: Any) -> None:
            self.tabs.setCurrentIndex(0)
            self.panel.show_record(detail.record)
            self._detail_arrived(detail)

        self.lanes.run(lambda c: c.record(entity, row_id), arrived, self._failed)

    def _detail_arrived(self, detail: Any) -> None:
        self.panel.show_detail(detail)
        self.detail_loaded.emit(detail.record.record.row_id)

    def _stream_thumbnails(self, record: DeskRecord) -> None:
        self._photo_generation += 1
        generation = self._photo_generation
        photos = [(i, p.sha256) for i, p in enumerate(record.photos) if p.arrived]
        if not photos:
            self.thumbnails_done.emit()
            return
        left = [len(photos)]

        def arrived(i: int, image: Any) -> None:
            if generation == self._photo_generation:
                self.panel.set_thumbnail(i, image)
            left[0] -= 1
            if left[0] == 0 and generation == self._photo_generation:
                self.thumbnails_done.emit()

        def failed(_error: Exception) -> None:
            left[0] -= 1
            if left[0] == 0 and generation == self._photo_generation:
                self.thumbnails_done.emit()

        for i, sha in photos:
            self._ask_thumbnail(i, sha, arrived, failed)

    def _ask_thumbnail(
        self,
        index: int,
        sha: str,
        arrived: Callable[[int, Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        self.lanes.photo(lambda c: thumbnail(c, sha), lambda img: arrived(index, img), failed)

    def _load_full(self, index: int) -> None:
        record = self.panel.record
        if record is None or not 0 <= index < len(record.photos):
            return
        photo = record.photos[index]
        if photo.arrived:
            self.lanes.photo(lambda c: full_image(c, photo.sha256),
                             lambda img: self.panel.viewer.show_image(index, img),
                             errors.shown(self.lang, self))  # fmt: skip

    # -- deciding --------------------------------------------------------------------------------
    def _current(self) -> DeskRecord | None:
        return self.panel.record

    def decide(self, state: str, comment: str = "", deadline: datetime | None = None,
               override_reason: str = "") -> None:  # fmt: skip
        record = self._current()
        if record is None:
            return
        rec = record.record
        self.statusBar().showMessage(self.tr("Sending the decision…"))
        self.lanes.run(
            lambda c: c.decide(
                rec.entity, rec.row_id, state, rec.version, comment, deadline, override_reason
            ),
            lambda _answer: self._decided(rec.row_id, state),
            lambda error: self._refused(error, state),
        )

    def approve(self, override_reason: str = "") -> None:
        self.decide("approved", override_reason=override_reason)

    def return_for_correction(self, reason: str, deadline: datetime | None = None) -> None:
        self.decide("returned", reason, deadline)

    def escalate(self, reason: str) -> None:
        self.decide("escalated", reason)

    def _ask_return(self) -> None:
        self.dialog = ReasonDialog(self.tr("Return for correction"),
                                   self.tr("The record goes back to the inspector's laptop with "
                                           "your reason; they revise it as a new version."),
                                   True, self)  # fmt: skip
        self.dialog.decided.connect(
            lambda v: self.return_for_correction(v["reason"], v["deadline"])
        )
        self.dialog.open()

    def _ask_escalate(self) -> None:
        self.dialog = ReasonDialog(self.tr("Escalate for enforcement"),
                                   self.tr("The record is locked and passed on for enforcement."),
                                   False, self)  # fmt: skip
        self.dialog.decided.connect(lambda v: self.escalate(v["reason"]))
        self.dialog.open()

    def _ask_override(self) -> None:
        self.dialog = ReasonDialog(self.tr("Approve without every photo"),
                                   self.tr("Some photos have not arrived. Approve anyway only "
                                           "with a reason; it is kept with the decision."),
                                   False, self)  # fmt: skip
        self.dialog.decided.connect(lambda v: self.approve(v["reason"]))
        self.dialog.open()

    def _ask_accept(self) -> None:
        self.dialog = AcceptOutfallDialog(self)
        self.dialog.decided.connect(lambda v: self.accept_outfall(v["national"], v["local"]))
        self.dialog.open()

    def _ask_merge(self) -> None:
        record = self._current()
        self.dialog = MergeOutfallDialog(list(record.duplicate_of) if record else [], self)
        self.dialog.decided.connect(lambda v: self.merge_outfall(v["into_id"]))
        self.dialog.open()

    def accept_outfall(self, national: str, local: str) -> None:
        record = self._current()
        if record is None or record.outfall is None:
            return
        outfall_id, version = str(record.outfall["id"]), int(record.outfall["_version"])
        self.lanes.run(lambda c: c.accept_outfall(outfall_id, version, national, local),
                       lambda _a: self._decided(outfall_id, "accepted"),
                       lambda e: self._refused(e, "accepted"))  # fmt: skip

    def merge_outfall(self, into_id: str) -> None:
        record = self._current()
        if record is None or record.outfall is None:
            return
        outfall_id, version = str(record.outfall["id"]), int(record.outfall["_version"])
        self.lanes.run(lambda c: c.merge_outfall(outfall_id, version, into_id),
                       lambda _a: self._decided(outfall_id, "merged"),
                       lambda e: self._refused(e, "merged"))  # fmt: skip

    def approve_unflagged(self) -> None:
        records = list(self.records)
        self.lanes.run(lambda c: c.approve_unflagged(records), self._bulk_done, self._failed)

    def _bulk_done(self, result: Any) -> None:
        self.statusBar().showMessage(self.tr("Approved %1, left for one-by-one review %2")
                                     .replace("%1", str(len(result.approved)))
                                     .replace("%2", str(len(result.refused))))  # fmt: skip
        for row_id in result.approved:
            self.decided.emit(row_id, "approved")
        self._reload_batch()

    def _decided(self, row_id: str, state: str) -> None:
        self.statusBar().showMessage(self.tr("Decision saved: %1").replace("%1", state_text(state)))
        self.decided.emit(row_id, state)
        self._reload_batch()

    def _refused(self, error: Exception, state: str) -> None:
        if not isinstance(error, DeskError):
            raise error
        self.panel.notice.setText(refusal_text(error.code, error.message))
        self.statusBar().showMessage(refusal_text(error.code, error.message))
        self.refused.emit(error.code)
        if error.code == ErrorCode.PHOTOS_MISSING and state == ReviewState.APPROVED:
            self._ask_override()
        elif error.code == ErrorCode.RECORD_CHANGED:
            self._reload_batch()

    def _reload_batch(self) -> None:
        if self.batch is not None:
            self._load_records(self.batch, self.record_list.currentRow())

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, DeskError):
            raise error
        self.statusBar().showMessage(refusal_text(error.code, error.message))

    def closeEvent(self, event: Any) -> None:
        self.lanes.shutdown()
        super().closeEvent(event)
