"""A problem found in an imported file, with the cell it came from, in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "flag"]
SEVERITY_ZH = {"error": "错误", "warning": "提示", "flag": "疑似重复"}


def column_letter(index: int) -> str:
    """Spreadsheet column letters of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    """``D17`` for 1-based row 17 and 0-based column 3."""
    return f"{column_letter(col)}{row}"


@dataclass(frozen=True)
class Issue:
    """One problem. ``row`` is the sheet's 1-based row (None: the whole file), ``col`` 0-based.

    ``error`` keeps the row (or, without a row, the file) out of the ledger; ``warning`` only
    says how a cell was read; ``flag`` marks a row held back as a look-alike of an outfall.
    """

    severity: Severity
    code: str
    zh: str
    en: str
    row: int | None = None
    col: int | None = None
    field: str | None = None
    header: str | None = None

    @property
    def cell(self) -> str:
        if self.row is not None and self.col is not None:
            return cell_ref(self.row, self.col)
        if self.row is not None:
            return f"第{self.row}行"
        return ""

    def message(self, lang: str = "zh") -> str:
        text = self.zh if lang.startswith("zh") else self.en
        where = self.cell
        if self.header:
            where = (
                f"{where}（{self.header}）" if lang.startswith("zh") else f"{where} ({self.header})"
            )
        sep = "：" if lang.startswith("zh") else ": "
        return f"{where}{sep}{text}" if where else text


class FileRejected(Exception):
    """The file cannot be read as a ledger at all (not a spreadsheet, too large, no header...)."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(i.en for i in issues))
        self.issues = issues

    def message(self, lang: str = "zh") -> str:
        return "\n".join(i.message(lang) for i in self.issues)
