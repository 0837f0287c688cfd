"""The desk shows an acceptance inspection's checklist and re-tests as the laptop recorded them,
judged as the server judges them: a must-check item failed and a re-test over its limit in red."""

from __future__ import annotations

import json

from fieldapp.inspection_data import load_rules
from fieldapp.ui.review.checklist import checklist_html

LABELS = {
    "discharge": "Discharge", "discharging": "Discharging now", "flow": "Flow", "sign": "Sign",
    "sampling": "Sampling", "acceptance": "Acceptance checklist", "retests": "Re-tests",
    "over_limit": "over the limit", "limit": "limit", "lab_report": "lab report",
    "problems": "Problems", "remediation": "Remediation", "notes": "Notes",
    "inspectors": "Inspectors",
}  # fmt: skip
RED = 'style="color:#b71c1c;font-weight:bold"'


def test_a_failed_item_and_an_exceedance_are_red_and_a_pass_is_not() -> None:
    sections = {
        "acceptance_route": "ban",
        "acceptance_check": {"outlet_sealed": "no", "inflow_cut": "yes", "sign_to_standard": "no"},
        "retests": [
            {"code": "cod", "value": 80, "unit": "mg/L", "limit": 50, "method": "lab"},
            {"code": "ph", "value": 7.1, "unit": "", "limit": 9, "lower": 6, "method": "quick"},
        ],
    }
    shown = checklist_html({"sections": json.dumps(sections)}, load_rules(), "en", LABELS)
    assert "Acceptance checklist" in shown and "Re-tests" in shown
    sealed = shown.split("The outlet is sealed or removed")[1].split("</tr>")[0]
    assert RED in sealed  # a must-check item of the ban route answered "no"
    assert RED not in shown.split("The inflow upstream is cut off")[1].split("</tr>")[0]
    assert "sign is set up" not in shown  # a standardise item: not this route's checklist
    cod = shown.split("COD")[1].split("</tr>")[0]
    assert RED in cod and "80 mg/L (limit 50) · lab report · over the limit" in cod
    ph = shown.split("pH")[1].split("</tr>")[0]
    assert RED not in ph and "7.1 (limit 6–9)" in ph
