"""Resolve stage: date mentions become days, counted from the article's anchor.

`resolve_mention` is one expression against an anchor (the reporting day) and
a reference (the day the narrative is at, for "a day earlier"). `resolve_dates`
walks an article's events in reading order and gives each event its day:
the mention that governs it, or the day that governs it in the article when
its sentence names none.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import ABSOLUTE, MONTH, MONTH_REL, SHIFT, TODAY, WEEK, WEEKDAY, WITHIN, DateMention

Span = tuple[date, date | None]
PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def resolve_mention(m: DateMention, anchor: date | None, reference: date | None = None) -> Span | None:
    """The first and last day a mention names (last is None for one day), or None if unknown."""
    if anchor is None and m.kind != ABSOLUTE:
        return None
    if anchor is None and m.year is None:
        return None
    if m.kind == ABSOLUTE:
        return _absolute(m, anchor)
    if m.kind == MONTH:
        year = m.year or (anchor.year + m.year_shift if m.year_shift is not None else _closest_year(m.month, 15, anchor))
        return _month_part(year, m.month, m.part)
    if m.kind == WEEKDAY:
        day = _weekday(m, anchor)
        return (day, day + timedelta(days=m.offset)) if m.part == "range" else (day, None)
    if m.kind == SHIFT:
        return (reference or anchor) + timedelta(days=m.offset), None
    if m.kind == TODAY:
        return anchor + timedelta(days=m.offset), None
    if m.kind == WEEK:
        return _week(m, anchor)
    if m.kind == MONTH_REL:
        return _month_rel(m, anchor)
    if m.kind == WITHIN:
        end = anchor + timedelta(days=m.offset)
        if m.part == "about":
            slack = timedelta(days=max(1, m.offset // 4))
            return end - slack, end + slack
        return (anchor, end) if m.part == "within" else (end, None)
    return None


def _absolute(m: DateMention, anchor: date | None) -> Span | None:
    year = m.year or (anchor.year + m.year_shift if m.year_shift is not None else _closest_year(m.month, m.day, anchor))
    try:
        start = date(year, m.month, m.day)
        if m.day_end is None:
            return start, None
        end_month = m.month_end or m.month
        end_year = year + (1 if end_month < m.month else 0)
        return start, date(end_year, end_month, m.day_end)
    except ValueError:
        return None


def _closest_year(month: int, day: int, anchor: date) -> int:
    """The year that puts month/day nearest the anchor ("Feb. 7" read in June is this February)."""
    def distance(year: int) -> int:
        safe_day = min(day, calendar.monthrange(year, month)[1])
        return abs((date(year, month, safe_day) - anchor).days)
    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=distance)


def _month_part(year: int, month: int, part: str | None) -> Span:
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = PART_DAYS.get(part or "", (1, last))
    return date(year, month, first_day), date(year, month, min(last_day, last))


def _weekday(m: DateMention, anchor: date) -> date:
    monday = anchor - timedelta(days=anchor.weekday())
    if m.which == "last":
        return monday - timedelta(days=7) + timedelta(days=m.weekday)
    if m.which == "next":
        return monday + timedelta(days=7 + m.weekday)
    if m.which == "this":
        return monday + timedelta(days=m.weekday)
    back = (anchor.weekday() - m.weekday) % 7
    if m.future:
        return anchor + timedelta(days=(m.weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=back)


def _week(m: DateMention, anchor: date) -> Span:
    monday = anchor - timedelta(days=anchor.weekday())
    monday += timedelta(days={"last": -7, "next": 7}.get(m.which or "this", 0))
    sunday = monday + timedelta(days=6)
    if m.part == "early":
        return monday, monday + timedelta(days=2)
    if m.part == "late":
        return monday + timedelta(days=3), sunday
    if m.part == "earlier" and m.which == "this":
        return monday, anchor
    if m.part == "later" and m.which == "this":
        return anchor, sunday
    return monday, sunday


def _month_rel(m: DateMention, anchor: date) -> Span:
    year, month = anchor.year, anchor.month + {"last": -1, "next": 1}.get(m.which or "this", 0)
    if month == 0:
        year, month = year - 1, 12
    elif month == 13:
        year, month = year + 1, 1
    if m.which == "this" and m.part == "earlier":
        return date(year, month, 1), anchor
    if m.which == "this" and m.part == "later":
        return anchor, date(year, month, calendar.monthrange(year, month)[1])
    return _month_part(year, month, m.part)


def is_narrative(m: DateMention, span: Span | None, anchor: date | None) -> bool:
    """Whether a resolved mention moves the story's 'now': a past day of the news, not a background date."""
    if span is None or anchor is None or m.future or m.prep in ("since", "until", "by", "from", "before"):
        return False
    if m.kind not in (WEEKDAY, TODAY, ABSOLUTE) or span[1] is not None:
        return False
    return 0 <= (anchor - span[0]).days <= 10


@dataclass(frozen=True)
class Dated:
    """The day an event got and the words it came from."""

    start: date | None
    end: date | None
    text: str | None
    explicit: bool


def resolve_dates(readings, founds, anchor: date | None) -> None:
    """Give every candidate event of one article its day, in reading order.

    A mention is resolved against the anchor, and a relative one ("a day
    earlier") against the day the sentence or the story last named. An event
    without a mention of its own takes, for a statement, the day its speaker
    last spoke in the article, and otherwise the story's current day (the
    last past day of news it named), or the anchor when it named none.
    """
    spans: dict[int, Span | None] = {}
    story: dict[int, Story] = {}
    narrative: tuple[date, str] | None = None
    speech = {id(f.mention) for f in founds if f.event.type == "statement" and f.mention is not None}
    claimed = {id(f.mention) for f in founds if f.event.type != "statement" and f.mention is not None}
    for reading in readings:
        previous: date | None = None
        news: list[tuple[bool, tuple[date, str]]] = []
        here: list[tuple[int, bool, tuple[date, str]]] = []
        for mention in reading.dates:
            reference = previous or (narrative[0] if narrative else None)
            span = resolve_mention(mention, anchor, reference)
            spans[id(mention)] = span
            if span and not mention.clause and mention.precise:
                previous = span[0]
            if is_narrative(mention, span, anchor):
                news.append((id(mention) in speech, (span[0], mention.text)))
                here.append((mention.start, id(mention) in claimed, (span[0], mention.text)))
        story[reading.sentence.index] = Story(narrative, tuple(here))
        if news:
            # the day events happened outranks the day they were told ("met on Saturday, officials said Sunday")
            narrative = ([n for said, n in news if not said] or [n for _, n in news])[-1]
    last_said: dict[str, Dated] = {}
    for found in founds:
        dated = _date_of(found, spans, story, last_said, anchor)
        found.event.date, found.event.date_end, found.event.date_text = dated.start, dated.end, dated.text
        found.strength = 2 if dated.explicit else (1 if dated.start and dated.text else 0)
        found.reported = anchor
        speaker = getattr(found.event, "speaker", None)
        if found.event.type == "statement" and speaker and dated.start:
            last_said[speaker] = dated


@dataclass(frozen=True)
class Story:
    """The story's day before a sentence, and the news days the sentence names (position, owned by an event, day)."""

    before: tuple[date, str] | None
    days: tuple[tuple[int, bool, tuple[date, str]], ...]

    def day_for(self, position: int) -> tuple[date, str] | None:
        """An undated event's day: one named before it in its sentence ("spoke on Monday ... and agreed"),
        else one of its sentence that no other event owns, else the story's day so far."""
        earlier = [day for at, _, day in self.days if at < position]
        free = [day for _, owned, day in self.days if not owned]
        return (earlier or free or [self.before])[-1]


def _date_of(found, spans, story, last_said, anchor) -> Dated:
    if found.rule == "undated":
        return Dated(None, None, None, False)
    if found.mention is not None:
        span = spans.get(id(found.mention))
        if span is not None and not (found.event.type == "statement" and anchor and span[0] > anchor):
            return Dated(span[0], span[1], found.mention.text, True)
    if anchor is None:
        return Dated(None, None, found.mention.text if found.mention else None, False)
    if found.rule == "speaker" and (said := last_said.get(found.event.speaker)):
        return Dated(said.start, said.end, said.text, False)
    narrative = story[found.reading.sentence.index].day_for(found.position)
    if narrative:
        return Dated(narrative[0], None, narrative[1], False)
    return Dated(anchor, None, None, False)
