"""Find the words inside quotation marks, and what lies outside them."""
from __future__ import annotations

import re
from dataclasses import dataclass

QUOTED = re.compile(r"[\"“](?P<text>[^\"“”]{2,}?)[\"”]")


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages (straight or curly double quotes), trimmed of their closing punctuation."""
    return [Quote(m.group("text").strip().rstrip(",.;:").strip(), m.start(), m.end()) for m in QUOTED.finditer(text)]


def outside_quotes(text: str, quotes: list[Quote]) -> str:
    """The sentence with quoted passages blanked out, same length, so offsets still hold."""
    chars = list(text)
    for quote in quotes:
        for i in range(quote.start, quote.end):
            chars[i] = " "
    return "".join(chars)
