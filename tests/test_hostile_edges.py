"""Hostile input, round two: manifests that are not files, dates at the ends of the calendar, files too large
to be articles, standard output closed or in latin-1. One line and the right exit code where the tool must
refuse; the result where it can go on."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tariffs.cli import cli
from tariffs.read import LIMIT, read_corpus

from .conftest import write_corpus

ARTICLE = "Tokyo's negotiator Ryosei Akazawa held talks with Treasury Secretary Scott Bessent on Monday.\n"


def tariffs(*args: str, env: dict | None = None, **streams) -> subprocess.CompletedProcess:
    """The command in a process of its own, as a user runs it."""
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **streams}
    return subprocess.run([sys.executable, "-m", "tariffs", *args], text=True, env={**os.environ, **(env or {})},
                          timeout=60, check=False, **streams)


@pytest.fixture
def folder(tmp_path) -> Path:
    return write_corpus(tmp_path / "c", {"a": ("2025-06-16", ARTICLE)})


def refusal(folder: Path, *args: str) -> str:
    """The one line the command refuses with (exit status 2)."""
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", *args])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    return result.stderr


# ---------------------------------------------------------------- manifests that are not files


def test_a_manifest_that_is_a_folder_is_refused(tmp_path):
    folder = tmp_path / "c"
    (folder / "articles.toml").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE)
    assert "articles.toml: not a regular file (a folder)" in refusal(folder)


def test_a_manifest_that_is_a_pipe_is_refused_without_waiting_on_it(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    os.mkfifo(folder / "articles.toml")
    (folder / "a.txt").write_text(ARTICLE)
    done = tariffs("--data", str(folder), "timeline")  # a hang would end in the timeout
    assert done.returncode == 2 and "not a regular file (a pipe)" in done.stderr


def test_a_manifest_in_a_symlink_loop_is_refused(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "articles.toml").symlink_to("loop.toml")
    (folder / "loop.toml").symlink_to("articles.toml")
    assert "articles.toml: cannot be read" in refusal(folder)


def test_a_manifest_nested_a_thousand_times_over_is_refused(folder):
    (folder / "articles.toml").write_text("article = " + "[" * 5000 + "]" * 5000 + "\n")
    assert "nested too deeply" in refusal(folder)


def test_a_file_listed_twice_keeps_its_first_entry_with_a_warning(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Akazawa met Lutnick in Washington on Thursday.\n")
    (folder / "articles.toml").write_text('[[article]]\nfile = "a.txt"\npublished = 2025-05-03\n\n'
                                          '[[article]]\nfile = "a.txt"\npublished = 2025-09-20\n')
    articles, warnings = read_corpus(folder)
    assert articles[0].entry.published == date(2025, 5, 3)
    assert warnings == ["articles.toml: a.txt is listed twice; the first entry is used"]


# ---------------------------------------------------------------- folders and files


@pytest.mark.skipif(os.geteuid() == 0, reason="root enters folders whatever their mode")
def test_a_data_folder_without_the_execute_bit_is_one_line(folder):
    folder.chmod(0o644)
    try:
        assert "cannot read the data folder" in refusal(folder)
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(os.geteuid() == 0, reason="root enters folders whatever their mode")
def test_a_subfolder_that_cannot_be_opened_is_a_warning(folder):
    (folder / "locked").mkdir()
    (folder / "locked").chmod(0)
    try:
        _, warnings = read_corpus(folder)
    finally:
        (folder / "locked").chmod(0o755)
    assert warnings == ["1 subfolder could not be opened; skipped: locked/"]


def test_a_file_far_larger_than_any_article_is_skipped_with_a_warning_never_read(folder):
    with open(folder / "huge.txt", "wb") as huge:
        huge.truncate(LIMIT + 1)  # sparse: costs no disk, and memory only if the tool read it whole
    articles, warnings = read_corpus(folder)
    assert [a.id for a in articles] == ["a"]
    assert warnings == [f"huge.txt: over {LIMIT // 1_000_000} MB, too large to be an article; skipped"]


def test_add_refuses_a_file_far_larger_than_any_article(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": ("2025-06-16", ARTICLE)})
    with open(tmp_path / "huge.txt", "wb") as huge:
        huge.truncate(LIMIT + 1)
    result = CliRunner().invoke(cli, ["--data", str(folder), "add", str(tmp_path / "huge.txt")])
    assert result.exit_code == 2 and "too large to be an article; not added" in result.stderr
    assert "huge" not in (folder / "articles.toml").read_text() and not (folder / "huge.txt").exists()


def test_an_output_name_longer_than_the_system_allows_is_one_line(folder, tmp_path):
    assert "File name too long" in refusal(folder, "--output", str(tmp_path / ("x" * 300 + ".json")))


def test_an_output_name_near_the_limit_is_written(folder, tmp_path):
    target = tmp_path / ("y" * 250 + ".csv")
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--format", "csv", "--output", str(target)])
    assert result.exit_code == 0 and target.read_text().startswith("id,")


# ---------------------------------------------------------------- the ends of the calendar


@pytest.mark.parametrize(("published", "header"), [("0001-01-01", ""), ("9999-12-31", ""),
                                                   (None, "TOKYO, Jan. 1, 0001 (Kyodo) -- "),
                                                   (None, "WASHINGTON, December 31, 9999 -- ")])
def test_dates_at_the_ends_of_the_calendar_stay_valid_days(tmp_path, published, header):
    text = (header + "Akazawa met Lutnick on 0000-06-05. Ishiba called Trump on 0000-00-00. Akazawa met Bessent "
            "the day before yesterday. A 25% tariff on cars took effect 400000 weeks ago. Tariffs of 15% will apply "
            "in 3000000 days. The two leaders will meet next year. The deadline is tomorrow.\n")
    folder = write_corpus(tmp_path / "c", {"edge": (published, text)})
    done = tariffs("--data", str(folder), "timeline", "--format", "json")
    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout)["events"]
    assert events
    for event in events:
        if event["date"]:
            assert date.fromisoformat(event["date"]) <= date.fromisoformat(event["date_end"] or event["date"])


def test_a_calendar_export_of_the_last_day_there_is(tmp_path):
    icalendar = pytest.importorskip("icalendar")
    folder = write_corpus(tmp_path / "c", {"last": ("9999-12-31", "Akazawa met Lutnick in Tokyo today.\n")})
    done = tariffs("--data", str(folder), "timeline", "--format", "ics")
    assert done.returncode == 0, done.stderr
    (meeting,) = icalendar.Calendar.from_ical(done.stdout).walk("VEVENT")
    assert meeting.decoded("DTSTART") == date(9999, 12, 31)


# ---------------------------------------------------------------- standard output


def test_a_closed_standard_output_is_an_error_not_a_silent_success(folder):
    closed = subprocess.run(f'"{sys.executable}" -m tariffs --data "{folder}" timeline >&-', shell=True,
                            stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert closed.returncode == 1
    assert closed.stderr.strip() == "tariffs: cannot write output: standard output is closed"


def test_a_closed_standard_output_does_not_matter_when_writing_to_a_file(folder, tmp_path):
    target = tmp_path / "out.json"
    done = subprocess.run(f'"{sys.executable}" -m tariffs --data "{folder}" timeline --format json '
                          f'--output "{target}" >&-', shell=True, stderr=subprocess.PIPE, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0 and json.loads(target.read_text())["events"]


def test_a_latin_1_terminal_gets_the_table_and_exports_stay_utf_8(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": ("2025-06-16", ("Akazawa met Lutnick on Friday \u2014 in Washington "
                                                               "\u2014 and said: \u201cprogress\u201d.\n"))})
    table = tariffs("--data", str(folder), "timeline", env={"PYTHONIOENCODING": "latin-1"})
    assert table.returncode == 0 and "Traceback" not in table.stderr and "Akazawa" in table.stdout
    exported = subprocess.run([sys.executable, "-m", "tariffs", "--data", str(folder), "timeline", "--format", "json"],
                              capture_output=True, env={**os.environ, "PYTHONIOENCODING": "latin-1"}, timeout=120,
                              check=False)
    assert exported.returncode == 0
    assert "\u201cprogress\u201d" in json.dumps(json.loads(exported.stdout.decode("utf-8")), ensure_ascii=False)


# ---------------------------------------------------------------- a stray byte


def test_utf_8_with_one_stray_byte_is_read_with_the_byte_replaced(tmp_path):
    text = "Akazawa met Lutnick on Friday \u2014 in Washington \u2014 for ninety minutes.\n"
    (tmp_path / "cut.txt").write_bytes(text.encode("utf-8")[:40] + b"\x81" + text.encode("utf-8")[40:])
    articles, warnings = read_corpus(tmp_path)
    assert articles[0].text.startswith("Akazawa met Lutnick on Friday \u2014") and "\ufffd" in articles[0].text
    assert warnings == ["cut.txt: 1 stray byte(s) that are not UTF-8, replaced"]


def test_plain_ascii_with_a_byte_no_encoding_has_is_read_not_dropped(tmp_path):
    (tmp_path / "odd.txt").write_bytes(b"Ishiba spoke with Trump by phone on Monday.\x8d\n")
    articles, _ = read_corpus(tmp_path)
    assert articles[0].text.startswith("Ishiba spoke with Trump by phone on Monday.")


# ---------------------------------------------------------------- endless files


def test_article_names_pointing_at_endless_devices_are_never_read(folder):
    """/dev/zero and /dev/urandom behind article names: no hang (timeout) and no memory spent (a limit)."""
    import resource

    (folder / "zeros.txt").symlink_to("/dev/zero")
    (folder / "noise.txt").symlink_to("/dev/urandom")

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

    done = subprocess.run([sys.executable, "-m", "tariffs", "--data", str(folder), "--jobs", "1", "timeline",
                           "--format", "json"], capture_output=True, text=True, timeout=60, check=False,
                          preexec_fn=limited)
    assert done.returncode == 0, done.stderr
    assert [e["type"] for e in json.loads(done.stdout)["events"]] == ["meeting"]


def test_adding_an_endless_device_is_refused_after_a_bounded_read(folder):
    result = CliRunner().invoke(cli, ["--data", str(folder), "add", "/dev/zero"])
    assert result.exit_code == 2 and "too large to be an article; not added" in result.stderr


# ---------------------------------------------------------------- pathological text, linear time


@pytest.mark.parametrize("text", [
    "Mr. " * 50_000 + "Akazawa met Lutnick on Friday.\n",
    "U.S. " * 40_000 + "tariffs rose.\n",
    "The envoy said \"" + "talks will go on as long as they must and " * 4_000 + "\n",
])
def test_abbreviations_by_the_thousand_or_an_open_quote_do_not_hang(tmp_path, text):
    """Each of these took minutes when the sentence splitter was quadratic; the timeout is the test."""
    folder = write_corpus(tmp_path / "c", {"long": ("2025-06-16", text)})
    done = tariffs("--data", str(folder), "--jobs", "1", "timeline", "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["articles"]


# ---------------------------------------------------------------- pipes that would wait forever


@pytest.mark.parametrize("command", [["timeline"], ["add", "{extra}"]])
def test_a_pipe_named_like_an_article_never_hangs_a_command(tmp_path, command):
    folder = write_corpus(tmp_path / "c", {"a": ("2025-06-16", ARTICLE)})
    os.mkfifo(folder / "waiting.txt")
    extra = tmp_path / "new.txt"
    extra.write_text("Akazawa phoned Lutnick on Wednesday for twenty minutes.\n")
    arguments = [part.replace("{extra}", str(extra)) for part in command]
    done = tariffs("--data", str(folder), *arguments)  # a hang would end in the timeout
    assert done.returncode == 0, done.stderr


def test_a_data_folder_the_user_may_not_enter_stops_the_run_in_one_line(folder, monkeypatch):
    """As root every folder can be entered, so the permission check is made to answer as it would for a user.
    (On the command line click's own check of --data refuses such a folder first, in one line too.)"""
    from tariffs.read import CorpusError

    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(CorpusError, match="cannot read the data folder"):
        read_corpus(folder)
