"""What an event tells an analyst: honest dates, a rate's life, the instrument, what was agreed, conflicts, ids."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tariffs.cli import cli
from tariffs.render import shown_date

from .conftest import events_of, only, write_corpus


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def document(folder: Path) -> dict:
    return json.loads(run("--data", str(folder), "timeline", "--format", "json"))


@pytest.mark.parametrize("first, last, precision, shown", [
    ("2025-07-01", "2025-07-31", "month", "Jul 2025"),
    ("2025-07-21", "2025-07-31", "part_of_month", "late Jul 2025"),
    ("2025-06-01", "2025-06-10", "part_of_month", "early Jun 2025"),
    ("2025-06-09", "2025-06-15", "week", "week of 9 Jun 2025"),
    ("2025-06-15", "2025-06-17", "day", "15–17 Jun 2025"),
    ("2025-06-30", "2025-07-02", "day", "30 Jun – 2 Jul 2025"),
    ("2025-06-13", None, "day", "13 Jun 2025"),
    ("2025-01-01", "2025-12-31", "year", "2025"),
    (None, None, None, "undated"),
])
def test_a_date_is_shown_at_the_precision_it_was_read(first, last, precision, shown):
    assert shown_date(first, last, precision) == shown


def test_a_month_level_date_keeps_month_precision_in_the_table(tmp_path):
    folder = write_corpus(tmp_path / "c", {"m": ("2025-08-20", "Akazawa held talks with Lutnick in Washington in July.\n")})
    meeting = only_type(document(folder), "meeting")[0]
    assert meeting["date_precision"] == "month"
    table = run("--data", str(folder), "timeline")
    assert "Jul 2025" in table and "2025-07-31" not in table


def only_type(doc: dict, kind: str) -> list[dict]:
    return [e for e in doc["events"] if e["type"] == kind]


@pytest.fixture
def rate_life(tmp_path) -> Path:
    """One rate told by three outlets at three steps: announced, agreed, in effect."""
    return write_corpus(tmp_path / "life", {
        "announce": ("2025-07-08", "President Donald Trump announced a 15% duty on goods from Japan on Monday.\n"),
        "agree": ("2025-07-23", "Tokyo and Washington agreed on Tuesday to a 15% tariff on Japanese goods.\n"),
        "start": ("2025-08-08", "The 15% tariff on Japanese products took effect on Thursday.\n"),
    })


def test_a_rate_announced_agreed_and_in_effect_is_one_event_with_three_steps(rate_life):
    rates = [e for e in only_type(document(rate_life), "tariff") if e["rate"] == 15]
    assert len(rates) == 1
    steps = rates[0]["steps"]
    assert [(s["status"], s["date"]) for s in steps] == [
        ("announced", "2025-07-07"), ("agreed", "2025-07-22"), ("in_effect", "2025-08-07")]
    assert steps[-1]["effective"] == "2025-08-07"
    assert (rates[0]["status"], rates[0]["date"]) == ("in_effect", "2025-07-07")


def test_rates_shows_the_steps_in_date_order(rate_life):
    history = json.loads(run("--data", str(rate_life), "rates", "--format", "json"))
    steps = [s for h in history if (h["sector"], h["target"]) == ("all", "JP") for s in h["steps"]]
    assert [s["status"] for s in steps] == ["announced", "agreed", "in_effect"]
    assert [s["date"] for s in steps] == sorted(s["date"] for s in steps)


def test_rates_as_of_shows_what_was_charged_that_day(rate_life):
    before = json.loads(run("--data", str(rate_life), "rates", "--as-of", "2025-07-30", "--format", "json"))
    after = json.loads(run("--data", str(rate_life), "rates", "--as-of", "2025-08-10", "--format", "json"))
    assert before["in_force"] == []  # agreed is not yet charged
    assert [(r["rate"], r["status"], r["date"]) for r in after["in_force"]] == [(15.0, "in_effect", "2025-08-07")]
    assert "Tariff rates in force on 10 Aug 2025" in run("--data", str(rate_life), "rates", "--as-of", "2025-08-10")


def test_an_executive_order_and_its_number_are_kept_with_the_start_date():
    rate = only(events_of("President Trump signed Executive Order 14345 on Thursday, cutting the duty on Japanese "
                          "cars to 15% effective Sept. 16.", "2025-09-06"), "tariff")[0]
    assert rate.instrument is not None and (rate.instrument.kind, rate.instrument.number) == ("executive_order", "14345")
    assert str(rate.steps[0].effective) == "2025-09-16"


def test_a_letter_is_an_instrument_without_a_number():
    rate = only(events_of("In a letter to the prime minister, Trump set a 25% levy on Japanese goods from Aug. 1.",
                          "2025-07-08"), "tariff")[0]
    assert rate.instrument.kind == "letter" and rate.instrument.number is None


def test_a_deal_says_what_was_agreed():
    deal = only(events_of("Japan and the United States struck a deal on Tuesday that sets a 15% tariff on Japanese "
                          "goods and brings $550 billion of investment.", "2025-07-23"), "agreement")[0]
    assert deal.kind == "deal"
    assert deal.what and "15% tariff on Japanese goods" in deal.what and "$550 billion" in deal.what
    assert deal.what in deal.summary


def test_a_procedural_agreement_says_what_the_sides_will_do():
    plan = only(events_of("On Friday the two governments agreed to hold another round of ministerial talks before "
                          "the G7 summit, the ministry said.", "2025-05-31"), "agreement")[0]
    assert plan.kind == "procedural"
    assert plan.what.startswith("hold another round of ministerial talks")


def test_a_memorandum_signed_is_an_agreement_of_that_kind():
    memo = only(events_of("Akazawa and Lutnick signed a memorandum of understanding on the investment fund on Thursday.",
                          "2025-09-06"), "agreement")[0]
    assert memo.kind == "memorandum" and memo.instrument.kind == "memorandum"


def test_two_articles_a_day_apart_across_the_date_line_are_one_event_with_a_conflict(tmp_path):
    folder = write_corpus(tmp_path / "c", {
        "tokyo": ("2025-06-13", ("TOKYO -- Prime Minister Shigeru Ishiba and President Donald Trump spoke by phone on "
                                "Thursday, the government said.\n")),
        "washington": ("2025-06-12", ("WASHINGTON -- President Donald Trump held a phone call with Japanese Prime "
                                     "Minister Shigeru Ishiba on Wednesday, the White House said.\n")),
    })
    calls = only_type(document(folder), "meeting")
    assert len(calls) == 1
    (conflict,) = calls[0]["conflicts"]
    assert conflict["field"] == "date"
    readings = {r["value"]: r["articles"] for r in conflict["readings"]}
    assert readings == {"2025-06-12": ["tokyo"], "2025-06-11": ["washington"]}
    assert calls[0]["date"] in readings


def test_a_place_and_the_place_it_lies_in_are_no_conflict(tmp_path):
    folder = write_corpus(tmp_path / "c", {
        "a": ("2025-06-14", "Akazawa met Lutnick at the White House on Friday for 70 minutes.\n"),
        "b": ("2025-06-14", "Akazawa and Lutnick held talks in Washington on Friday.\n"),
    })
    (meeting,) = only_type(document(folder), "meeting")
    assert meeting["conflicts"] == []


def test_adding_an_unrelated_article_leaves_every_other_id_unchanged(tmp_path):
    articles = {
        "a": ("2025-06-14", "Akazawa met Lutnick in Washington on Friday for about an hour.\n"),
        "b": ("2025-07-10", "Trump on Tuesday threatened a 35% tariff on Japanese goods.\n"),
    }
    before = {e["id"] for e in document(write_corpus(tmp_path / "one", articles))["events"]}
    more = {**articles, "c": ("2025-09-05", "Ishiba spoke with Trump by phone on Thursday.\n")}
    after = document(write_corpus(tmp_path / "two", more))["events"]
    assert before and before <= {e["id"] for e in after}


def test_the_schema_lists_the_analyst_fields():
    schema = run("schema")
    for name in ("date_precision", "conflicts", "steps", "effective", "instrument", "what"):
        assert f'"{name}"' in schema


@pytest.fixture
def disagreeing(tmp_path) -> Path:
    return write_corpus(tmp_path / "c", {
        "tokyo": ("2025-06-13", ("TOKYO -- Prime Minister Shigeru Ishiba spoke by phone with President Donald Trump on "
                                "Thursday, the government said.\n")),
        "washington": ("2025-06-12", ("WASHINGTON -- President Donald Trump had a phone call with Prime Minister "
                                     "Shigeru Ishiba on Wednesday, the White House said.\n")),
        "order": ("2025-09-06", ("President Trump signed Executive Order 14345 on Thursday, setting a 15% tariff on "
                                "Japanese cars effective Sept. 16.\n")),
    })


def test_timeline_conflicts_lists_only_events_whose_sources_disagree(disagreeing):
    found = json.loads(run("--data", str(disagreeing), "timeline", "--conflicts", "--format", "json"))["events"]
    assert [e["type"] for e in found] == ["meeting"] and found[0]["conflicts"]


def test_the_table_marks_an_event_whose_sources_disagree(disagreeing):
    table = run("--data", str(disagreeing), "timeline", "--type", "meeting")
    assert "sourcesdiffer:date]" in re.sub(r"[\s│]", "", table)  # however the column wraps


def test_show_prints_who_says_what(disagreeing):
    (call,) = json.loads(run("--data", str(disagreeing), "timeline", "--conflicts", "--format", "json"))["events"]
    shown = run("--data", str(disagreeing), "show", call["id"])
    assert "2025-06-12 (tokyo)" in shown and "2025-06-11 (washington)" in shown


def test_timeline_filters_by_instrument(disagreeing):
    found = json.loads(run("--data", str(disagreeing), "timeline", "--instrument", "executive_order",
                           "--format", "json"))["events"]
    assert found and all(e["instrument"]["kind"] == "executive_order" for e in found)
    assert json.loads(run("--data", str(disagreeing), "timeline", "--instrument", "letter", "--format", "json"))["events"] == []


def test_a_reported_statement_is_summed_up_by_what_was_said():
    (said,) = only(events_of("Tokyo will keep pressing Washington to drop the extra levy on cars, the trade ministry "
                             "said on Friday.", "2025-06-14"), "statement")
    assert said.summary.endswith("reported: Tokyo will keep pressing Washington to drop the extra levy on cars")


def test_a_long_report_is_cut_between_words():
    text = ("Akazawa said on Monday that " + "the two governments would keep talking about cars and chips " * 6).strip() + "."
    (said,) = only(events_of(text, "2025-06-14"), "statement")
    shown = said.summary.split("reported: ", 1)[1]
    assert shown.endswith("…") and shown[:-1].strip().lower() in text.lower()
    assert shown[:-1].split()[-1] in text.split()  # the last word shown is a whole word
