"""The data window: export what the ledger shows; check and import a bureau ledger (supervisors).

Every job runs on a thread of its own and reports progress by queued signal, at most every 50 ms,
so the window never waits on a file, the database or the network.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store.ledger_query import LedgerQuery
from fieldapp.ui.dataio import jobs
from sync.client.errors import LocalCode
from sync.protocol import ErrorCode

SUFFIX = {
    "xlsx": ".xlsx",
    "csv": ".csv",
    "geojson": ".geojson",
    "kml": ".kml",
    "disclosure": ".xlsx",
}


class _Runner(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[jobs.Progress], Any]) -> None:
        super().__init__()
        self._fn = fn
        self._last = 0.0

    def _report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= 0.05 or done >= total:
            self._last = now
            self.progress.emit(done, total)

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._report)
        except Exception as exc:  # shown to the user; bugs still surface in tests by type
            self.failed.emit(exc)
        else:
            self.done.emit(result)


class DataWindow(QWidget):
    """Exports of the current filter; the supervisor's import with a progress bar."""

    finished = Signal(object)  # the result of the last job, or the exception

    def __init__(
        self,
        profile: Path,
        query: Callable[[], LedgerQuery],
        account: Any = None,
        transport: Any = None,
        lang: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = "zh" if lang.startswith("zh") else "en"
        self.setObjectName("dataWindow")
        self.setWindowTitle(self.tr("Data in and out"))
        self.profile = profile
        self._query = query
        self.account = account
        self._transport = transport
        self._thread: QThread | None = None
        self._runner: _Runner | None = None
        self._then: Callable[[Any], None] = lambda _result: None
        self.source: Path | None = None

        self.format = QComboBox()
        for code, text in (
            ("xlsx", self.tr("Excel workbook (.xlsx)")),
            ("csv", self.tr("CSV for Excel (.csv)")),
            ("geojson", self.tr("GeoJSON (.geojson)")),
            ("kml", self.tr("KML for globe tools (.kml)")),
            ("disclosure", self.tr("Public disclosure list (.xlsx)")),
        ):
            self.format.addItem(text, code)
        self.export_button = QPushButton(self.tr("Export the ledger as shown…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self._ask_export)
        export_box = QGroupBox(self.tr("Export"))
        ex = QVBoxLayout(export_box)
        ex.addWidget(QLabel(self.tr("Writes the outfalls the ledger window shows now (its search and filters).")))  # fmt: skip
        row = QHBoxLayout()
        row.addWidget(self.format, 1)
        row.addWidget(self.export_button)
        ex.addLayout(row)

        self.choose_button = QPushButton(self.tr("Choose a ledger file…"))
        self.choose_button.clicked.connect(self._ask_source)
        self.source_label = QLabel(self.tr("No file chosen"))
        self.only_good = QCheckBox(self.tr("Import only the rows without errors"))
        self.check_button = QPushButton(self.tr("Check on this laptop"))
        self.check_button.setObjectName("check")
        self.check_button.clicked.connect(lambda: self.check_file(self.source))
        self.upload_button = QPushButton(self.tr("Import to the server"))
        self.upload_button.setObjectName("upload")
        self.upload_button.clicked.connect(lambda: self.upload_file(self.source))
        import_box = QGroupBox(self.tr("Import a bureau ledger (supervisors)"))
        im = QVBoxLayout(import_box)
        im.addWidget(QLabel(self.tr("XLSX or CSV. The check lists every problem with its cell in a report workbook beside the file; the import runs on the server in one transaction.")))  # fmt: skip
        pick = QHBoxLayout()
        pick.addWidget(self.choose_button)
        pick.addWidget(self.source_label, 1)
        im.addLayout(pick)
        im.addWidget(self.only_good)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.upload_button)
        im.addLayout(buttons)
        self.import_box = import_box
        supervisor = account is not None and getattr(account, "role", None) == "supervisor"
        self.upload_allowed = supervisor and bool(getattr(account, "signed_in", False))
        if not supervisor:
            import_box.setEnabled(False)
            im.addWidget(QLabel(self.tr("Only a signed-in supervisor can import.")))

        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(export_box)
        layout.addWidget(import_box)
        layout.addWidget(self.bar)
        layout.addWidget(self.status, 1)
        self.setStyleSheet("QPushButton { min-height: 40px; padding: 0 14px; } QWidget { font-size: 15px; }")  # fmt: skip
        self._update_buttons()
        jobs.warm_up()

    # -- jobs ----------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._thread is not None

    def _start(self, fn: Callable[[jobs.Progress], Any], done: Callable[[Any], None]) -> None:
        thread = QThread(self)
        runner = _Runner(fn)
        runner.moveToThread(thread)
        thread.started.connect(runner.run)
        # bound methods of this window: queued to the GUI thread (a lambda would run on the worker)
        runner.progress.connect(self._progress)
        runner.done.connect(self._job_done)
        runner.failed.connect(self._job_failed)
        self._then = done
        self._thread, self._runner = thread, runner
        self.bar.setRange(0, 0)
        self._update_buttons()
        thread.start()

    @Slot(object)
    def _job_done(self, result: Any) -> None:
        self._finish(self._then, result)

    @Slot(object)
    def _job_failed(self, exc: Any) -> None:
        self._finish(self._failed, exc)

    def _finish(self, then: Callable[[Any], None], result: Any) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        self._thread = self._runner = None
        self._set_bar(1, 1)
        self._update_buttons()
        # the outcome's text (a wrapped label laid out anew) in a later turn of the event loop:
        # measured 20-50 ms, too long to add to the bar and the buttons in one stretch
        QTimer.singleShot(0, self, lambda: self._announce(then, result))

    def _announce(self, then: Callable[[Any], None], result: Any) -> None:
        then(result)
        self.finished.emit(result)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self._set_bar(done, total)

    def _set_bar(self, done: int, total: int) -> None:
        """Move the bar with one painting in the event loop: QProgressBar's setRange and
        setValue each repaint at once (measured up to 9 ms each on a loaded machine)."""
        self.bar.setUpdatesEnabled(False)
        try:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        finally:
            self.bar.setUpdatesEnabled(True)  # schedules the one painting

    def _update_buttons(self) -> None:
        idle = not self.busy
        self.export_button.setEnabled(idle)
        has = self.source is not None
        self.check_button.setEnabled(idle and has)
        self.upload_button.setEnabled(idle and has and self.upload_allowed)
        self.choose_button.setEnabled(idle)

    def _failed(self, exc: Any) -> None:
        message = getattr(exc, "message", "") or str(exc)
        code = getattr(exc, "code", "")
        if code == LocalCode.OFFLINE:
            text = self.tr("The server could not be reached; nothing was imported. Try again when online.")  # fmt: skip
        elif code == ErrorCode.ROLE_FORBIDDEN:
            text = self.tr("The server refused: only supervisors may import.")
        elif code == ErrorCode.BODY_TOO_LARGE:
            text = self.tr("The file is too large for the server; split it by county.")
        elif isinstance(exc, OSError):
            text = self.tr("The file could not be read or written: %1").replace("%1", str(exc))
        else:
            text = self.tr("Failed: %1").replace("%1", message)
        self.status.setText(text)

    # -- export --------------------------------------------------------------------------------
    def _ask_export(self) -> None:
        fmt = str(self.format.currentData())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), f"台账导出{SUFFIX[fmt]}")
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, out: Path) -> None:
        if out.suffix.lower() != SUFFIX[fmt]:
            out = out.with_suffix(SUFFIX[fmt])
        query, profile = self._query(), self.profile
        self.status.setText(self.tr("Exporting…"))
        self._start(
            lambda progress: jobs.in_child("export", (profile, query, fmt, out), progress, profile),
            self._exported,
        )

    def _exported(self, result: jobs.ExportDone) -> None:
        self.status.setText(self.tr("%1 outfalls written to %2").replace("%1", str(result.rows)).replace("%2", str(result.path)))  # fmt: skip

    # -- import --------------------------------------------------------------------------------
    def _ask_source(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Ledger file"), "", self.tr("Spreadsheets (*.xlsx *.xls *.csv)")
        )
        if path:
            self.set_source(Path(path))

    def set_source(self, path: Path) -> None:
        self.source = path
        self.source_label.setText(path.name)
        self._update_buttons()

    def check_file(self, source: Path | None) -> None:
        if source is None:
            return
        self.set_source(source)
        report = jobs.default_report(source)
        profile = self.profile
        self.status.setText(self.tr("Checking…"))
        self._start(
            lambda progress: jobs.in_child("check", (profile, source, report), progress, profile),
            self._checked,
        )

    def _plan_text(self, found: jobs.CheckDone) -> str:
        c = found.counts
        parts = [
            (self.tr("new"), c["insert"]),
            (self.tr("changed"), c["update"]),
            (self.tr("unchanged"), c["unchanged"]),
            (self.tr("look-alikes held back"), c["lookalike"]),
            (self.tr("rows with errors"), c["error"]),
        ]
        text = ", ".join(f"{label} {n}" for label, n in parts if n)
        return "\n".join([text, *(i.message(self.lang) for i in found.problems)])

    def _checked(self, result: jobs.CheckDone) -> None:
        verdict = (
            self.tr(
                "The file has problems: nothing would be imported unless you import only the good rows."
            )
            if result.failed
            else self.tr("The file is ready to import.")
        )
        report = self.tr("Report: %1").replace("%1", str(result.report))
        self.status.setText(f"{verdict}\n{self._plan_text(result)}\n{report}")

    def upload_file(self, source: Path | None) -> None:
        if source is None or not self.upload_allowed:
            return
        self.set_source(source)
        account = self.account
        report = jobs.default_report(source)
        only_good = self.only_good.isChecked()
        transport = self._transport
        self.status.setText(self.tr("Sending to the server…"))
        self._start(
            lambda progress: jobs.upload(
                account.server_url,
                account.token,
                source,
                only_good,
                report,
                progress,
                transport,
                install_id=account.install_id,
            ),
            self._uploaded,
        )

    def _uploaded(self, result: jobs.UploadDone) -> None:
        head = result.message_zh if self.lang == "zh" else result.message_en
        tail = (
            self.tr("The ledger on this laptop follows at the next sync.")
            if result.applied
            else self.tr("Nothing was imported.")
        )
        report = self.tr("Report: %1").replace("%1", str(result.result.report))
        self.status.setText(f"{head}\n{tail}\n{report}")
