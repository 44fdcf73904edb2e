"""Find an article's publication date, the day its relative dates count from.

The order is the contract's: the manifest, then a full date written in the
article's own header lines (date marker, time stamp, a date line under the
byline, a dateline whose year can be found), else unknown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil import parser as dateparser

from .clean import CleanArticle

MONTH_DAY_YEAR = re.compile(r"\b([A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})\b")
ISO_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
MONTH_DAY = re.compile(r"\b([A-Z][a-z]{2,8}\.? \d{1,2})\b")
YEAR = re.compile(r"\b(20\d{2})\b")


@dataclass(frozen=True)
class Dating:
    """When an article appeared, where that came from, and on which clock it is told (when the page says)."""

    published: date | None
    published_from: str | None
    zone: str | None = None
    hour: int | None = None
    local: str | None = None     # the clock of the place its dateline names, where its news happens


def find_dating(article: CleanArticle) -> Dating:
    published, source = _published(article)
    zone, hour = _clock(article)
    return Dating(published, source, zone, hour, _place_clock(article.dateline or ""))


# A time with its zone in a header stamp ("Updated 11:47 PM EDT", "17:32 JST", "UPDATED 10:12 PM ET").
CLOCK = re.compile(r"\b(?P<h>\d{1,2}):(?P<m>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>JST|EDT|EST|ET)\b", re.IGNORECASE)
# The clock of the place a dateline names.
PLACES = {"JST": ("tokyo", "osaka", "japan", "nagoya", "kyoto"), "ET": ("washington", "new york", "kananaskis", "ottawa")}


def _clock(article: CleanArticle) -> tuple[str | None, int | None]:
    """The zone and hour of the article's own stamp, else the zone of its dateline's place."""
    for line in (*article.header, *article.raw.text.splitlines()[:12]):
        found = CLOCK.search(line)
        if found:
            return _zone(found.group("zone")), _hour(found)
    return _place_clock(article.dateline or " ".join(article.header)), None


def _place_clock(place: str) -> str | None:
    place = place.lower()
    return next((zone for zone, names in PLACES.items() if any(name in place for name in names)), None)


def _zone(word: str) -> str:
    return "JST" if word.upper() == "JST" else "ET"


def _hour(found: re.Match[str]) -> int:
    hour = int(found.group("h")) % 12 if found.group("ampm") else int(found.group("h"))
    if found.group("ampm") and found.group("ampm").lower().startswith("p"):
        hour += 12
    return hour % 24


def _published(article: CleanArticle) -> tuple[date | None, str | None]:
    entry = article.raw.entry
    if entry and entry.published:
        return entry.published, "manifest"
    for line in article.header:
        found = _full_date(line)
        if found:
            return found, "header"
    if article.dateline and (found := _full_date(article.dateline)):
        return found, "header"
    if article.dateline and (found := MONTH_DAY.search(article.dateline)):
        year = _year_in_text(article.raw.text)
        if year and (day := _parse(f"{found.group(1)}, {year}")):
            return day, "header"
    return None, None


def _full_date(line: str) -> date | None:
    """A complete calendar date in one header line."""
    if found := ISO_DAY.search(line):
        try:
            return date.fromisoformat(found.group(1))
        except ValueError:
            return None
    if found := MONTH_DAY_YEAR.search(line):
        return _parse(found.group(1))
    return None


def _year_in_text(text: str) -> int | None:
    """The latest year written in a full date anywhere in the article."""
    years = [int(y) for y in YEAR.findall(" ".join(MONTH_DAY_YEAR.findall(text)))]
    return max(years) if years else None


def _parse(text: str) -> date | None:
    try:
        return dateparser.parse(text.replace(".", ""), fuzzy=False).date()
    except (ValueError, OverflowError):
        return None
