"""The date layer: each expression is read by a rule, then resolved against its anchor in the tense of its event.

Every anchor here is Saturday 2025-06-14 unless a test says otherwise.
"""
from __future__ import annotations

from datetime import date

import pytest

from tariffs.dates import find_timexes
from tariffs.resolve import FUTURE, PAST, Anchor, entry_anchors, resolve

SATURDAY = date(2025, 6, 14)


def days(text: str, tense: str | None = None, anchor: date = SATURDAY, reference: date | None = None,
         zone: str | None = None, clock: Anchor | None = None):
    """The first and last day the last date expression of `text` names (last None for one day)."""
    timexes = find_timexes(text)
    assert timexes, f"no date found in {text!r}"
    span = resolve(timexes[-1], clock or Anchor(anchor), tense, reference, zone)
    return (span.start, span.end) if span else None


@pytest.mark.parametrize("text, tense, expected", [
    ("The envoy said on Thursday that talks went well.", PAST, (date(2025, 6, 12), None)),
    ("Officials met on Saturday.", PAST, (date(2025, 6, 14), None)),
    ("The pair spoke last Thursday.", PAST, (date(2025, 6, 12), None)),
    ("They will meet next Wednesday.", FUTURE, (date(2025, 6, 18), None)),
    ("The ministers are expected to meet on Tuesday.", FUTURE, (date(2025, 6, 17), None)),
    ("The minister spoke late Friday.", PAST, (date(2025, 6, 13), None)),
    ("Leaders met on Monday night.", PAST, (date(2025, 6, 9), None)),
    ("The rates take effect Thursday.", None, (date(2025, 6, 12), None)),
])
def test_a_weekday_looks_back_or_ahead_by_its_tense(text, tense, expected):
    assert days(text, tense) == expected


@pytest.mark.parametrize("text, tense, expected", [
    ("The plan was announced April 2.", PAST, (date(2025, 4, 2), None)),
    ("The pause ends Aug. 7.", FUTURE, (date(2025, 8, 7), None)),
    ("The summit runs June 15-17.", FUTURE, (date(2025, 6, 15), date(2025, 6, 17))),
    ("The summit runs from June 15 to 17.", FUTURE, (date(2025, 6, 15), date(2025, 6, 17))),
    ("They first met on Feb. 7.", PAST, (date(2025, 2, 7), None)),
    ("They met on 3 March.", PAST, (date(2025, 3, 3), None)),
    ("The accord of October 1, 2024 stands.", None, (date(2024, 10, 1), None)),
    ("The pause was due to expire on July ninth.", FUTURE, (date(2025, 7, 9), None)),
])
def test_calendar_dates(text, tense, expected):
    assert days(text, tense) == expected


def test_a_year_less_date_follows_the_tense_across_new_year():
    assert days("A pact is due on January 10.", FUTURE, anchor=date(2025, 10, 1)) == (date(2026, 1, 10), None)
    assert days("The pact was signed on November 20.", PAST, anchor=date(2026, 1, 5)) == (date(2025, 11, 20), None)


@pytest.mark.parametrize("text, tense, expected", [
    ("A deal is eyed by mid-June.", FUTURE, (date(2025, 6, 11), date(2025, 6, 20))),
    ("He may travel in late July.", FUTURE, (date(2025, 7, 21), date(2025, 7, 31))),
    ("Talks began in early May.", PAST, (date(2025, 5, 1), date(2025, 5, 10))),
    ("Exports fell in April.", PAST, (date(2025, 4, 1), date(2025, 4, 30))),
    ("A visit is planned early next week.", FUTURE, (date(2025, 6, 16), date(2025, 6, 18))),
    ("They spoke earlier this week.", PAST, (date(2025, 6, 9), date(2025, 6, 14))),
    ("Officials met last week.", PAST, (date(2025, 6, 2), date(2025, 6, 8))),
    ("A vote is due next week.", FUTURE, (date(2025, 6, 16), date(2025, 6, 22))),
    ("The leaders met last month.", PAST, (date(2025, 5, 1), date(2025, 5, 31))),
    ("A second round is due within the month.", FUTURE, (date(2025, 6, 14), date(2025, 6, 30))),
    ("Results are expected next month.", FUTURE, (date(2025, 7, 1), date(2025, 7, 31))),
    ("He stays in Washington this weekend.", FUTURE, (date(2025, 6, 14), date(2025, 6, 15))),
])
def test_spans_keep_their_extent(text, tense, expected):
    assert days(text, tense) == expected


def test_a_year_less_month_in_the_past_is_not_next_year():
    """'since returning to office in January', told in August, is this January."""
    assert days("He has raised tariffs since returning to office in January.", PAST, anchor=date(2025, 8, 7)) == \
        (date(2025, 1, 1), date(2025, 1, 31))


@pytest.mark.parametrize("text, expected", [
    ("He had met her a day earlier.", (date(2025, 6, 12), None)),
    ("They had dined the previous day.", (date(2025, 6, 12), None)),
    ("A call followed the next day.", (date(2025, 6, 14), None)),
    ("They met again two days later.", (date(2025, 6, 15), None)),
    ("On the same day, they spoke by phone.", (date(2025, 6, 13), None)),
])
def test_days_counted_from_the_story(text, expected):
    assert days(text, PAST, reference=date(2025, 6, 13)) == expected


def test_a_day_after_a_clause_dates_that_clause_one_day_back():
    (shift,) = [t for t in find_timexes("The call came a day after they met in person.") if t.kind == "shift"]
    span = resolve(shift, Anchor(SATURDAY), PAST, date(2025, 6, 14))
    assert (span.start, span.end) == (date(2025, 6, 13), None)


def test_about_ten_days_is_a_few_days_either_side():
    start, end = days("The leaders meet in about 10 days.", FUTURE)
    assert start <= date(2025, 6, 24) <= end and (end - start).days <= 6


def test_may_the_verb_is_not_a_month():
    assert [t.text for t in find_timexes("He may go in May, Mayor Ito said.")] == ["in May"]


def test_today_and_yesterday():
    assert days("Ministers met yesterday.") == (date(2025, 6, 13), None)
    assert days("The cabinet meets today.") == (date(2025, 6, 14), None)


def test_two_weekdays_make_a_span():
    assert days("They held talks on Wednesday and Thursday.", PAST) == (date(2025, 6, 11), date(2025, 6, 12))
    assert days("The summit runs from Sunday to Tuesday.", FUTURE, anchor=date(2025, 6, 15)) == \
        (date(2025, 6, 15), date(2025, 6, 17))


def test_a_month_last_year_is_last_year():
    assert days("The deal was reached in July last year.", PAST, anchor=date(2026, 2, 13)) == (date(2025, 7, 1), date(2025, 7, 31))


def test_every_date_keeps_its_precision():
    anchor = Anchor(SATURDAY)
    precision = {text: resolve(find_timexes(text)[-1], anchor, PAST).precision for text in
                 ("They met on Friday.", "They met this weekend.", "They met last week.", "They met in late May.",
                  "They met in May.", "They met last year.")}
    assert list(precision.values()) == ["day", "weekend", "week", "part_of_month", "month", "year"]


def test_an_evening_in_washington_is_already_the_next_day_in_tokyo():
    """A story stamped Tuesday 10:12 p.m. ET: 'Wednesday' in Tokyo is the next day, not a week back."""
    tuesday_evening = Anchor(date(2025, 7, 22), "ET", 22)
    assert days("In Tokyo, Ishiba spoke on Wednesday.", PAST, clock=tuesday_evening, zone="JST") == (date(2025, 7, 23), None)
    assert days("In Tokyo, Ishiba spoke on Wednesday.", PAST, clock=tuesday_evening) == (date(2025, 7, 16), None)


def test_a_live_blog_entry_is_dated_by_its_own_stamp():
    anchors, entries = entry_anchors(["Story begins.", "9:55 PM EDT", "Akazawa said Thursday evening ..."],
                                     Anchor(date(2025, 8, 7)))
    assert anchors[2] == Anchor(date(2025, 8, 7), "ET", 21) and entries == {2}


def test_a_live_blog_stamp_with_its_day_after_the_time_dates_its_entry():
    anchors, _ = entry_anchors(["Latest first.", "08:10 PDT, Oct. 27, 2025", "Leaders meet tomorrow.",
                                "18:30 PDT, Oct. 26, 2025", "Ishiba lands tomorrow."], Anchor(date(2025, 10, 27)))
    assert (anchors[2].day, anchors[4].day, anchors[4].zone, anchors[4].hour) == (
        date(2025, 10, 27), date(2025, 10, 26), "ET", 18)


def test_a_time_of_day_alone_takes_the_day_the_story_is_telling():
    from .conftest import events_of

    text = ("Akazawa called on Trump at the White House on Thursday. In the evening he sat down with Commerce "
            "Secretary Howard Lutnick, and the two signed a memorandum.")
    (evening,) = [e for e in events_of(text, "2025-09-05") if e.type == "meeting" and "Howard Lutnick" in e.officials]
    assert evening.date.isoformat() == "2025-09-04"


@pytest.mark.parametrize("ahead", [
    "before a summit set for March 19",
    pytest.param("as the two sides gear up for a summit on the 19th", marks=pytest.mark.xfail(strict=True, reason=(
        "known gap: an occasion made ready for in a present-tense 'as' clause takes the past tense of the "
        "sentence's main verb, so its day is read as past and the story moves there; the same happens with "
        "'on Thursday' or 'on March 19' in its place ('the 19th' was no date at all before day_of_month_alone)"))),
])
def test_an_event_told_as_ahead_does_not_move_the_story(ahead):
    from .conftest import events_of

    text = (f"Akazawa met Lutnick in Washington on Friday, {ahead}. Speaking to reporters afterward, Akazawa said "
            "the talks had been frank.")
    (said,) = [e for e in events_of(text, "2026-03-07") if e.type == "statement"]
    assert (said.date.isoformat(), said.date_end) == ("2026-03-06", None)


def test_a_summit_being_prepared_for_is_planned():
    from .conftest import events_of

    text = "Officials in both capitals are preparing for a summit between Takaichi and Trump on March 19."
    assert [e.status for e in events_of(text, "2026-03-07") if e.type == "meeting"] == ["planned"]


def test_a_clause_set_at_a_dated_occasion_shares_its_date():
    from .conftest import events_of

    text = ("Here is a digest of Tuesday's hearing of the upper house trade committee, where the prime minister "
            "and Akazawa answered questions for three hours.")
    said = [e for e in events_of(text, "2025-08-07") if e.type == "statement"]
    assert said and {e.date.isoformat() for e in said} == {"2025-08-05"}


def test_a_when_clause_takes_the_occasion_told_just_before_it_not_an_earlier_date():
    from .conftest import events_of

    text = ("Takaichi will see Trump later in March, their first meeting since his trip to Tokyo in October, when "
            "they signed two documents on the trade deal.")
    deals = [e for e in events_of(text, "2026-03-02") if e.type == "agreement"]
    assert deals and all(e.date.month == 10 for e in deals)


def test_talks_right_after_a_sentence_that_only_sets_the_day_happen_on_that_day():
    from .conftest import events_of

    text = ("On Monday, Oct. 20, the finance minister flew to Washington. The following day it was the trade "
            "minister's turn to travel. Akazawa, appointed that spring, held talks with Lutnick for an hour.")
    (talks,) = [e for e in events_of(text, "2025-11-02") if e.type == "meeting"]
    assert talks.date.isoformat() == "2025-10-21"


def test_a_background_sentence_after_a_dated_scene_does_not_take_its_day():
    from .conftest import events_of

    text = ("The following day it was the trade minister's turn. Akazawa has met Lutnick many times since April.")
    assert all(e.date is None or e.date.month == 4 for e in events_of(text, "2025-11-02") if e.type == "meeting")


def test_earlier_in_the_day_never_counts_from_a_day_still_ahead():
    from .conftest import events_of

    text = ("Akazawa met Trump at the White House on Thursday. Japan must invest the money by Jan. 19, 2029, the "
            "order says. Earlier in the day Akazawa said on social media that a long road was nearly over.")
    said = [e for e in events_of(text, "2025-09-05") if e.type == "statement" and e.speaker == "Ryosei Akazawa"]
    assert said and all(e.date is not None and e.date.year == 2025 for e in said)


def test_a_statement_dated_the_next_day_in_a_later_clause_counts_from_the_talks_before_it():
    from .conftest import events_of

    text = ("On June 3 Akazawa was back in Washington for another round, meeting Lutnick, and the Commerce "
            "Department said in a statement the next day that the talks had been productive.")
    said = [e for e in events_of(text, "2025-07-20") if e.type == "statement"]
    assert [e.date.isoformat() for e in said] == ["2025-06-04"]


def test_days_after_an_occasion_the_story_just_dated_count_from_it():
    from .conftest import events_of

    text = ("The lower house vote on July 20 ended the ruling bloc's majority. Three days after the vote, Akazawa "
            "sat down with Lutnick in Washington.")
    (talks,) = [e for e in events_of(text, "2026-01-10") if e.type == "meeting"]
    assert talks.date.isoformat() == "2025-07-23"


def test_a_dated_occasion_named_after_a_preposition_does_not_move_the_story():
    from .conftest import events_of

    text = ("Ahead of the summit on July 20 the aides drafted a text. Two days later, Akazawa sat down with Lutnick.")
    (talks,) = [e for e in events_of(text, "2025-07-10") if e.type == "meeting"]
    assert talks.date is None or talks.date.isoformat() != "2025-07-22"
