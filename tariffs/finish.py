"""The last step of merging: each merged candidate becomes a typed event with its summary and a stable id."""
from __future__ import annotations

import hashlib

from .events import Candidate
from .models import Agreement, Deadline, Meeting, Source, Statement, Tariff
from .officials import country_of, directory

# Within one event's reports, the status that says most about a rate wins.
TARIFF_STATUS = ("paused", "agreed", "threatened", "in_effect", "announced", "proposed", "ended")


def to_event(cand: Candidate):
    """The pydantic event a merged candidate stands for."""
    common = {"date": cand.date, "date_end": cand.date_end, "date_text": cand.date_text, "date_precision": cand.precision,
                  "sources": [Source(article=a, text=t) for a, t in cand.sources]}
    event = BUILD[cand.type](cand.fields, common)
    event.countries = _countries(event)
    event.summary = summarize(event)
    event.id = event_id(event)
    return event


def _meeting(f: dict, common: dict) -> Meeting:
    return Meeting(officials=list(f["people"]), mode=f["mode"], status=f["status"] or "held", location=f.get("location"),
                   round=f.get("round"), duration_minutes=f.get("duration"), **common)


def _tariff(f: dict, common: dict) -> Tariff:
    statuses = f.get("statuses", [f["status"]])
    status = min(statuses, key=TARIFF_STATUS.index)
    return Tariff(rate=f["rate"], sector=f["sector"], status=status, measure=f.get("measure"),
                  previous_rate=f.get("previous_rate"), target=f["target"], officials=list(f.get("people", [])), **common)


def _statement(f: dict, common: dict) -> Statement:
    speaker = f.get("speaker")
    officials = [speaker] if speaker in directory().people else []
    return Statement(speaker=speaker, quote=f.get("quote"), officials=officials, **common)


def _agreement(f: dict, common: dict) -> Agreement:
    return Agreement(parties=list(f["parties"]), status=f["status"], kind=f.get("kind", "deal"), **common)


def _deadline(f: dict, common: dict) -> Deadline:
    return Deadline(what=f.get("what", "deadline"), **common)


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
    return f"{who}, reported: {_words(said, 140)}"


def _words(text: str, limit: int) -> str:
    """At most `limit` characters, cut between words."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _agreement_line(event: Agreement) -> str:
    what = {"deal": "deal", "procedural": "procedural agreement", "memorandum": "memorandum", "order": "order"}[event.kind]
    status = "reached" if event.status == "reached" else "expected"
    return f"{' and '.join(event.parties)} {what} {status}"


SUMMARIES = {"meeting": _meeting_line, "tariff": _tariff_line, "statement": _statement_line,
             "agreement": _agreement_line, "deadline": lambda e: f"Deadline: {e.what}"}


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def event_id(event) -> str:
    """Stable for the same input: the type, the day, the key fields and the first source sentence."""
    first = min(event.sources, key=lambda s: (s.article, s.text)) if event.sources else None
    key = "|".join([event.type, str(event.date), first.article if first else "", first.text if first else "",
                    str(getattr(event, "rate", "")), str(getattr(event, "sector", "")), ",".join(event.officials),
                    str(getattr(event, "duration_minutes", "")), str(getattr(event, "speaker", ""))])
    return event.type[0] + "-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
