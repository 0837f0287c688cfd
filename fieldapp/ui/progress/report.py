"""The monthly progress report (考核进度月报) of a county or the city, as XLSX and as PDF.

Both carry the same figures as the view for the chosen day: each milestone per county against its
target line, outfalls by stage, overdue plans, signs and inspections, and the stage trend over the
last twelve months. The XLSX draws its charts with Excel's own (xlsxwriter), so they stay live in
the workbook; the PDF draws the view's Qt charts, in the bundled font so Chinese prints on a
machine without Chinese fonts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QWidget

from assessment.figures import AreaProgress, Progress, month_ends, summarise, trend
from assessment.rules import ProgressRules
from assessment.timeline import Cube
from fieldapp.ui.labels import Labels
from fieldapp.ui.progress.cells import short_county
from fieldapp.ui.progress.charts import CountyBars, StageTrend


def report_font_family() -> str | None:
    """The bundled Chinese font's family (``fieldapp.ui.fonts``), so the PDF prints Chinese on a
    machine without a Chinese font; None when the installation lacks it."""
    from fieldapp.ui.fonts import FontMissing, register_bundled_font

    try:
        return register_bundled_font()
    except FontMissing:
        return None


class MonthlyReport(QObject):
    """The report of ``county`` (None: the city) on ``as_of``."""

    def __init__(
        self, cube: Cube, rules: ProgressRules, labels: Labels, as_of: dt.date, county: str | None
    ) -> None:
        super().__init__()
        self.cube = cube
        self.rules = rules
        self.labels = labels
        self.as_of = as_of
        self.county = county
        self.progress: Progress = summarise(cube, rules, as_of)
        counties = sorted(self.progress.counties)
        self.counties = counties if county is None else [c for c in counties if c == county]
        self.area: AreaProgress = (
            self.progress.area if county is None else self.progress.counties[county]
        )
        first = max(
            dt.date.fromordinal(cube.first_day or as_of.toordinal()), as_of - dt.timedelta(days=365)
        )
        self.trend = trend(cube, month_ends(first, as_of), None if county is None else [county])

    # -- words ------------------------------------------------------------------------------
    def title(self) -> str:
        where = self.labels.county(self.county) if self.county else self.tr("Nantong")
        return (
            self.tr("%1: monthly progress report on outfall remediation, %2")
            .replace("%1", where)
            .replace("%2", f"{self.as_of.year}-{self.as_of.month:02d}")
        )

    def status_text(self, status: str) -> str:
        return {
            "met": self.tr("Met"),
            "on_track": self.tr("On track"),
            "behind": self.tr("Behind"),
            "missed": self.tr("Missed"),
            "before_start": self.tr("Not yet set"),
            "no_outfalls": self.tr("No outfalls"),
        }[status]

    def milestone_rows(self) -> list[list[Any]]:
        """One row per (milestone, county) and the area's total per milestone."""
        rows: list[list[Any]] = []
        areas: list[tuple[str | None, AreaProgress]] = [
            (c, self.progress.counties[c]) for c in self.counties
        ]
        if self.county is None:
            areas.append((None, self.progress.area))
        for i, m in enumerate(self.rules.milestones):
            for c, a in areas:
                r = a.milestones[i]
                rows.append([
                    m.label(self.labels.lang), m.deadline.isoformat(), f"{m.target_pct}%",
                    self.labels.county(c) if c else self.tr("City total"),
                    r.in_scope, r.done, _ratio(r.done, r.in_scope),
                    None if r.expected is None else float(r.expected) / 100,
                    self.status_text(r.status), r.short,
                ])  # fmt: skip
        return rows

    def milestone_header(self) -> list[str]:
        return [self.tr("Milestone"), self.tr("Deadline"), self.tr("Target"), self.tr("County"),
                self.tr("In scope"), self.tr("Done"), self.tr("Done %"), self.tr("Target line"),
                self.tr("Status"), self.tr("Still to do")]  # fmt: skip

    def stage_rows(self) -> list[list[Any]]:
        states = [s.code for s in self.labels.ref.states]
        areas: list[tuple[str | None, AreaProgress]] = [
            (c, self.progress.counties[c]) for c in self.counties
        ]
        if self.county is None:
            areas.append((None, self.progress.area))
        return [
            [self.labels.county(c) if c else self.tr("City total"), a.total,
             *(a.by_state.get(s, 0) for s in states), a.overdue, a.sign_standard, a.sign_total,
             a.inspected, a.due]
            for c, a in areas
        ]  # fmt: skip

    def stage_header(self) -> list[str]:
        return [
            self.tr("County"), self.tr("Known"),
            *(self.labels.state(s.code) for s in self.labels.ref.states),
            self.tr("Remediation overdue"), self.tr("Signs standard"), self.tr("Signs due"),
            self.tr("Inspected"), self.tr("Due for inspection"),
        ]  # fmt: skip

    # -- XLSX -------------------------------------------------------------------------------
    def write_xlsx(self, path: str | Path) -> None:
        import xlsxwriter  # imported when a report is made: the app does not need it to start

        book = xlsxwriter.Workbook(str(path))
        try:
            self._xlsx(book)
        finally:
            book.close()

    def _xlsx(self, book: Any) -> None:
        # Excel draws with the reader's fonts: name the one every Chinese Office has (宋体).
        font = "宋体"
        bold = book.add_format({"bold": True, "font_name": font, "font_size": 14})
        head = book.add_format({"bold": True, "font_name": font, "bg_color": "#DDEBF7", "border": 1,
                                "text_wrap": True, "valign": "vcenter"})  # fmt: skip
        cell = book.add_format({"font_name": font, "border": 1})
        pct = book.add_format({"font_name": font, "border": 1, "num_format": "0.0%"})
        sheet = book.add_worksheet(self.tr("Milestones"))
        sheet.write(0, 0, self.title(), bold)
        sheet.write(1, 0, self.tr("As of %1").replace("%1", self.as_of.isoformat()), cell)
        header = self.milestone_header()
        sheet.write_row(3, 0, header, head)
        rows = self.milestone_rows()
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                fmt = pct if j in (6, 7) else cell
                if value is None:
                    sheet.write_blank(4 + i, j, None, fmt)
                else:
                    sheet.write(4 + i, j, value, fmt)
        sheet.set_column(0, 0, 34)
        sheet.set_column(1, 3, 12)
        sheet.set_column(4, 9, 10)
        # One chart per milestone: each county's share done against the target line.
        per = len(self.counties) + (1 if self.county is None else 0)
        anchor = 5 + len(rows)
        for i, m in enumerate(self.rules.milestones):
            first, last = 4 + i * per, 4 + i * per + len(self.counties) - 1
            chart = book.add_chart({"type": "column"})
            chart.add_series({"name": self.tr("Done %"), "categories": [sheet.name, first, 3, last, 3],
                              "values": [sheet.name, first, 6, last, 6], "fill": {"color": "#2E7D32"},
                              "data_labels": {"value": True, "num_format": "0%"}})  # fmt: skip
            line = book.add_chart({"type": "line"})
            line.add_series({"name": self.tr("Target line"), "categories": [sheet.name, first, 3, last, 3],
                             "values": [sheet.name, first, 7, last, 7],
                             "line": {"color": "#0D47A1", "dash_type": "dash", "width": 2.25}})  # fmt: skip
            chart.combine(line)
            chart.set_title(
                {"name": m.label(self.labels.lang), "name_font": {"name": font, "size": 11}}
            )
            chart.set_y_axis({"min": 0, "max": 1, "num_format": "0%"})
            chart.set_x_axis({"num_font": {"name": font}})
            chart.set_legend({"position": "bottom", "font": {"name": font}})
            chart.set_size({"width": 620, "height": 300})
            sheet.insert_chart(anchor + (i // 2) * 16, (i % 2) * 6, chart)

        stages = book.add_worksheet(self.tr("Stages"))
        stages.write(0, 0, self.title(), bold)
        stages.write_row(2, 0, self.stage_header(), head)
        for i, row in enumerate(self.stage_rows()):
            stages.write_row(3 + i, 0, row, cell)
        stages.set_column(0, 0, 14)
        stages.set_column(1, 30, 11)

        trend_sheet = book.add_worksheet(self.tr("Trend"))
        states = [s.code for s in self.labels.ref.states]
        trend_sheet.write(0, 0, self.tr("Outfalls by stage, month by month"), bold)
        trend_sheet.write_row(
            2, 0, [self.tr("Month end"), *(self.labels.state(s) for s in states)], head
        )
        for i, (day, counts) in enumerate(self.trend):
            trend_sheet.write(3 + i, 0, day.isoformat(), cell)
            trend_sheet.write_row(3 + i, 1, [counts.get(s, 0) for s in states], cell)
        chart = book.add_chart({"type": "line"})
        last = 3 + len(self.trend) - 1
        for j in range(len(states)):
            chart.add_series({"name": [trend_sheet.name, 2, 1 + j], "categories": [trend_sheet.name, 3, 0, last, 0],
                              "values": [trend_sheet.name, 3, 1 + j, last, 1 + j]})  # fmt: skip
        chart.set_title(
            {"name": self.tr("Outfalls by stage, month by month"), "name_font": {"name": font}}
        )
        chart.set_legend({"position": "bottom", "font": {"name": font}})
        chart.set_size({"width": 900, "height": 380})
        trend_sheet.insert_chart(5 + len(self.trend), 0, chart)
        trend_sheet.set_column(0, 0, 12)

    # -- PDF --------------------------------------------------------------------------------
    def write_pdf(self, path: str | Path) -> None:
        writer = QPdfWriter(str(path))
        writer.setTitle(self.title())
        writer.setCreator("Hekou")
        writer.setResolution(150)
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                        QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
        )  # fmt: skip
        painter = QPainter(writer)
        try:
            self._pdf(painter, writer)
        finally:
            painter.end()

    def _font(self, points: float, bold: bool = False) -> QFont:
        family = report_font_family()
        font = QFont(family) if family else QFont()
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def _pdf(self, painter: QPainter, writer: QPdfWriter) -> None:
        page = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        page.moveTo(0, 0)
        y = self._heading(painter, page)
        y = self._table(painter, writer, page, y, self.milestone_header(), [
            [*r[:6], "" if r[6] is None else f"{r[6] * 100:.1f}%",
             "—" if r[7] is None else f"{r[7] * 100:.1f}%", r[8], r[9]]
            for r in self.milestone_rows()
        ], first_width=0.28)  # fmt: skip
        charts = [self._bars_view(i) for i in range(len(self.rules.milestones))]
        for i, view in enumerate(charts):
            if i % 2 == 0:
                writer.newPage()
                y = self._heading(painter, page)
            rect = QRectF(page.left(), y, page.width(), (page.bottom() - y - 10) / (2 - i % 2))
            if i % 2 == 0:
                rect.setHeight((page.bottom() - y) / 2 - 10)
            else:
                rect = QRectF(
                    page.left(),
                    y + (page.bottom() - y) / 2,
                    page.width(),
                    (page.bottom() - y) / 2 - 10,
                )
            view.render(painter, rect)
            view.close()
        writer.newPage()
        y = self._heading(painter, page)
        y = self._table(
            painter, writer, page, y, self.stage_header(), self.stage_rows(), first_width=0.08
        )
        trend_view = StageTrend(
            self.tr("Outfalls by stage, month by month"),
            [(s.code, self.labels.state(s.code)) for s in self.labels.ref.states],
        )
        self._style(trend_view)
        trend_view.show_trend(self.trend)
        _lay_out(trend_view, 1400, 560)
        trend_view.render(
            painter, QRectF(page.left(), y + 10, page.width(), page.bottom() - y - 10)
        )
        trend_view.close()

    def _style(self, view: Any) -> None:
        chart = view.chart()
        chart.setTitleFont(self._font(12, True))
        chart.legend().setFont(self._font(9))
        for axis in chart.axes():
            axis.setLabelsFont(self._font(9))

    def _bars_view(self, i: int) -> CountyBars:
        m = self.rules.milestones[i]
        view = CountyBars(self.tr("Done (red: behind)"), self.tr("Target line on the day"))
        self._style(view)
        results = [self.progress.counties[c].milestones[i] for c in self.counties]
        view.show_bars(
            self.tr("%1 · target %2% by %3")
            .replace("%1", m.label(self.labels.lang))
            .replace("%2", str(m.target_pct))
            .replace("%3", m.deadline.isoformat()),
            [short_county(self.labels.county(c)) for c in self.counties],
            [float(r.pct) for r in results],
            [r.status in ("met", "on_track") for r in results],
            [None if r.expected is None else float(r.expected) for r in results],
        )
        _lay_out(view, 1400, 520)
        return view

    def _heading(self, painter: QPainter, page: QRectF) -> float:
        painter.setPen(QColor("#000000"))
        painter.setFont(self._font(16, True))
        painter.drawText(
            QRectF(page.left(), page.top(), page.width(), 56),
            Qt.AlignmentFlag.AlignLeft,
            self.title(),
        )
        painter.setFont(self._font(9))
        painter.drawText(
            QRectF(page.left(), page.top() + 58, page.width(), 26), Qt.AlignmentFlag.AlignLeft,
            self.tr("As of %1 · milestones %2 · figures from what this device holds")
            .replace("%1", self.as_of.isoformat()).replace("%2", self.rules.version),
        )  # fmt: skip
        return page.top() + 92

    def _table(
        self, painter: QPainter, writer: QPdfWriter, page: QRectF, y: float, header: list[str],
        rows: list[list[Any]], first_width: float,
    ) -> float:  # fmt: skip
        n = len(header)
        widths = [page.width() * first_width] + [page.width() * (1 - first_width) / (n - 1)] * (
            n - 1
        )
        row_h = 24.0

        def draw_header(y: float) -> float:
            painter.setFont(self._font(7.5, True))
            x = page.left()
            painter.fillRect(QRectF(page.left(), y, page.width(), row_h * 3), QColor("#DDEBF7"))
            for w, text in zip(widths, header, strict=True):
                flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
                painter.drawText(QRectF(x + 2, y, w - 4, row_h * 3), flags, text)
                x += w
            painter.setFont(self._font(7.5))
            return y + row_h * 3

        y = draw_header(y)
        painter.setPen(QPen(QColor("#000000")))
        for row in rows:
            if y + row_h > page.bottom():
                writer.newPage()
                y = draw_header(self._heading(painter, page))
            x = page.left()
            for j, (w, value) in enumerate(zip(widths, row, strict=True)):
                align = Qt.AlignmentFlag.AlignLeft if j == 0 else Qt.AlignmentFlag.AlignRight
                painter.drawText(
                    QRectF(x + 3, y, w - 6, row_h),
                    align | Qt.AlignmentFlag.AlignVCenter,
                    str(value),
                )
                x += w
            painter.drawLine(int(page.left()), int(y + row_h), int(page.right()), int(y + row_h))
            y += row_h
        return y + 8


def _lay_out(view: QWidget, width: int, height: int) -> None:
    """Lays a chart view out at its printed size without showing it on screen: a chart lays
    itself out only in a shown view."""
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.resize(width, height)
    view.show()
    QCoreApplication.processEvents()


def _ratio(done: int, total: int) -> float | None:
    return None if not total else done / total
