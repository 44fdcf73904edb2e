"""Statements: who said what, when, in whose words."""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..dates import DateMention
from ..mentions import Reading
from ..models import Statement
from ..officials import INSTITUTION, PERSON, UNNAMED, Mention, country_of
from .common import BY_MENTION, BY_SPEAKER, Context, Found, _any, _spans


def statements_in(reading: Reading, context: Context) -> list[Found]:
    """One statement per speaker who is reported as saying something in the sentence."""
    text = reading.plain
    results: dict[str | None, Found] = {}
    for start, end in _verb_spans(text):
        if _reported_within(text, start) or re.search(r"\b(?:not|n't|never|declined to|refused to)\s+(?:\w+\s+)?$", text[:start]):
            continue
        mention = _speaker_for(reading, start, end, context)
        if mention is None or (_any("statement", "weak_verbs", text[start:end]) and not _opens_clause(text, mention)):
            continue
        name = mention.name
        if name in results:
            continue
        statement = Statement(speaker=name, quote=_quote_for(reading, start, end))
        governing = _statement_date(reading, start, end)
        found = Found(statement, reading, governing, BY_MENTION if governing else BY_SPEAKER, position=start,
                      new_occasion=_any("statement", "new_occasion", text),
                      extra={"mention": mention, "kind": mention.kind, "verb": start})
        results[name] = found
    strong = [f for f in results.values() if not _any("statement", "weak_verbs", text[f.extra["verb"]:f.extra["verb"] + 20])]
    return strong or list(results.values())


def _verb_spans(text: str) -> list[tuple[int, int]]:
    spans = _spans("statement", "verbs", text)
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            continue
        merged.append(span)
    return merged


def _reported_within(text: str, start: int) -> bool:
    """A verb inside what another verb reports ("reported that the U.S. side warned") is not a statement of its own."""
    return bool(re.search(r"\b(?:said|says|told \w+|reported|wrote|added)\s+that\b", text[:start]))


def _opens_clause(text: str, mention: Mention) -> bool:
    """The speaker starts its clause: at the sentence start, or after a comma, "and" or a date phrase."""
    head = text[:mention.start].rstrip()
    return not head or head.endswith((",", ";", ":", "—", "and", "but")) or bool(re.search(r"\b(?:on|last|this) \w+$|^\w+(?: \w+)?,?$", head))


def _speaker_for(reading: Reading, start: int, end: int, context: Context) -> Mention | None:
    """Who the speech verb at [start, end) belongs to.

    "according to X" names X; otherwise the nearest name before the verb in its
    clause, skipping names inside a relative clause (", who met X,") or in the
    possessive ("Trump's"); a pronoun ("he said"); or a name right after the
    verb ("said Akazawa").
    """
    text = reading.plain
    verb = text[start:end].lower()
    if verb.startswith("according to"):
        after = [m for m in reading.people if start < m.start <= end + 40]
        return after[0] if after else None
    head = text[:start]
    clause_start = max(head.rfind(";"), _last_clause_break(head))
    hidden = [(m.start(), m.end()) for m in re.finditer(r",\s+(?:who|whom|which)\b[^,]*,", head)]
    before = [m for m in reading.people if clause_start <= m.start and m.end <= start
              and not any(a <= m.start < b for a, b in hidden) and not re.match(r"['’]s\b", text[m.end:m.end + 2])]
    pronoun = _pronoun_before(head, reading, context)
    if pronoun is not None and (not before or pronoun.start > before[-1].end):
        return pronoun
    comma = head.rfind(",")
    if (comma >= 0 and re.fullmatch(r",\s+(?:the|a|an|one|two|three|some|several)\s+(?:[\w.'’-]+\s+){0,4}", head[comma:], re.IGNORECASE)
            and not any(m.start > comma for m in before)):
        return Mention(UNNAMED, None, None, comma + 1, start)  # ", the spokesman said": someone we cannot name
    if before:
        return before[-1]
    after = [m for m in reading.people if end <= m.start <= end + 4 and not text[end:m.start].strip(" ,")
             and re.match(r"\s*(?:[,.;]|$)", text[m.end:])]
    return after[0] if after else _unlisted_person(text, clause_start, start, end)


# A person the directory does not know, named where a speaker stands: "Takanori Azuma, Toyota's head of
# finance, told ..." or "..., said Koji Sato."
NAME = r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})"
NAME_BEFORE_VERB = re.compile(rf"(?:^\s*|[,;:]\s+|\band\s+|\s{{2,}}){NAME}(?:,[^,]{{1,80}},)?\s*$")
NAME_AFTER_VERB = re.compile(rf"\s+{NAME}\s*(?:[,.;]|$)")


def _unlisted_person(text: str, clause_start: int, start: int, end: int) -> Mention | None:
    for pattern, found, offset in ((NAME_BEFORE_VERB, NAME_BEFORE_VERB.search(text[clause_start:start]), clause_start),
                                   (NAME_AFTER_VERB, NAME_AFTER_VERB.match(text, end), 0)):
        if found and not _not_a_name(found.group("name")):
            return Mention(PERSON, found.group("name"), None, offset + found.start("name"), offset + found.end("name"))
    return None


@cache
def _name_stopwords() -> frozenset[str]:
    language = lexicon.load("language")
    words = [*language["months"], *language["weekdays"], *language.get("not_names", [])]
    return frozenset(w.lower() for w in words)


def _not_a_name(name: str) -> bool:
    return any(word.lower() in _name_stopwords() for word in re.split(r"[ -]", name))


def _last_clause_break(head: str) -> int:
    """Where the clause before a verb begins: after a quotation's comma or a ', that' turn."""
    breaks = [m.end() for m in re.finditer(r"[”\"]\s*,?|,\s+(?:but|and|while|as|after|when|because)\s+|\bthat\s+", head)]
    return breaks[-1] if breaks else 0


def _pronoun_before(head: str, reading: Reading, context: Context) -> Mention | None:
    """The person or institution "he", "she" or "it" right before a speech verb stands for."""
    found = re.search(r"\b(he|she|it|they)\s+(?:also\s+|then\s+|later\s+|again\s+)?$", head, re.IGNORECASE)
    if not found:
        return None
    word = found.group(1).lower()
    if word in ("he", "she"):
        here = [m.name for m in reading.people if m.kind == PERSON and m.end <= found.start()]
        name = here[0] if here else context.last_speaker or context.last_person
        return Mention(PERSON, name, country_of(name), found.start(), found.end()) if name else None
    if word == "it" and context.last_institution:
        name = context.last_institution
        return Mention(INSTITUTION, name, country_of(name), found.start(), found.end())
    return None


def _quote_for(reading: Reading, start: int, end: int) -> str | None:
    quotes = [q for q in reading.quotes if len(q.text.split()) >= 1]
    if not quotes:
        return None
    longer = [q for q in quotes if len(q.text.split()) >= 2] or quotes
    return longer[0].text


def _statement_date(reading: Reading, start: int, end: int) -> DateMention | None:
    """A date that sits by the speech verb: "said Friday", "told reporters on Saturday", "on Thursday expressed"."""
    text = reading.plain
    for mention in reading.dates:
        if mention.future or mention.prep in ("since", "until", "by", "from"):
            continue
        if mention.start <= 3 and not mention.clause:
            return mention
        if end <= mention.start:
            between = text[end:mention.start]
            if len(between) <= 45 and not re.search(r"\bthat\b|,|\bwhether\b", between):
                return mention
        elif mention.end <= start:
            between = text[mention.end:start]
            if len(between) <= 25 and "," not in between:
                return mention
    return None
