"""The banner above a revision of a returned record (退回整改): the supervisor's reason, the deadline
(red once it has passed), and that the original stays as it was. It shows what it is given."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from fieldapp.domain import clock
from fieldapp.store.returns import ReturnedRecord
from fieldapp.ui import formatting as fmt

PAST = "color:#b71c1c;font-weight:bold"
AHEAD = "color:#5d4037;font-weight:bold"


class ReturnedBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("returnedBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#returnedBanner{background:#fff8e1;border:1px solid #ffb300}")
        self.reason = QLabel()
        self.reason.setObjectName("returned_reason")
        self.reason.setWordWrap(True)
        self.deadline = QLabel()
        self.deadline.setObjectName("returned_deadline")
        self.original = QLabel()
        self.original.setObjectName("returned_original")
        self.original.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        for label in (self.reason, self.deadline, self.original):
            layout.addWidget(label)
        self.deadline_passed = False
        self.hide()

    def show_return(self, r: ReturnedRecord | None, now: dt.datetime | None = None) -> None:
        """Show ``r`` (hidden when None); ``now`` decides whether the deadline has passed."""
        if r is None:
            self.hide()
            return
        self.reason.setText(
            self.tr("Returned by %1 on %2: %3")
            .replace("%1", html.escape(r.reviewer))
            .replace("%2", _day_and_time(r.returned_at))
            .replace("%3", f"<b>{html.escape(r.reason)}</b>")
        )
        self.deadline_passed = _passed(r.deadline, now or clock.now())
        if r.deadline is None:
            self.deadline.setText(self.tr("No deadline"))
            self.deadline.setStyleSheet("")
        elif self.deadline_passed:
            self.deadline.setText(
                self.tr("Correct by %1: the deadline has passed").replace(
                    "%1", fmt.local_date(r.deadline)
                )
            )
            self.deadline.setStyleSheet(PAST)
        else:
            self.deadline.setText(
                self.tr("Correct by %1").replace("%1", fmt.local_date(r.deadline))
            )
            self.deadline.setStyleSheet(AHEAD)
        self.original.setText(
            self.tr(
                "You are revising the original of %1 as a new version; the original stays as it was."
            ).replace("%1", _day_and_time(r.completed_at) or self.tr("(not completed)"))
        )
        self.show()


def _day_and_time(iso: str | None) -> str:
    return fmt.local_time(iso, empty="")


def _passed(deadline: str | None, now: dt.datetime) -> bool:
    if not deadline:
        return False
    when = dt.datetime.fromisoformat(deadline.replace("Z", "+00:00"))
    if when.tzinfo is None:  # a bare date: the whole day counts
        when = dt.datetime.combine(when.date(), dt.time(23, 59, 59), tzinfo=dt.UTC)
    return now > when
