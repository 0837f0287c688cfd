"""The desk's 一口一策 tab: the remediation plans of the supervisor's area, overdue first and marked
in red, with the count of overdue plans in the tab's title; a plan opens in the plan dialog, where
the supervisor edits it."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.paths import DATA
from fieldapp.ui.plans.marks import OVERDUE_COLOUR
from sync.client.errors import LocalCode, message
from sync.client.review import DeskError
from sync.plan_protocol import PlanList, PlanView

TOUCH = 44
LATE = QColor("#ffcdd2")


@cache
def route_names() -> dict[str, tuple[str, str]]:
    """Remediation routes from ``resources/data/vocabularies.json``: code → (zh, en)."""
    data = json.loads((DATA / "vocabularies.json").read_text("utf-8"))
    return {t["code"]: (t["zh"], t["en"]) for t in data["remediation_route"]}


def route_text(code: str, lang: str) -> str:
    names = route_names().get(code)
    if names is None:
        return code or "—"
    return names[0] if lang.startswith("zh") else names[1]


class RouteWords:
    """The plan dialog's words on the desk, which has no ledger labels: the routes' terms."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def vocab(self, vocabulary: str, code: str | None) -> str:
        return route_text(code or "", self.lang)


class PlansPane(QWidget):
    loaded = Signal(int)  # how many overdue
    open_requested = Signal(object)  # the PlanView chosen

    COLUMNS = 6

    def __init__(self, lanes: Any, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskPlans")
        self.lanes, self.lang = lanes, lang
        self.plans: list[PlanView] = []
        self.dialog: QWidget | None = None
        self.open_requested.connect(self.open_plan)
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.setMinimumHeight(TOUCH)
        self.overdue_only.toggled.connect(lambda _on: self.refresh())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setMinimumHeight(TOUCH)
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button = QPushButton(self.tr("Open plan…"))
        self.open_button.setObjectName("openPlan")
        self.open_button.setMinimumHeight(TOUCH)
        self.open_button.clicked.connect(self._open_current)
        self.summary = QLabel()
        self.summary.setObjectName("plansSummary")
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("deskPlanTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Outfall"), self.tr("Route"), self.tr("Responsible"), self.tr("Deadline"),
             self.tr("Milestones"), self.tr("State")]
        )  # fmt: skip
        self.table.verticalHeader().setDefaultSectionSize(TOUCH)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self._open_current())
        top = QHBoxLayout()
        top.addWidget(self.overdue_only)
        top.addWidget(self.summary, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        overdue = True if self.overdue_only.isChecked() else None
        self.summary.setText(self.tr("Loading plans…"))
        self.lanes.run(lambda c: c.plans(overdue=overdue, limit=500), self.show_plans, self._failed)

    def show_plans(self, found: PlanList) -> None:
        self.plans = list(found.plans)
        self.table.setRowCount(len(self.plans))
        for row, plan in enumerate(self.plans):
            done = sum(1 for m in plan.milestones if m.done)
            late = [m.title for m in plan.milestones if m.overdue]
            if plan.completed_on is not None:
                state = self.tr("completed")
            elif plan.overdue:
                state = self.tr("overdue")
            else:
                state = self.tr("on time")
            cells = [
                f"{plan.outfall_name or plan.outfall_id} {plan.outfall_code}".strip(),
                route_text(plan.route, self.lang),
                f"{plan.responsible_party} · {plan.department}",
                plan.deadline.isoformat() if plan.deadline else "—",
                f"{done} / {len(plan.milestones)}" + (f" ⚠ {'、'.join(late)}" if late else ""),
                state,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if plan.overdue:
                    item.setBackground(QBrush(LATE))
                    if column == self.COLUMNS - 1:
                        item.setForeground(QBrush(QColor(OVERDUE_COLOUR)))
                self.table.setItem(row, column, item)
        overdue = sum(1 for p in self.plans if p.overdue)
        self.summary.setText(
            self.tr("%1 plans, %2 overdue")
            .replace("%1", str(found.total))
            .replace("%2", str(overdue))
        )
        self.loaded.emit(overdue)

    def _open_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.plans):
            self.open_requested.emit(self.plans[row])

    def _failed(self, error: Exception) -> None:
        code = error.code if isinstance(error, DeskError) else LocalCode.SERVER_BUSY
        self.summary.setText(message(code, self.lang))

    def open_plan(self, plan: PlanView) -> QWidget:
        """The plan in the plan dialog, editable (the desk lists only the area's plans; the
        server judges every save); a save refreshes the list."""
        from fieldapp.ui.plans.dialog import PlanDialog

        title = plan.outfall_name or plan.outfall_id
        dialog = PlanDialog(RouteWords(self.lang), plan.outfall_id, title, plan, today(),
                            self.lanes, parent=self)  # fmt: skip
        dialog.saved.connect(lambda _view: self.refresh())
        self.dialog = dialog
        dialog.open()
        return dialog

    def tab_title(self, overdue: int) -> str:
        """Short, so the desk's seven tabs fit a 150% laptop; the tab's tooltip says more."""
        if overdue:
            return self.tr("Plans (%1)").replace("%1", str(overdue))
        return self.tr("Plans")

    def tab_tip(self, overdue: int) -> str:
        return self.tr("%1 plans overdue").replace("%1", str(overdue)) if overdue else ""


def today() -> date:
    from fieldapp.domain import clock
    from sync.plans import today_in_china

    return today_in_china(clock.now())
