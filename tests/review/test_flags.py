"""The desk's flags and the ledger-follow rules: pure functions on plain rows."""

from __future__ import annotations

from sync.server.flags import Candidate, ReviewRules, flags_of, name_similarity
from sync.server.ledger_follow import ledger_changes, sampling_status, sign_status

RULES = ReviewRules.load()
NAME = "海门区某镇某村排口"
OUTFALL = {"id": "o1", "name": NAME, "lat": 31.9, "lon": 121.2, "_status": "ledger"}


def record(**extra: object) -> dict[str, object]:
    base = {
        "started_at": "2026-05-01T08:00:00Z",
        "completed_at": "2026-05-01T08:30:00Z",
        "position": {"lat": 31.9, "lon": 121.2, "accuracy_m": 3.0, "source": "gnss"},
        "sections": {},
    }
    return {**base, **extra}


def test_a_clean_record_has_no_flag() -> None:
    assert flags_of(record(), [], OUTFALL, [], RULES) == []


def test_far_poor_and_contradicted() -> None:
    far = record(position={"lat": 31.901, "lon": 121.2, "accuracy_m": 3.0, "source": "gnss"})
    assert flags_of(far, [], OUTFALL, [], RULES) == ["far_from_outfall"]
    vague = record(position={"lat": 31.9, "lon": 121.2, "accuracy_m": 35.0, "source": "gnss"})
    assert flags_of(vague, [], OUTFALL, [], RULES) == ["poor_accuracy"]
    manual = record(position={"lat": 31.9, "lon": 121.2, "accuracy_m": 1.0, "source": "manual"})
    assert flags_of(manual, [], OUTFALL, [], RULES) == ["poor_accuracy"]
    assert flags_of(record(position=None), [], OUTFALL, [], RULES) == ["poor_accuracy"]
    flowing = record(sections={"remediation": {"finding": "still_flowing"}})
    assert flags_of(flowing, [], OUTFALL, [], RULES) == ["remediation_contradicted"]


def test_photos_far_or_at_another_time() -> None:
    near = {"lat": 31.9, "lon": 121.2, "taken_at": "2026-05-01T08:10:00Z"}
    assert flags_of(record(), [near], OUTFALL, [], RULES) == []
    for photo in (
        {**near, "lat": 31.91},
        {**near, "taken_at": "2026-04-20T08:10:00Z"},
        {**near, "time_offset_s": -90_000},
        {**near, "far_from_outfall": True},
    ):
        assert flags_of(record(), [photo], OUTFALL, [], RULES) == ["photo_inconsistent"], photo


def test_new_outfall_and_possible_duplicate() -> None:
    found = {**OUTFALL, "id": "new", "_status": "provisional", "name": "海门区某镇某村排污口"}
    same = Candidate("o1", NAME, "N1", 31.9005, 121.2)
    elsewhere = Candidate("o2", NAME, "N2", 31.95, 121.2)
    other_name = Candidate("o3", "启东市滨海工业园污水处理厂排口", "N3", 31.9, 121.2)
    assert flags_of(record(), [], found, [elsewhere, other_name], RULES) == ["new_outfall"]
    assert flags_of(record(), [], found, [same], RULES) == ["new_outfall", "possible_duplicate"]
    assert name_similarity("abc", "abc") == 1.0 and name_similarity("ab", "xy") == 0.0


def test_sign_and_sampling_status_follow_the_answers() -> None:
    assert sign_status({"sign_check": {"present": "no"}}, RULES) == "missing"
    assert sign_status({"sign_check": {"present": "yes", "faded": "yes"}}, RULES) == "defective"
    assert sign_status({"sign_check": {"present": "yes", "qr_readable": "na"}}, RULES) == "ok"
    assert sign_status({}, RULES) is None
    both_no = {"sampling_check": {"sampling_point": "no", "inspection_well": "no"}}
    assert sampling_status(both_no, RULES) == "missing"
    broken = {"sampling_check": {"sampling_point": "yes", "intact": "no"}}
    assert sampling_status(broken, RULES) == "defective"
    changes = ledger_changes({"sections": {"sign_check": {"present": "no"}}},
                             {"sign_status": "ok", "sampling_status": "unknown"}, RULES)  # fmt: skip
    assert [(c.field, c.before, c.after) for c in changes] == [("sign_status", "ok", "missing")]
