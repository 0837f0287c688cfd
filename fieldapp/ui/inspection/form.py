"""The inspection form's sections (DOMAIN.md: daily supervision), built from the rules data.

The form holds no storage: `load(insp)` shows a record, `value(base)` reads the widgets back into
one, and `changed` fires on every edit (the window debounces it into an autosave).
"""

from __future__ import annotations

import dataclasses
import math
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.inspection import (
    Appearance,
    Flow,
    Inspection,
    ProblemFound,
    QuickTest,
    RemediationCheck,
)
from fieldapp.domain.inspection_rules import CheckItem, InspectionRules
from fieldapp.domain.reference import Term
from fieldapp.ui.inspection.acceptance import AcceptanceSection
from fieldapp.ui.inspection.segmented import SegmentedChoice

_NAME_SPLIT = re.compile(r"[,，、;；\n]+")
REQUIRED_MARK = " *"  # after the label of a field completing needs


def _required(text: str) -> QLabel:
    """A field label marked as needed for completing (the mark is explained atop the form)."""
    label = QLabel(text + REQUIRED_MARK)
    label.setProperty("required", True)
    return label


def _combo(terms: tuple[Term, ...], lang: str, name: str, blank: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    # Long choices must not widen the form past a small screen (the list shows them whole).
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    box.addItem(blank, None)
    for t in terms:
        box.addItem(t.label(lang), t.code)
    return box


def _set_combo(box: QComboBox, code: str | None) -> None:
    index = box.findData(code) if code is not None else 0
    box.setCurrentIndex(max(index, 0))


def _number(text: str) -> float | None:
    text = text.strip().replace("，", ".").replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return math.nan  # kept, so validation names it instead of silently dropping it
    return value


def _number_text(value: float | None) -> str:
    return "" if value is None or math.isnan(value) else f"{value:g}"


class InspectionForm(QWidget):
    """Every section of one inspection; large controls, Tab moves through them in order."""

    changed = Signal()

    def __init__(
        self, rules: InspectionRules, lang: str, parent: QWidget | None = None,
        route: str | None = None, route_label: str = "",
    ) -> None:  # fmt: skip
        """``route``: the outfall's remediation route, whose checklist an acceptance answers."""
        super().__init__(parent)
        self.rules = rules
        self.lang = lang
        self.route = route
        self._loading = False
        self.sections: dict[str, QGroupBox] = {}
        self.all_good_buttons: dict[str, QPushButton] = {}
        blank = self.tr("— choose —")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        legend = QLabel(
            self.tr("* needed to complete. Items marked “must check” are asked again if left open.")
        )
        legend.setObjectName("required_legend")
        legend.setWordWrap(True)
        layout.addWidget(legend)

        # Who and what kind.
        head = QGroupBox(self.tr("Inspection"))
        head_form = QFormLayout(head)
        head_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.kind = _combo(rules.kinds, lang, "kind", blank)
        self.inspectors = QLineEdit()
        self.inspectors.setObjectName("inspectors")
        self.inspectors.setPlaceholderText(
            self.tr("Names of everyone present, separated by commas")
        )
        head_form.addRow(_required(self.tr("Kind")), self.kind)
        head_form.addRow(_required(self.tr("Inspectors present")), self.inspectors)
        layout.addWidget(head)

        # 验收: the route's checklist and the re-tests, for acceptance inspections only.
        self.acceptance = AcceptanceSection(rules, lang, route, route_label)
        self.acceptance.changed.connect(self._emit_changed)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_acceptance())
        layout.addWidget(self.acceptance)
        self._show_acceptance()

        # Discharging, appearance, flow.
        water = QGroupBox(self.tr("Discharge"))
        water_form = QFormLayout(water)
        water_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.discharging = _combo(rules.discharging, lang, "discharging", blank)
        water_form.addRow(_required(self.tr("Discharging now")), self.discharging)
        self.appearance: dict[str, QComboBox] = {}
        for code, aspect in rules.appearance.items():
            box = _combo(aspect.options, lang, f"appearance_{code}", blank)
            self.appearance[code] = box
            water_form.addRow(aspect.term.label(lang), box)
        self.flow_method = _combo(rules.flow_methods, lang, "flow_method", blank)
        self.flow_value = QLineEdit()
        self.flow_value.setObjectName("flow_value")
        self.flow_value.setValidator(QDoubleValidator(0.0, 1e9, 3))
        self.flow_unit = _combo(rules.flow_units, lang, "flow_unit", blank)
        flow_row = QGridLayout()  # method above value and unit: narrow enough for 150%
        flow_row.addWidget(self.flow_method, 0, 0, 1, 2)
        flow_row.addWidget(self.flow_value, 1, 0)
        flow_row.addWidget(self.flow_unit, 1, 1)
        water_form.addRow(self.tr("Flow"), flow_row)
        layout.addWidget(water)

        # Quick tests.
        tests = QGroupBox(self.tr("Quick tests (optional)"))
        grid = QGridLayout(tests)
        grid.setColumnStretch(1, 1)
        self.test_values: dict[str, QLineEdit] = {}
        self.test_confirm: dict[str, QCheckBox] = {}
        for row, spec in enumerate(rules.quick_tests):
            edit = QLineEdit()
            edit.setObjectName(f"test_{spec.term.code}")
            confirm = QCheckBox(self.tr("Confirmed"))
            confirm.setObjectName(f"confirm_{spec.term.code}")
            confirm.setToolTip(self.tr("Tick after re-checking a value outside the usual range"))
            usual = f"{spec.unit}  ({spec.plausible_min:g}–{spec.plausible_max:g})".strip()
            edit.setPlaceholderText(usual)  # the unit and the usual range, inside the field
            edit.setToolTip(usual)
            edit.setMinimumWidth(90)
            label = QLabel(spec.term.label(lang))
            label.setWordWrap(True)
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(confirm, row, 2)
            self.test_values[spec.term.code] = edit
            self.test_confirm[spec.term.code] = confirm
        layout.addWidget(tests)

        # Sign check and sampling point / inspection well.
        self.sign = self._checklist(self.tr("Sign"), rules.sign_items, "sign", layout)
        self.sampling = self._checklist(
            self.tr("Sampling point / inspection well"), rules.sampling_items, "sampling", layout
        )

        # Problems found, each with its note.
        problems = QGroupBox(self.tr("Problems found"))
        pgrid = QGridLayout(problems)
        self.problem_boxes: dict[str, QCheckBox] = {}
        self.problem_notes: dict[str, QLineEdit] = {}
        for row, kind in enumerate(rules.problems):
            check = QCheckBox(kind.term.label(lang))
            check.setObjectName(f"problem_{kind.term.code}")
            note = QLineEdit()
            note.setObjectName(f"problem_note_{kind.term.code}")
            note.setPlaceholderText(self.tr("What was seen (required)"))
            note.setEnabled(False)
            note.setVisible(False)  # under its problem, once ticked
            check.toggled.connect(note.setEnabled)
            check.toggled.connect(note.setVisible)
            pgrid.addWidget(check, 2 * row, 0, 1, 2)
            pgrid.addWidget(note, 2 * row + 1, 1)
            self.problem_boxes[kind.term.code] = check
            self.problem_notes[kind.term.code] = note
        pgrid.setColumnStretch(1, 1)
        pgrid.setColumnMinimumWidth(0, 24)
        layout.addWidget(problems)

        # Remediation as claimed, notes, missing position.
        rest = QGroupBox(self.tr("Remediation and notes"))
        rest_form = QFormLayout(rest)
        rest_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.remediation = _combo(rules.remediation_findings, lang, "remediation", blank)
        self.remediation_note = QLineEdit()
        self.remediation_note.setObjectName("remediation_note")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self.no_position_reason = QLineEdit()
        self.no_position_reason.setObjectName("no_position_reason")
        self.no_position_reason.setPlaceholderText(
            self.tr("Only when no position can be captured: why")
        )
        rest_form.addRow(self.tr("Claimed remediation"), self.remediation)
        rest_form.addRow(self.tr("What was seen"), self.remediation_note)
        rest_form.addRow(self.tr("Notes"), self.notes)
        rest_form.addRow(self.tr("No position because"), self.no_position_reason)
        layout.addWidget(rest)
        layout.addStretch(1)
        self._connect_changes()

    def _checklist(
        self, title: str, items: tuple[CheckItem, ...], prefix: str, layout: QVBoxLayout
    ) -> dict[str, SegmentedChoice]:
        group = QGroupBox(title)
        group.setObjectName(f"{prefix}_section")
        grid = QGridLayout(group)
        grid.setVerticalSpacing(6)
        all_good = QPushButton(self.tr("All as expected"))
        all_good.setObjectName(f"{prefix}_all_good")
        all_good.setToolTip(
            self.tr("Answer every unanswered item with its expected answer (answers given stay)")
        )
        all_good.clicked.connect(lambda: self.all_as_expected(prefix))
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(all_good)
        grid.addLayout(top, 0, 0, 1, 2)
        choices: dict[str, SegmentedChoice] = {}
        for row, item in enumerate(items, start=1):
            choice = SegmentedChoice(
                self.rules.check_answers, self.lang, f"{prefix}_{item.term.code}", item.good
            )
            text = item.term.label(self.lang)
            if item.required:
                text += self.tr(" (must check)")
            label = QLabel(text)
            label.setWordWrap(True)
            label.setBuddy(choice.first_button())
            label.setProperty("required", item.required)
            grid.addWidget(label, row, 0)
            grid.addWidget(choice, row, 1, Qt.AlignmentFlag.AlignRight)
            choices[item.term.code] = choice
        grid.setColumnStretch(0, 1)
        layout.addWidget(group)
        self.sections[prefix] = group
        self.all_good_buttons[prefix] = all_good
        return choices

    def all_as_expected(self, prefix: str) -> None:
        """Every unanswered item of the sign or sampling section gets its expected answer."""
        items = self.rules.sign_items if prefix == "sign" else self.rules.sampling_items
        choices = self.sign if prefix == "sign" else self.sampling
        self._loading = True
        try:
            for item in items:
                choice = choices[item.term.code]
                if choice.value() is None:
                    choice.choose(item.good)
        finally:
            self._loading = False
        self._emit_changed()

    def _connect_changes(self) -> None:
        # Slots take no arguments: a variadic slot fed a bool trips a PySide6 refcount bug.
        for box in self.findChildren(QComboBox):
            box.currentIndexChanged.connect(lambda _index: self._emit_changed())
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(lambda _text: self._emit_changed())
        for check in self.findChildren(QCheckBox):
            check.toggled.connect(lambda _on: self._emit_changed())
        for choice in (*self.sign.values(), *self.sampling.values()):
            choice.changed.connect(self._emit_changed)
        self.notes.textChanged.connect(self._emit_changed)

    def _show_acceptance(self) -> None:
        self.acceptance.setVisible(self.kind.currentData() == self.rules.acceptance_kind)

    def _emit_changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    # -- record <-> widgets --------------------------------------------------------------------

    def load(self, insp: Inspection) -> None:
        self._loading = True
        try:
            _set_combo(self.kind, insp.kind)
            self.inspectors.setText("、".join(insp.inspectors))
            _set_combo(self.discharging, insp.discharging)
            for code, box in self.appearance.items():
                _set_combo(box, getattr(insp.appearance, code))
            _set_combo(self.flow_method, insp.flow.method)
            self.flow_value.setText(_number_text(insp.flow.value))
            _set_combo(self.flow_unit, insp.flow.unit)
            tests = {t.code: t for t in insp.quick_tests}
            for code, edit in self.test_values.items():
                test = tests.get(code)
                edit.setText(_number_text(test.value) if test else "")
                self.test_confirm[code].setChecked(bool(test and test.confirmed))
            for boxes, pairs in (
                (self.sign, insp.sign_check),
                (self.sampling, insp.sampling_check),
            ):
                answers = dict(pairs)
                for code, choice in boxes.items():
                    choice.set_value(answers.get(code))
            found = {p.code: p for p in insp.problems}
            for code, check in self.problem_boxes.items():
                check.setChecked(code in found)
                self.problem_notes[code].setText(found[code].note if code in found else "")
            _set_combo(self.remediation, insp.remediation.finding)
            self.remediation_note.setText(insp.remediation.note)
            self.notes.setPlainText(insp.notes)
            self.no_position_reason.setText(insp.no_position_reason)
            self.acceptance.load(insp)
            self._show_acceptance()
        finally:
            self._loading = False

    def value(self, base: Inspection) -> Inspection:
        """``base`` with every section as the widgets show it."""
        names = tuple(n.strip() for n in _NAME_SPLIT.split(self.inspectors.text()) if n.strip())
        tests = []
        for code, edit in self.test_values.items():
            value = _number(edit.text())
            confirmed = self.test_confirm[code].isChecked()
            if value is not None or confirmed:
                tests.append(QuickTest(code, value, confirmed))
        kind = self.kind.currentData() or base.kind
        accepting = kind == self.rules.acceptance_kind
        return dataclasses.replace(
            base,
            kind=kind,
            acceptance_route=self.route if accepting else None,
            acceptance_check=self.acceptance.answers() if accepting else (),
            retests=self.acceptance.retests() if accepting else (),
            inspectors=names,
            discharging=self.discharging.currentData(),
            appearance=Appearance(
                **{code: box.currentData() for code, box in self.appearance.items()}
            ),
            flow=Flow(
                self.flow_method.currentData(),
                _number(self.flow_value.text()),
                self.flow_unit.currentData(),
            ),
            quick_tests=tuple(tests),
            sign_check=tuple(sorted((c, v) for c, b in self.sign.items() if (v := b.value()))),
            sampling_check=tuple(
                sorted((c, v) for c, b in self.sampling.items() if (v := b.value()))
            ),
            problems=tuple(
                ProblemFound(code, self.problem_notes[code].text().strip())
                for code, box in self.problem_boxes.items()
                if box.isChecked()
            ),
            remediation=RemediationCheck(
                self.remediation.currentData(), self.remediation_note.text().strip()
            ),
            notes=self.notes.toPlainText(),
            no_position_reason=self.no_position_reason.text().strip(),
        )

    def widget_for(self, field: str) -> QWidget | None:
        """The widget a validation problem's field points at (to take the user there)."""
        head, _, tail = field.partition(".")
        if head in ("acceptance", "retests"):
            return self.acceptance.widget_for(field)
        simple: dict[str, QWidget] = {
            "kind": self.kind,
            "inspectors": self.inspectors,
            "discharging": self.discharging,
            "notes": self.notes,
            "position": self.no_position_reason,
            "remediation": self.remediation,
        }
        if head == "appearance":
            return self.appearance.get(tail)
        if head in ("sign", "sampling"):
            choices = self.sign if head == "sign" else self.sampling
            choice = choices.get(tail)
            if choice is not None:
                return choice.first_button()
            return self.all_good_buttons[head]
        if head == "flow":
            return {"method": self.flow_method, "value": self.flow_value}.get(tail, self.flow_unit)
        if head == "quick_tests":
            return self.test_values.get(tail)
        if head == "problems":
            return self.problem_notes.get(tail)
        if field == "remediation.note":
            return self.remediation_note
        return simple.get(head)
