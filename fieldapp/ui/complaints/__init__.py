"""举报 (complaints) on the supervisor's desk: the list, a new complaint, its outcome and the
answer to the complainant (``ComplaintsPane``, a tab of the review desk). Catalog ``complaints``."""

from fieldapp.ui.complaints.pane import ComplaintsPane

__all__ = ["ComplaintsPane"]
