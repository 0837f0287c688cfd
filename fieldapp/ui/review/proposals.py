"""The desk's ledger proposals (台账修改建议): the list on the left; on the right the ledger row as
it is and as proposed, side by side (changed fields marked), a map of both and of the registered
outfalls nearby, and the decision: accept, merge a proposed new outfall into one of those
outfalls, or reject with a reason. A proposal another supervisor decided first says by whom and
when. Server calls run on the desk's lanes; results come back by signal."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui import formatting as fmt
from fieldapp.ui.review.desk_map import COLOURS, CURRENT, NEARBY, PROPOSED, DeskMap
from fieldapp.ui.review.lanes import DeskLanes
from fieldapp.ui.review.texts import refusal_text
from sync.client.review import DeskError
from sync.protocol import ErrorCode
from sync.review_protocol import DeskProposal

TOUCH = 44
HIDDEN = frozenset({"id", "created_at", "updated_at", "updated_by", "_status", "_version"})
CHANGED = QColor("#fff3c4")


# The outfall's fields by the names the ledger's detail pane gives them (its catalog's words).
_DETAIL = "OutfallDetail"
FIELD_NAMES = {
    "name": "Name", "national_code": "National code", "local_code": "Local code",
    "provisional_code": "Provisional code", "type_code": "Type", "subtype_code": "Sub-type",
    "legacy_type_code": "Legacy Nantong type", "receiving_kind": "Into", "basin": "Basin",
    "water_body": "Water body", "county_code": "County", "town": "Town", "village": "Village",
    "lat": "Latitude (°)", "lon": "Longitude (°)", "position_accuracy_m": "Accuracy",
    "position_datum": "Datum", "position_source": "Position source",
    "responsible_party": "Responsible party", "discharging_units": "Discharging units",
    "channel_kind": "Discharge channel", "channel_note": "Channel details", "regime": "Regime",
    "regime_document_no": "Document number", "regime_date": "Document date",
    "sea_tier": "Sea-outfall tier", "remediation_route": "Remediation route",
    "merge_into_id": "Merges into", "sign_status": "Sign", "sampling_status": "Sampling point",
    "note": "Note", "lifecycle_state": "Lifecycle state",
}  # fmt: skip
VOCABULARIES = ("receiving_kind", "basin", "position_source", "channel_kind", "regime",
                "sea_tier", "remediation_route", "sign_status", "sampling_status")  # fmt: skip


def field_name(field: str) -> str:
    english = FIELD_NAMES.get(field)
    return QCoreApplication.translate(_DETAIL, english) if english else field


def _value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return "、".join(str(v) for v in value) or "—"
    if isinstance(value, dict):
        import json

        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _position(data: dict[str, Any] | None) -> tuple[float, float] | None:
    if not data:
        return None
    lat, lon = data.get("lat"), data.get("lon")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    return None


class ProposalsPane(QWidget):
    loaded = Signal()
    shown = Signal(str)  # proposal id
    decided = Signal(str, str)  # proposal id, state
    refused = Signal(str)  # the server's code

    def __init__(self, lanes: DeskLanes, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from fieldapp.reference_data import load
        from fieldapp.ui.labels import Labels

        self.lanes = lanes
        self.labels = Labels(load(), lang)
        self.proposals: list[DeskProposal] = []
        self.current: DeskProposal | None = None
        self.which = QComboBox()
        self.which.addItem(self.tr("Awaiting a decision"), "pending")
        self.which.addItem(self.tr("Decided"), "decided")
        self.which.setMinimumHeight(TOUCH)
        self.which.currentIndexChanged.connect(lambda _i: self.refresh())
        self.list = QListWidget()
        self.list.setMinimumWidth(220)
        self.list.currentRowChanged.connect(self._chosen)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.which)
        ll.addWidget(self.list, 1)
        # the proposal
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("In the ledger now"), self.tr("Proposed")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(80)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.map = DeskMap()
        words = (self.tr("in the ledger"), self.tr("proposed"), self.tr("registered nearby"))
        self.legend = QLabel(
            "&nbsp; ".join(
                f"<span style='color:{COLOURS[colour].name()}'>●</span> {html.escape(word)}"
                for colour, word in zip((CURRENT, PROPOSED, NEARBY), words, strict=True)
            )
        )
        self.legend.setWordWrap(True)
        self.target = QComboBox()
        self.target.setMinimumHeight(TOUCH)
        self.target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.target.setMinimumContentsLength(16)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (needed to reject)"))
        self.reason.setMinimumHeight(TOUCH)
        self.reason.setMaxLength(4000)
        self.reason.textChanged.connect(lambda _t: self._enable())
        self.accept_button = QPushButton(self.tr("Accept into the ledger"))
        self.merge_button = QPushButton(self.tr("Merge into"))
        self.reject_button = QPushButton(self.tr("Reject"))
        for b in (self.accept_button, self.merge_button, self.reject_button):
            b.setMinimumHeight(TOUCH)
        self.accept_button.clicked.connect(lambda: self.decide("accept"))
        self.merge_button.clicked.connect(lambda: self.decide("merge"))
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b71c1c; font-weight: bold;")
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.merge_button)
        merge_row.addWidget(self.target, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.title)
        both = QSplitter(Qt.Orientation.Horizontal)
        both.addWidget(self.table)
        mapped = QWidget()
        ml = QVBoxLayout(mapped)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.map, 1)
        ml.addWidget(self.legend)
        both.addWidget(mapped)
        both.setSizes([640, 320])
        both.setStretchFactor(0, 3)
        both.setStretchFactor(1, 2)
        self.map.setMinimumWidth(220)
        rl.addWidget(both, 1)
        rl.addWidget(self.notice)
        rl.addLayout(merge_row)
        rl.addWidget(self.reason)
        rl.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([260, 1100])
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.show_proposal(None)

    # -- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        state = str(self.which.currentData())
        self.lanes.run(lambda c: c.proposals(state), self._arrived, self._failed)

    def kind_text(self, kind: str) -> str:
        return {
            "new": self.tr("New outfall"),
            "correction": self.tr("Correction"),
            "merge": self.tr("Merge"),
            "delete": self.tr("Removal"),
        }.get(kind, kind)

    def state_text(self, state: str) -> str:
        return {
            "pending": self.tr("Awaiting a decision"),
            "accepted": self.tr("Accepted"),
            "merged": self.tr("Merged"),
            "rejected": self.tr("Rejected"),
        }.get(state, state)

    def _name(self, p: DeskProposal) -> str:
        data = p.proposal.data or p.current or {}
        return str(data.get("name") or data.get("national_code") or p.proposal.row_id[:8])

    def _arrived(self, proposals: list[DeskProposal]) -> None:
        keep = self.current.proposal.proposal_id if self.current else None
        self.proposals = proposals
        self.list.blockSignals(True)
        self.list.clear()
        row = 0
        for n, p in enumerate(proposals):
            mark = "⚠ " if p.stale and p.proposal.state == "pending" else ""
            text = (f"{mark}{self.kind_text(p.kind)} · {self._name(p)}\n"
                    f"{p.proposal.proposed_by} · {fmt.local_time(p.proposal.created_at)}")  # fmt: skip
            item = QListWidgetItem(text)
            item.setSizeHint(QSize(260, 56))
            self.list.addItem(item)
            if p.proposal.proposal_id == keep:
                row = n
        self.list.blockSignals(False)
        self.loaded.emit()
        if proposals:
            self.list.setCurrentRow(row)
            self._chosen(row)
        else:
            self.show_proposal(None)

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.proposals):
            self.show_proposal(self.proposals[row])

    # -- showing ---------------------------------------------------------------------------------
    def show_proposal(self, p: DeskProposal | None) -> None:
        self.current = p
        self.notice.clear()
        self.reason.clear()
        self.target.clear()
        self.table.setRowCount(0)
        if p is None:
            self.title.setText(self.tr("No proposal to decide."))
            self.map.show_places([])
            self._enable()
            return
        prop = p.proposal
        lines = [
            f"{self.kind_text(p.kind)} · {self._name(p)}",
            self.tr("Proposed by %1 on %2")
            .replace("%1", prop.proposed_by)
            .replace("%2", fmt.local_time(prop.created_at)),
        ]
        if prop.state != "pending":
            lines.append(
                self.tr("%1 by %2 on %3")
                .replace("%1", self.state_text(prop.state))
                .replace("%2", prop.decided_by or "—")
                .replace("%3", fmt.local_time(prop.decided_at))
                + (f": {prop.comment}" if prop.comment else "")
            )
        elif p.stale:
            lines.append(self.tr("⚠ The ledger row changed since this was proposed: it can only "
                                 "be rejected, or proposed again."))  # fmt: skip
        self.title.setText("\n".join(lines))
        now, proposed = p.current or {}, prop.data or {}
        changed = {c.field for c in p.changes}
        fields = [
            f for f in dict.fromkeys([*proposed, *now])
            if f not in HIDDEN
            and (f in changed or _value(now.get(f)) != "—")
            and (_value(now.get(f)) != "—" or _value(proposed.get(f)) != "—")
        ]  # fmt: skip
        fields.sort(key=lambda f: (f not in changed, f))  # what changes first
        self.table.setColumnHidden(1, p.current is None)  # a new outfall: nothing to compare
        self.table.setColumnHidden(2, prop.op != "upsert")  # a removal proposes nothing
        self.table.setRowCount(len(fields))
        for r, field in enumerate(fields):
            cells = (field_name(field), self.shown_value(field, now.get(field)) if p.current
                     else "—",
                     self.shown_value(field, proposed.get(field)) if prop.op == "upsert"
                     else "—")  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if field in changed:
                    item.setBackground(QBrush(CHANGED))
                self.table.setItem(r, col, item)
        self.table.resizeRowsToContents()
        for c in p.candidates:
            self.target.addItem(
                f"{c.get('name') or ''} {c.get('code') or ''} · {fmt.distance(c.get('distance_m'))}",
                c["id"],
            )
        places: list[tuple[float, float, int]] = []
        for data, colour in ((p.current, CURRENT), (prop.data, PROPOSED)):
            at = _position(data)
            if at is not None:
                places.append((*at, colour))
        places += [(float(c["lat"]), float(c["lon"]), NEARBY) for c in p.candidates]
        self.map.show_places(places)
        self.shown.emit(prop.proposal_id)
        self._enable()

    def shown_value(self, field: str, value: Any) -> str:
        """A stored value as people read it (terms, not codes)."""
        if value is None or value == "":
            return "—"
        lab = self.labels
        if field in VOCABULARIES:
            return lab.vocab(field, str(value))
        if field in ("type_code", "subtype_code"):
            return lab.type(str(value), str(value) if field == "subtype_code" else None)
        if field == "legacy_type_code":
            return lab.legacy_type(str(value))
        if field == "county_code":
            return lab.county(str(value))
        if field == "lifecycle_state":
            return lab.state(str(value))
        return _value(value)

    def _enable(self) -> None:
        p = self.current
        open_ = p is not None and p.proposal.state == "pending"
        self.accept_button.setEnabled(open_ and p is not None and not p.stale)
        self.merge_button.setEnabled(open_ and p is not None and p.kind == "new"
                                     and self.target.count() > 0)  # fmt: skip
        self.target.setEnabled(self.merge_button.isEnabled())
        self.reject_button.setEnabled(open_ and bool(self.reason.text().strip()))
        self.reason.setEnabled(open_)

    # -- deciding --------------------------------------------------------------------------------
    def decide(self, decision: str) -> None:
        p = self.current
        if p is None:
            return
        pid = p.proposal.proposal_id
        reason = self.reason.text().strip()
        into = str(self.target.currentData()) if decision == "merge" else None
        for b in (self.accept_button, self.merge_button, self.reject_button):
            b.setEnabled(False)
        self.lanes.run(
            lambda c: c.decide_proposal(pid, decision, reason, into),
            lambda answer: self._decided(answer),
            self._refused,
        )

    def _decided(self, answer: DeskProposal) -> None:
        self.decided.emit(answer.proposal.proposal_id, answer.proposal.state)
        self.refresh()

    def refusal(self, error: DeskError) -> str:
        detail = error.detail if isinstance(error.detail, dict) else {}
        if error.code == ErrorCode.PROPOSAL_DECIDED:
            return (
                self.tr("Already decided (%1) by %2 on %3: nothing was changed.")
                .replace("%1", self.state_text(str(detail.get("state") or "")))
                .replace("%2", str(detail.get("decided_by") or "—"))
                .replace("%3", fmt.local_time(detail.get("decided_at")))
            )
        return refusal_text(error.code, error.message)

    def _refused(self, error: Exception) -> None:
        if not isinstance(error, DeskError):
            raise error
        detail = error.detail if isinstance(error.detail, dict) else {}
        if error.code == ErrorCode.PROPOSAL_DECIDED and self.current is not None:
            # show it as decided (by whom, when): nothing is left to decide here
            decided = self.current.proposal.model_copy(update={
                "state": str(detail.get("state") or ""),
                "decided_by": detail.get("decided_by"),
                "decided_at": detail.get("decided_at") or None,
            })  # fmt: skip
            self.show_proposal(self.current.model_copy(update={"proposal": decided}))
        self.notice.setText(self.refusal(error))
        self.refused.emit(error.code)
        self._enable()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, DeskError):
            raise error
        self.notice.setText(refusal_text(error.code, error.message))
