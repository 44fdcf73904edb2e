"""The command line: filters return exactly what they say, errors are one line and exit 2."""
from __future__ import annotations

import json

from click.testing import CliRunner

from tariffs.cli import cli


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def events(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["events"]


def test_json_document_follows_the_contract(corpus):
    document = json.loads(run("--data", str(corpus), "timeline", "--format", "json").stdout)
    assert document["schema"] == "tariffs.timeline/1"
    assert {a["id"] for a in document["articles"]} == {"a1", "a2", "a3"}
    for event in document["events"]:
        for field in ("id", "type", "date", "date_end", "date_text", "summary", "officials", "countries", "sources"):
            assert field in event
        assert event["sources"] and all({"article", "text"} <= set(s) for s in event["sources"])


def test_bundled_sample_gives_at_least_twenty_events():
    found = events(run("timeline", "--format", "json", env={"TARIFFS_DATA": ""}))
    assert len(found) >= 20


def test_data_comes_from_the_environment_when_no_option(corpus):
    found = events(run("timeline", "--format", "json", env={"TARIFFS_DATA": str(corpus)}))
    assert {s["article"] for e in found for s in e["sources"]} <= {"a1", "a2", "a3"}


def test_official_filter_by_surname_keeps_only_their_events(corpus):
    found = events(run("--data", str(corpus), "timeline", "--official", "lutnick", "--format", "json"))
    assert found
    assert all("Howard Lutnick" in e["officials"] for e in found)


def test_official_filter_by_role_phrase(corpus):
    by_role = events(run("--data", str(corpus), "timeline", "--official", "commerce secretary", "--format", "json"))
    by_name = events(run("--data", str(corpus), "timeline", "--official", "Howard Lutnick", "--format", "json"))
    assert [e["id"] for e in by_role] == [e["id"] for e in by_name]


def test_repeated_official_means_either(corpus):
    found = events(run("--data", str(corpus), "timeline", "--official", "Bessent", "--official", "Trump", "--format", "json"))
    people = [set(e["officials"]) for e in found]
    assert any("Scott Bessent" in p for p in people) and any("Donald Trump" in p for p in people)
    assert all(p & {"Scott Bessent", "Donald Trump"} for p in people)


def test_type_filter(corpus):
    found = events(run("--data", str(corpus), "timeline", "--type", "tariff", "--format", "json"))
    assert found and {e["type"] for e in found} == {"tariff"}


def test_date_filters_keep_events_touching_the_bounds(corpus):
    found = events(run("--data", str(corpus), "timeline", "--since", "2025-06-13", "--until", "2025-06-13", "--format", "json"))
    assert found
    for event in found:
        assert event["date"] <= "2025-06-13" <= (event["date_end"] or event["date"])


def test_date_filters_drop_undated_events(corpus):
    every = events(run("--data", str(corpus), "timeline", "--format", "json"))
    assert any(e["date"] is None for e in every)
    dated = events(run("--data", str(corpus), "timeline", "--since", "2000-01-01", "--format", "json"))
    assert all(e["date"] is not None for e in dated)


def test_table_lists_events_in_date_order(corpus):
    result = run("--data", str(corpus), "timeline")
    assert result.exit_code == 0
    assert result.output.index("1 May 2025") < result.output.index("13 Jun 2025")


def test_output_file_holds_the_json(corpus, tmp_path):
    target = tmp_path / "out.json"
    result = run("--data", str(corpus), "timeline", "--format", "json", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text())["schema"] == "tariffs.timeline/1"


def test_unknown_official_is_one_line_and_exit_2(corpus):
    result = run("--data", str(corpus), "timeline", "--official", "Nobody Atall")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "unknown official" in result.stderr


def test_bad_date_is_one_line_and_exit_2(corpus):
    result = run("--data", str(corpus), "timeline", "--since", "2025-02-30")
    assert result.exit_code == 2 and "is not a day or a month" in result.stderr


def test_until_before_since_is_refused(corpus):
    result = run("--data", str(corpus), "timeline", "--since", "2025-07-01", "--until", "2025-06-01")
    assert result.exit_code == 2 and "before" in result.stderr


def test_missing_data_folder_is_refused(tmp_path):
    result = run("--data", str(tmp_path / "absent"), "timeline")
    assert result.exit_code == 2 and "not found" in result.stderr


def test_broken_manifest_names_the_file(corpus):
    (corpus / "articles.toml").write_text("[[article]\nfile = ", encoding="utf-8")
    result = run("--data", str(corpus), "timeline")
    assert result.exit_code == 2 and "articles.toml" in result.stderr


def test_article_without_any_date_warns_once(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "x.txt").write_text("Akazawa met Lutnick on Friday.\n", encoding="utf-8")
    result = run("--data", str(folder), "timeline", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr.count("x: no publication date") == 1
    meeting = next(e for e in json.loads(result.stdout)["events"] if e["type"] == "meeting")
    assert meeting["date"] is None and meeting["date_text"] == "Friday"
