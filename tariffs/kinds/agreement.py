"""Agreements: settled by both sides, or expected; never a hypothesis, a denial or a mere reference."""
from __future__ import annotations

from dataclasses import replace

from .. import modality
from ..events import Candidate, Trigger
from ..mentions import Reading
from ..modality import Modality
from ..officials import directory
from ..slots import candidate, definite, hits_in, inherited_subject, persons

# Words that name both sides of the negotiations at once.
BOTH_SIDES = ("two sides", "both sides", "two countries", "both countries", "two governments", "both governments",
              "two leaders", "both leaders", "the two", "japan and the united states", "japan and the u.s.",
              "the united states and japan", "the u.s. and japan", "tokyo and washington", "washington and tokyo",
              "japan and the us", "the us and japan", "two nations", "two allies", "two men", "the pair", "they")


def agreements(reading: Reading, trigger: Trigger) -> list[Candidate]:
    mood = _mood(reading, trigger)
    if _ruled_out(reading, trigger, mood):
        return []
    fields = {"status": _status(trigger, mood), "parties": _parties(reading, trigger), "kind": _kind(reading, trigger),
              "document": _document(reading, trigger.first, trigger.last), "what": what_agreed(reading, trigger)}
    reference = trigger.noun and definite(reading, trigger)
    found = [candidate(reading, trigger, fields, mood, reference=reference)]
    for other in _more_documents(reading, trigger):  # "signed a document ..., and a framework ..."
        found.append(candidate(reading, trigger, {**fields, "document": other}, mood, reference=reference))
    return found


# Words that open what was agreed after the trigger ("a deal on ...", "agreed to ...", "a deal that sets ...").
WHAT_OPENERS = ("on", "to", "that", "for", "covering", "including", "under which", "which", "in which", "over")
# Words that close it: the end of the clause's report, a source, a date of its own.
WHAT_CLOSERS = frozenset({",", ";", ":", "—", "–", "(", "said", "says", "according", "officials", "the ministry"})
WHAT_WORDS = 24


def what_agreed(reading: Reading, trigger: Trigger) -> str | None:
    """The object of an agreement as the sentence words it: what follows the trigger from an opener
    ("on", "to", "that sets") to the end of its clause or the next comma, at most a couple of dozen words;
    None when nothing is said of it."""
    tokens, last = reading.tokens, trigger.clause.last
    dated = _dated_tokens(reading)
    start = trigger.last
    while start < last and (start in dated or tokens[start].key in WHAT_SKIPPED):
        start += 1
    opener = next((o for o in WHAT_OPENERS if [t.key for t in tokens[start:start + len(o.split())]] == o.split()), None)
    if opener is None:
        return None
    begin = start + len(opener.split())
    end = begin
    while end < min(last, begin + WHAT_WORDS) and tokens[end].text not in WHAT_CLOSERS and end not in reading.quoted \
            and end not in dated:
        end += 1
    words = reading.text[tokens[begin].start:tokens[end - 1].end] if end > begin else ""
    return words.strip(" .") or None


# Between the trigger and what was agreed: the parties and the deal's own name ("a trade deal with Japan on ...").
WHAT_SKIPPED = frozenset({"with", "japan", "the", "united", "states", "u.s.", "us", "washington", "tokyo", "a", "an",
                          "trade", "deal", "agreement", "framework"})


def _dated_tokens(reading: Reading) -> set[int]:
    """The tokens of the sentence's date expressions, with a preposition that opens one ("on Tuesday")."""
    dated: set[int] = set()
    for first, last in reading.timex_tokens:
        dated.update(range(first, last))
        if first > 0 and reading.tokens[first - 1].key in ("on", "last", "this", "in", "by", "early", "late"):
            dated.add(first - 1)
    return dated


def _mood(reading: Reading, trigger: Trigger) -> Modality:
    """The trigger's mood; with a noun before its verb ("a deal could be reached") the verb carries the mood,
    and the noun keeps its own denial ("No deal was reached")."""
    mood = modality.read(reading, trigger.clause, trigger.first, trigger.last, trigger.noun)
    verb_last = trigger.noun and trigger.spec.get("object")
    if not verb_last:
        return mood
    verb = modality.read(reading, trigger.clause, trigger.last - 1, trigger.last)
    return replace(verb, negated=verb.negated or mood.negated)


def _ruled_out(reading: Reading, trigger: Trigger, mood: Modality) -> bool:
    """No agreement: a denied, supposed or called-off one, a denied object, one side alone where the pattern
    needs both, or a hope that failed."""
    if mood.negated or mood.conditional or mood.cancelled or mood.denied:
        return True
    if trigger.spec.get("object") and not trigger.noun and modality.object_denied(reading, trigger.first, trigger.last):
        return True
    if trigger.spec.get("needs") == "two_sides" and not _two_sides(reading, trigger):
        return True
    return bool(mood.pluperfect and mood.proposed)  # "Tokyo had hoped to seal a deal": a hope that failed


def _status(trigger: Trigger, mood: Modality) -> str:
    """Reached when told as done (a finite verb in the past or present, or a noun); else expected."""
    finite = mood.tense in ("past", "present") or trigger.noun
    return "expected" if (mood.future or mood.proposed or not finite) else "reached"


def _document(reading: Reading, first: int, last: int) -> str | None:
    """Which kind of signed document a trigger's words name, if any."""
    hits = [h for h in hits_in(reading, "agreement:documents") if first <= h.first < last]
    return str(hits[-1].value) if hits else None


def _more_documents(reading: Reading, trigger: Trigger) -> list[str]:
    """Further documents a verb of signing takes, joined by "and" after its first one."""
    if trigger.noun or not trigger.spec.get("object"):
        return []
    tokens = reading.tokens
    found = []
    for hit in hits_in(reading, "agreement:documents", trigger.clause):
        opener = [t.key for t in tokens[max(trigger.last, hit.first - 3):hit.first]]
        if hit.first > trigger.last and "and" in opener and hit.value != _document(reading, trigger.first, trigger.last):
            found.append(str(hit.value))
    return list(dict.fromkeys(found))


def _two_sides(reading: Reading, trigger: Trigger) -> bool:
    """"The two sides agreed", "Ishiba and Trump agreed": both parties stand before the verb."""
    clause = trigger.clause
    own = [i for i in clause.own() if i < trigger.first]
    text = " ".join(reading.tokens[i].key for i in own)
    if any(phrase in text for phrase in BOTH_SIDES):
        return True
    countries = set()
    for mention in reading.people:
        if mention.first in own:
            countries |= {directory().country_of(n) for n in persons(mention) or mention.names}
    countries |= {h.value for h in hits_in(reading, "country", clause) if h.first in own}
    if all(reading.tokens[i].key in ("and", "but", "then", "also", ",") for i in own):  # ", and agreed to ...": the shared subject
        countries |= {directory().country_of(p.name) for p in inherited_subject(reading, clause)}
    return {"JP", "US"} <= countries


def _parties(reading: Reading, trigger: Trigger) -> list[str]:
    """Japan and the United States, unless the clause names another partner of the U.S. as a party:
    a country or a person of it ("Trump and Carney agreed"), not a place ("agreed to meet in Canada")."""
    clause = trigger.clause
    named = {h.value for h in hits_in(reading, "country", clause) if h.first < trigger.first}
    named |= {directory().country_of(n) for m in reading.people if clause.owns(m.first) for n in persons(m)}
    others = [c for c in named if c and c not in ("JP", "US")]
    japan = "JP" in named
    if others and not japan:
        return ["US", others[0]]
    return ["JP", "US"]


def _kind(reading: Reading, trigger: Trigger) -> str:
    words = [h for h in hits_in(reading, "agreement:kinds", trigger.clause) if trigger.first - 2 <= h.first <= trigger.last + 6]
    for kind in ("memorandum", "order", "deal"):
        if any(h.value == kind for h in words):
            return kind
    return trigger.spec.get("kind", "deal")
