"""The durable sink (bench.floors) keeps what a photo upload keeps: every byte, under its hash."""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import os
from pathlib import Path
from types import ModuleType

import httpx
import pytest


@pytest.fixture
def floors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.setenv("HEKOU_BENCH_SINK_DIR", str(tmp_path))
    import bench.floors

    return importlib.reload(bench.floors)  # it reads its folder when imported


@pytest.mark.parametrize("size", [0, 1, 1024 * 1024 - 1, 3 * 1024 * 1024 + 17])
def test_the_body_is_kept_whole_under_its_sha256(
    floors: ModuleType, tmp_path: Path, size: int
) -> None:
    body = os.urandom(size)

    async def put() -> httpx.Response:
        transport = httpx.ASGITransport(app=floors.durable_sink)
        async with httpx.AsyncClient(transport=transport, base_url="http://sink") as client:
            return await client.put("/photo", content=body)

    answer = asyncio.run(put())
    digest = hashlib.sha256(body).hexdigest()
    assert answer.status_code == 200 and answer.text == digest
    assert (tmp_path / digest).read_bytes() == body
    assert not list(tmp_path.glob("*.part"))  # renamed into place, nothing half-written left
