"""The stage trend before its figures arrive (a big ledger is counted for seconds): no axis
labels, which would read 1970-01 and 0, 0, 0, 1; with figures, the months and counts."""

from __future__ import annotations

import datetime as dt

from fieldapp.ui.progress.charts import StageTrend


def test_an_empty_trend_shows_no_axis_labels_until_it_has_figures(qtbot) -> None:  # type: ignore[no-untyped-def]
    trend = StageTrend("各阶段排污口数量（逐月）", [("surveyed", "已排查"), ("traced", "已溯源")])
    qtbot.addWidget(trend)
    assert not trend.x_axis.labelsVisible() and not trend.y_axis.labelsVisible()
    trend.show_trend(
        [(dt.date(2024, 1, 31), {"surveyed": 5}), (dt.date(2024, 2, 29), {"traced": 9})]
    )
    assert trend.x_axis.labelsVisible() and trend.y_axis.labelsVisible()
    assert trend.x_axis.min().date().year() == 2024
    trend.show_trend([])
    assert not trend.x_axis.labelsVisible()
