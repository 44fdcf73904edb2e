"""Real pages in: saved web pages, folders with subfolders, datelines in any order, and `add -`."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tariffs.clean import clean
from tariffs.cli import cli
from tariffs.published import find_dating
from tariffs.read import RawArticle, read_corpus

REPORT = [
    ("WASHINGTON -- Japan's chief tariff negotiator Ryosei Akazawa sat down with Commerce Secretary Howard "
    "Lutnick on Friday for roughly 70 minutes, their fifth round of talks."),
    "\"The gap has narrowed, but cars remain the sticking point,\" Akazawa told reporters afterwards.",
    "Washington has charged an extra 25% duty on Japanese automobiles since April.",
]

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Akazawa and Lutnick narrow gaps in fifth round | Bay Ledger</title>
<meta property="og:title" content="Akazawa and Lutnick narrow gaps in fifth round">
<meta property="og:site_name" content="Bay Ledger">
<meta property="article:published_time" content="2025-05-31T08:15:00+09:00">
<link rel="canonical" href="https://bayledger.example/world/akazawa-lutnick-fifth-round">
</head><body>
<header><nav><ul><li><a href="/">Front page</a></li><li><a href="/world">World</a></li>
<li><a href="/markets">Markets</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div class="advert">Advertisement. Trump met Ishiba on Monday and they agreed to a 10% tariff, says our sponsor.</div>
<main><article>
<h1>Akazawa and Lutnick narrow gaps in fifth round</h1>
<figure><img src="akazawa.jpg" alt=""><figcaption>Ryosei Akazawa met Scott Bessent on Thursday, in a file photo.
</figcaption></figure>
""" + "\n".join(f"<p>{p}</p>" for p in REPORT) + """
</article></main>
<aside class="related"><h2>Related coverage</h2><ul>
<li><a href="/a">Trump threatens 35% tariff on Japan</a></li>
<li><a href="/b">Ishiba and Trump to meet at the G7 summit</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Lutnick said on Saturday that a deal with Japan was done. Shame!</p></div></section>
<footer><p>Copyright 2025 Bay Ledger. All rights reserved.</p></footer>
</body></html>
"""


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def document(folder: Path) -> dict:
    result = run("--data", str(folder), "timeline", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def readings(doc: dict) -> list[tuple]:
    return sorted((e["type"], e["date"], tuple(e["officials"]), e["summary"]) for e in doc["events"])


def test_a_news_page_yields_the_events_of_its_clean_text(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "fifth.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "fifth.txt").write_text("May 31, 2025\n\n" + "\n\n".join(REPORT), encoding="utf-8")
    from_page, from_text = readings(document(tmp_path / "page")), readings(document(tmp_path / "text"))
    assert from_page == from_text
    assert {e[0] for e in from_page} >= {"meeting", "statement", "tariff"}
    assert not any("Ishiba" in " ".join(e[2]) or "Bessent" in " ".join(e[2]) for e in from_page)  # ad, caption, links


def test_a_page_is_dated_titled_and_addressed_by_its_metadata(tmp_path):
    (tmp_path / "fifth.html").write_text(PAGE, encoding="utf-8")
    article = document(tmp_path)["articles"][0]
    assert article["id"] == "fifth"
    assert (article["published"], article["published_from"]) == ("2025-05-31", "html")
    assert article["title"] == "Akazawa and Lutnick narrow gaps in fifth round"
    assert article["source"] == "Bay Ledger"
    assert article["url"] == "https://bayledger.example/world/akazawa-lutnick-fifth-round"


def test_the_manifest_date_still_wins_over_the_page(tmp_path):
    (tmp_path / "fifth.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "articles.toml").write_text('[[article]]\nfile = "fifth.html"\npublished = 2025-06-02\n')
    article = document(tmp_path)["articles"][0]
    assert (article["published"], article["published_from"]) == ("2025-06-02", "manifest")


def test_subfolders_are_read_and_files_the_tool_cannot_read_are_counted_once(tmp_path):
    (tmp_path / "may" / "wires").mkdir(parents=True)
    (tmp_path / "may" / "wires" / "kyodo.TXT").write_text("TOKYO, May 30, 2025 (Kyodo) -- " + REPORT[0])
    (tmp_path / "notes.md").write_text("June 3, 2025\n\nTrump and Ishiba spoke by phone on Monday.\n")
    (tmp_path / "may" / "fifth.htm").write_text(PAGE)
    (tmp_path / "may" / "briefing.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n")
    (tmp_path / "memo.docx").write_bytes(b"PK\x03\x04 not really a document")
    articles, warnings = read_corpus(tmp_path)
    assert [a.id for a in articles] == ["may/fifth", "may/wires/kyodo", "notes"]
    skipped = [w for w in warnings if "skipped" in w]
    assert len(skipped) == 1 and "2 files" in skipped[0] and ".pdf" in skipped[0] and ".docx" in skipped[0]


def test_a_folder_with_no_readable_article_says_so_and_fails(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    result = run("--data", str(tmp_path), "timeline")
    assert result.exit_code != 0
    assert result.stderr.count("\n") == 1 and "no articles" in result.stderr and "scan.pdf" in result.stderr


def dating_of(text: str):
    return find_dating(clean(RawArticle("t", text, None)))


BODY = "Akazawa met Lutnick on Friday, officials said."


@pytest.mark.parametrize("opening", [
    "TOKYO, June 7, 2025 (Kyodo) -- ",
    "TOKYO, 7 June 2025 (Jiji Press) -- ",
    "Fresh talks in Washington\n7 June 2025\n\n",
    "Fresh talks in Washington\nJune 7, 2025 3:10 PM EDT\n\n",
    "Fresh talks in Washington\nSaturday, June 7, 2025\n\n",
    "Fresh talks in Washington\nPublished: 7 Jun. 2025 at 09:12 JST\n\n",
    "Fresh talks in Washington\n2025-06-07T15:10:00-04:00\n\n",
])
def test_each_dateline_form_dates_its_article(opening):
    dating = dating_of(opening + BODY)
    assert (dating.published.isoformat(), dating.published_from) == ("2025-06-07", "header")


def test_stamps_keep_their_zones():
    assert dating_of("Talks\nJune 7, 2025 3:10 PM EDT\n\n" + BODY).zone == "ET"
    assert dating_of("Talks\nUpdated 18:05 PDT, June 7, 2025\n\n" + BODY).zone == "ET"  # every American clock
    assert dating_of("Talks\n22:40 MDT, June 7, 2025\n\n" + BODY).published.isoformat() == "2025-06-07"
    assert dating_of("Talks\nPosted 11:20 GMT, June 7, 2025\n\n" + BODY).zone is None  # on neither side
    assert dating_of("Talks\n17:32 JST, June 7, 2025\n\n" + BODY).zone == "JST"
    assert dating_of("Talks\n2025-06-07T21:40:00-04:00\n\n" + BODY).hour == 21


def test_a_blog_stamped_in_us_time_dates_tokyo_news_on_the_tokyo_day(tmp_path):
    # 9:30 p.m. in New York on Tuesday, June 10, is Wednesday morning in Tokyo.
    (tmp_path / "blog.txt").write_text("Live: tariff talks\nJune 10, 2025 9:30 PM EDT\n\n"
                                       "TOKYO -- Prime Minister Shigeru Ishiba spoke by phone with President "
                                       "Donald Trump on Wednesday morning, Tokyo time, officials said.\n")
    calls = [e for e in document(tmp_path)["events"] if e["type"] == "meeting"]
    assert [e["date"] for e in calls] == ["2025-06-11"]


def test_add_reads_standard_input(tmp_path):
    result = run("--data", str(tmp_path), "add", "-", "--published", "2025-06-14", input=REPORT[0] + "\n")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "stdin.txt").read_text() == REPORT[0] + "\n"
    assert 'file = "stdin.txt"' in (tmp_path / "articles.toml").read_text()
    assert "added stdin.txt" in result.stderr


def test_add_keeps_a_page_as_a_page_and_reads_it_as_one(tmp_path):
    source = tmp_path / "saved.html"
    source.write_text(PAGE)
    folder = tmp_path / "data"
    folder.mkdir()
    result = run("--data", str(folder), "add", str(source))
    assert result.exit_code == 0, result.output
    assert (folder / "saved.html").exists()
    assert document(folder)["articles"][0]["published_from"] == "html"


def test_a_page_piped_in_is_stored_as_a_page(tmp_path):
    result = run("--data", str(tmp_path), "add", "-", "--name", "fifth", input=PAGE)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "fifth.html").exists()


def test_add_warns_when_an_article_stays_undated(tmp_path):
    result = run("--data", str(tmp_path), "add", "-", input="Akazawa met Lutnick on Friday.\n")
    assert result.exit_code == 0, result.output
    assert "stdin: no publication date found" in result.stderr and "--published" in result.stderr


def test_add_refuses_what_it_cannot_read(tmp_path):
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    folder = tmp_path / "data"
    folder.mkdir()
    result = run("--data", str(folder), "add", str(source))
    assert "scan.pdf is not text or a web page; not added" in result.stderr
    assert [p.name for p in folder.iterdir() if not p.name.startswith(".")] == []  # the add lock is hidden


def test_a_text_only_run_does_not_import_the_page_reader(tmp_path):
    (tmp_path / "a.txt").write_text("June 3, 2025\n\n" + REPORT[0])
    script = ("import sys; from tariffs.cli import cli; from click.testing import CliRunner; "
              f"CliRunner().invoke(cli, ['--data', {str(tmp_path)!r}, 'timeline']); "
              "print('trafilatura' in sys.modules)")
    env_cache = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True,
                         env={**os.environ, **env_cache})
    assert out.stdout.strip() == "False", out.stderr


def test_an_impossible_dateline_day_leaves_the_article_undated_with_no_source_claimed():
    dating = dating_of("TOKYO, June 31 (Kyodo) -- Akazawa met Lutnick on Friday. Talks resumed in June 2025, "
                       "officials said on June 2, 2025.")
    assert (dating.published, dating.published_from) == (None, None)
