"""Whom a pronoun, a role phrase or a role noun points at: the one place that decides it.

An article names people in many ways: "Akazawa", "Japan's top negotiator",
"the commerce secretary", "the minister", "he", "the two leaders". A role
phrase names whoever held the role on the article's date (of the country a
qualifier gives, else the one named most recently); a role noun ("the
minister", "the Japanese envoy") and a pronoun point back to the latest person
the article named who fits; "they" points at the people of the last clause
that named several.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .officials import INSTITUTION, PERSON, directory

# How many names back a role noun or a pronoun may reach: a few paragraphs.
MEMORY = 40


@dataclass
class Discourse:
    """What an article has named so far, most recent last."""

    day: date | None
    names: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    institutions: list[str] = field(default_factory=list)
    groups: list[tuple[str, ...]] = field(default_factory=list)
    unknown: dict[str, str] = field(default_factory=dict)   # surname -> full name of people the directory lacks
    last_subject: str | None = None                           # the subject of the last sentence naming anyone

    # ------------------------------------------------------------ remembering

    def note(self, names: list[str], subject: str | None, group: tuple[str, ...] = ()) -> None:
        """Remember a sentence's people, its subject, and the set of people it put together."""
        book = directory()
        for name in names:
            if name in book.institutions:
                self.institutions = (self.institutions + [name])[-MEMORY:]
            elif name:
                self.names = (self.names + [name])[-MEMORY:]
        if subject:
            self.subjects = (self.subjects + [subject])[-MEMORY:]
        if subject or names:
            self.last_subject = subject  # a sentence naming no one ("The talks began at 10") keeps the one before
        if len(group) >= 2:
            self.groups = (self.groups + [group])[-MEMORY:]

    # ------------------------------------------------------------ resolving

    def role(self, phrase: str, country: str | None, here: list[str]) -> str | None:
        """The holder of a role on the day: of the qualifier's country, else the one named last."""
        holders = directory().holders(phrase, self.day, country)
        if len(holders) <= 1:
            return holders[0] if holders else None
        return self._latest(holders, here) or holders[0]

    def role_noun(self, noun: str, country: str | None, here: list[str]) -> str | None:
        """"the minister", "the Japanese envoy": the latest person named whose title on the day fits."""
        words = directory().role_nouns.get(noun, ())
        people = directory().people

        def fits(name: str) -> bool:
            person = people.get(name)
            if person is None or (country and person.country != country):
                return False
            return any(w.lower() in t.lower() for t in person.titles_on(self.day) for w in words)

        return next((n for n in [*reversed(here), *reversed(self.names)] if fits(n)), None)

    def pronoun(self, word: str, here: list[str], subject_here: str | None, group_here: tuple[str, ...] = (),
                objects_here: frozenset[str] = frozenset(), echoed: list[str] = ()) -> tuple[str, ...]:
        """He and she: the subject of this sentence, else the nearest person before who is no object of a verb
        or a phrase, else the last subject.
        His and her: the subject of this sentence, else the nearest person before. Him and her as objects: the nearest person
        before who is not the subject. Without a subject in the sentence, the person the first he or his of the
        sentence (no object) stood for takes the subject's place ("his meetings with A and B, and his call with
        A"; "He met A and called him, while a meeting he sought with B ...").
        They: a group phrase right before ("the leaders ... their meeting"), else the people named together
        before; it: the last institution."""
        word = word.lower()
        if word in ("it", "its"):
            return tuple(self.institutions[-1:])
        if word in ("they", "them", "their"):
            return self._plural(here, group_here)
        gender = "she" if word in ("she", "her", "hers", "herself") else "he"
        order = self._nearby(word, here, subject_here or next(iter(echoed), None), objects_here)
        earlier = [self.last_subject] if self.last_subject else []
        fits = [n for n in order + earlier + list(reversed(self.names)) + list(reversed(self.subjects))
                if n and self._gender(n) == gender]
        return (fits[0],) if fits else ()

    def _plural(self, here: list[str], group_here: tuple[str, ...]) -> tuple[str, ...]:
        """They, them, their: a group phrase right before, else the people of this sentence when several,
        else the last people named together."""
        if len(group_here) >= 2:
            return group_here
        people = tuple(dict.fromkeys(n for n in here if n in directory().people))
        return people if len(people) >= 2 else (self.groups[-1] if self.groups else ())

    def _nearby(self, word: str, here: list[str], subject_here: str | None, objects_here: frozenset[str]) -> list[str]:
        """A singular pronoun's candidates, best first: the people of this sentence (and, for he and she, the
        last subject); the article's earlier names come after them."""
        nearest = list(reversed(here))
        subject = [subject_here] if subject_here else []
        if word in ("he", "she"):  # an object ("after meeting Lutnick, he ...") yields to the subject before
            return subject + [n for n in nearest if n not in objects_here] + \
                ([self.last_subject] if self.last_subject else []) + nearest
        if word in ("his", "her", "hers"):
            return subject + nearest  # "X met Y after extending his stay": X
        return [n for n in nearest if n != subject_here]

    @staticmethod
    def _gender(name: str) -> str:
        person = directory().people.get(name)
        return person.pronoun if person else "he"

    def group(self, phrase: str, others_than: list[str] = (), here: list[str] = ()) -> tuple[str, ...]:
        """"the two leaders": one holder of each role the phrase names; "the two men": the pair this sentence
        has named ("Ishiba received Bessent, and the two spoke"; "He began with Lutnick, and the two talked":
        the one the story follows and Lutnick), else the last pair. Met by someone ("Akazawa met the same two
        officials"), the pair is the last two put together without them."""
        book = directory()
        roles = book.groups.get(phrase)
        if roles:  # an empty list of roles: the last pair named
            return tuple(dict.fromkeys(n for role in roles for n in book.holders(role, self.day)[:1]))
        pair = self._pair_here(here) if not others_than else ()
        if pair:
            return pair
        for group in reversed(self.groups if others_than else self.groups[-1:]):
            rest = tuple(n for n in group if n not in others_than)
            if len(rest) >= 2:
                return rest
        return self.groups[-1] if self.groups else ()

    def _pair_here(self, here: list[str]) -> tuple[str, ...]:
        people = list(dict.fromkeys(n for n in here if n in directory().people))
        if len(people) == 2:
            return tuple(people)
        if len(people) == 1 and self.last_subject and self.last_subject != people[0]:
            return (self.last_subject, people[0])
        return ()

    def anaphor(self, kind: str, here: list[str] = ()) -> str | None:
        """"the ministry": the last institution of that kind named (in this sentence first), else the default one."""
        book = directory()
        for name in reversed([*self.institutions, *(n for n in here if n in book.institutions)]):
            if book.institutions[name].kind == kind:
                return name
        return book.defaults.get(kind)

    def _latest(self, candidates: list[str], here: list[str]) -> str | None:
        for name in reversed([*self.names, *here]):
            if name in candidates:
                return name
        return None


__all__ = ["INSTITUTION", "PERSON", "Discourse"]
