"""The 验收 part of an acceptance inspection: the checklist of the outfall's remediation route
(取缔 / 合并 / 规范整治, as data in casework.json) and the re-tests (复测), each a quick test on site
or a lab report's value against the limit of a standard (or the permit's own), judged at once:
a value over its limit says 超标 in red, and the outfall cannot be accepted on it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.inspection import Inspection, RetestEntry
from fieldapp.domain.inspection_rules import InspectionRules
from fieldapp.ui.inspection.segmented import SegmentedChoice

RED, GREEN = "#b00020", "#1b5e20"
TYPED = ""  # the standard combo's entry for a limit typed by hand (a permit's, a report's)


def _number(text: str) -> float | None:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


def _text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class RetestRow(QWidget):
    """One re-test: what, how (on site or lab), the value, the standard and its limits."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, rules: InspectionRules, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules = rules
        self.parameter = QComboBox()
        self.parameter.addItem(self.tr("— test —"), "")
        for spec in rules.quick_tests:
            self.parameter.addItem(spec.term.label(lang), spec.term.code)
        self.method = QComboBox()
        self.method.addItem(self.tr("Quick test on site"), "quick")
        self.method.addItem(self.tr("Lab report"), "lab")
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(self.tr("value"))
        self.value_edit.setValidator(QDoubleValidator(-1e9, 1e9, 4))
        self.unit = QLabel()
        self.standard = QComboBox()
        for standard in rules.retest_standards:
            self.standard.addItem(standard.term.label(lang), standard.term.code)
        self.standard.addItem(self.tr("Limit typed (permit, report)"), TYPED)
        self.lower_edit = QLineEdit()
        self.lower_edit.setPlaceholderText(self.tr("min"))
        self.upper_edit = QLineEdit()
        self.upper_edit.setPlaceholderText(self.tr("limit"))
        for edit in (self.lower_edit, self.upper_edit):
            edit.setValidator(QDoubleValidator(-1e9, 1e9, 4))
            edit.setMaximumWidth(80)
        self.report_no = QLineEdit()
        self.report_no.setPlaceholderText(self.tr("Lab report no."))
        self.verdict = QLabel()
        self.verdict.setObjectName("retest_verdict")
        self.verdict.setStyleSheet("font-weight: bold;")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        for box in (self.parameter, self.method, self.standard):
            # narrow enough for the form's column at 150%: long names are elided, not widened
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(6)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 8)
        grid.addWidget(self.parameter, 0, 0)
        value = QHBoxLayout()
        value.addWidget(self.value_edit, 1)
        value.addWidget(self.unit)
        grid.addLayout(value, 0, 1)
        grid.addWidget(self.method, 1, 0)
        grid.addWidget(self.standard, 1, 1)
        limits = QHBoxLayout()
        limits.addWidget(QLabel(self.tr("Limit")))
        limits.addWidget(self.lower_edit)
        limits.addWidget(QLabel("–"))
        limits.addWidget(self.upper_edit)
        limits.addStretch(1)
        grid.addLayout(limits, 2, 0)
        grid.addWidget(self.verdict, 2, 1)
        grid.addWidget(self.report_no, 3, 0)
        grid.addWidget(self.remove_button, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.parameter.currentIndexChanged.connect(lambda _i: self._standard_chosen())
        self.standard.currentIndexChanged.connect(lambda _i: self._standard_chosen())
        self.method.currentIndexChanged.connect(lambda _i: self._update())
        for edit in (self.value_edit, self.lower_edit, self.upper_edit, self.report_no):
            edit.textEdited.connect(lambda _t: self._update())
        self.upper_edit.textEdited.connect(lambda _t: self._typed())
        self.lower_edit.textEdited.connect(lambda _t: self._typed())
        self._update()

    def _typed(self) -> None:
        """A limit changed by hand is no longer the standard's."""
        self.standard.blockSignals(True)
        self.standard.setCurrentIndex(self.standard.findData(TYPED))
        self.standard.blockSignals(False)
        self._update()

    def _standard_chosen(self) -> None:
        code = self.parameter.currentData()
        spec = self.rules.quick_test(code) if code else None
        self.unit.setText(spec.unit if spec else "")
        chosen = self.standard.currentData()
        standard = next((s for s in self.rules.retest_standards if s.term.code == chosen), None)
        if standard is not None:
            lower, upper = standard.limits.get(code, (None, None))
            self.lower_edit.setText(_text(lower))
            self.upper_edit.setText(_text(upper))
        self._update()

    def entry(self) -> RetestEntry:
        code = self.parameter.currentData() or ""
        spec = self.rules.quick_test(code) if code else None
        return RetestEntry(
            code=code,
            value=_number(self.value_edit.text()),
            method=self.method.currentData(),
            unit=spec.unit if spec else "",
            limit=_number(self.upper_edit.text()),
            lower=_number(self.lower_edit.text()),
            standard=self.standard.currentData() or "",
            report_no=self.report_no.text().strip(),
        )

    def load(self, entry: RetestEntry) -> None:
        for box in (self.parameter, self.standard, self.method):
            box.blockSignals(True)
        self.parameter.setCurrentIndex(max(0, self.parameter.findData(entry.code)))
        self.method.setCurrentIndex(max(0, self.method.findData(entry.method)))
        self.standard.setCurrentIndex(max(0, self.standard.findData(entry.standard)))
        for box in (self.parameter, self.standard, self.method):
            box.blockSignals(False)
        spec = self.rules.quick_test(entry.code) if entry.code else None
        self.unit.setText(spec.unit if spec else "")
        self.value_edit.setText(_text(entry.value))
        self.lower_edit.setText(_text(entry.lower))
        self.upper_edit.setText(_text(entry.limit))
        self.report_no.setText(entry.report_no)
        self._update(emit=False)

    def _update(self, emit: bool = True) -> None:
        entry = self.entry()
        self.report_no.setVisible(entry.method == "lab")
        if entry.value is None or (entry.limit is None and entry.lower is None):
            self.verdict.setText("")
        elif entry.exceeds:
            self.verdict.setText(self.tr("Over the limit (超标)"))
            self.verdict.setStyleSheet(f"color: {RED}; font-weight: bold;")
        else:
            self.verdict.setText(self.tr("Within the limit"))
            self.verdict.setStyleSheet(f"color: {GREEN}; font-weight: bold;")
        if emit:
            self.changed.emit()


class AcceptanceSection(QGroupBox):
    """The checklist of the outfall's route and the re-tests; shown for acceptance inspections."""

    changed = Signal()

    def __init__(
        self, rules: InspectionRules, lang: str, route: str | None, route_label: str,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("acceptance_section")
        self.setTitle(self.tr("Acceptance (验收)"))
        self.rules, self.lang, self.route = rules, lang, route
        layout = QVBoxLayout(self)
        self.route_note = QLabel(
            self.tr("Checklist for the route: %1").replace("%1", route_label)
            if route else self.tr("The outfall has no remediation route: the common items only.")
        )  # fmt: skip
        self.route_note.setWordWrap(True)
        layout.addWidget(self.route_note)
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        self.choices: dict[str, SegmentedChoice] = {}
        for row, item in enumerate(rules.acceptance_items_for(route)):
            choice = SegmentedChoice(rules.check_answers, lang, f"acceptance_{item.term.code}",
                                     item.good)  # fmt: skip
            text = item.term.label(lang) + (self.tr(" (must check)") if item.required else "")
            label = QLabel(text)
            label.setWordWrap(True)
            label.setBuddy(choice.first_button())
            grid.addWidget(label, row, 0)
            grid.addWidget(choice, row, 1)
            choice.changed.connect(self.changed)
            self.choices[item.term.code] = choice
        layout.addLayout(grid)
        retests = QLabel(self.tr("Re-tests (复测): each value against its standard's limit"))
        retests.setStyleSheet("font-weight: bold;")
        retests.setWordWrap(True)
        layout.addWidget(retests)
        self.rows_box = QVBoxLayout()
        layout.addLayout(self.rows_box)
        self.rows: list[RetestRow] = []
        self.add_button = QPushButton(self.tr("Add a re-test"))
        self.add_button.setObjectName("add_retest")
        self.add_button.clicked.connect(lambda: self.add_row())
        add = QHBoxLayout()
        add.addWidget(self.add_button)
        add.addStretch(1)
        layout.addLayout(add)

    def add_row(self, entry: RetestEntry | None = None) -> RetestRow:
        row = RetestRow(self.rules, self.lang)
        if entry is not None:
            row.load(entry)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        if entry is None:
            self.changed.emit()
        return row

    def _remove(self, row: RetestRow) -> None:
        self.rows.remove(row)
        row.deleteLater()
        self.changed.emit()

    def load(self, insp: Inspection) -> None:
        answers = dict(insp.acceptance_check)
        for code, choice in self.choices.items():
            choice.set_value(answers.get(code))
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for entry in insp.retests:
            self.add_row(entry)

    def answers(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((c, v) for c, b in self.choices.items() if (v := b.value())))

    def retests(self) -> tuple[RetestEntry, ...]:
        return tuple(row.entry() for row in self.rows)

    def widget_for(self, field: str) -> QWidget | None:
        head, _, tail = field.partition(".")
        if head == "acceptance" and tail in self.choices:
            return self.choices[tail].first_button()
        if head == "retests" and tail.isdigit() and 0 < int(tail) <= len(self.rows):
            return self.rows[int(tail) - 1].value_edit
        return None
