"""Meetings and calls: the people of a sitting, how many sittings one trigger tells, and their status."""
from __future__ import annotations

import itertools
from dataclasses import replace

from .. import modality
from ..attach import occasion_nouns
from ..events import Candidate, Trigger, trigger_heads
from ..mentions import Reading
from ..modality import FUTURE, PAST, Modality
from ..officials import country_of
from ..slots import (
    Party,
    antecedent,
    both_sides,
    candidate,
    compound,
    count_of,
    counterparts_owner,
    definite,
    durations_of,
    hits_in,
    inherited_subject,
    names,
    objects_of,
    place_of,
    possessor,
    presupposed,
    purpose_of,
    round_as_landmark,
    round_of,
    subject_after,
    subject_before,
    subject_of,
    unnamed_side,
    verb_phrase_end,
)


def meetings(reading: Reading, trigger: Trigger) -> list[Candidate]:
    """The meetings one trigger tells: one per sitting, each with its people, length and place."""
    if trigger.noun and round_as_landmark(reading.tokens, trigger.first):
        return []  # "on the same day as the third round": a landmark in time for another event, not a telling of it
    mood = _mood(reading, trigger)
    status = status_of(mood)
    if status is None:
        return []
    subject = _subject(reading, trigger)
    objects = _objects(reading, trigger, subject)
    if trigger.spec.get("needs") == "place_ahead":
        return _trip(reading, trigger, mood, status, subject, objects)
    subject = subject or _unstated_subject(reading, trigger, objects)
    reference = trigger.noun and definite(reading, trigger)
    fields = _fields(reading, trigger, status, names(subject + objects), reference)
    return _sittings(reading, trigger, mood, fields, subject, objects, reference)


def _mood(reading: Reading, trigger: Trigger) -> Modality:
    """The trigger's mood, or the mood of the journey made for the talks; talks only sought are proposed."""
    mood = modality.read(reading, trigger.clause, trigger.first, trigger.last, trigger.noun)
    if presupposed(reading, trigger):
        mood = Modality(tense=mood.tense)
    journey = purpose_of(reading, trigger)
    if journey is not None:
        mood = modality.read(reading, trigger.clause, journey, journey + 1)  # "will fly ... to meet": the journey's mood
    if trigger.spec.get("intent") and not mood.future:
        mood = replace(mood, proposed=True)  # "sought a meeting with Trump": talks wanted, not held
    return mood


def _objects(reading: Reading, trigger: Trigger, subject: list[Party]) -> list[Party]:
    """The other side: the counterparts the trigger takes, and those an earlier sentence named that are not the subject."""
    counterpart = trigger.spec.get("counterpart", "with")
    objects = [] if counterpart == "none" else objects_of(reading, trigger.clause, trigger.last, counterpart == "with")
    return objects + [p for p in antecedent(reading, trigger.clause) if p.name not in names(subject)]


def _unstated_subject(reading: Reading, trigger: Trigger, objects: list[Party]) -> list[Party]:
    """Who meets when the trigger has no subject of its own."""
    if trigger.noun and len(objects) == 1:
        # "Akazawa spoke to reporters after a meeting with Lutnick": the subject of the act the meeting sets;
        # "a face-to-face meeting with Lutnick": the story's own person
        subject = [p for p in subject_before(reading, trigger) if p.name != objects[0].name] or \
            _protagonist(reading, objects[0])
        if subject:
            return subject
    owner = counterparts_owner(reading, trigger.clause, trigger.last)
    if owner or not (trigger.noun and presupposed(reading, trigger)):
        return owner
    return subject_before(reading, trigger)


def _fields(reading: Reading, trigger: Trigger, status: str, people: list[str], reference: bool) -> dict:
    """What every sitting of the trigger shares: channel, status, place, round, and whether it names enough."""
    number = round_of(reading, trigger.clause) or round_of(reading, None)
    unnamed = unnamed_side(reading, trigger.clause, trigger.last)
    return {"mode": _mode(reading, trigger), "mode_explicit": _mode_explicit(reading, trigger), "status": status,
            "location": place_of(reading, trigger.clause, trigger.first), "round": number, "open": unnamed,
            "nameless": not (reference or _enough(trigger, people, number, unnamed)),
            "sides": both_sides(reading, trigger.clause)}


def _protagonist(reading: Reading, other: Party) -> list[Party]:
    """The person the story follows, when a meeting noun names only the other side."""
    name = reading.protagonist
    if name is None or name == other.name or country_of(name) == country_of(other.name):
        return []
    return [Party(name, -1, -1)]


def _subject(reading: Reading, trigger: Trigger) -> list[Party]:
    """A verb's subject (or the subject its clause shares); a noun's owner ("their meeting", "the
    Ishiba-Trump summit"), or the subject of the clause a phrase opens ("In talks with X, Akazawa said")."""
    if trigger.spec.get("noun") == "both":
        return subject_of(reading, trigger.clause, trigger.first) or inherited_subject(reading, trigger.clause)
    if trigger.noun:
        return possessor(reading, trigger) or compound(reading, trigger) or \
            (subject_after(reading, trigger) if presupposed(reading, trigger) else [])
    return subject_of(reading, trigger.clause, trigger.first) or inherited_subject(reading, trigger.clause)


def status_of(mood: Modality) -> str | None:
    """held, planned, proposed or cancelled; None when the words deny or only suppose the meeting.
    An empty string leaves it to the date: a day ahead is planned, a day past was held."""
    if mood.cancelled:
        return "cancelled"
    if mood.negated or mood.conditional or mood.denied:
        return None
    if mood.proposed:
        return "proposed"
    if mood.future or mood.tense == FUTURE:
        return "planned"
    if mood.tense == PAST:
        return "held"
    return ""


def _enough(trigger: Trigger, people: list[str], number: int | None, unnamed: bool) -> bool:
    """Talks need two people, or one and the other side unnamed ("with his counterparts"), or a round."""
    needs = trigger.spec.get("needs", "people")
    if len(people) >= 2 or (people and unnamed):
        return True
    if needs == "people_or_round":
        return number is not None and bool(people)
    return False


def _mode(reading: Reading, trigger: Trigger) -> str:
    if any(trigger.first - 2 <= h.first <= trigger.last + 2 for h in hits_in(reading, "meeting:in_person", trigger.clause)):
        return "in_person"  # "a courtesy call", "a working lunch": no phone for all the word "call"
    for mode in ("video", "phone"):
        if _near(reading, trigger, f"meeting:{mode}"):
            return mode
    return trigger.spec.get("mode", "in_person")


def _mode_explicit(reading: Reading, trigger: Trigger) -> bool:
    return any(_near(reading, trigger, f"meeting:{mode}") for mode in ("video", "phone", "in_person"))


def _near(reading: Reading, trigger: Trigger, category: str) -> bool:
    """A word of the category close to the trigger in its clause, or in the clause a participle elaborates
    ("kept working the phone, speaking with Lutnick twice")."""
    clauses = [trigger.clause]
    if trigger.clause.kind == "participle" and trigger.clause.parent is not None:
        clauses.append(reading.clauses[trigger.clause.parent])
    return any(trigger.first - 6 <= h.first <= trigger.last + MODE_REACH for c in clauses for h in hits_in(reading, category, c))


# How far after a trigger the words for its channel may stand ("spoke with his counterpart, Treasury Secretary
# Scott Bessent, by phone").
MODE_REACH = 8


def _trip(reading: Reading, trigger: Trigger, mood: Modality, status: str, subject: list[Party],
          objects: list[Party]) -> list[Candidate]:
    """A trip for talks still ahead: the traveller (the one sent, or the subject) and the place."""
    if status not in ("planned", "proposed", "cancelled"):
        return []
    place = place_of(reading, trigger.clause, trigger.first)
    talks = [h for h in hits_in(reading, "object:meeting:hold_talks", trigger.clause) if h.first > trigger.last]
    if place not in ("Washington", "United States", "White House") and not talks:
        return []
    traveller = names(possessor(reading, trigger) or objects[:1] or subject[:1])  # "Akazawa's trip", "send him"
    if not traveller:
        return []
    fields = {"mode": "in_person", "mode_explicit": False, "status": status, "location": place,
              "round": round_of(reading, trigger.clause) or round_of(reading, None), "people": traveller}
    # "send him to Washington for a round of talks early next week": the talks' date is the trip's
    heads = trigger_heads(reading, trigger) | {h.first for h in talks}
    return [candidate(reading, trigger, fields, mood, heads=heads)]


def _sittings(reading: Reading, trigger: Trigger, mood: Modality, fields: dict, subject: list[Party],
              objects: list[Party], reference: bool) -> list[Candidate]:
    """One candidate per sitting: counterparts met separately or one after another are separate
    sittings, a count ("twice", "two calls", "on consecutive days") or several lengths make several."""
    groups = _groups(reading, trigger, subject, objects)
    end = verb_phrase_end(reading, trigger.clause, trigger.last)
    scope = _elaboration(reading, trigger)
    durations = _durations(reading, trigger, scope, end)
    count = max(count_of(reading, trigger), len(durations) if len(groups) == 1 else 1, _again(reading, trigger, end))
    days = _sitting_dates(reading, trigger, scope, end, count)
    group_id = f"{reading.sentence.article}:{reading.sentence.index}:{trigger.first}" if count > 1 or len(groups) > 1 else None
    found = []
    for people, own, n in _sitting_plan(groups, durations, count):
        made = candidate(reading, trigger, {**fields, "people": people, "duration": _minutes(own, n)}, mood,
                         reference=reference, group=group_id)
        made.timex = days[n] if days else None
        found.append(made)
    return found


def _durations(reading: Reading, trigger: Trigger, scope, end: int) -> list:
    """The lengths told of the trigger: in its verb phrase, in the clause that spells it out, in a relative
    clause describing its noun; not a length that belongs to another occasion."""
    start = trigger.first - 4 if trigger.noun else trigger.first  # "their 25-minute call"
    durations = durations_of(reading, trigger.clause, start, end) + (durations_of(reading, scope) if scope else []) \
        + [d for c in _described(reading, trigger) for d in durations_of(reading, c)]
    return [d for d in durations if not _modifies_other(reading, trigger, d)]


def _sitting_plan(groups: list, durations: list, count: int) -> list[tuple[list[str], list, int]]:
    """Each sitting's people, the lengths told for it and its place in the count: one group sits `count`
    times with all the lengths; several groups sit once each, with the lengths told among their counterparts."""
    if len(groups) == 1:
        people = groups[0][0]
        return [(people, durations, n) for n in range(count)]
    return [(people, [d for d in durations if lo <= d.first < hi], 0) for people, lo, hi in groups]


def _minutes(own: list, n: int) -> int | None:
    """The length of the n-th sitting: its own, or the only one told, which then holds for every sitting."""
    if n < len(own):
        return own[n].minutes
    return own[0].minutes if len(own) == 1 else None


def _modifies_other(reading: Reading, trigger: Trigger, duration) -> bool:
    """"speaks with him twice, a day after an hour-long meeting": a length before another occasion noun is its."""
    tokens = reading.tokens
    i = duration.last
    while i < len(tokens) and tokens[i].key in ("-", "long"):
        i += 1
    return i < len(tokens) and tokens[i].key in occasion_nouns() and not trigger.first <= i < trigger.last


# What stands between two date phrases that name one day ("in 14 days, on June 28").
APPOSED = frozenset({",", "on"})


def _again(reading: Reading, trigger: Trigger, end: int) -> int:
    """"met Lutnick on June 5 and again on June 6": one sitting per day told after "again"; a day told twice
    over, the second phrase set beside the first ("will meet again in 14 days, on June 28"), is one day."""
    keys = [t.key for t in reading.tokens[trigger.last:end]]
    if "again" not in keys:
        return 1
    spans = [(first, last) for first, last in reading.timex_tokens if trigger.last <= first < end]
    apposed = sum(1 for (_, last), (first, _) in itertools.pairwise(spans)
                  if all(t.key in APPOSED for t in reading.tokens[last:first]))
    return max(1, len(spans) - apposed)


def _described(reading: Reading, trigger: Trigger) -> list:
    """"held a meeting that lasted about two hours": a relative clause right after the trigger's noun."""
    return [c for c in reading.clauses if c.parent == trigger.clause.index and c.kind == "relative"
            and 0 <= c.first - trigger.last <= 1]


def _elaboration(reading: Reading, trigger: Trigger):
    """The clause after a colon that spells out what the trigger's clause counted ("twice: for 45 minutes
    last Thursday, and for about an hour on Saturday")."""
    return next((c for c in reading.clauses if c.kind == "coordinate" and c.marker == ":"
                 and trigger.clause.last <= c.first <= trigger.clause.last + 1), None)


def _sitting_dates(reading: Reading, trigger: Trigger, scope, end: int, count: int) -> list:
    """With several sittings each told with its own day, the days in order; else none (the trigger's date holds)."""
    if count < 2:
        return []
    found = [reading.timexes[n] for n, (first, _) in enumerate(reading.timex_tokens)
             if (trigger.last <= first < end and trigger.clause.owns(first)) or (scope is not None and scope.owns(first))]
    return found if len(found) == count else []


def _groups(reading: Reading, trigger: Trigger, subject: list[Party], objects: list[Party]):
    """The people of each sitting with the token range its counterparts span."""
    base = names(subject)
    end = trigger.clause.last
    if len(objects) > 1 and _separately(reading, trigger):
        edges = [o.first for o in objects[1:]] + [end]
        return [(names(subject + [o]), o.first, edges[i]) for i, o in enumerate(objects)]
    cuts = [h.first for h in hits_in(reading, "meeting:sequence", trigger.clause)
            if objects and objects[0].last <= h.first < objects[-1].first]
    if cuts:
        segments, start = [], trigger.last
        for cut in cuts + [end]:
            seg = [o for o in objects if start <= o.first < cut]
            if seg:
                segments.append((names(subject + seg), start, cut))
            start = cut
        return segments
    return [(list(dict.fromkeys(base + names(objects))), trigger.first, end)]


def _separately(reading: Reading, trigger: Trigger) -> bool:
    return bool(hits_in(reading, "meeting:separately", trigger.clause))
