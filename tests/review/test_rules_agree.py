"""The supervisor desk's rules (server) and the device's inspection form rules must agree where
they describe the same thing: they are two files because the server never reads the app's
resources, and this test is what keeps them from drifting apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
DEVICE = ROOT / "resources" / "data" / "inspection.json"
DESK = ROOT / "sync" / "server" / "data" / "review_rules.json"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_shared_thresholds_are_equal():
    device, desk = _load(DEVICE)["settings"], _load(DESK)
    shared = ("far_from_outfall_m", "max_position_error_m", "photo_max_distance_m",
              "photo_max_time_offset_s")  # fmt: skip
    assert {k: desk[k] for k in shared} == {k: device[k] for k in shared}


def test_every_checklist_item_has_the_same_good_answer():
    device, desk = _load(DEVICE), _load(DESK)
    for items, good in (
        ("sign_items", "sign_items_good"),
        ("sampling_items", "sampling_items_good"),
    ):
        on_device = {i["code"]: i["good"] for i in device[items] if i.get("good")}
        assert desk[good] == on_device, items


def test_the_same_remediation_findings_contradict_a_claim():
    device, desk = _load(DEVICE), _load(DESK)
    on_device = [f["code"] for f in device["remediation_findings"] if f["contradicted"]]
    assert sorted(desk["contradicted_remediation"]) == sorted(on_device)


@given(
    st.floats(18.0, 53.0),
    st.floats(73.0, 135.0),
    st.floats(-0.02, 0.02),
    st.floats(-0.02, 0.02),
)
def test_the_server_and_the_device_measure_the_same_distance(
    lat: float, lon: float, dlat: float, dlon: float
) -> None:
    # the device's "far from the outfall" figure and the server's flag come from one function
    from fieldapp.domain.photo_checks import distance_from_outfall
    from sync.server import flags as server_flags

    record = {"position": {"lat": lat + dlat, "lon": lon + dlon}}
    server = server_flags.distance_to_outfall(record, {"lat": lat, "lon": lon})
    device = distance_from_outfall(lat + dlat, lon + dlon, lat, lon)
    assert server == device
