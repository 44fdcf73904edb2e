"""The pipeline end to end: read → clean → split → find mentions → build → resolve → merge.

A user can import `build_timeline` and get the same typed document the CLI prints.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .build import Found, build_events
from .clean import clean
from .mentions import read_mentions
from .merge import chronological, finish, merge_article, merge_corpus
from .models import ArticleInfo, Timeline
from .published import Dating, find_dating
from .read import RawArticle, read_corpus
from .resolve import resolve_dates
from .split import split


@dataclass(frozen=True)
class Extraction:
    """What one article yields: its facts and its candidate events."""

    info: ArticleInfo
    found: list[Found]


def extract_article(raw: RawArticle) -> Extraction:
    """Every candidate event of one article, dated and merged within it."""
    article = clean(raw)
    dating: Dating = find_dating(article)
    entry = raw.entry
    info = ArticleInfo(id=raw.id, published=dating.published, published_from=dating.published_from,
                       title=article.title, source=entry.source if entry else None, url=entry.url if entry else None)
    sentences = split(raw.id, article.paragraphs)
    on = dating.published
    readings = read_mentions(sentences, on)
    found = build_events(readings)
    resolve_dates(readings, found, on)
    kept = merge_article(found)
    for candidate in kept:
        # its sentence is in the sources and its day is resolved: what is left pickles small
        candidate.reading, candidate.mention = None, None
        candidate.extra.pop("mention", None)
    return Extraction(info, kept)


def build_timeline(folder: Path) -> tuple[Timeline, list[str]]:
    """The timeline of every article in `folder`, and warnings for the user."""
    raws, warnings = read_corpus(folder)
    timeline, more = timeline_of(raws)
    return timeline, warnings + more


def timeline_of(raws: list[RawArticle]) -> tuple[Timeline, list[str]]:
    """The timeline of articles already read, and a warning for each one without a date."""
    extractions = [extract_article(raw) for raw in raws]
    return merge_extractions(extractions), [w for e in extractions if (w := undated_warning(e.info))]


def undated_warning(info: ArticleInfo) -> str | None:
    if info.published is None:
        return f"{info.id}: no publication date found; its relative dates stay unresolved"
    return None


def merge_extractions(extractions: list[Extraction]) -> Timeline:
    """One timeline from every article's candidates: one event per fact, in date order."""
    return Timeline(articles=[e.info for e in extractions], events=merge_candidates(f for e in extractions for f in e.found))


def merge_candidates(candidates: Iterable[Found]) -> list:
    """The timeline's events from candidates as they come (a stream is never held whole)."""
    merged = merge_corpus(candidates)
    for found in merged:
        finish(found)
    return chronological([f.event for f in merged])
