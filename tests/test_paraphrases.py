"""The paraphrase suite: sentences in other words than any corpus, grouped by class of phrasing.

Each file in `tests/paraphrases/` holds cases written without reading the
engine's patterns: an article (often one sentence) and its publication day,
the events it must yield (`expect`), the events it must not yield (`forbid`)
and, where it matters, how many events of a type it yields (`count`).

An `expect` entry is matched by a distinct event of its type whose every named
field agrees: `officials` as a set, `date`/`date_end` as ISO days, `undated`
meaning no date at all, `quote_contains` as a case-insensitive substring of
the quote, `summary_contains` of the summary; every other field by equality.
A `forbid` entry fails the case when any event agrees with all its fields.
A case marked `known_gap` names a class the engine does not read yet: it is expected
to fail, and the suite fails as soon as it passes, so that the mark is removed.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from .conftest import events_of

FOLDER = Path(__file__).resolve().parent / "paraphrases"
DEFAULT_PUBLISHED = "2025-06-14"


def _cases() -> list:
    cases = []
    for path in sorted(FOLDER.glob("*.toml")):
        for number, case in enumerate(tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])):
            name = case.get("name") or f"case{number}"
            # a class the engine does not handle yet, named as such: it must keep failing until it does
            marks = [pytest.mark.xfail(strict=True, reason=case["known_gap"])] if "known_gap" in case else []
            cases.append(pytest.param(case, id=f"{path.stem}:{name}", marks=marks))
    return cases


def _value(event, field: str):
    value = getattr(event, field, None)
    return value.isoformat() if hasattr(value, "isoformat") else value


def _agrees(event, wanted: dict) -> bool:
    """Whether an event agrees with every field a case names."""
    if event.type != wanted["type"]:
        return False
    for field, expected in wanted.items():
        if field == "type":
            continue
        if field == "undated":
            ok = (event.date is None) == bool(expected)
        elif field == "officials":
            ok = set(event.officials) == set(expected)
        elif field == "quote_contains":
            ok = expected.lower() in (event.quote or "").lower()
        elif field == "summary_contains":
            ok = expected.lower() in event.summary.lower()
        else:
            ok = _value(event, field) == expected
        if not ok:
            return False
    return True


def _describe(events) -> str:
    keys = ("type", "date", "date_end", "officials", "status", "mode", "rate", "sector", "target", "speaker",
            "quote", "duration_minutes", "round", "what")
    lines = []
    for event in events:
        shown = {k: _value(event, k) for k in keys if _value(event, k) not in (None, [], "")}
        lines.append(f"  {shown}")
    return "\n".join(lines) or "  (no events)"


@pytest.mark.parametrize("case", _cases())
def test_paraphrase(case):
    events = events_of(case["text"], case.get("published", DEFAULT_PUBLISHED))
    seen = f"{case.get('class', '')}\n{case['text']}\nevents:\n{_describe(events)}"
    free = list(events)
    for wanted in case.get("expect", []):
        match = next((e for e in free if _agrees(e, wanted)), None)
        assert match is not None, f"missing {wanted}\n{seen}"
        free.remove(match)
    for unwanted in case.get("forbid", []):
        assert not any(_agrees(e, unwanted) for e in events), f"forbidden {unwanted}\n{seen}"
    for kind, number in case.get("count", {}).items():
        assert sum(e.type == kind for e in events) == number, f"expected {number} {kind} events\n{seen}"
