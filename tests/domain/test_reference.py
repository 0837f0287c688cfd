"""The reference data: the classification and its legacy mapping, counties, lifecycle as data."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from fieldapp.domain.reference import Transition, build_reference
from fieldapp.paths import DATA


def raw() -> dict[str, dict[str, Any]]:
    """A fresh copy of the shipped data files, to break on purpose."""
    files = {
        name: json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("classification", "counties", "lifecycle", "vocabularies")
    }
    files["codes"] = json.loads((DATA / "outfall_codes.json").read_text(encoding="utf-8"))
    return files


def build(files: dict[str, dict[str, Any]]):
    return build_reference(**copy.deepcopy(files))


def test_the_shipped_data_builds(ref):
    assert build(raw()) == ref


def test_the_counties_are_nantongs_seven(ref):
    assert ref.city.code == "320600"
    assert {c.code: c.zh for c in ref.counties} == {
        "320613": "崇川区",
        "320612": "通州区",
        "320614": "海门区",
        "320623": "如东县",
        "320681": "启东市",
        "320682": "如皋市",
        "320685": "海安市",
    }


def test_the_current_classification(ref):
    assert {t.term.code for t in ref.types} == {
        "industrial",
        "municipal_plant",
        "agricultural",
        "other",
    }
    assert ref.type_codes() == {t.term.code for t in ref.types} | {"undetermined"}
    assert ref.undetermined.zh == "暂无法确定"
    subtypes = [s.code for t in ref.types for s in t.subtypes]
    # A sub-type names one place in the tree, so it tells its type.
    assert len(subtypes) == len(set(subtypes))
    for t in ref.types:
        assert t.subtypes, t.term.code
        for s in t.subtypes:
            assert ref.subtype_term(s.code) == s
    assert ref.approval_required <= set(subtypes)
    assert ref.sea_tier_key <= set(subtypes)
    assert ref.sea_tier_simplified <= set(subtypes)


def test_every_legacy_type_maps_to_a_valid_current_type(ref):
    assert {t.code for t in ref.legacy_types} == set(ref.legacy_mapping)
    assert len(ref.legacy_types) == 7
    for legacy in ref.legacy_types:
        mapping = ref.legacy_to_current(legacy.code)
        assert mapping is not None
        assert mapping.type_code in ref.type_codes() - {"undetermined"}
        if mapping.subtype_code is not None:
            assert mapping.subtype_code in {s.code for s in ref.subtypes_of(mapping.type_code)}
    assert ref.legacy_to_current("no_such_type") is None


def test_build_refuses_a_legacy_type_without_a_mapping():
    files = raw()
    del files["classification"]["legacy_mapping"]["ditch"]
    with pytest.raises(ValueError, match="ditch"):
        build(files)


def test_build_refuses_a_mapping_to_an_unknown_type():
    files = raw()
    files["classification"]["legacy_mapping"]["port"] = {"type": "harbour", "subtype": None}
    with pytest.raises(ValueError, match="port"):
        build(files)


def test_build_refuses_a_mapping_to_an_unknown_subtype():
    files = raw()
    files["classification"]["legacy_mapping"]["port"] = {"type": "other", "subtype": "harbour"}
    with pytest.raises(ValueError, match="port"):
        build(files)


def test_build_refuses_a_mapping_to_a_subtype_of_another_type():
    files = raw()
    # 'port' is a sub-type of 'other', not of 'industrial': the pair is inconsistent.
    files["classification"]["legacy_mapping"]["port"] = {"type": "industrial", "subtype": "port"}
    with pytest.raises(ValueError, match="port"):
        build(files)


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.update({"from": ["surveyed", "limbo"]}),
        lambda t: t.update({"to": "limbo"}),
    ],
    ids=["unknown source", "unknown target"],
)
def test_build_refuses_a_transition_naming_an_unknown_state(change):
    files = raw()
    change(files["lifecycle"]["transitions"][0])
    with pytest.raises(ValueError, match="unknown state"):
        build(files)


def test_build_refuses_an_unknown_initial_state():
    files = raw()
    files["lifecycle"]["initial"] = "limbo"
    with pytest.raises(ValueError, match="initial"):
        build(files)


def test_the_lifecycle_is_data(ref):
    assert ref.initial_state == "surveyed"
    assert ref.inactive_states == {"retired"}
    codes = {s.code for s in ref.states}
    for t in ref.transitions:
        assert set(t.sources) <= codes
        assert t.target in codes or t.target == Transition.PREVIOUS
        assert t.term.zh and t.term.en
    # A changed data file changes the machine, with no code change.
    files = raw()
    files["lifecycle"]["transitions"].append(
        {"action": "skip", "from": ["surveyed"], "to": "traced", "zh": "跳过", "en": "Skip"}
    )
    assert "skip" in {t.action for t in build(files).transitions_from("surveyed")}


def test_vocabularies_and_labels(ref):
    assert "_comment" not in ref.vocabularies
    assert [t.code for t in ref.vocabulary("receiving_kind")] == ["yangtze", "sea", "river"]
    assert ref.term("regime", "filing").label("zh_CN") == "备案"
    assert ref.term("regime", "filing").label("en") == "Filing"
    assert ref.term("regime", None) is None
    assert ref.term("regime", "permit") is None
    assert ref.term("no_such_vocabulary", "x") is None
    assert ref.type_term("undetermined") == ref.undetermined
    assert ref.type_term("industrial").zh == "工业排污口"
    assert ref.type_term("nope") is None
    assert ref.state("closed").zh == "市级销号"
