"""Hostile input, round two (first part): one line instead of a traceback, and nothing the user had replaced."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tariffs.cli import cli

from .conftest import write_corpus

ARTICLE = "Japan's trade envoy Ryosei Akazawa met Commerce Secretary Howard Lutnick on Friday for an hour.\n"


@pytest.fixture
def folder(tmp_path) -> Path:
    return write_corpus(tmp_path / "c", {"a": ("2025-06-14", ARTICLE)})


def tariffs(*args: str, env: dict | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """The installed command in a process of its own, as a user runs it (exit codes and streams as they are)."""
    return subprocess.run([sys.executable, "-m", "tariffs", *args], stdout=stdout, stderr=subprocess.PIPE, text=True,
                          env={**os.environ, **(env or {})}, timeout=120, check=False)


def test_a_usage_error_is_one_line_with_status_2(folder):
    done = tariffs("--data", str(folder), "timeline", "--no-such-option")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "--no-such-option" in done.stderr


def test_a_compact_date_is_refused_not_guessed(folder):
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--since", "20250601"])
    assert result.exit_code == 2 and "is not a day or a month (use YYYY-MM-DD or YYYY-MM)" in result.stderr


def test_a_full_disk_on_standard_output_is_one_line(folder):
    with open("/dev/full", "w") as full:
        done = tariffs("--data", str(folder), "timeline", stdout=full)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.strip().endswith("No space left on device")


def test_output_never_replaces_what_is_not_a_regular_file(folder, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--output", str(pipe)])
    assert result.exit_code == 2 and "not a regular file" in result.stderr
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_an_empty_output_name_is_one_line(folder):
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--output", ""])
    assert result.exit_code == 2 and "--output needs a file name" in result.stderr


def test_output_keeps_the_files_mode_its_symlink_and_its_other_names(folder, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    os.chmod(real, 0o600)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    other_name = tmp_path / "hard.json"
    os.link(real, other_name)
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--format", "json", "--output", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and stat.S_IMODE(os.stat(real).st_mode) == 0o600
    assert '"tariffs.timeline/1"' in real.read_text() and other_name.read_text() == real.read_text()


def test_output_dash_is_standard_output(folder):
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--format", "json", "--output", "-"])
    assert result.exit_code == 0 and '"tariffs.timeline/1"' in result.stdout


def test_a_manifest_with_a_byte_order_mark_is_read(folder):
    manifest = folder / "articles.toml"
    manifest.write_bytes(b"\xef\xbb\xbf" + manifest.read_bytes())
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--format", "json"])
    assert result.exit_code == 0 and '"published":"2025-06-14"' in result.stdout


def test_a_publication_time_in_the_manifest_dates_the_article_by_its_day(folder):
    (folder / "articles.toml").write_text('[[article]]\nfile = "a.txt"\npublished = 2025-06-14T09:30:00\n')
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--format", "json"])
    assert result.exit_code == 0 and '"published":"2025-06-14"' in result.stdout


@pytest.mark.parametrize("manifest", ["article = 5\n", 'article = "a.txt"\n', "article = {file = 'a.txt'}\n"])
def test_a_manifest_of_the_wrong_shape_is_one_line(folder, manifest):
    (folder / "articles.toml").write_text(manifest)
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline"])
    assert result.exit_code == 2 and "must be a list of [[article]] tables" in result.stderr


def test_workers_never_outnumber_the_articles():
    from tariffs.index import worker_count

    assert worker_count(250, 20) == min(20, 2 * (os.cpu_count() or 1))
    assert worker_count(None, 3) <= 3 and worker_count(4, 0) == 1


def test_an_absurd_job_count_is_one_line(folder):
    done = tariffs("--data", str(folder), "--jobs", str(2 ** 31), "timeline")
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_workers_end_when_the_command_is_killed(tmp_path):
    """The command is killed with SIGKILL while its workers read; no worker outlives it."""
    import signal
    import time

    folder = write_corpus(tmp_path / "many", {f"a{n:03d}": ("2025-06-14", ARTICLE * 40) for n in range(200)})
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = subprocess.Popen([sys.executable, "-m", "tariffs", "--data", str(folder), "--jobs", "2", "timeline"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    children = []
    for _ in range(100):  # wait until the workers are running
        children = _children(command.pid)
        if children:
            break
        time.sleep(0.05)
    assert children, "the workers never started"
    os.kill(command.pid, signal.SIGKILL)
    command.wait()
    for _ in range(100):
        if not [pid for pid in children if _alive(pid)]:
            break
        time.sleep(0.05)
    assert not [pid for pid in children if _alive(pid)]


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_nothing_from_a_manifest_or_a_file_name_acts_on_the_terminal(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": ("2025-06-14", "Akazawa met Lutnick on Friday.\u202e evil\n")})
    (folder / "articles.toml").write_text('[[article]]\nfile = "a.txt"\npublished = 2025-06-14\n'
                                          'title = "Talks \\u001b]8;;http://x.example\\u0007click\\u001b]8;;\\u0007"\n'
                                          'source = "Wire\\u001b[31m red"\n', encoding="utf-8")
    (folder / "bad\x1b[2Jname.pdf").write_bytes(b"%PDF-1.4\n")
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--format", "json"])
    everything = result.stdout + result.stderr
    assert "\x1b" not in everything and "\x07" not in everything and "\u202e" not in everything
    assert result.exit_code == 0 and '"title":"Talks click","source":"Wire red"' in result.stdout


def test_markup_in_a_quote_stays_text_in_markdown(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": ("2025-06-14", 'Akazawa said: "We will not accept <b>any</b> deal that hurts our car makers."\n')})
    result = CliRunner().invoke(cli, ["--data", str(folder), "timeline", "--format", "markdown"])
    assert result.exit_code == 0 and "<b>" not in result.stdout and "&lt;b&gt;" in result.stdout


def _add(folder: Path, *files: Path) -> subprocess.CompletedProcess:
    return tariffs("--data", str(folder), "add", *map(str, files), env={"XDG_CACHE_HOME": str(folder.parent / "cache")})


def _news(tmp_path: Path, count: int) -> list[Path]:
    made = []
    for n in range(count):
        path = tmp_path / f"in{n}.txt"
        path.write_text(f"June 1{n % 10}, 2025\n\nOfficials from both countries met again, round {n} of talks, on Monday.\n")
        made.append(path)
    return made


def test_adds_at_once_each_keep_their_entry(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": ("2025-06-14", ARTICLE)})
    with open(folder / "articles.toml", "a") as manifest:  # a big manifest makes the race window wide
        manifest.write("".join(f'\n[[article]]\nfile = "gone{n}.txt"\n' for n in range(3000)))
    files = _news(tmp_path, 6)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    running = [subprocess.Popen([sys.executable, "-m", "tariffs", "--data", str(folder), "add", str(f)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env) for f in files]
    assert all(p.wait(timeout=300) == 0 for p in running)
    text = (folder / "articles.toml").read_text()
    assert all(f'file = "{f.name}"' in text for f in files)


def test_add_keeps_the_manifests_mode_line_endings_and_symlink(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": ("2025-06-14", ARTICLE)})
    real = tmp_path / "kept.toml"
    real.write_bytes((folder / "articles.toml").read_bytes().replace(b"\n", b"\r\n"))
    os.chmod(real, 0o640)
    (folder / "articles.toml").unlink()
    (folder / "articles.toml").symlink_to(real)
    (new,) = _news(tmp_path, 1)
    assert _add(folder, new).returncode == 0
    assert (folder / "articles.toml").is_symlink() and stat.S_IMODE(os.stat(real).st_mode) == 0o640
    data = real.read_bytes()
    assert b'file = "in0.txt"' in data and b"\n" not in data.replace(b"\r\n", b"")


def test_add_refuses_rather_than_write_a_manifest_the_tool_cannot_read(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": (None, ARTICLE)})
    (folder / "articles.toml").write_text('article = [{file = "a.txt", published = 2025-06-14}]\n')
    (new,) = _news(tmp_path, 1)
    done = _add(folder, new)
    assert done.returncode == 2 and "would not be valid TOML" in done.stderr
    assert not (folder / "in0.txt").exists()
    assert CliRunner().invoke(cli, ["--data", str(folder), "timeline"]).exit_code == 0


def test_add_writes_a_manifest_it_can_read_back_whatever_the_title_and_name(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": ("2025-06-14", ARTICLE)})
    odd = tmp_path / os.fsdecode(b"caf\xe9.txt")
    odd.write_text("June 3, 2025\n\nThe two sides spoke by phone on Monday.\n")
    done = tariffs("--data", str(folder), "add", str(odd), "--title", "Talks\x7f\x01 resume",
                   env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr
    assert CliRunner().invoke(cli, ["--data", str(folder), "timeline"]).exit_code == 0


def test_an_add_left_unfinished_is_finished_by_the_next(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": ("2025-06-14", ARTICLE)})
    (new,) = _news(tmp_path, 1)
    (folder / "in0.txt").write_bytes(new.read_bytes())  # copied, then interrupted before the manifest
    done = _add(folder, new)
    assert done.returncode == 0 and 'file = "in0.txt"' in (folder / "articles.toml").read_text()
    assert "already" not in done.stderr
