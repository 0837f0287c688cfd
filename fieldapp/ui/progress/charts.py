"""The progress view's two charts (Qt Charts, from PySide6-Addons): each county's share done for one
milestone against its target line, and the stage trend month by month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QResizeEvent

AHEAD = QColor("#2e7d32")  # met or on track
BEHIND = QColor("#c62828")  # behind or missed
LINE = QColor("#0d47a1")
# One colour per lifecycle state, in the lifecycle's order (a colour-blind-safe cycle).
STAGE_COLOURS = (
    "#9e9e9e", "#8d6e63", "#6a1b9a", "#ef6c00", "#1565c0",
    "#ad1457", "#00838f", "#2e7d32", "#558b2f", "#424242",
)  # fmt: skip


def _smaller_labels(*axes: QAbstractAxis) -> None:
    for axis in axes:
        font = QFont(axis.labelsFont())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        axis.setLabelsFont(font)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSizeF(font.pointSizeF() * 1.15)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(chart.margins() * 0)
    return chart


class CountyBars(QChartView):
    """Bars of each county's percentage done (green: met or on track, red: behind or missed) and
    the target line on the day; a click on a bar asks for the outfalls still to do there.

    One bar set whose behind bars are drawn in the selected colour: the counties (categories)
    stay the same from day to day, so a new day moves only bars and their labels, not the axis."""

    bar_clicked = Signal(int)  # the county's index in the last ``show`` call

    def __init__(self, done_label: str, line_label: str) -> None:
        super().__init__()
        self.setObjectName("countyBars")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.done = QBarSet(done_label)
        self.done.setColor(AHEAD)
        self.done.setSelectedColor(BEHIND)
        self.done.setLabelColor(QColor("#212121"))
        self.bars = QBarSeries()
        self.bars.append(self.done)
        self.bars.setBarWidth(0.6)
        self.bars.setLabelsVisible(True)
        self.bars.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.bars.setLabelsFormat("@value%")
        self.bars.clicked.connect(lambda index, _set: self.bar_clicked.emit(index))
        self.line = QLineSeries()
        self.line.setName(line_label)
        self.line.setPen(QPen(LINE, 3, Qt.PenStyle.DashLine))
        self.marks = QScatterSeries()
        self.marks.setColor(LINE)
        self.marks.setMarkerSize(10)
        chart = _chart("")
        chart.addSeries(self.bars)
        chart.addSeries(self.line)
        chart.addSeries(self.marks)
        chart.legend().markers(self.marks)[0].setVisible(False)
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setRange(0, 110)  # room above a full bar for its label
        self.y_axis.setLabelFormat("%d%%")
        # A label every 20% from 0 to 100: one every 10% had no height to be read at 150%
        # scaling, and Qt cut them all to "…".
        self.y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.y_axis.setTickAnchor(0)
        self.y_axis.setTickInterval(20)
        self.y_axis.setLabelsVisible(True)
        _smaller_labels(self.x_axis, self.y_axis)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.bars, self.line, self.marks):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.setChart(chart)

    def show_bars(
        self,
        title: str,
        names: Sequence[str],
        pcts: Sequence[float],
        ahead: Sequence[bool],
        expected: Sequence[float | None],
    ) -> None:
        if self.chart().title() != title:
            self.chart().setTitle(title)
        if self.x_axis.categories() != list(names):
            self.x_axis.clear()
            self.x_axis.append(list(names))
        values = [round(p, 1) for p in pcts]
        if self.done.count() != len(values):
            self.done.remove(0, self.done.count())
            self.done.append(values)
        else:
            for i, v in enumerate(values):
                if self.done.at(i) != v:
                    self.done.replace(i, v)
        behind = [i for i, a in enumerate(ahead) if not a]
        if sorted(self.done.selectedBars()) != behind:
            self.done.deselectAllBars()
            self.done.selectBars(behind)
        points = [QPointF(i, e) for i, e in enumerate(expected) if e is not None]
        self.line.replace(points)
        self.marks.replace(points)


_EPOCH = dt.date(1970, 1, 1)


def _msecs(day: dt.date) -> float:
    return float((day - _EPOCH).days * 86_400_000 + 43_200_000)  # noon UTC of the day


def _nice(top: float) -> float:
    """A round upper end for the count axis (1, 2 or 5 times a power of ten, above ``top``)."""
    step = 10.0
    while True:
        for m in (1, 2, 5):
            if step * m >= top * 1.05:
                return step * m
        step *= 10


class StageTrend(QChartView):
    """One line per lifecycle stage: how many outfalls stood there at each month's end."""

    def __init__(self, title: str, stages: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.setObjectName("stageTrend")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        chart = _chart(title)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("yyyy-MM")
        self.x_axis.setTickCount(5)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        _smaller_labels(self.x_axis, self.y_axis)
        # No labels until there are figures: an empty axis reads 1970-01 and 0, 0, 0, 1.
        self.x_axis.setLabelsVisible(False)
        self.y_axis.setLabelsVisible(False)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        # Ten stages: listed down the right side, where their names fit at any width.
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.series: dict[str, QLineSeries] = {}
        for i, (code, label) in enumerate(stages):
            line = QLineSeries()
            line.setName(label)
            line.setPen(QPen(QColor(STAGE_COLOURS[i % len(STAGE_COLOURS)]), 2.5))
            chart.addSeries(line)
            line.attachAxis(self.x_axis)
            line.attachAxis(self.y_axis)
            self.series[code] = line
        legend_font = QFont(chart.legend().font())
        legend_font.setPointSizeF(legend_font.pointSizeF() * 0.85)
        chart.legend().setFont(legend_font)
        self.setChart(chart)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # As many months on the axis as have room to be read whole ("2024-03", not "202…").
        width = self.chart().plotArea().width() or event.size().width() * 0.6
        self.x_axis.setTickCount(max(2, min(6, int(width // 95) + 1)))

    def show_trend(self, rows: Sequence[tuple[dt.date, dict[str, int]]]) -> None:
        top = 0
        for code, line in self.series.items():
            points = [QPointF(_msecs(day), counts.get(code, 0)) for day, counts in rows]
            line.replace(points)
            top = max([top, *(counts.get(code, 0) for _d, counts in rows)])
        self.x_axis.setLabelsVisible(bool(rows))
        self.y_axis.setLabelsVisible(bool(rows))
        if rows:
            self.x_axis.setRange(
                QDateTime.fromMSecsSinceEpoch(int(_msecs(rows[0][0]))),
                QDateTime.fromMSecsSinceEpoch(int(_msecs(rows[-1][0]))),
            )
        self.y_axis.setRange(0, _nice(top))
