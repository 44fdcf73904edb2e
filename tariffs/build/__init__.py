"""Build stage: readings of sentences become candidate events.

Each builder looks at one sentence (and what the article said before it, for
"he" and "it") and proposes events with the date mention that governs them,
or the rule by which the resolve stage should date them. Phrasings come from
`lexicon/events.toml` and `lexicon/tariffs.toml`.
"""
from __future__ import annotations

from ..mentions import Reading
from ..officials import INSTITUTION, PERSON
from .common import BY_MENTION, BY_NARRATIVE, BY_SPEAKER, UNDATED, Context, Found
from .deals import agreements_in, deadlines_in
from .meetings import meetings_in
from .statements import statements_in
from .tariff_rates import tariffs_in


__all__ = ["BY_MENTION", "BY_NARRATIVE", "BY_SPEAKER", "UNDATED", "Found", "build_events"]


def build_events(readings: list[Reading]) -> list[Found]:
    """Candidate events of one article, in reading order."""
    found: list[Found] = []
    context = Context()
    for reading in readings:
        statements = statements_in(reading, context)
        speakers = {id(s.extra["mention"]) for s in statements if s.extra.get("mention") and _attributes_only(s, reading)}
        found.extend(statements)
        found.extend(meetings_in(reading, context, speakers))
        found.extend(tariffs_in(reading))
        found.extend(agreements_in(reading))
        found.extend(deadlines_in(reading))
        _advance(context, reading, statements)
    return found


def _attributes_only(statement: Found, reading: Reading) -> bool:
    """A speaker named after the verb or in "according to" only attributes the sentence;
    one who opens it ("Akazawa, who is visiting ..., said") may also be the one who met."""
    mention, verb = statement.extra["mention"], statement.extra["verb"]
    text = reading.plain
    trailing = text[:mention.start].rstrip().endswith(",") and len(text[verb:].split()) <= 6 and " that " not in text[verb:]
    return mention.start > verb or mention.kind != PERSON or trailing


def _advance(context: Context, reading: Reading, statements: list[Found]) -> None:
    """Remember who the sentence named and who spoke, for the pronouns of the sentences after it."""
    people = [m for m in reading.people if m.kind == PERSON]
    if people:
        context.last_person = people[0].name
        context.previous_people = tuple(m.name for m in people)
    for statement in statements:
        speaker = statement.event.speaker
        if speaker and statement.extra.get("kind") == PERSON:
            context.last_speaker = speaker
        elif speaker and statement.extra.get("kind") == INSTITUTION:
            context.last_institution = speaker
    bodies = [m for m in reading.people if m.kind == INSTITUTION]
    if bodies and not statements and context.last_institution is None:
        context.last_institution = bodies[-1].name  # "it said" may point back to the first body named
