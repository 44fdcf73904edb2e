"""Mentions of the instrument that made a measure or a deal: an executive order and its number, a
proclamation, a letter, a memorandum, a post, a joint statement, a notice.

The kinds, their phrases and number patterns live in `lexicon/instruments.toml`.
"""
from __future__ import annotations

import re
from functools import cache

from . import lexicon


@cache
def _kinds() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    return tuple((item["kind"], lexicon.words_pattern(item["phrases"]),
                  re.compile(item["number"]) if item.get("number") else None)
                 for item in lexicon.load("instruments")["instrument"])


def find_instrument(text: str) -> dict | None:
    """The instrument a sentence names, as {"kind", "number"}; the first kind the lexicon lists wins."""
    for kind, phrases, number in _kinds():
        if phrases.search(text):
            found = number.search(text) if number else None
            return {"kind": kind, "number": found.group(1) if found else None}
    return None


def instrument_examples() -> list[tuple[str, str, bool]]:
    """(kind, sentence, whether it names that kind) for every example the lexicon carries."""
    items = lexicon.load("instruments")["instrument"]
    return [(i["kind"], text, True) for i in items for text in i.get("examples", [])] + \
        [(i["kind"], text, False) for i in items for text in i.get("negatives", [])]
