"""Words of the desk that come from codes: flags, review states, server refusals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sync.client.errors import Code, LocalCode, as_code
from sync.protocol import ErrorCode
from sync.review_protocol import FLAGS


def flag_text(flag: str) -> str:
    return {
        "far_from_outfall": QCoreApplication.translate(
            "ReviewTexts", "Recorded far from the outfall"
        ),
        "photo_inconsistent": QCoreApplication.translate(
            "ReviewTexts", "Photo time or place inconsistent"
        ),
        "poor_accuracy": QCoreApplication.translate("ReviewTexts", "Poor position accuracy"),
        "remediation_contradicted": QCoreApplication.translate(
            "ReviewTexts", "Remediation claimed but contradicted"
        ),
        "new_outfall": QCoreApplication.translate("ReviewTexts", "Newly discovered outfall"),
        "possible_duplicate": QCoreApplication.translate(
            "ReviewTexts", "Possible duplicate of an existing outfall"
        ),
    }.get(flag, flag)


def state_text(state: str | None) -> str:
    return {
        None: QCoreApplication.translate("ReviewTexts", "Awaiting review"),
        "pending": QCoreApplication.translate("ReviewTexts", "Awaiting review"),
        "approved": QCoreApplication.translate("ReviewTexts", "Approved"),
        "returned": QCoreApplication.translate("ReviewTexts", "Returned for correction"),
        "escalated": QCoreApplication.translate("ReviewTexts", "Escalated for enforcement"),
    }.get(state, state or "")


def refusal_text(code: Code | str, message: str) -> str:
    """The desk's words for a refusal; the server's own words for a code it does not word."""
    known: dict[Code, str] = {
        ErrorCode.RECORD_CHANGED: QCoreApplication.translate(
            "ReviewTexts",
            "This record changed since you opened it. It has been reloaded: look again and decide.",
        ),
        ErrorCode.PHOTOS_MISSING: QCoreApplication.translate(
            "ReviewTexts",
            "Some photos of this record have not arrived. Approve only with a reason.",
        ),
        ErrorCode.RECORD_FLAGGED: QCoreApplication.translate(
            "ReviewTexts", "Flagged records are decided one by one."
        ),
        ErrorCode.NOT_FOUND: QCoreApplication.translate(
            "ReviewTexts", "This record is not in your area (or no longer exists)."
        ),
        ErrorCode.ROLE_FORBIDDEN: QCoreApplication.translate(
            "ReviewTexts", "Only supervisors can decide."
        ),
        LocalCode.OFFLINE: QCoreApplication.translate(
            "ReviewTexts", "The server cannot be reached. Check the connection and try again."
        ),
        ErrorCode.NOT_PROVISIONAL: QCoreApplication.translate(
            "ReviewTexts", "This outfall is already in the ledger."
        ),
        ErrorCode.ALREADY_EXISTS: QCoreApplication.translate(
            "ReviewTexts", "Another outfall already has this code."
        ),
        ErrorCode.INVALID_CODE: QCoreApplication.translate(
            "ReviewTexts",
            "This national code breaks the code rule: only digits and capital letters, "
            "of the right length, starting with the division code of the outfall's county.",
        ),
        ErrorCode.PROPOSAL_STALE: QCoreApplication.translate(
            "ReviewTexts",
            "The ledger row changed since this was proposed: reject it, or have it proposed again.",
        ),
        ErrorCode.PROPOSAL_NOT_MERGEABLE: QCoreApplication.translate(
            "ReviewTexts", "Only a proposed new outfall can be merged into a registered one."
        ),
        ErrorCode.PROBLEM_NOT_ESCALATED: QCoreApplication.translate(
            "ReviewTexts", "This problem was not escalated: there is nothing to handle here."
        ),
    }
    known_code = as_code(code)
    return known[known_code] if known_code in known else (message or str(code))


def all_flag_texts() -> list[tuple[str, str]]:
    return [(f, flag_text(f)) for f in FLAGS]
