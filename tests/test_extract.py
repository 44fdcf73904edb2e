"""Sentences in, events out: meetings, statements, agreements, deadlines, and one event per fact.

Every article here is published on Saturday 2025-06-14 unless it says otherwise.
"""
from __future__ import annotations

from datetime import date

import pytest

from tariffs.pipeline import timeline_of
from tariffs.read import ManifestEntry, RawArticle

from .conftest import events_of, only


def meetings(text: str, published: str = "2025-06-14"):
    return only(events_of(text, published), "meeting")


def statements(text: str, published: str = "2025-06-14"):
    return only(events_of(text, published), "statement")


# ---------------------------------------------------------------- meetings


def test_a_phone_call_with_its_day_length_and_people():
    (call,) = meetings("Japan's top tariff negotiator spoke with the commerce secretary by phone for some 40 minutes on Friday.")
    assert (call.date, call.mode, call.status, call.duration_minutes) == (date(2025, 6, 13), "phone", "held", 40)
    assert set(call.officials) == {"Ryosei Akazawa", "Howard Lutnick"}


def test_two_calls_on_one_day_are_two_events():
    text = ("Akazawa held two phone calls with Lutnick on Friday. "
            "He spoke to Lutnick for about 10 minutes in the morning and about 25 minutes at night, the government said.")
    found = meetings(text)
    assert sorted(m.duration_minutes for m in found) == [10, 25]
    assert {m.date for m in found} == {date(2025, 6, 13)}


def test_each_duration_takes_the_day_after_it():
    text = "Akazawa has spoken with Lutnick by phone twice, for about 30 minutes last Thursday and for about an hour on Tuesday."
    found = sorted((m.date, m.duration_minutes) for m in meetings(text, "2025-06-18"))
    assert found == [(date(2025, 6, 12), 30), (date(2025, 6, 17), 60)]


def test_separately_means_one_meeting_per_counterpart():
    text = "Akazawa met Treasury Secretary Scott Bessent and Commerce Secretary Howard Lutnick separately in Washington on Friday."
    found = meetings(text)
    assert sorted(tuple(sorted(m.officials)) for m in found) == [("Howard Lutnick", "Ryosei Akazawa"), ("Ryosei Akazawa", "Scott Bessent")]
    assert all(m.location == "Washington" for m in found)


def test_a_day_after_dates_the_meeting_in_its_clause():
    text = ("Akazawa spoke with Lutnick by phone on Saturday, the government said. "
            "The call came a day after they held a meeting that lasted about two hours.")
    held = [m for m in meetings(text) if m.mode == "in_person"]
    assert [(m.date, m.duration_minutes) for m in held] == [(date(2025, 6, 13), 120)]


def test_a_meeting_ahead_is_planned_and_dated():
    (plan,) = meetings("Akazawa is expected to meet Commerce Secretary Howard Lutnick on Tuesday.")
    assert (plan.status, plan.date) == ("planned", date(2025, 6, 17))


def test_a_proposed_trip_early_next_week():
    (trip,) = meetings("Tokyo wants to send its top tariff negotiator to Washington for a ninth round of talks early next week.")
    assert (trip.status, trip.round, trip.date, trip.date_end) == ("proposed", 9, date(2025, 6, 16), date(2025, 6, 18))
    assert trip.officials == ["Ryosei Akazawa"]


def test_an_intention_without_a_day_is_not_on_the_timeline():
    assert meetings("He said he may travel to Washington again at some point.") == []


def test_after_the_meeting_is_not_a_new_meeting():
    text = "Akazawa met Lutnick in Washington on Friday. After the meeting, Akazawa told reporters the talks were useful."
    assert len(meetings(text)) == 1


def test_the_meeting_lasted_adds_to_the_meeting_before():
    (meeting,) = meetings("Akazawa held talks with Trump at the White House on Friday. The meeting lasted about 45 minutes.")
    assert (meeting.duration_minutes, meeting.location) == (45, "White House")


def test_a_relative_clause_names_who_met():
    text = "Akazawa, who met with Lutnick on Thursday, said the gap had narrowed."
    (meeting,) = meetings(text)
    assert set(meeting.officials) == {"Ryosei Akazawa", "Howard Lutnick"} and meeting.date == date(2025, 6, 12)


def test_talks_with_a_country_are_a_topic_not_a_meeting():
    assert meetings("Ishiba on Friday expressed confidence that negotiations with the United States were moving ahead.") == []


# ---------------------------------------------------------------- statements


def test_a_quote_over_several_sentences_with_he_said_after_it():
    text = ('Hayashi spoke at a news conference on Friday. '
            '"We will keep talking. Our position has not changed," he said.')
    (said,) = [s for s in statements(text) if s.speaker]
    assert said.speaker == "Yoshimasa Hayashi" and said.date == date(2025, 6, 13)
    assert said.quote == "We will keep talking. Our position has not changed"


def test_one_speaker_one_occasion_one_statement():
    text = ('Ishiba told reporters on Thursday that Japan would not rush. '
            '"We will protect our national interest," Ishiba said. He added that talks would go on.')
    (said,) = statements(text)
    assert said.speaker == "Shigeru Ishiba" and len(said.sources) == 3


def test_a_later_occasion_the_same_day_is_its_own_statement():
    text = ('Trump announced the rate on Monday in a letter. '
            'Trump told reporters later on Monday that the date was "firm."')
    assert len([s for s in statements(text, "2025-06-17") if s.speaker == "Donald Trump"]) == 2


def test_an_institution_speaks():
    (said,) = statements('Bessent "stressed the alliance," the Treasury Department said in a statement.')
    assert said.speaker == "U.S. Department of the Treasury"


def test_an_unnamed_source_has_no_speaker():
    (said,) = statements("A deal is close, a senior government official said on Friday.")
    assert said.speaker is None


def test_a_verb_inside_a_report_is_not_its_own_statement():
    found = statements("The Nikkei newspaper reported on Friday that the U.S. side warned Tokyo about car quotas.")
    assert [s.speaker for s in found] == ["Nikkei"]


def test_a_possessive_is_not_a_speaker():
    assert statements("Under Trump's tariff plan, announced April 2, most countries face a 10% levy.") == []


# ---------------------------------------------------------------- agreements and deadlines


def test_a_deal_agreed_in_late_july():
    (deal,) = only(events_of("Officials insisted both countries were aligned on the trade deal agreed in late July.", "2025-08-10"), "agreement")
    assert (deal.status, deal.date, deal.date_end) == ("reached", date(2025, 7, 21), date(2025, 7, 31))


def test_next_wednesdays_deadline():
    (due,) = only(events_of("Tokyo wants a deal ahead of next Wednesday's deadline for the 90-day pause.", "2025-07-03"), "deadline")
    assert due.date == date(2025, 7, 9)


def test_suspended_until_is_a_deadline():
    (due,) = only(events_of("The higher rate has been suspended until July 9."), "deadline")
    assert due.date == date(2025, 7, 9)


# ---------------------------------------------------------------- merging


def test_two_articles_on_one_meeting_give_one_event_with_both_sources():
    raws = [RawArticle("a", "Akazawa met Lutnick in Washington on Friday.", ManifestEntry("a.txt", date(2025, 6, 14))),
            RawArticle("b", "The economic revitalization minister held talks with Lutnick on June 13.", ManifestEntry("b.txt", date(2025, 6, 16)))]
    timeline, _ = timeline_of(raws)
    (meeting,) = only(timeline.events, "meeting")
    assert meeting.date == date(2025, 6, 13) and {s.article for s in meeting.sources} == {"a", "b"}


def test_event_ids_are_stable_across_runs():
    text = "Akazawa met Lutnick in Washington on Friday. Japan faces a 25% tariff on cars."
    assert [e.id for e in events_of(text)] == [e.id for e in events_of(text)]


def test_a_numbered_round_carries_to_the_trip_s_other_meetings():
    text = ("Akazawa arrived in Washington on Wednesday for his fourth round of talks. "
            "He met Lutnick on Thursday and spoke with him by phone on Friday.")
    found = meetings(text)
    assert {m.round for m in found if "Howard Lutnick" in m.officials} == {4}


def test_a_rate_takes_the_sentence_s_only_date():
    text = "Under the tariff plan Trump unveiled on April 2, Japan drew a combined rate of 24 percent, far above the average."
    (tariff,) = only(events_of(text), "tariff")
    assert tariff.date == date(2025, 4, 2)


def test_people_in_a_clause_about_something_else_did_not_take_part():
    text = "Akazawa and Lutnick sat down on Friday to explore whether the two leaders could seal a deal."
    (meeting,) = meetings(text)
    assert set(meeting.officials) == {"Ryosei Akazawa", "Howard Lutnick"}


def test_a_meeting_in_question_is_not_planned():
    assert meetings("Akazawa said no decision had been made on whether there will be another round of talks next week.") == []


def test_their_meeting_belongs_to_those_named_before_it():
    text = "Aides are exploring whether the two leaders can seal a deal during their meeting in about 10 days."
    (plan,) = meetings(text)
    assert set(plan.officials) == {"Shigeru Ishiba", "Donald Trump"} and plan.status == "planned"


def test_the_same_moment_in_another_time_zone_is_not_a_second_date():
    (meeting,) = meetings("Akazawa met Trump at the White House on Wednesday afternoon (Thursday morning Japan time).", "2025-04-18")
    assert meeting.date == date(2025, 4, 16)


def test_for_the_nth_round_names_the_meeting_before_it():
    text = "In Washington on Friday, the economic revitalization minister met Lutnick and Bessent separately for the sixth round of talks."
    found = meetings(text)
    assert len(found) == 2 and {m.round for m in found} == {6} and {m.location for m in found} == {"Washington"}


def test_talks_held_are_not_dated_by_the_future_they_aim_at():
    text = ("Akazawa and Lutnick spoke by phone on Saturday, the government said Sunday. "
            "The two held in-depth discussions to reach a deal at the leaders' summit starting Monday, the government said.")
    held = [m for m in meetings(text, "2025-06-15") if m.status == "held"]
    assert [(m.date, m.mode) for m in held] == [(date(2025, 6, 14), "phone")]


def test_talked_twice_is_two_sittings_each_with_its_day_and_length():
    # "talked" names no channel: reporters use it of calls and of sittings alike, so no mode is asserted
    text = "Akazawa and Lutnick talked about 45 minutes on Thursday and about an hour on Saturday, the government said."
    assert sorted((m.date, m.duration_minutes) for m in meetings(text, "2025-07-06")) == [
        (date(2025, 7, 3), 45), (date(2025, 7, 5), 60)]


def test_again_on_two_days_is_two_sittings():
    found = meetings("Akazawa sat down with Bessent on Monday and again on Wednesday, officials said.", "2025-06-14")
    assert sorted(m.date for m in found) == [date(2025, 6, 9), date(2025, 6, 11)]


@pytest.mark.parametrize("text", [
    "The two expect to talk again in two weeks, on June 28.",
    "Akazawa and Greer will meet again in 14 days, on Saturday, June 28.",
    "Akazawa plans to speak with Greer again two weeks from now, June 28.",
])
def test_a_day_told_twice_in_apposition_is_one_sitting(text):
    """"in two weeks, on June 28" names one day twice: one talk, not one per date phrase."""
    found = [m for m in meetings(f"Akazawa held talks with Greer on Saturday. {text}") if m.status != "held"]
    assert [(m.date, m.status) for m in found] == [(date(2025, 6, 28), "planned")]


def test_in_those_discussions_names_who_met():
    text = ("Tokyo's negotiator said Thursday that Washington would fix the error. "
            "In those discussions, Akazawa urged Commerce Secretary Howard Lutnick and Treasury Secretary Scott Bessent to act.")
    (meeting,) = meetings(text, "2025-08-08")
    assert set(meeting.officials) == {"Ryosei Akazawa", "Howard Lutnick", "Scott Bessent"}
    assert meeting.date == date(2025, 8, 7)


def test_a_called_off_trip_is_a_cancelled_meeting():
    (trip,) = meetings("Japan called off Akazawa's trip to Washington on Thursday.", "2025-08-28")
    assert (trip.status, trip.date, trip.officials) == ("cancelled", date(2025, 8, 28), ["Ryosei Akazawa"])


def test_a_meeting_that_never_happened_is_cancelled():
    text = "Tokyo sought to have Akazawa meet with Bessent on Friday, but the meeting was never realized."
    assert [m.status for m in meetings(text, "2025-06-30")] == ["cancelled"]


def test_a_role_beside_a_name_is_that_person():
    text = "Akazawa met Scott Bessent, Washington's chief negotiator, on Friday."
    (meeting,) = meetings(text)
    assert set(meeting.officials) == {"Ryosei Akazawa", "Scott Bessent"}


def test_a_meeting_that_preceded_a_call_is_its_own_event_on_its_own_day():
    text = ("Akazawa held phone talks with Lutnick for 30 minutes on Saturday. "
            "It was the second day in a row that Akazawa spoke with Lutnick following an in-person meeting on Friday.")
    found = sorted((m.date, m.mode, tuple(sorted(m.officials))) for m in meetings(text))
    assert found == [(date(2025, 6, 13), "in_person", ("Howard Lutnick", "Ryosei Akazawa")),
                     (date(2025, 6, 14), "phone", ("Howard Lutnick", "Ryosei Akazawa"))]


def test_an_agreement_told_after_a_dated_call_shares_its_day():
    text = "Ishiba and Trump spoke for about 25 minutes on Monday night, officials said, and agreed to name ministers."
    (deal,) = only(events_of(text, "2025-04-08"), "agreement")
    assert deal.date == date(2025, 4, 7)


def test_a_summit_from_sunday_to_tuesday_spans_three_days():
    (plan,) = meetings("Ishiba and Trump are to meet at the summit to be held in Canada from Sunday to Tuesday.", "2025-06-14")
    assert (plan.date, plan.date_end, plan.status) == (date(2025, 6, 15), date(2025, 6, 17), "planned")


def test_a_round_of_something_other_than_talks_is_not_a_meeting():
    assert meetings("Officials will pick the second round of investment projects next week.") == []


def test_a_speaker_the_directory_does_not_know_is_still_named():
    text = '"It is very hard to predict the market," Takanori Azuma, the company\'s head of finance, told a briefing on Thursday.'
    (said,) = statements(text, "2025-08-07")
    assert said.speaker == "Takanori Azuma" and said.date == date(2025, 8, 7)


def test_capitalised_words_that_are_no_name_are_not_a_speaker():
    found = statements("Aboard Air Force One, White House said the talks would continue.")
    assert all(s.speaker in (None, "The White House") for s in found)


def test_an_inked_memorandum_is_an_agreement_on_its_day():
    (deal,) = only(events_of("Akazawa and Lutnick inked a memorandum of understanding in Washington on Thursday.", "2025-09-05"), "agreement")
    assert (deal.status, deal.date) == ("reached", date(2025, 9, 4))


def test_a_japan_us_summit_is_a_meeting_of_the_leaders():
    (summit,) = meetings("Ishiba and Trump met for a Japan-U.S. summit in Canada on Monday.", "2025-06-17")
    assert set(summit.officials) == {"Shigeru Ishiba", "Donald Trump"} and summit.date == date(2025, 6, 16)


def test_a_round_named_to_place_a_call_in_time_lends_it_nothing():
    from .conftest import events_of

    text = ("Akazawa held the second round with Lutnick in Washington last Friday. On the same day as the second "
            "round, Ishiba and Trump spoke by telephone for about half an hour.")
    meetings = [e for e in events_of(text, "2025-06-03") if e.type == "meeting"]
    rounds = {tuple(sorted(e.officials)): (e.mode, e.round, e.duration_minutes) for e in meetings}
    assert rounds[("Howard Lutnick", "Ryosei Akazawa")] == ("in_person", 2, None)
    assert rounds[("Donald Trump", "Shigeru Ishiba")] == ("phone", None, 30)


def test_a_transcript_turn_without_quotation_marks_is_the_labelled_speakers_statement_on_the_day_told():
    from .conftest import events_of

    text = ("Below are excerpts from Tuesday's session of the upper house budget committee, where ministers "
            "took questions.\n\nFarm Minister Shinjiro Koizumi, replying on Tuesday: Imports of American rice will "
            "stay inside the current quota.\n")
    said = [e for e in events_of(text, "2025-08-07") if e.type == "statement" and e.speaker == "Shinjiro Koizumi"]
    assert [(e.date.isoformat(), e.quote) for e in said] == [("2025-08-05", None)]


def test_a_remark_the_same_afternoon_takes_the_day_of_the_talks_told_before_it():
    text = ("Prime Minister Ishiba received Bessent at his office on Wednesday morning. "
            "Akazawa told the press the same afternoon that progress had been made.")
    statement = next(e for e in events_of(text, "2025-06-21") if e.type == "statement")
    assert statement.speaker == "Ryosei Akazawa" and statement.date == date(2025, 6, 18)


def test_a_day_of_the_month_alone_is_that_day_of_the_month_the_report_is_in_or_the_one_before():
    said = only(events_of("Prime Minister Ishiba told lawmakers on the 3rd that the levy cut was a relief.",
                          "2025-09-12"), "statement")[0]
    assert said.date == date(2025, 9, 3)
    met = only(events_of("On the 28th, Akazawa met Lutnick at the Commerce Department.", "2025-09-12"), "meeting")[0]
    assert met.date == date(2025, 8, 28)  # still to come this month, so last month's in a past report


@pytest.mark.parametrize("text", [
    "How the costs would be split also came up during the meeting.",
    "A diplomat who asked not to be identified said the 20% duty on pork would remain.",
])
def test_a_trigger_with_only_cue_words_before_it_is_read_without_failing(text):
    assert isinstance(events_of(text), list)


def test_said_that_day_that_dates_the_remark_by_the_day_told_before():
    text = ("On June 3, Greer met Akazawa in Paris on the sidelines of an OECD gathering. "
            "Chief Cabinet Secretary Hayashi said that day that Tokyo would not rush a deal.")
    said = only(events_of(text, "2025-06-14"), "statement")[0]
    assert said.speaker == "Yoshimasa Hayashi" and said.date == date(2025, 6, 3)


def test_he_after_the_two_is_the_one_the_story_follows_not_the_nearer_of_the_pair():
    text = ("Akazawa held a call with Lutnick on Friday that ran past an hour, he told reporters. "
            "The two agreed to stay in close contact, he added.")
    speakers = {e.speaker for e in events_of(text) if e.type == "statement"}
    assert speakers == {"Ryosei Akazawa"}


def test_a_call_placed_to_a_person_is_a_phone_meeting_on_its_own_day():
    text = ("Akazawa held talks with Lutnick in Washington on Friday. "
            "He followed that with a brief call to Lutnick on Sunday, before flying home.")
    meetings = sorted(only(events_of(text, "2025-06-16"), "meeting"), key=lambda m: m.date)
    assert [(m.date, m.mode) for m in meetings] == [(date(2025, 6, 13), "in_person"), (date(2025, 6, 15), "phone")]


def test_a_call_to_do_something_is_no_meeting():
    assert only(events_of("Keidanren renewed its call to Washington to scrap the levies on Monday."), "meeting") == []


@pytest.mark.parametrize("text", ["Akazawa made a quick call to Bessent on Sunday.",
                                  "Akazawa had a 15-minute call with Bessent on Sunday."])
def test_the_subject_of_a_light_verb_takes_part_in_the_call_it_makes(text):
    (call,) = only(events_of(text, "2025-06-16"), "meeting")
    assert (call.officials, call.mode, call.date) == (["Ryosei Akazawa", "Scott Bessent"], "phone", date(2025, 6, 15))


def test_a_relative_clause_after_two_people_hangs_from_both():
    text = ("On Tuesday Akazawa said Greer and Lutnick, whom he saw separately on Monday, "
            "promised a quick fix.")
    met = {tuple(m.officials) for m in only(events_of(text, "2025-08-08"), "meeting")}
    assert met == {("Ryosei Akazawa", "Jamieson Greer"), ("Ryosei Akazawa", "Howard Lutnick")}


def test_the_two_are_the_pair_the_sentence_names_not_an_earlier_pair():
    text = ("Ishiba hosted Bessent in Tokyo on Friday, and the two spoke for half an hour. "
            "Akazawa was in Washington on Tuesday. He started with Greer on Tuesday, and the two talked for an hour.")
    met = {tuple(m.officials): m.duration_minutes for m in only(events_of(text, "2025-07-26"), "meeting")}
    assert met == {("Shigeru Ishiba", "Scott Bessent"): 30, ("Ryosei Akazawa", "Jamieson Greer"): 60}


def test_talks_joined_to_a_sentence_that_set_the_day_happen_that_day():
    text = ("On Tuesday, Akazawa was back in Washington. "
            "He opened with Greer, and the two talked for ninety minutes.")
    (met,) = only(events_of(text, "2025-07-26"), "meeting")
    assert (met.officials, met.date) == (["Ryosei Akazawa", "Jamieson Greer"], date(2025, 7, 22))


def test_a_planned_trip_called_off_is_a_cancelled_meeting_on_the_day_it_was_called_off():
    text = "On Sept. 3, Akazawa scrapped a scheduled trip to Washington at the last minute."
    (trip,) = only(events_of(text, "2025-09-10"), "meeting")
    assert (trip.status, trip.location, trip.date, trip.officials) == (
        "cancelled", "Washington", date(2025, 9, 3), ["Ryosei Akazawa"])
