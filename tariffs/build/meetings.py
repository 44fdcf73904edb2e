"""Meetings and calls: who met whom, how, where, for how long, held or still to come."""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..dates import DateMention
from ..mentions import Reading
from ..models import Meeting
from ..officials import PERSON, Mention
from .common import BY_MENTION, BY_NARRATIVE, Context, Found, PRONOUN, _any, _opening_date, _spans


DURATION = re.compile(
    r"(?:(?P<h>\d+|an|one|two|three|four|five)\s+hours?(?:\s+and\s+(?P<hm>\d+)\s+minutes)?|(?P<m>\d+)[\s-]+minutes?|(?P<half>half an hour))",
    re.IGNORECASE)
ROUND = re.compile(r"\b(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:round|ministerial round)\b", re.IGNORECASE)
# Where the words about a meeting stop and the reporter's attribution begins: its date lies before.
ATTRIBUTION = re.compile(r";|,\s+according to\b|,\s+(?:the|a|an|its|his)\s+[\w\s']{0,40}?\b(?:said|told|announced|reported|added|stated|noted)\b")
# Where the people of a meeting stop: a new clause, an attribution, or a verb's own clause ("to explore whether ...").
BARRIER = re.compile(
    r";|,\s+(?:according to|while|but|as|after|when|with|citing)\b"
    r"|,\s+(?:the|a|an|its|his)\s+[\w\s']{0,40}?\b(?:said|told|announced|reported|added|stated|noted)\b"
    r"|\bsaid\b|\btold\b|\b(?:whether|that)\b|\bto\s+(?!(?:the|a|an|his|her|their|its|him|them)\b)[a-z]+\b")


def meetings_in(reading: Reading, context: Context, speakers: set[int]) -> list[Found]:
    """Meetings and calls the sentence reports, one per trigger (and per duration or 'separately')."""
    text = reading.plain
    if _any("meeting", "detail", text.strip()):
        detail = Meeting(duration_minutes=_duration(text), location=_location(text))
        return [Found(detail, reading, None, BY_NARRATIVE, detail=True)]
    triggers = _meeting_triggers(text, reading.dates)
    results: list[Found] = []
    previous_subject: list[str] = []
    previous_people: list[str] = []
    previous_trigger: list[Found] = []
    for index, (start, end) in enumerate(triggers):
        lo = triggers[index - 1][1] if index else 0
        hi = triggers[index + 1][0] if index + 1 < len(triggers) else len(text)
        subject, objects = _participants(reading, context, start, end, lo, hi, speakers)
        if previous_subject and re.search(r"\band\s+(?:then\s+|also\s+|later\s+)?$", text[lo:start]):
            subject = previous_subject
        if not subject and re.match(r"(?:their|his|her)\b", text[start:end], re.IGNORECASE):
            owners = [m.name for m in reading.people if m.kind == PERSON and lo <= m.start < start]
            subject = _last_named_group(reading, lo, start) or owners[-1:]
        if not subject:
            in_relative = index > 0 and re.search(r",\s+(?:who|whom)\b", text[:triggers[index - 1][0]])
            subject = (not in_relative and previous_subject) or _sentence_subject(reading, speakers, start)
        previous_subject = subject
        people = list(dict.fromkeys(subject + objects))
        if previous_people and not objects and re.search(r"\b(?:following|after|before|ahead of)\s+(?:an?|the|their)?\s*$", text[lo:start]):
            people = list(dict.fromkeys(previous_people + people))  # "spoke with X following a meeting": the same two met
        previous_people = people
        if not objects and re.fullmatch(r"(?:talks|negotiations|discussions|meeting|calls?|conversation) with", text[start:end], re.IGNORECASE):
            continue  # "negotiations with the United States": a topic, not talks with someone
        if not people and not re.search(r"\b(?:two sides|both sides|two countries|two governments|round)\b", text[lo:hi], re.IGNORECASE):
            continue
        clause_lo = max(lo, text.rfind(",", 0, start) + 1)
        if re.search(r"\b(?:whether|if|unless)\s+(?:\S+\s+){0,3}?(?:(?:will|would|can|could)\s+be|to\s+(?:hold|meet|visit|travel))\b(?:(?!,).)*$",
                     text[max(lo, start - 80):start], re.IGNORECASE):
            continue  # "no decision on whether there will be another round": a question, not a plan
        if index and re.search(r"\bfor\s+(?:the|a|an|his|her|their)\s+$", text[lo:start]) and previous_trigger:
            for found in previous_trigger:
                found.event.round = found.event.round or _round(text[start:end])
            continue  # "met X for the sixth round": the round names the meeting already read
        cut = BARRIER.search(text[end:hi])
        reach = end + cut.start() if cut else hi
        governing = _meeting_date(reading, start, end, lo, hi)
        status = _meeting_status(text[start:end], text[clause_lo:min(hi, end + 40)], governing, text[end:])
        if status == "held" and governing is not None and governing.future:
            governing = None  # talks held are not dated by a day still to come
        if status in ("planned", "proposed") and governing is None:
            continue  # an intention with no day is not yet a point on the timeline
        mode = _meeting_mode(text[max(clause_lo, start - 25):min(hi, end + 60)])
        groups = [people]
        if re.search(r"\bseparately\b", text[start:hi]) and len(objects) > 1:
            groups = [list(dict.fromkeys(subject + [o])) for o in objects]
        timed = _timed_durations(reading, text, start, hi) if len(groups) == 1 else []
        previous_trigger = []
        for group in groups:
            for minutes, when in timed or [(None, None)]:
                when = when or governing
                meeting = Meeting(officials=group, mode=mode or "in_person", status=status,
                                  location=_location(text[max(clause_lo, start - 40):reach]) or _location(text, opening=True),
                                  round=_round(text[lo:hi]),
                                  duration_minutes=minutes)
                previous_trigger.append(Found(meeting, reading, when, BY_MENTION if when else BY_NARRATIVE, position=start,
                                              extra={"mode_known": mode is not None}))
        results.extend(previous_trigger)
    return results


def _meeting_triggers(text: str, dates: tuple[DateMention, ...] = ()) -> list[tuple[int, int]]:
    """Where the sentence reports talks; a mention of talks already told is skipped,
    unless a day still to come follows it ("during their meeting in about 10 days")."""
    references = [(a, b) for a, b in _spans("meeting", "references", text)
                  if not any(d.future and 0 <= d.start - b <= 20 for d in dates)]
    spans = []
    for start, end in _spans("meeting", "triggers", text):
        if any(rs <= start < re_ or rs < end <= re_ for rs, re_ in references):
            continue
        if spans and start < spans[-1][1] + 12:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            continue
        spans.append((start, end))
    return spans


def _participants(reading: Reading, context: Context, start: int, end: int, lo: int, hi: int,
                  speakers: set[int]) -> tuple[list[str], list[str]]:
    text = reading.plain
    people = [m for m in reading.people if m.kind == PERSON and id(m) not in speakers and _can_take_part(m, text)]
    head = text[lo:start]
    relative = list(re.finditer(r",\s+(?:who|whom)\b", head))
    subject_from = lo
    if relative:
        antecedent = [m for m in people if m.end <= lo + relative[-1].start()]
        subject_from = antecedent[-1].start if antecedent else lo + relative[-1].start()
    else:
        barrier = list(BARRIER.finditer(head))
        if barrier:
            subject_from = lo + barrier[-1].end()
    subject = [m.name for m in people if subject_from <= m.start < end]
    subject += _pronoun_people(text[subject_from:start], context, [m for m in people if m.end <= start])
    tail = text[end:hi]
    cut = BARRIER.search(tail)
    object_to = end + (cut.start() if cut else len(tail))
    objects = [m.name for m in people if end <= m.start < object_to]
    objects += _pronoun_people(text[end:object_to], context, [m for m in people if m.end <= end], objective=True)
    return list(dict.fromkeys(subject)), [o for o in dict.fromkeys(objects) if o not in subject]


def _last_named_group(reading: Reading, lo: int, start: int) -> list[str]:
    """The people of the last mention before a possessive ("the leaders ... their meeting")."""
    before = [m for m in reading.people if m.kind == PERSON and lo <= m.start < start]
    if not before:
        return []
    last = before[-1].start
    return [m.name for m in before if m.start == last]


def _can_take_part(mention: Mention, text: str) -> bool:
    """Not a name that only qualifies something else ("Trump's tariffs", "the administration of President Trump")."""
    if re.match(r"['’]s\s+(?!(?:\w+\s+)?(?:calls?|meetings?|talks|visit|trip|conversation))", text[mention.end:mention.end + 30]):
        return False
    return not re.search(r"\b(?:administration|government|cabinet|team|side) of\s+(?:U\.S\.\s+)?$", text[:mention.start])


def _pronoun_people(text: str, context: Context, earlier: list[Mention], objective: bool = False) -> list[str]:
    """People that "he" or "him" stand for: someone this sentence named before, else the article's last."""
    names = []
    here = [m.name for m in earlier]
    for match in PRONOUN.finditer(text):
        word = match.group("p").lower()
        if objective and word in ("him", "her"):
            others = [n for n in here[1:]] or [p for p in context.previous_people if p != context.last_person] or list(context.previous_people)
            if others:
                names.append(others[-1])
        elif not objective and word in ("he", "she"):
            names.append(here[0] if here else context.last_speaker or context.last_person)
        elif not objective and word == "they":
            names.extend(here or context.previous_people)
    return [n for n in names if n]


def _sentence_subject(reading: Reading, speakers: set[int], before: int) -> list[str]:
    text = reading.plain
    stop = min([m.start() for m in re.finditer(r",\s+(?:who|whom)\b", text)] + [before])
    return [m.name for m in reading.people if m.kind == PERSON and id(m) not in speakers and m.start < stop
            and _can_take_part(m, text)]


def _meeting_date(reading: Reading, start: int, end: int, lo: int, hi: int) -> DateMention | None:
    """The date that governs a trigger: after it in its scope, else before it in its clause."""
    text = reading.plain
    cut = ATTRIBUTION.search(text[end:hi])
    reach = end + cut.start() if cut else hi
    after = [m for m in reading.dates if end <= m.start < reach and m.prep not in ("since",) and not m.clause]
    if after:
        return after[0]
    before = [m for m in reading.dates if lo <= m.start and m.end <= start and not m.clause]
    for mention in reversed(before):
        between = text[mention.end:start]
        if "," not in between or mention.start <= 3:
            return mention
    clause_dates = [m for m in reading.dates if m.clause and m.end <= start and lo <= m.start]
    if clause_dates:
        return clause_dates[-1]
    return _opening_date(reading)



def _first_of(keys: tuple[str, ...], text: str) -> str | None:
    """The first of the meeting lexicon's cue lists that matches `text`."""
    return next((key for key in keys if _any("meeting", key, text)), None)


def _meeting_status(trigger: str, window: str, governing: DateMention | None, rest: str = "") -> str:
    """Cancelled, else held for a past-tense trigger, else what the cues say, else the date's tense.

    A cancellation may come clauses later ("..., but the meeting was never realized"): `rest` is the
    sentence after the trigger."""
    if _any("meeting", "cancelled", window + " " + rest):
        return "cancelled"
    if _any("meeting", "past_triggers", trigger):
        return "held"
    cued = _first_of(("proposed", "planned"), window)
    return cued or ("planned" if governing is not None and governing.future else "held")


def _meeting_mode(window: str) -> str | None:
    return _first_of(("video", "phone", "in_person"), window)


def _timed_durations(reading: Reading, text: str, end: int, hi: int) -> list[tuple[int, DateMention | None]]:
    """Durations after a trigger, each with the date that follows it ("45 minutes last Thursday and an hour on Saturday")."""
    found = [(m.start() + end, _minutes(m)) for m in DURATION.finditer(text[end:hi])]
    if len(found) < 2:
        return [(minutes, None) for _, minutes in found]
    paired = []
    for index, (position, minutes) in enumerate(found):
        limit = found[index + 1][0] if index + 1 < len(found) else hi
        when = next((d for d in reading.dates if position <= d.start < limit), None)
        paired.append((minutes, when))
    if all(when is None for _, when in paired) or all(when is not None for _, when in paired):
        return paired
    return [(minutes, when) for minutes, when in paired if when is not None] or paired


def _minutes(match: re.Match[str]) -> int:
    words = {"an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
    if match.group("half"):
        return 30
    if match.group("h"):
        hours = words.get(match.group("h").lower()) or int(match.group("h"))
        return hours * 60 + int(match.group("hm") or 0)
    return int(match.group("m"))


def _duration(text: str) -> int | None:
    found = DURATION.search(text)
    return _minutes(found) if found else None


@cache
def _places() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for "in/at/to <place>" over the places lexicon, and each word's place name."""
    lexicon_places = lexicon.load("places")
    spelled = [word for words in lexicon_places["names"].values() for word in words]
    names = {word.lower(): name for name, words in lexicon_places["names"].items() for word in words}
    words = "|".join(sorted((re.escape(w) for w in spelled), key=len, reverse=True))
    shapes = "|".join(lexicon_places.get("patterns", {}).values())
    pattern = re.compile(rf"\b(?i:in|at|to)\s+(?:the\s+)?(?P<place>{words}|{shapes})(?![\w-])")
    return pattern, names


def _location(text: str, opening: bool = False) -> str | None:
    """The first place named after "in", "at" or "to" (at the very start only, when `opening`)."""
    pattern, names = _places()
    found = pattern.match(text) if opening else pattern.search(text)
    if not found:
        return None
    place = found.group("place")
    return names.get(place.lower(), place)


def _round(text: str) -> int | None:
    found = ROUND.search(text)
    if not found:
        return None
    word = found.group("n").lower()
    ordinals = lexicon.load("language")["ordinals"]
    return ordinals.get(word) or int(re.sub(r"\D", "", word))
