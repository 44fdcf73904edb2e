"""Names, aliases, role phrases held on a date, groups and unnamed sources resolve to canonical names."""
from __future__ import annotations

from datetime import date

import pytest

from tariffs.officials import INSTITUTION, PERSON, UNNAMED, find_mentions

JUNE = date(2025, 6, 14)


def names(text: str, on: date = JUNE, recent: tuple[str, ...] = ()) -> list[str | None]:
    return [m.name for m in find_mentions(text, on, recent)]


@pytest.mark.parametrize("phrase, expected", [
    ("Japan's top tariff negotiator arrived", "Ryosei Akazawa"),
    ("the economic revitalization minister arrived", "Ryosei Akazawa"),
    ("Akazawa Ryosei arrived", "Ryosei Akazawa"),
    ("the Japanese minister arrived", "Ryosei Akazawa"),
    ("the commerce secretary arrived", "Howard Lutnick"),
    ("the Treasury chief arrived", "Scott Bessent"),
    ("the U.S. trade representative arrived", "Jamieson Greer"),
    ("the chief cabinet secretary arrived", "Yoshimasa Hayashi"),
    ("the prime minister arrived", "Shigeru Ishiba"),
    ("the president arrived", "Donald Trump"),
    ("Ishiba Shigeru arrived", "Shigeru Ishiba"),
])
def test_role_phrases_and_aliases(phrase, expected):
    assert names(phrase) == [expected]


def test_a_role_belongs_to_whoever_held_it_that_day():
    assert names("the prime minister spoke", on=date(2025, 11, 5)) == ["Sanae Takaichi"]
    assert names("the prime minister spoke", on=date(2025, 6, 1)) == ["Shigeru Ishiba"]


def test_a_country_word_picks_whose_negotiator():
    spoken = find_mentions("Washington's lead negotiator spoke", date(2025, 4, 16))
    assert spoken[-1].name == "Scott Bessent"
    assert find_mentions("Japan's lead negotiator spoke", date(2025, 4, 16))[-1].name == "Ryosei Akazawa"


def test_title_and_name_side_by_side_are_one_mention():
    found = find_mentions("U.S. Commerce Secretary Howard Lutnick met him", JUNE)
    assert [(m.kind, m.name) for m in found] == [(PERSON, "Howard Lutnick")]


def test_two_leaders_are_both_leaders():
    assert names("the two leaders agreed", JUNE) == ["Shigeru Ishiba", "Donald Trump"]


def test_institutions_and_pointing_back():
    found = find_mentions("Japan's foreign ministry said so, and a ministry statement added more", JUNE)
    assert [(m.kind, m.name) for m in found] == [(INSTITUTION, "Ministry of Foreign Affairs of Japan")] * 2


def test_a_capital_as_a_place_is_not_a_speaker():
    assert names("He arrived in Washington on Friday") == []
    assert names("Washington said it would respond") == ["Government of the United States"]


@pytest.mark.parametrize("text", [
    "a senior Japanese government official said",
    "two people familiar with the talks said",
    "a source close to the matter said",
])
def test_unnamed_sources_have_no_name(text):
    found = find_mentions(text, JUNE)
    assert found and found[0].kind == UNNAMED and found[0].name is None
