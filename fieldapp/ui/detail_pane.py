"""The detail pane: the whole record of the selected outfall and its history, read-only."""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from fieldapp.domain.outfall import Outfall, OutfallHistory
from fieldapp.ui import formatting as fmt
from fieldapp.ui.labels import Labels

# Fields whose stored value is a code of a vocabulary: the history shows the term, not the code.
VOCABULARY_FIELDS = (
    "receiving_kind",
    "basin",
    "position_source",
    "channel_kind",
    "regime",
    "sea_tier",
    "remediation_route",
    "sign_status",
    "sampling_status",
)


class OutfallDetail(QTextBrowser):
    def __init__(
        self,
        labels: Labels,
        parent: QWidget | None = None,
        code_of: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._labels = labels
        self._code_of = code_of or (lambda outfall_id: outfall_id)
        self.setOpenLinks(False)
        self.setObjectName("outfallDetail")
        self.show_nothing()

    def show_nothing(self, empty_ledger: bool = False) -> None:
        """The hint beside no selection; on a profile that holds no ledger yet (a first start),
        where the ledger comes from."""
        hint = (
            self.tr(
                "This laptop holds no outfall ledger yet. Choose Sync and sign in to the "
                "bureau's server to get it."
            )
            if empty_ledger
            else self.tr("Select an outfall to see it here.")
        )
        self.setHtml(f"<p style='color:#444'>{escape(hint)}</p>")

    def show_outfall(self, o: Outfall, history: OutfallHistory, plan_html: str = "") -> None:
        """``plan_html``: the 一口一策 section (``fieldapp.ui.plans.marks``), shown under the record."""
        lab = self._labels
        unknown = self.tr("unknown")
        position = (
            f"{o.lat:.6f}, {o.lon:.6f} ({o.position_datum}"
            + (
                f", {fmt.accuracy(o.position_accuracy_m)}"
                if o.position_accuracy_m is not None
                else ""
            )
            + f", {lab.vocab('position_source', o.position_source)})"
            if o.lat is not None and o.lon is not None
            else self.tr("not recorded")
        )
        type_text = lab.type(o.type_code, o.subtype_code)
        if o.legacy_type_code:
            type_text += " · " + self.tr("legacy: %1").replace(
                "%1", lab.legacy_type(o.legacy_type_code)
            )
        regime = lab.vocab("regime", o.regime) or self.tr("not set")
        if o.regime_document_no:
            regime += f" · {o.regime_document_no}"
        if o.regime_date:
            regime += f" · {o.regime_date}"
        rows = [
            (self.tr("National code"), o.national_code or "—"),
            (self.tr("Local code"), o.local_code or "—"),
            (self.tr("Provisional code"), o.provisional_code or "—"),
            (self.tr("Type"), type_text),
            (self.tr("Into"), lab.vocab("receiving_kind", o.receiving_kind)),
            (self.tr("Basin"), lab.vocab("basin", o.basin)),
            (self.tr("Water body"), o.water_body),
            (self.tr("County"), lab.county(o.county_code)),
            (self.tr("Town and village"), f"{o.town} {o.village}".strip()),
            (self.tr("Position"), position),
            (self.tr("Responsible party"), o.responsible_party or unknown),
            (self.tr("Discharging units"), "、".join(o.discharging_units) or "—"),
            (
                self.tr("Discharge channel"),
                (lab.vocab("channel_kind", o.channel_kind) + " " + o.channel_note).strip() or "—",
            ),
            (self.tr("Regime"), regime),
            (self.tr("Sea-outfall tier"), lab.vocab("sea_tier", o.sea_tier) or "—"),
            (
                self.tr("Remediation route"),
                lab.vocab("remediation_route", o.remediation_route) or "—",
            ),
            (self.tr("Lifecycle state"), lab.state(o.lifecycle_state)),
            (self.tr("Sign"), lab.vocab("sign_status", o.sign_status)),
            (self.tr("Sampling point"), lab.vocab("sampling_status", o.sampling_status)),
            (self.tr("Note"), o.note or "—"),
            (self.tr("Last changed"), f"{fmt.local_time(o.updated_at)} {o.updated_by}".strip()),
        ]
        table = "".join(
            f"<tr><td style='color:#333;padding-right:12px'><b>{escape(k)}</b></td>"
            f"<td>{escape(str(v))}</td></tr>"
            for k, v in rows
        )
        events = "".join(
            f"<tr><td>{escape(fmt.local_time(e.at))}</td>"
            f"<td>{escape(lab.state(e.from_state) if e.from_state else '—')} → "
            f"<b>{escape(lab.state(e.to_state))}</b></td><td>{escape(e.actor)}</td>"
            f"<td>{escape(e.note)}</td></tr>"
            for e in history.events
        )
        names = self.field_names()
        edits = "".join(
            f"<tr><td>{escape(fmt.local_time(e.at))}</td><td>{escape(e.actor)}</td>"
            f"<td>{escape(names.get(e.field, e.field))}</td>"
            f"<td>{escape(self._value(e.field, e.old_value))} → "
            f"{escape(self._value(e.field, e.new_value))}</td></tr>"
            for e in history.edits
        )
        history_title = self.tr("Lifecycle history")
        edits_title = self.tr("Edits")
        self.setHtml(
            f"<h2 style='margin:0'>{escape(o.name)}</h2>"
            f"<p style='font-size:large'><b>{escape(o.display_code)}</b></p>"
            f"<table cellspacing='0' cellpadding='3'>{table}</table>"
            f"{plan_html}"
            f"<h3>{escape(history_title)}</h3>"
            f"<table cellpadding='3'>{events or '<tr><td>—</td></tr>'}</table>"
            f"<h3>{escape(edits_title)}</h3>"
            f"<table cellpadding='3'>{edits or '<tr><td>—</td></tr>'}</table>"
        )

    def field_names(self) -> dict[str, str]:
        """The names of the outfall's fields as the editor shows them (for the edit history)."""
        return {
            "name": self.tr("Name"),
            "national_code": self.tr("National code"),
            "local_code": self.tr("Local code"),
            "provisional_code": self.tr("Provisional code"),
            "type_code": self.tr("Type"),
            "subtype_code": self.tr("Sub-type"),
            "legacy_type_code": self.tr("Legacy Nantong type"),
            "receiving_kind": self.tr("Into"),
            "basin": self.tr("Basin"),
            "water_body": self.tr("Water body"),
            "county_code": self.tr("County"),
            "town": self.tr("Town"),
            "village": self.tr("Village"),
            "lat": self.tr("Latitude (°)"),
            "lon": self.tr("Longitude (°)"),
            "position_accuracy_m": self.tr("Accuracy"),
            "position_datum": self.tr("Datum"),
            "position_source": self.tr("Position source"),
            "responsible_party": self.tr("Responsible party"),
            "discharging_units": self.tr("Discharging units"),
            "channel_kind": self.tr("Discharge channel"),
            "channel_note": self.tr("Channel details"),
            "regime": self.tr("Regime"),
            "regime_document_no": self.tr("Document number"),
            "regime_date": self.tr("Document date"),
            "sea_tier": self.tr("Sea-outfall tier"),
            "remediation_route": self.tr("Remediation route"),
            "merge_into_id": self.tr("Merges into"),
            "sign_status": self.tr("Sign"),
            "sampling_status": self.tr("Sampling point"),
            "note": self.tr("Note"),
        }

    def _value(self, field: str, text: str) -> str:
        """A stored value of the edit history as the pane shows it (terms, not codes)."""
        lab = self._labels
        if not text:
            return "—"
        if field in VOCABULARY_FIELDS:
            return lab.vocab(field, text)
        if field in {"type_code", "subtype_code"}:
            return lab.type(text, text if field == "subtype_code" else None)
        if field == "legacy_type_code":
            return lab.legacy_type(text)
        if field == "county_code":
            return lab.county(text)
        if field == "merge_into_id":
            return self._code_of(text)
        if field == "position_accuracy_m":
            try:
                return fmt.accuracy(float(text))
            except ValueError:
                return text
        if field == "discharging_units" and text.startswith("["):
            try:
                return "、".join(str(u) for u in json.loads(text)) or "—"
            except ValueError:
                return text
        return text
