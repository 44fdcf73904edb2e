"""Exports for scripts and newsrooms: an event a line, CSV with every field and its articles, TimelineJS, and
one self-contained page read back by a parser (and by Chromium where it is installed)."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from tariffs.cli import cli

SAMPLE = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def folder(tmp_path) -> Path:
    """Three short reports in my own words, one with markup in a quote and a title with a comma."""
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Japan's trade envoy Ryosei Akazawa met Commerce Secretary Howard Lutnick in "
                                  "Washington on Tuesday for about ninety minutes.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The United States put a 25% tariff on Japanese cars in April. Akazawa said "
                                  "\"<script>alert(1)</script> is not how we negotiate\" on Friday.\n", encoding="utf-8")
    (folder / "c.txt").write_text("=HYPERLINK(\"x\") Both sides agreed on Monday to hold another round of talks "
                                  "in May.\n", encoding="utf-8")
    (folder / "articles.toml").write_text(
        '[[article]]\nfile = "a.txt"\npublished = 2025-06-12\nsource = "Wire One"\ntitle = "Envoy, secretary meet"\n'
        'url = "https://example.com/a"\n\n[[article]]\nfile = "b.txt"\npublished = 2025-06-14\nsource = "Wire Two"\n'
        '\n[[article]]\nfile = "c.txt"\npublished = 2025-04-22\n', encoding="utf-8")
    return folder


def exported(folder: Path, fmt: str) -> str:
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


def events(folder: Path) -> list[dict]:
    return json.loads(exported(folder, "json"))["events"]


def test_jsonl_is_one_event_per_line(folder):
    lines = exported(folder, "jsonl").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [e["id"] for e in events(folder)]


def test_csv_has_every_field_of_every_event_and_the_articles_it_was_read_in(folder):
    rows = list(csv.reader(io.StringIO(exported(folder, "csv"))))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["id", "date", "date_end", "type"]
    every_field = {key for event in events(folder) for key in event}
    assert every_field <= set(header) and {"article_titles", "article_outlets", "article_urls"} <= set(header)
    assert len(body) == len(events(folder))
    meeting = next(dict(zip(header, row, strict=True)) for row in body if "Howard Lutnick" in row[5])
    assert (meeting["article_titles"], meeting["article_outlets"], meeting["article_urls"]) == \
        ("Envoy, secretary meet", "Wire One", "https://example.com/a")
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in body for cell in row)


def test_timelinejs_has_what_the_format_requires(folder):
    document = json.loads(exported(folder, "timelinejs"))
    slides = document["events"]
    dated = [e for e in events(folder) if e["date"]]
    assert document["title"]["text"]["headline"] and len(slides) == len(dated)
    for slide in slides:
        assert slide["start_date"]["year"].isdigit() and slide["text"]["headline"] and slide["group"]
    assert len({s["unique_id"] for s in slides}) == len(slides)
    month_level = [s for s, e in zip(slides, dated, strict=True) if e["date_precision"] == "month"]
    assert month_level and all("day" not in s["start_date"] for s in month_level)
    assert "<script>" not in json.dumps(document)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.events, self.scripts, self.external, self.svgs = 0, 0, [], 0

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        self.events += tag == "article" and "event" in (found.get("class") or "").split()
        self.scripts += tag == "script"
        self.svgs += tag == "svg"
        if tag in ("link", "img", "script", "iframe") and (found.get("href") or found.get("src")):
            self.external.append(found)


def read_page(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    return page


def test_the_page_shows_every_event_with_no_script_and_nothing_fetched(folder):
    text = exported(folder, "html")
    page = read_page(text)
    assert page.events == len(events(folder)) and page.scripts == 0 and page.external == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<h2>June 2025</h2>" in text and '<a href="https://example.com/a">' in text


def test_the_page_of_the_sample_draws_the_rate_history():
    text = exported(SAMPLE, "html")
    page = read_page(text)
    assert page.svgs == 1 and "autos/JP" in text and page.events == len(events(SAMPLE))


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_chromium_renders_the_page_with_every_event(tmp_path):
    page = tmp_path / "timeline.html"
    page.write_text(exported(SAMPLE, "html"), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120, check=False).stdout
    assert read_page(dom).events == len(events(SAMPLE))
    shot = tmp_path / "page.png"
    subprocess.run([CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri()],
                   capture_output=True, timeout=120, check=False)
    assert shot.is_file() and shot.stat().st_size > 10_000
