"""The summary shown before completing: what blocks, and every reason to look again."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.completion_summary import distance_words, duration_words, summarise
from fieldapp.domain.inspection import InspectionPhoto, PositionRecord, new_draft
from fieldapp.inspection_data import load_rules

RULES = load_rules()
SIGN = tuple(i.term.code for i in RULES.sign_items)
SAMPLING = tuple(i.term.code for i in RULES.sampling_items)


def ready(**fields):  # type: ignore[no-untyped-def]
    """A draft that may be completed: nothing blocks, every checklist item answered well."""
    base = new_draft("o1", "张伟", "320612", at="2024-05-01T02:00:00Z")
    good = dataclasses.replace(
        base,
        discharging="no",
        position=PositionRecord(32.0, 121.0, 3.0, "gnss", 5, distance_m=12.0, far=False),
        sign_check=tuple((i.term.code, i.good) for i in RULES.sign_items),
        sampling_check=tuple((i.term.code, i.good) for i in RULES.sampling_items),
    )
    return dataclasses.replace(good, **fields)


def photo(n: int, **fields):  # type: ignore[no-untyped-def]
    base = InspectionPhoto(
        id=f"p{n}", inspection_id="i", sha256=f"{n:064x}", source_name=f"IMG_{n}.jpg",
        lat=32.0, lon=121.0, distance_m=10.0, time_offset_s=60.0,
    )  # fmt: skip
    return dataclasses.replace(base, **fields)


def codes(summary):  # type: ignore[no-untyped-def]
    return [f.code for f in summary.flags]


def test_a_clean_record_has_nothing_to_look_at_again() -> None:
    summary = summarise(ready(), [photo(1)], RULES)
    assert summary.can_complete and summary.flags == ()
    assert summary.facts[0] == (
        "照片 1 张（0 张关联到问题）",
        "1 photo(s), 0 attached to a problem",
    )


def test_blocking_problems_come_from_the_completion_rules() -> None:
    summary = summarise(ready(discharging=None, position=None), [photo(1)], RULES)
    assert not summary.can_complete
    assert {p.field for p in summary.blocking} == {"discharging", "position"}


def test_a_far_or_poor_or_typed_position_is_flagged_in_words() -> None:
    far = PositionRecord(
        32.0, 121.0, 35.0, "manual", reason="林下无信号", distance_m=1530.0, far=True
    )
    summary = summarise(ready(position=far), [photo(1)], RULES)
    assert codes(summary) == ["far_from_outfall", "poor_accuracy", "typed_position"]
    messages = [f.message("zh_CN") for f in summary.flags]
    assert messages[0] == "检查位置距登记的排污口 1.5 公里（超过 50 米）。"
    assert "±35 米" in messages[1] and "林下无信号" in messages[2]
    assert all(f.field == "position" for f in summary.flags)


def test_photos_far_away_long_ago_or_without_position_are_named() -> None:
    photos = [
        photo(1, distance_m=2400.0, far_from_outfall=True),
        photo(2, time_offset_s=-3 * 86400.0, time_implausible=True),
        photo(3, lat=None, lon=None, distance_m=None),
    ]
    summary = summarise(ready(), photos, RULES)
    assert codes(summary) == ["photo_far", "photo_time", "photo_no_position"]
    en = [f.message("en") for f in summary.flags]
    assert en[0] == "Photo IMG_1.jpg was taken 2.4 km from the outfall."
    assert en[1] == "Photo IMG_2.jpg was taken 3 days before the inspection."
    assert "IMG_3.jpg" in en[2]
    assert [f.field for f in summary.flags[:2]] == ["photos.p1", "photos.p2"]


def test_no_photos_at_all_is_flagged() -> None:
    assert codes(summarise(ready(), [], RULES)) == ["no_photos"]


def test_an_empty_sign_check_is_one_flag_naming_the_must_check_item() -> None:
    summary = summarise(ready(sign_check=()), [photo(1)], RULES)
    assert codes(summary) == ["section_unanswered"]
    assert summary.flags[0].field == "sign.present"
    assert "必查：设有标志牌" in summary.flags[0].zh


def test_a_must_check_item_left_open_is_flagged_by_name() -> None:
    answered = tuple(p for p in ready().sampling_check if p[0] != "inspection_well")
    summary = summarise(ready(sampling_check=answered), [photo(1)], RULES)
    assert codes(summary) == ["required_unanswered", "items_unanswered"]
    assert summary.flags[0].field == "sampling.inspection_well"
    assert summary.flags[1].en.endswith(f"1 of {len(SAMPLING)} items unanswered.")


@given(st.sets(st.sampled_from(SIGN)), st.sets(st.sampled_from(SAMPLING)))
def test_every_unanswered_must_check_item_is_named_and_nothing_else_blocks(
    sign_open: set[str], sampling_open: set[str]
) -> None:
    insp = ready(
        sign_check=tuple(p for p in ready().sign_check if p[0] not in sign_open),
        sampling_check=tuple(p for p in ready().sampling_check if p[0] not in sampling_open),
    )
    summary = summarise(insp, [photo(1)], RULES)
    assert summary.can_complete  # the checklist never blocks: it is asked about
    text = " ".join(f.en for f in summary.flags)
    for section, items, open_ in (
        ("sign", RULES.sign_items, sign_open),
        ("sampling", RULES.sampling_items, sampling_open),
    ):
        for item in items:
            if item.required and item.term.code in open_:
                assert item.term.en in text, (section, item.term.code)
        if not open_:
            assert not any(f.field.startswith(section) for f in summary.flags)


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False))
def test_distances_read_as_metres_or_kilometres(metres: float) -> None:
    zh, en = distance_words(metres)
    assert (zh.endswith(" 米"), en.endswith(" m")) == ((metres < 1000),) * 2
    assert zh.endswith(("米", "公里")) and "e" not in en.split()[0]


@given(st.floats(min_value=-1e8, max_value=1e8, allow_nan=False))
def test_durations_read_as_minutes_hours_or_days(seconds: float) -> None:
    zh, en = duration_words(seconds)
    assert zh.split()[-1] in ("分钟", "小时", "天")
    assert en.split()[-1] in ("minute", "minutes", "hours", "day", "days")
    assert int(zh.split()[0]) >= 0


def test_a_draft_names_its_author_as_inspector_but_never_the_profile_user() -> None:
    assert new_draft("o1", "张伟", "320612").inspectors == ("张伟",)
    # before the first sign-in the author is the profile's internal id, which is no one's name
    assert new_draft("o1", "local-1a2b3c4d", "320612").inspectors == ()
