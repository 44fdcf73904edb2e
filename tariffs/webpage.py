"""Read stage for saved web pages: the article's own text and what the page says of itself.

A page is navigation, ads, related links, comments and captions around a few
paragraphs. trafilatura finds the paragraphs (and, through htmldate, the
publication date in the page's metadata) far better than rules of our own
would; it is imported only when a page is read, so a folder of text files
never pays for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Page:
    """A web page reduced to its article: the text, and the title, date, address and site the page gives."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    site: str | None = None


class PageError(Exception):
    """A page that cannot be read (trafilatura missing or no article text in it)."""


def read_page(markup: str) -> Page:
    """The article in a web page. Comments, tables, images and links are left out: they are not the report."""
    try:
        import trafilatura
    except ImportError as err:  # pragma: no cover - an install without the dependency
        raise PageError(f"reading web pages needs trafilatura ({err.name} is missing); "
                        "reinstall with `pip install .`") from None
    found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=False,
                                        include_images=False, include_links=False,
                                        date_extraction_params={"original_date": True, "extensive_search": False})
    if found is None or not (found.text or "").strip():
        raise PageError("no article text found in the page")
    return Page(found.text, _clean(found.title), _iso_day(found.date), _clean(found.url), _site(found))


def looks_like_html(text: str) -> bool:
    """Markup rather than prose: what a page saved without its extension, or piped in, starts with."""
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<head" in head and "<" == head[:1])


def _site(found) -> str | None:
    """The site's own name ("The Japan Times"), not its host name, when the page gives one."""
    name = _clean(found.sitename)
    return None if name is None or name == _clean(found.hostname) else name


def _iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
