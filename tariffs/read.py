"""Read stage: a folder of article texts and the manifest `articles.toml` beside them."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path


class CorpusError(Exception):
    """A fault that stops the whole run (the folder or its manifest is unusable)."""


@dataclass(frozen=True)
class ManifestEntry:
    """What `articles.toml` says about one file; every field but the name is optional."""

    file: str
    published: date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class RawArticle:
    """An article file as read, before anything is removed from it."""

    id: str
    text: str
    entry: ManifestEntry | None


MANIFEST = "articles.toml"


def read_corpus(folder: Path) -> tuple[list[RawArticle], list[str]]:
    """Every `*.txt` in `folder`, in name order, with its manifest entry.

    Returns the articles and warnings (one line each) for faults that do not
    stop the run.
    """
    if not folder.is_dir():
        raise CorpusError(f"data folder not found: {folder}")
    warnings: list[str] = []
    entries = read_manifest(folder / MANIFEST, warnings)
    articles = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        articles.append(RawArticle(id=path.stem, text=text, entry=entries.get(path.name)))
    return articles, warnings


def read_manifest(path: Path, warnings: list[str]) -> dict[str, ManifestEntry]:
    """The manifest's entries by file name; an absent manifest is an empty one."""
    if not path.is_file():
        return {}
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise CorpusError(f"{path}: not valid TOML: {err}") from None
    entries: dict[str, ManifestEntry] = {}
    for item in document.get("article", []):
        name = item.get("file") if isinstance(item, dict) else None
        if not isinstance(name, str):
            warnings.append(f"{path.name}: an [[article]] without a file name is ignored")
            continue
        entries[name] = ManifestEntry(
            file=name,
            published=_manifest_date(item.get("published"), name, warnings),
            source=_text(item.get("source")),
            title=_text(item.get("title")),
            url=_text(item.get("url")),
        )
    return entries


def _manifest_date(value: object, name: str, warnings: list[str]) -> date | None:
    """TOML gives a bare date as `date`; a quoted one must still be a real day."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        warnings.append(f"{MANIFEST}: {name}: published {value!r} is not a date; using the date in the text")
        return None


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
