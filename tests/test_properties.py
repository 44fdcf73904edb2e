"""Properties that hold for any article-like text under any manifest, hostile ones included.

For every generated folder: no exception but a one-line refusal of the whole folder, every date a real day,
no event ending before it starts, every source sentence found in its article, and the same timeline when the
same folder is read again.

Runs a few hundred examples with the rest of the tests; CI runs it again with
TARIFFS_PROPERTY_EXAMPLES=100000 as a step of its own (see .ci/run).
"""
from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import event as tally
from hypothesis import strategies as st

from tariffs.pipeline import build_timeline
from tariffs.read import CorpusError, printable

EXAMPLES = int(os.environ.get("TARIFFS_PROPERTY_EXAMPLES", "300"))

# Pieces reporters write, pieces pages leave behind, and pieces an attacker adds.
WHO = ["Akazawa", "Ryosei Akazawa", "Lutnick", "Commerce Secretary Howard Lutnick", "Bessent", "Ishiba", "Trump",
       "The prime minister", "He", "She", "The two leaders", "Japan's top negotiator", "Greer", "Officials", "Mr. "]
DOES = [" met ", " held talks with ", " spoke by phone with ", " said", " told reporters", " threatened ",
        " agreed to ", " will meet ", " did not meet ", " may impose ", " imposed ", " lowered ", " announced ",
        " warned that "]
WHAT = ["Lutnick", "Trump", "Akazawa", "his counterpart", "a 25% tariff", "24 percent", "15%", "tariffs on cars",
        "14 percentage points", "a levy of 1000000000%", "a deal", "Japanese goods", "an executive order",
        "a deadline", "U.S. "]
WHEN = [" on Friday", " last Tuesday", " the day before", " that evening", " next week", " in late July",
        " on June 31", " on 0000-06-05", " 0000-00-00", " 400000 weeks ago", " in 3000000 days", " by Aug. 1",
        " 9999-12-31", " on Feb. 29", " June 15-17", " from July 9 to Aug. 1", " in 2025", " earlier this month",
        ""]
NOISE = ['"', "'", ", ", " -- ", " (Kyodo) ", "TOKYO, June 7, 2025 (Kyodo) -- ", "\n\n",
         "Published: 7 Jun. 2025 at 09:12 JST\n", "Related coverage:\n", "Comments (12)\n", "\u00a9 2025 Wire\n",
         " \u201cWe will not give in,\u201d ", "\u202e", "\x1b[31m", "\x1b]8;;http://x\x07", "\r", "\t", "\u200b",
         "\ufeff", "\ufffd", "\u8d64\u6ca2\u4eae\u6b63", "<b>", "</p>", "=cmd()", "[[article]]"]

sentence = st.tuples(st.sampled_from(WHO), st.sampled_from(DOES), st.sampled_from(WHAT), st.sampled_from(WHEN),
                     st.sampled_from([".", ".\n", "!", ", officials said.", ""])).map("".join)
article_text = st.lists(st.one_of(sentence, sentence, sentence, st.sampled_from(NOISE), st.text(max_size=12)),
                        max_size=40).map(" ".join)

PUBLISHED = ["2025-06-14", "0001-01-01", "9999-12-31", "2025-02-30", "2025-06-14T00:00:00", '"June 14"', "20250614",
             '"0000-00-00"', "1", "[]", "{ day = 1 }"]


@st.composite
def manifest(draw, names: list[str]) -> str | None:
    """A manifest for the articles `names`: none, a fair one, or one a careless or hostile hand wrote."""
    kind = draw(st.sampled_from(["none", "entries", "entries", "scalar", "nested", "garbage", "bom"]))
    if kind == "none":
        return None
    if kind == "scalar":
        return "article = 5\n"
    if kind == "nested":
        depth = draw(st.integers(1, 3000))
        return "article = " + "[" * depth + "]" * depth + "\n"
    if kind == "garbage":
        return draw(st.text(max_size=200))
    listed = draw(st.lists(st.sampled_from([*names, "ghost.txt", "../outside.txt"]), max_size=4))
    blocks = []
    for name in listed:
        title = draw(st.sampled_from(["", 'title = "Talks \\u001b[2J end"\n', 'title = "\u202eevil"\n',
                                      'source = "Wire\\r\\nX"\n']))
        blocks.append(f'[[article]]\nfile = "{name}"\npublished = {draw(st.sampled_from(PUBLISHED))}\n{title}')
    return ("\ufeff" if kind == "bom" else "") + "\n".join(blocks)


@st.composite
def folders(draw) -> tuple[dict[str, bytes], str | None]:
    """Article files by name (one to three, an exact copy now and then) and the manifest beside them."""
    texts = draw(st.lists(article_text, min_size=1, max_size=3))
    if len(texts) > 1 and draw(st.booleans()):
        texts[1] = texts[0]  # the same article twice: one event with two sources
    files = {f"a{n}.txt": text.encode("utf-8", errors="surrogatepass") for n, text in enumerate(texts)}
    return files, draw(manifest(list(files)))


def words(text: str) -> str:
    return " ".join(text.split())


def read_folder(files: dict[str, bytes], manifest_text: str | None) -> tuple[str | None, str]:
    """The timeline's JSON (None when the folder is refused, with the one-line reason)."""
    with tempfile.TemporaryDirectory() as place:
        folder = Path(place)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        if manifest_text is not None:
            (folder / "articles.toml").write_text(manifest_text, encoding="utf-8", errors="surrogatepass")
        try:
            timeline, _ = build_timeline(folder)
        except CorpusError as refused:
            return None, str(refused)
        texts = {name.removesuffix(".txt"): _article_text(folder / name) for name in files}
    _check(timeline, texts)
    return timeline.to_json(), ""


def _article_text(path: Path) -> str:
    from tariffs.read import read_article

    return words(printable(read_article(path, []) or ""))


def _check(timeline, texts: dict[str, str]) -> None:
    for event in timeline.events:
        if event.date_end is not None:
            assert event.date is not None and event.date <= event.date_end
        for day in (event.date, event.date_end):
            assert day is None or isinstance(day, date)
        for source in event.sources:
            assert words(source.text) in texts[source.article], (source.article, source.text)


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(folders())
def test_any_folder_gives_a_valid_timeline_the_same_each_time_or_one_line_refusal(folder):
    files, manifest_text = folder
    first, refused = read_folder(files, manifest_text)
    if first is None:
        assert refused and "\n" not in refused
        tally("refused")
        return
    tally(f"events: {min(len(json.loads(first)['events']), 5)}{'+' if len(json.loads(first)['events']) > 5 else ''}")
    again, _ = read_folder(files, manifest_text)
    assert again == first
