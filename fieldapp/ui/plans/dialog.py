"""The 一口一策 dialog: an outfall's remediation plan (route, measures, who is responsible, deadline,
funding) and its milestones (due, done, evidence, progress notes with who and when).

A supervisor of the outfall's area edits it and saves it to the server through the desk's lane
(``ReviewClient.save_plan``); the answer is handed back through ``saved`` for the profile to keep.
Anyone else sees it read-only. Overdue milestones and an overdue plan are marked in red.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.plans.marks import OVERDUE_COLOUR, overdue_mark
from fieldapp.ui.screen_fit import fit_dialog, scrolling
from sync import plans as rules
from sync.client.errors import LocalCode, message
from sync.client.review import DeskError
from sync.plan_protocol import PlanRequest, PlanView

TOUCH = 48
# The milestone table's columns.
TITLE, DUE, DONE, DONE_ON, EVIDENCE, STATE = range(6)
NOT_DONE = QDate(2000, 1, 1)


class Words(Protocol):
    """What the dialog needs of ``fieldapp.ui.labels.Labels``: the language and the routes' terms."""

    @property
    def lang(self) -> str: ...

    def vocab(self, vocabulary: str, code: str | None) -> str: ...


class Lanes(Protocol):
    def run(
        self,
        fn: Callable[[Any], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None: ...


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _refs(text: str) -> list[str]:
    """Evidence references typed one after another (spaces, commas or 、 between them)."""
    for sep in (",", "，", "、", ";", "；"):
        text = text.replace(sep, " ")
    return [part for part in text.split() if part]


class PlanDialog(QDialog):
    saved = Signal(object)  # the PlanView the server answered
    failed = Signal(str)  # the words shown

    def __init__(
        self,
        labels: Words,
        outfall_id: str,
        outfall_name: str,
        plan: PlanView | None,
        today: date,
        lanes: Lanes | None = None,
        read_only_reason: str = "",
        parent: QWidget | None = None,
        *,
        ledger_route: str | None = None,
        ledger_party: str = "",
    ) -> None:
        """``ledger_route``/``ledger_party``: the outfall's route and responsible party in the
        ledger, which a new plan starts from."""
        super().__init__(parent)
        self.setObjectName("planDialog")
        self._ledger_route, self._ledger_party = ledger_route, ledger_party
        self.setWindowTitle(self.tr("Remediation plan (一口一策): %1").replace("%1", outfall_name))
        self.labels, self.lang = labels, labels.lang
        self.outfall_id, self.plan, self.today, self.lanes = outfall_id, plan, today, lanes
        self.editable = lanes is not None
        # milestone id -> the notes already stored (shown, sent back unchanged) and the new ones
        self.stored_notes: dict[str, list[Any]] = {}
        self.new_notes: dict[str, list[dict[str, Any]]] = {}

        self.banner = QLabel()
        self.banner.setObjectName("planBanner")
        self.banner.setWordWrap(True)
        self.tabs = QTabWidget()
        # the plan's form scrolls on a small screen (1366×768 at 150%: 911×512)
        self.tabs.addTab(scrolling(self._plan_tab()), self.tr("Plan"))
        self.tabs.addTab(self._milestone_tab(), self.tr("Milestones"))
        self.status = QLabel(read_only_reason)
        self.status.setObjectName("planStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("savePlan")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        close = QPushButton(self.tr("Cancel") if self.editable else self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.save_button, close):
            button.setMinimumHeight(TOUCH)
        self.save_button.setVisible(self.editable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._fill(plan)
        self._set_editable(self.editable)
        fit_dialog(self, 980, 680)

    # -- building ------------------------------------------------------------------------------
    def _plan_tab(self) -> QWidget:
        self.route = QComboBox()
        for code in rules.ROUTES:
            self.route.addItem(self.labels.vocab("remediation_route", code), code)
        self.measures = QPlainTextEdit()
        self.measures.setObjectName("planMeasures")
        self.measures.setMinimumHeight(2 * TOUCH)
        self.party = QLineEdit()
        self.party.setMaxLength(200)
        self.department = QLineEdit()
        self.department.setMaxLength(200)
        self.deadline = QDateEdit(_qdate(self.today).addMonths(6))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.funding = QDoubleSpinBox()
        self.funding.setRange(0, 1e9)
        self.funding.setDecimals(2)
        self.funding.setSuffix(self.tr(" 10k yuan"))
        self.funding_source = QLineEdit()
        self.funding_source.setMaxLength(400)
        self.completed = QCheckBox(self.tr("Completed on"))
        self.completed_on = QDateEdit(_qdate(self.today))
        self.completed_on.setCalendarPopup(True)
        self.completed_on.setDisplayFormat("yyyy-MM-dd")
        self.completed.toggled.connect(self.completed_on.setEnabled)
        done_row = QHBoxLayout()
        done_row.addWidget(self.completed)
        done_row.addWidget(self.completed_on, 1)
        self.who = QLabel()
        self.who.setObjectName("planWho")
        self.who.setWordWrap(True)
        for widget in (self.route, self.party, self.department, self.deadline, self.funding,
                       self.funding_source, self.completed_on):  # fmt: skip
            widget.setMinimumHeight(40)
        form = QFormLayout()
        form.addRow(self.tr("Route"), self.route)
        form.addRow(self.tr("Measures"), self.measures)
        form.addRow(self.tr("Responsible party"), self.party)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Deadline"), self.deadline)
        form.addRow(self.tr("Funding"), self.funding)
        form.addRow(self.tr("Funding source"), self.funding_source)
        form.addRow("", done_row)
        form.addRow("", self.who)
        page = QWidget()
        page.setLayout(form)
        return page

    def _milestone_tab(self) -> QWidget:
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("milestones")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Milestone"), self.tr("Due"), self.tr("Done"), self.tr("Done on"),
             self.tr("Evidence"), self.tr("State")]
        )  # fmt: skip
        self.table.verticalHeader().setDefaultSectionSize(TOUCH)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((DUE, 130), (DONE, 60), (DONE_ON, 130), (EVIDENCE, 150),
                              (STATE, 90)):  # fmt: skip
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._show_notes)
        self.add_milestone = QPushButton(self.tr("Add milestone"))
        self.add_milestone.setObjectName("addMilestone")
        self.add_milestone.clicked.connect(lambda: self._add_row(None))
        self.remove_milestone = QPushButton(self.tr("Remove milestone"))
        self.remove_milestone.clicked.connect(self._remove_row)
        self.notes = QListWidget()
        self.notes.setObjectName("milestoneNotes")
        self.notes.setWordWrap(True)
        self.note_text = QLineEdit()
        self.note_text.setObjectName("noteText")
        self.note_text.setPlaceholderText(self.tr("Progress note for the selected milestone"))
        self.note_evidence = QLineEdit()
        self.note_evidence.setPlaceholderText(self.tr("Evidence: photo hashes or document nos."))
        self.add_note = QPushButton(self.tr("Add note"))
        self.add_note.setObjectName("addNote")
        self.add_note.clicked.connect(self.add_progress_note)
        for button in (self.add_milestone, self.remove_milestone, self.add_note):
            button.setMinimumHeight(TOUCH)
        for line in (self.note_text, self.note_evidence):
            line.setMinimumHeight(40)
        rows = QHBoxLayout()
        rows.addWidget(self.add_milestone)
        rows.addWidget(self.remove_milestone)
        rows.addStretch(1)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_text, 2)
        note_row.addWidget(self.note_evidence, 1)
        note_row.addWidget(self.add_note)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.table, 3)
        layout.addLayout(rows)
        layout.addWidget(self.notes, 2)
        layout.addLayout(note_row)
        return page

    def _fill(self, plan: PlanView | None) -> None:
        self.table.setRowCount(0)
        self.stored_notes.clear()
        self.new_notes.clear()
        if plan is None:
            self.banner.setText(self.tr("This outfall has no remediation plan yet."))
            self.completed_on.setEnabled(False)
            if self._ledger_route:  # a new plan starts from what the ledger says
                self.route.setCurrentIndex(max(0, self.route.findData(self._ledger_route)))
            self.party.setText(self._ledger_party)
            return
        self.route.setCurrentIndex(max(0, self.route.findData(plan.route)))
        self.measures.setPlainText(plan.measures)
        self.party.setText(plan.responsible_party)
        self.department.setText(plan.department)
        if plan.deadline is not None:
            self.deadline.setDate(_qdate(plan.deadline))
        self.funding.setValue(plan.funding_wan or 0.0)
        self.funding_source.setText(plan.funding_source)
        self.completed.setChecked(plan.completed_on is not None)
        self.completed_on.setEnabled(plan.completed_on is not None)
        if plan.completed_on is not None:
            self.completed_on.setDate(_qdate(plan.completed_on))
        self.who.setText(
            self.tr("Made by %1 on %2; last saved by %3 on %4.")
            .replace("%1", plan.created_by)
            .replace("%2", plan.created_at.date().isoformat() if plan.created_at else "—")
            .replace("%3", plan.updated_by)
            .replace("%4", plan.updated_at.date().isoformat() if plan.updated_at else "—")
        )
        for milestone in plan.milestones:
            self._add_row(milestone)
        late = [m.title for m in plan.milestones if m.overdue]
        if plan.overdue:
            text = overdue_mark()
            if late:
                text += " · " + self.tr("late: %1").replace("%1", "、".join(late))
            self.banner.setText(text)
            self.banner.setStyleSheet(f"color: {OVERDUE_COLOUR}; font-weight: bold;")
        else:
            self.banner.setText("")
            self.banner.setVisible(False)

    def _add_row(self, milestone: Any) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        milestone_id = str(milestone.id) if milestone is not None else str(uuid.uuid4())
        title = QTableWidgetItem("" if milestone is None else milestone.title)
        title.setData(Qt.ItemDataRole.UserRole, milestone_id)
        self.table.setItem(row, TITLE, title)
        due = QDateEdit(_qdate(milestone.due if milestone and milestone.due else self.today))
        due.setDisplayFormat("yyyy-MM-dd")
        due.setCalendarPopup(True)
        self.table.setCellWidget(row, DUE, due)
        done = QTableWidgetItem()
        done.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                      | Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
        is_done = bool(milestone is not None and milestone.done)
        done.setCheckState(Qt.CheckState.Checked if is_done else Qt.CheckState.Unchecked)
        if is_done and milestone.done_by:
            done.setToolTip(self.tr("Marked done by %1").replace("%1", milestone.done_by))
        self.table.setItem(row, DONE, done)
        done_on = QDateEdit()
        done_on.setMinimumDate(NOT_DONE)  # shown as "—" while the milestone is not done
        done_on.setSpecialValueText("—")
        done_on.setDate(_qdate(milestone.done_on) if milestone and milestone.done_on else NOT_DONE)
        done_on.setDisplayFormat("yyyy-MM-dd")
        done_on.setCalendarPopup(True)
        done_on.setEnabled(is_done and self.editable)
        self.table.setCellWidget(row, DONE_ON, done_on)
        evidence = " ".join(milestone.evidence) if milestone is not None else ""
        self.table.setItem(row, EVIDENCE, QTableWidgetItem(evidence))
        state = QTableWidgetItem()
        state.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        if milestone is not None and milestone.overdue:
            state.setText(self.tr("overdue"))
            state.setForeground(QBrush(QColor(OVERDUE_COLOUR)))
        elif is_done:
            state.setText(self.tr("done"))
        self.table.setItem(row, STATE, state)
        self.stored_notes[milestone_id] = list(milestone.notes) if milestone is not None else []
        if milestone is None:
            self.table.selectRow(row)
            self.table.editItem(title)

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every row is made with all its items
        return item

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        # progress notes are the plan's record: a milestone that has them stays (the server
        # refuses a save without it too)
        if self.stored_notes.get(str(self._item(row, TITLE).data(Qt.ItemDataRole.UserRole))):
            self.status.setText(self.tr("A milestone with progress notes cannot be removed."))
            return
        self.table.removeRow(row)

    def _set_editable(self, editable: bool) -> None:
        for widget in (self.route, self.deadline, self.funding, self.completed, self.table):
            widget.setEnabled(editable or widget is self.table)
        self.completed_on.setEnabled(editable and self.completed.isChecked())
        for line in (self.party, self.department, self.funding_source):
            line.setReadOnly(not editable)
        self.measures.setReadOnly(not editable)
        if not editable:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            for row in range(self.table.rowCount()):
                for column in (DUE, DONE_ON):
                    cell = self.table.cellWidget(row, column)
                    if cell is not None:
                        cell.setEnabled(False)
                done = self._item(row, DONE)
                done.setFlags(done.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        for control in (self.add_milestone, self.remove_milestone, self.note_text,
                        self.note_evidence, self.add_note):  # fmt: skip
            control.setVisible(editable)
        self.table.itemChanged.connect(self._done_toggled)

    def _done_toggled(self, item: QTableWidgetItem) -> None:
        if item.column() == DONE and self.editable:
            cell = self.table.cellWidget(item.row(), DONE_ON)
            if isinstance(cell, QDateEdit):
                checked = item.checkState() == Qt.CheckState.Checked
                cell.setEnabled(checked)
                # ticked: done today unless another day is chosen; unticked: no date
                cell.setDate(_qdate(self.today) if checked else NOT_DONE)

    # -- notes -----------------------------------------------------------------------------------
    def _selected_id(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, TITLE) if row >= 0 else None
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _show_notes(self) -> None:
        self.notes.clear()
        milestone_id = self._selected_id()
        if milestone_id is None:
            return
        for note in self.stored_notes.get(milestone_id, []):
            evidence = f" [{len(note.evidence)}]" if note.evidence else ""
            self.notes.addItem(f"{note.at[:10]} {note.by}: {note.text}{evidence}")
        for note in self.new_notes.get(milestone_id, []):
            self.notes.addItem(self.tr("(new) %1").replace("%1", note["text"]))
        if self.notes.count() == 0:
            self.notes.addItem(self.tr("No progress notes yet."))

    def add_progress_note(self) -> None:
        """A progress note for the selected milestone, sent with the next save."""
        milestone_id = self._selected_id()
        text = self.note_text.text().strip()
        if milestone_id is None:
            self.status.setText(self.tr("Select a milestone first."))
            return
        if not text:
            return
        self.new_notes.setdefault(milestone_id, []).append(
            {"id": str(uuid.uuid4()), "text": text,
             "evidence": _refs(self.note_evidence.text())}
        )  # fmt: skip
        self.note_text.clear()
        self.note_evidence.clear()
        self._show_notes()

    # -- saving ----------------------------------------------------------------------------------
    def plan_data(self) -> dict[str, Any]:
        """The plan as filled in, as the request's fields."""
        milestones = []
        for row in range(self.table.rowCount()):
            title = self._item(row, TITLE)
            milestone_id = str(title.data(Qt.ItemDataRole.UserRole))
            done = self._item(row, DONE).checkState() == Qt.CheckState.Checked
            due, done_on = self.table.cellWidget(row, DUE), self.table.cellWidget(row, DONE_ON)
            assert isinstance(due, QDateEdit) and isinstance(done_on, QDateEdit)
            stored = [
                {"id": n.id, "text": n.text or "-", "evidence": n.evidence}
                for n in self.stored_notes.get(milestone_id, [])
            ]
            milestones.append(
                {
                    "id": milestone_id,
                    "title": title.text().strip(),
                    "due": _day(due).isoformat(),
                    "done": done,
                    "done_on": _day(done_on).isoformat() if done else None,
                    "evidence": _refs(self._item(row, EVIDENCE).text()),
                    "notes": stored + self.new_notes.get(milestone_id, []),
                }
            )
        return {
            "version": 0 if self.plan is None else self.plan.version,
            "route": self.route.currentData(),
            "measures": self.measures.toPlainText().strip(),
            "responsible_party": self.party.text().strip(),
            "department": self.department.text().strip(),
            "deadline": _day(self.deadline).isoformat(),
            "funding_wan": self.funding.value(),
            "funding_source": self.funding_source.text().strip(),
            "milestones": milestones,
            "completed_on": _day(self.completed_on).isoformat()
            if self.completed.isChecked()
            else None,
        }

    def request(self) -> PlanRequest | None:
        """The request to send, or None with every problem shown in the user's language."""
        data = self.plan_data()
        found = rules.problems(data)
        if found:
            zh = self.lang.startswith("zh")
            self.status.setText(
                "；".join(z for _e, z in found) if zh else "; ".join(e for e, _z in found)
            )
            self.status.setStyleSheet(f"color: {OVERDUE_COLOUR};")
            return None
        return PlanRequest.model_validate(data)

    def submit(self) -> None:
        request = self.request()
        if request is None or self.lanes is None:
            return
        self.save_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saving…"))
        outfall_id = self.outfall_id
        self.lanes.run(lambda c: c.save_plan(outfall_id, request), self._saved, self._failed)

    def _saved(self, view: PlanView) -> None:
        self.saved.emit(view)
        self.accept()

    def _failed(self, error: Exception) -> None:
        code = error.code if isinstance(error, DeskError) else LocalCode.SERVER_BUSY
        self.status.setText(message(code, self.lang))
        self.status.setStyleSheet(f"color: {OVERDUE_COLOUR};")
        self.save_button.setEnabled(True)
        self.failed.emit(self.status.text())
