"""Words of a sentence, and one scan that finds every lexicon phrase among them.

Every later stage looks at words rather than characters: a sentence is cut
into tokens once, and a trie of all the phrases the lexicons know (names,
roles, places, sectors, trigger and cue words) is walked once over them. That
keeps the cost of a sentence linear in its length, whatever the size of the
lexicons.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

# A word ("Akazawa", "U.S.", "27.5"), a possessive or a negation suffix on its
# own ("'s", "n't"), or one punctuation character. Hyphenated words are cut at
# the hyphen ("Ishiba-Trump" names two people); lexicon phrases are cut the same way.
TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"                      # U.S. D.C. a.m.
    r"|[A-Za-z]+(?=n['’]t\b)|n['’]t\b"         # did|n't
    r"|[A-Za-z0-9]+(?:[.&/][A-Za-z0-9]+)*"     # words and numbers; a hyphen is a token of its own
    r"|['’]s\b"                                # possessive
    r"|[^\sA-Za-z0-9]"                         # punctuation, quotes, dashes, symbols
)


class Token(NamedTuple):
    """One word or mark: its text, a lookup key, and where it stands (a tuple: made by the hundred thousand)."""

    i: int
    text: str
    key: str
    start: int
    end: int
    is_word: bool = False       # a word or number rather than a mark, read once from the text
    capitalized: bool = False


def key_of(text: str) -> str:
    """The form a word is looked up by: lower case, straight apostrophes."""
    return text.lower().replace("’", "'")


def tokenize(text: str) -> list[Token]:
    """The tokens of a text (written out in one comprehension: it runs for every word of every article)."""
    return [Token(n, word, word.lower().replace("’", "'"), m.start(), m.end(), word[0].isalnum(), word[0].isupper())
            for n, m in enumerate(TOKEN.finditer(text)) for word in (m.group(0),)]


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the token keys it must match."""
    return tuple(key_of(m.group(0)) for m in TOKEN.finditer(phrase))


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon phrase found in a sentence: tokens [first, last), and what the lexicon says of it."""

    first: int
    last: int
    category: str
    value: object
    start: int
    end: int


class PhraseTrie:
    """Phrases of several categories, matched longest-first at every token in one pass.

    A phrase written wholly in capitals ("US", "EU", "METI") matches only in
    capitals, so that "us" the pronoun is never the country.
    """

    def __init__(self) -> None:
        self._root: dict = {}

    def add(self, phrase: str, category: str, value: object) -> None:
        keys = phrase_keys(phrase)
        if not keys:
            return
        node = self._root
        for key in keys:
            node = node.setdefault(key, {})
        exact = phrase if phrase.isupper() and any(c.isalpha() for c in phrase) else None
        node.setdefault(None, []).append((category, value, exact))

    def scan(self, tokens: list[Token]) -> list[Hit]:
        """Every phrase at every position; at one position only the longest phrase of each category
        (of each category and value for triggers, which several classes of phrasing may share)."""
        hits: list[Hit] = []
        root = self._root
        for first in range(len(tokens)):
            node = root.get(tokens[first].key)
            if node is None:
                continue
            found: dict[object, Hit] = {}
            last = first + 1
            while node is not None:
                for category, value, exact in node.get(None, ()):
                    if exact is None or _spelled(tokens, first, last, exact):
                        slot = (category, value) if category.startswith("trigger:") else category
                        found[slot] = Hit(first, last, category, value, tokens[first].start, tokens[last - 1].end)
                if last >= len(tokens):
                    break
                node = node.get(tokens[last].key)
                last += 1
            hits.extend(found.values())
        return hits


def _spelled(tokens: list[Token], first: int, last: int, exact: str) -> bool:
    return "".join(t.text for t in tokens[first:last]).replace(" ", "") == exact.replace(" ", "")
