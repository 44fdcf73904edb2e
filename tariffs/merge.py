"""Merge stage: one event per real-world fact, keeping every source sentence.

Within an article a later sentence often retells an event ("Akazawa, who met
Lutnick, said ...") or refers back to it ("after the meeting", "the deal
reached last week"); across articles outlets report the same meeting, rate
or remark. Candidates whose keys agree are folded together; a reference back
is another source of an event already told and never a new event, unless it
is all the timeline has of that event and it carries a date of its own.
"""
from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable
from datetime import date

from .events import Candidate
from .officials import country_of, heads_of, institution_kind

# An article retells an event within a few paragraphs; candidates further back are not compared.
RETELLING_REACH = 200
# Meetings told only as a span longer than this are too vague to be folded into a day across articles.
LONGEST_SPAN = 31
PRECISION_RANK = {"day": 0, "weekend": 1, "week": 2, "part_of_month": 3, "month": 4, "year": 5, None: 6}
STATUS_RANK = {"held": 0, "cancelled": 1, "planned": 2, "proposed": 3, "": 4}


# ---------------------------------------------------------------- within an article


def merge_article(candidates: list[Candidate]) -> list[Candidate]:
    """Fold an article's candidates that tell one event twice; drop what cannot stand on the timeline."""
    kept: list[Candidate] = []
    references: list[Candidate] = []
    for cand in candidates:
        cand.sources = {(cand.article, cand.source): None}
        cand.tellings = [telling(cand)]
        if cand.reference and cand.type == "meeting" and cand.date is None:
            references.append(cand)  # "It was the fourth round": no day of its own, but more about talks told
        elif not _admitted(cand):
            continue
        elif cand.reference:
            references.append(cand)
        else:
            _fold_retelling(kept, cand)
    _place_references(kept, references)
    _borrow_fallback_dates(kept)
    _share_rounds([k for k in kept if k.type == "meeting"], [r for r in references if r.type == "meeting"])
    return [k for k in kept if _finished(k)]


def telling(cand: Candidate) -> dict:
    """What one sentence says of an event, kept apart from the merged event so that it can show every
    reading: a rate's step, and where outlets disagree."""
    fields = cand.fields
    return {"article": cand.article, "date": cand.date, "date_end": cand.date_end, "precision": cand.precision,
            "date_text": cand.date_text,
            "own": cand.own_date, "clock": cand.clock, "status": fields.get("status"), "effective": _effective(cand),
            "instrument": fields.get("instrument"), "duration": fields.get("duration"),
            "location": fields.get("location"), "round": fields.get("round")}


def _effective(cand: Candidate) -> date | None:
    """The day a rate starts to apply, when its own date was read as one ("effective Sept. 16", "from Aug. 7")."""
    return cand.date if cand.fields.get("effective") and cand.own_date else None


def _admitted(cand: Candidate) -> bool:
    """Whether a candidate is compared with the others at all: it can stand on the timeline, and it is no
    talks told too thinly to be an event."""
    return _standing(cand) and not _thin_talks(cand)


def _thin_talks(cand: Candidate) -> bool:
    """Talks told without their two sides or a round are no event, unless planned between the countries."""
    return cand.type == "meeting" and cand.fields.get("nameless") and not _open_plan(cand)


def _fold_retelling(kept: list[Candidate], cand: Candidate) -> None:
    """A sentence retelling an event told a few paragraphs before is another source of it, else a new event."""
    match = next((k for k in reversed(kept[-RETELLING_REACH:]) if _same(k, cand, True)), None)
    if match is None:
        kept.append(cand)
    else:
        absorb(match, cand)


def _place_references(kept: list[Candidate], references: list[Candidate]) -> None:
    """A reference back joins the event it tells of; one matching none stands alone only with a date of its own.
    It looks among the events told within RETELLING_REACH of it either way: every event of any real article,
    and a bounded few in a text of many megabytes."""
    told = [(k.sentence, k.position) for k in kept]
    for ref in references:
        at = bisect.bisect_left(told, (ref.sentence, ref.position))
        near = kept[max(0, at - RETELLING_REACH):at + RETELLING_REACH]
        match = _best(near, ref, True) or _nearest_before(near, ref)
        if match is not None:
            absorb(match, ref)
        elif ref.date is not None and _stands_alone(ref):
            kept.append(ref)


def _borrow_fallback_dates(kept: list[Candidate]) -> None:
    """An event still undated once every telling is folded takes the day it fell back on."""
    for cand in kept:
        if cand.date is None and cand.fallback is not None:
            cand.date, cand.date_end, cand.precision = cand.fallback.start, cand.fallback.end, cand.fallback.precision
            for told in cand.tellings:  # each telling of it is of that day, if of none of its own
                if told["date"] is None:
                    told.update(date=cand.date, date_end=cand.date_end, precision=cand.precision, own=False)


def _stands_alone(ref: Candidate) -> bool:
    """A reference to talks that matches none told ("as he has done in the talks") is an event of its own only
    when it names the two sides of them."""
    return ref.type != "meeting" or len(ref.fields.get("people", [])) >= 2 or _open_plan(ref)


def _nearest_before(kept: list[Candidate], ref: Candidate) -> Candidate | None:
    """"The meeting lasted about an hour": a reference naming no one is the last meeting told before it."""
    if ref.type != "meeting" or ref.fields.get("people"):
        return None
    before = [k for k in kept if k.type == "meeting" and (k.sentence, k.position) < (ref.sentence, ref.position)
              and _dates_meet(k, ref, True) and _statuses_meet(k.fields["status"], ref.fields["status"])]
    return max(before, key=lambda k: (k.sentence, k.position)) if before else None


def _standing(cand: Candidate) -> bool:
    """Whether a candidate can be an event at all once dated (a narrated day only carried the story's time)."""
    if cand.type == "time":
        return False
    if cand.type == "deadline":
        return cand.date is not None  # a deadline with no day is no point on a timeline
    if cand.type == "agreement":
        return cand.date is not None or cand.fallback is not None
    if cand.type == "statement" and cand.fields.get("background") and not cand.own_date:
        return False
    if cand.type == "meeting" and cand.fields.get("status") == "":
        if cand.date is None:
            return False
        cand.fields["status"] = "planned" if cand.reported and cand.date > cand.reported else "held"
    return True


def _open_plan(cand: Candidate) -> bool:
    """"The two sides agreed to hold another round before the summit": talks planned between the countries
    before anyone is named stand on the timeline when they have a date."""
    return cand.fields.get("status") in ("planned", "proposed") and cand.fields.get("sides") and cand.date is not None


def _finished(cand: Candidate) -> bool:
    """Talks with nobody named are no point on a who-met-whom timeline, unless planned between the sides;
    an intention with no day is no point on it either, nor a deal with no day."""
    if cand.type == "agreement":
        return cand.date is not None
    if cand.type != "meeting":
        return True
    if cand.fields.get("status") in ("planned", "proposed") and cand.date is None:
        return False
    return bool(cand.fields.get("people")) or _open_plan(cand)


def _best(kept: list[Candidate], cand: Candidate, in_article: bool) -> Candidate | None:
    matches = [k for k in kept if _same(k, cand, in_article)]
    if not matches:
        return None
    return max(matches, key=lambda k: (_overlap(k, cand), k.own_date, -PRECISION_RANK[k.precision]))


def _overlap(a: Candidate, b: Candidate) -> int:
    return len(set(a.fields.get("people", [])) & set(b.fields.get("people", [])))


def _share_rounds(meetings: list[Candidate], mentioned: list[Candidate]) -> None:
    """A round of talks spans a trip: meetings held within a few days of a numbered round (told as talks,
    or only named: "arrived on Wednesday for his fourth round"), by someone who took part in it, belong to it."""
    numbered = [m for m in meetings + mentioned if m.fields.get("round") and m.date and m.fields.get("status") == "held"]
    for meeting in meetings:
        if meeting.fields.get("round") or meeting.date is None or meeting.fields.get("status") != "held":
            continue
        for other in numbered:
            if abs((other.date - meeting.date).days) <= 3 and set(other.fields["people"]) & set(meeting.fields["people"]):
                meeting.fields["round"] = other.fields["round"]
                break


# ---------------------------------------------------------------- across articles


# Where the tellings folded into a kept event go, when not onto the event itself (`merge_corpus`).
SetAside = Callable[[Candidate, list], None]


def merge_corpus(candidates: Iterable[Candidate], set_aside: SetAside | None = None) -> list[Candidate]:
    """Fold candidates from different articles that report one event, comparing only within buckets
    every match must share (a rate, a speaker, a person, a type, and for a dated event a day it covers): a
    telling meets only the events of its own days, however large the corpus grows.

    No comparison reads an event's tellings, so a large corpus may keep those folded in elsewhere
    (`set_aside(event, tellings)`, in the order they come) and join them to the event when it is finished."""
    kept: list[Candidate] = []
    buckets: dict[tuple, dict[int, Candidate]] = {}  # each bucket's events by identity
    filed: dict[int, int] = {}  # each kept event's place in filing order, the order a pool is compared in
    talks: dict[frozenset, dict[int, Candidate]] = {}  # talks by who took part, for retellings with no day
    undated: list[Candidate] = []
    for cand in candidates:
        if cand.type == "meeting" and cand.date is None:
            undated.append(cand)
            continue
        pool = {i: k for key in _probes(cand, 1) for i, k in buckets.get(key, {}).items()}
        match = _best([pool[i] for i in sorted(pool, key=filed.__getitem__)], cand, False)
        if match is None:
            kept.append(cand)
        else:
            absorb(match, cand, set_aside)
        _file(buckets, talks, filed, match or cand)
    for cand in undated:
        match = _last_before(talks, cand)
        if match is None:
            kept.append(cand)
        else:
            absorb(match, cand, set_aside)
    return kept


def _file(buckets: dict[tuple, dict[int, Candidate]], talks: dict[frozenset, dict[int, Candidate]],
          filed: dict[int, int], cand: Candidate) -> None:
    """Put a kept event where later tellings of it will look (again after a fold moved its day)."""
    filed.setdefault(id(cand), len(filed))
    for key in _probes(cand, 0):
        buckets.setdefault(key, {}).setdefault(id(cand), cand)
    if cand.type == "meeting":
        talks.setdefault(frozenset(cand.fields.get("people", [])), {}).setdefault(id(cand), cand)


def _probes(cand: Candidate, reach: int) -> list[tuple]:
    """The buckets an event is kept in (reach 0) or looked for in (reach 1: a day either side too, since an
    evening in Washington is the next morning in Tokyo): its identity keys, each with every day its span
    covers. A rate has no day to match on; an undated or long-spanned event of another type matches none."""
    if cand.type == "tariff":
        return _keys(cand)
    if cand.date is None or _length(cand) > LONGEST_SPAN:
        return []
    first, last = cand.date.toordinal() - reach, (cand.date_end or cand.date).toordinal() + reach
    return [(*key, day) for key in _keys(cand) for day in range(first, last + 1)]


# How far back an undated mention of talks may reach for the talks it retells.
RETELL_DAYS = 62


def _last_before(talks: dict[frozenset, dict[int, Candidate]], cand: Candidate) -> Candidate | None:
    """An article that tells held talks without their day ("a visit that included a session with Trump")
    retells the latest talks of those people before it was written."""
    people = set(cand.fields.get("people", []))
    if cand.fields.get("status") != "held" or len(people) < 2 or cand.reported is None:
        return None
    pool = talks.get(frozenset(people), {}).values()  # the same people, however many others each of them met
    fits = [k for k in pool if set(k.fields["people"]) == people and k.fields["status"] == "held" and k.date
            and 0 <= (cand.reported - k.date).days <= RETELL_DAYS]
    return max(fits, key=lambda k: k.date) if fits else None


def _keys(cand: Candidate) -> list[tuple]:
    f = cand.fields
    if cand.type == "tariff":
        return [("tariff", round(f["rate"], 2), f["sector"], "JP" if f["target"] == "*" else f["target"])]
    if cand.type == "statement":
        return [("statement", f.get("speaker"))] if f.get("speaker") else []
    if cand.type == "meeting":
        return _meeting_keys(f.get("people", []))
    return [(cand.type,)]


def _meeting_keys(people: list[str]) -> list[tuple]:
    """Across articles, talks with several people are one meeting only when they share two of them, and talks
    with one person only with talks of that person alone (`_people_meet`): keyed by each pair, or by the one
    name, a meeting meets only those, not every talk its busiest member had that day."""
    names = sorted(set(people))
    if len(names) == 1:
        return [("meeting", names[0])]
    return [("meeting", *pair) for pair in itertools.combinations(names, 2)]


# ---------------------------------------------------------------- are two candidates one event?


def _same(a: Candidate, b: Candidate, in_article: bool) -> bool:
    """Whether two candidates tell one event, by the rule of their type."""
    if a.type != b.type:
        return False
    if a.type == "meeting":
        return _same_meeting(a, b, in_article)
    if a.type == "tariff":
        return _same_tariff(a, b)
    if a.type == "statement":
        return _same_statement(a, b, in_article)
    if a.type == "agreement":
        return _same_agreement(a, b, in_article)
    return _same_day(a, b)


def _same_tariff(a: Candidate, b: Candidate) -> bool:
    """One rate on one sector, for partners that meet."""
    fa, fb = a.fields, b.fields
    return abs(fa["rate"] - fb["rate"]) < 0.01 and fa["sector"] == fb["sector"] and _targets_meet(fa, fb)


def _same_agreement(a: Candidate, b: Candidate, in_article: bool) -> bool:
    """One deal: the same parties at one stage (a reference back may tell it at any), documents and days that meet."""
    return (a.fields["parties"] == b.fields["parties"] and (a.fields["status"] == b.fields["status"] or b.reference)
            and _documents_meet(a, b) and _dates_meet(a, b, in_article))


def _same_day(a: Candidate, b: Candidate) -> bool:
    """Deadlines and other dated facts are one when told for one day, or for a day within a short span."""
    return a.date is not None and b.date is not None and (a.date == b.date or _within_part(a, b) or _within_part(b, a))


def _within_part(day: Candidate, part: Candidate) -> bool:
    """"paused until early July" and "the July 9 deadline": a day inside a part of a month is that day."""
    return day.date_end is None and part.date_end is not None and _length(part) <= 10 \
        and part.date <= day.date <= part.date_end


def _documents_meet(a: Candidate, b: Candidate) -> bool:
    """Two signed documents of different kinds are two agreements, and so are two told in one sentence
    ("signed a document on implementing the agreement reached in July")."""
    if a.article == b.article and a.sentence == b.sentence and a.position != b.position:
        return False
    da, db = a.fields.get("document"), b.fields.get("document")
    if (da or db) and (a.date is None) != (b.date is None):
        undated, dated = (a, b) if a.date is None else (b, a)  # a document signed as the day's news is no old deal
        day = undated.fallback
        if day is not None and not dated.date <= day.start <= (dated.date_end or dated.date):
            return False
    return da is None or db is None or da == db


def _targets_meet(a: dict, b: dict) -> bool:
    """A baseline or sectoral rate on every partner is the rate Japan pays: "a 10% baseline on all imports"
    and "Japan's 10% baseline" are one tariff on a Japan timeline; a 15% duty on all and Japan's own 15% are two."""
    if a["target"] == b["target"]:
        return True
    measures = {a.get("measure"), b.get("measure")}
    return {a["target"], b["target"]} == {"*", "JP"} and measures <= EVERY_PARTNER and measures != {None}


# Kinds of rate that hit every partner alike: the rate Japan pays is the rate on all.
EVERY_PARTNER = frozenset({"baseline", "sectoral", None})


def _same_meeting(a: Candidate, b: Candidate, in_article: bool) -> bool:
    """Two tellings of talks are one meeting when no detail tells them apart and their days and people meet."""
    if _told_apart(a, b) or not _dates_meet(a, b, in_article):
        return False
    return _people_meet(a, b, in_article)


def _told_apart(a: Candidate, b: Candidate) -> bool:
    """Details that make two tellings two meetings: sittings told apart in one sentence, statuses that do not
    meet, or each stating a different mode or length."""
    fa, fb = a.fields, b.fields
    if a.group is not None and a.group == b.group:
        return True
    if not _statuses_meet(fa["status"], fb["status"]):
        return True
    if fa.get("mode_explicit") and fb.get("mode_explicit") and fa["mode"] != fb["mode"]:
        return True
    return bool(fa.get("duration") and fb.get("duration") and fa["duration"] != fb["duration"])


def _people_meet(a: Candidate, b: Candidate, in_article: bool) -> bool:
    """One telling names all the people of the other; across articles a single shared name is too little,
    unless both name that one person alone."""
    pa, pb = set(a.fields.get("people", [])), set(b.fields.get("people", []))
    if not pa and not pb:
        return _open_plan(a) and _open_plan(b)  # "another round before the G7 summit", told twice
    small, large = sorted((pa, pb), key=len)
    return bool(small) and small <= large and (len(small) >= 2 or in_article or len(large) == 1)


def _statuses_meet(x: str, y: str) -> bool:
    """A plan and its proposal are one meeting, and so is the plan called off; talks held are another event.
    Talks told with no status of their own ("It was the fourth round") may be either."""
    return x == y or "" in (x, y) or {x, y} <= {"planned", "proposed", "cancelled"}


def _same_statement(a: Candidate, b: Candidate, in_article: bool) -> bool:
    sa, sb = a.fields.get("speaker"), b.fields.get("speaker")
    if sa is None or sb is None:
        return False
    if sa != sb and not (in_article and (_government_and_ministry(sa, sb) or _head_and_body(sa, sb, a.date))):
        return False
    if in_article:
        return not b.fields.get("new_occasion") and _dates_meet(a, b, True)
    if b.fields.get("new_occasion") and b.article in {article for article, _ in a.sources}:
        return False  # "told reporters later on Monday": the article itself told two occasions
    return a.date is not None and b.date is not None and a.date == b.date


def _head_and_body(x: str, y: str, day) -> bool:
    """"The Treasury said ... Bessent also reaffirmed ...": a department and its head in one article's readout."""
    return y in heads_of(x, day) or x in heads_of(y, day)


def _government_and_ministry(x: str, y: str) -> bool:
    kinds = {institution_kind(x), institution_kind(y)}
    return country_of(x) is not None and country_of(x) == country_of(y) and kinds == {"government", "ministry"}


def _dates_meet(a: Candidate, b: Candidate, in_article: bool) -> bool:
    """Both dated with overlapping spans; within one article an undated telling may join a dated one."""
    if a.date is None or b.date is None:
        return in_article
    if not in_article and (_length(a) > LONGEST_SPAN or _length(b) > LONGEST_SPAN):
        return False
    return a.date <= (b.date_end or b.date) and b.date <= (a.date_end or a.date) or _across_date_line(a, b, in_article)


def _across_date_line(a: Candidate, b: Candidate, in_article: bool) -> bool:
    """Two articles on different clocks (Tokyo and Washington) that date one event a day apart tell one event:
    an evening in Washington is the next morning in Tokyo."""
    return (not in_article and a.clock is not None and b.clock is not None and a.clock != b.clock
            and a.precision == b.precision == "day" and abs((a.date - b.date).days) == 1)


def _length(c: Candidate) -> int:
    return ((c.date_end or c.date) - c.date).days if c.date else 0


# ---------------------------------------------------------------- folding


def absorb(into: Candidate, other: Candidate, set_aside: SetAside | None = None) -> None:
    """Fold `other` into `into`: every source, the most telling date, and the details only one of them has."""
    into.sources.update(dict.fromkeys(other.sources))
    if set_aside is None:
        into.tellings.extend(other.tellings)
    else:
        set_aside(into, other.tellings)
    if _better_date(other, into):
        into.date, into.date_end, into.date_text, into.precision = other.date, other.date_end, other.date_text, other.precision
        into.own_date = other.own_date
    into.reference = into.reference and other.reference
    into.fallback = into.fallback or other.fallback
    status = into.fields.get("status")
    FOLDERS.get(into.type, _fold_nothing)(into.fields, other.fields)
    if into.type == "meeting" and other.reference and other.fields.get("status") in ("planned", "proposed", ""):
        into.fields["status"] = status  # "on the sidelines of the summit next week" makes "may meet" no firmer


def _better_date(a: Candidate, b: Candidate) -> bool:
    """Whether a's date says more than b's: its own words over a borrowed day, then the narrower span."""
    if a.date is None:
        return False
    if b.date is None:
        return True
    if a.own_date != b.own_date:
        return a.own_date
    return PRECISION_RANK[a.precision] < PRECISION_RANK[b.precision] or \
        (a.precision == b.precision and _length(a) < _length(b))


def _fold_meeting(keep: dict, add: dict) -> None:
    if STATUS_RANK.get(add["status"], 9) < STATUS_RANK.get(keep["status"], 9):
        keep["status"] = add["status"]
    if set(keep["people"]) <= set(add["people"]):
        keep["people"] = list(dict.fromkeys(keep["people"] + add["people"]))
    if add.get("mode_explicit") and not keep.get("mode_explicit"):
        keep["mode"], keep["mode_explicit"] = add["mode"], True
    for name in ("location", "round", "duration"):
        keep[name] = keep.get(name) or add.get(name)


def _fold_statement(keep: dict, add: dict) -> None:
    if add.get("quote") and (not keep.get("quote") or len(add["quote"]) > len(keep["quote"])):
        keep["quote"] = add["quote"]
    if institution_kind(keep.get("speaker")) == "government" and institution_kind(add.get("speaker")) == "ministry":
        keep["speaker"] = add["speaker"]


STATUS_WEIGHT = {"in_effect": 0, "announced": 1, "agreed": 2, "threatened": 3, "proposed": 4, "paused": 5, "ended": 6}


def _fold_tariff(keep: dict, add: dict) -> None:
    _fold_instrument(keep, add)
    keep["measure"] = keep.get("measure") or add.get("measure")
    keep["people"] = list(dict.fromkeys(keep.get("people", []) + add.get("people", [])))
    if add.get("target") == "*":
        keep["target"] = "*"  # told anywhere as a rate on every partner
    if keep.get("previous_rate") is None:
        keep["previous_rate"] = add.get("previous_rate")


def _fold_instrument(keep: dict, add: dict) -> None:
    """The instrument named most fully: one with its number over one without, else the first named."""
    if add.get("instrument") and (not keep.get("instrument") or (add["instrument"]["number"] and not keep["instrument"]["number"])):
        keep["instrument"] = add["instrument"]


def _fold_agreement(keep: dict, add: dict) -> None:
    _fold_instrument(keep, add)
    keep["document"] = keep.get("document") or add.get("document")
    keep["what"] = keep.get("what") or add.get("what")
    if keep["status"] != add["status"] and "reached" in (keep["status"], add["status"]):
        keep["status"] = "reached"
    if keep.get("kind") == "procedural" and add.get("kind") != "procedural":
        keep["kind"] = add["kind"]


def _fold_deadline(keep: dict, add: dict) -> None:
    _fold_instrument(keep, add)
    if keep.get("what") == "deadline":
        keep["what"] = add.get("what", "deadline")


def _fold_nothing(keep: dict, add: dict) -> None:
    return None


FOLDERS = {"meeting": _fold_meeting, "statement": _fold_statement, "tariff": _fold_tariff,
           "agreement": _fold_agreement, "deadline": _fold_deadline}


def chronological(events: list) -> list:
    """Date order, undated events last."""
    return sorted(events, key=lambda e: (e.date is None, e.date or date.min, e.type, e.id))
