"""Every pattern file carries its own examples: each positive must be read through its pattern, each negative not.

Date rules (lexicon/dates.toml) are checked on their own; event triggers
(lexicon/<type>.toml) through the whole engine, sentence in, candidates out,
so a trigger's example passes only when clauses, mentions, modality and slots
all let it through.
"""
from __future__ import annotations

from datetime import date

import pytest

from tariffs import lexicon
from tariffs.dates import find_timexes, rules
from tariffs.events import TYPES
from tariffs.kinds import read_events
from tariffs.mentions import read_article
from tariffs.merge import merge_article
from tariffs.resolve import Anchor, govern
from tariffs.split import Sentence

DAY = date(2025, 6, 14)


def _date_examples():
    for rule in rules():
        for text in rule.examples:
            yield pytest.param(rule.name, text, True, id=f"{rule.name}+{text[:30]}")
        for text in rule.negatives:
            yield pytest.param(rule.name, text, False, id=f"{rule.name}-{text[:30]}")


@pytest.mark.parametrize("name, text, read", list(_date_examples()))
def test_date_rule_examples(name, text, read):
    assert any(t.rule == name for t in find_timexes(text)) == read


def _trigger_examples():
    for kind in TYPES:
        for trigger in lexicon.load(kind).get("trigger", []):
            for text in trigger.get("examples", []):
                yield pytest.param(kind, trigger["name"], text, True, id=f"{kind}.{trigger['name']}+{text[:30]}")
            for text in trigger.get("negatives", []):
                yield pytest.param(kind, trigger["name"], text, False, id=f"{kind}.{trigger['name']}-{text[:30]}")


def patterns_read(text: str, day: date = DAY) -> set[tuple[str, str]]:
    """The (type, pattern) of every event a text yields: candidates dated and merged within the text."""
    readings = read_article([Sentence("t", 0, 0, text)], day)
    candidates = read_events(readings)
    govern(candidates, {0: Anchor(day)}, day)
    return {(c.type, c.pattern) for c in merge_article(candidates)}


@pytest.mark.parametrize("kind, name, text, read", list(_trigger_examples()))
def test_trigger_examples(kind, name, text, read):
    assert ((kind, name) in patterns_read(text)) == read


def test_every_pattern_names_its_class_and_carries_examples():
    for kind in TYPES:
        for trigger in lexicon.load(kind).get("trigger", []):
            assert trigger.get("covers") and trigger.get("examples"), f"{kind}.{trigger['name']}"
    for rule in rules():
        assert rule.covers and rule.examples, rule.name


def _instrument_examples():
    from tariffs.instruments import instrument_examples

    for kind, text, named in instrument_examples():
        yield pytest.param(kind, text, named, id=f"{kind}{'+' if named else '-'}{text[:30]}")


@pytest.mark.parametrize("kind, text, named", list(_instrument_examples()))
def test_instrument_examples(kind, text, named):
    from tariffs.instruments import find_instrument

    found = find_instrument(text)
    assert (found is not None and found["kind"] == kind) == named


def _effective_examples():
    table = lexicon.load("tariff")["effective"]
    yield from (pytest.param(text, True, id=f"effective+{text[:30]}") for text in table["examples"])
    yield from (pytest.param(text, False, id=f"effective-{text[:30]}") for text in table["negatives"])


@pytest.mark.parametrize("text, starts", list(_effective_examples()))
def test_effective_cue_examples(text, starts):
    from tests.conftest import events_of

    steps = [s for e in events_of(text, "2025-07-08") if e.type == "tariff" for s in e.steps]
    assert steps and any(s.effective is not None for s in steps) == starts
