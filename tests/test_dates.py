"""Each date form resolves against the publication date (2025-06-14 is a Saturday)."""
from __future__ import annotations

from datetime import date

import pytest

from tariffs.dates import find_dates
from tariffs.resolve import resolve_mention

SATURDAY = date(2025, 6, 14)


def resolved(text: str, anchor: date = SATURDAY, reference: date | None = None):
    mentions = find_dates(text)
    assert mentions, f"no date found in {text!r}"
    return resolve_mention(mentions[-1], anchor, reference)


@pytest.mark.parametrize("text, expected", [
    ("The envoy said on Thursday that talks went well.", (date(2025, 6, 12), None)),
    ("Officials said Friday the plan was ready.", (date(2025, 6, 13), None)),
    ("Officials met on Saturday.", (date(2025, 6, 14), None)),
    ("The pair spoke last Thursday.", (date(2025, 6, 5), None)),
    ("They will meet next Wednesday.", (date(2025, 6, 18), None)),
    ("The ministers are expected to meet on Tuesday.", (date(2025, 6, 17), None)),
    ("Talks are set to resume on Monday.", (date(2025, 6, 16), None)),
    ("The minister spoke late Friday.", (date(2025, 6, 13), None)),
    ("Leaders met on Monday night.", (date(2025, 6, 9), None)),
])
def test_weekdays(text, expected):
    assert resolved(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The plan was announced April 2.", (date(2025, 4, 2), None)),
    ("The pause ends Aug. 7.", (date(2025, 8, 7), None)),
    ("A new rate starts Sept 4.", (date(2025, 9, 4), None)),
    ("The summit runs June 15-17.", (date(2025, 6, 15), date(2025, 6, 17))),
    ("The summit runs from June 15 to 17.", (date(2025, 6, 15), date(2025, 6, 17))),
    ("They first met on Feb. 7.", (date(2025, 2, 7), None)),
    ("They met on 3 March.", (date(2025, 3, 3), None)),
    ("The accord of October 1, 2024 stands.", (date(2024, 10, 1), None)),
    ("A pact is due on January 10.", (date(2026, 1, 10), None)),
])
def test_calendar_dates(text, expected):
    assert resolved(text, anchor=date(2025, 10, 1) if "January" in text or "October" in text else SATURDAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("A deal is eyed by mid-June.", (date(2025, 6, 11), date(2025, 6, 20))),
    ("He may travel in late July.", (date(2025, 7, 21), date(2025, 7, 31))),
    ("Talks began in early May.", (date(2025, 5, 1), date(2025, 5, 10))),
    ("Exports fell in April.", (date(2025, 4, 1), date(2025, 4, 30))),
    ("A visit is planned early next week.", (date(2025, 6, 16), date(2025, 6, 18))),
    ("They spoke earlier this week.", (date(2025, 6, 9), date(2025, 6, 14))),
    ("Officials met last week.", (date(2025, 6, 2), date(2025, 6, 8))),
    ("A vote is due next week.", (date(2025, 6, 16), date(2025, 6, 22))),
    ("The leaders met last month.", (date(2025, 5, 1), date(2025, 5, 31))),
    ("A second round is due within the month.", (date(2025, 6, 14), date(2025, 6, 30))),
    ("Results are expected next month.", (date(2025, 7, 1), date(2025, 7, 31))),
])
def test_spans(text, expected):
    assert resolved(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He had met her a day earlier.", (date(2025, 6, 12), None)),
    ("They had dined the previous day.", (date(2025, 6, 12), None)),
    ("A call followed the next day.", (date(2025, 6, 14), None)),
    ("They met again two days later.", (date(2025, 6, 15), None)),
    ("He had said so that morning.", (date(2025, 6, 13), None)),
])
def test_days_counted_from_the_story(text, expected):
    assert resolved(text, reference=date(2025, 6, 13)) == expected


def test_a_day_after_a_clause_dates_what_follows_it_one_day_back():
    (mention,) = [m for m in find_dates("The call came a day after they met in person.") if m.clause]
    assert resolve_mention(mention, SATURDAY, date(2025, 6, 14)) == (date(2025, 6, 13), None)


def test_about_ten_days_is_a_few_days_either_side():
    start, end = resolved("The leaders meet in about 10 days.")
    assert start <= date(2025, 6, 24) <= end and (end - start).days <= 6


def test_a_three_day_summit_spans_three_days():
    assert resolved("They meet at the three-day summit, which starts on June 15.") == (date(2025, 6, 15), date(2025, 6, 17))


def test_may_the_verb_is_not_a_month():
    assert [m.text for m in find_dates("He may go in May, Mayor Ito said.")] == ["in May"]


def test_today_and_yesterday():
    assert resolved("Ministers met yesterday.") == (date(2025, 6, 13), None)
    assert resolved("The cabinet meets today.") == (date(2025, 6, 14), None)


def test_two_weekdays_make_a_span():
    assert resolved("They held talks on Wednesday and Thursday.") == (date(2025, 6, 11), date(2025, 6, 12))
    assert resolved("The summit runs from Sunday to Tuesday.", anchor=date(2025, 6, 15)) == (date(2025, 6, 15), date(2025, 6, 17))


def test_a_month_last_year_is_last_year():
    assert resolved("The deal was reached in July last year.", anchor=date(2026, 2, 13)) == (date(2025, 7, 1), date(2025, 7, 31))
    assert resolved("A summit is set for April 3 next year.", anchor=date(2025, 11, 1)) == (date(2026, 4, 3), None)
