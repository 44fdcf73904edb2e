"""Clause stage: a sentence cut into the clauses every event type is read from.

A clause is a run of tokens with a kind: the main clause, coordinate clauses
("; ...", ", and then he met ..."), relative clauses ("Akazawa, who met Y,",
"a meeting that lasted an hour"), adverbial clauses ("after they met", "when
Ishiba met Trump"), participle clauses (", meeting X at the White House"),
attributions (", the ministry said", ", according to X"), reported content
("said that ...", "told reporters the talks ..."), parentheticals and
quotations. Nested clauses are holes in the clause around them: what stands in
a hole (a date, a name) belongs to the hole, never to the clause around it.

The cuts follow commas, dashes, brackets and the function words of
`lexicon/grammar.toml`; no parser is needed for the short, regular sentences
of news reports, and a wrong cut costs one clause, not the sentence.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache

from . import lexicon
from .tokens import Token, phrase_keys

MAIN, COORDINATE, RELATIVE, SUBORDINATE, PARTICIPLE = "main", "coordinate", "relative", "subordinate", "participle"
ATTRIBUTION, COMPLEMENT, PARENTHETICAL, QUOTE = "attribution", "complement", "parenthetical", "quote"

# The clause kinds whose content is somebody else's words or an aside: a date there dates nothing outside.
ISLANDS = frozenset({RELATIVE, SUBORDINATE, PARTICIPLE, ATTRIBUTION, COMPLEMENT, PARENTHETICAL, QUOTE})


@dataclass(frozen=True, slots=True)
class Clause:
    """Tokens [first, last) minus its holes (the clauses nested in it)."""

    index: int
    first: int
    last: int
    kind: str
    marker: str
    parent: int | None
    holes: tuple[tuple[int, int], ...] = ()
    tokens: tuple[int, ...] = field(default=(), compare=False, repr=False)   # its own tokens, worked out once
    owned: frozenset[int] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        mine = tuple(i for i in range(self.first, self.last) if not any(a <= i < b for a, b in self.holes)) \
            if self.holes else tuple(range(self.first, self.last))
        object.__setattr__(self, "tokens", mine)
        object.__setattr__(self, "owned", frozenset(mine))

    def owns(self, i: int) -> bool:
        return i in self.owned

    def own(self) -> list[int]:
        return list(self.tokens)


@dataclass(frozen=True)
class Words:
    """The grammar lexicon as sets of token keys."""

    relativizers: frozenset[str]
    subordinators: tuple[tuple[str, ...], ...]
    coordinators: tuple[tuple[str, ...], ...]
    attributions: tuple[tuple[str, ...], ...]
    complement_verbs: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    auxiliaries: frozenset[str]
    verbs: frozenset[str]
    not_verbs: frozenset[str]
    listeners: tuple[tuple[str, ...], ...]
    function_words: frozenset[str]
    time_openers: frozenset[str]
    moment_nouns: frozenset[str]
    support_verbs: frozenset[str]


@cache
def words() -> Words:
    g = lexicon.load("grammar")
    phrases = lambda key: tuple(sorted((phrase_keys(p) for p in g[key]), key=len, reverse=True))
    return Words(frozenset(g["relativizers"]), phrases("subordinators"), phrases("coordinators"),
                 phrases("attributions"), frozenset(g["complement_verbs"]), frozenset(g["determiners"]),
                 frozenset(g["pronouns"]), frozenset(g["auxiliaries"]), frozenset(g["verbs"]),
                 frozenset(g["not_verbs"]), phrases("listeners"), frozenset(g["function_words"]),
                 frozenset(g["time_openers"]), frozenset(g["moment_nouns"]), frozenset(g["support_verbs"]))


def is_verb(token: Token) -> bool:
    """A finite or participle verb, by the lexicon or by its ending."""
    if not token.is_word or token.text[0].isupper() and token.i > 0:
        return False  # "In late May": a capitalised word inside a sentence is a name, never a verb
    return _verb_word(token.key)


@cache
def _verb_word(key: str) -> bool:
    w = words()
    if key in w.verbs or key in w.auxiliaries:
        return True
    if key in w.not_verbs:
        return False
    return len(key) > 4 and (key.endswith(("ed", "ing")))


NOT_GERUNDS = frozenset({"morning", "evening", "during", "nothing", "something", "anything", "everything", "thing",
                         "spring", "king", "ring", "string", "beijing", "ceiling", "building", "ruling"})


def _gerund(token: Token) -> bool:
    """An -ing form opening a clause (", meeting X", "after flying home"); "meeting" counts here."""
    key = token.key
    return token.is_word and len(key) > 4 and key.endswith("ing") and key not in NOT_GERUNDS \
        and not (token.capitalized and token.i > 0)


def _past_participle(token: Token) -> bool:
    """A verb in -ed that is no auxiliary ("Asked", "Pressed"): it opens a participle clause at a sentence's start."""
    return is_verb(token) and token.key.endswith("ed") and token.key not in words().auxiliaries


def _aside_participle(token: Token) -> bool:
    """A past participle opening an aside between a subject and its verb: -ed forms and those the grammar lists."""
    key = token.key
    return token.is_word and not token.capitalized and key not in words().auxiliaries \
        and (key in _participles() or (is_verb(token) and key.endswith("ed")))


@cache
def _participles() -> frozenset[str]:
    return frozenset(lexicon.load("grammar").get("participles", []))


def _shared_subject_verb(token: Token) -> bool:
    """A verb that can go on a predicate after a comma ("..., met separately with Y"): no -ing form, no auxiliary."""
    return is_verb(token) and not token.key.endswith("ing") and token.key not in words().auxiliaries


def _opens(tokens: list[Token], i: int, phrases) -> tuple[str, ...] | None:
    """The longest of the phrases that starts at token i, if any."""
    if i >= len(tokens):
        return None
    for phrase in _by_first_word(phrases).get(tokens[i].key, ()):
        if tuple(t.key for t in tokens[i:i + len(phrase)]) == phrase:
            return phrase
    return None


@cache
def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases grouped by their first word, longest first: a lookup, not a scan, for every token."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        grouped.setdefault(phrase[0], []).append(phrase)
    return {key: tuple(sorted(found, key=len, reverse=True)) for key, found in grouped.items()}


@cache
def _inline_openers() -> frozenset[str]:
    """The words a clause opening without a comma can start with: relatives, "whether", subordinators."""
    return frozenset({"that", "which", "who", "whom", "whether"} | {p[0] for p in words().subordinators})


@cache
def _speech_ends() -> frozenset[str]:
    """The words reported content without "that" can follow: a verb of saying or the end of its listener."""
    w = words()
    return w.complement_verbs | {p[-1] for p in w.listeners}


@cache
def _by_last_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        grouped.setdefault(phrase[-1], []).append(phrase)
    return {key: tuple(found) for key, found in grouped.items()}


# Commas that do not cut a clause: inside a date ("June 4, 2025"), a place ("Washington, D.C."), a number.
PROTECTED_COMMA = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(,) \d{4}"
    r"|\w+(,) D\.C\.|\d(,)\d{3}")


def split_clauses(text: str, tokens: list[Token], quoted: frozenset[int]) -> list[Clause]:
    """The clauses of a sentence: index 0 is the main clause; nested clauses point at their parent."""
    builder = _Builder(tokens, quoted, _protected_commas(text))
    builder.segment(0, len(tokens))
    return builder.finish()


def _protected_commas(text: str) -> frozenset[int]:
    return frozenset(m.start(g) for m in PROTECTED_COMMA.finditer(text) for g in (1, 2, 3) if m.start(g) >= 0)


class _Builder:
    """Collects clauses as rows (first, last, kind, marker, parent); holes are worked out at the end."""

    def __init__(self, tokens: list[Token], quoted: frozenset[int], protected: frozenset[int]) -> None:
        self.tokens, self.quoted, self.protected = tokens, quoted, protected
        self.rows: list[tuple[int, int, str, str, int | None]] = []

    def add(self, first: int, last: int, kind: str, marker: str, parent: int | None) -> int:
        self.rows.append((first, last, kind, marker, parent))
        return len(self.rows) - 1

    def finish(self) -> list[Clause]:
        return [Clause(n, first, last, kind, marker, parent,
                       tuple(sorted((r[0], r[1]) for r in self.rows if r[4] == n and first <= r[0] < last)))
                for n, (first, last, kind, marker, parent) in enumerate(self.rows)]

    # ------------------------------------------------------------ top level

    def segment(self, first: int, last: int) -> None:
        """Semicolons, colons and lone dashes cut a sentence into clauses of equal rank.

        Every segment after the first is a coordinate clause whose parent is the
        main clause, so that it may share the main clause's subject.
        """
        dashes = self._dashes(first, last)
        paired = set(dashes) if len(dashes) == 2 else set()
        bracketed = self._bracketed(first, last)
        cuts = [i for i in range(first, last) if i not in bracketed and self._hard_break(i, paired)]
        bounds = [first, *[c + 1 for c in cuts], last]
        for n, (a, b) in enumerate(itertools.pairwise(bounds)):
            if a >= b and n:
                continue
            index = self.add(a, b, MAIN if n == 0 else COORDINATE, "" if n == 0 else self.tokens[a - 1].text, None if n == 0 else 0)
            self.nest(index, a, b, paired)

    def _bracketed(self, first: int, last: int) -> set[int]:
        """Tokens inside brackets: a semicolon there ("(local time; 3:40 a.m. Japan time)") cuts nothing."""
        inside, depth = set(), 0
        for i in range(first, last):
            text = self.tokens[i].text
            depth += text == "("
            if depth:
                inside.add(i)
            depth -= text == ")" and depth > 0
        return inside

    def _dashes(self, first: int, last: int) -> list[int]:
        return [i for i in range(first, last) if self._is_dash(i)]

    def _is_dash(self, i: int) -> bool:
        """An em or en dash, a hyphen standing alone, or the first of two hyphens ("--")."""
        token = self.tokens[i]
        if i in self.quoted or token.text not in "—–-":
            return False
        if token.text == "—":
            return True
        before = i == 0 or self.tokens[i - 1].end < token.start
        after = i + 1 >= len(self.tokens) or token.end < self.tokens[i + 1].start
        double = token.text == "-" and i + 1 < len(self.tokens) and self.tokens[i + 1].text == "-" \
            and (i == 0 or self.tokens[i - 1].text != "-")
        return (before and after) or double

    def _hard_break(self, i: int, paired: set[int]) -> bool:
        token = self.tokens[i]
        if i in self.quoted:
            return False
        if token.text == ";":
            return True
        if token.text == ":":
            return not self._clock(i)
        return self._is_dash(i) and i not in paired

    def _clock(self, i: int) -> bool:
        """The colon of a time of day ("10:45")."""
        t = self.tokens
        return 0 < i < len(t) - 1 and t[i - 1].end == t[i].start and t[i + 1].start == t[i].end and t[i + 1].text[:1].isdigit()

    # ------------------------------------------------------------ nesting

    def nest(self, parent: int, first: int, last: int, paired: set[int]) -> None:
        """Asides, comma clauses and clauses opening without a comma, inside one clause."""
        asides = self._asides(parent, first, last, paired)
        commas = self._commas_outside(first, last, asides)
        starts, ends = [first, *[c + 1 for c in commas]], [*commas, last]
        open_clause = None
        predicate = False  # whether the parent has its own verb yet
        for n, (a, b) in enumerate(zip(starts, ends)):
            if a >= b:
                continue
            kind, marker = self._chunk_kind(a, b, n == 0, n == len(starts) - 1, predicate)
            if kind is not None:
                open_clause = self._nest_chunk(parent, a, b, kind, marker, open_clause, predicate)
            elif open_clause is not None and not self._has_verb(a, b):
                self._extend(open_clause, b)  # "after Trump met Akazawa, Japan's minister, in the Oval Office"
            else:
                open_clause = self._inline(parent, a, b)
                predicate = predicate or self._has_verb(a, self._inline_start(parent, a, b))

    def _commas_outside(self, first: int, last: int, asides: list[tuple[int, int]]) -> list[int]:
        """The commas that cut a clause: a comma inside a bracket, a quotation or a dash pair cuts only the aside."""
        return [i for i in range(first, last) if self._cuts(i) and not any(a <= i < b for a, b in asides)]

    def _nest_chunk(self, parent: int, a: int, b: int, kind: str, marker: str, open_clause: int | None,
                    predicate: bool) -> int | None:
        """Adds the clause a comma-bounded run opens; returns the clause a verbless aside after it goes on."""
        # ", which ..." hangs from the noun before it, inside a reported clause that runs up to the comma
        owner = open_clause if kind == RELATIVE and open_clause is not None else parent
        child = self.add(a, b, kind, marker, owner)
        inner = self._inline(child, a + len(marker.split()), b)
        # a clause after the verb of its parent goes on through verbless asides ("..., including his meetings
        # with X, Secretary of Commerce, and Y"); one before that verb would take the parent's subject in
        return inner if inner is not None or not predicate or kind not in (PARTICIPLE, RELATIVE) else child

    def _inline_start(self, parent: int, a: int, b: int) -> int:
        """Where the first clause opened inside a run begins (the run's end if none): the parent's own words end there."""
        return min((r[0] for r in self.rows if r[4] == parent and a < r[0] < b), default=b)

    def _has_verb(self, a: int, b: int) -> bool:
        return any(is_verb(t) for t in self.tokens[a:b] if t.i not in self.quoted)

    def _extend(self, index: int, last: int) -> None:
        """A clause that ran to a comma goes on through a verbless aside after it (an appositive, a place, a date)."""
        first, _, kind, marker, parent = self.rows[index]
        self.rows[index] = (first, last, kind, marker, parent)

    def _cuts(self, i: int) -> bool:
        token = self.tokens[i]
        return token.text == "," and i not in self.quoted and token.start not in self.protected

    def _asides(self, parent: int, first: int, last: int, paired: set[int]) -> list[tuple[int, int]]:
        """Brackets and paired dashes hold parentheticals; quotations are clauses of their own."""
        spans = []
        i = first
        while i < last:
            end = self._aside_end(i, first, last)
            if end is None:
                i += 1
                continue
            kind = QUOTE if i in self.quoted else PARENTHETICAL
            self.add(i, end, kind, self.tokens[i].text, parent)
            spans.append((i, end))
            i = end
        inner = sorted(p for p in paired if first <= p < last)
        if len(inner) == 2:
            self.add(inner[0], inner[1] + 1, PARENTHETICAL, "—", parent)
            spans.append((inner[0], inner[1] + 1))
        return spans

    def _aside_end(self, i: int, first: int, last: int) -> int | None:
        if i in self.quoted and (i == first or i - 1 not in self.quoted):
            return next((j for j in range(i, last) if j not in self.quoted), last)
        if self.tokens[i].text == "(" and i not in self.quoted:
            close = next((j for j in range(i + 1, last) if self.tokens[j].text == ")"), None)
            return close + 1 if close is not None else None
        return None

    def _chunk_kind(self, a: int, b: int, first: bool, last: bool, predicate: bool) -> tuple[str | None, str]:
        """What a comma-bounded run of tokens is, by the words it opens with. A run opening with a verb
        shares the subject of a clause that has a verb already; else it is that clause's own predicate
        ("Akazawa, Japan's minister, told reporters")."""
        if first:
            return (None, "") if last else self._opening_kind(a, b)
        return self._later_kind(a, b, last, predicate)

    def _opening_kind(self, a: int, b: int) -> tuple[str | None, str]:
        """The first of several runs: an adverbial or participle clause before the clause it belongs to."""
        token = self.tokens[a]
        if opener := self._subordinate_opener(a, b):
            return SUBORDINATE, " ".join(opener)
        if _gerund(token):
            return PARTICIPLE, token.key  # "Speaking to reporters on Monday, ..."
        if a == 0 and _past_participle(token):
            return PARTICIPLE, token.key  # "Asked on Tuesday whether ..., Hayashi replied"; "Pressed by lawmakers, ..."
        return None, ""

    def _later_kind(self, a: int, b: int, last: bool, predicate: bool) -> tuple[str | None, str]:
        """A run after a comma: a clause of its own when its first words open one, else (None) part of the clause."""
        w = words()
        token = self.tokens[a]
        if token.key in w.relativizers:
            return RELATIVE, token.key
        if found := _opens(self.tokens, a, w.attributions):
            return ATTRIBUTION, " ".join(found)
        if opener := self._subordinate_opener(a, b):
            return SUBORDINATE, " ".join(opener)
        if _gerund(token):
            return PARTICIPLE, token.key  # ", meeting X on Friday"
        if (found := _opens(self.tokens, a, w.coordinators)) and self._run_has_verb(a, b):
            return COORDINATE, " ".join(found)
        if last and self._trailing_attribution(a, b):
            return ATTRIBUTION, ""
        if predicate and _shared_subject_verb(token):
            return COORDINATE, ","  # "He held talks with X, met separately with Y, and ...": verbs sharing a subject
        if not predicate and not last and _aside_participle(token):
            return PARTICIPLE, token.key  # "Takaichi, sworn in that Tuesday as prime minister, spoke with Trump"
        return None, ""

    def _subordinate_opener(self, a: int, b: int) -> tuple[str, ...] | None:
        """The subordinator opening a run that has a verb ("after they met"); a run like "after the talks" is no clause."""
        opener = _opens(self.tokens, a, words().subordinators)
        return opener if opener and self._run_has_verb(a, b) else None

    def _run_has_verb(self, a: int, b: int) -> bool:
        """A verb in the run; a gerund right after a subordinator counts ("after meeting him", "before flying home")."""
        opener = _opens(self.tokens, a, words().subordinators)
        gerund = bool(opener) and a + len(opener) < b and _gerund(self.tokens[a + len(opener)])
        return self._has_verb(a, b) or gerund

    def _trailing_attribution(self, a: int, b: int) -> bool:
        """\", the Japanese government said." or ", said Akazawa." closing a sentence."""
        span = [t for t in self.tokens[a:b] if t.is_word and t.i not in self.quoted]
        if not span or len(span) > 10:
            return False
        speech = words().complement_verbs
        no_content = not any(t.key == "that" for t in span)
        opens = span[0].key in speech and len(span) <= 6 and no_content
        closes = any(t.key in speech for t in span[-4:]) and no_content
        return opens or closes

    def _inline(self, parent: int, first: int, last: int) -> int | None:
        """The first clause that opens without a comma (reported content, a restrictive relative,
        an adverbial clause) runs to the end of the run; it may hold another one in turn. Returns the
        innermost such clause, which an aside after the comma may continue."""
        for i in range(first + 1, last):
            if i in self.quoted:
                continue
            kind = self._inline_kind(i, first, last)
            if kind is not None:
                child = self.add(i, last, kind, self.tokens[i].key, parent)
                inner = self._inline(child, i + 1, last)
                return inner if inner is not None else (child if kind in (SUBORDINATE, COMPLEMENT) else None)
        return None

    def _inline_kind(self, i: int, first: int, last: int) -> str | None:
        w = words()
        token, previous = self.tokens[i], self.tokens[i - 1]
        if token.key not in _inline_openers() and previous.key not in _speech_ends():
            return None  # the cheap look: most words neither open a clause nor follow a verb of saying
        if token.key == "that" and self._after_speech(i, first):
            return None if self._moment(i) else COMPLEMENT  # "said that day that ...": the next "that" opens it
        if token.key in ("which", "who", "whom", "that") and self._after_noun(previous) and self._verb_soon(i + 1, last):
            return RELATIVE
        if token.key in ("whether",):
            return SUBORDINATE
        if _opens(self.tokens, i, w.subordinators) and self._clause_follows(i, last):
            return SUBORDINATE
        if self._speech_before(i) and self._subject_follows(i, last):
            return COMPLEMENT
        return None

    def _moment(self, i: int) -> bool:
        """"that day", "that afternoon": a "that" pointing at a moment, no clause opener."""
        return i + 1 < len(self.tokens) and self.tokens[i + 1].key in words().moment_nouns

    def _speech_before(self, i: int) -> bool:
        """A verb of saying right before, or before its listener ("told reporters ..."). After "told" the words
        that come first are the listener when a "that" follows ("told a campaign rally on Monday that ...")."""
        w = words()
        previous = self.tokens[i - 1]
        if previous.key in ("told", "tell", "tells", "telling") and any(t.key == "that" for t in self.tokens[i:i + 9]):
            return False
        if previous.key in w.complement_verbs:
            return True
        for listener in _by_last_word(w.listeners).get(previous.key, ()):
            start = i - len(listener)
            if start > 0 and tuple(t.key for t in self.tokens[start:i]) == listener:
                return self.tokens[start - 1].key in w.complement_verbs
        return False

    def _after_noun(self, token: Token) -> bool:
        w = words()
        if token.text == "%" or token.text[:1].isdigit():
            return True  # "the 24% that Trump announced"
        return (token.is_word and not is_verb(token) and token.key not in w.determiners and token.key not in w.pronouns
                and token.key not in w.function_words)

    def _after_speech(self, i: int, first: int) -> bool:
        """"that" within a few words after a verb of saying ("told reporters on Friday that")."""
        return any(self.tokens[j].key in words().complement_verbs for j in range(max(first, i - 7), i))

    def _verb_soon(self, i: int, last: int, reach: int = 4) -> bool:
        return any(is_verb(t) for t in self.tokens[i:min(last, i + reach)])

    def _clause_follows(self, i: int, last: int) -> bool:
        """A subordinator opens a clause when a subject and a verb follow ("after they met"), not a noun ("after the talks")."""
        w = words()
        j = i + len(_opens(self.tokens, i, w.subordinators) or ())
        if j >= last:
            return False
        following = self.tokens[j]
        if following.key in w.time_openers:
            return False  # "until Aug. 1 to give partners time": a date, not a clause
        if _gerund(following):
            return True  # "after meeting him", "before flying home"
        return (following.key in w.pronouns or following.capitalized or following.key in w.determiners) \
            and self._verb_soon(j + 1, last, 7)

    def _subject_follows(self, i: int, last: int) -> bool:
        """Reported content without "that": "said the talks went well", "said he would"."""
        w = words()
        token = self.tokens[i]
        if token.key in w.time_openers or _opens(self.tokens, i, w.listeners):
            return False
        if token.key in w.pronouns:
            return self._verb_soon(i + 1, last)
        if token.key in w.determiners or token.capitalized:
            return self._verb_soon(i + 1, last, 4)
        return False
