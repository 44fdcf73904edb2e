"""Write N synthetic news articles on the U.S.-Japan tariff talks, and their articles.toml.

    python benchmarks/make_corpus.py --articles 10000 --out /tmp/corpus [--seed 7]

The speed benchmark (benchmarks/run.py) indexes this corpus, so the corpus has
to cost the engine what real coverage costs it, not less. An earlier generator
wrote 1 KB articles whose sentences repeated 92% of the time, which flattered
throughput. This one is modelled on the real test articles as a whole, never on
the engine's patterns:

- Size: about 3.2 KB of text on average, from about 1.5 KB (briefs) to about
  6 KB (analyses).
- Events: about eight per article: three meetings or phone calls, two or three
  statements by named officials or unnamed sources, two tariff-rate mentions,
  the odd agreement (0.7) or deadline (0.4). Background paragraphs carry none.
- Pages: clean wire stories with a dateline, web pages pasted as text with
  their chrome (menu, byline, captions, advertisements, link lists, newsletter
  and cookie notices, copyright), pages ending in reader comments, short
  briefs, long analyses, and about 5% near-topic stories (markets, automaker
  earnings) with few or no events.
- Variety: every sentence is drawn from many phrasings whose slots (officials
  and their titles, places, dates written many ways, durations, rates,
  sectors, companies, amounts, quotes built from fragments) multiply, so that
  under 5% of body sentences recur across ten thousand articles. Only page
  chrome repeats, as it does on real sites.

Officials are the real ones, named as wire reporters name them (title and full
name first, then surname or "the minister"), and each serves only while he or
she held the post: Ishiba's cabinet until October 20, 2025, Takaichi from
October 21. Publication days spread over 2025-03-01 .. 2026-02-28; events
come before the publication day and deadlines after it.

Deterministic for a seed: one random.Random(seed) draws everything, and no
draw depends on set or hash order. Standard library only. Run as a script it
also prints the sizes, events per article, the repeated-sentence share and the
time taken.
"""
from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# ----------------------------------------------------------------------------------------------
# Officials

CABINET_CHANGE = date(2025, 10, 21)   # Takaichi's cabinet takes office
BEFORE_CHANGE = date(2025, 10, 20)
EVER = (date(2000, 1, 1), date(2100, 1, 1))


@dataclass(frozen=True)
class Person:
    """An official as reporters name him or her: title and full name first, then surname or a noun.

    `start`..`end` is the time in the post, so a story never has a minister act
    after leaving office; `weight` is how often stories feature the official;
    `talks` says whether he or she negotiates (a press secretary only speaks).
    """

    full: str
    side: str                      # "jp" or "us"
    titles: tuple[str, ...]        # "Economic Revitalization Minister" -> "... Ryosei Akazawa"
    appositions: tuple[str, ...]   # "Japan's top tariff negotiator" -> "Ryosei Akazawa, ..., "
    nouns: tuple[str, ...]         # "the minister": a later mention besides the surname
    venues: tuple[str, ...]        # where the official speaks: "said {venue}"
    he: str = "he"
    serves_from: date = EVER[0]
    serves_until: date = EVER[1]
    weight: int = 1
    talks: bool = True

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
             "during a Diet session", "at a meeting of ruling party lawmakers")
US_VENUES = ("in an interview with {outlet2}", "to reporters in Washington", "at a Senate hearing",
             "in a television interview", "at an event in {us_city}", "in a post on X",
             "on a call with reporters")
PEOPLE = (
    Person("Ryosei Akazawa", "jp",
           ("Economic Revitalization Minister", "Japanese Economic Revitalization Minister",
            "Japan's Economic Revitalization Minister", "chief tariff negotiator"),
           ("Japan's top tariff negotiator", "the minister in charge of economic revitalization",
            "Japan's chief negotiator in the tariff talks", "who leads Japan's side in the negotiations"),
           ("the minister", "Japan's negotiator", "the chief negotiator"),
           JP_VENUES + ("to reporters in Washington", "after the talks", "to reporters at Haneda Airport",
                        "to reporters at Narita Airport", "on arriving in Washington"),
           serves_until=BEFORE_CHANGE, weight=7),
    Person("Ryosei Akazawa", "jp",
           ("Economy, Trade and Industry Minister", "Trade Minister", "Japanese Trade Minister"),
           ("Japan's trade minister and former chief tariff negotiator",
            "who led Japan's tariff negotiations before becoming trade minister"),
           ("the minister", "the trade minister"),
           JP_VENUES + ("to reporters in Washington", "after the talks"),
           serves_from=CABINET_CHANGE, weight=6),
    Person("Shigeru Ishiba", "jp", ("Prime Minister", "Japanese Prime Minister", "Japan's Prime Minister"),
           ("Japan's prime minister", "the Japanese prime minister"), ("the prime minister", "the Japanese leader"),
           JP_VENUES + ("to reporters at the prime minister's office", "during a party leaders' debate"),
           serves_until=BEFORE_CHANGE, weight=2),
    Person("Sanae Takaichi", "jp", ("Prime Minister", "Japanese Prime Minister", "Japan's Prime Minister"),
           ("Japan's first female prime minister", "Japan's new prime minister"),
           ("the prime minister", "the Japanese leader"),
           JP_VENUES + ("to reporters at the prime minister's office", "in her policy speech to parliament"),
           he="she", serves_from=CABINET_CHANGE, weight=2),
    Person("Yoshimasa Hayashi", "jp", ("Chief Cabinet Secretary", "Japanese Chief Cabinet Secretary"),
           ("the government's top spokesman", "Japan's chief cabinet secretary"), ("the top government spokesman",),
           ("at a regular news conference", "at a press briefing in Tokyo", "at his daily news conference"),
           serves_until=BEFORE_CHANGE, weight=2, talks=False),
    Person("Takeshi Iwaya", "jp", ("Foreign Minister", "Japanese Foreign Minister"),
           ("Japan's foreign minister",), ("the foreign minister",), JP_VENUES, serves_until=BEFORE_CHANGE),
    Person("Katsunobu Kato", "jp", ("Finance Minister", "Japanese Finance Minister"),
           ("Japan's finance minister",), ("the finance minister",), JP_VENUES, serves_until=BEFORE_CHANGE),
    Person("Yoji Muto", "jp", ("Economy, Trade and Industry Minister", "Trade Minister"),
           ("Japan's trade minister", "the minister of economy, trade and industry"), ("the trade minister",),
           JP_VENUES, serves_until=BEFORE_CHANGE),
    Person("Shinjiro Koizumi", "jp", ("Agriculture Minister", "Farm Minister"),
           ("Japan's agriculture minister", "Japan's farm minister"), ("the farm minister",),
           JP_VENUES + ("during a visit to rice farmers in {jp_pref}",),
           serves_from=date(2025, 5, 21), serves_until=BEFORE_CHANGE),
    Person("Donald Trump", "us", ("President", "U.S. President"), ("the U.S. president",),
           ("the president",),
           ("on Truth Social", "to reporters aboard Air Force One", "at the White House",
            "in a letter to the Japanese prime minister", "at a rally in {us_city}", "in the Oval Office"),
           weight=3),
    Person("Scott Bessent", "us", ("Treasury Secretary", "U.S. Treasury Secretary"),
           ("the U.S. Treasury secretary",), ("the Treasury chief", "the secretary"), US_VENUES, weight=3),
    Person("Howard Lutnick", "us", ("Commerce Secretary", "U.S. Commerce Secretary"),
           ("the U.S. commerce secretary",), ("the commerce chief", "the secretary"), US_VENUES, weight=3),
    Person("Jamieson Greer", "us", ("U.S. Trade Representative", "Trade Representative"),
           ("the U.S. trade representative",), ("the trade representative", "the USTR chief"),
           US_VENUES, weight=2),
    Person("Karoline Leavitt", "us", ("White House Press Secretary", "press secretary"),
           ("the White House press secretary",), ("the press secretary",),
           ("at a White House briefing", "at the daily briefing", "to reporters at the White House"),
           he="she", talks=False),
    Person("JD Vance", "us", ("Vice President", "U.S. Vice President"), ("the U.S. vice president",),
           ("the vice president",), US_VENUES),
)

# ----------------------------------------------------------------------------------------------
# The world the stories are told in

OUTLETS = (("Kyodo News", "Kyodo"), ("Jiji Press", "Jiji Press"), ("The Japan Times", "Japan Times"),
           ("Reuters", "Reuters"), ("NHK World", "NHK"), ("The Asahi Shimbun", "Asahi"),
           ("The Yomiuri Shimbun", "Yomiuri"), ("Nikkei Asia", "Nikkei"), ("The Mainichi", "Mainichi"),
           ("Associated Press", "AP"), ("Bloomberg", "Bloomberg"), ("Agence France-Presse", "AFP"))
CITIES = {  # city -> the places a meeting there is told to happen, and how often talks are there
    "Washington": (("in Washington", "at the Commerce Department in Washington", "at the Treasury Department",
                    "at the White House", "at the office of the U.S. Trade Representative",
                    "in the U.S. capital", "at the Commerce Department"), 10),
    "Tokyo": (("in Tokyo", "at the prime minister's office in Tokyo", "at the Foreign Ministry in Tokyo",
               "at the Iikura Guest House in Tokyo", "at the Akasaka Palace state guest house"), 5),
    "New York": (("in New York", "on the sidelines of the U.N. General Assembly in New York"), 1),
    "Osaka": (("in Osaka", "at the Expo site in Osaka"), 1),
    "Kananaskis": (("on the sidelines of the Group of Seven summit in Kananaskis, Canada",), 1),
    "Gyeongju": (("on the sidelines of the APEC summit in Gyeongju, South Korea",), 1),
    "Kuala Lumpur": (("on the sidelines of the ASEAN meetings in Kuala Lumpur",), 1),
    "London": (("in London",), 1),
}
DATELINES = ("TOKYO", "TOKYO", "TOKYO", "WASHINGTON", "WASHINGTON", "OSAKA", "NEW YORK", "NAGOYA")
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
AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

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
    """Phrases for a day one to several weeks back: 'last week', 'earlier this month', '10 days ago'."""
    name = WEEKDAYS[day.weekday()]
    options = [f"{gap} days ago", f"on {name}, {MONTHS[day.month - 1]} {day.day}"]
    if gap < 14:
        options += ["last week", f"last {name}", "a week earlier" if gap == 7 else "late last week"]
    if (day.year, day.month) == (published.year, published.month):
        options += ["earlier this month", "early this month" if day.day <= 10 else "earlier in the month"]
    if gap % 7 == 0:
        options.append(f"{NUMBER_WORDS[gap // 7]} weeks ago")
    return options


def _months_ago(day: date, published: date) -> list[str]:
    """Phrases for a day a month or more back: 'last month', 'in May', 'late last month', 'three months ago'."""
    months = (published.year - day.year) * 12 + published.month - day.month
    month = MONTHS[day.month - 1]
    part = "early" if day.day <= 10 else "mid-" if day.day <= 20 else "late"
    options = [f"in {month}", f"in {part} {month}".replace("- ", "-"), f"back in {month}"]
    if months == 1:
        options += ["last month", f"{part} last month".replace("mid- last", "in the middle of last")]
    elif 1 < months <= 10:
        options += [f"{NUMBER_WORDS[months]} months ago", f"in {month} {day.year}" if day.year != published.year
                    else f"in {month} this year"]
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
    return rng.choice(options)


def future_phrase(rng: random.Random, day: date, published: date) -> str:
    """A coming day (a deadline) told from the publication day: 'on Aug. 1', 'next Friday', 'in 12 days'."""
    gap = (day - published).days
    stamp = month_day(rng, day, published)
    options = [f"on {stamp}", f"on {stamp}", f"on {WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}",
               f"in {gap} days, on {stamp}"]
    if gap < 7:
        options += [f"on {WEEKDAYS[day.weekday()]}", f"this coming {WEEKDAYS[day.weekday()]}"]
    elif gap < 14:
        options.append(f"next {WEEKDAYS[day.weekday()]}")
    if (day.year, day.month) == (published.year, published.month):
        options.append("at the end of the month" if day.day >= 28 else f"later this month, on {stamp}")
    if gap % 7 == 0:
        options.append(f"{NUMBER_WORDS[min(gap // 7, 10)]} weeks from now")
    return rng.choice(options)


# ----------------------------------------------------------------------------------------------
# Slots: the pieces a sentence template names, drawn when first named

CHOICES: dict[str, tuple[str, ...]] = {
    "src": ("the Japanese government said", "the Cabinet Secretariat said", "a Japanese official said",
            "according to the Japanese government", "Japanese officials said", "according to a government readout",
            "the Foreign Ministry said in a statement", "officials in Tokyo said", "{outlet2} reported",
            "according to people briefed on the talks", "the Japanese side said", "a government spokesman said"),
    "src_lead": ("according to the Japanese government", "according to the Cabinet Secretariat",
                 "according to a Japanese official", "according to a readout from the Japanese side",
                 "according to Japan's Foreign Ministry", "according to people briefed on the talks",
                 "as {outlet2} reported", "as officials in Tokyo confirmed"),
    "topics": ("{topic} and {topic2}", "{topic}, {topic2} and {topic3}", "{topic} as well as {topic2}"),
    "topic": ("tariffs on Japanese cars", "the {rate}% levy on {sector}", "Japanese investment in the United States",
              "U.S. rice exports to Japan", "purchases of American liquefied natural gas", "shipbuilding cooperation",
              "semiconductor supply chains", "exchange rates", "non-tariff barriers to U.S. vehicles",
              "Japanese purchases of U.S. defense equipment", "critical minerals", "the Alaska LNG project",
              "imports of U.S. soybeans and corn", "an exemption for {sector}", "purchases of Boeing aircraft",
              "the timing of the tariff cuts", "the structure of the ${bn} billion investment fund",
              "how profits from joint projects would be shared", "safety standards for imported cars",
              "the Section 232 investigation into {sector2}", "export controls on {sector2}",
              "a quota for {sector2}", "the {rate0}% duty on {sector2}", "energy cooperation",
              "Japan's farm market", "digital trade rules", "the stacking of tariffs on {sector2}"),
    "demand": ("lower the {rate}% tariff on Japanese {sector}", "exempt Japanese {sector} from the {rate}% levy",
               "scrap the additional duties on {sector}", "reconsider the {rate}% rate on {sector}",
               "apply the agreed {rate1}% rate to {sector} without delay", "cut the tariff on {sector} to {rate1}%",
               "stop stacking the {rate}% levy on top of existing duties", "drop the {rate0}% tariff threat",
               "treat Japan no worse than other allies on {sector}"),
    "start": ("April", "mid-April", "the spring", "talks began in April", "Trump's April 2 tariff announcement",
              "the negotiations started", "the start of the negotiations", "{ap_start}"),
    "ap_start": ("April 16", "April 17", "the end of April", "early May"),
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
                 "too high", "deeply damaging to {sector_plain} makers", "hurting American consumers"),
    "counterpart": ("Secretary {us_any}", "my counterpart", "the American side", "{us_any}", "them"),
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
    "month_name": MONTHS,
    "concession": ("a deal that sacrifices farmers", "any agreement that leaves the {rate}% tariff on {sector} in place",
                   "a quota on {sector}", "cuts to rice tariffs", "a currency clause",
                   "a lower tariff for U.S. {farm_good}", "a cap on car exports of {units} vehicles"),
    "offer": ("buy more U.S. {farm_good}", "invest ${bn} billion in American {industry}",
              "expand imports of American {farm_good} by {pct}%", "help build ships in U.S. yards",
              "raise purchases of U.S. liquefied natural gas", "recognize U.S. auto safety standards",
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
    "unnamed": ("a senior Japanese government official", "a person familiar with the talks",
                "an official at the Economy, Trade and Industry Ministry", "a U.S. official who asked not to be named",
                "two people briefed on the negotiations", "a source close to the Japanese delegation",
                "a diplomatic source in Washington", "officials at the Foreign Ministry",
                "a senior official in the prime minister's office", "a White House official",
                "a Japanese negotiator speaking on condition of anonymity", "an aide to {jp_any}"),
    "venue_any": ("at a news conference", "to reporters", "in a statement", "in an interview",
                  "at a briefing", "in remarks to reporters"),
    "ally_adj": ("a close", "an important", "a reliable", "a key", "America's most important"),
    "benefit": ("works for both sides", "creates jobs in both countries", "protects our {sector_plain} industry",
                "lasts", "our voters can support"),
    "cond": ("Japan opens its market to {farm_good}", "the investment terms are clear",
             "Washington cuts the {rate}% tariff", "we get a deal on {sector}"),
    "concession_us": ("move quickly", "lower the rate to {rate1}%", "sign", "take the next step",
                      "discuss {sector} separately"),
    "tone": ("struck a cautious tone", "sounded upbeat", "was noncommittal", "appeared frustrated",
             "played down expectations", "was more optimistic"),
    "sector_plain": ("auto", "steel", "chip", "farm", "machine tool", "drug", "electronics", "aluminum"),
    "outlet2": ("NHK", "Kyodo News", "Fox Business", "CNBC", "Bloomberg Television", "the Nikkei",
                "The Wall Street Journal", "Reuters", "TV Asahi", "Fuji Television", "CNN"),
}


class Slots(dict):
    """The slot values of one paragraph, drawn from the story on first use and then kept.

    A template pays only for the slots it names, and a slot named twice reads
    the same (the same sector, the same rate). '{When}' is '{when}' with a
    capital, for templates that open with a slot.
    """

    def __init__(self, story: Story, day: date, due: date | None = None) -> None:
        super().__init__()
        self.story = story
        self.day = day
        self.due = due or story.published + timedelta(days=story.rng.randrange(5, 60))
        self.people: dict[str, Person] = {}

    def __missing__(self, key: str) -> str:
        if key[0].isupper():
            lower = self[key[0].lower() + key[1:]]
            value = lower[:1].upper() + lower[1:]
        elif key in CHOICES:
            value = self.fill(self.story.rng.choice(CHOICES[key]))
        else:
            value = FUNCS[key](self)
        self[key] = value
        return value

    def fill(self, template: str) -> str:
        return template.format_map(self)

    def person(self, role: str) -> Person:
        """The official playing a role in this paragraph ('jp', 'us', 'speaker'), picked once."""
        if role not in self.people:
            self.people[role] = self.story.pick(ROLE_SIDES[role](self), self.day, talks=role != "speaker")
        return self.people[role]


ROLE_SIDES: dict[str, Callable[[Slots], str]] = {
    "jp": lambda s: "jp", "us": lambda s: "us",
    "speaker": lambda s: "jp" if s.story.rng.random() < 0.55 else "us",
}


def _rate(slots: Slots) -> str:
    return fmt_rate(slots.story.rng.choice(RATES))


def _lower_rate(slots: Slots) -> str:
    """A target rate below the slot 'rate': what Tokyo asks for."""
    rate = float(slots["rate"])
    lower = [r for r in RATES if r < rate] or [rate / 2]
    return fmt_rate(slots.story.rng.choice(lower))


def _higher_rate(slots: Slots) -> str:
    """An earlier or threatened rate above the slot 'rate'."""
    rate = float(slots["rate"])
    higher = [r for r in RATES if r > rate] or [rate + 10]
    return fmt_rate(slots.story.rng.choice(higher))


def fmt_rate(rate: float) -> str:
    return f"{rate:g}"


def _minutes(slots: Slots) -> str:
    """A meeting's length as it is reported: 'about 45 minutes', 'roughly an hour', 'nearly two hours'."""
    rng = slots.story.rng
    minutes = int(slots["n_min"])
    if minutes in (60, 90, 120) and rng.random() < 0.6:
        return {60: "about an hour", 90: "an hour and a half", 120: "about two hours"}[minutes]
    return rng.choice(("about", "roughly", "some", "around", "more than", "nearly")) + f" {minutes} minutes"


def _distinct(key: str, pool: tuple[str, ...], *others: str) -> Callable[[Slots], str]:
    """A slot drawn from a pool but never equal to the slots it is listed with ('sector2' != 'sector')."""
    def draw(slots: Slots) -> str:
        taken = {slots[other] for other in others}
        return slots.fill(slots.story.rng.choice([p for p in pool if p not in taken]))
    draw.__name__ = key
    return draw


def _past_day(slots: Slots, low: int, high: int) -> date:
    return max(EARLIEST_EVENT, slots.day - timedelta(days=slots.story.rng.randrange(low, high)))


FUNCS: dict[str, Callable[[Slots], str]] = {
    "jp": lambda s: s.story.mention(s.person("jp")),
    "jp2": lambda s: s.story.mention(s.person("jp")),
    "us": lambda s: s.story.mention(s.person("us")),
    "us2": lambda s: s.story.mention(s.person("us")),
    "speaker": lambda s: s.story.mention(s.person("speaker")),
    "speaker2": lambda s: s.story.mention(s.person("speaker")),
    "jp_s": lambda s: s.person("jp").surname,
    "us_s": lambda s: s.person("us").surname,
    "jp_his": lambda s: s.person("jp").his,
    "us_his": lambda s: s.person("us").his,
    "sp_he": lambda s: s.person("speaker").he,
    "sp_his": lambda s: s.person("speaker").his,
    "venue": lambda s: s.fill(s.story.rng.choice(s.person("speaker").venues)),
    "us_any": lambda s: s.story.rng.choice([p.surname for p in PEOPLE if p.side == "us" and p.talks]),
    "jp_any": lambda s: s.story.rng.choice(["Akazawa", "Akazawa", "the prime minister", "Muto", "Koizumi"]),
    "when": lambda s: past_phrase(s.story.rng, s.day, s.story.published),
    "when_before": lambda s: past_phrase(s.story.rng, _past_day(s, 1, 3), s.story.published),
    "when_earlier": lambda s: past_phrase(s.story.rng, _past_day(s, 8, 80), s.story.published),
    "fwhen": lambda s: future_phrase(s.story.rng, s.due, s.story.published),
    "fdate": lambda s: month_day(s.story.rng, s.due, s.story.published),
    "month": lambda s: MONTHS[_past_day(s, 20, 120).month - 1],
    "month_next": lambda s: MONTHS[(s.story.published.month + s.story.rng.randrange(0, 3)) % 12],
    "year": lambda s: str(s.story.published.year - 1),
    "city": lambda s: s.story.city(s),
    "place": lambda s: s.story.rng.choice(CITIES[s["city"]][0]),
    "us_city": lambda s: s.story.rng.choice(US_CITIES),
    "jp_city": lambda s: s.story.rng.choice(JP_CITIES),
    "jp_pref": lambda s: s.story.rng.choice(JP_PREFECTURES),
    "n_min": lambda s: str(s.story.rng.randrange(20, 135, 5)),
    "n_call": lambda s: str(s.story.rng.randrange(10, 65, 5)),
    "mins": _minutes,
    "ordinal": lambda s: s.story.rng.choice(ORDINALS[1:10]),
    "n_weeks": lambda s: NUMBER_WORDS[s.story.rng.randrange(2, 9)],
    "n_days": lambda s: str(s.story.rng.randrange(10, 95, 5)),
    "rate": _rate,
    "rate1": _lower_rate,
    "rate0": _higher_rate,
    "sector": lambda s: s.story.rng.choice(SECTORS),
    "sector2": _distinct("sector2", SECTORS, "sector"),
    "topic2": _distinct("topic2", CHOICES["topic"], "topic"),
    "topic3": _distinct("topic3", CHOICES["topic"], "topic", "topic2"),
    "company": lambda s: s.story.rng.choice(COMPANIES),
    "company2": _distinct("company2", COMPANIES, "company"),
    "automaker": lambda s: s.story.rng.choice(AUTOMAKERS),
    "automaker2": _distinct("automaker2", AUTOMAKERS, "automaker"),
    "state": lambda s: s.story.rng.choice(STATES),
    "bank": lambda s: s.story.rng.choice(BANKS),
    "analyst": lambda s: person_name(s.story.rng),
    "bn": lambda s: str(s.story.rng.choice((550, 550, 400, 300, 100, 200, 250, 150, 80, 40, 60, 120, 350))),
    "bn_small": lambda s: f"{s.story.rng.uniform(1, 60):.1f}",
    "yen": lambda s: f"{s.story.rng.uniform(0.3, 8.5):.1f}",
    "yen_bn": lambda s: str(s.story.rng.randrange(20, 1500, 5)),
    "pct": lambda s: f"{s.story.rng.uniform(0.5, 35):.1f}",
    "pct_small": lambda s: f"{s.story.rng.uniform(0.1, 4.9):.1f}",
    "pp": lambda s: f"{s.story.rng.uniform(0.1, 0.9):.1f}",
    "jobs": lambda s: f"{s.story.rng.randrange(20, 980) * 1000:,}",
    "units": lambda s: f"{s.story.rng.randrange(20, 1600) * 1000:,}",
    "workers": lambda s: f"{s.story.rng.randrange(400, 12000, 50):,}",
    "tons": lambda s: f"{s.story.rng.randrange(50, 900) * 1000:,}",
    "yen_rate": lambda s: f"{s.story.rng.uniform(139, 158):.2f}",
    "level": lambda s: f"{s.story.rng.uniform(31000, 52000):,.2f}",
    "topix": lambda s: f"{s.story.rng.uniform(2300, 3500):,.2f}",
    "count": lambda s: str(s.story.rng.randrange(3, 40)),
    "fy": lambda s: str(s.story.published.year + (s.story.published.month > 3)),
    "quarter": lambda s: s.story.rng.choice(("April-June", "July-September", "October-December",
                                             "first-quarter", "second-quarter", "third-quarter")),
}
EARLIEST_EVENT = date(2025, 1, 20)


def person_name(rng: random.Random) -> str:
    """A fictional reporter's or analyst's name (the officials are real, the bylines are not)."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


# ----------------------------------------------------------------------------------------------
# Sentence templates, by kind of event

MEETING = (
    "{jp} met {us} {place} {when} for {mins}, {src}.",
    "{jp} and {us} held talks {place} {when}, the {ordinal} round of ministerial negotiations since {start}.",
    "{When}, {jp} sat down with {us} {place} for talks that lasted {mins}.",
    "In talks {place} {when}, {jp} pressed {us} to {demand}, {src}.",
    "{jp}, who arrived in {city} {when_before}, met {us} {when} and discussed {topics}.",
    "{Src_lead}, {jp} held a {n_min}-minute meeting with {us} {place} {when}.",
    "The {ordinal} round of talks between {jp} and {us} took place {place} {when}, with {topics} at the top "
    "of the agenda.",
    "{jp} visited {us} {place} {when}, {jp_his} {ordinal} such visit since {start}, to discuss {topics}.",
    "{us} hosted {jp} {place} {when} for {mins} of talks on {topics}.",
    "Meeting {us} {place} {when}, {jp} urged Washington to {demand}.",
    "{jp} held face-to-face talks with {us} {when}, the {ordinal} such meeting in {n_weeks} weeks, {src}.",
    "{jp} and {us} met again {when}, this time {place}, and spent {mins} going over {topics}.",
    "{jp} had a working lunch with {us} {place} {when}, during which the two discussed {topics}.",
    "{When}, {jp} and {us} met {place} for {mins}; {src} the two focused on {topic}.",
)
CALL = (
    "{jp} spoke with {us} by phone {when} for {mins}, {src}.",
    "{jp} and {us} held a {n_call}-minute telephone conversation {when}, {src}.",
    "In a phone call {when}, {jp} told {us} that {position}.",
    "{us} called {jp} {when} to discuss {topics}, {src}.",
    "{jp} held a video conference with {us} {when}, focusing on {topics}.",
    "The two sides also talked by phone {when}, with {jp} and {us} spending {mins} on {topic}.",
    "{Src_lead}, {jp} and {us} spoke online {when} for {mins}.",
    "{When}, {jp} had a {n_call}-minute phone call with {us}, in which {jp_his} side raised {topic}.",
    "{jp} held phone talks with {us} {when}, their {ordinal} call since {start}.",
    "{us} and {jp} spoke by telephone {when} and agreed to keep working-level talks going on {topic}.",
    "By phone {when}, {jp} urged {us} to {demand}, {src}.",
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
    '"{Quote}," {speaker} said {when}, describing {sp_his} latest exchange with {counterpart}.',
)
UNNAMED_STATEMENT = (
    "According to {unnamed}, {says}.",
    "{Unnamed} said {when} that {says}.",
    '"{Quote}," {unnamed} told {outlet2} {when}.',
    "{Unnamed}, speaking on condition of anonymity, said {says}.",
    "{Unnamed} told reporters {when} that {says}, though {says2}.",
    "Behind the scenes, {unnamed} said, {says}.",
    "{Unnamed} said {says}, adding that {says2}.",
    "{Src_lead}, {says}.",
)
SAYS = (
    "Tokyo would not accept {concession}",
    "the two sides had narrowed their differences on {issue} but remained apart on {issue2}",
    "Washington was prepared to lower the {rate}% levy on {sector} if Japan agreed to {offer}",
    "a deal on {issue} could come {horizon}",
    "Japan would press for {goal} in the next round of talks",
    "the {rate}% rate on {sector} was {judgment}",
    "it was too early to say whether an agreement could be reached {horizon}",
    "Japan had offered to {offer}",
    "the U.S. side had shown {attitude} toward Japan's proposal on {issue}",
    "the government would {domestic_action} to support {affected}",
    "Tokyo was studying {option}",
    "the administration expected Japan to {us_ask} {horizon}",
    "the talks on {issue} were {adj_good} but {caveat}",
    "Japan's exports of {sector} had fallen {pct}% since the tariff took effect",
)
QUOTES = (
    "{we} will keep pushing for {goal}",
    "there is still {gap} between us on {issue}",
    "the talks were {adj_good}, but {caveat}",
    "a {rate}% tariff on {sector} is {judgment}",
    "we expect {outcome} {horizon}",
    "{issue} remains the hardest part, and {caveat}",
    "Japan is {ally_adj} ally and we want a deal that {benefit}",
    "I told {counterpart} that {position}",
    "we are not going to {concede} just to meet {a_deadline}",
    "{claim}",
    "nothing is agreed until everything is agreed, and that includes {issue}",
    "we have made progress on {issue}, but {caveat}",
    "I would say we are {pct_done} percent of the way there on {issue}",
    "the ball is in {court} court now on {issue}",
    "our position on {issue} has not changed since {month}",
    "if {cond}, we are ready to {concession_us}",
)
RATE = (
    "Washington currently imposes a {rate}% tariff on {sector} from Japan, {rate_note}.",
    "The United States raised its levy on imported {sector} to {rate}% {when_earlier}, up from {rate1}%.",
    "Japan is seeking to have the {rate}% duty on {sector} cut to {rate1}%.",
    "Japanese {sector} face a {rate}% tariff, on top of the {base}% duty that applied before {month}.",
    "The {rate}% tariff on Japanese {sector} took effect {when_earlier}, {src}.",
    "Tokyo estimates the {rate}% tariff on {sector} costs Japanese exporters about {yen} trillion yen a year.",
    "{us} has threatened to raise the tariff on Japanese {sector} to as much as {rate0}%.",
    "Imports of Japanese {sector} are now subject to a combined duty of {rate}%, {rate_note}.",
    "The rate on {sector} was lowered to {rate1}% from {rate}% {when_earlier}, {src}.",
    "Washington has left the {rate}% tariff on {sector} unchanged since {month}, {rate_note}.",
    "Under the current arrangement, {sector} from Japan are taxed at {rate}%, compared with {rate0}% for "
    "countries without a deal.",
    "A {rate}% levy on {sector} has applied since {when_earlier}, while {sector2} face {rate0}%.",
)
RATE_NOTES = ("compared with {rate1}% before the dispute", "up from {rate1}% at the start of the year",
              "{src}", "a rate Tokyo wants cut to {rate1}%", "double the {rate1}% it set for {sector2}",
              "according to U.S. customs data", "in addition to existing most-favored-nation duties")
AGREEMENT = (
    "The two countries agreed {when} to {term}, {src}.",
    "Under the deal reached {when}, Japan will invest ${bn} billion in the United States, and Washington will "
    "cut the tariff on {sector} to {rate1}%.",
    "{jp} and {us} signed a memorandum of understanding {when} on {topic}.",
    "Tokyo and Washington struck a broad agreement {when} covering {topics}.",
    "The sides reached a tentative deal {when} under which Japan will {offer}.",
    "{When}, negotiators from both countries agreed to {term}, {src}.",
    "A joint statement issued {when} committed both governments to {term}.",
    "Japan agreed {when} to {offer}, in return for a cut in the levy on {sector} to {rate1}%.",
    "{jp} and {us} initialed a document {when} that commits Washington to {term}.",
    "The agreement reached {place} {when} sets a {rate1}% ceiling on tariffs for {sector}, {src}.",
)
TERMS = ("cap the tariff on Japanese {sector} at {rate1}%", "set up a ${bn} billion investment vehicle",
         "cut the levy on {sector} from {rate}% to {rate1}%", "apply a single {rate1}% rate to most Japanese goods",
         "hold working-level talks every {n_weeks} weeks", "remove the stacking of duties on {sector}",
         "expand Japanese purchases of U.S. {farm_good} by {pct}%", "cooperate on {industry}",
         "exempt {sector} from further increases", "review the arrangement after {n_days} days")
DEADLINE = (
    "A pause on higher country-specific tariffs is due to expire {fwhen}.",
    "Washington has given Tokyo until {fdate} to {us_ask}.",
    "The {rate0}% rate is scheduled to take effect {fwhen} unless a deal is reached.",
    "Negotiators aim to conclude the text on {topic} by {fdate}.",
    "{us} has set a deadline of {fdate} for Japan to {us_ask}.",
    "The {n_days}-day suspension of the higher tariffs ends {fwhen}, {src}.",
    "Both sides hope to finalize the documents before a leaders' meeting planned {fwhen}.",
    "Unless extended, the exemption for {sector} lapses {fwhen}.",
    "Japan must submit its list of investment projects {fwhen}, under the terms agreed in {month}.",
    "The new {rate}% duty on {sector} kicks in {fwhen}, giving exporters {n_weeks} weeks to adjust.",
)
BACKGROUND = (
    "Japan exported about {yen} trillion yen worth of {sector} to the United States in {year}, roughly {pct}% of "
    "its total shipments there.",
    "{company} has estimated that the tariffs will cut its operating profit by {yen_bn} billion yen in the fiscal "
    "year ending March {fy}.",
    "The United States is Japan's largest export market, taking about {pct}% of its exports, while Japan has "
    "been the largest foreign investor in the U.S. for {count} years running.",
    "Economists at {bank} estimate the levies could shave {pp} percentage point off Japan's growth over the "
    "next {count} quarters.",
    "The auto industry and its suppliers employ about {pct_small} million people in Japan, and {sector} "
    "account for another {pct}% of factory output.",
    "{company} makes about {units} units a year in {state}, where it employs some {workers} workers.",
    "The yen traded around {yen_rate} to the dollar {when}, {yen_move}.",
    "Japan's trade surplus with the United States stood at {yen} trillion yen in {year}, down {pct}% from a "
    "year earlier.",
    "Farm groups, a key support base of the ruling Liberal Democratic Party, oppose {concession}.",
    "Japan imports about {tons} tons of rice a year tariff-free under a World Trade Organization arrangement, "
    "and U.S. growers supply roughly {pct}% of it.",
    "Shipments of Japanese {sector} to the U.S. fell {pct}% in {month} from a year earlier, customs data showed.",
    "Analysts at {bank} say exporters such as {company} have so far absorbed much of the tariff cost, cutting "
    "export prices by about {pct}% rather than raising U.S. sticker prices.",
    "Japanese companies including {company} and {company2} together run {count} plants in {state}, "
    "according to {state} officials.",
    "The Bank of Japan has cited U.S. trade policy as a risk to its outlook, and {bank} expects it to {boj_move}.",
    "Smaller suppliers of {sector} in {jp_pref} Prefecture have reported a {pct}% drop in orders since {month}, "
    "a local chamber of commerce survey of {workers} companies found.",
    "Car exports make up roughly {pct}% of Japan's shipments to the United States, and {automaker} alone "
    "sold {units} vehicles there in {year}.",
    "Opposition parties, which hold {count} more seats than a year ago, have demanded that the government "
    "publish the full text of any arrangement on {topic}.",
    "The dispute has also weighed on {sector}, where Japanese makers hold about {pct}% of the U.S. market, "
    "{bank} estimates.",
)
YEN_MOVES = ("little changed from a week earlier", "its weakest since {month}", "up {pct_small}% on the week",
             "as traders weighed the talks", "after swinging in a {pct_small}-yen range")
BOJ_MOVES = ("hold rates at {boj_rate}% until {month_next}", "raise rates to {boj_rate}% by {month_next}",
             "keep policy on hold for {n_weeks} more meetings")
FOLLOWUPS = {
    "meeting": ("{Topic} dominated the {n_min}-minute session, {src}.",
                "It was {jp_his} {ordinal} trip abroad for the talks since {start}.",
                "The two sides did not issue a joint statement after the {n_min}-minute meeting."),
    "call": ("The call, which lasted about {n_call} minutes, also touched on {topic}.",
             "It was the {ordinal} such call since {start}, {src}."),
    "rate": ("{company}'s shares fell {pct_small}% in Tokyo after the figures were published.",
             "Before {month}, Japanese {sector} entered the U.S. at rates of about {pct_small}%."),
}
MARKETS = (
    "Japan's Nikkei share average {moved} {pct_small}% to {level} {when}, as investors weighed {topic}.",
    "The broader Topix index {moved} {pct_small}% to {topix}, with {company} among the biggest movers.",
    "Automakers led the {direction}, with {automaker} {moved} {pct_small}% and {automaker2} {moved2} "
    "{pct_small2}%.",
    "The yen {yen_dir} to {yen_rate} per dollar {when}, {yen_move}.",
    "\"Markets have priced in a {rate}% rate on {sector}, but not much worse,\" said {analyst}, a strategist at "
    "{bank}.",
    "Yields on 10-year Japanese government bonds rose {pct_small} basis points to {jgb}%, the highest since "
    "{month}.",
    "Foreign investors were net {flow} of Japanese stocks for the {ordinal} straight week, buying or selling a "
    "net {yen_bn} billion yen, exchange data showed.",
    "{company} shares {moved} {pct_small}% after the company said tariffs would cost it {yen_bn} billion yen "
    "this fiscal year.",
)
EARNINGS = (
    "{automaker} reported {when} a {pct}% fall in {quarter} operating profit to {yen_bn} billion yen, citing "
    "{yen_bn2} billion yen in costs from U.S. tariffs.",
    "The automaker {forecast} its full-year operating profit forecast to {yen} trillion yen for the year "
    "ending March {fy}.",
    "{automaker} sold {units} vehicles in North America in the quarter, {change} {pct_small}% from a year "
    "earlier.",
    "Chief financial officer {analyst} told an earnings call that the company {cfo_said}.",
    "The company said it would {measure} to offset part of the tariff burden.",
    "Shares of {automaker} {moved} {pct_small}% in Tokyo trading after the results, while the benchmark "
    "Nikkei {moved2} {pct_small2}%.",
    "Revenue rose {pct_small}% to {yen} trillion yen, helped by hybrid sales and a weaker yen at {yen_rate} "
    "per dollar.",
    "{automaker2}, which reports {fwhen}, has flagged a hit of about {yen_bn} billion yen from the tariffs.",
)
EARNINGS_SLOTS = {
    "forecast": ("cut", "lowered", "kept", "raised", "trimmed"),
    "change": ("up", "down"),
    "cfo_said": ("expected the {rate}% tariff on vehicles to remain in place through {month_next}",
                 "had raised U.S. prices by an average of ${price} per vehicle",
                 "would shift output of {units} vehicles to its plants in {state}",
                 "saw no quick relief from the {rate}% rate"),
    "measure": ("raise U.S. prices by about {pct_small}%", "cut costs by {yen_bn} billion yen",
                "move more production to {state}", "source more parts locally"),
    "moved": ("rose", "fell", "gained", "slipped", "dropped", "climbed", "added", "lost"),
    "moved2": ("rose", "fell", "gained", "slipped", "edged up", "edged down"),
    "direction": ("gains", "losses", "decline", "rally"),
    "yen_dir": ("weakened", "strengthened", "slipped", "firmed"),
    "flow": ("buyers", "sellers"),
}
CHOICES.update(EARNINGS_SLOTS)
CHOICES.update({"yen_move": YEN_MOVES, "boj_move": BOJ_MOVES, "rate_note": RATE_NOTES, "term": TERMS,
                "says": SAYS, "quote": QUOTES})
FUNCS.update({
    "says2": _distinct("says2", SAYS, "says"),
    "quote2": _distinct("quote2", QUOTES, "quote"),
    "issue2": _distinct("issue2", CHOICES["issue2"], "issue"),
    "base": lambda s: s.story.rng.choice(("2.5", "0", "1.6", "3.9", "4.4", "6.5")),
    "boj_rate": lambda s: s.story.rng.choice(("0.5", "0.75", "1.0")),
    "jgb": lambda s: f"{s.story.rng.uniform(1.2, 2.3):.3f}",
    "yen_bn2": lambda s: str(s.story.rng.randrange(50, 1800, 10)),
    "pct_small2": lambda s: f"{s.story.rng.uniform(0.1, 4.9):.1f}",
    "price": lambda s: f"{s.story.rng.randrange(300, 2500, 50):,}",
})
TEMPLATES = {"meeting": MEETING, "call": CALL, "named": NAMED_STATEMENT, "unnamed": UNNAMED_STATEMENT,
             "rate": RATE, "agreement": AGREEMENT, "deadline": DEADLINE, "background": BACKGROUND,
             "markets": MARKETS, "earnings": EARNINGS}

# ----------------------------------------------------------------------------------------------
# Headlines, page chrome and reader comments

HEADLINES = (
    "{jp_s} meets {us_s} as tariff talks enter {ordinal} round",
    "Japan, U.S. {hl_verb} on {sector} tariffs ahead of {fdate} deadline",
    "{jp_s} says Tokyo won't accept {rate}% tariff on {sector}",
    "Japan seeks cut to {rate1}% on {sector} in talks with {us_s}",
    "{us_s}: deal with Japan on {issue} possible {horizon}",
    "Tariff talks: {jp_s} and {us_s} hold {n_min}-minute meeting",
    "Japan weighs ${bn} billion offer as {sector} tariff bites",
    "{jp_s} to visit Washington again for talks on {topic}",
    "{company} warns of {yen_bn} billion yen tariff hit",
    "Japan, U.S. agree to keep talking after {n_min}-minute session on {sector}",
    "Analysis: What a {rate1}% tariff on {sector} would mean for Japan",
    "{us_s} and {jp_s} speak by phone as {fdate} deadline nears",
    "Tokyo eyes {month_next} deal on {sector} and {sector2}",
    "Japan's {sector_plain} exporters brace for {rate}% U.S. levy",
)
HL_VERBS = ("fail to bridge gap", "make progress", "narrow differences", "remain apart", "edge closer",
            "trade proposals")
CHOICES["hl_verb"] = HL_VERBS
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
CAPTIONS = ("Photo: {full} speaks to reporters in {city} on {caption_day}. ({photo})",
            "{full} arrives for talks in {city} on {caption_day}. ({photo})",
            "Photo: {full} (left) and {full2} shake hands in {city} on {caption_day}. ({photo})",
            "Photo: Cars wait for export at a port in {jp_city} on {caption_day}. ({photo})",
            "Photo: {full} at a news conference on {caption_day}. ({photo})",
            "Workers assemble vehicles at a {company} plant in {state}, {caption_day}. ({photo})")
PHOTO_CREDITS = ("Reuters", "Kyodo", "AP Photo", "AFP-Jiji", "Bloomberg", "Jiji Press", "pool photo",
                 "File photo")
COMMENTS = (
    "{pol} will cave again. {rate}% on {sector} is {opinion}.",
    "So we pay {rate}% more for {sector} so that {pol} can claim a win? Brilliant.",
    "Anyone who thinks {rate1}% is a 'deal' hasn't looked at the {sector} numbers for {month}.",
    "My {relative} works at the {company} plant in {state} and they already cut {count} shifts.",
    "{pol} is the only one in that room who {judgement_c}.",
    "Remember when they said {rate0}%? Now it's {rate1}% and everyone calls it a victory. Give it {count} weeks.",
    "The ${bn} billion 'investment' is just a slush fund, change my mind. {pol} knows it too.",
    "I run a small {sector_plain} supplier in {jp_pref} and orders are down {pct}% since {month}. Nobody in "
    "Tokyo is listening.",
    "Honestly {pol} has done better than expected. {rate1}% beats {rate0}% any day.",
    "Tariffs are taxes paid by consumers. {pct}% higher prices on {sector} is what this 'win' looks like.",
    "Wake me up when the {rate}% on {sector} is actually gone and not just promised for {month_next}.",
    "Why does nobody mention {farm_good}? {pol} traded away farmers for {sector} again.",
)
COMMENT_SLOTS = {
    "opinion": ("a disgrace", "still too high", "not the end of the world", "exactly what they wanted",
                "a rounding error for Toyota", "going to kill small suppliers"),
    "relative": ("brother", "sister", "dad", "neighbor", "cousin", "wife", "husband", "friend"),
    "judgement_c": ("understands cars", "actually reads the numbers", "has any leverage",
                    "is taking this seriously", "knows what a supply chain is"),
}
CHOICES.update(COMMENT_SLOTS)
FUNCS["pol"] = lambda s: s.story.rng.choice(("Trump", "Akazawa", "Ishiba", "Takaichi", "Lutnick", "Bessent",
                                             "Greer", "Tokyo", "Washington", "the LDP"))
USER_PARTS = ("kanto", "rustbelt", "sakura", "trader", "osaka", "mike", "ken", "yokohama", "detroit", "tofu",
              "salaryman", "ohio", "chiba", "bluecollar", "nagoya", "exporter", "kaizen", "midwest", "shinkansen")


def username(rng: random.Random) -> str:
    """A reader's handle, varied as real ones are: 'sakura_trader88', 'RustbeltMike'."""
    first, second = rng.sample(USER_PARTS, 2)
    if rng.random() < 0.5:
        return f"{first}_{second}{rng.randrange(1, 999)}"
    return f"{first.title()}{second.title()}"


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if ord(c) >= 0x20 or c == "\t" else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


# ----------------------------------------------------------------------------------------------
# One story in the making


class Story:
    """One article in the making: its day, outlet and cast, and who has been named in full so far.

    Paragraphs are rendered in reading order, so the first mention of an
    official is the full title and name and later ones are the surname or
    'the minister', as in wire copy.
    """

    def __init__(self, rng: random.Random, published: date, outlet: tuple[str, str]) -> None:
        self.rng = rng
        self.published = published
        self.outlet, self.outlet_short = outlet
        self.named: dict[str, bool] = {}
        self.cast = {"jp": self._weighted("jp", published, True), "us": self._weighted("us", published, True)}
        self.home_city = rng.choices(list(CITIES), weights=[w for _, w in CITIES.values()])[0]
        self.events: Counter[str] = Counter()

    def _weighted(self, side: str, day: date, talks: bool) -> Person:
        pool = [p for p in PEOPLE if p.side == side and p.serves(day) and (p.talks or not talks)]
        return self.rng.choices(pool, weights=[p.weight for p in pool])[0]

    def pick(self, side: str, day: date, talks: bool) -> Person:
        """The story's lead official for a side when in office that day, else another who was."""
        lead = self.cast[side]
        if lead.serves(day) and (lead.talks or not talks) and self.rng.random() < 0.75:
            return lead
        return self._weighted(side, day, talks)

    def mention(self, person: Person) -> str:
        """Title and full name the first time, then mostly the surname, sometimes 'the minister'."""
        rng = self.rng
        if person.full not in self.named:
            self.named[person.full] = True
            roll = rng.random()
            if roll < 0.65:
                return f"{rng.choice(person.titles)} {person.full}"
            if roll < 0.92:
                return f"{person.full}, {rng.choice(person.appositions)},"
            return person.full
        return rng.choice(person.nouns) if rng.random() < 0.2 else person.surname

    def city(self, slots: Slots) -> str:
        """Where a meeting happened: mostly the story's city, else anywhere talks were held."""
        if self.rng.random() < 0.6:
            return self.home_city
        return self.rng.choices(list(CITIES), weights=[w for _, w in CITIES.values()])[0]

    def render(self, kind: str, day: date, lead: bool = False) -> str:
        """One paragraph: an event (or background) sentence, sometimes with a follow-up sentence."""
        slots = Slots(self, day)
        text = slots.fill(self.rng.choice(TEMPLATES[kind]))
        followups = FOLLOWUPS.get(kind, ())
        if followups and not lead and self.rng.random() < 0.3:
            text += " " + slots.fill(self.rng.choice(followups))
        self.events[kind] += 1
        return tidy(text)

    def headline(self) -> str:
        return tidy(Slots(self, self.published).fill(self.rng.choice(HEADLINES)))


def tidy(text: str) -> str:
    """Drop the comma an apposition leaves before a full stop or another comma; capitalize the start."""
    text = text.replace(",.", ".").replace(",,", ",").replace(",:", ":").replace(",;", ";")
    return text[:1].upper() + text[1:]


# ----------------------------------------------------------------------------------------------
# What each page style holds

EVENT_MIX = (("meeting", 1.7), ("call", 1.3), ("statement", 2.5), ("rate", 2.0), ("agreement", 0.7),
             ("deadline", 0.4))
STYLES = (  # style, share, events per article, body size in bytes (low, high)
    ("wire", 0.30, 9.8, (2300, 4000)),
    ("web", 0.27, 9.3, (1900, 3300)),
    ("comments", 0.15, 8.8, (1800, 3000)),
    ("brief", 0.10, 3.6, (0, 0)),
    ("analysis", 0.13, 5.5, (4900, 5800)),
    ("near", 0.05, 0.8, (1700, 3000)),
)


def draw_count(rng: random.Random, mean: float) -> int:
    """An event count near `mean` that varies from story to story (no story is a copy of the average)."""
    value = mean * rng.uniform(0.6, 1.4)
    return int(value) + (rng.random() < value - int(value))


def plan_events(rng: random.Random, count: int) -> list[str]:
    """The kinds of event a story tells, the lead first: a meeting or call when there is one."""
    kinds, weights = zip(*EVENT_MIX)
    plan = rng.choices(kinds, weights=weights, k=count)
    for index, kind in enumerate(plan):
        if kind in ("meeting", "call"):
            plan.insert(0, plan.pop(index))
            break
    return plan


def event_day(rng: random.Random, kind: str, published: date, lead: bool) -> date:
    """When an event happened: the lead within days of publication, others further back."""
    if lead:
        back = rng.choice((0, 0, 1, 1, 1, 2, 3))
    elif kind in ("statement", "named", "unnamed"):
        back = rng.randrange(0, 7)
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

    Filler (background) names no official, so it can go anywhere after the
    lead without upsetting who was named first.
    """
    rng = story.rng
    paragraphs: list[str] = []
    for index, kind in enumerate(plan):
        text = render_event(story, kind, index == 0)
        if paragraphs and index > 1 and rng.random() < 0.2:
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
    size = sum(len(p) + 2 for p in paragraphs)
    while size < target:
        text = story.render(filler, story.published - timedelta(days=rng.randrange(0, 10)))
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1) if paragraphs else 0, text)
        size += len(text) + 2
    return paragraphs


def dateline(story: Story) -> str:
    """A wire dateline: 'TOKYO, June 3 (Kyodo) -- ', 'WASHINGTON -- ' or 'TOKYO (Reuters) - '."""
    rng, day = story.rng, story.published
    city = rng.choice(DATELINES)
    return rng.choice((f"{city}, {MONTHS[day.month - 1]} {day.day} ({story.outlet_short}) -- ",
                       f"{city}, {MONTHS[day.month - 1]} {day.day} ({story.outlet_short}) - ",
                       f"{city} -- ", f"{city} ({story.outlet_short}) -- "))


def date_header(story: Story) -> list[str]:
    """A publication date line some pages carry, in one of the forms sites print it; often none."""
    rng, day = story.rng, story.published
    if rng.random() < 0.6:
        return []
    clock = f"{rng.randrange(0, 24):02d}:{rng.randrange(0, 60):02d}"
    return [rng.choice((f"Published: {day.isoformat()}", f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
                        f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year} {clock} JST",
                        f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}, {day.year}"))]


def byline(story: Story) -> list[str]:
    """A byline and an 'Updated ...' line, as a web page shows them."""
    rng, day = story.rng, story.published
    name = person_name(rng)
    clock = f"{rng.randrange(1, 13)}:{rng.randrange(0, 60):02d} {rng.choice(('a.m.', 'p.m.'))}"
    return [rng.choice((f"By {name}", f"By {name} and {person_name(rng)}", f"{name} | Staff writer",
                        f"By {name}, {story.outlet}")),
            rng.choice((f"Updated {MONTHS[day.month - 1]} {day.day}, {day.year} {clock} JST",
                        f"Published {clock} ET, {MONTHS[day.month - 1][:3]} {day.day}, {day.year}",
                        f"Last updated: {day.isoformat()}", f"Updated {rng.randrange(1, 12)} hours ago"))]


def caption(story: Story) -> str:
    """A photo caption, dated days before publication, credited as real captions are."""
    slots = Slots(story, story.published)
    slots.update(full=story.cast["jp"].full, full2=story.cast["us"].full, photo=story.rng.choice(PHOTO_CREDITS),
                 caption_day=month_day(story.rng, story.published - timedelta(days=story.rng.randrange(0, 20)),
                                       story.published))
    if story.rng.random() < 0.4:
        slots["full"] = story.cast["us"].full
    return slots.fill(story.rng.choice(CAPTIONS))


def link_list(story: Story) -> list[str]:
    """'Read more:' or 'Related coverage:' and two or three headlines of other stories."""
    return [story.rng.choice(("Read more:", "Related coverage:", "Related:", "More on this story:"))] + [
        story.headline() for _ in range(story.rng.randrange(2, 4))]


def chrome_top(story: Story) -> list[str]:
    """A web page's top: the menu bar, often a cookie notice."""
    lines = [story.rng.choice(MENUS)]
    if story.rng.random() < 0.3:
        lines.append(story.rng.choice(COOKIES))
    return lines


def chrome_bottom(story: Story) -> list[str]:
    """A web page's foot: links, a newsletter notice, sometimes share buttons, and the copyright line."""
    rng = story.rng
    lines = link_list(story) + [""]
    if rng.random() < 0.6:
        lines.append(rng.choice(NEWSLETTERS).format(nl=rng.choice(NEWSLETTER_NAMES)))
    if rng.random() < 0.4:
        lines.append(rng.choice(SHARES))
    year = story.published.year
    lines.append(rng.choice((f"© {year} {story.outlet}. All rights reserved.", f"Copyright {year} {story.outlet}",
                             f"(c) {story.outlet} {year}")))
    return lines


def with_clutter(story: Story, paragraphs: list[str]) -> list[str]:
    """Body paragraphs of a web page, with a caption near the top, an ad and an inline 'Read more' link."""
    rng = story.rng
    out = list(paragraphs)
    if rng.random() < 0.7:
        out.insert(min(1, len(out)), caption(story))
    if len(out) > 3:
        out.insert(rng.randrange(2, len(out)), rng.choice(ADS))
    if len(out) > 5 and rng.random() < 0.5:
        out.insert(rng.randrange(3, len(out)), "Read more: " + story.headline())
    return out


def comment_block(story: Story) -> list[str]:
    """Reader comments: handles, timestamps and opinions full of tariffs, rates and names, none of it reporting."""
    rng = story.rng
    lines = [rng.choice((f"Comments ({rng.randrange(4, 400)})", "Join the conversation", "Reader comments",
                         f"{rng.randrange(4, 400)} comments"))]
    for _ in range(rng.randrange(3, 8)):
        stamp = rng.choice((f"{rng.randrange(1, 23)}h ago", f"{rng.randrange(2, 59)} minutes ago",
                            f"{rng.randrange(1, 6)} days ago",
                            f"{MONTHS[story.published.month - 1][:3]} {story.published.day}, "
                            f"{rng.randrange(1, 12)}:{rng.randrange(0, 60):02d} PM"))
        text = tidy(Slots(story, story.published).fill(rng.choice(COMMENTS)))
        lines += ["", f"{username(rng)} · {stamp}", text]
        if rng.random() < 0.5:
            lines.append(rng.choice((f"▲ {rng.randrange(0, 300)}  Reply", f"Like ({rng.randrange(0, 90)})",
                                     "Reply  Report")))
    return lines


# ----------------------------------------------------------------------------------------------
# Page styles


def wire_page(story: Story, headline: str, paragraphs: list[str]) -> list[str]:
    """A clean wire story: headline, maybe a date line, dateline lead, and sometimes a reporting credit."""
    lines = [headline, *date_header(story), ""]
    lines += paragraphs_with_dateline(story, paragraphs)
    if story.rng.random() < 0.4:
        lines += ["", f"(Reporting by {person_name(story.rng)}; Editing by {person_name(story.rng)})"]
    return lines


def paragraphs_with_dateline(story: Story, paragraphs: list[str]) -> list[str]:
    lead, *rest = paragraphs
    out = [dateline(story) + lead]
    for paragraph in rest:
        out += ["", paragraph]
    return out


def spaced(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for paragraph in paragraphs:
        out += [paragraph, ""]
    return out[:-1]


def web_page(story: Story, headline: str, paragraphs: list[str]) -> list[str]:
    """A web page pasted as text: menu, headline, byline, captions, ads, links and the site's notices."""
    lines = [*chrome_top(story), "", headline, *byline(story), *date_header(story), ""]
    body = with_clutter(story, paragraphs)
    if story.rng.random() < 0.4:
        body[0] = story.rng.choice(DATELINES) + " -- " + body[0]
    return lines + spaced(body) + [""] + chrome_bottom(story)


def comments_page(story: Story, headline: str, paragraphs: list[str]) -> list[str]:
    """A story, as a wire or web page, followed by its reader comments."""
    page = web_page if story.rng.random() < 0.5 else wire_page
    return page(story, headline, paragraphs) + [""] + comment_block(story)


def analysis_page(story: Story, headline: str, paragraphs: list[str]) -> list[str]:
    """A long analysis: a label, a byline, and many background paragraphs around a few events."""
    label = story.rng.choice(("ANALYSIS", "News analysis", "Explainer", "In depth", "Insight"))
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


def story_body(story: Story, style: str, mean_events: float, sizes: tuple[int, int]) -> list[str]:
    """The body of a story of one style: its events, then background (or market talk) up to its size."""
    rng = story.rng
    if style == "brief":
        return body_paragraphs(story, plan_events(rng, rng.randrange(3, 6)), 0)
    if style == "near":
        filler = rng.choice(("markets", "earnings"))
        lead = [story.render(filler, story.published - timedelta(days=rng.randrange(0, 2)), lead=True)]
        plan = plan_events(rng, draw_count(rng, mean_events))
        rest = body_paragraphs(story, ["rate", *plan], rng.randrange(*sizes), filler) if plan else []
        return lead + rest
    return body_paragraphs(story, plan_events(rng, max(1, draw_count(rng, mean_events))), rng.randrange(*sizes))


def make_article(rng: random.Random, number: int) -> Article:
    """One article: a publication day and outlet, a style, a body of that style and its page around it."""
    published = date(2025, 3, 1) + timedelta(days=rng.randrange(365))
    story = Story(rng, published, rng.choice(OUTLETS))
    style, _, mean_events, sizes = rng.choices(STYLES, weights=[s[1] for s in STYLES])[0]
    headline = story.headline()
    body = story_body(story, style, mean_events, sizes)
    lines = BUILDERS[style](story, headline, body)
    text = "\n".join(lines).rstrip() + "\n"
    return Article(f"a{number:06d}.txt", text, published, story.outlet, headline, style, body, story.events)


def generate(count: int, seed: int = 7) -> Iterator[Article]:
    """The corpus, article by article, from one random.Random(seed)."""
    rng = random.Random(seed)
    for number in range(count):
        yield make_article(rng, number)


def write_articles(articles: Iterable[Article], out: Path) -> list[Article]:
    """Write the articles and their articles.toml; return them, for the report."""
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
    """Sentences the crude way the figure is defined: each line split on '. '."""
    for line in lines:
        for part in line.split(". "):
            part = part.strip()
            if part:
                yield part


def repeated_share(texts: Iterable[Iterable[str]]) -> float:
    """The share of sentences that occur more than once in the whole corpus."""
    counts = Counter(s for lines in texts for s in segments(lines))
    total = sum(counts.values())
    return sum(n for n in counts.values() if n > 1) / total if total else 0.0


def report(articles: list[Article], seconds: float) -> str:
    """Sizes, styles, events per article and repeated-sentence shares, as printed after writing."""
    sizes = sorted(len(a.text.encode("utf-8")) for a in articles)
    events: Counter[str] = Counter()
    for article in articles:
        events.update(article.events)
    n = len(articles)
    kinds = ("meeting", "call", "named", "unnamed", "rate", "agreement", "deadline")
    styles = Counter(a.style for a in articles)
    return "\n".join((
        f"{n} articles in {seconds:.2f} s",
        f"size: mean {sum(sizes) / n / 1000:.2f} KB, median {sizes[n // 2] / 1000:.2f} KB, "
        f"min {sizes[0] / 1000:.2f} KB, max {sizes[-1] / 1000:.2f} KB",
        "styles: " + ", ".join(f"{s} {styles[s] / n:.0%}" for s, *_ in STYLES),
        f"events per article: {sum(events[k] for k in kinds) / n:.1f} ("
        + ", ".join(f"{k} {events[k] / n:.2f}" for k in kinds) + ")",
        f"repeated sentences: body {repeated_share(a.body for a in articles):.2%}, "
        f"whole text with chrome and comments {repeated_share(a.text.splitlines() for a in articles):.2%}",
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
