"""The photo store's chunk writer: any split of a photo into chunks and pieces stores it exactly,
through the direct (O_DIRECT) path and through the page cache alike."""

from __future__ import annotations

import hashlib
import itertools
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.server import photostore
from sync.server.photostore import DIRECT_ALIGN, STAGE_BYTES, OffsetMismatch, PhotoStore


@pytest.fixture(params=["direct", "buffered"])
def store(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> PhotoStore:
    if request.param == "buffered":
        monkeypatch.setattr(photostore, "O_DIRECT", 0)
    return PhotoStore(tmp_path / "photos")


def _cuts(rng: random.Random, size: int, parts: int) -> list[int]:
    return sorted({0, size, *(rng.randrange(size) for _ in range(parts))})


def _send(store: PhotoStore, photo: bytes, chunk_cuts: list[int], rng: random.Random) -> None:
    digest = hashlib.sha256(photo).hexdigest()
    for start, end in itertools.pairwise(chunk_cuts):
        assert store.offset(digest) == start
        writer = store.open_chunk(digest, start, len(photo))
        try:
            piece_cuts = _cuts(rng, end - start, rng.randrange(0, 6))
            pieces = [photo[start + a : start + b] for a, b in itertools.pairwise(piece_cuts)]
            for n in range(0, len(pieces), 3):
                writer.write_pieces(pieces[n : n + 3])
            outcome = writer.finish()
        finally:
            writer.close()
        assert outcome.offset == end and outcome.complete == (end == len(photo))


# Sizes around the staging block and the alignment, where the head/tail logic turns.
SIZES = st.sampled_from([1, DIRECT_ALIGN - 1, DIRECT_ALIGN, STAGE_BYTES, STAGE_BYTES + 1]) | (
    st.integers(1, 2 * STAGE_BYTES + DIRECT_ALIGN + 7)
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(size=SIZES, chunks=st.integers(0, 4), seed=st.integers(0, 2**32))
def test_any_split_into_chunks_and_pieces_stores_the_photo_exactly(store, size, chunks, seed):
    rng = random.Random(seed)
    photo = rng.randbytes(size)
    digest = hashlib.sha256(photo).hexdigest()
    _send(store, photo, _cuts(rng, size, chunks), rng)
    assert store.has(digest)
    assert store.final_path(digest).read_bytes() == photo
    assert not store.part_path(digest).exists()


def test_direct_writes_are_used_where_the_filesystem_allows_them(tmp_path):
    store = PhotoStore(tmp_path)
    photo = os.urandom(STAGE_BYTES * 2 + 123)
    writer = store.open_chunk(hashlib.sha256(photo).hexdigest(), 0, len(photo))
    try:
        assert photostore.O_DIRECT, "Linux has O_DIRECT"
        assert writer.direct_fd is not None  # ext4, xfs, btrfs and tmpfs (Linux ≥ 6.6) allow it
        writer.write_pieces([photo])
        assert writer.written == 2 * STAGE_BYTES  # two staged blocks went direct, the tail waits
        assert writer.finish().complete
    finally:
        writer.close()


def test_a_dropped_link_keeps_staged_bytes_and_resumes_from_them(store):
    photo = os.urandom(2 * STAGE_BYTES + 5000)
    digest = hashlib.sha256(photo).hexdigest()
    writer = store.open_chunk(digest, 0, len(photo))
    try:
        writer.write_pieces([photo[:700_000], photo[700_000:1_100_001]])
        assert writer.keep() == 1_100_001  # staged bytes are written and synced, not lost
    finally:
        writer.close()
    assert store.offset(digest) == 1_100_001
    rest = store.open_chunk(digest, 1_100_001, len(photo))  # unaligned: head via page cache
    try:
        rest.write_pieces([photo[1_100_001:]])
        assert rest.finish().complete
    finally:
        rest.close()
    assert store.final_path(digest).read_bytes() == photo


def test_abort_cuts_back_to_where_the_chunk_began(store):
    photo = os.urandom(3 * STAGE_BYTES)
    digest = hashlib.sha256(photo).hexdigest()
    _send(store, photo, [0, 10_000], random.Random(1))  # first chunk stored
    writer = store.open_chunk(digest, 10_000, len(photo))
    try:
        writer.write_pieces([photo[10_000 : 10_000 + 2 * STAGE_BYTES]])  # one block went direct
        writer.abort()
    finally:
        writer.close()
    assert store.offset(digest) == 10_000
    with pytest.raises(OffsetMismatch):  # nothing may run past the photo's end
        again = store.open_chunk(digest, 10_000, len(photo))
        try:
            again.write_pieces([photo[10_000:], b"x"])
        finally:
            again.close()
    assert store.offset(digest) == 10_000


def test_every_shard_folder_exists_once_the_store_opens(tmp_path):
    store = PhotoStore(tmp_path)
    shards = sorted(p.name for p in store.final_root.iterdir())
    assert shards == [f"{n:02x}" for n in range(256)]
