"""The timeline as people read it: a table that fits 80 columns and uses 200, a pager on a terminal only,
filters that forgive how a value is typed, and `--data` wherever the user puts it."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tariffs.cli import cli, pager_command

from .conftest import write_corpus

SAMPLE = Path(__file__).resolve().parents[1] / "data"

ARTICLES = {
    "call": ("2025-06-14", ("Ryosei Akazawa talked with Commerce Secretary Howard Lutnick by telephone on Friday for "
                           "about forty minutes, Japan's cabinet office said.\n")),
    "visit": ("2025-05-03", ("Akazawa sat down with Treasury Secretary Scott Bessent in Washington on Thursday. "
                            "Japanese carmakers already pay a 25 percent levy on their exports to America.\n")),
    "threat": ("2025-07-09", "President Donald Trump on Monday threatened Japan with a 35% tariff on its goods.\n"),
    "someday": (None, "Akazawa has said he hopes to visit Washington again, without naming a day.\n"),
}


@pytest.fixture
def folder(tmp_path) -> Path:
    return write_corpus(tmp_path / "c", ARTICLES)


def listing(*args: str, columns: int = 80) -> str:
    result = CliRunner(env={"COLUMNS": str(columns)}).invoke(cli, [*args, "--no-pager"])
    assert result.exit_code == 0, result.output
    return result.stdout


def events(folder: Path, *args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["events"]


# ---------------------------------------------------------------- the table


def test_at_80_columns_no_line_is_wider_and_no_word_of_a_summary_is_split():
    table = listing("timeline", columns=80)
    lines = table.splitlines()
    assert max(len(line) for line in lines) <= 80
    shown = set(table.split())
    summaries = [e["summary"] for e in events(SAMPLE)]
    assert summaries and all(word in shown for summary in summaries for word in summary.split())


def test_at_200_columns_a_summary_takes_one_line():
    table = listing("timeline", columns=200)
    assert max(len(line) for line in table.splitlines()) <= 200
    summary = min((e["summary"] for e in events(SAMPLE)), key=len)
    assert any(summary in line for line in table.splitlines())


def test_the_line_above_the_table_counts_events_and_articles_and_names_the_filters(folder):
    first = listing("--data", str(folder), "timeline", "--type", "meeting", "--since", "2025-05").splitlines()[0]
    assert first.startswith("2 events from 4 articles")
    assert "type=meeting" in first and "dates=2025-05-01.." in first


def test_a_row_shows_the_short_id_that_show_takes(folder):
    (meeting,) = events(folder, "--type", "meeting", "--since", "2025-06-01")
    table = listing("--data", str(folder), "timeline", "--type", "meeting", "--since", "2025-06-01")
    short = meeting["id"][:8]
    assert short in table
    shown = CliRunner().invoke(cli, ["--data", str(folder), "show", short, "--format", "json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["id"] == meeting["id"]


def test_a_start_shared_by_several_ids_asks_for_more(folder):
    result = CliRunner().invoke(cli, ["--data", str(folder), "show", "m"])
    assert result.exit_code == 2 and "give more of it" in result.stderr


def test_the_source_column_names_the_outlet_and_how_many_more_articles(folder):
    table = listing("--data", str(folder), "timeline", "--type", "meeting")
    assert "Test Wire" in table


# ---------------------------------------------------------------- the pager


@pytest.mark.parametrize(("terminal", "environment", "wanted", "command"), [
    (False, {}, True, None),
    (True, {}, True, ["less", "-FRX"]),
    (True, {"PAGER": "most -s"}, True, ["most", "-s"]),
    (True, {"PAGER": "cat"}, True, None),
    (True, {"PAGER": ""}, True, None),
    (True, {}, False, None),
])
def test_the_pager_is_chosen_as_git_chooses_it(terminal, environment, wanted, command):
    assert pager_command(terminal, environment, wanted) == command


def _pager_writing_to(path: Path) -> str:
    return f"{sys.executable} -c \"import sys; open('{path}', 'w').write(sys.stdin.read())\""


def test_on_a_terminal_the_listing_goes_through_the_pager(folder, tmp_path):
    paged = tmp_path / "paged.txt"
    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "tariffs", "--data", str(folder), "timeline"], stdout=follower,
                              stderr=subprocess.PIPE, env={**os.environ, "PAGER": _pager_writing_to(paged)},
                              timeout=120, check=False)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 0, done.stderr
    assert "events from 4 articles" in paged.read_text()


def test_into_a_pipe_there_is_no_pager_and_no_progress(folder, tmp_path):
    paged = tmp_path / "paged.txt"
    done = subprocess.run([sys.executable, "-m", "tariffs", "--data", str(folder), "timeline"], capture_output=True,
                          text=True, env={**os.environ, "PAGER": _pager_writing_to(paged)}, timeout=120, check=False)
    assert done.returncode == 0 and "events from 4 articles" in done.stdout
    assert not paged.exists() and "indexing" not in done.stderr and "\x1b" not in done.stdout + done.stderr


# ---------------------------------------------------------------- filters


def test_search_finds_words_in_summaries_and_source_sentences(folder):
    found = events(folder, "--search", "cabinet minutes")
    assert "meeting" in [e["type"] for e in found]
    assert all("cabinet" in " ".join(s["text"] for s in e["sources"]) for e in found)
    assert events(folder, "--search", '"quoted" AND (syntax*') == []


def test_status_country_and_sector_filters(folder):
    assert {e["status"] for e in events(folder, "--status", "threatened")} == {"threatened"}
    assert all("JP" in e["countries"] for e in events(folder, "--country", "Japan"))
    assert [e["sector"] for e in events(folder, "--sector", "cars")] == ["autos"]


def test_a_month_bound_covers_the_whole_month(folder):
    june = events(folder, "--since", "2025-06", "--until", "2025-06")
    assert june and all(e["date"].startswith("2025-06") for e in june)
    assert events(folder, "--since", "2025-06", "--until", "2025-06-30") == june


def test_undated_events_join_a_bounded_listing_only_when_asked(folder):
    assert all(e["date"] for e in events(folder, "--since", "2025-01"))
    assert any(e["date"] is None for e in events(folder, "--since", "2025-01", "--include-undated"))


def test_limit_and_reverse(folder):
    everything = events(folder)
    assert events(folder, "--limit", "2") == everything[:2]
    assert events(folder, "--reverse", "--limit", "1") == everything[-1:]


# ---------------------------------------------------------------- forgiving words


def test_a_misspelt_official_gets_the_nearest_names(folder):
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--official", "Akazwa"])
    assert result.exit_code == 2 and "did you mean Akazawa?" in result.stderr


@pytest.mark.parametrize(("option", "typed", "meant"), [
    ("--type", "meetings", "meeting"), ("--type", "Meeting", "meeting"), ("--type", "meet", "meeting"),
    ("--status", "in effect", "in_effect"), ("--sector", "Autos", "autos"), ("--country", "the U.S.", "US"),
])
def test_values_are_taken_as_meant(folder, option, typed, meant):
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", option, typed, "--format", "json"])
    assert result.exit_code == 0, result.output


def test_a_value_far_from_any_choice_names_the_nearest(folder):
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--type", "meating"])
    assert result.exit_code == 2 and "did you mean meeting?" in result.stderr


def test_data_may_follow_the_command(folder):
    before = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--format", "json"])
    after = CliRunner().invoke(cli, ["timeline", "--format", "json", "--data", str(folder)])
    assert after.exit_code == 0 and json.loads(after.stdout) == json.loads(before.stdout)


# ---------------------------------------------------------------- rates and officials as rows


@pytest.mark.parametrize("command", ["rates", "officials"])
def test_rates_and_officials_come_as_rows_in_every_flat_format(folder, command):
    import csv
    import io

    as_json = json.loads(CliRunner().invoke(cli, ["--data", str(folder), command, "--format", "json"]).stdout)
    rows = {fmt: CliRunner().invoke(cli, ["--data", str(folder), command, "--format", fmt]).stdout
            for fmt in ("jsonl", "csv", "markdown")}
    expected = sum(len(h["steps"]) for h in as_json) if command == "rates" else len(as_json)
    assert expected and len(rows["jsonl"].splitlines()) == expected
    assert len(list(csv.reader(io.StringIO(rows["csv"])))) == expected + 1
    assert len(rows["markdown"].splitlines()) == expected + 2


def test_the_filters_take_exactly_the_values_the_models_can_hold():
    from typing import get_args

    from tariffs import models, query

    statuses = {value for model in (models.Meeting, models.Tariff, models.Agreement)
                for value in get_args(model.model_fields["status"].annotation)}
    assert set(query.STATUSES) == statuses
    assert set(query.SECTORS) == set(get_args(models.Sector))
    assert set(query.INSTRUMENTS) == set(get_args(models.Instrument.model_fields["kind"].annotation))
    assert set(query.TYPES) == {get_args(m.model_fields["type"].annotation)[0] for m in
                                (models.Meeting, models.Tariff, models.Statement, models.Agreement, models.Deadline)}
