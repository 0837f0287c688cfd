"""Every error code and refusal reason the sync client can receive has words in both languages;
a code it does not know is reported as unknown (with the code), never as "server busy"; the
server address is accepted as people type it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.client import RetryPolicy, SyncEngine
from sync.client.address import normalize_server_url
from sync.client.engine import server_error
from sync.client.errors import (
    MESSAGES,
    REASONS,
    LocalCode,
    LocalReason,
    SyncError,
    message,
    reason_text,
)
from sync.client.state import account as sync_account
from sync.protocol import INSTALL_HEADER, ErrorCode, Reason


@pytest.mark.parametrize("code", [*ErrorCode, *LocalCode])
def test_every_error_code_has_words_in_both_languages(code: str) -> None:
    assert code in MESSAGES, f"no message for error code {code}"
    zh, en = message(code, "zh_CN"), message(code, "en")
    assert zh and en and zh != en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)
    assert SyncError(code).code == code


@pytest.mark.parametrize("reason", [*Reason, *LocalReason])
def test_every_refusal_reason_has_words_in_both_languages(reason: str) -> None:
    assert reason in REASONS, f"no words for refusal reason {reason}"
    zh, en = reason_text(reason, "zh_CN"), reason_text(reason, "en")
    assert zh and en and zh != en and reason not in zh and reason not in en


def test_an_unknown_code_is_reported_as_unknown_not_busy() -> None:
    error = SyncError("quota_exceeded", "detail")
    assert error.code == "unknown"
    assert "quota_exceeded" in error.message("en") and "busy" not in error.message("en")
    assert "quota_exceeded" in error.message("zh_CN") and "繁忙" not in error.message("zh_CN")
    assert "quota_exceeded" in message("quota_exceeded", "en")
    assert "quota_exceeded" in reason_text("quota_exceeded", "en")
    assert "不认识" in reason_text("quota_exceeded", "zh_CN")


def _engine_answering(status: int, body: dict[str, Any]) -> SyncEngine:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body, headers={"x-request-id": "r" * 32})

    engine = SyncEngine(
        lambda fn: fn(None),
        None,  # type: ignore[arg-type]  # no photos: the request is all this test makes
        transport=httpx.MockTransport(answer),
        retry=RetryPolicy(base_s=0.001, cap_s=0.001, attempts=2),
    )
    return engine


def test_a_server_code_the_app_does_not_know_is_reported_with_its_code() -> None:
    engine = _engine_answering(409, {"error": {"code": "quota_exceeded", "message": "full"}})
    with engine._client("http://127.0.0.1:1") as client:
        response = engine._request(client, "POST", "/v1/push")
    error = server_error(response)
    assert error.code == LocalCode.UNKNOWN and "quota_exceeded" in error.message("en")
    assert "busy" not in error.message("en") and "繁忙" not in error.message("zh_CN")


def test_an_internal_error_of_the_server_is_said_with_its_request_id_after_retries() -> None:
    body = {"error": {"code": "internal_error", "message": "bug", "request_id": "r" * 32}}
    engine = _engine_answering(500, body)
    with engine._client("http://127.0.0.1:1") as client, pytest.raises(SyncError) as caught:
        engine._request(client, "GET", "/v1/pull")
    assert caught.value.code == ErrorCode.INTERNAL_ERROR
    assert f"(request id {'r' * 32})" in caught.value.message("en")
    assert "请求编号" in caught.value.message("zh_CN")


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("hekou.example.cn:8750", "https://hekou.example.cn:8750"),
        ("  10.0.0.5:8750/ ", "https://10.0.0.5:8750"),
        ("http://127.0.0.1:8750", "http://127.0.0.1:8750"),
        ("HTTPS://Hekou.example.cn", "https://hekou.example.cn"),
        ("https://gw.example.cn/hekou/", "https://gw.example.cn/hekou"),
        ("[::1]:8750", "https://[::1]:8750"),
    ],
)
def test_addresses_as_typed(typed: str, url: str) -> None:
    assert normalize_server_url(typed) == url


@pytest.mark.parametrize(
    "typed", ["", "   ", "host:99999", "host:port", "ftp://host", "http://", "a b:80", "h?x=1"]
)
def test_bad_addresses_are_refused_clearly(typed: str) -> None:
    with pytest.raises(SyncError) as refused:
        normalize_server_url(typed)
    assert refused.value.code == "bad_address"
    assert "例如" in refused.value.message("zh_CN")


@given(st.text(max_size=40))
def test_any_text_gives_a_url_or_bad_address(typed: str) -> None:
    try:
        url = normalize_server_url(typed)
    except SyncError as error:
        assert error.code == "bad_address"
    else:
        assert url.startswith(("http://", "https://"))
        assert normalize_server_url(url) == url


def test_a_servers_refusal_quotes_its_request_id_in_both_languages(
    sqlite_server: Any, profile_template: Path, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    """The id the server logged a request under reaches the user, to quote to the bureau; a
    wrong password needs none."""
    world = sync_world_tools.World(sqlite_server, profile_template, schedule_tmp, 2)
    try:
        device = world.device("laptop", "inspector")
        account = device.db(sync_account.account)
        with pytest.raises(SyncError) as caught:
            device.engine().login(account.server_url, account.username, "not the password", "x")
        assert caught.value.code == "login_failed" and len(caught.value.request_id) == 32
        assert caught.value.message("en") == "Wrong user name or password."
        answer = httpx.post(
            sqlite_server.url + "/v1/photos/missing",
            json={"sha256s": "not a list"},
            headers={
                "Authorization": f"Bearer {account.token}",
                INSTALL_HEADER: account.install_id,
            },
        )
        error = server_error(answer)
        assert (
            error.code == "invalid_request" and error.request_id == answer.headers["x-request-id"]
        )
        assert f"(request id {error.request_id})" in error.message("en")
        assert f"（请求编号 {error.request_id}）" in error.message("zh_CN")
    finally:
        world.close()
