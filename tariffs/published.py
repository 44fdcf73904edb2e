"""Find an article's publication date, the day its relative dates count from.

The order is the contract's: the manifest, then a full date written in the
article's own header lines (date marker, time stamp, a date line under the
byline, a dateline whose year can be found), else unknown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import lexicon
from .clean import FULL_DATE, ZONE, CleanArticle
from .dates import zone_side

FULL_DATE_IN = re.compile(rf"(?<![\w-]){FULL_DATE}(?![\w-])", re.IGNORECASE)
MONTH_DAY = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2})\b")


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
CLOCK = re.compile(rf"\b(?P<h>\d{{1,2}}):(?P<m>\d{{2}})\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>{ZONE})\b", re.IGNORECASE)
# A machine stamp with its offset ("2025-06-07T15:10:00-04:00"), and the clocks those offsets are.
ISO_STAMP = re.compile(r"\b\d{4}-\d{2}-\d{2}T(?P<h>\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?(?P<offset>[+-]\d{2}:?\d{2})")
OFFSET_ZONES = {"+0900": "JST", "-0400": "ET", "-0500": "ET"}
# The clock of the place a dateline names.
PLACES = {"JST": ("tokyo", "osaka", "japan", "nagoya", "kyoto"), "ET": ("washington", "new york", "kananaskis", "ottawa")}


def _clock(article: CleanArticle) -> tuple[str | None, int | None]:
    """The zone and hour of the article's own stamp, else the zone of its dateline's place."""
    for line in (*article.header, *article.raw.text.splitlines()[:12]):
        found = CLOCK.search(line)
        if found:
            return _zone(found.group("zone")), _hour(found)
        if (found := ISO_STAMP.search(line)) and (zone := OFFSET_ZONES.get(found.group("offset").replace(":", ""))):
            return zone, int(found.group("h"))
    return _place_clock(article.dateline or " ".join(article.header)), None


def _place_clock(place: str) -> str | None:
    place = place.lower()
    return next((zone for zone, names in PLACES.items() if any(name in place for name in names)), None)


def _zone(word: str) -> str | None:
    return zone_side(word)


def _hour(found: re.Match[str]) -> int:
    hour = int(found.group("h")) % 12 if found.group("ampm") else int(found.group("h"))
    if found.group("ampm") and found.group("ampm").lower().startswith("p"):
        hour += 12
    return hour % 24


def _published(article: CleanArticle) -> tuple[date | None, str | None]:
    """The manifest's day, else the page's own metadata, else a full date in a header line or the dateline."""
    entry, page = article.raw.entry, article.raw.page
    if entry and entry.published:
        return entry.published, "manifest"
    if page and page.published:
        return page.published, "html"
    for line in (*article.header, article.dateline or ""):
        found = full_date(line)
        if found:
            return found, "header"
    if article.dateline and (found := MONTH_DAY.search(article.dateline)):
        year = _year_in_text(article.raw.text)
        day = _day(year, found.group(1), found.group(2)) if year else None
        if day is not None:
            return day, "header"
    return None, None


def full_date(line: str) -> date | None:
    """A complete calendar date in one header line, in any order pages write it ("June 7, 2025",
    "7 June 2025", "2025-06-07T15:10:00-04:00")."""
    found = FULL_DATE_IN.search(line)
    if found is None:
        return None
    g = found.groupdict()
    if g["iso"]:
        try:
            return date.fromisoformat(g["iso"])
        except ValueError:
            return None
    if g["month"]:
        return _day(int(g["year"]), g["month"], g["day"])
    return _day(int(g["year2"]), g["month2"], g["day2"])


def _day(year: int, month: str, day: str) -> date | None:
    number = lexicon.load("language")["months"].get(month.rstrip(".").lower())
    try:
        return date(year, number, int(day)) if number else None
    except ValueError:
        return None


def _year_in_text(text: str) -> int | None:
    """The latest year written in a full date anywhere in the article."""
    years = [day.year for found in FULL_DATE_IN.finditer(text) if (day := full_date(found.group(0)))]
    return max(years) if years else None
