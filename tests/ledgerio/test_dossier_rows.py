"""The dossier's outfall table says what is known and leaves out what is not (no empty brackets
or dangling separators on a printed page)."""

from __future__ import annotations

from ledgerio.dossier import _outfall_rows
from ledgerio.vocab import load


def test_unknown_parts_are_left_out_not_printed_empty() -> None:
    vocab = load()
    bare = dict(_outfall_rows({"name": "某排口", "lifecycle_state": "no-such-state"}, vocab))
    assert bare["受纳水体"] == "未记录"
    assert bare["整治方式 / 状态"] == "未确定"
    known = dict(
        _outfall_rows(
            {"water_body": "通吕运河", "receiving_kind": "river", "remediation_route": "ban",
             "lifecycle_state": "closed"},
            vocab,
        )
    )  # fmt: skip
    assert known["受纳水体"].startswith("通吕运河（") and known["受纳水体"].endswith("）")
    assert known["整治方式 / 状态"].count(" / ") == 1 and known["整治方式 / 状态"].endswith(
        "市级销号"
    )
