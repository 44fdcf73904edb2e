"""A percentage is a tariff event only when it is a tariff rate; each rate form and sector is read."""
from __future__ import annotations

import pytest

from .conftest import events_of, only


def rates(text: str) -> list[tuple[float, str]]:
    return sorted((e.rate, e.sector) for e in only(events_of(text), "tariff"))


@pytest.mark.parametrize("text", [
    "Washington imposes a 15% tariff on Japanese goods.",
    "Washington imposes a 15 percent tariff on Japanese goods.",
    "Washington imposes a 15 per cent tariff on Japanese goods.",
    "Washington imposes a 15 pct tariff on Japanese goods.",
    "Washington imposes a 15-percent tariff on Japanese goods.",
])
def test_every_way_of_writing_a_rate(text):
    assert rates(text) == [(15.0, "all")]


@pytest.mark.parametrize("text", [
    "The economy shrank at an annualized rate of 1.2% in the quarter, even as tariffs bit.",
    "The Topix index fell 2.1% as tariff worries spread.",
    "Carmakers employ about 8% of the workforce.",
    "The tariffs could cut real GDP by 0.4 to 0.6 pct, an economist estimated.",
    "Shares of Mazda dropped 4% after the tariff news.",
    "Officials said the date was firm, but not 100% firm.",
])
def test_figures_that_are_not_tariff_rates(text):
    assert rates(text) == []


def test_sectors_named_after_the_rate():
    assert rates("A 25% levy on steel and aluminum took effect.") == [(25.0, "aluminum"), (25.0, "steel")]
    assert rates("Exporters face a 25 percent duty on imported automobiles.") == [(25.0, "autos")]


def test_sector_named_before_the_rate_and_carried_to_its_parts():
    found = rates("Car exporters struggle with tariffs at 27.5%, a combination of a previous 2.5% rate and a new 25% levy.")
    assert found == [(2.5, "autos"), (25.0, "autos"), (27.5, "autos")]


def test_baseline_covers_all_goods_and_every_partner():
    (tariff,) = only(events_of("A 10 percent baseline tariff applies to nearly all imports."), "tariff")
    assert (tariff.rate, tariff.sector, tariff.target, tariff.measure) == (10.0, "all", "*", "baseline")


def test_previous_rate_in_both_orders():
    (raised,) = [t for t in only(events_of("The duty on cars rose to 27.5 percent from 2.5 percent in April."), "tariff") if t.rate == 27.5]
    assert raised.previous_rate == 2.5
    (cut,) = [t for t in only(events_of("The levy on autos will fall from 27.5% to 15% under the deal."), "tariff") if t.rate == 15]
    assert cut.previous_rate == 27.5 and cut.status == "agreed"


def test_a_threat_of_two_rates():
    found = only(events_of("Trump on Tuesday threatened to raise tariffs on Japanese imports to 30 percent or 35 percent."), "tariff")
    assert sorted((t.rate, t.status) for t in found) == [(30.0, "threatened"), (35.0, "threatened")]


def test_percentage_points_added_on_top_are_a_rate():
    assert (14.0, "all") in rates("The baseline tariff is in force, and the other 14 percentage points return on July 9.")


def test_a_pause_is_a_status():
    (paused,) = only(events_of("The 24% reciprocal tariff on Japan was suspended until July 9."), "tariff")
    assert paused.status == "paused"


def test_one_rate_told_twice_is_one_event():
    text = "Japan faces a 25% tariff on cars. The 25 percent auto levy hurts Toyota."
    assert len(only(events_of(text), "tariff")) == 1


def test_a_figure_held_by_at_needs_a_tariff_word_near_it():
    assert rates("The cabinet's approval holds at 72% in the latest survey.") == []
    assert rates("Japanese cars face 27.5% in duties.") == [(27.5, "autos")]


def test_a_rate_brought_down_to_is_a_rate():
    assert (15.0, "autos") in rates("The order will bring the tariff on Japanese cars down to 15 percent from 27.5 percent.")


def test_an_end_date_dates_the_pause_not_the_rate():
    text = "Washington slapped a 25-percent levy on cars, while a 24-percent rate has been suspended until July 9."
    assert all(t.date is None for t in only(events_of(text), "tariff"))
