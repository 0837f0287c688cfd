"""The desk's 举报 tab: the area's complaints, the overdue answers first and in red; the chosen
complaint's details (with the complainant's contact, for the staff only), its verification task's
state, outcome and answer; and the actions: record a new complaint, its outcome, the answer.
Server calls run on the desk's lanes; results come back by callback on the GUI thread."""

from __future__ import annotations

import html
from functools import cache
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.paths import DATA
from fieldapp.ui import fact_list
from fieldapp.ui import formatting as fmt
from fieldapp.ui.desk_photos import ServerPhotoStrip
from fieldapp.ui.labels import county_names
from fieldapp.ui.screen_fit import scrolling
from sync import complaints as rules
from sync.client.errors import LocalCode, message
from sync.client.review import DeskError
from sync.complaint_protocol import ComplaintList, ComplaintView

TOUCH = 44
RED = "#b00020"


@cache
def complaint_rules() -> rules.ComplaintRules:
    return rules.load(DATA / "complaint_rules.json")


def _complaint_photo(client: Any, complaint_id: str, sha256: str) -> bytes:
    photo: bytes = client.complaint_photo(complaint_id, sha256)
    return photo


class ComplaintsPane(QWidget):
    loaded = Signal(int)  # how many answers are overdue

    def __init__(self, lanes: Any, lang: str, counties: dict[str, str],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("deskComplaints")
        self.lanes, self.lang = lanes, lang
        # the counties a complaint may be filed under (the server keeps each to the staff's area)
        self.counties = counties or county_names(lang)
        self.complaints: list[ComplaintView] = []
        self.dialog: QDialog | None = None
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.setMinimumHeight(TOUCH)
        self.overdue_only.toggled.connect(lambda _on: self.refresh())
        self.summary = QLabel()
        self.summary.setObjectName("complaintsSummary")
        self.new_button = QPushButton(self.tr("New complaint…"))
        self.new_button.setObjectName("newComplaint")
        self.outcome_button = QPushButton(self.tr("Record outcome…"))
        self.reply_button = QPushButton(self.tr("Record answer…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        for b in (self.new_button, self.outcome_button, self.reply_button, self.refresh_button):
            b.setMinimumHeight(TOUCH)
        self.new_button.clicked.connect(self.new_complaint)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.reply_button.clicked.connect(self.record_reply)
        self.refresh_button.clicked.connect(self.refresh)
        self.table = fact_list.list_table(
            "complaintTable",
            [self.tr("State"), self.tr("Received"), self.tr("Place"), self.tr("Channel"),
             self.tr("Answer due")],
            2,
        )  # fmt: skip
        self.table.itemSelectionChanged.connect(self._selected)
        self.details = fact_list.details_label("complaintDetails")
        top = QHBoxLayout()
        top.addWidget(self.overdue_only)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        for b in (self.new_button, self.outcome_button, self.reply_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.photos = ServerPhotoStrip(lanes, lang, _complaint_photo)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(scrolling(self.details), 1)
        side_layout.addWidget(self.photos)
        split = fact_list.side_by_side(self.table, side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        self._selected()

    # -- words ----------------------------------------------------------------------------------
    def state_text(self, c: ComplaintView) -> str:
        return {
            rules.ComplaintState.OPEN: self.tr("Being verified"),
            rules.ComplaintState.VERIFIED: self.tr("Verified, not answered"),
            rules.ComplaintState.ANSWERED: self.tr("Answered"),
        }[c.state]

    def tab_title(self, overdue: int) -> str:
        """Short, so the desk's seven tabs fit a 150% laptop; the tab's tooltip says more."""
        if overdue:
            return self.tr("Complaints (%1)").replace("%1", str(overdue))
        return self.tr("Complaints")

    def tab_tip(self, overdue: int) -> str:
        return self.tr("%1 answers overdue").replace("%1", str(overdue)) if overdue else ""

    def _term(self, code: str | None, outcome: bool = False) -> str:
        r = complaint_rules()
        term = (r.outcome if outcome else r.channel)(code or "")
        return term.label(self.lang) if term is not None else (code or "—")

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        overdue = True if self.overdue_only.isChecked() else None
        self.summary.setText(self.tr("Loading complaints…"))
        self.lanes.run(lambda c: c.complaints(overdue=overdue), self.show_complaints, self._failed)

    def show_complaints(self, found: ComplaintList) -> None:
        keep = self.current()
        self.complaints = list(found.complaints)
        fact_list.fill(
            self.table,
            [[self.state_text(c), fmt.local_time(c.received_at.isoformat()),
              c.place or c.description[:40], self._term(c.channel),
              fmt.local_time(c.answer_due.isoformat())] for c in self.complaints],
            [c.overdue for c in self.complaints],
        )  # fmt: skip
        overdue = sum(1 for c in self.complaints if c.overdue)
        self.summary.setText(
            self.tr("%1 complaints, %2 answers overdue")
            .replace("%1", str(found.total))
            .replace("%2", str(overdue))
        )
        fact_list.choose_again(
            self.table, [c.id for c in self.complaints], None if keep is None else keep.id
        )
        self._selected()
        self.loaded.emit(overdue)

    def current(self) -> ComplaintView | None:
        row = fact_list.chosen(self.table, len(self.complaints))
        return None if row is None else self.complaints[row]

    def _selected(self) -> None:
        c = self.current()
        self.outcome_button.setEnabled(c is not None and c.state != rules.ComplaintState.ANSWERED)
        self.reply_button.setEnabled(c is not None and c.state == rules.ComplaintState.VERIFIED)
        self.photos.show_photos(None if c is None else c.id, [] if c is None else list(c.photos))
        if c is None:
            self.details.setText(self.tr("Choose a complaint to see it."))
            return
        e = html.escape
        rows = [
            (self.tr("Received"), f"{fmt.local_time(c.received_at.isoformat())} · "
                                  f"{e(self._term(c.channel))}"),
            (self.tr("Place"), e(c.place or "—")),
            (self.tr("Complaint"), e(c.description)),
            (self.tr("Complainant"), e(" ".join(x for x in (c.contact_name, c.contact_phone) if x)
                                       or self.tr("anonymous"))),
            (self.tr("Photos"), str(len(c.photos))),
            (self.tr("Verification task"), e(self._task_text(c.task_state))),
            (self.tr("Outcome"), e(" · ".join(x for x in (self._term(c.outcome, True)
                                                          if c.outcome else "—", c.outcome_note)
                                             if x))),
            (self.tr("Answer"), e(c.reply_text or "—")),
        ]  # fmt: skip
        due = fmt.local_time(c.answer_due.isoformat())
        if c.overdue:
            late = self.tr("Answer overdue since %1").replace("%1", due)
            flag = f"<p style='color:{RED}'><b>{e(late)}</b></p>"
        else:
            by = self.tr("Answer due by %1").replace("%1", due)
            flag = f"<p>{e(by)}</p>"
        self.details.setText(flag + fact_list.facts_html(rows))

    def _task_text(self, state: str | None) -> str:
        return {
            "open": self.tr("open"),
            "done": self.tr("done: the inspection has arrived"),
            "cancelled": self.tr("cancelled"),
        }.get(state or "", state or "—")

    def _failed(self, error: Exception) -> None:
        code = error.code if isinstance(error, DeskError) else LocalCode.SERVER_BUSY
        self.summary.setText(message(code, self.lang))

    # -- actions --------------------------------------------------------------------------------
    def new_complaint(self) -> QDialog:
        from fieldapp.ui.complaints.dialogs import NewComplaintDialog

        dialog = NewComplaintDialog(complaint_rules(), self.counties, self.lang, parent=self)
        dialog.accepted.connect(lambda: self._send_new(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _send_new(self, dialog: Any) -> None:
        request, photos = dialog.request(), dialog.photos()
        self.summary.setText(self.tr("Recording the complaint…"))

        def send(client: Any) -> ComplaintView:
            for data in photos:  # the server takes a complaint only with its photos there
                client.upload_photo(data)
            return client.create_complaint(request)

        self.lanes.run(send, lambda _v: self.refresh(), self._failed)

    def record_outcome(self) -> QDialog | None:
        from fieldapp.ui.complaints.dialogs import OutcomeDialog

        c = self.current()
        if c is None or not self.outcome_button.isEnabled():
            return None
        dialog = OutcomeDialog(complaint_rules(), self.lang, parent=self)
        cid, version = c.id, c.version

        def send() -> None:
            outcome, note = dialog.outcome.currentData(), dialog.note.toPlainText()
            self.lanes.run(lambda cl: cl.complaint_outcome(cid, outcome, note, version),
                           lambda _v: self.refresh(), self._failed)  # fmt: skip

        dialog.accepted.connect(send)
        self.dialog = dialog
        dialog.open()
        return dialog

    def record_reply(self) -> QDialog | None:
        from fieldapp.ui.complaints.dialogs import ReplyDialog

        c = self.current()
        if c is None or not self.reply_button.isEnabled():
            return None
        dialog = ReplyDialog(parent=self)
        cid, version = c.id, c.version

        def send() -> None:
            text = dialog.text.toPlainText()
            self.lanes.run(lambda cl: cl.complaint_reply(cid, text, version),
                           lambda _v: self.refresh(), self._failed)  # fmt: skip

        dialog.accepted.connect(send)
        self.dialog = dialog
        dialog.open()
        return dialog
