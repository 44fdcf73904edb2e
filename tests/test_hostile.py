"""Broken and hostile input: each fault is one warning, everything else still loads, nothing reaches the terminal."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tariffs.cli import cli
from tariffs.models import Timeline
from tariffs.pipeline import build_timeline, timeline_of
from tariffs.read import RawArticle, read_corpus

from .conftest import write_corpus

SAMPLE = Path(__file__).resolve().parents[1] / "data"
GOOD = "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday.\n"


def warnings_for(folder: Path) -> list[str]:
    return read_corpus(folder)[1]


def test_an_empty_file_is_skipped_with_a_warning(tmp_path):
    write_corpus(tmp_path, {"good": ("2025-06-14", GOOD)})
    (tmp_path / "empty.txt").write_bytes(b"")
    articles, warnings = read_corpus(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert warnings == ["empty.txt: empty; skipped"]


def test_a_binary_file_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 40)
    assert warnings_for(tmp_path) == ["blob.txt: binary or in an unknown encoding; skipped"]


def test_windows_1252_smart_quotes_are_read_as_such(tmp_path):
    (tmp_path / "w.txt").write_bytes("\u201cWe will not rush,\u201d Ishiba said on Friday.\n".encode("cp1252"))
    articles, warnings = read_corpus(tmp_path)
    assert articles[0].text.startswith("\u201cWe will not rush,\u201d")
    assert warnings == ["w.txt: not UTF-8, read as cp1252"]


def test_shift_jis_is_detected(tmp_path):
    (tmp_path / "j.txt").write_bytes("赤沢亮正経済再生担当相は、ラトニック商務長官と会談した。\n".encode("shift_jis"))
    articles, warnings = read_corpus(tmp_path)
    assert "ラトニック" in articles[0].text and warnings == ["j.txt: not UTF-8, read as shift_jis"]


def test_a_folder_named_like_an_article_is_a_subfolder_not_an_article(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    write_corpus(tmp_path, {"good": ("2025-06-14", GOOD)})
    articles, warnings = read_corpus(tmp_path)
    assert [a.id for a in articles] == ["good"] and warnings == []


def test_a_pipe_named_like_an_article_is_never_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    write_corpus(tmp_path, {"good": ("2025-06-14", GOOD)})
    articles, _ = read_corpus(tmp_path)
    assert [a.id for a in articles] == ["good"]


def test_a_file_that_vanishes_mid_run_is_skipped(tmp_path, monkeypatch):
    write_corpus(tmp_path, {"good": ("2025-06-14", GOOD), "gone": ("2025-06-14", GOOD)})
    import tariffs.read

    original = tariffs.read.find_articles

    def found_then_deleted(folder):
        found = original(folder)
        (folder / "gone.txt").unlink()
        return found

    monkeypatch.setattr(tariffs.read, "find_articles", found_then_deleted)
    articles, warnings = read_corpus(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert warnings == ["gone.txt: cannot be read (No such file or directory); skipped"]


def test_a_very_large_file_is_read_with_a_warning(tmp_path):
    (tmp_path / "huge.txt").write_text("tariff talks continue " * 300_000, encoding="utf-8")
    timeline, warnings = build_timeline(tmp_path)
    assert any(w.startswith("huge.txt:") and "MB" in w for w in warnings)
    assert [a.id for a in timeline.articles] == ["huge"]


def test_manifest_entry_for_a_missing_file_is_a_warning(tmp_path):
    write_corpus(tmp_path, {"good": ("2025-06-14", GOOD)})
    with open(tmp_path / "articles.toml", "a", encoding="utf-8") as manifest:
        manifest.write('\n[[article]]\nfile = "ghost.txt"\npublished = 2025-06-01\n')
    assert warnings_for(tmp_path) == ["articles.toml: ghost.txt is listed but not in the folder"]


@pytest.mark.parametrize("written", ["2025-02-30", '"2025-02-30"'])
def test_an_impossible_manifest_date_falls_back_to_the_text(tmp_path, written):
    (tmp_path / "a.txt").write_text("Headline\n\nJune 4, 2025\n\n" + GOOD, encoding="utf-8")
    (tmp_path / "articles.toml").write_text(f'[[article]]\nfile = "a.txt"\npublished = {written}\n', encoding="utf-8")
    timeline, warnings = build_timeline(tmp_path)
    assert any("2025-02-30" in w for w in warnings)
    assert str(timeline.articles[0].published) == "2025-06-04" and timeline.articles[0].published_from == "header"


def test_a_broken_manifest_names_the_file_and_the_line(tmp_path):
    write_corpus(tmp_path, {"good": ("2025-06-14", GOOD)})
    (tmp_path / "articles.toml").write_text('[[article]]\nfile = "good.txt"\npublished = \n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--data", str(tmp_path), "timeline"])
    assert result.exit_code == 2
    assert "articles.toml" in result.stderr and "line 3" in result.stderr and "Traceback" not in result.output


def test_markup_and_escape_sequences_in_an_article_stay_inert(tmp_path):
    write_corpus(tmp_path, {"evil": ("2025-06-14",
        "Akazawa said \"[bold red]no deal[/bold red]\x1b[2J\x07\" on Friday.\rHe met Lutnick on Friday.\n")})
    result = CliRunner().invoke(cli, ["--data", str(tmp_path), "timeline"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "[bold red]no deal[/bold red]" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output and "\r" not in result.output


@pytest.mark.parametrize("junk", ["1234567890" * 30_000, "%" * 300_000, "said " * 60_000, "5% " * 30_000])
def test_long_runs_of_one_thing_finish_and_give_valid_models(junk):
    timeline, _ = timeline_of([RawArticle("junk", junk, None)])
    Timeline.model_validate_json(timeline.to_json())


def test_every_fault_at_once_leaves_every_sample_event_intact(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for path in SAMPLE.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    clean, _ = build_timeline(folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "w.txt").write_bytes("\u201cNo,\u201d he said.\n".encode("cp1252"))
    (folder / "j.txt").write_bytes("ラトニック商務長官と会談した。\n".encode("shift_jis"))
    (folder / "digits.txt").write_text("1234567890" * 30_000, encoding="utf-8")
    (folder / "evil.txt").write_text("[bold]x[/bold] \x1b[31m red\n", encoding="utf-8")
    with open(folder / "articles.toml", "a", encoding="utf-8") as manifest:
        manifest.write('\n[[article]]\nfile = "ghost.txt"\npublished = 2025-06-01\n'
                       '\n[[article]]\nfile = "w.txt"\npublished = 2025-02-30\n')
    mixed, warnings = build_timeline(folder)
    assert {e.id for e in clean.events} <= {e.id for e in mixed.events}
    assert len(warnings) >= 6


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_any_text_gives_a_valid_timeline(text):
    timeline, _ = timeline_of([RawArticle("any", text, None)])
    document = json.loads(timeline.to_json())
    assert document["schema"] == "tariffs.timeline/1"
    Timeline.model_validate(document)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "Akazawa", " met ", "Lutnick", " on Friday", ", a day earlier", " 25% tariff", " on cars", " said", ".", "\n",
    "\"", " next week", " the previous day", " June 15-17", " in late July", " by phone", " for about an hour",
    "©", " Related coverage:", " he", " the two leaders", " 14 percentage points", " until July 9",
]), max_size=60))
def test_any_mix_of_article_words_gives_a_valid_timeline(words):
    timeline, _ = timeline_of([RawArticle("mix", "".join(words), None)])
    Timeline.model_validate_json(timeline.to_json())


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_load_or_warn(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("bytes")
    (folder / "x.txt").write_bytes(data)
    articles, warnings = read_corpus(folder)
    assert len(articles) + len(warnings) >= 1


def test_a_csv_cell_never_starts_a_formula(tmp_path):
    write_corpus(tmp_path, {"f": ("2025-06-14", '"=HYPERLINK(\\"http://x\\")," Akazawa said on Friday.\n')})
    result = CliRunner().invoke(cli, ["--data", str(tmp_path), "timeline", "--format", "csv"])
    import csv
    import io
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:4] == ["id", "date", "date_end", "type"]
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_ctrl_c_exits_130_with_one_line(tmp_path):
    import signal
    import subprocess
    import sys
    import time
    (tmp_path / "big.txt").write_text("Akazawa met Lutnick on Friday. " * 200_000, encoding="utf-8")
    run = subprocess.Popen([sys.executable, "-m", "tariffs", "--data", str(tmp_path), "timeline"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1.5)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130
    assert err.decode().strip() == "tariffs: interrupted"
