"""Fixtures for the ledger window: a real demo profile on disk and a real session over it."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fieldapp.demo.cli import write_demo
from fieldapp.store import database
from fieldapp.ui.app import make_app
from fieldapp.ui.session import Session, open_session
from fieldapp.ui.settings import AppSettings


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "template.sqlite"
    write_demo(str(path), 400, seed=7)
    return path


@pytest.fixture
def profile(tmp_path: Path, demo_template: Path) -> Path:
    """A fresh copy of the demo profile for each test (tests write to it)."""
    import sqlite3

    path = tmp_path / "profile.sqlite"
    src = sqlite3.connect(demo_template)
    dst = sqlite3.connect(path)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return path


def _open(qtbot, profile: Path, lang: str) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    make_app(lang)
    settings = AppSettings(f"HekouTests-{os.getpid()}")
    settings.clear()
    session = open_session(profile, lang, actor="测试员", settings=settings)
    assert isinstance(session, Session), session
    qtbot.addWidget(session.window)
    session.window.resize(1366, 768)
    session.window.show()
    qtbot.waitExposed(session.window)
    yield session
    session.close()


@pytest.fixture
def en_session(qtbot, profile: Path) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    yield from _open(qtbot, profile, "en")


@pytest.fixture
def zh_session(qtbot, profile: Path) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    yield from _open(qtbot, profile, "zh_CN")


@pytest.fixture
def sign_in() -> Callable[[Session, str, list[str]], None]:
    """Sets the profile's account as after a sign-in with ``role`` over ``counties`` (no server
    is asked until the session's tool talks to it: it is out of reach)."""

    def sign_in(session: Session, role: str, counties: list[str]) -> None:
        with database.transaction(session.writer):
            session.writer.execute(
                "UPDATE sync_account SET server_url = 'http://127.0.0.1:9', username = 'boss',"
                " role = ?, counties = ?, device_id = 'd1', token = 't' WHERE id = 1",
                (role, json.dumps(counties)),
            )

    return sign_in


@pytest.fixture(scope="session")
def map_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo profile for the map and leads tests (made once, copied per test)."""
    path = tmp_path_factory.mktemp("map") / "template.sqlite"
    write_demo(str(path), 300, seed=11)
    database.open_profile(path).close()  # migrated to the current schema
    return path


@pytest.fixture
def map_profile(tmp_path: Path, map_template: Path) -> Path:
    path = tmp_path / "profile.sqlite"
    src, dst = sqlite3.connect(map_template), sqlite3.connect(path)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return path
