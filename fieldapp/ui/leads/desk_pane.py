"""The desk's 航测线索 tab: the area's aerial-survey leads (those to verify first), filtered by
state; the chosen lead's facts (survey file and feature, position, cluster, the ledger outfall it
lies near), its photos, its verification task's state and what the inspectors recorded at it; and
the actions: make a verification task of it (or its cluster), and decide it: a newly found outfall
(confirmed), not an outfall, or a duplicate of a ledger outfall, with the inspectors' records as
evidence. Server calls run on the desk's lanes; a refusal is said in the user's language."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui import fact_list
from fieldapp.ui import formatting as fmt
from fieldapp.ui.desk_photos import ServerPhotoStrip
from fieldapp.ui.labels import county_names
from fieldapp.ui.screen_fit import scrolling
from sync.client.errors import LocalCode, message
from sync.client.review import DeskError
from sync.leads_protocol import LeadList, LeadView

TOUCH = 44
UNDECIDED = frozenset({"open", "tasked"})


def _lead_photo(client: Any, lead_id: str, sha256: str) -> bytes:
    return client.lead_photo(lead_id, sha256)


class DeskLeadsPane(QWidget):
    loaded = Signal(int)  # how many leads wait for a verification task

    def __init__(self, lanes: Any, lang: str, counties: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("deskLeads")
        self.lanes, self.lang = lanes, lang
        # the counties a survey may be imported into (the server keeps each to the staff's area)
        self.counties = counties or county_names(lang)
        self.leads: list[LeadView] = []
        self.dialog: Any = None
        self.show_state = QComboBox()
        for text, value in ((self.tr("Undecided"), "undecided"), (self.tr("To verify"), "open"),
                            (self.tr("Task made"), "tasked"), (self.tr("Confirmed"), "confirmed"),
                            (self.tr("Not an outfall"), "not_outfall"),
                            (self.tr("Duplicate"), "duplicate"), (self.tr("All"), "")):  # fmt: skip
            self.show_state.addItem(text, value)
        self.show_state.setMinimumHeight(TOUCH)
        self.show_state.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel()
        self.summary.setObjectName("deskLeadsSummary")
        self.task_button = QPushButton(self.tr("Verification task…"))
        self.task_button.setObjectName("leadTask")
        self.decide_button = QPushButton(self.tr("Decide…"))
        self.decide_button.setObjectName("leadDecide")
        self.import_button = QPushButton(self.tr("Import a survey…"))
        self.import_button.setObjectName("leadImport")
        self.import_button.clicked.connect(self.import_survey)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        for b in (self.task_button, self.decide_button, self.import_button, self.refresh_button):
            b.setMinimumHeight(TOUCH)
        self.task_button.clicked.connect(self.make_task)
        self.decide_button.clicked.connect(self.decide_current)
        self.refresh_button.clicked.connect(self.refresh)
        self.table = fact_list.list_table(
            "deskLeadTable",
            [self.tr("State"), self.tr("Lead"), self.tr("Near a ledger outfall"), self.tr("Task")],
            1,
        )  # fmt: skip
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.table.itemSelectionChanged.connect(self._selected)
        self.details = fact_list.details_label("deskLeadDetails")
        self.photos = ServerPhotoStrip(lanes, lang, _lead_photo)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(scrolling(self.details), 1)
        side_layout.addWidget(self.photos)
        top = QHBoxLayout()
        top.addWidget(self.show_state)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.task_button)
        actions.addWidget(self.decide_button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        split = fact_list.side_by_side(self.table, side, (1, 1))
        split.setSizes([560, 440])  # the facts need room: their labels are words, not codes
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        self._selected()

    # -- words ----------------------------------------------------------------------------------
    def state_text(self, lead: LeadView) -> str:
        return {
            "open": self.tr("to verify"),
            "tasked": self.tr("task made"),
            "confirmed": self.tr("confirmed: a new outfall"),
            "not_outfall": self.tr("not an outfall"),
            "duplicate": self.tr("duplicate of a ledger outfall"),
        }[lead.state]

    def task_text(self, state: str | None) -> str:
        return {
            None: "—",
            "open": self.tr("open"),
            "done": self.tr("done: the inspector's record arrived"),
            "cancelled": self.tr("cancelled"),
        }.get(state, state or "—")

    def verdict_text(self, verdict: str) -> str:
        return {
            "not_outfall": self.tr("not an outfall"),
            "duplicate": self.tr("the same as an existing outfall"),
        }.get(verdict, verdict)

    def tab_title(self, waiting: int) -> str:
        """Short, so the desk's seven tabs fit a 150% laptop; the tab's tooltip says more."""
        if waiting:
            return self.tr("Leads (%1)").replace("%1", str(waiting))
        return self.tr("Leads")

    def tab_tip(self, waiting: int) -> str:
        return self.tr("%1 leads to verify").replace("%1", str(waiting)) if waiting else ""

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        chosen = self.show_state.currentData()
        state = None if chosen in ("", "undecided") else chosen
        self.summary.setText(self.tr("Loading leads…"))
        self.lanes.run(lambda c: c.leads(state), self.show_leads, self._failed)

    def show_leads(self, found: LeadList) -> None:
        keep = self.current()
        chosen = self.show_state.currentData()
        leads = list(found.leads)
        if chosen == "undecided":
            leads = [x for x in leads if x.state in UNDECIDED]
        leads.sort(key=lambda x: (x.state != "open", x.state not in UNDECIDED))  # stable
        self.leads = leads
        fact_list.fill(
            self.table,
            [[self.state_text(x), x.name or f"{x.source} #{x.feature}",
              fmt.distance(x.near_outfall_m) if x.near_outfall_m is not None else "—",
              self.task_text(x.task_state)] for x in leads],
            [x.state == "open" for x in leads],
        )  # fmt: skip
        waiting = sum(1 for x in leads if x.state == "open")
        self.summary.setText(
            self.tr("%1 leads, %2 to verify").replace("%1", str(len(leads)))
            .replace("%2", str(waiting))
        )  # fmt: skip
        fact_list.choose_again(self.table, [x.id for x in leads], None if keep is None else keep.id)
        self._selected()
        self.loaded.emit(waiting)

    def current(self) -> LeadView | None:
        row = fact_list.chosen(self.table, len(self.leads))
        return None if row is None else self.leads[row]

    def cluster_of(self, lead: LeadView) -> list[LeadView]:
        return [x for x in self.leads if x.cluster_id == lead.cluster_id]

    def _selected(self) -> None:
        lead = self.current()
        self.task_button.setEnabled(lead is not None and lead.state == "open")
        self.decide_button.setEnabled(lead is not None and lead.state in UNDECIDED)
        self.photos.show_photos(None if lead is None else lead.id,
                                [] if lead is None else [p.sha256 for p in lead.photos])  # fmt: skip
        if lead is None:
            self.details.setText(self.tr("Choose a lead to see it."))
            return
        e = html.escape
        cluster = len(self.cluster_of(lead))
        rows = [
            (self.tr("Survey file"), e(f"{lead.source} · #{lead.feature}")),
            (self.tr("Position"), f"{lead.lat:.6f}, {lead.lon:.6f}"),
            (self.tr("Note"), e(lead.note or "—")),
            (self.tr("Cluster"), e(self.tr("%1 leads together").replace("%1", str(cluster))
                                   if cluster > 1 else self.tr("alone"))),
            (self.tr("Near a ledger outfall"),
             e(fmt.distance(lead.near_outfall_m)) if lead.near_outfall_m is not None else "—"),
            (self.tr("Verification task"), e(self.task_text(lead.task_state))),
        ]  # fmt: skip
        for v in lead.verifications:
            found = self.verdict_text(v.verdict)
            rows.append((self.tr("Inspector's finding"),
                         e(f"{v.author} · {fmt.local_time(v.at)} · {found} · {v.note}")))  # fmt: skip
        if lead.state not in UNDECIDED:
            rows.append((self.tr("Outcome"), e(" · ".join(
                x for x in (self.state_text(lead), lead.decision_note or "", lead.decided_by or "")
                if x))))  # fmt: skip
        self.details.setText(fact_list.facts_html(rows))

    def _failed(self, error: Exception) -> None:
        code = error.code if isinstance(error, DeskError) else LocalCode.SERVER_BUSY
        self.summary.setText(message(code, self.lang))

    # -- actions --------------------------------------------------------------------------------
    def import_survey(self) -> Any:
        from fieldapp.ui.leads.desk_dialogs import LeadImportDialog

        dialog = LeadImportDialog(self.lanes, self.counties, self.lang, parent=self)
        dialog.imported.connect(lambda _outcome: self.refresh())
        self.dialog = dialog
        dialog.open()
        return dialog

    def make_task(self) -> Any:
        from fieldapp.ui.leads.desk_dialogs import LeadTaskDialog

        lead = self.current()
        if lead is None or lead.state != "open":
            return None
        others = sum(1 for x in self.cluster_of(lead) if x.state == "open") - 1
        dialog = LeadTaskDialog(self.lanes, lead, others, self.lang, parent=self)
        dialog.made.connect(lambda _task: self.refresh())
        self.dialog = dialog
        dialog.open()
        return dialog

    def decide_current(self) -> Any:
        from fieldapp.ui.leads.desk_dialogs import LeadDecisionDialog

        lead = self.current()
        if lead is None or lead.state not in UNDECIDED:
            return None
        dialog = LeadDecisionDialog(self.lanes, lead, self.lang, parent=self)
        dialog.decided.connect(lambda _lead: self.refresh())
        self.dialog = dialog
        dialog.open()
        return dialog
