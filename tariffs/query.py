"""Query stage: keep the events a user asked for."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .officials import matches_official


@dataclass(frozen=True)
class Query:
    """Filters of `tariffs timeline`; an empty filter keeps everything."""

    officials: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    types: tuple[str, ...] = field(default=())
    instruments: tuple[str, ...] = ()   # kinds of instrument ("executive_order", "letter" ...)
    conflicts: bool = False             # only events whose sources disagree


def select(events: list, query: Query) -> list:
    """The events that pass every filter, in their order.

    An official matches the event's people or its speaker by canonical name,
    surname, alias or role phrase. A date filter keeps an event whose span
    touches the bound; an undated event passes no date filter.
    """
    return [e for e in events if _wanted(e, query)]


def _wanted(event, query: Query) -> bool:
    """Whether the event passes the type, official and date filters, each checked only when set."""
    return (_type_wanted(event, query) and _officials_wanted(event, query) and _dates_wanted(event, query)
            and _instrument_wanted(event, query) and (not query.conflicts or bool(event.conflicts)))


def _instrument_wanted(event, query: Query) -> bool:
    instrument = getattr(event, "instrument", None)
    return not query.instruments or (instrument is not None and instrument.kind in query.instruments)


def _type_wanted(event, query: Query) -> bool:
    return not query.types or event.type in query.types


def _officials_wanted(event, query: Query) -> bool:
    """An official asked for is one of the event's people or its speaker."""
    if not query.officials:
        return True
    names = set(event.officials) | ({event.speaker} if getattr(event, "speaker", None) else set())
    return any(matches_official(q, n) for q in query.officials for n in names)


def _dates_wanted(event, query: Query) -> bool:
    """The event's span touches the bounds asked for; an undated event is outside any."""
    if not (query.since or query.until):
        return True
    if event.date is None:
        return False
    end = event.date_end or event.date
    if query.since and end < query.since:
        return False
    return not (query.until and event.date > query.until)
