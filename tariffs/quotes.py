"""Find the passages inside quotation marks: double quotes, curly or straight, and single quotes used as such."""
from __future__ import annotations

import re
from dataclasses import dataclass

QUOTED = re.compile(
    r"[\"“](?P<double>[^\"“”]{2,}?)[\"”]"
    r"|(?<![\w’'])[‘'](?P<single>[^‘’'\n]*?(?:[’'](?=\w)[^‘’'\n]*?)*)[’'](?!\w)"
)


@dataclass(frozen=True, slots=True)
class Quote:
    """The words quoted (trimmed of closing punctuation) and the span of the whole quotation, marks included."""

    text: str
    start: int
    end: int

    @property
    def words(self) -> int:
        return len(self.text.split())


def find_quotes(text: str) -> list[Quote]:
    quotes = []
    for m in QUOTED.finditer(text):
        inner = (m.group("double") if m.group("double") is not None else m.group("single")).strip().rstrip(",.;:").strip()
        if len(inner) >= 2:
            quotes.append(Quote(inner, m.start(), m.end()))
    return quotes
