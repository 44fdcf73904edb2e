"""Hostile input, round two: the index is a cache, so nothing wrong with it ever stops a query.

A damaged index is rebuilt with one warning; one that cannot be kept where it belongs gives way to a
temporary one, with one warning; the timeline is the same either way.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tariffs import index
from tariffs.cli import cli

from .conftest import write_corpus

ARTICLES = {
    "one": ("2025-06-14", "Trade envoy Ryosei Akazawa sat down with Commerce Secretary Howard Lutnick on Friday.\n"),
    "two": ("2025-07-09", "President Trump warned on Tuesday that Japanese goods could face a 35% levy.\n"),
}


@pytest.fixture
def folder(tmp_path) -> Path:
    return write_corpus(tmp_path / "c", ARTICLES)


def timeline(folder: Path, *args: str, env: dict | None = None):
    """The JSON timeline and the warnings of one run."""
    result = CliRunner(env=env).invoke(cli, ["--data", str(folder), "--jobs", "1", "timeline", "--format", "json",
                                             *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), [line for line in result.stderr.splitlines() if line.startswith("warning:")]


def events_of(document: dict) -> list[str]:
    return [event["id"] for event in document["events"]]


def tamper(folder: Path, *statements: str) -> None:
    with sqlite3.connect(index.index_file(folder)) as connection:
        for statement in statements:
            connection.execute(statement)


def test_garbage_stored_as_an_event_is_never_exported_and_the_index_is_rebuilt(folder):
    clean, _ = timeline(folder)
    tamper(folder, "UPDATE events SET json = '{\"id\": oops' WHERE position = 0")
    again, warnings = timeline(folder)
    assert events_of(again) == events_of(clean)
    assert len(warnings) == 1 and "was damaged (stored JSON does not read back); rebuilt" in warnings[0]


def test_garbage_in_a_table_read_as_objects_is_damage_too(folder):
    clean, _ = timeline(folder)
    tamper(folder, "UPDATE articles SET info = '[1, 2]'")
    result = CliRunner().invoke(cli, ["--data", str(folder), "--jobs", "1", "show", clean["events"][0]["id"]])
    assert result.exit_code == 0 and result.stderr.count("was damaged") == 1


def test_stored_candidates_that_do_not_unpickle_are_damage(folder):
    clean, _ = timeline(folder)
    tamper(folder, "UPDATE articles SET candidates = x'deadbeef'", "UPDATE meta SET value = '1' WHERE key = 'stale'")
    again, warnings = timeline(folder)
    assert events_of(again) == events_of(clean) and len(warnings) == 1


def test_a_missing_table_is_damage_that_a_rebuild_repairs(folder):
    clean, _ = timeline(folder, "--official", "Akazawa")
    tamper(folder, "DROP TABLE event_names")
    again, warnings = timeline(folder, "--official", "Akazawa")
    assert events_of(again) == events_of(clean) != [] and len(warnings) == 1


def test_tables_of_another_layout_under_the_same_version_are_rebuilt(folder):
    clean, _ = timeline(folder)
    tamper(folder, "DROP TABLE events", "CREATE TABLE events(id TEXT, json TEXT)")
    again, warnings = timeline(folder)
    assert events_of(again) == events_of(clean)
    assert len(warnings) == 1 and "not the ones this version of tariffs writes" in warnings[0]


def test_damaged_pages_are_rebuilt(folder):
    clean, _ = timeline(folder)
    path = index.index_file(folder)
    data = bytearray(path.read_bytes())
    data[100:len(data)] = b"\xa5" * (len(data) - 100)
    path.write_bytes(bytes(data))
    again, warnings = timeline(folder)
    assert events_of(again) == events_of(clean) and len(warnings) == 1 and "rebuilt" in warnings[0]


def test_a_cache_directory_that_is_a_file_gives_a_temporary_index(folder, tmp_path):
    clean, _ = timeline(folder)
    (tmp_path / "plain").write_text("not a folder")
    again, warnings = timeline(folder, env={"XDG_CACHE_HOME": str(tmp_path / "plain")})
    assert events_of(again) == events_of(clean)
    assert len(warnings) == 1 and "using a temporary one" in warnings[0]
    assert (tmp_path / "plain").read_text() == "not a folder"


@pytest.mark.parametrize("suffix", ["", ".lock", "-wal"])
def test_a_folder_where_the_index_or_its_lock_or_journal_goes_is_left_alone(folder, suffix):
    clean, _ = timeline(folder)
    path = index.index_file(folder)
    for leftover in path.parent.iterdir():
        leftover.unlink()
    in_the_way = path.with_name(path.name + suffix)
    in_the_way.mkdir()
    again, warnings = timeline(folder)
    assert events_of(again) == events_of(clean)
    assert len(warnings) == 1 and "using a temporary one" in warnings[0] and in_the_way.is_dir()


def test_a_home_that_does_not_exist_is_never_created(folder, tmp_path):
    clean, _ = timeline(folder)
    home = tmp_path / "gone"
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_CACHE_HOME")
    done = subprocess.run([sys.executable, "-m", "tariffs", "--data", str(folder), "timeline", "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0 and events_of(json.loads(done.stdout)) == events_of(clean)
    assert done.stderr.count("warning:") == 1 and "does not exist" in done.stderr
    assert not home.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_gives_a_temporary_index(folder, tmp_path):
    cache = tmp_path / "ro"
    (cache / "tariffs").mkdir(parents=True)
    (cache / "tariffs").chmod(0o555)
    try:
        document, warnings = timeline(folder, env={"XDG_CACHE_HOME": str(cache)})
    finally:
        (cache / "tariffs").chmod(0o755)
    assert document["events"] and len(warnings) == 1 and "using a temporary one" in warnings[0]


def test_a_full_disk_under_the_index_gives_a_temporary_one(folder):
    """The file size limit stands in for a full disk: every write past a few kilobytes fails."""
    import resource

    clean, _ = timeline(folder)
    for leftover in index.index_file(folder).parent.iterdir():
        leftover.unlink()

    def tiny_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = subprocess.run([sys.executable, "-m", "tariffs", "--data", str(folder), "--jobs", "1", "timeline",
                           "--format", "json"], capture_output=True, text=True, timeout=120, check=False,
                          preexec_fn=tiny_disk)
    assert done.returncode == 0, done.stderr
    assert events_of(json.loads(done.stdout)) == events_of(clean)
    assert done.stderr.count("warning:") == 1 and "using a temporary one" in done.stderr
