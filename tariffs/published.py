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
    """When an article appeared and where that came from."""

    published: date | None
    published_from: str | None


def find_dating(article: CleanArticle) -> Dating:
    return Dating(*_published(article))


def _published(article: CleanArticle) -> tuple[date | None, str | None]:
    entry = article.raw.entry
    if entry and entry.published:
        return entry.published, "manifest"
    for line in article.header:
        found = _full_date(line)
        if found:
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
