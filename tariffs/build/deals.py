"""Agreements both sides reached or expect, and the deadlines a pause runs to."""
from __future__ import annotations

import re

from ..dates import DateMention
from ..mentions import Reading
from ..models import Agreement, Deadline
from .common import BY_MENTION, BY_NARRATIVE, Found, _any, _opening_date, _spans


def agreements_in(reading: Reading) -> list[Found]:
    """Deals and settlements both sides reached or are expected to reach, when the text dates them."""
    text = reading.plain
    if _any("agreement", "negated", text):
        return []
    for status in ("reached", "expected"):
        spans = _spans("agreement", status, text)
        if not spans:
            continue
        start, end = spans[0]
        governing = _agreement_date(reading, start, end)
        if status == "reached" and not re.search(r"\b(?:two sides|both sides|two countries|two governments|two leaders|the two|Japan and the (?:United States|U\.S\.)|U\.S\. and Japan|\band\b|deal|agreement)\b", text[:end], re.IGNORECASE):
            continue
        if governing is None and status == "expected":
            continue
        event = Agreement(status=status, parties=["JP", "US"])
        return [Found(event, reading, governing, BY_MENTION if governing else BY_NARRATIVE, position=start)]
    return []


def _agreement_date(reading: Reading, start: int, end: int) -> DateMention | None:
    """The day of a deal: a date right by its verb ("agreed on Thursday", "agreed in late July", "on Monday agreed"),
    not the day of what was agreed ("agreed to hold talks in mid-June")."""
    text = reading.plain
    for mention in reading.dates:
        if mention.prep == "since":
            continue
        if mention.start >= end and (len(text[end:mention.start].split()) <= 2
                                     or re.fullmatch(r"\s+by\s+(?:the\s+)?(?:\w+\s+){1,4}", text[end:mention.start])):
            return mention  # "agreed in late July", "reached by the two countries last month"
        if mention.end <= start and len(text[mention.end:start].split()) <= 3 and "," not in text[mention.end:start]:
            return mention
    clause = [m for m in reading.dates if m.clause and m.end <= start]
    return clause[-1] if clause else _opening_date(reading)


def deadlines_in(reading: Reading) -> list[Found]:
    """Dates by which a pause ends or a decision is due."""
    text = reading.plain
    cues = _spans("deadline", "cues", text)
    if not cues:
        return []
    results = []
    for mention in reading.dates:
        if mention.prep == "since":
            continue
        near = any(cs - 60 <= mention.start <= ce + 60 for cs, ce in cues)
        if not near:
            continue
        attached = mention.prep in ("until", "till", "by") or re.match(r"['’]s\s+deadline", text[mention.end:]) \
            or re.search(r"\b(?:expire|return|deadline|expires|end)\s+(?:on\s+)?$", text[:mention.start]) \
            or re.search(r"\bdeadline\s+(?:of|on)\s+$", text[:mention.start])
        if not attached:
            continue
        what = _deadline_what(text)
        results.append(Found(Deadline(what=what), reading, mention, BY_MENTION, position=mention.start))
    return results[:2]


def _deadline_what(text: str) -> str:
    lowered = text.lower()
    if re.search(r"paus|suspen|on hold|reprieve", lowered):
        return "end of the pause on country-specific tariffs"
    if "deadline" in lowered:
        found = re.search(r"deadline (?:for|on|to) ([^,.;]{3,60})", text)
        return f"deadline for {found.group(1).strip()}" if found else "deadline"
    return "deadline"
