"""Events stage: triggers with bound arguments, read by one engine from the pattern files.

Each event type is declared in `lexicon/<type>.toml`: its triggers (the head
words of a class of phrasing, what must come with them, what they need) and
its word lists. The engine finds every trigger in a sentence, reads the
modality of its clause, binds its arguments (slots.py) and claims the date
expressions that belong to it (attach.py). What comes out is a `Candidate`:
plain data, dated later by the resolve stage and merged by the merge stage.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from . import attach, lexicon
from .clauses import COORDINATE, PARTICIPLE, RELATIVE, SUBORDINATE, Clause, is_verb
from .dates import Timex
from .mentions import Reading
from .modality import Modality

TYPES = ("meeting", "tariff", "statement", "agreement", "deadline")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A class of phrasing found in a sentence: tokens [first, last) in one clause."""

    kind: str
    name: str
    first: int
    last: int
    clause: Clause
    spec: dict = field(hash=False, compare=False)

    @property
    def noun(self) -> bool:
        return self.spec.get("noun") is True


@dataclass
class Candidate:
    """One event as one sentence tells it, before it is dated and merged.

    `heads` are the tokens whose date expressions are the event's own, `words` the trigger's own words among
    them (a date on those beats one on its clause);
    `chain` the verbs it continues, whose dates it takes when it has none
    ("was taken there on Wednesday and ended up spending an hour with him");
    `anaphora` says the words date it by the story's last day ("then",
    "after the meeting"); `inherit` names the clause whose event it shares a
    day with when it has no date of its own; `group` ties the sittings one
    count made ("twice"), which never merge with each other.
    """

    type: str
    pattern: str
    article: str
    sentence: int
    source: str
    position: int
    clause: int
    fields: dict
    modality: Modality
    heads: frozenset[int] = frozenset()
    words: frozenset[int] = frozenset()
    chain: frozenset[int] = frozenset()
    scopes: frozenset[int] = frozenset()
    timex: Timex | None = None
    anaphora: bool = False
    inherit: int | None = None
    reference: bool = False
    group: str | None = None
    # set by the resolve stage
    date: object = None
    date_end: object = None
    date_text: str | None = None
    precision: str | None = None
    own_date: bool = False
    reported: object = None
    fallback: object = None
    clock: str | None = None     # the clock its day was counted on ("JST", "ET"), when the article says
    sources: dict = field(default_factory=dict)  # (article, sentence) in the order told: a set that keeps order
    tellings: list = field(default_factory=list)   # what each source said of it, for steps and conflicts


@cache
def pattern_file(kind: str) -> dict:
    return lexicon.load(kind)


@cache
def trigger_specs(kind: str) -> dict[str, dict]:
    return {t["name"]: t for t in pattern_file(kind).get("trigger", [])}


def find_triggers(reading: Reading, kind: str) -> list[Trigger]:
    """Every trigger of one event type in a sentence; a trigger inside a longer one of its type gives way."""
    specs = trigger_specs(kind)
    found = []
    for hit in reading.hits_of(f"trigger:{kind}"):
        if hit.first in reading.quoted:
            continue
        spec = specs[hit.value]
        if spec.get("noun") is None and _noun_use(reading, hit.first):
            continue
        clause = reading.clause_of(hit.first)
        if _blocked(reading, spec, hit.last):
            continue
        last = hit.last
        if spec.get("object"):
            obj = _object_after(reading, kind, spec, hit.last, clause)
            if obj is None:
                continue
            last = obj
        found.append(Trigger(kind, spec["name"], hit.first, last, clause, spec))
    kept = [t for t in found if not any(o is not t and o.first <= t.first and t.last <= o.last and
                                        (o.last - o.first) > (t.last - t.first) for o in found)]
    return list({(t.first, t.last): t for t in reversed(kept)}.values())[::-1]


def _blocked(reading: Reading, spec: dict, last: int) -> bool:
    """A trigger whose next word is of a kind its class excludes ("visited Washington" is a trip, no sitting;
    "number": "added 2.1%" is a share price; "called:person": "called Ishiba" is a phone call), or that makes
    with its last word a pair it excludes ("called on Ishiba" is a visit, no speech)."""
    blocked = spec.get("blocked_by", ())
    if _measure_object(reading, spec, last):
        return True
    following = reading.tokens[last].key if last < len(reading.tokens) else ""
    pair = f"{reading.tokens[last - 1].key} {following}"
    if "number" in blocked and following[:1].isdigit():
        return True  # "Toyota added 2.1%": a market move, no speech
    word = reading.tokens[last - 1].key
    return pair in blocked or any(h.category in blocked or f"{word}:{h.category}" in blocked
                                  for h in reading.hits_at(last))


def _measure_object(reading: Reading, spec: dict, last: int) -> bool:
    """"Trump unveiled his 'Liberation Day' tariffs": a verb whose object is a measure tells the measure, not speech."""
    kinds = spec.get("not_with_object", ())
    if not kinds:
        return False
    clause = reading.clause_of(last - 1)
    end = last
    while end < min(clause.last, last + OBJECT_REACH) and reading.tokens[end].key not in attach.PREPOSITIONS \
            and reading.tokens[end].text not in ",;":
        end += 1  # the object runs to its first preposition ("floated the idea | of raising tariffs")
    return any(h.category in kinds and last <= h.first < end for h in reading.hits) \
        or ("rate" in kinds and any(last <= a < end for a, _ in reading.rate_tokens))


# How far after a verb its object may stand.
OBJECT_REACH = 6


NOUN_OPENERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                          "another", "each", "every", "'s", "first", "second", "next", "latest", "separate", "two"})


# Prepositions: a trigger's word right after one is a noun ("a round of talks", "for talks").
NOUN_PREPOSITIONS = frozenset({"of", "for", "in", "during", "at", "between", "on", "after", "before", "ahead", "from"})


def _noun_use(reading: Reading, first: int) -> bool:
    """A verb trigger's word used as a noun is no verb: after a determiner ("a meeting", "their talks"), a
    preposition ("a round of talks"), a compound modifier or a number ("their 110-minute meeting"), or opening
    the sentence before a preposition ("Talks between Akazawa and Bessent were held ...")."""
    from .modality import verb_form
    tokens = reading.tokens
    if verb_form(tokens[first]) == "past":
        return False  # "last held talks": a past form is never a noun
    if first == 0:
        following = tokens[1].key if len(tokens) > 1 else ""
        return not tokens[0].key.endswith("ing") and following in ("between", "with", "on", "in", "over")
    before = tokens[first - 1]
    compound = first > 1 and tokens[first - 2].text == "-"
    return before.key in NOUN_OPENERS or (before.key in NOUN_PREPOSITIONS and not _gerund_phrase(tokens, first)) \
        or compound or before.text[:1].isdigit()


def _gerund_phrase(tokens, first: int) -> bool:
    """"after meeting Lutnick", "before speaking with Trump": an -ing word with its object is a verb."""
    following = tokens[first + 1] if first + 1 < len(tokens) else None
    return tokens[first].key.endswith("ing") and following is not None and following.is_word \
        and following.key not in ("of", "on", "in", "at", "for")


def _object_after(reading: Reading, kind: str, spec: dict, start: int, clause: Clause) -> int | None:
    """The end of the word a trigger needs after its head, within its reach in its clause."""
    reach = spec.get("reach", 4)
    for hit in reading.hits_of(f"object:{kind}:{spec['name']}"):
        words = sum(1 for t in reading.tokens[start:hit.first] if t.text != "-")  # "one-on-one" is one word
        if start <= hit.first and words - _hyphens(reading, start, hit.first) <= reach and clause.owns(hit.first) \
                and not _verb_between(reading, start, hit.first):
            return hit.last
    return None


def _hyphens(reading: Reading, start: int, end: int) -> int:
    """How many words hyphens join to the word before them between two positions."""
    return sum(1 for i in range(start + 1, end) if reading.tokens[i - 1].text == "-")


def _verb_between(reading: Reading, start: int, end: int) -> bool:
    from .clauses import words as grammar
    auxiliaries = grammar().auxiliaries
    tokens = reading.tokens
    compound = {i for i in range(start, end) if tokens[i].text == "-"}
    compound |= {i - 1 for i in compound} | {i + 1 for i in compound}  # "face-to-face" holds no verb
    return any(is_verb(tokens[i]) and tokens[i].key not in auxiliaries for i in range(start, end) if i not in compound)


def trigger_heads(reading: Reading, trigger: Trigger) -> frozenset[int]:
    """The tokens whose dates are the trigger's own: its words, and for a noun the verb it goes with
    and a relative clause right after it ("the deadline, which falls on Wednesday")."""
    heads = set(range(trigger.first, trigger.last))
    if trigger.noun:
        heads |= _noun_verbs(reading, trigger)
    return frozenset(heads)


def trigger_scopes(reading: Reading, trigger: Trigger) -> frozenset[int]:
    """A relative clause right after a noun trigger is about it: its dates are the noun's
    ("the deadline, which falls on Wednesday")."""
    if not trigger.noun:
        return frozenset()
    return frozenset(c.index for c in reading.clauses
                     if c.parent == trigger.clause.index and c.kind == RELATIVE and 0 <= c.first - trigger.last <= 2)


def _noun_verbs(reading: Reading, trigger: Trigger) -> set[int]:
    found = set()
    tokens = reading.tokens
    clause = trigger.clause
    from .clauses import words as grammar
    auxiliaries = grammar().auxiliaries
    for i in range(trigger.last, min(clause.last, trigger.last + 8)):
        if clause.owns(i) and is_verb(tokens[i]):
            found.add(i)
            if tokens[i].key not in auxiliaries:
                break
        elif found or tokens[i].text in ",;" or tokens[i].key in attach.PREPOSITIONS:
            break
    for other in reading.clauses:
        if other.parent == clause.index and other.kind == RELATIVE and 0 <= other.first - trigger.last <= 2:
            found |= {i for i in other.own() if is_verb(tokens[i])}
    return found | _purpose_verb(reading, trigger) | _reduced_relative(reading, trigger)


def _reduced_relative(reading: Reading, trigger: Trigger) -> set[int]:
    """"The eighth round of talks, held on Wednesday between ...": a past participle right after the noun's comma."""
    from .modality import verb_form
    at = trigger.last + 1
    if at < len(reading.tokens) and reading.tokens[trigger.last].text == "," and is_verb(reading.tokens[at]) \
            and verb_form(reading.tokens[at]) in ("past", "participle"):
        return {at}
    return set()


MOTION = frozenset({"flew", "fly", "flies", "flying", "travel", "travels", "traveled", "travelled", "traveling", "went",
                    "go", "goes", "going", "came", "come", "visited", "visit", "visits", "arrived", "arrive", "arrives",
                    "headed", "head", "heads", "returned", "return", "returns", "left", "leave", "leaves", "sent",
                    "send", "sends", "dispatched", "trip", "visiting"})


def _purpose_verb(reading: Reading, trigger: Trigger) -> set[int]:
    """"flew to Washington in February for his first summit": a journey made for a meeting shares its date."""
    tokens = reading.tokens
    for i in range(trigger.first - 1, trigger.clause.first - 1, -1):
        if tokens[i].key == "for":
            verbs = [j for j in range(trigger.clause.first, i) if tokens[j].key in MOTION and trigger.clause.owns(j)]
            return {verbs[-1]} if verbs else set()
        if is_verb(tokens[i]) or tokens[i].text in ",;":
            return set()
    return set()


def _run_until(reading: Reading, n: int) -> Timex:
    """An occasion's opening day joined to the day it runs until, told next in the same clause."""
    timex = reading.timexes[n]
    clause = reading.clause_of(reading.timex_tokens[n][0])
    for m in range(n + 1, len(reading.timexes)):
        end = reading.timexes[m]
        if not clause.owns(reading.timex_tokens[m][0]) or end.prep not in ("until", "through", "to", "till"):
            continue
        if timex.weekday is not None and end.weekday is not None and timex.weekday_end is None:
            return replace(timex, weekday_end=end.weekday)
        if timex.day is not None and end.day is not None and timex.day_end is None and end.month in (None, timex.month):
            return replace(timex, day_end=end.day)
    return timex


# ---------------------------------------------------------------- claiming dates


def claim_dates(reading: Reading, candidates: list[Candidate]) -> None:
    """Give each candidate of a sentence the date expression that belongs to it, if any."""
    heads = attach.heads(reading)
    occasions = attach.occasion_dates(reading, heads)
    for candidate in candidates:
        if candidate.timex is None:
            candidate.timex = _claimed_date(reading, candidate, heads, occasions)


def _claimed_date(reading: Reading, candidate: Candidate, heads: list[attach.Head | None],
                  occasions: dict[int, int]) -> Timex | None:
    """The date expression on the candidate's own words, else the nearest among its clause's, else the date a when-clause follows, the occasion
    its clause links to, the day a place had reached, or the date of a phrase opening a statement's clause."""
    owned = _owned_dates(reading, candidate, heads)
    if owned:
        best = min(owned, key=lambda n: (not _on_words(heads[n], candidate),
                                         abs(reading.timex_tokens[n][0] - candidate.position)))
        return _stretched(reading, occasions, best)
    if (inherited := _antecedent_date(reading, candidate)) is not None:
        return inherited
    if (linked := _linked_date(reading, candidate, occasions)) is not None:
        return linked
    if (local := _local_day(reading, candidate)) is not None:
        return local
    if candidate.type == "statement":
        return _opener_date(reading, candidate, heads)
    return None


def _on_words(head: attach.Head, candidate: Candidate) -> bool:
    """A date told on the trigger's own words ("his telephone talk ... on the following day")."""
    return head.kind == attach.TOKEN and head.index in candidate.words


def _owned_dates(reading: Reading, candidate: Candidate, heads: list[attach.Head | None]) -> list[int]:
    """The date expressions whose heads are the candidate's, else those of the verbs it continues."""
    own = [n for n, head in enumerate(heads) if head is not None and _belongs(reading, candidate, head, n)]
    if own:
        return own
    return [n for n, head in enumerate(heads)
            if head is not None and head.kind == attach.TOKEN and head.index in candidate.chain]


def _linked_date(reading: Reading, candidate: Candidate, occasions: dict[int, int]) -> Timex | None:
    """"Hold talks around the time of the summit, which starts on June 15": talks, a statement or a deal that
    its clause ties to a dated occasion take the occasion's days, read without tense."""
    if candidate.type not in ("meeting", "statement", "agreement"):
        return None
    linked = attach.linked_occasion(reading, reading.clauses[candidate.clause], occasions, candidate.position)
    if linked is None:
        return None
    return replace(_stretched(reading, occasions, linked), prep="occasion")


def _opener_date(reading: Reading, candidate: Candidate, heads: list) -> Timex | None:
    """"Speaking to reporters on Monday, Akazawa said ...": the date of a phrase that opens the speaker's clause."""
    openers = [c for c in reading.clauses if c.parent == candidate.clause and c.kind in (PARTICIPLE, SUBORDINATE)
               and c.last <= candidate.position]
    for n, head in enumerate(heads):
        if head is None:
            continue
        at = reading.clauses[head.index] if head.kind == attach.CLAUSE else reading.clause_of(head.index)
        if at in openers:
            return reading.timexes[n]
    return None


NARRATED = ("main", "coordinate", "subordinate", "participle")


def narration(reading: Reading, candidates: list[Candidate]) -> list[Candidate]:
    """Days the story moves to without an event of ours ("When Akazawa left the White House on Tuesday, ..."):
    a past verb with its own date. They date nothing themselves; they only carry the story's day for
    "hours later" or "that day", and are dropped when merging."""
    from .modality import Modality, verb_form
    claimed = {(c.timex.start, c.timex.end) for c in candidates if c.timex is not None}
    found = []
    for n, head in enumerate(attach.heads(reading)):
        timex = reading.timexes[n]
        at = _narrated_verb(reading, head)
        if at is None or (timex.start, timex.end) in claimed:
            continue
        verb = reading.tokens[at]
        clause = reading.clause_of(at)
        if is_verb(verb) and verb_form(verb) in ("past", "participle") and clause.kind in NARRATED:
            sentence = reading.sentence
            found.append(Candidate(type="time", pattern="narration", article=sentence.article, sentence=sentence.index,
                                   source=sentence.text, position=at, clause=clause.index, fields={},
                                   modality=Modality(tense="past"), timex=timex))
    return found


def _narrated_verb(reading: Reading, head) -> int | None:
    """The verb a date tells the time of: its head, the verb of an occasion it dates that stands as the clause's
    subject ("The election on July 20 cost Ishiba his majority"), or the first verb of the clause it opens ("By
    the end of June, Akazawa had extended his stay")."""
    if head is None:
        return None
    if head.kind == attach.TOKEN:
        return _occasion_subject_verb(reading, head.index)
    verbs = [i for i in reading.clauses[head.index].own() if is_verb(reading.tokens[i])]
    return verbs[0] if verbs else None


def _occasion_subject_verb(reading: Reading, at: int) -> int:
    """The verb whose subject is the dated occasion at `at`, else `at` itself."""
    tokens = reading.tokens
    if tokens[at].key not in attach.occasion_nouns():
        return at
    clause = reading.clause_of(at)
    before = [i for i in clause.own() if i < at]
    if any(tokens[i].key in attach.PREPOSITIONS or is_verb(tokens[i]) for i in before):
        return at  # "ahead of the June 15 summit", "after the vote on Sunday": no subject
    return next((i for i in clause.own() if i > at and is_verb(tokens[i])), at)


def _stretched(reading: Reading, occasions: dict[int, int], n: int) -> Timex:
    """A day that opens an occasion of several days ("the three-day summit, which starts on June 15") names them all,
    and so does a day it is told to run until ("which opens on Sunday and runs until Tuesday")."""
    timex = _run_until(reading, n)
    noun = next((noun for noun, m in occasions.items() if m == n), None)
    days = attach.occasion_length(reading, noun) if noun is not None else 1
    if days > 1 and timex.kind == "absolute" and timex.day is not None and timex.day_end is None and timex.day + days - 1 <= 28:
        return replace(timex, day_end=timex.day + days - 1)
    return timex


def _belongs(reading: Reading, candidate: Candidate, head: attach.Head, n: int) -> bool:
    clause = reading.clauses[candidate.clause]
    if head.kind == attach.TOKEN:
        return head.index in candidate.heads or _at_dated_occasion(reading, clause, head.index, n)
    if head.index == clause.index or head.index in candidate.scopes:
        return True
    if clause.parent == head.index and _carries_on(reading, clause, n):
        return True
    return _heading(reading, head.index, clause)


def _at_dated_occasion(reading: Reading, clause: Clause, noun: int, n: int) -> bool:
    """"Tuesday's hearing ..., where the minister answered questions": a relative clause set at an occasion
    whose noun, in the clause it hangs from, carries the date."""
    parent = reading.clauses[clause.parent] if clause.parent is not None else None
    return parent is not None and parent.owns(noun) and clause.kind == RELATIVE and _carries_on(reading, clause, n)


def _carries_on(reading: Reading, clause: Clause, n: int) -> bool:
    """Whether a clause goes on from the one it hangs from and so shares its date `n`, told before it: a
    coordinate or participle clause does; a relative one set at an occasion ("..., where", "..., when") shares
    the date told last before it, the occasion's."""
    start = reading.timex_tokens[n][0]
    if start >= clause.first:
        return False
    if clause.kind in (COORDINATE, PARTICIPLE):
        return True
    later = any(start < other[0] < clause.first for other in reading.timex_tokens)
    return clause.kind == RELATIVE and clause.marker in _occasion_relatives() and not later


@cache
def _occasion_relatives() -> frozenset[str]:
    return frozenset(lexicon.load("grammar")["occasion_relatives"])


def _heading(reading: Reading, dated: int, clause: Clause) -> bool:
    """A date standing alone before a colon or a dash heads what follows it ("April 16: Akazawa meets Trump",
    "Feb. 7 — first summit"): it dates the next clause of the same rank."""
    heading = reading.clauses[dated]
    if heading.kind not in ("main", "coordinate") or any(is_verb(reading.tokens[i]) for i in heading.own()):
        return False
    top = clause
    while top.parent is not None and top.kind not in ("main", "coordinate"):
        top = reading.clauses[top.parent]
    following = [c for c in reading.clauses if c.kind in ("main", "coordinate") and c.first >= heading.last]
    return bool(following) and following[0].index == top.index


def _local_day(reading: Reading, candidate: Candidate) -> Timex | None:
    """"In Tokyo, where it was already Wednesday, Ishiba told reporters": the day a place had reached is the
    day of what happened there."""
    for clause in reading.clauses:
        if clause.kind != RELATIVE or clause.marker != "where" or not any(reading.tokens[i].key == "already" for i in clause.own()):
            continue
        for n, (first, _) in enumerate(reading.timex_tokens):
            if clause.owns(first) and reading.timexes[n].kind in ("weekday", "deictic"):
                return replace(reading.timexes[n], zone="local", which=reading.timexes[n].which or "this")
    return None


def _antecedent_date(reading: Reading, candidate: Candidate) -> Timex | None:
    """"his visit in July, when he met Trump": a when-clause takes the date just before it."""
    clause = reading.clauses[candidate.clause]
    if clause.kind != RELATIVE or clause.marker not in ("when", "where"):
        return None
    for n, (first, last) in enumerate(reading.timex_tokens):
        if 0 <= clause.first - last <= 2:
            return reading.timexes[n]
    return None
