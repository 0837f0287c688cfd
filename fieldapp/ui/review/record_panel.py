"""One record on the desk: flags, the checklist answers, photos (thumbnails streaming in, the
chosen one at full size), the position against the outfall, the outfall's history and earlier
inspections, the original beside a revision with what changed, and the decision buttons.

The panel shows what it is given and says what the supervisor decided through signals; the desk
talks to the server."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.geo import distance_m
from fieldapp.domain.inspection_rules import InspectionRules
from fieldapp.ui import formatting as fmt
from fieldapp.ui.photo_viewer import PhotoViewer
from fieldapp.ui.review.checklist import changes_html, checklist_html
from fieldapp.ui.review.position_plot import PositionPlot
from fieldapp.ui.review.texts import flag_text, state_text
from sync.review_protocol import DeskRecord, DeskRecordDetail

TOUCH = 48


def _pos(d: dict[str, Any] | None) -> tuple[float, float] | None:
    if not d or d.get("lat") is None or d.get("lon") is None:
        return None
    return float(d["lat"]), float(d["lon"])


class RecordPanel(QWidget):
    approve_clicked = Signal()
    return_clicked = Signal()
    escalate_clicked = Signal()
    accept_clicked = Signal()
    merge_clicked = Signal()
    photo_wanted = Signal(int)

    def __init__(self, rules: InspectionRules, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules = rules
        self.lang = lang
        self.record: DeskRecord | None = None
        self.detail: DeskRecordDetail | None = None
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#b71c1c;font-weight:bold")
        self.tabs = QTabWidget()
        self.checklist = QTextBrowser()
        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(QSize(120, 120))
        self.thumbs.setFlow(QListWidget.Flow.LeftToRight)
        self.thumbs.setWrapping(False)
        self.thumbs.setFixedHeight(150)
        self.viewer: PhotoViewer = PhotoViewer()
        self.thumbs.currentRowChanged.connect(self.viewer.go)
        self.viewer.wanted.connect(self.photo_wanted)
        photos = QWidget()
        pl = QVBoxLayout(photos)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.thumbs)
        pl.addWidget(self.viewer, 1)
        self.plot = PositionPlot()
        self.history = QTextBrowser()
        self.revision = QSplitter(Qt.Orientation.Horizontal)
        self.original_view = QTextBrowser()
        self.changes_view = QTextBrowser()
        self.revision.addWidget(self.original_view)
        self.revision.addWidget(self.changes_view)
        self.tabs.addTab(self.checklist, self.tr("Checklist"))
        self.tabs.addTab(photos, self.tr("Photos"))
        self.tabs.addTab(self.plot, self.tr("Position"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.revision_tab = self.tabs.addTab(self.revision, self.tr("Revision"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.return_button = QPushButton(self.tr("Return for correction…"))
        self.escalate_button = QPushButton(self.tr("Escalate…"))
        self.accept_button = QPushButton(self.tr("Accept new outfall…"))
        self.merge_button = QPushButton(self.tr("Merge with existing…"))
        self.approve_button.setStyleSheet("background:#2e7d32;color:white;font-weight:bold")
        decisions, ledger = QHBoxLayout(), QHBoxLayout()  # two rows: the desk fits 1366 px
        for row, b, sig in (
            (decisions, self.approve_button, self.approve_clicked),
            (decisions, self.return_button, self.return_clicked),
            (decisions, self.escalate_button, self.escalate_clicked),
            (ledger, self.accept_button, self.accept_clicked),
            (ledger, self.merge_button, self.merge_clicked),
        ):
            b.setMinimumHeight(TOUCH)
            b.clicked.connect(sig)
            row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.flags)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(decisions)
        layout.addLayout(ledger)
        self.show_record(None)

    def _labels(self) -> dict[str, str]:
        return {
            "discharge": self.tr("Discharge"),
            "discharging": self.tr("Discharging now"),
            "flow": self.tr("Flow"),
            "sign": self.tr("Sign (标志牌)"),
            "sampling": self.tr("Sampling point / inspection well"),
            "acceptance": self.tr("Acceptance checklist (验收)"),
            "acceptance_check": self.tr("Acceptance checklist (验收)"),
            "retests": self.tr("Re-tests (复测)"),
            "over_limit": self.tr("over the limit"),
            "limit": self.tr("limit"),
            "lab_report": self.tr("lab report"),
            "problems": self.tr("Problems found"),
            "remediation": self.tr("Remediation as claimed"),
            "notes": self.tr("Notes"),
            "inspectors": self.tr("Inspectors present"),
            # the "what changed" list's words for the other fields of a record
            "kind": self.tr("Kind of inspection"),
            "position": self.tr("Position"),
            "quick_tests": self.tr("Quick tests"),
            "no_position_reason": self.tr("Why no position was captured"),
            "remediation_note": self.tr("Remediation note"),
            "flow_method": self.tr("method"),
            "flow_value": self.tr("value"),
            "flow_unit": self.tr("unit"),
            "started_at": self.tr("Started"),
            "completed_at": self.tr("Completed"),
        }

    # -- showing ---------------------------------------------------------------------------------
    def show_record(self, record: DeskRecord | None) -> None:
        """Show what the batch list already holds (at once); ``show_detail`` adds the rest."""
        self.record = record
        self.detail = None
        self.notice.clear()
        has = record is not None
        for b in (self.approve_button, self.return_button, self.escalate_button):
            b.setEnabled(has and record.record.review_state is None)  # type: ignore[union-attr]
        new = has and "new_outfall" in record.flags  # type: ignore[union-attr]
        self.accept_button.setVisible(bool(new))
        self.merge_button.setVisible(bool(new))
        self.merge_button.setEnabled(bool(new and record.duplicate_of))  # type: ignore[union-attr]
        self.tabs.setTabVisible(self.revision_tab, False)
        if record is None:
            self.header.setText(self.tr("Choose a batch, then a record."))
            self.flags.clear()
            self.checklist.clear()
            self.thumbs.clear()
            self.viewer.set_photos([])
            self.plot.show_positions(None, None, None, None)
            self.history.clear()
            return
        data = record.record.data or {}
        outfall = record.outfall or {}
        code = outfall.get("national_code") or outfall.get("local_code") or outfall.get(
            "provisional_code") or ""  # fmt: skip
        self.header.setText(
            f"<b style='font-size:15pt'>{html.escape(str(outfall.get('name') or ''))}</b>"
            f" <span style='color:#555'>{html.escape(str(code))}</span><br>"
            + html.escape(
                self.tr("Inspector: %1 · completed %2 · version %3 · %4")
                .replace("%1", str(record.record.owner or ""))
                .replace("%2", fmt.local_time(data.get("completed_at")))
                .replace("%3", str(data.get("version") or 1))
                .replace("%4", state_text(record.record.review_state))
            )
        )
        if record.flags:
            self.flags.setText("⚠ " + " · ".join(flag_text(f) for f in record.flags))
            self.flags.setStyleSheet("color:#e65100;font-weight:bold")
        else:
            self.flags.setText(self.tr("No flags"))
            self.flags.setStyleSheet("color:#2e7d32")
        if record.photos_missing:
            self.notice.setText(self.tr("%1 photo(s) have not arrived on the server yet.")
                                .replace("%1", str(record.photos_missing)))  # fmt: skip
        self.checklist.setHtml(checklist_html(data, self.rules, self.lang, self._labels()))
        self.thumbs.clear()
        for i, p in enumerate(record.photos):
            item = QListWidgetItem(f"{i + 1}" + ("" if p.arrived else " ⚠"))
            item.setSizeHint(QSize(130, 140))
            self.thumbs.addItem(item)
        self.viewer.set_photos(list(record.photos))
        pos = data.get("position") if isinstance(data.get("position"), dict) else None
        distance = (pos or {}).get("distance_m")
        here, there = _pos(pos), _pos(record.outfall)
        if here and there:
            distance = distance_m(*here, *there)
        self.plot.show_positions(there, here, (pos or {}).get("accuracy_m"), distance)
        self.history.setHtml(self.tr("<i>Loading history…</i>"))

    def set_thumbnail(self, index: int, image: QImage) -> None:
        item = self.thumbs.item(index)
        if item is not None and not image.isNull():
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def show_detail(self, detail: DeskRecordDetail) -> None:
        if self.record is None or detail.record.record.row_id != self.record.record.row_id:
            return
        self.detail = detail
        t = {
            "Decisions on this record": self.tr("Decisions on this record"),
            "Outfall history": self.tr("Outfall history"),
            "Earlier inspections of this outfall": self.tr("Earlier inspections of this outfall"),
            "Original (returned)": self.tr("Original (returned)"),
            "What changed": self.tr("What changed"),
            "Field": self.tr("Field"),
            "Before": self.tr("Before"),
            "After": self.tr("After"),
        }
        lines: list[str] = []
        for r in detail.reviews:
            lines.append(f"<li><b>{html.escape(state_text(r.get('state')))}</b> — "
                         f"{html.escape(str(r.get('reviewer')))}, {html.escape(fmt.local_time(r.get('at')))}: "
                         f"{html.escape(str(r.get('comment') or ''))}</li>")  # fmt: skip
        events = [f"<li>{html.escape(fmt.local_time(e.at))} {html.escape(e.actor)}: {html.escape(e.text)}</li>"
                  for e in detail.history]  # fmt: skip
        earlier = [f"<li>{html.escape(fmt.local_time((r.data or {}).get('completed_at') or r.updated_at))}"
                   f" — {html.escape(str(r.owner))} — {html.escape(state_text(r.review_state))}</li>"
                   for r in detail.earlier]  # fmt: skip
        self.history.setHtml(
            f"<h3>{t['Decisions on this record']}</h3><ul>{''.join(lines) or '—'}</ul>"
            f"<h3>{t['Outfall history']}</h3><ul>{''.join(events) or '—'}</ul>"
            f"<h3>{t['Earlier inspections of this outfall']}</h3>"
            f"<ul>{''.join(earlier) or '—'}</ul>"
        )
        if detail.original is not None:
            self.tabs.setTabVisible(self.revision_tab, True)
            orig = detail.original
            self.original_view.setHtml(
                f"<h3>{t['Original (returned)']}</h3>"
                + checklist_html(orig.record.data or {}, self.rules, self.lang, self._labels())
            )
            changes = [(c.field, c.before, c.after) for c in detail.changes]
            rows = changes_html(changes, self.rules, self.lang, self._labels())
            self.changes_view.setHtml(
                f"<h3>{t['What changed']}</h3><table cellspacing='4'><tr><th>"
                f"{t['Field']}</th><th>{t['Before']}</th><th>{t['After']}</th>"
                f"</tr>{rows}</table>"
            )
