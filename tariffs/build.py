"""Build stage: readings of sentences become candidate events.

Each builder looks at one sentence (and what the article said before it, for
"he" and "it") and proposes events with the date mention that governs them,
or the rule by which the resolve stage should date them. Phrasings come from
`lexicon/events.toml` and `lexicon/tariffs.toml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from . import lexicon
from .dates import DateMention
from .mentions import Reading
from .models import Agreement, Deadline, Meeting, Statement, Tariff
from .officials import INSTITUTION, PERSON, UNNAMED, Mention, country_of

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


# ---------------------------------------------------------------- article state


@dataclass
class Context:
    """What the article has said so far: who spoke, who was last named."""

    last_person: str | None = None
    last_speaker: str | None = None
    last_institution: str | None = None
    previous_people: tuple[str, ...] = ()


PRONOUN = re.compile(r"\b(?P<p>he|she|him|her|his|it|they)\b", re.IGNORECASE)


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


# ---------------------------------------------------------------- statements

def statements_in(reading: Reading, context: Context) -> list[Found]:
    """One statement per speaker who is reported as saying something in the sentence."""
    text = reading.plain
    results: dict[str | None, Found] = {}
    for start, end in _verb_spans(text):
        if _reported_within(text, start) or re.search(r"\b(?:not|n't|never|declined to|refused to)\s+(?:\w+\s+)?$", text[:start]):
            continue
        mention = _speaker_for(reading, start, end, context)
        if mention is None or (_any("statement", "weak_verbs", text[start:end]) and not _opens_clause(text, mention)):
            continue
        name = mention.name
        if name in results:
            continue
        statement = Statement(speaker=name, quote=_quote_for(reading, start, end))
        governing = _statement_date(reading, start, end)
        found = Found(statement, reading, governing, BY_MENTION if governing else BY_SPEAKER, position=start,
                      new_occasion=_any("statement", "new_occasion", text),
                      extra={"mention": mention, "kind": mention.kind, "verb": start})
        results[name] = found
    strong = [f for f in results.values() if not _any("statement", "weak_verbs", text[f.extra["verb"]:f.extra["verb"] + 20])]
    return strong or list(results.values())


def _verb_spans(text: str) -> list[tuple[int, int]]:
    spans = _spans("statement", "verbs", text)
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            continue
        merged.append(span)
    return merged


def _reported_within(text: str, start: int) -> bool:
    """A verb inside what another verb reports ("reported that the U.S. side warned") is not a statement of its own."""
    return bool(re.search(r"\b(?:said|says|told \w+|reported|wrote|added)\s+that\b", text[:start]))


def _opens_clause(text: str, mention: Mention) -> bool:
    """The speaker starts its clause: at the sentence start, or after a comma, "and" or a date phrase."""
    head = text[:mention.start].rstrip()
    return not head or head.endswith((",", ";", ":", "—", "and", "but")) or bool(re.search(r"\b(?:on|last|this) \w+$|^\w+(?: \w+)?,?$", head))


def _speaker_for(reading: Reading, start: int, end: int, context: Context) -> Mention | None:
    """Who the speech verb at [start, end) belongs to.

    "according to X" names X; otherwise the nearest name before the verb in its
    clause, skipping names inside a relative clause (", who met X,") or in the
    possessive ("Trump's"); a pronoun ("he said"); or a name right after the
    verb ("said Akazawa").
    """
    text = reading.plain
    verb = text[start:end].lower()
    if verb.startswith("according to"):
        after = [m for m in reading.people if start < m.start <= end + 40]
        return after[0] if after else None
    head = text[:start]
    clause_start = max(head.rfind(";"), _last_clause_break(head))
    hidden = [(m.start(), m.end()) for m in re.finditer(r",\s+(?:who|whom|which)\b[^,]*,", head)]
    before = [m for m in reading.people if clause_start <= m.start and m.end <= start
              and not any(a <= m.start < b for a, b in hidden) and not re.match(r"['’]s\b", text[m.end:m.end + 2])]
    pronoun = _pronoun_before(head, reading, context)
    if pronoun is not None and (not before or pronoun.start > before[-1].end):
        return pronoun
    comma = head.rfind(",")
    if (comma >= 0 and re.fullmatch(r",\s+(?:the|a|an|one|two|three|some|several)\s+(?:[\w.'’-]+\s+){0,4}", head[comma:], re.IGNORECASE)
            and not any(m.start > comma for m in before)):
        return Mention(UNNAMED, None, None, comma + 1, start)  # ", the spokesman said": someone we cannot name
    if before:
        return before[-1]
    after = [m for m in reading.people if end <= m.start <= end + 4 and not text[end:m.start].strip(" ,")
             and re.match(r"\s*(?:[,.;]|$)", text[m.end:])]
    return after[0] if after else _unlisted_person(text, clause_start, start, end)


# A person the directory does not know, named where a speaker stands: "Takanori Azuma, Toyota's head of
# finance, told ..." or "..., said Koji Sato."
NAME = r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})"
NAME_BEFORE_VERB = re.compile(rf"(?:^\s*|[,;:]\s+|\band\s+|\s{{2,}}){NAME}(?:,[^,]{{1,80}},)?\s*$")
NAME_AFTER_VERB = re.compile(rf"\s+{NAME}\s*(?:[,.;]|$)")


def _unlisted_person(text: str, clause_start: int, start: int, end: int) -> Mention | None:
    for pattern, found, offset in ((NAME_BEFORE_VERB, NAME_BEFORE_VERB.search(text[clause_start:start]), clause_start),
                                   (NAME_AFTER_VERB, NAME_AFTER_VERB.match(text, end), 0)):
        if found and not _not_a_name(found.group("name")):
            return Mention(PERSON, found.group("name"), None, offset + found.start("name"), offset + found.end("name"))
    return None


@cache
def _name_stopwords() -> frozenset[str]:
    language = lexicon.load("language")
    words = [*language["months"], *language["weekdays"], *language.get("not_names", [])]
    return frozenset(w.lower() for w in words)


def _not_a_name(name: str) -> bool:
    return any(word.lower() in _name_stopwords() for word in re.split(r"[ -]", name))


def _last_clause_break(head: str) -> int:
    """Where the clause before a verb begins: after a quotation's comma or a ', that' turn."""
    breaks = [m.end() for m in re.finditer(r"[”\"]\s*,?|,\s+(?:but|and|while|as|after|when|because)\s+|\bthat\s+", head)]
    return breaks[-1] if breaks else 0


def _pronoun_before(head: str, reading: Reading, context: Context) -> Mention | None:
    """The person or institution "he", "she" or "it" right before a speech verb stands for."""
    found = re.search(r"\b(he|she|it|they)\s+(?:also\s+|then\s+|later\s+|again\s+)?$", head, re.IGNORECASE)
    if not found:
        return None
    word = found.group(1).lower()
    if word in ("he", "she"):
        here = [m.name for m in reading.people if m.kind == PERSON and m.end <= found.start()]
        name = here[0] if here else context.last_speaker or context.last_person
        return Mention(PERSON, name, country_of(name), found.start(), found.end()) if name else None
    if word == "it" and context.last_institution:
        name = context.last_institution
        return Mention(INSTITUTION, name, country_of(name), found.start(), found.end())
    return None


def _quote_for(reading: Reading, start: int, end: int) -> str | None:
    quotes = [q for q in reading.quotes if len(q.text.split()) >= 1]
    if not quotes:
        return None
    longer = [q for q in quotes if len(q.text.split()) >= 2] or quotes
    return longer[0].text


def _statement_date(reading: Reading, start: int, end: int) -> DateMention | None:
    """A date that sits by the speech verb: "said Friday", "told reporters on Saturday", "on Thursday expressed"."""
    text = reading.plain
    for mention in reading.dates:
        if mention.future or mention.prep in ("since", "until", "by", "from"):
            continue
        if mention.start <= 3 and not mention.clause:
            return mention
        if end <= mention.start:
            between = text[end:mention.start]
            if len(between) <= 45 and not re.search(r"\bthat\b|,|\bwhether\b", between):
                return mention
        elif mention.end <= start:
            between = text[mention.end:start]
            if len(between) <= 25 and "," not in between:
                return mention
    return None


# ---------------------------------------------------------------- meetings

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


def _opening_date(reading: Reading) -> DateMention | None:
    """A date that opens the sentence ("On Thursday, ...", "May 23 — ...") governs all of it."""
    first = reading.dates[0] if reading.dates else None
    return first if first is not None and first.start <= 3 and not first.clause else None


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


# ---------------------------------------------------------------- tariffs

THRESHOLD = re.compile(r"\b(?:less|more|fewer|lower|higher) than\s*(?:the\s+)?$|\b(?:under|below|above|over|exceeding)\s*(?:the\s+)?$", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[;,]\s+(?:while|but|and|as|with|which|whereas)\b|;|(?<![A-Z])\.\s")


def tariffs_in(reading: Reading) -> list[Found]:
    """Tariff rates in the sentence: percentages that a tariff word governs."""
    text = reading.text
    rates = reading.rates
    results: list[Found] = []
    previous: tuple[float, list[str], str | None] | None = None
    for index, rate in enumerate(rates):
        seg_lo = rates[index - 1].end if index else 0
        seg_hi = rates[index + 1].start if index + 1 < len(rates) else len(text)
        before = text[seg_lo:rate.start]
        breaks = list(CLAUSE_BREAK.finditer(before))
        before = before[breaks[-1].end():] if breaks else before
        after = text[rate.end:seg_hi]
        cut = re.search(r"[,;]|(?<![A-Z])\.\s|\bwhile\b", after)
        near_after = after[:cut.start()] if cut else after
        joined = previous is not None and bool(re.fullmatch(r"\s*(?:or|to|and|-|–)\s*", text[rates[index - 1].end:rate.start]))
        if THRESHOLD.search(text[max(0, rate.start - 40):rate.start]) or rate.value == 0 or rate.value > 200:
            previous = None
            continue
        if not (joined or _is_tariff(text, rate, reading.rates)):
            previous = None
            continue
        sectors = (previous[1] if joined else None) or _sectors(before, near_after) or _sectors_earlier(text[max(0, rate.start - 300):rate.start]) or ["all"]
        listed = joined and not re.search(r"\bto\b", text[rates[index - 1].end:rate.start])
        own = before[before.rfind(",") + 1:] if "," in before else before
        sequel = re.match(r"[^,;]*,\s+(?:but|and|which)\s+(?:this|it|that|was|were|is|has|had)\b[^,;]*", after) if index + 1 == len(rates) else None
        near_after_status = sequel.group(0) if sequel else near_after
        cued = previous[2] if listed else _tariff_status(own + text[rate.start:rate.end] + near_after_status, text, rate)
        status = cued or "in_effect"
        previous = (rate.value, sectors, cued)
        actors = [m.name for m in reading.people if m.kind == PERSON and m.end <= rate.start
                  and m.start >= rate.start - len(before) - 60] if status in ("threatened", "announced", "proposed", "agreed") else []
        for sector in sectors:
            tariff = Tariff(rate=rate.value, sector=sector, status=status, officials=list(dict.fromkeys(actors)),
                            measure=_measure(sector, before + near_after),
                            previous_rate=_previous_rate(text, rates, index),
                            target=_target(before[before.rfind(",") + 1:] + " % " + near_after))
            governing = _tariff_date(reading, rate)
            results.append(Found(tariff, reading, governing, BY_MENTION if governing else UNDATED, position=rate.start,
                                 extra={"cued": cued is not None}))
    return results


TARIFF_NOUN_AFTER = re.compile(
    r"\s*(?:[\"“”]?\s*(?:additional|extra|new|higher|reciprocal|baseline|sectoral|country-specific|across-the-board|"
    r"universal|blanket|auto|automotive|car|steel|aluminum|aluminium|U\.S\.|US|import)\s*[\"“”]?\s*)*(?:tariffs?|lev(?:y|ies)|dut(?:y|ies)|rate)\b",
    re.IGNORECASE)
TARIFF_NOUN_BEFORE = re.compile(
    r"\b(?:tariffs?|lev(?:y|ies)|dut(?:y|ies)|taxed|rates?)\s+(?:\w+\s+){0,2}(?:of|at|to|from)\s+(?:as high as\s+|as much as\s+|up to\s+|about\s+|around\s+)?$"
    r"|\b(?:cut|reduc\w*|lower\w*|rais\w*|hike\w*|increas\w*|doubl\w*)\s+(?:it\s+|them\s+)?(?:to|from)\s+$",
    re.IGNORECASE)
# Words that hold a rate only when a tariff word is near ("cars face 27.5%" yes, "approval holds at 72%" no).
RATE_VERB_BEFORE = re.compile(
    r"\b(?:fall|fell|drop\w*|ris\w*|rose|down|up)\s+(?:to|from)\s+$"
    r"|\b(?:faces?|facing|face an?|carry|carries|at)\s+(?:an?\s+)?(?:additional\s+|extra\s+)?$",
    re.IGNORECASE)


def _is_tariff(text: str, rate, rates) -> bool:
    """A percentage is a tariff rate when a tariff noun holds it ("25% levy", "tariffs at 27.5%"),
    or a tariff word stands near it and nothing says it is growth, markets or jobs instead."""
    before, after = text[max(0, rate.start - 80):rate.start], text[rate.end:rate.end + 60]
    local = before + " " + after
    negative = bool(_tariff_rx("other_words").search(local))
    positive = bool(_tariff_rx("tariff_words").search(local))
    if TARIFF_NOUN_AFTER.match(after) or TARIFF_NOUN_BEFORE.search(before):
        return not (negative and _negative_binds(before, after))
    if RATE_VERB_BEFORE.search(before) and positive:
        return not (negative and _negative_binds(before, after))
    if rate.points and _tariff_rx("tariff_words").search(text):
        return not negative
    return positive and not negative


def _negative_binds(before: str, after: str) -> bool:
    """Words that turn even a 'rate' into something else ("annualized rate of 0.3%", "0.2 percentage point off GDP")."""
    return bool(re.search(r"\b(?:annuali[sz]ed|growth|interest|inflation|unemployment|approval|tax)\s+rate\s+(?:of\s+)?$", before, re.IGNORECASE)
                or re.match(r"\s*(?:off|of)\s+(?:\w+\s+){0,3}(?:GDP|growth|economy)", after, re.IGNORECASE))


def _sectors_earlier(head: str) -> list[str]:
    """The sector the sentence last named before a rate that names none ("cars ... 27.5% — a previous 2.5%")."""
    if _tariff_rx("all_goods").search(head[-40:]):
        return []
    found = _sectors_in(head)
    if not found:
        return []
    last = found[-1][0]
    return list(dict.fromkeys(s for pos, s in found if last - pos < 30))


@cache
def _tariff_rx(key: str) -> re.Pattern[str]:
    """The tariff lexicon's list `key` as one pattern, so a window is scanned once."""
    return re.compile("|".join(f"(?:{p})" for p in lexicon.load("tariffs")[key]), re.IGNORECASE)


@cache
def _sector_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((sector, re.compile("|".join(words), re.IGNORECASE)) for sector, words in lexicon.load("tariffs")["sectors"].items())


def _sectors_in(text: str) -> list[tuple[int, str]]:
    return sorted((m.start(), sector) for sector, pattern in _sector_patterns() for m in pattern.finditer(text))


def _sectors(before: str, after: str) -> list[str]:
    """The sectors a rate covers: named right after it ("25% on cars"), else before it in its clause."""
    near_after = after[:40]
    if _tariff_rx("all_goods").search(near_after) and not _sectors_in(near_after[:25]):
        return ["all"]
    found = _sectors_in(after)
    if found:
        first = found[0][0]
        run = [s for pos, s in found if pos - first < 30]
        return list(dict.fromkeys(run))
    found = _sectors_in(before)
    if found and not _tariff_rx("all_goods").search(before[found[-1][0]:]):
        last = found[-1][0]
        run = [s for pos, s in found if last - pos < 30]
        return list(dict.fromkeys(run))
    return []


def _tariff_status(window: str, text: str, rate) -> str | None:
    """The status the rate's own words give it, or None when they say nothing (the rate is simply in force)."""
    status_words = lexicon.load("tariffs")["status"]
    nearby = text[max(0, rate.start - 60):rate.end + 40]
    for status in ("paused", "ended", "threatened", "agreed", "proposed", "announced"):
        scope = nearby if status in ("ended",) else window
        if any(re.search(p, scope, re.IGNORECASE) for p in status_words[status]):
            if status == "ended" and not re.search(r"(?:from|previous|former)\s*(?:a\s+)?(?:\w+\s+)?$", text[max(0, rate.start - 25):rate.start], re.IGNORECASE):
                continue
            return status
    return None


def _measure(sector: str, local: str) -> str | None:
    words = lexicon.load("tariffs")["measure"]
    has = lambda key, scope: any(re.search(p, scope, re.IGNORECASE) for p in words[key])  # noqa: E731
    if has("mfn", local):
        return "mfn"
    if has("combined", local):
        return "combined"
    if sector != "all":
        return "sectoral"
    if has("baseline", local):
        return "baseline"
    if has("country_specific", local):
        return "country_specific"
    return None


def _previous_rate(text: str, rates, index: int) -> float | None:
    """The rate this one replaced: "to 27.5% from 2.5%", "from 2.5% to 27.5%", "15%, down from 25%", "50%, doubled from 25%"."""
    rate = rates[index]
    if index + 1 < len(rates) and re.fullmatch(r"[^.;%]{0,40}?\b(?:down|up|doubled|halved|raised|cut|reduced|lowered|increased)\s+from\s+(?:the\s+|a\s+)?", text[rate.end:rates[index + 1].start], re.IGNORECASE):
        return rates[index + 1].value
    if index + 1 < len(rates) and re.fullmatch(r"\s*from\s*", text[rate.end:rates[index + 1].start], re.IGNORECASE):
        return rates[index + 1].value
    if index and re.search(r"\bfrom\s*$", text[max(0, rates[index - 1].start - 20):rates[index - 1].start], re.IGNORECASE) and re.fullmatch(r"\s*to\s*", text[rates[index - 1].end:rate.start], re.IGNORECASE):
        return rates[index - 1].value
    after = text[rate.end:rate.end + 60]
    if (found := re.match(r"[^.;]{0,40}?\b(?:doubled|raised|up|increased) from\s*$", after[:after.find(str(int(rates[index + 1].value))) if index + 1 < len(rates) else 0], re.IGNORECASE)) and index + 1 < len(rates):
        return rates[index + 1].value
    return None


def _target(local: str) -> str:
    """Who a rate hits: every partner ("baseline", "all countries"), else the partner named nearest the rate, else Japan."""
    if _tariff_rx("everyone").search(local):
        return "*"
    centre = len(local) // 2
    named = [(abs(m.start() - centre), code) for code, pattern in _country_patterns() for m in pattern.finditer(local)]
    return min(named)[1] if named else "JP"


@cache
def _country_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((code, re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])"))
                 for code, words in lexicon.load("countries").items())


def _tariff_date(reading: Reading, rate) -> DateMention | None:
    """The date next to a rate ("since April 5", "from Aug. 1"), else the sentence's only date."""
    text = reading.text
    owned = [m for m in reading.dates if not _belongs_to_other_rate(m, rate, reading.rates, text)
             and m.prep not in ("until", "till", "by", "through")]  # an end date dates the pause, not the rate
    best = None
    if len(reading.dates) == 1 and owned and not owned[0].clause:
        best = (10**6, owned[0])
    for mention in owned:
        if any(other is not rate and min(rate.end, mention.end) <= other.start < max(rate.start, mention.start)
               for other in reading.rates):
            continue  # another rate stands between them and is the one it dates
        if mention.start >= rate.end:
            distance, between = mention.start - rate.end, text[rate.end:mention.start]
            if distance <= 70 and between.count(",") <= 1 and (best is None or distance < best[0]):
                best = (distance, mention)
        elif "," not in text[mention.end:rate.start] and rate.start - mention.end <= 70:
            best = (rate.start - mention.end, mention) if best is None or rate.start - mention.end < best[0] else best
    return best[1] if best else None


def _belongs_to_other_rate(mention: DateMention, rate, rates, text: str) -> bool:
    """A date right after another rate ("25% since March 12") dates that rate only."""
    return any(other is not rate and 0 <= mention.start - other.end <= 14 and not re.search(r"[,;]", text[other.end:mention.start])
               for other in rates)


# ---------------------------------------------------------------- agreements and deadlines


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
