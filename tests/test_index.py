"""The index: only new or changed articles are read again, queries come from the database, faults rebuild it."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from tariffs import index
from tariffs.cli import cli
from tariffs.pipeline import build_timeline
from tariffs.query import Query

from .conftest import write_corpus

ARTICLES = {
    "a1": ("2025-06-14", "Akazawa spoke with Lutnick by phone for about 40 minutes on Friday, the government said.\n"),
    "a2": ("2025-05-02", ("Akazawa met Treasury Secretary Scott Bessent in Washington on Thursday. "
                         "Japan faces a 25 percent tariff on automobiles.\n")),
    "a3": ("2025-07-10", "Trump on Tuesday threatened a 35% tariff on Japanese goods, Greer said.\n"),
}


def run(folder: Path, *args: str):
    result = CliRunner().invoke(cli, ["--data", str(folder), "--jobs", "1", "timeline", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def extracted(monkeypatch) -> list[str]:
    """Names of the articles the index reads during the test."""
    seen: list[str] = []
    original = index._extract_one

    def counting(job):
        seen.append(job[0])
        return original(job)

    monkeypatch.setattr(index, "_extract_one", counting)
    return seen


def test_the_index_gives_the_same_timeline_as_reading_everything(tmp_path):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    indexed, _ = run(folder)
    direct, _ = build_timeline(folder)
    assert indexed == json.loads(direct.to_json())


RETOLD_RATE = {
    "r1": ("2025-04-10", "Washington imposed a 25% tariff on Japanese cars that took effect on April 3, officials said.\n"),
    "r2": ("2025-05-13", "Trump on Monday threatened to keep the 25% duty on Japanese autos in place.\n"),
    "r3": ("2025-06-18", "Japanese carmakers have been paying a 25% levy on vehicles since April, a trade group said.\n"),
}


def test_what_each_article_told_of_a_retold_event_survives_the_merge(tmp_path):
    """The index keeps what later articles said of an event apart while merging; every telling comes back."""
    folder = write_corpus(tmp_path / "c", RETOLD_RATE)
    indexed, _ = run(folder, "--type", "tariff")
    direct, _ = build_timeline(folder)
    [rate] = indexed["events"]
    assert rate == json.loads(direct.to_json())["events"][0]
    assert {a for step in rate["steps"] for a in step["articles"]} == {"r1", "r2", "r3"}
    assert len(rate["steps"]) >= 2


def test_two_sittings_told_in_one_sentence_are_two_events_with_ids_of_their_own(tmp_path):
    folder = write_corpus(tmp_path / "c", {"s1": ("2025-06-24", "Akazawa held two brief calls with Lutnick on Sunday.\n")})
    indexed, _ = run(folder, "--type", "meeting")
    ids = [event["id"] for event in indexed["events"]]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert ids == [event.id for event in build_timeline(folder)[0].events]
    assert ids == [event["id"] for event in run(folder, "--type", "meeting")[0]["events"]]  # the same on every run


def test_a_second_query_reads_nothing_and_a_changed_article_alone_is_read_again(tmp_path, monkeypatch):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    seen = extracted(monkeypatch)
    run(folder)
    assert sorted(seen) == ["a1.txt", "a2.txt", "a3.txt"]
    seen.clear()
    run(folder)
    assert seen == []
    saved_as_editors_do(folder / "a2.txt", "Akazawa met Lutnick in Washington on Thursday.\n")
    document, _ = run(folder)
    assert seen == ["a2.txt"]
    assert not any("Scott Bessent" in e["officials"] for e in document["events"])


def saved_as_editors_do(path: Path, text: str) -> None:
    """Write a new version beside the file and rename it into place, which changes the folder."""
    path.with_suffix(".tmp~").write_text(text, encoding="utf-8")
    os.replace(path.with_suffix(".tmp~"), path)


def aged(folder: Path) -> None:
    """Set the folder's times an hour back, as if the index were built long after the last change."""
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (path.stat().st_atime - 3600, path.stat().st_mtime - 3600))


@pytest.fixture
def settled(monkeypatch):
    """Folder times count as settled at once (a ctime cannot be set back, and the tests do not wait)."""
    monkeypatch.setattr(index, "RACY_NS", 0)


def test_an_unchanged_folder_is_known_from_its_folders_alone(tmp_path, monkeypatch, settled):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    (folder / "2025").mkdir()
    (folder / "2025" / "a4.txt").write_text("Trump spoke with Ishiba by phone on Monday.\n", encoding="utf-8")
    aged(folder)
    run(folder)
    looked_at = []
    monkeypatch.setattr(index, "read_manifest", lambda *args: looked_at.append(args) or {})
    run(folder)
    assert looked_at == []


def test_an_article_edited_in_place_shows_after_refresh(tmp_path, settled):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    aged(folder)
    run(folder)
    with open(folder / "a3.txt", "w", encoding="utf-8") as file:  # in place: no folder changes
        file.write("Greer met Akazawa in Tokyo on Tuesday.\n")
    assert any("35" in e["summary"] for e in run(folder)[0]["events"])
    refreshed = CliRunner().invoke(cli, ["--data", str(folder), "--refresh", "timeline", "--format", "json"])
    assert not any("35" in e["summary"] for e in json.loads(refreshed.stdout)["events"])
    assert any(e["type"] == "meeting" and "Jamieson Greer" in e["officials"] for e in run(folder)[0]["events"])


@pytest.mark.parametrize("change", ["add", "remove", "add in a subfolder", "manifest", "rename"])
def test_any_change_to_a_folder_or_the_manifest_is_seen_without_refresh(tmp_path, settled, change):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    (folder / "sub").mkdir()
    aged(folder)
    before, _ = run(folder)
    if change == "add":
        (folder / "a4.txt").write_text("Trump spoke with Ishiba by phone on Monday.\n", encoding="utf-8")
    elif change == "add in a subfolder":
        (folder / "sub" / "a4.txt").write_text("Trump spoke with Ishiba by phone on Monday.\n", encoding="utf-8")
    elif change == "remove":
        (folder / "a1.txt").unlink()
    elif change == "rename":
        (folder / "a1.txt").rename(folder / "a9.txt")
    else:
        text = (folder / "articles.toml").read_text(encoding="utf-8")
        with open(folder / "articles.toml", "w", encoding="utf-8") as manifest:  # in place: the manifest is stat'ed
            manifest.write(text.replace("2025-06-14", "2025-06-21"))
    after, _ = run(folder)
    assert after != before


def test_a_run_right_after_a_change_does_not_vouch_for_the_folder(tmp_path, monkeypatch):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    run(folder)  # the files are seconds old: a change in the same tick could hide behind equal times
    with open(folder / "a3.txt", "w", encoding="utf-8") as file:
        file.write("Greer met Akazawa in Tokyo on Tuesday.\n")
    assert not any("35" in e["summary"] for e in run(folder)[0]["events"])


def test_what_the_index_kept_of_the_folder_is_only_a_hint(tmp_path, settled):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    aged(folder)
    clean, _ = run(folder)
    for garbage in ["[]", "{\"state\": 5}", "not json", "{\"state\": [[]], \"version\": 1, \"warnings\": 2}"]:
        with index._connect(index.index_file(folder)) as connection:
            connection.execute("UPDATE meta SET value = ? WHERE key = 'folder'", (garbage,))
        assert run(folder) == (clean, "")


def test_a_touched_file_with_the_same_bytes_is_not_read_again(tmp_path, monkeypatch):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    run(folder)
    seen = extracted(monkeypatch)
    os.utime(folder / "a1.txt", ns=(1, 1))
    run(folder)
    assert seen == []


def test_a_removed_article_leaves_the_timeline(tmp_path):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    run(folder)
    (folder / "a3.txt").unlink()
    document, _ = run(folder)
    assert all(s["article"] != "a3" for e in document["events"] for s in e["sources"])
    assert [a["id"] for a in document["articles"]] == ["a1", "a2"]


def test_a_new_manifest_date_reads_the_article_again(tmp_path):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    first, _ = run(folder)
    manifest = (folder / "articles.toml").read_text(encoding="utf-8").replace("2025-06-14", "2025-06-21")
    (folder / "articles.toml").write_text(manifest, encoding="utf-8")
    second, _ = run(folder)
    day = lambda doc: next(e["date"] for e in doc["events"] if e["type"] == "meeting" and "Howard Lutnick" in e["officials"])
    assert (day(first), day(second)) == ("2025-06-13", "2025-06-20")


def _text(event) -> str:
    return " ".join([event.summary, *(source.text for source in event.sources)])


def _named(event, name: str) -> bool:
    return name in event.officials or getattr(event, "speaker", None) == name


FILTERS = [
    (Query(officials=("greer",)), lambda e: _named(e, "Jamieson Greer")),
    (Query(officials=("commerce secretary",), types=("meeting",)), lambda e: e.type == "meeting" and _named(e, "Howard Lutnick")),
    (Query(types=("tariff",)), lambda e: e.type == "tariff"),
    (Query(statuses=("threatened",)), lambda e: getattr(e, "status", None) == "threatened"),
    (Query(countries=("JP",)), lambda e: "JP" in e.countries),
    (Query(search="PHONE minutes"), lambda e: all(re.search(rf"\b{w}\b", _text(e), re.IGNORECASE) for w in ("phone", "minutes"))),
    (Query(search="threatens"), lambda e: re.search(r"\bthreaten", _text(e), re.IGNORECASE)),
    (Query(since=date(2025, 6, 1)), lambda e: e.date is not None and (e.date_end or e.date) >= date(2025, 6, 1)),
    (Query(until=date(2025, 6, 1), include_undated=True), lambda e: e.date is None or e.date <= date(2025, 6, 1)),
]


@pytest.mark.parametrize(("query", "wanted"), FILTERS)
def test_each_filter_is_answered_by_the_database(tmp_path, query, wanted):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    direct, _ = build_timeline(folder)
    (_, stored), _ = index.consult(folder, partial(index.select, query=query), jobs=1)
    expected = [e.id for e in direct.events if wanted(e)]
    assert expected and [e["id"] for e in stored] == expected


def test_limit_and_reverse_take_the_newest_first(tmp_path):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    direct, _ = build_timeline(folder)
    (_, stored), _ = index.consult(folder, partial(index.select, query=Query(limit=2, reverse=True)), jobs=1)
    assert [e["id"] for e in stored] == [e.id for e in reversed(direct.events)][:2]


def test_a_corrupt_index_is_rebuilt_with_one_warning(tmp_path):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    run(folder)
    index.index_file(folder).write_bytes(b"this is not a database" * 100)
    document, stderr = run(folder)
    assert stderr.count("was damaged (file is not a database); rebuilt") == 1 and document["events"]


def test_an_index_of_another_version_is_rebuilt_with_one_warning(tmp_path):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    run(folder)
    connection = index._connect(index.index_file(folder))
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    document, stderr = run(folder)
    assert stderr.count("from another version of tariffs; rebuilt") == 1 and document["events"]


def test_a_read_only_folder_works_and_stays_untouched(tmp_path):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    before = sorted(p.name for p in folder.iterdir())
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)
    try:
        document, _ = run(folder)
    finally:
        folder.chmod(0o755)
    assert document["events"] and sorted(p.name for p in folder.iterdir()) == before
    assert index.index_file(folder).is_file() and folder not in index.index_file(folder).parents


def test_two_processes_querying_at_once_both_succeed(tmp_path):
    folder = write_corpus(tmp_path / "c", {f"n{i}": ARTICLES["a1"] for i in range(30)})
    command = [sys.executable, "-m", "tariffs", "--data", str(folder), "timeline", "--format", "json"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ.copy()) for _ in range(2)]
    outputs = [r.communicate(timeout=120) for r in runs]
    assert [r.returncode for r in runs] == [0, 0]
    assert json.loads(outputs[0][0]) == json.loads(outputs[1][0])


def test_warnings_about_files_come_back_on_every_run(tmp_path):
    folder = write_corpus(tmp_path / "c", ARTICLES)
    (folder / "empty.txt").write_bytes(b"")
    assert "empty.txt: empty; skipped" in run(folder)[1]
    assert "empty.txt: empty; skipped" in run(folder)[1]


def test_a_filtered_export_lists_the_articles_its_events_were_read_in_and_a_full_one_lists_all(tmp_path):
    folder = write_corpus(tmp_path / "c", {**ARTICLES, "quiet": ("2025-06-01", "Markets were calm on Monday.\n")})
    full, _ = run(folder)
    assert [a["id"] for a in full["articles"]] == ["a1", "a2", "a3", "quiet"]
    filtered, _ = run(folder, "--official", "Bessent")
    cited = {s["article"] for e in filtered["events"] for s in e["sources"]}
    assert cited == {"a2"} and [a["id"] for a in filtered["articles"]] == ["a2"]
    assert [a["id"] for a in run(folder, "--reverse")[0]["articles"]] == ["a1", "a2", "a3", "quiet"]


def test_an_article_the_extractor_fails_on_costs_only_itself_with_a_warning(tmp_path, monkeypatch):
    import tariffs.pipeline

    folder = write_corpus(tmp_path / "c", ARTICLES)
    original = tariffs.pipeline.extract_article

    def failing_on_a2(raw):
        if raw.id == "a2":
            raise IndexError("list index out of range")
        return original(raw)

    monkeypatch.setattr(tariffs.pipeline, "extract_article", failing_on_a2)
    document, warnings = run(folder)
    assert [a["id"] for a in document["articles"]] == ["a1", "a3"] and document["events"]
    assert "a2.txt: skipped, the extractor failed on it (IndexError: list index out of range)" in warnings
