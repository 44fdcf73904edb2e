"""The pipeline end to end: read → clean → split → clauses and mentions → events → resolve dates → merge.

A user can import `build_timeline` and get the same typed document the CLI prints.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .clean import clean
from .events import Candidate
from .finish import number_repeated_id, to_event
from .kinds import read_events
from .mentions import read_article
from .merge import chronological, merge_article, merge_corpus
from .models import ArticleInfo, Timeline
from .published import Dating, find_dating
from .read import RawArticle, one_line, read_corpus
from .resolve import Anchor, entry_anchors, govern
from .split import split


@dataclass(frozen=True)
class Extraction:
    """What one article yields: its facts and its candidate events."""

    info: ArticleInfo
    found: list[Candidate]


def extract_article(raw: RawArticle) -> Extraction:
    """Every candidate event of one article, dated and merged within it."""
    article = clean(raw)
    dating: Dating = find_dating(article)
    info = ArticleInfo(id=raw.id, published=dating.published, published_from=dating.published_from,
                       **_described(raw, article.title))
    sentences = split(raw.id, article.paragraphs)
    readings = read_article(sentences, dating.published)
    candidates = read_events(readings)
    base = Anchor(dating.published, dating.zone, dating.hour) if dating.published else None
    anchors, entries = entry_anchors([s.text for s in sentences], base)
    govern(candidates, dict(enumerate(anchors)), dating.local, entries)
    return Extraction(info, [_settled(cand) for cand in merge_article(candidates)])


def _settled(cand: Candidate) -> Candidate:
    """A candidate once dated and merged within its article, without what only reading it needed (its date
    expression, the tokens that governed it, its mood): what the corpus merge and the index keep is small."""
    cand.timex = cand.modality = None
    cand.heads = cand.words = cand.chain = cand.scopes = frozenset()
    return cand


def _described(raw: RawArticle, title_in_text: str | None) -> dict[str, str | None]:
    """Title, source and address: the manifest's words first, then what a web page says of itself."""
    entry, page = raw.entry, raw.page
    found = {"title": (entry and entry.title) or (page and page.title) or title_in_text,
             "source": (entry and entry.source) or (page and page.site) or None,
             "url": (entry and entry.url) or (page and page.url) or None}
    return {key: one_line(value) if value else None for key, value in found.items()}  # shown on terminals


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
        return (f"{info.id}: no publication date found; its relative dates stay unresolved "
                "(give it `published` in articles.toml, or add it with --published YYYY-MM-DD)")
    return None


def merge_extractions(extractions: list[Extraction]) -> Timeline:
    """One timeline from every article's candidates: one event per fact, in date order."""
    return Timeline(articles=[e.info for e in extractions], events=merge_candidates(f for e in extractions for f in e.found))


def merge_candidates(candidates: Iterable[Candidate]) -> list:
    """The timeline's events from candidates as they come (a stream is never held whole)."""
    events, seen = [], {}
    for cand in merge_corpus(candidates):
        events.append(to_event(cand))
        number_repeated_id(events[-1], seen)
    return chronological(events)
