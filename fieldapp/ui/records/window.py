"""我的记录 (My records): one list of this profile's inspections and patrols with where each stands.

Shows what it is given (``show_records``) and says what the user asked for by signal; the session's
``RecordsTool`` does the work on the lane and through the sync controller.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.formatting import local_date, local_time
from fieldapp.ui.records.dialogs import DiscardQuestion, WithdrawDialog
from sync.client.state.panel import RecordState

TOUCH = 48
# the filter buttons: group -> the record states in it
GROUPS: dict[str, tuple[str, ...]] = {
    "": (),
    "draft": ("draft",),
    "unsent": ("ready", "queued", "sent"),
    "sent": ("received", "reviewed"),
    "returned": ("returned",),
    "refused": ("refused",),
    "withdrawn": ("withdrawn",),
    # ledger proposals and the supervisor's decision on each (fieldapp.store.proposal_decisions)
    "proposals": ("proposed", "proposal_accepted", "proposal_merged", "proposal_rejected"),
}
_STATE_COLOURS = {"refused": "#b00020", "returned": "#8a5a00", "withdrawn": "#555",
                  "proposal_rejected": "#8a5a00"}  # fmt: skip


class MyRecordsWindow(QWidget):
    open_requested = Signal(str, str, str)  # entity, row id, outfall id
    resend_requested = Signal(str, str)  # entity, row id
    withdraw_requested = Signal(str, str, str)  # entity, row id, reason
    discard_requested = Signal(str)  # inspection id (drafts only)
    refresh_requested = Signal()

    def __init__(
        self,
        lang: str,
        reason_text: Callable[[str, str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``reason_text(code, lang)`` words a refusal reason (the sync client's table)."""
        super().__init__(parent)
        self.setObjectName("myRecords")
        self.setWindowTitle(self.tr("My records"))
        self.lang = lang
        self._reason_text = reason_text
        self.records: list[RecordState] = []
        self.shown: list[RecordState] = []
        self.group = ""

        self.filters = QButtonGroup(self)
        self.filters.setExclusive(True)
        filter_row = QHBoxLayout()
        self.filter_buttons: dict[str, QPushButton] = {}
        for key in GROUPS:
            b = QPushButton()
            b.setCheckable(True)
            b.setMinimumHeight(TOUCH)
            b.setMinimumWidth(0)
            self.filters.addButton(b)
            self.filter_buttons[key] = b
            filter_row.addWidget(b)
            b.clicked.connect(lambda _c=False, k=key: self.show_group(k))
        filter_row.addStretch(1)
        self.filter_buttons[""].setChecked(True)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Kind"), self.tr("State"), self.tr("Why / what the reviewer said"),
             self.tr("Changed")]
        )  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(TOUCH - 4)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _item: self._open())

        self.open_button = QPushButton(self.tr("Open"))
        self.resend_button = QPushButton(self.tr("Send again"))
        self.withdraw_button = QPushButton(self.tr("Withdraw…"))
        self.discard_button = QPushButton(self.tr("Discard draft…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        actions = QHBoxLayout()
        for b in (self.open_button, self.resend_button, self.withdraw_button, self.discard_button):
            b.setMinimumHeight(TOUCH)
            actions.addWidget(b)
        actions.addStretch(1)
        self.refresh_button.setMinimumHeight(TOUCH)
        actions.addWidget(self.refresh_button)
        self.open_button.clicked.connect(self._open)
        self.resend_button.clicked.connect(self._resend)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.discard_button.clicked.connect(self._discard)
        self.refresh_button.clicked.connect(self.refresh_requested.emit)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName("recordDetail")
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        self.dialog: WithdrawDialog | DiscardQuestion | None = None
        self._label_filters()
        self._selection_changed()

    # -- words ---------------------------------------------------------------------------------
    def state_label(self, state: str) -> str:
        return {
            "draft": self.tr("draft"),
            "ready": self.tr("completed, not sent"),
            "queued": self.tr("sending"),
            "sent": self.tr("sent, photos pending"),
            "received": self.tr("on the server"),
            "reviewed": self.tr("reviewed"),
            "returned": self.tr("returned"),
            "refused": self.tr("refused"),
            "withdrawn": self.tr("withdrawn"),
            "proposed": self.tr("proposed, awaiting a supervisor"),
            "proposal_accepted": self.tr("proposal accepted"),
            "proposal_merged": self.tr("merged into a registered outfall"),
            "proposal_rejected": self.tr("proposal rejected"),
        }.get(state, state)

    def _group_label(self, key: str) -> str:
        return {
            "": self.tr("All"),
            "draft": self.tr("Drafts"),
            "unsent": self.tr("Not sent"),
            "sent": self.tr("Sent"),
            "returned": self.tr("Returned"),
            "refused": self.tr("Refused"),
            "withdrawn": self.tr("Withdrawn"),
            "proposals": self.tr("Ledger proposals"),
        }[key]

    def _label_filters(self) -> None:
        for key, button in self.filter_buttons.items():
            n = len(self._in_group(key))
            button.setText(f"{self._group_label(key)} {n}" if key else self._group_label(key))
            button.setVisible(key in ("", "draft", "unsent", "sent") or n > 0)

    def _why(self, r: RecordState) -> str:
        if r.state == "refused" and self._reason_text is not None:
            return "；".join(self._reason_text(x, self.lang) for x in r.reasons)
        if r.review_deadline:
            return (
                self.tr("%1 (correct by %2)")
                .replace("%1", r.review_comment)
                .replace("%2", local_date(r.review_deadline))
            )
        return r.review_comment

    # -- what it is given ------------------------------------------------------------------------
    def show_records(self, records: list[RecordState]) -> None:
        selected = self.selected
        self.records = records
        self._label_filters()
        self._fill()
        if selected is not None:
            for row, r in enumerate(self.shown):
                if (r.entity, r.row_id) == (selected.entity, selected.row_id):
                    self.table.selectRow(row)

    def show_group(self, key: str) -> None:
        """Show one group: "" all, draft, unsent, sent, returned, refused, withdrawn."""
        self.group = key if key in GROUPS else ""
        self.filter_buttons[self.group].setChecked(True)
        self.filter_buttons[self.group].setVisible(True)
        self._fill()

    def _in_group(self, key: str) -> list[RecordState]:
        states = GROUPS.get(key, ())
        return [r for r in self.records if not states or shown_state(r) in states]

    def _fill(self) -> None:
        self.shown = self._in_group(self.group)
        kinds = {"inspections": self.tr("inspection"), "patrols": self.tr("patrol"),
                 "outfalls": self.tr("ledger proposal")}  # fmt: skip
        self.table.setRowCount(len(self.shown))
        for row, r in enumerate(self.shown):
            cells = [
                r.label or self.tr("(no name)"),
                kinds.get(r.entity, r.entity),
                self.state_label(shown_state(r)),
                self._why(r),
                local_time(r.updated_at),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2 and shown_state(r) in _STATE_COLOURS:
                    item.setForeground(Qt.GlobalColor.white)
                    item.setBackground(_qcolor(_STATE_COLOURS[shown_state(r)]))
                if col == 3:
                    item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(2)
        self.table.resizeColumnToContents(4)
        self.empty.setVisible(not self.shown)
        self.empty.setText(self.tr("No records here."))
        if self.shown and not self.table.selectedItems():
            self.table.selectRow(0)
        self._selection_changed()

    @property
    def selected(self) -> RecordState | None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _selection_changed(self) -> None:
        r = self.selected
        self.open_button.setEnabled(r is not None)
        self.resend_button.setVisible(r is not None and r.state == "refused")
        self.withdraw_button.setVisible(r is not None and r.state == "refused")
        drafts = r is not None and r.entity == "inspections" and r.status == "draft"
        self.discard_button.setVisible(drafts)
        self.detail.setText(self._why(r) if r is not None and r.state == "refused" else "")

    # -- what the user asks for ------------------------------------------------------------------
    def _open(self) -> None:
        r = self.selected
        if r is not None:
            self.open_requested.emit(r.entity, r.row_id, r.outfall_id)

    def _resend(self) -> None:
        r = self.selected
        if r is not None and r.state == "refused":
            self.resend_requested.emit(r.entity, r.row_id)

    def _withdraw(self) -> None:
        r = self.selected
        if r is None or r.state != "refused":
            return
        dialog = WithdrawDialog(r.label or r.row_id[:8], self._why(r), self)
        dialog.withdrawn.connect(
            lambda reason, e=r.entity, i=r.row_id: self.withdraw_requested.emit(e, i, reason)
        )
        self.dialog = dialog
        dialog.open()

    def _discard(self) -> None:
        r = self.selected
        if r is None or r.entity != "inspections" or r.status != "draft":
            return
        question = DiscardQuestion(r.label or r.row_id[:8], self)
        question.discard.connect(lambda i=r.row_id: self.discard_requested.emit(i))
        self.dialog = question
        question.open()


def shown_state(r: RecordState) -> str:
    """A draft is a draft to its author, whether or not a copy is already on the server."""
    if r.status == "draft" and r.state not in ("refused", "withdrawn", "returned"):
        return "draft"
    return r.state


def _qcolor(name: str) -> QColor:
    return QColor(name)
