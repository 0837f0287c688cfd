"""The words and marks of 一口一策 that other windows show: the ledger's overdue marker, the
menu action, and the detail pane's plan section (a link opens the plan dialog)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from fieldapp.ui.labels import Labels
from sync.plan_protocol import PlanView

PLAN_LINK = "hekou:plan"  # the detail pane's link that opens the plan dialog
OVERDUE_COLOUR = "#b00020"


def overdue_mark() -> str:
    """Beside the route in the ledger, on an outfall whose plan is overdue."""
    return QCoreApplication.translate("PlanMarks", "⚠ plan overdue")


def action_text() -> str:
    return QCoreApplication.translate("PlanMarks", "Remediation plan (一口一策)…")


def action_tip() -> str:
    return QCoreApplication.translate(
        "PlanMarks", "The selected outfall's remediation plan: route, measures, milestones"
    )


def only_supervisors() -> str:
    return QCoreApplication.translate(
        "PlanMarks", "Only a supervisor of the outfall's county (or of the city) edits its plan."
    )


def section_html(plan: PlanView | None, labels: Labels) -> str:
    """The detail pane's 一口一策 section: the plan in brief, overdue in red, and the link."""
    title = escape(QCoreApplication.translate("PlanMarks", "Remediation plan (一口一策)"))
    if plan is None:
        body = escape(QCoreApplication.translate("PlanMarks", "No plan yet."))
        link = escape(QCoreApplication.translate("PlanMarks", "Open the plan"))
        return f"<h3>{title}</h3><p>{body} <a href='{PLAN_LINK}'>{link}</a></p>"
    done = sum(1 for m in plan.milestones if m.done)
    rows = [
        (
            QCoreApplication.translate("PlanMarks", "Route"),
            labels.vocab("remediation_route", plan.route),
        ),
        (
            QCoreApplication.translate("PlanMarks", "Responsible"),
            f"{plan.responsible_party} · {plan.department}",
        ),
        (
            QCoreApplication.translate("PlanMarks", "Deadline"),
            plan.deadline.isoformat() if plan.deadline else "—",
        ),
        (
            QCoreApplication.translate("PlanMarks", "Milestones done"),
            f"{done} / {len(plan.milestones)}",
        ),
    ]
    table = "".join(
        f"<tr><td style='padding-right:12px'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
        for k, v in rows
    )
    if plan.completed_on is not None:
        state = escape(
            QCoreApplication.translate("PlanMarks", "Completed on %1").replace(
                "%1", plan.completed_on.isoformat()
            )
        )
        flag = f"<p style='color:#1b5e20'><b>{state}</b></p>"
    elif plan.overdue:
        flag = f"<p style='color:{OVERDUE_COLOUR}'><b>{escape(overdue_mark())}</b></p>"
    else:
        flag = ""
    link = escape(QCoreApplication.translate("PlanMarks", "Open the plan"))
    return (
        f"<h3>{title}</h3>{flag}<table cellpadding='3'>{table}</table>"
        f"<p><a href='{PLAN_LINK}'>{link}</a></p>"
    )
