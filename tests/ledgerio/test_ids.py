"""Ids made in blocks are proper random UUIDs (version 4, RFC 4122 variant), never repeated."""

from __future__ import annotations

import itertools
import uuid

from ledgerio.ids import new_ids


def test_ids_are_random_uuids_in_their_usual_form():
    ids = list(itertools.islice(new_ids(), 5000))  # more than one block
    assert len(set(ids)) == len(ids)
    for text in ids:
        u = uuid.UUID(text)
        assert str(u) == text and u.version == 4 and u.variant == uuid.RFC_4122
    # every hex digit of the random part varies (no block repeats a fixed pattern)
    assert {t[0] for t in ids} == set("0123456789abcdef")
    assert {t[19] for t in ids} == set("89ab")
