"""Knowledge kept as data: officials, institutions, sectors, page furniture, phrasing.

Each `*.toml` file beside this module is a lexicon a user can extend without
touching Python. `load(name)` reads one, once per process.
"""
from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed lexicon `name.toml`."""
    text = resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def pattern(name: str, key: str) -> re.Pattern[str]:
    """The regular expressions listed under `key` in lexicon `name` as one case-insensitive pattern."""
    listed = load(name).get(key, [])
    return re.compile("|".join(f"(?:{p})" for p in listed) or r"(?!x)x", re.IGNORECASE)


def words_pattern(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `words` as whole words, longest first."""
    ordered = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def cached_words(name: str, key: str) -> re.Pattern[str]:
    """`words_pattern` over the list `key` of lexicon `name`, built once."""
    return words_pattern(tuple(load(name).get(key, [])))
