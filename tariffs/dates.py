"""Find date expressions in a sentence and normalise their words, before any is resolved to days.

The engine knows nothing of English dates itself: every rule (pattern,
normalisation, examples) is data in `lexicon/dates.toml`, month, weekday and
number words are in `lexicon/language.toml`. A `Timex` says what the words
mean ("a weekday, Friday, the last one"); `resolve.py` turns it into days
against the right anchor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from . import lexicon

ABSOLUTE, MONTH, YEAR, YEAR_REL, WEEKDAY, DEICTIC = "absolute", "month", "year", "year_rel", "weekday", "deictic"
WITHIN, WEEK, WEEKEND, MONTH_REL, ANAPHORIC, SHIFT = "within", "week", "weekend", "month_rel", "anaphoric", "shift"
MONTHDAY = "monthday"  # a day of the month with no month: "on the 5th"


@dataclass(frozen=True, slots=True)
class Timex:
    """One date expression and what its words say.

    offset     days from the anchor (deictic, within) or from the story's last day (anaphoric, shift)
    which      "last" | "this" | "next" for weekdays, weeks, weekends, months and years
    part       "early" | "mid" | "late" | "earlier" | "later" | "about" | "within"
    zone       the clock it is told in, when the words say: "JST", "ET", "local"
    prep       the preposition before it ("since", "until", "by", "on" ...)
    """

    rule: str
    kind: str
    granularity: str
    text: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    month_end: int | None = None
    day_end: int | None = None
    weekday: int | None = None
    weekday_end: int | None = None
    which: str | None = None
    part: str | None = None
    offset: int = 0
    year_shift: int | None = None
    tod: str | None = None
    zone: str | None = None
    prep: str | None = None
    restated: bool = False


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    granularity: str
    pattern: re.Pattern[str]
    covers: str
    examples: tuple[str, ...]
    negatives: tuple[str, ...]
    needs: frozenset[str] = frozenset()   # the kinds of word its pattern cannot match without: month, weekday
    hints: tuple[str, ...] = ()           # lower-cased words of which a sentence must hold one (none: always tried)
    not_after: re.Pattern[str] | None = None  # ending where a match ends, it makes the match part of a name


@cache
def _language() -> dict:
    return lexicon.load("language")


@cache
def _table() -> dict:
    return lexicon.load("dates")


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@cache
def _placeholders() -> dict[str, str]:
    language, table = _language(), _table()
    months = [m.capitalize() for m in language["months"]]
    full = [m for m in months if len(m) > 4 or m in ("May", "June", "July")]
    short = [m for m in months if m not in full]
    filled = {
        "month": rf"\b(?P<month>{_alternation(full)}|(?:{_alternation(short)})\b\.?)",
        "weekday": rf"(?P<weekday>{_alternation(w.capitalize() for w in language['weekdays'])})",
        "day": r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?",
        "year": r"(?P<year>(?:19|20)\d{2})",
        "num": rf"(?:\d+|{_alternation(language['numbers'])})",
    }
    filled.update(table["placeholders"])
    filled["zone"] = zone_names()
    return filled


def zone_side(name: str) -> str | None:
    """The side of the date line a clock's name keeps ("JST", "ET", "local"), None for one on neither side or
    not known (see [words.zone] in dates.toml)."""
    return _table()["words"]["zone"].get(_squash(name)) or None


@cache
def zone_names(abbreviations_only: bool = False) -> str:
    """A pattern for every clock name dates.toml knows, longest first: an abbreviation in capitals only (so
    that "et" and "pt" in running text are no clocks), any other name in any case."""
    names = sorted(_table()["words"]["zone"], key=len, reverse=True)
    short = [n.upper() for n in names if _abbreviation(n)]
    spelled = [n for n in names if not _abbreviation(n)]
    if abbreviations_only:
        return f"(?:{_alternation(short)})"
    return f"(?:(?i:{_alternation(spelled)})|{_alternation(short)})"


def _abbreviation(name: str) -> bool:
    return name.isalpha() and len(name) <= 5


def _expand(pattern: str) -> str:
    places = _placeholders()
    return re.sub(r"\{([a-z_]+)\}", lambda m: places[m.group(1)], pattern)


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(Rule(r["name"], r["kind"], r["granularity"], re.compile(_expand(r["pattern"])), r["covers"],
                      tuple(r.get("examples", ())), tuple(r.get("negatives", ())), _needs(r["pattern"]),
                      tuple(r.get("hints", ())), _not_after(r.get("not_after")))
                 for r in _table()["rule"])


def _not_after(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(f"(?:{_expand(pattern)})$") if pattern else None


def _needs(pattern: str) -> frozenset[str]:
    """A pattern that holds a month or weekday outside any optional part cannot match a text without one."""
    top = re.sub(r"\((?:[^()]|\([^()]*\))*\)[?*]", "", pattern)  # drop optional groups, one level of nesting deep
    return frozenset(word for word in ("month", "weekday") if "{" + word + "}" in top)


@cache
def _word_gates() -> dict[str, re.Pattern[str]]:
    language = _language()
    return {"month": re.compile(_placeholders()["month"]),
            "weekday": re.compile(rf"\b(?:{_alternation(w.capitalize() for w in language['weekdays'])})")}


@cache
def _gate() -> re.Pattern[str]:
    """A sentence without any of these words or a digit holds no date: the rules are not tried."""
    language, table = _language(), _table()
    words = [*language["months"], *language["weekdays"], *table["cue_words"]]
    return re.compile(rf"\d|\b(?:{_alternation(words)})\b", re.IGNORECASE)


def find_timexes(text: str) -> list[Timex]:
    """Every date expression in `text`, left to right, without overlaps (the longest wins)."""
    if not _gate().search(text):
        return []
    present = {word for word, gate in _word_gates().items() if gate.search(text)}
    lowered = text.lower()
    hinted = {hint for hint in _all_hints() if hint in lowered}
    found = []
    for order, rule in enumerate(rules()):
        if not _may_match(rule, present, hinted):
            continue
        for match in rule.pattern.finditer(text):
            if rule.not_after is None or not rule.not_after.search(text, 0, match.end()):
                found.append((match.start(), -(match.end() - match.start()), order, rule, match))
    found.sort(key=lambda f: f[:3])
    timexes: list[Timex] = []
    taken = -1
    for start, _, _, rule, match in found:
        if start < taken:
            continue
        timex = _normalise(rule, match)
        if timex is not None:
            timexes.append(_with_context(timex, text))
            taken = match.end()
    return timexes


def _may_match(rule: Rule, present: set[str], hinted: set[str]) -> bool:
    """A cheap look before the pattern: "{month} {day}" is not tried on a sentence that names no month,
    "two days ago" not on one without "ago"."""
    if not rule.needs <= present:
        return False
    return not rule.hints or not hinted.isdisjoint(rule.hints)


@cache
def _all_hints() -> frozenset[str]:
    """Every rule's hint words, each looked for once per sentence."""
    return frozenset(hint for rule in rules() for hint in rule.hints)


# ---------------------------------------------------------------- normalising


def _normalise(rule: Rule, m: re.Match[str]) -> Timex | None:
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    fields = {"rule": rule.name, "kind": rule.kind, "granularity": rule.granularity, "text": m.group(0).strip(),
                  "start": m.start(), "end": m.end()}
    fields.update(_calendar(g))
    fields.update(_relative(g, rule.kind))
    if g.get("prep") and rule.kind != WITHIN:
        fields["prep"] = _squash(g["prep"])  # "since April": the preposition the rule itself read
    if fields.get("day") is not None and not 1 <= fields["day"] <= 31:
        return None
    if fields.get("day_end") is not None and (not 1 <= fields["day_end"] <= 31
                                              or (fields.get("month_end") is None and fields["day_end"] <= fields["day"])):
        return None
    return Timex(**fields)


def _calendar(g: dict[str, str]) -> dict:
    words = _language()
    fields: dict = {}
    if "year" in g:
        fields["year"] = int(g["year"])
    if "month" in g:
        fields["month"] = words["months"][g["month"].rstrip(".").lower()]
    if "month_num" in g:
        fields["month"] = int(g["month_num"])
    if "month_end" in g:
        fields["month_end"] = words["months"][g["month_end"].rstrip(".").lower()]
    if "day" in g:
        fields["day"] = int(g["day"])
    if "day_end" in g:
        fields["day_end"] = int(g["day_end"])
    if "ordinal" in g:
        fields["day"] = _ordinal(g["ordinal"])
    if "weekday" in g:
        fields["weekday"] = words["weekdays"][g["weekday"].lower()]
    if "weekday_end" in g:
        fields["weekday_end"] = words["weekdays"][g["weekday_end"].lower()]
    if "year_word" in g:
        fields["year_shift"] = {"last": -1, "this": 0, "next": 1}[g["year_word"].lower()]
    return fields


def _ordinal(word: str) -> int:
    ordinals = _language()["ordinals"]
    if word in ordinals:
        return ordinals[word]
    tens, _, unit = word.partition("-")
    return {"twenty": 20, "thirty": 30}.get(tens, 0) + ordinals.get(unit, 0)


def _relative(g: dict[str, str], kind: str) -> dict:
    """What the words of a relative date say: which one, what part of it, at what time and on which clock,
    how many days away."""
    words = _table()["words"]
    fields: dict = {}
    if "tod" in g:
        fields["tod"] = g["tod"].lower()
    if "zone" in g:
        fields["zone"] = zone_side(g["zone"])
    fields.update(_which(g, words, kind))
    fields.update(_part(g, words, kind))
    fields.update(_offset(g, words, kind))
    return fields


def _which(g: dict[str, str], words: dict, kind: str) -> dict:
    """Which one the words point to: "last", "this", "next", or a stretch or weekday of the story."""
    fields: dict = {}
    if "which" in g:
        fields["which"] = words["which"].get(_squash(g["which"]))
    if "stretch" in g:
        fields["which"] = "same " + g["stretch"].lower()  # "the same month": the story's stretch
    if kind == ANAPHORIC and "weekday" in g:
        fields["which"] = {"following": "next", "next": "next", "previous": "last", "prior": "last"}.get(
            (g.get("rel") or "").lower())  # "the following Friday": after the story's day; "one Friday": within it
    return fields


def _part(g: dict[str, str], words: dict, kind: str) -> dict:
    """The part of a stretch the words name ("early", "later"), or how a count of days is read ("within", "about")."""
    fields: dict = {}
    if "part" in g:
        fields["part"] = words["part"].get(_squash(g["part"]).rstrip(" -"), words["part"].get(_squash(g["part"])))
    if kind == WITHIN:
        fields["part"] = "within" if g.get("prep", "").lower() == "within" else ("about" if g.get("about") else None)
    return fields


def _offset(g: dict[str, str], words: dict, kind: str) -> dict:
    """How many days away: a word ("tomorrow") or a count ("two days later")."""
    fields: dict = {}
    if "word" in g:
        fields["offset"] = words["deictic"][_squash(g["word"])]
    if ("n" in g or "rel" in g) and "weekday" not in g:
        fields["offset"] = _distance(g, words, 1 if kind == WITHIN else 0)
    if kind == SHIFT:
        fields["offset"] = -fields.get("offset", 0)  # "a day after they met": their meeting is a day before
    return fields


def _distance(g: dict[str, str], words: dict, sign: int) -> int:
    """Days from the reference: a count, a unit ("weeks" = 7 days) and a direction ("earlier" = back)."""
    n = g.get("n", "a").lower()
    count = 1 if n == "the" else int(n) if n.isdigit() else _language()["numbers"].get(n, 1)
    unit = words["unit"].get(g.get("unit", "day").lower(), 1)
    if "rel" in g:
        sign = words["rel"].get(g["rel"].lower(), 0)
    return sign * count * unit


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


PREPOSITION = re.compile(r"\b(since|until|till|by|from|on|in|at|before|after|through|as of|effective|starting|beginning|"
                         r"during|of|ahead of|as early as|no later than)\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def _zone_after() -> re.Pattern[str]:
    """A clock told right after a date, with or without a time: "Monday (Japan time)", "June 3, 9 p.m. ET"."""
    return re.compile(rf"\s*\(?\s*(?:\d{{1,2}}(?::\d{{2}})?\s*[ap]\.?m\.?\s*)?({zone_names()})\b\)?")


# A moment told again on another clock: "..., or Sunday morning Japan time", "(3:40 a.m. on June 17, Japan time)".
RESTATED = re.compile(r"(?:\bor|\(|;)\s*(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?\s*)?(?:on\s+)?$", re.IGNORECASE)


def _with_context(timex: Timex, text: str) -> Timex:
    """The preposition before a date and a time zone told right after it ("Monday (Japan time)")."""
    changes: dict = {}
    found = PREPOSITION.search(text[max(0, timex.start - 25):timex.start])
    if found and timex.prep is None:
        changes["prep"] = found.group(1).lower()
    if timex.zone is None and (zone := _zone_after().match(text, timex.end)):
        changes["zone"] = zone_side(zone.group(1))
    if changes.get("zone", timex.zone) not in (None, "local") and RESTATED.search(text[max(0, timex.start - 25):timex.start]):
        changes["restated"] = True
    return replace(timex, **changes) if changes else timex
