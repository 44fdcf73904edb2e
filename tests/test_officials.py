"""Names, aliases, role phrases held on a date, groups and unnamed sources resolve to canonical names."""
from __future__ import annotations

from datetime import date

import pytest

from tariffs.mentions import read_article
from tariffs.officials import INSTITUTION, PERSON, UNNAMED
from tariffs.split import Sentence

JUNE = date(2025, 6, 14)


def find_mentions(text: str, on: date = JUNE) -> list:
    """The people, institutions and unnamed sources a sentence names (pronouns left out), in order."""
    (reading,) = read_article([Sentence("t", 0, 0, text)], on)
    return [m for m in reading.people if m.how != "pronoun"]


def names(text: str, on: date = JUNE) -> list[str | None]:
    return [n for m in find_mentions(text, on) for n in (m.names or (None,))]


def sentences(*texts: str, on: date = JUNE) -> list:
    return read_article([Sentence("t", n, n, t) for n, t in enumerate(texts)], on)


@pytest.mark.parametrize("phrase, expected", [
    ("Japan's top tariff negotiator arrived", "Ryosei Akazawa"),
    ("the economic revitalization minister arrived", "Ryosei Akazawa"),
    ("Akazawa Ryosei arrived", "Ryosei Akazawa"),
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
    assert names("Washington's lead negotiator spoke", date(2025, 4, 16))[-1] == "Scott Bessent"
    assert names("Japan's lead negotiator spoke", date(2025, 4, 16))[-1] == "Ryosei Akazawa"


def test_title_and_name_side_by_side_are_one_mention():
    found = find_mentions("U.S. Commerce Secretary Howard Lutnick met him", JUNE)
    assert [(m.kind, m.names) for m in found] == [(PERSON, ("Howard Lutnick",))]


def test_two_leaders_are_both_leaders():
    assert names("the two leaders agreed", JUNE) == ["Shigeru Ishiba", "Donald Trump"]


def test_institutions_and_pointing_back():
    found = find_mentions("Japan's foreign ministry said so, and a ministry statement added more", JUNE)
    assert [(m.kind, m.names) for m in found] == [(INSTITUTION, ("Ministry of Foreign Affairs of Japan",))] * 2


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
    assert found and found[0].kind == UNNAMED and found[0].names == ()


def test_a_role_noun_points_back_to_the_latest_person_who_fits():
    _first, second = sentences("Economic Revitalization Minister Ryosei Akazawa met Lutnick.", "The minister said talks went well.")
    assert [m.names for m in second.people] == [("Ryosei Akazawa",)]


def test_he_is_the_subject_him_is_not():
    (reading,) = sentences("Akazawa spoke with Lutnick after meeting him the day before.")
    him = next(m for m in reading.people if m.how == "pronoun")
    assert him.names == ("Howard Lutnick",)


def test_she_is_a_woman_of_the_directory():
    _, second = sentences("Prime Minister Sanae Takaichi met Trump on Tuesday.", "She said the talks were warm.",
                          on=date(2025, 10, 28))
    assert second.people[0].names == ("Sanae Takaichi",)


def test_they_are_the_people_named_together():
    _, second = sentences("Akazawa spoke with Lutnick by phone.", "They agreed to talk again.")
    assert set(second.people[0].names) == {"Ryosei Akazawa", "Howard Lutnick"}


@pytest.mark.parametrize("text", [
    ("Akazawa flew in on Sunday. On Monday he had talks with Lutnick and Bessent in turn, and he phoned Greer "
    "in the evening."),
    ("The week belonged to Ryosei Akazawa. In Washington he saw the commerce secretary and Bessent, and he "
    "called Greer for twenty minutes a day later."),
])
def test_he_after_two_joined_objects_is_the_subject_not_the_second_object(text):
    from .conftest import events_of

    calls = [e for e in events_of(text) if e.type == "meeting" and "Jamieson Greer" in e.officials]
    assert calls and all("Ryosei Akazawa" in e.officials and "Scott Bessent" not in e.officials for e in calls)


def test_his_twice_in_a_sentence_without_a_subject_is_one_person():
    from .conftest import events_of

    text = ("The summit statement welcomed the work of Ryosei Akazawa, among it his talks with Commerce "
            "Secretary Howard Lutnick and Treasury Secretary Scott Bessent on June 13, and his telephone talk "
            "with Secretary Lutnick on the next day.")
    calls = [e for e in events_of(text, "2025-06-17") if e.type == "meeting" and e.mode == "phone"]
    assert [(e.officials, e.date.isoformat()) for e in calls] == [(["Ryosei Akazawa", "Howard Lutnick"], "2025-06-14")]


def test_a_later_he_stays_with_the_first_he_not_with_the_him_between():
    sentences = ["Late June brought another trip for Akazawa.",
                 ("He saw Lutnick on June 27 and phoned him the next day, though a session he wanted with "
                 "Bessent never came about.")]
    readings = read_article([Sentence("t", n, 0, text) for n, text in enumerate(sentences)], JUNE)
    pronouns = [(m.names, readings[1].tokens[m.first].key) for m in readings[1].people if m.how == "pronoun"]
    assert pronouns == [(("Ryosei Akazawa",), "he"), (("Howard Lutnick",), "him"), (("Ryosei Akazawa",), "he")]


def test_a_meeting_that_never_came_about_is_not_held():
    from .conftest import events_of

    meetings = [e for e in events_of("Akazawa saw Lutnick on Friday, while a session he wanted with Bessent never "
                                     "came about.") if e.type == "meeting" and "Scott Bessent" in e.officials]
    assert all(e.status != "held" for e in meetings)


def test_the_same_two_officials_met_by_someone_are_the_last_pair_without_them():
    from .conftest import events_of

    text = ("Next Friday Akazawa will see Treasury Secretary Scott Bessent and Commerce Secretary Howard Lutnick. "
            "Afterwards Akazawa and Lutnick may talk by phone. "
            "Akazawa sat down with the same two officials in Washington last Friday.")
    (past,) = [e for e in events_of(text, "2025-06-03") if e.type == "meeting" and e.status == "held"]
    assert sorted(past.officials) == ["Howard Lutnick", "Ryosei Akazawa", "Scott Bessent"]


def test_after_only_then_did_the_subject_follows_the_auxiliary():
    sentences = ["Akazawa waited in the lobby for an hour.",
                 "Only later did Akazawa see Bessent and Greer for the first round.",
                 "\"It was a long morning,\" he told reporters."]
    readings = read_article([Sentence("t", n, 0, text) for n, text in enumerate(sentences)], JUNE)
    he = [m.names for m in readings[2].people if readings[2].tokens[m.first].key == "he"]
    assert he == [("Ryosei Akazawa",)]
