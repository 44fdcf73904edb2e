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
    """The regular expressions listed under `key` in lexicon `name` as one case-insensitive pattern.

    Those anchored at the line's start share one `^`: searched alone, each would be tried and fail at
    every position of the line, which made page furniture the costliest check of a clean."""
    listed = load(name).get(key, [])
    anchored = [p[1:] for p in listed if _anchored(p)]
    parts = [f"(?:{p})" for p in listed if not _anchored(p)]
    if anchored:
        parts.insert(0, "^(?:" + "|".join(f"(?:{p})" for p in anchored) + ")")
    return re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE)


def _anchored(regex: str) -> bool:
    """Whether the whole of a pattern is anchored at the start: it opens with `^` and no `|` outside brackets
    lets another branch go free."""
    return regex.startswith("^") and not _top_level_bar(regex)


def _top_level_bar(regex: str) -> bool:
    depth, in_class, escaped = 0, False, False
    for char in regex:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char in "()[|":
            if char == "|" and depth == 0:
                return True
            depth += {"(": 1, ")": -1}.get(char, 0)
            in_class = char == "["
    return False


def words_pattern(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `words` as whole words, longest first."""
    ordered = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def cached_words(name: str, key: str) -> re.Pattern[str]:
    """`words_pattern` over the list `key` of lexicon `name`, built once."""
    return words_pattern(tuple(load(name).get(key, [])))
