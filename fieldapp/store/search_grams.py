"""Search grams: the index that answers one- and two-character queries.

FTS5's trigram tokenizer cannot match fewer than three characters, and two-character place names
(通州, 如东, 海门) are what people type. Every distinct character and pair of adjacent characters
of an outfall's search text is stored as a token in a contentless FTS5 table, so a short query is
one doclist look-up instead of a scan of the whole ledger. Tokens are the gram's UTF-8 bytes in hex
behind a "g", so no tokenizer rule about punctuation or scripts can split or fold them.
"""

from __future__ import annotations

SQL_FUNCTION = "hekou_grams"
MAX_GRAM = 2


def token(gram: str) -> str:
    return "g" + gram.encode("utf-8").hex()


def grams_document(text: str | None) -> str:
    """The space-separated gram tokens of a search text (fields separated by whitespace)."""
    if not text:
        return ""
    grams: set[str] = set()
    for word in text.split():
        grams.update(word)
        grams.update(word[i : i + 2] for i in range(len(word) - 1))
    return " ".join(token(g) for g in sorted(grams))


def match_expression(terms: list[str]) -> str:
    """An FTS5 query matching rows that contain every one of the short terms."""
    return " AND ".join(token(t) for t in terms)
