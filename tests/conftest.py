"""Shared helpers: a tiny corpus written by the test itself, and the shared evaluation kit when present."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


def write_corpus(folder: Path, articles: dict[str, tuple[str | None, str]]) -> Path:
    """Write articles {name: (published or None, text)} and their manifest into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = []
    for name, (published, text) in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        if published:
            manifest.append(f'[[article]]\nfile = "{name}.txt"\npublished = {published}\nsource = "Test Wire"\n')
    (folder / "articles.toml").write_text("\n".join(manifest), encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three short articles in my own words: a call, a meeting with a rate, a threat."""
    return write_corpus(tmp_path / "corpus", {
        "a1": ("2025-06-14", ("Japan's chief tariff negotiator Ryosei Akazawa spoke with Commerce Secretary "
                             "Howard Lutnick by phone for about 40 minutes on Friday, the government said.\n")),
        "a2": ("2025-05-02", ("Akazawa met Treasury Secretary Scott Bessent in Washington on Thursday. "
                             "Japan faces a 25 percent tariff on automobiles.\n")),
        "a3": ("2025-07-10", "President Donald Trump on Tuesday threatened a 35% tariff on Japanese goods.\n"),
    })


def events_of(text: str, published: str | None = "2025-06-14", name: str = "t1") -> list:
    """The timeline events one article yields: a sentence in, events out."""
    from datetime import date

    from tariffs.pipeline import timeline_of
    from tariffs.read import ManifestEntry, RawArticle

    entry = ManifestEntry(f"{name}.txt", date.fromisoformat(published)) if published else None
    timeline, _ = timeline_of([RawArticle(name, text, entry)])
    return timeline.events


def only(events: list, kind: str) -> list:
    return [e for e in events if e.type == kind]


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test indexes into its own cache directory, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
