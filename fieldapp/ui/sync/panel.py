"""The sync panel: each record's sync state, what is pending (records and bytes), the last good
sync, every error and issue in plain words, progress in records and bytes, "Sync now", cancel,
and automatic sync. It shows what the controller delivers; it never touches the database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.formatting import local_date, local_time
from fieldapp.ui.records.dialogs import WithdrawDialog
from fieldapp.ui.sync.controller import SyncController
from sync.client import Progress, SyncReport
from sync.client.errors import message, reason_text
from sync.client.state.account import Account
from sync.client.state.issues import Refusal
from sync.client.state.panel import STATES, Snapshot

TOUCH = 48  # px: buttons and rows large enough for a gloved finger


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B"


_ALERT = "background: #b00020; color: #fff; font-weight: bold; padding: 8px; border-radius: 4px;"
_OK = "background: #e6f4ea; color: #0b5323; font-weight: bold; padding: 8px; border-radius: 4px;"


class SyncPanel(QWidget):
    """Shows the sync state of this device and starts syncs."""

    open_record = Signal(str, str, str)  # entity, row id, outfall id (a refused record, to fix it)

    def __init__(
        self, controller: SyncController, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.lang = lang
        self.setWindowTitle(self.tr("Sync"))
        self.setObjectName("syncPanel")
        self.account_label = QLabel()
        self.last_label = QLabel()
        self.pending_label = QLabel()
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.setup_button = QPushButton(self.tr("Server and sign-in…"))
        self.auto_box = QCheckBox(self.tr("Sync automatically when the server is reachable"))
        for b in (self.sync_button, self.cancel_button, self.setup_button):
            b.setMinimumHeight(TOUCH)
            b.setMinimumWidth(140)
        self.auto_box.setMinimumHeight(TOUCH)
        self.cancel_button.setEnabled(False)
        self.records_bar = QProgressBar()
        self.bytes_bar = QProgressBar()
        for bar in (self.records_bar, self.bytes_bar):
            bar.setMinimumHeight(28)
        self.records_table = self._table(
            [
                self.tr("Record"),
                self.tr("Kind"),
                self.tr("State"),
                self.tr("Review"),
                self.tr("Changed"),
            ]
        )
        self.issues_table = self._table(
            [
                self.tr("When"),
                self.tr("What"),
                self.tr("Record"),
                self.tr("Why"),
                self.tr("Outcome"),
            ]
        )
        self.errors_table = self._table([self.tr("When"), self.tr("Problem")])
        self.refusals: list[Refusal] = []
        self.refused_table = self._table([self.tr("Record"), self.tr("Why"), self.tr("When")])
        self.refused_table.itemSelectionChanged.connect(self._refusal_selected)
        self.refused_open = QPushButton(self.tr("Open to fix"))
        self.refused_resend = QPushButton(self.tr("Send again"))
        self.refused_withdraw = QPushButton(self.tr("Withdraw…"))
        refused_actions = QHBoxLayout()
        for b in (self.refused_open, self.refused_resend, self.refused_withdraw):
            b.setMinimumHeight(TOUCH)
            refused_actions.addWidget(b)
        refused_actions.addStretch(1)
        self.refused_open.clicked.connect(self._open_refused)
        self.refused_resend.clicked.connect(self._resend_refused)
        self.refused_withdraw.clicked.connect(self._withdraw_refused)
        self.refused_page = QWidget()
        refused_layout = QVBoxLayout(self.refused_page)
        refused_layout.setContentsMargins(0, 0, 0, 0)
        refused_layout.addWidget(self.refused_table, 1)
        refused_layout.addLayout(refused_actions)
        self.banner = QLabel()
        self.banner.setObjectName("syncBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.withdraw_dialog: WithdrawDialog | None = None
        self.account: Account | None = None  # as last shown (to fill in the set-up dialog)

        top = QGridLayout()
        top.addWidget(self.account_label, 0, 0, 1, 2)
        top.addWidget(self.last_label, 1, 0, 1, 2)
        top.addWidget(self.pending_label, 2, 0, 1, 2)
        top.addWidget(QLabel(self.tr("Records")), 3, 0)
        top.addWidget(self.records_bar, 3, 1)
        top.addWidget(QLabel(self.tr("Photos")), 4, 0)
        top.addWidget(self.bytes_bar, 4, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.setup_button)
        buttons.addStretch(1)
        tabs = QTabWidget()
        tabs.addTab(self.refused_page, self.tr("Refused"))
        tabs.addTab(self.records_table, self.tr("Records"))
        tabs.addTab(self.issues_table, self.tr("Conflicts and refusals"))
        tabs.addTab(self.errors_table, self.tr("Errors"))
        self.tabs = tabs
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.auto_box)  # its own row: the buttons keep their text at 150%
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.status_label)
        layout.addWidget(tabs, 1)

        self.sync_button.clicked.connect(controller.sync_now)
        self.cancel_button.clicked.connect(controller.cancel)
        self.auto_box.toggled.connect(controller.set_auto)
        controller.snapshot_ready.connect(self.show_snapshot)
        controller.progress.connect(self.show_progress)
        controller.finished.connect(self.show_report)
        controller.running_changed.connect(self._running)
        self.resize(1100, 680)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(TOUCH - 8)
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(False)
        return table

    # -- what the controller delivers -------------------------------------------------------
    def state_label(self, state: str) -> str:
        return {
            "draft": self.tr("draft"),
            "ready": self.tr("ready to send"),
            "queued": self.tr("queued"),
            "sent": self.tr("sent, photos pending"),
            "received": self.tr("received by the server"),
            "reviewed": self.tr("reviewed"),
            "returned": self.tr("returned"),
            "refused": self.tr("refused by the server"),
            "withdrawn": self.tr("withdrawn"),
        }.get(state, state)

    def show_snapshot(self, snap: Snapshot) -> None:
        acct = snap.account
        self.account = acct
        if acct.signed_in:
            self.account_label.setText(
                self.tr("Server: %1 — signed in as %2")
                .replace("%1", acct.server_url or "")
                .replace("%2", acct.username or "")
            )
        else:
            self.account_label.setText(self.tr("Not set up: choose “Server and sign-in…”."))
        self.sync_button.setEnabled(acct.signed_in and not self.controller.running)
        self.auto_box.blockSignals(True)
        self.auto_box.setChecked(acct.auto_sync)
        self.auto_box.blockSignals(False)
        last = local_time(acct.last_success_at, empty=self.tr("never"))
        self.last_label.setText(self.tr("Last successful sync: %1").replace("%1", last))
        p = snap.pending
        self.pending_label.setText(
            self.tr("Waiting to send: %1 change(s) in %2 record(s); %3 photo(s) (%4)")
            .replace("%1", str(p.changes))
            .replace("%2", str(p.records))
            .replace("%3", str(p.photos))
            .replace("%4", _size(p.photo_bytes))
        )
        counts = dict.fromkeys(STATES, 0)
        for r in snap.records:
            counts[r.state] = counts.get(r.state, 0) + 1
        self.counts_label.setText(
            "  ·  ".join(
                self.tr("%1: %2").replace("%1", self.state_label(s)).replace("%2", str(counts[s]))
                for s in STATES
            )
        )
        kinds = {"inspections": self.tr("inspection"), "patrols": self.tr("patrol")}
        self._fill(
            self.records_table,
            [
                [
                    r.label or r.row_id[:8],
                    kinds.get(r.entity, r.entity),
                    self.state_label(r.state),
                    self._review_text(r.review_comment, r.review_deadline),
                    local_time(r.updated_at),
                ]
                for r in snap.records
            ],
        )
        what = {
            "conflict": self.tr("conflict"),
            "rejected": self.tr("refused"),
            "proposed": self.tr("awaiting supervisor"),
        }
        outcome = {
            "merged": self.tr("merged field by field"),
            "kept_server": self.tr("server's version kept; yours is listed here"),
            "awaiting_review": self.tr("sent as a proposal"),
            "not_uploaded": self.tr("not uploaded; the rest synced"),
            "proposal_accepted": self.tr("accepted by a supervisor"),
            "proposal_merged": self.tr("merged by a supervisor into a registered outfall"),
            "proposal_rejected": self.tr("rejected by a supervisor (see My records)"),
        }
        settled = {
            "accepted": self.tr("accepted later"),
            "resent": self.tr("sent again"),
            "withdrawn": self.tr("withdrawn: %1"),
        }
        self._fill(
            self.issues_table,
            [
                [
                    local_time(i.at),
                    what.get(i.kind, i.kind),
                    self._record_name(i.record_entity or i.entity, i.record_label),
                    reason_text(i.reason, self.lang) if i.kind != "proposed" else "",
                    settled.get(i.settled, "").replace("%1", i.note)
                    if i.settled
                    else outcome.get(i.resolution, i.resolution),
                ]
                for i in snap.issues
            ],
        )
        self._fill(
            self.errors_table,
            [[local_time(at), message(code, self.lang, detail)]
             for at, code, detail in snap.errors],
        )  # fmt: skip
        self.show_refusals(snap.refusals)

    def _review_text(self, comment: str, deadline: str) -> str:
        if not deadline:
            return comment
        return (
            self.tr("%1 (correct by %2)").replace("%1", comment).replace("%2", local_date(deadline))
        )

    def _record_name(self, entity: str, label: str) -> str:
        kinds = {
            "inspections": self.tr("inspection"),
            "patrols": self.tr("patrol"),
            "outfalls": self.tr("outfall"),
            "photos": self.tr("photo"),
        }
        return f"{kinds.get(entity, entity)} {label}".strip()

    # -- refused records: the sync did not finish ---------------------------------------------
    def show_refusals(self, refusals: list[Refusal]) -> None:
        self.refusals = refusals
        self._fill(
            self.refused_table,
            [
                [
                    self._record_name(r.entity, r.label),
                    "；".join(reason_text(x, self.lang) for x in r.reasons)
                    if self.lang.startswith("zh")
                    else " ".join(reason_text(x, self.lang) for x in r.reasons),
                    local_time(r.at),
                ]
                for r in refusals
            ],
        )
        self.tabs.setTabText(0, self.tr("Refused (%1)").replace("%1", str(len(refusals))))
        self.banner.setVisible(bool(refusals))
        if refusals:
            self.banner.setStyleSheet(_ALERT)
            self.banner.setText(
                self.tr(
                    "Sync not finished: the server refused %1 record(s). Open each to fix it and"
                    " send it again, or withdraw it with a reason."
                ).replace("%1", str(len(refusals)))
            )
            self.tabs.setCurrentIndex(0)
            if not self.refused_table.selectedItems():
                self.refused_table.selectRow(0)
        self._refusal_selected()

    def _refusal(self) -> Refusal | None:
        rows = {i.row() for i in self.refused_table.selectedItems()}
        row = rows.pop() if len(rows) == 1 else -1
        return self.refusals[row] if 0 <= row < len(self.refusals) else None

    def _refusal_selected(self) -> None:
        chosen = self._refusal() is not None
        for b in (self.refused_open, self.refused_resend, self.refused_withdraw):
            b.setEnabled(chosen)

    def _open_refused(self) -> None:
        r = self._refusal()
        if r is not None:
            self.open_record.emit(r.entity, r.row_id, r.row_id if r.entity == "outfalls" else "")

    def _resend_refused(self) -> None:
        r = self._refusal()
        if r is not None:
            self.controller.resend(r.entity, r.row_id)

    def _withdraw_refused(self) -> None:
        r = self._refusal()
        if r is None:
            return
        why = self.refused_table.item(self.refused_table.currentRow(), 1)
        dialog = WithdrawDialog(
            self._record_name(r.entity, r.label), why.text() if why else "", self
        )
        dialog.withdrawn.connect(
            lambda reason, e=r.entity, i=r.row_id: self.controller.withdraw(e, i, reason)
        )
        self.withdraw_dialog = dialog
        dialog.open()

    def _fill(self, table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def show_progress(self, p: Progress) -> None:
        self.records_bar.setRange(0, max(1, p.records_total))
        self.records_bar.setValue(min(p.records_done, max(1, p.records_total)))
        self.records_bar.setFormat(f"{p.records_done} / {p.records_total}")
        total = max(p.bytes_total, p.bytes_done)
        # QProgressBar holds an int: count in kilobytes
        self.bytes_bar.setRange(0, max(1, total // 1024))
        self.bytes_bar.setValue(p.bytes_done // 1024 if total else 1)
        self.bytes_bar.setFormat(f"{_size(p.bytes_done)} / {_size(total)}")
        phases = {
            "push": self.tr("Sending changes…"),
            "photos": self.tr("Uploading photos…"),
            "pull": self.tr("Receiving updates…"),
            "start": self.tr("Starting…"),
        }
        if p.phase in phases:
            self.status_label.setText(phases[p.phase])

    def show_report(self, report: SyncReport) -> None:
        if report.error is not None:
            self.status_label.setText(report.error.message(self.lang))
            self.status_label.setStyleSheet(_ALERT)
        elif report.refusals:
            self.status_label.setText(
                self.tr(
                    "Sync not finished: %1 record(s) refused by the server (see “Refused”)."
                ).replace("%1", str(len(report.refusals)))
            )
            self.status_label.setStyleSheet(_ALERT)
        elif report.ok:
            self.status_label.setText(self.tr("Everything is on the server."))
            self.status_label.setStyleSheet(_OK)
        else:
            self.status_label.setText(self.tr("Some items are still waiting: see the lists below."))
            self.status_label.setStyleSheet("")
        self.status_label.setToolTip(report.summary(self.lang))

    def _running(self, running: bool) -> None:
        self.sync_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        if running:
            self.status_label.setText(self.tr("Starting…"))
            self.status_label.setStyleSheet("")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
