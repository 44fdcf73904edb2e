"""Find-mentions stage: the dates, officials, rates and quotes of each sentence."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date

from .dates import DateMention, find_dates
from .officials import Mention, find_mentions
from .quotes import Quote, find_quotes, outside_quotes
from .rates import RateMention, find_rates
from .split import Sentence


# How many names back a role phrase or "the ministry" may point: a few paragraphs.
RECENT_NAMES = 40


@dataclass(frozen=True)
class Reading:
    """A sentence with everything the extractor found in it.

    `plain` is the sentence with quoted passages blanked out (same offsets), so
    that triggers and speakers are looked for in the reporter's words only.
    """

    sentence: Sentence
    plain: str
    dates: tuple[DateMention, ...]
    people: tuple[Mention, ...]
    rates: tuple[RateMention, ...]
    quotes: tuple[Quote, ...]

    @property
    def text(self) -> str:
        return self.sentence.text


def read_mentions(sentences: list[Sentence], on: date | None) -> list[Reading]:
    """Readings of an article's sentences in order; role phrases resolve against names seen earlier."""
    readings = []
    recent: deque[str] = deque(maxlen=RECENT_NAMES)
    for sentence in sentences:
        quotes = find_quotes(sentence.text)
        plain = outside_quotes(sentence.text, quotes)
        people = find_mentions(plain, on, tuple(recent))
        recent.extend(m.name for m in people if m.name)
        readings.append(Reading(sentence, plain, tuple(find_dates(plain)), tuple(people),
                                tuple(find_rates(sentence.text)), tuple(quotes)))
    return readings
