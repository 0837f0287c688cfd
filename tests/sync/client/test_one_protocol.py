"""No error code or refusal reason is written as a literal outside the enums that hold them
(``sync.protocol.ErrorCode`` / ``Reason``, ``sync.client.errors.LocalCode`` / ``LocalReason``):
the device's sync and the app compare and raise codes through those enums only."""

from __future__ import annotations

import ast
from pathlib import Path

from sync.client.errors import LocalCode, LocalReason
from sync.protocol import ErrorCode, Reason

ROOT = Path(__file__).resolve().parents[3]
SCANNED = ("sync/client", "fieldapp/ui")
HOME = {"sync/client/errors.py"}  # where the local codes and their words live
CODES = {m.value for kind in (ErrorCode, Reason, LocalCode, LocalReason) for m in kind}
# Calls whose first argument is a code or a reason.
TAKES_A_CODE = {"SyncError", "DeskError", "LedgerUploadError", "record_error", "message",
                "reason_text", "refusal_text"}  # fmt: skip
# Names that hold a code or a reason when compared.
HOLDS_A_CODE = ("code", "last_error", "reason")


def _strings(node: ast.AST) -> list[str]:
    """The string constants of an expression that is a string or a tuple/list/set of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [s for item in node.elts for s in _strings(item)]
    return []


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            found.add(id(body[0].value))
    return found


def literal_codes(source: str) -> list[tuple[int, str]]:
    """Where a source names an error code or reason by a literal: any literal equal to a code
    of more than one word, and a one-word code where a code is expected (raised, worded, or
    compared with something called ``code``, ``reason`` or ``last_error``)."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    hits: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            if node.value in CODES and "_" in node.value:
                hits.append((node.lineno, node.value))
        elif isinstance(node, ast.Call) and _name(node.func) in TAKES_A_CODE and node.args:
            hits += [(node.lineno, s) for s in _strings(node.args[0]) if s in CODES]
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_name(side).endswith(HOLDS_A_CODE) for side in sides):
                for side in sides:
                    hits += [(node.lineno, s) for s in _strings(side) if s in CODES]
    return sorted(set(hits))


def test_no_literal_error_code_outside_the_enums() -> None:
    found = []
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative in HOME:
                continue
            found += [
                f"{relative}:{line}: {code!r}" for line, code in literal_codes(path.read_text())
            ]
    assert found == [], "codes written as literals:\n" + "\n".join(found)


def test_the_scan_finds_each_way_a_literal_code_is_written() -> None:
    source = '''
def f(error, s):
    """A docstring may name "photos_missing"."""
    raise SyncError("offline", "x")
    if error.code == "storage" or s.last_error in ("refused", "cancelled"):
        note = ("later_edit_elsewhere", 1)
    return "refused" if s.state == "refused" else "unknown"
'''
    assert literal_codes(source) == [
        (4, "offline"), (5, "cancelled"), (5, "refused"), (5, "storage"),
        (6, "later_edit_elsewhere"),
    ]  # fmt: skip


def test_local_codes_and_reasons_are_not_the_servers() -> None:
    assert not {c.value for c in LocalCode} & {c.value for c in ErrorCode}
    assert not {r.value for r in LocalReason} & {r.value for r in Reason}
