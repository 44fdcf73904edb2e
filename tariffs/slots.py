"""Argument slots: who, with whom, where, how long, which round, and each type's own slots.

The shared binders read a trigger's clause the same way for every type: the
people before it (its subject, or the subject its clause shares with the
clause it hangs from), the people after it (its counterparts), the place,
the durations, the round, a count of sittings. Each event type then builds
its candidates from them; only what truly differs between types is here
per type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import lexicon, modality
from .clauses import (
    ATTRIBUTION,
    COMPLEMENT,
    COORDINATE,
    PARTICIPLE,
    RELATIVE,
    SUBORDINATE,
    Clause,
    is_verb,
)
from .clauses import words as grammar
from .events import Candidate, Trigger, pattern_file, trigger_heads, trigger_scopes
from .mentions import Mention, Reading
from .modality import FUTURE, PAST, Modality
from .officials import INSTITUTION, PERSON, UNNAMED, directory
from .tokens import Hit, Token

# Words that may stand inside a list of people ("Bessent, Lutnick and Greer", "X as well as Y").
LIST_WORDS = frozenset({"and", ",", "as", "well", "both", "also", "with", "the", "then", "separately", "jointly",
                        "together", "first", "already", "again", "later", "each", "mr.", "mr", "ms.", "ms", "mrs.",
                        "honorable", "u.s.", "us", "japan", "'s", "japanese", "american", "his", "her", "their",
                        "counterpart", "counterparts", "secretaries", "ministers"})
ADVERBS = frozenset({"first", "then", "also", "already", "later", "again", "once", "separately", "jointly", "finally",
                     "briefly", "previously", "initially", "still", "reportedly", "personally", "only", "just",
                     "had", "has", "have", "will", "would", "is", "are", "was", "were", "not", "to", "be", "been",
                     "shall", "could", "may", "might", "can", "should", "did", "does", "do", "n't", "never"})
DEFINITE = frozenset({"the", "that", "this", "those", "these", "their", "his", "her", "its", "such"})
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "opening": 1}
COUNTS = {"twice": 2, "two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4, "thrice": 3, "both": 2}
# Sittings told by the days they took ("on consecutive days", "on two straight days").
DAY_RUNS = (("consecutive", "days"), ("straight", "days"), ("back", "-", "to", "-", "back", "days"), ("successive", "days"),
            ("days", "running"))


@dataclass(frozen=True, slots=True)
class Party:
    """A person bound to a slot, and where the words naming them stand."""

    name: str
    first: int
    last: int


# ---------------------------------------------------------------- shared binders


POSSESSIVES = frozenset({"his", "her", "their", "its"})
# Words for the other side's people that the sentence does not name ("his counterparts", "U.S. Cabinet members").
UNNAMED_SIDE = frozenset({"counterpart", "counterparts", "members", "secretaries", "officials", "delegation",
                          "negotiators", "team", "side"})


def persons(mention: Mention) -> list[str]:
    return [n for n in mention.names if n in directory().people] if mention.kind == PERSON else []


def _participant(reading: Reading, mention: Mention) -> bool:
    """A possessive ("his counterparts", "during Trump's stay") names the owner of something, not a participant."""
    owner = mention.last < len(reading.tokens) and reading.tokens[mention.last].key in ("'s", "'", "’")  # "the leaders' summit"
    return not _possessive_pronoun(reading, mention) and not owner


def unnamed_side(reading: Reading, clause: Clause, last: int) -> bool:
    """"with his counterparts", "with U.S. Cabinet members": people of the other side the sentence does not name."""
    return _unnamed_at(reading, clause, last) is not None


def counterparts_owner(reading: Reading, clause: Clause, last: int) -> list[Party]:
    """"a meeting with his counterparts": the one whose counterparts they are takes part too."""
    at = _unnamed_at(reading, clause, last)
    if at is None:
        return []
    for i in range(at - 1, max(last, at - 4) - 1, -1):
        mention = _mention_at(reading, i)
        if mention is not None and (mention.how == "pronoun" and reading.tokens[i].key in POSSESSIVES
                                    or reading.tokens[mention.last].key == "'s"):
            return [Party(n, mention.first, mention.last) for n in persons(mention)]
    return []


def _unnamed_at(reading: Reading, clause: Clause, last: int) -> int | None:
    tokens = reading.tokens
    opened = False
    for i in range(last, min(clause.last, last + 8)):
        if tokens[i].key in ("with", "between"):
            opened = True
        elif opened and tokens[i].key in UNNAMED_SIDE and clause.owns(i):
            return i
    return None


def subject_of(reading: Reading, clause: Clause, first: int) -> list[Party]:
    """The people before a trigger in its clause, back to the nearest verb: its subject. A verb joined to an
    earlier one by "and" ("was summoned ... and spent 50 minutes with Trump") shares that verb's subject."""
    found: list[Party] = []
    tokens = reading.tokens
    helpers = reading.cue_tokens
    earlier = coordinated_verb(reading, clause, first)
    if earlier is not None:
        return subject_of(reading, clause, earlier)
    i = first - 1
    while i >= clause.first:
        if not clause.owns(i) or i in helpers:
            i -= 1
            continue
        mention = _mention_at(reading, i)
        if mention is not None:
            if _participant(reading, mention) and not _in_phrase(reading, mention):
                found = [Party(n, mention.first, mention.last) for n in persons(mention)] + found
            i = mention.first - 1
            continue
        token = tokens[i]
        if is_verb(token) and token.key not in ADVERBS:
            return found or _subject_through_verb(reading, clause, i, first)
        if found and _outside_list(token):
            break
        i -= 1
    return found


def _subject_through_verb(reading: Reading, clause: Clause, verb: int, first: int) -> list[Party]:
    """No one is named between the trigger and the verb before it: the subject comes through that verb, as its
    object before an infinitive ("wants Akazawa to meet") or as its subject when the two are joined."""
    controlled = _object_control(reading, verb, first)
    if controlled is not None:
        return controlled
    return subject_of(reading, clause, verb) if _joined_verb(reading, verb, first) else []


def _outside_list(token: Token) -> bool:
    """A word that cannot stand inside a list of people, so a subject found after it is complete."""
    return token.is_word and token.key not in LIST_WORDS and token.key not in ADVERBS


PHRASE_HEADS = frozenset({"of", "to", "for", "from", "by", "at", "against", "toward", "towards", "about", "than", "among",
                          "like", "unlike", "without", "under"})


def _in_phrase(reading: Reading, mention: Mention) -> bool:
    """"a close ally of Mr. Ishiba": a person after a preposition is no subject, save the subject of an
    infinitive ("arranging for Akazawa to visit Washington")."""
    tokens = reading.tokens
    before = mention.first - 1
    while before > 0 and tokens[before].key in HONORIFICS:
        before -= 1  # "of Mr. Ishiba"
    infinitive = tokens[before].key == "for" and mention.last < len(tokens) and tokens[mention.last].key == "to"
    return mention.first > 0 and tokens[before].key in PHRASE_HEADS and not infinitive


# Words of address before a name.
HONORIFICS = frozenset({"mr", "ms", "mrs", "dr", ".", "mr.", "ms.", "mrs.", "dr."})


def coordinated_verb(reading: Reading, clause: Clause, first: int) -> int | None:
    """"He held talks with Lutnick ... and was then ushered in to see Trump": the verb before "and" whose
    subject this verb shares (the person right before "and" is that verb's object)."""
    tokens = reading.tokens
    i = first - 1
    while i >= clause.first and (tokens[i].key in ADVERBS or i in reading.cue_tokens):
        i -= 1
    if i < clause.first or tokens[i].key not in ("and", "then", "but"):
        return None
    for j in range(i - 1, clause.first - 1, -1):
        if clause.owns(j) and is_verb(tokens[j]) and tokens[j].key not in ADVERBS and j not in reading.cue_tokens:
            return j
    return None


def _object_control(reading: Reading, verb: int, first: int) -> list[Party] | None:
    """"wants Akazawa to meet Lutnick", "instructed their ministers to keep talking": the object of the verb
    before "to" is the subject of the verb after it (a person, or no one we name); None when no object stands
    there ("flew to Washington to meet Lutnick")."""
    tokens = reading.tokens
    if first < 2 or tokens[first - 1].key != "to" or verb + 1 >= first - 1:
        return None
    after = tokens[verb + 1]
    if after.key in PP_OPENERS or after.key in PHRASE_HEADS or after.key in ADVERBS:
        return None
    mention = _mention_at(reading, verb + 1)
    if mention is not None and mention.kind == PERSON and mention.last == first - 1:
        return [Party(n, mention.first, mention.last) for n in persons(mention)]
    return [] if after.key in DETERMINERS_OBJECT else None


# Words opening a noun phrase that a verb takes as its object ("instructed their ministers to ...").
DETERMINERS_OBJECT = frozenset({"the", "a", "an", "their", "his", "her", "its", "our", "both", "all"})


def _joined_verb(reading: Reading, verb: int, first: int) -> bool:
    """Whether the trigger's verb is joined to an earlier verb by "and" ("... and spent", "... and then met")."""
    keys = [t.key for t in reading.tokens[verb + 1:first] if t.i not in reading.cue_tokens]
    if reading.tokens[first - 1].key == "to":
        return True  # "flew to Washington to meet Lutnick": the traveller meets
    while keys and keys[-1] in ADVERBS:
        keys.pop()
    if keys and all(k in PARTICLES for k in keys) or not keys and verb == first - 1:
        return True  # "ended up spending 40 minutes with Trump", "kept meeting": a chain of verbs
    return bool(keys) and keys[-1] in ("and", "then", "but", "or")  # only cue words between: nothing joins


# Particles between a verb and the -ing verb it leads into ("ended up spending", "went on meeting").
PARTICLES = frozenset({"up", "on", "off", "out"})


def objects_of(reading: Reading, clause: Clause, last: int, need_with: bool) -> list[Party]:
    """The people after a trigger in its clause, in a list that may run across "and" and "then"."""
    found: list[Party] = []
    tokens = reading.tokens
    opened = not need_with
    extra = _listing(reading, clause)
    i, end = last, max(clause.last, max(extra, default=0) + 1)
    while i < end:
        if not (clause.owns(i) or i in extra):
            i += 1
            continue
        token = tokens[i]
        if token.key in ("with", "to", "between", "among", "alongside"):
            opened = True
        mention = _mention_at(reading, i)
        if mention is not None:
            if opened and mention.kind == PERSON and _participant(reading, mention):
                found += [Party(n, mention.first, mention.last) for n in persons(mention)]
            i = mention.last
            continue
        if _ends_objects(reading, i, found):
            break
        i += 1
    return found


# Words opening a phrase that goes on listing a trigger's counterparts ("..., including with Bessent").
LISTING = frozenset({"including", "joined"})


def _listing(reading: Reading, clause: Clause) -> set[int]:
    return {i for c in reading.clauses if c.parent == clause.index and c.kind == PARTICIPLE and c.marker in LISTING
            for i in range(c.first, c.last)}


def _ends_objects(reading: Reading, i: int, found: list[Party]) -> bool:
    token = reading.tokens[i]
    if found and any(h.category == "trigger:meeting" for h in reading.hits_at(i)):
        return True  # "saw Lutnick twice, and fit in 45 minutes with Bessent": the next sitting's words
    if token.key == "about":
        return _about_ends(reading, i)
    if token.key in ("that", "who", "which", "whether", "said", "told", ";", "while", "but", "because"):
        return True
    if _infinitive_at(reading, i):
        return True
    return is_verb(token) and token.key not in ADVERBS and not token.key.endswith("ing") and bool(found)


def _about_ends(reading: Reading, i: int) -> bool:
    """"talked about tariffs" ends them; "about 50 minutes with Trump" does not."""
    following = reading.tokens[i + 1] if i + 1 < len(reading.tokens) else None
    return following is None or not (following.text[:1].isdigit() or following.key in ("an", "a", "half", "two",
                                                                                    "three", "an hour"))


def _infinitive_at(reading: Reading, i: int) -> bool:
    """"to" before a verb opens an infinitive, a new act rather than more of the trigger's counterparts."""
    return reading.tokens[i].key == "to" and i + 1 < len(reading.tokens) and is_verb(reading.tokens[i + 1])


def _mention_at(reading: Reading, i: int) -> Mention | None:
    for mention in reading.people:
        if mention.first <= i < mention.last:
            return mention
    return None


def inherited_subject(reading: Reading, clause: Clause) -> list[Party]:
    """The subject a clause without one shares: a coordinate or participle clause, or an adverbial one,
    shares its parent's; a relative clause names its antecedent."""
    if clause.parent is None:
        return []
    parent = reading.clauses[clause.parent]
    if clause.kind == RELATIVE and clause.marker in ("who", "whom", "whose", "that", "which"):
        return antecedent(reading, clause)
    if clause.kind in (COORDINATE, PARTICIPLE, SUBORDINATE, RELATIVE, ATTRIBUTION):
        verbs = [i for i in parent.own() if is_verb(reading.tokens[i])]
        anchor = verbs[0] if verbs else parent.last
        return subject_of(reading, parent, anchor) or inherited_subject(reading, parent)
    return []


def possessor(reading: Reading, trigger: Trigger) -> list[Party]:
    """"Akazawa's calls with Lutnick", "their meeting": the people a noun trigger belongs to."""
    tokens = reading.tokens
    i = trigger.first - 1
    while i >= trigger.clause.first and _premodifier(reading, i):
        i -= 1
    owned = i >= 0 and tokens[i].key == "'s"
    if owned:
        i -= 1
    mention = _mention_at(reading, i) if i >= 0 else None
    if mention is None:
        return []
    if owned or _possessive_pronoun(reading, mention):
        return [Party(n, mention.first, mention.last) for n in persons(mention)]
    return []


def _premodifier(reading: Reading, i: int) -> bool:
    """A word between a noun trigger and its owner ("Akazawa's two phone calls"): a plain word or hyphen that is
    no determiner, verb, person or "'s", any of which ends the search for the owner."""
    token = reading.tokens[i]
    return (token.is_word or token.text == "-") and token.key not in DEFINITE and not is_verb(token) \
        and _mention_at(reading, i) is None and token.key != "'s"


def _possessive_pronoun(reading: Reading, mention: Mention) -> bool:
    """"his", "their": a pronoun that owns the noun after it."""
    return mention.how == "pronoun" and reading.tokens[mention.first].key in POSSESSIVES


PP_OPENERS = frozenset({"during", "at", "in", "after", "before", "ahead", "following", "of", "since", "from", "for",
                        "around", "about", "on", "over", "into", "until"})


BOTH_SIDES = ("two sides", "both sides", "two countries", "both countries", "two governments", "both governments",
              "the two nations", "japan and the united states", "japan and the u.s.", "tokyo and washington",
              "washington and tokyo", "another round", "next round", "a new round", "further talks", "more talks")


def both_sides(reading: Reading, clause: Clause) -> bool:
    """"The two sides agreed to hold another round": talks between the countries, no one named yet."""
    text = " ".join(reading.tokens[i].key for i in clause.own())
    return any(phrase in text for phrase in BOTH_SIDES)


def presupposed(reading: Reading, trigger: Trigger) -> bool:
    """A noun trigger in a prepositional phrase ("during their meeting", "ahead of the summit") speaks of an
    occasion as given, whatever mood the clause around it is in."""
    tokens = reading.tokens
    i = trigger.first - 1
    while i >= trigger.clause.first and (tokens[i].key in DEFINITE or tokens[i].key in ("a", "an", "'s", "-")
                                         or tokens[i].text[:1].isdigit() or _modifier(tokens, i)):
        i -= 1
    if i >= 1 and tokens[i].key == "of" and tokens[i - 1].key not in OF_SETTINGS:
        return False  # "another round of talks": a part of talks told as they are, not a setting
    return trigger.noun and i >= 0 and tokens[i].key in PP_OPENERS


# Nouns whose "of" sets an occasion ("ahead of the summit", "on the sidelines of the meeting").
OF_SETTINGS = frozenset({"ahead", "sidelines", "margins", "fringes", "side", "eve", "wake", "end", "start", "time",
                         "up", "outcome", "result", "results", "details", "overview", "summary", "readout"})


def _modifier(tokens, i: int) -> bool:
    """Words that premodify a meeting noun; "in" and "to" only inside a compound ("in-person", "face-to-face")."""
    if tokens[i].key in ("to", "in"):
        return i + 1 < len(tokens) and tokens[i + 1].text == "-"
    return tokens[i].key in ("minute", "hour", "day", "first", "second", "latest", "next", "last", "planned",
                             "upcoming", "bilateral", "ministerial", "phone", "telephone", "face", "person", "summit")


def compound(reading: Reading, trigger: Trigger) -> list[Party]:
    """"the Ishiba-Trump summit", "an Akazawa-Lutnick call": people named in the words right before a noun."""
    found: list[Party] = []
    i = trigger.first - 1
    while i >= trigger.clause.first:
        mention = _mention_at(reading, i)
        if mention is not None and mention.how == "name":
            found = [Party(n, mention.first, mention.last) for n in persons(mention)] + found
            i = mention.first - 1
        elif reading.tokens[i].text == "-" and found:
            i -= 1
        else:
            break
    return found if len(found) >= 2 else []


def subject_after(reading: Reading, trigger: Trigger) -> list[Party]:
    """"In discussions with Bessent, Akazawa urged ...": a clause-opening phrase shares the clause's subject,
    the people named after the phrase and before the clause's verb."""
    clause = trigger.clause
    verbs = [i for i in clause.own() if i > trigger.last and is_verb(reading.tokens[i])]
    comma = next((i for i in range(trigger.last, clause.last) if reading.tokens[i].text == ","), None)
    if comma is None or not verbs or verbs[0] < comma:
        return []
    # "In those discussions, Akazawa urged Lutnick and Bessent to act": the clause's people met there
    return subject_of(reading, clause, verbs[0]) + objects_of(reading, clause, verbs[0] + 1, False)


def subject_before(reading: Reading, trigger: Trigger) -> list[Party]:
    """"They went over the list in a video conference": a phrase after the clause's verb shares its subject."""
    clause = trigger.clause
    opener = next((reading.tokens[i].key for i in range(trigger.first - 1, clause.first - 1, -1)
                   if reading.tokens[i].key in PP_OPENERS or reading.tokens[i].key == "to"), None)
    if opener not in ("in", "at", "during", "over", "after", "before", "following", "ahead", "for", "to"):
        verb = _support_verb(reading, clause, trigger.first)  # "made a brief call to Lutnick": the caller
        return subject_of(reading, clause, verb) if verb is not None else []  # "took note of the talks": no one
    verbs = [i for i in clause.own() if i < trigger.first and is_verb(reading.tokens[i])]
    if not verbs:
        return []
    return subject_of(reading, clause, verbs[-1]) or inherited_subject(reading, clause)


def _support_verb(reading: Reading, clause: Clause, noun: int) -> int | None:
    """A light verb whose object the noun is ("made a call", "had a 30-minute call", "followed that with a
    call"), with only an article, a number or a modifier between them."""
    tokens = reading.tokens
    for i in range(noun - 1, max(clause.first, noun - 6) - 1, -1):
        token = tokens[i]
        if is_verb(token):
            return i if token.key in grammar().support_verbs else None
        if not clause.owns(i) or token.text in ",;:" or _mention_at(reading, i) is not None:
            return None
    return None


def antecedent(reading: Reading, clause: Clause) -> list[Party]:
    """The people a relative clause hangs from ("Lutnick, whom the minister met a day earlier")."""
    if clause.kind != RELATIVE or clause.marker not in ("who", "whom", "that", "which") or clause.parent is None:
        return []
    parent = reading.clauses[clause.parent]
    before = [m for m in reading.people if m.last <= clause.first and parent.owns(m.first) and persons(m)]
    return [Party(n, m.first, m.last) for m in _coordinated(reading, before) for n in persons(m)]


def _coordinated(reading: Reading, mentions: list) -> list:
    """The last mention and those joined to it by "and" or a comma ("Lutnick and Bessent, whom he saw"):
    a relative clause after a list hangs from all of it."""
    joined = mentions[-1:]
    for earlier in reversed(mentions[:-1]):
        between = {t.key for t in reading.tokens[earlier.last:joined[0].first]}
        if not between or not between <= {"and", ","}:
            break
        joined.insert(0, earlier)
    return joined


def round_of(reading: Reading, clause: Clause | None) -> int | None:
    """"the fifth round", "his 7th round", "Round 2": the round of ministerial talks a clause names."""
    tokens = reading.tokens
    span = clause.own() if clause is not None else range(len(tokens))
    for i in span:
        if tokens[i].key not in ("round", "rounds") or round_as_landmark(tokens, i):
            continue
        before = tokens[i - 1].key if i else ""
        if before in ORDINALS:
            return ORDINALS[before]
        if m := re.fullmatch(r"(\d+)(?:st|nd|rd|th)", before):
            return int(m.group(1))
        if i + 1 < len(tokens) and tokens[i + 1].text.isdigit() and tokens[i].capitalized:
            return int(tokens[i + 1].text)
    return None


# Words before "the third round" that make it a landmark in time for another event, not its round:
# "on the same day as the third round", "a week after the second round".
LANDMARK_WORDS = frozenset({"as", "after", "before", "since", "than", "following", "preceding"})


def round_as_landmark(tokens, i: int) -> bool:
    """"(the same day) as the third round": a round named to place another event in time."""
    if tokens[i].key not in ("round", "rounds"):
        return False
    j = i - 2  # before the ordinal
    while j >= 0 and tokens[j].key in ("the", "his", "her", "their", "its"):
        j -= 1
    return j >= 0 and tokens[j].key in LANDMARK_WORDS


def place_of(reading: Reading, clause: Clause, first: int) -> str | None:
    """The place a clause names for its event, the one nearest after the trigger first."""
    places = [h for h in reading.hits_of("place") if clause.owns(h.first) and _as_place(reading, h.first)]
    if not places:
        return _home(reading, clause)
    after = [h for h in places if h.first >= first]
    return str((after or places)[0].value)


def _as_place(reading: Reading, at: int) -> bool:
    """A place name that names no speaker or party: alone, or a body named after "at" or "in" ("at the White House")."""
    mention = _mention_at(reading, at)
    if mention is None:
        return True
    return mention.kind == INSTITUTION and mention.first > 0 and reading.tokens[mention.first - 1].key in ("at", "in", "inside")


HOME = re.compile(r"\b(?:at\s+)?(?:the\s+)?((?:[A-Z]\w+|commerce secretary|treasury secretary)['’]s\s+(?:own\s+)?home)\b")


def _home(reading: Reading, clause: Clause) -> str | None:
    tokens = reading.tokens
    text = reading.text[tokens[clause.first].start:tokens[clause.last - 1].end]
    found = HOME.search(text)
    return found.group(1) if found else None


def durations_of(reading: Reading, clause: Clause, start: int = 0, end: int | None = None) -> list:
    end = len(reading.tokens) if end is None else end
    return [d for d in reading.durations if clause.owns(d.first) and start <= d.first < end]


def verb_phrase_end(reading: Reading, clause: Clause, last: int) -> int:
    """Where a trigger's own verb phrase ends: at the next verb joined by "and" ("... and fit in 45 minutes")."""
    tokens = reading.tokens
    for i in range(last + 1, clause.last):
        if tokens[i - 1].key in ("and", "then", ",") and clause.owns(i) and is_verb(tokens[i]) and tokens[i].key not in ADVERBS:
            return i
    return clause.last


def count_of(reading: Reading, trigger: Trigger) -> int:
    """"twice", "two calls", "two 110-minute meetings": how many sittings one trigger tells."""
    tokens = reading.tokens
    window = range(max(trigger.clause.first, trigger.first - 4), min(trigger.clause.last, trigger.last + 8))
    keys = [t.key for t in tokens[trigger.last:verb_phrase_end(reading, trigger.clause, trigger.last)]]
    if any(tuple(keys[i:i + len(run)]) == run for i, key in enumerate(keys) for run in DAY_RUNS if key == run[0]):
        return 2
    for key in ("twice", "thrice"):
        if key in keys:
            return COUNTS[key]
    for i in window:
        key = tokens[i].key
        if key == "twice" or key == "thrice":
            return COUNTS[key]
        if key in COUNTS and i < trigger.last and _counts_sittings(reading, i, trigger):
            return COUNTS[key]
    return 1


def _counts_sittings(reading: Reading, i: int, trigger: Trigger) -> bool:
    """A number counts the trigger's noun ("two calls"), not something else ("two countries")."""
    return trigger.noun or any(trigger.first <= j < trigger.last for j in range(i + 1, i + 4)) and i >= trigger.first


def anaphoric(reading: Reading, clause: Clause, first: int) -> bool:
    """Words before the trigger in its clause, or in a phrase that opens it, that date it by the story's last
    day ("then", "after the meeting", "Speaking to reporters after the call, ..."). A one-word adverb counts
    where it modifies a verb ("he then met", "First, he called on"), not a noun ("his first summit")."""
    if any(_dates_back(reading, hit, first) for hit in _anaphora_before(reading, clause, first)):
        return True
    parent = inherit_from(clause)  # "He then went to the USTR, where he held talks": the clause it hangs from
    return parent is not None and anaphoric(reading, reading.clauses[parent], clause.first)


def _anaphora_before(reading: Reading, clause: Clause, first: int) -> list[Hit]:
    """The anaphora hits in the clause's own words or in a participle or subordinate clause that opens it
    before the trigger ("Speaking to reporters after the call, ...")."""
    openers = [c for c in reading.clauses if c.parent == clause.index and c.kind in (PARTICIPLE, SUBORDINATE)
               and c.last <= first]
    return [h for h in reading.hits
            if h.category == "anaphora" and (clause.owns(h.first) or any(c.owns(h.first) for c in openers))]


def _dates_back(reading: Reading, hit: Hit, first: int) -> bool:
    """Whether one anaphora hit dates the trigger at `first` by the story's last day."""
    if hit.first <= first < hit.last and not _noun_at(reading, first):
        return False  # "after meeting Lutnick": the words are the trigger's own, not a pointer to an earlier day
    if hit.first > first:  # "said afterwards", "told reporters later"
        return reading.tokens[hit.first].key in ("afterward", "afterwards", "later", "subsequently")
    return hit.last - hit.first > 1 or _adverbial(reading, hit.last)


def _noun_at(reading: Reading, at: int) -> bool:
    """"in those discussions": a noun after a determiner points back to talks told before."""
    return at > 0 and reading.tokens[at - 1].key in DEFINITE


def _adverbial(reading: Reading, after: int) -> bool:
    if after >= len(reading.tokens):
        return True
    following = reading.tokens[after]
    return following.text in ",;" or is_verb(following) or following.key in ADVERBS or following.key in ("did", "he", "she", "they")


def definite(reading: Reading, trigger: Trigger) -> bool:
    """A noun trigger told with "the", "their", "that": a reference to an event already told."""
    tokens = reading.tokens
    for i in range(trigger.first - 1, max(trigger.clause.first, trigger.first - 5) - 1, -1):
        if tokens[i].key in DEFINITE or tokens[i].key == "'s":
            return True
        if not tokens[i].is_word or is_verb(tokens[i]) or tokens[i].key in ("a", "an", "another"):
            return False
    return False


def inherit_from(clause: Clause) -> int | None:
    """The clause a clause without its own date shares the day of."""
    if clause.kind in (PARTICIPLE, COORDINATE) or clause.kind == RELATIVE and clause.marker in ("where", "when") \
            or clause.kind == SUBORDINATE and clause.marker in ("as", "while", "when", "after"):
        return clause.parent
    return None


MOTION_VERBS = frozenset({"flew", "fly", "flies", "flying", "travel", "travels", "traveled", "travelled", "traveling",
                          "went", "go", "goes", "going", "came", "come", "comes", "visited", "visit", "visits", "arrived",
                          "arrive", "arrives", "headed", "head", "heads", "returned", "return", "returns", "left", "leave",
                          "leaves", "stayed", "stay", "stays", "extended", "sent", "send", "sends", "dispatched"})


def purpose_of(reading: Reading, trigger: Trigger) -> int | None:
    """"will fly to Washington this weekend to meet Lutnick": a journey made to meet someone; the index of the
    journey's verb, whose mood and date the meeting shares."""
    if trigger.first == 0 or reading.tokens[trigger.first - 1].key != "to":
        return None
    for i in range(trigger.first - 2, trigger.clause.first - 1, -1):
        if trigger.clause.owns(i) and reading.tokens[i].key in MOTION_VERBS:
            return i
        if reading.tokens[i].text in ",;":
            return None
    return None


def candidate(reading: Reading, trigger: Trigger, fields: dict, mood: Modality, **extra) -> Candidate:
    sentence = reading.sentence
    heads = extra.pop("heads", trigger_heads(reading, trigger))
    journey = purpose_of(reading, trigger)
    if journey is not None:
        heads = heads | {journey}
    return Candidate(type=trigger.kind, pattern=trigger.name, article=sentence.article, sentence=sentence.index,
                     source=sentence.text, position=trigger.first, clause=trigger.clause.index, fields=fields,
                     modality=mood, heads=heads, words=frozenset(range(trigger.first, trigger.last)),
                     chain=_verb_chain(reading, trigger),
                     scopes=trigger_scopes(reading, trigger),
                     anaphora=anaphoric(reading, trigger.clause, trigger.first), inherit=inherit_from(trigger.clause),
                     **extra)


def _verb_chain(reading: Reading, trigger: Trigger) -> frozenset[int]:
    """The verbs a verb trigger continues, whose dates are its own: "was taken to the Oval Office on Wednesday
    and ended up spending 40 minutes with Trump" (spending ← ended ← taken)."""
    if trigger.noun or trigger.spec.get("noun") is not None:
        return frozenset()
    found: set[int] = set()
    at = trigger.first
    for _ in range(3):
        earlier = coordinated_verb(reading, trigger.clause, at) or _leading(reading, trigger.clause, at)
        if earlier is None or earlier in found:
            break
        found.add(earlier)
        at = earlier
    return frozenset(found)


def _leading(reading: Reading, clause: Clause, at: int) -> int | None:
    """The verb an -ing verb continues over particles ("ended up spending")."""
    i = at - 1
    while i > clause.first and reading.tokens[i].key in PARTICLES:
        i -= 1
    return i if i < at - 1 and is_verb(reading.tokens[i]) else None


@cache
def word_list(kind: str, name: str) -> frozenset[str]:
    words = pattern_file(kind).get("words", {}).get(name, [])
    if isinstance(words, dict):
        return frozenset(k for forms in words.values() for k in forms)
    return frozenset(words)


def hits_in(reading: Reading, category: str, clause: Clause | None = None) -> list:
    return [h for h in reading.hits_of(category) if clause is None or clause.owns(h.first)]


def names(parties: list[Party]) -> list[str]:
    return list(dict.fromkeys(p.name for p in parties))


__all__ = [
    "COMPLEMENT",
    "FUTURE",
    "INSTITUTION",
    "PAST",
    "PERSON",
    "UNNAMED",
    "Party",
    "candidate",
    "count_of",
    "definite",
    "durations_of",
    "grammar",
    "hits_in",
    "inherited_subject",
    "lexicon",
    "modality",
    "names",
    "objects_of",
    "place_of",
    "possessor",
    "round_of",
    "subject_of",
    "word_list",
]
