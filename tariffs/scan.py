"""One trie of every phrase the lexicons know, so a sentence is scanned for all of them at once.

Categories of phrases (the `category` of a `Hit`):
  person, role, group, role_noun, institution, anaphor, unnamed   who is named (officials.py)
  place, country, sector                                           where, whose, what goods
  cue:<list>                                                       modality cues (modality.toml)
  anaphora                                                         words that date by the story's day (dates.toml)
  trigger:<type>                                                   an event's head words; value = trigger name
  object:<type>:<trigger>                                          the words a trigger needs after its head
  <type>:<list>                                                    the word lists of an event type's file
"""
from __future__ import annotations

from functools import cache

from . import lexicon
from .officials import register as register_officials
from .tokens import Hit, PhraseTrie, Token

EVENT_TYPES = ("meeting", "tariff", "statement", "agreement", "deadline")
MODALITY_LISTS = ("future", "proposed", "negation", "cancelled", "conditional", "background")


@cache
def trie() -> PhraseTrie:
    built = PhraseTrie()
    register_officials(built)
    for name, forms in lexicon.load("places")["names"].items():
        for form in forms:
            built.add(form, "place", name)
    for code, forms in lexicon.load("countries").items():
        for form in forms:
            built.add(form, "country", code)
    modality = lexicon.load("modality")
    for key in MODALITY_LISTS:
        for phrase in modality[key]:
            built.add(phrase, f"cue:{key}", key)
    for phrase in lexicon.load("dates")["anaphora"]["words"]:
        built.add(phrase, "anaphora", phrase)
    for kind in EVENT_TYPES:
        _register_type(built, kind)
    return built


def _register_type(built: PhraseTrie, kind: str) -> None:
    spec = lexicon.load(kind)
    for list_name, phrases in spec.get("words", {}).items():
        if isinstance(phrases, dict):
            for value, forms in phrases.items():
                for form in forms:
                    built.add(form, f"{kind}:{list_name}", value)
            continue
        for phrase in phrases:
            built.add(phrase, f"{kind}:{list_name}", phrase)
    for trigger in spec.get("trigger", []):
        for word in trigger.get("words", []):
            built.add(word, f"trigger:{kind}", trigger["name"])
        for word in trigger.get("object", []):
            built.add(word, f"object:{kind}:{trigger['name']}", word)


def scan(tokens: list[Token]) -> list[Hit]:
    return trie().scan(tokens)
