"""Merging across articles: a telling meets only the events of its own days, so a large corpus stays cheap.

The date line (a Washington evening is the next Tokyo morning) is pinned in test_analyst_fields.py."""
from __future__ import annotations

from datetime import date, timedelta

from tariffs import merge
from tariffs.pipeline import timeline_of
from tariffs.read import ManifestEntry, RawArticle


def talks_on(day: date, number: int) -> RawArticle:
    text = f"Akazawa held talks with Lutnick in Washington on {day:%B} {day.day}."
    return RawArticle(f"a{number}", text, ManifestEntry(f"a{number}.txt", date(2025, 7, 31)))


def counted_comparisons(monkeypatch) -> list[int]:
    calls = [0]
    original = merge._same

    def counting(a, b, in_article):
        calls[0] += 1
        return original(a, b, in_article)

    monkeypatch.setattr(merge, "_same", counting)
    return calls


def test_talks_on_many_days_are_compared_only_with_their_neighbours(monkeypatch):
    days = [date(2025, month, day) for month in (5, 6) for day in range(1, 29)]
    calls = counted_comparisons(monkeypatch)
    timeline, _ = timeline_of([talks_on(day, n) for n, day in enumerate(days)])
    assert sorted(e.date for e in timeline.events) == days
    assert calls[0] <= 2 * len(days)  # a day either side, never the whole month (about 28 * 27 in all)


def test_one_meeting_told_by_many_articles_is_one_event_with_every_source_once():
    raws = [talks_on(date(2025, 6, 13), n) for n in range(300)]
    raws.append(RawArticle("b", "Akazawa held talks with Lutnick in Washington on June 13. "
                           "Akazawa held talks with Lutnick in Washington on June 13.",
                           ManifestEntry("b.txt", date(2025, 7, 31))))
    timeline, _ = timeline_of(raws)
    (meeting,) = timeline.events
    assert sorted(s.article for s in meeting.sources) == sorted([f"a{n}" for n in range(300)] + ["b"])


def test_a_reference_in_a_very_long_text_is_weighed_against_the_events_told_near_it(monkeypatch):
    days = [date(2025, 1, 1) + timedelta(days=n) for n in range(450)]
    told = " ".join(f"Akazawa held talks with Lutnick on {day:%B} {day.day}, {day.year}." for day in days)
    weighed: list[int] = []
    original = merge._best

    def recording(kept, cand, in_article):
        if in_article and cand.reference:
            weighed.append(len(kept))
        return original(kept, cand, in_article)

    monkeypatch.setattr(merge, "_best", recording)
    timeline, _ = timeline_of([RawArticle("long", told + " The talks were described as frank.",
                                          ManifestEntry("long.txt", date(2026, 6, 1)))])
    assert len([e for e in timeline.events if e.type == "meeting"]) == len(days)
    assert weighed and max(weighed) <= 2 * merge.RETELLING_REACH < len(days)
