"""Which words a date expression belongs to: the one attachment rule for every event type.

A date dates an event only when it belongs to the event's trigger: its own
adverbial or prepositional phrase ("met on Friday", "a meeting last week
with", "took effect Tuesday", "effective Sept. 16"). So each date expression
gets a head, and an event claims the dates whose head is one of its words:

  * a date before a noun modifies that noun ("a July 9 deadline", "Friday's meetings");
  * a date after an occasion noun that no verb takes as its object modifies
    the noun ("his visit in July", "talks in late May", "the election on July 20");
  * otherwise a date modifies the nearest verb before it in its clause
    ("met Lutnick at his home on Friday", "signed an executive order Thursday");
  * a date that opens its clause, before any verb, dates the whole clause
    ("On Thursday, Akazawa and Lutnick discussed ...");
  * "a day after" dates the clause it introduces ("a day after they met").

A date inside a relative clause, an aside, an attribution or a quotation
belongs to that clause; it never reaches the clause around it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import lexicon
from .clauses import SUBORDINATE, Clause, is_verb
from .clauses import words as grammar
from .dates import SHIFT
from .mentions import Reading
from .tokens import phrase_keys

TOKEN, CLAUSE = "token", "clause"
# Words that may stand between a date and the noun it modifies ("the July 9 tariff deadline").
PREMODIFIER_REACH = 3
PREPOSITIONS = frozenset({"on", "in", "at", "of", "for", "from", "since", "during", "by", "until", "through", "starting",
                          "effective", "before", "after"})


@dataclass(frozen=True, slots=True)
class Head:
    """What a date expression belongs to: one token (a verb or a noun), or a whole clause."""

    kind: str
    index: int


@cache
def eventive_nouns() -> frozenset[str]:
    return frozenset(k for p in lexicon.load("grammar")["eventive_nouns"] for k in phrase_keys(p))


@cache
def occasion_nouns() -> frozenset[str]:
    return frozenset(k for p in lexicon.load("grammar")["occasion_nouns"] for k in phrase_keys(p))


def heads(reading: Reading) -> list[Head | None]:
    """The head of each date expression of a sentence, in the order of `reading.timexes`."""
    return [head_of(reading, n) for n in range(len(reading.timexes))]


def head_of(reading: Reading, n: int) -> Head | None:
    first, last = reading.timex_tokens[n]
    clause = reading.clause_of(first)
    if reading.timexes[n].kind == SHIFT:
        following = _clause_after(reading, last)
        if following is not None:
            return Head(CLAUSE, following.index)
        noun = _shifted_noun(reading, clause, last)
        return Head(TOKEN, noun) if noun is not None else None
    for finder in (_modified_noun, _occasion_before, _appositive, _verb_before):
        found = finder(reading, clause, first, last)
        if found is not None:
            return Head(TOKEN, found)
    return Head(CLAUSE, clause.index)


def _shifted_noun(reading: Reading, clause: Clause, last: int) -> int | None:
    """"a day after an hour-long meeting with him": the occasion a shift counts back from, when no clause follows."""
    for i in range(last, min(clause.last, last + 6)):
        if reading.tokens[i].key in occasion_nouns():
            return i
        if is_verb(reading.tokens[i]) or reading.tokens[i].text in ",;":
            return None
    return None


def _clause_after(reading: Reading, last: int) -> Clause | None:
    """The adverbial clause a shift opens ("a day | after they met"): it may start on the shift's own last word."""
    return next((c for c in reading.clauses if last - 1 <= c.first <= last and c.kind == SUBORDINATE), None)


# Words that may stand between a date and the noun it modifies: "the July 9 tariff deadline".
MODIFIERS = frozenset({"tariff", "trade", "ministerial", "new", "extended", "original", "initial", "final", "latest",
                       "first", "second", "third", "last", "next", "self", "imposed", "announced", "looming", "-",
                       "day", "days", "leaders", "summit", "reciprocal", "letter", "executive", "rates"})


def _modified_noun(reading: Reading, clause: Clause, first: int, last: int) -> int | None:
    """"a July 9 deadline", "Friday's meetings", "the April 2 rates", "next Wednesday's deadline": a date
    right before a noun, with only names and modifiers between, modifies that noun."""
    tokens = reading.tokens
    i = last
    if i < len(tokens) and tokens[i].key == "'s":
        i += 1
    for j in range(i, min(len(tokens), i + PREMODIFIER_REACH + 1)):
        token = tokens[j]
        if not clause.owns(j):
            return None
        if token.key in eventive_nouns():
            return j
        if not (token.capitalized or token.key in MODIFIERS):
            return None
    return None


def _occasion_before(reading: Reading, clause: Clause, first: int, last: int) -> int | None:
    """"his visit in July", "talks in late May", "a meeting last week": a noun no verb before it takes as object;
    "the telephone talk between the two leaders on May 23": a noun with the phrase naming its people between."""
    tokens = reading.tokens
    i = first - 1
    if i >= 0 and tokens[i].key in PREPOSITIONS:
        i -= 1
    if i >= clause.first and clause.owns(i) and tokens[i].key in occasion_nouns():
        return None if _object_of_verb(reading, clause, i) else i
    return _noun_before_people(reading, clause, i)


def _noun_before_people(reading: Reading, clause: Clause, i: int) -> int | None:
    """An occasion noun followed by "between", "with" or "to" and the people of it, right before a date ("a
    call to Lutnick on Saturday")."""
    tokens = reading.tokens
    for j in range(i, max(clause.first, i - 8) - 1, -1):
        if not clause.owns(j) or is_verb(tokens[j]) or tokens[j].text in ",;":
            return None
        if tokens[j].key in ("between", "with", "to") and j > 0 and tokens[j - 1].key in occasion_nouns():
            return j - 1
    return None


def _object_of_verb(reading: Reading, clause: Clause, noun: int) -> bool:
    """Whether a verb takes the noun as its object: only articles, possessives, numbers and modifiers between them."""
    tokens = reading.tokens
    w = grammar()
    for i in range(noun - 1, clause.first - 1, -1):
        token = tokens[i]
        if not clause.owns(i):
            return False
        if is_verb(token) and token.key not in w.auxiliaries:
            return True
        if token.key in PREPOSITIONS or token.text in ",;:" or token.key in ("and", "or"):
            return False
    return False


# Words that open a noun phrase set off by a comma: an appositive ("..., his ninth trip since April").
APPOSITIVE_OPENERS = frozenset({"his", "her", "their", "its", "the", "a", "an"})


def _appositive(reading: Reading, clause: Clause, first: int, last: int) -> int | None:
    """"He may see Bessent during the trip, his ninth since April": a date inside a noun phrase set off by a
    comma after the verb belongs to that phrase (its first word), not to the verb."""
    tokens = reading.tokens
    for i in range(first - 1, clause.first - 1, -1):
        if not clause.owns(i) or is_verb(tokens[i]):
            return None
        if tokens[i].text == ",":
            opener = i + 1 < first and tokens[i + 1].key in APPOSITIVE_OPENERS
            return i + 1 if opener else None
    return None


def _verb_before(reading: Reading, clause: Clause, first: int, last: int) -> int | None:
    """The nearest verb before the date in its own clause."""
    tokens = reading.tokens
    w = grammar()
    helpers = reading.cue_tokens
    for i in range(first - 1, clause.first - 1, -1):
        if clause.owns(i) and is_verb(tokens[i]) and tokens[i].key not in w.auxiliaries and i not in helpers:
            return i
    return None


# Words that tie an event to an occasion with a date of its own ("at the G7 summit, which opens June 15").
OCCASION_LINKS = (("at",), ("during",), ("on", "the", "sidelines", "of"), ("on", "the", "margins", "of"),
                  ("on", "the", "fringes", "of"), ("around", "the", "time", "of"), ("at", "the", "time", "of"),
                  ("in", "the", "run", "-", "up", "to"), ("on", "the", "occasion", "of"), ("when", "they", "attend"),
                  ("for",), ("in",), ("after",), ("following",))
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


def occasion_dates(reading: Reading, heads: list[Head | None]) -> dict[int, int]:
    """Occasion nouns that carry a date of their own: noun token → date expression. A date belongs to a noun
    when its head is the noun, or when it stands in a relative clause right after the noun
    ("the summit, which opens June 15")."""
    found: dict[int, int] = {}
    nouns = eventive_nouns()
    for n, head in enumerate(heads):
        if head is None:
            continue
        if head.kind == TOKEN and reading.tokens[head.index].key in nouns:
            found.setdefault(head.index, n)
            continue
        clause = reading.clauses[head.index] if head.kind == CLAUSE else reading.clause_of(head.index)
        if clause.kind == "relative" and clause.first >= 2:
            noun = _noun_before(reading, clause.first)
            if noun is not None:
                found.setdefault(noun, n)
    return found


def _noun_before(reading: Reading, start: int) -> int | None:
    """The occasion noun a relative clause hangs from, within a few words before it ("summit in Canada, which")."""
    for i in range(start - 1, max(-1, start - 13), -1):
        if reading.tokens[i].key in eventive_nouns():
            return i
    return None


def _purpose_between(reading: Reading, at: int, noun: int) -> bool:
    """"to reach a deal at ...": an infinitive between the event and the occasion (not "to the summit")."""
    tokens = reading.tokens
    return any(tokens[i].key == "to" and tokens[i + 1].is_word and not tokens[i + 1].capitalized
               and tokens[i + 1].key not in grammar().determiners and not tokens[i + 1].text[:1].isdigit()
               for i in range(at + 1, noun - 1))


def _bare_phrase(reading: Reading, first: int, noun: int) -> bool:
    """Only the occasion's own modifiers between a link and its noun ("at the G7 summit", "during Trump's
    three-day visit"), no verb and no other phrase ("for another round | of talks ahead of | the deadline")."""
    between = reading.tokens[first:noun]
    return not any(is_verb(t) or t.key in PREPOSITIONS or t.key in occasion_nouns() or t.key == "ahead" for t in between)


def linked_occasion(reading: Reading, clause: Clause, occasions: dict[int, int], at: int = 0) -> int | None:
    """A dated occasion the clause ties its event at token `at` to ("hold talks around the time of the summit,
    which starts on June 15"; "During the fifth round last week, ..."): its date expression's index. An
    occasion that a purpose aims at ("held talks to reach a deal at the summit on Monday") dates nothing."""
    for noun, n in occasions.items():
        if not clause.owns(noun) or _purpose_between(reading, at, noun):
            continue
        for link in OCCASION_LINKS:
            for start in range(max(clause.first, noun - len(link) - 10), noun):
                if tuple(t.key for t in reading.tokens[start:start + len(link)]) == link \
                        and _bare_phrase(reading, start + len(link), noun):
                    return n
    return None


def occasion_length(reading: Reading, noun: int) -> int:
    """"the three-day summit": how many days the occasion lasts (1 when the words do not say)."""
    tokens = reading.tokens
    for i in range(max(0, noun - 6), noun - 1):
        if tokens[i].key in NUMBER_WORDS and tokens[i + 1].text == "-" and i + 2 < noun and tokens[i + 2].key == "day":
            return NUMBER_WORDS[tokens[i].key]
    return 1
