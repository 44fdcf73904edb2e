"""The directory of officials and institutions, kept as data in `lexicon/officials.toml` and `institutions.toml`.

A name, an alias, or a role phrase held on the article's date ("the commerce
secretary", "Japan's top tariff negotiator") all lead to one canonical name.
This module knows who is who; `refer.py` decides whom a pronoun or a role
noun in a sentence points at.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from . import lexicon
from .tokens import PhraseTrie, key_of

PERSON, INSTITUTION, UNNAMED = "person", "institution", "unnamed"


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    start: date | None
    end: date | None
    heads: str | None = None

    def held_on(self, day: date | None) -> bool:
        return day is None or ((self.start is None or self.start <= day) and (self.end is None or day <= self.end))


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str
    pronoun: str
    roles: tuple[Role, ...]

    def titles_on(self, day: date | None) -> list[str]:
        return [r.title for r in self.roles if r.held_on(day)]


@dataclass(frozen=True, slots=True)
class Institution:
    name: str
    country: str | None
    kind: str


@dataclass(frozen=True)
class Directory:
    """Everyone the lexicons know, and every phrase that may name them."""

    people: dict[str, Person]
    institutions: dict[str, Institution]
    roles: dict[str, tuple[tuple[str, Role], ...]]       # role phrase key -> (person, role) using it
    groups: dict[str, tuple[str, ...]]                   # "the two leaders" -> role phrase keys
    anaphora: dict[str, str]                             # "the ministry" -> institution kind
    defaults: dict[str, str]                             # institution kind -> who it is when none came before
    role_nouns: dict[str, tuple[str, ...]]               # "minister" -> words its title holds
    unnamed_shape: re.Pattern[str] | None

    def holders(self, phrase: str, day: date | None, country: str | None = None) -> list[str]:
        """Who held the role a phrase names on a day, optionally only of one country."""
        found = [name for name, role in self.roles.get(key_of(phrase), ()) if role.held_on(day)
                 and (country is None or self.people[name].country == country)]
        return list(dict.fromkeys(found))

    def country_of(self, name: str | None) -> str | None:
        if name in self.people:
            return self.people[name].country
        body = self.institutions.get(name or "")
        return body.country if body else None


@cache
def directory() -> Directory:
    """The directory built from the lexicons, once per process."""
    source = lexicon.load("officials")
    bodies = lexicon.load("institutions")
    people: dict[str, Person] = {}
    roles: dict[str, list[tuple[str, Role]]] = {}
    for entry in source["official"]:
        held = []
        for role in entry.get("role", []):
            record = Role(role["title"], role.get("from"), role.get("to"), role.get("heads"))
            held.append(record)
            for phrase in role.get("phrases", []):
                roles.setdefault(key_of(phrase), []).append((entry["name"], record))
        people[entry["name"]] = Person(entry["name"], entry["country"], entry.get("pronoun", "he"), tuple(held))
    institutions = {b["name"]: Institution(b["name"], b.get("country"), b["kind"]) for b in bodies.get("institution", [])}
    shape = bodies.get("unnamed", {}).get("pattern")
    return Directory(
        people, institutions, {k: tuple(v) for k, v in roles.items()},
        {key_of(k): tuple(key_of(r) for r in v) for k, v in source.get("groups", {}).items()},
        {key_of(p): kind for kind, phrases in bodies.get("anaphora", {}).items() for p in phrases},
        bodies.get("anaphora_default", {}),
        {key_of(k): tuple(v) for k, v in source.get("role_nouns", {}).items()},
        re.compile(shape, re.IGNORECASE) if shape else None,
    )


def register(trie: PhraseTrie) -> None:
    """Put every phrase that names someone into the sentence scanner's trie."""
    book = directory()
    source = lexicon.load("officials")
    for entry in source["official"]:
        for alias in {entry["name"], *entry.get("aliases", [])}:
            trie.add(alias, PERSON, entry["name"])
    for phrase in book.roles:
        trie.add(phrase, "role", phrase)
    for phrase in book.groups:
        trie.add(phrase, "group", phrase)
    for noun in book.role_nouns:
        trie.add(noun, "role_noun", noun)
    for body in lexicon.load("institutions").get("institution", []):
        for alias in {body["name"], *body.get("aliases", [])}:
            trie.add(alias, INSTITUTION, body["name"])
    for phrase, kind in book.anaphora.items():
        trie.add(phrase, "anaphor", kind)
    for phrase in lexicon.load("institutions").get("unnamed", {}).get("phrases", []):
        trie.add(phrase, UNNAMED, None)


def country_of(name: str | None) -> str | None:
    """The country of a canonical official or institution name."""
    return directory().country_of(name)


def institution_kind(name: str | None) -> str | None:
    body = directory().institutions.get(name or "")
    return body.kind if body else None


def heads_of(name: str | None, day: date | None) -> set[str]:
    """The departments a person headed on a day."""
    person = directory().people.get(name or "")
    return {r.heads for r in person.roles if r.heads and r.held_on(day)} if person else set()


def is_person(name: str | None) -> bool:
    return name in directory().people


def matches_official(query: str, name: str) -> bool:
    """Whether a user's `--official` words name this canonical person or institution."""
    wanted = key_of(" ".join(query.split()))
    if wanted in (key_of(name), key_of(name).split(" ")[-1]):
        return True
    source = lexicon.load("officials")
    for entry in source["official"]:
        if entry["name"] == name and wanted in {key_of(a) for a in entry.get("aliases", [])}:
            return True
    for body in lexicon.load("institutions").get("institution", []):
        if body["name"] == name and wanted in {key_of(a) for a in body.get("aliases", [])}:
            return True
    return any(person == name for person, _ in directory().roles.get(wanted, ()))


def known_official(query: str) -> bool:
    """Whether the directory knows any person or institution by these words."""
    book = directory()
    return any(matches_official(query, name) for name in [*book.people, *book.institutions])


def nearest_officials(query: str, wanted: int = 3) -> list[str]:
    """The names, surnames and aliases in the directory closest to a user's misspelt words ("Akazwa")."""
    import difflib

    source = lexicon.load("officials")
    bodies = lexicon.load("institutions").get("institution", [])
    forms: dict[str, str] = {}
    for entry in [*source["official"], *bodies]:
        for form in (entry["name"], entry["name"].split(" ")[-1], *entry.get("aliases", [])):
            forms.setdefault(form.lower(), form)
    near = difflib.get_close_matches(" ".join(query.lower().split()), list(forms), n=wanted, cutoff=0.75)
    return [forms[key] for key in near]
