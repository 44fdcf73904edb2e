"""Merge stage: one event per real-world fact, keeping every source sentence.

Within an article, later sentences often retell an event ("Akazawa, who met
Lutnick, said ...") or add to it ("The meeting lasted about 50 minutes");
across articles, outlets report the same meeting or rate. Candidates are
folded together when their keys agree; the merged event keeps the most
precise date and every source.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, timedelta

from .build import Found
from .models import Meeting, Source, Statement, Tariff
from .officials import country_of, institution_kind

# Within one report, the status that says most about a rate wins.
STATUS_PRIORITY = ("paused", "agreed", "threatened", "in_effect", "announced", "proposed", "ended")


def merge_article(founds: list[Found]) -> list[Found]:
    """Fold an article's candidates that tell one event twice."""
    kept: list[Found] = []
    by_type: dict[str, list[Found]] = {}
    last_meeting: Found | None = None
    for found in founds:
        _add_source(found)
        if found.detail:
            if last_meeting is not None:
                _fill_detail(last_meeting.event, found.event)
                last_meeting.event.sources.extend(found.event.sources)
            continue
        recent = by_type.setdefault(found.event.type, [])
        same = next((k for k in reversed(recent[-RETELLING_REACH:]) if _same(k, found, in_article=True)), None)
        if same is None:
            kept.append(found)
            recent.append(found)
        else:
            _absorb(same, found)
        if found.event.type == "meeting":
            last_meeting = same or found
    _share_rounds([k.event for k in kept if k.event.type == "meeting"])
    return [k for k in kept if not _nameless_talks(k.event)]


def _share_rounds(meetings: list[Meeting]) -> None:
    """A round of talks spans a trip: meetings held within a few days of a numbered round,
    by someone who took part in it, belong to that round."""
    numbered: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        if meeting.round and meeting.status == "held" and meeting.date:
            for name in meeting.officials:
                numbered.setdefault(name, []).append(meeting)
    for meeting in meetings:
        if meeting.round or meeting.status != "held" or not meeting.date:
            continue
        rounds = [o.round for name in meeting.officials for o in numbered.get(name, [])
                  if abs((o.date - meeting.date).days) <= 3]
        if rounds:
            meeting.round = rounds[0]


def _nameless_talks(event) -> bool:
    """Talks said to have been held by nobody the article names: not a point on a who-met-whom timeline."""
    return event.type == "meeting" and event.status == "held" and not event.officials


# An article retells an event within a few paragraphs; candidates further back are not compared.
RETELLING_REACH = 200


def merge_corpus(founds: Iterable[Found]) -> list[Found]:
    """Fold candidates from different articles that report one event.

    Candidates are only compared within buckets that every match must share
    (a rate and sector, a speaker's words on a day, a day and a set of people
    one side's is part of), so a large corpus does not cost a comparison of
    every pair.
    """
    kept: list[Found] = []
    buckets: dict[tuple, list[Found]] = {}
    for found in founds:
        register, lookup = _keys(found)
        pool = {id(k): k for key in lookup for k in buckets.get(key, [])}.values()
        matches = [k for k in pool if _same(k, found, in_article=False)]
        if not matches:
            kept.append(found)
            for key in register:
                buckets.setdefault(key, []).append(found)
            continue
        best = max(matches, key=lambda k: len(set(k.event.officials) & set(found.event.officials)))
        _absorb(best, found)
        for key in _keys(best)[0]:
            bucket = buckets.setdefault(key, [])
            if not any(k is best for k in bucket):
                bucket.append(best)
    return kept


def _keys(found: Found) -> tuple[list[tuple], list[tuple]]:
    """Where a candidate is filed, and where to look for the candidates it may match."""
    event = found.event
    if isinstance(event, Tariff):
        keys = [("tariff", round(event.rate, 2), event.sector)]
        return keys, keys
    if isinstance(event, Statement):
        if event.speaker is None or event.quote is None:
            return [], []  # across articles only one speaker's same words on the same day are one statement
        keys = [("statement", event.speaker, _day_key(event.date), event.quote)]
        return keys, keys
    if isinstance(event, Meeting):
        people = frozenset(event.officials)
        if not people:
            return [], []
        groups = _subsets(people)
        days = _days(event)
        register = [("within", d, g) for d in days for g in groups] + [("exactly", d, people) for d in days]
        lookup = [("within", d, people) for d in days] + [("exactly", d, g) for d in days for g in groups]
        return register, lookup
    keys = [(event.type, day) for day in _days(event)]
    return keys, keys


def _subsets(people: frozenset[str]) -> list[frozenset[str]]:
    """Every non-empty part of a small set of people (large sets only by single names)."""
    from itertools import combinations

    names = sorted(people)
    if len(names) > 5:
        return [frozenset([n]) for n in names] + [people]
    return [frozenset(c) for size in range(1, len(names) + 1) for c in combinations(names, size)]


def _day_key(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _days(event) -> list[date | None]:
    """The days an event's date or span covers (a match must share one)."""
    if event.date is None:
        return [None]
    end = event.date_end or event.date
    if (end - event.date).days > 62:
        return [None]
    return [event.date + timedelta(days=n) for n in range((end - event.date).days + 1)]


def _add_source(found: Found) -> None:
    source = Source(article=found.reading.sentence.article, text=found.reading.sentence.text)
    if source not in found.event.sources:
        found.event.sources.append(source)


# ---------------------------------------------------------------- keys


def _dates_overlap(a: Found, b: Found, wildcard_weak: bool = True) -> bool:
    ea, eb = a.event, b.event
    if wildcard_weak and (a.strength == 0 or b.strength == 0):
        return True
    if ea.date is None or eb.date is None:
        return ea.date is None and eb.date is None
    return ea.date <= (eb.date_end or eb.date) and eb.date <= (ea.date_end or ea.date)


def _same(a: Found, b: Found, in_article: bool) -> bool:
    """Whether two candidates tell one fact; within one article weak dates and nameless plans fold in more easily."""
    if a.event.type != b.event.type:
        return False
    kind = a.event.type
    if kind == "meeting":
        return _same_meeting(a, b, in_article)
    if kind == "tariff":
        return _same_tariff(a.event, b.event)
    if kind == "statement":
        if in_article:
            return _same_occasion(a, b)
        return (a.event.speaker is not None and a.event.speaker == b.event.speaker and a.event.date == b.event.date
                and a.event.quote is not None and a.event.quote == b.event.quote)
    if kind == "deadline":
        return a.event.date is not None and _dates_overlap(a, b, wildcard_weak=in_article)
    return _dates_overlap(a, b, wildcard_weak=in_article) and a.event.status == b.event.status


def _same_meeting(a: Found, b: Found, in_article: bool) -> bool:
    ea, eb = a.event, b.event
    if in_article and _plan_of_held(ea, eb):
        return True
    if ea.status != eb.status and {ea.status, eb.status} != {"planned", "proposed"}:
        return False
    if a.extra.get("mode_known") and b.extra.get("mode_known") and ea.mode != eb.mode:
        return False
    if ea.duration_minutes and eb.duration_minutes and ea.duration_minutes != eb.duration_minutes:
        return False
    if not _dates_overlap(a, b, wildcard_weak=in_article):
        return False
    pa, pb = set(ea.officials), set(eb.officials)
    if not pa or not pb:
        return in_article and ea.status != "held"
    small, large = sorted((pa, pb), key=len)
    return small <= large


def _plan_of_held(a: Meeting, b: Meeting) -> bool:
    """A plan for talks told beside the talks themselves, on the same day with the same people, is those talks."""
    held, plan = (a, b) if a.status == "held" else (b, a)
    if held.status != "held" or plan.status not in ("planned", "proposed") or not held.date or not plan.date or plan.date_end:
        return False
    return plan.date == held.date and bool(set(plan.officials) & set(held.officials))


def _same_occasion(a: Found, b: Found) -> bool:
    """One speaker's remarks on one occasion: same speaker and day, no sign of a new occasion.

    A government and one of its own ministries speaking on the same day in one
    article ("Tokyo said", "its foreign ministry said") are one statement.
    """
    if a.event.speaker is None or b.event.speaker is None or b.new_occasion:
        return False
    if a.event.speaker != b.event.speaker and not _government_and_ministry(a.event.speaker, b.event.speaker):
        return False
    return b.rule == "speaker" or _dates_overlap(a, b, wildcard_weak=False)


def _government_and_ministry(x: str, y: str) -> bool:
    kinds = {institution_kind(x), institution_kind(y)}
    return country_of(x) is not None and country_of(x) == country_of(y) and kinds == {"government", "ministry"}


def _same_tariff(a: Tariff, b: Tariff) -> bool:
    targets = {a.target, b.target}
    return (abs(a.rate - b.rate) < 0.01 and a.sector == b.sector and a.imposer == b.imposer
            and (len(targets) == 1 or targets == {"*", "JP"}))


# ---------------------------------------------------------------- folding


def _absorb(into: Found, other: Found) -> None:
    keep, add = into.event, other.event
    if "source_keys" not in into.extra:
        into.extra["source_keys"] = {(s.article, s.text) for s in keep.sources}
    known = into.extra["source_keys"]
    for source in add.sources:
        if (source.article, source.text) not in known:
            known.add((source.article, source.text))
            keep.sources.append(source)
    if other.strength > into.strength or (other.strength == into.strength and _narrower(add, keep)):
        keep.date, keep.date_end, keep.date_text = add.date, add.date_end, add.date_text
        into.strength = other.strength
    if isinstance(keep, Meeting):
        _absorb_meeting(into, other)
    elif isinstance(keep, Tariff):
        _absorb_tariff(into, other)
    elif isinstance(keep, Statement):
        keep.quote = keep.quote or add.quote
        if institution_kind(keep.speaker or "") == "government" and institution_kind(add.speaker or "") == "ministry":
            keep.speaker = add.speaker


def _narrower(a, b) -> bool:
    """Whether event a's date is more precise than b's."""
    if a.date is None:
        return False
    if b.date is None:
        return True
    return _length(a) < _length(b)


def _length(event) -> int:
    return ((event.date_end or event.date) - event.date).days


def _absorb_meeting(into: Found, other: Found) -> None:
    keep, add = into.event, other.event
    if "held" in (keep.status, add.status):
        keep.status = "held"
    elif add.status == "planned":
        keep.status = "planned"  # one report's firm plan outweighs another's tentative one
    if len(keep.officials) < 2 or set(keep.officials) < set(add.officials):
        keep.officials = list(dict.fromkeys(keep.officials + add.officials))
    if not into.extra.get("mode_known") and other.extra.get("mode_known"):
        keep.mode = add.mode
        into.extra["mode_known"] = True
    _fill_detail(keep, add)


def _fill_detail(keep: Meeting, add: Meeting) -> None:
    keep.location = keep.location or add.location
    keep.round = keep.round or add.round
    keep.duration_minutes = keep.duration_minutes or add.duration_minutes


def _absorb_tariff(into: Found, other: Found) -> None:
    """The merged rate takes the status its latest report gives in words (a pause reported after the
    announcement wins); a report that only names the rate says nothing about its status."""
    keep, add = into.event, other.event
    if other.extra.get("cued") and not into.extra.get("cued"):
        keep.status, into.reported, into.extra["cued"] = add.status, other.reported, True
    elif other.extra.get("cued") == into.extra.get("cued"):
        if other.reported and into.reported and other.reported > into.reported:
            keep.status, into.reported = add.status, other.reported
        elif other.reported == into.reported:
            keep.status = min(keep.status, add.status, key=STATUS_PRIORITY.index)
    keep.measure = keep.measure or add.measure
    keep.previous_rate = keep.previous_rate if keep.previous_rate is not None else add.previous_rate
    if add.date and (keep.date is None or add.date < keep.date):
        keep.date, keep.date_end, keep.date_text = add.date, add.date_end, add.date_text
    if keep.target == "JP" and add.target == "*":
        keep.target = "*"


# ---------------------------------------------------------------- finishing


def finish(found: Found) -> None:
    """Fill the fields every event carries: countries, officials, summary and a stable id."""
    event = found.event
    if isinstance(event, Statement) and event.speaker and event.speaker not in event.officials and found.extra.get("kind") == "person":
        event.officials = [event.speaker]
    countries = {c for c in (country_of(n) for n in event.officials) if c}
    if isinstance(event, Tariff):
        countries |= {event.imposer, event.target} - {"*"}
    if event.type == "agreement":
        countries |= set(event.parties)
    if isinstance(event, Statement) and event.speaker and (c := country_of(event.speaker)):
        countries.add(c)
    event.countries = sorted(countries)
    event.summary = summarize(event)
    event.id = event_id(event)


def summarize(event) -> str:
    """One line a person reads in the timeline."""
    names = _listed(event.officials) or "officials"
    if event.type == "meeting":
        details = [f"round {event.round}" if event.round else "", f"{event.duration_minutes} min" if event.duration_minutes else ""]
        extra = ", ".join(d for d in details if d)
        place = f" in {event.location}" if event.location else ""
        if event.status == "held":
            how = {"phone": "spoke by phone", "video": "held a video call", "in_person": "held talks"}[event.mode]
            line = f"{names} {how}{place}"
        else:
            kind = {"phone": "phone call", "video": "video call", "in_person": "talks"}[event.mode]
            line = f"{event.status.capitalize()} {kind}{place}: {names}"
        return line + (f" [{extra}]" if extra else "")
    if event.type == "tariff":
        target = "all trading partners" if event.target == "*" else event.target
        sector = "all goods" if event.sector == "all" else event.sector
        was = f", from {event.previous_rate:g}%" if event.previous_rate is not None else ""
        return f"{event.imposer} tariff {event.rate:g}% on {sector} from {target} ({event.status.replace('_', ' ')}{was})"
    if event.type == "statement":
        who = event.speaker or "Unnamed source"
        if event.quote:
            return f"{who}: “{event.quote}”"
        said = event.sources[0].text if event.sources else ""
        return f"{who}, reported: {said[:140]}{'…' if len(said) > 140 else ''}"
    if event.type == "agreement":
        return f"{' and '.join(event.parties)} agreement {event.status}"
    return f"Deadline: {event.what}"


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def event_id(event) -> str:
    """Stable for the same input: the type, the day and the first source sentence."""
    first = event.sources[0] if event.sources else None
    key = "|".join([event.type, str(event.date), first.article if first else "", first.text if first else "",
                    str(getattr(event, "rate", "")), str(getattr(event, "sector", "")), ",".join(event.officials),
                    str(getattr(event, "duration_minutes", "")), str(getattr(event, "speaker", ""))])
    return event.type[0] + "-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def chronological(events: list) -> list:
    """Date order, undated events last."""
    return sorted(events, key=lambda e: (e.date is None, e.date or date.min, e.type, e.id))
