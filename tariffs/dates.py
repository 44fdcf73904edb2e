"""Find date expressions in a sentence, before any of them is resolved.

Each `DateMention` records what the words say ("last Thursday", "early next
week", "a day earlier", "June 15-17") in a structured form; `resolve.py`
turns it into days against the article's anchor and the narrative's reference
day. Month, weekday and number words come from `lexicon/language.toml`.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

from . import lexicon

ABSOLUTE, MONTH, WEEKDAY, SHIFT, TODAY, WEEK, MONTH_REL, WITHIN = (
    "absolute", "month", "weekday", "shift", "today", "week", "month_rel", "within")


@dataclass(frozen=True)
class DateMention:
    """One date expression.

    kind       what the words name (see the constants above)
    month, day, year, day_end, month_end   for absolute dates and spans
    part       "early" | "mid" | "late" | "earlier" | "later" | None
    which      "last" | "next" | "this" | None, for weekdays, weeks, months
    weekday    0 = Monday
    offset     days from the reference day (SHIFT), from the anchor (TODAY, WITHIN)
    clause     True when the words introduce a clause whose event is `offset`
               from the reference ("a day after they met"): they date only
               what follows them
    future     the sentence speaks of this day as still to come
    prep       the word before it ("since", "until", "by", "from", "on" ...)
    """

    text: str
    start: int
    end: int
    kind: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    day_end: int | None = None
    month_end: int | None = None
    part: str | None = None
    which: str | None = None
    weekday: int | None = None
    offset: int = 0
    clause: bool = False
    future: bool = False
    prep: str | None = None
    year_shift: int | None = None   # "last year" (-1), "this year" (0), "next year" (1) after a month

    @property
    def precise(self) -> bool:
        """Names one day, not a span or a vague stretch."""
        return self.kind in (ABSOLUTE, WEEKDAY, TODAY, SHIFT) and self.day_end is None and self.part != "range"


@cache
def _words() -> dict[str, dict[str, int]]:
    language = lexicon.load("language")
    return {key: language[key] for key in ("months", "weekdays", "numbers", "ordinals")}


def _alternation(names) -> str:
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    words = _words()
    full = [m.capitalize() for m in words["months"] if m.capitalize() in calendar.month_name]
    short = [m.capitalize() for m in words["months"] if m.capitalize() not in full]
    month = rf"(?P<month>{_alternation(full)}|(?:{_alternation(short)})\.?)"
    month2 = month.replace("?P<month>", "?P<month2>")
    weekday = rf"(?P<weekday>{_alternation(w.capitalize() for w in words['weekdays'])})"
    number = rf"(?P<n>\d+|{_alternation(words['numbers'])})"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%])"
    year = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
    part = r"(?P<part>early|mid|late|the end of|end|the beginning of|the start of|the middle of)"
    time_of_day = r"(?:\s+(?:morning|afternoon|evening|night|local time))?"
    i = re.IGNORECASE
    return [
        ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b")),
        ("range", re.compile(rf"\b(?:from\s+)?{month}\s+{day}\s*(?:-|–|to|through|and)\s*(?:{month2}\s+)?(?P<day_end>[0-3]?\d)(?:st|nd|rd|th)?\b{year}")),
        ("absolute", re.compile(rf"\b{month}\s+{day}\b{year}")),
        ("absolute_dm", re.compile(rf"\b{day}\s+{month}\b{year}")),
        ("month", re.compile(rf"(?i:\b(?:{part}[- ]+(?:of\s+)?)){month}(?![a-z])(?!\.?\s+\d){year}")),
        ("month", re.compile(rf"(?i:\b(?P<prep>in|since|until|by|from|through|of|before|after|during|last|this|next)\s+){month}(?![a-z])(?!\.?\s+\d){year}")),
        ("weekday_range", re.compile(rf"(?i:\b(?:from|on)\s+){weekday}\s+(?i:to|through|until|till|and)\s+(?P<weekday_end>{_alternation(w.capitalize() for w in words['weekdays'])})\b")),
        ("weekday", re.compile(rf"(?i:\b(?P<which>last|next|this|this coming|coming|past|late|early)\s+)?{weekday}\b{time_of_day}")),
        ("shift_clause", re.compile(r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|\d+)\s+(?P<unit>days?|weeks?)|the\s+(?P<unit2>day|week))\s+(?P<rel>after|before)\b(?!\s*[,.;])", i)),
        ("shift", re.compile(rf"\b{number}\s+(?P<unit>days?|weeks?|months?)\s+(?P<rel>earlier|later|before|after|ago|prior)\b", i)),
        ("shift_word", re.compile(r"\b(?:the\s+(?P<rel>previous|next|following|same|prior)\s+(?P<unit>day|week|month)|on\s+that\s+day|(?:earlier|later)\s+(?:that|the same)\s+day|(?:earlier|later)\s+in\s+the\s+day|that\s+(?:morning|afternoon|evening|night|day)|the\s+day\s+(?P<rel2>before|after)\b(?=\s*[,.;]))", i)),
        ("today", re.compile(r"\b(?:(?:earlier|later)\s+)?(?P<word>today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening))\b", i)),
        ("week", re.compile(r"\b(?:(?P<part>earlier|later|early|late|the end of|end of)\s+)?(?P<which>this|last|next|the past|the coming|the previous|the following)\s+week(?:end)?\b", i)),
        ("month_rel", re.compile(r"\b(?:(?P<part>earlier|later|early|late|mid-?|the end of|end of|the beginning of)\s*)?(?P<which>this|last|next|the previous|the following)\s+month\b|\bwithin\s+the\s+month\b|\b(?P<part2>end|the end)\s+of\s+the\s+month\b", i)),
        ("within", re.compile(rf"\b(?P<prep>in|within)\s+(?:about\s+|around\s+|roughly\s+|some\s+|the\s+next\s+|another\s+)?{number}\s+(?P<unit>days?|weeks?)\b", i)),
    ]


FUTURE_MARKERS = re.compile(
    r"\b(?:will|'ll|shall|is to|are to|going to|expected to|scheduled|set to|due to|plans? to|planning to|coming|approaching|looming|due|"
    r"aims? to|hopes? to|intends? to|slated|upcoming|opens|opening|starts|starting|begins|beginning|runs until|kicks off|"
    r"would take effect|will take effect|to take effect|would apply|to be held|to hold|to meet|to visit)\b",
    re.IGNORECASE)
PAST_MARKERS = re.compile(r"\b(?:said|told|was|were|had|met|held|spoke|since|ago|last)\b", re.IGNORECASE)


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in `text`, left to right, without overlaps.

    A date in parentheses right after another date ("Wednesday afternoon
    (Thursday morning Japan time)") renders the same moment elsewhere and is left out.
    """
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for name, pattern in _patterns():
        for match in pattern.finditer(text):
            candidates.append((match.start(), match.end(), name, match))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    mentions: list[DateMention] = []
    taken_until = -1
    for start, end, name, match in candidates:
        if start < taken_until:
            continue
        mention = _build(name, match, text)
        if mention is None:
            continue
        mention = _with_context(_with_length(mention, text), text, mentions)
        mentions.append(mention)
        taken_until = end
    return [m for i, m in enumerate(mentions) if not (i and _restates(mentions[i - 1], m, text))]


def _restates(previous: DateMention, mention: DateMention, text: str) -> bool:
    return bool(re.fullmatch(r"\s*\(\s*", text[previous.end:mention.start])) and ")" in text[mention.end:mention.end + 25]


def _number(word: str | None) -> int:
    if word is None:
        return 1
    return int(word) if word.isdigit() else _words()["numbers"].get(word.lower(), 1)


def _month(word: str) -> int:
    return _words()["months"][word.rstrip(".").lower()]


def _unit_days(unit: str | None) -> int:
    unit = (unit or "day").lower()
    return 7 if unit.startswith("week") else 30 if unit.startswith("month") else 1


def _build(name: str, m: re.Match[str], text: str) -> DateMention | None:
    base = dict(text=m.group(0).strip(), start=m.start(), end=m.end())
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if name == "iso":
        return DateMention(kind=ABSOLUTE, month=int(groups["m"]), day=int(groups["day"]), year=year, **base)
    if name in ("absolute", "absolute_dm"):
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None
        return DateMention(kind=ABSOLUTE, month=_month(groups["month"]), day=day, year=year, **base)
    if name == "range":
        day, day_end = int(groups["day"]), int(groups["day_end"])
        month_end = _month(groups["month2"]) if groups.get("month2") else None
        if not (1 <= day <= 31 and 1 <= day_end <= 31) or (month_end is None and day_end <= day):
            return None
        return DateMention(kind=ABSOLUTE, month=_month(groups["month"]), day=day, day_end=day_end,
                           month_end=month_end, year=year, **base)
    if name == "month":
        part = _part(groups.get("part"))
        return DateMention(kind=MONTH, month=_month(groups["month"]), year=year, part=part,
                           prep=(groups.get("prep") or "").lower() or None, **base)
    if name == "weekday_range":
        days = _words()["weekdays"]
        first, last = days[groups["weekday"].lower()], days[groups["weekday_end"].lower()]
        return DateMention(kind=WEEKDAY, weekday=first, offset=(last - first) % 7, part="range", **base)
    if name == "weekday":
        which = (groups.get("which") or "").lower() or None
        if which in ("late", "early"):
            which = None
        which = {"this coming": "next", "coming": "next", "past": "last"}.get(which, which)
        return DateMention(kind=WEEKDAY, weekday=_words()["weekdays"][groups["weekday"].lower()], which=which, **base)
    if name == "shift_clause":
        days = _number(groups.get("n")) * _unit_days(groups.get("unit") or groups.get("unit2"))
        sign = -1 if groups["rel"].lower() == "after" else 1
        return DateMention(kind=SHIFT, offset=sign * days, clause=True, **base)
    if name == "shift":
        days = _number(groups.get("n")) * _unit_days(groups.get("unit"))
        rel = groups["rel"].lower()
        if rel == "ago":
            return DateMention(kind=TODAY, offset=-days, **base)
        sign = -1 if rel in ("earlier", "before", "prior") else 1
        return DateMention(kind=SHIFT, offset=sign * days, **base)
    if name == "shift_word":
        rel = (groups.get("rel") or groups.get("rel2") or "same").lower()
        sign = {"previous": -1, "prior": -1, "before": -1, "next": 1, "following": 1, "after": 1}.get(rel, 0)
        return DateMention(kind=SHIFT, offset=sign * _unit_days(groups.get("unit")), **base)
    if name == "today":
        word = groups["word"].lower()
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return DateMention(kind=TODAY, offset=offset, **base)
    if name == "week":
        which = groups["which"].lower().replace("the ", "")
        which = {"past": "last", "coming": "next", "previous": "last", "following": "next"}.get(which, which)
        return DateMention(kind=WEEK, which=which, part=_part(groups.get("part")), **base)
    if name == "month_rel":
        if groups.get("which"):
            which = groups["which"].lower().replace("the ", "")
            which = {"previous": "last", "following": "next"}.get(which, which)
            return DateMention(kind=MONTH_REL, which=which, part=_part(groups.get("part")), **base)
        part = "later" if "within" in m.group(0).lower() else "late"
        return DateMention(kind=MONTH_REL, which="this", part=part, **base)
    if name == "within":
        days = _number(groups.get("n")) * _unit_days(groups.get("unit"))
        if groups["prep"].lower() == "within":
            return DateMention(kind=WITHIN, offset=days, part="within", **base)
        return DateMention(kind=WITHIN, offset=days, **base)
    return None


def _part(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower().strip("- ")
    if word in ("early", "the beginning of", "the start of"):
        return "early"
    if word in ("mid", "the middle of"):
        return "mid"
    if word in ("late", "the end of", "end", "end of"):
        return "late"
    return word  # "earlier" | "later"


LENGTH = re.compile(r"\b(?P<n>two|three|four|five|six|seven|\d)-day\b[^.;]{0,80}\b(?:starts?|starting|begins?|beginning|opens?|opening|kicks? off|from)\s+(?:on\s+)?$", re.IGNORECASE)
APPROXIMATE = re.compile(r"\b(?:about|around|roughly|some|approximately)\s", re.IGNORECASE)


def _with_length(mention: DateMention, text: str) -> DateMention:
    """Stretch a day to the span the sentence gives it: "the three-day summit, which starts on June 15";
    and an approximate distance ("in about 10 days") to a few days either side."""
    if mention.kind == ABSOLUTE and mention.day_end is None and (found := LENGTH.search(text[: mention.start])):
        days = _number(found.group("n"))
        if days > 1 and mention.day + days - 1 <= 31:
            return DateMention(**{**mention.__dict__, "day_end": mention.day + days - 1})
    if mention.kind == WITHIN and mention.part is None and APPROXIMATE.search(mention.text):
        return DateMention(**{**mention.__dict__, "part": "about"})
    return mention


YEAR_WORD = re.compile(r"\s*,?\s*(?P<which>last|this|next)\s+year\b", re.IGNORECASE)
YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}


def _with_context(mention: DateMention, text: str, before: list[DateMention]) -> DateMention:
    """Add the preposition before the mention, a year named after it ("in July last year"),
    and whether it speaks of the future."""
    head = text[: mention.start]
    if mention.kind in (ABSOLUTE, MONTH) and mention.year is None and (said := YEAR_WORD.match(text, mention.end)):
        mention = DateMention(**{**mention.__dict__, "year_shift": YEAR_SHIFT[said.group("which").lower()],
                                 "end": said.end(), "text": text[mention.start:said.end()].strip()})
    prep = mention.prep
    if prep is None and (found := re.search(r"\b(since|until|till|by|from|on|in|before|after|through|as of|effective)\s+(?:the\s+)?$", head, re.IGNORECASE)):
        prep = found.group(1).lower()
    previous_end = before[-1].end if before else 0
    window = text[max(previous_end, mention.start - 90): mention.start]
    future = bool(FUTURE_MARKERS.search(window)) and not re.search(r"\b(?:said|told)\b", window[window.rfind(",") + 1:] if "," in window else "")
    if not future and before and before[-1].future and not PAST_MARKERS.search(text[previous_end: mention.start]):
        future = True
    if mention.which == "next" or mention.kind == WITHIN:
        future = True
    if prep == "since" or mention.which == "last":
        future = False
    return DateMention(**{**mention.__dict__, "prep": prep, "future": future})
