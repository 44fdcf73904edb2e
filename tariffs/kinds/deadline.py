"""Deadlines: a day by which something must happen, ends or starts; always with a date of its own."""
from __future__ import annotations

from .. import modality
from ..events import Candidate, Trigger
from ..mentions import Reading
from ..modality import PAST
from ..slots import candidate, hits_in

# How far before "until" the pause it ends may stand.
PAUSE_REACH = 12


def deadlines(reading: Reading, trigger: Trigger) -> list[Candidate]:
    # "until", "by", "before": the clause's verb carries the tense; "expires", "takes effect" carry their own
    function_word = bool(trigger.spec.get("function_word"))
    mood = modality.read(reading, trigger.clause, trigger.first, trigger.last, trigger.noun or function_word)
    if mood.negated:
        return []  # a condition does not undo a deadline: "if they enter before Oct. 5" still names the day
    needs = trigger.spec.get("needs")
    timex = None
    if needs in ("pause_before", "tariff_ahead", "goods_before", "obligation_before"):
        timex = _date_after(reading, trigger)
        if timex is None or not _context(reading, trigger, needs, mood):
            return []
    fields = {"what": _topic(reading)}
    found = candidate(reading, trigger, fields, mood)
    found.timex = timex
    return [found]


def _date_after(reading: Reading, trigger: Trigger):
    """The date right after the trigger ("until July 9", "expires on 9 July", "take effect Thursday")."""
    for n, (first, _) in enumerate(reading.timex_tokens):
        if trigger.last <= first <= trigger.last + 2 and trigger.clause.owns(first):
            return reading.timexes[n]
    return None


def _context(reading: Reading, trigger: Trigger, needs: str | None, mood) -> bool:
    if needs in ("pause_before", "obligation_before"):
        words = "deadline:pauses" if needs == "pause_before" else "deadline:obligations"
        scope = [trigger.clause] + ([reading.clauses[trigger.clause.parent]] if trigger.clause.parent is not None else [])
        return any(trigger.first - PAUSE_REACH <= h.first < trigger.first for c in scope for h in hits_in(reading, words, c))
    if needs == "tariff_ahead":
        tariff_words = hits_in(reading, "tariff:tariff_nouns") + hits_in(reading, "tariff:rate_nouns")
        return mood.tense != PAST and not mood.perfect and bool(tariff_words or reading.rates)
    if needs == "goods_before":
        words = {"enter", "entered", "entering", "arrive", "arriving", "loaded", "shipped", "cleared", "in transit"}
        return any(reading.tokens[i].key in words for i in trigger.clause.own() if i < trigger.first)
    return True


def _topic(reading: Reading) -> str:
    topics = [h.value for h in hits_in(reading, "deadline:topics")]
    if topics:  # the most told topic, the first told among equals (never the hash order of a set)
        return max(dict.fromkeys(topics), key=topics.count)
    return "deadline"
