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
    """Cut at sentence ends that are outside quotation marks and not after an abbreviation."""
    pieces: list[str] = []
    start = 0
    for boundary in BOUNDARY.finditer(paragraph):
        cut = boundary.end()
        head = paragraph[start:cut]
        if _inside_quote(head) or _ends_with_abbreviation(paragraph[start:boundary.start() + 1]):
            continue
        pieces.append(head.strip())
        start = cut
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def _inside_quote(text: str) -> bool:
    """An odd count of double quotation marks leaves a quotation open."""
    return sum(text.count(mark) for mark in QUOTE_MARKS) % 2 == 1


def _ends_with_abbreviation(text: str) -> bool:
    match = re.search(r"([A-Za-z.]+)\.$", text)
    return bool(match) and (match.group(1).lower() in _abbreviations() or len(match.group(1)) == 1)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in lexicon.load("language")["abbreviations"])
