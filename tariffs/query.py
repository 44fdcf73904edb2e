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


def select(events: list, query: Query) -> list:
    """The events that pass every filter, in their order.

    An official matches the event's people or its speaker by canonical name,
    surname, alias or role phrase. A date filter keeps an event whose span
    touches the bound; an undated event passes no date filter.
    """
    return [e for e in events if _wanted(e, query)]


def _wanted(event, query: Query) -> bool:
    if query.types and event.type not in query.types:
        return False
    if query.officials:
        names = set(event.officials) | ({event.speaker} if getattr(event, "speaker", None) else set())
        if not any(matches_official(q, n) for q in query.officials for n in names):
            return False
    if query.since or query.until:
        if event.date is None:
            return False
        end = event.date_end or event.date
        if query.since and end < query.since:
            return False
        if query.until and event.date > query.until:
            return False
    return True
