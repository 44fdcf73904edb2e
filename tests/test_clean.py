"""What is not the article yields no event; the publication date is found in the text when the manifest has none."""
from __future__ import annotations

from datetime import date

import pytest

from tariffs.clean import clean, is_caption
from tariffs.published import find_dating
from tariffs.read import RawArticle

from .conftest import events_of

BODY = "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for about an hour."


def kept(text: str) -> str:
    return " ".join(clean(RawArticle("x", text, None)).paragraphs)


@pytest.mark.parametrize("junk", [
    "Reader One\nThe tariff will be 50 percent by summer, mark my words, Akazawa met nobody.",
    "Login to leave a comment",
    "Subscribe now for unlimited access.",
    "Advertisement",
    "Article continues after this advertisement",
    "READ: Trump threatens 40% tariff on Japan",
    "Share this story: Facebook | X | LINE",
])
def test_comments_notices_and_links_after_copyright_are_dropped(junk):
    text = f"{BODY}\n\n© Test News\n{junk}\n"
    assert kept(text) == BODY
    assert not [e for e in events_of(text) if any("50 percent" in s.text or "40%" in s.text for s in e.sources)]


def test_a_link_list_is_dropped_until_prose_resumes():
    text = f"Related coverage:\nJapan eyes 20% tariff cut in talks with U.S.\nEnvoy heads to Washington\n{BODY}\n"
    assert kept(text) == BODY


def test_notices_and_link_lines_inside_the_body_are_dropped():
    text = f"{BODY}\nREAD: Trump threatens 40% tariff on Japan\nYour subscription could not be saved. Please try again.\nHe said talks would go on.\n"
    assert "40%" not in kept(text) and "subscription" not in kept(text)


@pytest.mark.parametrize("line", [
    "Ryosei Akazawa speaks to reporters in Washington on May 2.",
    "Photo: Ishiba and Trump shake hands at the White House.",
    "File photo: the minister at his office in Tokyo in April",
    "Cars wait at a port in Yokohama. | Reuters",
    "The envoy (2nd L) at the prime minister's office. (Photo by A. Photographer / AFP)",
])
def test_captions(line):
    assert is_caption(line)
    assert events_of(f"{line}\n{BODY}\n") and all(line not in s.text for e in events_of(f"{line}\n{BODY}\n") for s in e.sources)


def test_a_caption_is_not_a_meeting():
    assert not events_of("Akazawa meets Lutnick at the Commerce Department on May 2. (Pool photo)\n")


def test_prose_in_the_present_tense_is_not_taken_for_a_caption():
    assert not is_caption("Akazawa says the talks will continue next week, and Tokyo hopes for a deal.")


def test_bylines_and_credits():
    text = f"By Jane Roe and John Doe\n{BODY}\nReporting by Jane Roe; Editing by Sam Poe\n"
    assert kept(text) == BODY


@pytest.mark.parametrize("header, expected", [
    (" date 2025-06-28 " + BODY, date(2025, 6, 28)),
    ("Headline here\n\n13:11 JST, July 6, 2025\n\n" + BODY, date(2025, 7, 6)),
    ("Headline here\nLast updated 09:15 JST, June 17, 2025\n" + BODY, date(2025, 6, 17)),
    ("Live from the summit\nLast updated 8:05 p.m. CDT, June 17, 2025\n" + BODY, date(2025, 6, 17)),
    ("Markets open\n07:30 KST, June 18, 2025\n\n" + BODY, date(2025, 6, 18)),
    ("Headline here\nBy Jane Roe\nJune 4, 2025\n\n" + BODY, date(2025, 6, 4)),
    ("TOKYO, June 15 (Jiji Press)--" + BODY + " The 2025 talks went on. A photo from May 3, 2025 ran.", date(2025, 6, 15)),
])
def test_publication_date_from_the_text(header, expected):
    dating = find_dating(clean(RawArticle("x", header, None)))
    assert (dating.published, dating.published_from) == (expected, "header")


def test_no_date_anywhere_leaves_it_unknown():
    assert find_dating(clean(RawArticle("x", BODY, None))).published is None


def test_a_popular_articles_list_is_dropped():
    text = f'{BODY}\n"Politics" POPULAR ARTICLE\n-\nCabinet Approval Holds at 72% as Voters Back Stimulus\n-\nTokyo Eyes Rice Imports\n'
    assert kept(text) == BODY


def test_furniture_patterns_anchored_together_keep_a_free_branch_free(monkeypatch):
    """Line-start patterns share one `^`; a pattern with its own top-level `|` keeps its second branch
    searchable anywhere in the line."""
    from tariffs import lexicon
    monkeypatch.setattr(lexicon, "load", lambda name: {"k": ["^advert$", "^promo|sponsored by"]})
    lexicon.pattern.cache_clear()
    try:
        found = lexicon.pattern("any", "k")
        assert found.search("Advert")
        assert not found.search("an advert")
        assert found.search("This story was sponsored by a bank")
        assert found.search("Promo code inside")
        assert not found.search("a promo code")
    finally:
        lexicon.pattern.cache_clear()


def test_section_bars_above_the_story_are_chrome_and_the_dateline_below_them_still_sets_the_clock():
    page = ("EVENING POST\nWorld | Markets | Tech | Sport    Sign in\n"
            "Envoy asks Washington to keep Japan's rate\n09:40 JST, April 11, 2026\nMarkets | 8 Comments\n\n"
            "WASHINGTON - Japan's top trade negotiator met the U.S. commerce secretary on Friday.\n")
    article = clean(RawArticle("x", page, None))
    assert article.dateline == "WASHINGTON -"
    assert not any("|" in paragraph for paragraph in article.paragraphs)
    assert find_dating(article).local == "ET"
    (meeting,) = [e for e in events_of(page, published=None) if e.type == "meeting"]
    assert meeting.date == date(2026, 4, 10)  # Friday in Washington, Saturday morning in Tokyo
