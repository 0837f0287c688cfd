"""The outfall edit dialog: every editable field, large controls, and every problem shown at once.

The dialog only collects values; the main window saves them through the background lane and hands
back any problems with `show_problems`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.outfall import Outfall
from fieldapp.domain.problems import Problem
from fieldapp.domain.reference import Term
from fieldapp.domain.validation import validate
from fieldapp.ui.labels import Labels
from fieldapp.ui.screen_fit import fit_dialog

_ERROR_STYLE = "border: 2px solid #b00020; background: #fff0f0;"


class OutfallEditDialog(QDialog):
    def __init__(
        self,
        outfall: Outfall,
        labels: Labels,
        code_lookup: Callable[[str], str | None],
        code_of: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outfallEditDialog")
        self._original = outfall
        self._labels = labels
        self._code_lookup = code_lookup
        self.setWindowTitle(self.tr("Edit outfall %1").replace("%1", outfall.display_code))
        fit_dialog(self, 760, 700)
        ref = labels.ref
        lang = labels.lang

        self.problems_label = QLabel()
        self.problems_label.setObjectName("problems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(
            "color:#8b0000; background:#fff3f3; border:2px solid #b00020; padding:8px;"
        )
        self.problems_label.hide()

        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

        def line(name: str, label: str, value: str | None) -> QLineEdit:
            w = QLineEdit(value or "")
            w.setObjectName(name)
            self.fields[name] = w
            form.addRow(label, w)
            return w

        def combo(
            name: str, label: str, terms: tuple[Term, ...], value: str | None, allow_none: bool
        ) -> QComboBox:
            w = QComboBox()
            w.setObjectName(name)
            if allow_none:
                w.addItem("—", None)
            for t in terms:
                w.addItem(t.label(lang), t.code)
            w.setCurrentIndex(max(0, w.findData(value)))
            self.fields[name] = w
            form.addRow(label, w)
            return w

        o = outfall
        line("name", self.tr("Name"), o.name)
        line("national_code", self.tr("National code"), o.national_code)
        line("local_code", self.tr("Local code"), o.local_code)
        line("provisional_code", self.tr("Provisional code"), o.provisional_code)
        types = (*(t.term for t in ref.types), ref.undetermined)
        self.type_combo = combo("type_code", self.tr("Type"), types, o.type_code, False)
        self.subtype_combo = combo("subtype_code", self.tr("Sub-type"), (), None, True)
        self.type_combo.currentIndexChanged.connect(self._fill_subtypes)
        self._fill_subtypes()
        self.subtype_combo.setCurrentIndex(max(0, self.subtype_combo.findData(o.subtype_code)))
        combo(
            "legacy_type_code",
            self.tr("Legacy Nantong type"),
            ref.legacy_types,
            o.legacy_type_code,
            True,
        )
        combo(
            "receiving_kind",
            self.tr("Into"),
            ref.vocabulary("receiving_kind"),
            o.receiving_kind,
            False,
        )
        combo("basin", self.tr("Basin"), ref.vocabulary("basin"), o.basin, False)
        line("water_body", self.tr("Water body"), o.water_body)
        combo("county_code", self.tr("County"), ref.counties, o.county_code, False)
        line("town", self.tr("Town"), o.town)
        line("village", self.tr("Village"), o.village)
        line("lat", self.tr("Latitude (°)"), "" if o.lat is None else f"{o.lat:.7f}")
        line("lon", self.tr("Longitude (°)"), "" if o.lon is None else f"{o.lon:.7f}")
        line(
            "position_accuracy_m",
            self.tr("Accuracy (m)"),
            "" if o.position_accuracy_m is None else f"{o.position_accuracy_m:g}",
        )
        combo(
            "position_source",
            self.tr("Position source"),
            ref.vocabulary("position_source"),
            o.position_source,
            True,
        )
        party_row = QHBoxLayout()
        self.party_edit = QLineEdit(o.responsible_party or "")
        self.party_edit.setObjectName("responsible_party")
        self.party_unknown = QCheckBox(self.tr("Unknown (to be traced)"))
        self.party_unknown.setObjectName("responsible_party_unknown")
        self.party_unknown.setChecked(o.responsible_party is None)
        self.party_edit.setEnabled(o.responsible_party is not None)
        self.party_unknown.toggled.connect(lambda on: self.party_edit.setEnabled(not on))
        party_row.addWidget(self.party_edit, 1)
        party_row.addWidget(self.party_unknown)
        self.fields["responsible_party"] = self.party_edit
        form.addRow(self.tr("Responsible party"), party_row)
        units = QPlainTextEdit("\n".join(o.discharging_units))
        units.setObjectName("discharging_units")
        units.setPlaceholderText(self.tr("One discharging unit per line"))
        units.setFixedHeight(80)
        self.fields["discharging_units"] = units
        form.addRow(self.tr("Discharging units"), units)
        combo(
            "channel_kind",
            self.tr("Discharge channel"),
            ref.vocabulary("channel_kind"),
            o.channel_kind,
            True,
        )
        line("channel_note", self.tr("Channel details"), o.channel_note)
        combo("regime", self.tr("Regime"), ref.vocabulary("regime"), o.regime, True)
        line("regime_document_no", self.tr("Document number"), o.regime_document_no)
        line("regime_date", self.tr("Document date (YYYY-MM-DD)"), o.regime_date)
        combo("sea_tier", self.tr("Sea-outfall tier"), ref.vocabulary("sea_tier"), o.sea_tier, True)
        combo(
            "remediation_route",
            self.tr("Remediation route"),
            ref.vocabulary("remediation_route"),
            o.remediation_route,
            True,
        )
        line(
            "merge_into_id",
            self.tr("Merges into (code)"),
            code_of(o.merge_into_id) if o.merge_into_id else "",
        )
        combo("sign_status", self.tr("Sign"), ref.vocabulary("sign_status"), o.sign_status, False)
        combo(
            "sampling_status",
            self.tr("Sampling point"),
            ref.vocabulary("sampling_status"),
            o.sampling_status,
            False,
        )
        note = QPlainTextEdit(o.note)
        note.setObjectName("note")
        note.setFixedHeight(80)
        self.fields["note"] = note
        form.addRow(self.tr("Note"), note)

        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.fields_scroll = scroll
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._save_requested)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.on_save: Callable[[Outfall], None] | None = None
        self._number_problems: list[Problem] = []

    def _fill_subtypes(self) -> None:
        type_code = self.type_combo.currentData()
        self.subtype_combo.clear()
        self.subtype_combo.addItem("—", None)
        for t in self._labels.ref.subtypes_of(type_code):
            self.subtype_combo.addItem(t.label(self._labels.lang), t.code)

    # -- reading the form ------------------------------------------------------------------------
    def _text(self, name: str) -> str:
        w = self.fields[name]
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip()
        assert isinstance(w, QLineEdit)
        return w.text().strip()

    def _choice(self, name: str) -> str | None:
        w = self.fields[name]
        assert isinstance(w, QComboBox)
        return w.currentData()

    def _number(self, name: str) -> float | None:
        typed = self._text(name)
        text = typed.replace(",", ".")  # a decimal comma is a common slip
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            self._number_problems.append(
                Problem(name, "not_a_number", f"“{typed}”不是数字。", f"'{typed}' is not a number.")
            )
            return None

    def value(self) -> Outfall:
        """The edited outfall (possibly invalid: the save validates)."""
        self._number_problems = []
        merge_code = self._text("merge_into_id")
        merge_id = None
        if merge_code:
            merge_id = self._code_lookup(merge_code)
            if merge_id is None:
                self._number_problems.append(
                    Problem(
                        "merge_into_id",
                        "unknown_code",
                        f"台账中没有编码为“{merge_code}”的排污口。",
                        f"No outfall in the ledger has the code '{merge_code}'.",
                    )
                )
        units = tuple(u.strip() for u in self._text("discharging_units").splitlines() if u.strip())
        return dataclasses.replace(
            self._original,
            name=self._text("name"),
            national_code=self._text("national_code") or None,
            local_code=self._text("local_code") or None,
            provisional_code=self._text("provisional_code") or None,
            type_code=self._choice("type_code") or "undetermined",
            subtype_code=self._choice("subtype_code"),
            legacy_type_code=self._choice("legacy_type_code"),
            receiving_kind=self._choice("receiving_kind") or "",
            basin=self._choice("basin") or "",
            water_body=self._text("water_body"),
            county_code=self._choice("county_code") or "",
            town=self._text("town"),
            village=self._text("village"),
            lat=self._number("lat"),
            lon=self._number("lon"),
            position_accuracy_m=self._number("position_accuracy_m"),
            position_source=self._choice("position_source"),
            responsible_party=None
            if self.party_unknown.isChecked()
            else self._text("responsible_party"),
            discharging_units=units,
            channel_kind=self._choice("channel_kind"),
            channel_note=self._text("channel_note"),
            regime=self._choice("regime"),
            regime_document_no=self._text("regime_document_no"),
            regime_date=self._text("regime_date"),
            sea_tier=self._choice("sea_tier"),
            remediation_route=self._choice("remediation_route"),
            merge_into_id=merge_id if merge_code else None,
            sign_status=self._choice("sign_status") or "unknown",
            sampling_status=self._choice("sampling_status") or "unknown",
            note=self._text("note"),
        )

    def form_problems(self) -> list[Problem]:
        """Problems found while reading the form itself (numbers, codes that resolve to nothing)."""
        return list(self._number_problems)

    def _save_requested(self) -> None:
        edited = self.value()
        if self._number_problems:
            # Show the form's own problems together with everything validation finds.
            unreadable = {p.field for p in self._number_problems}
            if unreadable & {"lat", "lon"}:
                unreadable |= {"lat", "lon"}  # "give both" would only repeat the typo
            rest = [p for p in validate(edited, self._labels.ref) if p.field not in unreadable]
            self.show_problems(self._number_problems + rest)
            return
        if self.on_save is not None:
            self.buttons.setEnabled(False)
            self.on_save(edited)

    def save_failed(self, problems: list[Problem]) -> None:
        self.buttons.setEnabled(True)
        self.show_problems(problems)

    def show_problems(self, problems: list[Problem]) -> None:
        for w in self.fields.values():
            w.setStyleSheet("")
        lang = self._labels.lang
        lines = []
        first: QWidget | None = None
        for p in problems:
            widget = self.fields.get(p.field)
            if widget is not None:
                widget.setStyleSheet(_ERROR_STYLE)
                first = first or widget
            lines.append("• " + p.message(lang))
        header = self.tr("Not saved. Please correct:")
        self.problems_label.setText(header + "\n" + "\n".join(lines))
        self.problems_label.setVisible(bool(problems))
        if first is not None:  # take the user to the first field to correct
            layout = self.layout()
            if layout is not None:
                layout.activate()  # the problems shown above take room from the fields first
            self.fields_scroll.ensureWidgetVisible(first, 40, 40)
            first.setFocus()
