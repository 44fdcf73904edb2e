"""Mentions stage: what each sentence names, on top of its words and clauses.

For every sentence: its tokens, its clauses, its quotations, every lexicon
phrase (one scan), the people and institutions it names (resolved to
canonical names through `refer.Discourse`), its date expressions, percentages
and durations. Everything later stages need to read events from one sentence
is here; nothing here decides what an event is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property

from .clauses import QUOTE, Clause, split_clauses
from .clauses import words as grammar
from .dates import Timex, find_timexes
from .officials import INSTITUTION, PERSON, UNNAMED, directory
from .quotes import Quote, find_quotes
from .rates import RateMention, find_rates
from .refer import Discourse
from .scan import scan
from .split import Sentence
from .tokens import Hit, Token, tokenize

PEOPLE_CATEGORIES = ("person", "role", "group", "role_noun", "institution", "anaphor", "unnamed")
# On equal spans, the more specific reading of a phrase wins.
PRIORITY = {c: n for n, c in enumerate(PEOPLE_CATEGORIES)}
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "their", "it", "its"})
# Words before a role phrase that say whose role it is ("Japan's top negotiator", "U.S. Commerce Secretary").
QUALIFIER_SKIP = frozenset({"top", "chief", "lead", "special", "new", "former", "then", "own", "senior", "'s", "the"})


@dataclass(frozen=True, slots=True)
class Mention:
    """People or an institution named by a span of tokens [first, last)."""

    kind: str                 # person | institution | unnamed
    names: tuple[str, ...]    # canonical names (several for "the two leaders"); empty when unresolved
    first: int
    last: int
    how: str                  # name | role | role_noun | group | pronoun | anaphor | unnamed | institution


@dataclass(frozen=True, slots=True)
class Duration:
    minutes: int
    first: int
    last: int


@dataclass(frozen=True)
class Reading:
    """One sentence and everything named in it."""

    sentence: Sentence
    tokens: list[Token]
    clauses: list[Clause]
    quotes: tuple[Quote, ...]
    quoted: frozenset[int]
    hits: tuple[Hit, ...]
    people: tuple[Mention, ...]
    timexes: tuple[Timex, ...]
    timex_tokens: tuple[tuple[int, int], ...]
    rates: tuple[RateMention, ...]
    rate_tokens: tuple[tuple[int, int], ...]
    durations: tuple[Duration, ...]
    protagonist: str | None = None   # the person the story followed before this sentence

    @property
    def text(self) -> str:
        return self.sentence.text

    def clause_of(self, i: int) -> Clause:
        """The innermost clause a token belongs to."""
        return self._clause_at[i] if 0 <= i < len(self._clause_at) else self.clauses[0]

    @cached_property
    def _clause_at(self) -> tuple[Clause, ...]:
        innermost = [self.clauses[0]] * len(self.tokens)
        for clause in self.clauses:
            for i in clause.tokens:
                if i < len(innermost):
                    innermost[i] = clause
        return tuple(innermost)

    def hits_at(self, i: int) -> tuple[Hit, ...]:
        """The lexicon phrases that start at token i (looked up, not scanned for: callers ask token by token)."""
        return self._hits_by_first.get(i, ())

    @cached_property
    def _hits_by_first(self) -> dict[int, tuple[Hit, ...]]:
        grouped: dict[int, list[Hit]] = {}
        for hit in self.hits:
            grouped.setdefault(hit.first, []).append(hit)
        return {first: tuple(found) for first, found in grouped.items()}

    def hits_of(self, category: str) -> list[Hit]:
        return list(self._hits_by_category.get(category, ()))

    @cached_property
    def _hits_by_category(self) -> dict[str, tuple[Hit, ...]]:
        grouped: dict[str, list[Hit]] = {}
        for hit in self.hits:
            grouped.setdefault(hit.category, []).append(hit)
        return {category: tuple(found) for category, found in grouped.items()}

    @cached_property
    def cue_hits(self) -> tuple[Hit, ...]:
        """The modality cues found in the sentence ("is set to", "not", "if")."""
        return tuple(h for h in self.hits if h.category.startswith("cue:"))

    @cached_property
    def cue_tokens(self) -> frozenset[int]:
        """Tokens inside modality cues ("is set to", "is expected to"): helpers of a verb, never its head."""
        return frozenset(i for h in self.cue_hits for i in range(h.first, h.last))

    def words(self, first: int, last: int) -> str:
        return " ".join(t.key for t in self.tokens[first:last])


def read_article(sentences: list[Sentence], day: date | None) -> list[Reading]:
    """Readings of an article's sentences in order; pronouns and role nouns resolve against what came before."""
    discourse = Discourse(day)
    return [read_sentence(sentence, discourse) for sentence in sentences]


def read_sentence(sentence: Sentence, discourse: Discourse) -> Reading:
    text = sentence.text
    tokens = tokenize(text)
    quotes = tuple(find_quotes(text))
    quoted = frozenset(t.i for q in quotes for t in tokens if q.start <= t.start < q.end)
    clauses = split_clauses(text, tokens, quoted)
    hits = tuple(h for h in scan(tokens) if h.first not in quoted)
    timexes = tuple(t for t in find_timexes(text) if not _in_quote(t.start, quotes))
    rates = tuple(find_rates(text))
    protagonist = next((n for n in reversed(discourse.subjects) if n in directory().people), None)
    people = tuple(_people(tokens, hits, clauses, discourse, text))
    reading = Reading(sentence, tokens, clauses, quotes, quoted, hits, people, timexes,
                      tuple(_token_span(tokens, t.start, t.end) for t in timexes), rates,
                      tuple(_token_span(tokens, r.start, r.end) for r in rates), tuple(_durations(tokens, text)),
                      protagonist)
    _remember(reading, discourse)
    return reading


def _in_quote(position: int, quotes) -> bool:
    return any(q.start <= position < q.end for q in quotes)


def _token_span(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    first = next((t.i for t in tokens if t.end > start), len(tokens))
    last = next((t.i for t in tokens if t.start >= end), len(tokens))
    return first, max(last, first + 1)


# ---------------------------------------------------------------- people


def _people(tokens: list[Token], hits, clauses: list[Clause], discourse: Discourse, text: str) -> list[Mention]:
    """People and institutions, left to right, each resolved to canonical names."""
    mentions = _named(tokens, hits, discourse, text)
    mentions = sorted(mentions + _unknown_speakers(tokens, hits, mentions, discourse), key=lambda m: m.first)
    subject = _subject_here(mentions, clauses, tokens)
    for token in tokens:
        if _free_pronoun(token, mentions):
            mentions.append(_pronoun(token, tokens, mentions, subject, discourse))
    return sorted(mentions, key=lambda m: m.first)


def _named(tokens: list[Token], hits, discourse: Discourse, text: str) -> list[Mention]:
    """The people and institutions a sentence names by lexicon phrase, a title beside a name joined to it."""
    chosen = _choose([h for h in hits if h.category in PEOPLE_CATEGORIES] + _unnamed(tokens, text))
    mentions: list[Mention] = []
    for hit in chosen:
        if hit.category == INSTITUTION and _is_place(tokens, hit):
            continue
        names = _resolve(hit, tokens, discourse, [n for m in mentions for n in m.names])
        mention = Mention(_kind(hit.category, names), names, hit.first, hit.last, _how(hit.category))
        mentions = _join(mentions, mention, tokens)
    return mentions


def _free_pronoun(token: Token, mentions: list[Mention]) -> bool:
    """A pronoun that no mention read so far already covers."""
    return token.key in PRONOUNS and not any(m.first <= token.i < m.last for m in mentions)


def _pronoun(token: Token, tokens: list[Token], mentions: list[Mention], subject: str | None,
             discourse: Discourse) -> Mention:
    """A pronoun resolved against the people the sentence named before it, then against the article."""
    before = sorted((m for m in mentions if m.last <= token.i), key=lambda m: m.first)
    here = _people_named(before)
    group = before[-1].names if before and before[-1].how == "group" else ()
    objects = frozenset(n for m in before if _governed(tokens, m, before) for n in m.names)
    names = discourse.pronoun(token.key, here, subject if subject and subject in here else None, group, objects,
                              _echoed(tokens, before, here))
    kind = INSTITUTION if token.key in ("it", "its") else PERSON
    return Mention(kind, names, token.i, token.i + 1, "pronoun")


def _people_named(before: list[Mention]) -> list[str]:
    """The people named before a pronoun in its sentence, one by one: the members of a group phrase ("the
    two") are none of them singled out by nearness ("The two agreed to keep talking, he said")."""
    return [n for m in before if m.how != "group" for n in m.names if n in directory().people]


def _echoed(tokens: list[Token], before: list[Mention], here: list[str]) -> list[str]:
    """The person an earlier standing he or his of the sentence stood for."""
    return [n for m in before if m.how == "pronoun" and len(m.names) == 1 and tokens[m.first].key in STANDING
            for n in m.names if n in here]


ARTICLES = frozenset({"the", "a", "an", "his", "her", "their"})  # "met the commerce secretary": still its object


# Pronouns that stand for the one a sentence is about, never for an object: "he met ...", "his talks with ...".
STANDING = frozenset({"he", "she", "his"})


def _governed(tokens: list[Token], mention: Mention, mentions: list[Mention]) -> bool:
    """A person right after a verb or a preposition ("after meeting Lutnick", "with Bessent") is its object,
    and so is one joined to such an object ("with Lutnick and Bessent")."""
    from .clauses import is_verb
    start = mention.first - (1 if mention.first and tokens[mention.first - 1].key in ARTICLES else 0)
    before = tokens[start - 1] if start else None
    if before is not None and before.key in ("and", "or"):
        joined = next((m for m in mentions if m.last == start - 1), None)
        return joined is not None and _governed(tokens, joined, mentions)
    return before is not None and (before.key in PREPOSITIONS or is_verb(before) or before.key.endswith("ing"))


def _unknown_speakers(tokens: list[Token], hits, mentions: list[Mention], discourse: Discourse) -> list[Mention]:
    """People the directory does not know, named where a speaker stands: "said Jim Barrow", "Marcy Tolliver,
    the company's president, said", "Tolliver said" once the article has named her in full."""
    taken = _taken(mentions, hits)
    verbs = [h.first for h in hits if h.category == "trigger:statement" and h.value == "say"]
    found: list[Mention] = []
    for verb in verbs:
        for first, last in (_name_before(tokens, verb, taken), _name_after(tokens, verb, taken)):
            if first is None:
                continue
            mention = _unknown_speaker(tokens, first, last, discourse)
            if mention is not None:
                found.append(mention)
    return found


def _taken(mentions: list[Mention], hits) -> set[int]:
    """Tokens no unknown speaker's name may take: those of people already named, and of places."""
    return {i for m in mentions for i in range(m.first, m.last)} | {i for h in hits if h.category in
                                                                    ("place", "country") for i in range(h.first, h.last)}


def _unknown_speaker(tokens: list[Token], first: int, last: int, discourse: Discourse) -> Mention | None:
    """The speaker named by tokens [first, last); a full name is remembered so that its surname alone names it later."""
    name = " ".join(t.text for t in tokens[first:last])
    full = discourse.unknown.get(name, name) if last - first == 1 else name
    if last - first == 1 and full == name:
        return None  # a lone capitalised word nobody introduced is no name
    discourse.unknown[tokens[last - 1].text] = full
    return Mention(PERSON, (full,), first, last, "unknown")


def _name_before(tokens: list[Token], verb: int, taken: set[int]) -> tuple[int | None, int]:
    """A capitalised name ending right before the verb, or before an aside closed by a comma."""
    end = verb
    if end > 0 and tokens[end - 1].text == ",":
        opening = next((i for i in range(end - 2, max(-1, end - 12), -1) if tokens[i].text == ","), None)
        end = opening if opening is not None else end
    return _name_span(tokens, end, taken, backwards=True)


def _name_after(tokens: list[Token], verb: int, taken: set[int]) -> tuple[int | None, int]:
    if tokens[verb].key not in ("said", "says", "added", "wrote") or verb == 0 or tokens[verb - 1].text not in ",\"”’'":
        return None, 0
    return _name_span(tokens, verb + 1, taken, backwards=False)


def _name_span(tokens: list[Token], edge: int, taken: set[int], backwards: bool) -> tuple[int | None, int]:
    words = _name_stopwords()
    span = range(edge - 1, max(-1, edge - 4), -1) if backwards else range(edge, min(len(tokens), edge + 3))
    picked = []
    for i in span:
        token = tokens[i]
        if i in taken or not token.capitalized or not token.text.isalpha() or token.key in words:
            break
        picked.append(i)
    if not picked or (backwards and picked[-1] == 0 and len(picked) == 1):
        return None, 0
    return min(picked), max(picked) + 1


@cache
def _name_stopwords() -> frozenset[str]:
    from . import lexicon
    language = lexicon.load("language")
    return frozenset(w.lower() for w in [*language["months"], *language["weekdays"], *language.get("not_names", [])])


def _choose(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, longest first, the more specific category on a tie."""
    ordered = sorted(hits, key=lambda h: (-(h.last - h.first), PRIORITY.get(h.category, 9), h.first))
    taken: list[Hit] = []
    for hit in ordered:
        if all(hit.last <= t.first or t.last <= hit.first for t in taken):
            taken.append(hit)
    return sorted(taken, key=lambda h: h.first)


def _unnamed(tokens: list[Token], text: str) -> list[Hit]:
    shape = directory().unnamed_shape
    if shape is None:
        return []
    found = []
    for m in shape.finditer(text):
        first, last = _token_span(tokens, m.start(), m.end())
        found.append(Hit(first, last, UNNAMED, None, m.start(), m.end()))
    return found


def _is_place(tokens: list[Token], hit: Hit) -> bool:
    """A capital named as a place ("in Washington", "to Tokyo"), not as a speaker."""
    before = tokens[hit.first - 1].key if hit.first else ""
    return tokens[hit.first].capitalized and before in ("in", "to", "from", "at", "for", "of", "visit", "visiting",
                                                          "returning", "toward", "towards", "into", "across", "around")


def _resolve(hit: Hit, tokens: list[Token], discourse: Discourse, here: list[str]) -> tuple[str, ...]:
    category = hit.category
    if category in (PERSON, INSTITUTION):
        return (hit.value,)
    if category == "role":
        if _owned_by_organisation(tokens, hit.first) or _former(tokens, hit.first):
            return ()
        name = discourse.role(hit.value, _qualifier(tokens, hit.first), here)
        return (name,) if name else ()
    if category == "role_noun":
        name = discourse.role_noun(hit.value, _qualifier(tokens, hit.first), here)
        return (name,) if name else ()
    if category == "group":
        met = bool(hit.first) and tokens[hit.first - 1].key in PREPOSITIONS  # "with the same two officials"
        return discourse.group(hit.value, here if met else [], here)
    if category == "anaphor":
        name = discourse.anaphor(hit.value, here)
        return (name,) if name else ()
    return ()


def _kind(category: str, names: tuple[str, ...]) -> str:
    if category == UNNAMED or not names:
        return {UNNAMED: UNNAMED, "anaphor": INSTITUTION, INSTITUTION: INSTITUTION}.get(category, PERSON)
    return INSTITUTION if names[0] in directory().institutions else PERSON


def _how(category: str) -> str:
    return {"person": "name", "institution": "institution"}.get(category, category)


COUNTRY_WORDS = {"japan": "JP", "japanese": "JP", "tokyo": "JP", "u.s.": "US", "us": "US", "american": "US",
                 "washington": "US", "united": "US", "america": "US"}


def _former(tokens: list[Token], first: int) -> bool:
    """"a former trade minister": a title once held names no one the directory holds it for today."""
    return any(t.key in ("former", "ex", "then") for t in tokens[max(0, first - 2):first])


def _owned_by_organisation(tokens: list[Token], first: int) -> bool:
    """"the LDP president", "the company's president", "the European Commission president": a title of
    another body, not the role the directory knows."""
    i = first - 1
    if i >= 0 and tokens[i].key == "'s":
        i -= 1
    if i < 0:
        return False
    token = tokens[i]
    own_body = token.key in COUNTRY_WORDS or token.key in QUALIFIER_SKIP or token.key in ("states",)
    return not own_body and (token.text.isupper() or token.capitalized or token.key in ("company", "party", "firm",
                                                                                        "bank", "group", "commission"))


def _qualifier(tokens: list[Token], first: int) -> str | None:
    """The country a role phrase is qualified by: "Japan's top negotiator", "the U.S. commerce secretary"."""
    i = first - 1
    while i >= 0 and tokens[i].key in QUALIFIER_SKIP:
        i -= 1
    if i >= 0 and tokens[i].key in COUNTRY_WORDS:
        return COUNTRY_WORDS[tokens[i].key]
    if i >= 1 and tokens[i].key == "states" and tokens[i - 1].key == "united":
        return "US"
    return None


def _join(mentions: list[Mention], mention: Mention, tokens: list[Token]) -> list[Mention]:
    """A title beside a name is one mention ("Commerce Secretary Howard Lutnick", "Japan's negotiator, Akazawa,")."""
    if not mentions:
        return [mention]
    previous = mentions[-1]
    between = [t.key for t in tokens[previous.last:mention.first]]
    adjacent = not between or between == [","] or between == ["the"] or between == [",", "the"]
    if adjacent and previous.kind == PERSON and mention.kind == PERSON and _one_referent(previous, mention):
        names = mention.names if mention.how == "name" else previous.names if previous.how == "name" else mention.names or previous.names
        return mentions[:-1] + [Mention(PERSON, names, previous.first, mention.last, "name" if "name" in (previous.how, mention.how) else mention.how)]
    return mentions + [mention]


def _one_referent(a: Mention, b: Mention) -> bool:
    """A role and a name side by side name one person when they agree (or the role could not be resolved)."""
    if "name" in (a.how, b.how) and a.how != b.how:
        role, name = (a, b) if b.how == "name" else (b, a)
        return not role.names or set(role.names) == set(name.names) or role.how in ("role", "role_noun")
    return a.names == b.names and bool(a.names)


def _subject_here(mentions: list[Mention], clauses: list[Clause], tokens: list[Token]) -> str | None:
    """The person a sentence is about: the first person named before the first verb of its first clause
    that has one (the main clause, or the clause after "REPORTER:" or a dateline)."""
    from .clauses import is_verb
    for clause in clauses:
        if not _top_level(clause):
            continue
        verb = next((i for i in clause.tokens if is_verb(tokens[i])), None)
        limit = _subject_limit(clause, tokens, verb)
        subject = next((m for m in mentions if _subject_candidate(m, clause, limit, tokens)), None)
        if subject is not None:
            return subject.names[0] if len(subject.names) == 1 else None  # "the two leaders" are no "he"
        if verb is not None:
            return None
    return None


def _subject_limit(clause: Clause, tokens: list[Token], verb: int | None) -> int:
    """Where a clause's subject must have been named by: its first verb, or the verb after an inverted
    auxiliary ("Only then did Akazawa sit down"), or a few words in when no verb is known ("Akazawa treats ...")."""
    from .clauses import is_verb
    if verb is None:
        return clause.first + 4
    if _inverted(tokens, verb):
        return next((i for i in clause.tokens if i > verb + 1 and is_verb(tokens[i])), verb)
    return verb


# Auxiliaries that come before their subject after "only then", "never", "not until" ...:
# "Only then did Akazawa sit down with Bessent".
INVERTING = frozenset({"did", "does", "do", "had", "has", "have", "was", "were", "is", "would", "could", "can", "will"})


def _inverted(tokens: list[Token], verb: int) -> bool:
    """An auxiliary with the subject after it: it follows an adverb opening the clause, not a name."""
    return tokens[verb].key in INVERTING and verb > 0 and not tokens[verb - 1].capitalized \
        and verb + 1 < len(tokens) and tokens[verb + 1].capitalized


def _top_level(clause: Clause) -> bool:
    """The main clause, or a coordinate clause of the main clause: where a sentence's subject stands."""
    from .clauses import COORDINATE, MAIN
    return clause.kind == MAIN or (clause.kind == COORDINATE and clause.parent in (0, None))


def _subject_candidate(mention: Mention, clause: Clause, limit: int, tokens: list[Token]) -> bool:
    """A person named in the clause before token `limit` (its first verb), and not as the object of a phrase."""
    before_verb = clause.owns(mention.first) and mention.first < limit
    return before_verb and mention.kind == PERSON and bool(mention.names) and not _after_preposition(tokens, mention)


def _after_preposition(tokens: list[Token], mention: Mention) -> bool:
    """A person right after a preposition ("with Lutnick") is the object of a phrase, no subject."""
    return bool(mention.first) and tokens[mention.first - 1].key in PREPOSITIONS


# Words after which a person is the object of a phrase ("After a session with Lutnick, Akazawa ..."), no subject.
PREPOSITIONS = frozenset({"with", "of", "to", "for", "from", "by", "at", "against", "about", "among", "after", "before",
                          "during", "under", "like", "than", "including", "toward", "towards", "without", "between"})


def _remember(reading: Reading, discourse: Discourse) -> None:
    people = [n for m in reading.people if m.how != "pronoun" for n in m.names]
    subject = _subject_here(list(reading.people), reading.clauses, reading.tokens) or \
        next((m.names[0] for m in reading.people if m.how == "unknown"), None)
    main = reading.clauses[0]
    group = tuple(dict.fromkeys(n for m in reading.people if m.kind == PERSON and main.owns(m.first) for n in m.names))
    discourse.note(people, subject, group)


# ---------------------------------------------------------------- durations


DURATION = re.compile(
    r"\b(?:(?P<h>\d+|an|one|two|three|four|five)(?:\s+and\s+a\s+half)?[\s-]+hours?"
    r"(?:\s+and\s+(?:(?P<hm>\d+|fifteen|thirty|forty-five|ten|twenty|five)[\s-]+minutes?|(?P<half>a\s+half)))?"
    r"|(?P<m>\d+)[\s-]+minutes?|(?P<halfhour>half\s+an\s+hour)|(?P<word>forty-five|thirty|twenty|fifteen|ten)\s+minutes?)\b",
    re.IGNORECASE)
NUMBER_WORDS = {"an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "fifteen": 15, "twenty": 20,
                "thirty": 30, "forty-five": 45}
# "a little over two hours" is a little over: the round figure is what reporters mean.


def _durations(tokens: list[Token], text: str) -> list[Duration]:
    found = []
    for m in DURATION.finditer(text):
        minutes = _minutes(m)
        if minutes:
            first, last = _token_span(tokens, m.start(), m.end())
            found.append(Duration(minutes, first, last))
    return found


def _number(word: str | None) -> int:
    if not word:
        return 0
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 0)


def _minutes(m: re.Match[str]) -> int:
    if m.group("halfhour"):
        return 30
    if m.group("m"):
        return int(m.group("m"))
    if m.group("word"):
        return _number(m.group("word"))
    hours = _number(m.group("h")) * 60
    if "and a half" in m.group(0).lower().split("hour")[0] or m.group("half"):
        hours += 30
    return hours + _number(m.group("hm"))


__all__ = ["QUOTE", "Duration", "Mention", "Reading", "grammar", "read_article", "read_sentence"]
