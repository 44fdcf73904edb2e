"""Split stage: body paragraphs into sentences, each kept whole for provenance.

A quotation that runs over several sentences stays in one sentence with its
attribution ("... every day matters," he said.), so that a statement and its
speaker are read together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import lexicon

QUOTE_MARKS = '"“”'
BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article body and where it stands."""

    article: str
    index: int
    paragraph: int
    text: str


# No real sentence is this long; text that runs on past it (a table, a dump of figures) is cut
# into pieces so that reading a sentence never costs more than a bounded amount.
MAX_SENTENCE = 1000


def split(article_id: str, paragraphs: tuple[str, ...]) -> list[Sentence]:
    """The sentences of an article, numbered in reading order."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        for text in split_paragraph(paragraph):
            for piece in _bounded(text):
                sentences.append(Sentence(article_id, len(sentences), number, piece))
    return sentences


def _bounded(text: str) -> list[str]:
    pieces = []
    while len(text) > MAX_SENTENCE:
        cut = text.rfind(" ", 0, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    return pieces + [text] if text else pieces


def split_paragraph(paragraph: str) -> list[str]:
    """Cut at sentence ends that are outside quotation marks and not after an abbreviation.

    Each boundary looks only at the text since the one before (the quotes counted so far) and at the word
    before it, so a paragraph of thousands of "Mr." or one long open quotation costs linear time."""
    pieces: list[str] = []
    start = counted = 0
    open_quote = False
    for boundary in BOUNDARY.finditer(paragraph):
        cut = boundary.end()
        open_quote ^= sum(paragraph.count(mark, counted, cut) for mark in QUOTE_MARKS) % 2 == 1
        counted = cut
        if open_quote or _ends_with_abbreviation(paragraph, start, boundary.start() + 1):
            continue
        pieces.append(paragraph[start:cut].strip())
        start = cut
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


LONGEST_ABBREVIATION = 24  # characters: a longer run of letters and dots before a period is no abbreviation
LAST_WORD = re.compile(r"([A-Za-z.]+)\.$")


def _ends_with_abbreviation(paragraph: str, start: int, end: int) -> bool:
    """Whether the period at `end - 1` closes an abbreviation ("Mr.", "U.S.") or an initial, not a sentence."""
    window = max(start, end - LONGEST_ABBREVIATION - 2)
    match = LAST_WORD.search(paragraph, window, end)
    if not match or (match.start() == window and window > start and paragraph[window - 1].isalpha()):
        return False
    return match.group(1).lower() in _abbreviations() or len(match.group(1)) == 1


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in lexicon.load("language")["abbreviations"])
