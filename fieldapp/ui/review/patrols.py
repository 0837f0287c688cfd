"""The desk's river-chief patrols (巡河): the list on the left (newest first, or those of the batch
opened), on the right the patrol's duration, distance and track on the map with its problems,
each with its category, the handling on the spot, escalation and its due time (one working day,
Asia/Shanghai); an overdue escalation is marked, and a supervisor records how it was handled."""

from __future__ import annotations

import html
import json
from functools import cache

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from fieldapp.paths import DATA
from fieldapp.ui import formatting as fmt
from fieldapp.ui.review.desk_map import COLOURS, OVERDUE, PROBLEM, DeskMap
from fieldapp.ui.review.lanes import DeskLanes
from fieldapp.ui.review.texts import refusal_text
from sync.client.review import DeskError
from sync.protocol import ErrorCode
from sync.review_protocol import DeskPatrol, DeskPatrolProblem

TOUCH = 44
LATE = QColor("#ffcdd2")


@cache
def categories() -> dict[str, tuple[str, str]]:
    """Problem categories from ``resources/data/patrol_problems.json``: code → (zh, en)."""
    data = json.loads((DATA / "patrol_problems.json").read_text("utf-8"))
    return {c["code"]: (c["zh"], c["en"]) for c in data["categories"]}


def category_text(code: str | None, lang: str) -> str:
    names = categories().get(code or "")
    if names is None:
        return code or "—"
    return names[0] if lang.startswith("zh") else names[1]


class PatrolsPane(QWidget):
    loaded = Signal()
    handled = Signal(str)  # problem id
    refused = Signal(str)

    def __init__(self, lanes: DeskLanes, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lanes = lanes
        self.lang = lang
        self.patrols: list[DeskPatrol] = []
        self.current: DeskPatrol | None = None
        self.batch_id: str | None = None
        self.scope = QLabel()
        self.all_button = QPushButton(self.tr("All patrols"))
        self.all_button.setMinimumHeight(TOUCH)
        self.all_button.clicked.connect(lambda: self.load(None))
        self.list = QListWidget()
        self.list.setMinimumWidth(220)
        self.list.currentRowChanged.connect(self._chosen)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.scope)
        ll.addWidget(self.list, 1)
        ll.addWidget(self.all_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.map = DeskMap()
        self.problems = QTableWidget(0, 6)
        self.problems.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Category"), self.tr("Problem"), self.tr("On the spot"),
            self.tr("Escalation"), self.tr("Handled"),
        ])  # fmt: skip
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problems.setWordWrap(True)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.problems.currentCellChanged.connect(lambda *_a: self._enable())
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("How the escalated problem was handled"))
        self.note.setMinimumHeight(TOUCH)
        self.note.setMaxLength(4000)
        self.note.textChanged.connect(lambda _t: self._enable())
        self.handle_button = QPushButton(self.tr("Mark handled"))
        self.handle_button.setMinimumHeight(TOUCH)
        self.handle_button.clicked.connect(self.mark_handled)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        words = (self.tr("problem"), self.tr("escalation overdue"))
        self.legend = QLabel(
            "&nbsp; ".join(
                f"<span style='color:{COLOURS[colour].name()}'>●</span> {html.escape(word)}"
                for colour, word in zip((PROBLEM, OVERDUE), words, strict=True)
            )
        )
        self.legend.setWordWrap(True)
        handle = QHBoxLayout()
        handle.addWidget(self.note, 1)
        handle.addWidget(self.handle_button)
        # what the supervisor reads and does first, above the fold at 150% scaling
        about = QWidget()
        al = QVBoxLayout(about)
        al.setContentsMargins(0, 0, 0, 0)
        al.addWidget(self.summary, 1)
        al.addWidget(self.legend)
        al.addWidget(self.notice)
        al.addLayout(handle)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(about)
        top.addWidget(self.map)
        top.setSizes([560, 440])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(self.problems)
        body.setSizes([250, 250])
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(body, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([260, 1100])
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.show_patrol(None)

    # -- loading ---------------------------------------------------------------------------------
    def load(self, batch_id: str | None) -> None:
        """The patrols of one batch, or (None) the area's newest."""
        self.batch_id = batch_id
        self.scope.setText(self.tr("Patrols of the batch opened") if batch_id
                           else self.tr("Newest patrols of your area"))  # fmt: skip
        self.all_button.setVisible(batch_id is not None)
        self.lanes.run(lambda c: c.patrols(batch_id), self._arrived, self._failed)

    def refresh(self) -> None:
        self.load(self.batch_id)

    def _arrived(self, patrols: list[DeskPatrol]) -> None:
        keep = self.current.record.row_id if self.current else None
        self.patrols = patrols
        self.list.blockSignals(True)
        self.list.clear()
        row = 0
        for n, p in enumerate(patrols):
            mark = "⚠ " if p.overdue else ""
            text = (f"{mark}{p.river or '—'} · {p.author}\n"
                    f"{fmt.local_time(p.started_at)} · {fmt.duration(p.duration_s)} · "
                    f"{fmt.distance(p.distance_m)}")  # fmt: skip
            item = QListWidgetItem(text)
            item.setSizeHint(QSize(260, 56))
            self.list.addItem(item)
            if p.record.row_id == keep:
                row = n
        self.list.blockSignals(False)
        self.loaded.emit()
        if patrols:
            self.list.setCurrentRow(row)
            self._chosen(row)
        else:
            self.show_patrol(None)

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.patrols):
            self.show_patrol(self.patrols[row])

    # -- showing ---------------------------------------------------------------------------------
    def escalation_text(self, p: DeskPatrolProblem) -> str:
        if not p.escalated:
            return self.tr("Not escalated")
        text = self.tr("Escalated, due %1").replace("%1", fmt.local_time(p.due_at))
        return ("⚠ " + self.tr("Overdue") + " · " + text) if p.overdue else text

    def show_patrol(self, p: DeskPatrol | None) -> None:
        self.current = p
        self.notice.clear()
        self.note.clear()
        self.problems.setRowCount(0)
        if p is None:
            self.summary.setText(self.tr("No patrol to show."))
            self.map.show_places([])
            self._enable()
            return
        lines = [
            f"{p.river or '—'} · {p.author}",
            self.tr("From %1 to %2").replace("%1", fmt.local_time(p.started_at))
            .replace("%2", fmt.local_time(p.ended_at)),
            self.tr("Duration %1, distance %2").replace("%1", fmt.duration(p.duration_s))
            .replace("%2", fmt.distance(p.distance_m)),
            self.tr("Meets the patrol rules") if p.meets_rules
            else self.tr("Below the patrol minimums") if p.meets_rules is False else "",
            self.tr("%1 problems, %2 escalated, %3 overdue")
            .replace("%1", str(len(p.problems)))
            .replace("%2", str(sum(x.escalated for x in p.problems)))
            .replace("%3", str(p.overdue)),
        ]  # fmt: skip
        self.summary.setText("\n".join(line for line in lines if line))
        self.problems.setRowCount(len(p.problems))
        for r, x in enumerate(p.problems):
            handled = ""
            if x.handled_at:
                handled = (f"{x.handled_by} · {fmt.local_time(x.handled_at)}"
                           + (f": {x.handled_note}" if x.handled_note else ""))  # fmt: skip
            cells = (fmt.local_time(x.at), category_text(x.category, self.lang), x.note or "—",
                     x.handling or "—", self.escalation_text(x), handled or "—")  # fmt: skip
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if x.overdue:
                    item.setBackground(QBrush(LATE))
                self.problems.setItem(r, c, item)
        self.problems.resizeRowsToContents()
        places = [(x.lat, x.lon, OVERDUE if x.overdue else PROBLEM) for x in p.problems
                  if x.lat is not None and x.lon is not None]  # fmt: skip
        self.map.show_places(
            [(float(a), float(b), c) for a, b, c in places],
            [[(pt[0], pt[1]) for pt in part] for part in p.track],
        )
        first_open = next((r for r, x in enumerate(p.problems) if x.escalated and not x.handled_at),
                          0 if p.problems else -1)  # fmt: skip
        if first_open >= 0:
            self.problems.selectRow(first_open)
        self._enable()

    def chosen_problem(self) -> DeskPatrolProblem | None:
        row = self.problems.currentRow()
        if self.current is None or not 0 <= row < len(self.current.problems):
            return None
        return self.current.problems[row]

    def _enable(self) -> None:
        x = self.chosen_problem()
        open_ = x is not None and x.escalated and not x.handled_at
        self.note.setEnabled(open_)
        self.handle_button.setEnabled(open_ and bool(self.note.text().strip()))

    # -- handling --------------------------------------------------------------------------------
    def mark_handled(self) -> None:
        x = self.chosen_problem()
        if x is None or self.current is None:
            return
        note = self.note.text().strip()
        problem_id, version = x.id, x.version
        self.handle_button.setEnabled(False)

        def done(_answer: DeskPatrolProblem) -> None:
            self.handled.emit(problem_id)
            self.refresh()

        self.lanes.run(lambda c: c.problem_handled(problem_id, version, note), done, self._refused)

    def _refused(self, error: Exception) -> None:
        if not isinstance(error, DeskError):
            raise error
        detail = error.detail if isinstance(error.detail, dict) else {}
        if error.code == ErrorCode.ALREADY_EXISTS and detail.get("handled_by"):
            self.notice.setText(self.tr("Already handled by %1 on %2.")
                                .replace("%1", str(detail["handled_by"]))
                                .replace("%2", fmt.local_time(detail.get("handled_at"))))  # fmt: skip
        else:
            self.notice.setText(refusal_text(error.code, error.message))
        self.refused.emit(error.code)
        self.refresh()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, DeskError):
            raise error
        self.notice.setText(refusal_text(error.code, error.message))
