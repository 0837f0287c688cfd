"""The desk's lead dialogs: a verification task of a lead (or its whole cluster) for one of the
county's inspectors, and a lead's outcome with the inspectors' records as its evidence. Each sends
on the desk's lanes and stays open, saying why, when the server refuses."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui import formatting as fmt
from fieldapp.ui.screen_fit import fit_dialog
from sync.client.errors import LocalCode, message
from sync.client.review import DeskError
from sync.leads_protocol import EvidenceRef, LeadDecisionRequest, LeadTaskRequest, LeadView
from sync.task_protocol import Assignee

TOUCH = 44
RED = "#b00020"


def _buttons(dialog: QDialog, ok: QPushButton, status: QLabel, cancel_text: str) -> QHBoxLayout:
    cancel = QPushButton(cancel_text)
    for button in (ok, cancel):
        button.setMinimumHeight(TOUCH)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addWidget(status, 1)
    row.addWidget(cancel)
    row.addWidget(ok)
    return row


def _refusal(error: Exception, lang: str) -> str:
    code = error.code if isinstance(error, DeskError) else LocalCode.SERVER_BUSY
    detail = error.message if isinstance(error, DeskError) else ""
    said = message(code, lang)
    return f"{said} ({detail})" if detail and not lang.startswith("zh") else said


class LeadTaskDialog(QDialog):
    """Who verifies the lead on the ground, by when; with the rest of its cluster if chosen."""

    made = Signal(object)  # the task as stored

    def __init__(self, lanes: Any, lead: LeadView, others: int, lang: str = "en",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("leadTaskDialog")
        self.setWindowTitle(self.tr("Verification task for a lead"))
        self.lanes, self.lead, self.lang = lanes, lead, lang
        self.assignee = QComboBox()
        self.assignee.setMinimumHeight(TOUCH)
        self.due = QDateTimeEdit(QDateTime.currentDateTime().addDays(7))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setMinimumHeight(TOUCH)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What to look for on the ground"))
        self.whole_cluster = QCheckBox(
            self.tr("Also the %1 other leads of its cluster").replace("%1", str(others))
        )
        self.whole_cluster.setChecked(others > 0)
        self.whole_cluster.setVisible(others > 0)
        where = QLabel(f"{lead.name or lead.source} · {lead.lat:.6f}, {lead.lon:.6f}")
        where.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Lead"), where)
        form.addRow(self.tr("Inspector"), self.assignee)
        form.addRow(self.tr("Deadline"), self.due)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.whole_cluster)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.send = QPushButton(self.tr("Make the task"))
        self.send.setEnabled(False)
        self.send.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(_buttons(self, self.send, self.status, self.tr("Cancel")))
        fit_dialog(self, 640, 460)
        self.lanes.run(lambda c: c.assignees(lead.county_code), self._people, self._failed)

    def _people(self, people: list[Assignee]) -> None:
        self.assignee.clear()
        for person in people:
            if person.role == "inspector":
                self.assignee.addItem(person.username, person.username)
        self.send.setEnabled(self.assignee.count() > 0)
        if not self.assignee.count():
            self.status.setText(self.tr("The county has no inspector to verify it."))

    def request(self) -> LeadTaskRequest:
        due = self.due.dateTime().toPython()
        assert isinstance(due, dt.datetime)
        return LeadTaskRequest(
            assignee=self.assignee.currentData(),
            due=due.astimezone(dt.UTC),
            note=self.note.toPlainText().strip(),
            whole_cluster=self.whole_cluster.isChecked(),
        )

    def submit(self) -> None:
        request, lead_id = self.request(), self.lead.id
        self.send.setEnabled(False)
        self.status.setText("")
        self.lanes.run(lambda c: c.lead_task(lead_id, request), self._made, self._failed)

    def _made(self, task: dict[str, Any]) -> None:
        self.made.emit(task)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.send.setEnabled(self.assignee.count() > 0)
        self.status.setText(_refusal(error, self.lang))


class LeadDecisionDialog(QDialog):
    """The lead's outcome: the outfall it turned out to be (the inspector's newly found one, or a
    ledger outfall it duplicates) and the inspectors' records that show it."""

    decided = Signal(object)  # the lead as it is now

    def __init__(self, lanes: Any, lead: LeadView, lang: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("leadDecisionDialog")
        self.setWindowTitle(self.tr("Decide a lead"))
        self.lanes, self.lead, self.lang = lanes, lead, lang
        self.outcome = QComboBox()
        for text, code in ((self.tr("Confirmed: a newly found outfall"), "confirmed"),
                           (self.tr("Not an outfall"), "not_outfall"),
                           (self.tr("Duplicate of a ledger outfall"), "duplicate")):  # fmt: skip
            self.outcome.addItem(text, code)
        self.outfall = QComboBox()
        self.outfall.setEditable(True)  # an outfall's id may also be pasted from the ledger
        typed = self.outfall.lineEdit()
        assert typed is not None  # an editable combo has its line edit
        typed.setPlaceholderText(self.tr("The outfall's id"))
        self._candidates()
        self.evidence = QListWidget()
        self._evidence()
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Why (needed for “not an outfall”)"))
        for widget in (self.outcome, self.outfall):
            widget.setMinimumHeight(TOUCH)
        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Outfall"), self.outfall)
        form.addRow(self.tr("Evidence"), self.evidence)
        form.addRow(self.tr("Note"), self.note)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.send = QPushButton(self.tr("Record the outcome"))
        self.send.clicked.connect(self.submit)
        self.outcome.currentIndexChanged.connect(lambda _i: self._outcome_changed())
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(_buttons(self, self.send, self.status, self.tr("Cancel")))
        self._suggest()
        fit_dialog(self, 720, 560)

    def _candidates(self) -> None:
        """The outfalls the lead may be: what closed its task, what inspectors named, the
        ledger outfall it lies near."""
        seen: set[str] = set()

        def add(outfall_id: str | None, text: str) -> None:
            if outfall_id and outfall_id not in seen:
                seen.add(outfall_id)
                # by name and code where the server gave them (an outfall in the desk's area)
                known = self.lead.outfall_labels.get(outfall_id) or f"{outfall_id[:8]}…"
                self.outfall.addItem(f"{known} · {text}", outfall_id)
                self.outfall.setItemData(
                    self.outfall.count() - 1, outfall_id, Qt.ItemDataRole.ToolTipRole
                )

        closed = self.lead.task_closed_by or {}
        if closed.get("entity") == "outfalls":
            add(closed.get("id"), self.tr("newly found by the inspector"))
        for v in self.lead.verifications:
            add(v.outfall_id, self.tr("named by %1").replace("%1", v.author))
        if self.lead.near_outfall_id:
            near = fmt.distance(self.lead.near_outfall_m or 0.0)
            add(self.lead.near_outfall_id, self.tr("ledger outfall %1 away").replace("%1", near))

    def _evidence(self) -> None:
        closed = self.lead.task_closed_by or {}
        items: list[tuple[str, str, str]] = []
        if closed.get("entity") and closed.get("id"):
            items.append(
                (closed["entity"], closed["id"], self.tr("The record that closed the task"))
            )
        for v in self.lead.verifications:
            text = self.tr("%1's finding: %2").replace("%1", v.author).replace("%2", v.note or "—")
            items.append(("lead_verifications", v.id, text))
        for entity, row_id, text in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (entity, row_id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.evidence.addItem(item)

    def _suggest(self) -> None:
        """The outcome the inspectors' findings point to."""
        closed = self.lead.task_closed_by or {}
        verdicts = [v.verdict for v in self.lead.verifications]
        if closed.get("entity") == "outfalls":
            code = "confirmed"
        elif verdicts:
            code = verdicts[-1]
        else:
            code = "duplicate" if self.lead.near_outfall_id else "confirmed"
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(code)))
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        self.outfall.setEnabled(self.outcome.currentData() != "not_outfall")

    def outfall_id(self) -> str | None:
        index = self.outfall.currentIndex()
        if index >= 0 and self.outfall.itemText(index) == self.outfall.currentText():
            data = self.outfall.itemData(index)
            return str(data) if data else None
        typed = self.outfall.currentText().strip()
        return typed or None

    def request(self) -> LeadDecisionRequest | None:
        """The decision as typed, or None (and why, said) when it cannot be sent."""
        outcome = self.outcome.currentData()
        outfall: uuid.UUID | None = None
        if outcome != "not_outfall":
            typed = self.outfall_id()
            try:
                outfall = uuid.UUID(typed or "")
            except ValueError:
                self.status.setText(
                    self.tr("Choose the outfall (or paste its id from the ledger).")
                )
                return None
        evidence = [
            EvidenceRef(entity=entity, row_id=row_id)
            for i in range(self.evidence.count())
            if (item := self.evidence.item(i)).checkState() == Qt.CheckState.Checked
            for entity, row_id in [item.data(Qt.ItemDataRole.UserRole)]
        ]
        return LeadDecisionRequest(
            outcome=outcome, outfall_id=outfall, evidence=evidence,
            note=self.note.toPlainText().strip(),
        )  # fmt: skip

    def submit(self) -> None:
        self.status.setText("")
        request = self.request()
        if request is None:
            return
        lead_id = self.lead.id
        self.send.setEnabled(False)
        self.lanes.run(lambda c: c.decide_lead(lead_id, request), self._decided, self._failed)

    def _decided(self, lead: LeadView) -> None:
        self.decided.emit(lead)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.send.setEnabled(True)
        self.status.setText(_refusal(error, self.lang))


class LeadImportDialog(QDialog):
    """A survey's lead file into a county: checked first (a dry run on the server: how many
    leads, clusters and likely duplicates, and every refused feature with its reason), then
    imported as checked. Nothing is written until the user imports."""

    imported = Signal(object)  # the import's outcome

    def __init__(self, lanes: Any, counties: dict[str, str], lang: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("leadImportDialog")
        self.setWindowTitle(self.tr("Import an aerial survey's leads"))
        self.lanes, self.lang = lanes, lang
        self.data: bytes | None = None
        self.name = ""
        self.checked: Any = None
        self.county = QComboBox()
        for code, name in sorted(counties.items()):
            self.county.addItem(name, code)
        self.county.currentIndexChanged.connect(lambda _i: self._changed())
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose a file…"))
        choose.clicked.connect(self._choose)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        for widget in (self.county, choose, self.check_button):
            widget.setMinimumHeight(TOUCH)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)
        self.report = QLabel()
        self.report.setObjectName("leadImportReport")
        self.report.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("leadImportProblems")
        self.problems.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("County"), self.county)
        form.addRow(self.tr("Survey file"), file_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.send = QPushButton(self.tr("Import"))
        self.send.setEnabled(False)
        self.send.clicked.connect(self.submit)
        checks = QHBoxLayout()
        checks.addWidget(self.check_button)
        checks.addWidget(self.report, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(checks)
        layout.addWidget(self.problems, 1)
        layout.addLayout(_buttons(self, self.send, self.status, self.tr("Cancel")))
        self._changed()
        fit_dialog(self, 720, 520)

    def _choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the survey's lead file"), "",
            self.tr("Lead files (*.geojson *.json *.kml *.kmz *.csv)"),
        )  # fmt: skip
        if name:
            self.use_file(Path(name))

    def use_file(self, path: Path) -> None:
        """Take the file's bytes (read here: a survey's file is small, the server limits it)."""
        try:
            self.data = path.read_bytes()
        except OSError as exc:
            self.data = None
            self.status.setText(self.tr("The file cannot be read: %1").replace("%1", str(exc)))
        self.name = path.name
        self.file_label.setText(path.name)
        self._changed()

    def _changed(self) -> None:
        """Anything changed: the check must be made again before importing."""
        self.checked = None
        self.send.setEnabled(False)
        self.check_button.setEnabled(self.data is not None and self.county.count() > 0)
        self.report.setText("")
        self.problems.clear()
        self.problems.setVisible(False)

    def check(self) -> None:
        self._send(True)

    def submit(self) -> None:
        if self.checked is not None:
            self._send(False)

    def _send(self, dry_run: bool) -> None:
        data, name, county = self.data, self.name, self.county.currentData()
        if data is None:
            return
        self.status.setText("")
        self.check_button.setEnabled(False)
        self.send.setEnabled(False)
        self.lanes.run(lambda c: c.import_leads(data, name, county, dry_run),
                       self._answered, self._failed)  # fmt: skip

    def _answered(self, outcome: Any) -> None:
        self.check_button.setEnabled(True)
        if not outcome.dry_run:
            self.imported.emit(outcome)
            self.accept()
            return
        self.checked = outcome
        self.report.setText(
            self.tr("%1 leads in %2 clusters, %3 near a ledger outfall; %4 features refused")
            .replace("%1", str(len(outcome.leads))).replace("%2", str(outcome.clusters))
            .replace("%3", str(outcome.likely_duplicates)).replace("%4", str(len(outcome.problems)))
        )  # fmt: skip
        self.problems.clear()
        for p in outcome.problems:
            self.problems.addItem(
                self.tr("Feature %1 %2: %3").replace("%1", str(p.feature))
                .replace("%2", p.name).replace("%3", p.message(self.lang))
            )  # fmt: skip
        self.problems.setVisible(bool(outcome.problems))
        self.send.setEnabled(bool(outcome.leads))

    def _failed(self, error: Exception) -> None:
        self.check_button.setEnabled(self.data is not None)
        detail = error.detail if isinstance(error, DeskError) else None
        if isinstance(detail, dict) and detail.get("zh") and detail.get("en"):
            # the file itself is refused (not a lead file, bad geometry): its reason, in words
            self.status.setText(detail["zh"] if self.lang.startswith("zh") else detail["en"])
        else:
            self.status.setText(_refusal(error, self.lang))
