"""Query stage: what a user asked for, as the index's SQL.

The filters of `tariffs timeline` become one WHERE clause over the stored events, so a query reads only the
rows it shows. Every filter is answered here and nowhere else.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# The values each filter takes (the models' own; a test holds them equal).
TYPES = ("meeting", "tariff", "statement", "agreement", "deadline")
STATUSES = ("held", "planned", "proposed", "cancelled", "in_effect", "announced", "threatened", "agreed", "paused",
            "ended", "reached", "expected")
SECTORS = ("all", "autos", "steel", "aluminum", "semiconductors", "pharmaceuticals", "agriculture", "other")
INSTRUMENTS = ("executive_order", "proclamation", "letter", "memorandum", "post", "joint_statement", "notice")


@dataclass(frozen=True)
class Query:
    """Filters of `tariffs timeline`; an empty filter keeps everything."""

    officials: tuple[str, ...] = ()     # canonical names the user's words mean (see index.canonical_names)
    since: date | None = None
    until: date | None = None
    types: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()   # kinds of instrument ("executive_order", "letter" ...)
    conflicts: bool = False             # only events whose sources disagree
    statuses: tuple[str, ...] = ()      # "held", "threatened", "in_effect" ...
    countries: tuple[str, ...] = ()     # ISO codes: "JP", "US"
    sectors: tuple[str, ...] = ()       # "autos", "steel" ...
    search: str = ""                    # words that must all appear in the summary or a source sentence
    include_undated: bool = False       # undated events pass the date bounds
    limit: int | None = None
    reverse: bool = False               # newest first

    def narrows(self) -> bool:
        """Whether the query keeps only some events (an order alone keeps them all)."""
        return bool(self.officials or self.since or self.until or self.types or self.instruments or self.conflicts
                    or self.statuses or self.countries or self.sectors or self.search or self.limit is not None)

    def filters(self) -> list[str]:
        """The filters in force, as the user would write them: for the line above the table."""
        shown = [f"{name}={','.join(values)}" for name, values in (
            ("official", self.officials), ("type", self.types), ("status", self.statuses),
            ("country", self.countries), ("sector", self.sectors), ("instrument", self.instruments)) if values]
        if self.since or self.until:
            shown.append(f"dates={self.since or ''}..{self.until or ''}")
        shown += [f'search="{self.search}"'] if self.search else []
        shown += [flag for flag, on in (("conflicts", self.conflicts), ("undated included", self.include_undated),
                                        ("newest first", self.reverse)) if on]
        return shown + ([f"limit={self.limit}"] if self.limit is not None else [])


def where(query: Query, names: list[str]) -> tuple[str, list]:
    """The WHERE clause (with its parameters) that keeps the events passing every filter. `names` are the
    stored names the query's officials mean."""
    clauses: list[str] = ["0"] if query.officials and not names else []  # nobody named is in any event
    params: list = []
    for clause, values in _membership(query, names):
        if values:
            clauses.append(clause.format(marks=",".join("?" * len(values))))
            params += list(values)
    dates, day_params = _date_bounds(query)
    clauses += dates
    params += day_params
    if query.conflicts:
        clauses.append("json_array_length(json_extract(json, '$.conflicts')) > 0")
    if query.search:
        clauses.append("id IN (SELECT id FROM event_text WHERE event_text MATCH ?)")
        params.append(fts_phrases(query.search))
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _membership(query: Query, names: list[str]) -> list[tuple[str, tuple]]:
    return [
        ("type IN ({marks})", query.types),
        ("id IN (SELECT event FROM event_names WHERE name IN ({marks}))", tuple(names) if query.officials else ()),
        ("json_extract(json, '$.instrument.kind') IN ({marks})", query.instruments),
        ("json_extract(json, '$.status') IN ({marks})", query.statuses),
        ("json_extract(json, '$.sector') IN ({marks})", query.sectors),
        ("EXISTS (SELECT 1 FROM json_each(events.json, '$.countries') WHERE value IN ({marks}))", query.countries),
    ]


def _date_bounds(query: Query) -> tuple[list[str], list[str]]:
    """An event's span touches the bounds; an undated event is outside any unless the user includes it."""
    clauses, params = [], []
    undated = "date IS NULL OR " if query.include_undated else ""
    if query.since:
        clauses.append(f"({undated}(date IS NOT NULL AND coalesce(date_end, date) >= ?))")
        params.append(query.since.isoformat())
    if query.until:
        clauses.append(f"({undated}(date IS NOT NULL AND date <= ?))")
        params.append(query.until.isoformat())
    return clauses, params


def order(query: Query) -> str:
    """Timeline order, or newest first; then at most `limit` rows."""
    direction = "DESC" if query.reverse else "ASC"
    return f"ORDER BY position {direction}" + (f" LIMIT {int(query.limit)}" if query.limit is not None else "")


def fts_phrases(text: str) -> str:
    """The user's words as an FTS5 query that means "all of these words": each word quoted, so that no
    character the user types (quotes, AND, *, :) is read as FTS5 syntax."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + word + '"' for word in words) or '""'


DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
MONTH = re.compile(r"(\d{4})-(\d{2})")


def bound(value: str, last: bool) -> date:
    """A day ("2025-06-14") or a month ("2025-06": its first day, or its last when `last`). Raises ValueError
    for anything else: "20250601" is more likely a typing slip than a date."""
    if DAY.fullmatch(value):
        return date.fromisoformat(value)
    month = MONTH.fullmatch(value)
    if not month:
        raise ValueError(value)
    year, number = int(month[1]), int(month[2])
    return date(year, number, calendar.monthrange(year, number)[1] if last else 1)


def country_code(words: str) -> str | None:
    """A country as the user names it ("Japan", "jp", "the U.S.") as the code events carry ("JP")."""
    from . import lexicon

    wanted = " ".join(words.lower().replace(".", "").split()).removeprefix("the ")
    names = {**lexicon.load("countries"), **lexicon.load("query").get("countries", {})}
    for code, forms in names.items():
        if wanted == code.lower() or wanted in {form.lower().replace(".", "") for form in forms}:
            return code
    return words.upper() if re.fullmatch(r"[A-Za-z]{2}", words.strip()) else None
