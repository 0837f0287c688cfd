"""Colours of outfall types and lifecycle states on the map (high contrast, colour-blind aware)."""

from __future__ import annotations

from PySide6.QtGui import QColor

TYPE_COLOURS = {
    "industrial": "#c62828",
    "municipal_plant": "#1565c0",
    "agricultural": "#2e7d32",
    "other": "#ef6c00",
    "undetermined": "#6a1b9a",
}
STATE_COLOURS = {
    "surveyed": "#9e9e9e",
    "monitored": "#00838f",
    "traced": "#6a1b9a",
    "remediating": "#ef6c00",
    "accepted": "#1565c0",
    "retest": "#c62828",
    "pre_closed": "#827717",
    "closed": "#2e7d32",
    "routine": "#00695c",
    "retired": "#424242",
}
FALLBACK = ("#ad1457", "#4e342e", "#283593", "#558b2f", "#00838f", "#f9a825")


def colours_for(codes: list[str], known: dict[str, str]) -> list[QColor]:
    """One colour per code, in the order of ``codes`` (unknown codes get spare colours)."""
    out = []
    spare = 0
    for code in codes:
        if code in known:
            out.append(QColor(known[code]))
        else:
            out.append(QColor(FALLBACK[spare % len(FALLBACK)]))
            spare += 1
    return out


# The user's tasks: a blue flag, unlike any outfall colour; an overdue one red with a "!" (the
# shape and the mark say it as well as the colour, for colour-blind eyes and in sunlight).
TASK_COLOUR = "#0d47a1"
TASK_OVERDUE_COLOUR = "#b3261e"
