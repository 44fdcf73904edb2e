"""The commands beside `timeline`: rates, officials, show, add, schema, and the other export formats."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import icalendar
from click.testing import CliRunner

from tariffs.cli import cli
from tariffs.models import Timeline

SAMPLE = Path(__file__).resolve().parents[1] / "data"


def run(*args: str, env: dict | None = None):
    result = CliRunner().invoke(cli, list(args), env={"TARIFFS_DATA": "", "COLUMNS": "200", **(env or {})})
    return result


def sample_events() -> list[dict]:
    return json.loads(run("timeline", "--format", "json").stdout)["events"]


def test_rates_show_the_car_history_with_27_5_and_15_percent():
    result = run("rates", "--format", "json")
    autos = next(h for h in json.loads(result.stdout) if h["sector"] == "autos" and h["target"] == "JP")
    rates = [step["rate"] for step in autos["steps"]]
    assert 27.5 in rates and 15 in rates
    assert [s["date"] for s in autos["steps"] if s["date"]] == sorted(s["date"] for s in autos["steps"] if s["date"])
    table = run("rates").stdout
    assert "27.5%" in table and "15% agreed" in table


def test_rates_plot_draws_a_row_per_sector():
    plot = run("rates", "--plot").stdout
    assert plot.startswith("months:") and "autos/JP" in plot


def test_officials_lists_the_negotiators_with_counts_and_days():
    rows = {r["name"]: r for r in json.loads(run("officials", "--format", "json").stdout)}
    for name in ("Ryosei Akazawa", "Howard Lutnick", "Scott Bessent", "Shigeru Ishiba", "Donald Trump"):
        assert rows[name]["events"] > 0 and rows[name]["first"] <= rows[name]["last"]
    assert rows["Ryosei Akazawa"]["country"] == "JP" and rows["Ryosei Akazawa"]["roles"]
    assert "Ryosei Akazawa" in run("officials").stdout


def test_show_prints_every_field_and_the_source_sentence():
    event = next(e for e in sample_events() if e["type"] == "meeting" and e["duration_minutes"] == 110)
    shown = run("show", event["id"]).stdout
    assert "110" in shown and "110-minute meeting" in shown and "Kyodo News" in shown
    assert json.loads(run("show", event["id"], "--format", "json").stdout) == event


def test_show_an_unknown_id_is_one_line_and_exit_2():
    result = run("show", "m-nothing")
    assert result.exit_code == 2 and "no event" in result.stderr


def test_add_brings_a_new_meeting_into_the_timeline_and_twice_changes_nothing(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(SAMPLE, folder)
    (folder / "articles.toml").write_text((folder / "articles.toml").read_text() + "# kept comment\n")
    article = tmp_path / "fresh.txt"
    article.write_text("Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for about 80 minutes.\n")
    first = run("--data", str(folder), "add", str(article), "--published", "2025-09-06", "--source", "Test Wire")
    assert first.exit_code == 0 and "80 min" in first.stdout
    document = json.loads(run("--data", str(folder), "timeline", "--format", "json").stdout)
    assert any(e["type"] == "meeting" and e["duration_minutes"] == 80 and e["date"] == "2025-09-05" for e in document["events"])
    manifest = (folder / "articles.toml").read_text()
    assert "# kept comment" in manifest and manifest.count('file = "fresh.txt"') == 1
    second = run("--data", str(folder), "add", str(article))
    assert second.exit_code == 0 and "already in the data folder" in second.stderr
    assert (folder / "articles.toml").read_text() == manifest
    assert json.loads(run("--data", str(folder), "timeline", "--format", "json").stdout) == document


def test_add_to_the_bundled_sample_is_refused():
    result = run("add", str(SAMPLE / "001_4bb520dada9967cb.txt"))
    assert result.exit_code == 2 and "--data" in result.stderr


def test_add_with_a_bad_date_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Akazawa met Lutnick.\n")
    result = run("--data", str(tmp_path), "add", str(article), "--published", "2025-13-40")
    assert result.exit_code == 2 and "not a date" in result.stderr and not (tmp_path / "articles.toml").exists()


def test_csv_has_stable_columns_and_a_row_per_event():
    rows = list(csv.reader(io.StringIO(run("timeline", "--format", "csv").stdout)))
    # the columns CSV has always had keep their places; every other field follows them
    assert rows[0][:9] == ["id", "date", "date_end", "type", "summary", "officials", "countries", "date_text", "sources"]
    assert len(rows) - 1 == len(sample_events())


def test_markdown_is_a_table_with_a_row_per_event():
    lines = run("timeline", "--format", "markdown").stdout.splitlines()
    assert lines[0].startswith("| date | type |") and len(lines) - 2 == len(sample_events())


def test_ics_imports_with_an_all_day_event_per_dated_meeting_deadline_and_agreement():
    raw = run("timeline", "--format", "ics").stdout_bytes
    text = raw.decode("utf-8")
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    expected = [e for e in sample_events() if e["type"] in ("meeting", "deadline", "agreement") and e["date"]]
    assert len(events) == len(expected)
    assert all(not hasattr(v["DTSTART"].dt, "hour") for v in events)
    assert text.endswith("END:VCALENDAR\r\n") and "\r\n" in text
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


def test_schema_is_the_documents_json_schema():
    schema = json.loads(run("schema").stdout)
    assert schema["properties"]["schema"]["const"] == "tariffs.timeline/1"
    assert set(schema["$defs"]) >= {"Meeting", "Tariff", "Statement", "Agreement", "Deadline"}
    assert Timeline.model_validate(json.loads(run("timeline", "--format", "json").stdout))


def test_version_and_no_color():
    assert run("--version").stdout.startswith("tariffs, version")
    plain = run("timeline", env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in plain


def test_an_export_goes_out_in_a_few_large_writes_with_every_byte():
    from tariffs.cli import _blocks

    pieces = ["Akazawa–Lutnick, ", "talks ", "\u00e9"] * 20_000
    blocks = list(_blocks(pieces, size=1 << 16))
    assert b"".join(blocks) == "".join(pieces).encode("utf-8")
    assert all(len(block) >= 1 << 16 for block in blocks[:-1])
    assert len(blocks) <= len(b"".join(blocks)) // (1 << 16) + 1  # not a write per piece (60,000 of them)
