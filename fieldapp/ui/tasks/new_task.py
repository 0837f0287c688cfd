"""The supervisor's 新建任务 (new task) dialog: kind, title, assignees picked from the county's
inspectors and river chiefs, deadline and note, for the outfalls or the place it was opened on
(the ledger's selection, a point of the map). The server's answer is awaited on the desk's lane:
a refusal (an assignee outside the area…) is said in the user's language and nothing is lost."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import httpx
from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.review.lanes import DeskLanes
from fieldapp.ui.review.wiring import desk_cache
from fieldapp.ui.screen_fit import fit_dialog, scrolling
from sync.client.engine import tls_context
from sync.client.errors import LocalCode, message
from sync.client.review import DeskError, ReviewClient
from sync.task_protocol import Assignee, Location, TaskRequest, TaskView
from sync.tasks import TaskKind

TOUCH = 48


class Lanes(Protocol):
    def run(
        self,
        fn: Callable[[Any], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None: ...


class NewTaskDialog(QDialog):
    created = Signal(object)  # the TaskView the server made
    assignees_loaded = Signal()
    failed = Signal(str)  # the words shown

    def __init__(
        self,
        lanes: Lanes,
        lang: str,
        county_code: str,
        outfalls: list[tuple[str, str]],  # (id, name)
        location: tuple[float, float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newTask")
        self.setWindowTitle(self.tr("New task"))
        self.lanes, self.lang, self.county_code = lanes, lang, county_code
        self.outfall_ids = [i for i, _name in outfalls]
        self.location = location
        self.kind = QComboBox()
        for kind, text in (
            (TaskKind.INSPECT, self.tr("Inspect outfalls")),
            (TaskKind.VERIFY, self.tr("Verify a location")),
            (TaskKind.RETEST, self.tr("Re-test")),
            (TaskKind.PATROL, self.tr("Patrol a stretch")),
        ):
            self.kind.addItem(text, kind)
        if location is not None and not outfalls:
            self.kind.setCurrentIndex(self.kind.findData(TaskKind.VERIFY))
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.place = QLineEdit()
        self.place.setMaxLength(400)
        self.place.setPlaceholderText(self.tr("A stretch of river or an address"))
        self.due = QDateTimeEdit(QDateTime.currentDateTime().addDays(7))
        self.due.setCalendarPopup(True)
        self.due.setMinimumHeight(TOUCH)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(90)
        self.people = QListWidget()
        self.people.setObjectName("assigneePicker")
        self.people.setStyleSheet(f"QListWidget::item {{ min-height: {TOUCH}px; }}")
        self.people.setMinimumHeight(2 * TOUCH)
        where = [name or i for i, name in outfalls]
        if location is not None:
            where.append(f"{location[0]:.6f}, {location[1]:.6f}")
        self.target = QLabel("\n".join(where[:5]) + ("\n…" if len(where) > 5 else ""))
        self.target.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Where"), self.target)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Deadline"), self.due)
        form.addRow(self.tr("Assignees"), self.people)
        form.addRow(self.tr("Note"), self.note)
        self.status = QLabel()
        self.status.setObjectName("newTaskStatus")
        self.status.setWordWrap(True)
        self.title.textChanged.connect(lambda _text: self.status.clear())
        self.assign = QPushButton(self.tr("Assign"))
        self.assign.setObjectName("assignTask")
        self.assign.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"))
        for button in (self.assign, cancel):
            button.setMinimumHeight(TOUCH)
        self.assign.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.assign)
        fields = QWidget()
        fields.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(fields), 1)  # scrolls on a short screen (150%)
        layout.addWidget(self.status)  # a line of its own: a long refusal squeezes nothing
        layout.addLayout(buttons)
        fit_dialog(self, 640, 600)
        self.assign.setEnabled(False)
        self.lanes.run(lambda c: c.assignees(county_code), self._people_arrived, self._failed)

    def _people_arrived(self, people: list[Assignee]) -> None:
        roles = {"inspector": self.tr("inspector"), "river_chief": self.tr("river chief")}
        self.people.clear()
        for person in people:
            item = QListWidgetItem(f"{person.username}（{roles.get(person.role, person.role)}）")
            item.setData(Qt.ItemDataRole.UserRole, person.username)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.assign.setEnabled(True)
        self.assignees_loaded.emit()

    def chosen(self) -> list[str]:
        return [
            str(self.people.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.people.count())
            if self.people.item(r).checkState() == Qt.CheckState.Checked
        ]

    def request(self) -> TaskRequest | None:
        """The task as filled in, or None (with the reason shown) when something is missing."""
        title = self.title.text().strip()
        if not title:
            self._say(self.tr("Give the task a title."))
            return None
        if not self.chosen():
            self._say(self.tr("Pick at least one assignee."))
            return None
        try:
            return TaskRequest(
                id=uuid.uuid4(),
                county_code=self.county_code,
                kind=self.kind.currentData(),
                title=title,
                assignees=self.chosen(),
                outfall_ids=[uuid.UUID(i) for i in self.outfall_ids],
                location=None
                if self.location is None
                else Location(lat=self.location[0], lon=self.location[1]),
                place=self.place.text().strip(),
                due=datetime.fromtimestamp(self.due.dateTime().toSecsSinceEpoch(), UTC),
                note=self.note.toPlainText().strip(),
            )
        except ValueError:
            self._say(self.tr("This kind of task needs outfalls, a position or a place."))
            return None

    def submit(self) -> None:
        request = self.request()
        if request is None:
            return
        self.assign.setEnabled(False)
        self._say(self.tr("Assigning…"))
        self.lanes.run(lambda c: c.create_task(request), self._created, self._failed)

    def _created(self, view: TaskView) -> None:
        self.created.emit(view)
        self.accept()

    def _failed(self, error: Exception) -> None:
        code = error.code if isinstance(error, DeskError) else LocalCode.SERVER_BUSY
        self._say(message(code, self.lang))
        self.assign.setEnabled(self.people.count() > 0)
        self.failed.emit(self.status.text())

    def _say(self, text: str) -> None:
        self.status.setText(text)

    @classmethod
    def one_county(cls) -> str:
        return QCoreApplication.translate(
            "NewTaskDialog", "The outfalls of one task must all be in one county."
        )

    @classmethod
    def too_many(cls, most: int) -> str:
        return QCoreApplication.translate(
            "NewTaskDialog", "One task may name at most %1 outfalls: select fewer."
        ).replace("%1", str(most))

    @classmethod
    def only_supervisors(cls) -> str:
        return QCoreApplication.translate(
            "NewTaskDialog", "Sign in as a supervisor (Sync) to assign tasks."
        )


def desk_lanes(account: Any, profile: Path, ca_file: str | None) -> DeskLanes | None:
    """Lanes of desk clients for a signed-in supervisor's account, or None for anyone else."""
    if account.role != "supervisor" or not account.signed_in:
        return None
    cache = desk_cache(profile)

    def client() -> ReviewClient:
        return ReviewClient(
            account.server_url or "",
            account.token or "",
            cache,
            transport=httpx.HTTPTransport(verify=tls_context(ca_file)),
            install_id=account.install_id,
        )

    return DeskLanes(client(), client())
