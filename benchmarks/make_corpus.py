"""Write N realistic news articles on the U.S.-Japan tariff talks, and their articles.toml.

    python benchmarks/make_corpus.py --articles 1000 --out /tmp/corpus [--seed 7]

Deterministic for a seed. Articles vary in officials, dates, meetings, calls,
rates, sectors, quotes, deadlines and page furniture (captions, link lists,
reader comments), so that extraction and merging have real work to do: many
distinct meetings on many days, retold by several articles each.
"""
from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

JAPAN = [("Ryosei Akazawa", "Japan's top tariff negotiator"), ("Shigeru Ishiba", "Prime Minister"),
         ("Yoshimasa Hayashi", "Chief Cabinet Secretary"), ("Takeshi Iwaya", "Foreign Minister"),
         ("Katsunobu Kato", "Finance Minister")]
US = [("Howard Lutnick", "Commerce Secretary"), ("Scott Bessent", "Treasury Secretary"),
      ("Jamieson Greer", "U.S. Trade Representative"), ("Donald Trump", "President")]
SECTORS = [("cars and auto parts", 25), ("steel", 50), ("aluminum", 50), ("semiconductors", 25),
           ("pharmaceuticals", 20), ("all Japanese goods", 15), ("rice", 30)]
PLACES = ["Washington", "Tokyo", "the White House", "Osaka", "New York"]
OUTLETS = ["Kyodo News", "Jiji Press", "The Japan Times", "Reuters", "NHK World", "Asahi", "Yomiuri"]
QUOTES = ["We had a frank and constructive exchange", "Our position has not changed",
          "We will keep talking until we reach a deal that benefits both sides",
          "There is still a gap between us", "Nothing is agreed until everything is agreed",
          "We need more time to work out the details", "The talks were productive"]
BACKGROUND = [
    "The auto industry accounts for a large share of Japan's exports to the United States.",
    "Japanese automakers have warned that prolonged uncertainty will weigh on investment.",
    "Economists say the dispute could shave growth in both countries this year.",
    "The two countries are close security allies and major trading partners.",
    "Opposition lawmakers in Tokyo have criticized the government's handling of the talks.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def weekday_phrase(day: date, published: date) -> str:
    """How a reporter names a day up to six days before publication."""
    if day == published:
        return "on " + WEEKDAYS[day.weekday()]
    return "on " + WEEKDAYS[day.weekday()] if (published - day).days < 7 else f"on {day:%B} {day.day}"


def article(rng: random.Random, number: int, start: date) -> tuple[str, date, str]:
    """One article: its text, publication date and outlet."""
    published = start + timedelta(days=rng.randrange(240))
    talks_day = published - timedelta(days=rng.randrange(1, 6))
    jp, jp_title = rng.choice(JAPAN[:1] * 3 + JAPAN)
    us, us_title = rng.choice(US)
    other, other_title = rng.choice([u for u in US if u[0] != us])
    place = rng.choice(PLACES)
    minutes = rng.choice([30, 40, 45, 50, 60, 75, 90, 110, 120])
    sector, rate = rng.choice(SECTORS)
    new_rate = rng.choice([10, 12.5, 15, 20])
    outlet = rng.choice(OUTLETS)
    round_number = rng.randrange(1, 12)
    lines = [
        f"{jp_title.split()[-1].title()} {jp.split()[-1]} meets {us.split()[-1]} as tariff talks continue",
        "",
        f"Photo: {jp} speaks to reporters in {place} on {talks_day:%B} {talks_day.day}. (File photo)",
        "",
        (f"TOKYO, {published:%B} {published.day} ({outlet}) -- {jp_title} {jp} held talks with {us_title} {us} "
        f"in {place} {weekday_phrase(talks_day, published)} for about {minutes} minutes, the Japanese government said."),
        "",
        (f"It was the {['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh'][round_number - 1]} "
        f"round of ministerial talks between the two countries."),
        "",
        f'"{rng.choice(QUOTES)}," {jp.split()[-1]} told reporters afterward.',
        "",
    ]
    if rng.random() < 0.6:
        call_day = talks_day + timedelta(days=1)
        if call_day <= published:
            lines += [(f"{jp.split()[-1]} also spoke with {other_title} {other} by phone for about "
                      f"{rng.choice([15, 20, 30])} minutes the next day."), ""]
    lines += [
        f"Washington currently imposes a {rate}% tariff on {sector} from Japan, and Tokyo is seeking a cut to {new_rate}%.",
        "",
        rng.choice(BACKGROUND),
        "",
    ]
    if rng.random() < 0.5:
        deadline = published + timedelta(days=rng.randrange(5, 40))
        lines += [f"A pause on higher country-specific tariffs is due to expire on {deadline:%B} {deadline.day}.", ""]
    if rng.random() < 0.4:
        lines += [f'"{rng.choice(QUOTES)}," {us.split()[-1]} said in a statement {weekday_phrase(talks_day, published)}.', ""]
    lines += [f"© {outlet}", "", f"reader_{number % 97}",
              f"They will never agree. The tariff will be {rng.choice([40, 60, 80])}% by next year.", "",
              "Related coverage:", f"Japan weighs options as {sector} tariff bites", ""]
    return "\n".join(lines), published, outlet


def write_corpus(count: int, out: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    manifest = ["# Generated by benchmarks/make_corpus.py"]
    for number in range(count):
        text, published, outlet = article(rng, number, date(2025, 3, 1))
        name = f"a{number:06d}.txt"
        (out / name).write_text(text, encoding="utf-8")
        manifest.append(f'\n[[article]]\nfile = "{name}"\npublished = {published.isoformat()}\nsource = "{outlet}"')
    (out / "articles.toml").write_text("\n".join(manifest) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.articles, args.out, args.seed)


if __name__ == "__main__":
    main()
