"""What every builder shares: the candidate event, the lexicon's phrasings, the article's running state."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from .. import lexicon
from ..dates import DateMention
from ..mentions import Reading
from ..models import Agreement, Deadline, Meeting, Statement, Tariff


# How an event without a date of its own is dated by the resolve stage.
BY_MENTION, BY_SPEAKER, BY_NARRATIVE, UNDATED = "mention", "speaker", "narrative", "undated"


@dataclass
class Found:
    """A candidate event, with what the later stages need to date and merge it."""

    event: Meeting | Tariff | Statement | Agreement | Deadline
    reading: Reading
    mention: DateMention | None
    rule: str
    new_occasion: bool = False    # statements: opens a new occasion for its speaker
    detail: bool = False          # meetings: only adds detail to the meeting told before
    strength: int = 0             # 2 own date, 1 the narrative's, 0 the anchor's (set when resolved)
    reported: date | None = None  # the article's publication date (set when resolved)
    position: int = 0             # where in the sentence the event is told (its trigger)
    extra: dict = field(default_factory=dict)


@cache
def _rx(section: str, key: str, name: str = "events") -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in lexicon.load(name)[section][key])


@cache
def _one_rx(section: str, key: str, name: str = "events") -> re.Pattern[str]:
    """A lexicon list as one pattern: whether any of it matches, in one scan."""
    return re.compile("|".join(f"(?:{p})" for p in lexicon.load(name)[section][key]), re.IGNORECASE)


def _any(section: str, key: str, text: str, name: str = "events") -> bool:
    return _one_rx(section, key, name).search(text) is not None


def _spans(section: str, key: str, text: str, name: str = "events") -> list[tuple[int, int]]:
    """Every match of every pattern in a lexicon list (overlaps kept), after one scan says there are any."""
    if not _any(section, key, text, name):
        return []
    return sorted((m.start(), m.end()) for p in _rx(section, key, name) for m in p.finditer(text))



@dataclass
class Context:
    """What the article has said so far: who spoke, who was last named."""

    last_person: str | None = None
    last_speaker: str | None = None
    last_institution: str | None = None
    previous_people: tuple[str, ...] = ()


PRONOUN = re.compile(r"\b(?P<p>he|she|him|her|his|it|they)\b", re.IGNORECASE)

def _opening_date(reading: Reading) -> DateMention | None:
    """A date that opens the sentence ("On Thursday, ...", "May 23 — ...") governs all of it."""
    first = reading.dates[0] if reading.dates else None
    return first if first is not None and first.start <= 3 and not first.clause else None

