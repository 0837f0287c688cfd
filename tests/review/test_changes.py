"""The "what changed" list of a revision speaks the form's words: ``sections.*`` paths become the
inspection form's labels (from the inspection rules data and the desk's catalog), answer codes
become words, in English and Chinese."""

from __future__ import annotations

from typing import Any

from fieldapp.inspection_data import load_rules
from fieldapp.ui.review.checklist import change_label, change_value, changes_html

RULES = load_rules()
CHANGES = [
    ("sections.notes", "", "已补设标志牌并补拍"),
    ("sections.sign_check.present", "no", "yes"),
    ("sections.appearance.colour", "clear", "milky"),
    ("sections.flow.method", None, "estimated"),
    ("sections.problems", [], [{"code": "unregistered_outfall", "note": "北岸"}]),
    ("sections.remediation.finding", None, "no_change"),
    ("position.lat", 32.0, 32.001),
    ("something.new", 1, 2),
]


def labels_of(qtbot: Any, lang: str) -> dict[str, str]:
    from fieldapp.ui.app import make_app
    from fieldapp.ui.review.record_panel import RecordPanel

    make_app(lang)
    try:
        panel = RecordPanel(RULES, lang)
        qtbot.addWidget(panel)
        return panel._labels()
    finally:
        make_app("en")  # the loop test reads English


def test_paths_become_the_forms_labels_and_codes_words(qtbot: Any) -> None:
    labels = labels_of(qtbot, "en")
    named = {path: change_label(path, RULES, "en", labels) for path, _b, _a in CHANGES}
    assert named["sections.notes"] == "Notes"
    assert named["sections.sign_check.present"] == "Sign (标志牌) · Sign present"
    assert named["sections.appearance.colour"] == "Colour"
    assert named["sections.flow.method"] == "Flow · method"
    assert named["sections.problems"] == "Problems found"
    assert named["sections.remediation.finding"] == "Remediation as claimed"
    assert named["position.lat"] == "Position"
    assert named["something.new"] == "something.new"  # unknown paths stay as they are
    assert change_value("sections.sign_check.present", "no", RULES, "en") == "No"
    assert change_value("sections.appearance.colour", "milky", RULES, "en") == "Milky"
    problems = [{"code": "unregistered_outfall", "note": "北岸"}]
    assert change_value("sections.problems", problems, RULES, "en") == (
        "New, unregistered outfall（北岸）"
    )
    assert change_value("sections.notes", "", RULES, "en") == "—"
    rows = changes_html(CHANGES, RULES, "en", labels)
    assert "sections." not in rows and "<td>Notes</td>" in rows


def test_the_list_speaks_chinese(qtbot: Any) -> None:
    labels = labels_of(qtbot, "zh_CN")
    rows = changes_html(CHANGES, RULES, "zh_CN", labels)
    assert "sections." not in rows
    for words in ("备注", "设有标志牌", "颜色", "乳白", "否", "是", "新发现未登记排污口"):
        assert words in rows, words
    assert change_label("sections.flow.method", RULES, "zh_CN", labels).endswith("方式")
