"""Resolve stage: a date expression becomes days, against the right anchor.

The anchor is the day a text was written: an article's publication date, or a
live-blog entry's own stamp, with the clock it was told in (Tokyo or U.S.
Eastern time) when the page says. The reference is the day the story last
told, for "a day earlier". The tense of the words a date belongs to picks the
year of a year-less month and the direction of a bare weekday: "met on
Friday" looks back, "will meet on Friday" looks ahead.

Every resolved date keeps its precision: a day, a weekend, a week, part of a
month, a month or a year.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from . import lexicon
from .dates import (
    ABSOLUTE,
    ANAPHORIC,
    DEICTIC,
    MONTH,
    MONTH_REL,
    MONTHDAY,
    SHIFT,
    WEEK,
    WEEKDAY,
    WEEKEND,
    WITHIN,
    YEAR,
    YEAR_REL,
    Timex,
    zone_names,
    zone_side,
)

PAST, FUTURE = "past", "future"
# The end of a stretch ("paused until early July") is read where it lies nearest, whatever the tense of its verb.
NEAREST = "nearest"
# How far back a year-less date told without tense is read as past: the year a story looks back on.
RECENT_PAST = 330
PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
# "the first week of July": the month's days by sevens ("the last week of" is its last seven).
WEEK_DAYS = {"week1": (1, 7), "week2": (8, 14), "week3": (15, 21)}
# Hours between the two clocks the negotiations are told in (Tokyo is 13 hours ahead of Washington in summer).
JST_AHEAD_OF_ET = 13


@dataclass(frozen=True, slots=True)
class Anchor:
    """The day a text was written, and on which clock when known ("JST", "ET")."""

    day: date
    zone: str | None = None
    hour: int | None = None

    def seen_in(self, zone: str | None) -> date:
        """The anchor's day on another clock: an evening in Washington is already tomorrow in Tokyo."""
        if zone is None or self.zone is None or zone == self.zone or zone == "local":
            return self.day
        if self.zone == "ET" and zone == "JST":
            return self.day + timedelta(days=1) if self.hour is None or self.hour + JST_AHEAD_OF_ET >= 24 else self.day
        if self.zone == "JST" and zone == "ET":
            return self.day - timedelta(days=1) if self.hour is not None and self.hour < JST_AHEAD_OF_ET else self.day
        return self.day

    def on_clock(self, zone: str | None) -> Anchor:
        """The same moment told on another clock: 9:30 p.m. in Washington is the next morning in Tokyo, so a
        report from Tokyo under a U.S. stamp counts its "Wednesday" from the Tokyo day."""
        if zone is None or self.zone is None or zone == self.zone or zone not in ("JST", "ET"):
            return self
        shift = JST_AHEAD_OF_ET if zone == "JST" else -JST_AHEAD_OF_ET
        return Anchor(self.seen_in(zone), zone, None if self.hour is None else (self.hour + shift) % 24)


@dataclass(frozen=True, slots=True)
class Span:
    """The first and last day an expression names (`end` None for one day), and how precisely."""

    start: date
    end: date | None
    precision: str

    @property
    def last(self) -> date:
        return self.end or self.start


def resolve(timex: Timex, anchor: Anchor | None, tense: str | None = None, reference: date | None = None,
            zone: str | None = None) -> Span | None:
    """The days a date expression names, or None when nothing fixes them (no anchor, an impossible day)."""
    if timex.kind == ABSOLUTE and timex.year is not None:
        return _absolute(timex, timex.year)
    if anchor is None:
        return None
    today = anchor.seen_in(timex.zone or zone)
    try:
        return _RESOLVERS[timex.kind](timex, today, tense, reference)
    except (ValueError, OverflowError):
        return None


# ---------------------------------------------------------------- calendar dates


def _absolute(timex: Timex, year: int) -> Span | None:
    try:
        start = date(year, timex.month, timex.day)
        if timex.day_end is None:
            return Span(start, None, "day")
        month_end = timex.month_end or timex.month
        end = date(year + (1 if month_end < timex.month else 0), month_end, timex.day_end)
        return Span(start, end, "day")
    except (ValueError, TypeError, OverflowError):
        return None


def _calendar_day(timex: Timex, today: date, tense: str | None, reference: date | None) -> Span | None:
    if timex.year_shift is not None:
        return _absolute(timex, today.year + timex.year_shift)
    year = _year_for(timex.month, timex.day, today, tense)
    return _absolute(timex, year)


def _year_for(month: int, day: int, today: date, tense: str | None) -> int:
    """The year a month/day falls in: behind the anchor for the past, ahead for the future, else the nearest."""
    def on(year: int) -> date:
        return date(year, month, min(day, calendar.monthrange(year, month)[1]))

    if tense == PAST:
        return today.year if on(today.year) <= today else today.year - 1
    if tense == FUTURE:
        return today.year if on(today.year) >= today else today.year + 1
    past = today.year if on(today.year) <= today else today.year - 1
    if tense is None and (today - on(past)).days <= RECENT_PAST:
        return past  # a year-less date told without tense ("Feb. 7 — first summit") is a past one of the year gone by
    return min((today.year - 1, today.year, today.year + 1), key=lambda y: abs((on(y) - today).days))


def _month(timex: Timex, today: date, tense: str | None, reference: date | None) -> Span | None:
    if timex.year is not None:
        year = timex.year
    elif timex.year_shift is not None:
        year = today.year + timex.year_shift
    else:
        year = _month_year(timex.month, today, tense, timex.prep)
    return _month_part(year, timex.month, timex.part)


def _month_year(month: int, today: date, tense: str | None, prep: str | None) -> int:
    """A year-less month: this year's if it has begun by the anchor and the words look back, else by tense."""
    if prep in ("since", "last") or tense == PAST:
        return today.year if month <= today.month else today.year - 1
    if prep == "next" or tense == FUTURE:
        return today.year if month >= today.month else today.year + 1
    return _year_for(month, 15, today, tense)


def _month_part(year: int, month: int, part: str | None) -> Span:
    last = calendar.monthrange(year, month)[1]
    if part in WEEK_DAYS or part == "lastweek":
        first, final = WEEK_DAYS.get(part, (last - 6, last))
        return Span(date(year, month, first), date(year, month, final), "week")
    if part in PART_DAYS:
        first, final = PART_DAYS[part]
        return Span(date(year, month, first), date(year, month, min(final, last)), "part_of_month")
    return Span(date(year, month, 1), date(year, month, last), "month")


def _year(timex: Timex, today: date, tense: str | None, reference: date | None) -> Span:
    return Span(date(timex.year, 1, 1), date(timex.year, 12, 31), "year")


def _year_rel(timex: Timex, today: date, tense: str | None, reference: date | None) -> Span:
    year = today.year + {"last": -1, "next": 1}.get(timex.which or "this", 0)
    start, end = date(year, 1, 1), date(year, 12, 31)
    if timex.part == "earlier" and timex.which == "this":
        end = today
    elif timex.part == "later" and timex.which == "this":
        start = today
    return Span(start, end, "year")


# ---------------------------------------------------------------- days counted from the anchor


def _weekday(timex: Timex, today: date, tense: str | None, reference: date | None) -> Span:
    day = _weekday_day(timex, today, tense)
    if timex.weekday_end is not None:
        return Span(day, day + timedelta(days=(timex.weekday_end - timex.weekday) % 7), "day")
    return Span(day, None, "day")


def _weekday_day(timex: Timex, today: date, tense: str | None) -> date:
    monday = today - timedelta(days=today.weekday())
    if timex.which in ("last", "before_last"):
        back = (today.weekday() - timex.weekday) % 7 or 7
        return today - timedelta(days=back + (7 if timex.which == "before_last" else 0))
    if timex.which == "next":
        ahead = (timex.weekday - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if timex.which == "this":
        return monday + timedelta(days=timex.weekday)
    back = (today.weekday() - timex.weekday) % 7
    ahead = (timex.weekday - today.weekday()) % 7
    if tense == PAST or (tense in (None, NEAREST) and back <= ahead):
        return today - timedelta(days=back)
    return today + timedelta(days=ahead)


def _monthday(timex: Timex, today: date, tense: str | None, reference: date | None) -> Span | None:
    """"On the 5th": that day of the anchor's month, or of the month before it when the day is still to come
    in a past report (and of the month after when it is past in a plan). A month without that day (the 31st
    in June) is passed over."""
    this = _on_day(today.year, today.month, timex.day)
    before = _on_day(*_month_step(today, -1), timex.day) if this is None or this > today else this
    after = _on_day(*_month_step(today, 1), timex.day) if this is None or this < today else this
    if tense == PAST or (tense in (None, NEAREST) and after is not None and before is not None
                         and (today - before) <= (after - today)):
        day = before
    else:
        day = after
    return Span(day, None, "day") if day is not None else None


def _on_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_step(today: date, step: int) -> tuple[int, int]:
    index = today.year * 12 + today.month - 1 + step
    return index // 12, index % 12 + 1


def _deictic(timex: Timex, today: date, tense: str | None, reference: date | None) -> Span:
    return Span(today + timedelta(days=timex.offset), None, "day")


def _within(timex: Timex, today: date, tense: str | None, reference: date | None) -> Span:
    end = today + timedelta(days=timex.offset)
    if timex.part == "within":
        return Span(today, end, "day" if timex.offset <= 1 else "week")
    if timex.part == "about":
        slack = timedelta(days=max(1, timex.offset // 4))
        return Span(end - slack, end + slack, "week")
    return Span(end, None, "day")


def _week(timex: Timex, today: date, tense: str | None, reference: date | None) -> Span:
    monday = today - timedelta(days=today.weekday()) + timedelta(days={"last": -7, "next": 7}.get(timex.which or "this", 0))
    sunday = monday + timedelta(days=6)
    if timex.part == "early":
        return Span(monday, monday + timedelta(days=2), "week")
    if timex.part == "late":
        return Span(monday + timedelta(days=3), sunday, "week")
    if timex.part == "earlier" and timex.which == "this":
        return Span(monday, today, "week")
    if timex.part == "later" and timex.which == "this":
        return Span(today, sunday, "week")
    return Span(monday, sunday, "week")


def _weekend(timex: Timex, today: date, tense: str | None, reference: date | None) -> Span:
    saturday = today - timedelta(days=today.weekday()) + timedelta(days=5)
    # "spoke this weekend" told on a Monday: the weekend just gone
    if timex.which == "last" or (timex.which in (None, "this") and tense == PAST and today < saturday):
        saturday -= timedelta(days=7)
    elif timex.which == "next" and today.weekday() < 5:
        saturday += timedelta(days=7)
    return Span(saturday, saturday + timedelta(days=1), "weekend")


def _month_rel(timex: Timex, today: date, tense: str | None, reference: date | None) -> Span:
    year, month = today.year, today.month + {"last": -1, "next": 1}.get(timex.which or "this", 0)
    if month == 0:
        year, month = year - 1, 12
    elif month == 13:
        year, month = year + 1, 1
    last = date(year, month, calendar.monthrange(year, month)[1])
    this = (timex.which or "this") == "this"
    if this and timex.part == "earlier":
        return Span(date(year, month, 1), today, "part_of_month")
    if this and timex.part == "later" or timex.which is None:  # "later this month", "within the month"
        return Span(today, last, "part_of_month")
    return _month_part(year, month, timex.part)


# ---------------------------------------------------------------- days counted from the story


def _anaphoric(timex: Timex, today: date, tense: str | None, reference: date | None) -> Span | None:
    if reference is None:
        return None
    if timex.weekday is not None:
        return _story_weekday(timex, reference)
    return Span(reference + timedelta(days=timex.offset), None, "day")


def _story_weekday(timex: Timex, reference: date) -> Span:
    """"the following Friday": the first such day after the story's day; "the previous Monday": the last before;
    "one Friday": the such day of the story's week."""
    if timex.which == "next":
        return Span(reference + timedelta(days=(timex.weekday - reference.weekday()) % 7 or 7), None, "day")
    if timex.which == "last":
        return Span(reference - timedelta(days=(reference.weekday() - timex.weekday) % 7 or 7), None, "day")
    monday = reference - timedelta(days=reference.weekday())
    return Span(monday + timedelta(days=timex.weekday), None, "day")


_RESOLVERS = {
    ABSOLUTE: _calendar_day, MONTH: _month, YEAR: _year, YEAR_REL: _year_rel, WEEKDAY: _weekday, DEICTIC: _deictic,
    WITHIN: _within, WEEK: _week, WEEKEND: _weekend, MONTH_REL: _month_rel, ANAPHORIC: _anaphoric, SHIFT: _anaphoric,
    MONTHDAY: _monthday,
}


# ---------------------------------------------------------------- which date governs an event


# Prepositions that make a date the end of a stretch that starts at the anchor ("before the end of April").
UNTIL = frozenset({"before", "by", "until", "till", "no later than"})
# Prepositions that say the event began on the date and still holds ("since April 5").
SINCE = frozenset({"since"})


# Precisions of a told stretch that "the same month" or "that same week" may refer back to.
STRETCHES = frozenset({"day", "weekend", "week", "part_of_month", "month"})

# The lead of a story: its first sentences tell the news of the day the story is written.
LEAD = 2


@dataclass(slots=True)
class _Story:
    """What an article has told so far, in reading order: the running days later words count from,
    and the dates earlier events leave for undated ones to take."""

    reference: date | None = None  # the story's last day, for "a day earlier"
    mentioned: date | None = None  # the last single day any event was dated by words of its own, for "the same day"
    stretch: Span | None = None  # the story's last stretch, for "then" and "one Friday"
    last_told: date | None = None  # the first day of the last stretch the story told, for "the same month"
    counted_from: dict[tuple[int, int, int] | None, date | None] = field(default_factory=dict)
    dated_clauses: dict[tuple[int, int], tuple[Span, str | None]] = field(default_factory=dict)
    latest: dict[str, tuple[Span, str | None]] = field(default_factory=dict)
    occasions: dict[str, tuple[Span, str | None]] = field(default_factory=dict)
    reports: dict[int, Span] = field(default_factory=dict)
    scene: int | None = None  # the sentence that last set the scene's day and told nothing else ("The next day ...")


def govern(candidates, anchors: dict[int, Anchor], local: str | None = None, entries: frozenset[int] = frozenset()) -> None:
    """Date every candidate of one article, in reading order: the one place that decides which date governs an event.

    1. its own date expression (the words that belong to its trigger), resolved in its tense;
    2. else words that date it by the story's last day ("then", "after the meeting");
    3. else the event of the clause it hangs from ("..., meeting X at the White House");
    4. else, for a statement, its speaker's last occasion in the article, or the day the story is told;
    5. else nothing: the event stays undated; it never borrows a neighbour's day. Talks held or a deal
       reached that the article tells nowhere with a day of their own take, after merging, the day of the
       dated report their sentence gives them to, or the day of the news (the lead, a live-blog entry).

    The story's last day (and its last stretch, for "then") moves only when an event is dated by words of its own.
    """
    story = _Story()
    order = lambda c: (c.sentence, c.type != "statement" or _counts_on(c), c.inherit is not None, c.clause)
    for cand in sorted(candidates, key=order):
        anchor = anchors.get(cand.sentence)
        anchor = anchor.on_clock(local) if anchor else None  # the reporter's clock: the dateline's place
        cand.reported = anchor.day if anchor else None
        cand.clock = anchor.zone if anchor else None
        span, text, own = _governing_date(cand, anchor, story)
        _set(cand, span, text, own)
        if span is None:
            cand.fallback = _fallback(cand, story.reports, entries, anchor, local)  # rule 5
            continue
        _remember(story, cand, span, text, own, _ahead(span, anchor))


def _counts_on(cand) -> bool:
    """A statement whose own words count on from a day told before it ("..., and the ministry said the next
    day"): dated after the events of its sentence, so that it can count from theirs."""
    return cand.timex is not None and cand.timex.kind == ANAPHORIC and cand.clause > 0


def _ahead(span: Span, anchor: Anchor | None) -> bool:
    """Days after the one the text was written on ("a summit on March 19"): told as ahead, so no day the story
    has reached."""
    return anchor is not None and span.start > anchor.day


def _governing_date(cand, anchor: Anchor | None, story: _Story) -> tuple[Span | None, str | None, bool]:
    """The date that governs one event by rules 1-4 of `govern`, its words, and whether they are its own."""
    span, text, own = _own_words(cand, anchor, story)
    if span is not None:
        return span, text, own
    borrowed = _borrowed_date(cand, anchor, story)
    if borrowed is None:
        return None, text, False
    return (*borrowed, False)


def _own_words(cand, anchor: Anchor | None, story: _Story) -> tuple[Span | None, str | None, bool]:
    """Rule 1: the event's own date expression, read against the anchor, or against the story for words that
    point into it ("one Friday", "the same month")."""
    span, text, own = _own_date(cand, anchor, _counted_from(cand, story))
    if _within_story(cand.timex) and story.stretch is not None:
        return story.stretch, cand.timex.text, True  # "one Friday" in a story told in late May
    if _story_stretch(cand.timex) and story.last_told is not None:
        return _stretch(cand.timex, story.last_told), cand.timex.text, True  # "the same month"
    return span, text, own


def _counted_from(cand, story: _Story) -> date | None:
    """The day the event's date expression counts from: the last day told for "the same day", else the story's day."""
    timex = cand.timex
    key = (cand.sentence, timex.start, timex.end) if timex is not None else None
    # one date expression counts from one day for every event it dates ("a day after they agreed by phone")
    return story.counted_from.setdefault(key, story.mentioned if _same_day(timex) else story.reference)


def _same_day(timex: Timex | None) -> bool:
    """"That same day": counted from the last day any event was dated, not from the story's day."""
    return timex is not None and timex.kind == ANAPHORIC and timex.offset == 0 and timex.weekday is None


def _borrowed_date(cand, anchor: Anchor | None, story: _Story) -> tuple[Span | None, str | None] | None:
    """Rules 2-4 for an event its own words do not date: the day it takes from the story, the clause it hangs
    from or, for a statement, its occasion; None when no rule applies (a statement's rule 4 always answers)."""
    if story.stretch is not None and (cand.anaphora or _in_scene(cand, story)):
        return story.stretch, None
    if cand.inherit is not None and (cand.sentence, cand.inherit) in story.dated_clauses:
        return story.dated_clauses[(cand.sentence, cand.inherit)]
    if cand.type == "statement":
        return _statement_date(cand, anchor, story)
    return None


def _in_scene(cand, story: _Story) -> bool:
    """Talks or a deal told as having happened, in a main clause or one sharing its day, right after a sentence
    that only set the day ("The next day it was the prime minister's turn. Takaichi spoke with Trump ...";
    "Two days after the vote, he was back in Washington. He began with Lutnick, and the two talked ...")."""
    return (story.scene is not None and cand.sentence == story.scene + 1 and 0 in (cand.clause, cand.inherit)
            and cand.type in ("meeting", "agreement") and cand.modality.real and cand.fields.get("status") == "held")


def _statement_date(cand, anchor: Anchor | None, story: _Story) -> tuple[Span | None, str | None]:
    """Rule 4: the event a statement was told at, else its speaker's last occasion or the day the story is told."""
    told_at = cand.fields.get("told_at")
    if told_at in story.latest:
        return story.latest[told_at]  # "said at the signing": the signing told before
    return _occasion(cand, story.occasions, anchor)


def _remember(story: _Story, cand, span: Span, text: str | None, own: bool, ahead: bool) -> None:
    """What a dated event leaves for the events told after it: its clause's day, a statement's occasion and
    report, and, when its words are its own, the story's running days."""
    if _lends_its_clause(cand, own):
        story.dated_clauses.setdefault((cand.sentence, cand.clause), (span, text))
    if cand.type == "statement":
        _remember_statement(story, cand, span, text)
    if own:
        _remember_own(story, cand, span, text, ahead)


def _lends_its_clause(cand, own: bool) -> bool:
    """Talks, deals and statements that happened date the clauses hanging from theirs; a statement only when
    its day is its own or its speaker is named, not the day "officials said" it."""
    if cand.type not in ("meeting", "statement", "agreement") or not cand.modality.real:
        return False
    return own or bool(cand.fields.get("speaker")) or cand.type != "statement"


def _remember_statement(story: _Story, cand, span: Span, text: str | None) -> None:
    """A statement is its speaker's last occasion, and a one-day statement the report its sentence tells."""
    if cand.fields.get("speaker"):
        story.occasions[cand.fields["speaker"]] = (span, text)
    if span.end is None:
        story.reports.setdefault(cand.sentence, span)


def _remember_own(story: _Story, cand, span: Span, text: str | None, ahead: bool) -> None:
    """An event dated by words of its own: only these move the story's days, and talks so dated are the
    occasion of the people who held them; not when told as ahead of the day the text was written."""
    if ahead:
        return
    if span.end is None and span.precision == "day":
        story.mentioned = span.start
    if not _tells_the_story(cand):
        return
    if cand.type in ("meeting", "agreement"):
        story.latest[cand.type] = (span, text)
    if cand.type == "meeting" and span.end is None and not cand.reference:
        story.occasions.update({person: (span, text) for person in cand.fields.get("people", [])})
    _move_story(story, span)
    story.scene = cand.sentence if cand.type == "time" else None


def _move_story(story: _Story, span: Span) -> None:
    """The story moves on to a day or stretch it tells: its first day for "the same month", a single day for
    "a day earlier", a stretch shorter than a month for "then"."""
    if span.precision in STRETCHES:
        story.last_told = span.start
    if span.end is None and span.precision == "day":
        story.reference = span.start
    if span.precision in ("day", "weekend", "week", "part_of_month"):
        story.stretch = span


def _within_story(timex: Timex | None) -> bool:
    return timex is not None and timex.kind == ANAPHORIC and timex.weekday is not None and timex.which is None


def _story_stretch(timex: Timex | None) -> bool:
    return timex is not None and timex.kind == ANAPHORIC and timex.which in ("same month", "same week")


def _stretch(timex: Timex, day: date) -> Span:
    """"The same month" / "that same week": the month or week the story's last day falls in."""
    if timex.which == "same month":
        return _month_part(day.year, day.month, None)
    monday = day - timedelta(days=day.weekday())
    return Span(monday, monday + timedelta(days=6), "week")


def _tells_the_story(cand) -> bool:
    """Only events told as having happened move the story's day: not rates, deadlines or plans, and not a
    step back ("had met him a day earlier"), which is a flashback."""
    flashback = cand.timex is not None and cand.timex.kind == ANAPHORIC and cand.timex.offset < 0
    if cand.timex is not None and cand.timex.restated:
        return False  # "..., or Sunday morning Japan time": the same moment on another clock moves no day
    return cand.type in ("meeting", "statement", "agreement", "time") and cand.modality.real and not flashback \
        and cand.fields.get("status") not in ("planned", "proposed", "expected")


def _fallback(cand, reports: dict[int, Span], entries: frozenset[int], anchor: Anchor | None,
              local: str | None) -> Span | None:
    """The day talks held or a deal reached is told on, for when merging finds no dated telling of it:
    the day of the dated report the sentence gives it to, or the day of the news (lead, live-blog entry)
    on the clock of the place the news is datelined from (an evening in Washington is Tokyo's next day)."""
    if cand.type not in ("meeting", "agreement") or not cand.modality.real:
        return None
    report = reports.get(cand.sentence)
    if report is not None and report.precision == "day":
        return Span(report.start, None, "day")
    if _news(cand, entries) and anchor is not None:
        return Span(anchor.seen_in(local), None, "day")
    return None


def _news(cand, entries: frozenset[int]) -> bool:
    """Talks held or a deal reached, told as the news of the day: in the lead or under a live-blog stamp."""
    status = cand.fields.get("status")
    told_now = cand.sentence < LEAD or cand.sentence in entries
    return told_now and cand.type in ("meeting", "agreement") and status in ("held", "reached", "") \
        and cand.modality.real and not cand.modality.pluperfect and not cand.reference


def _own_date(cand, anchor: Anchor | None, reference: date | None) -> tuple[Span | None, str | None, bool]:
    timex = cand.timex
    if timex is None:
        return None, None, False
    cand.fields["effective"] = starts_rate(cand, timex)
    tense = _tense(cand, timex)
    span = resolve(timex, anchor, tense, reference, cand.fields.get("zone"))
    if span is None:
        return None, timex.text, False
    if timex.prep in UNTIL and tense == FUTURE and anchor is not None and cand.type in ("meeting", "agreement"):
        span = Span(min(anchor.day + timedelta(days=1), span.last), span.last, span.precision)
    return span, timex.text, True


def _tense(cand, timex: Timex) -> str | None:
    """The direction a date looks in: the event's own tense, or what its preposition says. A present tense
    tells a schedule for deadlines and rates ("the deadline falls on Wednesday", "takes effect Thursday"), a
    report for statements ("Ishiba says Monday"), and either for meetings, whose headlines and key-date lists
    tell the past in the present ("June 16: Ishiba and Trump meet")."""
    if timex.prep in SINCE:
        return PAST
    if timex.prep in UNTIL and cand.type in ("deadline", "tariff"):
        return NEAREST
    if timex.prep == "occasion":
        return None  # the occasion's own day ("at the summit, which is to be held June 15-17"), read without tense
    if cand.fields.get("effective"):
        return NEAREST  # "signed an order cutting the rate, effective Sept. 16": a start told from the past, ahead or behind
    return _mood_tense(cand, timex)


def starts_rate(cand, timex: Timex) -> bool:
    """Whether a rate's date is the day it starts to apply: "effective Sept. 16", "from Aug. 7", "takes effect
    on Aug. 1" (the cues are in lexicon/tariff.toml)."""
    if cand.type != "tariff":
        return False
    cues = _effective_cues()
    return (timex.prep or "") in cues.words or bool(cues.before.search(cand.source, 0, timex.start))


@dataclass(frozen=True)
class _Cues:
    words: frozenset[str]
    before: re.Pattern[str]


@cache
def _effective_cues() -> _Cues:
    cues = lexicon.load("tariff")["effective"]["cues"]
    alternation = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return _Cues(frozenset(cues), re.compile(rf"\b(?:{alternation})\s+(?:on\s+|from\s+)?$", re.IGNORECASE))


def _mood_tense(cand, timex: Timex) -> str | None:
    """The direction the event's own words look in, when its preposition says none: a plan looks ahead,
    the past back, the present by the type of event."""
    mood = cand.modality
    if mood.future and mood.tense == PAST:
        return NEAREST  # "was due to end on July 9": a schedule told from the past, ahead of it or behind us
    if mood.future or mood.proposed or cand.fields.get("status") in ("planned", "proposed", "expected"):
        return FUTURE
    if mood.tense == "past":
        return NEAREST if cand.type == "deadline" else PAST  # "pushed the deadline back to Aug. 1": a day ahead or near
    if mood.tense == "future":
        return FUTURE
    if mood.tense == "present":
        return _present_tense(cand, timex)
    return None


def _present_tense(cand, timex: Timex) -> str | None:
    """A present tense: a schedule for deadlines and rates, a report for statements, either for meetings."""
    if cand.type in ("deadline", "tariff") and timex.kind in (ABSOLUTE, MONTH):
        return NEAREST  # "takes effect Aug. 1" ahead, "March 26 — Trump announces a 25% tariff" in a list of key dates
    return {"statement": PAST, "deadline": FUTURE, "tariff": FUTURE}.get(cand.type)


def _occasion(cand, occasions, anchor: Anchor | None) -> tuple[Span | None, str | None]:
    """A statement with no date of its own: its speaker's last occasion (their last speech or talks the article
    dated), else the day the story is told.
    Background speech ("has said", "had said") has no occasion and stays undated."""
    if cand.fields.get("background"):
        return None, None
    speaker = cand.fields.get("speaker")
    if speaker in occasions and not cand.fields.get("new_occasion"):
        return occasions[speaker]
    if anchor is None:
        return None, None
    return Span(anchor.day, None, "day"), None


def _set(cand, span: Span | None, text: str | None, own: bool) -> None:
    cand.own_date = own
    cand.date_text = text
    if span is None:
        cand.date = cand.date_end = cand.precision = None
        return
    cand.date, cand.date_end, cand.precision = span.start, span.end, span.precision


# A live-blog entry's stamp on a line of its own ("9:55 PM EDT", "11:40 JST", "July 23, 2025, 6:40 a.m. ET",
# "20:45 MDT, June 15, 2025"): the entry's own clock, and its own day when the stamp gives one, before or after.
ENTRY_STAMP = re.compile(
    r"^\s*(?:(?:updated|posted|last updated):?\s*)?(?:(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2}),? (?P<year>\d{4}),?\s*)?"
    rf"(?:at\s*)?(?P<h>\d{{1,2}}):(?P<m>\d{{2}})\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>{zone_names(True)})?"
    r"(?:,?\s*(?P<month_after>[A-Z][a-z]{2,8})\.? (?P<day_after>\d{1,2}),? (?P<year_after>\d{4}))?\s*$", re.IGNORECASE)
MONTHS = {m.lower(): n for n, m in enumerate(calendar.month_name) if m} | \
    {m.lower(): n for n, m in enumerate(calendar.month_abbr) if m}


# A live blog's day heading on a line of its own ("Tuesday, Oct. 28"): the entries below it are that day's.
DAY_HEADING = re.compile(r"^\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
                         r"(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2})(?:,? (?P<year>\d{4}))?\s*$")


def entry_anchors(texts: list[str], base: Anchor | None) -> tuple[list[Anchor | None], frozenset[int]]:
    """The anchor of each sentence (the article's, or the stamp of the live-blog entry it stands under),
    and which sentences stand under an entry's stamp."""
    anchors: list[Anchor | None] = []
    entries: set[int] = set()
    current = base
    stamped = False
    for n, text in enumerate(texts):
        found = ENTRY_STAMP.match(text)
        heading = DAY_HEADING.match(text)
        if found and (base is not None or _stamp_day(found) is not None):
            current, stamped = _stamp(found, Anchor(current.day, current.zone) if current else base), True
        elif heading and (day := _heading_day(heading, base)) is not None:
            current = Anchor(day, current.zone if current else None)
        elif stamped:
            entries.add(n)
        anchors.append(current)
    return anchors, frozenset(entries)


def _heading_day(found: re.Match[str], base: Anchor | None) -> date | None:
    month = MONTHS.get(found.group("month").lower())
    if month is None:
        return None
    year = int(found.group("year")) if found.group("year") else (base.day.year if base else None)
    try:
        return date(year, month, int(found.group("day"))) if year else None
    except ValueError:
        return None


def _stamp(found: re.Match[str], base: Anchor | None) -> Anchor:
    hour = int(found.group("h")) % 12 if found.group("ampm") else int(found.group("h"))
    if found.group("ampm") and found.group("ampm").lower().startswith("p"):
        hour += 12
    zone = found.group("zone")
    clock = zone_side(zone) if zone else (base.zone if base else None)
    return Anchor(_stamp_day(found) or (base.day if base else None), clock, hour % 24)


def _stamp_day(found: re.Match[str]) -> date | None:
    """The day a stamp gives, written before its time or after it."""
    for suffix in ("", "_after"):
        month = (found.group("month" + suffix) or "").lower()
        if found.group("year" + suffix) and month in MONTHS:
            try:
                return date(int(found.group("year" + suffix)), MONTHS[month], int(found.group("day" + suffix)))
            except ValueError:
                return None
    return None
