"""Write N synthetic news articles on the U.S.-Japan tariff talks, and their articles.toml.

    python benchmarks/make_corpus.py --articles 10000 --out /tmp/corpus [--seed 7]

The speed benchmark (benchmarks/run.py) indexes this corpus, so the corpus has
to cost the engine what real coverage costs it, not less. An earlier generator
wrote 1 KB articles whose sentences repeated 92% of the time, which flattered
throughput. This one is modelled on the real test articles taken as a whole
(their sizes, their mix of events and their page clutter), never on the
engine's patterns:

- Size: about 3.2 KB on average, from about 1.5 KB (briefs) to about 6 KB
  (analyses).
- Events: about eight per article: three meetings or phone calls, two or three
  statements by named officials or unnamed sources, two tariff-rate mentions,
  the odd agreement (0.7) or deadline (0.4), among background paragraphs that
  carry none.
- Pages: clean wire stories with a dateline; web pages pasted as text with
  their chrome (menu bar, byline, captions, advertisements, link lists,
  newsletter and cookie notices, copyright); pages ending in reader comments;
  short briefs; long analyses; and about 5% near-topic stories (markets,
  automaker earnings) with few or no events.
- Variety: each sentence comes from one of many phrasings whose slots
  (officials and their titles, places, dates written many ways, durations,
  rates, sectors, companies, amounts, quotes built from fragments) multiply,
  so that under 5% of body sentences recur across ten thousand articles; a
  corpus of repeated sentences would let any cache in the engine look faster
  than it is. Only page chrome repeats, as it does on real sites.

The officials are the real ones, named as wire reporters name them (title and
full name first, then the surname or "the minister"), paired as they actually
negotiated (Akazawa with Bessent, Lutnick or Greer; the prime minister with
Trump), and each acts only while in office: Ishiba's cabinet until October 20,
2025, Takaichi's from October 21. Publication days spread over 2025-03-01 ..
2026-02-28; events come before the publication day, deadlines after it.

"U.S." with its full stop appears only in officials' titles ("U.S. Trade
Representative"); elsewhere the text says "the United States", "American" or
"Washington" (Bloomberg and AFP copy says "US"), because the variety figure
splits sentences on '. ' and "U.S. " everywhere would cut them into repeated
fragments that real sentence splitting would not produce.

Deterministic for a seed: one random.Random(seed) draws everything, and no
draw depends on set or hash order. Standard library only. Run as a script, it
also prints the sizes, the events per article, the repeated-sentence share and
the time taken.
"""
from __future__ import annotations

import argparse
import functools
import itertools
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
FIRST_DAY = date(2025, 3, 1)          # publication days: FIRST_DAY and the 364 days after it
EARLIEST_EVENT = date(2025, 1, 20)    # nothing a story tells happens before the talks' prehistory
CABINET_CHANGE = date(2025, 10, 21)   # Takaichi's cabinet takes office
BEFORE_CHANGE = CABINET_CHANGE - timedelta(days=1)


def choose(rng: random.Random, options: Sequence[T]) -> T:
    """rng.choice, about three times faster: the generator draws millions of them."""
    return options[int(rng.random() * len(options))]


def between(rng: random.Random, low: int, high: int, step: int = 1) -> int:
    """rng.randrange(low, high, step), several times faster and just as deterministic."""
    return low + step * int(rng.random() * ((high - low + step - 1) // step))


# ----------------------------------------------------------------------------------------------
# Officials


@dataclass(frozen=True)
class Person:
    """An official as reporters name him or her: title and full name first, then surname or a noun.

    `serves_from`..`serves_until` is the time in the post, so that no one acts
    out of office; `weight` is how often stories feature the official;
    `counterparts` are the surnames across the table he or she actually
    negotiated with (none: the official only speaks, like a press secretary);
    `offices` are where a meeting with the official takes place in his or her
    capital, so that no one meets the Treasury secretary at Commerce.
    """

    full: str
    side: str                      # "jp" or "us"
    titles: tuple[str, ...]        # "Economic Revitalization Minister" -> "... Ryosei Akazawa"
    appositions: tuple[str, ...]   # "Japan's top tariff negotiator" -> "Ryosei Akazawa, ..., "
    nouns: tuple[str, ...]         # "the minister": later mentions besides the surname
    venues: tuple[str, ...]        # where the official speaks: "said {venue}"
    counterparts: tuple[str, ...] = ()
    offices: tuple[str, ...] = ()   # where the official receives visitors: "at the Treasury Department"
    he: str = "he"
    serves_from: date = date(2000, 1, 1)
    serves_until: date = date(2100, 1, 1)
    weight: int = 1

    @property
    def surname(self) -> str:
        return self.full.split()[-1]

    @property
    def his(self) -> str:
        return "his" if self.he == "he" else "her"

    def serves(self, day: date) -> bool:
        return self.serves_from <= day <= self.serves_until


JP_VENUES = ("at a news conference in Tokyo", "to reporters in Tokyo", "at a parliamentary committee session",
             "on a television program", "to reporters after a cabinet meeting", "in a speech in {jp_city}",
             "during a Diet session", "at a meeting of ruling party lawmakers", "on a BS Fuji program")
US_VENUES = ("in an interview with {outlet2}", "to reporters in Washington", "at a Senate hearing",
             "in a television interview", "at an event in {us_city}", "in a post on X",
             "on a call with reporters", "at a conference in {us_city}")
PM_OFFICES = ("at the prime minister's office in Tokyo", "at the Akasaka Palace state guest house")
NEGOTIATORS = ("Lutnick", "Bessent", "Bessent", "Lutnick", "Greer", "Trump")
LEADERS = ("Trump", "Trump", "Trump", "Vance", "Bessent")
PEOPLE = (
    Person("Ryosei Akazawa", "jp",
           ("Economic Revitalization Minister", "Japanese Economic Revitalization Minister",
             "Japan's Economic Revitalization Minister", "chief tariff negotiator"),
           ("Japan's top tariff negotiator", "the minister in charge of economic revitalization",
             "Japan's chief negotiator in the tariff talks", "who leads Japan's side in the negotiations"),
           ("the minister", "Japan's negotiator", "the chief negotiator"),
           JP_VENUES + ("to reporters in Washington", "after the talks", "to reporters at Haneda Airport",
                        "to reporters at Narita Airport", "on arriving in Washington"),
           NEGOTIATORS, ("at the Cabinet Office in Tokyo",), serves_until=BEFORE_CHANGE, weight=7),
    Person("Ryosei Akazawa", "jp",
           ("Economy, Trade and Industry Minister", "Trade Minister", "Japanese Trade Minister"),
           ("Japan's trade minister and former chief tariff negotiator",
             "who led Japan's tariff negotiations before becoming trade minister"),
           ("the minister", "the trade minister"),
           JP_VENUES + ("to reporters in Washington", "after the talks"),
           NEGOTIATORS, ("at the trade ministry in Tokyo",), serves_from=CABINET_CHANGE, weight=6),
    Person("Shigeru Ishiba", "jp", ("Prime Minister", "Japanese Prime Minister", "Japan's Prime Minister"),
           ("Japan's prime minister", "the Japanese prime minister"), ("the prime minister", "the Japanese leader"),
           JP_VENUES + ("to reporters at the prime minister's office", "during a party leaders' debate"),
           LEADERS, PM_OFFICES, serves_until=BEFORE_CHANGE, weight=2),
    Person("Sanae Takaichi", "jp", ("Prime Minister", "Japanese Prime Minister", "Japan's Prime Minister"),
           ("Japan's first female prime minister", "Japan's new prime minister"),
           ("the prime minister", "the Japanese leader"),
           JP_VENUES + ("to reporters at the prime minister's office", "in her policy speech to parliament"),
           LEADERS, PM_OFFICES, he="she", serves_from=CABINET_CHANGE, weight=2),
    Person("Yoshimasa Hayashi", "jp", ("Chief Cabinet Secretary", "Japanese Chief Cabinet Secretary"),
           ("the government's top spokesman", "Japan's chief cabinet secretary"), ("the top government spokesman",),
           ("at a regular news conference", "at a press briefing in Tokyo", "at his daily news conference"),
           serves_until=BEFORE_CHANGE, weight=2),
    Person("Takeshi Iwaya", "jp", ("Foreign Minister", "Japanese Foreign Minister"),
           ("Japan's foreign minister",), ("the foreign minister",), JP_VENUES, serves_until=BEFORE_CHANGE),
    Person("Katsunobu Kato", "jp", ("Finance Minister", "Japanese Finance Minister"),
           ("Japan's finance minister",), ("the finance minister",), JP_VENUES, ("Bessent",),
           serves_until=BEFORE_CHANGE),
    Person("Yoji Muto", "jp", ("Economy, Trade and Industry Minister", "Trade Minister"),
           ("Japan's trade minister", "the minister of economy, trade and industry"), ("the trade minister",),
           JP_VENUES, ("Lutnick", "Greer"), serves_until=BEFORE_CHANGE),
    Person("Shinjiro Koizumi", "jp", ("Agriculture Minister", "Farm Minister"),
           ("Japan's agriculture minister", "Japan's farm minister"), ("the farm minister",),
           JP_VENUES + ("during a visit to rice farmers in {jp_pref}",), ("Greer",),
           serves_from=date(2025, 5, 21), serves_until=BEFORE_CHANGE),
    Person("Donald Trump", "us", ("President", "President", "U.S. President"), ("the American president",), ("the president",),
           ("on Truth Social", "to reporters aboard Air Force One", "at the White House",
             "in a letter to the Japanese prime minister", "at a rally in {us_city}", "in the Oval Office"),
           offices=("at the White House", "in the Oval Office"), weight=3),
    Person("Scott Bessent", "us", ("Treasury Secretary", "U.S. Treasury Secretary", "United States Treasury Secretary"),
           ("the Treasury secretary", "Washington's Treasury chief"), ("the Treasury chief", "the secretary"),
           US_VENUES, offices=("at the Treasury Department", "at the Treasury Department in Washington"), weight=3),
    Person("Howard Lutnick", "us", ("Commerce Secretary", "U.S. Commerce Secretary", "United States Commerce Secretary"),
           ("the commerce secretary", "the American commerce secretary"), ("the commerce chief", "the secretary"),
           US_VENUES, offices=("at the Commerce Department", "at the Commerce Department in Washington"), weight=3),
    Person("Jamieson Greer", "us", ("U.S. Trade Representative", "United States Trade Representative", "Trade Representative"),
           ("the American trade representative", "Washington's top trade negotiator"),
           ("the trade representative", "the USTR chief"), US_VENUES,
           offices=("at the office of the United States Trade Representative",), weight=2),
    Person("Karoline Leavitt", "us", ("White House Press Secretary", "press secretary"),
           ("the White House press secretary",), ("the press secretary",),
           ("at a White House briefing", "at the daily briefing", "to reporters at the White House"), he="she"),
    Person("JD Vance", "us", ("Vice President", "U.S. Vice President"), ("the American vice president",), ("the vice president",),
           US_VENUES, offices=("at the White House", "at the vice president's residence in Washington")),
)


@functools.cache
def officials(side: str, day: date, talks: bool,
              among: tuple[str, ...] = ()) -> tuple[tuple[Person, ...], tuple[int, ...]]:
    """Who served on a side that day (negotiators only if `talks`; only `among` if given), with cumulative
    weights for rng.choices; cached, since a story asks for the same day many times."""
    pool = tuple(p for p in PEOPLE if p.side == side and p.serves(day) and (p.counterparts or not talks)
                 and (not among or p.surname in among))
    return pool, tuple(itertools.accumulate(p.weight * max(1, among.count(p.surname)) for p in pool))


# ----------------------------------------------------------------------------------------------
# The world the stories are told in

OUTLETS = (("Kyodo News", "Kyodo"), ("Jiji Press", "Jiji Press"), ("The Japan Times", "Japan Times"),
           ("Reuters", "Reuters"), ("NHK World", "NHK"), ("The Asahi Shimbun", "Asahi"),
           ("The Yomiuri Shimbun", "Yomiuri"), ("Nikkei Asia", "Nikkei"), ("The Mainichi", "Mainichi"),
           ("Associated Press", "AP"), ("Bloomberg", "Bloomberg"), ("Agence France-Presse", "AFP"))
US_STYLE = ("Bloomberg", "Agence France-Presse")   # outlets that write "US", not "United States"


@dataclass(frozen=True)
class Venue:
    """A city talks were held in, the places there a story names, and the days it hosted (summits only)."""

    city: str
    places: tuple[str, ...]
    weight: int
    days: tuple[date, date] | None = None

    def open_on(self, day: date) -> bool:
        return self.days is None or self.days[0] <= day <= self.days[1]


VENUES = (
    Venue("Washington", ("in Washington", "in Washington", "in the American capital"), 10),   # + the host's offices
    Venue("Tokyo", ("in Tokyo", "in Tokyo", "at the Foreign Ministry in Tokyo", "at the Iikura Guest House in Tokyo"),
          5),
    Venue("New York", ("in New York", "at a hotel in Manhattan"), 1),
    Venue("New York", ("on the sidelines of the United Nations General Assembly in New York",), 1,
          (date(2025, 9, 22), date(2025, 9, 27))),
    Venue("Osaka", ("in Osaka", "at the Expo site in Osaka"), 1, (date(2025, 4, 13), date(2025, 10, 13))),
    Venue("Kananaskis", ("on the sidelines of the Group of Seven summit in Kananaskis, Canada",), 1,
          (date(2025, 6, 15), date(2025, 6, 17))),
    Venue("Gyeongju", ("on the sidelines of the APEC summit in Gyeongju, South Korea",), 1,
          (date(2025, 10, 29), date(2025, 11, 1))),
    Venue("Kuala Lumpur", ("on the sidelines of the ASEAN summit in Kuala Lumpur",), 1,
          (date(2025, 10, 26), date(2025, 10, 28))),
    Venue("London", ("in London",), 1),
)
VENUE_WEIGHTS = tuple(itertools.accumulate(v.weight for v in VENUES))
SECTORS = ("passenger cars", "auto parts", "light trucks", "steel", "aluminum", "steel and aluminum products",
           "semiconductors", "chipmaking equipment", "pharmaceuticals", "generic drugs", "machine tools",
           "industrial robots", "construction machinery", "copper products", "lumber", "electronics",
           "motorcycles", "tires", "precision instruments", "medical devices", "sake and whisky", "green tea",
           "beef", "seafood", "optical equipment", "batteries", "household appliances", "ball bearings")
RATES = (10, 10, 12.5, 14, 15, 15, 15, 17.5, 20, 24, 24, 25, 25, 27.5, 30, 35, 40, 50)
COMPANIES = ("Toyota Motor", "Honda Motor", "Nissan Motor", "Mazda Motor", "Subaru", "Mitsubishi Motors",
             "Suzuki Motor", "Denso", "Aisin", "Nippon Steel", "JFE Holdings", "Kobe Steel", "Panasonic",
             "Sony Group", "Hitachi", "Komatsu", "Fanuc", "Takeda Pharmaceutical", "Astellas Pharma",
             "Tokyo Electron", "Shin-Etsu Chemical", "Bridgestone", "Yamaha Motor", "Kubota", "Isuzu Motors",
             "Daikin Industries", "Makita", "Olympus", "Yaskawa Electric", "Sumitomo Electric")
AUTOMAKERS = COMPANIES[:7] + ("Isuzu Motors", "Yamaha Motor")
BRANDS = ("Toyota", "Honda", "Nissan", "Mazda", "Subaru", "Mitsubishi", "Suzuki", "Lexus")
STATES = ("Kentucky", "Indiana", "Ohio", "Tennessee", "Alabama", "Mississippi", "Texas", "Georgia",
          "South Carolina", "Pennsylvania", "Michigan", "North Carolina", "Arizona", "Illinois")
BANKS = ("Nomura Securities", "Daiwa Institute of Research", "Mizuho Research & Technologies",
         "SMBC Nikko Securities", "Dai-ichi Life Research Institute", "Capital Economics", "Goldman Sachs",
         "JPMorgan", "Oxford Economics", "the Japan Research Institute", "NLI Research Institute",
         "Moody's Analytics", "Morgan Stanley MUFG", "Norinchukin Research Institute", "BNP Paribas")
FIRST_NAMES = ("Yuki", "Kenji", "Aya", "Takashi", "Mari", "Hiroshi", "Naoko", "Daisuke", "Emi", "Satoshi",
               "Rie", "Kazuhiro", "Sarah", "David", "Laura", "Michael", "Jennifer", "Tom", "Rachel", "Chris",
               "Leika", "Makiko", "Tetsushi", "Kantaro", "Elaine", "Trevor", "Andrea", "Ken")
LAST_NAMES = ("Tanaka", "Suzuki", "Watanabe", "Kobayashi", "Yamamoto", "Nakamura", "Ito", "Sato", "Kato",
              "Yoshida", "Yamada", "Sasaki", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu", "Miller",
              "Lawder", "Kihara", "Johnson", "Lee", "Brown", "Garcia", "Martin", "Clark", "Lewis", "Walker")
US_CITIES = ("Pittsburgh", "Detroit", "Louisville", "Nashville", "Phoenix", "Houston", "Atlanta", "Columbus")
JP_CITIES = ("Osaka", "Nagoya", "Fukuoka", "Sapporo", "Sendai", "Hiroshima", "Kobe", "Niigata")
JP_PREFECTURES = ("Niigata", "Akita", "Yamagata", "Miyagi", "Hokkaido", "Ibaraki", "Toyama", "Fukui")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "10th",
            "11th", "12th")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
QUARTERS = ("January-March", "April-June", "July-September", "October-December")

# ----------------------------------------------------------------------------------------------
# Dates as reporters write them


def month_day(rng: random.Random, day: date, published: date) -> str:
    """'June 3', sometimes AP's 'Aug. 3'; the year only when it is not the publication year (or rarely)."""
    month = AP_MONTHS.get(day.month, MONTHS[day.month - 1]) if rng.random() < 0.2 else MONTHS[day.month - 1]
    if day.year != published.year or rng.random() < 0.05:
        return f"{month} {day.day}, {day.year}"
    return f"{month} {day.day}"


def _this_week(day: date, published: date, gap: int) -> list[str]:
    """Phrases for a day under a week before publication: mostly the weekday, as wire copy does."""
    name = WEEKDAYS[day.weekday()]
    options = [f"on {name}", f"on {name}", f"on {name}"]
    if gap == 0:
        options += [f"earlier on {name}", f"on {name} morning", f"late {name}", f"on {name} afternoon"]
    elif gap == 1:
        options += ["the previous day", "a day earlier", "yesterday", f"on {name} evening", f"late on {name}"]
    else:
        options += [f"{NUMBER_WORDS[gap]} days ago", f"on {name} last week" if day.weekday() >= published.weekday()
                    else f"earlier this week, on {name}", f"{NUMBER_WORDS[gap]} days earlier"]
    return options


def _weeks_ago(day: date, published: date, gap: int) -> list[str]:
    """Phrases for a day one to five weeks back: 'last week', 'earlier this month', '10 days ago'."""
    name = WEEKDAYS[day.weekday()]
    weeks = NUMBER_WORDS[round(gap / 7)]
    options = [f"{NUMBER_WORDS[gap]} days ago" if gap <= 10 else f"about {weeks} weeks ago",
               f"on {name}, {MONTHS[day.month - 1]} {day.day}"]
    if gap < 14:
        options += ["last week", f"last {name}", "a week earlier" if gap == 7 else "late last week"]
    if (day.year, day.month) == (published.year, published.month):
        options += ["earlier this month", "early this month" if day.day <= 10 else "earlier in the month"]
    if gap % 7 == 0:
        options.append(f"{weeks} weeks ago")
    return options


def _part_of_month(day: date) -> str:
    return "early" if day.day <= 10 else "mid-" if day.day <= 20 else "late"


def _months_ago(day: date, published: date) -> list[str]:
    """Phrases for a day a month or more back: 'last month', 'in mid-May', 'three months ago'."""
    months = (published.year - day.year) * 12 + published.month - day.month
    month, part = MONTHS[day.month - 1], _part_of_month(day)
    options = [f"in {month}", f"in {part} {month}".replace("- ", "-"), f"back in {month}"]
    if months == 1:
        options += ["last month", f"{part} last month".replace("mid- last", "in the middle of last")]
    elif 1 < months <= 10:
        options += [f"{NUMBER_WORDS[months]} months ago",
                    f"in {month} {day.year}" if day.year != published.year else f"in {month} this year"]
    return options


def past_phrase(rng: random.Random, day: date, published: date) -> str:
    """A past day told relative to the publication day, as a reporter would write it that day."""
    gap = (published - day).days
    options = [f"on {month_day(rng, day, published)}"]
    if gap < 7:
        options += _this_week(day, published, gap)
    elif gap < 35:
        options += _weeks_ago(day, published, gap)
    else:
        options += _months_ago(day, published)
    return choose(rng, options)


def since_phrase(rng: random.Random, day: date, published: date) -> str:
    """A past day as it reads after 'since': 'since June 3', 'since mid-May', 'since last month'."""
    options = [month_day(rng, day, published), f"{_part_of_month(day)} {MONTHS[day.month - 1]}".replace("- ", "-")]
    if (published.year * 12 + published.month) - (day.year * 12 + day.month) == 1:
        options.append("last month")
    return choose(rng, options)


def future_phrase(rng: random.Random, day: date, published: date) -> str:
    """A coming day (a deadline) told from the publication day: 'on Aug. 1', 'next Friday', 'in 12 days'."""
    gap = (day - published).days
    stamp = month_day(rng, day, published)
    count = NUMBER_WORDS[gap] if gap <= 10 else str(gap)
    options = [f"on {stamp}", f"on {stamp}", f"on {WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}",
               f"in {count} days, on {stamp}"]
    if gap < 7:
        options += [f"on {WEEKDAYS[day.weekday()]}", f"this coming {WEEKDAYS[day.weekday()]}"]
    elif gap < 14:
        options.append(f"next {WEEKDAYS[day.weekday()]}")
    if (day.year, day.month) == (published.year, published.month):
        options.append("at the end of the month" if day.day >= 28 else f"later this month, on {stamp}")
    if gap % 7 == 0:
        options.append(f"{NUMBER_WORDS[min(gap // 7, 10)]} weeks from now")
    return choose(rng, options)


def completed_quarter(rng: random.Random, published: date) -> str:
    """One of the last two calendar quarters whose figures were out by publication (some six weeks after)."""
    current = (published - timedelta(days=45)).month - 1
    return QUARTERS[(current // 3 - between(rng, 1, 3)) % 4]


# ----------------------------------------------------------------------------------------------
# Slots: the pieces a sentence template names, drawn when first named

STORY_SLOTS: dict[str, tuple[str, ...]] = {
    "src": ("the Japanese government said", "the Cabinet Secretariat said", "a Japanese official said",
            "according to the Japanese government", "Japanese officials said", "according to a government readout",
            "the Foreign Ministry said in a statement", "officials in Tokyo said", "{outlet2} reported",
            "according to people briefed on the talks", "the Japanese side said", "a government spokesman said"),
    "src_lead": ("according to the Japanese government", "according to the Cabinet Secretariat",
                 "according to a Japanese official", "according to a readout from the Japanese side",
                 "according to Japan's Foreign Ministry", "according to people briefed on the talks",
                 "as {outlet2} reported", "as officials in Tokyo confirmed"),
    "src_plain": ("officials said", "a Japanese official said", "the government said",
                  "people briefed on the talks said"),
    "topics": ("{topic} and {topic2}", "{topic}, {topic2} and {topic3}", "{topic} as well as {topic2}"),
    "topic": ("tariffs on Japanese cars", "the {rate}% levy on {sector}", "Japanese investment in the United States",
              "rice exports from the United States", "purchases of American liquefied natural gas",
              "shipbuilding cooperation", "semiconductor supply chains", "exchange rates",
              "non-tariff barriers to American vehicles", "Japanese purchases of American defense equipment",
              "critical minerals", "the Alaska LNG project", "imports of American soybeans and corn",
              "an exemption for {sector}", "purchases of Boeing aircraft", "the timing of the tariff cuts",
              "the structure of the ${bn} billion investment fund", "how profits from joint projects would be shared",
              "safety standards for imported cars", "the Section 232 investigation into {sector2}",
              "export controls on {sector2}", "a quota for {sector2}", "the {rate0}% duty on {sector2}",
              "energy cooperation", "Japan's farm market", "digital trade rules", "the stacking of tariffs on {sector2}"),
    "demand": ("lower the {rate}% tariff on Japanese {sector}", "exempt Japanese {sector} from the {rate}% levy",
               "scrap the additional duties on {sector}", "reconsider the {rate}% rate on {sector}",
               "apply the agreed {rate1}% rate to {sector} without delay", "cut the tariff on {sector} to {rate1}%",
               "stop stacking the {rate}% levy on top of existing duties", "drop the {rate0}% tariff threat",
               "treat Japan no worse than other allies on {sector}"),
    "start": ("April", "mid-April", "the spring", "talks began in April", "Trump's April 2 tariff announcement",
              "the negotiations started", "the start of the negotiations", "April 16", "the end of April"),
    "adj_good": ("productive", "constructive", "frank", "candid", "in-depth", "useful", "positive", "detailed",
                 "difficult but productive", "long but constructive"),
    "gap": ("a gap", "a big gap", "some distance", "a wide gap", "a difference of views", "no agreement",
            "a considerable gap", "daylight"),
    "issue": ("autos", "agriculture", "the investment package", "rice", "auto parts", "{sector}",
              "the {rate}% tariff on {sector}", "the profit-sharing formula", "non-tariff barriers",
              "currency", "the timing of implementation", "the order implementing the deal", "steel quotas"),
    "issue2": ("{sector2}", "agriculture", "the investment structure", "rice imports", "defense spending",
               "the {rate0}% levy on {sector2}", "how the deal would be written down", "shipbuilding"),
    "caveat": ("there is still work to do", "we are not there yet", "some issues remain", "the details matter",
               "we need more time on {issue2}", "I cannot say when a deal will come",
               "{issue2} is still open", "we will need another round", "the gap on {issue2} has not closed"),
    "caveat_told": ("more work was needed", "issues remained on {issue2}", "another round would be needed",
                    "the gap on {issue2} had not closed", "the details of {issue2} were still open"),
    "outcome": ("a deal", "an agreement", "an announcement", "progress", "a framework agreement",
                "a joint statement", "movement on {issue}", "a decision on the {rate}% tariff"),
    "horizon": ("by the end of {month_next}", "within weeks", "in the coming days", "in the next {n_weeks} weeks",
                "this month", "before {fdate}", "as early as next week", "by the {fdate} deadline",
                "before the summer", "within {n_days} days", "soon", "before the end of the year"),
    "we": ("we", "Japan", "our team", "the government", "Tokyo", "my team"),
    "goal": ("a fair deal", "a package that serves both economies", "the removal of the {rate}% tariff",
             "lower rates on {sector}", "a win-win agreement", "an agreement on {issue}",
             "the same treatment as Britain", "a cut to {rate1}% on {sector}"),
    "judgment": ("unacceptable", "extremely regrettable", "a heavy burden on our exporters", "not sustainable",
                 "a serious blow to {company}", "more than the industry can absorb", "a starting point",
                 "too high", "deeply damaging to our {sector} exporters", "hurting American consumers"),
    "position": ("Japan will not trade away its farmers", "the {rate}% tariff must come down",
                 "we want the cut on {sector} to take effect by {fdate}", "Japan is ready to invest ${bn} billion",
                 "our auto industry cannot wait", "we will not accept a deal that leaves {sector} out",
                 "a {rate1}% rate on {sector} is the most we can accept"),
    "concede": ("give up on {issue}", "sign a bad deal", "rush", "drop our demands on {sector}",
                "accept the {rate}% rate"),
    "a_deadline": ("a deadline", "an artificial deadline", "the {fdate} deadline", "someone else's timetable"),
    "claim": ("Japan has invested ${bn} billion in America and created {jobs} jobs",
              "our companies employ {jobs} Americans in {state}",
              "the {rate}% tariff costs our automakers {yen} trillion yen a year",
              "exports of {sector} fell {pct}% in {month} alone"),
    "pct_done": ("70", "80", "85", "90", "95", "60", "75"),
    "court": ("Japan's", "Tokyo's", "Washington's", "their", "our"),
    "concession": ("a deal that sacrifices farmers", "any agreement that leaves the {rate}% tariff on {sector} in place",
                   "a quota on {sector}", "cuts to rice tariffs", "a currency clause",
                   "a lower tariff for American {farm_good}", "a cap on car exports of {units} vehicles"),
    "offer": ("buy more American {farm_good}", "invest ${bn} billion in American {industry}",
              "expand imports of American {farm_good} by {pct}%", "help build ships in American yards",
              "raise purchases of American liquefied natural gas", "recognize American auto safety standards",
              "import {units} more American cars a year"),
    "farm_good": ("rice", "corn", "soybeans", "wheat", "beef", "ethanol", "potatoes", "pork"),
    "industry": ("chipmaking", "shipbuilding", "energy", "pharmaceuticals", "critical minerals",
                 "steelmaking", "battery plants", "artificial intelligence infrastructure"),
    "attitude": ("interest", "some flexibility", "little flexibility", "a positive attitude", "reluctance"),
    "domestic_action": ("set aside {yen} trillion yen", "expand emergency loans", "extend subsidies",
                        "open consultation desks", "compile an extra budget of {yen} trillion yen"),
    "affected": ("small parts suppliers", "automakers", "farmers", "exporters hit by the {rate}% tariff",
                 "makers of {sector}"),
    "option": ("a broader investment package", "retaliatory measures", "an appeal to the WTO",
               "a new offer on {farm_good}", "a phased cut to {rate1}%", "a sector-by-sector approach"),
    "us_ask": ("open its rice market", "buy more American cars", "finalize its investment pledge",
               "sign the implementing documents", "spend more on defense", "cut its tariff on {farm_good}"),
    "ally_adj": ("a close", "an important", "a reliable", "a key", "America's most important"),
    "benefit": ("works for both sides", "creates jobs in both countries", "protects our {sector_plain} industry",
                "lasts", "our voters can support"),
    "cond": ("Washington opens the door on {sector}", "the investment terms are clear",
             "Washington cuts the {rate}% tariff", "we get a deal on {sector}"),
    "concession_jp": ("move quickly", "sign", "take the next step", "expand our investment offer",
                      "discuss {farm_good} separately"),
    "us_offer": ("a lower rate", "relief on {sector}", "the {rate1}% rate", "a deal"),
    "us_cond": ("Tokyo signs", "we see real market access", "the investment money flows",
                "Japan opens its market to {farm_good}"),
    "us_view": ("I think a deal is close", "the president will decide", "we are not in a hurry",
                "the ball is in Tokyo's court"),
    "us_but": ("the trade deficit of ${bn_small} billion has to come down",
               "they have to open their market to {farm_good}", "fair is fair"),
    "us_goal": ("a deal", "Japanese money invested in {industry}", "more American {farm_good} in Japanese stores",
                "fair treatment for American cars"),
    "us_if": ("Japan keeps its promises, we will {us_reward}", "Tokyo delivers on {farm_good}, we will {us_reward}",
              "Tokyo drags its feet, we will {us_threat}", "the ${bn} billion is not committed, we will {us_threat}"),
    "us_reward": ("lower the rate to {rate1}%", "move fast", "look again at the {rate}% tariff on {sector}"),
    "us_threat": ("go back to {rate0}%", "raise the tariff on {sector} to {rate0}%", "let the {fdate} deadline pass"),
    "claim_us": ("Japan sold {units} cars in America last year and bought almost none of ours",
                 "the trade deficit with Japan was ${bn_small} billion {period}",
                 "Japanese companies will put ${bn} billion into {industry}"),
    "us_verdict": ("a good start", "not enough", "generous", "still being studied", "a step forward"),
    "tone": ("struck a cautious tone", "sounded upbeat", "was noncommittal", "appeared frustrated",
             "played down expectations", "was more optimistic"),
    "sector_plain": ("auto", "steel", "chip", "farm", "machine tool", "drug", "electronics", "aluminum"),
    "outlet2": ("NHK", "Kyodo News", "Fox Business", "CNBC", "Bloomberg Television", "the Nikkei",
                "The Wall Street Journal", "Reuters", "TV Asahi", "Fuji Television", "CNN"),
    "next_step": ("return to Washington", "brief the prime minister", "report to the cabinet",
                  "hold another round", "present a revised offer", "travel to the United States again"),
    "next_meet": ("another round is planned {fwhen}", "officials will meet again {fwhen}",
                  "working-level talks resume {fwhen}", "the two plan to speak again {fwhen}",
                  "{src_plain} another meeting could come {fwhen}"),
}
QUOTES_BOTH = (
    "there is still {gap} between us on {issue}",
    "the talks were {adj_good}, but {caveat}",
    "we expect {outcome} {horizon}",
    "{issue} remains the hardest part, and {caveat}",
    "nothing is agreed until everything is agreed, and that includes {issue}",
    "we have made progress on {issue}, but {caveat}",
    "I would say we are {pct_done} percent of the way there on {issue}",
    "the ball is in {court} court now on {issue}",
)
QUOTES = {
    "jp": QUOTES_BOTH + (
        "{we} will keep pushing for {goal}",
        "a {rate}% tariff on {sector} is {judgment}",
        "Japan is {ally_adj} ally and we want a deal that {benefit}",
        "I told {counterpart} that {position}",
        "we are not going to {concede} just to meet {a_deadline}",
        "{claim}",
        "our position on {issue} has not changed since {month}",
        "if {cond}, we are ready to {concession_jp}",
    ),
    "us": QUOTES_BOTH + (
        "Japan has to {us_ask} if it wants {us_offer}",
        "the {rate}% rate on {sector} stays until {us_cond}",
        "we've had {adj_good} conversations with {counterpart}, and {us_view}",
        "Japan is {ally_adj} ally, but {us_but}",
        "the president wants {us_goal} {horizon}",
        "if {us_if}",
        "{claim_us}",
    ),
}
SAYS_BOTH = (
    "the two sides had narrowed their differences on {issue} but remained apart on {issue2}",
    "a deal on {issue} could come {horizon}",
    "it was too early to say whether an agreement could be reached {horizon}",
    "the talks on {issue} were {adj_good} but {caveat_told}",
)
SAYS = {
    "jp": SAYS_BOTH + (
        "Tokyo would not accept {concession}",
        "Japan would press for {goal} in the next round of talks",
        "the {rate}% rate on {sector} was {judgment}",
        "Japan had offered to {offer}",
        "the American side had shown {attitude} toward Japan's proposal on {issue}",
        "the government would {domestic_action} to support {affected}",
        "Tokyo was studying {option}",
        "Japan's exports of {sector} had fallen {pct}% since the tariff took effect",
    ),
    "us": SAYS_BOTH + (
        "Washington was prepared to lower the {rate}% levy on {sector} if Japan agreed to {offer}",
        "the administration expected Japan to {us_ask} {horizon}",
        "the {rate}% tariff on {sector} would stay until Japan agreed to {offer}",
        "Japan's offer on {issue} was {us_verdict}",
        "the president would decide on the {rate}% rate {horizon}",
        "Japan had agreed in principle to {offer}",
    ),
}
UNNAMED = {
    "jp": ("a senior Japanese government official", "an official at the Economy, Trade and Industry Ministry",
           "a source close to the Japanese delegation", "officials at the Foreign Ministry",
           "a senior official in the prime minister's office", "a Japanese negotiator",
           "an aide to {jp_any}", "a person familiar with Japan's position", "a ruling party lawmaker close to the talks"),
    "us": ("an American official who asked not to be named", "a White House official", "a Commerce Department official",
           "a person familiar with the administration's thinking", "a Treasury official",
           "a senior administration official", "two people briefed on the American position",
           "a diplomatic source in Washington"),
}
COUNTERPART = {  # whom a speaker, in the first person, says he or she talked to
    "jp": ("Secretary {us_sec}", "my counterpart", "the American side", "{us_any}", "my American counterpart"),
    "us": ("Minister Akazawa", "my Japanese counterpart", "the Japanese side", "{jp_any}", "Tokyo"),
}
OTHER_SIDE = {  # the same, told by the reporter
    "jp": ("{us_any}", "the American side", "Washington", "American negotiators"),
    "us": ("{jp_any}", "the Japanese side", "Tokyo", "Japanese negotiators"),
}


class Slots(dict):
    """The slot values of one paragraph, drawn from the story on first use and then kept.

    A template pays only for the slots it names, and a slot named twice reads
    the same (the same sector, the same rate). '{When}' is '{when}' with a
    capital, for templates that open with a slot. `lead` makes the story's
    own pair of officials play the parts (for the lead paragraph and headline).
    """

    def __init__(self, story: Story, day: date, lead: bool = False) -> None:
        super().__init__()
        self.story = story
        self.day = day
        self.lead = lead
        self.people: dict[str, Person] = {}
        self.raw: dict[str, str] = {}   # slot -> the choice it was filled from, so that _distinct can differ
        self.site: Venue | None = None     # where this paragraph's meeting was, once drawn
        self._due: date | None = None
        self._side: str | None = None

    def __missing__(self, key: str) -> str:
        maker = FUNCS.get(key)
        if maker is not None:
            value = maker(self)
        elif key in CHOICES:
            self.raw[key] = choose(self.story.rng, CHOICES[key])
            value = self.raw[key].format_map(self)
        else:
            lower = self[key[0].lower() + key[1:]]
            value = lower[:1].upper() + lower[1:]
        self[key] = value
        return value

    def fill(self, template: str) -> str:
        return template.format_map(self)

    def pick(self, key: str, options: Sequence[str]) -> str:
        """Fill the slot `key` from one of `options`, remembering which (see _distinct)."""
        self.raw[key] = choose(self.story.rng, options)
        return self.fill(self.raw[key])

    @property
    def due(self) -> date:
        """The paragraph's coming deadline: days to a few months after publication, drawn once."""
        if self._due is None:
            self._due = self.story.published + timedelta(days=between(self.story.rng, 3, 90))
        return self._due

    def side(self) -> str:
        """Whose voice a statement is in ('jp' or 'us'): the speaker's side, drawn once."""
        if self._side is None:
            self._side = "jp" if self.story.rng.random() < 0.55 else "us"
        return self._side

    def person(self, role: str) -> Person:
        """The official playing a role ('jp', 'us', 'speaker') in this paragraph, picked once.

        The American at a meeting is one the Japanese official really
        negotiated with, the speaker is on the statement's side.
        """
        if role not in self.people:
            story = self.story
            if role == "us":
                self.people[role] = story.counterpart(self.person("jp"), self.day, self.lead)
            elif role == "speaker":
                self.people[role] = story.pick(self.side(), self.day, talks=False)
            else:
                self.people[role] = story.pick("jp", self.day, talks=True, lead=self.lead)
        return self.people[role]


def _rate(slots: Slots) -> str:
    return f"{choose(slots.story.rng, RATES):g}"


def _lower_rate(slots: Slots) -> str:
    """A rate below the slot 'rate': what Tokyo asks for, or what a deal set."""
    rate = float(slots["rate"])
    return f"{choose(slots.story.rng, [r for r in RATES if r < rate] or [rate / 2]):g}"


def _higher_rate(slots: Slots) -> str:
    """A rate above the slot 'rate': an earlier or threatened one."""
    rate = float(slots["rate"])
    return f"{choose(slots.story.rng, [r for r in RATES if r > rate] or [rate + 10]):g}"


def _minutes(slots: Slots) -> str:
    """A meeting's length as it is reported: 'about 45 minutes', 'about an hour', 'nearly two hours'."""
    rng = slots.story.rng
    minutes = int(slots["n_min"])
    if minutes in (60, 90, 120) and rng.random() < 0.6:
        return {60: "about an hour", 90: "an hour and a half", 120: "about two hours"}[minutes]
    return choose(rng, ("about", "roughly", "some", "around", "more than", "nearly")) + f" {minutes} minutes"


def _distinct(key: str, pool: Sequence[str], *others: str) -> Callable[[Slots], str]:
    """A slot drawn from a pool but never from the choice its companions were ('sector2' != 'sector')."""
    def draw(slots: Slots) -> str:
        taken = [slots.raw.get(other) or slots[other] for other in others if slots[other]]
        return slots.pick(key, [p for p in pool if p not in taken])
    return draw


def _sided(key: str, table: dict[str, tuple[str, ...]]) -> Callable[[Slots], str]:
    """A slot drawn from the pool of the statement's side (see Slots.side): a Japanese official does not
    speak Washington's lines."""
    def draw(slots: Slots) -> str:
        return slots.pick(key, table[slots.side()])
    return draw


def _second(key: str, table: dict[str, tuple[str, ...]], first: str) -> Callable[[Slots], str]:
    """A second quote or claim by the same speaker: another phrasing, and its own rates, sectors and amounts
    (filled in slots of its own that share only the people and the side), so it does not echo the first."""
    def draw(slots: Slots) -> str:
        taken = slots.raw.get(first) if slots[first] else None
        choice = choose(slots.story.rng, [p for p in table[slots.side()] if p != taken])
        slots.raw[key] = choice
        own = Slots(slots.story, slots.day, slots.lead)
        own.people, own._side = slots.people, slots.side()
        return own.fill(choice)
    return draw


def _past_day(slots: Slots, low: int, high: int) -> date:
    return max(EARLIEST_EVENT, slots.day - timedelta(days=between(slots.story.rng, low, high)))


def _city(slots: Slots) -> str:
    slots.site = slots.story.venue(slots.day)
    return slots.site.city


def _us_place(slots: Slots) -> str:
    """A place in Washington, for templates where the American hosts."""
    slots.site = VENUES[0]
    slots["city"] = VENUES[0].city
    return _place(slots)


def _ordinal(slots: Slots) -> str:
    """'fourth' (round, call, visit): counts grow from 'second' in April 2025 as the months of talks go by."""
    rounds = min(10, max(2, (slots.day - date(2025, 4, 1)).days // 21 + 2))
    return choose(slots.story.rng, ORDINALS[1:rounds])


def _start(slots: Slots) -> str:
    """When the talks began, as a story says 'since ...': only once they had begun by the event's day."""
    if slots.day < date(2025, 5, 15):
        return choose(slots.story.rng, ("the talks began", "the negotiations started", "the start of the talks"))
    return slots.pick("start", STORY_SLOTS["start"])


def _place(slots: Slots) -> str:
    """A place in the paragraph's city, the host's office among them ('at the Treasury Department')."""
    slots["city"]
    places = slots.site.places
    if slots.site is VENUES[0]:
        places += slots.person("us").offices
    elif slots.site is VENUES[1]:
        places += slots.person("jp").offices
    return choose(slots.story.rng, places)


def _venue(slots: Slots) -> str:
    return slots.fill(choose(slots.story.rng, slots.person("speaker").venues))


def _jp_any(slots: Slots) -> str:
    return slots.story.pick("jp", slots.day, talks=True).surname


FUNCS: dict[str, Callable[[Slots], str]] = {
    "jp": lambda s: s.story.mention(s.person("jp")),
    "jp2": lambda s: s.story.mention(s.person("jp")),
    "us": lambda s: s.story.mention(s.person("us")),
    "us2": lambda s: s.story.mention(s.person("us")),
    "speaker": lambda s: s.story.mention(s.person("speaker")),
    "jp_s": lambda s: s.person("jp").surname,
    "us_s": lambda s: s.person("us").surname,
    "jp_his": lambda s: s.person("jp").his,
    "sp_he": lambda s: s.person("speaker").he,
    "sp_his": lambda s: s.person("speaker").his,
    "venue": _venue,
    "us_any": lambda s: choose(s.story.rng, ("Bessent", "Lutnick", "Greer", "Trump", "Vance")),
    "us_sec": lambda s: choose(s.story.rng, ("Bessent", "Lutnick")),
    "jp_any": _jp_any,
    "quote": _sided("quote", QUOTES),
    "quote2": _second("quote2", QUOTES, "quote"),
    "says": _sided("says", SAYS),
    "says2": _second("says2", SAYS, "says"),
    "unnamed": _sided("unnamed", UNNAMED),
    "counterpart": _sided("counterpart", COUNTERPART),
    "other_side": _sided("other_side", OTHER_SIDE),
    "when": lambda s: past_phrase(s.story.rng, s.day, s.story.published),
    "when_before": lambda s: past_phrase(s.story.rng, _past_day(s, 1, 3), s.story.published),
    "when_earlier": lambda s: past_phrase(s.story.rng, _past_day(s, 8, 80), s.story.published),
    "since_when": lambda s: since_phrase(s.story.rng, _past_day(s, 8, 80), s.story.published),
    "fwhen": lambda s: future_phrase(s.story.rng, s.due, s.story.published),
    "fdate": lambda s: month_day(s.story.rng, s.due, s.story.published),
    "month": lambda s: MONTHS[_past_day(s, 20, 120).month - 1],
    "month_next": lambda s: MONTHS[(s.story.published.month + between(s.story.rng, 0, 3)) % 12],
    "year": lambda s: str(s.story.published.year - 1),
    "year_next": lambda s: str(s.story.published.year + 1),
    "year_old": lambda s: str(between(s.story.rng, 1995, 2024)),
    "fy": lambda s: str(s.story.published.year + (s.story.published.month > 3)),
    "quarter": lambda s: completed_quarter(s.story.rng, s.story.published),
    "city": _city,
    "place": _place,
    "us_city": lambda s: choose(s.story.rng, US_CITIES),
    "jp_city": lambda s: choose(s.story.rng, JP_CITIES),
    "jp_pref": lambda s: choose(s.story.rng, JP_PREFECTURES),
    "jp_pref2": _distinct("jp_pref2", JP_PREFECTURES, "jp_pref"),
    "n_min": lambda s: str(between(s.story.rng, 20, 135, 5)),
    "n_call": lambda s: str(between(s.story.rng, 10, 65, 5)),
    "mins": _minutes,
    "ordinal": _ordinal,
    "few": lambda s: choose(s.story.rng, ORDINALS[1:4]),
    "start": _start,
    "us_place": _us_place,
    "n_weeks": lambda s: NUMBER_WORDS[between(s.story.rng, 2, 9)],
    "n_days": lambda s: str(between(s.story.rng, 10, 95, 5)),
    "rate": _rate,
    "rate1": _lower_rate,
    "rate0": _higher_rate,
    "base": lambda s: choose(s.story.rng, ("2.5", "1.6", "3.9", "4.4", "6.5", "2.4", "3.1")),
    "sector": lambda s: choose(s.story.rng, SECTORS),
    "sector2": _distinct("sector2", SECTORS, "sector"),
    "topic2": _distinct("topic2", STORY_SLOTS["topic"], "topic"),
    "topic3": _distinct("topic3", STORY_SLOTS["topic"], "topic", "topic2"),
    "topic_more": _distinct("topic_more", STORY_SLOTS["topic"], "topic", "topic2", "topic3"),
    "issue2": _distinct("issue2", STORY_SLOTS["issue2"], "issue"),
    "company": lambda s: choose(s.story.rng, COMPANIES),
    "company2": _distinct("company2", COMPANIES, "company"),
    "automaker": lambda s: choose(s.story.rng, AUTOMAKERS),
    "automaker2": _distinct("automaker2", AUTOMAKERS, "automaker"),
    "brand": lambda s: choose(s.story.rng, BRANDS),
    "state": lambda s: choose(s.story.rng, STATES),
    "bank": lambda s: choose(s.story.rng, BANKS),
    "bank2": _distinct("bank2", BANKS, "bank"),
    "analyst": lambda s: person_name(s.story.rng),
    "bn": lambda s: str(choose(s.story.rng, (550, 550, 400, 300, 100, 200, 250, 150, 80, 40, 60, 120, 350))),
    "bn_small": lambda s: f"{s.story.rng.uniform(1, 60):.1f}",
    "bn_large": lambda s: str(between(s.story.rng, 600, 860)),
    "yen": lambda s: f"{s.story.rng.uniform(0.3, 8.5):.1f}",
    "yen2": lambda s: f"{s.story.rng.uniform(0.3, 8.5):.1f}",
    "yen_bn": lambda s: str(between(s.story.rng, 20, 1000, 5)),
    "yen_bn2": lambda s: str(between(s.story.rng, 50, 1000, 10)),
    "pct": lambda s: f"{s.story.rng.uniform(0.5, 35):.1f}",
    "pct_small": lambda s: f"{s.story.rng.uniform(0.1, 4.9):.1f}",
    "pct_mkt": lambda s: f"{s.story.rng.uniform(0.5, 14):.1f}",
    "pct_small2": lambda s: f"{s.story.rng.uniform(0.1, 4.9):.1f}",
    "pp": lambda s: f"{s.story.rng.uniform(0.1, 0.9):.1f}",
    "pp2": lambda s: f"{s.story.rng.uniform(0.1, 0.5):.2f}",
    "jobs": lambda s: f"{between(s.story.rng, 20, 980) * 1000:,}",
    "units": lambda s: f"{between(s.story.rng, 10, 600) * 1000:,}",
    "workers": lambda s: f"{between(s.story.rng, 400, 12000, 50):,}",
    "workers2": lambda s: f"{between(s.story.rng, 100, 3000, 10):,}",
    "tons": lambda s: f"{between(s.story.rng, 50, 900) * 1000:,}",
    "million": lambda s: f"{s.story.rng.uniform(5.0, 5.6):.2f}",
    "price": lambda s: f"{between(s.story.rng, 300, 2500, 50):,}",
    "yen_rate": lambda s: f"{s.story.rng.uniform(139, 158):.2f}",
    "level": lambda s: f"{s.story.rng.uniform(31000, 52000):,.2f}",
    "topix": lambda s: f"{s.story.rng.uniform(2300, 3500):,.2f}",
    "jgb": lambda s: f"{s.story.rng.uniform(1.2, 2.3):.3f}",
    "boj_rate": lambda s: choose(s.story.rng, ("0.5", "0.75", "0.5", "0.25")),
    "boj_rate2": lambda s: choose(s.story.rng, ("0.75", "1.0", "1.25")),
    "count": lambda s: str(between(s.story.rng, 3, 40)),
}


def person_name(rng: random.Random) -> str:
    """A fictional reporter's or analyst's name (the officials are real, the bylines are not)."""
    return f"{choose(rng, FIRST_NAMES)} {choose(rng, LAST_NAMES)}"


# ----------------------------------------------------------------------------------------------
# Sentence templates, by kind of event

MEETING = (
    "{jp} met {us} {place} {when} for {mins}, {src}.",
    "{jp} and {us} held talks {place} {when}, their {ordinal} meeting since {start}.",
    "{When}, {jp} sat down with {us} {place} for talks that lasted {mins}.",
    "In talks {place} {when}, {jp} pressed {us} to {demand}, {src}.",
    "{jp}, who arrived in Washington {when_before}, met {us} {us_place} {when} and discussed {topics}.",
    "{Src_lead}, {jp} held a {n_min}-minute meeting with {us} {place} {when}.",
    ("The {ordinal} round of talks between {jp} and {us} took place {place} {when}, with {topics} at the top "
     "of the agenda."),
    "{jp} visited {us} {us_place} {when}, {jp_his} {ordinal} such visit since {start}, to discuss {topics}.",
    "{us} hosted {jp} {us_place} {when} for {mins} of talks on {topics}.",
    "Meeting {us} {place} {when}, {jp} urged Washington to {demand}.",
    "{jp} held face-to-face talks with {us} {when}, the {few} such meeting in {n_weeks} weeks, {src}.",
    "{jp} and {us} met again {when}, this time {place}, and spent {mins} going over {topics}.",
    "{jp} had a working lunch with {us} {place} {when}, during which the two discussed {topics}.",
    "{When}, {jp} and {us} met {place} for {mins}; {src_plain} the two focused on {topic}.",
)
CALL = (
    "{jp} spoke with {us} by phone {when} for {mins}, {src}.",
    "{jp} and {us} held a {n_call}-minute telephone conversation {when}, {src}.",
    "In a phone call {when}, {jp} urged {us} to {demand}.",
    "{us} called {jp} {when} to discuss {topics}, {src}.",
    "{jp} held a video conference with {us} {when}, focusing on {topics}.",
    "The two sides also talked by phone {when}, with {jp} and {us} spending {mins} on {topic}.",
    "{Src_lead}, {jp} and {us} spoke online {when} for {mins}.",
    "{When}, {jp} had a {n_call}-minute phone call with {us}, in which {jp_his} side raised {topic}.",
    "{jp} held phone talks with {us} {when}, their {ordinal} call since {start}.",
    "{us} and {jp} spoke by telephone {when} and agreed to keep working-level talks going on {topic}.",
    "By phone {when}, {jp} asked {us} to {demand}, {src}.",
)
NAMED_STATEMENT = (
    '"{Quote}," {speaker} said {venue} {when}.',
    "{speaker} said {when} that {says}.",
    '"{Quote}," {speaker} said. "{Quote2}," {sp_he} added.',
    "{speaker}, speaking {venue} {when}, said {says}.",
    'Speaking {venue} {when}, {speaker} said: "{Quote}."',
    "{speaker} told reporters {when} that {says}, adding that {says2}.",
    '"{Quote}," said {speaker}, who spoke {venue} {when}.',
    "{speaker} {tone} {when}, saying {says}.",
    "Asked about {topic} {when}, {speaker} said {says}.",
    '{speaker} said {venue} {when}: "{Quote}, and {quote2}."',
    "{When}, {speaker} said {says}.",
    '"{Quote}," {speaker} said {when}, describing {sp_his} latest exchange with {other_side}.',
)
UNNAMED_STATEMENT = (
    "According to {unnamed}, {says}.",
    "{Unnamed} said {when} that {says}.",
    '"{Quote}," {unnamed} told {outlet2} {when}.',
    "{Unnamed}, speaking on condition of anonymity, said {says}.",
    "{Unnamed} told reporters {when} that {says}, though {says2}.",
    "Behind the scenes, {unnamed} said, {says}.",
    "{Unnamed} said {says}, adding that {says2}.",
    "{Says}, {unnamed} said {when}.",
)
RATE = (
    "Washington currently imposes a {rate}% tariff on {sector} from Japan, {rate_note}.",
    "The United States raised its levy on imported {sector} to {rate}% {when_earlier}, up from {rate1}%, {src}.",
    "Japan is seeking to have the {rate}% duty on {sector} cut to {rate1}% {horizon}, {src}.",
    ("Japanese {sector} face a {rate}% tariff, on top of the {base}% duty that applied before {month}, "
     "{data_src}."),
    "The {rate}% tariff on Japanese {sector} took effect {when_earlier}, {src}.",
    ("Tokyo estimates the {rate}% tariff on {sector} costs Japanese exporters about {yen} trillion yen a year, "
     "{rate_note}."),
    "{us} threatened {when_earlier} to raise the tariff on Japanese {sector} to as much as {rate0}%.",
    "Imports of Japanese {sector} are now subject to a combined duty of {rate}%, {rate_note}.",
    "The rate on {sector} was lowered to {rate1}% from {rate}% {when_earlier}, {src}.",
    "Washington has left the {rate}% tariff on {sector} unchanged since {month}, {rate_note}.",
    ("Under the current arrangement, {sector} from Japan are taxed at {rate}%, compared with {rate0}% for "
     "countries without a deal, {data_src}."),
    "A {rate}% levy on {sector} has applied since {since_when}, while {sector2} face {rate0}%.",
)
AGREEMENT = (
    "The two countries agreed {when} to {term}, {src}.",
    ("Under the deal reached {when}, Japan will invest ${bn} billion in the United States, and Washington will "
     "cut the tariff on {sector} to {rate1}%."),
    "{jp} and {us} signed a memorandum of understanding {when} on {topic}.",
    "Tokyo and Washington struck a broad agreement {when} covering {topics}.",
    "The sides reached a tentative deal {when} under which Japan will {offer}, {src}.",
    "{When}, negotiators from both countries agreed to {term}, {src}.",
    "A joint statement issued {when} committed both governments to {term} and to {term2}.",
    "Japan agreed {when} to {offer}, in return for a cut in the levy on {sector} to {rate1}%.",
    "{jp} and {us} initialed a document {when} that commits Washington to {term}.",
    "The agreement reached {place} {when} sets a {rate1}% ceiling on tariffs for {sector}, {src}.",
)
DEADLINE = (
    "A pause on higher country-specific tariffs is due to expire {fwhen}, {src}.",
    "Washington has given Tokyo until {fdate} to {us_ask}.",
    "The {rate0}% rate on {sector} is scheduled to take effect {fwhen} unless a deal is reached.",
    "Negotiators aim to conclude the text on {topic} by {fdate}, {src}.",
    "{us} has set a deadline of {fdate} for Japan to {us_ask}.",
    "The {n_days}-day suspension of the higher tariffs ends {fwhen}, {src}.",
    "Both sides hope to finalize the documents on {topic} before a leaders' meeting planned {fwhen}.",
    "Unless extended, the exemption for {sector} lapses {fwhen}, {src}.",
    "Japan must submit its list of investment projects {fwhen}, under the terms agreed in {month}.",
    "The new {rate}% duty on {sector} kicks in {fwhen}, giving exporters {n_weeks} weeks to adjust.",
)
EVENT_SLOTS = {
    "rate_note": ("compared with {rate1}% before the dispute", "up from {rate1}% at the start of the year",
                  "{src}", "a rate Tokyo wants cut to {rate1}% {horizon}", "double the {rate1}% it set for {sector2}",
                  "according to American customs data", "in addition to existing most-favored-nation duties",
                  "{data_src}", "a rate {jp_any} has called {judgment}", "up from {rate1}% {when_earlier}"),
    "term": ("cap the tariff on Japanese {sector} at {rate1}%", "set up a ${bn} billion investment vehicle",
             "cut the levy on {sector} from {rate}% to {rate1}%", "apply a single {rate1}% rate to most Japanese goods",
             "hold working-level talks every {n_weeks} weeks", "remove the stacking of duties on {sector}",
             "expand Japanese purchases of American {farm_good} by {pct}%", "cooperate on {industry}",
             "exempt {sector} from further increases", "review the arrangement after {n_days} days",
             "lift Japan's purchases of American {farm_good} to {tons} tons a year"),
}
FUNCS["term2"] = _distinct("term2", EVENT_SLOTS["term"], "term")
BACKGROUND = (
    ("Japan exported about {yen} trillion yen worth of {sector} to the United States {period}, roughly {pct}% of "
     "its total shipments there, {data_src}."),
    ("{company} has estimated that the tariffs will {hit_verb} its operating profit by {yen_bn} billion yen in "
     "the fiscal year ending March {fy}, {hit_tail}."),
    ("The United States takes about {pct}% of Japan's exports, {data_src}, and Japanese companies have been the "
     "largest foreign investors in America for {count} years running, with holdings of ${bn_large} billion."),
    ("Economists at {bank} estimate the levies could shave {pp} percentage point off Japan's growth over the "
     "next {n_weeks} quarters, {gdp_tail}."),
    ("The auto industry and its suppliers employ about {million} million people in Japan, {data_src}, and makers "
     "of {sector} account for another {pct}% of factory output."),
    "{company} makes about {units} units a year in {state}, where it employs some {workers} workers {plant_tail}.",
    "The yen traded around {yen_rate} to the dollar {when}, {yen_move}.",
    "Japan's trade surplus with the United States stood at {yen} trillion yen {period}, {trend}, {data_src}.",
    ("Farm groups, a key support base of the ruling Liberal Democratic Party, {fg_verb} {fg_concession}, "
     "{fg_tail}."),
    ("Japan imports about {tons} tons of rice a year tariff-free under a World Trade Organization arrangement, "
     "and American growers supply roughly {pct}% of it, {data_src}."),
    ("Shipments of Japanese {sector} to the United States {rose_fell} {pct}% {period} from a year earlier, "
     "{data_src}."),
    ("Analysts at {bank} say exporters such as {company} have so far absorbed much of the tariff cost, cutting "
     "export prices by about {pct}% {period} rather than raising sticker prices for American buyers."),
    ("Japanese companies including {company} and {company2} together run {count} plants in {state}, employing "
     "{workers} people, according to {state} officials."),
    ("The Bank of Japan, which {boj_did} {when_earlier}, has cited American trade policy as a risk to its "
     "outlook, and {bank} expects it to {boj_move}."),
    ("Smaller suppliers of {sector} in {jp_pref} Prefecture have reported a {pct}% drop in orders since {month}, "
     "a local chamber of commerce survey of {workers} companies found."),
    ("Car exports make up roughly {pct}% of Japan's shipments to the United States, and {automaker} alone "
     "sold {units} vehicles there {period}."),
    "Opposition lawmakers have {opp_verb} {opp_obj}, {opp_tail}.",
    ("The dispute has also {weighed} {sector}, where Japanese makers hold about {pct}% of the American market, "
     "{bank} estimates."),
    "{automaker} shipped {units} vehicles from Japan to the United States {period}, {trend}, {data_src}.",
    "Japan's economy {gdp_verb} an annualized {pct_small}% in the {quarter} quarter, {gdp_reason}.",
    ("About {pct}% of the vehicles Japanese automakers sell in America are built there, {data_src}, but "
     "{automaker} still ships {units} a year from its plants in Japan."),
    ("Tariff revenue collected on Japanese goods reached ${bn_small} billion {period}, {data_src}, "
     "{revenue_tail}."),
    ("The Nikkei share average has {moved_pp} {pct_mkt}% since {month}, with exporters such as {company} "
     "{perf} the broader market."),
    ("Japanese direct investment in the United States rose to ${bn_large} billion at the end of {year}, "
     "{data_src}, with {industry} among the fastest-growing areas."),
    "A survey by {bank} of {workers} Japanese companies found that {pct}% plan to {firm_plan} {period2}.",
    ("Prices of imported {farm_good} in Japan {rose_fell} {pct}% {period}, {data_src}, a sensitive issue "
     "before {jp_event}."),
)
BACKGROUND_SLOTS = {
    "data_src": ("Finance Ministry data show", "according to the Finance Ministry", "customs figures show",
                 "according to {bank}", "{bank} calculates", "according to the Japan External Trade Organization",
                 "government statistics show", "according to the Cabinet Office", "a {bank} analysis found",
                 "JETRO figures show", "official data show", "trade ministry figures show", "{bank} estimates"),
    "period": ("in {year}", "in the {quarter} quarter", "in {month}", "last fiscal year",
               "in the first half of the year", "over the past {n_weeks} months", "in the year to {month}",
               "in the three months to {month}", "in {month} alone"),
    "period2": ("this fiscal year", "within {n_weeks} years", "by March {fy}", "over the next {n_weeks} years",
                "before the end of {year_next}"),
    "trend": ("down {pct}% from a year earlier", "up {pct}% on the year", "a drop of {pct}%",
              "the lowest since {year_old}", "a {pct}% decline", "the smallest in {count} years",
              "a rise of {pct}% from the year before"),
    "rose_fell": ("fell", "rose", "dropped", "climbed", "slid", "jumped", "declined"),
    "hit_verb": ("cut", "reduce", "shave", "lower", "trim"),
    "hit_tail": ("roughly {pct}% of last year's total", "on top of {yen_bn2} billion yen in currency losses",
                 "before any price increases", "its first such warning since {year_old}",
                 "more than analysts at {bank} had expected", "even after cost cuts of {yen_bn2} billion yen"),
    "gdp_tail": ("with exporters of {sector} hit hardest", "before any offsetting stimulus",
                 "and push the economy close to contraction", "while {bank2} sees a smaller hit of {pp2} point",
                 "with the damage concentrated in {jp_pref} and {jp_pref2}", "or about {yen} trillion yen"),
    "plant_tail": ("at {count} plants", "across {count} sites", "and plans to hire {workers2} more",
                   "and sources parts from {workers2} local suppliers", "after expanding there in {year_old}"),
    "fg_verb": ("oppose", "have lobbied hard against", "have warned against", "staged rallies against",
                "have petitioned the government over"),
    "fg_concession": ("a deal that sacrifices farmers", "cuts to rice tariffs", "a currency clause",
                      "a lower tariff for American {farm_good}", "wider access for American {farm_good}",
                      "any increase in the rice import quota"),
    "fg_tail": ("and {count} prefectural chapters have passed resolutions to that effect",
                "arguing that {farm_good} prices already fell {pct}% {period}",
                "citing {workers} member farms in {jp_pref} alone",
                "ahead of local elections in {jp_pref} {fwhen}",
                "saying {pct}% of their members grow rice on less than a hectare"),
    "opp_verb": ("criticized", "demanded a full account of", "called for a Diet debate on",
                 "questioned", "submitted {count} written questions about", "sought the release of documents on"),
    "opp_obj": ("the government's handling of the talks", "the ${bn} billion investment pledge",
                "the concessions on {farm_good}", "the terms agreed in {month}", "the deal's effect on {sector}"),
    "opp_tail": ("with {count} of them signing a letter to {jp_any} {when_earlier}",
                 "saying the deal costs Japan up to {yen} trillion yen",
                 "citing a {pct}% drop in {sector} exports {period}",
                 "and {count} hours of committee time have been set aside {fwhen}"),
    "weighed": ("weighed on", "hit", "clouded the outlook for", "unsettled buyers of", "squeezed margins on"),
    "gdp_verb": ("grew", "shrank", "expanded", "contracted", "rose", "fell"),
    "gdp_reason": ("as exports to the United States {rose_fell} {pct}%",
                   "with net exports subtracting {pp} point", "as consumer spending {rose_fell} {pct_small}%",
                   "with capital spending up {pct_small}%", "{data_src}"),
    "revenue_tail": ("{trend}", "more than {count} times the level a year earlier",
                     "or about {pct_small}% of all American tariff income"),
    "perf": ("lagging", "outperforming", "trailing", "beating", "underperforming"),
    "firm_plan": ("raise prices in America", "move production to the United States", "cut investment",
                  "shift exports to {region}", "delay capital spending", "hire more workers in {state}"),
    "region": ("Europe", "Southeast Asia", "India", "Mexico", "Canada", "the Middle East"),
    "jp_event": ("the upper house election", "the ruling party leadership race", "the budget debate",
                 "next year's wage talks", "local elections in {jp_pref}"),
    "yen_move": ("little changed from a week earlier", "its weakest since {month}", "up {pct_small}% on the week",
                 "as traders weighed {topic}", "after swinging in a {pct_small}-yen range",
                 "down {pct_small}% from {when_earlier}"),
    "boj_did": ("kept its policy rate at {boj_rate}%", "raised its policy rate to {boj_rate}%",
                "left rates unchanged for the {ordinal} straight meeting", "held its key rate at {boj_rate}%"),
    "boj_move": ("hold rates at {boj_rate}% until {month_next}", "raise rates to {boj_rate2}% by {month_next}",
                 "keep policy on hold for {n_weeks} more meetings", "wait until {month_next} before moving again"),
}
FOLLOWUPS = {  # a second sentence for an event's paragraph, telling no new event
    "meeting": (("{Topic_more} also came up in the {n_min}-minute session, {src}, and {jp2} is expected to "
                "{next_step} {horizon}."),
                "It was the {ordinal} time {jp2} and {us2} had met since {start}, and {next_meet}.",
                "The two sides did not issue a joint statement after the {n_min}-minute meeting, but {next_meet}."),
    "call": ("The call also touched on {topic_more}, {src}, and {next_meet}.",
             "It was their {ordinal} call since {start}; {jp2} had last met {us2} {when_earlier}."),
    "rate": (("{company}'s shares {moved} {pct_small}% in Tokyo {when}, while those of {company2} {moved2} "
             "{pct_small2}%."),
             ("Before {month}, Japanese {sector} entered the United States at rates of about {pct_small}%, "
              "{data_src}.")),
}
MARKETS = (
    "Japan's Nikkei share average {moved} {pct_small}% to {level} {when}, as investors weighed {topic}.",
    "The broader Topix index {moved} {pct_small}% to {topix}, with {company} among the biggest movers.",
    ("Automakers led the {direction}, with {automaker} {moved_ing} {pct_small}% and {automaker2} {moved_ing2} "
     "{pct_small2}%."),
    "The yen {yen_dir} to {yen_rate} per dollar {when}, {yen_move}.",
    ('"Markets have priced in a {rate}% rate on {sector}, but not much worse," said {analyst}, a strategist at '
     "{bank}."),
    ("Yields on 10-year Japanese government bonds rose {pct_small} basis points to {jgb}%, the highest since "
     "{month}."),
    ("Foreign investors were net {flow} of Japanese stocks for the {ordinal} straight week, trading a net "
     "{yen_bn} billion yen, exchange data showed."),
    ("{company} shares {moved} {pct_small}% after the company said tariffs would cost it {yen_bn} billion yen "
     "this fiscal year."),
    "{analyst} of {bank} said {market_view}.",
)
EARNINGS = (
    ("{automaker} reported {when} a {pct}% fall in {quarter} operating profit to {yen_bn} billion yen, citing "
     "{yen_bn2} billion yen in costs from American tariffs."),
    ("The automaker {forecast} its full-year operating profit forecast to {yen} trillion yen from {yen2} trillion "
     "yen for the year ending March {fy}."),
    ("{automaker} sold {units} vehicles in North America in the quarter, {change} {pct_small}% from a year "
     "earlier."),
    "Chief financial officer {analyst} told an earnings call that the company {cfo_said}.",
    "The company said it would {measure} to offset {pct}% of the tariff burden {period2}.",
    ("Shares of {automaker} {moved} {pct_small}% in Tokyo trading after the results, while the benchmark "
     "Nikkei {moved2} {pct_small2}%."),
    ("Revenue rose {pct_small}% to {yen} trillion yen, helped by hybrid sales and a weaker yen at {yen_rate} "
     "per dollar."),
    "{automaker2}, which reports {fwhen}, has flagged a hit of about {yen_bn} billion yen from the tariffs.",
)
NEAR_SLOTS = {
    "forecast": ("cut", "lowered", "kept", "raised", "trimmed"),
    "change": ("up", "down"),
    "cfo_said": ("expected the {rate}% tariff on vehicles to remain in place through {month_next}",
                 "had raised American prices by an average of ${price} per vehicle",
                 "would shift output of {units} vehicles to its plants in {state}",
                 "saw no quick relief from the {rate}% rate", "had absorbed {yen_bn} billion yen of the cost so far"),
    "measure": ("raise American prices by about {pct_small}%", "cut costs by {yen_bn} billion yen",
                "move more production to {state}", "source more parts locally"),
    "moves": ("rises", "falls", "gains", "slips", "drops", "climbs"),
    "moved_pp": ("risen", "fallen", "gained", "slipped", "dropped", "climbed", "lost"),
    "moved": ("rose", "fell", "gained", "slipped", "dropped", "climbed", "added", "lost"),
    "moved2": ("rose", "fell", "gained", "slipped", "edged up", "edged down"),
    "moved_ing": ("rising", "falling", "gaining", "slipping", "dropping", "climbing"),
    "moved_ing2": ("rising", "falling", "adding", "losing", "edging up", "edging down"),
    "direction": ("gains", "losses", "decline", "rally"),
    "yen_dir": ("weakened", "strengthened", "slipped", "firmed"),
    "flow": ("buyers", "sellers"),
    "market_view": ("exporters would stay volatile until the text on {sector} is signed",
                    "the {rate}% rate was largely priced in after {month}",
                    "a weaker yen near {yen_rate} per dollar was cushioning the tariff hit",
                    "investors were rotating from {sector_plain} makers into domestic plays"),
}
TEMPLATES = {"meeting": MEETING, "call": CALL, "named": NAMED_STATEMENT, "unnamed": UNNAMED_STATEMENT,
             "rate": RATE, "agreement": AGREEMENT, "deadline": DEADLINE, "background": BACKGROUND,
             "markets": MARKETS, "earnings": EARNINGS}

# ----------------------------------------------------------------------------------------------
# Headlines, page chrome and reader comments

HEADLINES = (
    "{jp_s} meets {us_s} as tariff talks enter {ordinal} round; {sector} and {sector2} in focus",
    "Japan, US {hl_verb} on {sector} tariffs ahead of {fdate} deadline",
    "{jp_s} says Tokyo won't accept {rate}% tariff on {sector}, eyes {month_next} deal",
    "Japan seeks cut to {rate1}% on {sector} in {n_min}-minute talks with {us_s}",
    "{us_s}: deal with Japan on {issue} possible {horizon}",
    "Tariff talks: {jp_s} and {us_s} hold {n_min}-minute meeting {hl_place}",
    "Japan weighs ${bn} billion offer as {rate}% {sector_plain} tariff bites",
    "{jp_s} to visit Washington {hl_again} for talks on {topic}",
    "Japan, US agree to keep talking after {n_min}-minute session on {sector} and {sector2}",
    "{hl_label}: What a {rate1}% tariff on {sector} would mean for {company}",
    "{us_s} and {jp_s} speak by phone as {fdate} deadline nears",
    "Tokyo eyes {month_next} deal on {sector} and {sector2} after {ordinal} round",
    "Japan's {sector_plain} exporters brace for {rate}% US levy from {fdate}",
    "{jp_s} heads to {hl_city} for {ordinal} round with {us_s} on {sector}",
    "{us_s} says {rate1}% rate for Japanese {sector} 'not on the table' before {fdate}",
    "Japan offers to {offer} in bid to cut {rate}% tariff",
    "{hl_label}: {ordinal} round of tariff talks ends without deal on {sector}",
    "{jp_s}, {us_s} to meet again {hl_when} as {sector_plain} tariff gap persists",
    "Japan's {rate}% tariff deal: who gains, who loses in {sector} and {sector2}",
    "Trump administration signals {rate1}% ceiling on Japanese {sector} ahead of {fdate}",
)
NEAR_HEADLINES = (
    "Nikkei {moves} {pct_small}% as tariff worries weigh on {sector_plain} shares",
    "{automaker} {quarter} profit {hl_trend} {pct}% on US tariffs; forecast {forecast}",
    "Yen at {yen_rate} as traders eye {rate}% tariff on {sector}",
    "{automaker} flags {yen_bn} billion yen tariff hit, shares {moves} {pct_small}%",
    "Tokyo stocks: exporters {hl_trend} as {sector} tariff talk resurfaces",
    "{hl_label}: How Japan's automakers are absorbing a {rate}% tariff",
)
PAGE_SLOTS = {
    "hl_verb": ("fail to bridge gap", "make progress", "narrow differences", "remain apart", "edge closer",
                "trade proposals", "report headway", "struggle to agree"),
    "hl_place": ("in Washington", "in Tokyo", "by video link", "at the White House", "in {hl_city}"),
    "hl_city": ("Washington", "Tokyo", "New York", "Osaka", "London"),
    "hl_again": ("again", "for {ordinal} time", "next week", "{hl_when}", "this month"),
    "hl_when": ("next week", "this month", "before {fdate}", "in {month_next}", "within days",
                "after {n_min}-minute talks"),
    "hl_trend": ("down", "up", "falling", "rising", "sliding", "jumping"),
    "hl_label": ("Analysis", "Explainer", "Q&A", "Insight", "Factbox"),
    "opinion": ("a disgrace", "still too high", "not the end of the world", "exactly what they wanted",
                "a rounding error for Toyota", "going to kill small suppliers", "better than nothing",
                "pure theater"),
    "relative": ("brother", "sister", "dad", "neighbor", "cousin", "wife", "husband", "friend", "uncle",
                 "son", "daughter", "roommate"),
    "judgement_c": ("understands cars", "actually reads the numbers", "has any leverage",
                    "is taking this seriously", "knows what a supply chain is", "has read the deal"),
    "product": ("hybrid", "pickup", "SUV", "minivan", "sedan", "compact", "crossover", "wagon"),
}
CHOICES: dict[str, tuple[str, ...]] = {**STORY_SLOTS, **EVENT_SLOTS, **BACKGROUND_SLOTS, **NEAR_SLOTS, **PAGE_SLOTS}
MENUS = ("Home | World | Business | Markets | Sign in", "News | Japan | World | Business | Opinion | Subscribe",
         "HOME > BUSINESS > ECONOMY", "Menu  Search  Log in  Subscribe", "Top | Politics | Economy | Tech | Sports",
         "Latest | Japan | Asia | Business | Markets | Tech | Opinion | Video")
ADS = ("ADVERTISEMENT", "Advertisement", "- Advertisement -", "Story continues below advertisement")
NEWSLETTERS = ("Sign up for our {nl} newsletter to get the day's top stories in your inbox.",
               "Get the {nl} newsletter: the business news that matters, every weekday morning.",
               "Subscribe to {nl} for daily updates on Japan's economy.")
NEWSLETTER_NAMES = ("Morning Briefing", "Asia Business Daily", "Japan Update", "Markets Today", "Trade Watch")
COOKIES = ("We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.",
           "This site uses cookies. Manage your preferences in Cookie Settings. Accept all",
           "Your privacy matters. We and our partners use cookies to personalize content and ads. OK")
SHARES = ("Share: Facebook | X | LinkedIn | Email", "Share this article", "Copy link | Print | Email",
          "Save  Share  Gift this article")
CAPTIONS = ("Photo: {full} speaks to reporters in {hl_city} on {caption_day}. ({photo})",
            "{full} arrives for talks in {hl_city} on {caption_day}. ({photo})",
            "Photo: {full} (left) and {full2} shake hands in {hl_city} on {caption_day}. ({photo})",
            "Photo: Cars wait for export at a port in {jp_city} on {caption_day}. ({photo})",
            "Photo: {full} at a news conference on {caption_day}. ({photo})",
            "Workers assemble vehicles at a {automaker} plant in {state}, {caption_day}. ({photo})")
PHOTO_CREDITS = ("Reuters", "Kyodo", "AP Photo", "AFP-Jiji", "Bloomberg", "Jiji Press", "pool photo",
                 "File photo")
COMMENTS = (
    "{pol} will cave again, and {rate}% on {sector} is {opinion}.",
    "So we pay {rate}% more for {sector} so that {pol} can claim a win in {month}? Brilliant.",
    "Anyone who thinks {rate1}% is a 'deal' hasn't looked at the {sector} numbers for {month}, down {pct}%.",
    "My {relative} works at the {automaker} plant in {state} and they already cut {count} shifts since {month}.",
    "{pol} is the only one in that room who {judgement_c}, and even {pol_he} can't fix a {rate}% tariff.",
    "Remember when they said {rate0}%? Now it's {rate1}% and everyone calls it a victory, give it {count} weeks.",
    "The ${bn} billion 'investment' is just a slush fund for {pol}, change my mind ({count} years of this?)",
    ("I run a small {sector_plain} supplier in {jp_pref} and orders are down {pct}% since {month}, and nobody in "
     "Tokyo is listening to people like us."),
    "Honestly {pol} has done better than expected: {rate1}% beats {rate0}% any day, ask {company}.",
    ("Tariffs are taxes paid by consumers, so {pct}% higher prices on {sector} is what this 'win' looks like "
     "in {state}."),
    "Wake me up when the {rate}% on {sector} is actually gone and not just promised for {month_next}.",
    ("Why does nobody mention {farm_good}? {pol} traded away farmers for {sector} again, {count} years after "
     "the last time."),
    "{Pol} sat through {count} rounds of talks for a {rate1}% rate on {sector}, some negotiation.",
    "Bought a {brand} {product} last {month} and the price was up ${price}, thanks {pol}.",
    "The yen at {yen_rate} does more to {company} than any {rate}% tariff, people forget that.",
)


def _commented(slots: Slots) -> Person:
    """The official a reader rails at: anyone in office on the publication day, drawn once per comment."""
    if "pol" not in slots.people:
        story = slots.story
        side = "jp" if story.rng.random() < 0.5 else "us"
        pool, cumulative = officials(side, story.published, False)
        slots.people["pol"] = story.rng.choices(pool, cum_weights=cumulative)[0]
    return slots.people["pol"]


FUNCS["pol"] = lambda s: _commented(s).surname
FUNCS["pol_he"] = lambda s: _commented(s).he
USER_PARTS = ("kanto", "rustbelt", "sakura", "trader", "osaka", "mike", "ken", "yokohama", "detroit", "tofu",
              "salaryman", "ohio", "chiba", "bluecollar", "nagoya", "exporter", "kaizen", "midwest", "shinkansen")


def username(rng: random.Random) -> str:
    """A reader's handle, varied as real ones are: 'sakura_trader88', 'RustbeltMike'."""
    first = choose(rng, USER_PARTS)
    second = choose(rng, [part for part in USER_PARTS if part != first])
    if rng.random() < 0.5:
        return f"{first}_{second}{between(rng, 1, 999)}"
    return f"{first.title()}{second.title()}"


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if ord(c) >= 0x20 or c == "\t" else f"\\u{ord(c):04x}" for c in escaped) + '"'


# ----------------------------------------------------------------------------------------------
# One story in the making

AN_BEFORE_NUMBER = re.compile(r"\b([Aa]) (?=8|1[18](?!\d))")   # "a 8.2% drop" -> "an 8.2% drop"


def tidy(text: str) -> str:
    """Drop the comma an apposition leaves before a stop or a comma, fix 'a 8%', and capitalize the start."""
    text = text.replace(",.", ".").replace(",,", ",").replace(",:", ":").replace(",;", ";")
    if "a 8" in text or "a 1" in text or "A 8" in text or "A 1" in text:   # the regex only when it may apply
        text = AN_BEFORE_NUMBER.sub(r"\1n ", text)
    return text[:1].upper() + text[1:]


class Story:
    """One article in the making: its day, outlet and cast, and who has been named in full so far.

    Paragraphs are rendered in reading order, so the first mention of an
    official is the full title and name and later ones are the surname or
    'the minister', as in wire copy. Each kind of sentence is drawn without
    replacement, so one article does not tell two things the same way.
    """

    def __init__(self, rng: random.Random, published: date, outlet: tuple[str, str]) -> None:
        self.rng = rng
        self.published = published
        self.outlet, self.outlet_short = outlet
        self.named: dict[str, bool] = {}
        self.decks: dict[str, list[str]] = {}
        self.events: Counter[str] = Counter()
        jp = self._weighted("jp", published, talks=True)
        self.cast = {"jp": jp, "us": self._weighted("us", published, talks=False, among=jp.counterparts)}
        self.home = VENUES[0] if rng.random() < 0.55 else VENUES[1]

    def _weighted(self, side: str, day: date, talks: bool, among: tuple[str, ...] = ()) -> Person:
        pool, cumulative = officials(side, day, talks, among)
        if not pool:   # no counterpart serving that day: anyone on that side who did
            pool, cumulative = officials(side, day, talks)
        return self.rng.choices(pool, cum_weights=cumulative)[0]

    def pick(self, side: str, day: date, talks: bool, lead: bool = False) -> Person:
        """The story's own official for a side when in office that day (always in the lead), else another."""
        own = self.cast[side]
        if own.serves(day) and (own.counterparts or not talks) and (lead or self.rng.random() < 0.75):
            return own
        return self._weighted(side, day, talks)

    def counterpart(self, jp: Person, day: date, lead: bool) -> Person:
        """The American across the table from `jp`: the story's own when he or she fits, else a real one."""
        own = self.cast["us"]
        if own.serves(day) and own.surname in jp.counterparts and (lead or self.rng.random() < 0.75):
            return own
        return self._weighted("us", day, talks=False, among=jp.counterparts)

    def mention(self, person: Person) -> str:
        """Title and full name the first time, then mostly the surname, sometimes 'the minister'."""
        rng = self.rng
        if person.full not in self.named:
            self.named[person.full] = True
            roll = rng.random()
            if roll < 0.65:
                return f"{choose(rng, person.titles)} {person.full}"
            if roll < 0.92:
                return f"{person.full}, {choose(rng, person.appositions)},"
            return person.full
        return choose(rng, person.nouns) if rng.random() < 0.2 else person.surname

    def venue(self, day: date) -> Venue:
        """Where talks were held: mostly the story's city, else anywhere that hosted talks that day."""
        if self.rng.random() < 0.6:
            return self.home
        venue = self.rng.choices(VENUES, cum_weights=VENUE_WEIGHTS)[0]
        return venue if venue.open_on(day) else self.home

    def template(self, kind: str) -> str:
        """A template of a kind this story has not used yet (all of them again once each has been used)."""
        deck = self.decks.get(kind)
        if not deck:
            deck = self.decks[kind] = list(TEMPLATES[kind])
        index = int(self.rng.random() * len(deck))
        deck[index], deck[-1] = deck[-1], deck[index]
        return deck.pop()

    def fresh(self, kind: str) -> bool:
        """Whether this story still has templates of a kind it has not used."""
        return bool(self.decks.get(kind, True))

    def render(self, kind: str, day: date, lead: bool = False) -> str:
        """One paragraph: an event (or background) sentence, sometimes with a follow-up sentence."""
        slots = Slots(self, day, lead)
        text = slots.fill(self.template(kind))
        followups = FOLLOWUPS.get(kind, ())
        if followups and not lead and self.rng.random() < 0.3:
            text += " " + slots.fill(choose(self.rng, followups))
        self.events[kind] += 1
        return tidy(text)

    def headline(self, templates: Sequence[str] = HEADLINES, own: bool = True) -> str:
        """A headline on this story's officials, or (`own` False) on another story's, for link lists."""
        slots = Slots(self, self.published, lead=own)
        return tidy(slots.fill(choose(self.rng, templates)))


# ----------------------------------------------------------------------------------------------
# What a story holds

EVENT_MIX = (("meeting", 1.7), ("call", 1.3), ("statement", 2.5), ("rate", 2.0), ("agreement", 0.7),
             ("deadline", 0.4))
EVENT_KINDS = tuple(kind for kind, _ in EVENT_MIX)
EVENT_WEIGHTS = tuple(itertools.accumulate(weight for _, weight in EVENT_MIX))
STYLES = (  # style, share, events per article, body size in bytes (low, high)
    ("wire", 0.30, 9.9, (2100, 3700)),
    ("web", 0.27, 9.5, (1700, 3000)),
    ("comments", 0.15, 9.0, (1500, 2700)),
    ("brief", 0.10, 5.8, (1300, 1900)),
    ("analysis", 0.13, 5.5, (4900, 5800)),
    ("near", 0.05, 0.8, (1700, 3000)),
)
STYLE_WEIGHTS = tuple(itertools.accumulate(share for _, share, _, _ in STYLES))


def draw_count(rng: random.Random, mean: float) -> int:
    """An event count near `mean` that varies from story to story (no story is a copy of the average)."""
    value = mean * rng.uniform(0.6, 1.4)
    return int(value) + (rng.random() < value - int(value))


def plan_events(rng: random.Random, count: int) -> list[str]:
    """The kinds of event a story tells, the lead first: a meeting or call when there is one."""
    plan = rng.choices(EVENT_KINDS, cum_weights=EVENT_WEIGHTS, k=count)
    for index, kind in enumerate(plan):
        if kind in ("meeting", "call"):
            plan.insert(0, plan.pop(index))
            break
    return plan


def event_day(rng: random.Random, kind: str, published: date, lead: bool) -> date:
    """When an event happened: the lead within days of publication, statements that week, others further back."""
    if lead:
        back = choose(rng, (0, 0, 1, 1, 1, 2, 3))
    elif kind in ("named", "unnamed"):
        back = between(rng, 0, 7)
    else:
        back = min(int(rng.expovariate(1 / 9)) + 1, 150)
    return max(EARLIEST_EVENT, published - timedelta(days=back))


def render_event(story: Story, kind: str, lead: bool) -> str:
    """One event paragraph; a statement is by a named official or, a third of the time, an unnamed source."""
    if kind == "statement":
        kind = "unnamed" if story.rng.random() < 0.3 else "named"
    return story.render(kind, event_day(story.rng, kind, story.published, lead), lead)


def body_paragraphs(story: Story, plan: list[str], target: int, filler: str = "background") -> list[str]:
    """The story's paragraphs: its events in order, two sometimes sharing a paragraph, then filler to size.

    Filler names no official, so it can go anywhere after the lead without
    upsetting who was named first. Market or earnings filler gives way to
    background once the story has used each of its phrasings.
    """
    rng = story.rng
    paragraphs: list[str] = []
    for index, kind in enumerate(plan):
        text = render_event(story, kind, index == 0)
        if index > 1 and rng.random() < 0.2:
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
    size = sum(len(p) + 2 for p in paragraphs)
    while size < target:
        kind = filler if story.fresh(filler) else "background"
        text = story.render(kind, story.published - timedelta(days=between(rng, 0, 10)))
        paragraphs.insert(between(rng, 1, len(paragraphs) + 1) if paragraphs else 0, text)
        size += len(text) + 2
    return paragraphs


def chunked(paragraphs: list[str], count: int) -> list[str]:
    """The lead alone, then the rest joined into `count` - 1 paragraphs: a brief packs its news tight."""
    lead, rest = paragraphs[0], paragraphs[1:]
    size = max(1, -(-len(rest) // max(1, count - 1)))
    return [lead] + [" ".join(rest[i:i + size]) for i in range(0, len(rest), size)]


def story_body(story: Story, style: str, mean_events: float, sizes: tuple[int, int]) -> list[str]:
    """The body of a story of one style: its events, then background (or market talk) up to its size."""
    rng = story.rng
    target = between(rng, *sizes)
    if style == "near":
        filler = choose(rng, ("markets", "earnings"))
        lead = story.render(filler, story.published - timedelta(days=between(rng, 0, 2)), lead=True)
        plan = plan_events(rng, draw_count(rng, mean_events))
        return [lead, *body_paragraphs(story, plan, target - len(lead), filler)]
    paragraphs = body_paragraphs(story, plan_events(rng, max(1, draw_count(rng, mean_events))), target)
    return chunked(paragraphs, between(rng, 3, 6)) if style == "brief" else paragraphs


# ----------------------------------------------------------------------------------------------
# Page furniture


def dateline(story: Story) -> str:
    """A wire dateline: 'TOKYO, June 3 (Kyodo) -- ', 'WASHINGTON -- ' or 'TOKYO (Reuters) - '."""
    day, city, short = story.published, story.home.city.upper(), story.outlet_short
    return choose(story.rng, (f"{city}, {MONTHS[day.month - 1]} {day.day} ({short}) -- ",
                              f"{city}, {MONTHS[day.month - 1]} {day.day} ({short}) - ",
                              f"{city} -- ", f"{city} ({short}) -- "))


def date_header(story: Story) -> list[str]:
    """A publication date line some pages carry, in one of the forms sites print it; often none."""
    rng, day = story.rng, story.published
    if rng.random() < 0.6:
        return []
    clock = f"{between(rng, 0, 24):02d}:{between(rng, 0, 60):02d}"
    return [choose(rng, (f"Published: {day.isoformat()}", f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
                         f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year} {clock} JST",
                         f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}, {day.year}"))]


def byline(story: Story) -> list[str]:
    """A byline and an 'Updated ...' line, as a web page shows them."""
    rng, day = story.rng, story.published
    name = person_name(rng)
    clock = f"{between(rng, 0, 24):02d}:{between(rng, 0, 60):02d}"
    return [choose(rng, (f"By {name}", f"By {name} and {person_name(rng)}", f"{name} | Staff writer",
                         f"By {name}, {story.outlet}")),
            choose(rng, (f"Updated {MONTHS[day.month - 1]} {day.day}, {day.year} {clock} JST",
                         f"Published {clock} ET, {MONTHS[day.month - 1][:3]} {day.day}, {day.year}",
                         f"Last updated: {day.isoformat()}", f"Updated {between(rng, 2, 12)} hours ago"))]


def caption(story: Story) -> str:
    """A photo caption on the story's officials, dated days before publication, credited as captions are."""
    rng = story.rng
    slots = Slots(story, story.published)
    first, second = story.cast["jp"].full, story.cast["us"].full
    if rng.random() < 0.4:
        first, second = second, first
    slots.update(full=first, full2=second, photo=choose(rng, PHOTO_CREDITS),
                 caption_day=month_day(rng, story.published - timedelta(days=between(rng, 0, 20)), story.published))
    return slots.fill(choose(rng, CAPTIONS))


def link_list(story: Story) -> list[str]:
    """'Read more:' or 'Related coverage:' and two or three headlines of other stories."""
    heading = choose(story.rng, ("Read more:", "Related coverage:", "Related:", "More on this story:"))
    return [heading] + [story.headline(own=False) for _ in range(between(story.rng, 2, 4))]


def chrome_top(story: Story) -> list[str]:
    """A web page's top: the menu bar, sometimes a cookie notice."""
    lines = [choose(story.rng, MENUS)]
    if story.rng.random() < 0.3:
        lines.append(choose(story.rng, COOKIES))
    return lines


def chrome_bottom(story: Story) -> list[str]:
    """A web page's foot: links, a newsletter notice, sometimes share buttons, and the copyright line."""
    rng, year, outlet = story.rng, story.published.year, story.outlet
    lines = link_list(story) + [""]
    if rng.random() < 0.6:
        lines.append(choose(rng, NEWSLETTERS).format(nl=choose(rng, NEWSLETTER_NAMES)))
    if rng.random() < 0.4:
        lines.append(choose(rng, SHARES))
    lines.append(choose(rng, (f"© {year} {outlet}. All rights reserved.", f"Copyright {year} {outlet}",
                              f"(c) {outlet} {year}")))
    return lines


def with_clutter(story: Story, paragraphs: list[str]) -> list[str]:
    """A web page's body: a caption near the top, an ad, and sometimes an inline 'Read more' link."""
    rng = story.rng
    out = list(paragraphs)
    if rng.random() < 0.7:
        out.insert(min(1, len(out)), caption(story))
    if len(out) > 3:
        out.insert(between(rng, 2, len(out)), choose(rng, ADS))
    if len(out) > 5 and rng.random() < 0.5:
        out.insert(between(rng, 3, len(out)), "Read more: " + story.headline(own=False))
    return out


def comment_stamp(story: Story) -> str:
    """When a reader commented: '3h ago', '12 minutes ago', 'Jun 4, 9:12 PM'."""
    rng, day = story.rng, story.published
    return choose(rng, (f"{between(rng, 1, 23)}h ago", f"{between(rng, 2, 59)} minutes ago",
                        f"{between(rng, 2, 6)} days ago", "1 day ago",
                        f"{MONTHS[day.month - 1][:3]} {day.day}, {between(rng, 1, 12)}:{between(rng, 0, 60):02d} PM"))


def comment_block(story: Story) -> list[str]:
    """Reader comments: handles, timestamps and opinions full of tariffs, rates and names, none of it reporting."""
    rng = story.rng
    count = between(rng, 4, 400)
    lines = [choose(rng, (f"Comments ({count})", "Join the conversation", "Reader comments", f"{count} comments"))]
    for _ in range(between(rng, 3, 8)):
        text = tidy(Slots(story, story.published).fill(choose(rng, COMMENTS)))
        lines += ["", f"{username(rng)} · {comment_stamp(story)}", text]
        if rng.random() < 0.5:
            lines.append(choose(rng, (f"▲ {between(rng, 0, 300)}  Reply", f"Like ({between(rng, 0, 90)})",
                                      "Reply  Report")))
    return lines


def spaced(paragraphs: list[str]) -> list[str]:
    """Paragraphs as lines with a blank line between them."""
    out: list[str] = []
    for paragraph in paragraphs:
        out += [paragraph, ""]
    return out[:-1]


# ----------------------------------------------------------------------------------------------
# Page styles


def wire_page(story: Story, headline: str, paragraphs: list[str]) -> list[str]:
    """A clean wire story: headline, maybe a date line, the lead under a dateline, maybe a reporting credit."""
    lines = [headline, *date_header(story), "", dateline(story) + paragraphs[0], ""] + spaced(paragraphs[1:])
    if story.rng.random() < 0.4:
        lines += ["", f"(Reporting by {person_name(story.rng)}; Editing by {person_name(story.rng)})"]
    return lines


def web_page(story: Story, headline: str, paragraphs: list[str]) -> list[str]:
    """A web page pasted as text: menu, headline, byline, captions, ads, links and the site's notices."""
    lines = [*chrome_top(story), "", headline, *byline(story), *date_header(story), ""]
    body = with_clutter(story, paragraphs)
    if story.rng.random() < 0.4:
        body[0] = f"{story.home.city.upper()} -- {body[0]}"
    return lines + spaced(body) + [""] + chrome_bottom(story)


def comments_page(story: Story, headline: str, paragraphs: list[str]) -> list[str]:
    """A story, as a wire or web page, followed by its reader comments."""
    page = web_page if story.rng.random() < 0.5 else wire_page
    return page(story, headline, paragraphs) + [""] + comment_block(story)


def analysis_page(story: Story, headline: str, paragraphs: list[str]) -> list[str]:
    """A long analysis: a label, a byline, and many background paragraphs around a few events."""
    label = choose(story.rng, ("ANALYSIS", "News analysis", "Explainer", "In depth", "Insight"))
    return [label, headline, byline(story)[0], *date_header(story), ""] + spaced(paragraphs)


BUILDERS = {"wire": wire_page, "web": web_page, "comments": comments_page, "brief": wire_page,
            "analysis": analysis_page, "near": wire_page}


@dataclass
class Article:
    """A generated article: its file name, text and manifest fields, and what it holds (for the report)."""

    name: str
    text: str
    published: date
    outlet: str
    title: str
    style: str
    body: list[str]
    events: Counter[str]


def house_style(text: str, outlet: str) -> str:
    """Some outlets write 'US' where others write 'United States'."""
    if outlet in US_STYLE:
        return text.replace("U.S. ", "US ").replace("United States Trade", "US Trade").replace("the United States",
                                                                                                "the US")
    return text


def make_article(rng: random.Random, number: int) -> Article:
    """One article: a publication day and outlet, a style, a body of that style and the page around it."""
    published = FIRST_DAY + timedelta(days=between(rng, 0, 365))
    story = Story(rng, published, choose(rng, OUTLETS))
    style, _, mean_events, sizes = rng.choices(STYLES, cum_weights=STYLE_WEIGHTS)[0]
    headline = story.headline(NEAR_HEADLINES if style == "near" else HEADLINES)
    body = story_body(story, style, mean_events, sizes)
    text = house_style("\n".join(BUILDERS[style](story, headline, body)).rstrip() + "\n", story.outlet)
    return Article(f"a{number:06d}.txt", text, published, story.outlet, headline, style, body, story.events)


def generate(count: int, seed: int = 7) -> Iterator[Article]:
    """The corpus, article by article, from one random.Random(seed)."""
    rng = random.Random(seed)
    for number in range(count):
        yield make_article(rng, number)


def write_articles(articles: Iterable[Article], out: Path) -> list[Article]:
    """Write the articles and their articles.toml into `out`; return them, for the report."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    manifest = ["# Generated by benchmarks/make_corpus.py"]
    for article in articles:
        (out / article.name).write_text(article.text, encoding="utf-8")
        manifest.append(f'\n[[article]]\nfile = "{article.name}"\npublished = {article.published.isoformat()}\n'
                        f"source = {toml_string(article.outlet)}\ntitle = {toml_string(article.title)}")
        written.append(article)
    (out / "articles.toml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return written


def write_corpus(count: int, out: Path, seed: int = 7) -> None:
    """Write `count` articles a000000.txt ... and articles.toml into `out`, the same for the same seed."""
    write_articles(generate(count, seed), out)


# ----------------------------------------------------------------------------------------------
# The report: is the corpus what it claims to be?


def segments(lines: Iterable[str]) -> Iterator[str]:
    """Sentences, the crude way the repeated-sentence figure is defined: each line split on '. '."""
    for line in lines:
        for part in line.split(". "):
            part = part.strip()
            if part:
                yield part


def repeated_share(texts: Iterable[Iterable[str]]) -> tuple[float, float]:
    """The share of sentences that occur more than once in the corpus, by count and by bytes."""
    counts = Counter(s for lines in texts for s in segments(lines))
    total = sum(counts.values())
    total_bytes = sum(len(s) * n for s, n in counts.items())
    repeated = [(s, n) for s, n in counts.items() if n > 1]
    return (sum(n for _, n in repeated) / max(1, total),
            sum(len(s) * n for s, n in repeated) / max(1, total_bytes))


def report(articles: list[Article], seconds: float) -> str:
    """Sizes, styles, events per article and repeated-sentence shares, as printed after writing."""
    n = len(articles)
    sizes = sorted(len(a.text.encode("utf-8")) for a in articles)
    events: Counter[str] = Counter()
    for article in articles:
        events.update(article.events)
    kinds = ("meeting", "call", "named", "unnamed", "rate", "agreement", "deadline")
    styles = Counter(a.style for a in articles)
    body = repeated_share(a.body for a in articles)
    whole = repeated_share(a.text.splitlines() for a in articles)
    return "\n".join((
        f"{n} articles written in {seconds:.2f} s",
        (f"size: mean {sum(sizes) / n / 1000:.2f} KB, median {sizes[n // 2] / 1000:.2f} KB, "
         f"min {sizes[0] / 1000:.2f} KB, max {sizes[-1] / 1000:.2f} KB"),
        "styles: " + ", ".join(f"{s} {styles[s] / n:.0%}" for s, *_ in STYLES),
        f"events per article: {sum(events[k] for k in kinds) / n:.1f} ("
        + ", ".join(f"{k} {events[k] / n:.2f}" for k in kinds) + ")",
        (f"repeated sentences (split on '. '): body {body[0]:.2%} ({body[1]:.2%} of its bytes); "
         f"whole text with chrome and comments {whole[0]:.2%} ({whole[1]:.2%} of its bytes)"),
    ))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    start = time.perf_counter()
    articles = write_articles(generate(args.articles, args.seed), args.out)
    print(report(articles, time.perf_counter() - start))


if __name__ == "__main__":
    main()
