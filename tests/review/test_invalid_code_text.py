"""The desk's refusal of a national code that breaks the rule reads in the supervisor's language,
and the device's sync panel has words for the push reason too."""

from __future__ import annotations

import pytest

from fieldapp.ui.app import make_app
from fieldapp.ui.review.texts import refusal_text
from sync.client.errors import reason_text
from sync.protocol import ErrorCode, Reason


@pytest.mark.parametrize(("lang", "words"), [("en", "code rule"), ("zh_CN", "国家编码")])
def test_invalid_code_is_explained(qtbot, lang: str, words: str) -> None:  # type: ignore[no-untyped-def]
    make_app(lang)
    server_message = "the national code breaks the code rule: wrong_division"
    shown = refusal_text(ErrorCode.INVALID_CODE.value, server_message)
    assert words in shown and "wrong_division" not in shown
    assert words in reason_text(Reason.INVALID_CODE.value, lang)
