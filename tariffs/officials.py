"""Find mentions of officials and institutions, resolved to canonical names.

The directory is data (`lexicon/officials.toml`, `lexicon/institutions.toml`):
a name, an alias, or a role phrase held on the article's date ("the commerce
secretary", "Japan's top tariff negotiator") all resolve to one canonical name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from . import lexicon

PERSON, INSTITUTION, UNNAMED = "person", "institution", "unnamed"

# Words before a role phrase that say whose role it is.
QUALIFIER = re.compile(
    r"(?P<q>Japan's|Japan’s|Japanese|Tokyo's|Tokyo’s|U\.S\.|US|American|Washington's|Washington’s|United States')"
    r"(?:\s+(?:top|chief|lead|special|new|former|then)){0,2}\s*$"
)
QUALIFIER_COUNTRY = {"japan": "JP", "japanese": "JP", "tokyo": "JP", "u.s.": "US", "us": "US",
                     "american": "US", "washington": "US", "united states": "US"}


@dataclass(frozen=True)
class Mention:
    """A span of text naming a person, an institution or an unnamed source."""

    kind: str
    name: str | None
    country: str | None
    start: int
    end: int
    by_role: bool = False


@dataclass(frozen=True)
class _Role:
    official: str
    country: str
    start: date | None
    end: date | None

    def held_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Directory:
    """Every surface form the lexicons know, and what each one may mean."""

    pattern: re.Pattern[str]
    names: dict[str, tuple[str, str]]            # alias -> (canonical, country)
    roles: dict[str, tuple[_Role, ...]]          # role phrase -> roles that use it
    institutions: dict[str, tuple[str, str | None, str]]  # alias -> (name, country, kind)
    anaphora: dict[str, str]                     # "the ministry" -> kind
    groups: dict[str, tuple[str, ...]]           # "the two leaders" -> role phrases
    defaults: dict[str, str]                     # kind -> who "the government" is when nothing came before
    unnamed: frozenset[str]
    unnamed_pattern: re.Pattern[str] | None
    countries: dict[str, str]                    # canonical -> country


@cache
def directory() -> Directory:
    """The directory built from the lexicons, once per process."""
    people = lexicon.load("officials")["official"]
    bodies = lexicon.load("institutions")
    names: dict[str, tuple[str, str]] = {}
    roles: dict[str, list[_Role]] = {}
    countries: dict[str, str] = {}
    for person in people:
        countries[person["name"]] = person["country"]
        for alias in {person["name"], *person.get("aliases", [])}:
            names[_key(alias)] = (person["name"], person["country"])
        for role in person.get("role", []):
            held = _Role(person["name"], person["country"], role.get("from"), role.get("to"))
            for phrase in role.get("phrases", []):
                roles.setdefault(_key(phrase), []).append(held)
    institutions = {}
    for body in bodies.get("institution", []):
        for alias in {body["name"], *body.get("aliases", [])}:
            institutions[_key(alias)] = (body["name"], body.get("country"), body["kind"])
    anaphora = {_key(p): kind for kind, phrases in bodies.get("anaphora", {}).items() for p in phrases}
    unnamed = frozenset(_key(p) for p in bodies.get("unnamed", {}).get("phrases", []))
    groups = {_key(k): tuple(_key(r) for r in v) for k, v in lexicon.load("officials").get("groups", {}).items()}
    forms = [*names, *roles, *institutions, *anaphora, *unnamed, *groups]
    shape = bodies.get("unnamed", {}).get("pattern")
    return Directory(lexicon.words_pattern(forms), names, {k: tuple(v) for k, v in roles.items()},
                     institutions, anaphora, groups, bodies.get("anaphora_default", {}), unnamed, re.compile(shape, re.IGNORECASE) if shape else None, countries)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def find_mentions(text: str, on: date | None, recent: list[str] | tuple[str, ...] = ()) -> list[Mention]:
    """People, institutions and unnamed sources in `text`, in order.

    `recent` lists names the article mentioned before, latest last; a role
    phrase that several people share resolves to the latest of them.
    A title next to a name ("Commerce Secretary Howard Lutnick", "Japan's
    negotiator, Ryosei Akazawa,") is one mention.
    """
    found: list[Mention] = []
    book = directory()
    for match in book.pattern.finditer(text):
        group = book.groups.get(_key(match.group(0)))
        if group:
            found.extend(_group(match, group, book, on))
            continue
        mention = _resolve(match, text, book, on, recent, found)
        if mention is None:
            continue
        if mention.by_role and (person := _apposed_person(found, mention, text)):
            mention = Mention(PERSON, person.name, person.country, mention.start, mention.end, by_role=True)
        if found and _same_referent(found[-1], mention, text):
            previous = found.pop()
            mention = Mention(mention.kind, mention.name, mention.country, previous.start, mention.end,
                              previous.by_role and mention.by_role)
        found.append(mention)
    return _with_unnamed(text, found, book)


def _with_unnamed(text: str, found: list[Mention], book: Directory) -> list[Mention]:
    """Add the unnamed sources the directory's pattern finds where no name already stands."""
    if book.unnamed_pattern is None:
        return found
    for match in book.unnamed_pattern.finditer(text):
        inside = [f for f in found if match.start() <= f.start and f.end <= match.end()]
        overlapping = [f for f in found if f.start < match.end() and match.start() < f.end]
        if all(f in inside and f.kind != PERSON for f in overlapping):
            found = [f for f in found if f not in inside] + [Mention(UNNAMED, None, None, match.start(), match.end())]
    return sorted(found, key=lambda m: m.start)


def _resolve(match: re.Match[str], text: str, book: Directory, on: date | None,
             recent: list[str] | tuple[str, ...], found: list[Mention]) -> Mention | None:
    key = _key(match.group(0))
    start, end = match.start(), match.end()
    if key in book.names:
        name, country = book.names[key]
        return Mention(PERSON, name, country, start, end)
    if key in book.roles:
        country = _qualifier_country(text[:start])
        held = [r for r in book.roles[key] if r.held_on(on) and (country is None or r.country == country)]
        if not held:
            return None
        seen = [*recent, *(m.name for m in found if m.name)]
        held.sort(key=lambda r: -max((i for i, n in enumerate(seen) if n == r.official), default=-1))
        return Mention(PERSON, held[0].official, held[0].country, start, end, by_role=True)
    if key in book.institutions:
        if _is_place(match, text):
            return None
        name, country, _ = book.institutions[key]
        return Mention(INSTITUTION, name, country, start, end)
    if key in book.anaphora:
        kind = book.anaphora[key]
        seen = [m for m in found if m.kind == INSTITUTION]
        for name in reversed([*recent, *(m.name for m in seen if m.name)]):
            body = next((b for b in book.institutions.values() if b[0] == name), None)
            if body and body[2] == kind:
                return Mention(INSTITUTION, body[0], body[1], start, end)
        default = book.defaults.get(kind)
        return Mention(INSTITUTION, default, country_of(default), start, end) if default else None
    if key in book.unnamed:
        return Mention(UNNAMED, None, None, start, end)
    return None


def _group(match: re.Match[str], phrases: tuple[str, ...], book: Directory, on: date | None) -> list[Mention]:
    """One mention per role a group phrase names ("the two leaders"), each held on the day."""
    members = []
    for phrase in phrases:
        held = [r for r in book.roles.get(phrase, ()) if r.held_on(on)]
        if held:
            members.append(Mention(PERSON, held[0].official, held[0].country, match.start(), match.end(), by_role=True))
    return members


def _qualifier_country(before: str) -> str | None:
    found = QUALIFIER.search(before)
    if not found:
        return None
    word = found.group("q").lower().replace("’", "'").removesuffix("'s").removesuffix("'")
    return QUALIFIER_COUNTRY.get(word)


def _is_place(match: re.Match[str], text: str) -> bool:
    """A capital named as a place ("in Washington", "to Tokyo"), not as a speaker."""
    before = text[: match.start()].rstrip().lower()
    return match.group(0)[0].isupper() and before.endswith((" in", " to", " from", " at", " for", " of", "visit", "visiting", "returning"))


def _apposed_person(found: list[Mention], mention: Mention, text: str) -> Mention | None:
    """The person a role phrase stands beside ("Scott Bessent, Washington's chief negotiator"): the phrase names them."""
    people = [m for m in found if m.kind == PERSON and m.end <= mention.start]
    if not people:
        return None
    between = text[people[-1].end:mention.start]
    return people[-1] if re.fullmatch(r",\s+(?:[\w.]+['’]s\s+|the\s+|U\.S\.\s+|Japanese\s+|American\s+)*(?:\w+\s+){0,2}", between) else None


def _same_referent(previous: Mention, current: Mention, text: str) -> bool:
    between = text[previous.end:current.start]
    return previous.name == current.name and previous.name is not None and re.fullmatch(r"[\s,]*", between) is not None


def country_of(name: str) -> str | None:
    """The country of a canonical official or institution name."""
    book = directory()
    if name in book.countries:
        return book.countries[name]
    return next((b[1] for b in book.institutions.values() if b[0] == name), None)


def matches_official(query: str, name: str) -> bool:
    """Whether a user's `--official` words name this canonical person or institution."""
    wanted = _key(query)
    if wanted == _key(name) or wanted == _key(name).split(" ")[-1]:
        return True
    book = directory()
    if book.names.get(wanted, (None,))[0] == name or book.institutions.get(wanted, (None,))[0] == name:
        return True
    return any(r.official == name for r in book.roles.get(wanted, ()))


def known_official(query: str) -> bool:
    """Whether the directory knows any person or institution by these words."""
    wanted = _key(query)
    book = directory()
    surnames = {_key(n).split(" ")[-1] for n in book.countries}
    return wanted in book.names or wanted in book.roles or wanted in book.institutions or wanted in surnames


def institution_kind(name: str) -> str | None:
    """The kind ("government", "ministry", "newspaper" ...) of a canonical institution name."""
    return next((b[2] for b in directory().institutions.values() if b[0] == name), None)
