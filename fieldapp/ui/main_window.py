"""The main window: the ledger (search, filters, sorting, count), the selected outfall's detail and
history, editing and lifecycle steps. Reads go through a `LedgerReader`; writes through the lane.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.lifecycle import available_actions
from fieldapp.domain.outfall import Outfall
from fieldapp.domain.problems import InvalidRecord
from fieldapp.domain.reference import Term
from fieldapp.domain.reference import Transition as Step
from fieldapp.store.errors import StoreError
from fieldapp.store.ledger_query import NO_ROUTE, LedgerQuery
from fieldapp.store.ledger_reader import LedgerReader
from fieldapp.store.outfalls import StaleEdit
from fieldapp.ui.detail_pane import OutfallDetail
from fieldapp.ui.edit_dialog import OutfallEditDialog
from fieldapp.ui.labels import Labels
from fieldapp.ui.ledger_model import COLUMNS, OutfallTableModel
from fieldapp.ui.plans import marks as plan_marks

ROW_HEIGHT = 36
# The most outfalls one task may name (TaskRequest.outfall_ids; a test holds the two equal: the
# protocol is not imported at start-up).
MAX_TASK_OUTFALLS = 500

# Writes the window may ask for, run on the lane: (edited, expected_updated_at) → Outfall, and
# (outfall_id, action, note) → Outfall.
SaveEdit = Callable[[Outfall, str], Outfall]
Transition = Callable[[str, str, str], Outfall]
StepAuthority = Callable[[Outfall, list[Step]], list[Step]]


class MainWindow(QMainWindow):
    """The ledger window; the other tools open from its toolbar (the session opens them)."""

    map_requested = Signal()
    patrol_requested = Signal()
    tasks_requested = Signal()
    new_task_requested = Signal(list)  # outfall ids (the selection): a supervisor's new task
    plan_requested = Signal(str)  # an outfall id: its remediation plan (一口一策)
    history_requested = Signal(str)  # an outfall id: its case history (案卷)
    settings_requested = Signal()
    inspection_requested = Signal(str)  # an outfall id
    new_outfall_requested = Signal()
    nearest_requested = Signal()
    sync_requested = Signal()
    review_requested = Signal()
    progress_requested = Signal()
    data_requested = Signal()

    def __init__(
        self,
        reader: LedgerReader,
        labels: Labels,
        lane: Any,
        save_edit: SaveEdit,
        transition: Transition,
        db_label: str,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.reader = reader
        self.labels = labels
        self.lane = lane
        self._save_edit = save_edit
        self._transition = transition
        self.setWindowTitle(self.tr("Hekou — outfall ledger"))
        self.selected: Outfall | None = None
        # Which of the state machine's steps the signed-in account may take (sync.casework);
        # None until an account is known: the server judges every step when it arrives.
        self.step_authority: StepAuthority | None = None
        self.edit_dialog: OutfallEditDialog | None = None

        headers = {
            "code": self.tr("Code"),
            "name": self.tr("Name"),
            "county": self.tr("County"),
            "town": self.tr("Town / village"),
            "water_body": self.tr("Water body"),
            "receiving_kind": self.tr("Into"),
            "type": self.tr("Type"),
            "state": self.tr("State"),
            "route": self.tr("Route"),
            "responsible_party": self.tr("Responsible party"),
        }
        self.model = OutfallTableModel(reader, labels, [headers[c] for c in COLUMNS])

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            self.tr("Search code, name, water body, town, village or responsible party")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)

        ref = labels.ref
        lang = labels.lang
        routes = (*ref.vocabulary("remediation_route"), Term(NO_ROUTE, "未确定", "Not decided"))
        self.filters: dict[str, QComboBox] = {}
        filter_row = QHBoxLayout()
        for key, label, terms in (
            ("county", self.tr("All counties"), ref.counties),
            ("basin", self.tr("All basins"), ref.vocabulary("basin")),
            ("receiving_kind", self.tr("Yangtze / sea / river"), ref.vocabulary("receiving_kind")),
            ("type", self.tr("All types"), (*(t.term for t in ref.types), ref.undetermined)),
            ("state", self.tr("All states"), ref.states),
            ("route", self.tr("All routes"), routes),
        ):
            box = QComboBox()
            box.setObjectName(f"filter_{key}")
            # Long Chinese type names must not widen the window past a 1366-pixel screen.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(6)
            box.addItem(label, None)
            for t in terms:
                box.addItem(t.label(lang), t.code)
            box.currentIndexChanged.connect(lambda _i, k=key, b=box: self._filter_changed(k, b))
            self.filters[key] = box
            filter_row.addWidget(box)
        clear = QPushButton(self.tr("Clear filters"))
        clear.setObjectName("clearFilters")
        clear.clicked.connect(self.clear_filters)
        filter_row.addWidget(clear)

        self.table = QTableView()
        self.table.setObjectName("ledgerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Ctrl/Shift) for one task over several outfalls; the detail pane shows
        # the row last chosen, and every other tool works on that one.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The ledger's own order at first: no column sorted (set before sorting is enabled,
        # which sorts by the indicated column at once).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measure 100,000 rows
        vh.setDefaultSectionSize(ROW_HEIGHT)
        vh.hide()
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in zip(
            COLUMNS, (150, 330, 90, 170, 110, 80, 170, 110, 90, 200), strict=True
        ):
            # Never narrower than its bold header (县（市、区）, 入江/入海/入河 were cut in Chinese).
            header = str(self.model.headerData(COLUMNS.index(column), Qt.Orientation.Horizontal))
            bold = QFont(hh.font())
            bold.setBold(True)
            width = max(width, QFontMetrics(bold).horizontalAdvance(header) + 24)
            self.table.setColumnWidth(COLUMNS.index(column), width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # Enter on the selected row, or a double click, opens the outfall (Qt's "activated").
        self.table.activated.connect(lambda _i: self.open_editor())
        self.table.setToolTip(self.tr("Enter or double-click opens the selected outfall"))

        self.detail = OutfallDetail(
            labels, code_of=lambda oid: o.display_code if (o := reader.get(oid)) else oid
        )
        # 一口一策: the detail pane's plan section (set by the session) and its link
        self.plan_section: Callable[[str], str] = lambda _outfall_id: ""
        self.detail.anchorClicked.connect(self._detail_link)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editButton")
        self.edit_button.setToolTip(
            self.tr("Edit the selected outfall (%1)").replace("%1", _keys("Ctrl+E"))
        )
        self.edit_button.clicked.connect(self.open_editor)
        self.action_box = QComboBox()
        self.action_box.setObjectName("actionBox")
        self.action_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.action_box.setMinimumContentsLength(8)
        self.action_box.setToolTip(self.tr("Choose the lifecycle step to record (none is chosen)"))
        self.action_box.currentIndexChanged.connect(lambda _i: self._step_chosen())
        self.action_button = QPushButton(self.tr("Apply step…"))
        self.action_button.setObjectName("actionButton")
        self.action_button.setToolTip(self.tr("Record the chosen step, after confirming it"))
        self.action_button.clicked.connect(self.apply_selected_action)
        self.confirm_box: QMessageBox | None = None
        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.setObjectName("historyButton")
        self.history_button.setToolTip(
            self.tr("Inspections, decisions and steps of the selected outfall (%1)").replace(
                "%1", _keys("Ctrl+H")
            )
        )
        self.history_button.clicked.connect(self._history_for_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.history_button)
        actions.addWidget(self.action_box, 1)
        actions.addWidget(self.action_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(actions)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addLayout(filter_row)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_toolbar()
        # The profile's file is for support, not for the user: a tooltip leaves the status bar's
        # width to the status strip (a 1366×768 screen at 150% has 911 px for it all).
        self.statusBar().setToolTip(db_label)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        QShortcut(QKeySequence("Ctrl+E"), self, self.open_editor)
        self.search.setToolTip(self.tr("Search the ledger (%1)").replace("%1", _keys("Ctrl+F")))
        # Tab goes through the window top to bottom: search, filters, ledger, detail, actions.
        chain = [self.search, *self.filters.values(), clear, self.table, self.detail]
        chain += [self.edit_button, self.action_box, self.action_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._update_count()
        self._update_actions()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Tools"))
        bar.setObjectName("tools")
        bar.setMovable(False)
        bar.setIconSize(QSize(28, 28))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.actions_by_name: dict[str, QAction] = {}

        def add(
            name: str, text: str, shortcut: str, slot: Any, tip: str = "", menu: QMenu | None = None
        ) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{tip or text} ({_keys(shortcut)})")
            action.triggered.connect(slot)
            if menu is None:
                bar.addAction(action)
            else:
                # In a menu the shortcut still works from the whole window.
                menu.addAction(action)
                self.addAction(action)
            self.actions_by_name[name] = action
            return action

        add(
            "inspect",
            self.tr("Inspect"),
            "Ctrl+I",
            self._inspect_selected,
            self.tr("Inspect the selected outfall"),
        )
        add(
            "nearest",
            self.tr("Nearest"),
            "F3",
            self.nearest_requested.emit,
            self.tr("The outfalls nearest to your position"),
        )
        add(
            "newOutfall",
            self.tr("New outfall"),
            "Ctrl+N",
            self.new_outfall_requested.emit,
            self.tr("Register a newly found outfall and inspect it"),
        )
        bar.addSeparator()
        add("patrol", self.tr("Patrol"), "Ctrl+P", self.patrol_requested.emit)
        add("map", self.tr("Map"), "Ctrl+M", self.map_requested.emit)
        bar.addSeparator()
        add("sync", self.tr("Sync"), "F5", self.sync_requested.emit)
        # The bureau's tools (review, 考核, data in and out) share one button: field users need
        # none of them, and ten buttons do not fit a 1366×768 screen at 150%.
        bureau = QMenu(self)
        bureau.setObjectName("bureauMenu")
        bureau.setToolTipsVisible(True)
        add("review", self.tr("Review"), "Ctrl+R", self.review_requested.emit, menu=bureau)
        add("progress", self.tr("Progress"), "Ctrl+G", self.progress_requested.emit, menu=bureau)
        add("data", self.tr("Data in/out"), "Ctrl+D", self.data_requested.emit, menu=bureau)
        add(
            "newTask",
            self.tr("New task for the selected outfalls…"),
            "Ctrl+Shift+T",
            self._task_for_selected,
            self.tr("Assign one task for the outfalls selected in the ledger (supervisors)"),
            menu=bureau,
        )
        add(
            "plan",
            plan_marks.action_text(),
            "Ctrl+Shift+P",
            self._plan_for_selected,
            plan_marks.action_tip(),
            menu=bureau,
        )
        add(
            "history",
            self.tr("Case history of this outfall…"),
            "Ctrl+H",
            self._history_for_selected,
            self.tr("Inspections, decisions, steps, tasks and patrol problems, newest first"),
            menu=bureau,
        )
        bureau_button = QToolButton(bar)
        bureau_button.setObjectName("bureau")
        bureau_button.setText(self.tr("Supervision"))
        bureau_button.setToolTip(self.tr("Review, progress (考核), data in and out"))
        bureau_button.setMenu(bureau)
        bureau_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(bureau_button)
        add("settings", self.tr("Settings"), "Ctrl+,", self.settings_requested.emit)
        # 我的任务 opens from its button in the status bar (the toolbar is full at 150%) and by
        # its shortcut from the whole window.
        tasks = QAction(self.tr("My tasks"), self)
        tasks.setObjectName("tasks")
        tasks.setShortcut(QKeySequence("Ctrl+T"))
        tip = self.tr("The tasks assigned to you, overdue first")
        tasks.setToolTip(f"{tip} ({_keys('Ctrl+T')})")
        tasks.triggered.connect(self.tasks_requested.emit)
        self.addAction(tasks)
        self.actions_by_name["tasks"] = tasks
        self.tasks_button = QPushButton(tasks.text())
        self.tasks_button.setObjectName("tasksButton")
        self.tasks_button.setStyleSheet(
            "QPushButton { min-height: 40px; min-width: 0; padding: 0 10px; font-weight: bold; }"
        )
        self.tasks_button.setToolTip(tasks.toolTip())
        self.tasks_button.clicked.connect(tasks.trigger)
        self.statusBar().addPermanentWidget(self.tasks_button)

    def _plan_for_selected(self) -> None:
        if self.selected is not None:
            self.plan_requested.emit(self.selected.id)

    def _detail_link(self, url: QUrl) -> None:
        if url.toString() == plan_marks.PLAN_LINK:
            self._plan_for_selected()

    def selected_ids(self, limit: int = MAX_TASK_OUTFALLS + 1) -> list[str]:
        """The ids of the rows selected (at most ``limit``, in the ledger's order), or the shown
        outfall's alone."""
        ids = []
        for index in sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row()):
            row = self.model.row_at(index.row())
            if row is not None:
                ids.append(row.id)
            if len(ids) >= limit:
                break
        if not ids and self.selected is not None:
            ids = [self.selected.id]
        return ids

    def _task_for_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.new_task_requested.emit(ids)

    def _history_for_selected(self) -> None:
        if self.selected is not None:
            self.history_requested.emit(self.selected.id)

    def _inspect_selected(self) -> None:
        if self.selected is not None:
            self.inspection_requested.emit(self.selected.id)

    def reveal_outfall(self, outfall_id: str) -> None:
        """Selects an outfall in the ledger (clearing the search and filters if they hide it)."""
        if self.reader.position_of(self.model.query, outfall_id) is None:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.clear_filters()
        self.selected = self.reader.get(outfall_id)
        self._reselect()
        self.show_outfall(outfall_id)
        self.raise_()
        self.activateWindow()

    def refresh_ledger(self) -> None:
        """Shows what changed underneath (a sync, another tool), keeping the selection."""
        self.model.refresh()
        self._update_count()
        self._reselect()
        if self.selected is not None:
            self.show_outfall(self.selected.id)

    # -- ledger ----------------------------------------------------------------------------------
    def _search_changed(self, text: str) -> None:
        q = self.model.query
        self._set_query(LedgerQuery(text, q.filters, q.sort, q.descending))

    def _filter_changed(self, key: str, box: QComboBox) -> None:
        self._set_query(self.model.query.with_filter(key, box.currentData()))

    def clear_filters(self) -> None:
        for box in self.filters.values():
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        q = self.model.query
        self._set_query(LedgerQuery(q.text, (), q.sort, q.descending))

    def _set_query(self, query: LedgerQuery) -> None:
        self.model.set_query(query)
        self._update_count()
        self._reselect()

    def _update_count(self) -> None:
        rows = self.model.rowCount()
        self.count_label.setText(self.tr("%n outfall(s)", "", rows))
        if self.selected is None:  # no ledger at all (a new profile) says where it comes from
            self.detail.show_nothing(empty_ledger=rows == 0 and self.model.query == LedgerQuery())

    def _reselect(self) -> None:
        if self.selected is None:
            return
        row = self.reader.position_of(self.model.query, self.selected.id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        row = self.model.row_at(indexes[0].row())
        if row is not None:
            self.show_outfall(row.id)

    def show_outfall(self, outfall_id: str) -> None:
        outfall = self.reader.get(outfall_id)
        self.selected = outfall
        if outfall is None:
            self.detail.show_nothing()
        else:
            self.detail.show_outfall(
                outfall, self.reader.history(outfall_id), self.plan_section(outfall_id)
            )
        self._update_actions()

    def _update_actions(self) -> None:
        self.action_box.clear()
        o = self.selected
        self.edit_button.setEnabled(o is not None)
        self.history_button.setEnabled(o is not None)
        self.actions_by_name["inspect"].setEnabled(o is not None)
        if o is None:
            self.action_button.setEnabled(False)
            return
        steps = available_actions(o, self.labels.ref)
        if self.step_authority is not None:
            steps = self.step_authority(o, steps)
        # Never a step chosen in advance: recording one is a deliberate act.
        self.action_box.addItem(
            self.tr("— choose a step —") if steps else self.tr("No further step"), None
        )
        for t in steps:
            self.action_box.addItem(t.term.label(self.labels.lang), t.action)
        self.action_box.setCurrentIndex(0)
        self.action_box.setEnabled(bool(steps))
        self._step_chosen()

    def set_step_authority(self, authority: StepAuthority) -> None:
        """Offer only the steps the signed-in account may take from now on."""
        self.step_authority = authority
        self._update_actions()

    def _step_chosen(self) -> None:
        self.action_button.setEnabled(
            self.selected is not None and self.action_box.currentData() is not None
        )

    # -- writes ----------------------------------------------------------------------------------
    def open_editor(self) -> None:
        if self.selected is None:
            return
        original = self.selected
        dialog = OutfallEditDialog(
            original,
            self.labels,
            code_lookup=self.reader.id_for_code,
            code_of=lambda oid: o.display_code if (o := self.reader.get(oid)) else oid,
            parent=self,
        )
        self.edit_dialog = dialog

        def save(edited: Outfall) -> None:
            self.lane.submit(
                lambda: self._save_edit(edited, original.updated_at),
                on_done=lambda saved: self._saved(dialog, saved),
                on_error=lambda exc: self._save_failed(dialog, exc),
            )

        dialog.on_save = save
        dialog.open()

    def _saved(self, dialog: OutfallEditDialog, saved: Outfall) -> None:
        dialog.accept()
        self._saved_transition(saved)

    def _save_failed(self, dialog: OutfallEditDialog, exc: Exception) -> None:
        if isinstance(exc, InvalidRecord):
            dialog.save_failed(exc.problems)
        elif isinstance(exc, StaleEdit):
            dialog.buttons.setEnabled(True)
            self._warn(
                self.tr(
                    "Someone changed this outfall after you opened it. Close the editor, "
                    "look at the new version and edit again."
                )
            )
        elif isinstance(exc, StoreError):
            dialog.buttons.setEnabled(True)
            self._warn(exc.message(self.labels.lang))
        else:
            dialog.buttons.setEnabled(True)
            raise exc

    def apply_selected_action(self) -> None:
        o = self.selected
        action = self.action_box.currentData()
        if o is None or action is None:
            return
        transition = next(t for t in self.labels.ref.transitions if t.action == action)
        lang = self.labels.lang
        target = (
            self.tr("the state before")
            if transition.target == Step.PREVIOUS
            else self.labels.state(transition.target)
        )
        text = self.tr("Record the step “%1” for %2 %3?\nIt moves the outfall from %4 to %5.")
        for key, value in (
            ("%1", transition.term.label(lang)),
            ("%2", o.display_code),
            ("%3", o.name),
            ("%4", self.labels.state(o.lifecycle_state)),
            ("%5", target),
        ):
            text = text.replace(key, value)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Record a lifecycle step"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmStep")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Record the step"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter does not move it
        box.accepted.connect(lambda: self._step_confirmed(o.id, action, transition.note_required))
        self.confirm_box = box
        box.open()

    def _step_confirmed(self, outfall_id: str, action: str, note_required: bool) -> None:
        note = ""
        if note_required:
            note, ok = QInputDialog.getText(
                self, self.tr("Reason"), self.tr("Why is this step taken?")
            )
            if not ok:
                return
        self.run_transition(outfall_id, action, note)

    def run_transition(self, outfall_id: str, action: str, note: str) -> None:
        def failed(exc: Exception) -> None:
            if isinstance(exc, InvalidRecord):
                self._warn("\n".join(p.message(self.labels.lang) for p in exc.problems))
            elif isinstance(exc, StoreError):
                self._warn(exc.message(self.labels.lang))
            else:
                raise exc

        self.lane.submit(
            lambda: self._transition(outfall_id, action, note),
            on_done=lambda moved: self._saved_transition(moved),
            on_error=failed,
        )

    def _saved_transition(self, moved: Outfall) -> None:
        self.selected = moved
        self.refresh_ledger()
        self.statusBar().showMessage(self.tr("Saved."), 5000)

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), text, parent=self)
        box.setObjectName("warning")
        box.open()
        self.last_warning = text


def _keys(sequence: str) -> str:
    """A shortcut as the user's platform writes it (for tooltips)."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)
