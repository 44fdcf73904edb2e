"""The last step of merging: each merged candidate becomes a typed event with its summary and a stable id."""
from __future__ import annotations

import hashlib
import re
from datetime import date

from . import lexicon
from .events import Candidate
from .merge import PRECISION_RANK
from .models import Agreement, Deadline, Meeting, Source, Statement, Tariff
from .officials import country_of, directory
from .report import LIFE


def to_event(cand: Candidate):
    """The pydantic event a merged candidate stands for: the reading most of its articles give, every other
    reading listed in `conflicts`, and for a rate each step of its life."""
    conflicts = conflicts_of(cand)
    _settle(cand, conflicts)
    common = {"date": cand.date, "date_end": cand.date_end, "date_text": cand.date_text, "date_precision": cand.precision,
              "sources": [Source(article=a, text=t) for a, t in cand.sources], "conflicts": conflicts}
    if cand.type == "tariff":
        common.update(_life(cand))
    event = BUILD[cand.type](cand.fields, common)
    event.countries = _countries(event)
    event.summary = summarize(event)
    event.id = event_id(event)
    return event


def _meeting(f: dict, common: dict) -> Meeting:
    return Meeting(officials=list(f["people"]), mode=f["mode"], status=f["status"] or "held", location=f.get("location"),
                   round=f.get("round"), duration_minutes=f.get("duration"), **common)


def _tariff(f: dict, common: dict) -> Tariff:
    return Tariff(rate=f["rate"], sector=f["sector"], measure=f.get("measure"), previous_rate=f.get("previous_rate"),
                  target=f["target"], officials=list(f.get("people", [])), instrument=f.get("instrument"), **common)


def _statement(f: dict, common: dict) -> Statement:
    speaker = f.get("speaker")
    officials = [speaker] if speaker in directory().people else []
    return Statement(speaker=speaker, quote=f.get("quote"), officials=officials, **common)


def _agreement(f: dict, common: dict) -> Agreement:
    instrument = f.get("instrument")
    kind = INSTRUMENT_KINDS.get(instrument["kind"], f.get("kind", "deal")) if instrument else f.get("kind", "deal")
    return Agreement(parties=list(f["parties"]), status=f["status"], kind=kind, what=f.get("what"),
                     instrument=instrument, **common)


# A deal made in a memorandum is a memorandum; one put into force by an order is an order.
INSTRUMENT_KINDS = {"memorandum": "memorandum", "executive_order": "order", "proclamation": "order"}


def _deadline(f: dict, common: dict) -> Deadline:
    return Deadline(what=f.get("what", "deadline"), instrument=f.get("instrument"), **common)


# ---------------------------------------------------------------- a rate's life


def _life(cand: Candidate) -> dict:
    """A rate's steps in date order (undated ones after, never placed by guess); its status is the last
    step's and its date the first's."""
    steps = steps_of(cand.tellings)
    first_dated = next((s for s in steps if s["date"] is not None), None)
    when = {"date": first_dated["date"], "date_end": first_dated["date_end"],
            "date_precision": first_dated["date_precision"]} if first_dated else {}
    last = [s for s in steps if s["date"] is not None] or steps
    return {"steps": steps, "status": last[-1]["status"], **when}


def steps_of(tellings: list[dict]) -> list[dict]:
    """One step per status the articles tell, dated by its most precise telling, with every article behind it."""
    by_status: dict[str, list[dict]] = {}
    for told in tellings:
        by_status.setdefault(told["status"] or "in_effect", []).append(told)
    steps = [_step(status, told) for status, told in by_status.items()]
    return sorted(steps, key=lambda s: (s["date"] is None, s["date"] or date.min, LIFE.index(s["status"])))


def _step(status: str, tellings: list[dict]) -> dict:
    dated = [t for t in tellings if t["date"] is not None]
    best = min(dated, key=_precision_key) if dated else None
    instrument = next((t["instrument"] for t in tellings if t["instrument"] and t["instrument"]["number"]),
                      next((t["instrument"] for t in tellings if t["instrument"]), None))
    return {"status": status, "date": best["date"] if best else None, "date_end": best["date_end"] if best else None,
            "date_precision": best["precision"] if best else None,
            "effective": next((t["effective"] for t in tellings if t["effective"]), None),
            "instrument": instrument, "articles": sorted({t["article"] for t in tellings})}


def _precision_key(told: dict) -> tuple:
    """Own words before a borrowed day, then the finer precision, then the shorter span; undated last."""
    if told["date"] is None:
        return (True, PRECISION_RANK[None], 0)
    span = ((told["date_end"] or told["date"]) - told["date"]).days
    return (not told["own"], PRECISION_RANK[told["precision"]], span)


# ---------------------------------------------------------------- where sources disagree


# The fields whose readings are compared across articles, by event type (a rate's days are its steps).
COMPARED = {"meeting": ("date", "duration", "location", "round"), "statement": ("date",), "agreement": ("date",),
            "deadline": ("date",), "tariff": ()}
SHOWN_AS = {"duration": "duration_minutes"}


def conflicts_of(cand: Candidate) -> list[dict]:
    """Each compared field on which the merged articles give readings that cannot both be true."""
    found = []
    for name in COMPARED[cand.type]:
        readings = _readings(cand.tellings, name)
        if _disagree(name, readings):
            found.append({"field": SHOWN_AS.get(name, name),
                          "readings": [{"value": _shown(name, v), "articles": arts} for v, arts in readings]})
    return found


def _readings(tellings: list[dict], name: str) -> list[tuple]:
    """Each article's reading of a field (its most precise own date, or the first value it gives), grouped by
    value (a date by its days), the best supported first (the most precise on a tie)."""
    per_article: dict[str, object] = {}
    for told in sorted(tellings, key=_precision_key if name == "date" else lambda t: 0):
        value = _value(told, name)
        if value is not None:
            per_article.setdefault(told["article"], value)
    grouped: dict[object, tuple[object, list[str]]] = {}
    for article, value in per_article.items():
        key = value[:2] if name == "date" else value
        grouped.setdefault(key, (value, []))[1].append(article)
    order = lambda item: (-len(item[1]), PRECISION_RANK[item[0][2]] if name == "date" else 0)
    return sorted(((v, sorted(a)) for v, a in grouped.values()), key=order)


def _value(told: dict, name: str):
    if name != "date":
        return told[name]
    return (told["date"], told["date_end"], told["precision"], told["date_text"]) if told["own"] and told["date"] else None


def _disagree(name: str, readings: list[tuple]) -> bool:
    """Two readings that cannot both hold: days that do not overlap (one day apart across the date line
    too), places of which neither lies in the other, or two different values."""
    values = [v for v, _ in readings]
    pairs = [(a, b) for i, a in enumerate(values) for b in values[i + 1:]]
    if name == "date":
        return any(_days_apart(a, b) for a, b in pairs)
    if name == "location":
        return any(not _nested(a, b) for a, b in pairs)
    return bool(pairs)


def _days_apart(a: tuple, b: tuple) -> bool:
    return (a[1] or a[0]) < b[0] or (b[1] or b[0]) < a[0]


def _nested(a: str, b: str) -> bool:
    """Whether one place lies within the other ("the White House" in "Washington" in "the United States")."""
    return b in _enclosing(a) or a in _enclosing(b)


def _enclosing(place: str) -> set[str]:
    within = lexicon.load("places").get("within", {})
    found: set[str] = set()
    while place in within and within[place] not in found:  # a loop in the user's table ends the walk
        place = within[place]
        found.add(place)
    return found


def _shown(name: str, value):
    if name != "date":
        return value
    first, last = value[0], value[1]
    return first.isoformat() if last is None else f"{first.isoformat()}/{last.isoformat()}"


def _settle(cand: Candidate, conflicts: list[dict]) -> None:
    """Where articles disagree on the day, the event keeps the day most of them give (the most precise on a tie)."""
    if not any(c["field"] == "date" for c in conflicts):
        return
    first, last, precision, text = _readings(cand.tellings, "date")[0][0]
    cand.date, cand.date_end, cand.precision, cand.date_text = first, last, precision, text


BUILD = {"meeting": _meeting, "tariff": _tariff, "statement": _statement, "agreement": _agreement,
         "deadline": _deadline}


def _countries(event) -> list[str]:
    found = {c for c in (country_of(n) for n in event.officials) if c}
    if isinstance(event, Tariff):
        found |= {event.imposer, event.target} - {"*"}
    if isinstance(event, Agreement):
        found |= set(event.parties)
    if isinstance(event, Statement) and (c := country_of(event.speaker)):
        found.add(c)
    return sorted(found)


def summarize(event) -> str:
    """One line a person reads in the timeline."""
    return SUMMARIES[event.type](event)


def _meeting_line(event: Meeting) -> str:
    names = _listed(event.officials) or "officials"
    details = ", ".join(d for d in (f"round {event.round}" if event.round else "",
                                    f"{event.duration_minutes} min" if event.duration_minutes else "") if d)
    place = f" in {event.location}" if event.location else ""
    if event.status == "held":
        how = {"phone": "spoke by phone", "video": "held a video call", "in_person": "held talks"}[event.mode]
        line = f"{names} {how}{place}"
    else:
        kind = {"phone": "phone call", "video": "video call", "in_person": "talks"}[event.mode]
        line = f"{event.status.capitalize()} {kind}{place}: {names}"
    return line + (f" [{details}]" if details else "")


def _tariff_line(event: Tariff) -> str:
    target = "all trading partners" if event.target == "*" else event.target
    sector = "all goods" if event.sector == "all" else event.sector
    was = f", from {event.previous_rate:g}%" if event.previous_rate is not None else ""
    return f"{event.imposer} tariff {event.rate:g}% on {sector} from {target} ({event.status.replace('_', ' ')}{was})"


def _statement_line(event: Statement) -> str:
    who = event.speaker or "Unnamed source"
    if event.quote:
        return f"{who}: “{event.quote}”"
    said = event.sources[0].text if event.sources else ""
    return f"{who}, reported: {_words(reported_content(said), 140)}"


# "..., the ministry said." / "..., Akazawa told reporters on Friday." : the report before its attribution.
TRAILING_ATTRIBUTION = re.compile(r"^(?P<content>.{20,}?)[,;]?\s+(?:according to [^,.]+|(?:the |a |an )?[\w.'’ -]{1,60}?"
                                  r"\s(?:said|says|told [\w ]{1,40}|added|noted|stressed|explained)(?: on \w+)?)\.?$")
# "Akazawa said on Friday that ..." / "Trump told reporters the deal ...": the report after its verb of saying.
LEADING_ATTRIBUTION = re.compile(r"^[^,]{0,80}?\b(?:said|says|told reporters|told [A-Z][\w ]{0,30}|stressed|noted|added)"
                                 r"(?: on \w+| in \w+| late \w+)?(?: that)?,?\s+(?P<content>.{20,})$")


def reported_content(sentence: str) -> str:
    """What a reported statement says, without its attribution: the words before ", X said" or after
    "X said that"; the whole sentence when it has neither."""
    for pattern in (TRAILING_ATTRIBUTION, LEADING_ATTRIBUTION):
        found = pattern.match(sentence.strip())
        if found:
            content = found.group("content").strip(" ,;.")
            return content[0].upper() + content[1:]
    return sentence


def _words(text: str, limit: int) -> str:
    """At most `limit` characters, cut between words."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _agreement_line(event: Agreement) -> str:
    done = event.status == "reached"
    what = {"deal": "deal reached" if done else "deal expected",
            "procedural": "agreed" if done else "expected to agree",
            "memorandum": "memorandum signed" if done else "memorandum expected",
            "order": "order implementing the deal issued" if done else "order implementing the deal expected"}[event.kind]
    line = f"{' and '.join(event.parties)} {what}"
    return f"{line}: {_words(event.what, 120)}" if event.what else line


SUMMARIES = {"meeting": _meeting_line, "tariff": _tariff_line, "statement": _statement_line,
             "agreement": _agreement_line, "deadline": lambda e: f"Deadline: {e.what}"}


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def number_repeated_id(event, seen: dict[str, int]) -> None:
    """Sittings told apart in one sentence ("two short calls with Lutnick on a Saturday") are events alike in
    every field, and so in id: each after the first takes its number ("m-65b18f892c-2"), counted in the order
    the merge kept them, so that every event keeps an id of its own, the same on every run."""
    count = seen.get(event.id, 0) + 1
    seen[event.id] = count
    if count > 1:
        event.id = f"{event.id}-{count}"


def event_id(event) -> str:
    """Stable for the same input: the type, the day, the key fields and the first source sentence."""
    first = min(event.sources, key=lambda s: (s.article, s.text)) if event.sources else None
    key = "|".join([event.type, str(event.date), first.article if first else "", first.text if first else "",
                    str(getattr(event, "rate", "")), str(getattr(event, "sector", "")), ",".join(event.officials),
                    str(getattr(event, "duration_minutes", "")), str(getattr(event, "speaker", ""))])
    return event.type[0] + "-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
