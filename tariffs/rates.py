"""Find percentages in a sentence: "15%", "15 percent", "15 per cent", "15 pct", "25-percent", "14 percentage points"."""
from __future__ import annotations

import re
from dataclasses import dataclass

PERCENT = re.compile(
    r"(?<![\w.])(?P<value>\d{1,3}(?:\.\d{1,2})?)(?:\s*%|[\s-]*(?:percent|per[\s-]cent|pct)\b|(?P<points>\s+percentage\s+points?\b))",
    re.IGNORECASE,
)
# "0.2 to 0.3 pct": the first figure of a range shares the unit of the second.
RANGE_HEAD = re.compile(r"(?<![\w.])(?P<value>\d{1,3}(?:\.\d{1,2})?)(?=\s*(?:to|-|–|or)\s*\d{1,3}(?:\.\d{1,2})?\s*(?:%|percent|per[\s-]cent|pct))", re.IGNORECASE)


@dataclass(frozen=True)
class RateMention:
    value: float
    start: int
    end: int
    points: bool = False


def find_rates(text: str) -> list[RateMention]:
    """Every percentage in `text`, left to right."""
    found = [RateMention(float(m.group("value")), m.start(), m.end(), bool(m.group("points"))) for m in PERCENT.finditer(text)]
    found += [RateMention(float(m.group("value")), m.start(), m.end()) for m in RANGE_HEAD.finditer(text)]
    return sorted(found, key=lambda r: r.start)
